package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/neo4j"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
	"github.com/egovgraph/egovgraph/synth"
)

// crashReleases is how many synthetic releases the crash tests load.
const crashReleases = 300

// mustSyntheticDir writes n synthetic releases into a new directory.
func mustSyntheticDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	g := synth.New(9)
	for i := range n {
		name, text, _ := g.Release(i)
		if !strings.HasSuffix(name, ".md") {
			name += ".md"
		}
		mustWrite(t, dir, name, text)
	}
	return dir
}

// loadKilled runs "egovgraph load" with args and kills it with SIGKILL once it has printed
// after lines (files written); it returns how many it had printed when the kill landed.
func loadKilled(t *testing.T, after int, args ...string) int {
	t.Helper()
	cmd := exec.Command(mustBinary(t), append([]string{"load"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_URI=", "NEO4J_PASSWORD=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Count the progress lines, "[ n/N] path: loaded, …", not the summary at the end.
	sc := bufio.NewScanner(stdout)
	lines := 0
	for lines < after && sc.Scan() {
		if strings.HasPrefix(sc.Text(), "[") {
			lines++
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	for sc.Scan() { // what was written before the kill
		if strings.HasPrefix(sc.Text(), "[") {
			lines++
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Logf("load ended before the kill after %d lines: %v", after, err)
	}
	return lines
}

// checkWhole fails t when store holds a release that differs from the one want holds:
// a release is written whole or not at all.
func checkWhole(t *testing.T, store, want graph.Store) int {
	t.Helper()
	ctx := context.Background()
	page, err := store.Releases(ctx, graph.Page{First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if page.More {
		t.Fatalf("more than %d releases", graph.MaxPageSize)
	}
	for _, r := range page.Items {
		got, err := store.Release(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		w, err := want.Release(ctx, r.ID)
		if err != nil {
			t.Fatalf("release %s: %v", r.ID, err)
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("release %s after the kill: %d entities, %d facts; want %d and %d", r.ID, len(got.Entities), len(got.Facts), len(w.Entities), len(w.Facts))
		}
	}
	return len(page.Items)
}

// mustBaseline loads dir into a new embedded store without interruption.
func mustBaseline(t *testing.T, dir string) (graph.Store, graph.Stats) {
	t.Helper()
	data := t.TempDir()
	if code, stdout, stderr := runCmd(t, "load", "-data", data, dir); code != 0 {
		t.Fatalf("baseline load: exit %d\n%s%s", code, stdout, stderr)
	}
	s, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// TestLoadSurvivesSIGKILL kills "egovgraph load" at several points of a load of a few
// hundred releases, into the embedded store and into Neo4j, and kills a Neo4j of its own
// during a load: the store opens (Neo4j after a restart), holds only whole releases, and
// loading again gives exactly the store of an uninterrupted load. The load whose Neo4j died
// stops with one line.
func TestLoadSurvivesSIGKILL(t *testing.T) {
	// The Neo4j to kill starts while the other stores are tested.
	scratch := startScratchNeo4j(t)
	dir := mustSyntheticDir(t, crashReleases)
	baseline, want := mustBaseline(t, dir)
	if want.Releases != crashReleases {
		t.Fatalf("baseline holds %d releases, want %d", want.Releases, crashReleases)
	}

	t.Run("embedded", func(t *testing.T) {
		data := t.TempDir()
		args := []string{"-data", data, dir}
		for _, after := range []int{1, 40, 150, 290} {
			printed := loadKilled(t, after, args...)
			s, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
			if err != nil {
				t.Fatalf("open after a kill at line %d: %v", after, err)
			}
			n := checkWhole(t, s, baseline)
			s.Close()
			t.Logf("killed after %d lines (%d printed): %d whole releases", after, printed, n)
			if n < printed {
				t.Errorf("%d releases printed as written, %d in the store", printed, n)
			}
		}
		checkReload(t, args, func() graph.Store {
			s, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}, want)
	})

	t.Run("neo4j", func(t *testing.T) {
		server := neo4jtest.MustServer(t)
		unlock, err := neo4jtest.Lock()
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		server.MustWipe(t)
		args := []string{"-store", "neo4j", "-neo4j-uri", server.URI, "-neo4j-user", server.User,
			"-neo4j-password", server.Password, "-neo4j-database", server.Database, dir}
		open := func() graph.Store {
			s, err := neo4j.Open(context.Background(), neo4j.Config(server))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		for _, after := range []int{1, 60} {
			printed := loadKilled(t, after, args...)
			s := open()
			n := checkWhole(t, s, baseline)
			s.Close()
			t.Logf("killed after %d lines (%d printed): %d whole releases", after, printed, n)
			if n < printed {
				t.Errorf("%d releases printed as written, %d in the store", printed, n)
			}
		}
		checkReload(t, args, open, want)
	})

	t.Run("neo4j killed", func(t *testing.T) {
		n := scratch.mustStarted(t)
		args := []string{"-store", "neo4j", "-neo4j-uri", n.URI, "-neo4j-user", n.User,
			"-neo4j-password", n.Password, "-neo4j-database", n.Database, dir}
		open := func() graph.Store {
			s, err := neo4j.Open(context.Background(), neo4j.Config(n.Server))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		code, printed, lines := loadNeo4jKilled(t, n, 100, args...)
		t.Logf("Neo4j killed after %d lines: load exit %d, %d lines printed: %q", 100, code, printed, lines)
		if code != 1 || len(lines) != 1 || !strings.Contains(lines[0], "the store is unavailable") || !strings.Contains(lines[0], "loading again resumes") {
			t.Errorf("load: exit %d, stderr %q; want 1 and one line saying the store is unavailable", code, lines)
		}
		if err := n.start(); err != nil {
			t.Fatalf("restart: %v", err)
		}
		s := open()
		got := checkWhole(t, s, baseline)
		s.Close()
		t.Logf("after the restart Neo4j holds %d whole releases", got)
		if got < printed {
			t.Errorf("%d releases printed as written, %d in the store", printed, got)
		}
		checkReload(t, args, open, want)
	})
}

// scratchNeo4j is a Neo4j server of a test's own, which it may kill: scripts/neo4j.sh runs
// it on a free port, with its state and home in a directory of t.TempDir(), and marks it as
// a test server.
type scratchNeo4j struct {
	neo4jtest.Server
	env   []string
	state string
	ready chan struct{} // closed when the first start ended, with startErr
	// startErr is why the first start failed, if it did.
	startErr error
}

// startScratchNeo4j starts a scratch Neo4j in the background and kills it when t ends.
func startScratchNeo4j(t *testing.T) *scratchNeo4j {
	t.Helper()
	port := mustFreePort(t)
	state := t.TempDir()
	const password = "egovgraph-scratch"
	n := &scratchNeo4j{
		Server: neo4jtest.Server{URI: "bolt://127.0.0.1:" + port, User: "neo4j", Password: password, Database: "neo4j"},
		state:  state,
		env: append(os.Environ(), "NEO4J_STATE_DIR="+state, "NEO4J_HOME_DIR="+filepath.Join(state, "home"),
			"NEO4J_BOLT_PORT="+port, "NEO4J_PASSWORD="+password, "NEO4J_TEST_MARKER=1", "NEO4J_HEAP=512m"),
		ready: make(chan struct{}),
	}
	go func() {
		defer close(n.ready)
		n.startErr = n.start()
	}()
	// Registered after t.TempDir, so it runs before the directory is removed.
	t.Cleanup(func() {
		<-n.ready
		n.kill(t)
	})
	return n
}

// mustStarted waits for the first start of n and returns n; where it did not start, t is
// skipped, or failed with CI=true.
func (n *scratchNeo4j) mustStarted(t *testing.T) *scratchNeo4j {
	t.Helper()
	<-n.ready
	if n.startErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true)", n.startErr)
		}
		t.Skip(n.startErr)
	}
	return n
}

// start starts the server and waits until it answers.
func (n *scratchNeo4j) start() error {
	cmd := exec.Command("../../scripts/neo4j.sh", "start")
	cmd.Env = n.env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("scripts/neo4j.sh start: %v\n%s", err, out)
	}
	return nil
}

// kill kills the server with SIGKILL, if it runs, and waits until it is gone.
func (n *scratchNeo4j) kill(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(n.state, "neo4j.pid"))
	if err != nil {
		return
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatalf("neo4j.pid: %v", err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return
	}
	// Not our child (neo4j.sh started it with setsid), so wait by polling.
	for i := 0; syscall.Kill(pid, 0) == nil; i++ {
		if i == 600 {
			t.Fatalf("Neo4j (pid %d) still runs 60 s after SIGKILL", pid)
		}
		time.Sleep(100 * time.Millisecond)
	}
	os.Remove(filepath.Join(n.state, "neo4j.pid"))
}

// mustFreePort returns a port of 127.0.0.1 that nothing listens on, below Linux's
// ephemeral range, as scripts/test-neo4j.bash picks one.
func mustFreePort(t *testing.T) string {
	t.Helper()
	for range 100 {
		port := strconv.Itoa(20000 + rand.IntN(12000))
		if ln, err := net.Listen("tcp", "127.0.0.1:"+port); err == nil {
			ln.Close()
			return port
		}
	}
	t.Fatal("no free port found")
	return ""
}

// loadNeo4jKilled runs "egovgraph load" with args and kills n's Neo4j with SIGKILL once
// load has printed after progress lines. It returns load's exit status, the progress lines
// it printed in all and its lines on stderr.
func loadNeo4jKilled(t *testing.T, n *scratchNeo4j, after int, args ...string) (code, printed int, errLines []string) {
	t.Helper()
	cmd := exec.Command(mustBinary(t), append([]string{"load"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_URI=", "NEO4J_PASSWORD=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A load that would wait on the dead server for good fails the test instead of hanging it.
	hung := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	defer hung.Stop()
	sc := bufio.NewScanner(stdout)
	killed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "[") {
			printed++
		}
		if printed == after && !killed {
			n.kill(t)
			killed = true
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("load ended after %d progress lines, before Neo4j was killed", printed)
	}
	if !hung.Stop() {
		t.Fatal("load did not end within 2 minutes: it waits on the dead server")
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		errLines = strings.Split(s, "\n")
	}
	return cmd.ProcessState.ExitCode(), printed, errLines
}

// checkReload loads again to the end and compares the store with want.
func checkReload(t *testing.T, args []string, open func() graph.Store, want graph.Stats) {
	t.Helper()
	if code, stdout, stderr := runCmd(t, append([]string{"load"}, args...)...); code != 0 {
		t.Fatalf("load again: exit %d\n%.2000s%s", code, stdout, stderr)
	}
	s := open()
	defer s.Close()
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("after the kills and a reload the store holds %+v, want %+v as an uninterrupted load", got, want)
	}
}
