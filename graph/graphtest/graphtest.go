// Package graphtest is the conformance suite every graph.Store runs: the same subtests, named
// by behaviour, on the same fixture releases, so that every backend answers alike.
//
// A backend's test hands Run an Opener, and its benchmark hands Bench the same one:
//
//	func TestStore(t *testing.T) {
//		graphtest.Run(t, opener())
//	}
//
//	func opener() graphtest.Opener {
//		var path string
//		return func(tb testing.TB, fresh bool) graph.Store {
//			if fresh {
//				path = filepath.Join(tb.TempDir(), "egovgraph.db")
//			}
//			s, err := bolt.Open(path)
//			if err != nil {
//				tb.Fatal(err)
//			}
//			return s
//		}
//	}
//
// # What the suite pins down
//
// Beyond the doc comments of graph.Store, the suite fixes these answers, so that a client
// cannot tell the backends apart:
//
//   - PutRelease validates with graph.Release.Validate and writes nothing when it fails
//     (EINVALID). A release whose non-empty Hash equals the stored one's changes nothing and
//     reports changed=false. A release with another Hash replaces every fact, entity mention
//     and alias the earlier version of the same Source stated; what other releases state is
//     untouched. A cancelled ctx yields an error and writes nothing.
//   - Release returns the release as written. The suite ignores the order of its entities,
//     aliases and facts and the order of a symmetric fact's ends (graph.Fact.Normalize).
//     Releases returns the same full releases, newest Date first, undated last, then by ID.
//   - Entity aggregates every release naming the ID: Name is the name given by the newest
//     release naming it (in the order of Releases); Aliases is the union of all names and
//     aliases those releases give, without Name, without duplicates, sorted by sort.Strings.
//     ISO3166, Wikidata and Themenfeld are each the one the newest release giving one gives.
//     An entity no release names any more is gone (ENOTFOUND).
//   - A Relation has one Evidence per fact stating it, ordered by graph.SortEvidence, From
//     and To as graph.Fact.Normalize puts them. A filter with Since or Until selects
//     relations but keeps all their evidence.
//   - Paging: for Entities and Relations, After is a key: the items with greater IDs follow,
//     whether or not After exists. For Releases, After must name a stored release
//     (EINVALID otherwise). Total counts every selected item, regardless of After.
//   - Entities with IDs reads a batch: each existing entity once, whatever the order and
//     repetitions of the IDs, as Entity returns it; all of them on one page when First is 0.
//   - Search returns the entities with graph.SearchRank ≥ 0, by rank, then by ID, at most
//     limit of them.
//   - Neighborhood walks relations in both directions. Nodes are the entities at distance
//     0 to depth from id (id included); Edges are the relations of the followed types with
//     at least one end at distance less than depth: those a walk of depth steps follows. A
//     relation between two entities both at distance depth is not among them.
//   - Version changes with every PutRelease that reports changed, to a token not seen
//     before, and with no other call; it survives reopening. Snapshot holds what paging
//     through Entities and Relations gives, and the Version it is of; taken while releases
//     are written, it shows the graph exactly as some number of writes left it.
//
// Subtests run one after another, never in parallel, so backends that share one database
// can wipe it when asked for a fresh store.
package graphtest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// An Opener opens the store under test for one subtest, failing tb when it cannot.
//
// With fresh true, the store must start empty: a backend with one shared database wipes
// it. With fresh false, the Opener reopens the data held by the store it returned last (the
// suite has closed that store before): a backend with files opens the same path again.
//
// The suite closes every store it gets, exactly once. An Opener may register cleanups of
// its own with tb.Cleanup (a temporary directory, a driver).
type Opener func(tb testing.TB, fresh bool) graph.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	groups := []struct {
		name  string
		tests []subtest
	}{
		{"Releases", releaseTests},
		{"Entities", entityTests},
		{"Relations", relationTests},
		{"Search", searchTests},
		{"Neighborhood", neighborhoodTests},
		{"Snapshot", snapshotTests},
		{"Store", storeTests},
		{"Corrections", correctionTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, st := range g.tests {
				t.Run(st.name, func(t *testing.T) {
					st.run(t, newHarness(t, open))
				})
			}
		})
	}
}

// A subtest checks one behaviour on a fresh store.
type subtest struct {
	name string
	run  func(t *testing.T, h *harness)
}

