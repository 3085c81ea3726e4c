package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/neo4j"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/schema"
	"github.com/egovgraph/egovgraph/synth"
)

// The benchmarks of this file measure what issues 3 and 5 ask for; scripts/bench.sh runs
// them and BENCHMARKS.md reports their numbers. Each benchmark opens its stores empty: the
// embedded one in a temporary directory, Neo4j after wiping the test server (holding
// neo4jtest.Lock meanwhile), and skips the Neo4j part when no server answers.

// benchStore is a store kind the benchmarks run on.
type benchStore struct {
	name string
	// open returns an empty store, or skips b.
	open func(b *testing.B) graph.Store
	// memory reports what the store itself holds in memory or on disk after a load.
	memory func(b *testing.B, s graph.Store)
}

var benchStores = []benchStore{
	{name: "embedded", open: openEmbedded, memory: func(b *testing.B, s graph.Store) {
		if fi, err := os.Stat(s.(*embeddedStore).path); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "db-MiB")
		}
	}},
	{name: "neo4j", open: openNeo4j, memory: func(b *testing.B, _ graph.Store) {
		// The server's resident memory, when it is the one scripts/neo4j.sh started.
		pid, err := os.ReadFile("../../.neo4j/neo4j.pid")
		if err != nil {
			return
		}
		if rss, ok := residentMiB("/proc/" + strings.TrimSpace(string(pid)) + "/status"); ok {
			b.ReportMetric(rss, "server-rss-MiB")
		}
	}},
}

// embeddedStore is the bolt store and the file it keeps.
type embeddedStore struct {
	*bolt.Store
	path string
}

func openEmbedded(b *testing.B) graph.Store {
	p := filepath.Join(b.TempDir(), "egovgraph.db")
	s, err := bolt.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	return &embeddedStore{s, p}
}

// openNeo4j empties the test server and opens it; the lock on the server is held until b
// ends. Without a server the benchmark is skipped, even with CI=true: benchmarks are no
// tests.
func openNeo4j(b *testing.B) graph.Store {
	b.Setenv("CI", "")
	server := neo4jtest.MustServer(b)
	unlock, err := neo4jtest.Lock()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(unlock)
	server.MustWipe(b)
	s, err := neo4j.Open(context.Background(), neo4j.Config(server))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// residentMiB reads VmRSS from a /proc/PID/status file.
func residentMiB(status string) (float64, bool) {
	data, err := os.ReadFile(status)
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024, err == nil
		}
	}
	return 0, false
}

// corpusCopies returns n inputs from the dev corpus, read again and again under distinct
// source keys ("copy-0007/NAME.md"), so that each is a new release to the store.
func corpusCopies(b *testing.B, n int) []input {
	files := mustCorpusInputs(b)
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f.source); err != nil {
			b.Fatal(err)
		}
	}
	inputs := make([]input, n)
	for i := range inputs {
		k := i % len(files)
		source := fmt.Sprintf("copy-%04d/%s", i/len(files), filepath.Base(files[k].source))
		inputs[i] = input{source: source, read: func() (loaders.Document, error) { return loaders.Read(source, data[k]) }}
	}
	return inputs
}

// synthInputs returns the first n releases of the synthetic corpus of seed 1, keyed
// "synthetic/NAME".
func synthInputs(n int) []input {
	g := synth.New(1)
	inputs := make([]input, n)
	for i := range inputs {
		name, _, _ := g.Release(i)
		source := path.Join("synthetic", name)
		inputs[i] = input{source: source, read: func() (loaders.Document, error) {
			_, text, _ := g.Release(i)
			return loaders.Read(source, text)
		}}
	}
	return inputs
}

// benchLoad loads inputs into an empty store b.N times, through loadAll as "egovgraph load"
// does (read, extract, write one transaction per release), and reports releases/s, the
// time of one load, and memory after the last: the Go heap in use and the process's
// resident memory (both after a GC), and what the store reports.
func benchLoad(b *testing.B, st benchStore, inputs []input) {
	var elapsed time.Duration
	for range b.N {
		b.StopTimer()
		s := st.open(b)
		runtime.GC()
		b.StartTimer()
		start := time.Now()
		mustLoad(b, s, inputs)
		elapsed += time.Since(start)
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
		if rss, ok := residentMiB("/proc/self/status"); ok {
			b.ReportMetric(rss, "rss-MiB")
		}
		st.memory(b, s)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(inputs)*b.N)/elapsed.Seconds(), "releases/s")
	b.ReportMetric(elapsed.Seconds()/float64(b.N), "s/load")
}

