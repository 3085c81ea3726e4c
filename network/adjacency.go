package network

import (
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// adjacency is a View's graph as gonum reads it: node i is entity i, and each node lists
// its neighbours in ascending order, so that what gonum computes does not depend on the
// order of a map. Parallel relations between two entities are one edge whose weight adds up
// theirs.
type adjacency struct {
	nodes    []gonum.Node
	out, in  [][]arc
	outNodes [][]gonum.Node
	inNodes  [][]gonum.Node
}

// arc is an edge to node to with a weight.
type arc struct {
	to int
	w  float64
}

// undirectedAdjacency is the graph of every relation, in both directions.
type undirectedAdjacency struct{ *adjacency }

// directedAdjacency is the graph of relations from their from end to their to end, a
// symmetric relation in both directions.
type directedAdjacency struct{ *adjacency }

var (
	_ gonum.WeightedUndirected = undirectedAdjacency{}
	_ gonum.WeightedDirected   = directedAdjacency{}
)

// newAdjacency returns the graph on n nodes of the given edges with the given weights;
// when directed is false, each edge also runs back.
func newAdjacency(n int, edges [][2]int, weights []float64, directed bool) *adjacency {
	g := &adjacency{nodes: make([]gonum.Node, n), out: make([][]arc, n), in: make([][]arc, n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	add := func(list [][]arc, from, to int, w float64) {
		for k := range list[from] {
			if list[from][k].to == to {
				list[from][k].w += w
				return
			}
		}
		list[from] = append(list[from], arc{to, w})
	}
	for i, e := range edges {
		if e[0] == e[1] {
			continue // gonum's algorithms expect no loops
		}
		w := weights[i]
		add(g.out, e[0], e[1], w)
		add(g.in, e[1], e[0], w)
		if !directed {
			add(g.out, e[1], e[0], w)
			add(g.in, e[0], e[1], w)
		}
	}
	g.outNodes, g.inNodes = make([][]gonum.Node, n), make([][]gonum.Node, n)
	for i := range n {
		g.outNodes[i] = g.sortedNodes(g.out[i])
		g.inNodes[i] = g.sortedNodes(g.in[i])
	}
	return g
}

// sortedNodes sorts arcs by their target and returns the targets.
func (g *adjacency) sortedNodes(arcs []arc) []gonum.Node {
	slices.SortFunc(arcs, func(a, b arc) int { return a.to - b.to })
	ns := make([]gonum.Node, len(arcs))
	for i, a := range arcs {
		ns[i] = g.nodes[a.to]
	}
	return ns
}

func (g *adjacency) has(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// arc returns the arc from u to v.
func (g *adjacency) arc(u, v int64) (arc, bool) {
	if !g.has(u) || !g.has(v) {
		return arc{}, false
	}
	arcs := g.out[u]
	k, ok := slices.BinarySearchFunc(arcs, int(v), func(a arc, to int) int { return a.to - to })
	if !ok {
		return arc{}, false
	}
	return arcs[k], true
}

// Node returns the node with the given ID, or nil.
func (g *adjacency) Node(id int64) gonum.Node {
	if !g.has(id) {
		return nil
	}
	return g.nodes[id]
}

// Nodes returns the nodes in ID order.
func (g *adjacency) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(g.nodes) }

// From returns the nodes that u has an edge to, in ID order.
func (g *adjacency) From(u int64) gonum.Nodes {
	if !g.has(u) {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(g.outNodes[u])
}

// HasEdgeBetween reports whether there is an edge from x to y or from y to x.
func (g *adjacency) HasEdgeBetween(x, y int64) bool {
	_, xy := g.arc(x, y)
	_, yx := g.arc(y, x)
	return xy || yx
}

// Edge returns the edge from u to v, or nil.
func (g *adjacency) Edge(u, v int64) gonum.Edge {
	if e := g.WeightedEdge(u, v); e != nil {
		return e
	}
	return nil
}

// WeightedEdge returns the edge from u to v, or nil.
func (g *adjacency) WeightedEdge(u, v int64) gonum.WeightedEdge {
	a, ok := g.arc(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[u], T: g.nodes[v], W: a.w}
}

// Weight returns the weight of the edge from x to y; a node has weight 0 to itself.
func (g *adjacency) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, g.has(x)
	}
	a, ok := g.arc(x, y)
	return a.w, ok
}

// EdgeBetween returns the edge between x and y, or nil.
func (g undirectedAdjacency) EdgeBetween(x, y int64) gonum.Edge { return g.Edge(x, y) }

// WeightedEdgeBetween returns the edge between x and y, or nil.
func (g undirectedAdjacency) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	return g.WeightedEdge(x, y)
}

// HasEdgeFromTo reports whether there is an edge from u to v.
func (g directedAdjacency) HasEdgeFromTo(u, v int64) bool {
	_, ok := g.arc(u, v)
	return ok
}

// To returns the nodes that have an edge to v, in ID order.
func (g directedAdjacency) To(v int64) gonum.Nodes {
	if !g.has(v) {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(g.inNodes[v])
}
