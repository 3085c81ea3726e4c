package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
)

// mustStats opens the embedded store in data and counts what it holds.
func mustStats(t *testing.T, data string) graph.Stats {
	t.Helper()
	store, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLoadOneFileThroughManyPathsIsOneRelease(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	file := mustWrite(t, dir, "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))
	link := filepath.Join(t.TempDir(), "verweis.md")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	copied := mustWrite(t, t.TempDir(), "kopie.md", []byte(joinRelease))
	t.Chdir(dir)

	for i, path := range []string{"sachsen-tritt-govdigital-bei.md", file, link, "./../" + filepath.Base(dir) + "/sachsen-tritt-govdigital-bei.md", copied} {
		code, stdout, stderr := runCmd(t, "load", "-data", data, path)
		if code != 0 {
			t.Fatalf("load %s: exit status %d\n%s%s", path, code, stdout, stderr)
		}
		want := ": unchanged"
		if i == 0 {
			want = ": loaded"
		}
		if !strings.Contains(stdout, want) {
			t.Errorf("load %s: got %q, want a line with %q", path, stdout, want)
		}
	}
	if st := mustStats(t, data); st.Releases != 1 {
		t.Errorf("after loading one text through five paths: %d releases, want 1", st.Releases)
	}
}

func TestLoadRemovesTheSamples(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	store, err := bolt.Open(filepath.Join(mustMkdir(t, data), "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := sampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	mustLoad(t, store, inputs)
	store.Close()
	file := mustWrite(t, t.TempDir(), "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))

	code, stdout, stderr := runCmd(t, "load", "-data", data, file)
	if code != 0 {
		t.Fatalf("load: exit status %d\n%s%s", code, stdout, stderr)
	}
	want := "removed the " + strconv.Itoa(len(inputs)) + " bundled sample releases"
	if !strings.Contains(stdout, want) {
		t.Errorf("load into a store of samples says %q, want %q", stdout, want)
	}
	if st := mustStats(t, data); st.Releases != 1 {
		t.Errorf("after loading one release over the samples: %d releases, want 1", st.Releases)
	}
}

func mustMkdir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// waitFor polls query on base until ok accepts the data or a second has passed.
func waitFor(t *testing.T, base, query string, ok func(data []byte) bool) {
	t.Helper()
	// The server is to see the load without a restart; how soon depends on the machine's
	// load, so the deadline only ends a hung test.
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := postQuery(t, base, query, nil, nil)
		if ok(r.Data) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("30 s after loading, %s answers %s", query, r.Data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const sachsenQuery = `{ entity(id: "state:sachsen") { relations(types: [MEMBER_OF]) { edges { node { to { id } evidence { release { source } } } } } } }`

func TestLoadWhileServingEmbedded(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base := startServer(t, "-data", data)
	file := mustWrite(t, t.TempDir(), "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))

	code, stdout, stderr := runCmd(t, "load", "-data", data, file)
	if code != 0 {
		t.Fatalf("load while serving: exit status %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, file+": loaded") || !strings.Contains(stdout, "removed the ") {
		t.Errorf("load while serving printed %q, want the file loaded and the samples removed", stdout)
	}
	if !strings.Contains(stdout, "the store holds 1 releases") {
		t.Errorf("load while serving printed %q, want the server's count of 1 release", stdout)
	}
	waitFor(t, base, sachsenQuery, func(data []byte) bool {
		return strings.Contains(string(data), `"org:govdigital"`) && strings.Contains(string(data), file)
	})

	// Exports work while serving too, and show the new release.
	out := filepath.Join(t.TempDir(), "network.graphml")
	code, _, stderr = runCmd(t, "export", "-data", data, "-format", "graphml", "-out", out)
	if code != 0 {
		t.Fatalf("export while serving: exit status %d\n%s", code, stderr)
	}
	graphml, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(graphml), "state:sachsen") {
		t.Errorf("the export while serving lacks state:sachsen:\n%.500s", graphml)
	}
	csvDir := filepath.Join(t.TempDir(), "tables")
	if code, _, stderr := runCmd(t, "export", "-data", data, "-format", "csv", "-out", csvDir); code != 0 {
		t.Fatalf("csv export while serving: exit status %d\n%s", code, stderr)
	}
	if nodes, err := os.ReadFile(filepath.Join(csvDir, "nodes.csv")); err != nil || !strings.HasPrefix(string(nodes), "Id,Label") {
		t.Errorf("nodes.csv exported while serving: %.200q, %v", nodes, err)
	}
}

func TestLoadWhileServingNeo4j(t *testing.T) {
	server := neo4jtest.MustServer(t)
	unlock, err := neo4jtest.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	server.MustWipe(t)
	neo4jArgs := []string{"-store", "neo4j", "-neo4j-uri", server.URI, "-neo4j-user", server.User,
		"-neo4j-password", server.Password, "-neo4j-database", server.Database}
	base := startServer(t, append(neo4jArgs, "-samples=false")...)
	waitReady(t, base)
	file := mustWrite(t, t.TempDir(), "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))

	code, stdout, stderr := runCmd(t, append(append([]string{"load"}, neo4jArgs...), file)...)
	if code != 0 {
		t.Fatalf("load while serving: exit status %d\n%s%s", code, stdout, stderr)
	}
	waitFor(t, base, sachsenQuery, func(data []byte) bool {
		return strings.Contains(string(data), `"org:govdigital"`) && strings.Contains(string(data), file)
	})
	code, stdout, stderr = runCmd(t, append(append([]string{"export"}, neo4jArgs...), "-format", "csv", "-out", t.TempDir())...)
	if code != 0 {
		t.Fatalf("export while serving: exit status %d\n%s%s", code, stdout, stderr)
	}
}

// waitReady waits until base/readyz answers 200, for at most 30 s.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := httpGet(base + "/readyz")
		if err == nil && resp == 200 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/readyz: not ready within 30 s (%d, %v)", base, resp, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func httpGet(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
