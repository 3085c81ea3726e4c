package schema_test

import (
	"context"
	"sync"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/schema"
)

// countingStore counts the reads of single entities and releases.
type countingStore struct {
	graph.Store
	mu       sync.Mutex
	entities map[string]int
	releases map[string]int
}

func (s *countingStore) Entity(ctx context.Context, id string) (graph.Entity, error) {
	s.mu.Lock()
	s.entities[id]++
	s.mu.Unlock()
	return s.Store.Entity(ctx, id)
}

func (s *countingStore) Release(ctx context.Context, id string) (graph.Release, error) {
	s.mu.Lock()
	s.releases[id]++
	s.mu.Unlock()
	return s.Store.Release(ctx, id)
}

func TestOneReadPerEntityAndRelease(t *testing.T) {
	store := &countingStore{Store: MustOpenStore(t), entities: map[string]int{}, releases: map[string]int{}}
	h := schema.NewHandler(store, schema.Options{})
	query := `{ relations { edges { node { from { name } to { name } evidence { release { title facts { from { id } to { id } } } } } } } }`
	var data struct {
		Relations struct{ Edges []struct{ Node relation } }
	}
	MustQuery(t, h, query, nil, &data)
	if len(data.Relations.Edges) != 7 {
		t.Fatalf("got %d relations, want 7", len(data.Relations.Edges))
	}
	// The query names Bayern at four relations and in the facts of three releases.
	if len(store.entities) != 8 {
		t.Errorf("read %d distinct entities, want all 8", len(store.entities))
	}
	for id, n := range store.entities {
		if n != 1 {
			t.Errorf("read entity %s %d times, want once", id, n)
		}
	}
	if len(store.releases) != 4 {
		t.Errorf("read %d distinct releases, want all 4", len(store.releases))
	}
	for id, n := range store.releases {
		if n != 1 {
			t.Errorf("read release %s %d times, want once", id, n)
		}
	}

	// The memo lives for one request: the next one reads again.
	MustQuery(t, h, `{ entity(id: "state:bayern") { name } }`, nil, &struct{ Entity entity }{})
	if n := store.entities["state:bayern"]; n != 2 {
		t.Errorf("read state:bayern %d times over two requests, want 2", n)
	}
}
