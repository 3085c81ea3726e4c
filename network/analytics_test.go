package network_test

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
	"github.com/egovgraph/egovgraph/network"
)

// twoClusters is two groups of four Länder, each cooperating with every other in its
// group, joined only through Dataport, of which Niedersachsen and Hessen are members.
func twoClusters(tb testing.TB) graph.Snapshot {
	north := []graph.Entity{bremen, hamburg, niedersachs, schleswig}
	south := []graph.Entity{badenWue, bayern, hessen, sachsen}
	var facts []stated
	for _, group := range [][]graph.Entity{north, south} {
		for i, a := range group {
			for _, b := range group[i+1:] {
				facts = append(facts, coop("2020-01-01", a, b))
			}
		}
	}
	facts = append(facts, member("2021-01-01", niedersachs, dataport), member("2021-01-01", hessen, dataport))
	return MustSnapshot(tb, "clusters", facts...)
}

func TestCommunitiesFindTwoClusters(t *testing.T) {
	v := MustView(t, twoClusters(t))
	cs := v.Communities()
	if len(cs.Communities) != 2 {
		t.Fatalf("got %d communities %+v, want 2", len(cs.Communities), cs.Communities)
	}
	of := map[string]int{}
	for _, c := range cs.Communities {
		for _, m := range c.Members {
			of[m.ID] = c.ID
		}
	}
	for _, group := range [][]graph.Entity{{bremen, hamburg, niedersachs, schleswig}, {badenWue, bayern, hessen, sachsen}} {
		for _, e := range group[1:] {
			if of[e.ID] != of[group[0].ID] {
				t.Errorf("%s in community %d, %s in %d: want one community", e.ID, of[e.ID], group[0].ID, of[group[0].ID])
			}
		}
	}
	if of[bremen.ID] == of[bayern.ID] {
		t.Errorf("north and south share community %d", of[bremen.ID])
	}
	// Dataport joins one side: the larger community comes first.
	if cs.Communities[0].ID != 0 || len(cs.Communities[0].Members) != 5 || len(cs.Communities[1].Members) != 4 {
		t.Errorf("got communities of %d and %d members, want 5 and 4, largest first", len(cs.Communities[0].Members), len(cs.Communities[1].Members))
	}
	// Twelve cooperations inside, and one of the memberships crosses over.
	within := cs.Communities[0].Relations + cs.Communities[1].Relations
	if within != 13 || cs.Communities[0].Boundary != 1 || cs.Communities[1].Boundary != 1 {
		t.Errorf("got %d relations within, boundaries %d and %d; want 13, 1 and 1", within, cs.Communities[0].Boundary, cs.Communities[1].Boundary)
	}
	// Q = Σ_c [L_c/m − (d_c/2m)²] with m = 14 relations: the 5-community has 7 inside and
	// degree sum 15, the 4-community 6 and 13.
	wantQ := 7.0/14 - math.Pow(15.0/28, 2) + 6.0/14 - math.Pow(13.0/28, 2)
	if math.Abs(cs.Modularity-wantQ) > 1e-9 {
		t.Errorf("modularity: got %v, want %v", cs.Modularity, wantQ)
	}
}

func TestCommunitiesAreTheSameOnEveryBuild(t *testing.T) {
	snap := aggregate(t, "synthetic", syntheticReleases(300))
	var first []string
	for i := range 3 {
		cs := MustView(t, snap).Communities()
		var got []string
		for _, c := range cs.Communities {
			got = append(got, fmt.Sprint(ids(c.Members, entityID)))
		}
		if i == 0 {
			first = got
		} else if !reflect.DeepEqual(got, first) {
			t.Fatalf("build %d found other communities than the first", i)
		}
	}
}

