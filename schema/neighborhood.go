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
	// g.Edges is ordered by ID: take the entity's own relations, then the others, in order.
	own := func(r graph.Relation) bool { return r.From == id || r.To == id }
	edges := make([]graph.Relation, 0, first)
	for _, mine := range []bool{true, false} {
		for _, r := range g.Edges {
			if len(edges) == first {
				break
			}
			if own(r) == mine {
				edges = append(edges, r)
			}
		}
	}
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
