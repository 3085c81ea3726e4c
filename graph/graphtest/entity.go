package graphtest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var entityTests = []subtest{
	{"AliasesMerged", testEntityAliases},
	{"NameFromNewestRelease", testEntityNewestName},
	{"IdentifiersFromNewestRelease", testEntityIdentifiers},
	{"UnknownIsNotFound", testEntityUnknown},
	{"ListByType", testEntitiesByType},
	{"Paging", testEntitiesPaging},
	{"ByIDs", testEntitiesByIDs},
	{"InvalidFilter", testEntitiesInvalid},
}

func testEntityAliases(t *testing.T, h *harness) {
	h.load()
	tests := []graph.Entity{
		// Aliases of two releases, the name itself and a duplicate dropped.
		{ID: bayern, Type: graph.State, Name: "Bayern", Aliases: []string{"Freistaat Bayern", "Land Bayern"},
			ISO3166: "DE-BY", Wikidata: "Q980"},
		{ID: govdigital, Type: graph.Organization, Name: "govdigital", Aliases: []string{"Genossenschaft govdigital", "govdigital eG"}},
		{ID: stuebgen, Type: graph.Person, Name: "Karin Stübgen", Aliases: []string{"Stübgen"}},
		{ID: hessen, Type: graph.State, Name: "Hessen", ISO3166: "DE-HE"},
	}
	for _, want := range tests {
		got := h.mustEntity(want.ID)
		wantEqual(t, "Entity("+want.ID+")", []graph.Entity{got}, []graph.Entity{want})
	}
}

func testEntityNewestName(t *testing.T, h *harness) {
	person := func(source, date, name string) graph.Release {
		return graph.Release{
			Source:   source,
			Title:    "Personalie",
			Date:     date,
			Hash:     source + "-1",
			Entities: []graph.Entity{entity(graph.Person, name)},
		}.WithID()
	}
	older := person("pm/2022-01-10-personalie.md", "2022-01-10", "Karin Stuebgen")
	newer := person("pm/2023-04-02-personalie.md", "2023-04-02", "Karin Stübgen")
	undated := person("pm/personalie-ohne-datum.md", "", "KARIN STÜBGEN")
	MustPut(t, h.s, newer, undated, older)

	want := graph.Entity{ID: stuebgen, Type: graph.Person, Name: "Karin Stübgen",
		Aliases: []string{"KARIN STÜBGEN", "Karin Stuebgen"}}
	wantEqual(t, "Entity", []graph.Entity{h.mustEntity(stuebgen)}, []graph.Entity{want})

	// The newest release no longer names her: the next newest gives the name.
	newer.Entities, newer.Hash = nil, "changed"
	MustPut(t, h.s, newer)
	want = graph.Entity{ID: stuebgen, Type: graph.Person, Name: "Karin Stuebgen", Aliases: []string{"KARIN STÜBGEN"}}
	wantEqual(t, "Entity after the newest release dropped her", []graph.Entity{h.mustEntity(stuebgen)}, []graph.Entity{want})
}

