package bolt_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/graphtest"
)

// opener opens stores in files under the test's temporary directory; fresh=false reopens
// the file of the last fresh store.
func opener() graphtest.Opener {
	var path string
	return func(tb testing.TB, fresh bool) graph.Store {
		tb.Helper()
		if fresh {
			path = filepath.Join(tb.TempDir(), "egovgraph.db")
		}
		return MustOpen(tb, path)
	}
}

// MustOpen opens the store at path, failing tb when it cannot.
func MustOpen(tb testing.TB, path string) *bolt.Store {
	tb.Helper()
	s, err := bolt.Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func TestStore(t *testing.T) {
	graphtest.Run(t, opener())
}

func BenchmarkStore(b *testing.B) {
	graphtest.Bench(b, opener())
}

// holdEnv names the data file a child process of TestOpenInUse holds open.
const holdEnv = "EGOVGRAPH_BOLT_TEST_HOLD"

func TestOpenInUse(t *testing.T) {
	if path := os.Getenv(holdEnv); path != "" {
		// The child: hold the file open until the parent closes stdin.
		s := MustOpen(t, path)
		os.Stdout.WriteString("holding\n")
		bufio.NewReader(os.Stdin).ReadString('\n')
		s.Close()
		return
	}

	path := filepath.Join(t.TempDir(), "egovgraph.db")
	MustOpen(t, path).Close()
	child := exec.Command(os.Args[0], "-test.run=^TestOpenInUse$")
	child.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "holding\n" {
		stdin.Close()
		child.Wait()
		t.Fatalf("child process: got %q, %v; want it to say it holds the file", line, err)
	}

	s, err := bolt.Open(path)
	if err == nil {
		s.Close()
		t.Error("Open of a file another process holds: no error")
	}
	if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "in use by another process") ||
		!strings.Contains(err.Error(), path) {
		t.Errorf("Open of a file another process holds: got %v (code %q), want EUNAVAILABLE naming the file in use", err, graph.ErrorCode(err))
	}

	stdin.Close()
	if err := child.Wait(); err != nil {
		t.Fatalf("child process: %v", err)
	}
	MustOpen(t, path).Close()
}

func TestOpenDamaged(t *testing.T) {
	tests := []struct {
		name string
		// damage writes a damaged data file at path.
		damage func(t *testing.T, path string)
		want   string
	}{
		{"not a database", func(t *testing.T, path string) {
			writeFile(t, path, bytes.Repeat([]byte("Dies ist keine Datenbank.\n"), 1000))
		}, "corrupt"},
		{"truncated", func(t *testing.T, path string) {
			writeLoaded(t, path)
			if err := os.Truncate(path, 3*4096); err != nil {
				t.Fatal(err)
			}
		}, "corrupt"},
		{"pages overwritten", func(t *testing.T, path string) {
			writeLoaded(t, path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := 4 * 4096; i+4096 < len(data); i += 2 * 4096 {
				clear(data[i : i+4096])
			}
			writeFile(t, path, data)
		}, "corrupt"},
		{"foreign bbolt file", func(t *testing.T, path string) {
			updateBolt(t, path, func(tx *bbolt.Tx) error {
				_, err := tx.CreateBucket([]byte("sessions"))
				return err
			})
		}, "not an egovgraph data file"},
		{"newer schema", func(t *testing.T, path string) {
			MustOpen(t, path).Close()
			updateBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("2"))
			})
		}, `schema version "2"`},
		{"version not a number", func(t *testing.T, path string) {
			MustOpen(t, path).Close()
			updateBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte("meta")).Put([]byte("version"), []byte("sieben"))
			})
		}, `version "sieben"`},
		{"release not JSON", func(t *testing.T, path string) {
			MustOpen(t, path).Close()
			updateBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte("releases")).Put([]byte("kaputt-00000000"), []byte("{kein JSON"))
			})
		}, `release "kaputt-00000000"`},
		{"release under another key", func(t *testing.T, path string) {
			MustOpen(t, path).Close()
			r := graphtest.SyntheticRelease(1)
			data, err := json.Marshal(map[string]string{"id": r.ID, "source": r.Source})
			if err != nil {
				t.Fatal(err)
			}
			updateBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte("releases")).Put([]byte("andere-00000000"), data)
			})
		}, "stored under key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "egovgraph.db")
			tt.damage(t, path)
			s, err := bolt.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open: no error")
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open: got %v, want an error naming %s and saying %q", err, path, tt.want)
			}
			// The failed Open released the file: the next one fails alike, not on the lock.
			_, err = bolt.Open(path)
			if graph.ErrorCode(err) == graph.EUNAVAILABLE {
				t.Errorf("second Open: got %v, want the damage reported again", err)
			}
		})
	}
}

// writeLoaded writes a data file holding 300 synthetic releases.
func writeLoaded(t *testing.T, path string) {
	t.Helper()
	s := MustOpen(t, path)
	for i := range 300 {
		graphtest.MustPut(t, s, graphtest.SyntheticRelease(i))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// updateBolt changes the bbolt file at path behind the store's back.
func updateBolt(t *testing.T, path string, fn func(*bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentUse reads while another goroutine writes; run it with -race.
func TestConcurrentUse(t *testing.T) {
	s := MustOpen(t, filepath.Join(t.TempDir(), "egovgraph.db"))
	defer s.Close()
	ctx := context.Background()
	const releases = 200
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range releases {
			if _, err := s.PutRelease(ctx, graphtest.SyntheticRelease(i)); err != nil {
				t.Errorf("PutRelease: %v", err)
				return
			}
		}
	})
	for range 2 {
		wg.Go(func() {
			for range releases {
				if _, err := s.Neighborhood(ctx, "state:bayern", 2, nil); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
					t.Errorf("Neighborhood: %v", err)
				}
				if _, err := s.Relations(ctx, graph.RelationFilter{Entity: "state:hessen"}); err != nil {
					t.Errorf("Relations: %v", err)
				}
				if _, err := s.Search(ctx, "sachsen", 10); err != nil {
					t.Errorf("Search: %v", err)
				}
			}
		})
	}
	wg.Wait()
	st, err := s.Stats(ctx)
	if err != nil || st.Releases != releases {
		t.Errorf("Stats: got %+v, %v; want %d releases", st, err, releases)
	}
}
