package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/schema"
)

// The fixture releases: four short texts written for these tests. Bayern is a member of
// govdigital by the word of two releases; the last release has no date.
var (
	brandenburgBayern = graph.Release{
		Source: "fixtures/brandenburg-und-bayern-kooperieren.md",
		Title:  "Brandenburg und Bayern kooperieren beim Onlinezugang",
		Date:   "2021-03-10",
		Entities: []graph.Entity{
			graph.NewEntity(graph.State, "Brandenburg"),
			graph.NewEntity(graph.State, "Bayern"),
			withAliases(graph.NewEntity(graph.Person, "Michael Stübgen"), "Stübgen"),
			withIdentifiers(graph.NewEntity(graph.Topic, "Ein- und Auswanderung"), "", "", "Ein- und Auswanderung"),
		},
		Facts: []graph.Fact{
			{Type: graph.CooperatesWith, From: "state:brandenburg", To: "state:bayern",
				Sentence: "Beide Länder teilen sich künftig die Arbeit an Onlinediensten.", Confidence: 0.9, Rule: "coop-verb"},
			{Type: graph.HoldsRole, From: "person:michael-stuebgen", To: "state:brandenburg", Role: "Innenminister",
				Sentence: "Innenminister Stübgen begrüßt den Schritt.", Confidence: 0.8, Rule: "role-apposition"},
			{Type: graph.WorksOn, From: "state:bayern", To: "topic:ein-und-auswanderung",
				Sentence: "Bayern übernimmt das Themenfeld Ein- und Auswanderung.", Confidence: 0.7, Rule: "topic-lead"},
		},
	}.WithID()
	bayernJoins = graph.Release{
		Source: "fixtures/bayern-wird-mitglied.md",
		Title:  "Bayern wird Mitglied von govdigital",
		Date:   "2021-07-22",
		Entities: []graph.Entity{
			withIdentifiers(withAliases(graph.NewEntity(graph.State, "Bayern"), "Freistaat Bayern"), "DE-BY", "Q980", ""),
			graph.NewEntity(graph.Organization, "govdigital"),
			graph.NewEntity(graph.Person, "Judith Gerlach"),
		},
		Facts: []graph.Fact{
			{Type: graph.MemberOf, From: "state:bayern", To: "org:govdigital",
				Sentence: "Der Freistaat tritt der Genossenschaft bei.", Confidence: 0.95, Rule: "member-join"},
			{Type: graph.HoldsRole, From: "person:judith-gerlach", To: "state:bayern", Role: "Digitalministerin",
				Sentence: "Digitalministerin Gerlach unterzeichnet.", Confidence: 0.85, Rule: "role-apposition"},
		},
	}.WithID()
	newMembers = graph.Release{
		Source: "fixtures/govdigital-neue-mitglieder.md",
		Title:  "govdigital begrüßt neue Mitglieder",
		Date:   "2022-01-15",
		Entities: []graph.Entity{
			graph.NewEntity(graph.State, "Bayern"),
			graph.NewEntity(graph.State, "Hessen"),
			graph.NewEntity(graph.Organization, "govdigital"),
		},
		Facts: []graph.Fact{
			{Type: graph.MemberOf, From: "state:hessen", To: "org:govdigital",
				Sentence: "Hessen ist nun ebenfalls Mitglied.", Confidence: 0.9, Rule: "member-join"},
			{Type: graph.MemberOf, From: "state:bayern", To: "org:govdigital",
				Sentence: "Bayern gehört seit dem Sommer dazu.", Confidence: 0.6, Rule: "member-state"},
		},
	}.WithID()
	undated = graph.Release{
		Source: "fixtures/dataport-und-hessen.md",
		Title:  "Dataport arbeitet für Hessen",
		Entities: []graph.Entity{
			graph.NewEntity(graph.Organization, "Dataport"),
			graph.NewEntity(graph.State, "Hessen"),
		},
		Facts: []graph.Fact{
			{Type: graph.CooperatesWith, From: "state:hessen", To: "org:dataport",
				Sentence: "Dataport betreibt künftig Verfahren für Hessen.", Confidence: 0.5, Rule: "coop-verb"},
		},
	}.WithID()
)

