package schema_test

import (
	"context"
	"math"
	"reflect"
	"sort"
	"testing"

	"github.com/egovgraph/egovgraph/network"
	"github.com/egovgraph/egovgraph/schema"
)

type post struct {
	Party   struct{ ID string }
	Name    string
	Holders struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Person              struct{ Name string }
				Roles               []string
				FirstSeen, LastSeen *string
				Relations           []struct{ ID string }
			}
		}
	}
}

type postConnection struct {
	TotalCount int
	Edges      []struct{ Node post }
}

// names returns "party name: holder, holder" for each post.
func (c postConnection) names() []string {
	out := []string{}
	for _, e := range c.Edges {
		s := e.Node.Party.ID + " " + e.Node.Name + ":"
		for _, h := range e.Node.Holders.Edges {
			s += " " + h.Node.Person.Name
		}
		out = append(out, s)
	}
	return out
}

const postFields = `totalCount edges { node { party { id } name holders(first: 5) { totalCount edges { node {
	person { name } roles firstSeen lastSeen relations { id } } } } } }`

func TestPosts(t *testing.T) {
	h := MustHandler(t)
	for _, tt := range []struct {
		name, args string
		want       []string
	}{
		{"all", ``, []string{"state:bayern Digitalminister/in: Judith Gerlach", "state:brandenburg Innenminister/in: Michael Stübgen"}},
		{"at a party", `party: "state:bayern"`, []string{"state:bayern Digitalminister/in: Judith Gerlach"}},
		{"the masculine form finds the post", `role: "Digitalminister"`, []string{"state:bayern Digitalminister/in: Judith Gerlach"}},
		{"the feminine form finds the post", `role: "Innenministerin"`, []string{"state:brandenburg Innenminister/in: Michael Stübgen"}},
		{"nobody held it", `party: "state:hessen", role: "Innenminister"`, []string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := ""
			if tt.args != "" {
				args = "(" + tt.args + ")"
			}
			var data struct{ Posts postConnection }
			MustQuery(t, h, `{ posts`+args+` { `+postFields+` } }`, nil, &data)
			if got := data.Posts.names(); !reflect.DeepEqual(got, tt.want) || data.Posts.TotalCount != len(tt.want) {
				t.Errorf("got %q (totalCount %d), want %q", got, data.Posts.TotalCount, tt.want)
			}
		})
	}

	var data struct {
		Person, Party, Topic struct{ Posts postConnection }
	}
	MustQuery(t, h, `{ person: entity(id: "person:judith-gerlach") { posts(first: 10) { `+postFields+` } }
		party: entity(id: "state:brandenburg") { posts(role: "Innenminister", first: 10) { `+postFields+` } }
		topic: entity(id: "topic:ein-und-auswanderung") { posts(first: 10) { `+postFields+` } } }`, nil, &data)
	if got := data.Person.Posts.names(); !reflect.DeepEqual(got, []string{"state:bayern Digitalminister/in: Judith Gerlach"}) {
		t.Errorf("Gerlach's posts: got %q", got)
	}
	if got := data.Party.Posts.names(); !reflect.DeepEqual(got, []string{"state:brandenburg Innenminister/in: Michael Stübgen"}) {
		t.Errorf("Brandenburg's posts: got %q", got)
	}
	if n := data.Topic.Posts.TotalCount; n != 0 {
		t.Errorf("a topic has %d posts, want none", n)
	}
	holder := data.Person.Posts.Edges[0].Node.Holders.Edges[0].Node
	if *holder.FirstSeen != "2021-07-22" || *holder.LastSeen != "2021-07-22" || !reflect.DeepEqual(holder.Roles, []string{"Digitalministerin"}) ||
		len(holder.Relations) != 1 || holder.Relations[0].ID != roleGerlach {
		t.Errorf("Gerlach as holder: got %+v", holder)
	}
	if got := Post(t, h, `{ posts(party: "state:atlantis") { totalCount } }`, nil).code(t); got != "NOT_FOUND" {
		t.Errorf("unknown party: got code %q, want NOT_FOUND", got)
	}
}

