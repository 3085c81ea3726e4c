package schema_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/graphtest"
	"github.com/egovgraph/egovgraph/schema"
)

// countingStore counts the calls of each store method, and how often each entity and
// release is read.
type countingStore struct {
	graph.Store
	mu       sync.Mutex
	calls    map[string]int
	entities map[string]int
	releases map[string]int
}

func newCountingStore(s graph.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}, entities: map[string]int{}, releases: map[string]int{}}
}

func (s *countingStore) count(method string, entities ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
	for _, id := range entities {
		s.entities[id]++
	}
}

func (s *countingStore) Entity(ctx context.Context, id string) (graph.Entity, error) {
	s.count("Entity", id)
	return s.Store.Entity(ctx, id)
}

func (s *countingStore) Entities(ctx context.Context, f graph.EntityFilter) (graph.Paged[graph.Entity], error) {
	s.count("Entities", f.IDs...)
	return s.Store.Entities(ctx, f)
}

func (s *countingStore) Release(ctx context.Context, id string) (graph.Release, error) {
	s.count("Release")
	s.mu.Lock()
	s.releases[id]++
	s.mu.Unlock()
	return s.Store.Release(ctx, id)
}

func (s *countingStore) Releases(ctx context.Context, p graph.Page) (graph.Paged[graph.Release], error) {
	s.count("Releases")
	return s.Store.Releases(ctx, p)
}

func (s *countingStore) Relations(ctx context.Context, f graph.RelationFilter) (graph.Paged[graph.Relation], error) {
	s.count("Relations")
	return s.Store.Relations(ctx, f)
}

func (s *countingStore) Neighborhood(ctx context.Context, id string, depth int, types []graph.RelationType) (graph.Subgraph, error) {
	s.count("Neighborhood")
	return s.Store.Neighborhood(ctx, id, depth, types)
}

func (s *countingStore) Search(ctx context.Context, text string, limit int) ([]graph.Entity, error) {
	s.count("Search")
	return s.Store.Search(ctx, text, limit)
}

func (s *countingStore) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	s.count("Snapshot")
	return s.Store.Snapshot(ctx)
}

func (s *countingStore) Version(ctx context.Context) (string, error) {
	s.count("Version")
	return s.Store.Version(ctx)
}

// total returns the number of store calls so far, and forgets them.
func (s *countingStore) total() (int, map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, calls := 0, s.calls
	for _, c := range calls {
		n += c
	}
	s.calls = map[string]int{}
	return n, calls
}