// A harness holds the store a subtest works on.
type harness struct {
	t     *testing.T
	ctx   context.Context
	open  Opener
	s     graph.Store
	close func() error
}

func newHarness(t *testing.T, open Opener) *harness {
	h := &harness{t: t, ctx: t.Context(), open: open}
	h.mustOpen(true)
	return h
}

func (h *harness) mustOpen(fresh bool) {
	h.t.Helper()
	s := h.open(h.t, fresh)
	if s == nil {
		h.t.Fatalf("Opener(fresh=%v) returned a nil store", fresh)
	}
	closed := false
	h.s = s
	h.close = func() error {
		closed = true
		return s.Close()
	}
	h.t.Cleanup(func() {
		if !closed {
			if err := s.Close(); err != nil {
				h.t.Errorf("Close: %v", err)
			}
		}
	})
}

// reopen closes the store and opens its data again.
func (h *harness) reopen() {
	h.t.Helper()
	if err := h.close(); err != nil {
		h.t.Fatalf("Close: %v", err)
	}
	h.mustOpen(false)
}

// load writes the fixture releases.
func (h *harness) load() {
	h.t.Helper()
	MustPut(h.t, h.s, Fixtures()...)
}

// MustPut writes rels to s in order, failing tb when a write fails or reports no change.
func MustPut(tb testing.TB, s graph.Store, rels ...graph.Release) {
	tb.Helper()
	for _, r := range rels {
		changed, err := s.PutRelease(context.Background(), r)
		if err != nil {
			tb.Fatalf("PutRelease(%s): %v", r.Source, err)
		}
		if !changed {
			tb.Fatalf("PutRelease(%s): changed=false, want true", r.Source)
		}
	}
}

// wantCode fails t unless err carries code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := graph.ErrorCode(err); got != code {
		t.Errorf("%s: got error %v (code %q), want code %q", what, err, got, code)
	}
}

// mustEntity returns the entity with id, failing t when there is none.
func (h *harness) mustEntity(id string) graph.Entity {
	h.t.Helper()
	e, err := h.s.Entity(h.ctx, id)
	if err != nil {
		h.t.Fatalf("Entity(%s): %v", id, err)
	}
	return e
}

// mustRelation returns the relation with id, failing t when there is none.
func (h *harness) mustRelation(id string) graph.Relation {
	h.t.Helper()
	for _, r := range h.allRelations(graph.RelationFilter{}) {
		if r.ID == id {
			return r
		}
	}
	h.t.Fatalf("no relation %s", id)
	return graph.Relation{}
}

// allRelations pages through every relation f selects.
func (h *harness) allRelations(f graph.RelationFilter) []graph.Relation {
	h.t.Helper()
	var all []graph.Relation
	f.First, f.After = graph.MaxPageSize, ""
	for {
		p, err := h.s.Relations(h.ctx, f)
		if err != nil {
			h.t.Fatalf("Relations(%+v): %v", f, err)
		}
		all = append(all, p.Items...)
		if !p.More || len(p.Items) == 0 {
			return all
		}
		f.After = p.Items[len(p.Items)-1].ID
	}
}

// allEntities pages through every entity of type typ ("" for all).
func (h *harness) allEntities(typ graph.EntityType) []graph.Entity {
	h.t.Helper()
	var all []graph.Entity
	f := graph.EntityFilter{Type: typ, Page: graph.Page{First: graph.MaxPageSize}}
	for {
		p, err := h.s.Entities(h.ctx, f)
		if err != nil {
			h.t.Fatalf("Entities(%+v): %v", f, err)
		}
		all = append(all, p.Items...)
		if !p.More || len(p.Items) == 0 {
			return all
		}
		f.After = p.Items[len(p.Items)-1].ID
	}
}

// allReleases pages through every release.
func (h *harness) allReleases() []graph.Release {
	h.t.Helper()
	var all []graph.Release
	p := graph.Page{First: graph.MaxPageSize}
	for {
		page, err := h.s.Releases(h.ctx, p)
		if err != nil {
			h.t.Fatalf("Releases(%+v): %v", p, err)
		}
		all = append(all, page.Items...)
		if !page.More || len(page.Items) == 0 {
			return all
		}
		p.After = page.Items[len(page.Items)-1].ID
	}
}

// mustStats returns the store's counts.
func (h *harness) mustStats() graph.Stats {
	h.t.Helper()
	st, err := h.s.Stats(h.ctx)
	if err != nil {
		h.t.Fatalf("Stats: %v", err)
	}
	return st
}

