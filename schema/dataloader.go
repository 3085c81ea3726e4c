package schema

import (
	"context"
	"sync"

	"github.com/egovgraph/egovgraph/graph"
)

// memo caches the entities and releases that one request fetches, so that a query
// naming the same entity at many relations (Relation.from, Fact.to, …) or the same
// release in much evidence fetches each once. Resolvers run concurrently; those asking
// for an ID being fetched wait for that fetch. graph.Store has no batch read, so there is
// nothing to gain from collecting IDs into batches.
type memo struct {
	store    graph.Store
	mu       sync.Mutex
	entities map[string]*fetch[graph.Entity]
	releases map[string]*fetch[graph.Release]
}

// fetch is one read of the store, done when done is closed.
type fetch[T any] struct {
	done chan struct{}
	val  T
	err  error
}

type memoKey struct{}

// withMemo returns ctx carrying a new, empty memo over store.
func withMemo(ctx context.Context, store graph.Store) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{
		store:    store,
		entities: map[string]*fetch[graph.Entity]{},
		releases: map[string]*fetch[graph.Release]{},
	})
}

// memoFor returns the memo that NewHandler put in the context of the request.
func memoFor(ctx context.Context) *memo { return ctx.Value(memoKey{}).(*memo) }

// entity returns the entity with the given ID.
func (m *memo) entity(ctx context.Context, id string) (*graph.Entity, error) {
	e, err := load(ctx, &m.mu, m.entities, id, m.store.Entity)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// release returns the release with the given ID, its entities and facts included.
func (m *memo) release(ctx context.Context, id string) (*graph.Release, error) {
	r, err := load(ctx, &m.mu, m.releases, id, m.store.Release)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// load returns the value cached in cache under id, reading it with read on first use.
// An error is cached as well: within one request the answer does not change.
func load[T any](ctx context.Context, mu *sync.Mutex, cache map[string]*fetch[T], id string, read func(context.Context, string) (T, error)) (T, error) {
	mu.Lock()
	f, ok := cache[id]
	if !ok {
		f = &fetch[T]{done: make(chan struct{})}
		cache[id] = f
	}
	mu.Unlock()
	if !ok {
		f.val, f.err = read(ctx, id)
		close(f.done)
		return f.val, f.err
	}
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
