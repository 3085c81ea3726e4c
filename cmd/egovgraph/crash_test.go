package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

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
// hundred releases, into the embedded store and into Neo4j: the store opens, holds only
// whole releases, and loading again gives exactly the store of an uninterrupted load.
func TestLoadSurvivesSIGKILL(t *testing.T) {
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