func testEntityIdentifiers(t *testing.T, h *harness) {
	const berlin, elterngeld = "state:berlin", "topic:elterngeld"
	release := func(source, date string, city, topic graph.Entity) graph.Release {
		return graph.Release{
			Source:   source,
			Title:    "Elterngeld digital",
			Date:     date,
			Hash:     source + "-1",
			Entities: []graph.Entity{city, topic},
			Facts: []graph.Fact{{Type: graph.WorksOn, From: berlin, To: elterngeld,
				Sentence: "Berlin bietet das Elterngeld digital an.", Confidence: 0.7, Rule: "works-on/bietet-an"}},
		}.WithID()
	}
	topic := func(themenfeld string) graph.Entity {
		e := entity(graph.Topic, "Elterngeld")
		e.Themenfeld = themenfeld
		return e
	}
	city := func(iso3166, wikidata string) graph.Entity {
		return identified(entity(graph.State, "Berlin"), iso3166, wikidata)
	}
	// Each identifier comes from the newest release giving one: ISO 3166 and the Themenfeld
	// from the older, Wikidata from the newer release (which corrects the older one's).
	older := release("pm/2022-01-10-elterngeld.md", "2022-01-10", city("DE-BE", "Q1055"), topic("Familie & Kind"))
	newer := release("pm/2023-04-02-elterngeld.md", "2023-04-02", city("", "Q64"), topic(""))
	undated := release("pm/elterngeld-ohne-datum.md", "", city("DE-XX", ""), topic("Querschnitt"))
	MustPut(t, h.s, newer, undated, older)

	want := []graph.Entity{
		identified(graph.NewEntity(graph.State, "Berlin"), "DE-BE", "Q64"),
		{ID: elterngeld, Type: graph.Topic, Name: "Elterngeld", Themenfeld: "Familie & Kind"},
	}
	wantEqual(t, "Entity", []graph.Entity{h.mustEntity(berlin), h.mustEntity(elterngeld)}, want)
	p, err := h.s.Entities(h.ctx, graph.EntityFilter{})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	wantEqual(t, "Entities", p.Items, want)
	found, err := h.s.Search(h.ctx, "Berlin", 10)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	wantEqual(t, "Search", found, want[:1])
	g, err := h.s.Neighborhood(h.ctx, berlin, 1, nil)
	if err != nil {
		t.Fatalf("Neighborhood: %v", err)
	}
	wantEqual(t, "Neighborhood", g.Nodes, want)
	// Each release keeps the identifiers it gives.
	got, err := h.s.Release(h.ctx, undated.ID)
	if err != nil {
		t.Fatalf("Release: %v", err)
	}
	wantEqual(t, "Release", []graph.Release{normRelease(got)}, []graph.Release{normRelease(undated)})

	// The newer release no longer names Berlin: the older one's Wikidata item is back.
	newer.Entities, newer.Facts, newer.Hash = newer.Entities[1:], nil, "newer-changed"
	MustPut(t, h.s, newer)
	want[0].Wikidata = "Q1055"
	wantEqual(t, "Entity after the newer release dropped Berlin", []graph.Entity{h.mustEntity(berlin)}, want[:1])
	// Nor does the older one: the undated release gives what is left.
	older.Entities, older.Facts, older.Hash = older.Entities[1:], nil, "older-changed"
	MustPut(t, h.s, older)
	want[0].ISO3166, want[0].Wikidata = "DE-XX", ""
	wantEqual(t, "Entity after the older release dropped Berlin", []graph.Entity{h.mustEntity(berlin)}, want[:1])
}

func testEntityUnknown(t *testing.T, h *harness) {
	h.load()
	for _, id := range []string{"state:atlantis", "", "bayern"} {
		_, err := h.s.Entity(h.ctx, id)
		wantCode(t, fmt.Sprintf("Entity(%q)", id), err, graph.ENOTFOUND)
	}
}

func testEntitiesByType(t *testing.T, h *harness) {
	h.load()
	all := []string{
		bayern, brandenburg, hamburg, hessen, sachsen, sachsenAnhalt, thueringen,
		fitko, statistikamt, dataport, govdigital, itVerbund, vcNord,
		stuebgen, voigt, blockchain, cloud, registermod, cloudSued, datenstrasse,
	}
	tests := []struct {
		typ  graph.EntityType
		want []string
	}{
		{"", sorted(all...)},
		{graph.State, sorted(bayern, brandenburg, hamburg, hessen, sachsen, sachsenAnhalt, thueringen)},
		{graph.Authority, sorted(fitko, statistikamt)},
		{graph.Person, sorted(stuebgen, voigt)},
		{graph.Project, sorted(cloudSued, datenstrasse)},
		{graph.Municipality, nil},
	}
	for _, tt := range tests {
		got := h.allEntities(tt.typ)
		wantIDs(t, fmt.Sprintf("Entities(%q)", tt.typ), ids(got), tt.want)
		for _, e := range got {
			if e.Type == "" || (tt.typ != "" && e.Type != tt.typ) || e.Name == "" {
				t.Errorf("Entities(%q): got %+v", tt.typ, e)
			}
		}
	}
	// Listed entities carry their aliases, as Entity returns them.
	for _, e := range h.allEntities(graph.State) {
		if e.ID == bayern && !slices.Equal(e.Aliases, []string{"Freistaat Bayern", "Land Bayern"}) {
			t.Errorf("listed Bayern: aliases %q", e.Aliases)
		}
	}
}

