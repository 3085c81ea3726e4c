package graph

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Stübgen", "stuebgen"},
		{"STRASSE", "strasse"},
		{"Straße", "strasse"},
		{"Ein- und Auswanderung", "ein und auswanderung"},
		{"  govdigital eG ", "govdigital eg"},
		{"Île-de-France", "ile de france"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEntityID(t *testing.T) {
	tests := []struct {
		typ  EntityType
		name string
		want string
	}{
		{State, "Bayern", "state:bayern"},
		{Organization, "govdigital", "org:govdigital"},
		{Person, "Judith Gerlach", "person:judith-gerlach"},
		{Person, "Michael Stübgen", "person:michael-stuebgen"},
		{Topic, "Ein- und Auswanderung", "topic:ein-und-auswanderung"},
		{Federal, "Bund", "federal:bund"},
	}
	for _, tt := range tests {
		if got := EntityID(tt.typ, tt.name); got != tt.want {
			t.Errorf("EntityID(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}

func TestSearchRank(t *testing.T) {
	e := Entity{Name: "Michael Stübgen", Aliases: []string{"Stübgen"}}
	tests := []struct {
		q    string
		want int
	}{
		{"stuebgen", 0},
		{"MICHAEL", 1},
		{"chael st", 2},
		{"gerlach", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := SearchRank(e, tt.q); got != tt.want {
			t.Errorf("SearchRank(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}
