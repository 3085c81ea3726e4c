package export

import (
	"strconv"

	"github.com/egovgraph/egovgraph/network"
)

// kind is the data type of an attribute; each XML format spells it its own way.
type kind int

const (
	kindString kind = iota
	kindInt
	kindDouble
	kindBool
)

// attribute is one column of the node or edge table that GraphML and GEXF declare and
// fill alike. value returns "" when the element has no value.
type attribute[T any] struct {
	name  string
	kind  kind
	value func(T) string
}

// nodeAttributes are the columns of a node besides its ID and name.
var nodeAttributes = []attribute[network.Node]{
	{"type", kindString, func(n network.Node) string { return string(n.Type) }},
	{"degree", kindInt, func(n network.Node) string { return strconv.Itoa(n.Degree) }},
	{"community", kindInt, func(n network.Node) string { return strconv.Itoa(n.Community) }},
	{"iso3166", kindString, func(n network.Node) string { return n.ISO3166 }},
	{"wikidata", kindString, func(n network.Node) string { return n.Wikidata }},
	{"themenfeld", kindString, func(n network.Node) string { return n.Themenfeld }},
	{"aliases", kindString, func(n network.Node) string { return joinAliases(n.Entity) }},
}

// edgeAttributes are the columns of an edge besides its ends, direction and weight.
// GraphML and GEXF call the relation type "relation": "type" is taken by the direction in
// Gephi's edge table.
var edgeAttributes = []attribute[network.Edge]{
	{"relation", kindString, func(e network.Edge) string { return string(e.Type) }},
	{"role", kindString, func(e network.Edge) string { return e.Role }},
	{"firstSeen", kindString, func(e network.Edge) string { return e.FirstSeen }},
	{"lastSeen", kindString, func(e network.Edge) string { return e.LastSeen }},
	{"evidence", kindInt, func(e network.Edge) string { return strconv.Itoa(len(e.Evidence)) }},
	{"directed", kindBool, func(e network.Edge) string { return strconv.FormatBool(e.Type.Directed()) }},
}

// edgeDefault returns how the edges of n are directed as a whole: "undirected" when none
// is directed (a network of cooperations), else "directed". A network that mixes both is
// written as directed, each edge saying in its directed attribute whether it is: networkx
// and most other readers take a graph as directed or undirected as a whole, and refuse an
// edge that differs.
func edgeDefault(n network.Network) string {
	for _, e := range n.Edges {
		if e.Type.Directed() {
			return "directed"
		}
	}
	if len(n.Edges) == 0 {
		return "directed"
	}
	return "undirected"
}
