package loaders

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/egovgraph/egovgraph/graph"
)

// This file holds the learned stage of extraction: after the rules have read what they
// can, every pair of entities that one sentence names becomes a candidate for
// MEMBER_OF, COOPERATES_WITH or WORKS_ON, described by features (the trigger words around
// and between the two, their types, distance, coordination, what the rules said), and a
// logistic regression per relation type, fitted to the annotated releases by
// `egovgraph train`, decides. Facts the rules read across sentences stay as they are.

// learnedTypes are the relation types the model decides.
var learnedTypes = []graph.RelationType{graph.MemberOf, graph.CooperatesWith, graph.WorksOn}

// Model is a logistic regression per relation type over candidate features.
type Model struct {
	weights map[graph.RelationType]map[string]float64
	// Threshold is the probability from which a candidate becomes a fact.
	threshold map[graph.RelationType]float64
}

// candidate is a pair of entities one sentence names, with the features of the pair.
type candidate struct {
	typ      graph.RelationType
	from, to *entity
	sent     *sentence
	feats    []string
}

// key identifies the pair the candidate is about: COOPERATES_WITH is undirected.
func (c *candidate) key() string {
	a, b := c.from.id(), c.to.id()
	if c.typ == graph.CooperatesWith && b < a {
		a, b = b, a
	}
	return string(c.typ) + ":" + a + ">" + b
}

// pairKey is candidate.key for a fact.
func pairKey(t graph.RelationType, from, to *entity) string {
	c := candidate{typ: t, from: from, to: to}
	return c.key()
}

