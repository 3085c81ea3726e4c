package schema

import "github.com/egovgraph/egovgraph/graph"

// Neighborhood is a neighborhood as GraphQL returns it: at most a page of its relations,
// the entities they touch, and how large the whole is.
type Neighborhood struct {
	Nodes      []graph.Entity
	Edges      []graph.Relation
	TotalNodes int
	TotalEdges int
	Truncated  bool
}
