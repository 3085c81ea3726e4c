package schema

import (
	"cmp"
	"encoding/base64"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// cursor returns the opaque cursor of the item with the given ID.
func cursor(id string) string { return base64.URLEncoding.EncodeToString([]byte(id)) }

// decodeCursor returns the ID the cursor c of argument arg encodes, or an EINVALID error.
func decodeCursor(arg, c string) (string, error) {
	id, err := base64.URLEncoding.DecodeString(c)
	if err != nil || len(id) == 0 {
		return "", graph.Errorf(graph.EINVALID, "%s %q: not a cursor of this API", arg, c)
	}
	return string(id), nil
}

// window is the part of a list that the Relay arguments of a connection ask for: first
// items after a cursor, last items before one, or both.
type window struct {
	first, last   *int
	after, before *string
}

func win(first *int, after *string, last *int, before *string) window {
	return window{first: first, after: after, last: last, before: before}
}

// slice is a page of a list: its items and where they lie in it.
type slice[T any] struct {
	items      []T
	start, end int // the items are list[start:end]
	total      int
}

// cut returns the page of list that w asks for; id returns the ID an item's cursor
// encodes. A cursor of no item on the list is EINVALID, unless byID reports that the list
// is in ascending order of ID: then the cursor stands for the place its ID would have, so
// that a client paging through a list that changed goes on where it was.
func cut[T any](list []T, w window, id func(T) string, byID bool) (slice[T], error) {
	for _, n := range []struct {
		name string
		v    *int
	}{{"first", w.first}, {"last", w.last}} {
		if n.v != nil && (*n.v < 1 || *n.v > graph.MaxPageSize) {
			return slice[T]{}, graph.Errorf(graph.EINVALID, "%s %d: want 1 to %d", n.name, *n.v, graph.MaxPageSize)
		}
	}
	// locate returns the position of the item the cursor names, or with byID where it would be.
	locate := func(arg string, c *string, orAfter bool) (int, error) {
		cid, err := decodeCursor(arg, *c)
		if err != nil {
			return 0, err
		}
		if k := slices.IndexFunc(list, func(item T) bool { return id(item) == cid }); k >= 0 {
			return k, nil
		}
		if !byID {
			return 0, graph.Errorf(graph.EINVALID, "%s %q: not on this list", arg, *c)
		}
		k := sort.Search(len(list), func(i int) bool { return id(list[i]) > cid })
		if orAfter {
			k-- // the item just before the place, so that the page starts at the place
		}
		return k, nil
	}
	start, end := 0, len(list)
	if w.after != nil && *w.after != "" {
		k, err := locate("after", w.after, true)
		if err != nil {
			return slice[T]{}, err
		}
		start = k + 1
	}
	if w.before != nil && *w.before != "" {
		k, err := locate("before", w.before, false)
		if err != nil {
			return slice[T]{}, err
		}
		end = max(k, start)
	}
	if w.first == nil && w.last == nil {
		end = min(end, start+graph.DefaultPageSize)
	}
	if w.first != nil {
		end = min(end, start+*w.first)
	}
	if w.last != nil {
		start = max(start, end-*w.last)
	}
	return slice[T]{items: list[start:end], start: start, end: end, total: len(list)}, nil
}

// edges returns the edges of a page, built by edge from each item and its cursor, and the
// page's PageInfo.
func edges[T, E any](s slice[T], id func(T) string, edge func(cursor string, node T) E) ([]E, PageInfo) {
	es := make([]E, len(s.items))
	info := PageInfo{HasPreviousPage: s.start > 0, HasNextPage: s.end < s.total}
	for i, item := range s.items {
		c := cursor(id(item))
		es[i] = edge(c, item)
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
	}
	return es, info
}

// sortBy returns a copy of list ordered by compare, reversed when desc, ties broken by id
// in ascending order.
func sortBy[T any](list []T, desc bool, compare func(a, b T) int, id func(T) string) []T {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b T) int {
		c := compare(a, b)
		if desc {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(id(a), id(b))
		}
		return c
	})
	return out
}

// byDate compares two dates, the empty one (undated) last in either direction: desc is
// the direction sortBy applies.
func byDate(a, b string, desc bool) int {
	switch {
	case a == b:
		return 0
	case a == "" && desc, b == "" && !desc:
		return -1
	case a == "" || b == "":
		return 1
	}
	return strings.Compare(a, b)
}

// byText compares two names as a reader would: folded, then as written.
func byText(a, b string) int {
	return cmp.Or(strings.Compare(graph.Fold(a), graph.Fold(b)), strings.Compare(a, b))
}

// filter returns the items of list that keep reports true for, all of them when keep is nil.
func filter[T any](list []T, keep func(T) bool) []T {
	if keep == nil {
		return list
	}
	var out []T
	for _, item := range list {
		if keep(item) {
			out = append(out, item)
		}
	}
	return out
}

