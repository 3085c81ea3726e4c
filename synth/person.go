package synth

import (
	"strings"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// maxTerms bounds how many persons hold one office between First and Last: a term lasts at
// least minTerm months.
const (
	maxTerms = 8
	minTerm  = 30
)

// holder returns the invented person who holds office r of party p on day, and the office
// as the text names it (Digitalminister or Digitalministerin). Every office has its own
// holders, each for a term of 30 to 66 months, so that a person appears in many releases
// with one office and is succeeded by another.
func (g *Generator) holder(p party, r int, day time.Time) (graph.Entity, string) {
	post := uint64(p.post + r)
	h := mix(g.seed ^ (post+1)*0x9e3779b97f4a7c15)
	length := minTerm + h%37
	months := uint64(day.Year()-First.Year())*12 + uint64(day.Month()) - 1
	term := (months + (h>>16)%length) / length
	// A multiplier prime to the number of names maps every office and term to its own name.
	firsts := len(femaleNames) + len(maleNames)
	names := uint64(firsts * len(surnames))
	n := int(((post*maxTerms+term)*1097 + g.seed%names) % names)
	first := n % firsts
	o := p.offices[r]
	if first < len(femaleNames) {
		return graph.NewEntity(graph.Person, femaleNames[first]+" "+surnames[n/firsts]), o.f
	}
	return graph.NewEntity(graph.Person, maleNames[first-len(femaleNames)]+" "+surnames[n/firsts]), o.m
}

func init() {
	names := (len(femaleNames) + len(maleNames)) * len(surnames)
	if (fixedPosts+municipalities)*maxTerms > names || names%1097 == 0 {
		panic("synth: too few names for the offices")
	}
}

// mix is SplitMix64's finalizer: a cheap, well-spread hash of x.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// office picks an office of p, the first most often, and returns its holder on the
// release's day.
func (w *writer) office(p party) (graph.Entity, string) {
	r := 0
	if n := len(p.offices); n > 1 && w.rnd.IntN(2) == 0 {
		r = w.rnd.IntN(n)
	}
	return w.g.holder(p, r, w.date)
}

var (
	quotes = []string{
		"Wir machen die Verwaltung gemeinsam digitaler",
		"Davon profitieren die Bürgerinnen und Bürger ganz direkt",
		"Das ist ein wichtiger Schritt für eine moderne Verwaltung",
		"Niemand muss das Rad neu erfinden",
		"Digitale Verwaltung gelingt nur im Verbund",
		"Wir setzen auf offene Standards und bewährte Lösungen",
		"Damit zeigen wir, dass Föderalismus auch digital funktioniert",
		"Gute Lösungen sollen schnell in die Fläche kommen",
	}
	sayings = []string{"sagte", "betonte", "erklärte", "unterstrich"}
	verbs   = []string{
		"begrüßte die Entscheidung", "lobte die gute Zusammenarbeit", "zeigte sich erfreut über den Schritt",
		"betonte die Bedeutung des Vorhabens für die Verwaltung", "dankte allen Beteiligten",
	}
)

// statement returns a sentence in which the holder of an office of p speaks, naming the
// office the way releases do (Bayerns Digitalministerin Anna Kühn, Jonas Ebermann,
// Vorstand der AKDB, …), and records the office.
func (w *writer) statement(p party) string {
	x, r := w.office(p)
	w.state(graph.HoldsRole, x, p.Entity, r)
	titled := r + " " + x.Name + " (" + p.Name + ")"
	switch {
	case p.kind == kindFederal && strings.HasPrefix(r, "Bundes"):
		// The office names its party: "Bundesinnenministerin Karla Wendt" and no "des Bundes".
		titled = r + " " + x.Name
		if w.rnd.IntN(2) == 0 {
			return "„" + pick(w, quotes) + "“, " + pick(w, sayings) + " " + titled + "."
		}
		return titled + " " + pick(w, verbs) + "."
	case p.gen != "":
		titled = p.gen + " " + r + " " + x.Name
	}
	article := "Der"
	if strings.HasSuffix(r, "in") || strings.HasSuffix(r, "e") || (r == "CIO" && isFemale(x)) {
		article = "Die"
	}
	switch k := w.rnd.IntN(4); {
	case k == 0 && (p.kind == kindState || p.kind == kindFederal || p.kind == kindCity):
		return "„" + pick(w, quotes) + "“, " + pick(w, sayings) + " " + titled + "."
	case k <= 1:
		return x.Name + ", " + r + " " + p.of + ", " + pick(w, verbs) + "."
	case k == 2:
		return article + " " + r + " " + p.of + ", " + x.Name + ", " + pick(w, verbs) + "."
	default:
		return upper(titled) + " " + pick(w, verbs) + "."
	}
}

func isFemale(p graph.Entity) bool {
	first, _, _ := strings.Cut(p.Name, " ")
	for _, n := range femaleNames {
		if n == first {
			return true
		}
	}
	return false
}
