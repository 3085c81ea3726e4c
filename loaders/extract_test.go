package loaders

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// MustExtractText extracts the release text (Markdown) or fails tb.
func MustExtractText(tb testing.TB, text string) graph.Release {
	tb.Helper()
	return mustExtractWith(tb, text, defaultModel())
}

// MustExtract extracts doc and fails tb when extraction fails.
func MustExtract(tb testing.TB, doc Document) graph.Release {
	tb.Helper()
	rel, err := Extract(context.Background(), doc)
	if err != nil {
		tb.Fatalf("Extract(%s): %v", doc.Source, err)
	}
	return rel
}

// mustExtractDoc is MustExtract with the given model.
func mustExtractDoc(tb testing.TB, doc Document, m *Model) graph.Release {
	tb.Helper()
	rel, err := ExtractWith(context.Background(), doc, m)
	if err != nil {
		tb.Fatalf("ExtractWith(%s): %v", doc.Source, err)
	}
	return rel
}

// MustExtractRules is MustExtractText with the rules alone deciding, no learned stage.
func MustExtractRules(tb testing.TB, text string) graph.Release {
	tb.Helper()
	return mustExtractWith(tb, text, nil)
}

func mustExtractWith(tb testing.TB, text string, m *Model) graph.Release {
	tb.Helper()
	doc, err := Read("test.md", []byte(text))
	if err != nil {
		tb.Fatalf("Read: %v", err)
	}
	rel, err := ExtractWith(context.Background(), doc, m)
	if err != nil {
		tb.Fatal(err)
	}
	if err := rel.Validate(); err != nil {
		tb.Fatalf("Extract gave an invalid release: %v", err)
	}
	return rel
}

// factKey renders a fact by the names of its ends: "MEMBER_OF Bayern > govdigital".
func factKey(rel graph.Release, f graph.Fact) string {
	names := map[string]string{}
	for _, e := range rel.Entities {
		names[e.ID] = e.Name
	}
	return string(f.Type) + " " + names[f.From] + " > " + names[f.To]
}

// factKeys returns every fact of rel rendered by factKey; a COOPERATES_WITH fact under
// both orders of its ends.
func factKeys(rel graph.Release) map[string]graph.Fact {
	out := map[string]graph.Fact{}
	for _, f := range rel.Facts {
		out[factKey(rel, f)] = f
		if f.Type == graph.CooperatesWith {
			g := f
			g.From, g.To = f.To, f.From
			out[factKey(rel, g)] = f
		}
	}
	return out
}

// TestExtract extracts every release in testdata/extract and compares the release with
// <case>.golden.json; go test ./loaders -run TestExtract -update rewrites them.
func TestExtract(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "extract", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/extract: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		t.Run(name, func(t *testing.T) {
			rel := MustExtract(t, MustReadFile(t, path))
			if err := rel.Validate(); err != nil {
				t.Fatalf("invalid release: %v", err)
			}
			got, err := json.MarshalIndent(rel, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, ".md") + ".golden.json"
			if goldenUpdate() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./loaders -run TestExtract -update and review the diff\ngot:\n%s", path, golden, got)
			}
		})
	}
}

