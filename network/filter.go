package network

import (
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// Validate reports an EINVALID error for unknown relation or entity types, malformed
// dates, or an interval that ends before it starts.
func (f Filter) Validate() error {
	if err := validTypes(f.RelationTypes); err != nil {
		return err
	}
	for _, t := range f.EntityTypes {
		if !t.Valid() {
			return graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
	}
	return validWindow(f.Since, f.Until, f.AsOf)
}

func validTypes(ts []graph.RelationType) error {
	for _, t := range ts {
		if !t.Valid() {
			return graph.Errorf(graph.EINVALID, "unknown relation type %q", t)
		}
	}
	return nil
}

// validWindow reports an EINVALID error unless the dates are YYYY-MM-DD or empty and since
// is not after until or asOf.
func validWindow(since, until, asOf string) error {
	for _, d := range []string{since, until, asOf} {
		if d != "" && !graph.ValidDate(d) {
			return graph.Errorf(graph.EINVALID, "date %q: want YYYY-MM-DD", d)
		}
	}
	if w := newWindow(since, until, asOf); w.since != "" && w.until != "" && w.since > w.until {
		return graph.Errorf(graph.EINVALID, "interval %s to %s ends before it starts", w.since, w.until)
	}
	return nil
}

// window is the time a question looks at: the releases dated from since to until,
// inclusive. The zero window is all time, undated releases included.
type window struct{ since, until string }

// newWindow returns the window from since to the earlier of until and asOf: the network as
// it stood on asOf holds what releases up to that day stated.
func newWindow(since, until, asOf string) window {
	if asOf != "" && (until == "" || asOf < until) {
		until = asOf
	}
	return window{since, until}
}

func (f Filter) window() window { return newWindow(f.Since, f.Until, f.AsOf) }

// relation returns r with only the evidence of the releases dated within w, and whether
// any is left. Its first and last seen dates and weight then count those releases only.
func (w window) relation(r graph.Relation) (graph.Relation, bool) {
	if w.since == "" && w.until == "" {
		return r, true
	}
	// Evidence is ordered by date, undated last: the releases in w are a run.
	ev := r.Evidence
	i := 0
	for i < len(ev) && ev[i].Date != "" && ev[i].Date < w.since {
		i++
	}
	j := i
	for j < len(ev) && ev[j].Date != "" && (w.until == "" || ev[j].Date <= w.until) {
		j++
	}
	if i == j {
		return r, false
	}
	r.Evidence = slices.Clip(ev[i:j])
	return r, true
}

// Network returns the part of the graph f selects: the relations of f's types stated
// within its dates, between entities of f's types, and around f's state when it names one;
// and the entities at their ends (and the state, even without relations). Each node has
// its degree in that network and its community in the whole graph; each edge counts only
// the releases within f's dates.
func (x *View) Network(f Filter) (Network, error) {
	if err := f.Validate(); err != nil {
		return Network{}, err
	}
	ego := -1
	if f.State != "" {
		var err error
		if ego, err = x.state(f.State); err != nil {
			return Network{}, err
		}
	}
	w := f.window()
	entityOK := func(i int) bool {
		return len(f.EntityTypes) == 0 || slices.Contains(f.EntityTypes, x.entities[i].Type)
	}
	var kept []graph.Relation
	var keptEnds [][2]int
	for i, r := range x.relations {
		if len(f.RelationTypes) > 0 && !slices.Contains(f.RelationTypes, r.Type) {
			continue
		}
		e := x.ends[i]
		if !entityOK(e[0]) || !entityOK(e[1]) {
			continue
		}
		if r, ok := w.relation(r); ok {
			kept = append(kept, r)
			keptEnds = append(keptEnds, e)
		}
	}

	in := make([]bool, len(x.entities))
	if ego >= 0 {
		in[ego] = true
		for _, e := range keptEnds {
			if e[0] == ego || e[1] == ego {
				in[otherEnd(e, ego)] = true
			}
		}
		n := 0
		for i, e := range keptEnds {
			if in[e[0]] && in[e[1]] {
				kept[n], keptEnds[n] = kept[i], e
				n++
			}
		}
		kept, keptEnds = kept[:n], keptEnds[:n]
	}

	degree := make([]int, len(x.entities))
	for _, e := range keptEnds {
		in[e[0]], in[e[1]] = true, true
		degree[e[0]]++
		if e[1] != e[0] {
			degree[e[1]]++
		}
	}
	community := x.partition().community
	net := Network{Version: x.version, Edges: make([]Edge, len(kept))}
	for i, ok := range in {
		if ok {
			net.Nodes = append(net.Nodes, Node{Entity: x.entities[i], Degree: degree[i], Community: community[i]})
		}
	}
	for i, r := range kept {
		net.Edges[i] = edgeOf(r)
	}
	return net, nil
}

// edgeOf summarises r for drawing.
func edgeOf(r graph.Relation) Edge {
	return Edge{
		ID: r.ID, Type: r.Type, From: r.From, To: r.To, Role: r.Role,
		FirstSeen: r.FirstSeen(), LastSeen: r.LastSeen(), Weight: r.Weight(), Evidence: r.Evidence,
	}
}

// state returns the position of the Land named by ref: its entity ID ("state:bayern") or
// its ISO 3166-2 code ("DE-BY"). An unknown one is ENOTFOUND; an entity that is no state is
// EINVALID.
func (x *View) state(ref string) (int, error) {
	i, ok := x.pos[ref]
	if !ok {
		for j, e := range x.entities {
			if e.Type == graph.State && e.ISO3166 != "" && strings.EqualFold(e.ISO3166, ref) {
				return j, nil
			}
		}
		return 0, graph.Errorf(graph.ENOTFOUND, "no state %q", ref)
	}
	if t := x.entities[i].Type; t != graph.State {
		return 0, graph.Errorf(graph.EINVALID, "%s is a %s, not a State", ref, t)
	}
	return i, nil
}

// AsOf returns r as it stood on day (YYYY-MM-DD): with the evidence of the releases dated up
// to then, and whether there is any.
func AsOf(r graph.Relation, day string) (graph.Relation, bool) {
	return window{until: day}.relation(r)
}