// BenchmarkLoadCorpus loads the dev corpus, repeated to 1,000 releases with distinct
// source keys, into each store.
func BenchmarkLoadCorpus(b *testing.B) {
	inputs := corpusCopies(b, 1000)
	for _, st := range benchStores {
		b.Run(st.name, func(b *testing.B) { benchLoad(b, st, inputs) })
	}
}

// BenchmarkLoadSynthetic loads 1,000 and 10,000 synthetic releases into each store, and
// 100,000 into the embedded store when EGOVGRAPH_BENCH_100K=1 (it takes minutes).
func BenchmarkLoadSynthetic(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("EGOVGRAPH_BENCH_100K") == "1" {
		sizes = append(sizes, 100000)
	}
	for _, st := range benchStores {
		b.Run(st.name, func(b *testing.B) {
			for _, n := range sizes {
				if n > 10000 && st.name != "embedded" {
					continue
				}
				b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) { benchLoad(b, st, synthInputs(n)) })
			}
		})
	}
}

// Query load: requests arrive at queryRate per second, whether or not the earlier ones
// have been answered (an open loop), and queryWorkers clients send them; a request's
// latency runs from the moment it was due, so that a server falling behind shows in it.
const (
	queryReleases = 10000
	queryWorkers  = 16
	// queryMaxTime bounds one run of the load generator.
	queryMaxTime = 2 * time.Minute
)

// queryRate is the arrival rate of requests per second: 200, or EGOVGRAPH_BENCH_RATE.
var queryRate = func() int {
	if r, err := strconv.Atoi(os.Getenv("EGOVGRAPH_BENCH_RATE")); err == nil && r > 0 {
		return r
	}
	return 200
}()

// benchQuery is a GraphQL query BenchmarkQuery sends, the field of Query it asks, and the
// variables of its i-th request, given the IDs of all entities (ordered by ID).
type benchQuery struct {
	name, field, query string
	vars               func(ids []string, i int) map[string]any
}

// nth returns the i-th entity of a walk that visits them all: a stride prime to their
// number, in an order that mixes hubs and leaves.
func nth(ids []string, i int) string { return ids[(i*7919)%len(ids)] }

// states are the Länder, for the network filter.
var states = []string{
	"baden-wuerttemberg", "bayern", "berlin", "brandenburg", "bremen", "hamburg", "hessen",
	"mecklenburg-vorpommern", "niedersachsen", "nordrhein-westfalen", "rheinland-pfalz",
	"saarland", "sachsen", "sachsen-anhalt", "schleswig-holstein", "thueringen",
}

var benchQueries = []benchQuery{
	{"entity", "entity", `query($id: ID!) { entity(id: $id) { id type name aliases
		relations(first: 20) { totalCount edges { node { id type role firstSeen lastSeen weight from { id name } to { id name } } } } } }`,
		func(ids []string, i int) map[string]any { return map[string]any{"id": nth(ids, i)} }},
	{"neighborhood2", "neighborhood", `query($id: ID!) { neighborhood(id: $id, depth: 2) {
		nodes { id type name } edges { id type from { id } to { id } weight } } }`,
		func(ids []string, i int) map[string]any { return map[string]any{"id": nth(ids, i)} }},
	{"path", "path", `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxDepth: 4, first: 3) {
		totalCount edges { node { length nodes { id name } steps { relations { id type weight } } } } } }`,
		func(ids []string, i int) map[string]any {
			return map[string]any{"from": nth(ids, i), "to": nth(ids, i+len(ids)/2)}
		}},
	{"network", "network", `query($state: ID) { network(filter: {state: $state}) { version
		nodes(first: 100) { totalCount edges { node { id type name degree community } } }
		edges(first: 100) { totalCount edges { node { id type from to weight firstSeen lastSeen } } } } }`,
		func(_ []string, i int) map[string]any {
			return map[string]any{"state": "state:" + states[i%len(states)]}
		}},
	{"analytics", "analytics", `{ analytics { version modularity
		centrality(orderBy: PAGERANK, first: 20) { edges { node { entity { id name } degree betweenness pageRank community } } }
		communities(first: 10) { edges { node { id size relations boundary } } } } }`,
		func([]string, int) map[string]any { return nil }},
}

