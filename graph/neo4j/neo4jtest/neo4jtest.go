// Package neo4jtest gives tests a real Neo4j server: where it is, an empty database, and a
// lock so that the test binaries of several packages, which go test runs at the same time,
// take turns on the one database of a Community server.
package neo4jtest

import (
	"cmp"
	"context"
	"os"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultPassword is the password scripts/neo4j.sh gives user neo4j unless NEO4J_PASSWORD
// says otherwise.
const DefaultPassword = "egovgraph"

// Server says where the test server is and how to log in.
type Server struct {
	URI, User, Password, Database string
}

// MustServer returns the test server named by NEO4J_URI (default bolt://127.0.0.1:7687),
// NEO4J_USER (neo4j), NEO4J_PASSWORD (egovgraph) and NEO4J_DATABASE (neo4j). When it does
// not answer, it skips tb, or fails it when CI=true.
func MustServer(tb testing.TB) Server {
	tb.Helper()
	s := Server{
		URI:      cmp.Or(os.Getenv("NEO4J_URI"), "bolt://127.0.0.1:7687"),
		User:     cmp.Or(os.Getenv("NEO4J_USER"), "neo4j"),
		Password: cmp.Or(os.Getenv("NEO4J_PASSWORD"), DefaultPassword),
		Database: cmp.Or(os.Getenv("NEO4J_DATABASE"), "neo4j"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := s.run(ctx, "RETURN 1")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Neo4j to test against at %s (CI=true): %v", s.URI, err)
		}
		tb.Skipf("no Neo4j to test against at %s: %v; start one with scripts/neo4j.sh start", s.URI, err)
	}
	return s
}

// MustWipe deletes everything in the server's database.
func (s Server) MustWipe(tb testing.TB) {
	tb.Helper()
	if err := s.run(context.Background(), "MATCH (n) DETACH DELETE n"); err != nil {
		tb.Fatalf("wipe the database: %v", err)
	}
}

func (s Server) run(ctx context.Context, cypher string) error {
	d, err := driver.NewDriverWithContext(s.URI, driver.BasicAuth(s.User, s.Password, ""))
	if err != nil {
		return err
	}
	defer d.Close(context.WithoutCancel(ctx))
	_, err = driver.ExecuteQuery(ctx, d, cypher, nil, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(s.Database))
	return err
}
