package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

// This file reads names that no list knows, from their form and their neighbours: a word
// the lexicon does not know as a common noun is likely a name, and names coordinated with
// names of a known type are of that type ("Musterhausen, Beispielstadt und Köln").

// listItem is one item of a coordination: tokens [start, end), and the mention that
// already covers it, if any.
type listItem struct {
	start, end int
	m          *mention
}

// municipalCues are the nouns that say a list names municipalities ("für die Kommunen A,
// B und C"); orgCues those that say it names organizations ("die Firmen A, B und C").
var (
	municipalCues = []string{"kommune", "kommunen", "gemeinde", "gemeinden", "staedte", "staedten", "stadt", "ortsgemeinden", "nachbarkommunen", "nachbargemeinden"}
	orgCues       = []string{"firmen", "unternehmen", "partner", "partnern", "partnerinnen", "dienstleister", "dienstleistern", "anbieter", "anbietern", "hersteller", "herstellern", "mitglieder", "mitgliedern", "gesellschafter", "gesellschaftern", "zweckverbaende", "rechenzentren", "organisationen"}
)

// findNameLists reads coordinated lists of names that contain unknown names: each unknown
// item takes the type of the list, which its known items or the noun before it give.
func (x *extraction) findNameLists(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		items, end := x.nameList(s, i)
		if len(items) < 2 {
			continue
		}
		typ := x.listType(s, i, items)
		if typ == "" {
			i = end - 1
			continue
		}
		unknown := 0
		for _, it := range items {
			if it.m == nil {
				unknown++
			}
		}
		// two unknown words joined by "und" are too weak a cue on their own
		if unknown > 0 && (len(items) >= 3 || unknown < len(items)) {
			for _, it := range items {
				if it.m != nil {
					continue
				}
				name := spanText(toks, it.start, it.end)
				var e *entity
				if typ == graph.Municipality {
					e = x.cityEntity(name)
				} else {
					e = x.entityFor(typ, stripLegal(name), nil)
				}
				x.addMention(s, &mention{start: it.start, end: it.end, ent: e, locative: isLocative(toks, it.start)})
			}
		}
		i = end - 1
	}
}

// nameList returns the items of the list of names starting at token i ("A, B und C";
// "A sowie B") and the end of the list; fewer than two items when none starts there.
func (x *extraction) nameList(s *sentence, i int) ([]listItem, int) {
	toks := s.toks
	var items []listItem
	j := i
	for j < len(toks) {
		it, ok := x.listItemAt(s, j)
		if !ok {
			break
		}
		items = append(items, it)
		j = it.end
		if j < len(toks) && toks[j].Text == "," {
			j++
			continue
		}
		if j < len(toks) && (toks[j].Key == "und" || toks[j].Key == "sowie") {
			if next, ok := x.listItemAt(s, j+1); ok {
				items = append(items, next)
				j = next.end
			}
		}
		break
	}
	return items, max(j, i+1)
}

// listItemAt reads one item of a list at token j: a mention of a party, or one or two
// capitalized words that are neither common nouns, first names nor offices.
func (x *extraction) listItemAt(s *sentence, j int) (listItem, bool) {
	toks := s.toks
	if j >= len(toks) {
		return listItem{}, false
	}
	if m := s.covering(j); m != nil {
		if m.start == j && m.ent != nil && m.ent.typ.IsParty() && m.kind == mName {
			return listItem{start: m.start, end: m.end, m: m}, true
		}
		return listItem{}, false
	}
	end := j
	for end < len(toks) && end-j < 2 && x.unknownName(s, end) {
		end++
	}
	if end == j {
		return listItem{}, false
	}
	// "Homberg (Efze)": a town's distinguishing suffix in brackets
	if end+2 < len(toks) && toks[end].Text == "(" && toks[end+2].Text == ")" && startsUpper(toks[end+1].Text) {
		end += 3
	}
	return listItem{start: j, end: end}, true
}

