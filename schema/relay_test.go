package schema_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/egovgraph/egovgraph/schema"
)

func TestNode(t *testing.T) {
	h := MustHandler(t)
	const query = `query($id: ID!) { node(id: $id) { __typename id
		... on Entity { name } ... on Relation { weight } ... on Release { title } } }`
	for _, tt := range []struct{ id, typename, field, want string }{
		{"state:bayern", "Entity", "name", "Bayern"},
		{"MEMBER_OF:state:bayern>org:govdigital", "Relation", "weight", "2"},
		{"HOLDS_ROLE:person:judith-gerlach>state:bayern:digitalministerin", "Relation", "weight", "1"},
		{bayernJoins.ID, "Release", "title", "Bayern wird Mitglied von govdigital"},
	} {
		var data struct{ Node map[string]any }
		MustQuery(t, h, query, map[string]any{"id": tt.id}, &data)
		if data.Node == nil || data.Node["__typename"] != tt.typename || data.Node["id"] != tt.id {
			t.Errorf("node(%q) = %v, want a %s with that id", tt.id, data.Node, tt.typename)
			continue
		}
		if got := strings.TrimSuffix(jsonText(data.Node[tt.field]), "\n"); got != tt.want && got != `"`+tt.want+`"` {
			t.Errorf("node(%q).%s = %s, want %s", tt.id, tt.field, got, tt.want)
		}
	}
	for _, id := range []string{"state:atlantis", "MEMBER_OF:state:bayern>org:nowhere", "no-such-release", "BOGUS:x>y"} {
		var data struct{ Node map[string]any }
		MustQuery(t, h, query, map[string]any{"id": id}, &data)
		if data.Node != nil {
			t.Errorf("node(%q) = %v, want null", id, data.Node)
		}
	}

	var data struct{ Nodes []map[string]any }
	MustQuery(t, h, `{ nodes(ids: ["org:govdigital", "state:atlantis", "state:hessen"]) { id } }`, nil, &data)
	want := []map[string]any{{"id": "org:govdigital"}, nil, {"id": "state:hessen"}}
	if !reflect.DeepEqual(data.Nodes, want) {
		t.Errorf("nodes = %v, want %v", data.Nodes, want)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestEveryListPagesBothWays walks each list forward by first/after and backward by
// last/before, two items a page, and wants the same items in the same order with PageInfo
// telling the truth at every step.
func TestEveryListPagesBothWays(t *testing.T) {
	h := MustHandler(t)
	// Each query has ARGS where the paging arguments go; path leads to the connection.
	// min is how many items the list has at least on the fixtures.
	for _, tt := range []struct {
		name, query string
		path        []string
		min         int
	}{
		{"entities", `entities(ARGS)`, []string{"entities"}, 8},
		{"entities by name", `entities(orderBy: {field: NAME, direction: DESC}, ARGS)`, []string{"entities"}, 8},
		{"relations", `relations(ARGS)`, []string{"relations"}, 7},
		{"relations by first seen", `relations(orderBy: {field: FIRST_SEEN}, ARGS)`, []string{"relations"}, 7},
		{"entity relations", `entity(id: "state:bayern") { relations(ARGS)`, []string{"entity", "relations"}, 4},
		{"releases", `releases(ARGS)`, []string{"releases"}, 4},
		{"changes", `changes(ARGS)`, []string{"changes"}, 6},
		{"posts", `posts(ARGS)`, []string{"posts"}, 2},
		{"network nodes", `network { nodes(ARGS)`, []string{"network", "nodes"}, 8},
		{"network relations", `network { relations(orderBy: {field: WEIGHT, direction: DESC}, ARGS)`, []string{"network", "relations"}, 7},
		{"centrality", `analytics { centrality(orderBy: PAGERANK, ARGS)`, []string{"analytics", "centrality"}, 8},
		{"communities", `analytics { communities(ARGS)`, []string{"analytics", "communities"}, 2},
		{"co-membership", `coMembership(id: "state:hessen", ARGS)`, []string{"coMembership"}, 1},
		{"state partners", `stateSummary(id: "DE-BY") { partners(ARGS)`, []string{"stateSummary", "partners"}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			size := strconv.Itoa(max(1, tt.min/3))
			ask := func(args string) connectionPage {
				q := strings.Replace(tt.query, "ARGS", args, 1)
				q += ` { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } }`
				q += strings.Repeat(" }", strings.Count(tt.query, "{")-strings.Count(tt.query, "}"))
				var data map[string]json.RawMessage
				MustQuery(t, h, "{ "+q+" }", nil, &data)
				raw := data[tt.path[0]]
				for _, key := range tt.path[1:] {
					var m map[string]json.RawMessage
					json.Unmarshal(raw, &m)
					raw = m[key]
				}
				var c connectionPage
				if err := json.Unmarshal(raw, &c); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				return c
			}
			all := ask("first: 500")
			if all.TotalCount < tt.min || len(all.cursors()) != all.TotalCount || all.PageInfo.HasNextPage || all.PageInfo.HasPreviousPage {
				t.Fatalf("whole list: %+v, want %d items or more on one page", all, tt.min)
			}
			var forward []string
			for args := "first: " + size; ; {
				c := ask(args)
				if c.PageInfo.HasPreviousPage != (len(forward) > 0) {
					t.Errorf("page after %d items: hasPreviousPage %v", len(forward), c.PageInfo.HasPreviousPage)
				}
				forward = append(forward, c.cursors()...)
				if *c.PageInfo.StartCursor != c.cursors()[0] {
					t.Errorf("startCursor %s, want the first cursor %s", *c.PageInfo.StartCursor, c.cursors()[0])
				}
				if !c.PageInfo.HasNextPage {
					break
				}
				args = "first: " + size + `, after: "` + *c.PageInfo.EndCursor + `"`
			}
			var backward []string
			for args := "last: " + size; ; {
				c := ask(args)
				if c.PageInfo.HasNextPage != (len(backward) > 0) {
					t.Errorf("page before %d items: hasNextPage %v", len(backward), c.PageInfo.HasNextPage)
				}
				backward = append(c.cursors(), backward...)
				if !c.PageInfo.HasPreviousPage {
					break
				}
				args = "last: " + size + `, before: "` + *c.PageInfo.StartCursor + `"`
			}
			if !slices.Equal(forward, all.cursors()) || !slices.Equal(backward, all.cursors()) {
				t.Errorf("got forward %q and backward %q, want %q", forward, backward, all.cursors())
			}
			// Between two cursors: first and last together.
			c := all.cursors()
			if len(c) < 3 {
				return
			}
			between := ask(`after: "` + c[0] + `", before: "` + c[len(c)-1] + `", last: 1`)
			if got := between.cursors(); len(got) != 1 || got[0] != c[len(c)-2] {
				t.Errorf("last 1 between the ends: got %q, want %q", got, c[len(c)-2])
			}
		})
	}
}

type connectionPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct{ Cursor string }
}

