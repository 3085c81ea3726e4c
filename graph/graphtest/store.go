package graphtest

import (
	"context"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var storeTests = []subtest{
	{"ReopenKeepsData", testStoreReopen},
	{"Stats", testStoreStats},
	{"CancelledContext", testStoreCancelled},
	{"Ping", testStorePing},
}

func testStoreReopen(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	h.reopen()
	wantSnapshot(t, "after reopening", h.snapshot(), before)

	// The stored hashes survive: the same release changes nothing, a new version replaces.
	changed, err := h.s.PutRelease(h.ctx, bayernJoinsGovdigital())
	if err != nil || changed {
		t.Errorf("PutRelease(same release) after reopening: changed=%v, err=%v; want false, nil", changed, err)
	}
	MustPut(t, h.s, bayernJoinsGovdigitalV2())
	after := h.snapshot()
	h.reopen()
	wantSnapshot(t, "after replacing and reopening", h.snapshot(), after)
	if _, err := h.s.Entity(h.ctx, blockchain); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("Entity(%s) after replacing and reopening: got %v, want ENOTFOUND", blockchain, err)
	}
}

func testStoreStats(t *testing.T, h *harness) {
	if got := h.mustStats(); got != (graph.Stats{}) {
		t.Errorf("Stats of a fresh store: got %+v, want zeros", got)
	}
	p, err := h.s.Relations(h.ctx, graph.RelationFilter{})
	if err != nil || len(p.Items) != 0 || p.Total != 0 || p.More {
		t.Errorf("Relations of a fresh store: got %+v, %v; want none", p, err)
	}
	h.load()
	if got := h.mustStats(); got != fixtureCounts {
		t.Errorf("Stats: got %+v, want %+v", got, fixtureCounts)
	}
	if got, want := len(h.allRelations(graph.RelationFilter{})), fixtureCounts.Relations; got != want {
		t.Errorf("Relations: got %d, want %d as Stats says", got, want)
	}
	if got, want := len(h.allEntities("")), fixtureCounts.Entities; got != want {
		t.Errorf("Entities: got %d, want %d as Stats says", got, want)
	}
}

func testStoreCancelled(t *testing.T, h *harness) {
	h.load()
	ctx, cancel := context.WithCancel(h.ctx)
	cancel()
	extra := graph.Release{
		Source:   "pm/2024-02-02-bremen.md",
		Date:     "2024-02-02",
		Hash:     "bremen-1",
		Entities: []graph.Entity{entity(graph.State, "Bremen")},
	}.WithID()

	calls := []struct {
		name string
		call func() error
	}{
		{"PutRelease", func() error { _, err := h.s.PutRelease(ctx, extra); return err }},
		{"Release", func() error { _, err := h.s.Release(ctx, extra.ID); return err }},
		{"Releases", func() error { _, err := h.s.Releases(ctx, graph.Page{}); return err }},
		{"Entity", func() error { _, err := h.s.Entity(ctx, bayern); return err }},
		{"Entities", func() error { _, err := h.s.Entities(ctx, graph.EntityFilter{}); return err }},
		{"Relations", func() error { _, err := h.s.Relations(ctx, graph.RelationFilter{}); return err }},
		{"Search", func() error { _, err := h.s.Search(ctx, "bayern", 10); return err }},
		{"Neighborhood", func() error { _, err := h.s.Neighborhood(ctx, bayern, 2, nil); return err }},
		{"Stats", func() error { _, err := h.s.Stats(ctx); return err }},
		{"Version", func() error { _, err := h.s.Version(ctx); return err }},
		{"Snapshot", func() error { _, err := h.s.Snapshot(ctx); return err }},
		{"Ping", func() error { return h.s.Ping(ctx) }},
	}
	for _, c := range calls {
		if err := c.call(); err == nil {
			t.Errorf("%s with a cancelled context: no error", c.name)
		}
	}
	_, err := h.s.Release(h.ctx, extra.ID)
	wantCode(t, "Release written with a cancelled context", err, graph.ENOTFOUND)
	_, err = h.s.Entity(h.ctx, "state:bremen")
	wantCode(t, "Entity written with a cancelled context", err, graph.ENOTFOUND)
}

func testStorePing(t *testing.T, h *harness) {
	if err := h.s.Ping(h.ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}