// TestExtractFixtures states what the golden fixtures must contain, so that an -update
// that loses a fact does not pass unnoticed.
func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		file    string
		want    []string
		notWant []string
	}{
		{"govdigital-joins.md", []string{
			"MEMBER_OF Thüringen > govdigital",
			"HOLDS_ROLE Anna Beispiel > Thüringen",
			"HOLDS_ROLE Paul Muster > govdigital",
			"WORKS_ON govdigital > Blockchain",
			"WORKS_ON govdigital > Künstliche Intelligenz",
		}, nil},
		{"laender-cooperate.md", []string{
			"COOPERATES_WITH Hessen > Sachsen-Anhalt",
			"HOLDS_ROLE Karl Probe > Hessen",
			"HOLDS_ROLE Maria Test > Sachsen-Anhalt",
			"WORKS_ON Hessen > Familie und Kind",
		}, []string{"COOPERATES_WITH Beispiel Software > Hessen"}},
		{"founding-members.md", []string{
			"MEMBER_OF AKDB > Kommunalcloud Süd",
			"MEMBER_OF Musterhausen > Kommunalcloud Süd",
			"MEMBER_OF Landkreis Beispielkreis > Kommunalcloud Süd",
			"MEMBER_OF Wolkenwerk > Kommunalcloud Süd",
		}, nil},
		{"district-offices.md", []string{
			"HOLDS_ROLE Eva Beispiel > Rhein-Test-Kreis",
			"HOLDS_ROLE Eva Beispiel > 7IT",
			"HOLDS_ROLE Otto Probe > Karlsruhe",
			"MEMBER_OF Testdorf > 7IT",
			"MEMBER_OF Probstadt > 7IT",
		}, nil},
		{"contract-no-cooperation.md", []string{
			"WORKS_ON Dataport > Wolke",
		}, []string{"COOPERATES_WITH Beispiel > Dataport", "COOPERATES_WITH Dataport > Beispiel"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rel := MustExtract(t, MustReadFile(t, filepath.Join("testdata", "extract", tt.file)))
			got := factKeys(rel)
			for _, w := range tt.want {
				if _, ok := got[w]; !ok {
					t.Errorf("missing %q; got %v", w, keysOf(got))
				}
			}
			for _, w := range tt.notWant {
				if _, ok := got[w]; ok {
					t.Errorf("got %q, want no such fact", w)
				}
			}
		})
	}
}

func keysOf(m map[string]graph.Fact) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestExtractRelease checks what every release carries besides its facts: ID, hash with
// the rules version, rule names and confidences from the catalogue, evidence sentences.
func TestExtractRelease(t *testing.T) {
	doc := Document{Source: "x/bayern.md", Title: "Bayern tritt govdigital bei", Date: "2021-07-22",
		Body: "Der Freistaat schließt sich der Genossenschaft govdigital an.", Hash: "abc"}
	rel := MustExtract(t, doc)
	if rel.ID != graph.ReleaseID(doc.Source) {
		t.Errorf("ID = %q, want %q", rel.ID, graph.ReleaseID(doc.Source))
	}
	if want := "abc+" + RulesVersion + "." + defaultGazetteer().digest; rel.Hash != want {
		t.Errorf("Hash = %q, want %q", rel.Hash, want)
	}
	if rel.Date != doc.Date || rel.Title != doc.Title {
		t.Errorf("Date, Title = %q, %q, want %q, %q", rel.Date, rel.Title, doc.Date, doc.Title)
	}
	if len(rel.Facts) == 0 {
		t.Fatal("no facts")
	}
	for _, f := range rel.Facts {
		if strings.HasPrefix(f.Rule, "model.") {
			// decided by the learned stage: its probability, and the features that weighed most
			if f.Confidence <= 0 || f.Confidence > 1 || !strings.Contains(f.Rule, " p=") {
				t.Errorf("fact %s: rule %q, confidence %v; want the model's probability and features", f.RelationID(), f.Rule, f.Confidence)
			}
		} else if r, ok := ExplainRule(f.Rule); !ok {
			t.Errorf("fact %s: rule %q is not in the catalogue", f.RelationID(), f.Rule)
			continue
		} else if f.Confidence != r.Confidence || f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("fact %s: confidence %v, want %v in (0, 1]", f.RelationID(), f.Confidence, r.Confidence)
		}
		if f.Sentence == "" {
			t.Errorf("fact %s: no evidence sentence", f.RelationID())
		}
	}
	if err := rel.Validate(); err != nil {
		t.Error(err)
	}
}

// TestExtractAliases checks that an entity carries the other names the text gives it.
func TestExtractAliases(t *testing.T) {
	rel := MustExtractText(t, "# Bayern tritt govdigital bei\n\nDer Beitritt des Freistaats Bayern zur govdigital eG wurde heute vollzogen. Bayerns Digitalministerin Judith Gerlach begrüßte den Schritt.\n")
	for _, e := range rel.Entities {
		if e.Name != "Bayern" {
			continue
		}
		for _, want := range []string{"Freistaats Bayern", "Bayerns"} {
			found := false
			for _, a := range e.Aliases {
				found = found || a == want
			}
			if !found {
				t.Errorf("Bayern aliases = %v, want %q among them", e.Aliases, want)
			}
		}
		return
	}
	t.Fatalf("no entity Bayern in %v", rel.Entities)
}