func (c connectionPage) cursors() []string {
	var cs []string
	for _, e := range c.Edges {
		cs = append(cs, e.Cursor)
	}
	return cs
}

func TestPagingErrors(t *testing.T) {
	h := MustHandler(t)
	for _, q := range []string{
		`{ entities(last: 0) { totalCount } }`,
		`{ entities(last: 501) { totalCount } }`,
		`{ releases(before: "bm9wZQ==") { totalCount } }`,
		`{ posts(after: "!!") { totalCount } }`,
	} {
		if got := Post(t, h, q, nil).code(t); got != "INVALID" {
			t.Errorf("%s: got code %q, want INVALID", q, got)
		}
	}
}

// TestWhereAndOrderBy asks each list for a part of it, in an order, and wants the IDs.
func TestWhereAndOrderBy(t *testing.T) {
	h := MustHandler(t)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{`entities(where: {type: PERSON})`, []string{"person:judith-gerlach", "person:michael-stuebgen"}},
		{`entities(where: {typeIn: [TOPIC, ORGANIZATION]}, orderBy: {field: ID, direction: DESC})`,
			[]string{"topic:ein-und-auswanderung", "org:govdigital", "org:dataport"}},
		{`entities(where: {nameContains: "STUEB"})`, []string{"person:michael-stuebgen"}},
		{`entities(where: {idIn: ["state:hessen", "org:govdigital", "state:atlantis"]})`, []string{"org:govdigital", "state:hessen"}},
		{`entities(where: {state: "DE-BY", type: STATE})`, []string{"state:bayern", "state:brandenburg"}},
		{`entities(where: {type: STATE}, orderBy: {field: DEGREE})`, []string{"state:brandenburg", "state:hessen", "state:bayern"}},
		{`entities(where: {type: STATE}, orderBy: {field: NAME})`, []string{"state:bayern", "state:brandenburg", "state:hessen"}},
		{`relations(where: {typeIn: [MEMBER_OF, COOPERATES_WITH], entity: "state:hessen"})`,
			[]string{"COOPERATES_WITH:org:dataport>state:hessen", "MEMBER_OF:state:hessen>org:govdigital"}},
		{`relations(where: {minWeight: 2})`, []string{"MEMBER_OF:state:bayern>org:govdigital"}},
		{`relations(where: {roleContains: "minister", entityTypeIn: [PERSON, STATE]}, orderBy: {field: FIRST_SEEN, direction: DESC})`,
			[]string{"HOLDS_ROLE:person:judith-gerlach>state:bayern:digitalministerin", "HOLDS_ROLE:person:michael-stuebgen>state:brandenburg:innenminister"}},
		// Undated last in either direction.
		{`relations(where: {type: COOPERATES_WITH}, orderBy: {field: LAST_SEEN})`,
			[]string{"COOPERATES_WITH:state:bayern>state:brandenburg", "COOPERATES_WITH:org:dataport>state:hessen"}},
		{`relations(where: {type: COOPERATES_WITH}, orderBy: {field: LAST_SEEN, direction: DESC})`,
			[]string{"COOPERATES_WITH:state:bayern>state:brandenburg", "COOPERATES_WITH:org:dataport>state:hessen"}},
		{`relations(where: {state: "state:hessen"}, orderBy: {field: CONFIDENCE, direction: DESC})`,
			[]string{"MEMBER_OF:state:hessen>org:govdigital", "COOPERATES_WITH:org:dataport>state:hessen"}},
		{`releases(orderBy: {field: DATE})`, []string{brandenburgBayern.ID, bayernJoins.ID, newMembers.ID, undated.ID}},
		{`releases(where: {since: "2021-06-01", until: "2022-12-31"}, orderBy: {field: TITLE, direction: DESC})`, []string{newMembers.ID, bayernJoins.ID}},
		{`releases(where: {titleContains: "hessen"})`, []string{undated.ID}},
		{`releases(where: {mentions: "state:brandenburg"})`, []string{brandenburgBayern.ID}},
		{`changes(where: {type: MEMBER_OF}, orderBy: {field: ID, direction: DESC})`,
			[]string{"MEMBER_OF:state:hessen>org:govdigital", "MEMBER_OF:state:bayern>org:govdigital"}},
		{`entity(id: "state:bayern") { relations(where: {type: MEMBER_OF})`, []string{"MEMBER_OF:state:bayern>org:govdigital"}},
		{`network(where: {state: "state:hessen"}) { relations(orderBy: {field: FIRST_SEEN, direction: DESC})`,
			[]string{"MEMBER_OF:state:hessen>org:govdigital", "COOPERATES_WITH:org:dataport>state:hessen"}},
		{`network { nodes(orderBy: {field: DEGREE, direction: DESC}, first: 2)`, []string{"state:bayern", "org:govdigital"}},
		{`analytics { centrality(where: {type: STATE})`, []string{"state:bayern", "state:brandenburg", "state:hessen"}},
	} {
		sel := "id"
		if strings.Contains(tt.query, "centrality") {
			sel = "entity { id }"
		}
		q := tt.query + ` { edges { node { ` + sel + ` } } }` +
			strings.Repeat(" }", strings.Count(tt.query, "{")-strings.Count(tt.query, "}"))
		var data map[string]any
		MustQuery(t, h, "{ "+q+" }", nil, &data)
		if got := ids(data); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.query, got, tt.want)
		}
	}
}

