package schema

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// memo is what one request shares between its resolvers. It reads each entity and release
// once. The entities that resolvers ask for one by one (Fact.from, Fact.to) are read in
// batches that a list claims before its items are resolved (see expect), so the number of
// store calls follows from the query and the data, never from timing; the entities that
// Query.search returned whole are primed, and cost no read at all. It pins the
// network.View of the graph's version on first use, so that every field of the request
// answers from the same version and the store is asked for its version once.
type memo struct {
	store    graph.Store
	analyzer *network.Analyzer

	mu       sync.Mutex
	entities map[string]*fetch[graph.Entity]
	releases map[string]*fetch[graph.Release]

	viewOnce sync.Once
	view     *network.View
	viewErr  error
	// pinned is view once it is read: the entities it holds cost no read and no copy.
	pinned atomic.Pointer[network.View]
}

// fetch is one read of the store, done when done is closed. An entity's fetch may belong
// to a batch that is read when a field first asks for one of its entities.
type fetch[T any] struct {
	done  chan struct{}
	val   T
	err   error
	batch *entityBatch
}

// entityBatch is the entity IDs to read together and the fetches waiting for them.
type entityBatch struct {
	sent    bool // guarded by memo.mu
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
// request uses one, or else from the store, read with the batch that claimed it, if any,
// or alone.
func (m *memo) entity(ctx context.Context, id string) (*graph.Entity, error) {
	if v := m.pinned.Load(); v != nil {
		if e, ok := v.Lookup(id); ok {
			return e, nil
		}
	}
	m.mu.Lock()
	f, ok := m.entities[id]
	var send *entityBatch
	switch {
	case !ok:
		f = &fetch[graph.Entity]{done: make(chan struct{})}
		m.entities[id] = f
		send = &entityBatch{ids: []string{id}, fetches: []*fetch[graph.Entity]{f}}
	case f.batch != nil && !f.batch.sent:
		send = f.batch
	}
	if send != nil {
		send.sent = true
	}
	m.mu.Unlock()
	if send != nil {
		m.read(ctx, send)
	}
	return f.wait(ctx)
}

// end returns the entity at an end of a relation: from the request's view of the graph,
// which every list of relations comes from, or else read at once. Relation.from and
// Relation.to are resolved one relation after another (see internal/generate): an end
// must not wait for others.
func (m *memo) end(ctx context.Context, id string) (*graph.Entity, error) {
	v, err := m.networkView(ctx)
	if err != nil {
		return nil, err
	}
	if e, ok := v.Lookup(id); ok {
		return e, nil
	}
	return m.entity(ctx, id)
}

// expect claims the entities with the given IDs that the request has not read or claimed
// yet for one batch, read in one store call per graph.MaxPageSize of them when a field
// first asks for one of them, and not at all if none does. A list calls it before its
// items are resolved, with the IDs that the items' fields will ask for: the ends of the
// facts of a page of releases.
func (m *memo) expect(ids []string) {
	v := m.pinned.Load()
	b := &entityBatch{}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if _, ok := m.entities[id]; ok {
			continue
		}
		if v != nil {
			if _, ok := v.Lookup(id); ok {
				continue
			}
		}
		f := &fetch[graph.Entity]{done: make(chan struct{}), batch: b}
		m.entities[id] = f
		b.ids = append(b.ids, id)
		b.fetches = append(b.fetches, f)
	}
}

// expectFacts claims the entities at the ends of the facts of releases (see expect).
func (m *memo) expectFacts(releases ...graph.Release) {
	var ids []string
	for _, r := range releases {
		for _, f := range r.Facts {
			ids = append(ids, f.From, f.To)
		}
	}
	m.expect(ids)
}

// prime records entities that a resolver read whole from the store (those of
// Query.search), so that asking for them later reads nothing. Those of the request's view
// need no priming: the memo finds them there.
func (m *memo) prime(es []graph.Entity) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range es {
		if f, ok := m.entities[e.ID]; !ok || f.batch != nil && !f.batch.sent {
			f := &fetch[graph.Entity]{done: make(chan struct{}), val: e}
			close(f.done)
			m.entities[e.ID] = f
		}
	}
}

// read reads the entities of b, in one call per graph.MaxPageSize of them, and hands each
// to its fetch; an ID the store does not hold is ENOTFOUND.
func (m *memo) read(ctx context.Context, b *entityBatch) {
	for i := 0; i < len(b.ids); i += graph.MaxPageSize {
		j := min(i+graph.MaxPageSize, len(b.ids))
		m.readPage(ctx, b.ids[i:j], b.fetches[i:j])
	}
}

func (m *memo) readPage(ctx context.Context, ids []string, fetches []*fetch[graph.Entity]) {
	page, err := m.store.Entities(ctx, graph.EntityFilter{IDs: ids})
	found := make(map[string]graph.Entity, len(page.Items))
	for _, e := range page.Items {
		found[e.ID] = e
	}
	for i, id := range ids {
		f := fetches[i]
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
	return f.wait(ctx)
}

// maxPrefetch bounds the releases prefetchReleases reads at a time.
const maxPrefetch = 8

// prefetchReleases starts reading the releases with the given IDs that the request has not
// read yet, maxPrefetch at a time, and returns at once; release waits for them. A page of
// relations asks for the releases of its evidence one relation after another (see
// internal/generate): read side by side beforehand, they cost one wait instead of one per
// relation.
func (m *memo) prefetchReleases(ctx context.Context, ids []string) {
	var todo []*fetch[graph.Release]
	var todoIDs []string
	m.mu.Lock()
	for _, id := range ids {
		if _, ok := m.releases[id]; !ok {
			f := &fetch[graph.Release]{done: make(chan struct{})}
			m.releases[id] = f
			todo, todoIDs = append(todo, f), append(todoIDs, id)
		}
	}
	m.mu.Unlock()
	next := make(chan int, len(todo))
	for i := range todo {
		next <- i
	}
	close(next)
	for range min(maxPrefetch, len(todo)) {
		go func() {
			for i := range next {
				todo[i].val, todo[i].err = m.store.Release(ctx, todoIDs[i])
				close(todo[i].done)
			}
		}()
	}
}

// wait returns the value of f once it is read, or ctx's error.
func (f *fetch[T]) wait(ctx context.Context) (*T, error) {
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