func TestOneReadPerEntityAndRelease(t *testing.T) {
	store := newCountingStore(MustOpenStore(t))
	h := schema.NewHandler(store, schema.Options{})
	// The facts of the releases name their entities one by one: they are read in batches.
	query := `{ releases { edges { node { title facts { from { name } to { name } } } } } }`
	var data struct {
		Releases struct {
			Edges []struct {
				Node struct {
					Facts []struct{ From, To struct{ Name string } }
				}
			}
		}
	}
	MustQuery(t, h, query, nil, &data)
	if len(data.Releases.Edges) != 4 {
		t.Fatalf("got %d releases, want 4", len(data.Releases.Edges))
	}
	// The facts name Bayern in three releases, and eight entities in all.
	if len(store.entities) != 8 {
		t.Errorf("read %d distinct entities, want all 8", len(store.entities))
	}
	for id, n := range store.entities {
		if n != 1 {
			t.Errorf("read entity %s %d times, want once", id, n)
		}
	}
	// The page of releases claims the ends of all its facts for one batch.
	if _, calls := store.total(); calls["Entity"] != 0 || calls["Entities"] != 1 {
		t.Errorf("got %d Entity and %d Entities calls, want none and one batch", calls["Entity"], calls["Entities"])
	}

	// The evidence of the relations names each release several times: each is read once.
	MustQuery(t, h, `{ relations { edges { node { evidence { release { title } } } } } }`, nil,
		&struct{ Relations relationConnection }{})
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

// TestEvidenceReleasesReadOnlyWhenAsked: a page of relations reads the releases of its
// evidence ahead, side by side, when the query asks for them, also through fragments, and
// reads none when it does not.
func TestEvidenceReleasesReadOnlyWhenAsked(t *testing.T) {
	store := newCountingStore(MustOpenStore(t))
	h := schema.NewHandler(store, schema.Options{})
	MustQuery(t, h, `{ entity(id: "state:bayern") { relations { edges { node { evidence { sentence date } } } } } }`, nil,
		&struct {
			Entity struct{ Relations relationConnection }
		}{})
	if len(store.releases) != 0 {
		t.Errorf("read releases %v for evidence without release, want none", store.releases)
	}

	// Read side by side: the first Release call returns only once all three are running,
	// which Relation.evidence, resolved one relation after another, would not do alone.
	barrier := &releaseBarrier{Store: MustOpenStore(t), want: 3, all: make(chan struct{})}
	MustQuery(t, schema.NewHandler(barrier, schema.Options{}), `{ entity(id: "state:bayern") { relations { ...Page } } }
		fragment Page on RelationConnection { edges { ... on RelationEdge { node { evidence { release { title } } } } } }`, nil,
		&struct {
			Entity struct{ Relations relationConnection }
		}{})
}

// releaseBarrier is a store whose Release calls wait until want of them run at once, and
// fail when that takes more than ten seconds.
type releaseBarrier struct {
	graph.Store
	want int

	mu      sync.Mutex
	arrived int
	all     chan struct{}
}

func (s *releaseBarrier) Release(ctx context.Context, id string) (graph.Release, error) {
	s.mu.Lock()
	if s.arrived++; s.arrived == s.want {
		close(s.all)
	}
	s.mu.Unlock()
	select {
	case <-s.all:
		return s.Store.Release(ctx, id)
	case <-time.After(10 * time.Second):
		return graph.Release{}, fmt.Errorf("release %s: %d Release calls ran at once, want %d", id, s.arrived, s.want)
	}
}

// MustOpenSynthetic returns an embedded store holding the first n releases of graphtest's
// synthetic corpus.
func MustOpenSynthetic(tb testing.TB, n int) graph.Store {
	tb.Helper()
	s, err := bolt.Open(filepath.Join(tb.TempDir(), "egovgraph.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	for i := range n {
		if _, err := s.PutRelease(context.Background(), graphtest.SyntheticRelease(i)); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// TestStoreCallsAreBounded asks for 50 entities with their relations and the entities at
// both ends of each: thousands of fields, a handful of store calls however many entities
// the query names.
func TestStoreCallsAreBounded(t *testing.T) {
	store := newCountingStore(MustOpenSynthetic(t, 300))
	h := schema.NewHandler(store, schema.Options{})
	query := `query($first: Int!) { entities(first: $first) { edges { node { id
		relations(first: 50) { edges { node { from { id name aliases } to { id name aliases } } } } } } } }`
	for _, first := range []int{10, 50} {
		var data struct {
			Entities struct {
				Edges []struct {
					Node struct {
						ID        string
						Relations relationConnection
					}
				}
			}
		}
		MustQuery(t, h, query, map[string]any{"first": first}, &data)
		relations, counterparts := 0, map[string]bool{}
		for _, e := range data.Entities.Edges {
			for _, r := range e.Node.Relations.Edges {
				relations++
				counterparts[r.Node.From.ID], counterparts[r.Node.To.ID] = true, true
				if r.Node.From.Name == "" || r.Node.To.Name == "" {
					t.Fatalf("relation %s lacks the names of its ends", r.Node.ID)
				}
			}
		}
		n, calls := store.total()
		t.Logf("%d entities, %d relations, %d entities at their ends: %d store calls %v", len(data.Entities.Edges), relations, len(counterparts), n, calls)
		if len(data.Entities.Edges) != first || relations < 2*first {
			t.Fatalf("got %d entities with %d relations, want %d with more", len(data.Entities.Edges), relations, first)
		}
		// The version (and a snapshot the first time): the entities, their relations and the
		// entities at their ends come from the snapshot.
		if want := map[string]int{"Version": 1}; n > 2 || calls["Entities"] != 0 || calls["Version"] != 1 {
			t.Errorf("first %d: %d store calls %v, want %v and a Snapshot the first time", first, n, calls, want)
		}
	}
	for id, n := range store.entities {
		if n > 2 {
			t.Errorf("entity %s read %d times in two requests, want at most once in each", id, n)
		}
	}

	// A long list of relations and their ends: from the snapshot too, no entity read.
	clear(store.entities)
	var data struct{ Relations relationConnection }
	MustQuery(t, h, `{ relations(first: 400) { edges { node { id from { name } to { name } } } } }`, nil, &data)
	n, calls := store.total()
	t.Logf("%d relations: %d store calls %v", len(data.Relations.Edges), n, calls)
	if len(data.Relations.Edges) != 400 {
		t.Fatalf("got %d relations, want 400", len(data.Relations.Edges))
	}
	if n != 1 || calls["Version"] != 1 || len(store.entities) != 0 {
		t.Errorf("got store calls %v and %d entities read, want the version alone", calls, len(store.entities))
	}
}

// TestEntityReadsFollowTheQuery counts the store calls that read entities for a few
// queries, each asked several times: the count follows from the query and the data, the
// same every time, however the resolvers of the items happen to be scheduled.
func TestEntityReadsFollowTheQuery(t *testing.T) {
	const releases = 300
	store := newCountingStore(MustOpenSynthetic(t, releases))
	h := schema.NewHandler(store, schema.Options{})
	ends := map[string]bool{}
	for i := range releases {
		for _, f := range graphtest.SyntheticRelease(i).Facts {
			ends[f.From], ends[f.To] = true, true
		}
	}
	one := graphtest.SyntheticRelease(7)
	for _, tc := range []struct {
		name     string
		query    string
		entities int // Entities calls
		release  int // Release calls
	}{
		{"ends of the facts of a page", fmt.Sprintf(`{ releases(first: %d) { edges { node { facts { from { name } to { name } } } } } }`, releases),
			(len(ends) + graph.MaxPageSize - 1) / graph.MaxPageSize, 0},
		{"a page without its facts' ends", `{ releases(first: 50) { edges { node { title facts { type } } } } }`, 0, 0},
		{"ends of the facts of one release", fmt.Sprintf(`{ release(id: %q) { facts { from { name } to { name } } } }`, one.ID), 1, 1},
		{"one entity", fmt.Sprintf(`{ entity(id: %q) { name } }`, one.Facts[0].From), 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store.total()
			for range 20 {
				var data any
				MustQuery(t, h, tc.query, nil, &data)
				if _, calls := store.total(); calls["Entities"] != tc.entities || calls["Entity"] != 0 || calls["Release"] != tc.release {
					t.Fatalf("got store calls %v, want %d Entities, %d Release and no Entity", calls, tc.entities, tc.release)
				}
			}
		})
	}
}

// BenchmarkReleaseFacts asks for a page of 100 releases and the entities at the ends of
// their facts, which the page reads in one batch.
func BenchmarkReleaseFacts(b *testing.B) {
	h := schema.NewHandler(MustOpenSynthetic(b, 300), schema.Options{})
	query := `{ releases(first: 100) { edges { node { facts { from { name } to { name } } } } } }`
	for b.Loop() {
		var data any
		MustQuery(b, h, query, nil, &data)
	}
}
