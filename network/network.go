// Package network computes the shape of the cooperation network from a graph.Snapshot:
// filtered networks for dashboards, shortest paths, the network as it stood on a day, what
// changed in an interval, offices held over time, and analytics (centrality, communities,
// co-membership), cached per graph version.
package network

import "github.com/egovgraph/egovgraph/graph"

// Filter selects part of the network. Empty fields select everything.
type Filter struct {
	RelationTypes []graph.RelationType
	EntityTypes   []graph.EntityType
	// State keeps the given Land (an entity ID such as "state:bayern") and the entities
	// within one relation of it.
	State string
	// Since and Until (YYYY-MM-DD, inclusive) keep relations stated by a release dated
	// within the interval.
	Since, Until string
	// AsOf (YYYY-MM-DD) keeps relations first stated on or before that day: the network as
	// it stood then.
	AsOf string
}

// Node is an entity of a network with its place in it.
type Node struct {
	graph.Entity
	// Degree counts the node's edges in the network.
	Degree int
	// Community numbers the community the node belongs to (0, 1, …; by size, largest first).
	Community int
}

// Edge is a relation of a network, summarised for drawing.
type Edge struct {
	ID       string
	Type     graph.RelationType
	From, To string
	Role     string
	// FirstSeen and LastSeen are the earliest and latest dates of the releases stating it.
	FirstSeen, LastSeen string
	// Weight is the number of releases stating it.
	Weight   int
	Evidence []graph.Evidence
}

// Network is the part of the graph a Filter selects, at one version of the store.
type Network struct {
	Version string
	Nodes   []Node // ordered by ID
	Edges   []Edge // ordered by ID
}
