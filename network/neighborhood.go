package network

import (
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// Neighborhood returns what graph.Store.Neighborhood returns, as the graph stood on asOf
// (YYYY-MM-DD): the entities within depth (1 to graph.MaxDepth) relations of id, walking
// relations of the given types (all when empty) first stated on or before asOf, in both
// directions, and the relations the walk followed (those with an end closer to id than
// depth), each with its evidence up to asOf. An empty asOf walks the whole graph.
func (x *View) Neighborhood(id string, depth int, types []graph.RelationType, asOf string) (graph.Subgraph, error) {
	var g graph.Subgraph
	if depth < 1 || depth > graph.MaxDepth {
		return g, graph.Errorf(graph.EINVALID, "depth %d: want 1 to %d", depth, graph.MaxDepth)
	}
	if err := validTypes(types); err != nil {
		return g, err
	}
	if err := validWindow("", "", asOf); err != nil {
		return g, err
	}
	start, err := x.entity(id)
	if err != nil {
		return g, err
	}
	w := window{until: asOf}
	seen := make([]bool, len(x.entities))
	followed := make([]bool, len(x.relations))
	seen[start] = true
	frontier := []int{start}
	for range depth {
		var next []int
		for _, v := range frontier {
			for _, r := range x.incident[v] {
				if followed[r] || len(types) > 0 && !slices.Contains(types, x.relations[r].Type) {
					continue
				}
				if _, ok := w.relation(x.relations[r]); !ok {
					continue
				}
				followed[r] = true
				if u := otherEnd(x.ends[r], v); !seen[u] {
					seen[u] = true
					next = append(next, u)
				}
			}
		}
		frontier = next
	}
	for i, ok := range seen {
		if ok {
			g.Nodes = append(g.Nodes, x.entities[i])
		}
	}
	for r, ok := range followed {
		if ok {
			rel, _ := w.relation(x.relations[r])
			g.Edges = append(g.Edges, rel)
		}
	}
	return g, nil
}