// BenchmarkQuery serves a store holding 10,000 synthetic releases over HTTP on loopback, as
// "egovgraph serve" does, and sends each query of benchQueries b.N times at queryRate
// requests/s. It reports the latency's median and 99th percentile, the requests/s achieved,
// the mean size of an answer, and the latency of the first request (cold-ms), which pays
// for what the server computes once per version of the graph. The ns/op the testing package
// prints is only 1/rate. A query whose field the schema lacks is skipped.
// neighborhood2-store calls the store's Neighborhood directly, one call after another, to
// tell the store's share of a neighborhood query from the GraphQL layer's;
// neighborhood2-slow sends a tenth as many neighborhood requests at a tenth of the rate.
func BenchmarkQuery(b *testing.B) {
	for _, st := range benchStores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			defer s.Close()
			start := time.Now()
			mustLoad(b, s, synthInputs(queryReleases))
			b.Logf("loaded %d releases in %s", queryReleases, time.Since(start).Round(time.Millisecond))
			ids := entityIDs(b, s)
			srv := httptest.NewServer(benchServer(s).routes())
			defer srv.Close()
			fields := queryFields(b, srv.URL+"/graphql")
			for _, q := range benchQueries {
				body := func(i int) []byte {
					// Strings and maps of them always marshal.
					data, _ := json.Marshal(map[string]any{"query": q.query, "variables": q.vars(ids, i)})
					return data
				}
				run := func(name string, n func(b *testing.B) int, rate int) {
					b.Run(name, func(b *testing.B) {
						if !fields[q.field] {
							b.Skipf("the schema has no Query.%s", q.field)
						}
						generateLoad(b, srv.URL+"/graphql", n(b), rate, body).report(b)
					})
				}
				run(q.name, func(b *testing.B) int { return b.N }, queryRate)
				if q.name == "neighborhood2" {
					// A tenth as many at a tenth of the rate, as long, shows the latency of
					// a server that keeps up.
					run(q.name+"-slow", func(b *testing.B) int { return max(1, b.N/10) }, max(1, queryRate/10))
				}
			}
			b.Run("neighborhood2-store", func(b *testing.B) { benchNeighborhood(b, s, ids) })
		})
	}
}

