package bolt

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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
