package network_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// pathIDs writes each path as its node IDs joined by " > ".
func pathIDs(paths []network.Path) []string {
	out := []string{}
	for _, p := range paths {
		out = append(out, strings.Join(ids(p.Nodes, entityID), " > "))
	}
	return out
}

func TestPaths(t *testing.T) {
	v := MustView(t, northGraph(t))
	coopOnly := []graph.RelationType{graph.CooperatesWith}
	tests := []struct {
		name  string
		q     network.PathQuery
		paths []string
		total int
	}{
		{"ties in node ID order", network.PathQuery{From: bayern.ID, To: hamburg.ID, MaxDepth: 6},
			[]string{"state:bayern > org:govdigital > state:hamburg", "state:bayern > state:hessen > state:hamburg"}, 2},
		{"either direction", network.PathQuery{From: hamburg.ID, To: bayern.ID, MaxDepth: 2},
			[]string{"state:hamburg > org:govdigital > state:bayern", "state:hamburg > state:hessen > state:bayern"}, 2},
		{"types", network.PathQuery{From: bayern.ID, To: hamburg.ID, MaxDepth: 6, Types: coopOnly},
			[]string{"state:bayern > state:hessen > state:hamburg"}, 1},
		{"as of before a membership", network.PathQuery{From: bayern.ID, To: hamburg.ID, MaxDepth: 6, AsOf: "2021-12-31"},
			[]string{"state:bayern > state:hessen > state:hamburg"}, 1},
		{"as of before any link", network.PathQuery{From: bayern.ID, To: hamburg.ID, MaxDepth: 6, AsOf: "2019-12-31"},
			[]string{}, 0},
		{"longer than max depth", network.PathQuery{From: kuehn.ID, To: bremen.ID, MaxDepth: 3}, []string{}, 0},
		{"within max depth", network.PathQuery{From: kuehn.ID, To: bremen.ID, MaxDepth: 4},
			[]string{
				"person:petra-kuehn > state:bayern > org:govdigital > state:hamburg > state:bremen",
				"person:petra-kuehn > state:bayern > state:hessen > state:hamburg > state:bremen",
			}, 2},
		{"other component", network.PathQuery{From: bayern.ID, To: berlin.ID, MaxDepth: 6}, []string{}, 0},
		{"to itself", network.PathQuery{From: bayern.ID, To: bayern.ID, MaxDepth: 1}, []string{"state:bayern"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, total, err := v.Paths(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := pathIDs(paths); !reflect.DeepEqual(got, tt.paths) || total != tt.total {
				t.Errorf("got %q (total %d), want %q (total %d)", got, total, tt.paths, tt.total)
			}
		})
	}
}

func TestPathStepsCarryEveryRelationWithEvidence(t *testing.T) {
	v := MustView(t, northGraph(t))
	paths, _, err := v.Paths(network.PathQuery{From: hessen.ID, To: dataport.ID, MaxDepth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 1 || len(paths[0].Steps) != 2 {
		t.Fatalf("got %q, want one path of two steps", pathIDs(paths))
	}
	last := paths[0].Steps[1]
	if last.From.ID != hamburg.ID || last.To.ID != dataport.ID {
		t.Errorf("last step: got %s to %s, want Hamburg to Dataport", last.From.ID, last.To.ID)
	}
	if got, want := ids(last.Relations, relationID), []string{coopHamburgDataport, memberHamburgDp}; !reflect.DeepEqual(got, want) {
		t.Errorf("last step relations: got %q, want %q", got, want)
	}
	for _, r := range last.Relations {
		if len(r.Evidence) != 1 || r.Evidence[0].Sentence == "" {
			t.Errorf("%s: got evidence %+v, want its one sentence", r.ID, r.Evidence)
		}
	}

	// As of a day, a step keeps the evidence up to it.
	paths, _, err = v.Paths(network.PathQuery{From: bayern.ID, To: hessen.ID, MaxDepth: 1, AsOf: "2020-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 1 || len(paths[0].Steps[0].Relations) != 1 || len(paths[0].Steps[0].Relations[0].Evidence) != 1 {
		t.Fatalf("Bayern to Hessen as of 2020: got %+v, want one relation with the evidence of 2019 only", paths)
	}
}

func TestPathsCountsBeyondTheCap(t *testing.T) {
	// Bayern and Hamburg share twelve organizations: twelve shortest paths, ten returned.
	var facts []stated
	orgs := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"}
	for _, name := range orgs {
		org := graph.NewEntity(graph.Organization, "Verbund "+name)
		facts = append(facts, member("2020-01-01", bayern, org), member("2020-01-01", hamburg, org))
	}
	v := MustView(t, MustSnapshot(t, "v", facts...))
	paths, total, err := v.Paths(network.PathQuery{From: bayern.ID, To: hamburg.ID, MaxDepth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != network.MaxPaths || total != 12 {
		t.Errorf("got %d paths of %d, want %d of 12", len(paths), total, network.MaxPaths)
	}
	if got := paths[0].Nodes[1].ID; got != "org:verbund-a" {
		t.Errorf("first path through %s, want org:verbund-a", got)
	}
}

func TestPathsRejects(t *testing.T) {
	v := MustView(t, northGraph(t))
	for _, tt := range []struct {
		name string
		q    network.PathQuery
		code string
	}{
		{"depth 0", network.PathQuery{From: bayern.ID, To: hessen.ID, MaxDepth: 0}, graph.EINVALID},
		{"depth 7", network.PathQuery{From: bayern.ID, To: hessen.ID, MaxDepth: 7}, graph.EINVALID},
		{"unknown type", network.PathQuery{From: bayern.ID, To: hessen.ID, MaxDepth: 2, Types: []graph.RelationType{"X"}}, graph.EINVALID},
		{"malformed asOf", network.PathQuery{From: bayern.ID, To: hessen.ID, MaxDepth: 2, AsOf: "2021"}, graph.EINVALID},
		{"unknown from", network.PathQuery{From: "state:atlantis", To: hessen.ID, MaxDepth: 2}, graph.ENOTFOUND},
		{"unknown to", network.PathQuery{From: bayern.ID, To: "state:atlantis", MaxDepth: 2}, graph.ENOTFOUND},
	} {
		_, _, err := v.Paths(tt.q)
		wantCode(t, tt.name, err, tt.code)
	}
}

func TestNeighborhoodAsOf(t *testing.T) {
	v := MustView(t, northGraph(t))
	for _, tt := range []struct {
		asOf         string
		depth        int
		nodes, edges []string
	}{
		{"", 1, []string{govdigital.ID, kuehn.ID, bayern.ID, hessen.ID}, []string{coopBayernHessen, roleKuehn, memberBayernGov}},
		{"2020-12-31", 1, []string{kuehn.ID, bayern.ID, hessen.ID}, []string{coopBayernHessen, roleKuehn}},
		{"2020-12-31", 2, []string{kuehn.ID, bayern.ID, hamburg.ID, hessen.ID}, []string{coopBayernHessen, coopHessenHamburg, roleKuehn}},
		{"2019-01-01", 3, []string{bayern.ID}, nil},
	} {
		g, err := v.Neighborhood(bayern.ID, tt.depth, nil, tt.asOf)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(g.Nodes, entityID); !reflect.DeepEqual(got, tt.nodes) {
			t.Errorf("as of %q, depth %d: nodes %q, want %q", tt.asOf, tt.depth, got, tt.nodes)
		}
		if got := ids(g.Edges, relationID); !reflect.DeepEqual(got, append([]string{}, tt.edges...)) {
			t.Errorf("as of %q, depth %d: edges %q, want %q", tt.asOf, tt.depth, got, tt.edges)
		}
	}
	_, err := v.Neighborhood(bayern.ID, 4, nil, "")
	wantCode(t, "depth 4", err, graph.EINVALID)
	_, err = v.Neighborhood("state:atlantis", 1, nil, "")
	wantCode(t, "unknown entity", err, graph.ENOTFOUND)
}
