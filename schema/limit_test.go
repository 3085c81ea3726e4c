package schema_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/schema"
)

func TestLimits(t *testing.T) {
	h := MustHandler(t)
	deep := `{ entity(id: "state:bayern") { relations { edges { node { from { relations { edges { node { to {
		relations { edges { node { from { relations { edges { node { id } } } } } } } } } } } } } } } } }`
	tests := []struct {
		name  string
		query string
		code  string
	}{
		{"nested pages", `{ entities(first: 500) { edges { node { relations(first: 500) { edges { node { id } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"nested pages of communities", `{ analytics { communities(first: 500) { edges { node { members(first: 500) { edges { node { id } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"relations of a network's nodes", `{ network { nodes(first: 500) { edges { node { entity { relations(first: 100) { edges { node { id } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"posts and holders", `{ posts(first: 500) { edges { node { holders(first: 500) { edges { node { roles } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"deep", deep, "DEPTH_LIMIT_EXCEEDED"},
		{"deep through fragments", `{ entity(id: "state:bayern") { ...a } }
			fragment a on Entity { relations { edges { node { from { ...b } } } } }
			fragment b on Entity { relations { edges { node { to { ...c } } } } }
			fragment c on Entity { relations { edges { node { from { ...d } } } } }
			fragment d on Entity { relations { edges { node { id } } } }`, "DEPTH_LIMIT_EXCEEDED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := Post(t, h, tt.query, nil)
			if got := resp.code(t); got != tt.code {
				t.Errorf("got code %q (%s), want %q", got, resp.Errors[0].Message, tt.code)
			}
		})
	}
}

func TestLimitsLetOrdinaryQueriesPass(t *testing.T) {
	h := MustHandler(t)
	for _, query := range []string{
		// Two levels of default pages with the ends and evidence of each relation.
		`{ entities { edges { node { name relations { edges { node { from { name } to { name }
			evidence { sentence date release { title date } } } } } } } } }`,
		// A dashboard's network, whole pages of it.
		`{ network(filter: {relationTypes: [MEMBER_OF]}) { version
			nodes(first: 500) { totalCount edges { node { id name type degree community } } }
			edges(first: 500) { totalCount edges { node { id type from to firstSeen lastSeen weight } } } } }`,
		// Paths with every relation's evidence.
		`{ path(from: "state:bayern", to: "state:hessen") { totalCount edges { node { length nodes { id name }
			steps { from { id } to { id } relations { id type evidence { sentence date release { title } } } } } } } }`,
		// A path of relations nine fields deep.
		`{ entity(id: "state:bayern") { relations { edges { node { from { relations { edges { node { id } } } } } } } } }`,
		introspection,
	} {
		if resp := Post(t, h, query, nil); len(resp.Errors) > 0 {
			t.Errorf("query %.60s…: got errors %+v, want none", query, resp.Errors)
		}
	}
}

// introspection is the query GraphiQL asks first, trimmed of descriptions.
const introspection = `query IntrospectionQuery { __schema {
	queryType { name } mutationType { name } subscriptionType { name }
	types { ...FullType }
	directives { name locations args { ...InputValue } } } }
fragment FullType on __Type { kind name
	fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
	inputFields { ...InputValue } interfaces { ...TypeRef }
	enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
	kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

func TestIntrospectionCanBeDisabled(t *testing.T) {
	h := schema.NewHandler(MustOpenStore(t), schema.Options{DisableIntrospection: true})
	for _, query := range []string{
		`{ __schema { queryType { name } } }`,
		`{ stats { releases } ... on Query { __type(name: "Entity") { name } } }`,
	} {
		if got := Post(t, h, query, nil).code(t); got != "INTROSPECTION_DISABLED" {
			t.Errorf("%s: got code %q, want INTROSPECTION_DISABLED", query, got)
		}
	}
	var data struct{ Stats struct{ Releases int } }
	MustQuery(t, h, `{ stats { releases } }`, nil, &data)
	if data.Stats.Releases != 4 {
		t.Errorf("got %d releases, want 4", data.Stats.Releases)
	}
}

func TestBodyLimit(t *testing.T) {
	h := MustHandler(t)
	pad := strings.Repeat(" ", schema.MaxBodySize)
	body := `{"query": "{ stats { releases } }` + pad + `"}`

	t.Run("declared length", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), `"code":"INVALID"`) {
			t.Errorf("got %d %s, want 413 with code INVALID", w.Code, w.Body)
		}
	})
	t.Run("unknown length", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", struct{ *bytes.Reader }{bytes.NewReader([]byte(body))})
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		resp := serve(t, h, req)
		if len(resp.Errors) != 1 || !strings.Contains(resp.Errors[0].Message, "too large") || string(resp.Data) != "" && string(resp.Data) != "null" {
			t.Errorf("got %s %+v, want one error saying the body is too large", resp.Data, resp.Errors)
		}
	})
}

func TestPlayground(t *testing.T) {
	w := httptest.NewRecorder()
	schema.Playground("egovgraph", "/graphql").ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if body := w.Body.String(); w.Code != http.StatusOK || !strings.Contains(body, "<title>egovgraph</title>") || !strings.Contains(body, "/graphql") {
		t.Errorf("got %d %.200s, want the IDE page titled egovgraph pointing at /graphql", w.Code, body)
	}
}