func withAliases(e graph.Entity, aliases ...string) graph.Entity {
	e.Aliases = aliases
	return e
}

func withIdentifiers(e graph.Entity, iso3166, wikidata, themenfeld string) graph.Entity {
	e.ISO3166, e.Wikidata, e.Themenfeld = iso3166, wikidata, themenfeld
	return e
}

// MustOpenStore returns an embedded store in a temporary directory holding the fixture
// releases; it is closed when the test ends.
func MustOpenStore(tb testing.TB) graph.Store {
	tb.Helper()
	s, err := bolt.Open(filepath.Join(tb.TempDir(), "egovgraph.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close store: %v", err)
		}
	})
	for _, r := range []graph.Release{brandenburgBayern, bayernJoins, newMembers, undated} {
		if _, err := s.PutRelease(context.Background(), r); err != nil {
			tb.Fatalf("PutRelease(%s): %v", r.Source, err)
		}
	}
	return s
}

// response is a GraphQL response as a client reads it.
type response struct {
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Path       []any
		Extensions map[string]any
	}
}

// code returns extensions.code of the only error, failing tb unless there is exactly one.
func (r response) code(tb testing.TB) string {
	tb.Helper()
	if len(r.Errors) != 1 {
		tb.Fatalf("got %d errors %+v, want 1", len(r.Errors), r.Errors)
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// Post sends query with vars to h by POST and returns the decoded response.
func Post(tb testing.TB, h http.Handler, query string, vars map[string]any) response {
	tb.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		tb.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return serve(tb, h, req)
}

func serve(tb testing.TB, h http.Handler, req *http.Request) response {
	tb.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var resp response
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		tb.Fatalf("status %d, body %q: %v", w.Code, w.Body.String(), err)
	}
	return resp
}

// MustQuery posts query with vars to h, fails tb on any error in the response and decodes
// its data into data.
func MustQuery(tb testing.TB, h http.Handler, query string, vars map[string]any, data any) {
	tb.Helper()
	resp := Post(tb, h, query, vars)
	if len(resp.Errors) > 0 {
		tb.Fatalf("query %s: errors %+v", query, resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, data); err != nil {
		tb.Fatalf("decode %s: %v", resp.Data, err)
	}
}

// MustHandler returns the handler over the fixture store with the default options.
func MustHandler(tb testing.TB) http.Handler {
	tb.Helper()
	return schema.NewHandler(MustOpenStore(tb), schema.Options{})
}

type entity struct {
	ID, Type, Name string
	Aliases        []string
}

type evidence struct {
	Sentence, Rule string
	Date           *string
	Confidence     float64
	Release        struct{ ID, Title, Source string }
}

type relation struct {
	ID, Type            string
	From, To            entity
	Role                *string
	FirstSeen, LastSeen *string
	Confidence          float64
	Weight              int
	Evidence            []evidence
}

type pageInfo struct {
	HasNextPage bool
	EndCursor   *string
}

type relationConnection struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []struct {
		Cursor string
		Node   relation
	}
}

func (c relationConnection) ids() []string {
	var ids []string
	for _, e := range c.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

const relationFields = `totalCount pageInfo { hasNextPage endCursor }
	edges { cursor node { id type from { id name } to { id name } role firstSeen lastSeen confidence weight
		evidence { sentence date confidence rule release { id title source } } } }`

func str(s string) *string { return &s }

func TestEntity(t *testing.T) {
	h := MustHandler(t)
	var data struct {
		Entity struct {
			entity
			All, Out, In relationConnection
		}
	}
	MustQuery(t, h, `query($id: ID!) { entity(id: $id) { id type name aliases
		all: relations { `+relationFields+` }
		out: relations(direction: OUT) { `+relationFields+` }
		in: relations(direction: IN, types: [HOLDS_ROLE, COOPERATES_WITH]) { `+relationFields+` } } }`,
		map[string]any{"id": "state:bayern"}, &data)

	e := data.Entity
	if want := (entity{ID: "state:bayern", Type: "STATE", Name: "Bayern", Aliases: []string{"Freistaat Bayern"}}); !reflect.DeepEqual(e.entity, want) {
		t.Errorf("entity: got %+v, want %+v", e.entity, want)
	}
	member := graph.RelationID(graph.MemberOf, "state:bayern", "org:govdigital", "")
	coop := graph.RelationID(graph.CooperatesWith, "state:bayern", "state:brandenburg", "")
	works := graph.RelationID(graph.WorksOn, "state:bayern", "topic:ein-und-auswanderung", "")
	role := graph.RelationID(graph.HoldsRole, "person:judith-gerlach", "state:bayern", "Digitalministerin")
	for _, tt := range []struct {
		name string
		got  relationConnection
		want []string
	}{
		{"both", e.All, []string{coop, role, member, works}},
		{"out", e.Out, []string{coop, member, works}},
		{"in", e.In, []string{coop, role}},
	} {
		if got := tt.got.ids(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got relations %q, want %q", tt.name, got, tt.want)
		}
		if tt.got.TotalCount != len(tt.want) || tt.got.PageInfo.HasNextPage {
			t.Errorf("%s: got totalCount %d, hasNextPage %v, want %d, false", tt.name, tt.got.TotalCount, tt.got.PageInfo.HasNextPage, len(tt.want))
		}
	}

	var m relation
	for _, edge := range e.All.Edges {
		if edge.Node.ID == member {
			m = edge.Node
		}
	}
	want := relation{
		ID: member, Type: "MEMBER_OF",
		From:      entity{ID: "state:bayern", Name: "Bayern"},
		To:        entity{ID: "org:govdigital", Name: "govdigital"},
		FirstSeen: str("2021-07-22"), LastSeen: str("2022-01-15"),
		Confidence: 0.95, Weight: 2,
		Evidence: []evidence{
			{Sentence: "Der Freistaat tritt der Genossenschaft bei.", Rule: "member-join", Date: str("2021-07-22"), Confidence: 0.95,
				Release: struct{ ID, Title, Source string }{bayernJoins.ID, bayernJoins.Title, bayernJoins.Source}},
			{Sentence: "Bayern gehört seit dem Sommer dazu.", Rule: "member-state", Date: str("2022-01-15"), Confidence: 0.6,
				Release: struct{ ID, Title, Source string }{newMembers.ID, newMembers.Title, newMembers.Source}},
		},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("MEMBER_OF relation:\n got %+v\nwant %+v", m, want)
	}
	for _, edge := range e.All.Edges {
		if r := edge.Node; r.ID == role && (r.Role == nil || *r.Role != "Digitalministerin") {
			t.Errorf("HOLDS_ROLE role: got %v, want Digitalministerin", r.Role)
		} else if r.ID != role && r.Role != nil {
			t.Errorf("%s role: got %q, want null", r.ID, *r.Role)
		}
	}
}

func TestEntityNotFoundIsNull(t *testing.T) {
	resp := Post(t, MustHandler(t), `{ entity(id: "state:atlantis") { id } release(id: "nope-00000000") { id } }`, nil)
	if len(resp.Errors) > 0 {
		t.Fatalf("got errors %+v, want none", resp.Errors)
	}
	if got, want := string(resp.Data), `{"entity":null,"release":null}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestEntitiesPaging(t *testing.T) {
	h := MustHandler(t)
	type conn struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   entity
		}
	}
	query := `query($after: String) { entities(where: {type: STATE}, first: 2, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type name } } } }`
	var got []string
	var after any
	for range 3 {
		var data struct{ Entities conn }
		MustQuery(t, h, query, map[string]any{"after": after}, &data)
		c := data.Entities
		if c.TotalCount != 3 {
			t.Errorf("totalCount: got %d, want 3", c.TotalCount)
		}
		for _, e := range c.Edges {
			if e.Node.Type != "STATE" {
				t.Errorf("%s: got type %s, want STATE", e.Node.ID, e.Node.Type)
			}
			got = append(got, e.Node.ID)
		}
		if n := len(c.Edges); n == 0 || c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[n-1].Cursor {
			t.Fatalf("page after %v: got %d edges and endCursor %v, want endCursor the last edge's cursor", after, n, c.PageInfo.EndCursor)
		}
		if strings.Contains(*c.PageInfo.EndCursor, "state:") {
			t.Errorf("cursor %q shows the ID; want it opaque", *c.PageInfo.EndCursor)
		}
		if !c.PageInfo.HasNextPage {
			break
		}
		after = *c.PageInfo.EndCursor
	}
	want := []string{"state:bayern", "state:brandenburg", "state:hessen"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paged through %q, want %q", got, want)
	}
}

func TestRelationsFilters(t *testing.T) {
	h := MustHandler(t)
	member := graph.RelationID(graph.MemberOf, "state:bayern", "org:govdigital", "")
	hessen := graph.RelationID(graph.MemberOf, "state:hessen", "org:govdigital", "")
	coop := graph.RelationID(graph.CooperatesWith, "state:bayern", "state:brandenburg", "")
	dataport := graph.RelationID(graph.CooperatesWith, "org:dataport", "state:hessen", "")
	works := graph.RelationID(graph.WorksOn, "state:bayern", "topic:ein-und-auswanderung", "")
	stuebgen := graph.RelationID(graph.HoldsRole, "person:michael-stuebgen", "state:brandenburg", "Innenminister")
	tests := []struct {
		name string
		args string
		want []string
	}{
		{"type", `type: MEMBER_OF`, []string{member, hessen}},
		{"from and to", `from: "state:bayern", to: "org:govdigital"`, []string{member}},
		{"symmetric in reverse", `from: "state:brandenburg", to: "state:bayern"`, []string{coop}},
		{"to", `to: "org:govdigital"`, []string{member, hessen}},
		{"since", `since: "2022-01-01"`, []string{member, hessen}},
		{"until", `until: "2021-06-30"`, []string{coop, stuebgen, works}},
		{"since and until", `type: MEMBER_OF, since: "2021-07-01", until: "2021-12-31"`, []string{member}},
		{"undated never in a date range", `type: COOPERATES_WITH, since: "1900-01-01"`, []string{coop}},
		{"type without dates", `type: COOPERATES_WITH`, []string{dataport, coop}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data struct{ Relations relationConnection }
			MustQuery(t, h, `{ relations(`+tt.args+`) { `+relationFields+` } }`, nil, &data)
			if got := data.Relations.ids(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("relations(%s): got %q, want %q", tt.args, got, tt.want)
			}
			if data.Relations.TotalCount != len(tt.want) {
				t.Errorf("relations(%s): got totalCount %d, want %d", tt.args, data.Relations.TotalCount, len(tt.want))
			}
		})
	}
}

func TestRelationsPaging(t *testing.T) {
	h := MustHandler(t)
	var first struct{ Relations relationConnection }
	MustQuery(t, h, `{ relations(first: 4) { `+relationFields+` } }`, nil, &first)
	if got := len(first.Relations.Edges); got != 4 || !first.Relations.PageInfo.HasNextPage || first.Relations.TotalCount != 7 {
		t.Fatalf("first page: got %d edges, hasNextPage %v, totalCount %d; want 4, true, 7",
			got, first.Relations.PageInfo.HasNextPage, first.Relations.TotalCount)
	}
	var next struct{ Relations relationConnection }
	MustQuery(t, h, `query($after: String) { relations(first: 4, after: $after) { `+relationFields+` } }`,
		map[string]any{"after": *first.Relations.PageInfo.EndCursor}, &next)
	if got := len(next.Relations.Edges); got != 3 || next.Relations.PageInfo.HasNextPage {
		t.Fatalf("second page: got %d edges, hasNextPage %v; want 3, false", got, next.Relations.PageInfo.HasNextPage)
	}
	if a, b := first.Relations.ids()[3], next.Relations.ids()[0]; a >= b {
		t.Errorf("second page starts with %s, not after %s", b, a)
	}
}

func TestSearch(t *testing.T) {
	h := MustHandler(t)
	tests := []struct {
		text  string
		first int
		want  []string
	}{
		{"stuebgen", 20, []string{"person:michael-stuebgen"}},
		{"STÜBGEN", 20, []string{"person:michael-stuebgen"}},
		{"freistaat", 20, []string{"state:bayern"}},
		{"b", 20, []string{"state:bayern", "state:brandenburg", "person:michael-stuebgen"}},
		{"b", 1, []string{"state:bayern"}},
		{"atlantis", 20, nil},
	}
	for _, tt := range tests {
		var data struct{ Search []entity }
		MustQuery(t, h, `query($text: String!, $first: Int!) { search(text: $text, first: $first) { id name } }`,
			map[string]any{"text": tt.text, "first": tt.first}, &data)
		var got []string
		for _, e := range data.Search {
			got = append(got, e.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("search(%q, %d): got %q, want %q", tt.text, tt.first, got, tt.want)
		}
	}
}

func TestNeighborhood(t *testing.T) {
	h := MustHandler(t)
	tests := []struct {
		name      string
		args      string
		wantNodes []string
		wantEdges []string
	}{
		{"depth 1", `id: "person:michael-stuebgen"`,
			[]string{"person:michael-stuebgen", "state:brandenburg"},
			[]string{graph.RelationID(graph.HoldsRole, "person:michael-stuebgen", "state:brandenburg", "Innenminister")}},
		{"depth 2", `id: "person:michael-stuebgen", depth: 2`,
			[]string{"person:michael-stuebgen", "state:bayern", "state:brandenburg"},
			[]string{
				graph.RelationID(graph.CooperatesWith, "state:bayern", "state:brandenburg", ""),
				graph.RelationID(graph.HoldsRole, "person:michael-stuebgen", "state:brandenburg", "Innenminister"),
			}},
		{"depth 2 of one type", `id: "state:hessen", depth: 2, types: [MEMBER_OF]`,
			[]string{"org:govdigital", "state:bayern", "state:hessen"},
			[]string{
				graph.RelationID(graph.MemberOf, "state:bayern", "org:govdigital", ""),
				graph.RelationID(graph.MemberOf, "state:hessen", "org:govdigital", ""),
			}},
		// Its own relation before the others'.
		{"first 1 of depth 2", `id: "state:hessen", depth: 2, types: [MEMBER_OF], first: 1`,
			[]string{"org:govdigital", "state:hessen"},
			[]string{graph.RelationID(graph.MemberOf, "state:hessen", "org:govdigital", "")}},
		// Before Bayern joined govdigital and Gerlach was named.
		{"as of a day", `id: "state:bayern", asOf: "2021-06-30"`,
			[]string{"state:bayern", "state:brandenburg", "topic:ein-und-auswanderung"},
			[]string{
				graph.RelationID(graph.CooperatesWith, "state:bayern", "state:brandenburg", ""),
				graph.RelationID(graph.WorksOn, "state:bayern", "topic:ein-und-auswanderung", ""),
			}},
		{"as of a day, depth 2", `id: "state:hessen", depth: 2, asOf: "2022-01-15"`,
			[]string{"org:govdigital", "state:bayern", "state:hessen"},
			[]string{
				graph.RelationID(graph.MemberOf, "state:bayern", "org:govdigital", ""),
				graph.RelationID(graph.MemberOf, "state:hessen", "org:govdigital", ""),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data struct {
				Neighborhood struct {
					Nodes []entity
					Edges []relation
				}
			}
			MustQuery(t, h, `{ neighborhood(`+tt.args+`) { nodes { id name } edges { id from { id } to { id } } } }`, nil, &data)
			var nodes, edges []string
			for _, n := range data.Neighborhood.Nodes {
				nodes = append(nodes, n.ID)
			}
			for _, e := range data.Neighborhood.Edges {
				edges = append(edges, e.ID)
			}
			if !reflect.DeepEqual(nodes, tt.wantNodes) {
				t.Errorf("nodes: got %q, want %q", nodes, tt.wantNodes)
			}
			if !reflect.DeepEqual(edges, tt.wantEdges) {
				t.Errorf("edges: got %q, want %q", edges, tt.wantEdges)
			}
		})
	}
}

func TestNeighborhoodTruncated(t *testing.T) {
	h := MustHandler(t)
	var data struct {
		Neighborhood struct {
			TotalNodes, TotalEdges int
			Truncated              bool
			Edges                  []relation
		}
	}
	const q = `query($first: Int!) { neighborhood(id: "state:hessen", depth: 2, types: [MEMBER_OF], first: $first) {
		totalNodes totalEdges truncated edges { id } } }`
	for _, tt := range []struct {
		first, edges int
		truncated    bool
	}{{1, 1, true}, {2, 2, false}, {500, 2, false}} {
		MustQuery(t, h, q, map[string]any{"first": tt.first}, &data)
		n := data.Neighborhood
		if n.TotalNodes != 3 || n.TotalEdges != 2 || n.Truncated != tt.truncated || len(n.Edges) != tt.edges {
			t.Errorf("first %d: got %+v, want 3 nodes and 2 edges in all, %d returned, truncated %v", tt.first, n, tt.edges, tt.truncated)
		}
	}
}

func TestReleases(t *testing.T) {
	h := MustHandler(t)
	type fact struct {
		Type       string
		From, To   entity
		Role       *string
		Sentence   string
		Confidence float64
		Rule       string
	}
	var data struct {
		Releases struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID, Title, Source string
					Date              *string
					Entities          []entity
					Facts             []fact
				}
			}
		}
	}
	MustQuery(t, h, `{ releases { totalCount edges { node { id title source date
		entities { id name } facts { type from { id name } to { id name } role sentence confidence rule } } } } }`, nil, &data)

	var got []string
	for _, e := range data.Releases.Edges {
		got = append(got, e.Node.ID)
	}
	want := []string{newMembers.ID, bayernJoins.ID, brandenburgBayern.ID, undated.ID}
	if !reflect.DeepEqual(got, want) || data.Releases.TotalCount != 4 {
		t.Fatalf("got releases %q (totalCount %d), want %q newest first, undated last", got, data.Releases.TotalCount, want)
	}
	if d := data.Releases.Edges[3].Node.Date; d != nil {
		t.Errorf("undated release: got date %q, want null", *d)
	}
	joins := data.Releases.Edges[1].Node
	if joins.Title != bayernJoins.Title || joins.Source != bayernJoins.Source || joins.Date == nil || *joins.Date != "2021-07-22" {
		t.Errorf("got release %+v, want the title, source and date of %s", joins, bayernJoins.Source)
	}
	if len(joins.Entities) != 3 {
		t.Errorf("got entities %+v, want the 3 the release names", joins.Entities)
	}
	var role *fact
	for i, f := range joins.Facts {
		if f.Type == "HOLDS_ROLE" {
			role = &joins.Facts[i]
		}
	}
	if len(joins.Facts) != 2 || role == nil {
		t.Fatalf("got facts %+v, want MEMBER_OF and HOLDS_ROLE", joins.Facts)
	}
	wantRole := fact{Type: "HOLDS_ROLE",
		From: entity{ID: "person:judith-gerlach", Name: "Judith Gerlach"}, To: entity{ID: "state:bayern", Name: "Bayern"},
		Role: str("Digitalministerin"), Sentence: "Digitalministerin Gerlach unterzeichnet.", Confidence: 0.85, Rule: "role-apposition"}
	if !reflect.DeepEqual(*role, wantRole) {
		t.Errorf("HOLDS_ROLE fact:\n got %+v\nwant %+v", *role, wantRole)
	}
}

func TestStats(t *testing.T) {
	var data struct {
		Stats struct{ Releases, Entities, Relations int }
	}
	MustQuery(t, MustHandler(t), `{ stats { releases entities relations } }`, nil, &data)
	// Entities: Bayern, Brandenburg, Hessen, Stübgen, Gerlach, govdigital, Dataport, one topic.
	if got, want := data.Stats, (struct{ Releases, Entities, Relations int }{4, 8, 7}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestGET(t *testing.T) {
	q := url.Values{"query": {`{ entity(id: "org:govdigital") { name } }`}}
	req := httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil)
	req.Header.Set("GraphQL-Require-Preflight", "1")
	resp := serve(t, MustHandler(t), req)
	if got, want := string(resp.Data), `{"entity":{"name":"govdigital"}}`; got != want || len(resp.Errors) > 0 {
		t.Errorf("got %s %+v, want %s", got, resp.Errors, want)
	}
}
