package schema

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// batchWait is how long a batch of entity reads waits for another ID before it is sent,
// and maxBatchWait how long it waits at most. gqlgen resolves the fields of a list's items
// concurrently, so those asked at one level of a query arrive close together.
const (
	batchWait    = time.Millisecond
	maxBatchWait = 10 * time.Millisecond
)

// memo is what one request shares between its resolvers. It reads the entities that
// resolvers ask for one by one (Relation.from, Fact.to, …) in batches, one Entities call
// per batchWait with up to graph.MaxPageSize IDs, and each entity and release once; the
// entities that a list field returned whole are primed, and cost no read at all. It pins
// the network.View of the graph's version on first use, so that every field of the
// request answers from the same version and the store is asked for its version once.
type memo struct {
	store    graph.Store
	analyzer *network.Analyzer

	mu       sync.Mutex
	entities map[string]*fetch[graph.Entity]
	pending  *entityBatch // the batch collecting IDs, if any
	releases map[string]*fetch[graph.Release]

	viewOnce sync.Once
	view     *network.View
	viewErr  error
	// pinned is view once it is read: the entities it holds cost no read and no copy.
	pinned atomic.Pointer[network.View]
}

// fetch is one read of the store, done when done is closed.
type fetch[T any] struct {
	done chan struct{}
	val  T
	err  error
}

// entityBatch is the entity IDs to read in one call and the fetches waiting for them.
type entityBatch struct {
	started time.Time
	timer   *time.Timer
	ids     []string
	fetches []*fetch[graph.Entity]
}

type memoKey struct{}

// withMemo returns ctx carrying a new, empty memo over store and analyzer.
func withMemo(ctx context.Context, store graph.Store, analyzer *network.Analyzer) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{
		store:    store,
		analyzer: analyzer,
		entities: map[string]*fetch[graph.Entity]{},
		releases: map[string]*fetch[graph.Release]{},
	})
}

// memoFor returns the memo that NewHandler put in the context of the request.
func memoFor(ctx context.Context) *memo { return ctx.Value(memoKey{}).(*memo) }

// entity returns the entity with the given ID: from the view of the graph, once the
// request uses one, or else read in a batch with the others asked for at about the same
// time.
func (m *memo) entity(ctx context.Context, id string) (*graph.Entity, error) {
	return m.entityFrom(ctx, id, true)
}

// entityNow is entity for a field asked alone, such as Query.entity: an entity not at hand
// is read at once instead of waiting for others to batch with.
func (m *memo) entityNow(ctx context.Context, id string) (*graph.Entity, error) {
	return m.entityFrom(ctx, id, false)
}

func (m *memo) entityFrom(ctx context.Context, id string, batch bool) (*graph.Entity, error) {
	if v := m.pinned.Load(); v != nil {
		if e, ok := v.Lookup(id); ok {
			return e, nil
		}
	}
	m.mu.Lock()
	f, ok := m.entities[id]
	if !ok {
		f = &fetch[graph.Entity]{done: make(chan struct{})}
		m.entities[id] = f
		if batch {
			m.enqueue(ctx, id, f)
		}
	}
	m.mu.Unlock()
	if !ok && !batch {
		m.read(ctx, &entityBatch{ids: []string{id}, fetches: []*fetch[graph.Entity]{f}})
	}
	select {
	case <-f.done:
		if f.err != nil {
			return nil, f.err
		}
		return &f.val, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// prime records entities that a resolver read whole from the store (those of
// Query.search), so that asking for them later reads nothing. Those of the request's view
// need no priming: the memo finds them there.
func (m *memo) prime(es []graph.Entity) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range es {
		if _, ok := m.entities[e.ID]; !ok {
			f := &fetch[graph.Entity]{done: make(chan struct{}), val: e}
			close(f.done)
			m.entities[e.ID] = f
		}
	}
}

// enqueue adds id to the pending batch, starting one when there is none. A batch is sent
// when no ID has joined it for batchWait, after maxBatchWait, or when it is full. The
// caller holds m.mu.
func (m *memo) enqueue(ctx context.Context, id string, f *fetch[graph.Entity]) {
	b := m.pending
	if b == nil {
		b = &entityBatch{started: time.Now()}
		m.pending = b
		b.timer = time.AfterFunc(batchWait, func() { m.flush(ctx, b) })
	}
	b.ids = append(b.ids, id)
	b.fetches = append(b.fetches, f)
	switch {
	case len(b.ids) == graph.MaxPageSize:
		m.pending = nil
		b.timer.Stop()
		go m.read(ctx, b)
	case time.Since(b.started) < maxBatchWait:
		b.timer.Reset(batchWait)
	}
}

// flush sends b unless it was sent already.
func (m *memo) flush(ctx context.Context, b *entityBatch) {
	m.mu.Lock()
	due := m.pending == b
	if due {
		m.pending = nil
	}
	m.mu.Unlock()
	if due {
		m.read(ctx, b)
	}
}

// read reads the entities of b in one call and hands each to its fetch; an ID the store
// does not hold is ENOTFOUND.
func (m *memo) read(ctx context.Context, b *entityBatch) {
	page, err := m.store.Entities(ctx, graph.EntityFilter{IDs: b.ids})
	found := make(map[string]graph.Entity, len(page.Items))
	for _, e := range page.Items {
		found[e.ID] = e
	}
	for i, id := range b.ids {
		f := b.fetches[i]
		switch e, ok := found[id]; {
		case err != nil:
			f.err = err
		case ok:
			f.val = e
		default:
			f.err = graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		close(f.done)
	}
}

// release returns the release with the given ID, its entities and facts included.
// graph.Store reads releases one by one; the memo reads each once.
func (m *memo) release(ctx context.Context, id string) (*graph.Release, error) {
	m.mu.Lock()
	f, ok := m.releases[id]
	if !ok {
		f = &fetch[graph.Release]{done: make(chan struct{})}
		m.releases[id] = f
	}
	m.mu.Unlock()
	if !ok {
		f.val, f.err = m.store.Release(ctx, id)
		close(f.done)
	}
	select {
	case <-f.done:
		if f.err != nil {
			return nil, f.err
		}
		return &f.val, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// networkView returns the view of the graph this request answers from, asking the
// analyzer for it on first use.
func (m *memo) networkView(ctx context.Context) (*network.View, error) {
	m.viewOnce.Do(func() {
		m.view, m.viewErr = m.analyzer.View(ctx)
		if m.viewErr == nil {
			m.pinned.Store(m.view)
		}
	})
	return m.view, m.viewErr
}
