package schema

import (
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// Neighborhood is a neighborhood as GraphQL returns it: at most a page of its relations,
// the entities they touch, and how large the whole is.
type Neighborhood struct {
	Nodes      []graph.Entity
	Edges      []graph.Relation
	TotalNodes int
	TotalEdges int
	Truncated  bool
}

// limitNeighborhood keeps at most first relations of g, those of the entity id first, then
// the others, each by ID, and the entities they touch, id always among them.
func limitNeighborhood(g graph.Subgraph, id string, first int) Neighborhood {
	n := Neighborhood{Nodes: g.Nodes, Edges: g.Edges, TotalNodes: len(g.Nodes), TotalEdges: len(g.Edges)}
	if len(g.Edges) <= first {
		return n
	}
	n.Truncated = true
	own := func(r graph.Relation) bool { return r.From == id || r.To == id }
	edges := slices.Clone(g.Edges)
	slices.SortStableFunc(edges, func(a, b graph.Relation) int {
		if own(a) != own(b) {
			if own(a) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	edges = edges[:first]
	slices.SortFunc(edges, func(a, b graph.Relation) int { return strings.Compare(a.ID, b.ID) })
	touched := map[string]bool{id: true}
	for _, r := range edges {
		touched[r.From], touched[r.To] = true, true
	}
	n.Edges, n.Nodes = edges, nil
	for _, e := range g.Nodes {
		if touched[e.ID] {
			n.Nodes = append(n.Nodes, e)
		}
	}
	return n
}
