package network

import (
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// Neighborhood returns what graph.Store.Neighborhood returns, as the graph stood on asOf
// (YYYY-MM-DD): the entities within depth (1 to graph.MaxDepth) relations of id, walking
// relations of the given types (all when empty) first stated on or before asOf, in both
// directions, and the relations the walk followed (those with an end closer to id than
// depth), each with its evidence up to asOf. An empty asOf walks the whole graph.
func (x *View) Neighborhood(id string, depth int, types []graph.RelationType, asOf string) (graph.Subgraph, error) {
	p, err := x.NeighborhoodPage(id, depth, types, asOf, len(x.relations))
	return p.Subgraph, err
}

// NeighborhoodPage is a page of a neighborhood: at most first of its relations, the
// entity's own first, then the others, each in ID order; the entities those relations touch
// (the entity itself always among them); and the size of the whole.
type NeighborhoodPage struct {
	graph.Subgraph
	TotalNodes, TotalEdges int
}

// NeighborhoodPage walks like Neighborhood but builds only a page of at most first
// relations, so that a hub's reach, most of the graph, costs a walk and no copy.
func (x *View) NeighborhoodPage(id string, depth int, types []graph.RelationType, asOf string, first int) (NeighborhoodPage, error) {
	var p NeighborhoodPage
	if depth < 1 || depth > graph.MaxDepth {
		return p, graph.Errorf(graph.EINVALID, "depth %d: want 1 to %d", depth, graph.MaxDepth)
	}
	if err := validTypes(types); err != nil {
		return p, err
	}
	if err := validWindow("", "", asOf); err != nil {
		return p, err
	}
	start, err := x.entity(id)
	if err != nil {
		return p, err
	}
	w := window{until: asOf}
	// The marks of a walk are as long as the graph: reuse them instead of allocating them
	// per request.
	walk := x.walks.Get().(*walk)
	defer x.walks.Put(walk)
	seen, followed := walk.seen, walk.followed
	defer clear(seen)
	defer clear(followed)
	seen[start] = true
	p.TotalNodes = 1
	frontier := append(walk.frontier[:0], start)
	next := walk.next[:0]
	defer func() { walk.frontier, walk.next = frontier[:0], next[:0] }()
	for range depth {
		next = next[:0]
		for _, v := range frontier {
			for _, r := range x.incident[v] {
				if followed[r] || len(types) > 0 && !slices.Contains(types, x.relations[r].Type) {
					continue
				}
				if _, ok := w.relation(x.relations[r]); !ok {
					continue
				}
				followed[r] = true
				p.TotalEdges++
				if u := otherEnd(x.ends[r], v); !seen[u] {
					seen[u] = true
					p.TotalNodes++
					next = append(next, u)
				}
			}
		}
		frontier, next = next, frontier
	}
	// The entity's own relations, then the others, each in ID order (positions are).
	var page []int
	for _, r := range x.incident[start] {
		if followed[r] && len(page) < first {
			page = append(page, r)
			followed[r] = false
		}
	}
	for r, ok := range followed {
		if len(page) == first {
			break
		}
		if ok {
			page = append(page, r)
		}
	}
	slices.Sort(page)
	p.Edges = make([]graph.Relation, 0, len(page))
	nodes := make([]int, 0, 2*len(page)+1)
	nodes = append(nodes, start)
	for _, r := range page {
		rel, _ := w.relation(x.relations[r])
		p.Edges = append(p.Edges, rel)
		nodes = append(nodes, x.ends[r][0], x.ends[r][1])
	}
	slices.Sort(nodes)
	nodes = slices.Compact(nodes)
	p.Nodes = make([]graph.Entity, len(nodes))
	for k, i := range nodes {
		p.Nodes[k] = x.entities[i]
	}
	return p, nil
}

// walk is the scratch space of a walk through a View: a mark per entity and per relation,
// all false between walks, and the frontiers.
type walk struct {
	seen, followed []bool
	frontier, next []int
}
