// Package neo4jtest gives tests a real Neo4j server: the one named for tests, an empty
// database, and a lock so that the test binaries of several packages, which go test runs at
// the same time, take turns on the one database of a Community server.
//
// Tests never use a server that is not named for tests: MustServer reads
// EGOVGRAPH_TEST_NEO4J_URI, never NEO4J_URI, and refuses a database without the marker node
// (:EgovgraphTestServer) that only the test launcher (scripts/test.sh, through
// scripts/neo4j.sh with NEO4J_TEST_MARKER=1) writes. A user's Neo4j keeps its data.
package neo4jtest

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultPassword is the password scripts/neo4j.sh gives user neo4j unless NEO4J_PASSWORD
// says otherwise.
const DefaultPassword = "egovgraph"

// Marker is the label of the node that marks a database as a scratch database for tests.
const Marker = "EgovgraphTestServer"

// Server says where the test server is and how to log in.
type Server struct {
	URI, User, Password, Database string
}

// MustServer returns the test server named by EGOVGRAPH_TEST_NEO4J_URI, with
// EGOVGRAPH_TEST_NEO4J_USER (neo4j), EGOVGRAPH_TEST_NEO4J_PASSWORD (egovgraph) and
// EGOVGRAPH_TEST_NEO4J_DATABASE (neo4j). When none is named or it does not answer, it skips
// tb, or fails it when CI=true. A server whose database lacks the test marker fails tb.
func MustServer(tb testing.TB) Server {
	tb.Helper()
	s := Server{
		URI:      os.Getenv("EGOVGRAPH_TEST_NEO4J_URI"),
		User:     cmp.Or(os.Getenv("EGOVGRAPH_TEST_NEO4J_USER"), "neo4j"),
		Password: cmp.Or(os.Getenv("EGOVGRAPH_TEST_NEO4J_PASSWORD"), DefaultPassword),
		Database: cmp.Or(os.Getenv("EGOVGRAPH_TEST_NEO4J_DATABASE"), "neo4j"),
	}
	if s.URI == "" {
		const why = "no Neo4j named for tests (EGOVGRAPH_TEST_NEO4J_URI); scripts/test.sh starts one"
		if os.Getenv("CI") == "true" {
			tb.Fatal(why + " (CI=true)")
		}
		tb.Skip(why)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	marked, err := s.marked(ctx)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Neo4j to test against at %s (CI=true): %v", s.URI, err)
		}
		tb.Skipf("no Neo4j to test against at %s: %v; scripts/test.sh starts one", s.URI, err)
	}
	if !marked {
		tb.Fatalf("refusing to test against %s: its database %q holds no (:%s) marker, so it may hold someone's data; "+
			"name a server that scripts/test.sh (or NEO4J_TEST_MARKER=1 scripts/neo4j.sh start) started", s.URI, s.Database, Marker)
	}
	return s
}

// MustWipe deletes everything but the marker in the server's database, after checking once
// more that the marker is there.
func (s Server) MustWipe(tb testing.TB) {
	tb.Helper()
	if err := s.Wipe(context.Background()); err != nil {
		tb.Fatal(err)
	}
}

// Wipe deletes everything but the marker in the server's database, in the transaction that
// finds the marker; without it, it deletes nothing and says so.
func (s Server) Wipe(ctx context.Context) error {
	d, err := driver.NewDriverWithContext(s.URI, driver.BasicAuth(s.User, s.Password, ""))
	if err != nil {
		return fmt.Errorf("wipe the test database: %w", err)
	}
	defer d.Close(context.WithoutCancel(ctx))
	sess := d.NewSession(ctx, driver.SessionConfig{DatabaseName: s.Database})
	defer sess.Close(context.WithoutCancel(ctx))
	_, err = sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		return nil, wipe(ctx, tx, s.URI)
	})
	return err
}

// runner is what both kinds of transaction offer.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (driver.ResultWithContext, error)
}

// wipe deletes everything but the marker, or nothing when there is no marker.
func wipe(ctx context.Context, tx runner, uri string) error {
	ok, err := hasMarker(ctx, tx)
	if err != nil {
		return fmt.Errorf("wipe the test database: %w", err)
	}
	if !ok {
		return fmt.Errorf("refusing to wipe %s: its database holds no (:%s) marker, so it is no test server", uri, Marker)
	}
	res, err := tx.Run(ctx, "MATCH (n) WHERE NOT n:"+Marker+" DETACH DELETE n", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("wipe the test database: %w", err)
	}
	return nil
}

func hasMarker(ctx context.Context, tx runner) (bool, error) {
	res, err := tx.Run(ctx, "MATCH (m:"+Marker+") RETURN count(m) > 0", nil)
	if err != nil {
		return false, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return false, err
	}
	ok, _ := rec.Values[0].(bool)
	return ok, nil
}

func (s Server) marked(ctx context.Context) (bool, error) {
	d, err := driver.NewDriverWithContext(s.URI, driver.BasicAuth(s.User, s.Password, ""))
	if err != nil {
		return false, err
	}
	defer d.Close(context.WithoutCancel(ctx))
	sess := d.NewSession(ctx, driver.SessionConfig{DatabaseName: s.Database, AccessMode: driver.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	ok, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) { return hasMarker(ctx, tx) })
	if err != nil {
		return false, err
	}
	return ok.(bool), nil
}
