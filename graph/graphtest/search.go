package graphtest

import (
	"fmt"
	"testing"
)

var searchTests = []subtest{
	{"FoldsUmlauts", testSearchFolds},
	{"MatchesAliases", testSearchAliases},
	{"RanksByRankThenID", testSearchRanks},
	{"RespectsLimit", testSearchLimit},
	{"NoMatch", testSearchNoMatch},
}

// A searchCase is a query and the entities it finds, in order.
type searchCase struct {
	q     string
	limit int
	want  []string
}

func runSearchCases(t *testing.T, h *harness, tests []searchCase) {
	t.Helper()
	h.load()
	for _, tt := range tests {
		got, err := h.s.Search(h.ctx, tt.q, tt.limit)
		if err != nil {
			t.Fatalf("Search(%q, %d): %v", tt.q, tt.limit, err)
		}
		wantIDs(t, fmt.Sprintf("Search(%q, %d)", tt.q, tt.limit), ids(got), tt.want)
		for _, e := range got {
			if e.Name == "" || e.Type == "" {
				t.Errorf("Search(%q): incomplete entity %+v", tt.q, e)
			}
		}
	}
}

func testSearchFolds(t *testing.T, h *harness) {
	runSearchCases(t, h, []searchCase{
		{"stuebgen", 10, []string{stuebgen}},
		{"STÜBGEN", 10, []string{stuebgen}},
		{"STRASSE", 10, []string{datenstrasse}},
		{"straße", 10, []string{datenstrasse}},
		{"thueringen", 10, []string{thueringen}},
		{"  Cloud-Plattform   SÜD ", 10, []string{cloudSued}},
	})
}

func testSearchAliases(t *testing.T, h *harness) {
	runSearchCases(t, h, []searchCase{
		{"Freistaat", 10, []string{bayern, sachsen, thueringen}},
		{"land", 10, []string{bayern, brandenburg}},
		{"Verbund Mitte", 10, []string{itVerbund}},
		{"govdigital eg", 10, []string{govdigital}},
	})
}

func testSearchRanks(t *testing.T, h *harness) {
	runSearchCases(t, h, []searchCase{
		// Exact, prefix, infix: the reverse of ID order.
		{"cloud", 10, []string{cloud, cloudSued, vcNord}},
		// All infix: by ID.
		{"nord", 10, []string{statistikamt, vcNord, datenstrasse}},
		{"sachsen", 10, []string{sachsen, sachsenAnhalt}},
	})
}

func testSearchLimit(t *testing.T, h *harness) {
	runSearchCases(t, h, []searchCase{
		{"cloud", 2, []string{cloud, cloudSued}},
		{"cloud", 1, []string{cloud}},
		{"nord", 2, []string{statistikamt, vcNord}},
	})
}

func testSearchNoMatch(t *testing.T, h *harness) {
	runSearchCases(t, h, []searchCase{
		{"Atlantis", 10, nil},
		{"cloudy", 10, nil},
	})
}
