package bolt

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
)

// An index updated release by release equals one built from the final releases at once:
// the updates keep lists, positions, adjacency and aggregates as a reopen would.
func TestIndexApplyEqualsBuild(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	idx := buildIndex(nil)
	current := map[string]*graph.Release{}
	for step := range 600 {
		r := graphtest.SyntheticRelease(rnd.IntN(150))
		if rnd.IntN(3) == 0 {
			// A changed version: fewer facts, and entities only those facts name.
			r.Hash = fmt.Sprintf("changed-%d", step)
			r.Date = ""
			r.Facts = r.Facts[:rnd.IntN(len(r.Facts))]
			r.Entities = slices.DeleteFunc(r.Entities, func(e graph.Entity) bool {
				return !slices.ContainsFunc(r.Facts, func(f graph.Fact) bool { return f.From == e.ID || f.To == e.ID })
			})
			// Another spelling, aliases and identifiers, some of them on a second listing
			// of the entity, for the aggregates to pick from.
			for i := range r.Entities {
				e := &r.Entities[i]
				if rnd.IntN(2) == 0 {
					e.Name = strings.ToUpper(e.Name)
				}
				e.Aliases = append(e.Aliases, fmt.Sprintf("alias %d", rnd.IntN(4)))
				ids := []*string{&e.ISO3166, &e.Wikidata, &e.Themenfeld}
				*ids[rnd.IntN(len(ids))] = fmt.Sprintf("id-%d", step)
				if rnd.IntN(4) == 0 {
					again := graph.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: []string{fmt.Sprintf("again %d", step)}}
					*[]*string{&again.ISO3166, &again.Wikidata, &again.Themenfeld}[rnd.IntN(3)] = fmt.Sprintf("again-%d", step)
					r.Entities = append(r.Entities, again)
				}
			}
		}
		if rnd.IntN(5) == 0 {
			// Another date moves the release in the order of Releases.
			r.Date = fmt.Sprintf("20%02d-01-01", 10+rnd.IntN(20))
		}
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
		stored := cloneRelease(r)
		idx.apply(current[r.ID], &stored)
		current[r.ID] = &stored
	}
	var rels []*graph.Release
	for _, r := range current {
		rels = append(rels, r)
	}
	for id, n := range idx.entities {
		if want := scanEntity(rels, id); !reflect.DeepEqual(n.entity, want) {
			t.Errorf("entity %s:\n got %+v\nwant %+v", id, n.entity, want)
		}
	}
	want := buildIndex(rels)
	if got, want := describe(idx), describe(want); !reflect.DeepEqual(got, want) {
		for k := range want {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Errorf("%s:\n got %v\nwant %v", k, got[k], want[k])
			}
		}
	}
}

// describe lists what an index holds in comparable form.
func describe(idx *index) map[string]any {
	d := map[string]any{}
	var order []string
	for _, r := range idx.order {
		order = append(order, r.ID)
	}
	d["order"] = order
	for i, n := range idx.entityList {
		if n.ord != i || idx.entities[n.id] != n {
			d["entity list"] = fmt.Sprintf("%s at %d has ord %d", n.id, i, n.ord)
		}
		var rels []string
		for _, r := range n.rels {
			rels = append(rels, r.id)
		}
		slices.Sort(rels)
		d["entity "+n.id] = fmt.Sprintf("%+v %q", n.entity, rels)
	}
	for i, n := range idx.relationList {
		if n.ord != i || idx.relations[n.id] != n {
			d["relation list"] = fmt.Sprintf("%s at %d has ord %d", n.id, i, n.ord)
		}
		d["relation "+n.id] = fmt.Sprintf("%+v", n.relation)
	}
	d["sizes"] = [4]int{len(idx.entities), len(idx.entityList), len(idx.relations), len(idx.relationList)}
	return d
}

// scanEntity aggregates entity id as the conformance suite describes it, by a scan of rels.
func scanEntity(rels []*graph.Release, id string) graph.Entity {
	rels = slices.Clone(rels)
	slices.SortFunc(rels, func(a, b *graph.Release) int {
		if newer(a, b) {
			return -1
		}
		return 1
	})
	var e graph.Entity
	all := map[string]bool{}
	for _, r := range slices.Backward(rels) {
		for _, m := range r.Entities {
			if m.ID != id {
				continue
			}
			// The newest release overwrites, and within it the later listing.
			e.ID, e.Type, e.Name = m.ID, m.Type, m.Name
			e.ISO3166, e.Wikidata, e.Themenfeld = cmp.Or(m.ISO3166, e.ISO3166), cmp.Or(m.Wikidata, e.Wikidata), cmp.Or(m.Themenfeld, e.Themenfeld)
			all[m.Name] = true
			for _, a := range m.Aliases {
				all[a] = true
			}
		}
	}
	for a := range all {
		if a != e.Name {
			e.Aliases = append(e.Aliases, a)
		}
	}
	slices.Sort(e.Aliases)
	return e
}
