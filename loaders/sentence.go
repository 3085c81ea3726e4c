package loaders

import (
	"regexp"
	"strings"
	"unicode"
)

// abbrevs are the German abbrevs, without their final period, after which a
// period does not end a sentence. Single letters ("J." in "Markus J. Richter", "z. B.") and
// dotted forms ("z.B.", "e.V.", "a.D.") are recognised without a list.
var abbrevs = setOf(
	"Dr", "Prof", "Dipl", "Ing", "Mag", "med", "jur", "rer", "nat", "phil", "oec", "pol", "habil",
	"Hr", "Hrn", "Fr", "Jr", "Sr", "St", "Nr", "Nrn", "Abs", "Art", "Kap", "Ziff", "Bd", "Jg",
	"bzw", "ca", "vgl", "ggf", "inkl", "exkl", "usw", "usf", "etc", "sog", "evtl", "bspw", "insb",
	"bzgl", "betr", "zzgl", "gem", "lt", "max", "min", "ehem", "geb", "stellv", "Stellv", "Vors",
	"Mio", "Mrd", "Tsd", "Std", "Min", "Sek", "Jh", "Jhd", "Abt", "Ref", "Abb", "Anm", "Tab",
	"Hrsg", "Aufl", "Bsp", "ebd", "Str", "Tel", "Fax", "Co", "Ltd", "Inc", "eG", "vs",
	"Jan", "Feb", "Febr", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
)

var (
	dotted     = regexp.MustCompile(`^([\p{L}\d]{1,3}\.)+[\p{L}\d]{1,3}$`) // z.B, e.V, i.H.v, 8.v.r
	ordinal    = regexp.MustCompile(`^\d{1,3}$|^\d{1,2}\.\d{1,2}$`)        // 22. Juli, 45. Sitzung, 18.09.
	bulletMark = regexp.MustCompile(`^([-*+•·▪◦–]|\d{1,2}\))\s+`)
)

// Sentences splits German text into sentences, without surrounding white space.
//
// Every line break ends a sentence: headlines, paragraphs and list items (whose marker is
// dropped) are sentences of their own. Within a line, a sentence ends at . ! ? or … (and any
// closing quotes or brackets after it) before a space and a capital letter, digit or opening
// quote — but not a period after an abbreviation ("Dr.", "z. B.", "bzw.", "e.V.", "Mio."),
// an initial ("Markus J. Richter") or an ordinal ("am 22. Juli", "45. Sitzung"). A quote
// stays in the sentence that introduces it: "Gerlach erklärte: „Wir …“" is one sentence up
// to the end of the quote's first sentence, as a colon never ends a sentence. A period glued
// to the next sentence ("Mitglieder.Vom 27. April") ends a sentence when a word of four or
// more lower-case-ending letters precedes it and a capitalised word follows.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(lineEndings.Replace(text), "\n") {
		line = bulletMark.ReplaceAllString(clean(line), "")
		if line != "" {
			out = append(out, splitLine(line)...)
		}
	}
	return out
}

// splitLine splits one line of text into sentences.
func splitLine(s string) []string {
	r := []rune(s)
	var out []string
	start := 0
	for i := 0; i < len(r); i++ {
		if !strings.ContainsRune(".!?…", r[i]) {
			continue
		}
		j := i + 1
		for j < len(r) && strings.ContainsRune(".!?…", r[j]) {
			j++
		}
		k := j
		for k < len(r) && strings.ContainsRune(closers, r[k]) {
			k++
		}
		end := -1
		switch {
		case k < len(r) && unicode.IsSpace(r[k]):
			m := k
			for m < len(r) && unicode.IsSpace(r[m]) {
				m++
			}
			if m < len(r) && startsSentence(r[m]) && !(r[i] == '.' && j == i+1 && k == j && noEnd(r[start:i])) {
				end = k
			}
		case k == j && j == i+1 && r[i] == '.' && j+1 < len(r) && unicode.IsUpper(r[j]) && unicode.IsLower(r[j+1]) && glued(r[start:i]):
			end = j
		}
		if end < 0 {
			i = k - 1
			continue
		}
		if sent := strings.TrimSpace(string(r[start:end])); sent != "" {
			out = append(out, sent)
		}
		start = end
		i = end - 1
	}
	if sent := strings.TrimSpace(string(r[start:])); sent != "" {
		out = append(out, sent)
	}
	return out
}

// startsSentence reports whether a sentence may start with r.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`„"“»«‚‘'`, r)
}

// lastToken returns the run of non-space runes at the end of r, without opening brackets
// and quotes.
func lastToken(r []rune) string {
	i := len(r)
	for i > 0 && !unicode.IsSpace(r[i-1]) {
		i--
	}
	return strings.TrimLeft(string(r[i:]), `([„"“»«‚‘'`)
}

// noEnd reports whether a period after text is no sentence end: it follows an
// abbreviation, an initial or an ordinal number.
func noEnd(text []rune) bool {
	tok := lastToken(text)
	n := len([]rune(tok))
	switch {
	case n == 0:
		return false
	case abbrevs[tok], dotted.MatchString(tok), ordinal.MatchString(tok):
		return true
	}
	return n == 1 && unicode.IsLetter([]rune(tok)[0])
}

// glued reports whether text ends in a word that may end a sentence glued to the next one.
func glued(text []rune) bool {
	tok := lastToken(text)
	rs := []rune(tok)
	if len(rs) < 4 || abbrevs[tok] || !unicode.IsLower(rs[len(rs)-1]) {
		return false
	}
	for _, c := range rs {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return true
}
