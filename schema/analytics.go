package schema

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/egovgraph/egovgraph/network"
)

// orderCommunities returns list in the order o asks for, or list itself when o is nil.
func orderCommunities(list []network.Community, o *CommunityOrder) []network.Community {
	if o == nil {
		return list
	}
	var compare func(a, b network.Community) int
	switch o.Field {
	case CommunityOrderFieldSize:
		compare = func(a, b network.Community) int { return cmp.Compare(len(a.Members), len(b.Members)) }
	case CommunityOrderFieldRelations:
		compare = func(a, b network.Community) int { return cmp.Compare(a.Relations, b.Relations) }
	case CommunityOrderFieldBoundary:
		compare = func(a, b network.Community) int { return cmp.Compare(a.Boundary, b.Boundary) }
	default:
		compare = func(a, b network.Community) int { return cmp.Compare(a.ID, b.ID) }
	}
	// Ties by number, not by the text of the number.
	return sortBy(list, o.Direction == OrderDirectionDesc, compare, func(c network.Community) string { return fmt.Sprintf("%09d", c.ID) })
}

// orderCoMembers returns list in the order o asks for, or list itself when o is nil.
func orderCoMembers(list []network.CoMember, o *CoMemberOrder) []network.CoMember {
	if o == nil {
		return list
	}
	compare := func(a, b network.CoMember) int { return strings.Compare(a.Party.ID, b.Party.ID) }
	if o.Field == CoMemberOrderFieldCount {
		compare = func(a, b network.CoMember) int { return cmp.Compare(len(a.Shared), len(b.Shared)) }
	}
	return sortBy(list, o.Direction == OrderDirectionDesc, compare, coMemberID)
}

// links answers a link connection of a state summary.
func links(list []network.Link, o *LinkOrder, w window) (*LinkConnection, error) {
	if o != nil {
		desc := o.Direction == OrderDirectionDesc
		var compare func(a, b network.Link) int
		switch o.Field {
		case LinkOrderFieldName:
			compare = func(a, b network.Link) int { return byText(a.Entity.Name, b.Entity.Name) }
		case LinkOrderFieldWeight:
			compare = func(a, b network.Link) int { return cmp.Compare(a.Relation.Weight(), b.Relation.Weight()) }
		case LinkOrderFieldFirstSeen:
			compare = func(a, b network.Link) int { return byDate(a.Relation.FirstSeen(), b.Relation.FirstSeen(), desc) }
		case LinkOrderFieldLastSeen:
			compare = func(a, b network.Link) int { return byDate(a.Relation.LastSeen(), b.Relation.LastSeen(), desc) }
		default:
			compare = func(a, b network.Link) int { return strings.Compare(a.Entity.ID, b.Entity.ID) }
		}
		list = sortBy(list, desc, compare, linkID)
	}
	return linkConnection(list, w)
}