// A snapshot is everything a store answers about its data.
type snapshot struct {
	Stats     graph.Stats
	Releases  []graph.Release
	Entities  []graph.Entity
	Relations []graph.Relation
}

func (h *harness) snapshot() snapshot {
	h.t.Helper()
	rels := h.allReleases()
	for i, r := range rels {
		rels[i] = normRelease(r)
	}
	return snapshot{
		Stats:     h.mustStats(),
		Releases:  rels,
		Entities:  h.allEntities(""),
		Relations: h.allRelations(graph.RelationFilter{}),
	}
}

// wantSnapshot fails t with the first difference between got and want.
func wantSnapshot(t *testing.T, what string, got, want snapshot) {
	t.Helper()
	if got.Stats != want.Stats {
		t.Errorf("%s: Stats got %+v, want %+v", what, got.Stats, want.Stats)
	}
	wantEqual(t, what+": releases", got.Releases, want.Releases)
	wantEqual(t, what+": entities", got.Entities, want.Entities)
	wantEqual(t, what+": relations", got.Relations, want.Relations)
}

// wantEqual fails t unless got and want are deeply equal, treating nil and empty slices
// alike, and says where they first differ.
func wantEqual[T any](t *testing.T, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d items, want %d\n got: %s\nwant: %s", what, len(got), len(want), brief(got), brief(want))
		return
	}
	for i := range got {
		if !reflect.DeepEqual(emptyToNil(got[i]), emptyToNil(want[i])) {
			t.Errorf("%s: item %d\n got: %#v\nwant: %#v", what, i, got[i], want[i])
			return
		}
	}
}

// brief lists the IDs of items that have one, else the items.
func brief[T any](items []T) string {
	ids := make([]string, len(items))
	for i, it := range items {
		v := reflect.ValueOf(it)
		if v.Kind() == reflect.Struct && v.FieldByName("ID").IsValid() {
			ids[i] = v.FieldByName("ID").String()
		} else {
			ids[i] = fmt.Sprintf("%+v", it)
		}
	}
	return "[" + strings.Join(ids, " ") + "]"
}

// emptyToNil returns v with every empty slice in it (at any depth) nil, so that a backend
// returning []T{} is not told apart from one returning nil.
func emptyToNil[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	clearEmpty(rv)
	return v
}

func clearEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 0 {
			if v.CanSet() {
				v.Set(reflect.Zero(v.Type()))
			}
			return
		}
		// Work on a copy: the slice may share its array with the store under test.
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			clearEmpty(c.Index(i))
		}
		if v.CanSet() {
			v.Set(c)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				clearEmpty(v.Field(i))
			}
		}
	}
}

// normRelease returns a copy of r in the order the suite compares releases in: entities by
// ID with sorted aliases, facts normalized and sorted.
func normRelease(r graph.Release) graph.Release {
	r.Entities = slices.Clone(r.Entities)
	for i, e := range r.Entities {
		e.Aliases = slices.Clone(e.Aliases)
		sort.Strings(e.Aliases)
		r.Entities[i] = e
	}
	sort.Slice(r.Entities, func(i, j int) bool { return r.Entities[i].ID < r.Entities[j].ID })
	r.Facts = slices.Clone(r.Facts)
	for i, f := range r.Facts {
		r.Facts[i] = f.Normalize()
	}
	sort.Slice(r.Facts, func(i, j int) bool {
		a, b := r.Facts[i], r.Facts[j]
		if a.RelationID() != b.RelationID() {
			return a.RelationID() < b.RelationID()
		}
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		return a.Rule < b.Rule
	})
	return emptyToNil(r)
}

// ids returns the IDs of items.
func ids[T graph.Entity | graph.Relation | graph.Release](items []T) []string {
	out := make([]string, len(items))
	for i, it := range items {
		switch v := any(it).(type) {
		case graph.Entity:
			out[i] = v.ID
		case graph.Relation:
			out[i] = v.ID
		case graph.Release:
			out[i] = v.ID
		}
	}
	return out
}

// wantIDs fails t unless got lists exactly want, in order.
func wantIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// sorted returns ids in ascending order: the order the Store lists by ID.
func sorted(ids ...string) []string {
	ids = slices.Clone(ids)
	sort.Strings(ids)
	return ids
}
