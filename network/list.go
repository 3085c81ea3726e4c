package network

import "github.com/egovgraph/egovgraph/graph"

// Entities returns every entity of the graph, ordered by ID. The slice is the View's:
// callers must not modify it.
func (x *View) Entities() []graph.Entity { return x.entities }
