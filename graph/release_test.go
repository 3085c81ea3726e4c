package graph

import (
	"errors"
	"strings"
	"testing"
)

func validRelease() Release {
	return Release{
		Source: "samples/bayern-tritt-govdigital-bei.md",
		Date:   "2021-07-22",
		Entities: []Entity{
			NewEntity(State, "Bayern"),
			NewEntity(Organization, "govdigital"),
			NewEntity(Person, "Judith Gerlach"),
			NewEntity(Topic, "Blockchain"),
		},
		Facts: []Fact{
			{Type: MemberOf, From: "state:bayern", To: "org:govdigital"},
			{Type: HoldsRole, From: "person:judith-gerlach", To: "state:bayern", Role: "Digitalministerin"},
			{Type: WorksOn, From: "org:govdigital", To: "topic:blockchain"},
		},
	}.WithID()
}

func TestReleaseValidate(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Release)
		wantErr string
	}{
		{"valid", func(*Release) {}, ""},
		{"no source", func(r *Release) { r.Source = "" }, "without source"},
		{"foreign id", func(r *Release) { r.ID = "other" }, "id"},
		{"bad date", func(r *Release) { r.Date = "22.07.2021" }, "YYYY-MM-DD"},
		{"unlisted entity", func(r *Release) { r.Facts[0].To = "org:fitko" }, "does not list"},
		{"role without role", func(r *Release) { r.Facts[1].Role = "" }, "not allowed"},
		{"person as member", func(r *Release) { r.Facts[0].From = "person:judith-gerlach" }, "not allowed"},
		{"works on a state", func(r *Release) { r.Facts[2].To = "state:bayern" }, "not allowed"},
		{"bad entity id", func(r *Release) { r.Entities[0].ID = "state:bavaria" }, "want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRelease()
			tt.change(&r)
			err := r.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v, want an error containing %q", err, tt.wantErr)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("got code %q, want %q", ErrorCode(err), EINVALID)
			}
		})
	}
}

func TestReleaseID(t *testing.T) {
	a := ReleaseID("samples/seed.md")
	if a != ReleaseID("samples/seed.md") {
		t.Fatal("ReleaseID is not stable")
	}
	if a == ReleaseID("other/seed.md") {
		t.Errorf("two sources share the ID %q", a)
	}
	if !strings.HasPrefix(a, "seed-") {
		t.Errorf("got %q, want it to start with the slug of the base name", a)
	}
}

func TestRelationIDSymmetric(t *testing.T) {
	a := RelationID(CooperatesWith, "state:bayern", "state:brandenburg", "")
	b := RelationID(CooperatesWith, "state:brandenburg", "state:bayern", "")
	if a != b {
		t.Errorf("got %q and %q, want one ID for both orders", a, b)
	}
	if RelationID(MemberOf, "a", "b", "") == RelationID(MemberOf, "b", "a", "") {
		t.Error("a directed relation got the same ID in both directions")
	}
}

func TestRelationFilterMatches(t *testing.T) {
	r := Relation{Type: CooperatesWith, From: "state:bayern", To: "state:brandenburg",
		Evidence: []Evidence{{Date: "2020-12-09"}}}
	tests := []struct {
		name string
		f    RelationFilter
		want bool
	}{
		{"all", RelationFilter{}, true},
		{"type", RelationFilter{Types: []RelationType{MemberOf}}, false},
		{"reversed ends", RelationFilter{From: "state:brandenburg", To: "state:bayern"}, true},
		{"entity", RelationFilter{Entity: "state:brandenburg"}, true},
		{"other entity", RelationFilter{Entity: "state:hessen"}, false},
		{"since", RelationFilter{Since: "2020-12-09"}, true},
		{"until before", RelationFilter{Until: "2020-12-08"}, false},
	}
	for _, tt := range tests {
		if got := tt.f.Matches(r); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestErrorCode(t *testing.T) {
	wrapped := errors.Join(errors.New("context"), Errorf(ENOTFOUND, "no entity %q", "x"))
	if got := ErrorCode(wrapped); got != ENOTFOUND {
		t.Errorf("got %q, want %q", got, ENOTFOUND)
	}
	if got := ErrorCode(errors.New("boom")); got != EINTERNAL {
		t.Errorf("got %q, want %q", got, EINTERNAL)
	}
	if got := ErrorMessage(errors.New("secret detail")); got != "internal error" {
		t.Errorf("got %q, want %q", got, "internal error")
	}
}
