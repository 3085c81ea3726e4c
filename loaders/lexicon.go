package loaders

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
)

// lexicon knows German word forms: which capitalized forms are common nouns and which
// forms are verbs, each with its lemma. A capitalized word it does not know as a noun is
// likely a name ("Lorsch", "Nextcloud"); a verb form leads to its lemma ("trat" → "treten").
type lexicon struct {
	nouns map[string]string // form → lemma ("" when the form is the lemma)
	verbs map[string]string
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// defaultLexicon returns the lexicon of the embedded data/lexicon.tsv.gz; a broken file is
// a bug of the build, so it panics.
func defaultLexicon() *lexicon {
	lexOnce.Do(func() { lex, lexErr = loadLexicon("data/lexicon.tsv.gz") })
	if lexErr != nil {
		panic(lexErr)
	}
	return lex
}

func loadLexicon(name string) (*lexicon, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	// one string for the whole file: the map keys are slices of it, not copies
	text := string(raw)
	l := &lexicon{nouns: make(map[string]string, 180000), verbs: make(map[string]string, 110000)}
	for line := 1; text != ""; line++ {
		var row string
		row, text, _ = strings.Cut(text, "\n")
		if row == "" || row[0] == '#' {
			continue
		}
		form, rest, ok1 := strings.Cut(row, "\t")
		lemma, class, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s:%d: want form, lemma and class", name, line)
		}
		switch class {
		case "N":
			l.nouns[form] = lemma
		case "V":
			l.verbs[form] = lemma
		default:
			return nil, fmt.Errorf("%s:%d: unknown class %q", name, line, class)
		}
	}
	return l, nil
}

// isNoun reports whether w, as written, is a form of a common noun: "Gemeinden", or a
// compound ending in one, as German forms them freely ("Digitalisierungskoordinator",
// "IT-Dienstleister"). A compound ending in a head that place names use ("-berg", "-dorf")
// is not judged by its head: "Zwingenberg" may be a town.
func (l *lexicon) isNoun(w string) bool {
	if _, ok := l.nouns[w]; ok {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		return startsUpper(w[i+1:]) && l.isNoun(w[i+1:])
	}
	rs := []rune(w)
	for p := 3; p <= len(rs)-4; p++ {
		head := string(unicode.ToUpper(rs[p])) + string(rs[p+1:])
		if _, ok := l.nouns[head]; ok {
			return !toponymHeads[strings.ToLower(l.nounLemma(head))]
		}
	}
	return false
}

// toponymHeads are the nouns that end German place names: a compound ending in one may
// be a town, not a common noun.
var toponymHeads = map[string]bool{
	"berg": true, "burg": true, "dorf": true, "feld": true, "heim": true, "stadt": true,
	"tal": true, "bach": true, "hausen": true, "hofen": true, "brück": true, "brücken": true,
	"born": true, "wald": true, "see": true, "au": true, "hagen": true, "kirchen": true,
	"münster": true, "horst": true, "stedt": true, "leben": true, "hain": true, "rode": true,
	"furt": true, "brunn": true, "ried": true, "bruck": true, "hof": true, "weiler": true,
	"kirch": true, "zell": true, "stein": true, "eck": true,
}

// nounLemma returns the lemma of the noun form w ("Landkreises" → "Landkreis"), or w.
func (l *lexicon) nounLemma(w string) string {
	if lemma, ok := l.nouns[w]; ok && lemma != "" {
		return lemma
	}
	return w
}

// verbLemma returns the lemma of the verb form w ("beigetreten" → "beitreten"), and
// whether w is a verb form.
func (l *lexicon) verbLemma(w string) (string, bool) {
	lemma, ok := l.verbs[w]
	if ok && lemma == "" {
		lemma = w
	}
	return lemma, ok
}