func testEntitiesPaging(t *testing.T, h *harness) {
	h.load()
	states := sorted(bayern, brandenburg, hamburg, hessen, sachsen, sachsenAnhalt, thueringen)
	tests := []struct {
		name  string
		page  graph.Page
		want  []string
		total int
		more  bool
	}{
		{"first", graph.Page{First: 3}, states[0:3], 7, true},
		{"second", graph.Page{First: 3, After: states[2]}, states[3:6], 7, true},
		{"last", graph.Page{First: 3, After: states[5]}, states[6:], 7, false},
		{"exact end", graph.Page{First: 7}, states, 7, false},
		{"after the end", graph.Page{First: 3, After: states[6]}, nil, 7, false},
		// After is a key: it need not name a stored entity.
		{"after a key", graph.Page{First: 2, After: "state:c"}, states[2:4], 7, true},
	}
	for _, tt := range tests {
		p, err := h.s.Entities(h.ctx, graph.EntityFilter{Type: graph.State, Page: tt.page})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		wantIDs(t, tt.name, ids(p.Items), tt.want)
		if p.Total != tt.total || p.More != tt.more {
			t.Errorf("%s: Total %d, More %v; want %d, %v", tt.name, p.Total, p.More, tt.total, tt.more)
		}
	}
}

func testEntitiesByIDs(t *testing.T, h *harness) {
	h.load()
	// Unknown IDs are left out, duplicates read once, the order of the IDs does not matter.
	asked := []string{hessen, "state:atlantis", bayern, voigt, bayern, "", fitko}
	found := sorted(bayern, fitko, hessen, voigt)
	tests := []struct {
		name  string
		f     graph.EntityFilter
		want  []string
		total int
		more  bool
	}{
		{"all", graph.EntityFilter{IDs: asked}, found, 4, false},
		{"of a type", graph.EntityFilter{IDs: asked, Type: graph.State}, sorted(bayern, hessen), 2, false},
		{"none exists", graph.EntityFilter{IDs: []string{"state:atlantis"}}, nil, 0, false},
		{"one", graph.EntityFilter{IDs: []string{cloudSued}}, []string{cloudSued}, 1, false},
		{"first page", graph.EntityFilter{IDs: asked, Page: graph.Page{First: 2}}, found[:2], 4, true},
		{"after", graph.EntityFilter{IDs: asked, Page: graph.Page{After: found[1]}}, found[2:], 4, false},
	}
	for _, tt := range tests {
		p, err := h.s.Entities(h.ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		wantIDs(t, tt.name, ids(p.Items), tt.want)
		if p.Total != tt.total || p.More != tt.more {
			t.Errorf("%s: Total %d, More %v; want %d, %v", tt.name, p.Total, p.More, tt.total, tt.more)
		}
		// Each is the whole entity, as Entity returns it.
		for _, e := range p.Items {
			wantEqual(t, tt.name+": "+e.ID, []graph.Entity{e}, []graph.Entity{h.mustEntity(e.ID)})
		}
	}

	// A batch of MaxPageSize IDs comes back whole on one page.
	all := h.allEntities("")
	batch := make([]string, graph.MaxPageSize)
	for i := range batch {
		batch[i] = all[i%len(all)].ID
	}
	p, err := h.s.Entities(h.ctx, graph.EntityFilter{IDs: batch})
	if err != nil {
		t.Fatalf("Entities(%d IDs): %v", len(batch), err)
	}
	wantEqual(t, "Entities(every ID, repeated)", p.Items, all)
	_, err = h.s.Entities(h.ctx, graph.EntityFilter{IDs: append(batch, bayern)})
	wantCode(t, fmt.Sprintf("Entities(%d IDs)", len(batch)+1), err, graph.EINVALID)
}

func testEntitiesInvalid(t *testing.T, h *harness) {
	h.load()
	for _, f := range []graph.EntityFilter{
		{Type: "Planet"},
		{Page: graph.Page{First: -1}},
		{Page: graph.Page{First: graph.MaxPageSize + 1}},
	} {
		_, err := h.s.Entities(h.ctx, f)
		wantCode(t, fmt.Sprintf("Entities(%+v)", f), err, graph.EINVALID)
	}
}
