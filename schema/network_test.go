package schema_test

import (
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var (
	coopBayernBrandenburg = graph.RelationID(graph.CooperatesWith, "state:bayern", "state:brandenburg", "")
	coopHessenDataport    = graph.RelationID(graph.CooperatesWith, "state:hessen", "org:dataport", "")
	memberBayern          = graph.RelationID(graph.MemberOf, "state:bayern", "org:govdigital", "")
	memberHessen          = graph.RelationID(graph.MemberOf, "state:hessen", "org:govdigital", "")
	roleGerlach           = graph.RelationID(graph.HoldsRole, "person:judith-gerlach", "state:bayern", "Digitalministerin")
	roleStuebgen          = graph.RelationID(graph.HoldsRole, "person:michael-stuebgen", "state:brandenburg", "Innenminister")
	worksBayern           = graph.RelationID(graph.WorksOn, "state:bayern", "topic:ein-und-auswanderung", "")
)

type networkNode struct {
	ID, Type, Name    string
	Degree, Community int
	Entity            struct{ Aliases []string }
}

type networkRelation struct {
	ID, Type, From, To  string
	Role                *string
	FirstSeen, LastSeen *string
	Weight              int
	Evidence            []struct{ Sentence string }
}

type networkData struct {
	Network struct {
		Version string
		Nodes   struct {
			TotalCount int
			PageInfo   pageInfo
			Edges      []struct{ Node networkNode }
		}
		Relations struct {
			TotalCount int
			Edges      []struct{ Node networkRelation }
		}
	}
}

func (d networkData) ids() (nodes, edges []string) {
	for _, e := range d.Network.Nodes.Edges {
		nodes = append(nodes, e.Node.ID)
	}
	for _, e := range d.Network.Relations.Edges {
		edges = append(edges, e.Node.ID)
	}
	return nodes, edges
}

const networkQuery = `query($filter: NetworkFilter, $asOf: Date, $first: Int, $after: String) {
	network(where: $filter, asOf: $asOf) { version
		nodes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
			edges { node { id type name degree community entity { aliases } } } }
		relations(first: 500) { totalCount edges { node { id type from to role firstSeen lastSeen weight evidence { sentence } } } } } }`

func TestNetwork(t *testing.T) {
	h := MustHandler(t)
	all := []string{"org:dataport", "org:govdigital", "person:judith-gerlach", "person:michael-stuebgen",
		"state:bayern", "state:brandenburg", "state:hessen", "topic:ein-und-auswanderung"}
	tests := []struct {
		name         string
		vars         map[string]any
		nodes, edges []string
	}{
		{"everything", nil, all,
			[]string{coopHessenDataport, coopBayernBrandenburg, roleGerlach, roleStuebgen, memberBayern, memberHessen, worksBayern}},
		{"a state and its neighbours", map[string]any{"filter": map[string]any{"state": "state:bayern"}},
			[]string{"org:govdigital", "person:judith-gerlach", "state:bayern", "state:brandenburg", "topic:ein-und-auswanderung"},
			[]string{coopBayernBrandenburg, roleGerlach, memberBayern, worksBayern}},
		{"a state by its ISO code, as of a day", map[string]any{"filter": map[string]any{"state": "DE-BY"}, "asOf": "2021-06-30"},
			[]string{"state:bayern", "state:brandenburg", "topic:ein-und-auswanderung"},
			[]string{coopBayernBrandenburg, worksBayern}},
		{"types", map[string]any{"filter": map[string]any{"relationTypes": []string{"MEMBER_OF"}, "entityTypes": []string{"STATE", "ORGANIZATION"}}},
			[]string{"org:govdigital", "state:bayern", "state:hessen"},
			[]string{memberBayern, memberHessen}},
		{"dates", map[string]any{"filter": map[string]any{"since": "2022-01-01", "until": nil}},
			[]string{"org:govdigital", "state:bayern", "state:hessen"},
			[]string{memberBayern, memberHessen}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data networkData
			MustQuery(t, h, networkQuery, tt.vars, &data)
			nodes, edges := data.ids()
			if !reflect.DeepEqual(nodes, tt.nodes) || data.Network.Nodes.TotalCount != len(tt.nodes) {
				t.Errorf("nodes: got %q (totalCount %d), want %q", nodes, data.Network.Nodes.TotalCount, tt.nodes)
			}
			if !reflect.DeepEqual(edges, tt.edges) || data.Network.Relations.TotalCount != len(tt.edges) {
				t.Errorf("edges: got %q (totalCount %d), want %q", edges, data.Network.Relations.TotalCount, tt.edges)
			}
			if data.Network.Version == "" {
				t.Error("network without version")
			}
		})
	}

	var data networkData
	MustQuery(t, h, networkQuery, nil, &data)
	for _, e := range data.Network.Nodes.Edges {
		if n := e.Node; n.ID == "state:bayern" && (n.Degree != 4 || n.Name != "Bayern" || n.Type != "STATE" || len(n.Entity.Aliases) != 1) {
			t.Errorf("Bayern: got %+v, want degree 4, its name, type and alias", n)
		}
	}
	for _, e := range data.Network.Relations.Edges {
		r := e.Node
		switch r.ID {
		case memberBayern:
			if r.Weight != 2 || *r.FirstSeen != "2021-07-22" || *r.LastSeen != "2022-01-15" || len(r.Evidence) != 2 || r.From != "state:bayern" || r.Role != nil {
				t.Errorf("Bayern's membership: got %+v, want weight 2 from 2021-07-22 to 2022-01-15", r)
			}
		case roleGerlach:
			if r.Role == nil || *r.Role != "Digitalministerin" {
				t.Errorf("Gerlach's role: got %v, want Digitalministerin", r.Role)
			}
		case coopHessenDataport:
			if r.FirstSeen != nil || r.Weight != 1 {
				t.Errorf("undated relation: got first seen %v, weight %d; want null, 1", r.FirstSeen, r.Weight)
			}
		}
	}

	// The membership as of 2021: one release.
	MustQuery(t, h, networkQuery, map[string]any{"asOf": "2021-12-31"}, &data)
	for _, e := range data.Network.Relations.Edges {
		if r := e.Node; r.ID == memberBayern && (r.Weight != 1 || *r.LastSeen != "2021-07-22") {
			t.Errorf("Bayern's membership as of 2021: got weight %d, last seen %s; want 1, 2021-07-22", r.Weight, *r.LastSeen)
		}
	}

	// Pages of nodes.
	var seen []string
	after := ""
	for range 4 {
		vars := map[string]any{"first": 3}
		if after != "" {
			vars["after"] = after
		}
		MustQuery(t, h, networkQuery, vars, &data)
		nodes, _ := data.ids()
		seen = append(seen, nodes...)
		if !data.Network.Nodes.PageInfo.HasNextPage {
			break
		}
		after = *data.Network.Nodes.PageInfo.EndCursor
	}
	if !reflect.DeepEqual(seen, all) {
		t.Errorf("nodes page by page: got %q, want %q", seen, all)
	}
}