// score returns the model's probability that the candidate is a fact.
func (m *Model) score(c *candidate) float64 {
	w := m.weights[c.typ]
	z := 0.0
	for _, f := range c.feats {
		z += w[f]
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// explain returns the features that pushed the candidate's score most, strongest first.
func (m *Model) explain(c *candidate, n int) string {
	w := m.weights[c.typ]
	fs := slices.Clone(c.feats)
	sort.SliceStable(fs, func(i, j int) bool { return math.Abs(w[fs[i]]) > math.Abs(w[fs[j]]) })
	var parts []string
	seen := map[string]bool{}
	for _, f := range fs {
		if len(parts) == n {
			break
		}
		if f == "bias" || w[f] == 0 || seen[f] {
			continue
		}
		seen[f] = true
		parts = append(parts, fmt.Sprintf("%s %+.2f", f, w[f]))
	}
	return strings.Join(parts, ", ")
}

// candidates returns every candidate pair of the document's sentences.
func (x *extraction) candidates() []*candidate {
	ruleSame := map[string]string{} // pair key + sentence → rule
	ruleDoc := map[string]bool{}
	for _, f := range x.facts {
		k := pairKey(f.typ, f.from, f.to)
		ruleDoc[k] = true
		ruleSame[k+"@"+f.sent.text] = f.rule
	}
	var out []*candidate
	for _, s := range x.sents {
		trig := x.triggers(s)
		type slot struct {
			m *mention
			e *entity
		}
		var slots []slot
		seen := map[*entity]bool{}
		for _, m := range s.ments {
			for _, e := range m.ents() {
				if e != nil && !seen[e] {
					seen[e] = true
					slots = append(slots, slot{m, e})
				}
			}
		}
		parties := 0
		for _, sl := range slots {
			if sl.e.typ.IsParty() {
				parties++
			}
		}
		for i, a := range slots {
			for j, b := range slots {
				if i == j || !a.e.typ.IsParty() {
					continue
				}
				if !b.e.typ.IsParty() && servedList(s, a.m.start) {
					continue // those a solution serves do not work on it
				}
				var types []graph.RelationType
				switch {
				case b.e.typ == graph.Topic || b.e.typ == graph.Project:
					types = []graph.RelationType{graph.WorksOn}
				case b.e.typ.IsParty():
					if b.e.typ == graph.Organization || b.e.typ == graph.Authority || b.e.typ == graph.Municipality {
						types = append(types, graph.MemberOf)
					}
					if a.e.id() < b.e.id() {
						types = append(types, graph.CooperatesWith)
					}
				}
				for _, t := range types {
					c := &candidate{typ: t, from: a.e, to: b.e, sent: s}
					c.feats = x.pairFeatures(s, trig, a.m, b.m, a.e, b.e, parties)
					k := c.key()
					if r, ok := ruleSame[k+"@"+s.text]; ok {
						c.feats = append(c.feats, "rule", "rule="+r)
					} else if ruleDoc[k] {
						c.feats = append(c.feats, "rule.elsewhere")
					}
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// servedList reports whether the name at token i stands in a list governed by "für":
// "Lösungen für Bund, Länder und Kommunen" names those served.
func servedList(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := s.toks[k]
		switch {
		case t.Key == "fuer":
			return true
		case t.Text == "," || t.Key == "und" || t.Key == "sowie" || t.Key == "oder" || articles[t.Key] || s.covering(k) != nil:
			continue
		case startsUpper(t.Text) && !t.Punct:
			continue // a plural noun of the list: "Länder", "Kommunen"
		}
		return false
	}
	return false
}

// pairFeatures describes the pair of entities a (mention ma) and b (mention mb) in s.
func (x *extraction) pairFeatures(s *sentence, trig []string, ma, mb *mention, a, b *entity, parties int) []string {
	f := []string{"bias", "types=" + string(a.typ) + ">" + string(b.typ)}
	lo, hi := ma, mb
	order := "ab"
	if mb.start < ma.start {
		lo, hi, order = mb, ma, "ba"
	}
	f = append(f, "order="+order)
	for i, c := range trig {
		if c == "" {
			continue
		}
		pos := "out"
		switch {
		case i >= lo.end && i < hi.start:
			pos = "between"
		case i < lo.start:
			pos = "before"
		}
		f = append(f, "trig="+c+"@"+pos, "trig="+c)
	}
	gap := hi.start - lo.end
	f = append(f, "dist="+bucket(gap, 0, 2, 5, 10))
	if gap >= 0 && coordinated(s, lo.end, hi.start) {
		f = append(f, "coordinated")
	}
	for k := max(0, hi.start-3); k < hi.start; k++ {
		switch s.toks[k].Key {
		case "mit":
			f = append(f, "mit<second")
		case "zwischen":
			f = append(f, "zwischen")
		case "von", "vom", "des", "der":
			if k == hi.start-1 {
				f = append(f, "genitive<second")
			}
		case "in", "im", "aus":
			if k >= hi.start-2 {
				f = append(f, "locative<second")
			}
		}
	}
	if s.title {
		f = append(f, "title")
	}
	if s.list {
		f = append(f, "listitem")
	}
	for _, side := range []struct {
		name string
		m    *mention
		e    *entity
	}{{"a", ma, a}, {"b", mb, b}} {
		f = append(f, side.name+".kind="+strconv.Itoa(int(side.m.kind)))
		if p := prepositionBefore(s, side.m.start); p != "" {
			f = append(f, side.name+".prep="+p)
		}
		if side.m.quoted {
			f = append(f, side.name+".quoted")
		}
		if side.m.locative {
			f = append(f, side.name+".locative")
		}
		if side.e == x.home || side.e == x.homeOrg || side.e == x.homeMuni {
			f = append(f, side.name+".home")
		}
		if side.e.gaz != nil {
			f = append(f, side.name+".known")
		}
	}
	f = append(f, "parties="+bucket(parties, 2, 3, 5))
	if s.speaker != nil {
		f = append(f, "speech")
	}
	return f
}

// prepositions govern the phrase a party stands in: "für" marks a beneficiary, "mit" a
// partner, "von" an author or owner.
var prepositions = map[string]bool{"fuer": true, "mit": true, "von": true, "vom": true, "bei": true, "beim": true,
	"in": true, "im": true, "aus": true, "zwischen": true, "durch": true, "an": true, "am": true, "unter": true,
	"zu": true, "zum": true, "zur": true, "gegen": true, "ueber": true, "nach": true, "seit": true}

// prepositionBefore returns the preposition that governs the phrase starting at token i,
// skipping an article and adjectives: "für die Kommunen" → "fuer"; "" when none does.
func prepositionBefore(s *sentence, i int) string {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := s.toks[k]
		if prepositions[t.Key] {
			return t.Key
		}
		if t.Punct || startsUpper(t.Text) && !articles[t.Key] {
			return ""
		}
	}
	return ""
}

// bucket names the interval of bounds that n falls in: "≤2", "≤5", ">10".
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			return "<=" + strconv.Itoa(b)
		}
	}
	return ">" + strconv.Itoa(bounds[len(bounds)-1])
}

// coordinated reports whether tokens [from, to) join two names as a list does: commas,
// "und", "sowie", and other names.
func coordinated(s *sentence, from, to int) bool {
	if from >= to {
		return false
	}
	for k := from; k < to; k++ {
		t := s.toks[k]
		if t.Text == "," || t.Key == "und" || t.Key == "sowie" || t.Key == "oder" || s.covering(k) != nil {
			continue
		}
		return false
	}
	return true
}

// triggers returns, for every token of s, the class of statement its lemma signals ("" for
// none). A separable verb is read with its particle: "tritt … bei" is beitreten.
func (x *extraction) triggers(s *sentence) []string {
	lx, tr := defaultLexicon(), defaultTriggers()
	out := make([]string, len(s.toks))
	for i, t := range s.toks {
		if t.Punct {
			continue
		}
		lower := strings.ToLower(t.Text)
		if c := tr.class(lower); c != "" {
			out[i] = c
			continue
		}
		if startsUpper(t.Text) {
			if c := tr.nounClass(lx.nounLemma(t.Text)); c != "" {
				out[i] = c
			}
			continue
		}
		lemma, ok := lx.verbLemma(lower)
		if !ok {
			continue
		}
		if c := tr.class(lemma); c != "" {
			out[i] = c
			continue
		}
		// the particle of a separable verb closes its clause: "tritt dem Verband bei"
		for k := i + 1; k < len(s.toks); k++ {
			p := s.toks[k]
			if p.Punct && p.Text != "„" && p.Text != "“" {
				if k-1 > i {
					if c := tr.class(strings.ToLower(s.toks[k-1].Text) + lemma); c != "" {
						out[i] = c
					}
				}
				break
			}
		}
	}
	return out
}

// triggerWords maps lemmas to the class of statement they signal.
type triggerWords struct {
	exact    map[string]string
	prefixes [][2]string // prefix, class
	nouns    [][2]string // lower-case noun lemma, class: compounds ending in one
}

var (
	trigOnce sync.Once
	trig     *triggerWords
	trigErr  error
)

func defaultTriggers() *triggerWords {
	trigOnce.Do(func() {
		trig = &triggerWords{exact: map[string]string{}}
		trigErr = readData(sha256.New(), "data/triggers.tsv", 2, func(f []string) error {
			w, c := f[0], f[1]
			if c == "" {
				return fmt.Errorf("no class for %q", w)
			}
			if p, ok := strings.CutSuffix(w, "*"); ok {
				trig.prefixes = append(trig.prefixes, [2]string{strings.ToLower(p), c})
				return nil
			}
			trig.exact[strings.ToLower(w)] = c
			if startsUpper(w) {
				trig.nouns = append(trig.nouns, [2]string{strings.ToLower(w), c})
			}
			return nil
		})
	})
	if trigErr != nil {
		panic(trigErr)
	}
	return trig
}

// class returns the class of a lower-case word or lemma.
func (t *triggerWords) class(w string) string {
	if c, ok := t.exact[w]; ok {
		return c
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(w, p[0]) {
			return p[1]
		}
	}
	return ""
}

// nounClass returns the class of a noun lemma or of a compound ending in a trigger noun
// ("Digitalkooperation").
func (t *triggerWords) nounClass(lemma string) string {
	l := strings.ToLower(lemma)
	if c := t.class(l); c != "" {
		return c
	}
	for _, n := range t.nouns {
		if len(l) > len(n[0])+2 && strings.HasSuffix(l, n[0]) {
			return n[1]
		}
	}
	return ""
}

// decide replaces the rules' MEMBER_OF, COOPERATES_WITH and WORKS_ON facts about pairs
// one sentence names by the model's decisions; facts the rules read across sentences stay.
func (x *extraction) decide(m *Model) {
	if m == nil {
		return
	}
	cands := x.candidates()
	best := map[string]*candidate{}
	prob := map[string]float64{}
	var order []string
	for _, c := range cands {
		k := c.key()
		p := m.score(c)
		if _, ok := best[k]; !ok {
			order = append(order, k)
		} else if p <= prob[k] {
			continue
		}
		best[k], prob[k] = c, p
	}
	var facts []fact
	for _, f := range x.facts {
		if !slices.Contains(learnedTypes, f.typ) {
			facts = append(facts, f)
			continue
		}
		if _, decided := best[pairKey(f.typ, f.from, f.to)]; !decided {
			facts = append(facts, f)
		}
	}
	for _, k := range order {
		c, p := best[k], prob[k]
		if p < m.threshold[c.typ] {
			continue
		}
		rule := "model." + strings.ToLower(string(c.typ)) + " p=" + strconv.FormatFloat(p, 'f', 2, 64) + ": " + m.explain(c, 3)
		facts = append(facts, fact{typ: c.typ, from: c.from, to: c.to, sent: c.sent, rule: rule, confidence: math.Round(p*1000) / 1000})
	}
	x.facts = facts
}

// WriteTo writes the model as a TSV file: a header, then "type TAB feature TAB weight"
// lines sorted by type and feature, thresholds as the feature "@threshold".
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString("# Feature weights of the learned extraction stage (loaders/learn.go), one logistic\n")
	b.WriteString("# regression per relation type. Fitted to ../shared/corpus/dev by `egovgraph train`;\n")
	b.WriteString("# regenerate: go run ./cmd/egovgraph train -out loaders/data/weights.tsv\n")
	for _, t := range learnedTypes {
		fmt.Fprintf(&b, "%s\t@threshold\t%s\n", t, strconv.FormatFloat(m.threshold[t], 'f', 4, 64))
		keys := make([]string, 0, len(m.weights[t]))
		for k, v := range m.weights[t] {
			if math.Abs(v) >= 5e-5 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", t, k, strconv.FormatFloat(m.weights[t][k], 'f', 4, 64))
		}
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// readModel reads a model written by WriteTo.
func readModel(r io.Reader) (*Model, error) {
	m := newModel()
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want type, feature and weight", line)
		}
		t := graph.RelationType(f[0])
		if !slices.Contains(learnedTypes, t) {
			return nil, fmt.Errorf("line %d: relation type %q is not learned", line, f[0])
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if f[1] == "@threshold" {
			m.threshold[t] = v
		} else {
			m.weights[t][f[1]] = v
		}
	}
	return m, sc.Err()
}

func newModel() *Model {
	m := &Model{weights: map[graph.RelationType]map[string]float64{}, threshold: map[graph.RelationType]float64{}}
	for _, t := range learnedTypes {
		m.weights[t] = map[string]float64{}
		m.threshold[t] = 0.5
	}
	return m
}

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// defaultModel returns the model of the embedded data/weights.tsv; a broken file is a bug
// of the build, so it panics.
func defaultModel() *Model {
	modelOnce.Do(func() {
		b, err := dataFS.ReadFile("data/weights.tsv")
		if err != nil {
			modelErr = err
			return
		}
		model, modelErr = readModel(bytes.NewReader(b))
	})
	if modelErr != nil {
		panic(fmt.Errorf("read data/weights.tsv: %w", modelErr))
	}
	return model
}
