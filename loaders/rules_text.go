package loaders

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	Text  string
	Key   string // folded: lower case, umlauts spelled out, no spaces
	Punct bool
}

// abbreviations keep their final period inside the token.
var abbreviations = map[string]bool{
	"dr": true, "prof": true, "e.v": true, "e.g": true, "st": true, "stellv": true, "bzw": true,
	"ca": true, "z.b": true, "u.a": true, "nr": true, "a.d": true, "mbh": false, "co": true,
	"hr": true, "fr": true, "dipl": true, "ing": true, "h.c": true, "inkl": true, "ggf": true,
	"vgl": true, "sog": true, "evtl": true, "i.h.v": true, "d.h": true, "v.l": true, "v.r": true,
}

const quoteRunes = "„“”\"‚‘’«»›‹'"

// tokenize splits text into words and punctuation marks.
func tokenize(text string) []token {
	var out []token
	for _, field := range strings.Fields(text) {
		out = appendField(out, field)
	}
	return out
}

func appendField(out []token, f string) []token {
	// "FITKO(v." and "Lösung(en)": a parenthesis inside a word starts a new token
	if i := strings.IndexAny(f, "()"); i > 0 && i < len(f)-1 {
		out = appendField(out, f[:i])
		out = append(out, punct(f[i:i+1]))
		return appendField(out, f[i+1:])
	}
	// leading punctuation and quotes
	for f != "" {
		r, n := utf8.DecodeRuneInString(f)
		if strings.ContainsRune(quoteRunes+"([{•*", r) || (r == '-' && len(f) == 1) || r == '–' || r == '—' {
			out = append(out, punct(f[:n]))
			f = f[n:]
			continue
		}
		break
	}
	var trail []token
	for f != "" {
		r, n := utf8.DecodeLastRuneInString(f)
		if strings.ContainsRune(quoteRunes+")]},;:!?*–—", r) {
			trail = append([]token{punct(f[len(f)-n:])}, trail...)
			f = f[:len(f)-n]
			continue
		}
		if r == '.' {
			stem := strings.ToLower(strings.TrimSuffix(f, "."))
			if abbreviations[stem] || (utf8.RuneCountInString(stem) == 1 && unicode.IsLetter([]rune(stem)[0])) || isOrdinal(stem) {
				break
			}
			trail = append([]token{punct(".")}, trail...)
			f = f[:len(f)-n]
			continue
		}
		break
	}
	if f != "" {
		if f == "-" || f == "–" || f == "&" || f == "/" {
			out = append(out, punct(f))
		} else {
			out = append(out, token{Text: f, Key: foldKey(f)})
		}
	}
	return append(out, trail...)
}

// isOrdinal reports whether s is a number, so "23." reads as the ordinal "23.".
func isOrdinal(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func punct(s string) token { return token{Text: s, Key: s, Punct: true} }

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`\*\*|__`)
	spaces     = regexp.MustCompile(`[ \t\x{00a0}]+`)
)

// cleanBlock strips Markdown furniture from one block of the body: links keep their text,
// emphasis and heading marks go.
func cleanBlock(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "")
	s = strings.TrimLeft(s, "# ")
	s = strings.ReplaceAll(s, "\u00ad", "")
	s = spaces.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

// isFurniture reports whether a block is page furniture rather than text: a short line
// with no sentence in it, a breadcrumb, a link list.
func isFurniture(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"sie befinden sich hier", "zur pressemitteilung", "pressemitteilung auf der seite", "druckversion", "link mailen", "teilen", "impressum", "datenschutz", "barrierefreiheit", "zum seitenanfang", "nach oben", "weitere meldungen", "stichwörter:", "bildquelle", "berechne lesezeit", "in pocket speichern", "lesezeit:"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}
