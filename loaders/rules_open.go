package loaders

import (
	"strings"

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
	if t.Punct || j == 0 || s.covering(j) != nil || !startsUpper(t.Text) && !isAlnumName(t.Text) {
		return false
	}
	if stopWords[t.Key] || months[strings.ToLower(t.Text)] != 0 || x.g.isFirstName(t.Text) || x.isRoleWord(t) || isLegalForm(t) {
		return false
	}
	if adjectiveLike(t.Key) || isAcronym(t.Text) && len(t.Text) <= 2 {
		return false
	}
	return !defaultLexicon().isNoun(t.Text)
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
