package bolt

import (
	"context"
	"fmt"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// Neighborhood returns the entities within depth relations of id, walking relations of the
// given types (all when empty) in both directions, and the relations the walk followed:
// those with an end closer to id than depth.
func (s *Store) Neighborhood(ctx context.Context, id string, depth int, types []graph.RelationType) (graph.Subgraph, error) {
	var g graph.Subgraph
	if depth < 1 || depth > graph.MaxDepth {
		return g, graph.Errorf(graph.EINVALID, "depth %d: want 1 to %d", depth, graph.MaxDepth)
	}
	for _, t := range types {
		if !t.Valid() {
			return g, graph.Errorf(graph.EINVALID, "unknown relation type %q", t)
		}
	}
	err := s.read(ctx, func(idx *index) error {
		start, ok := idx.entities[id]
		if !ok {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		seen := map[string]*entityNode{id: start}
		followed := map[string]*relationNode{}
		frontier := []string{id}
		for range depth {
			var next []string
			for _, at := range frontier {
				for rid, r := range seen[at].rels {
					if len(types) > 0 && !slices.Contains(types, r.relation.Type) {
						continue
					}
					followed[rid] = r
					other := r.relation.Other(at)
					if _, ok := seen[other]; !ok {
						seen[other] = idx.entities[other]
						next = append(next, other)
					}
				}
			}
			frontier = next
		}
		g.Nodes = make([]graph.Entity, 0, len(seen))
		for _, n := range seen {
			g.Nodes = append(g.Nodes, cloneEntity(n.entity))
		}
		slices.SortFunc(g.Nodes, func(a, b graph.Entity) int { return compare(a.ID, b.ID) })
		g.Edges = make([]graph.Relation, 0, len(followed))
		for _, r := range followed {
			g.Edges = append(g.Edges, cloneRelation(r.relation))
		}
		slices.SortFunc(g.Edges, func(a, b graph.Relation) int { return compare(a.ID, b.ID) })
		return nil
	})
	if err != nil {
		return g, fmt.Errorf("neighborhood of %s: %w", id, err)
	}
	return g, nil
}
