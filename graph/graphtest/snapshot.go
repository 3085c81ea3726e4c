package graphtest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var snapshotTests = []subtest{
	{"WholeGraph", testSnapshotWholeGraph},
	{"VersionFollowsWrites", testVersionFollowsWrites},
	{"ConsistentDuringWrites", testSnapshotDuringWrites},
}

// mustVersion returns the store's version.
func (h *harness) mustVersion() string {
	h.t.Helper()
	v, err := h.s.Version(h.ctx)
	if err != nil {
		h.t.Fatalf("Version: %v", err)
	}
	return v
}

// mustSnapshot returns the store's snapshot.
func (h *harness) mustSnapshot() graph.Snapshot {
	h.t.Helper()
	snap, err := h.s.Snapshot(h.ctx)
	if err != nil {
		h.t.Fatalf("Snapshot: %v", err)
	}
	return snap
}

func testSnapshotWholeGraph(t *testing.T, h *harness) {
	empty := h.mustSnapshot()
	if len(empty.Nodes) != 0 || len(empty.Edges) != 0 {
		t.Errorf("Snapshot of a fresh store: got %d nodes, %d edges; want none", len(empty.Nodes), len(empty.Edges))
	}
	if v := h.mustVersion(); empty.Version != v {
		t.Errorf("Snapshot of a fresh store: Version %q, want %q as Version says", empty.Version, v)
	}

	h.load()
	snap := h.mustSnapshot()
	wantEqual(t, "Snapshot nodes", snap.Nodes, h.allEntities(""))
	wantEqual(t, "Snapshot edges", snap.Edges, h.allRelations(graph.RelationFilter{}))
	if v := h.mustVersion(); snap.Version != v || snap.Version == empty.Version {
		t.Errorf("Snapshot after loading: Version %q; want %q as Version says, not %q as when empty", snap.Version, v, empty.Version)
	}
	// What a caller changes in a snapshot is its own.
	snap.Nodes[0].Aliases = append(snap.Nodes[0].Aliases, "geändert")
	snap.Edges[0].Evidence[0].Sentence = "geändert"
	wantEqual(t, "Snapshot nodes after changing an earlier one", h.mustSnapshot().Nodes, h.allEntities(""))
	wantEqual(t, "Snapshot edges after changing an earlier one", h.mustSnapshot().Edges, h.allRelations(graph.RelationFilter{}))

	// A snapshot shows a replaced release as replaced.
	MustPut(t, h.s, bayernJoinsGovdigitalV2())
	after := h.mustSnapshot()
	wantEqual(t, "Snapshot nodes after replacing a release", after.Nodes, h.allEntities(""))
	wantEqual(t, "Snapshot edges after replacing a release", after.Edges, h.allRelations(graph.RelationFilter{}))
	if slices.ContainsFunc(after.Nodes, func(e graph.Entity) bool { return e.ID == blockchain }) {
		t.Errorf("Snapshot after replacing a release: still has %s, which only the old version named", blockchain)
	}
	if after.Version == snap.Version {
		t.Errorf("Snapshot after replacing a release: Version %q unchanged", after.Version)
	}
}

func testVersionFollowsWrites(t *testing.T, h *harness) {
	seen := map[string]string{}
	// step records the version after what; a version seen before is a failure.
	step := func(what string) string {
		t.Helper()
		v := h.mustVersion()
		if v == "" {
			t.Fatalf("Version %s: empty", what)
		}
		if earlier, ok := seen[v]; ok {
			t.Errorf("Version %s: %q, the same as %s", what, v, earlier)
		}
		seen[v] = what
		return v
	}
	// same checks that what changed nothing kept the version v.
	same := func(what, v string) {
		t.Helper()
		if got := h.mustVersion(); got != v {
			t.Errorf("Version %s: got %q, want %q as before", what, got, v)
		}
	}

	fresh := step("of a fresh store")
	same("read again", fresh)
	var last string
	for _, r := range Fixtures() {
		MustPut(t, h.s, r)
		last = step("after writing " + r.Source)
	}

	changed, err := h.s.PutRelease(h.ctx, bayernJoinsGovdigital())
	if err != nil || changed {
		t.Fatalf("PutRelease(same release): changed=%v, err=%v; want false, nil", changed, err)
	}
	same("after writing a release again", last)
	bad := hessenAndFitko()
	bad.Hash, bad.Date = "changed", "gestern"
	if _, err := h.s.PutRelease(h.ctx, bad); err == nil {
		t.Fatal("PutRelease(release with a malformed date): no error")
	}
	same("after a refused write", last)

	MustPut(t, h.s, bayernJoinsGovdigitalV2())
	last = step("after replacing a release")
	h.reopen()
	same("after reopening", last)
	MustPut(t, h.s, SyntheticRelease(1))
	step("after a write after reopening")
}

// testSnapshotDuringWrites takes snapshots while releases are written one after another and
// checks that each shows the graph exactly as some number of writes left it.
func testSnapshotDuringWrites(t *testing.T, h *harness) {
	const writes = 40
	h.load()
	// versions[k] is the version after k writes; entities[k] and relations[k] the IDs of
	// what the graph holds then, evidence[k] the number of evidence it has.
	versions := make([]string, writes+1)
	versions[0] = h.mustVersion()
	entities, relations, evidence := make([][]string, writes+1), make([][]string, writes+1), make([]int, writes+1)
	ents, rels := map[string]bool{}, map[string]bool{}
	add := func(k int, r graph.Release) {
		for _, e := range r.Entities {
			ents[e.ID] = true
		}
		for _, f := range r.Facts {
			rels[f.RelationID()] = true
		}
		entities[k], relations[k] = sorted(keys(ents)...), sorted(keys(rels)...)
		evidence[k] += len(r.Facts)
	}
	for _, r := range Fixtures() {
		add(0, r)
	}
	for k := 1; k <= writes; k++ {
		evidence[k] = evidence[k-1]
		add(k, SyntheticRelease(k))
	}

	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		defer close(done)
		for k := 1; k <= writes; k++ {
			if _, err := h.s.PutRelease(h.ctx, SyntheticRelease(k)); err != nil {
				t.Errorf("PutRelease: %v", err)
				return
			}
			v, err := h.s.Version(h.ctx)
			if err != nil {
				t.Errorf("Version: %v", err)
				return
			}
			versions[k] = v
		}
	})
	var snaps []graph.Snapshot
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		snap, err := h.s.Snapshot(h.ctx)
		if err != nil {
			t.Errorf("Snapshot: %v", err)
			break
		}
		snaps = append(snaps, snap)
	}
	wg.Wait()

	seen := map[int]bool{}
	for i, snap := range snaps {
		k := slices.Index(versions, snap.Version)
		if k < 0 {
			t.Errorf("snapshot %d: Version %q is none a write left (%q)", i, snap.Version, versions)
			continue
		}
		seen[k] = true
		what := fmt.Sprintf("snapshot %d, after %d writes", i, k)
		wantIDs(t, what+": nodes", ids(snap.Nodes), entities[k])
		wantIDs(t, what+": edges", ids(snap.Edges), relations[k])
		n := 0
		for _, r := range snap.Edges {
			n += len(r.Evidence)
		}
		if n != evidence[k] {
			t.Errorf("%s: %d evidence, want %d", what, n, evidence[k])
		}
	}
	t.Logf("%d snapshots at %d of %d versions", len(snaps), len(seen), writes+1)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
