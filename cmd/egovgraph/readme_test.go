package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the answers of the README's example queries")

// exampleBlock matches a GraphQL query of the README and the JSON answer after it.
var exampleBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```(\\s*)```json\n(.*?)```")

// mustSampleStore returns an embedded store holding the bundled samples.
func mustSampleStore(tb testing.TB) graph.Store {
	tb.Helper()
	store, err := bolt.Open(filepath.Join(tb.TempDir(), "egovgraph.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	inputs, err := sampleInputs()
	if err != nil {
		tb.Fatal(err)
	}
	var errOut bytes.Buffer
	if sum := loadAll(context.Background(), store, inputs, time.Minute, io.Discard, &errOut); sum.failed > 0 || sum.loaded != len(inputs) {
		tb.Fatalf("loading the samples: %+v\n%s", sum, errOut.String())
	}
	return store
}

func TestREADMEExamplesAnswerAsDocumented(t *testing.T) {
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(readme, []byte("### Example queries"))
	end := bytes.Index(readme, []byte("\n## Neo4j"))
	if start < 0 || end < start {
		t.Fatal(`README.md lacks the section "### Example queries" before "## Neo4j"`)
	}
	section := readme[start:end]
	api := schema.NewHandler(mustSampleStore(t), schema.Options{})

	examples := 0
	rewritten := exampleBlock.ReplaceAllFunc(section, func(block []byte) []byte {
		m := exampleBlock.FindSubmatch(block)
		query, gap, documented := string(m[1]), m[2], m[3]
		examples++
		got := answer(t, api, query)
		if *update {
			return []byte("```graphql\n" + query + "```" + string(gap) + "```json\n" + got + "\n```")
		}
		var want, have any
		if err := json.Unmarshal(documented, &want); err != nil {
			t.Errorf("README answer to\n%s is not JSON: %v", query, err)
			return block
		}
		json.Unmarshal([]byte(got), &have)
		if !reflect.DeepEqual(want, have) {
			t.Errorf("README answer to\n%s\ngot  %s\nwant %s\n(run go test ./cmd/egovgraph -run TestREADME -update and review the diff)",
				query, got, strings.Join(strings.Fields(string(documented)), " "))
		}
		return block
	})
	if examples == 0 {
		t.Fatal("README.md has no example queries")
	}
	if *update {
		out := append(append(append([]byte{}, readme[:start]...), rewritten...), readme[end:]...)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// schemaClient asks a GraphQL handler directly, without a server.
type schemaClient struct{ api http.Handler }

// answer returns the answer to query, compact.
func (c *schemaClient) answer(t *testing.T, query string) []byte {
	t.Helper()
	var out bytes.Buffer
	json.Compact(&out, []byte(answer(t, c.api, query)))
	return out.Bytes()
}

// answer posts query to api and returns the indented JSON answer.
func answer(t *testing.T, api http.Handler, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	var out bytes.Buffer
	if err := json.Indent(&out, rec.Body.Bytes(), "", "  "); err != nil {
		t.Fatalf("answer to %s is not JSON (status %d): %s", query, rec.Code, rec.Body)
	}
	return out.String()
}
