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

// answer posts query to api and returns the JSON answer, laid out for reading.
func answer(t *testing.T, api http.Handler, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	var out strings.Builder
	if err := layout(&out, json.NewDecoder(bytes.NewReader(rec.Body.Bytes())), ""); err != nil {
		t.Fatalf("answer to %s is not JSON (status %d): %s", query, rec.Code, rec.Body)
	}
	return out.String()
}

// inline writes the JSON tokens of dec on one line, a space after each colon and comma.
func inline(w *strings.Builder, dec *json.Decoder) {
	dec.UseNumber()
	// after says, for each open object or array, how many tokens it has had.
	var after []int
	var inObject []bool
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			w.WriteString(d.String())
			after, inObject = after[:len(after)-1], inObject[:len(inObject)-1]
			continue
		}
		if n := len(after); n > 0 {
			switch {
			case inObject[n-1] && after[n-1]%2 == 1:
				w.WriteString(": ")
			case after[n-1] > 0:
				w.WriteString(", ")
			}
			after[n-1]++
		}
		if d, ok := tok.(json.Delim); ok {
			w.WriteString(d.String())
			after, inObject = append(after, 0), append(inObject, d == '{')
			continue
		}
		w.WriteString(literal(tok))
	}
}

// literal writes a JSON string, number, boolean or null as JSON, with <, > and & as they are.
func literal(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// lineWidth is how wide an object or array may be to stand on one line of the README.
const lineWidth = 110

// layout writes the next JSON value of dec in its own order, each object or array on one
// line when it fits in lineWidth, else one member a line, indented.
func layout(w *strings.Builder, dec *json.Decoder, indent string) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		return err
	}
	if len(indent)+compact.Len() <= lineWidth || (raw[0] != '{' && raw[0] != '[') {
		inline(w, json.NewDecoder(bytes.NewReader(raw)))
		return nil
	}
	inner := json.NewDecoder(bytes.NewReader(raw))
	open, _ := inner.Token()
	closing := map[json.Delim]string{'{': "}", '[': "]"}[open.(json.Delim)]
	w.WriteString(open.(json.Delim).String() + "\n")
	for first := true; inner.More(); first = false {
		if !first {
			w.WriteString(",\n")
		}
		w.WriteString(indent + "  ")
		if open == json.Delim('{') {
			key, _ := inner.Token()
			w.WriteString(literal(key) + ": ")
		}
		if err := layout(w, inner, indent+"  "); err != nil {
			return err
		}
	}
	w.WriteString("\n" + indent + closing)
	return nil
}
