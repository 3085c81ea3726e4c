package network_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
)

// TestRelationsAnswerAsTheStore asks a View and the embedded store holding the same releases
// the same questions: the answers must be equal.
func TestRelationsAnswerAsTheStore(t *testing.T) {
	ctx := context.Background()
	releases := releasesOf(northFacts)
	store, err := bolt.Open(filepath.Join(t.TempDir(), "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, r := range releases {
		if _, err := store.PutRelease(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	v := MustView(t, aggregate(t, "north", releases))
	coopOnly := []graph.RelationType{graph.CooperatesWith}
	for _, f := range []graph.RelationFilter{
		{},
		{Page: graph.Page{First: 3}},
		{Page: graph.Page{First: 3, After: coopBayernHessen}},
		{Entity: hamburg.ID},
		{Entity: hamburg.ID, Page: graph.Page{First: 2, After: coopHamburgDataport}},
		{From: hamburg.ID},
		{To: hamburg.ID},
		{From: hamburg.ID, Types: coopOnly},
		{To: hessen.ID, From: hamburg.ID},
		{Types: []graph.RelationType{graph.MemberOf, graph.HoldsRole}},
		{Since: "2020-01-01", Until: "2021-12-31"},
		{Until: "2019-12-31", Entity: bayern.ID},
		{Entity: "state:atlantis"},
		{Page: graph.Page{After: "zzz"}},
	} {
		want, err := store.Relations(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.Relations(f)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || got.More != want.More || !reflect.DeepEqual(ids(got.Items, relationID), ids(want.Items, relationID)) {
			t.Errorf("Relations(%+v):\n got %q total %d more %v\nwant %q total %d more %v", f,
				ids(got.Items, relationID), got.Total, got.More, ids(want.Items, relationID), want.Total, want.More)
			continue
		}
		for i := range got.Items {
			if g, w := fmt.Sprint(got.Items[i]), fmt.Sprint(want.Items[i]); g != w {
				t.Errorf("Relations(%+v) item %d:\n got %s\nwant %s", f, i, g, w)
			}
		}
	}
	_, err = v.Relations(graph.RelationFilter{Since: "2021"})
	wantCode(t, "malformed date", err, graph.EINVALID)
}
