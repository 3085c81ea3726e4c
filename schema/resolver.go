package schema

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

//go:generate go tool gqlgen generate --config gqlgen.yml

// resolver answers the fields of the schema from a graph.Store, and those that need the
// whole graph from the request's network.View of it (see memo).
type resolver struct {
	store  graph.Store
	writes bool // mutations are enabled
	ingest Ingester
	log    *slog.Logger
}

// relations answers a relation connection, Query.relations and Entity.relations, with the
// relations read selects. With asOf, only relations first stated on or before that day
// are selected, each with the evidence up to then.
func relations(ctx context.Context, f graph.RelationFilter, asOf *string, first *int, after *string,
	read func(context.Context, graph.RelationFilter) (graph.Paged[graph.Relation], error)) (*RelationConnection, error) {
	p, err := page(first, after)
	if err != nil {
		return nil, err
	}
	f.Page = p
	if asOf != nil && (f.Until == "" || *asOf < f.Until) {
		f.Until = *asOf
	}
	rs, err := read(ctx, f)
	if err != nil {
		return nil, err
	}
	if asOf != nil {
		for i, rel := range rs.Items {
			rs.Items[i], _ = network.AsOf(rel, *asOf)
		}
	}
	return relationConnection(rs), nil
}

// deref returns *s, or "" for nil: an omitted argument selects everything.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// posts answers a post connection: Query.posts and Entity.posts.
func posts(ctx context.Context, f network.PostFilter, first *int, after *string) (*PostConnection, error) {
	v, err := memoFor(ctx).networkView(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := v.Posts(f)
	if err != nil {
		return nil, err
	}
	p, err := pageOf(ps, first, after, postID)
	if err != nil {
		return nil, err
	}
	return postConnection(p), nil
}

// links answers a link connection of a state summary.
func links(list []network.Link, first *int, after *string) (*LinkConnection, error) {
	p, err := pageOf(list, first, after, linkID)
	if err != nil {
		return nil, err
	}
	return linkConnection(p), nil
}

// pathConnection answers Query.path: a page of paths, whose cursors are their positions,
// out of total shortest paths.
func pathConnection(paths []network.Path, total int, first *int, after *string) (*PathConnection, error) {
	positions := make([]int, len(paths))
	for i := range positions {
		positions[i] = i
	}
	p, err := pageOf(positions, first, after, strconv.Itoa)
	if err != nil {
		return nil, err
	}
	conn := &PathConnection{PageInfo: PageInfo{HasNextPage: p.More}, TotalCount: total}
	for _, i := range p.Items {
		c := cursor(strconv.Itoa(i))
		conn.Edges = append(conn.Edges, PathEdge{Cursor: c, Node: paths[i]})
		conn.PageInfo.EndCursor = &c
	}
	return conn, nil
}
