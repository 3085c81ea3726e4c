package network

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// Source is what an Analyzer reads the graph from; every graph.Store is one.
type Source interface {
	// Snapshot returns the whole graph and its version.
	Snapshot(ctx context.Context) (graph.Snapshot, error)
	// Version returns the store's version cheaply; it changes with every change.
	Version(ctx context.Context) (string, error)
}

// buildTimeout bounds reading and indexing a snapshot. A build outlives the request that
// started it, so that other requests waiting for it are not failed by its cancellation.
const buildTimeout = 2 * time.Minute

// Analyzer keeps the View of a Source's latest version until the version changes. Every call
// of View asks the Source for its version first; concurrent calls that find a new version
// read one snapshot between them.
type Analyzer struct {
	src Source

	mu      sync.Mutex
	current *View             // the view of the latest build started that succeeded
	builds  map[string]*build // builds in progress by the version that asked for them
	started int               // counts the builds started
}

// build is one reading of a snapshot into a View, done when done is closed.
type build struct {
	seq  int
	done chan struct{}
	view *View
	err  error
}

// New returns an Analyzer over src. It reads nothing until it is asked.
func New(src Source) *Analyzer {
	return &Analyzer{src: src, builds: map[string]*build{}}
}

// View returns the view of the Source's current version, reading a snapshot when the cache
// holds another version. A caller that gives up (ctx done) leaves the build to others.
func (a *Analyzer) View(ctx context.Context) (*View, error) {
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
		return b.view, b.err
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
		b.view, err = newView(snap)
	}
	if err != nil {
		b.err = fmt.Errorf("read snapshot: %w", err)
	}

	a.mu.Lock()
	delete(a.builds, version)
	if b.err == nil && (a.current == nil || a.current.seq < b.seq) {
		b.view.seq = b.seq
		a.current = b.view
	}
	a.mu.Unlock()
	close(b.done)
}

// Network returns the network f selects in the view of the current version; see
// View.Network.
func (a *Analyzer) Network(ctx context.Context, f Filter) (Network, error) {
	if err := f.Validate(); err != nil {
		return Network{}, err
	}
	v, err := a.View(ctx)
	if err != nil {
		return Network{}, fmt.Errorf("network: %w", err)
	}
	return v.Network(f)
}

// Version returns the version of the graph the view holds.
func (x *View) Version() string { return x.version }
