package export

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

func TestParseFilter(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  network.Filter
	}{
		{"", network.Filter{}},
		{"types=MEMBER_OF,COOPERATES_WITH", network.Filter{RelationTypes: []graph.RelationType{graph.MemberOf, graph.CooperatesWith}}},
		{"types=MEMBER_OF&types=WORKS_ON", network.Filter{RelationTypes: []graph.RelationType{graph.MemberOf, graph.WorksOn}}},
		{"types=", network.Filter{}},
		{"entityTypes=State,+Organization", network.Filter{EntityTypes: []graph.EntityType{graph.State, graph.Organization}}},
		{"state=state:bayern", network.Filter{State: "state:bayern"}},
		{"state=DE-BY", network.Filter{State: "DE-BY"}},
		{"since=2020-01-01&until=2021-12-31&asOf=2021-06-30",
			network.Filter{Since: "2020-01-01", Until: "2021-12-31", AsOf: "2021-06-30"}},
	} {
		q, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseFilter(q)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseFilter(%q) = %+v, %v; want %+v", tc.query, got, err, tc.want)
		}
	}
}

func TestParseFilterRejects(t *testing.T) {
	for _, tc := range []struct {
		query, want string // want: part of the error message
	}{
		{"type=MEMBER_OF", `unknown parameter "type"`},
		{"format=csv", `unknown parameter "format"`},
		{"types=MEMBER", `unknown relation type "MEMBER": want MEMBER_OF, COOPERATES_WITH, HOLDS_ROLE, WORKS_ON`},
		{"types=member_of", `unknown relation type "member_of"`},
		{"entityTypes=Land", `unknown entity type "Land": want State, Federal`},
		{"state=state:bayern&state=state:hessen", `parameter "state" given 2 times`},
		{"since=22.07.2021", `"22.07.2021"`},
		{"asOf=2021-13-01", `"2021-13-01"`},
	} {
		q, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseFilter(q)
		if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseFilter(%q): error %v, want EINVALID with %q", tc.query, err, tc.want)
		}
	}
}