// queryFields returns the names of the fields of Query the server answers.
func queryFields(b *testing.B, url string) map[string]bool {
	resp, err := http.Post(url, "application/json", strings.NewReader(`{"query": "{ __type(name: \"Query\") { fields { name } } }"}`))
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Type struct{ Fields []struct{ Name string } } `json:"__type"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		b.Fatal(err)
	}
	fields := map[string]bool{}
	for _, f := range r.Data.Type.Fields {
		fields[f.Name] = true
	}
	return fields
}

// benchNeighborhood walks depth 2 from one entity after another, as BenchmarkQuery's
// requests do, and reports the latency's percentiles and the size of the subgraphs.
func benchNeighborhood(b *testing.B, s graph.Store, ids []string) {
	ctx := context.Background()
	var latencies []time.Duration
	nodes, edges := 0, 0
	for i := range b.N {
		start := time.Now()
		g, err := s.Neighborhood(ctx, nth(ids, i), 2, nil)
		if err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(start))
		nodes += len(g.Nodes)
		edges += len(g.Edges)
	}
	slices.Sort(latencies)
	b.ReportMetric(percentile(latencies, 50), "p50-ms")
	b.ReportMetric(percentile(latencies, 99), "p99-ms")
	b.ReportMetric(float64(nodes)/float64(b.N), "nodes/op")
	b.ReportMetric(float64(edges)/float64(b.N), "edges/op")
}

// benchServer returns the server "egovgraph serve" runs, over s, logging to nowhere.
func benchServer(s graph.Store) *server {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := &server{log: log, stdout: io.Discard, opts: schema.Options{Logger: log}, ide: true}
	srv.store.set(s)
	return srv
}

// entityIDs lists the IDs of every entity s holds.
func entityIDs(b *testing.B, s graph.Store) []string {
	var ids []string
	page := graph.Page{First: graph.MaxPageSize}
	for {
		p, err := s.Entities(context.Background(), graph.EntityFilter{Page: page})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range p.Items {
			ids = append(ids, e.ID)
		}
		if !p.More || len(p.Items) == 0 {
			return ids
		}
		page.After = p.Items[len(p.Items)-1].ID
	}
}

// loadResult is what one run of the load generator measured.
type loadResult struct {
	latencies []time.Duration // of the answered requests, sorted
	cold      time.Duration   // of the first request
	elapsed   time.Duration   // from the first request due to the last answer
	bytes     int             // of all answers
	asked     int             // requests to send
	due       int             // requests that fell due before the time ran out
	failed    int             // requests not answered: an error, or not sent in time
	failure   error           // the first error
}

// generateLoad sends n requests to url at rate per second from queryWorkers clients,
// the i-th with body(i), for at most queryMaxTime. A request the server does not answer
// with 200 and GraphQL data free of errors, and one still waiting for a client when the
// time is up, counts as failed; b fails when none is answered.
func generateLoad(b *testing.B, url string, n, rate int, body func(int) []byte) loadResult {
	bodies := make([][]byte, n)
	for i := range bodies {
		bodies[i] = body(i)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: queryWorkers}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	type job struct {
		i   int
		due time.Time
	}
	jobs := make(chan job, n)
	var (
		mu sync.Mutex
		r  = loadResult{asked: n}
		wg sync.WaitGroup
	)
	b.ResetTimer()
	start := time.Now()
	deadline := start.Add(queryMaxTime)
	for range queryWorkers {
		wg.Go(func() {
			for j := range jobs {
				if time.Now().After(deadline) {
					mu.Lock()
					r.failed++
					mu.Unlock()
					continue
				}
				size, err := post(client, url, bodies[j.i])
				took := time.Since(j.due)
				mu.Lock()
				if j.i == 0 {
					r.cold = took
				}
				if err != nil {
					r.failed++
					if r.failure == nil {
						r.failure = fmt.Errorf("request %d: %w", j.i, err)
					}
				} else {
					r.latencies = append(r.latencies, took)
					r.bytes += size
				}
				mu.Unlock()
			}
		})
	}
	interval := time.Second / time.Duration(rate)
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		if due.After(deadline) {
			break
		}
		time.Sleep(time.Until(due))
		jobs <- job{i, due}
		r.due++
	}
	close(jobs)
	wg.Wait()
	r.elapsed = time.Since(start)
	b.StopTimer()
	if len(r.latencies) == 0 {
		b.Fatalf("no request answered: %v", r.failure)
	}
	slices.Sort(r.latencies)
	return r
}

// post sends one GraphQL request and returns the size of the answer, or why it failed.
func post(client *http.Client, url string, body []byte) (int, error) {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(data, []byte(`{"data":`)) || bytes.Contains(data, []byte(`"errors":`)) {
		return 0, fmt.Errorf("status %s: %.300s", resp.Status, data)
	}
	return len(data), nil
}

// percentile returns the p-th percentile of sorted latencies, in milliseconds.
func percentile(sorted []time.Duration, p float64) float64 {
	k := min(len(sorted)-1, int(float64(len(sorted))*p/100))
	return float64(sorted[k].Microseconds()) / 1000
}

func (r loadResult) report(b *testing.B) {
	if len(r.latencies) == 0 {
		return
	}
	b.ReportMetric(percentile(r.latencies, 50), "p50-ms")
	b.ReportMetric(percentile(r.latencies, 99), "p99-ms")
	b.ReportMetric(float64(len(r.latencies))/r.elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(r.bytes)/float64(len(r.latencies))/1024, "KiB/answer")
	b.ReportMetric(float64(r.cold.Microseconds())/1000, "cold-ms")
	b.ReportMetric(100*float64(r.failed)/float64(r.due), "failed-%")
	if r.failure != nil {
		b.Logf("%d of %d requests failed, the first: %v", r.failed, r.due, r.failure)
	}
	if r.due < r.asked {
		b.Logf("time ran out after %d of %d requests had fallen due", r.due, r.asked)
	}
}
