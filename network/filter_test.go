package network_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// northGraph is a small graph for networks, paths and changes:
//
//	Kühn ─role─ Bayern ─coop─ Hessen ─coop─ Hamburg ─coop─ Bremen
//	              │                           │ │  │          │
//	              └─member─ govdigital ─member┘ │  └─coop,member─ Dataport ─member┘
//	Berlin ─coop─ Brandenburg
//
// Bayern and Hessen are stated twice (2019 and 2021); Berlin and Brandenburg once, undated.
func northGraph(tb testing.TB) graph.Snapshot {
	return MustSnapshot(tb, "north", northFacts...)
}

var northFacts = []stated{
	coop("2019-05-01", bayern, hessen),
	coop("2021-03-01", hessen, bayern),
	coop("2020-01-01", hessen, hamburg),
	member("2021-07-22", bayern, govdigital),
	member("2022-01-15", hamburg, govdigital),
	coop("2018-06-01", hamburg, bremen),
	member("2018-02-01", hamburg, dataport),
	coop("2018-02-01", hamburg, dataport),
	member("2019-09-09", bremen, dataport),
	coop("", berlin, brandenburg),
	holds("2020-02-02", kuehn, "Innenministerin", bayern),
}

var (
	coopBayernHessen    = relID(graph.CooperatesWith, bayern, hessen)
	coopHessenHamburg   = relID(graph.CooperatesWith, hamburg, hessen)
	coopHamburgBremen   = relID(graph.CooperatesWith, bremen, hamburg)
	coopHamburgDataport = relID(graph.CooperatesWith, dataport, hamburg)
	coopBerlinBrb       = relID(graph.CooperatesWith, berlin, brandenburg)
	memberBayernGov     = relID(graph.MemberOf, bayern, govdigital)
	memberHamburgGov    = relID(graph.MemberOf, hamburg, govdigital)
	memberHamburgDp     = relID(graph.MemberOf, hamburg, dataport)
	memberBremenDp      = relID(graph.MemberOf, bremen, dataport)
	roleKuehn           = graph.RelationID(graph.HoldsRole, kuehn.ID, bayern.ID, "Innenministerin")
)

func TestNetwork(t *testing.T) {
	v := MustView(t, northGraph(t))
	all := []string{coopBerlinBrb, coopHamburgBremen, coopHamburgDataport, coopBayernHessen, coopHessenHamburg,
		roleKuehn, memberBayernGov, memberBremenDp, memberHamburgGov, memberHamburgDp}
	tests := []struct {
		name   string
		filter network.Filter
		nodes  []string
		edges  []string       // in any order
		degree map[string]int // of some nodes
	}{
		{
			name:  "everything",
			nodes: []string{dataport.ID, govdigital.ID, kuehn.ID, bayern.ID, berlin.ID, brandenburg.ID, bremen.ID, hamburg.ID, hessen.ID},
			edges: all,
			// Hamburg: Hessen, Bremen, govdigital, and Dataport twice.
			degree: map[string]int{hamburg.ID: 5, bayern.ID: 3, berlin.ID: 1},
		},
		{
			name:   "relation types",
			filter: network.Filter{RelationTypes: []graph.RelationType{graph.MemberOf}},
			nodes:  []string{dataport.ID, govdigital.ID, bayern.ID, bremen.ID, hamburg.ID},
			edges:  []string{memberBayernGov, memberBremenDp, memberHamburgGov, memberHamburgDp},
			degree: map[string]int{hamburg.ID: 2, dataport.ID: 2},
		},
		{
			name:   "entity types",
			filter: network.Filter{EntityTypes: []graph.EntityType{graph.State}},
			nodes:  []string{bayern.ID, berlin.ID, brandenburg.ID, bremen.ID, hamburg.ID, hessen.ID},
			edges:  []string{coopBerlinBrb, coopHamburgBremen, coopBayernHessen, coopHessenHamburg},
			degree: map[string]int{hamburg.ID: 2},
		},
		{
			name:   "state and its neighbours",
			filter: network.Filter{State: hamburg.ID},
			nodes:  []string{dataport.ID, govdigital.ID, bremen.ID, hamburg.ID, hessen.ID},
			// Bremen's membership of Dataport is among Hamburg's neighbours; Bayern is not.
			edges:  []string{coopHamburgBremen, coopHamburgDataport, coopHessenHamburg, memberBremenDp, memberHamburgGov, memberHamburgDp},
			degree: map[string]int{bremen.ID: 2, hessen.ID: 1},
		},
		{
			name:   "state by ISO code",
			filter: network.Filter{State: "de-hh", RelationTypes: []graph.RelationType{graph.CooperatesWith}},
			nodes:  []string{dataport.ID, bremen.ID, hamburg.ID, hessen.ID},
			edges:  []string{coopHamburgBremen, coopHamburgDataport, coopHessenHamburg},
		},
		{
			name:   "since and until",
			filter: network.Filter{Since: "2020-01-01", Until: "2021-12-31"},
			nodes:  []string{govdigital.ID, kuehn.ID, bayern.ID, hamburg.ID, hessen.ID},
			edges:  []string{coopBayernHessen, coopHessenHamburg, roleKuehn, memberBayernGov},
		},
		{
			name:   "as of a day",
			filter: network.Filter{AsOf: "2019-12-31"},
			nodes:  []string{dataport.ID, bayern.ID, bremen.ID, hamburg.ID, hessen.ID},
			edges:  []string{coopHamburgBremen, coopHamburgDataport, coopBayernHessen, memberBremenDp, memberHamburgDp},
		},
		{
			name:   "as of a day before until",
			filter: network.Filter{Until: "2030-01-01", AsOf: "2018-03-01"},
			nodes:  []string{dataport.ID, hamburg.ID},
			edges:  []string{coopHamburgDataport, memberHamburgDp},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net, err := v.Network(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(net.Nodes, func(n network.Node) string { return n.ID }); !reflect.DeepEqual(got, tt.nodes) {
				t.Errorf("nodes: got %q, want %q", got, tt.nodes)
			}
			want := slices.Sorted(slices.Values(tt.edges))
			if got := ids(net.Edges, func(e network.Edge) string { return e.ID }); !reflect.DeepEqual(got, want) {
				t.Errorf("edges: got %q, want %q", got, want)
			}
			for _, n := range net.Nodes {
				if want, ok := tt.degree[n.ID]; ok && n.Degree != want {
					t.Errorf("degree of %s: got %d, want %d", n.ID, n.Degree, want)
				}
			}
			if net.Version != "north" {
				t.Errorf("version: got %q, want north", net.Version)
			}
		})
	}
}

