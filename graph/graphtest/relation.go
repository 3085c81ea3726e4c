package graphtest

import (
	"fmt"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var relationTests = []subtest{
	{"EvidenceFromEveryRelease", testRelationEvidence},
	{"SymmetricEndsInIDOrder", testRelationSymmetric},
	{"RoleSpelledAsNewestRelease", testRelationRoleSpelling},
	{"FilterTypes", testRelationsFilterTypes},
	{"FilterEnds", testRelationsFilterEnds},
	{"FilterSinceUntil", testRelationsFilterDates},
	{"Paging", testRelationsPaging},
	{"InvalidFilter", testRelationsInvalid},
}

// allRelationIDs lists the fixtures' relations.
func allRelationIDs() []string {
	return sorted(
		memberBayernGovdigital, memberHessenGovdigital, memberHamburgVCNord, memberThueringenVerbund,
		coopBayernBrandenburg, coopFitkoHessen, coopDataportHamburg,
		coopSachsenThueringen, coopSachsenSachsenAnhalt, coopSachsenAnhaltThuer,
		roleStuebgen, roleVoigt,
		worksGovdigitalChain, worksBrandenburgCloud, worksBayernCloud, worksFitkoRegister,
		worksDataportStrasse, worksVerbundRegister, worksStatistikRegister,
	)
}

func testRelationEvidence(t *testing.T, h *harness) {
	h.load()
	wantIDs(t, "all relations", ids(h.allRelations(graph.RelationFilter{})), allRelationIDs())

	r1, r3 := bayernJoinsGovdigital(), hessenJoinsGovdigital()
	got := h.mustRelation(memberBayernGovdigital)
	want := graph.Relation{
		ID: memberBayernGovdigital, Type: graph.MemberOf, From: bayern, To: govdigital,
		Evidence: []graph.Evidence{evidence(r1, r1.Facts[0]), evidence(r3, r3.Facts[1])},
	}
	wantEqual(t, "relation stated twice", []graph.Relation{got}, []graph.Relation{want})
	if got.Weight() != 2 || got.FirstSeen() != "2021-07-22" || got.LastSeen() != "2022-03-15" || got.Confidence() != 0.9 {
		t.Errorf("Weight %d, FirstSeen %q, LastSeen %q, Confidence %v; want 2, 2021-07-22, 2022-03-15, 0.9",
			got.Weight(), got.FirstSeen(), got.LastSeen(), got.Confidence())
	}

	r2 := brandenburgAndBayern()
	role := graph.Relation{
		ID: roleStuebgen, Type: graph.HoldsRole, From: stuebgen, To: brandenburg, Role: "Innenministerin",
		Evidence: []graph.Evidence{evidence(r2, r2.Facts[1])},
	}
	wantEqual(t, "role", []graph.Relation{h.mustRelation(roleStuebgen)}, []graph.Relation{role})

	// One release stating a relation in two sentences gives two pieces of evidence.
	mid := centralGermanStates()
	twice := h.mustRelation(coopSachsenThueringen)
	wantEqual(t, "evidence of "+coopSachsenThueringen, twice.Evidence,
		[]graph.Evidence{evidence(mid, mid.Facts[4]), evidence(mid, mid.Facts[0])})
	if twice.Weight() != 1 {
		t.Errorf("%s: weight %d, want 1", twice.ID, twice.Weight())
	}

	undated := h.mustRelation(worksDataportStrasse)
	if undated.FirstSeen() != "" || undated.LastSeen() != "" || len(undated.Evidence) != 1 || undated.Evidence[0].Date != "" {
		t.Errorf("undated relation: %+v", undated)
	}
}

func testRelationSymmetric(t *testing.T, h *harness) {
	h.load()
	tests := []struct {
		id       string
		from, to string
	}{
		// brandenburgAndBayern states Brandenburg first, datenstrasseNord Hamburg first.
		{coopBayernBrandenburg, bayern, brandenburg},
		{coopDataportHamburg, dataport, hamburg},
		{coopFitkoHessen, fitko, hessen},
		{coopSachsenAnhaltThuer, sachsenAnhalt, thueringen},
	}
	for _, tt := range tests {
		r := h.mustRelation(tt.id)
		if r.From != tt.from || r.To != tt.to || r.Type != graph.CooperatesWith {
			t.Errorf("%s: got %s %s→%s, want %s→%s", tt.id, r.Type, r.From, r.To, tt.from, tt.to)
		}
	}
}

// A relationCase is a filter and the relations it selects.
type relationCase struct {
	name string
	f    graph.RelationFilter
	want []string
}

func runRelationCases(t *testing.T, h *harness, tests []relationCase) {
	t.Helper()
	h.load()
	for _, tt := range tests {
		got := h.allRelations(tt.f)
		wantIDs(t, tt.name, ids(got), sorted(tt.want...))
		for _, r := range got {
			if !tt.f.Matches(r) {
				t.Errorf("%s: %s does not match the filter", tt.name, r.ID)
			}
		}
	}
}

func testRelationsFilterTypes(t *testing.T, h *harness) {
	runRelationCases(t, h, []relationCase{
		{"MEMBER_OF", graph.RelationFilter{Types: []graph.RelationType{graph.MemberOf}},
			[]string{memberBayernGovdigital, memberHessenGovdigital, memberHamburgVCNord, memberThueringenVerbund}},
		{"HOLDS_ROLE and COOPERATES_WITH", graph.RelationFilter{Types: []graph.RelationType{graph.HoldsRole, graph.CooperatesWith}},
			[]string{roleStuebgen, roleVoigt, coopBayernBrandenburg, coopFitkoHessen, coopDataportHamburg,
				coopSachsenThueringen, coopSachsenSachsenAnhalt, coopSachsenAnhaltThuer}},
		{"every type", graph.RelationFilter{Types: graph.RelationTypes}, allRelationIDs()},
	})
}

func testRelationsFilterEnds(t *testing.T, h *harness) {
	runRelationCases(t, h, []relationCase{
		{"from Bayern", graph.RelationFilter{From: bayern},
			[]string{coopBayernBrandenburg, memberBayernGovdigital, worksBayernCloud}},
		// A symmetric relation matches with its ends in either order.
		{"from Hamburg", graph.RelationFilter{From: hamburg},
			[]string{coopDataportHamburg, memberHamburgVCNord}},
		{"from Brandenburg to Bayern", graph.RelationFilter{From: brandenburg, To: bayern},
			[]string{coopBayernBrandenburg}},
		// A directed relation does not.
		{"from govdigital to Bayern", graph.RelationFilter{From: govdigital, To: bayern}, nil},
		{"to govdigital", graph.RelationFilter{To: govdigital},
			[]string{memberBayernGovdigital, memberHessenGovdigital}},
		{"to Thüringen", graph.RelationFilter{To: thueringen},
			[]string{coopSachsenThueringen, coopSachsenAnhaltThuer}},
		{"entity govdigital", graph.RelationFilter{Entity: govdigital},
			[]string{memberBayernGovdigital, memberHessenGovdigital, worksGovdigitalChain}},
		{"entity Brandenburg, HOLDS_ROLE or WORKS_ON", graph.RelationFilter{Entity: brandenburg,
			Types: []graph.RelationType{graph.WorksOn, graph.HoldsRole}},
			[]string{roleStuebgen, worksBrandenburgCloud}},
		{"entity Registermodernisierung", graph.RelationFilter{Entity: registermod},
			[]string{worksFitkoRegister, worksVerbundRegister, worksStatistikRegister}},
		{"unknown entity", graph.RelationFilter{Entity: "state:atlantis"}, nil},
	})
}

func testRelationsFilterDates(t *testing.T, h *harness) {
	runRelationCases(t, h, []relationCase{
		{"until 2021-08-31", graph.RelationFilter{Until: "2021-08-31"},
			[]string{memberBayernGovdigital, worksGovdigitalChain}},
		{"on 2021-09-01", graph.RelationFilter{Since: "2021-09-01", Until: "2021-09-01"},
			[]string{coopBayernBrandenburg, roleStuebgen, worksBrandenburgCloud, worksBayernCloud,
				coopFitkoHessen, worksFitkoRegister}},
		{"in 2022", graph.RelationFilter{Since: "2022-01-01", Until: "2022-12-31"},
			[]string{memberBayernGovdigital, memberHessenGovdigital}},
		{"since 2023-03-01", graph.RelationFilter{Since: "2023-03-01"},
			[]string{worksVerbundRegister, roleVoigt, worksStatistikRegister}},
		{"MEMBER_OF of govdigital until 2021", graph.RelationFilter{To: govdigital, Until: "2021-12-31",
			Types: []graph.RelationType{graph.MemberOf}},
			[]string{memberBayernGovdigital}},
		{"empty interval", graph.RelationFilter{Since: "2024-01-01", Until: "2023-01-01"}, nil},
	})
	// A date filter selects relations but keeps all their evidence.
	got := h.allRelations(graph.RelationFilter{Since: "2022-01-01", To: govdigital, From: bayern})
	if len(got) != 1 || len(got[0].Evidence) != 2 {
		t.Errorf("since 2022, Bayern to govdigital: got %+v, want one relation with both pieces of evidence", got)
	}
}

func testRelationsPaging(t *testing.T, h *harness) {
	h.load()
	all := allRelationIDs()
	var got []string
	f := graph.RelationFilter{Page: graph.Page{First: 8}}
	for page := 0; ; page++ {
		p, err := h.s.Relations(h.ctx, f)
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		if p.Total != len(all) {
			t.Errorf("page %d: Total %d, want %d", page, p.Total, len(all))
		}
		wantMore := len(got)+len(p.Items) < len(all)
		if p.More != wantMore {
			t.Errorf("page %d: More %v, want %v", page, p.More, wantMore)
		}
		if len(p.Items) > 8 {
			t.Fatalf("page %d: %d items, want at most 8", page, len(p.Items))
		}
		got = append(got, ids(p.Items)...)
		if !p.More || page > len(all) {
			break
		}
		f.After = p.Items[len(p.Items)-1].ID
	}
	wantIDs(t, "relations over all pages", got, all)

	// Total counts what the filter selects; After is a key.
	f = graph.RelationFilter{Types: []graph.RelationType{graph.MemberOf}, Page: graph.Page{First: 1, After: "MEMBER_OF:state:c"}}
	p, err := h.s.Relations(h.ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "MEMBER_OF after a key", ids(p.Items), []string{memberHamburgVCNord})
	if p.Total != 4 || !p.More {
		t.Errorf("MEMBER_OF after a key: Total %d, More %v; want 4, true", p.Total, p.More)
	}
}

func testRelationsInvalid(t *testing.T, h *harness) {
	h.load()
	for _, f := range []graph.RelationFilter{
		{Types: []graph.RelationType{"KNOWS"}},
		{Since: "2021-13-01"},
		{Until: "gestern"},
		{Page: graph.Page{First: -1}},
		{Page: graph.Page{First: graph.MaxPageSize + 1}},
	} {
		_, err := h.s.Relations(h.ctx, f)
		wantCode(t, fmt.Sprintf("Relations(%+v)", f), err, graph.EINVALID)
	}
}

// Two releases spelling one office differently (the same slug) state one relation, its
// role spelled as the newest of them spells it.
func testRelationRoleSpelling(t *testing.T, h *harness) {
	office := func(source, date, role string) graph.Release {
		return graph.Release{
			Source: source,
			Title:  "Personalie",
			Date:   date,
			Hash:   source + "-1",
			Entities: []graph.Entity{
				entity(graph.Person, "Karin Stübgen"),
				entity(graph.State, "Brandenburg"),
			},
			Facts: []graph.Fact{{Type: graph.HoldsRole, From: stuebgen, To: brandenburg, Role: role,
				Sentence: role + " Karin Stübgen eröffnete die Tagung.", Confidence: 0.9, Rule: "role/apposition"}},
		}.WithID()
	}
	older := office("pm/2022-01-10-tagung.md", "2022-01-10", "innenministerin")
	newer := office("pm/2023-04-02-tagung.md", "2023-04-02", "Innenministerin")
	MustPut(t, h.s, newer, older)
	want := []graph.Relation{{
		ID: roleStuebgen, Type: graph.HoldsRole, From: stuebgen, To: brandenburg, Role: "Innenministerin",
		Evidence: []graph.Evidence{evidence(older, older.Facts[0]), evidence(newer, newer.Facts[0])},
	}}
	wantEqual(t, "Relations", h.allRelations(graph.RelationFilter{}), want)
	wantEqual(t, "Relations of the person", h.allRelations(graph.RelationFilter{Entity: stuebgen}), want)
	g, err := h.s.Neighborhood(h.ctx, stuebgen, 1, nil)
	if err != nil {
		t.Fatalf("Neighborhood: %v", err)
	}
	wantEqual(t, "Neighborhood", g.Edges, want)
	wantEqual(t, "Snapshot", h.mustSnapshot().Edges, want)
	if st := h.mustStats(); st.Relations != 1 {
		t.Errorf("Stats: %d relations, want 1", st.Relations)
	}
}
