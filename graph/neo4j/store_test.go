package neo4j

import (
	"cmp"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// defaultPassword is the password scripts/neo4j.sh gives user neo4j unless NEO4J_PASSWORD
// says otherwise.
const defaultPassword = "egovgraph"

// MustConfig returns the configuration of the test server: NEO4J_URI (default
// bolt://127.0.0.1:7687), NEO4J_USER, NEO4J_PASSWORD (default egovgraph) and
// NEO4J_DATABASE. When no server answers there, it skips tb, or fails it when CI=true.
func MustConfig(tb testing.TB) Config {
	tb.Helper()
	cfg := Config{
		URI:      cmp.Or(os.Getenv("NEO4J_URI"), "bolt://127.0.0.1:7687"),
		User:     os.Getenv("NEO4J_USER"),
		Password: cmp.Or(os.Getenv("NEO4J_PASSWORD"), defaultPassword),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Open(ctx, cfg)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Neo4j to test against (CI=true): %v", err)
		}
		tb.Skipf("no Neo4j to test against: %v; start one with scripts/neo4j.sh start", err)
	}
	if err := s.Close(); err != nil {
		tb.Fatalf("Close: %v", err)
	}
	return cfg
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
			if _, err := driver.ExecuteQuery(ctx, s.driver, "MATCH (n) DETACH DELETE n", nil,
				driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(s.cfg.Database)); err != nil {
				s.Close()
				tb.Fatalf("wipe the database: %v", err)
			}
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
	cfg := Config{URI: "bolt://127.0.0.1:1", Password: defaultPassword}
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

func TestAggregate(t *testing.T) {
	tests := []struct {
		name        string
		mentions    []mention
		wantName    string
		wantAliases []string
	}{
		{"one release", []mention{{"Bayern", []string{"Freistaat Bayern"}}}, "Bayern", []string{"Freistaat Bayern"}},
		{"newest names, others alias",
			[]mention{{"Karin Stübgen", nil}, {"Karin Stuebgen", []string{"Stübgen"}}, {"KARIN STÜBGEN", nil}},
			"Karin Stübgen", []string{"KARIN STÜBGEN", "Karin Stuebgen", "Stübgen"}},
		{"name and duplicates dropped",
			[]mention{{"Bayern", []string{"Bayern", "Land Bayern"}}, {"Bayern", []string{"Land Bayern"}}},
			"Bayern", []string{"Land Bayern"}},
	}
	for _, tt := range tests {
		name, aliases := aggregate(tt.mentions)
		if name != tt.wantName || strings.Join(aliases, "|") != strings.Join(tt.wantAliases, "|") {
			t.Errorf("%s: got %q %q, want %q %q", tt.name, name, aliases, tt.wantName, tt.wantAliases)
		}
	}
}
