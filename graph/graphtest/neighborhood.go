package graphtest

import (
	"fmt"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var neighborhoodTests = []subtest{
	{"Depth", testNeighborhoodDepth},
	{"FollowsTypes", testNeighborhoodTypes},
	{"IgnoresDirection", testNeighborhoodDirection},
	{"InvalidDepth", testNeighborhoodInvalid},
	{"UnknownIsNotFound", testNeighborhoodUnknown},
}

// A neighborhoodCase is a walk and the subgraph it finds.
type neighborhoodCase struct {
	id    string
	depth int
	types []graph.RelationType
	nodes []string
	edges []string
}

func runNeighborhoodCases(t *testing.T, h *harness, tests []neighborhoodCase) {
	t.Helper()
	h.load()
	for _, tt := range tests {
		what := fmt.Sprintf("Neighborhood(%s, %d, %v)", tt.id, tt.depth, tt.types)
		g, err := h.s.Neighborhood(h.ctx, tt.id, tt.depth, tt.types)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		wantIDs(t, what+" nodes", ids(g.Nodes), sorted(tt.nodes...))
		wantIDs(t, what+" edges", ids(g.Edges), sorted(tt.edges...))
		// Nodes and edges are whole, as Entity and Relations return them.
		for _, n := range g.Nodes {
			wantEqual(t, what+" node", []graph.Entity{n}, []graph.Entity{h.mustEntity(n.ID)})
		}
		for _, e := range g.Edges {
			wantEqual(t, what+" edge", []graph.Relation{e}, []graph.Relation{h.mustRelation(e.ID)})
		}
	}
}

func testNeighborhoodDepth(t *testing.T, h *harness) {
	d1 := []string{sachsen, sachsenAnhalt, thueringen}
	e1 := []string{coopSachsenThueringen, coopSachsenSachsenAnhalt}
	d2 := append([]string{itVerbund}, d1...)
	// Sachsen-Anhalt and Thüringen are both at distance 1: their relation is followed
	// at depth 2, not at depth 1.
	e2 := append([]string{coopSachsenAnhaltThuer, memberThueringenVerbund}, e1...)
	d3 := append([]string{registermod, voigt}, d2...)
	// The relations beyond Registermodernisierung (distance 3) are not followed.
	e3 := append([]string{worksVerbundRegister, roleVoigt}, e2...)
	runNeighborhoodCases(t, h, []neighborhoodCase{
		{id: sachsen, depth: 1, nodes: d1, edges: e1},
		{id: sachsen, depth: 2, nodes: d2, edges: e2},
		{id: sachsen, depth: 3, nodes: d3, edges: e3},
	})
}

func testNeighborhoodTypes(t *testing.T, h *harness) {
	coop := []graph.RelationType{graph.CooperatesWith}
	runNeighborhoodCases(t, h, []neighborhoodCase{
		{id: sachsen, depth: 3, types: coop,
			nodes: []string{sachsen, sachsenAnhalt, thueringen},
			edges: []string{coopSachsenThueringen, coopSachsenSachsenAnhalt, coopSachsenAnhaltThuer}},
		{id: sachsen, depth: 3, types: []graph.RelationType{graph.MemberOf, graph.CooperatesWith},
			nodes: []string{sachsen, sachsenAnhalt, thueringen, itVerbund},
			edges: []string{coopSachsenThueringen, coopSachsenSachsenAnhalt, coopSachsenAnhaltThuer, memberThueringenVerbund}},
		{id: itVerbund, depth: 2, types: []graph.RelationType{graph.HoldsRole},
			nodes: []string{itVerbund, voigt},
			edges: []string{roleVoigt}},
		{id: voigt, depth: 3, types: coop, nodes: []string{voigt}},
	})
}

func testNeighborhoodDirection(t *testing.T, h *harness) {
	runNeighborhoodCases(t, h, []neighborhoodCase{
		{id: voigt, depth: 1, nodes: []string{voigt, itVerbund}, edges: []string{roleVoigt}},
		{id: registermod, depth: 1,
			nodes: []string{registermod, fitko, itVerbund, statistikamt},
			edges: []string{worksFitkoRegister, worksVerbundRegister, worksStatistikRegister}},
		{id: registermod, depth: 2,
			nodes: []string{registermod, fitko, itVerbund, statistikamt, hessen, thueringen, voigt},
			edges: []string{worksFitkoRegister, worksVerbundRegister, worksStatistikRegister,
				coopFitkoHessen, memberThueringenVerbund, roleVoigt}},
	})
}

func testNeighborhoodInvalid(t *testing.T, h *harness) {
	h.load()
	tests := []struct {
		depth int
		types []graph.RelationType
	}{
		{0, nil},
		{-1, nil},
		{graph.MaxDepth + 1, nil},
		{1, []graph.RelationType{"KNOWS"}},
	}
	for _, tt := range tests {
		_, err := h.s.Neighborhood(h.ctx, sachsen, tt.depth, tt.types)
		wantCode(t, fmt.Sprintf("Neighborhood(%s, %d, %v)", sachsen, tt.depth, tt.types), err, graph.EINVALID)
	}
}

func testNeighborhoodUnknown(t *testing.T, h *harness) {
	h.load()
	_, err := h.s.Neighborhood(h.ctx, "state:atlantis", 1, nil)
	wantCode(t, "Neighborhood(unknown)", err, graph.ENOTFOUND)
}