// ids returns the ids in the answer, in order.
func ids(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if id, ok := v["id"].(string); ok {
			return []string{id}
		}
		for _, k := range []string{"entities", "relations", "releases", "changes", "entity", "network", "nodes", "analytics", "centrality", "edges", "node"} {
			if x, ok := v[k]; ok {
				out = append(out, ids(x)...)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, ids(x)...)
		}
	}
	return out
}

// TestDeprecatedNamesStillAnswer sends the names of the previous release: they answer as
// before, in the new names' values.
func TestDeprecatedNamesStillAnswer(t *testing.T) {
	h := MustHandler(t)
	for _, tt := range []struct{ old, new string }{
		{`{ entities(type: State) { totalCount } }`, `{ entities(where: {type: STATE}) { totalCount } }`},
		{`{ analytics { centrality(types: [Person]) { totalCount } } }`, `{ analytics { centrality(where: {typeIn: [PERSON]}) { totalCount } } }`},
		{`{ relations(type: MEMBER_OF, from: "state:bayern", since: "2021-01-01", until: "2021-12-31") { totalCount } }`,
			`{ relations(where: {type: MEMBER_OF, from: "state:bayern", since: "2021-01-01", until: "2021-12-31"}) { totalCount } }`},
		{`{ network(filter: {entityTypes: [State, Organization]}) { edges { totalCount } } }`,
			`{ network(where: {entityTypes: [STATE, ORGANIZATION]}) { edges: relations { totalCount } } }`},
		{`{ posts(party: "state:bayern", role: "Digitalminister") { totalCount } }`,
			`{ posts(where: {party: "state:bayern", role: "Digitalminister"}) { totalCount } }`},
		{`{ entity(id: "state:bayern") { relations(types: [MEMBER_OF]) { totalCount } } }`,
			`{ entity(id: "state:bayern") { relations(where: {typeIn: [MEMBER_OF]}) { totalCount } } }`},
	} {
		var old, new map[string]any
		MustQuery(t, h, tt.old, nil, &old)
		MustQuery(t, h, tt.new, nil, &new)
		if !reflect.DeepEqual(old, new) || strings.Contains(jsonText(new), `"totalCount":0`) {
			t.Errorf("%s = %v\n%s = %v\nwant the same, not empty", tt.old, old, tt.new, new)
		}
	}
	var data struct{ Entity struct{ Type string } }
	MustQuery(t, h, `{ entity(id: "person:judith-gerlach") { type } }`, nil, &data)
	if data.Entity.Type != "PERSON" {
		t.Errorf("type = %q, want PERSON", data.Entity.Type)
	}
	if got := Post(t, h, `{ network(where: {}, filter: {}) { version } }`, nil).code(t); got != "INVALID" {
		t.Errorf("network with where and filter: code %q, want INVALID", got)
	}
}

