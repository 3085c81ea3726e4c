package schema

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/egovgraph/egovgraph/graph"
)

// MarshalEntityType writes the EntityType enum value of t: its name in upper case
// (graph.State is STATE). The empty type, which a field of no entity has, is null.
func MarshalEntityType(t graph.EntityType) graphql.Marshaler {
	if t == "" {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(strings.ToUpper(string(t))))
	})
}

// UnmarshalEntityType reads an EntityType enum value: STATE, or State as an earlier release
// named it (deprecated; gqlgen cannot bind two enum values to one constant, hence these
// functions).
func UnmarshalEntityType(v any) (graph.EntityType, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("entity type %v: want an EntityType value", v)
	}
	for _, t := range graph.EntityTypes {
		if s == string(t) || s == strings.ToUpper(string(t)) {
			return t, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "unknown entity type %q", s)
}
