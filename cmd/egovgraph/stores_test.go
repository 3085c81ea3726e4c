package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/neo4j"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
	"github.com/egovgraph/egovgraph/schema"
)

// devCorpus is the hand-annotated corpus of real releases beside the repository.
const devCorpus = "../../../shared/corpus/dev"

// mustCorpusInputs lists the releases of the dev corpus; without ../shared the test is
// skipped, or fails when CI=true.
func mustCorpusInputs(tb testing.TB) []input {
	tb.Helper()
	if _, err := os.Stat(devCorpus); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("the dev corpus is missing (CI=true): %v", err)
		}
		tb.Skipf("the dev corpus is missing: %v", err)
	}
	var errOut bytes.Buffer
	inputs, missing := fileInputs([]string{devCorpus}, &errOut)
	if missing > 0 || len(inputs) == 0 {
		tb.Fatalf("list the dev corpus: %s", errOut.String())
	}
	return inputs
}

// mustLoad loads inputs into store and fails tb when any fails.
func mustLoad(tb testing.TB, store graph.Store, inputs []input) {
	tb.Helper()
	var errOut bytes.Buffer
	if sum := loadAll(context.Background(), store, inputs, time.Minute, io.Discard, &errOut); sum.failed > 0 {
		tb.Fatalf("load: %d of %d failed:\n%s", sum.failed, sum.files, errOut.String())
	}
}

// TestStoresAnswerAlike loads the whole dev corpus into the embedded store and into Neo4j
// and asks both the same GraphQL queries: the answers must be the same.
func TestStoresAnswerAlike(t *testing.T) {
	inputs := mustCorpusInputs(t)
	server := neo4jtest.MustServer(t)
	unlock, err := neo4jtest.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	server.MustWipe(t)
	ctx := context.Background()
	n4j, err := neo4j.Open(ctx, neo4j.Config(server))
	if err != nil {
		t.Fatal(err)
	}
	defer n4j.Close()
	embedded, err := bolt.Open(filepath.Join(t.TempDir(), "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer embedded.Close()
	mustLoad(t, embedded, inputs)
	mustLoad(t, n4j, inputs)
	// Loading again changes nothing in either.
	mustLoad(t, n4j, inputs[:5])

	// The answers are compared, not timed: on a loaded machine Neo4j takes longer than the
	// 10 s a production request may.
	opts := schema.Options{Timeout: 10 * time.Minute}
	stores := map[string]*schemaClient{
		"embedded": {schema.NewHandler(embedded, opts)},
		"neo4j":    {schema.NewHandler(n4j, opts)},
	}
	queries := map[string]string{
		"stats":    `{ stats { releases entities relations } }`,
		"entities": `{ entities(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type name aliases } } } }`,
		"states":   `{ entities(where: {type: STATE}, first: 5, after: "c3RhdGU6YmF5ZXJu") { totalCount edges { node { id } } } }`,
		"relations": `{ relations(first: 500) { totalCount edges { node { id type from { id } to { id } role firstSeen lastSeen
			confidence weight evidence { sentence date rule confidence release { id source title date } } } } } }`,
		"membersSince": `{ relations(type: MEMBER_OF, since: "2019-01-01", until: "2023-12-31") { totalCount edges { node { id } } } }`,
		"cooperations": `{ relations(type: COOPERATES_WITH, from: "state:bayern") { totalCount edges { node { id } } } }`,
		"bayern": `{ entity(id: "state:bayern") { name aliases relations(first: 100) { totalCount edges { node { id evidence { sentence } } } }
			out: relations(direction: OUT) { totalCount } in: relations(direction: IN) { totalCount } } }`,
		"search":       `{ a: search(text: "digital") { id } b: search(text: "stuebgen") { id } c: search(text: "BAYERN", first: 3) { id } }`,
		"neighborhood": `{ a: neighborhood(id: "org:govdigital", depth: 2) { nodes { id } edges { id } } b: neighborhood(id: "state:bayern", depth: 3, types: [COOPERATES_WITH, MEMBER_OF]) { nodes { id } edges { id weight } } }`,
		"releases":     `{ releases(first: 100) { totalCount edges { node { id title date source entities { id } facts { type from { id } to { id } role sentence rule } } } } }`,
		"missing":      `{ entity(id: "state:atlantis") { id } release(id: "nope") { id } }`,
	}
	var stats struct{ Stats graph.Stats }
	if json.Unmarshal(stores["neo4j"].answer(t, queries["stats"]), &struct{ Data any }{&stats}); stats.Stats.Releases != len(inputs) || stats.Stats.Relations < len(inputs) {
		t.Fatalf("Neo4j holds %+v after loading %d releases, want every release and their relations", stats.Stats, len(inputs))
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			want := stores["embedded"].answer(t, q)
			got := stores["neo4j"].answer(t, q)
			if !bytes.Equal(got, want) {
				t.Errorf("Neo4j answers differently from the embedded store\nneo4j:    %.2000s\nembedded: %.2000s", got, want)
			}
			var r gqlResponse
			json.Unmarshal(want, &r)
			if len(r.Errors) > 0 {
				t.Errorf("errors: %+v", r.Errors)
			}
		})
	}
}
