package graph

import (
	"fmt"
	"testing"
)

func TestRelationWeightCountsReleases(t *testing.T) {
	evidence := func(releases ...string) []Evidence {
		ev := make([]Evidence, len(releases))
		for i, r := range releases {
			ev[i] = Evidence{ReleaseID: r, Sentence: fmt.Sprint(i)}
		}
		return ev
	}
	many := make([]string, 0, 80)
	for i := range 40 {
		// Each release twice, the second time far from the first.
		many = append(many, fmt.Sprint("r", i))
	}
	many = append(many, many...)
	for _, tc := range []struct {
		name     string
		releases []string
		want     int
	}{
		{"none", nil, 0},
		{"one", []string{"a"}, 1},
		{"two sentences of one release", []string{"a", "a"}, 1},
		{"releases apart", []string{"a", "b", "a", "c", "b"}, 3},
		{"more than a few", many, 40},
	} {
		if got := (Relation{Evidence: evidence(tc.releases...)}).Weight(); got != tc.want {
			t.Errorf("%s: got weight %d, want %d", tc.name, got, tc.want)
		}
	}
}
