package network

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	gnetwork "gonum.org/v1/gonum/graph/network"

	"github.com/egovgraph/egovgraph/graph"
)

// Measure names a centrality measure by which to rank entities.
type Measure string

// The centrality measures.
const (
	// ByDegree ranks by the number of relations at an entity.
	ByDegree Measure = "DEGREE"
	// ByBetweenness ranks by how many shortest paths between other entities pass through
	// an entity.
	ByBetweenness Measure = "BETWEENNESS"
	// ByPageRank ranks by PageRank: how much weight flows to an entity along relations
	// from their from end to their to end (cooperation both ways), each weighted by the
	// releases stating it.
	ByPageRank Measure = "PAGERANK"
)

// Valid reports whether m is one of the measures.
func (m Measure) Valid() bool { return m == ByDegree || m == ByBetweenness || m == ByPageRank }

// Centrality is an entity's place in the whole graph.
type Centrality struct {
	graph.Entity
	// Degree counts the entity's relations.
	Degree int
	// Betweenness is the share, from 0 to 1, of the shortest paths between pairs of other
	// entities that pass through the entity, relations taken as undirected and unweighted
	// (Brandes; normalised by (n-1)(n-2)/2).
	Betweenness float64
	// PageRank is the entity's PageRank (damping 0.85); over all entities they add up to 1.
	// Both scores are rounded to 9 decimal places.
	PageRank float64
	// Community numbers the entity's community (see Communities).
	Community int
}

// Community is a group of entities more densely related among themselves than to the rest,
// as Louvain modularity optimisation finds it on the whole graph, relations taken as
// undirected and weighted by the releases stating them.
type Community struct {
	// ID numbers the communities by size, largest first (ties by their first member's ID),
	// from 0.
	ID int
	// Members are the community's entities, those with most relations first, then by ID.
	Members []graph.Entity
	// Relations counts the relations within the community; Boundary those with one end
	// outside it.
	Relations, Boundary int
}

// Communities is the partition of the whole graph into communities.
type Communities struct {
	Version string
	// Modularity is the partition's modularity Q, from -1/2 to 1, rounded to 9 decimal
	// places: the higher, the more the relations stay within communities.
	Modularity  float64
	Communities []Community // by ID
}

// pageRankDamping and pageRankTolerance are the parameters of PageRank. gonum starts the
// iteration from a random vector; scores are rounded to digits decimal places, well above
// the tolerance, so that they are the same on every run.
const (
	pageRankDamping   = 0.85
	pageRankTolerance = 1e-13
	digits            = 9
	// louvainRuns is how many seeded runs of Louvain are tried; the partition with the
	// highest modularity wins.
	louvainRuns = 3
)

// lazy is a value computed on first use, once, however many goroutines ask.
type lazy[T any] struct {
	once sync.Once
	v    T
}

func (l *lazy[T]) get(compute func() T) T {
	l.once.Do(func() { l.v = compute() })
	return l.v
}

// partition is the communities of a View.
type partition struct {
	community   []int // by entity position
	communities []Community
	modularity  float64
}

// centralities are the centrality measures of a View's entities, by position.
type centralities struct {
	degree      []int
	betweenness []float64
	pageRank    []float64
	// ranked lists the entity positions by each measure, highest first, then by ID.
	ranked map[Measure][]int
}

// coMember is an entity sharing organizations with another, by position.
type coMember struct {
	party  int
	shared []int
}

// weights returns the weight of each relation of x: the releases stating it.
func (x *View) weights() []float64 {
	ws := make([]float64, len(x.relations))
	for i, r := range x.relations {
		ws[i] = float64(r.Weight())
	}
	return ws
}

// degrees returns the number of relations at each entity.
func (x *View) degrees() []int {
	d := make([]int, len(x.entities))
	for i := range d {
		d[i] = len(x.incident[i])
	}
	return d
}

// centralities returns the centrality measures of x, computing them on first use.
func (x *View) centralities() *centralities {
	return x.centrality.get(func() *centralities {
		n := len(x.entities)
		c := &centralities{degree: x.degrees(), betweenness: make([]float64, n), pageRank: make([]float64, n)}
		weights := x.weights()
		if n > 2 {
			g := newAdjacency(n, x.ends, weights, false)
			adj := make([][]int, n)
			for i, arcs := range g.out {
				for _, a := range arcs {
					adj[i] = append(adj[i], a.to)
				}
			}
			// Each pair is counted in both directions.
			norm := float64((n - 1) * (n - 2))
			for i, b := range betweenness(adj) {
				c.betweenness[i] = round(b / norm)
			}
		}
		if n > 0 {
			ends, ws := directedEdges(x, weights)
			for id, r := range gnetwork.PageRankSparse(directedAdjacency{newAdjacency(n, ends, ws, true)}, pageRankDamping, pageRankTolerance) {
				c.pageRank[id] = round(r)
			}
		}
		c.ranked = map[Measure][]int{
			ByDegree:      rank(n, func(i int) float64 { return float64(c.degree[i]) }),
			ByBetweenness: rank(n, func(i int) float64 { return c.betweenness[i] }),
			ByPageRank:    rank(n, func(i int) float64 { return c.pageRank[i] }),
		}
		return c
	})
}