// unknownName reports whether token j can be (part of) a name no list knows: capitalized
// or with a capital inside ("KommunalBIT"), not a common noun, first name, office, month
// or function word, and not the first word of the sentence, which is capitalized anyway.
func (x *extraction) unknownName(s *sentence, j int) bool {
	t := s.toks[j]
	if t.Punct || j == 0 || s.covering(j) != nil || !startsUpper(t.Text) && !isAlnumName(t.Text) || strings.HasSuffix(t.Text, "-") || isTitle(t) {
		return false
	}
	if stopWords[t.Key] || months[strings.ToLower(t.Text)] != 0 || x.g.isFirstName(t.Text) || x.isRoleWord(t) || isLegalForm(t) {
		return false
	}
	if adjectiveLike(t.Key) || isAcronym(t.Text) && len(t.Text) <= 2 {
		return false
	}
	noun, ok := x.nouns[t.Text]
	if !ok {
		noun = defaultLexicon().isNoun(t.Text)
		x.nouns[t.Text] = noun
	}
	return !noun
}

// listType returns the type of the names listed from token i: the type of a municipality
// or organization among them, else what the nouns before the list say; "" when nothing does.
func (x *extraction) listType(s *sentence, i int, items []listItem) graph.EntityType {
	for _, it := range items {
		if it.m == nil {
			continue
		}
		switch t := it.m.ent.typ; t {
		case graph.Municipality:
			return t
		case graph.Organization, graph.Authority:
			return graph.Organization
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch key := s.toks[k].Key; {
		case hasAny(key, municipalCues):
			return graph.Municipality
		case hasAny(key, orgCues):
			return graph.Organization
		}
	}
	return ""
}

// hasAny reports whether k is one of words.
func hasAny(k string, words []string) bool {
	for _, w := range words {
		if k == w {
			return true
		}
	}
	return false
}

// innerNameWords may stand inside a long name: "Zentrum für Digitalisierung", "Bundesamt
// für Sicherheit in der Informationstechnik".
var innerNameWords = map[string]bool{"fuer": true, "der": true, "des": true, "und": true, "in": true, "im": true, "von": true, "am": true, "an": true}

// acronymName reads an organization no list knows from its long name and the acronym in
// brackets after it, at token open: "Kommunale Datenverarbeitung Musterland (KDM)" names
// KDM, with the long name as its alias. Mentions inside the long name ("Musterland") give
// way to it. The type follows the long name's head noun.
func (x *extraction) acronymName(s *sentence, open int) {
	toks := s.toks
	acr := toks[open+1].Text
	start := open
	for k := open - 1; k >= 0 && open-k <= 8; k-- {
		t := toks[k]
		if m := s.covering(k); m != nil && (m.ent == nil || m.ent.typ == graph.Person) {
			break
		}
		if !t.Punct && (startsUpper(t.Text) || isAlnumName(t.Text)) {
			start = k
			continue
		}
		if innerNameWords[t.Key] || t.Text == "-" {
			continue
		}
		break
	}
	// the name starts with the first capitalized word whose initial the acronym starts with
	first, _ := utf8.DecodeRuneInString(acr)
	for start < open {
		r, _ := utf8.DecodeRuneInString(toks[start].Text)
		if unicode.ToUpper(r) == first && !articles[toks[start].Key] {
			break
		}
		start++
	}
	if open-start < 2 {
		return
	}
	long := spanText(toks, start, open)
	typ := graph.Organization
	if authorityLike(long) {
		typ = graph.Authority
	}
	e := x.entityFor(typ, acr, nil)
	e.aliases[long] = true
	var kept []*mention
	for _, m := range s.ments {
		if m.end <= start || m.start >= open {
			kept = append(kept, m)
		}
	}
	s.ments = kept
	x.addMention(s, &mention{start: start, end: open, ent: e})
	x.addMention(s, &mention{start: open + 1, end: open + 2, ent: e})
	x.addDocName(acr, e)
}

// authorityHeads end the names of public bodies: "Landesamt", "Staatsministerium".
var authorityHeads = []string{"amt", "ministerium", "behoerde", "direktion", "kanzlei", "praesidium", "regierung", "anstalt", "zentrale", "stelle"}

// authorityLike reports whether a long name names a public body: a word of it ends in
// an authority's head noun.
func authorityLike(name string) bool {
	for _, w := range strings.Fields(name) {
		k := foldKey(w)
		for _, h := range authorityHeads {
			if strings.HasSuffix(k, h) {
				return true
			}
		}
	}
	return false
}

// descriptorHeads end the nouns that describe a body and may stand before its name:
// "Entwicklergemeinschaft Musterportal", "Digitalagentur Beispielregion", "Zweckverband X".
var descriptorHeads = []string{"gemeinschaft", "allianz", "verbund", "genossenschaft", "netzwerk", "agentur",
	"kommission", "gremium", "konferenz", "zentrum", "campus", "stiftung", "verband", "gesellschaft",
	"kooperation", "initiative", "arbeitskreis", "rechenzentrum", "dienstleister", "steuerungsgruppe", "lenkungskreis",
	"verein", "stadtwerke"}

// legalHeads are describing nouns that say only what kind of body a name is: "die
// Genossenschaft Nordwerk" is Nordwerk.
var legalHeads = map[string]bool{"verein": true, "genossenschaft": true, "gesellschaft": true, "stiftung": true}

// descriptorNameAt reads a body named by a describing noun and a name after it, at token
// i: "Entwicklergemeinschaft Musterportal", "Digitalagentur Smarte Beispielregion",
// "Zukunftskommission Digitales Musterland 2.0". The name is what no common noun is: words
// the lexicon does not know, capitalized adjectives (lower case in running text, so they
// open a name), acronyms and numbers; names of places inside it give way to it.
func (x *extraction) descriptorNameAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct || !startsUpper(t.Text) || i+1 >= len(toks) || s.covering(i) != nil {
		return 0
	}
	head, genitive := "", 0
	for _, d := range descriptorHeads {
		for _, g := range []string{"", "s", "es"} {
			if strings.HasSuffix(t.Key, d+g) {
				head, genitive = d, len(g)
				break
			}
		}
		if head != "" {
			break
		}
	}
	if head == "" {
		return 0
	}
	if isDigitWord(toks[i+1].Text) {
		return 0 // "die Genossenschaft 37 Mitglieder": a count, not a name
	}
	end, namey := i+1, false
	for end < len(toks) && end-i <= 4 {
		u := toks[end]
		if m := s.covering(end); m != nil {
			if m.ent == nil || (m.ent.typ != graph.State && m.ent.typ != graph.Municipality) || !namey {
				break
			}
			end = m.end
			continue
		}
		switch {
		case x.unknownName(s, end) || hasInnerUpper(u.Text) || !u.Punct && isAcronymLike(u.Text) && !x.isRoleWord(u):
			namey = true
		case end == i+1 && !u.Punct && startsUpper(u.Text) && !stopWords[u.Key] && months[strings.ToLower(u.Text)] == 0 &&
			!x.isRoleWord(u) && !x.g.isFirstName(u.Text) && (end+1 >= len(toks) || !startsUpper(toks[end+1].Text) || toks[end+1].Punct):
			// right after the noun, a capitalized word that no other word follows names it,
			// even when it is a common noun too: "der Zweckverband Muster tritt bei"
			namey = true
		case startsUpper(u.Text) && adjectiveLike(u.Key) && end+1 < len(toks) && startsUpper(toks[end+1].Text):
			namey = true // "Smarte Grenzregion": an adjective in capitals opens a name
		case namey && isDigitWord(u.Text):
		case namey && startsUpper(u.Text) && !u.Punct && adjectiveLike(toks[end-1].Key):
			// the noun after a capitalized adjective: "Digitales Musterland"
		default:
			goto done
		}
		end++
	}
done:
	if !namey {
		return 0
	}
	for end > i+1 && isDigitWord(toks[end-1].Text) && !isDigitWord(toks[end-2].Text) && !strings.Contains(toks[end-1].Text, ".") {
		end-- // "Verband Musterland 2023": a year after the name
	}
	name := stripLegal(t.Text[:len(t.Text)-genitive] + " " + spanText(toks, i+1, end))
	if hk := t.Key[:len(t.Key)-genitive]; legalHeads[hk] || strings.HasSuffix(hk, "dienstleister") {
		// "ihr IT-Dienstleister KID" is KID
		name = stripLegal(spanText(toks, i+1, end))
	}
	typ := graph.Organization
	if authorityLike(name) {
		typ = graph.Authority
	}
	e := x.entityFor(typ, name, nil)
	e.kinds = appendKind(e.kinds, head)
	var kept []*mention
	for _, m := range s.ments {
		if m.end <= i || m.start >= end {
			kept = append(kept, m)
		}
	}
	s.ments = kept
	x.addMention(s, &mention{start: i, end: end, ent: e})
	return end
}