func TestSDL(t *testing.T) {
	rec := httptest.NewRecorder()
	schema.SDL().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/schema.graphql", nil))
	body, _ := io.ReadAll(rec.Body)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql") {
		t.Errorf("Content-Type %q, want application/graphql", ct)
	}
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(body)})
	if err != nil {
		t.Fatalf("the SDL does not parse: %v", err)
	}
	node := s.Types["Node"]
	if node == nil || node.Kind != ast.Interface || !slices.ContainsFunc(s.PossibleTypes["Node"], func(d *ast.Definition) bool { return d.Name == "Release" }) {
		t.Errorf("the SDL lacks interface Node implemented by Release")
	}
	if s.Subscription == nil || s.Subscription.Fields.ForName("releaseAdded") == nil {
		t.Errorf("the SDL lacks Subscription.releaseAdded")
	}
	if v := s.Types["EntityType"].EnumValues.ForName("State"); v == nil || v.Directives.ForName("deprecated") == nil {
		t.Errorf("the SDL lacks the deprecated EntityType value State")
	}
	if f := s.Types["Query"].Fields.ForName("entities"); f == nil || f.Description == "" {
		t.Errorf("the SDL lacks the description of Query.entities")
	}
}

// TestPersistedQueries sends a query by its hash alone, as Apollo's clients do: unknown
// at first, known once sent with its text.
func TestPersistedQueries(t *testing.T) {
	h := MustHandler(t)
	const query = `{ stats { releases } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	send := func(body map[string]any) response {
		b, _ := json.Marshal(body)
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/json")
		return serve(t, h, req)
	}
	if got := send(map[string]any{"extensions": ext}).code(t); got != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("unknown hash: code %q, want PERSISTED_QUERY_NOT_FOUND", got)
	}
	if r := send(map[string]any{"query": query, "extensions": ext}); len(r.Errors) > 0 {
		t.Fatalf("query with its hash: %+v", r.Errors)
	}
	r := send(map[string]any{"extensions": ext})
	if len(r.Errors) > 0 || string(r.Data) != `{"stats":{"releases":4}}` {
		t.Errorf("hash alone: data %s errors %+v, want 4 releases", r.Data, r.Errors)
	}
	bad := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}
	if r := send(map[string]any{"query": query, "extensions": bad}); len(r.Errors) != 1 || r.Data != nil && string(r.Data) != "null" {
		t.Errorf("a query with another's hash: data %s errors %+v, want an error", r.Data, r.Errors)
	}
}