func TestNetworkErrors(t *testing.T) {
	h := MustHandler(t)
	for _, tt := range []struct {
		name string
		vars map[string]any
		code string
	}{
		{"unknown state", map[string]any{"filter": map[string]any{"state": "state:atlantis"}}, "NOT_FOUND"},
		{"no state", map[string]any{"filter": map[string]any{"state": "org:govdigital"}}, "INVALID"},
		{"interval backwards", map[string]any{"filter": map[string]any{"since": "2022-01-01", "until": "2021-01-01"}}, "INVALID"},
		{"malformed date", map[string]any{"asOf": "2021-02-30x"}, "INVALID"},
		{"bad cursor", map[string]any{"after": "bm9wZQ=="}, "INVALID"},
	} {
		if got := Post(t, h, networkQuery, tt.vars).code(t); got != tt.code {
			t.Errorf("%s: got code %q, want %q", tt.name, got, tt.code)
		}
	}
}

type pathData struct {
	Path struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Node struct {
				Length int
				Nodes  []entity
				Steps  []struct {
					From, To  entity
					Relations []relation
				}
			}
		}
	}
}

func (d pathData) paths() [][]string {
	out := [][]string{}
	for _, e := range d.Path.Edges {
		var ids []string
		for _, n := range e.Node.Nodes {
			ids = append(ids, n.ID)
		}
		out = append(out, ids)
	}
	return out
}

const pathQuery = `query($from: ID!, $to: ID!, $maxDepth: Int! = 6, $types: [RelationType!], $asOf: Date, $first: Int, $after: String) {
	path(from: $from, to: $to, maxDepth: $maxDepth, types: $types, asOf: $asOf, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor }
		edges { node { length nodes { id name } steps { from { id } to { id } relations { id evidence { sentence date } } } } } } }`

