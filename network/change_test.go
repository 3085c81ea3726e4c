package network_test

import (
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

func TestChanges(t *testing.T) {
	v := MustView(t, northGraph(t))
	for _, tt := range []struct {
		name string
		q    network.ChangeQuery
		want []string
		more bool
	}{
		// Bayern–Hessen, stated again in 2021, is not new in 2020–2021.
		{"interval", network.ChangeQuery{Since: "2020-01-01", Until: "2021-12-31"},
			[]string{coopHessenHamburg, roleKuehn, memberBayernGov}, false},
		// Two relations first stated on 2018-02-01: ordered by ID.
		{"open start, by first seen then ID", network.ChangeQuery{Until: "2018-12-31"},
			[]string{coopHamburgDataport, memberHamburgDp, coopHamburgBremen}, false},
		{"open end", network.ChangeQuery{Since: "2021-07-22"}, []string{memberBayernGov, memberHamburgGov}, false},
		{"first page", network.ChangeQuery{Page: graph.Page{First: 2}}, []string{coopHamburgDataport, memberHamburgDp}, true},
		{"next page", network.ChangeQuery{Page: graph.Page{First: 3, After: memberHamburgDp}},
			[]string{coopHamburgBremen, coopBayernHessen, memberBremenDp}, true},
		{"types", network.ChangeQuery{Types: []graph.RelationType{graph.MemberOf}, Since: "2019-01-01"},
			[]string{memberBremenDp, memberBayernGov, memberHamburgGov}, false},
		{"nothing new", network.ChangeQuery{Since: "2023-01-01"}, []string{}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page, err := v.Changes(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Items, relationID); !reflect.DeepEqual(got, tt.want) || page.More != tt.more {
				t.Errorf("got %q (more %v), want %q (more %v)", got, page.More, tt.want, tt.more)
			}
		})
	}
	// The undated Berlin–Brandenburg relation never appears: 9 of the 10 relations are dated.
	page, err := v.Changes(network.ChangeQuery{})
	if err != nil || page.Total != 9 {
		t.Errorf("all changes: got total %d, %v; want 9", page.Total, err)
	}
	for _, tt := range []struct {
		name string
		q    network.ChangeQuery
	}{
		{"backwards", network.ChangeQuery{Since: "2022-01-01", Until: "2021-01-01"}},
		{"malformed", network.ChangeQuery{Since: "gestern"}},
		{"unknown cursor", network.ChangeQuery{Page: graph.Page{After: "nope"}}},
		{"unknown type", network.ChangeQuery{Types: []graph.RelationType{"X"}}},
	} {
		_, err := v.Changes(tt.q)
		wantCode(t, tt.name, err, graph.EINVALID)
	}
}
