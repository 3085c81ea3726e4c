package neo4jtest

import (
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestWipeRefusesAnUnmarkedDatabase removes the marker inside a transaction that is rolled
// back, and asks wipe to empty the database in that transaction: it must refuse and delete
// nothing.
func TestWipeRefusesAnUnmarkedDatabase(t *testing.T) {
	s := MustServer(t)
	unlock, err := Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx := t.Context()
	d, err := driver.NewDriverWithContext(s.URI, driver.BasicAuth(s.User, s.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	sess := d.NewSession(ctx, driver.SessionConfig{DatabaseName: s.Database})
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	count := func(cypher string) int64 {
		t.Helper()
		res, err := tx.Run(ctx, cypher, nil)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := res.Single(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Values[0].(int64)
	}
	count("CREATE (u:UsersData {name: 'keep me'}) RETURN 1")
	count("MATCH (m:" + Marker + ") DELETE m RETURN count(*)")

	err = wipe(ctx, tx, s.URI)
	if err == nil || !strings.Contains(err.Error(), "refusing to wipe") {
		t.Errorf("wipe of a database without the marker: got %v, want a refusal", err)
	}
	if n := count("MATCH (u:UsersData) RETURN count(u)"); n != 1 {
		t.Errorf("after the refused wipe the database holds %d nodes of the user's, want 1", n)
	}
}

// TestMustServerIgnoresNEO4J_URI runs MustServer in a child process whose environment names
// a "user's server" in NEO4J_URI and no test server: the child must skip without dialling it.
func TestMustServerIgnoresNEO4J_URI(t *testing.T) {
	if os.Getenv("NEO4JTEST_CHILD") == "1" {
		MustServer(t)
		t.Fatal("MustServer returned without a server named for tests")
	}
	users, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer users.Close()
	dialled := make(chan struct{}, 1)
	go func() {
		if c, err := users.Accept(); err == nil {
			c.Close()
			dialled <- struct{}{}
		}
	}()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMustServerIgnoresNEO4J_URI$", "-test.v")
	cmd.Env = append(os.Environ(), "NEO4JTEST_CHILD=1", "CI=", "EGOVGRAPH_TEST_NEO4J_URI=",
		"NEO4J_URI=bolt://"+users.Addr().String(), "NEO4J_PASSWORD=users-password")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "SKIP") || !strings.Contains(string(out), "EGOVGRAPH_TEST_NEO4J_URI") {
		t.Errorf("child did not skip for want of a test server:\n%s", out)
	}
	select {
	case <-dialled:
		t.Error("MustServer dialled the server named by NEO4J_URI")
	case <-time.After(100 * time.Millisecond):
	}

	// With CI=true the same is a failure, not a skip.
	cmd = exec.Command(os.Args[0], "-test.run=^TestMustServerIgnoresNEO4J_URI$")
	cmd.Env = append(os.Environ(), "NEO4JTEST_CHILD=1", "CI=true", "EGOVGRAPH_TEST_NEO4J_URI=")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("with CI=true and no test server the child passed:\n%s", out)
	}
}
