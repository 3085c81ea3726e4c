package loaders

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// Gold is a release's reference annotation, as ../shared/extraction/SPEC.md defines it.
type Gold struct {
	Doc      string `json:"doc"`
	Entities []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []struct {
		Type    string   `json:"type"`
		From    string   `json:"from"`
		To      string   `json:"to"`
		FromAlt []string `json:"from_alt"`
		ToAlt   []string `json:"to_alt"`
	} `json:"relations"`
}

// Annotated is a release read from its file with its reference annotation.
type Annotated struct {
	Doc  Document
	Gold Gold
}

// ReadAnnotated reads every release of dir that has a reference annotation beside it
// (NAME.md and NAME.gold.json), in the order of their names.
func ReadAnnotated(dir string) ([]Annotated, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read corpus %s: no *.gold.json files", dir)
	}
	var out []Annotated
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read corpus: %w", err)
		}
		var g Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, &ParseError{Path: p, Err: err}
		}
		doc, err := ReadFile(strings.TrimSuffix(p, ".gold.json") + ".md")
		if err != nil {
			return nil, fmt.Errorf("read corpus: %w", err)
		}
		out = append(out, Annotated{Doc: doc, Gold: g})
	}
	return out, nil
}

// TrainOptions set the fit: passes over the data, learning rate and L2 penalty.
type TrainOptions struct {
	Epochs int
	Rate   float64
	L2     float64
}

// DefaultTrainOptions are the options `egovgraph train` uses.
var DefaultTrainOptions = TrainOptions{Epochs: 40, Rate: 0.05, L2: 1e-3}

// example is a candidate with its label.
type example struct {
	c     *candidate
	label float64
}

// examples returns the labelled candidates of one annotated release: a candidate is a
// fact when the annotation states the relation between the two entities.
func examples(a Annotated) []example {
	x := newExtraction(a.Doc, defaultGazetteer())
	x.run()
	gold := newGoldIndex(a.Gold)
	var out []example
	for _, c := range x.candidates() {
		y := 0.0
		if gold.states(c) {
			y = 1
		}
		out = append(out, example{c, y})
	}
	return out
}

// TrainModel fits the model to the annotated releases. It is deterministic: the same
// releases and options give the same weights, bit for bit.
func TrainModel(corpus []Annotated, o TrainOptions) *Model {
	per := make([][]example, len(corpus))
	for i, a := range corpus {
		per[i] = examples(a)
	}
	return trainOn(per, o)
}

// thresholdFolds is the number of folds from whose held-out scores the thresholds are set.
const thresholdFolds = 5

// trainOn fits the model to the examples of every release and sets each type's threshold
// to the one that scores best on releases held out of the fit.
func trainOn(per [][]example, o TrainOptions) *Model {
	type scored struct {
		p     float64
		label bool
	}
	held := map[graph.RelationType][]scored{}
	for k := 0; k < thresholdFolds && len(per) >= thresholdFolds; k++ {
		m := fit(foldData(per, thresholdFolds, k), o)
		for i := k; i < len(per); i += thresholdFolds {
			// one score per pair and release: its best sentence
			best := map[string]scored{}
			var order []string
			for _, ex := range per[i] {
				key := ex.c.key()
				p := m.score(ex.c)
				b, ok := best[key]
				if !ok {
					order = append(order, key)
				}
				if !ok || p > b.p {
					b.p = p
				}
				b.label = b.label || ex.label == 1
				best[key] = b
			}
			for _, key := range order {
				t := graph.RelationType(key[:strings.IndexByte(key, ':')])
				held[t] = append(held[t], best[key])
			}
		}
	}
	m := fit(foldData(per, 1, -1), o)
	for t, ss := range held {
		bestF, bestT := -1.0, 0.5
		for th := 0.20; th < 0.951; th += 0.05 {
			tp, fp, fn := 0, 0, 0
			for _, s := range ss {
				switch {
				case s.p >= th && s.label:
					tp++
				case s.p >= th:
					fp++
				case s.label:
					fn++
				}
			}
			if f := 2 * float64(tp) / (float64(2*tp+fp+fn) + 1e-9); f > bestF+1e-9 {
				bestF, bestT = f, math.Round(th*100)/100
			}
		}
		m.threshold[t] = bestT
	}
	return m
}