func TestBetweennessOfBridge(t *testing.T) {
	v := MustView(t, twoClusters(t))
	page, err := v.Centrality(network.CentralityQuery{By: network.ByBetweenness, Page: graph.Page{First: 3}})
	if err != nil {
		t.Fatal(err)
	}
	// Every path between the 4 northern and the 4 southern Länder passes through Dataport:
	// 16 of the 28 pairs of the other 8 nodes. Niedersachsen is on the paths from the 3 other
	// northern Länder to Dataport and the south: 15.
	want := []struct {
		id string
		b  float64
	}{{dataport.ID, 16.0 / 28}, {hessen.ID, 15.0 / 28}, {niedersachs.ID, 15.0 / 28}}
	if len(page.Items) != 3 {
		t.Fatalf("got %d items, want 3", len(page.Items))
	}
	for i, w := range want {
		if got := page.Items[i]; got.ID != w.id || math.Abs(got.Betweenness-w.b) > 1e-9 {
			t.Errorf("rank %d: got %s %.4f, want %s %.4f", i+1, got.ID, got.Betweenness, w.id, w.b)
		}
	}
	if !page.More || page.Total != 9 {
		t.Errorf("got more %v, total %d; want true, 9", page.More, page.Total)
	}

	// A Land inside a cluster lies on no shortest path.
	c, err := v.EntityCentrality(bremen.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Betweenness != 0 || c.Degree != 3 {
		t.Errorf("Bremen: betweenness %v, degree %d; want 0, 3", c.Betweenness, c.Degree)
	}
}

func TestPageRankOrder(t *testing.T) {
	// Five Länder are members of govdigital, two of them also of Vitako; Vitako is a member
	// of govdigital. Weight flows along memberships to the organizations.
	snap := MustSnapshot(t, "members",
		member("2020-01-01", bayern, govdigital), member("2020-01-01", hessen, govdigital),
		member("2020-01-01", sachsen, govdigital), member("2020-01-01", bremen, govdigital),
		member("2020-01-01", hamburg, govdigital), member("2020-01-01", bremen, vitako),
		member("2020-01-01", hamburg, vitako), member("2020-01-01", vitako, govdigital),
	)
	v := MustView(t, snap)
	page, err := v.Centrality(network.CentralityQuery{By: network.ByPageRank})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(page.Items, func(c network.Centrality) string { return c.ID })
	// The members that point nowhere else tie, and are ordered by ID.
	want := []string{govdigital.ID, vitako.ID, bayern.ID, bremen.ID, hamburg.ID, hessen.ID, sachsen.ID}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PageRank order: got %q, want %q", got, want)
	}
	sum := 0.0
	for _, c := range page.Items {
		sum += c.PageRank
	}
	if math.Abs(sum-1) > 1e-6 {
		t.Errorf("PageRanks add up to %v, want 1", sum)
	}

	// By degree: govdigital has six members, then Vitako three, Bremen and Hamburg two.
	page, err = v.Centrality(network.CentralityQuery{By: network.ByDegree, Types: []graph.EntityType{graph.State}, Page: graph.Page{First: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(page.Items, func(c network.Centrality) string { return c.ID }); !reflect.DeepEqual(got, []string{bremen.ID, hamburg.ID}) || page.Total != 5 {
		t.Errorf("states by degree: got %q of %d, want Bremen, Hamburg of 5", got, page.Total)
	}
	next, err := v.Centrality(network.CentralityQuery{By: network.ByDegree, Types: []graph.EntityType{graph.State}, Page: graph.Page{After: hamburg.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(next.Items, func(c network.Centrality) string { return c.ID }); !reflect.DeepEqual(got, []string{bayern.ID, hessen.ID, sachsen.ID}) || next.More {
		t.Errorf("next page: got %q (more %v), want Bayern, Hessen, Sachsen", got, next.More)
	}
}

func TestCentralityRejects(t *testing.T) {
	v := MustView(t, twoClusters(t))
	for _, tt := range []struct {
		name string
		q    network.CentralityQuery
	}{
		{"unknown measure", network.CentralityQuery{By: "FAME"}},
		{"unknown type", network.CentralityQuery{By: network.ByDegree, Types: []graph.EntityType{"Planet"}}},
		{"page too large", network.CentralityQuery{By: network.ByDegree, Page: graph.Page{First: graph.MaxPageSize + 1}}},
		{"cursor not on the list", network.CentralityQuery{By: network.ByDegree, Types: []graph.EntityType{graph.State}, Page: graph.Page{After: dataport.ID}}},
	} {
		_, err := v.Centrality(tt.q)
		wantCode(t, tt.name, err, graph.EINVALID)
	}
}

func TestCoMembership(t *testing.T) {
	snap := MustSnapshot(t, "members",
		member("2020-01-01", bayern, govdigital), member("2020-01-01", hessen, govdigital),
		member("2020-01-01", hamburg, govdigital), member("2020-01-01", hamburg, vitako),
		member("2020-01-01", bayern, vitako), member("2020-01-01", bremen, dataport),
		coop("2020-01-01", bayern, bremen),
	)
	v := MustView(t, snap)
	page, err := v.CoMembership(bayern.ID, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		party  string
		shared []string
	}
	var got []row
	for _, c := range page.Items {
		got = append(got, row{c.Party.ID, ids(c.Shared, entityID)})
	}
	want := []row{{hamburg.ID, []string{govdigital.ID, vitako.ID}}, {hessen.ID, []string{govdigital.ID}}}
	if !reflect.DeepEqual(got, want) || page.Total != 2 {
		t.Errorf("Bayern's co-members: got %+v (total %d), want %+v", got, page.Total, want)
	}
	page, err = v.CoMembership(bremen.ID, graph.Page{})
	if err != nil || page.Total != 0 {
		t.Errorf("Bremen, alone in Dataport: got %+v, %v; want none", page.Items, err)
	}
	_, err = v.CoMembership("state:atlantis", graph.Page{})
	wantCode(t, "unknown party", err, graph.ENOTFOUND)
}

func TestStateSummary(t *testing.T) {
	snap := MustSnapshot(t, "bayern",
		coop("2019-01-01", bayern, hessen), coop("2020-01-01", bayern, sachsen), coop("2021-01-01", sachsen, bayern),
		member("2020-01-01", bayern, govdigital), member("2020-01-01", vitako, bayern),
		worksOn("2020-01-01", bayern, cloud), worksOn("2020-01-01", bayern, bundID),
		holds("2019-03-01", albrecht, "Digitalministerin", bayern), holds("2023-12-01", fuchs, "Digitalminister", bayern),
		holds("2020-01-01", kuehn, "Innenministerin", hessen),
	)
	v := MustView(t, snap)
	for _, ref := range []string{bayern.ID} {
		s, err := v.StateSummary(ref)
		if err != nil {
			t.Fatal(err)
		}
		link := func(ls []network.Link) []string {
			return ids(ls, func(l network.Link) string { return l.Entity.ID })
		}
		for _, tt := range []struct {
			what      string
			got, want []string
		}{
			// Sachsen is stated twice: the stronger partner comes first.
			{"partners", link(s.Partners), []string{sachsen.ID, hessen.ID}},
			// Vitako is a member of Bayern, not Bayern of Vitako.
			{"memberships", link(s.Memberships), []string{govdigital.ID}},
			{"topics", link(s.Topics), []string{cloud.ID}},
			{"projects", link(s.Projects), []string{bundID.ID}},
			{"offices", ids(s.Offices, func(p network.Post) string { return p.Name }), []string{"Digitalminister/in"}},
		} {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("%s: got %q, want %q", tt.what, tt.got, tt.want)
			}
		}
		if s.State.ID != bayern.ID || s.Centrality.Degree != 8 {
			t.Errorf("got state %s of degree %d, want Bayern of degree 8", s.State.ID, s.Centrality.Degree)
		}
	}
	_, err := v.StateSummary(govdigital.ID)
	wantCode(t, "summary of an organization", err, graph.EINVALID)
	_, err = v.StateSummary("DE-XX")
	wantCode(t, "summary of an unknown state", err, graph.ENOTFOUND)
}

// syntheticReleases returns the first n releases of graphtest's synthetic corpus.
func syntheticReleases(n int) []graph.Release {
	rs := make([]graph.Release, n)
	for i := range rs {
		rs[i] = graphtest.SyntheticRelease(i)
	}
	return rs
}

// TestSyntheticAnalytics builds the analytics of the synthetic 1,000-release graph and
// logs how long it took (go test -v -run Synthetic ./network); it checks that every
// measure covers the graph.
func TestSyntheticAnalytics(t *testing.T) {
	snap := aggregate(t, "synthetic", syntheticReleases(1000))
	start := time.Now()
	v, page, cs := mustAnalytics(t, snap)
	t.Logf("%d entities, %d relations: view and analytics built in %v; %d communities, modularity %.3f",
		len(snap.Nodes), len(snap.Edges), time.Since(start), len(cs.Communities), cs.Modularity)
	members := 0
	for _, c := range cs.Communities {
		members += len(c.Members)
	}
	if members != len(snap.Nodes) {
		t.Errorf("communities hold %d entities, want all %d", members, len(snap.Nodes))
	}
	if page.Total != len(snap.Nodes) {
		t.Errorf("centrality ranks %d entities, want all %d", page.Total, len(snap.Nodes))
	}
	if !slices.IsSortedFunc(page.Items, func(x, y network.Centrality) int { return cmp.Compare(y.Betweenness, x.Betweenness) }) {
		t.Error("betweenness is not ordered highest first")
	}
	if s, err := v.StateSummary(bayern.ID); err != nil || len(s.Partners) == 0 {
		t.Errorf("Bayern's summary: got %d partners, %v; want some", len(s.Partners), err)
	}
}

// mustAnalytics builds the view of snap and everything it computes: communities,
// centralities (the first page by betweenness) and the states' summaries.
func mustAnalytics(tb testing.TB, snap graph.Snapshot) (*network.View, graph.Paged[network.Centrality], network.Communities) {
	tb.Helper()
	v := MustView(tb, snap)
	cs := v.Communities()
	page, err := v.Centrality(network.CentralityQuery{By: network.ByBetweenness, Page: graph.Page{First: graph.MaxPageSize}})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := v.StateSummary(bayern.ID); err != nil {
		tb.Fatal(err)
	}
	return v, page, cs
}

func BenchmarkAnalytics(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		snap := aggregate(b, "synthetic", syntheticReleases(n))
		b.Run(fmt.Sprintf("releases=%d", n), func(b *testing.B) {
			for b.Loop() {
				mustAnalytics(b, snap)
			}
		})
	}
}
