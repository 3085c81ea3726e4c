package network_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

func TestAnalyzerReadsEachVersionOnce(t *testing.T) {
	ctx := context.Background()
	src := &source{snap: MustSnapshot(t, "v1", coop("2020-01-01", bayern, hessen))}
	a := network.New(src)
	if n := src.reads(); n != 0 {
		t.Fatalf("New read %d snapshots, want none", n)
	}
	for range 3 {
		if _, err := a.Network(ctx, network.Filter{}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.View(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := src.reads(); n != 1 {
		t.Errorf("six calls on one version read %d snapshots, want 1", n)
	}

	src.set(MustSnapshot(t, "v2", coop("2020-01-01", bayern, hessen), coop("2021-01-01", hessen, hamburg)))
	net, err := a.Network(ctx, network.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if n := src.reads(); n != 2 {
		t.Errorf("a call on a new version: %d snapshots read in all, want 2", n)
	}
	if net.Version != "v2" || len(net.Edges) != 2 {
		t.Errorf("after the change: got version %s with %d edges, want v2 with 2", net.Version, len(net.Edges))
	}
}

func TestAnalyzerBuildsOnceForConcurrentCalls(t *testing.T) {
	gate := make(chan struct{})
	src := &source{snap: MustSnapshot(t, "v1", coop("2020-01-01", bayern, hessen)), gate: gate}
	a := network.New(src)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := a.Network(context.Background(), network.Filter{})
			errs <- err
		})
	}
	// Let every call reach the build before it may finish.
	for deadline := time.Now().Add(5 * time.Second); src.reads() == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	close(gate)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := src.reads(); n != 1 {
		t.Errorf("8 concurrent calls read %d snapshots, want 1", n)
	}
}

func TestAnalyzerForgetsFailedBuild(t *testing.T) {
	ctx := context.Background()
	src := &source{snap: MustSnapshot(t, "v1", coop("2020-01-01", bayern, hessen)), err: graph.Errorf(graph.EUNAVAILABLE, "store down")}
	a := network.New(src)
	_, err := a.Network(ctx, network.Filter{})
	wantCode(t, "Network while the store is down", err, graph.EUNAVAILABLE)

	src.mu.Lock()
	src.err = nil
	src.mu.Unlock()
	if _, err := a.Network(ctx, network.Filter{}); err != nil {
		t.Fatalf("Network once the store is back: %v", err)
	}
	if n := src.reads(); n != 2 {
		t.Errorf("got %d snapshot reads, want 2 (the failed one is not cached)", n)
	}
}

func TestAnalyzerWaiterGivesUpWithItsContext(t *testing.T) {
	gate := make(chan struct{})
	defer close(gate)
	src := &source{snap: MustSnapshot(t, "v1", coop("2020-01-01", bayern, hessen)), gate: gate}
	a := network.New(src)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := a.Network(ctx, network.Filter{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's deadline", err)
	}
}

func TestAnalyzerRejectsInconsistentSnapshot(t *testing.T) {
	snap := MustSnapshot(t, "v1", coop("2020-01-01", bayern, hessen))
	snap.Nodes = snap.Nodes[:1]
	_, err := network.New(&source{snap: snap}).Network(context.Background(), network.Filter{})
	var gerr *graph.Error
	if !errors.As(err, &gerr) || gerr.Code != graph.EINTERNAL || !strings.Contains(gerr.Message, "names an entity it does not hold") {
		t.Errorf("Network on a snapshot missing an entity: got %v, want an EINTERNAL error naming the relation", err)
	}
}
