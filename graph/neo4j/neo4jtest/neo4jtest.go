// Package neo4jtest gives tests a real Neo4j server: the configuration from the environment,
// an empty database, and a lock so that the test binaries of several packages, which go test
// runs at the same time, take turns on the one database of a Community server.
package neo4jtest

import (
	"cmp"
	"context"
	"os"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/egovgraph/egovgraph/graph/neo4j"
)

// DefaultPassword is the password scripts/neo4j.sh gives user neo4j unless NEO4J_PASSWORD
// says otherwise.
const DefaultPassword = "egovgraph"

// Config returns the configuration of the test server: NEO4J_URI (default
// bolt://127.0.0.1:7687), NEO4J_USER, NEO4J_PASSWORD (default egovgraph) and NEO4J_DATABASE.
// When no server answers there, it skips tb, or fails it when CI=true.
func Config(tb testing.TB) neo4j.Config {
	tb.Helper()
	cfg := neo4j.Config{
		URI:      cmp.Or(os.Getenv("NEO4J_URI"), "bolt://127.0.0.1:7687"),
		User:     os.Getenv("NEO4J_USER"),
		Password: cmp.Or(os.Getenv("NEO4J_PASSWORD"), DefaultPassword),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Neo4j to test against (CI=true): %v", err)
		}
		tb.Skipf("no Neo4j to test against: %v; start one with scripts/neo4j.sh start", err)
	}
	if err := s.Close(); err != nil {
		tb.Fatalf("close: %v", err)
	}
	return cfg
}

// Wipe deletes everything in the database cfg names.
func Wipe(tb testing.TB, cfg neo4j.Config) {
	tb.Helper()
	ctx := context.Background()
	d, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cmp.Or(cfg.User, "neo4j"), cfg.Password, ""))
	if err != nil {
		tb.Fatal(err)
	}
	defer d.Close(ctx)
	if _, err := driver.ExecuteQuery(ctx, d, "MATCH (n) DETACH DELETE n", nil,
		driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(cmp.Or(cfg.Database, "neo4j"))); err != nil {
		tb.Fatalf("wipe the database: %v", err)
	}
}