// TestExtractQuote checks that the office of a person quoted in the release carries the
// quotation with its evidence.
func TestExtractQuote(t *testing.T) {
	rel := MustExtractText(t, "# Test\n\nHessens Digitalministerin Anna Probe eröffnete die Konferenz.\n\n„Wir gehen voran“, sagte Probe.\n")
	f, ok := factKeys(rel)["HOLDS_ROLE Anna Probe > Hessen"]
	if !ok {
		t.Fatalf("no HOLDS_ROLE Anna Probe > Hessen in %v", keysOf(factKeys(rel)))
	}
	if want := "„Wir gehen voran“, sagte Probe."; f.Quote != want {
		t.Errorf("quote %q, want %q", f.Quote, want)
	}
	if strings.Contains(f.Sentence, "Wir gehen voran") {
		t.Errorf("evidence sentence %q, want the sentence the office was read from", f.Sentence)
	}
}

// TestExtractOddInput checks that texts without sentences, names or structure give valid
// releases and no facts out of nothing.
func TestExtractOddInput(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
	}{
		{"empty", Document{Source: "empty.md"}},
		{"punctuation", Document{Source: "p.md", Title: "„“ – / ( )", Body: ", . ; : ! ? „ “ ( ) [ ] –\n\n- \n\n•"}},
		{"one long sentence", Document{Source: "long.md", Body: strings.Repeat("und Bayern mit Hessen ", 2000)}},
		{"names only", Document{Source: "n.md", Body: "Dr.\n\nProf. Dr.\n\nLandrat\n\nMinisterin ,"}},
		{"lower case", Document{Source: "l.md", Body: "bayern tritt govdigital bei. die genossenschaft freut sich."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel := MustExtract(t, tt.doc)
			if err := rel.Validate(); err != nil {
				t.Fatalf("invalid release: %v", err)
			}
			if tt.name != "one long sentence" && len(rel.Facts) > 0 {
				t.Errorf("got facts %v, want none", keysOf(factKeys(rel)))
			}
		})
	}
}

// TestRulesCatalogue checks that every rule has a name, a description and a confidence
// in (0, 1].
func TestRulesCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.Name == "" || r.Description == "" || r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("rule %+v: want name, description and confidence in (0, 1]", r)
		}
		if seen[r.Name] {
			t.Errorf("rule %q listed twice", r.Name)
		}
		seen[r.Name] = true
	}
	if _, ok := ExplainRule("no.such.rule"); ok {
		t.Error("ExplainRule(no.such.rule) found a rule")
	}
}

// TestSeedReleases reads the two seed releases of the reference corpus and checks the
// facts every version of the extractor must find in them.
func TestSeedReleases(t *testing.T) {
	gov := filepath.Join(corpusDir, "seed-govdigital-2021.md")
	bb := filepath.Join(corpusDir, "seed-brandenburg-2020.md")
	if _, err := os.Stat(gov); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed releases missing: %v", err)
		}
		t.Skipf("seed releases not found beside the repository: %v", err)
	}
	rel := MustExtract(t, MustReadFile(t, gov))
	facts := factKeys(rel)
	member, ok := facts["MEMBER_OF Bayern > govdigital"]
	if !ok {
		t.Errorf("seed-govdigital: no MEMBER_OF Bayern > govdigital in %v", keysOf(facts))
	} else if member.Sentence == "" {
		t.Error("seed-govdigital: MEMBER_OF without evidence sentence")
	}
	if rel.Date != "2021-07-22" {
		t.Errorf("seed-govdigital: date %q, want 2021-07-22", rel.Date)
	}
	role, ok := facts["HOLDS_ROLE Judith Gerlach > Bayern"]
	if !ok || role.Role != "Digitalministerin" {
		t.Errorf("seed-govdigital: HOLDS_ROLE Judith Gerlach > Bayern = %+v, want role Digitalministerin", role)
	}

	rel = MustExtract(t, MustReadFile(t, bb))
	facts = factKeys(rel)
	if _, ok := facts["COOPERATES_WITH Bayern > Brandenburg"]; !ok {
		t.Errorf("seed-brandenburg: no COOPERATES_WITH Bayern, Brandenburg in %v", keysOf(facts))
	}
	if _, ok := facts["WORKS_ON Brandenburg > Ein- und Auswanderung"]; !ok {
		t.Errorf("seed-brandenburg: no WORKS_ON Brandenburg > Ein- und Auswanderung in %v", keysOf(facts))
	}
}

