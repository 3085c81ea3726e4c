package network

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	gnetwork "gonum.org/v1/gonum/graph/network"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
)

// TestBetweennessAsGonum holds betweenness to gonum's network.Betweenness on graphs with
// hubs, leaves, parallel relations and several components.
func TestBetweennessAsGonum(t *testing.T) {
	for _, tt := range []struct {
		name string
		snap graph.Snapshot
	}{
		{"synthetic", syntheticSnapshot(t, 400)},
		{"random", randomSnapshot(t, 300, 500)},
	} {
		x, err := newView(tt.snap)
		if err != nil {
			t.Fatal(err)
		}
		n := len(x.entities)
		g := newAdjacency(n, x.ends, x.weights(), false)
		adj := make([][]int, n)
		for i, arcs := range g.out {
			for _, a := range arcs {
				adj[i] = append(adj[i], a.to)
			}
		}
		got := betweenness(adj)
		want := gnetwork.Betweenness(undirectedAdjacency{g})
		nonzero := 0
		for i := range n {
			if math.Abs(got[i]-want[int64(i)]) > 1e-9*max(1, want[int64(i)]) {
				t.Errorf("%s: %s: got %v, gonum %v", tt.name, x.entities[i].ID, got[i], want[int64(i)])
			}
			if got[i] > 0 {
				nonzero++
			}
		}
		if nonzero < n/10 {
			t.Errorf("%s: only %d of %d nodes lie between others: the graph tests little", tt.name, nonzero, n)
		}
	}
}

// syntheticSnapshot returns the graph of the first n releases of graphtest's synthetic
// corpus, its relations stated once each.
func syntheticSnapshot(tb testing.TB, n int) graph.Snapshot {
	tb.Helper()
	entities := map[string]graph.Entity{}
	relations := map[string]graph.Relation{}
	for i := range n {
		r := graphtest.SyntheticRelease(i)
		for _, e := range r.Entities {
			entities[e.ID] = e
		}
		for _, f := range r.Facts {
			f = f.Normalize()
			relations[f.RelationID()] = graph.Relation{ID: f.RelationID(), Type: f.Type, From: f.From, To: f.To, Role: f.Role,
				Evidence: []graph.Evidence{{ReleaseID: r.ID, Date: r.Date}}}
		}
	}
	return snapshotOf(entities, relations)
}

// randomSnapshot returns a graph of n organizations and m cooperations drawn at random.
func randomSnapshot(tb testing.TB, n, m int) graph.Snapshot {
	tb.Helper()
	rnd := rand.New(rand.NewPCG(7, 11))
	entities := map[string]graph.Entity{}
	relations := map[string]graph.Relation{}
	for i := range n {
		e := graph.NewEntity(graph.Organization, fmt.Sprintf("Verbund %d", i))
		entities[e.ID] = e
	}
	ids := slices.Sorted(maps.Keys(entities))
	for range m {
		a, b := ids[rnd.IntN(n)], ids[rnd.IntN(n)]
		if a == b {
			continue
		}
		id := graph.RelationID(graph.CooperatesWith, a, b, "")
		relations[id] = graph.Relation{ID: id, Type: graph.CooperatesWith, From: min(a, b), To: max(a, b)}
	}
	return snapshotOf(entities, relations)
}

func snapshotOf(entities map[string]graph.Entity, relations map[string]graph.Relation) graph.Snapshot {
	snap := graph.Snapshot{Version: "v"}
	for _, id := range slices.Sorted(maps.Keys(entities)) {
		snap.Nodes = append(snap.Nodes, entities[id])
	}
	for _, id := range slices.Sorted(maps.Keys(relations)) {
		snap.Edges = append(snap.Edges, relations[id])
	}
	return snap
}