// directedEdges returns the relations of x as directed edges with their weights: a
// symmetric relation gives one in each direction.
func directedEdges(x *View, weights []float64) ([][2]int, []float64) {
	ends, ws := slices.Clone(x.ends), slices.Clone(weights)
	for i, r := range x.relations {
		if !r.Type.Directed() {
			ends = append(ends, [2]int{x.ends[i][1], x.ends[i][0]})
			ws = append(ws, weights[i])
		}
	}
	return ends, ws
}

// round rounds x to digits decimal places.
func round(x float64) float64 {
	scale := math.Pow10(digits)
	return math.Round(x*scale) / scale
}

// rank returns the positions 0 to n-1 ordered by score, highest first, then by position.
func rank(n int, score func(int) float64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score(b), score(a)) })
	return order
}

// partition returns the communities of x, computing them on first use with Louvain: the
// best of louvainRuns seeded runs, so that the partition is the same on every run.
func (x *View) partition() *partition {
	return x.communities.get(func() *partition {
		n := len(x.entities)
		p := &partition{community: make([]int, n)}
		var groups [][]int
		if len(x.relations) == 0 {
			for i := range n {
				groups = append(groups, []int{i})
			}
		} else {
			g := undirectedAdjacency{newAdjacency(n, x.ends, x.weights(), false)}
			best := math.Inf(-1)
			for seed := range uint64(louvainRuns) {
				parts := community.Modularize(g, 1, rand.NewPCG(seed, 0x6e6574)).Communities()
				if q := community.Q(g, parts, 1); q > best {
					best, groups = q, positions(parts)
				}
			}
			p.modularity = round(best)
		}
		slices.SortFunc(groups, func(a, b []int) int {
			if c := cmp.Compare(len(b), len(a)); c != 0 {
				return c
			}
			return cmp.Compare(a[0], b[0])
		})
		degree := x.degrees()
		p.communities = make([]Community, len(groups))
		for id, members := range groups {
			slices.SortStableFunc(members, func(a, b int) int { return cmp.Compare(degree[b], degree[a]) })
			c := Community{ID: id, Members: make([]graph.Entity, len(members))}
			for k, i := range members {
				p.community[i] = id
				c.Members[k] = x.entities[i]
			}
			p.communities[id] = c
		}
		for _, e := range x.ends {
			a, b := p.community[e[0]], p.community[e[1]]
			if a == b {
				p.communities[a].Relations++
			} else {
				p.communities[a].Boundary++
				p.communities[b].Boundary++
			}
		}
		return p
	})
}

// positions returns the node IDs of each part, in ascending order.
func positions(parts [][]gonum.Node) [][]int {
	groups := make([][]int, 0, len(parts))
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		g := make([]int, len(p))
		for k, node := range p {
			g[k] = int(node.ID())
		}
		slices.Sort(g)
		groups = append(groups, g)
	}
	return groups
}

// CentralityQuery asks for a page of entities ranked by a measure.
type CentralityQuery struct {
	By Measure
	// Types keeps entities of these types (all when empty).
	Types []graph.EntityType
	graph.Page
}

// Centrality returns a page of entities ranked by q's measure, highest first, then by ID.
// The cursor (Page.After) is the ID of the last entity of the previous page.
func (x *View) Centrality(q CentralityQuery) (graph.Paged[Centrality], error) {
	var out graph.Paged[Centrality]
	if !q.By.Valid() {
		return out, graph.Errorf(graph.EINVALID, "unknown measure %q", q.By)
	}
	for _, t := range q.Types {
		if !t.Valid() {
			return out, graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
	}
	if err := q.Page.Validate(); err != nil {
		return out, err
	}
	var list []int
	for _, i := range x.centralities().ranked[q.By] {
		if len(q.Types) == 0 || slices.Contains(q.Types, x.entities[i].Type) {
			list = append(list, i)
		}
	}
	return pageOf(list, q.Page, func(i int) string { return x.entities[i].ID }, x.centralityOf)
}

// EntityCentrality returns the centrality of the entity with the given ID, or ENOTFOUND.
func (x *View) EntityCentrality(id string) (Centrality, error) {
	i, err := x.entity(id)
	if err != nil {
		return Centrality{}, err
	}
	return x.centralityOf(i), nil
}

// centralityOf returns the centrality of entity i.
func (x *View) centralityOf(i int) Centrality {
	c := x.centralities()
	return Centrality{
		Entity: x.entities[i], Degree: c.degree[i], Betweenness: c.betweenness[i],
		PageRank: c.pageRank[i], Community: x.partition().community[i],
	}
}

// Communities returns the communities of the whole graph.
func (x *View) Communities() Communities {
	p := x.partition()
	return Communities{Version: x.version, Modularity: p.modularity, Communities: p.communities}
}

// pageOf returns the page p of the items of list, converted by conv; the cursor of an item
// is id(item). A cursor not on the list is EINVALID.
func pageOf[T, U any](list []T, p graph.Page, id func(T) string, conv func(T) U) (graph.Paged[U], error) {
	out := graph.Paged[U]{Total: len(list)}
	start := 0
	if p.After != "" {
		start = -1
		for k, item := range list {
			if id(item) == p.After {
				start = k + 1
				break
			}
		}
		if start < 0 {
			return out, graph.Errorf(graph.EINVALID, "after %q: not on this list", p.After)
		}
	}
	end := min(start+p.Size(), len(list))
	out.Items = make([]U, 0, end-start)
	for _, item := range list[start:end] {
		out.Items = append(out.Items, conv(item))
	}
	out.More = end < len(list)
	return out, nil
}
