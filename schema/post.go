package schema

import (
	"cmp"
	"context"
	"strings"

	"github.com/egovgraph/egovgraph/network"
)

// orderPosts returns list in the order o asks for, or list itself when o is nil.
func orderPosts(list []network.Post, o *PostOrder) []network.Post {
	if o == nil {
		return list
	}
	var compare func(a, b network.Post) int
	switch o.Field {
	case PostOrderFieldName:
		compare = func(a, b network.Post) int { return byText(a.Name, b.Name) }
	case PostOrderFieldHolders:
		compare = func(a, b network.Post) int { return cmp.Compare(len(a.Holders), len(b.Holders)) }
	default:
		compare = func(a, b network.Post) int { return strings.Compare(a.Party.ID, b.Party.ID) }
	}
	return sortBy(list, o.Direction == OrderDirectionDesc, compare, postID)
}

// orderHolders returns list in the order o asks for, or list itself when o is nil.
func orderHolders(list []network.Holder, o *HolderOrder) []network.Holder {
	if o == nil {
		return list
	}
	desc := o.Direction == OrderDirectionDesc
	var compare func(a, b network.Holder) int
	switch o.Field {
	case HolderOrderFieldFirstSeen:
		compare = func(a, b network.Holder) int { return byDate(a.FirstSeen, b.FirstSeen, desc) }
	case HolderOrderFieldLastSeen:
		compare = func(a, b network.Holder) int { return byDate(a.LastSeen, b.LastSeen, desc) }
	default:
		compare = func(a, b network.Holder) int { return strings.Compare(a.Person.ID, b.Person.ID) }
	}
	return sortBy(list, desc, compare, holderID)
}

// posts answers a post connection: Query.posts and Entity.posts.
func posts(ctx context.Context, f network.PostFilter, orderBy *PostOrder, w window) (*PostConnection, error) {
	v, err := memoFor(ctx).networkView(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := v.Posts(f)
	if err != nil {
		return nil, err
	}
	return postConnection(orderPosts(ps, orderBy), w)
}
