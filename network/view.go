package network

import (
	"cmp"
	"slices"
	"sync"

	"github.com/egovgraph/egovgraph/graph"
)

// View is the graph at one version of the store, held in memory, and what is computed from
// it once: what all the calls of one request should see. Its methods do no I/O; they answer
// from the View alone, and may be called concurrently. The values they return share memory
// with the View: callers must not modify them.
type View struct {
	version string
	seq     int // the build that made it, to tell which of two builds is newer

	entities  []graph.Entity   // ordered by ID
	pos       map[string]int   // entity ID → position in entities
	relations []graph.Relation // ordered by ID
	// incident lists, for each entity, the positions of its relations in ascending order.
	incident [][]int
	// ends holds the positions of the two ends of each relation.
	ends [][2]int
	// byFirstSeen lists the positions of the dated relations ordered by first seen, then ID.
	byFirstSeen []int

	posts []Post // ordered by party ID, then name

	// What is computed on first use: communities are cheap, betweenness is not, and a
	// network needs only the communities.
	communities lazy[*partition]
	centrality  lazy[*centralities]
	coMembers   lazy[[][]coMember]
	summaries   lazy[map[int]*Summary] // by the position of a state

	walks sync.Pool // of *walk, sized for this View
}

// newView builds the view of snap. It reports an EINTERNAL error when a relation names an
// entity the snapshot lacks: a store keeps no such relation.
func newView(snap graph.Snapshot) (*View, error) {
	x := &View{
		version:   snap.Version,
		entities:  slices.SortedFunc(slices.Values(snap.Nodes), func(a, b graph.Entity) int { return cmp.Compare(a.ID, b.ID) }),
		relations: slices.SortedFunc(slices.Values(snap.Edges), func(a, b graph.Relation) int { return cmp.Compare(a.ID, b.ID) }),
	}
	x.pos = make(map[string]int, len(x.entities))
	for i, e := range x.entities {
		x.pos[e.ID] = i
	}
	x.incident = make([][]int, len(x.entities))
	x.ends = make([][2]int, len(x.relations))
	for i, r := range x.relations {
		from, okFrom := x.pos[r.From]
		to, okTo := x.pos[r.To]
		if !okFrom || !okTo {
			return nil, graph.Errorf(graph.EINTERNAL, "snapshot %s: relation %s names an entity it does not hold", snap.Version, r.ID)
		}
		x.ends[i] = [2]int{from, to}
		x.incident[from] = append(x.incident[from], i)
		if to != from {
			x.incident[to] = append(x.incident[to], i)
		}
		if r.FirstSeen() != "" {
			x.byFirstSeen = append(x.byFirstSeen, i)
		}
	}
	slices.SortStableFunc(x.byFirstSeen, func(a, b int) int {
		return cmp.Compare(x.relations[a].FirstSeen(), x.relations[b].FirstSeen())
	})
	x.posts = x.readPosts()
	x.walks.New = func() any {
		return &walk{seen: make([]bool, len(x.entities)), followed: make([]bool, len(x.relations))}
	}
	return x, nil
}

// entity returns the entity with the given ID, or an ENOTFOUND error.
func (x *View) entity(id string) (int, error) {
	i, ok := x.pos[id]
	if !ok {
		return 0, graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
	}
	return i, nil
}

// otherEnd returns the end of a relation with the ends e that is not entity i.
func otherEnd(e [2]int, i int) int {
	if e[0] != i {
		return e[0]
	}
	return e[1]
}

// Lookup returns the entity with the given ID as the View holds it, and whether there is
// one. The entity is shared: callers must not modify it.
func (x *View) Lookup(id string) (*graph.Entity, bool) {
	i, ok := x.pos[id]
	if !ok {
		return nil, false
	}
	return &x.entities[i], true
}

// Entity returns the entity with the given ID, or an ENOTFOUND error.
func (x *View) Entity(id string) (graph.Entity, error) {
	i, err := x.entity(id)
	if err != nil {
		return graph.Entity{}, err
	}
	return x.entities[i], nil
}