// all returns every item of a list that the view hands out in pages.
func all[T any](read func(graph.Page) (graph.Paged[T], error), id func(T) string) ([]T, error) {
	var list []T
	p := graph.Page{First: graph.MaxPageSize}
	for {
		page, err := read(p)
		if err != nil {
			return nil, err
		}
		list = append(list, page.Items...)
		if !page.More || len(page.Items) == 0 {
			return list, nil
		}
		p.After = id(page.Items[len(page.Items)-1])
	}
}

// optional returns nil for the empty string, which the graph uses for "none".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func entityID(e graph.Entity) string     { return e.ID }
func relationID(r graph.Relation) string { return r.ID }
func releaseID(r graph.Release) string   { return r.ID }

func entityConnection(list []graph.Entity, w window, byID bool) (*EntityConnection, error) {
	s, err := cut(list, w, entityID, byID)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, entityID, func(c string, e graph.Entity) EntityEdge { return EntityEdge{Cursor: c, Node: e} })
	return &EntityConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func relationConnection(list []graph.Relation, w window, byID bool) (*RelationConnection, error) {
	s, err := cut(list, w, relationID, byID)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, relationID, func(c string, r graph.Relation) RelationEdge { return RelationEdge{Cursor: c, Node: r} })
	return &RelationConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func releaseConnection(list []graph.Release, w window) (*ReleaseConnection, error) {
	s, err := cut(list, w, releaseID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, releaseID, func(c string, r graph.Release) ReleaseEdge { return ReleaseEdge{Cursor: c, Node: r} })
	return &ReleaseConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func nodeID(n network.Node) string { return n.ID }
func edgeID(e network.Edge) string { return e.ID }

func networkNodeConnection(list []network.Node, w window) (*NetworkNodeConnection, error) {
	s, err := cut(list, w, nodeID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, nodeID, func(c string, n network.Node) NetworkNodeEdge { return NetworkNodeEdge{Cursor: c, Node: n} })
	return &NetworkNodeConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func networkRelationConnection(list []network.Edge, w window) (*NetworkRelationConnection, error) {
	s, err := cut(list, w, edgeID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, edgeID, func(c string, e network.Edge) NetworkRelationEdge { return NetworkRelationEdge{Cursor: c, Node: e} })
	return &NetworkRelationConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

// postID is the ID a post's cursor encodes: its party and name.
func postID(p network.Post) string { return p.Party.ID + " " + graph.Fold(p.Name) }

func postConnection(list []network.Post, w window) (*PostConnection, error) {
	s, err := cut(list, w, postID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, postID, func(c string, p network.Post) PostEdge { return PostEdge{Cursor: c, Node: p} })
	return &PostConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func holderID(h network.Holder) string { return h.Person.ID }

func holderConnection(list []network.Holder, w window) (*HolderConnection, error) {
	s, err := cut(list, w, holderID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, holderID, func(c string, h network.Holder) HolderEdge { return HolderEdge{Cursor: c, Node: h} })
	return &HolderConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func centralityID(c network.Centrality) string { return c.ID }

func centralityConnection(list []network.Centrality, w window) (*CentralityConnection, error) {
	s, err := cut(list, w, centralityID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, centralityID, func(cur string, c network.Centrality) CentralityEdge { return CentralityEdge{Cursor: cur, Node: c} })
	return &CentralityConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

// communityID is the ID a community's cursor encodes: its number.
func communityID(c network.Community) string { return strconv.Itoa(c.ID) }

func communityConnection(list []network.Community, w window) (*CommunityConnection, error) {
	s, err := cut(list, w, communityID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, communityID, func(cur string, c network.Community) CommunityEdge { return CommunityEdge{Cursor: cur, Node: c} })
	return &CommunityConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

func coMemberID(c network.CoMember) string { return c.Party.ID }

func coMemberConnection(list []network.CoMember, w window) (*CoMemberConnection, error) {
	s, err := cut(list, w, coMemberID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, coMemberID, func(cur string, c network.CoMember) CoMemberEdge { return CoMemberEdge{Cursor: cur, Node: c} })
	return &CoMemberConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

// linkID is the ID a link's cursor encodes: its relation's.
func linkID(l network.Link) string { return l.Relation.ID }

func linkConnection(list []network.Link, w window) (*LinkConnection, error) {
	s, err := cut(list, w, linkID, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, linkID, func(c string, l network.Link) LinkEdge { return LinkEdge{Cursor: c, Node: l} })
	return &LinkConnection{Edges: es, PageInfo: info, TotalCount: s.total}, nil
}

// pathConnection answers Query.path: a page of paths, whose cursors are their positions,
// out of total shortest paths. Without first and last every path is on the page.
func pathConnection(paths []network.Path, total int, w window) (*PathConnection, error) {
	positions := make([]int, len(paths))
	for i := range positions {
		positions[i] = i
	}
	if w.first == nil && w.last == nil {
		n := max(len(paths), 1)
		w.first = &n
	}
	s, err := cut(positions, w, strconv.Itoa, false)
	if err != nil {
		return nil, err
	}
	es, info := edges(s, strconv.Itoa, func(c string, i int) PathEdge { return PathEdge{Cursor: c, Node: paths[i]} })
	return &PathConnection{Edges: es, PageInfo: info, TotalCount: total}, nil
}