// hasInnerUpper reports whether a word that starts in lower case has a capital inside:
// a brand written like "eAkte" or "xPlatform".
func hasInnerUpper(w string) bool {
	for i, r := range w {
		if i == 0 && !unicode.IsLower(r) {
			return false
		}
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// memberNouns name a member of a body; jointNouns a body that several parties run
// together ("eine gemeinsame Einrichtung der Städte A und B").
var (
	memberNouns = []string{"mitglied", "mitglieder", "mitgliedern", "gesellschafter", "gesellschafterin", "gesellschafterinnen",
		"traeger", "traegerin", "traegerinnen", "gruendungsmitglied", "gruendungsmitglieder", "eigentuemer", "anteilseigner"}
	jointNouns = []string{"einrichtung", "anstalt", "gesellschaft", "tochter", "tochtergesellschaft", "kooperation", "initiative", "plattform"}
	copulas    = map[string]bool{"ist": true, "sind": true, "war": true, "waren": true, "bleibt": true, "bleiben": true, "wird": true, "werden": true, "wurde": true, "wurden": true}
)

// readMemberCopula reads membership stated with a copula and a member noun, in either
// order: "Mitglieder der Y sind A, B und C", "A und B sind Gesellschafter der Y", and a
// body that parties run together: "Y ist eine gemeinsame Einrichtung der Städte A und B".
func (x *extraction) readMemberCopula(s *sentence) {
	toks := s.toks
	cop := -1
	for i, t := range toks {
		if copulas[t.Key] {
			cop = i
			break
		}
	}
	if cop < 0 {
		return
	}
	// parties before and after the copula, and the body named in a genitive after a noun
	before, after := x.actors(s, 0, cop), x.actors(s, cop+1, len(toks))
	for i := 0; i+1 < len(toks); i++ {
		k := toks[i].Key
		isMember := hasAny(k, memberNouns)
		isJoint := hasAny(k, jointNouns) && i > 0 && strings.HasPrefix(toks[i-1].Key, "gemeinsam")
		if !isMember && !isJoint {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].Key == "der" || toks[j].Key == "des" || toks[j].Key == "von") {
			j++
		}
		m := s.covering(j)
		if isMember {
			// the body: "Gesellschafter der Y"
			if m == nil || m.ent == nil || !m.ent.typ.IsParty() || m.ent.typ == graph.State || m.ent.typ == graph.Federal {
				continue
			}
			body := m.ent
			members := after
			if i > cop {
				members = before
			}
			for _, a := range members {
				if a.ent != body {
					x.addFact(graph.MemberOf, a.ent, body, "", s, "member.kopula")
				}
			}
			continue
		}
		// "Y ist eine gemeinsame Einrichtung der A, B und C": the parties after the noun
		// run the body named before the copula
		if i < cop || len(before) == 0 {
			continue
		}
		body := before[len(before)-1].ent
		for _, a := range x.actors(s, j, len(toks)) {
			if a.ent != body {
				x.addFact(graph.MemberOf, a.ent, body, "", s, "member.kopula")
			}
		}
	}
}
