package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/neo4j"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
)

// proxy forwards TCP connections to a server and can cut them all and refuse new ones,
// as the server going down would, and take them again on the same address.
type proxy struct {
	t        testing.TB
	addr     string
	upstream string
	mu       sync.Mutex
	ln       net.Listener
	conns    []net.Conn
}

func newProxy(t testing.TB, upstream string) *proxy {
	p := &proxy{t: t, addr: "127.0.0.1:0", upstream: upstream}
	p.up()
	t.Cleanup(p.down)
	return p
}

// up listens and forwards again.
func (p *proxy) up() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy: %v", err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", p.upstream)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { io.Copy(u, c); u.Close() }()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
}

// down closes the listener and every connection: new connections are refused.
func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// mustNeo4jBehindProxy empties the test server, holding its lock until t ends, and returns
// it with a proxy in front of it.
func mustNeo4jBehindProxy(t *testing.T) (neo4jtest.Server, *proxy) {
	server := neo4jtest.MustServer(t)
	unlock, err := neo4jtest.Lock()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	server.MustWipe(t)
	u, err := url.Parse(server.URI)
	if err != nil {
		t.Fatal(err)
	}
	return server, newProxy(t, u.Host)
}

// TestServeWhileNeo4jIsDown: with Neo4j gone, a query answers UNAVAILABLE at once instead
// of after the request timeout, /readyz says 503, and both recover when Neo4j is back.
func TestServeWhileNeo4jIsDown(t *testing.T) {
	server, p := mustNeo4jBehindProxy(t)
	base := startServer(t, "-store", "neo4j", "-neo4j-uri", "bolt://"+p.addr, "-neo4j-password", server.Password,
		"-neo4j-user", server.User, "-neo4j-database", server.Database, "-samples=false", "-timeout", "30s")
	ready := func() int {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); !ok(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 60 s", what)
			}
		}
	}
	query := `{ stats { releases } }`
	waitFor("ready at start", func() bool { return ready() == http.StatusOK })
	if r := postQuery(t, base, query, nil, nil); len(r.Errors) > 0 {
		t.Fatalf("with Neo4j up: %+v", r.Errors)
	}

	p.down()
	start := time.Now()
	r := postQuery(t, base, query, nil, nil)
	took := time.Since(start)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Fatalf("with Neo4j down: got %+v, want one UNAVAILABLE error", r.Errors)
	}
	// The request may take 30 s: an answer saying why, not that time ran out, came before.
	if msg := r.Errors[0].Message; !strings.Contains(msg, "unreachable") {
		t.Errorf("with Neo4j down: message %q, want it to say Neo4j is unreachable", msg)
	}
	t.Logf("with Neo4j down the query answered in %v: %s", took, r.Errors[0].Message)
	if got := ready(); got != http.StatusServiceUnavailable {
		t.Errorf("with Neo4j down: /readyz %d, want 503", got)
	}

	p.up()
	waitFor("ready again", func() bool { return ready() == http.StatusOK })
	waitFor("queries again", func() bool { return len(postQuery(t, base, query, nil, nil).Errors) == 0 })
}

// cutAfterFirstBatch is a real store whose Neo4j goes away after its first batch of writes.
type cutAfterFirstBatch struct {
	graph.Store
	once sync.Once
	cut  func()
}

func (s *cutAfterFirstBatch) PutReleases(ctx context.Context, rs []graph.Release) ([]bool, error) {
	changed, err := s.Store.PutReleases(ctx, rs)
	s.once.Do(s.cut)
	return changed, err
}

// TestLoadStopsWhenNeo4jGoesDown: a load whose Neo4j goes away stops with one line instead
// of waiting on every remaining file, and loading again resumes where it stopped.
func TestLoadStopsWhenNeo4jGoesDown(t *testing.T) {
	server, p := mustNeo4jBehindProxy(t)
	cfg := neo4j.Config(server)
	cfg.URI = "bolt://" + p.addr
	store, err := neo4j.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	dir := mustSyntheticDir(t, 150)
	var listing bytes.Buffer
	inputs, _ := fileInputs([]string{dir}, &listing)

	var stderr bytes.Buffer
	sum := loadAll(t.Context(), &cutAfterFirstBatch{Store: store, cut: p.down}, inputs, 30*time.Second, io.Discard, &stderr)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "the store is unavailable") || !strings.Contains(lines[0], "loading again resumes") {
		t.Errorf("stderr: got %q, want one line saying the store is unavailable", stderr.String())
	}
	if sum.loaded < 1 || sum.loaded+sum.failed != len(inputs) || !sum.storeDown {
		t.Errorf("got %d loaded, %d failed of %d, want the first batch loaded and the rest failed", sum.loaded, sum.failed, len(inputs))
	}
	t.Logf("stderr: %s", lines[0])

	p.up()
	first := sum.loaded
	stderr.Reset()
	sum = loadAll(t.Context(), store, inputs, 30*time.Second, io.Discard, &stderr)
	if sum.loaded != len(inputs)-first || sum.unchanged != first || sum.failed != 0 {
		t.Errorf("loading again: %d loaded, %d unchanged, %d failed, want %d, %d, 0\n%s", sum.loaded, sum.unchanged, sum.failed, len(inputs)-first, first, stderr.String())
	}
	st, err := store.Stats(t.Context())
	if err != nil || st.Releases != len(inputs) {
		t.Errorf("after the second load the store holds %+v (%v), want %d releases", st, err, len(inputs))
	}
}
