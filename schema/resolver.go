package schema

import (
	"context"
	"log/slog"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

//go:generate go tool gqlgen generate --config gqlgen.yml

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

// primeEnds primes the request's memo with the entities at the ends of relations, as v
// holds them.
func primeEnds(ctx context.Context, v *network.View, relations []graph.Relation) {
	var es []graph.Entity
	for _, r := range relations {
		for _, id := range []string{r.From, r.To} {
			if e, err := v.Entity(id); err == nil {
				es = append(es, e)
			}
		}
	}
	memoFor(ctx).prime(es)
}
