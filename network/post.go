package network

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

// Post is an office at a party that persons hold over time, the gender forms of its name
// folded into one: "Digitalminister/in" of Bayern, whether a release writes
// "Digitalministerin" or "Digitalminister".
type Post struct {
	Party graph.Entity
	// Name is the office as PostName writes it.
	Name string
	// Holders are the persons the releases name in the office, the earliest first.
	Holders []Holder
}

// Holder is a person in a post, as read from dated releases.
type Holder struct {
	Person graph.Entity
	// Roles are the names under which releases give the person the office, sorted.
	Roles []string
	// FirstSeen and LastSeen are the dates of the earliest and latest release naming the
	// person in the office; "" when none is dated.
	FirstSeen, LastSeen string
	// Relations are the HOLDS_ROLE relations that say so, ordered by ID.
	Relations []graph.Relation
}

// PostFilter selects posts. Empty fields select everything.
type PostFilter struct {
	// Party keeps the posts at this entity.
	Party string
	// Holder keeps the posts this person held (with all their holders).
	Holder string
	// Role keeps the posts of this office in any of its gender forms: "Digitalministerin",
	// "Digitalminister" and "Digitalminister/in" select the same posts.
	Role string
}

// Posts returns the posts f selects, ordered by party ID, then name. An unknown party or
// holder is ENOTFOUND.
func (x *View) Posts(f PostFilter) ([]Post, error) {
	for _, id := range []string{f.Party, f.Holder} {
		if id != "" {
			if _, err := x.entity(id); err != nil {
				return nil, err
			}
		}
	}
	return x.filterPosts(f), nil
}

func (x *View) filterPosts(f PostFilter) []Post {
	role := ""
	if f.Role != "" {
		role = graph.Fold(PostName(f.Role))
	}
	var out []Post
	for _, p := range x.posts {
		if f.Party != "" && p.Party.ID != f.Party || role != "" && graph.Fold(p.Name) != role {
			continue
		}
		if f.Holder != "" && !slices.ContainsFunc(p.Holders, func(h Holder) bool { return h.Person.ID == f.Holder }) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// readPosts gathers the HOLDS_ROLE relations into posts.
func (x *View) readPosts() []Post {
	type key struct {
		party int
		name  string
	}
	posts := map[key]*Post{}
	holders := map[key]map[int]*Holder{}
	for i, r := range x.relations {
		if r.Type != graph.HoldsRole {
			continue
		}
		name := PostName(r.Role)
		k := key{x.ends[i][1], graph.Fold(name)}
		if _, ok := posts[k]; !ok {
			posts[k], holders[k] = &Post{Party: x.entities[k.party], Name: name}, map[int]*Holder{}
		}
		person := x.ends[i][0]
		h, ok := holders[k][person]
		if !ok {
			h = &Holder{Person: x.entities[person]}
			holders[k][person] = h
		}
		h.Relations = append(h.Relations, r)
		if !slices.Contains(h.Roles, r.Role) {
			h.Roles = append(h.Roles, r.Role)
		}
		if first := r.FirstSeen(); first != "" && (h.FirstSeen == "" || first < h.FirstSeen) {
			h.FirstSeen = first
		}
		h.LastSeen = max(h.LastSeen, r.LastSeen())
	}
	out := make([]Post, 0, len(posts))
	for k, p := range posts {
		for _, h := range holders[k] {
			slices.Sort(h.Roles)
			p.Holders = append(p.Holders, *h)
		}
		slices.SortFunc(p.Holders, func(a, b Holder) int {
			if (a.FirstSeen == "") != (b.FirstSeen == "") {
				return undatedLast(a.FirstSeen)
			}
			if c := cmp.Compare(a.FirstSeen, b.FirstSeen); c != 0 {
				return c
			}
			return cmp.Compare(a.Person.ID, b.Person.ID)
		})
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b Post) int {
		if c := cmp.Compare(a.Party.ID, b.Party.ID); c != 0 {
			return c
		}
		return cmp.Compare(graph.Fold(a.Name), graph.Fold(b.Name))
	})
	return out
}

// undatedLast orders a before b when only b is undated.
func undatedLast(a string) int {
	if a == "" {
		return 1
	}
	return -1
}

// Gender forms of German office names. Most feminine forms add -in to the masculine
// (Minister → Ministerin, Präsident → Präsidentin); some change more.
var (
	// irregularForms are masculine and feminine endings that differ by more than -in.
	irregularForms = [][2]string{
		{"mann", "frau"}, {"rat", "rätin"}, {"stand", "ständin"}, {"arzt", "ärztin"},
		{"kämmerer", "kämmerin"}, {"kollege", "kollegin"}, {"beamter", "beamtin"}, {"anwalt", "anwältin"},
	}
	// adjectivalForms are offices named by an adjective, feminine -e and masculine -er:
	// "Beauftragte/r".
	adjectivalForms = []string{
		"beauftragte", "beigeordnete", "vorsitzende", "abgeordnete", "angestellte", "delegierte",
		"bevollmächtigte", "gesandte", "sachverständige", "bedienstete",
	}
	// masculineEndings end masculine office names whose feminine adds -in.
	masculineEndings = []string{"er", "or", "ent", "är", "ef", "eur", "ant", "ist", "ekt", "at", "ör"}
	// ungendered are words with such an ending that are no German office name.
	ungendered = []string{"officer", "member"}
)

// PostName returns the office role names with its gender forms folded into one, so that both
// forms name the same post: "Digitalministerin" and "Digitalminister" → "Digitalminister/in",
// "Landrätin" → "Landrat/Landrätin", "Beauftragter für Digitales" → "Beauftragte/r für
// Digitales", "stellvertretende Vorsitzende" → "stellvertretende/r Vorsitzende/r". The head
// word is the last before a word in lower case ("für", "der"); the words before it are
// taken as adjectives. Names without gender forms ("CIO") stay as they are.
func PostName(role string) string {
	words := strings.Fields(role)
	if len(words) == 0 {
		return ""
	}
	head := len(words) - 1
	for i := 1; i < len(words); i++ {
		if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) {
			head = i - 1
			break
		}
	}
	for i := range head {
		words[i] = foldAdjective(words[i])
	}
	words[head] = foldNoun(words[head])
	return strings.Join(words, " ")
}

