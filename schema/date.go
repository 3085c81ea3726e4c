package schema

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/egovgraph/egovgraph/graph"
)

// MarshalDate writes the Date scalar d, a YYYY-MM-DD string; the empty string, which the
// graph uses for an undated release, is written as null.
func MarshalDate(d string) graphql.Marshaler {
	if d == "" {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(d))
	})
}

// UnmarshalDate reads the Date scalar: a string written YYYY-MM-DD, or an EINVALID error.
// Null, which an optional field of an input object may be, reads as "": no date.
func UnmarshalDate(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", graph.Errorf(graph.EINVALID, "date %v: want a string YYYY-MM-DD", v)
	}
	if !graph.ValidDate(s) {
		return "", graph.Errorf(graph.EINVALID, "date %q: want YYYY-MM-DD", s)
	}
	return s, nil
}
