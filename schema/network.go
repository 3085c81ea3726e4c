package schema

import (
	"cmp"
	"strings"

	"github.com/egovgraph/egovgraph/network"
)

// orderNodes returns the nodes of a network in the order o asks for, or list itself when
// o is nil.
func orderNodes(list []network.Node, o *NetworkNodeOrder) []network.Node {
	if o == nil {
		return list
	}
	var compare func(a, b network.Node) int
	switch o.Field {
	case NetworkNodeOrderFieldName:
		compare = func(a, b network.Node) int { return byText(a.Name, b.Name) }
	case NetworkNodeOrderFieldType:
		compare = func(a, b network.Node) int { return strings.Compare(string(a.Type), string(b.Type)) }
	case NetworkNodeOrderFieldDegree:
		compare = func(a, b network.Node) int { return cmp.Compare(a.Degree, b.Degree) }
	case NetworkNodeOrderFieldCommunity:
		compare = func(a, b network.Node) int { return cmp.Compare(a.Community, b.Community) }
	default:
		compare = func(a, b network.Node) int { return strings.Compare(a.ID, b.ID) }
	}
	return sortBy(list, o.Direction == OrderDirectionDesc, compare, nodeID)
}

// orderEdges returns the relations of a network in the order o asks for, or list itself
// when o is nil.
func orderEdges(list []network.Edge, o *NetworkRelationOrder) []network.Edge {
	if o == nil {
		return list
	}
	desc := o.Direction == OrderDirectionDesc
	var compare func(a, b network.Edge) int
	switch o.Field {
	case NetworkRelationOrderFieldType:
		compare = func(a, b network.Edge) int { return strings.Compare(string(a.Type), string(b.Type)) }
	case NetworkRelationOrderFieldFirstSeen:
		compare = func(a, b network.Edge) int { return byDate(a.FirstSeen, b.FirstSeen, desc) }
	case NetworkRelationOrderFieldLastSeen:
		compare = func(a, b network.Edge) int { return byDate(a.LastSeen, b.LastSeen, desc) }
	case NetworkRelationOrderFieldWeight:
		compare = func(a, b network.Edge) int { return cmp.Compare(a.Weight, b.Weight) }
	default:
		compare = func(a, b network.Edge) int { return strings.Compare(a.ID, b.ID) }
	}
	return sortBy(list, desc, compare, edgeID)
}
