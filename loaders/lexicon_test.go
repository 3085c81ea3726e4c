package loaders

import "testing"

func TestLexicon(t *testing.T) {
	l := defaultLexicon()
	nouns := []struct {
		word string
		noun bool
	}{
		{"Gemeinden", true},
		{"Rathaus", true},
		{"IT-Dienstleister", true},
		{"Digitalisierungskoordinator", true},
		{"Musterhausen", false},
		{"Beispielberg", false},
		{"Beispiel-IT", false},
		{"gemeinsam", false},
	}
	for _, tt := range nouns {
		if got := l.isNoun(tt.word); got != tt.noun {
			t.Errorf("isNoun(%q) = %v, want %v", tt.word, got, tt.noun)
		}
	}
	if got := l.nounLemma("Landkreises"); got != "Landkreis" {
		t.Errorf("nounLemma(Landkreises) = %q, want Landkreis", got)
	}
	verbs := []struct{ form, lemma string }{
		{"beigetreten", "beitreten"},
		{"unterzeichneten", "unterzeichnen"},
		{"trat", "treten"},
	}
	for _, tt := range verbs {
		if got, ok := l.verbLemma(tt.form); !ok || got != tt.lemma {
			t.Errorf("verbLemma(%q) = %q, %v; want %q, true", tt.form, got, ok, tt.lemma)
		}
	}
	if _, ok := l.verbLemma("Zweckverband"); ok {
		t.Error("verbLemma(Zweckverband) reports a verb")
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := loadLexicon("data/lexicon.tsv.gz"); err != nil {
			b.Fatal(err)
		}
	}
}
