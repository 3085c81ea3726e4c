package network

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// Source is what an Analyzer reads the graph from; the stores of package graph implement it.
type Source interface {
	// Snapshot returns the whole graph and its version.
	Snapshot(ctx context.Context) (graph.Snapshot, error)
	// Version returns the store's version cheaply; it changes with every change.
	Version(ctx context.Context) (string, error)
}

// buildTimeout bounds reading and indexing a snapshot. A build outlives the request that
// started it, so that other requests waiting for it are not failed by its cancellation.
const buildTimeout = 2 * time.Minute

// Analyzer answers questions about the shape of the network from the snapshots of a Source.
// It keeps the graph of the latest version it read, and what it computed from it, until the
// Source's version changes; every call asks the Source for its version first. Concurrent
// calls that find a new version read one snapshot between them.
//
// The values an Analyzer returns share memory with its cache: callers must not modify them.
type Analyzer struct {
	src Source

	mu      sync.Mutex
	current *index            // the index of the latest build started that succeeded
	builds  map[string]*build // builds in progress by the version that asked for them
	started int               // counts the builds started
}

// build is one reading of a snapshot into an index, done when done is closed.
type build struct {
	seq  int
	done chan struct{}
	idx  *index
	err  error
}

// New returns an Analyzer over src. It reads nothing until it is asked.
func New(src Source) *Analyzer {
	return &Analyzer{src: src, builds: map[string]*build{}}
}

// index returns the index of the Source's current version, building it when the cache holds
// another version.
func (a *Analyzer) index(ctx context.Context) (*index, error) {
	v, err := a.src.Version(ctx)
	if err != nil {
		return nil, fmt.Errorf("read version: %w", err)
	}
	a.mu.Lock()
	if a.current != nil && a.current.version == v {
		defer a.mu.Unlock()
		return a.current, nil
	}
	b, ok := a.builds[v]
	if !ok {
		a.started++
		b = &build{seq: a.started, done: make(chan struct{})}
		a.builds[v] = b
		go a.build(context.WithoutCancel(ctx), v, b)
	}
	a.mu.Unlock()

	select {
	case <-b.done:
		return b.idx, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// build reads a snapshot into b and makes it current unless a later build already
// succeeded. A failed build is forgotten, so that the next call tries again.
func (a *Analyzer) build(ctx context.Context, version string, b *build) {
	ctx, cancel := context.WithTimeout(ctx, buildTimeout)
	defer cancel()
	snap, err := a.src.Snapshot(ctx)
	if err == nil {
		b.idx, err = newIndex(snap)
	}
	if err != nil {
		b.err = fmt.Errorf("read snapshot: %w", err)
	}

	a.mu.Lock()
	delete(a.builds, version)
	if b.err == nil && (a.current == nil || a.current.seq < b.seq) {
		b.idx.seq = b.seq
		a.current = b.idx
	}
	a.mu.Unlock()
	close(b.done)
}

// Version returns the version of the graph the Analyzer answers from, reading it first when
// the Source has changed.
func (a *Analyzer) Version(ctx context.Context) (string, error) {
	x, err := a.index(ctx)
	if err != nil {
		return "", err
	}
	return x.version, nil
}
