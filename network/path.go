package network

import (
	"math"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// MaxPathDepth is the longest path Paths looks for, in relations; MaxPaths is how many of
// the shortest paths it returns.
const (
	MaxPathDepth = 6
	MaxPaths     = 10
)

// PathQuery asks how two entities are connected.
type PathQuery struct {
	From, To string
	// MaxDepth is the longest path to look for, 1 to MaxPathDepth relations.
	MaxDepth int
	// Types are the relation types to follow (all when empty), in either direction.
	Types []graph.RelationType
	// AsOf (YYYY-MM-DD) follows only relations first stated on or before that day, each
	// with the evidence up to then.
	AsOf string
}

// Path is a shortest connection between two entities.
type Path struct {
	// Nodes are the entities along the path, from its start to its end.
	Nodes []graph.Entity
	// Steps join Nodes[i] and Nodes[i+1]; there is one fewer than nodes.
	Steps []Step
}

// Step is one hop of a path: every relation between two consecutive entities.
type Step struct {
	// From and To are the entities in the direction of the path, which may be against
	// the direction of the relations.
	From, To graph.Entity
	// Relations are ordered by ID, each with its evidence.
	Relations []graph.Relation
}

// Paths returns the shortest paths between q.From and q.To of at most q.MaxDepth relations
// (MaxPaths of them at most, ordered by the IDs of their nodes) and how many shortest paths
// there are in all. No path within reach gives none; a path from an entity to itself has no
// steps. An unknown entity is ENOTFOUND; a depth outside 1 to MaxPathDepth, an unknown type
// or a malformed date EINVALID.
func (x *View) Paths(q PathQuery) ([]Path, int, error) {
	if q.MaxDepth < 1 || q.MaxDepth > MaxPathDepth {
		return nil, 0, graph.Errorf(graph.EINVALID, "maxDepth %d: want 1 to %d", q.MaxDepth, MaxPathDepth)
	}
	if err := validTypes(q.Types); err != nil {
		return nil, 0, err
	}
	if err := validWindow("", "", q.AsOf); err != nil {
		return nil, 0, err
	}
	from, err := x.entity(q.From)
	if err != nil {
		return nil, 0, err
	}
	to, err := x.entity(q.To)
	if err != nil {
		return nil, 0, err
	}
	w := window{until: q.AsOf}
	follows := func(r int) bool {
		rel := x.relations[r]
		if len(q.Types) > 0 && !slices.Contains(q.Types, rel.Type) {
			return false
		}
		_, ok := w.relation(rel)
		return ok
	}
	dist := x.distances(to, from, q.MaxDepth, follows)
	if dist[from] < 0 {
		return nil, 0, nil
	}

	// next returns the neighbours of v one step closer to the end, in ID order.
	next := func(v int) []int {
		var ns []int
		for _, r := range x.incident[v] {
			if u := otherEnd(x.ends[r], v); dist[u] == dist[v]-1 && follows(r) && !slices.Contains(ns, u) {
				ns = append(ns, u)
			}
		}
		slices.Sort(ns)
		return ns
	}
	total := countPaths(from, to, next)

	var paths []Path
	var walk func(at []int)
	walk = func(at []int) {
		if len(paths) == MaxPaths {
			return
		}
		v := at[len(at)-1]
		if v == to {
			paths = append(paths, x.path(at, follows, w))
			return
		}
		for _, u := range next(v) {
			walk(append(at, u))
		}
	}
	walk([]int{from})
	return paths, total, nil
}

// distances returns the distance of every entity from start in relations that follows
// accepts, up to maxDepth (-1 beyond), stopping after the level that reaches goal.
func (x *View) distances(start, goal, maxDepth int, follows func(r int) bool) []int {
	dist := make([]int, len(x.entities))
	for i := range dist {
		dist[i] = -1
	}
	dist[start] = 0
	frontier := []int{start}
	for d := 1; d <= maxDepth && len(frontier) > 0 && dist[goal] < 0; d++ {
		var level []int
		for _, v := range frontier {
			for _, r := range x.incident[v] {
				if u := otherEnd(x.ends[r], v); dist[u] < 0 && follows(r) {
					dist[u] = d
					level = append(level, u)
				}
			}
		}
		frontier = level
	}
	return dist
}

// countPaths returns the number of paths from v to end taking steps by next, saturating at
// math.MaxInt.
func countPaths(v, end int, next func(int) []int) int {
	memo := map[int]int{}
	var count func(v int) int
	count = func(v int) int {
		if v == end {
			return 1
		}
		if n, ok := memo[v]; ok {
			return n
		}
		n := 0
		for _, u := range next(v) {
			n = min(n+count(u), math.MaxInt/2)
		}
		memo[v] = n
		return n
	}
	if n := count(v); n < math.MaxInt/2 {
		return n
	}
	return math.MaxInt
}

// path returns the path through the entities at, with the relations follows accepts
// between each two, their evidence within w.
func (x *View) path(at []int, follows func(r int) bool, w window) Path {
	p := Path{Nodes: make([]graph.Entity, len(at)), Steps: make([]Step, len(at)-1)}
	for k, v := range at {
		p.Nodes[k] = x.entities[v]
		if k == 0 {
			continue
		}
		u := at[k-1]
		s := Step{From: x.entities[u], To: x.entities[v]}
		for _, r := range x.incident[u] {
			if otherEnd(x.ends[r], u) == v && follows(r) {
				rel, _ := w.relation(x.relations[r])
				s.Relations = append(s.Relations, rel)
			}
		}
		p.Steps[k-1] = s
	}
	return p
}
