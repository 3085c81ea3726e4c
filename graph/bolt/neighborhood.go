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
		// Marks by ord list the nodes and edges in ID order without sorting.
		seen := make([]bool, len(idx.entityList))
		followed := make([]bool, len(idx.relationList))
		seen[start.ord] = true
		nodes, edges := 1, 0
		frontier := []*entityNode{start}
		for range depth {
			var next []*entityNode
			for _, at := range frontier {
				for _, r := range at.rels {
					if followed[r.ord] || len(types) > 0 && !slices.Contains(types, r.relation.Type) {
						continue
					}
					followed[r.ord] = true
					edges++
					other := idx.entities[r.relation.Other(at.id)]
					if !seen[other.ord] {
						seen[other.ord] = true
						nodes++
						next = append(next, other)
					}
				}
			}
			frontier = next
		}
		g.Nodes = make([]graph.Entity, 0, nodes)
		for i, ok := range seen {
			if ok {
				g.Nodes = append(g.Nodes, cloneEntity(idx.entityList[i].entity))
			}
		}
		picked := make([]*relationNode, 0, edges)
		for i, ok := range followed {
			if ok {
				picked = append(picked, idx.relationList[i])
			}
		}
		g.Edges = cloneRelations(picked)
		return nil
	})
	if err != nil {
		return g, fmt.Errorf("neighborhood of %s: %w", id, err)
	}
	return g, nil
}
