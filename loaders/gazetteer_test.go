package loaders

import (
	"regexp"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// TestGazetteerLaender checks the reference data of the 16 Länder: each with its ISO
// 3166-2 code and Wikidata item.
func TestGazetteerLaender(t *testing.T) {
	g := defaultGazetteer()
	iso := regexp.MustCompile(`^DE-[A-Z]{2}$`)
	qid := regexp.MustCompile(`^Q[1-9][0-9]*$`)
	n := 0
	codes := map[string]bool{}
	for _, e := range g.entries {
		if e.Type != graph.State || !iso.MatchString(e.ISO) {
			continue
		}
		n++
		if !qid.MatchString(e.QID) {
			t.Errorf("%s: QID %q", e.Name, e.QID)
		}
		if codes[e.ISO] {
			t.Errorf("%s: ISO code %s twice", e.Name, e.ISO)
		}
		codes[e.ISO] = true
	}
	if n != 16 {
		t.Errorf("%d Länder with a DE-xx code, want 16", n)
	}
}

// TestGazetteerMatch checks that names, their inflected and abbreviated forms and
// adjectives find their entries, and that case keeps acronyms apart from words.
func TestGazetteerMatch(t *testing.T) {
	g := defaultGazetteer()
	tests := []struct {
		text string
		want string // canonical name, "" for no match at the first token
	}{
		{"Bayerns Digitalministerin", "Bayern"},
		{"Freistaates Sachsen", "Sachsen"},
		{"NRW", "Nordrhein-Westfalen"},
		{"govdigital eG", "govdigital"},
		{"GovDigital e.G.", "govdigital"},
		{"Föderale IT-Kooperation", "FITKO"},
		{"Ein- und Auswanderung", "Ein- und Auswanderung"},
		{"Ein- & Auswanderung", "Ein- und Auswanderung"},
		{"digitalen Souveränität", "Digitale Souveränität"},
		{"Bundesinnenministerium", "BMI"},
		{"Bundesregierung", "Bund"},
		{"Kommunalen IT-Union", "KITU"},
		{"Deutschen Rentenversicherung", "Deutsche Rentenversicherung"},
		{"bmi", ""},
		{"Bildung", "Bildung"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text)
		f, _, ok := g.match(toks, 0)
		got := ""
		if ok {
			got = f.entry.Name
		}
		if got != tt.want {
			t.Errorf("match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestGazetteerRoles checks role heads, compounds and the words that name no office.
func TestGazetteerRoles(t *testing.T) {
	g := defaultGazetteer()
	tests := []struct {
		word string
		want bool
	}{
		{"Digitalministerin", true},
		{"Landesdigitalisierungsminister", true},
		{"Staatssekretär", true},
		{"Verbandsvorsteher", true},
		{"Oberbürgermeisterin", true},
		{"CIO", true},
		{"Landrätin", true},
		{"Hauptgeschäftsführer", true},
		{"Digitalisierung", false},
		{"Senatsverwaltung", false},
		{"Planungsrat", false},
	}
	for _, tt := range tests {
		if _, _, got := g.roleHead(tt.word); got != tt.want {
			t.Errorf("roleHead(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestGazetteerFirstNames checks first names, hyphenated ones included.
func TestGazetteerFirstNames(t *testing.T) {
	g := defaultGazetteer()
	for _, name := range []string{"Judith", "Markus", "Ina-Marina", "Sören", "André"} {
		if !g.isFirstName(name) {
			t.Errorf("isFirstName(%q) = false, want true", name)
		}
	}
	for _, word := range []string{"Digitalisierung", "judith", "Bayern"} {
		if g.isFirstName(word) {
			t.Errorf("isFirstName(%q) = true, want false", word)
		}
	}
}

// TestTokenize checks that abbreviations, ordinals and names with dots stay whole.
func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dr. Markus Richter (BMI).", []string{"Dr.", "Markus", "Richter", "(", "BMI", ")", "."}},
		{"die Komm.ONE AöR, der 23. Partner", []string{"die", "Komm.ONE", "AöR", ",", "der", "23.", "Partner"}},
		{"„BayernPortal“ und FITKO(v. l.)", []string{"„", "BayernPortal", "“", "und", "FITKO", "(", "v.", "l.", ")"}},
		{"GovTech Campus e.V.", []string{"GovTech", "Campus", "e.V."}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.in) {
			got = append(got, tok.Text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

// TestGazetteerMunicipalities checks the towns of the postal register: a town no other list
// knows is found where it acts, its bare name stands for a qualified one, and a name that is
// also a German word or a first name is left out.
func TestGazetteerMunicipalities(t *testing.T) {
	g := defaultGazetteer()
	tests := []struct {
		name string
		want string // canonical name of the entry, "" for none
	}{
		{"Heroldstatt", "Heroldstatt"},
		{"Knüllwald", "Knüllwald"},
		{"Nebra", "Nebra (Unstrut)"},
		{"Nebra (Unstrut)", "Nebra (Unstrut)"},
		{"Essen", "Essen"}, // the city list's, not the word
		{"Berg", ""},       // a common noun first
		{"Weil", ""},       // a conjunction first
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.name)
			f, end, ok := g.match(toks, 0)
			got := ""
			if ok && end == len(toks) {
				got = f.entry.Name
			}
			if got != tt.want {
				t.Errorf("match(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
