package loaders

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// corpusMinRelationsF1 is the relations F1 over every release of the reference corpus below
// which TestCorpusScore fails: set just under what the extractor reaches, so that a change
// that loses facts is noticed.
const corpusMinRelationsF1 = 0.70

// goldFile is a reference annotation, as ../shared/extraction/SPEC.md defines it.
type goldFile struct {
	Doc      string `json:"doc"`
	Entities []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []goldRelation `json:"relations"`
}

type goldRelation struct {
	Type    string   `json:"type"`
	From    string   `json:"from"`
	To      string   `json:"to"`
	FromAlt []string `json:"from_alt"`
	ToAlt   []string `json:"to_alt"`
}

// legalWords are the legal forms the scorer drops when it compares names.
var legalWords = map[string]bool{"eg": true, "gmbh": true, "aor": true, "aoer": true, "ev": true, "kdor": true,
	"kdoer": true, "ag": true, "se": true, "mbh": true, "ggmbh": true}

var scoreSeparators = regexp.MustCompile(`[\x{2010}-\x{2015}\-/_.,;:()"'„“”‚‘’«»]`)

// scoreFold folds a name the way the scorer does: lower case, umlauts spelled out,
// punctuation a space, legal forms dropped.
func scoreFold(name string) string {
	s := strings.ToLower(name)
	s = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss").Replace(s)
	s = scoreSeparators.ReplaceAllString(s, " ")
	var words []string
	for _, w := range strings.Fields(s) {
		if !legalWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

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
func scoreRelease(gold goldFile, rel graph.Release, ents *tally, rels map[string]*tally) {
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
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if len(paths) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("reference corpus missing in %s", corpusDir)
		}
		t.Skipf("reference corpus not found beside the repository in %s", corpusDir)
	}
	var files []string
	for _, p := range paths {
		files = append(files, filepath.Base(p))
	}
	var ents tally
	rels := map[string]*tally{}
	for _, name := range files {
		path := filepath.Join(corpusDir, name)
		b, err := os.ReadFile(strings.TrimSuffix(path, filepath.Ext(path)) + ".gold.json")
		if err != nil {
			t.Fatalf("read annotation of %s: %v", name, err)
		}
		var gold goldFile
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("parse annotation of %s: %v", name, err)
		}
		rel := Extract(MustReadFile(t, path))
		if err := rel.Validate(); err != nil {
			t.Errorf("%s: invalid release: %v", name, err)
		}
		scoreRelease(gold, rel, &ents, rels)
	}
	var all tally
	for _, kind := range graph.RelationTypes {
		r := rels[string(kind)]
		if r == nil {
			r = &tally{}
		}
		t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", kind, r.tp, r.fp, r.fn, r.f1())
		all.tp, all.fp, all.fn = all.tp+r.tp, all.fp+r.fp, all.fn+r.fn
	}
	t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", "relations", all.tp, all.fp, all.fn, all.f1())
	t.Logf("%-16s tp %3d fp %3d fn %3d f1 %.3f", "entities", ents.tp, ents.fp, ents.fn, ents.f1())
	if f := all.f1(); f < corpusMinRelationsF1 {
		t.Errorf("relations F1 = %.3f over %d releases, want at least %.2f", f, len(files), corpusMinRelationsF1)
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
