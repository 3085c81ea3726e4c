// Package synth generates realistic synthetic German press releases for benchmarks.
//
// A release is Markdown as a site publishes it, navigation and footer included: a headline,
// a dateline, and paragraphs built from sentence templates in the style of e-government
// releases (cooperation agreements, joins, platforms, offices in appositions and quotes).
// The parties are real (the Länder, the Bund, e-government organizations, cities) and drawn
// with a Zipf distribution, so that a few hubs appear in most releases; the persons are
// invented and hold their offices for terms of a few years. Each release comes with the facts
// its text states, as the extraction contract names them.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// Fact is one relation a synthetic release states.
type Fact struct {
	Type     graph.RelationType
	From, To graph.Entity
	// Role is the office, for HOLDS_ROLE; empty otherwise.
	Role string
}

// RelationID returns the ID of the relation f states, as graph.RelationID derives it.
func (f Fact) RelationID() string { return graph.RelationID(f.Type, f.From.ID, f.To.ID, f.Role) }

// String returns f as "TYPE From → To (Role)".
func (f Fact) String() string {
	s := fmt.Sprintf("%s %s → %s", f.Type, f.From.Name, f.To.Name)
	if f.Role != "" {
		s += " (" + f.Role + ")"
	}
	return s
}

// Generator writes the releases of one synthetic corpus.
type Generator struct {
	seed uint64
	zipf float64
}

// New returns the generator of the corpus seed names: the same seed gives the same corpus.
func New(seed uint64) *Generator { return &Generator{seed: seed, zipf: 1.1} }

// First and Last bound the publication dates of the releases.
var (
	First = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	Last  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// Release returns release i (i ≥ 0) of the corpus: a file name no other i has, the Markdown
// text, and the facts the text states, each once. It is the same on every call.
func (g *Generator) Release(i int) (name string, text []byte, facts []Fact) {
	w := &writer{
		g:    g,
		i:    i,
		rnd:  rand.New(rand.NewPCG(g.seed, uint64(i))),
		seen: map[string]bool{},
		used: map[int]bool{},
	}
	w.zipf = rand.NewZipf(w.rnd, g.zipf, 3, uint64(len(parties)-1))
	days := int(Last.Sub(First).Hours()/24) + 1
	w.date = First.AddDate(0, 0, w.rnd.IntN(days))
	switch k := w.rnd.IntN(100); {
	case k < 40:
		w.cooperationStory()
	case k < 65:
		w.joinStory()
	case k < 90:
		w.projectStory()
	default:
		w.appointmentStory()
	}
	slug := graph.Slug(w.headline)
	if len(slug) > 50 {
		slug = strings.TrimRight(slug[:50], "-")
	}
	return fmt.Sprintf("pm-%06d-%s.md", i, slug), w.text(), w.facts
}

// writer builds one release.
type writer struct {
	g        *Generator
	i        int
	rnd      *rand.Rand
	zipf     *rand.Zipf
	date     time.Time
	headline string
	paras    []string
	facts    []Fact
	seen     map[string]bool
	used     map[int]bool // fillers used
}

// state records a fact the text states.
func (w *writer) state(t graph.RelationType, from, to graph.Entity, role string) {
	f := Fact{Type: t, From: from, To: to, Role: role}
	if !t.Directed() && to.ID < from.ID {
		f.From, f.To = to, from
	}
	if id := f.RelationID(); !w.seen[id] {
		w.seen[id] = true
		w.facts = append(w.facts, f)
	}
}

func (w *writer) para(sentences ...string) {
	w.paras = append(w.paras, strings.Join(sentences, " "))
}

// pick returns one of xs.
func pick[T any](w *writer, xs []T) T { return xs[w.rnd.IntN(len(xs))] }

// party draws a party of one of the kinds (any kind when none given) that is not among
// except; hubs are drawn most often.
func (w *writer) party(kinds []kind, except ...party) party {
	if len(kinds) == 0 || hasKind(kinds, kindCity) {
		// An invented municipality in one of eight draws, or every other where only
		// municipalities qualify, from a pool that grows with the corpus.
		chance := 8
		if len(kinds) == 1 {
			chance = 2
		}
		if w.rnd.IntN(chance) == 0 {
			if p := municipality(w.rnd.IntN(min(municipalities, 20+w.i/50))); !among(p, except) {
				return p
			}
		}
	}
	for range 200 {
		p := parties[w.zipf.Uint64()]
		if (len(kinds) == 0 || hasKind(kinds, p.kind)) && !among(p, except) {
			return p
		}
	}
	// The distribution's tail holds every kind; this is reached only for rare kinds.
	for {
		p := pick(w, parties)
		if (len(kinds) == 0 || hasKind(kinds, p.kind)) && !among(p, except) {
			return p
		}
	}
}

func hasKind(ks []kind, k kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func among(p party, ps []party) bool {
	for _, q := range ps {
		if q.ID == p.ID {
			return true
		}
	}
	return false
}

// actors are the kinds of party that cooperate and work on projects.
var actors = []kind{kindState, kindFederal, kindCity, kindAuthority, kindProvider}

func (w *writer) pickTopic() graph.Entity { return graph.NewEntity(graph.Topic, pick(w, topics)) }

// pickProject draws a known project or one of the invented ones release i may name: the
// first 100, and one more every ten releases, so that projects keep appearing as the corpus
// grows and the early ones are named most.
func (w *writer) pickProject() graph.Entity {
	if w.rnd.IntN(5) == 0 {
		return graph.NewEntity(graph.Project, pick(w, knownProjects))
	}
	heads, tails := len(projectHeads), len(projectTails)
	k := w.rnd.IntN(min(heads*tails, 100+w.i/10))
	return graph.NewEntity(graph.Project, projectHeads[k%heads]+" "+projectTails[(k/heads+k)%tails])
}

// quoted returns a project's name as a sentence names it: invented ones in quotes.
func quoted(p graph.Entity) string {
	for _, k := range knownProjects {
		if k == p.Name {
			return p.Name
		}
	}
	return "„" + p.Name + "“"
}

// upper returns s with its first letter in upper case, as at the start of a sentence.
func upper(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// yearBefore returns a year not after before the release's, for "seit 2019".
func (w *writer) yearBefore() int {
	span := w.date.Year() - First.Year() + 1
	return w.date.Year() - w.rnd.IntN(span)
}