func TestAnalytics(t *testing.T) {
	h := MustHandler(t)
	type centrality struct {
		Entity                struct{ ID string }
		Degree, Community     int
		Betweenness, PageRank float64
	}
	type centralityConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct{ Node centrality }
	}
	var data struct {
		Analytics struct {
			Version                             string
			Modularity                          float64
			ByDegree, ByBetweenness, ByPageRank centralityConnection
			States                              centralityConnection
			Communities                         struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						ID, Size, Relations, Boundary int
						Members                       struct {
							TotalCount int
							Edges      []struct{ Node entity }
						}
					}
				}
			}
		}
	}
	fields := `totalCount pageInfo { hasNextPage endCursor } edges { node { entity { id } degree betweenness pageRank community } }`
	MustQuery(t, h, `{ analytics { version modularity
		byDegree: centrality(first: 2) { `+fields+` }
		byBetweenness: centrality(orderBy: BETWEENNESS, first: 500) { `+fields+` }
		byPageRank: centrality(orderBy: PAGERANK, first: 500) { `+fields+` }
		states: centrality(where: {typeIn: [STATE]}, first: 500) { `+fields+` }
		communities { totalCount edges { node { id size relations boundary members { totalCount edges { node { id } } } } } } } }`, nil, &data)
	a := data.Analytics
	ids := func(c centralityConnection) []string {
		var out []string
		for _, e := range c.Edges {
			out = append(out, e.Node.Entity.ID)
		}
		return out
	}
	// Bayern has four relations; govdigital, Brandenburg and Hessen two each, by ID.
	if got := ids(a.ByDegree); !reflect.DeepEqual(got, []string{"state:bayern", "org:govdigital"}) || !a.ByDegree.PageInfo.HasNextPage || a.ByDegree.TotalCount != 8 {
		t.Errorf("by degree: got %q of %d, want Bayern, govdigital of 8", got, a.ByDegree.TotalCount)
	}
	// Bayern joins its partner, topic, organization and minister: it lies on most paths.
	if got := a.ByBetweenness.Edges[0].Node; got.Entity.ID != "state:bayern" || got.Betweenness <= 0 || got.Betweenness > 1 {
		t.Errorf("most between: got %+v, want Bayern, in (0, 1]", got)
	}
	sum := 0.0
	for i, e := range a.ByPageRank.Edges {
		sum += e.Node.PageRank
		if i > 0 && e.Node.PageRank > a.ByPageRank.Edges[i-1].Node.PageRank {
			t.Errorf("PageRank not ordered highest first at %d", i)
		}
	}
	if math.Abs(sum-1) > 1e-6 {
		t.Errorf("PageRanks add up to %v, want 1", sum)
	}
	if got := ids(a.States); !reflect.DeepEqual(got, []string{"state:bayern", "state:brandenburg", "state:hessen"}) {
		t.Errorf("states by degree: got %q", got)
	}
	var members []string
	for _, e := range a.Communities.Edges {
		c := e.Node
		if c.Size != c.Members.TotalCount {
			t.Errorf("community %d: size %d, %d members", c.ID, c.Size, c.Members.TotalCount)
		}
		for _, m := range c.Members.Edges {
			members = append(members, m.Node.ID)
		}
	}
	sort.Strings(members)
	if len(members) != 8 || a.Communities.TotalCount < 2 || a.Modularity <= 0 || a.Version == "" {
		t.Errorf("communities: %d of them with members %q, modularity %v; want every entity once, at least 2, positive", a.Communities.TotalCount, members, a.Modularity)
	}

	var entity struct {
		Entity struct {
			Centrality        centrality
			Iso3166, Wikidata *string
			Themenfeld        *string
			Topic             *struct{ Themenfeld *string }
		}
		Topic struct{ Themenfeld *string }
	}
	MustQuery(t, h, `{ entity(id: "state:bayern") { iso3166 wikidata themenfeld centrality { entity { id } degree community } }
		topic: entity(id: "topic:ein-und-auswanderung") { themenfeld } }`, nil, &entity)
	e := entity.Entity
	if e.Centrality.Degree != 4 || e.Centrality.Entity.ID != "state:bayern" {
		t.Errorf("Bayern's centrality: got %+v, want degree 4", e.Centrality)
	}
	if e.Iso3166 == nil || *e.Iso3166 != "DE-BY" || e.Wikidata == nil || *e.Wikidata != "Q980" || e.Themenfeld != nil {
		t.Errorf("Bayern's identifiers: got %v %v %v, want DE-BY, Q980, null", e.Iso3166, e.Wikidata, e.Themenfeld)
	}
	if tf := entity.Topic.Themenfeld; tf == nil || *tf != "Ein- und Auswanderung" {
		t.Errorf("topic's Themenfeld: got %v, want Ein- und Auswanderung", tf)
	}
}

