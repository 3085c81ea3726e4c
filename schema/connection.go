package schema

import (
	"encoding/base64"

	"github.com/egovgraph/egovgraph/graph"
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
