package loaders

import (
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "Bayern tritt bei. Hessen folgt! Wer noch?",
			[]string{"Bayern tritt bei.", "Hessen folgt!", "Wer noch?"}},
		{"titles", "Dr. Anna Beispiel und Prof. Dr. Jan Muster unterzeichnen. Sie freuen sich.",
			[]string{"Dr. Anna Beispiel und Prof. Dr. Jan Muster unterzeichnen.", "Sie freuen sich."}},
		{"spaced abbreviations", "Länder wie z. B. Bayern, u. a. Hessen, d. h. alle. Dann mehr.",
			[]string{"Länder wie z. B. Bayern, u. a. Hessen, d. h. alle.", "Dann mehr."}},
		{"dotted abbreviations", "Der Verein GovTech Campus e.V. Berlin wächst, z.B. um die Stadt. Gut so.",
			[]string{"Der Verein GovTech Campus e.V. Berlin wächst, z.B. um die Stadt.", "Gut so."}},
		{"abbreviation list", "Es kostet ca. 2 Mio. Euro bzw. 3 Mrd. Euro inkl. Steuer, vgl. Nr. 5 Abs. 2 St. Gallen. Ende.",
			[]string{"Es kostet ca. 2 Mio. Euro bzw. 3 Mrd. Euro inkl. Steuer, vgl. Nr. 5 Abs. 2 St. Gallen.", "Ende."}},
		{"legal forms", "Die govdigital eG. Gewinnt Mitglieder, sagt die Kita e. V. Sonnenschein. Neu.",
			[]string{"Die govdigital eG. Gewinnt Mitglieder, sagt die Kita e. V. Sonnenschein.", "Neu."}},
		{"ordinals", "Am 22. Juli tagte die 45. Sitzung, am 1. Januar die 2. Runde. Danach 2021. Schluss.",
			[]string{"Am 22. Juli tagte die 45. Sitzung, am 1. Januar die 2. Runde.", "Danach 2021.", "Schluss."}},
		{"short date", "Eröffnet am 18.09. Danach geht es weiter.",
			[]string{"Eröffnet am 18.09. Danach geht es weiter."}},
		{"initials", "Markus J. Richter spricht. Er geht.",
			[]string{"Markus J. Richter spricht.", "Er geht."}},
		{"month abbreviation", "Seit Jan. Berlin dabei. Gut.",
			[]string{"Seit Jan. Berlin dabei.", "Gut."}},
		{"quote ends sentence", "„Wir bündeln Kräfte.“ Gerlach lächelt.",
			[]string{"„Wir bündeln Kräfte.“", "Gerlach lächelt."}},
		{"quote then attribution", "„Wir bündeln Kräfte“, sagte Gerlach. Dann ging sie.",
			[]string{"„Wir bündeln Kräfte“, sagte Gerlach.", "Dann ging sie."}},
		{"straight quotes", `"Das ist stark", betonte er in Kiel. "Wir machen weiter."`,
			[]string{`"Das ist stark", betonte er in Kiel.`, `"Wir machen weiter."`}},
		{"colon introduces quote", "Gerlach erklärte: „Wir treten bei. Das ist gut.“ Dann mehr.",
			[]string{"Gerlach erklärte: „Wir treten bei.", "Das ist gut.“", "Dann mehr."}},
		{"colon does not end", "Das Ziel: Alle Länder machen mit.",
			[]string{"Das Ziel: Alle Länder machen mit."}},
		{"lower case after period", "Es ist die Nr. eins. und so weiter",
			[]string{"Es ist die Nr. eins. und so weiter"}},
		{"glued sentences", "Neue Mitglieder.Vom 27. April an tagt der Verband. Der Verein Komm.ONE und Servicekonto.NRW bleiben.",
			[]string{"Neue Mitglieder.", "Vom 27. April an tagt der Verband.", "Der Verein Komm.ONE und Servicekonto.NRW bleiben."}},
		{"paragraphs and lines", "Überschrift ohne Punkt\n\nErster Absatz. Noch ein Satz\nZeile zwei",
			[]string{"Überschrift ohne Punkt", "Erster Absatz.", "Noch ein Satz", "Zeile zwei"}},
		{"bullets", "Neu sind:\n\n- Stadt Bedburg\n\n• Gemeinde Grefrath\n\n- Stadt Goch.",
			[]string{"Neu sind:", "Stadt Bedburg", "Gemeinde Grefrath", "Stadt Goch."}},
		{"ellipsis and exclamations", "Das ist toll!! Wirklich... Ja?! Gut.",
			[]string{"Das ist toll!!", "Wirklich...", "Ja?!", "Gut."}},
		{"parenthesis", "Die Verwaltung (z. B. das Amt) arbeitet. (jvo)",
			[]string{"Die Verwaltung (z. B. das Amt) arbeitet. (jvo)"}},
		{"white space", "  Eins.   Zwei.\t \n\n\n ", []string{"Eins.", "Zwei."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\ngot  %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSentencesKeepText checks that splitting loses no words.
func TestSentencesKeepText(t *testing.T) {
	text := "Dr. Heiko Geue, Minister, und Dr. Markus J. Richter (BMI) unterzeichneten am 1. Juli 2025 u. a. einen Vertrag über ca. 2 Mio. Euro. „Gut“, sagte er. Ende!"
	got := strings.Join(Sentences(text), " ")
	if got != text {
		t.Errorf("joined sentences = %q, want %q", got, text)
	}
}