// BenchmarkExtract extracts one seed release per iteration and reports releases/s.
func BenchmarkExtract(b *testing.B) {
	seed, err := ReadFile(filepath.Join(corpusDir, "seed-brandenburg-2020.md"))
	if err != nil {
		seed = Document{Source: "bench.md", Body: syntheticBody(2 << 10)}
	}
	cases := []struct {
		name string
		doc  Document
	}{
		{"release", seed},
		{"1KB", Document{Source: "1kb.md", Body: syntheticBody(1 << 10)}},
		{"100KB", Document{Source: "100kb.md", Body: syntheticBody(100 << 10)}},
		{"1MB", Document{Source: "1mb.md", Body: syntheticBody(1 << 20)}},
	}
	MustExtract(b, seed) // loads the reference data, the lexicon and the model once
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.doc.Body)))
			for b.Loop() {
				MustExtract(b, c.doc)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "releases/s")
		})
	}
}

// syntheticBody returns about n bytes of release text, sentences written for the tests
// in paragraphs of five.
func syntheticBody(n int) string {
	sentences := []string{
		"Die Stadt Musterhausen tritt dem Zweckverband Beispiel-IT bei.",
		"Bayerns Digitalministerin Erika Beispiel unterzeichnete mit Hessen eine Kooperationsvereinbarung.",
		"Gemeinsam entwickeln die Länder das Portal Musterservice weiter.",
		"Der Landkreis Beispielkreis bringt seine Erfahrung im Themenfeld Familie und Kind ein.",
		"Landrat Max Probe erklärte, die Kommunen arbeiten künftig enger zusammen.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestParts(t *testing.T) {
	long := strings.Repeat("Wort ", 30000) // one paragraph of 150,000 bytes
	tests := []struct {
		name  string
		body  string
		max   int
		parts int
	}{
		{"short", "Ein Satz.\n\nNoch einer.", 100, 1},
		{"paragraphs", strings.Repeat("Ein Absatz mit Text.\n\n", 20), 100, 5},
		{"one long paragraph", long, 64 << 10, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parts(tt.body, tt.max)
			if len(got) != tt.parts {
				t.Errorf("%d parts, want %d", len(got), tt.parts)
			}
			total := 0
			for _, p := range got {
				if len(p) > tt.max {
					t.Errorf("a part of %d bytes, want at most %d", len(p), tt.max)
				}
				total += len(strings.Fields(p))
			}
			if want := len(strings.Fields(tt.body)); total != want {
				t.Errorf("%d words in the parts, want %d", total, want)
			}
		})
	}
}

func TestExtractLongText(t *testing.T) {
	// a text with no full stop at all: one paragraph, read in bounded sentences and parts
	body := strings.Repeat("Die Stadt Musterhausen und der Landkreis Beispielkreis arbeiten zusammen ", 3000)
	rel := MustExtract(t, Document{Source: "long.md", Body: body})
	if _, ok := factKeys(rel)["COOPERATES_WITH Landkreis Beispielkreis > Musterhausen"]; !ok {
		t.Errorf("no cooperation read from the long text: %v", keysOf(factKeys(rel)))
	}
}

func TestExtractStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, Document{Source: "x.md", Body: syntheticBody(200 << 10)})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a cancelled context: %v, want context.Canceled", err)
	}
}
