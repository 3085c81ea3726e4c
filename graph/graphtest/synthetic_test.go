package graphtest

import (
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

func TestSyntheticRelease(t *testing.T) {
	sources := map[string]bool{}
	entities := map[string]bool{}
	relations := map[string]bool{}
	undated := 0
	for i := range BenchReleases {
		r := SyntheticRelease(i)
		if err := r.Validate(); err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		if len(r.Facts) == 0 {
			t.Errorf("release %d states no fact", i)
		}
		if sources[r.Source] {
			t.Errorf("release %d: source %s taken", i, r.Source)
		}
		sources[r.Source] = true
		if r.Date == "" {
			undated++
		}
		for _, e := range r.Entities {
			entities[e.ID] = true
		}
		for _, f := range r.Facts {
			relations[f.RelationID()] = true
		}
	}
	if !reflect.DeepEqual(SyntheticRelease(7), SyntheticRelease(7)) {
		t.Error("SyntheticRelease(7) differs between calls")
	}
	// A corpus that is neither a handful of hubs nor a set of unrelated pairs.
	if n := len(entities); n < 150 || n > graph.MaxPageSize {
		t.Errorf("%d entities, want 150 to %d", n, graph.MaxPageSize)
	}
	if n := len(relations); n < 500 {
		t.Errorf("%d distinct relations, want at least 500", n)
	}
	if undated == 0 || undated > BenchReleases/10 {
		t.Errorf("%d undated releases, want some but at most a tenth", undated)
	}
	t.Logf("%d releases: %d entities, %d relations, %d undated", BenchReleases, len(entities), len(relations), undated)
}
