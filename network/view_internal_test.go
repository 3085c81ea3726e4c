package network

import (
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// TestNetworkLeavesCentralityUncomputed: a dashboard's network needs the communities, not
// the betweenness, which costs most on a large graph.
func TestNetworkLeavesCentralityUncomputed(t *testing.T) {
	bayern, hessen := graph.NewEntity(graph.State, "Bayern"), graph.NewEntity(graph.State, "Hessen")
	id := graph.RelationID(graph.CooperatesWith, bayern.ID, hessen.ID, "")
	x, err := newView(graph.Snapshot{Version: "v", Subgraph: graph.Subgraph{
		Nodes: []graph.Entity{bayern, hessen},
		Edges: []graph.Relation{{ID: id, Type: graph.CooperatesWith, From: bayern.ID, To: hessen.ID,
			Evidence: []graph.Evidence{{ReleaseID: "r", Date: "2020-01-01"}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.Network(Filter{}); err != nil {
		t.Fatal(err)
	}
	if x.communities.v == nil || x.centrality.v != nil {
		t.Errorf("after Network: communities computed %v, centrality computed %v; want true, false", x.communities.v != nil, x.centrality.v != nil)
	}
	x.Centrality(CentralityQuery{By: ByBetweenness})
	if x.centrality.v == nil {
		t.Error("Centrality did not compute the centralities")
	}
}
