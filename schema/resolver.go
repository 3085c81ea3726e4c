package schema

import (
	"log/slog"

	"github.com/egovgraph/egovgraph/graph"
)

//go:generate go run ./internal/generate

// resolver answers the fields of the schema from a graph.Store, and those that need the
// whole graph from the request's network.View of it (see memo). Lists are cut into pages
// in memory (see cut), so that every list can be filtered, ordered and paged both ways.
type resolver struct {
	store    graph.Store
	writes   bool // mutations are enabled
	ingest   Ingester
	log      *slog.Logger
	releases *releaseIndex
	live     *live
}

// deref returns *s, or "" for nil: an omitted argument selects everything.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