// foldData returns the examples of the releases outside fold k of n (all with k < 0).
func foldData(per [][]example, n, k int) []example {
	var data []example
	for i, ex := range per {
		if k < 0 || i%n != k {
			data = append(data, ex...)
		}
	}
	return data
}

func fit(data []example, o TrainOptions) *Model {
	m := newModel()
	for epoch := 0; epoch < o.Epochs; epoch++ {
		rate := o.Rate / (1 + 0.1*float64(epoch))
		for _, ex := range data {
			w := m.weights[ex.c.typ]
			g := sigmoid(dot(w, ex.c.feats)) - ex.label
			for _, f := range ex.c.feats {
				w[f] -= rate * (g + o.L2*w[f])
			}
		}
	}
	return m
}

func dot(w map[string]float64, feats []string) float64 {
	z := 0.0
	for _, f := range feats {
		z += w[f]
	}
	return z
}

// CrossValidate splits the corpus into folds by release, fits a model on all folds but
// one and extracts the releases of that one with it; it returns every release so read,
// in corpus order: the extractor's output on releases its model never saw.
func CrossValidate(ctx context.Context, corpus []Annotated, folds int, o TrainOptions) ([]graph.Release, error) {
	per := make([][]example, len(corpus))
	for i, a := range corpus {
		per[i] = examples(a)
	}
	out := make([]graph.Release, len(corpus))
	for k := 0; k < folds; k++ {
		var train [][]example
		for i := range corpus {
			if i%folds != k {
				train = append(train, per[i])
			}
		}
		m := trainOn(train, o)
		for i, a := range corpus {
			if i%folds == k {
				rel, err := ExtractWith(ctx, a.Doc, m)
				if err != nil {
					return nil, err
				}
				out[i] = rel
			}
		}
	}
	return out, nil
}

// goldIndex answers whether an annotation states a relation between two entities,
// matching names as ../shared/extraction/score does.
type goldIndex struct {
	ids  map[string]int // folded name or alias → entity index
	rels map[string]bool
}

func newGoldIndex(g Gold) *goldIndex {
	ix := &goldIndex{ids: map[string]int{}, rels: map[string]bool{}}
	for i, e := range g.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := ix.ids[scoreFold(n)]; !ok {
				ix.ids[scoreFold(n)] = i
			}
		}
	}
	for _, r := range g.Relations {
		for _, from := range append([]string{r.From}, r.FromAlt...) {
			for _, to := range append([]string{r.To}, r.ToAlt...) {
				a, ok1 := ix.ids[scoreFold(from)]
				b, ok2 := ix.ids[scoreFold(to)]
				if !ok1 || !ok2 {
					continue
				}
				ix.rels[fmt.Sprintf("%s:%d>%d", r.Type, a, b)] = true
				if r.Type == string(graph.CooperatesWith) {
					ix.rels[fmt.Sprintf("%s:%d>%d", r.Type, b, a)] = true
				}
			}
		}
	}
	return ix
}

// states reports whether the annotation states the candidate's relation.
func (ix *goldIndex) states(c *candidate) bool {
	a, ok1 := ix.lookup(c.from)
	b, ok2 := ix.lookup(c.to)
	return ok1 && ok2 && ix.rels[fmt.Sprintf("%s:%d>%d", c.typ, a, b)]
}

func (ix *goldIndex) lookup(e *entity) (int, bool) {
	if i, ok := ix.ids[scoreFold(e.name)]; ok {
		return i, true
	}
	for a := range e.aliases {
		if i, ok := ix.ids[scoreFold(a)]; ok {
			return i, true
		}
	}
	return 0, false
}

var (
	scoreSeparators = regexp.MustCompile(`[\x{2010}-\x{2015}\-/_.,;:()"'„“”‚‘’«»]`)
	scoreLegal      = map[string]bool{"eg": true, "gmbh": true, "aor": true, "aoer": true, "ev": true, "kdor": true,
		"kdoer": true, "ag": true, "se": true, "mbh": true, "ggmbh": true}
)

// scoreFold folds a name as ../shared/extraction/score compares names: lower case,
// umlauts spelled out, punctuation as spaces, legal forms dropped.
func scoreFold(name string) string {
	s := strings.ToLower(name)
	s = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss").Replace(s)
	s = scoreSeparators.ReplaceAllString(s, " ")
	var words []string
	for _, w := range strings.Fields(s) {
		if !scoreLegal[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}
