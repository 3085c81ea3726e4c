package schema

import (
	"context"
	"net/http"

	"github.com/egovgraph/egovgraph/graph"
)

// Ingester reads a release text, extracts its facts and stores them; the command that
// serves gives one, since reading and extracting are not this package's.
type Ingester interface {
	// AddText stores the release text written in format ("md", "html" or "txt") under
	// source ("" for one derived from the text) and returns its ID and whether the graph
	// changed; a text stored already returns the ID it is stored under.
	AddText(ctx context.Context, text, format, source string) (id string, changed bool, err error)
	// AddURL fetches the release page at url and stores it as AddText does, the URL its
	// source.
	AddURL(ctx context.Context, url string) (id string, changed bool, err error)
}

type writerKey struct{}

// WithWriter returns ctx carrying the name of the writer whose token the request showed;
// the HTTP layer that checks tokens calls it.
func WithWriter(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, writerKey{}, name)
}

// writerOf returns the name WithWriter put in ctx, "" when none.
func writerOf(ctx context.Context) string {
	name, _ := ctx.Value(writerKey{}).(string)
	return name
}

// authorize returns the name of the writer of the request, or the error a write without
// one gets, and sets the status of the answer to match.
func (r *resolver) authorize(ctx context.Context) (string, error) {
	if !r.writes {
		setStatus(ctx, http.StatusForbidden)
		return "", graph.Errorf(graph.EFORBIDDEN, "writes are disabled on this server: start egovgraph serve with -token NAME:TOKEN (or EGOVGRAPH_TOKEN) and send Authorization: Bearer TOKEN")
	}
	name := writerOf(ctx)
	if name == "" {
		setStatus(ctx, http.StatusUnauthorized)
		return "", graph.Errorf(graph.EUNAUTHORIZED, "this write needs the header Authorization: Bearer TOKEN with a token the server was started with")
	}
	return name, nil
}

type statusKey struct{}

// setStatus asks for the HTTP status of the answer to the request of ctx.
func setStatus(ctx context.Context, code int) {
	if p, ok := ctx.Value(statusKey{}).(*int); ok && *p == 0 {
		*p = code
	}
}

// statusWriter answers with the status a resolver asked for instead of 200.
type statusWriter struct {
	http.ResponseWriter
	status *int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote && code == http.StatusOK && *w.status != 0 {
		code = *w.status
	}
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}
