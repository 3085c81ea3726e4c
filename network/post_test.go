package network_test

import (
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

func TestPostName(t *testing.T) {
	for _, tt := range []struct{ role, want string }{
		{"Digitalministerin", "Digitalminister/in"},
		{"Digitalminister", "Digitalminister/in"},
		{"Staatssekretärin", "Staatssekretär/in"},
		{"Präsident", "Präsident/in"},
		{"Geschäftsführerin", "Geschäftsführer/in"},
		{"Chefin", "Chef/in"},
		{"Senator", "Senator/in"},
		{"Landrätin", "Landrat/Landrätin"},
		{"Landrat", "Landrat/Landrätin"},
		{"Vorständin", "Vorstand/Vorständin"},
		{"Vorstand", "Vorstand/Vorständin"},
		{"Landeshauptmann", "Landeshauptmann/Landeshauptfrau"},
		{"Rat", "Rat/Rätin"},
		{"Amtskollegin", "Amtskollege/Amtskollegin"},
		{"Beauftragter für Informationstechnik", "Beauftragte/r für Informationstechnik"},
		{"Beauftragte für Informationstechnik", "Beauftragte/r für Informationstechnik"},
		{"Verbandsvorsitzender", "Verbandsvorsitzende/r"},
		{"stellvertretende Vorsitzende", "stellvertretende/r Vorsitzende/r"},
		{"Erster Bürgermeister", "Erste/r Bürgermeister/in"},
		{"Ministerin für Digitales und Medien", "Minister/in für Digitales und Medien"},
		{"Leiter der Abteilung Digitalisierung", "Leiter/in der Abteilung Digitalisierung"},
		{"Digitalminister/in", "Digitalminister/in"},
		{"CIO", "CIO"},
		{"Vorstandsmitglied", "Vorstandsmitglied"},
		{"Chief Information Officer", "Chief Information Officer"},
		{"", ""},
	} {
		if got := network.PostName(tt.role); got != tt.want {
			t.Errorf("PostName(%q) = %q, want %q", tt.role, got, tt.want)
		}
	}
}

// postGraph: Bayern's Digitalministerin Albrecht is followed by Digitalminister Fuchs;
// Kühn is Innenministerin of Bayern and later of Hessen.
func postGraph(tb testing.TB) graph.Snapshot {
	return MustSnapshot(tb, "posts",
		holds("2019-03-01", albrecht, "Digitalministerin", bayern),
		holds("2022-06-01", albrecht, "Digitalministerin", bayern),
		holds("2023-12-01", fuchs, "Digitalminister", bayern),
		holds("2024-02-01", fuchs, "Staatsminister für Digitales", bayern),
		holds("2018-01-10", kuehn, "Innenministerin", bayern),
		holds("2021-05-05", kuehn, "Innenministerin", hessen),
		holds("", fuchs, "Digitalminister", bayern),
	)
}

func TestPosts(t *testing.T) {
	v := MustView(t, postGraph(t))
	type holder struct {
		person, first, last string
		roles               []string
	}
	type post struct {
		party, name string
		holders     []holder
	}
	summarize := func(ps []network.Post) []post {
		out := []post{}
		for _, p := range ps {
			q := post{party: p.Party.ID, name: p.Name}
			for _, h := range p.Holders {
				q.holders = append(q.holders, holder{h.Person.ID, h.FirstSeen, h.LastSeen, h.Roles})
			}
			out = append(out, q)
		}
		return out
	}
	digital := post{bayern.ID, "Digitalminister/in", []holder{
		{albrecht.ID, "2019-03-01", "2022-06-01", []string{"Digitalministerin"}},
		{fuchs.ID, "2023-12-01", "2023-12-01", []string{"Digitalminister"}},
	}}
	innenBayern := post{bayern.ID, "Innenminister/in", []holder{{kuehn.ID, "2018-01-10", "2018-01-10", []string{"Innenministerin"}}}}
	innenHessen := post{hessen.ID, "Innenminister/in", []holder{{kuehn.ID, "2021-05-05", "2021-05-05", []string{"Innenministerin"}}}}
	staats := post{bayern.ID, "Staatsminister/in für Digitales", []holder{{fuchs.ID, "2024-02-01", "2024-02-01", []string{"Staatsminister für Digitales"}}}}
	for _, tt := range []struct {
		name   string
		filter network.PostFilter
		want   []post
	}{
		{"post in the feminine form", network.PostFilter{Party: bayern.ID, Role: "Digitalministerin"}, []post{digital}},
		{"post in the masculine form", network.PostFilter{Party: bayern.ID, Role: "Digitalminister"}, []post{digital}},
		{"post by its folded name", network.PostFilter{Role: "digitalminister/in"}, []post{digital}},
		{"posts of a party", network.PostFilter{Party: bayern.ID}, []post{digital, innenBayern, staats}},
		{"posts of a person", network.PostFilter{Holder: kuehn.ID}, []post{innenBayern, innenHessen}},
		{"a role at every party", network.PostFilter{Role: "Innenminister"}, []post{innenBayern, innenHessen}},
		{"a post nobody held", network.PostFilter{Party: hessen.ID, Role: "Digitalministerin"}, []post{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := v.Posts(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := summarize(ps); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	_, err := v.Posts(network.PostFilter{Party: "state:atlantis"})
	wantCode(t, "unknown party", err, graph.ENOTFOUND)
}

func TestPostHolderUndatedComesLast(t *testing.T) {
	snap := MustSnapshot(t, "posts",
		holds("", albrecht, "Präsidentin", dataport),
		holds("2020-01-01", fuchs, "Präsident", dataport),
	)
	ps, err := MustView(t, snap).Posts(network.PostFilter{Party: dataport.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || len(ps[0].Holders) != 2 || ps[0].Holders[0].Person.ID != fuchs.ID || ps[0].Holders[1].FirstSeen != "" {
		t.Errorf("got %+v, want one post Präsident/in, Fuchs (2020) first and Albrecht (undated) last", ps)
	}
}
