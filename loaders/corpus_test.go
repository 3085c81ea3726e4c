package loaders

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// corpusMinRelationsF1 is the relations F1 over every release of the reference corpus below
// which TestCorpusScore fails: set just under what the extractor reaches, so that a change
// that loses facts is noticed.
const corpusMinRelationsF1 = 0.78

// entityClass is the coarse class the scorer compares entities by.
func entityClass(t string) string {
	switch t {
	case "Person":
		return "person"
	case "Topic":
		return "topic"
	case "Project":
		return "project"
	}
	return "party"
}

// tally counts true positives, false positives and false negatives.
type tally struct{ tp, fp, fn int }

func (t tally) f1() float64 {
	if t.tp == 0 {
		return 0
	}
	p := float64(t.tp) / float64(t.tp+t.fp)
	r := float64(t.tp) / float64(t.tp+t.fn)
	return 2 * p * r / (p + r)
}

// scoreRelease scores one extracted release against its reference annotation, as the
// scorer does: names resolve through the folded names and aliases of the reference
// entities; each reference relation is matched at most once, by any of its alternatives.
func scoreRelease(gold Gold, rel graph.Release, ents *tally, rels map[string]*tally) {
	ids := map[string]int{}
	for i, e := range gold.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := ids[scoreFold(n)]; !ok {
				ids[scoreFold(n)] = i
			}
		}
	}
	resolve := func(name string) (int, bool) {
		i, ok := ids[scoreFold(name)]
		return i, ok
	}
	found := map[int]bool{}
	names := map[string]string{}
	for _, e := range rel.Entities {
		names[e.ID] = e.Name
		if i, ok := resolve(e.Name); ok && entityClass(gold.Entities[i].Type) == entityClass(string(e.Type)) {
			found[i] = true
		} else {
			ents.fp++
		}
	}
	ents.tp += len(found)
	ents.fn += len(gold.Entities) - len(found)

	type relKey struct {
		kind string
		i, j int
	}
	keys := func(kind string, froms, tos []string) map[relKey]bool {
		out := map[relKey]bool{}
		for _, a := range froms {
			for _, b := range tos {
				i, ok1 := resolve(a)
				j, ok2 := resolve(b)
				if !ok1 || !ok2 {
					continue
				}
				if kind == string(graph.CooperatesWith) && j < i {
					i, j = j, i
				}
				out[relKey{kind, i, j}] = true
			}
		}
		return out
	}
	type goldKeys struct {
		keys map[relKey]bool
		used bool
	}
	var golds []*goldKeys
	for _, g := range gold.Relations {
		golds = append(golds, &goldKeys{keys: keys(g.Type, append([]string{g.From}, g.FromAlt...), append([]string{g.To}, g.ToAlt...))})
	}
	seen := map[string]bool{}
	for _, f := range rel.Facts {
		kind := string(f.Type)
		k := keys(kind, []string{names[f.From]}, []string{names[f.To]})
		// the same fact stated twice counts once
		sig := kind + "|" + scoreFold(names[f.From]) + "|" + scoreFold(names[f.To])
		for key := range k {
			sig = fmt.Sprintf("%s|%d|%d", key.kind, key.i, key.j)
		}
		if seen[sig] {
			continue
		}
		seen[sig] = true
		hit := false
		for _, g := range golds {
			if g.used {
				continue
			}
			for key := range k {
				hit = hit || g.keys[key]
			}
			if hit {
				g.used = true
				break
			}
		}
		if rels[kind] == nil {
			rels[kind] = &tally{}
		}
		if hit {
			rels[kind].tp++
		} else {
			rels[kind].fp++
		}
	}
	for i, g := range golds {
		if !g.used {
			kind := gold.Relations[i].Type
			if rels[kind] == nil {
				rels[kind] = &tally{}
			}
			rels[kind].fn++
		}
	}
}

