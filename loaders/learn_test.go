package loaders

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestTriggers(t *testing.T) {
	tests := []struct {
		sentence, word, want string
	}{
		{"Die Stadt Musterhausen tritt dem Zweckverband bei.", "tritt", "member"},
		{"Der Landkreis ist dem Verband beigetreten.", "beigetreten", "member"},
		{"Beide Länder unterzeichneten den Vertrag.", "unterzeichneten", "coop"},
		{"Die Digitalkooperation beginnt.", "Digitalkooperation", "coop"},
		{"Die Kommunen arbeiten künftig gemeinsam.", "gemeinsam", "coop"},
		{"Dataport erhielt den Zuschlag.", "Zuschlag", "contract"},
		{"Die Stadt tritt heute auf.", "tritt", ""},
	}
	for _, tt := range tests {
		x := newExtraction(Document{Body: tt.sentence}, defaultGazetteer())
		x.addSentence(tt.sentence, 0, false, false)
		s := x.sents[0]
		trig := x.triggers(s)
		found := false
		for i, tok := range s.toks {
			if tok.Text == tt.word {
				found = true
				if trig[i] != tt.want {
					t.Errorf("%q: class of %q = %q, want %q", tt.sentence, tt.word, trig[i], tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.sentence, tt.word)
		}
	}
}

// MustReadAnnotated reads the annotated releases written for the training tests.
func MustReadAnnotated(tb testing.TB) []Annotated {
	tb.Helper()
	docs, err := ReadAnnotated(filepath.Join("testdata", "train"))
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

func TestTrainIsDeterministic(t *testing.T) {
	docs := MustReadAnnotated(t)
	var a, b bytes.Buffer
	if _, err := TrainModel(docs, DefaultTrainOptions).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := TrainModel(docs, DefaultTrainOptions).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two fits of the same corpus differ")
	}
	if !strings.Contains(a.String(), "MEMBER_OF\ttrig=member") {
		t.Errorf("the fitted model has no weight for membership triggers:\n%s", a.String())
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := TrainModel(MustReadAnnotated(t), DefaultTrainOptions)
	var a bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	back, err := readModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := back.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("read back differently:\ngot:\n%s\nwant:\n%s", b.String(), a.String())
	}
	if _, err := readModel(strings.NewReader("HOLDS_ROLE\tbias\t1\n")); err == nil {
		t.Error("readModel accepted a relation type the model does not decide")
	}
	if _, err := readModel(strings.NewReader("MEMBER_OF\tbias\tx\n")); err == nil {
		t.Error("readModel accepted a weight that is no number")
	}
}

func TestFittedModelDecides(t *testing.T) {
	docs := MustReadAnnotated(t)
	m := TrainModel(docs, DefaultTrainOptions)
	rel := mustExtractDoc(t, docs[1].Doc, m) // musterhausen-tritt-bei.md
	want := map[string]bool{
		"MEMBER_OF municipality:musterhausen>org:beispiel-it":                            false,
		"COOPERATES_WITH municipality:landkreis-beispielkreis>municipality:musterhausen": false,
	}
	for _, f := range rel.Facts {
		k := string(f.Type) + " " + f.From + ">" + f.To
		if _, ok := want[k]; ok {
			want[k] = true
			if !strings.HasPrefix(f.Rule, "model.") {
				t.Errorf("%s: rule %q, want the model's decision", k, f.Rule)
			}
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no fact %s in %v", k, rel.Facts)
		}
	}
}

func TestCrossValidateHoldsOut(t *testing.T) {
	docs := MustReadAnnotated(t)
	rels, err := CrossValidate(context.Background(), docs, 2, DefaultTrainOptions)
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != len(docs) {
		t.Fatalf("%d releases, want %d", len(rels), len(docs))
	}
	for i, r := range rels {
		if r.Source != docs[i].Doc.Source {
			t.Errorf("release %d is %s, want %s", i, r.Source, docs[i].Doc.Source)
		}
	}
}