// foldAdjective writes an adjective before an office in both forms: "stellvertretender"
// and "stellvertretende" → "stellvertretende/r".
func foldAdjective(w string) string {
	switch {
	case strings.Contains(w, "/"):
		return w
	case strings.HasSuffix(w, "er") && len(w) > 3:
		return w[:len(w)-1] + "/r"
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return w + "/r"
	}
	return w
}

// foldNoun writes the name of an office in both forms.
func foldNoun(w string) string {
	lower := strings.ToLower(w)
	if strings.Contains(w, "/") || slices.Contains(ungendered, lower) {
		return w
	}
	for _, f := range irregularForms {
		masc, fem := f[0], f[1]
		for _, end := range []string{fem, masc} {
			if strings.HasSuffix(lower, end) {
				stem := w[:len(w)-len(end)]
				return stem + matchCase(stem, masc) + "/" + stem + matchCase(stem, fem)
			}
		}
	}
	for _, fem := range adjectivalForms {
		switch {
		case strings.HasSuffix(lower, fem):
			return w + "/r"
		case strings.HasSuffix(lower, fem+"r"):
			return w[:len(w)-1] + "/r"
		}
	}
	if stem, ok := strings.CutSuffix(w, "in"); ok && hasMasculineEnding(strings.ToLower(stem)) {
		return stem + "/in"
	}
	if hasMasculineEnding(lower) {
		return w + "/in"
	}
	return w
}

func hasMasculineEnding(w string) bool {
	for _, end := range masculineEndings {
		if strings.HasSuffix(w, end) && len(w) > len(end)+1 {
			return true
		}
	}
	return false
}

// matchCase returns the ending end capitalised when it starts the word, which it does
// when stem is empty.
func matchCase(stem, end string) string {
	if stem != "" {
		return end
	}
	r, size := utf8.DecodeRuneInString(end)
	return string(unicode.ToUpper(r)) + end[size:]
}
