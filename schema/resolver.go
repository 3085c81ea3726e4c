package schema

import (
	"context"

	"github.com/egovgraph/egovgraph/graph"
)

//go:generate go tool gqlgen generate --config gqlgen.yml

// resolver answers the fields of the schema from a graph.Store.
type resolver struct {
	store graph.Store
}

// relations answers a relation connection: Query.relations and Entity.relations.
func (r *resolver) relations(ctx context.Context, f graph.RelationFilter, first *int, after *string) (*RelationConnection, error) {
	p, err := page(first, after)
	if err != nil {
		return nil, err
	}
	f.Page = p
	rs, err := r.store.Relations(ctx, f)
	if err != nil {
		return nil, err
	}
	return relationConnection(rs), nil
}

// deref returns *s, or "" for nil: an omitted argument selects everything.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