// TestCorpusScore extracts every release of the reference corpus, scores them against
// their annotations like ../shared/extraction/score and fails when the relations F1 falls
// below corpusMinRelationsF1.
func TestCorpusScore(t *testing.T) {
	rels, ents := scoreCorpus(t, MustCorpus(t, corpusDir))
	for _, kind := range graph.RelationTypes {
		r := rels[string(kind)]
		t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", kind, r.tp, r.fp, r.fn, r.f1())
	}
	all := rels["relations"]
	t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", "relations", all.tp, all.fp, all.fn, all.f1())
	t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", "entities", ents.tp, ents.fp, ents.fn, ents.f1())
	if f := all.f1(); f < corpusMinRelationsF1 {
		t.Errorf("relations F1 = %.3f, want at least %.2f", f, corpusMinRelationsF1)
	}
}

// checkDir holds annotated releases kept apart from tuning: scored for totals only.
var checkDir = filepath.Join("..", "..", "shared", "corpus", "check")

// checkMinRelationsF1 is a floor against accidents on the check set, not a target: set
// below what the extractor reaches there today.
const checkMinRelationsF1 = 0.22

// TestCheckScore scores the extractor on the check set, which nobody tunes on, and prints
// the totals only: relations and entities F1, nothing per release.
func TestCheckScore(t *testing.T) {
	rels, ents := scoreCorpus(t, MustCorpus(t, checkDir))
	all := rels["relations"]
	t.Logf("check set: relations F1 %.3f, entities F1 %.3f", all.f1(), ents.f1())
	if f := all.f1(); f < checkMinRelationsF1 {
		t.Errorf("check set: relations F1 = %.3f, want at least %.2f", f, checkMinRelationsF1)
	}
}

// MustCorpus returns the annotated releases of dir; without them it skips tb, or fails it
// when CI=true.
func MustCorpus(tb testing.TB, dir string) []Annotated {
	tb.Helper()
	docs, err := ReadAnnotated(dir)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("annotated corpus: %v", err)
		}
		tb.Skipf("annotated corpus not found beside the repository: %v", err)
	}
	return docs
}

// scoreCorpus extracts every release of docs and tallies the relations by type (and all
// of them under "relations") and the entities against the annotations.
func scoreCorpus(t *testing.T, docs []Annotated) (map[string]*tally, tally) {
	var ents tally
	rels := map[string]*tally{"relations": {}}
	for _, kind := range graph.RelationTypes {
		rels[string(kind)] = &tally{}
	}
	for _, a := range docs {
		rel := MustExtract(t, a.Doc)
		if err := rel.Validate(); err != nil {
			t.Errorf("%s: invalid release: %v", a.Gold.Doc, err)
		}
		scoreRelease(a.Gold, rel, &ents, rels)
	}
	all := rels["relations"]
	for _, kind := range graph.RelationTypes {
		r := rels[string(kind)]
		all.tp, all.fp, all.fn = all.tp+r.tp, all.fp+r.fp, all.fn+r.fn
	}
	return rels, ents
}

// TestWeightsAreCurrent fits the model to the reference corpus again and compares the
// result with the embedded weights, byte for byte: the weights are what
// "egovgraph train -out loaders/data/weights.tsv" makes of today's corpus.
func TestWeightsAreCurrent(t *testing.T) {
	docs := MustCorpus(t, corpusDir)
	var got bytes.Buffer
	if _, err := TrainModel(docs, DefaultTrainOptions).WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	want, err := dataFS.ReadFile("data/weights.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("fitting the corpus again gives other weights than data/weights.tsv (%d bytes, want %d); "+
			"run go run ./cmd/egovgraph train -out loaders/data/weights.tsv and review the diff", got.Len(), len(want))
	}
}

// TestScoreFold checks the folding the scorer uses to compare names.
func TestScoreFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"govdigital eG", "govdigital"},
		{"GovDigital e.G.", "govdigital e g"},
		{"Komm.ONE AöR", "komm one"},
		{"Ein- & Auswanderung", "ein & auswanderung"},
		{"Städtetag Baden-Württemberg", "staedtetag baden wuerttemberg"},
	}
	for _, tt := range tests {
		if got := scoreFold(tt.in); got != tt.want {
			t.Errorf("scoreFold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
