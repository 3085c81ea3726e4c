package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/samples"
)

// startServer runs "egovgraph serve" on a random loopback port with a fresh data directory
// and returns its base URL; the server stops when the test ends.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	base, _ := startServerLog(t, args...)
	return base
}

// syncBuffer is a bytes.Buffer safe for one writer and readers at the same time.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServerLog is startServer that also returns what the server has logged so far.
func startServerLog(t *testing.T, args ...string) (string, func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	args = append([]string{"serve", "-addr", "127.0.0.1:0", "-data", filepath.Join(t.TempDir(), "data")}, args...)
	var stderr syncBuffer
	go func() {
		done <- run(ctx, args, pw, &stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d after shutdown:\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not shut down within 15 s")
		}
	})
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("serve stopped before listening:\n%s", stderr.String())
			}
			if _, rest, found := strings.Cut(line, "serving on "); found {
				go func() { // keep draining so the server never blocks on its output
					for range lines {
					}
				}()
				return strings.TrimSuffix(strings.Fields(rest)[0], "/"), stderr.String
			}
		case <-timeout:
			t.Fatalf("serve did not listen within 60 s:\n%s", stderr.String())
		}
	}
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// postQuery sends query to base/graphql and decodes the data into v.
func postQuery(t *testing.T, base, query string, vars map[string]any, v any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode answer (status %d): %v", resp.StatusCode, err)
	}
	if v != nil && r.Data != nil {
		if err := json.Unmarshal(r.Data, v); err != nil {
			t.Fatalf("decode data %s: %v", r.Data, err)
		}
	}
	return r
}

func TestServeEndToEnd(t *testing.T) {
	base := startServer(t)

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: status %d, want %d", path, resp.StatusCode, want)
		}
	}

	const q = `query($id: ID!) {
	  entity(id: $id) {
	    id name type
	    relations(types: [MEMBER_OF]) {
	      totalCount
	      edges { node { type from { id } to { id name }
	        evidence { sentence date release { id title source } } } }
	    }
	  }
	}`
	var got struct {
		Entity struct {
			ID, Name, Type string
			Relations      struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Type     string
						From, To struct{ ID, Name string }
						Evidence []struct {
							Sentence, Date string
							Release        struct{ ID, Title, Source string }
						}
					}
				}
			}
		}
	}
	if r := postQuery(t, base, q, map[string]any{"id": "state:bayern"}, &got); len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	if got.Entity.Name != "Bayern" || got.Entity.Type != "STATE" {
		t.Fatalf("entity state:bayern = %+v, want Bayern (STATE)", got.Entity)
	}
	sample, err := fs.ReadFile(samples.FS, "bayern-tritt-govdigital-bei.md")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range got.Entity.Relations.Edges {
		if e.Node.To.ID != "org:govdigital" {
			continue
		}
		for _, ev := range e.Node.Evidence {
			if ev.Date != "2021-07-22" || ev.Release.Source != "samples/bayern-tritt-govdigital-bei.md" {
				continue
			}
			found = true
			if ev.Sentence == "" || !strings.Contains(string(sample), ev.Sentence) {
				t.Errorf("evidence sentence %q is not a sentence of the sample release", ev.Sentence)
			}
		}
	}
	if !found {
		t.Errorf("no MEMBER_OF Bayern → govdigital dated 2021-07-22 from the sample release; got %+v", got.Entity.Relations)
	}

	var search struct{ Search []struct{ ID, Name string } }
	postQuery(t, base, `{ search(text: "stuebgen") { id name } }`, nil, &search)
	if len(search.Search) == 0 || search.Search[0].Name != "Michael Stübgen" {
		t.Errorf("search stuebgen = %+v, want Michael Stübgen first", search.Search)
	}

	r := postQuery(t, base, `{ relations(since: "2021-13-01") { totalCount } }`, nil, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("invalid date: errors %+v, want one with extensions.code INVALID", r.Errors)
	}
}