func TestCoMembership(t *testing.T) {
	h := MustHandler(t)
	var data struct {
		CoMembership struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Party  struct{ ID string }
					Count  int
					Shared []struct{ ID string }
				}
			}
		}
	}
	MustQuery(t, h, `{ coMembership(id: "state:bayern") { totalCount edges { node { party { id } count shared { id } } } } }`, nil, &data)
	c := data.CoMembership
	if c.TotalCount != 1 || c.Edges[0].Node.Party.ID != "state:hessen" || c.Edges[0].Node.Count != 1 || c.Edges[0].Node.Shared[0].ID != "org:govdigital" {
		t.Errorf("Bayern's co-members: got %+v, want Hessen sharing govdigital", c)
	}
	if got := Post(t, h, `{ coMembership(id: "state:atlantis") { totalCount } }`, nil).code(t); got != "NOT_FOUND" {
		t.Errorf("unknown party: got code %q, want NOT_FOUND", got)
	}
}

func TestStateSummary(t *testing.T) {
	h := MustHandler(t)
	type links struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Entity   struct{ ID string }
				Relation struct {
					ID     string
					Weight int
				}
			}
		}
	}
	var data struct {
		ByID, ByCode struct {
			State                                   struct{ ID string }
			Partners, Memberships, Topics, Projects links
			Offices                                 postConnection
			Centrality                              struct{ Degree int }
		}
		Nothing *struct{ State struct{ ID string } }
	}
	fields := `state { id }
		partners { totalCount edges { node { entity { id } relation { id weight } } } }
		memberships { totalCount edges { node { entity { id } relation { id weight } } } }
		topics { totalCount edges { node { entity { id } relation { id weight } } } }
		projects { totalCount edges { node { entity { id } relation { id weight } } } }
		offices(first: 10) { ` + postFields + ` }
		centrality { degree }`
	MustQuery(t, h, `{ byID: stateSummary(id: "state:bayern") { `+fields+` } byCode: stateSummary(id: "DE-BY") { `+fields+` }
		nothing: stateSummary(id: "DE-XX") { state { id } } }`, nil, &data)
	if !reflect.DeepEqual(data.ByID, data.ByCode) {
		t.Errorf("by ID and by ISO code: got\n%+v\n%+v", data.ByID, data.ByCode)
	}
	s := data.ByID
	first := func(l links) string {
		if len(l.Edges) != 1 {
			return ""
		}
		return l.Edges[0].Node.Entity.ID
	}
	for _, tt := range []struct{ what, got, want string }{
		{"state", s.State.ID, "state:bayern"},
		{"partner", first(s.Partners), "state:brandenburg"},
		{"membership", first(s.Memberships), "org:govdigital"},
		{"topic", first(s.Topics), "topic:ein-und-auswanderung"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.what, tt.got, tt.want)
		}
	}
	if s.Memberships.Edges[0].Node.Relation.Weight != 2 || s.Projects.TotalCount != 0 || s.Centrality.Degree != 4 {
		t.Errorf("got membership weight %d, %d projects, degree %d; want 2, 0, 4", s.Memberships.Edges[0].Node.Relation.Weight, s.Projects.TotalCount, s.Centrality.Degree)
	}
	if got := s.Offices.names(); !reflect.DeepEqual(got, []string{"state:bayern Digitalminister/in: Judith Gerlach"}) {
		t.Errorf("offices: got %q", got)
	}
	if data.Nothing != nil {
		t.Errorf("unknown state: got %+v, want null", data.Nothing)
	}
	if got := Post(t, h, `{ stateSummary(id: "org:govdigital") { state { id } } }`, nil).code(t); got != "INVALID" {
		t.Errorf("summary of an organization: got code %q, want INVALID", got)
	}
}

func TestSharedAnalyzer(t *testing.T) {
	store := newCountingStore(MustOpenStore(t))
	a := network.New(store)
	if _, err := a.View(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := schema.NewHandler(store, schema.Options{Analyzer: a})
	for range 2 {
		var data struct{ Analytics struct{ Version string } }
		MustQuery(t, h, `{ analytics { version } }`, nil, &data)
	}
	if _, calls := store.total(); calls["Snapshot"] != 1 || calls["Version"] != 3 {
		t.Errorf("got store calls %v, want the one Snapshot of the shared analyzer and a Version per view", calls)
	}
}
