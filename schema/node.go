package schema

import (
	"context"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// Node is an object with a global ID: a graph.Entity, graph.Relation or graph.Release. It
// is empty so that gqlgen binds the GraphQL interface to the graph types as they are.
type Node any

// node returns the object with the global ID id, or an ENOTFOUND error. The ID tells the
// type: a relation's starts with its type ("MEMBER_OF:"), an entity's with its prefix
// ("state:"), and a release's has no colon.
func node(ctx context.Context, id string) (Node, error) {
	t, _, hasColon := strings.Cut(id, ":")
	switch {
	case !hasColon:
		r, err := memoFor(ctx).release(ctx, id)
		if err != nil {
			return nil, err
		}
		return r, nil
	case graph.RelationType(t).Valid():
		v, err := memoFor(ctx).networkView(ctx)
		if err != nil {
			return nil, err
		}
		r, err := relationByID(v, id)
		if err != nil {
			return nil, err
		}
		return &r, nil
	default:
		e, err := memoFor(ctx).entity(ctx, id)
		if err != nil {
			return nil, err
		}
		return e, nil
	}
}
