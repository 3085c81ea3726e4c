package schema

import (
	"encoding/base64"
	"slices"
	"strconv"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// cursor returns the opaque cursor of the item with the given ID.
func cursor(id string) string { return base64.URLEncoding.EncodeToString([]byte(id)) }

// page returns the store page that the arguments first and after ask for: first, when
// given, from 1 to graph.MaxPageSize, and after a cursor this API issued.
func page(first *int, after *string) (graph.Page, error) {
	var p graph.Page
	if first != nil {
		if *first < 1 || *first > graph.MaxPageSize {
			return p, graph.Errorf(graph.EINVALID, "first %d: want 1 to %d", *first, graph.MaxPageSize)
		}
		p.First = *first
	}
	if after != nil && *after != "" {
		id, err := base64.URLEncoding.DecodeString(*after)
		if err != nil || len(id) == 0 {
			return p, graph.Errorf(graph.EINVALID, "after %q: not a cursor of this API", *after)
		}
		p.After = string(id)
	}
	return p, nil
}

// edges returns the edges of a page of items, built by edge from each item and its
// cursor, and the page's PageInfo.
func edges[T, E any](p graph.Paged[T], id func(T) string, edge func(cursor string, node T) E) ([]E, PageInfo) {
	es := make([]E, len(p.Items))
	info := PageInfo{HasNextPage: p.More}
	for i, item := range p.Items {
		c := cursor(id(item))
		es[i] = edge(c, item)
		info.EndCursor = &c
	}
	return es, info
}

func entityConnection(p graph.Paged[graph.Entity]) *EntityConnection {
	es, info := edges(p, func(e graph.Entity) string { return e.ID },
		func(c string, e graph.Entity) EntityEdge { return EntityEdge{Cursor: c, Node: e} })
	return &EntityConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func relationConnection(p graph.Paged[graph.Relation]) *RelationConnection {
	es, info := edges(p, func(r graph.Relation) string { return r.ID },
		func(c string, r graph.Relation) RelationEdge { return RelationEdge{Cursor: c, Node: r} })
	return &RelationConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func releaseConnection(p graph.Paged[graph.Release]) *ReleaseConnection {
	es, info := edges(p, func(r graph.Release) string { return r.ID },
		func(c string, r graph.Release) ReleaseEdge { return ReleaseEdge{Cursor: c, Node: r} })
	return &ReleaseConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

// optional returns nil for the empty string, which the graph uses for "none".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// pageOf returns the page that first and after ask for of list, an ordered list held in
// memory; id returns the ID an item's cursor encodes. A cursor of no item on the list is
// EINVALID.
func pageOf[T any](list []T, first *int, after *string, id func(T) string) (graph.Paged[T], error) {
	p, err := page(first, after)
	if err != nil {
		return graph.Paged[T]{}, err
	}
	start := 0
	if p.After != "" {
		k := slices.IndexFunc(list, func(item T) bool { return id(item) == p.After })
		if k < 0 {
			return graph.Paged[T]{}, graph.Errorf(graph.EINVALID, "after %q: not on this list", *after)
		}
		start = k + 1
	}
	end := min(start+p.Size(), len(list))
	return graph.Paged[T]{Items: list[start:end], Total: len(list), More: end < len(list)}, nil
}

func networkNodeConnection(p graph.Paged[network.Node]) *NetworkNodeConnection {
	es, info := edges(p, func(n network.Node) string { return n.ID },
		func(c string, n network.Node) NetworkNodeEdge { return NetworkNodeEdge{Cursor: c, Node: n} })
	return &NetworkNodeConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func networkRelationConnection(p graph.Paged[network.Edge]) *NetworkRelationConnection {
	es, info := edges(p, func(e network.Edge) string { return e.ID },
		func(c string, e network.Edge) NetworkRelationEdge { return NetworkRelationEdge{Cursor: c, Node: e} })
	return &NetworkRelationConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

// postID is the ID a post's cursor encodes: its party and name.
func postID(p network.Post) string { return p.Party.ID + " " + graph.Fold(p.Name) }

func postConnection(p graph.Paged[network.Post]) *PostConnection {
	es, info := edges(p, postID, func(c string, p network.Post) PostEdge { return PostEdge{Cursor: c, Node: p} })
	return &PostConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func holderConnection(p graph.Paged[network.Holder]) *HolderConnection {
	es, info := edges(p, func(h network.Holder) string { return h.Person.ID },
		func(c string, h network.Holder) HolderEdge { return HolderEdge{Cursor: c, Node: h} })
	return &HolderConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func centralityConnection(p graph.Paged[network.Centrality]) *CentralityConnection {
	es, info := edges(p, func(c network.Centrality) string { return c.ID },
		func(cur string, c network.Centrality) CentralityEdge { return CentralityEdge{Cursor: cur, Node: c} })
	return &CentralityConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

// communityID is the ID a community's cursor encodes: its number.
func communityID(c network.Community) string { return strconv.Itoa(c.ID) }

func communityConnection(p graph.Paged[network.Community]) *CommunityConnection {
	es, info := edges(p, communityID,
		func(cur string, c network.Community) CommunityEdge { return CommunityEdge{Cursor: cur, Node: c} })
	return &CommunityConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

func coMemberConnection(p graph.Paged[network.CoMember]) *CoMemberConnection {
	es, info := edges(p, func(c network.CoMember) string { return c.Party.ID },
		func(cur string, c network.CoMember) CoMemberEdge { return CoMemberEdge{Cursor: cur, Node: c} })
	return &CoMemberConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}

// linkID is the ID a link's cursor encodes: its relation's.
func linkID(l network.Link) string { return l.Relation.ID }

func linkConnection(p graph.Paged[network.Link]) *LinkConnection {
	es, info := edges(p, linkID, func(c string, l network.Link) LinkEdge { return LinkEdge{Cursor: c, Node: l} })
	return &LinkConnection{Edges: es, PageInfo: info, TotalCount: p.Total}
}