func TestNetworkEdgesCountReleasesWithinDates(t *testing.T) {
	v := MustView(t, northGraph(t))
	for _, tt := range []struct {
		filter              network.Filter
		weight              int
		firstSeen, lastSeen string
	}{
		{network.Filter{}, 2, "2019-05-01", "2021-03-01"},
		{network.Filter{AsOf: "2020-12-31"}, 1, "2019-05-01", "2019-05-01"},
		{network.Filter{Since: "2020-01-01"}, 1, "2021-03-01", "2021-03-01"},
	} {
		net, err := v.Network(tt.filter)
		if err != nil {
			t.Fatal(err)
		}
		var e network.Edge
		for _, edge := range net.Edges {
			if edge.ID == coopBayernHessen {
				e = edge
			}
		}
		if e.Weight != tt.weight || e.FirstSeen != tt.firstSeen || e.LastSeen != tt.lastSeen || len(e.Evidence) != tt.weight {
			t.Errorf("%+v: Bayern–Hessen has weight %d, seen %s to %s, %d evidence; want %d, %s to %s",
				tt.filter, e.Weight, e.FirstSeen, e.LastSeen, len(e.Evidence), tt.weight, tt.firstSeen, tt.lastSeen)
		}
	}
}

func TestNetworkCommunitiesAreOfTheWholeGraph(t *testing.T) {
	v := MustView(t, twoClusters(t))
	whole, err := v.Network(network.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	part, err := v.Network(network.Filter{State: bayern.ID})
	if err != nil {
		t.Fatal(err)
	}
	community := map[string]int{}
	for _, n := range whole.Nodes {
		community[n.ID] = n.Community
	}
	for _, n := range part.Nodes {
		if n.Community != community[n.ID] {
			t.Errorf("%s: community %d in Bayern's network, %d in the whole", n.ID, n.Community, community[n.ID])
		}
	}
}

func TestNetworkRejectsBadFilters(t *testing.T) {
	v := MustView(t, northGraph(t))
	for _, tt := range []struct {
		name   string
		filter network.Filter
		code   string
	}{
		{"unknown relation type", network.Filter{RelationTypes: []graph.RelationType{"LIKES"}}, graph.EINVALID},
		{"unknown entity type", network.Filter{EntityTypes: []graph.EntityType{"Planet"}}, graph.EINVALID},
		{"malformed date", network.Filter{Since: "2021-13-01"}, graph.EINVALID},
		{"malformed asOf", network.Filter{AsOf: "1.1.2021"}, graph.EINVALID},
		{"interval backwards", network.Filter{Since: "2022-01-01", Until: "2021-01-01"}, graph.EINVALID},
		{"asOf before since", network.Filter{Since: "2022-01-01", AsOf: "2021-01-01"}, graph.EINVALID},
		{"unknown state", network.Filter{State: "state:atlantis"}, graph.ENOTFOUND},
		{"state that is none", network.Filter{State: dataport.ID}, graph.EINVALID},
	} {
		_, err := v.Network(tt.filter)
		wantCode(t, tt.name, err, tt.code)
	}
}
