package schema_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/schema"
)

// fragmentBomb returns a query whose fragment F<levels> spreads F<levels-1> twice, and so
// on down to F0: 2^levels fields once expanded, from a document of a few kilobytes. on is
// the type the fragments are on, leaves the fields of F0 and root how the query uses the
// top fragment.
func fragmentBomb(levels int, on, leaves, root string) string {
	var b strings.Builder
	fmt.Fprintf(&b, root+"\n", levels)
	fmt.Fprintf(&b, "fragment F0 on %s { %s }\n", on, leaves)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "fragment F%d on %s { ...F%d ...F%d }\n", i, on, i-1, i-1)
	}
	return b.String()
}

// nestedBomb returns a query whose fragment N<levels> asks N<levels-1> at both ends of each
// relation: 2^levels fields, each level of fragments deeper than the last.
func nestedBomb(levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{ entity(id: \"state:bayern\") { ...N%d } }\nfragment N0 on Entity { id }\n", levels)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "fragment N%d on Entity { relations { edges { node { from { ...N%d } to { ...N%d } } } } }\n", i, i-1, i-1)
	}
	return b.String()
}

// aliases returns a query of n aliases of field.
func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// TestHostileRequests sends the requests that kept a core busy for minutes or took
// gigabytes before the document limits: each is refused with a code before anything is
// read from the store. The time each took is logged; BenchmarkHostileRequests measures it.
func TestHostileRequests(t *testing.T) {
	store := newCountingStore(MustOpenStore(t))
	h := schema.NewHandler(store, schema.Options{})
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			resp := Post(t, h, tt.query, tt.vars)
			took := time.Since(start)
			if got := resp.code(t); got != tt.code {
				t.Errorf("got code %q (%s), want %q", got, resp.Errors[0].Message, tt.code)
			}
			if n, calls := store.total(); n > 0 {
				t.Errorf("the store was asked %v before the refusal, want nothing", calls)
			}
			t.Logf("%d bytes refused in %v: %s", len(tt.query), took, resp.Errors[0].Message)
		})
	}
}

var hostile = []struct {
	name  string
	query string
	vars  map[string]any
	code  string
}{
	// 1.6 KB, 39 levels: 2^39 fields for validation and the complexity count to expand.
	{"nested fragment spreads", fragmentBomb(39, "Stats", "releases entities", "{ stats { ...F%d } }"), nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"nested fragment spreads of root fields", fragmentBomb(39, "Query", "stats { releases }", "{ ...F%d }"), nil, "DOCUMENT_LIMIT_EXCEEDED"},
	// 110,000 fields in one selection: quadratic in field-merge validation.
	{"duplicate fields", "{ stats { " + strings.Repeat("releases ", 110000) + "} }", nil, "DOCUMENT_LIMIT_EXCEEDED"},
	// 4,900 times the same field: 12 s in field-merge validation.
	{"a wide selection", "{ stats { " + strings.Repeat("releases ", 4900) + "} }", nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"a wide selection through fragments", "{ stats { ...A ...A ...A ...A } } fragment A on Stats { " + strings.Repeat("a: releases ", 100) + "}", nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"a million-byte search", `{ search(text: "` + strings.Repeat("a", 1<<20-100) + `") { id } }`, nil, "INVALID"},
	{"a long search text in a variable", `query($t: String!) { a: search(text: $t) { id } b: search(text: $t) { id } }`,
		map[string]any{"t": strings.Repeat("ä", 2000)}, "INVALID"},
	{"a long list in a variable", `query($t: [RelationType!]) { neighborhood(id: "state:bayern", types: $t) { nodes { id } } }`,
		map[string]any{"t": strings.Split(strings.Repeat("MEMBER_OF,", 10000), ",")}, "INVALID"},
	{"4,000 aliases of network", aliases(4000, `network(asOf: "2024-01-01") { nodes { totalCount } }`), nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"11 aliases of network", aliases(11, `network(asOf: "2024-01-01") { nodes { totalCount } }`), nil, "COMPLEXITY_LIMIT_EXCEEDED"},
	{"51 aliases of search", aliases(51, `search(text: "bayern") { id }`), nil, "COMPLEXITY_LIMIT_EXCEEDED"},
	{"2,100 fields across selections", aliases(14, `stats { `+strings.Repeat("releases ", 150)+`}`), nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"nested fragment spreads a level apart", nestedBomb(20), nil, "DOCUMENT_LIMIT_EXCEEDED"},
	{"many aliases through a fragment", `{ ...Q ...Q ...Q } fragment Q on Query {` + aliases(5, `analytics { modularity }`)[1:], nil, "COMPLEXITY_LIMIT_EXCEEDED"},
}

// TestHostileRequestsByGET: a GET without a header that a cross-site page cannot send is
// refused, and with it the document limits hold as for POST.
func TestHostileRequestsByGET(t *testing.T) {
	h := MustHandler(t)
	get := func(query string, header bool) response {
		req := httptest.NewRequest(http.MethodGet, "/graphql?"+url.Values{"query": {query}}.Encode(), nil)
		if header {
			req.Header.Set("GraphQL-Require-Preflight", "1")
		}
		return serve(t, h, req)
	}
	if got := get(`{ stats { releases } }`, false).code(t); got != "INVALID" {
		t.Errorf("GET without the preflight header: code %q, want INVALID", got)
	}
	bomb := fragmentBomb(39, "Stats", "releases entities", "{ stats { ...F%d } }")
	if got := get(bomb, true).code(t); got != "DOCUMENT_LIMIT_EXCEEDED" {
		t.Errorf("GET of nested fragment spreads: code %q, want DOCUMENT_LIMIT_EXCEEDED", got)
	}
}

// TestDocumentLimitsLetOrdinaryQueriesPass: the limits leave room for what clients ask.
func TestDocumentLimitsLetOrdinaryQueriesPass(t *testing.T) {
	h := MustHandler(t)
	for _, query := range []string{
		aliases(10, `network { nodes { totalCount } }`),
		aliases(50, `search(text: "bayern") { id }`),
		aliases(250, `entity(id: "state:bayern") { id }`),
		fragmentBomb(7, "Stats", "releases entities", "{ stats { ...F%d } }"),
		`{ search(text: "` + strings.Repeat("ä", 500) + `") { id } }`,
		introspection,
	} {
		if resp := Post(t, h, query, nil); len(resp.Errors) > 0 {
			t.Errorf("%.80s…: %+v", query, resp.Errors)
		}
	}
}

func BenchmarkHostileRequests(b *testing.B) {
	h := MustHandler(b)
	for _, tt := range hostile {
		b.Run(strings.ReplaceAll(tt.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				Post(b, h, tt.query, tt.vars)
			}
		})
	}
}