func TestPath(t *testing.T) {
	h := MustHandler(t)
	for _, tt := range []struct {
		name string
		vars map[string]any
		want [][]string
	}{
		{"across a membership", map[string]any{"from": "person:judith-gerlach", "to": "state:hessen"},
			[][]string{{"person:judith-gerlach", "state:bayern", "org:govdigital", "state:hessen"}}},
		{"against the relations' direction", map[string]any{"from": "person:michael-stuebgen", "to": "person:judith-gerlach"},
			[][]string{{"person:michael-stuebgen", "state:brandenburg", "state:bayern", "person:judith-gerlach"}}},
		{"too far", map[string]any{"from": "person:judith-gerlach", "to": "state:hessen", "maxDepth": 2}, [][]string{}},
		{"types", map[string]any{"from": "state:bayern", "to": "state:hessen", "types": []string{"COOPERATES_WITH"}}, [][]string{}},
		{"before Hessen joined", map[string]any{"from": "state:bayern", "to": "state:hessen", "asOf": "2021-12-31"}, [][]string{}},
		{"after Hessen joined", map[string]any{"from": "state:bayern", "to": "state:hessen", "asOf": "2022-01-15"},
			[][]string{{"state:bayern", "org:govdigital", "state:hessen"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var data pathData
			MustQuery(t, h, pathQuery, tt.vars, &data)
			if got := data.paths(); !reflect.DeepEqual(got, tt.want) || data.Path.TotalCount != len(tt.want) {
				t.Errorf("got %q (totalCount %d), want %q", got, data.Path.TotalCount, tt.want)
			}
		})
	}

	var data pathData
	MustQuery(t, h, pathQuery, map[string]any{"from": "state:bayern", "to": "state:hessen", "asOf": "2022-01-15"}, &data)
	p := data.Path.Edges[0].Node
	if p.Length != 2 || len(p.Steps) != 2 || p.Steps[0].From.ID != "state:bayern" || p.Steps[1].To.ID != "state:hessen" {
		t.Fatalf("got %+v, want two steps from Bayern to Hessen", p)
	}
	if rs := p.Steps[0].Relations; len(rs) != 1 || rs[0].ID != memberBayern || len(rs[0].Evidence) != 2 {
		t.Errorf("first step: got %+v, want Bayern's membership with its two releases", rs)
	}

	for _, tt := range []struct {
		name string
		vars map[string]any
		code string
	}{
		{"unknown entity", map[string]any{"from": "state:atlantis", "to": "state:hessen"}, "NOT_FOUND"},
		{"depth 7", map[string]any{"from": "state:bayern", "to": "state:hessen", "maxDepth": 7}, "INVALID"},
		{"depth 0", map[string]any{"from": "state:bayern", "to": "state:hessen", "maxDepth": 0}, "INVALID"},
	} {
		if got := Post(t, h, pathQuery, tt.vars).code(t); got != tt.code {
			t.Errorf("%s: got code %q, want %q", tt.name, got, tt.code)
		}
	}
}

func TestChanges(t *testing.T) {
	h := MustHandler(t)
	query := `query($since: Date, $until: Date, $types: [RelationType!], $first: Int, $after: String) {
		changes(since: $since, until: $until, types: $types, first: $first, after: $after) { ` + relationFields + ` } }`
	for _, tt := range []struct {
		name string
		vars map[string]any
		want []string
		more bool
	}{
		{"since", map[string]any{"since": "2021-07-01"}, []string{roleGerlach, memberBayern, memberHessen}, false},
		{"interval", map[string]any{"since": "2021-01-01", "until": "2021-06-30"},
			[]string{coopBayernBrandenburg, roleStuebgen, worksBayern}, false},
		{"types", map[string]any{"types": []string{"MEMBER_OF"}}, []string{memberBayern, memberHessen}, false},
		{"first page", map[string]any{"first": 2}, []string{coopBayernBrandenburg, roleStuebgen}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var data struct{ Changes relationConnection }
			MustQuery(t, h, query, tt.vars, &data)
			if got := data.Changes.ids(); !reflect.DeepEqual(got, tt.want) || data.Changes.PageInfo.HasNextPage != tt.more {
				t.Errorf("got %q (hasNextPage %v), want %q (%v)", got, data.Changes.PageInfo.HasNextPage, tt.want, tt.more)
			}
		})
	}
	var first, next struct{ Changes relationConnection }
	MustQuery(t, h, query, map[string]any{"first": 2}, &first)
	MustQuery(t, h, query, map[string]any{"after": *first.Changes.PageInfo.EndCursor}, &next)
	// The undated relation of Hessen and Dataport never appears.
	if got, want := next.Changes.ids(), []string{worksBayern, roleGerlach, memberBayern, memberHessen}; !reflect.DeepEqual(got, want) || next.Changes.TotalCount != 6 {
		t.Errorf("next page: got %q of %d, want %q of 6", got, next.Changes.TotalCount, want)
	}
	if got := Post(t, h, query, map[string]any{"since": "2022-01-01", "until": "2021-01-01"}).code(t); got != "INVALID" {
		t.Errorf("interval backwards: got code %q, want INVALID", got)
	}
}

func TestRelationsAsOf(t *testing.T) {
	h := MustHandler(t)
	var data struct {
		Relations relationConnection
		Entity    struct{ Relations relationConnection }
	}
	MustQuery(t, h, `{ relations(from: "state:bayern", asOf: "2021-12-31") { `+relationFields+` }
		entity(id: "state:bayern") { relations(direction: OUT, asOf: "2021-12-31") { `+relationFields+` } } }`, nil, &data)
	want := []string{coopBayernBrandenburg, memberBayern, worksBayern}
	for what, c := range map[string]relationConnection{"relations": data.Relations, "entity.relations": data.Entity.Relations} {
		if got := c.ids(); !reflect.DeepEqual(got, want) || c.TotalCount != 3 {
			t.Errorf("%s: got %q (totalCount %d), want %q", what, got, c.TotalCount, want)
		}
		for _, e := range c.Edges {
			if r := e.Node; r.ID == memberBayern && (r.Weight != 1 || *r.LastSeen != "2021-07-22" || len(r.Evidence) != 1) {
				t.Errorf("%s: Bayern's membership as of 2021 has weight %d, last seen %s, %d evidence; want 1, 2021-07-22, 1",
					what, r.Weight, *r.LastSeen, len(r.Evidence))
			}
		}
	}
}
