package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/loaders"
)

// runCmd runs the egovgraph command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustWrite writes data to dir/name and returns the path.
func mustWrite(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

const joinRelease = `# Sachsen tritt der Genossenschaft govdigital bei

3. März 2024

Sachsen ist neues Mitglied der govdigital eG. Der Freistaat tritt der Genossenschaft bei.
`

func TestLoadBadInputLosesNothing(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	good := mustWrite(t, dir, "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))
	mustWrite(t, dir, "empty.md", nil)
	mustWrite(t, dir, "binary.md", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 0, 0, 0, 0, 0})
	mustWrite(t, dir, "broken-utf8.txt", []byte("Grüße aus Bayern, dann ein Bruch: \xff\xfe\n"))
	mustWrite(t, dir, "huge.md", bytes.Repeat([]byte("Bayern und Hessen arbeiten zusammen. "), 20<<20/37+1))
	undated := mustWrite(t, dir, "undated.md", []byte("# Hessen und Bayern kooperieren\n\nHessen und Bayern haben eine Kooperationsvereinbarung unterzeichnet.\n"))

	code, stdout, stderr := runCmd(t, "load", "-data", data, dir)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (some files failed)", code)
	}
	for _, want := range []string{"empty.md: error: ", "binary.md: error: ", "huge.md: error: ", "broken-utf8.txt: error: "} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, reason := range []string{"empty", "binary", "too large", "invalid UTF-8"} {
		if !strings.Contains(stderr, reason) {
			t.Errorf("stderr gives no reason %q:\n%s", reason, stderr)
		}
	}
	for _, p := range []string{good, undated} {
		if !strings.Contains(stdout, p+": loaded") {
			t.Errorf("stdout does not report %s as loaded:\n%s", p, stdout)
		}
	}
	if !strings.Contains(stdout, "no date") {
		t.Errorf("the undated release is not reported as such:\n%s", stdout)
	}

	store, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Releases != 2 {
		t.Errorf("store holds %d releases, want the 2 good ones", st.Releases)
	}
	if _, err := store.Entity(ctx, "state:sachsen"); err != nil {
		t.Errorf("Sachsen from the good release: %v", err)
	}
}

func TestLoadTwiceChangesNothingAndChangedFileReplaces(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	p := mustWrite(t, dir, "kooperation.md", []byte(joinRelease))

	if code, _, stderr := runCmd(t, "load", "-data", data, p); code != 0 {
		t.Fatalf("first load: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCmd(t, "load", "-data", data, p)
	if code != 0 || !strings.Contains(stdout, p+": unchanged") {
		t.Fatalf("second load: exit %d, want 0 and %q unchanged:\n%s%s", code, p, stdout, stderr)
	}

	changed := strings.ReplaceAll(joinRelease, "Sachsen", "Thüringen")
	changed = strings.ReplaceAll(changed, "Der Freistaat", "Das Land")
	mustWrite(t, dir, "kooperation.md", []byte(changed))
	if code, stdout, stderr := runCmd(t, "load", "-data", data, p); code != 0 || !strings.Contains(stdout, p+": loaded") {
		t.Fatalf("changed load: exit %d:\n%s%s", code, stdout, stderr)
	}

	store, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	if _, err := store.Entity(ctx, "state:sachsen"); err == nil {
		t.Error("Sachsen is still in the graph after its only release was replaced")
	}
	if _, err := store.Entity(ctx, "state:thueringen"); err != nil {
		t.Errorf("Thüringen from the replaced release: %v", err)
	}
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Releases != 1 {
		t.Errorf("store holds %d releases, want 1", st.Releases)
	}
}

func TestLoadUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no path", []string{"load"}, "no PATH"},
		{"unknown store", []string{"load", "-store", "postgres", "x.md"}, `-store "postgres"`},
		{"missing path", []string{"load", "-data", "DATA", "does-not-exist.md"}, "does-not-exist.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			for i, a := range args {
				if a == "DATA" {
					args[i] = t.TempDir()
				}
			}
			code, _, stderr := runCmd(t, args...)
			if code == 0 {
				t.Errorf("exit status 0, want failure")
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to mention %q", stderr, tt.want)
			}
		})
	}
}

// batchStore counts the batches written, and fails every batch of more than one release
// when failBatches is set.
type batchStore struct {
	graph.Store
	failBatches bool
	batches     []int // the size of each PutReleases call
}

func (s *batchStore) PutReleases(ctx context.Context, rs []graph.Release) ([]bool, error) {
	s.batches = append(s.batches, len(rs))
	if s.failBatches && len(rs) > 1 {
		return make([]bool, len(rs)), graph.Errorf(graph.EUNAVAILABLE, "batch refused")
	}
	return s.Store.PutReleases(ctx, rs)
}

func TestLoadWritesBatchesAndFallsBackToOne(t *testing.T) {
	dir := t.TempDir()
	var inputs []input
	for i := range 5 {
		text := strings.Replace(joinRelease, "3. März 2024", fmt.Sprintf("%d. März 2024", i+1), 1)
		p := mustWrite(t, dir, fmt.Sprintf("sachsen-%d.md", i), []byte(text))
		inputs = append(inputs, input{source: p, read: func() (loaders.Document, error) { return loaders.ReadFile(p) }})
	}
	for _, fail := range []bool{false, true} {
		s, err := bolt.Open(filepath.Join(t.TempDir(), "egovgraph.db"))
		if err != nil {
			t.Fatal(err)
		}
		store := &batchStore{Store: s, failBatches: fail}
		var out, errOut bytes.Buffer
		sum := loadAll(context.Background(), store, inputs, time.Minute, &out, &errOut)
		if sum.loaded != len(inputs) || sum.failed != 0 {
			t.Errorf("failBatches=%v: loaded %d, failed %d, want %d and none:\n%s", fail, sum.loaded, sum.failed, len(inputs), errOut.String())
		}
		if !slices.ContainsFunc(store.batches, func(n int) bool { return n > 1 }) {
			t.Errorf("failBatches=%v: batches of %v releases, want one of more than one", fail, store.batches)
		}
		if got := strings.Count(out.String(), ": loaded,"); got != len(inputs) {
			t.Errorf("failBatches=%v: %d progress lines, want %d:\n%s", fail, got, len(inputs), out.String())
		}
		st, err := s.Stats(context.Background())
		if err != nil || st.Releases != len(inputs) {
			t.Errorf("failBatches=%v: store holds %d releases (%v), want %d", fail, st.Releases, err, len(inputs))
		}
		s.Close()
	}
}
