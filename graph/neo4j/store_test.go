package neo4j

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// MustConfig returns the configuration of the test server (see neo4jtest.MustServer): it
// skips tb when none answers, or fails it when CI=true.
func MustConfig(tb testing.TB) Config {
	tb.Helper()
	return Config(neo4jtest.MustServer(tb))
}

// opener opens stores on the test server; a fresh one starts from an empty database.
func opener(cfg Config) graphtest.Opener {
	return func(tb testing.TB, fresh bool) graph.Store {
		tb.Helper()
		ctx := context.Background()
		s, err := Open(ctx, cfg)
		if err != nil {
			tb.Fatalf("Open: %v", err)
		}
		if fresh {
			neo4jtest.Server(cfg).MustWipe(tb)
		}
		return s
	}
}

func TestStore(t *testing.T) {
	graphtest.Run(t, opener(MustConfig(t)))
}

func BenchmarkStore(b *testing.B) {
	graphtest.Bench(b, opener(MustConfig(b)))
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := MustConfig(t)
	cfg.Password += "-wrong"
	s, err := Open(t.Context(), cfg)
	if err == nil {
		s.Close()
		t.Fatal("Open with a wrong password: no error")
	}
	if code := graph.ErrorCode(err); code != graph.EUNAVAILABLE {
		t.Errorf("Open with a wrong password: code %q, want %q (%v)", code, graph.EUNAVAILABLE, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "authentication failed for user neo4j") {
		t.Errorf("Open with a wrong password: got %q, want it to mention the failed authentication", msg)
	}
}

func TestOpenUnreachable(t *testing.T) {
	// Nothing listens on port 1 of the loopback address: the connection is refused at once.
	cfg := Config{URI: "bolt://127.0.0.1:1", Password: neo4jtest.DefaultPassword}
	s, err := Open(t.Context(), cfg)
	if err == nil {
		s.Close()
		t.Fatal("Open without a server: no error")
	}
	if code := graph.ErrorCode(err); code != graph.EUNAVAILABLE {
		t.Errorf("Open without a server: code %q, want %q (%v)", code, graph.EUNAVAILABLE, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "unreachable at bolt://127.0.0.1:1") {
		t.Errorf("Open without a server: got %q, want it to say the server is unreachable", msg)
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	cfg := MustConfig(t)
	cfg.Database = "nosuchdatabase"
	s, err := Open(t.Context(), cfg)
	if err == nil {
		s.Close()
		t.Fatal("Open of an unknown database: no error")
	}
	if code := graph.ErrorCode(err); code != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "database nosuchdatabase not found") {
		t.Errorf("Open of an unknown database: got %v (code %q), want EUNAVAILABLE naming the database", err, code)
	}
}

func TestAge(t *testing.T) {
	// In the order of Releases: newest date first, undated last, then by ID.
	order := []struct{ date, id string }{
		{"2024-03-01", "a-1"},
		{"2024-03-01", "b-1"},
		{"2024-02-29", "a-1"},
		{"2019-12-31", "0-1"},
		{"1999-01-01", "z-1"},
		{"", "a-1"},
		{"", "b-1"},
	}
	for i := 1; i < len(order); i++ {
		a, b := order[i-1], order[i]
		if ka, kb := age(a.date, a.id), age(b.date, b.id); ka >= kb {
			t.Errorf("age(%q, %q) = %q, not before age(%q, %q) = %q", a.date, a.id, ka, b.date, b.id, kb)
		}
	}
}

func TestTally(t *testing.T) {
	tests := []struct {
		name       string
		names      []string
		counts     []int
		delta      map[string]int
		wantNames  []string
		wantCounts []int
	}{
		{"first mention", nil, nil, map[string]int{"Bayern": 1, "Land Bayern": 1},
			[]string{"Bayern", "Land Bayern"}, []int{1, 1}},
		{"counts add up", []string{"Bayern", "Land Bayern"}, []int{3, 1}, map[string]int{"Bayern": 1, "Freistaat Bayern": 1},
			[]string{"Bayern", "Freistaat Bayern", "Land Bayern"}, []int{4, 1, 1}},
		{"a name no link gives any more is dropped", []string{"Bayern", "Land Bayern"}, []int{2, 1},
			map[string]int{"Bayern": -1, "Land Bayern": -1}, []string{"Bayern"}, []int{1}},
		{"replaced mention", []string{"Bayern", "Land Bayern"}, []int{1, 1},
			map[string]int{"Bayern": 0, "Land Bayern": -1, "Freistaat Bayern": 1},
			[]string{"Bayern", "Freistaat Bayern"}, []int{1, 1}},
		{"sorted as sort.Strings sorts", nil, nil, map[string]int{"bayern": 1, "Bayern": 1, "Ärzte": 1, "Z": 1},
			[]string{"Bayern", "Z", "bayern", "Ärzte"}, []int{1, 1, 1, 1}},
		{"nothing left", []string{"Bayern"}, []int{1}, map[string]int{"Bayern": -1}, []string{}, []int{}},
	}
	for _, tt := range tests {
		names, counts := tally(tt.names, tt.counts, tt.delta)
		if !slices.Equal(names, tt.wantNames) || !slices.Equal(counts, tt.wantCounts) {
			t.Errorf("%s: got %q %v, want %q %v", tt.name, names, counts, tt.wantNames, tt.wantCounts)
		}
	}
}

func TestTallyMention(t *testing.T) {
	names := map[string]map[string]int{}
	tallyMention(names, graph.Entity{ID: "state:bayern", Name: "Bayern", Aliases: []string{"Land Bayern", "Bayern", "Land Bayern"}}, 1)
	tallyMention(names, graph.Entity{ID: "state:bayern", Name: "Bayern"}, 1)
	tallyMention(names, graph.Entity{ID: "state:bayern", Name: "Bayern", Aliases: []string{"Freistaat Bayern"}}, -1)
	want := map[string]map[string]int{"state:bayern": {"Bayern": 1, "Land Bayern": 1, "Freistaat Bayern": -1}}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
}

func TestSameValue(t *testing.T) {
	tests := []struct {
		stored, v any
		want      bool
	}{
		{"Bayern", "Bayern", true},
		{"Bayern", "Land Bayern", false},
		{nil, "Bayern", false},
		{"DE-BY", nil, false},
		{nil, nil, true},
		{[]any{"Freistaat Bayern", "Land Bayern"}, []string{"Freistaat Bayern", "Land Bayern"}, true},
		{[]any{"Land Bayern"}, []string{"Freistaat Bayern", "Land Bayern"}, false},
		{nil, []string{}, true},
		{nil, []string{"Land Bayern"}, false},
		{[]any{int64(2), int64(1)}, []int{2, 1}, true},
		{[]any{int64(2), int64(1)}, []int{3, 1}, false},
	}
	for _, tt := range tests {
		if got := sameValue(tt.stored, tt.v); got != tt.want {
			t.Errorf("sameValue(%#v, %#v) = %v, want %v", tt.stored, tt.v, got, tt.want)
		}
	}
}

func TestConcurrentWritesKeepEveryAlias(t *testing.T) {
	s := opener(MustConfig(t))(t, true)
	defer s.Close()
	// Past 50 relationships Neo4j stores a node as dense and no longer locks it
	// exclusively for a new relationship.
	for i := range 60 {
		graphtest.MustPut(t, s, graph.Release{
			Source:   fmt.Sprintf("pm/2023-bayern-%d.md", i),
			Date:     "2023-01-01",
			Hash:     fmt.Sprintf("bayern-%d", i),
			Entities: []graph.Entity{graph.NewEntity(graph.State, "Bayern")},
		}.WithID())
	}
	// Releases written at once that name one entity under different aliases: each write
	// must see the others' mentions when it derives the entity's aliases.
	const writers = 8
	errs := make(chan error, writers)
	var want []string
	for i := range writers {
		alias := fmt.Sprintf("Land Bayern %d", i)
		want = append(want, alias)
		r := graph.Release{
			Source:   fmt.Sprintf("pm/2024-03-%02d-bayern.md", i+1),
			Date:     fmt.Sprintf("2024-03-%02d", i+1),
			Hash:     fmt.Sprintf("alias-%d", i),
			Entities: []graph.Entity{{ID: "state:bayern", Type: graph.State, Name: "Bayern", Aliases: []string{alias}}},
		}.WithID()
		go func() {
			_, err := s.PutRelease(t.Context(), r)
			errs <- err
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatalf("PutRelease: %v", err)
		}
	}
	e, err := s.Entity(t.Context(), "state:bayern")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if !slices.Equal(e.Aliases, want) {
		t.Errorf("aliases after concurrent writes: got %q, want %q", e.Aliases, want)
	}
}

func TestTranslate(t *testing.T) {
	s := &Store{cfg: Config{}.withDefaults()}
	tests := []struct {
		name     string
		err      error
		wantCode string
		wantMsg  string
	}{
		{"unauthorized", &driver.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized", Msg: "no"},
			graph.EUNAVAILABLE, "authentication failed for user neo4j"},
		{"locked out", &driver.Neo4jError{Code: "Neo.ClientError.Security.AuthenticationRateLimit", Msg: "wait"},
			graph.EUNAVAILABLE, "authentication failed for user neo4j"},
		{"no database", &driver.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound", Msg: "gone"},
			graph.EUNAVAILABLE, "database neo4j not found"},
		{"deadlock", &driver.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"},
			graph.EUNAVAILABLE, "deadlock"},
		{"constraint", &driver.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed", Msg: "exists"},
			graph.ECONFLICT, "exists"},
		{"syntax", &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "bad"},
			graph.EINTERNAL, "Neo.ClientError.Statement.SyntaxError: bad"},
		{"wrapped", fmt.Errorf("run: %w", &driver.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized", Msg: "no"}),
			graph.EUNAVAILABLE, "authentication failed"},
		{"connectivity", &driver.ConnectivityError{Inner: errors.New("connection refused")},
			graph.EUNAVAILABLE, "unreachable at bolt://127.0.0.1:7687"},
		{"domain error passes", graph.Errorf(graph.ENOTFOUND, "no entity"), graph.ENOTFOUND, "no entity"},
	}
	for _, tt := range tests {
		err := s.translate(context.Background(), "test", tt.err)
		if code := graph.ErrorCode(err); code != tt.wantCode {
			t.Errorf("%s: code %q, want %q (%v)", tt.name, code, tt.wantCode, err)
		}
		if !strings.Contains(err.Error(), tt.wantMsg) {
			t.Errorf("%s: got %q, want it to contain %q", tt.name, err, tt.wantMsg)
		}
		var n4j *driver.Neo4jError
		var conn *driver.ConnectivityError
		if errors.As(err, &n4j) || errors.As(err, &conn) {
			t.Errorf("%s: a driver error leaves the package: %#v", tt.name, err)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.translate(ctx, "test", &driver.ConnectivityError{Inner: context.Canceled})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("with a cancelled context: got %v, want context.Canceled", err)
	}
}

func TestSelfReferencingFactCountedOnce(t *testing.T) {
	s := opener(MustConfig(t))(t, true)
	defer s.Close()
	r := graph.Release{
		Source:   "pm/2024-04-01-bayern-intern.md",
		Date:     "2024-04-01",
		Hash:     "h",
		Entities: []graph.Entity{graph.NewEntity(graph.State, "Bayern")},
		Facts: []graph.Fact{{Type: graph.CooperatesWith, From: "state:bayern", To: "state:bayern",
			Sentence: "Bayerische Behörden arbeiten zusammen.", Confidence: 0.5, Rule: "coop/test"}},
	}.WithID()
	graphtest.MustPut(t, s, r)
	for _, f := range []graph.RelationFilter{{}, {Entity: "state:bayern"}, {From: "state:bayern"}} {
		p, err := s.Relations(t.Context(), f)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 1 || p.Total != 1 || len(p.Items[0].Evidence) != 1 {
			t.Errorf("Relations(%+v): got %+v, want one relation with one piece of evidence", f, p)
		}
	}
	g, err := s.Neighborhood(t.Context(), "state:bayern", 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 1 || len(g.Edges) != 1 || len(g.Edges[0].Evidence) != 1 {
		t.Errorf("Neighborhood: got %+v, want one node and one relation with one piece of evidence", g)
	}
}

// A store sees the writes another store on the same database makes, as it would those of
// another process.
func TestVersionSeesOtherWriters(t *testing.T) {
	open := opener(MustConfig(t))
	reader := open(t, true)
	defer reader.Close()
	writer := open(t, false)
	defer writer.Close()
	before, err := reader.Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	graphtest.MustPut(t, writer, graphtest.SyntheticRelease(1))
	after, err := reader.Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("Version after another store wrote: %q unchanged", after)
	}
	snap, err := reader.Snapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if snap.Version != after || len(snap.Nodes) != len(graphtest.SyntheticRelease(1).Entities) {
		t.Errorf("Snapshot after another store wrote: version %q, %d nodes; want %q, %d",
			snap.Version, len(snap.Nodes), after, len(graphtest.SyntheticRelease(1).Entities))
	}
}

// A database written before the STATES links had ages (layout 1) is brought up to date by
// Open: it answers as before, and later writes give what they give on a fresh database.
func TestOpenMigratesLayout1(t *testing.T) {
	open := opener(MustConfig(t))
	later := laterWrites(graphtest.Fixtures())

	s := open(t, true)
	graphtest.MustPut(t, s, graphtest.Fixtures()...)
	graphtest.MustPut(t, s, later...)
	want, err := s.Snapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open(t, true)
	graphtest.MustPut(t, s, graphtest.Fixtures()...)
	before, err := s.Snapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"MATCH ()-[s:STATES]->() REMOVE s.entity, s.age, s.iso3166Age, s.wikidataAge, s.themenfeldAge",
		"MATCH (e:Entity) REMOVE e.names, e.nameCounts",
		"MATCH (m:Meta) REMOVE m.layout",
	} {
		if _, err := driver.ExecuteQuery(t.Context(), s.(*Store).driver, q, nil, driver.EagerResultTransformer,
			driver.ExecuteQueryWithDatabase(s.(*Store).cfg.Database)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()

	s = open(t, false)
	defer s.Close()
	migrated, err := s.Snapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(migrated, before) {
		t.Errorf("Snapshot after migrating: got %+v, want %+v", migrated, before)
	}
	graphtest.MustPut(t, s, later...)
	got, err := s.Snapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got.Version, want.Version = "", ""
	if !reflect.DeepEqual(got.Nodes, want.Nodes) || !reflect.DeepEqual(got.Edges, want.Edges) {
		t.Errorf("Snapshot after migrating and writing:\n got %+v\nwant %+v", got, want)
	}
}

// laterWrites returns releases that change the entities of rels: a new version of the first
// that gives each of its entities another alias and no identifiers, and a newer release
// naming an entity of the second under a new alias.
func laterWrites(rels []graph.Release) []graph.Release {
	replaced := rels[0]
	replaced.Hash += "-changed"
	replaced.Entities = slices.Clone(replaced.Entities)
	for i, e := range replaced.Entities {
		e.Aliases, e.ISO3166, e.Wikidata, e.Themenfeld = []string{"Neuer Name von " + e.Name}, "", "", ""
		replaced.Entities[i] = e
	}
	e := rels[1].Entities[0]
	e.Aliases = []string{"Späterer Name"}
	newer := graph.Release{Source: "pm/2030-01-01-spaeter.md", Date: "2030-01-01", Hash: "spaeter", Entities: []graph.Entity{e}}.WithID()
	return []graph.Release{replaced, newer}
}

// A release with more entities and facts than one statement takes is written whole, in
// several, and replaced whole.
func TestLargeRelease(t *testing.T) {
	s := opener(MustConfig(t))(t, true)
	defer s.Close()
	r := graph.Release{Source: "pm/2024-05-01-themenliste.md", Date: "2024-05-01", Hash: "h",
		Entities: []graph.Entity{graph.NewEntity(graph.State, "Bayern")}}
	for i := range 2*batchSize + 1 {
		topic := graph.NewEntity(graph.Topic, fmt.Sprintf("Thema %04d", i))
		r.Entities = append(r.Entities, topic)
		r.Facts = append(r.Facts, graph.Fact{Type: graph.WorksOn, From: "state:bayern", To: topic.ID,
			Sentence: "Bayern arbeitet an " + topic.Name + ".", Confidence: 0.5, Rule: "works-on/test"})
	}
	r = r.WithID()
	graphtest.MustPut(t, s, r)
	got, err := s.Release(t.Context(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("Release: got %d entities and %d facts, want %d and %d", len(got.Entities), len(got.Facts), len(r.Entities), len(r.Facts))
	}
	want := graph.Stats{Releases: 1, Entities: len(r.Entities), Relations: len(r.Facts)}
	if st, err := s.Stats(t.Context()); err != nil || st != want {
		t.Errorf("Stats: got %+v, %v; want %+v", st, err, want)
	}

	r.Entities, r.Facts, r.Hash = r.Entities[:1], nil, "changed"
	graphtest.MustPut(t, s, r)
	want = graph.Stats{Releases: 1, Entities: 1}
	if st, err := s.Stats(t.Context()); err != nil || st != want {
		t.Errorf("Stats after replacing: got %+v, %v; want %+v", st, err, want)
	}
}
