package loaders

import (
	"strings"
	"unicode"

	"github.com/egovgraph/egovgraph/graph"
)

// titles precede a person's name and are dropped from it.
var titles = map[string]bool{"dr.": true, "prof.": true, "dr": true, "prof": true, "dipl.": true,
	"ing.": true, "h.c.": true, "dr.-ing.": true, "mag.": true, "professor": true, "doktor": true}

// nameParticles may stand between first name and surname ("Alexis von Komorowski").
var nameParticles = map[string]bool{"von": true, "van": true, "de": true, "zu": true, "vom": true, "der": true, "den": true, "ter": true}

// notSurname lists capitalized words that follow a first name without being a surname.
var notSurname = map[string]bool{
	"und": true, "der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"januar": true, "februar": true, "maerz": true, "april": true, "mai": true, "juni": true, "juli": true,
	"august": true, "september": true, "oktober": true, "november": true, "dezember": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true, "sonntag": true,
	"sagt": true, "sagte": true, "erklaert": true, "erklaerte": true, "betont": true, "betonte": true,
	"wir": true, "ich": true, "sie": true, "er": true, "es": true, "uhr": true, "bild": true, "foto": true,
}

func isTitle(t token) bool { return titles[strings.ToLower(t.Text)] }

// isNameWord reports whether t can be part of a surname: a capitalized word of letters.
func isNameWord(t token) bool {
	if t.Punct || !startsUpper(t.Text) || notSurname[t.Key] {
		return false
	}
	if _, ok := municipalHeads[t.Key]; ok {
		return false
	}
	letters := 0
	for _, r := range t.Text {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'':
		default:
			return false
		}
	}
	if letters < 2 {
		return false
	}
	// "GmbH", "NRW": names are not written in capitals
	upper := 0
	for _, r := range t.Text {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper*2 <= letters || letters <= 2
}

// personSpan reads a person's name starting at token i: titles, first names, particles and
// a surname. It returns the end of the span, the given names and the surname; ok is false
// when no name starts at i.
func (x *extraction) personSpan(toks []token, i int, afterRole bool) (end int, given, surname string, ok bool) {
	j := i
	titled := false
	for j < len(toks) && isTitle(toks[j]) {
		j++
		titled = true
	}
	var firsts []string
	for j < len(toks) && x.g.isFirstName(toks[j].Text) && !toks[j].Punct {
		firsts = append(firsts, toks[j].Text)
		j++
		// an initial: "Frank-Walter F. Müller" keeps going
		for j < len(toks) && len(toks[j].Text) == 2 && strings.HasSuffix(toks[j].Text, ".") && startsUpper(toks[j].Text) {
			j++
		}
	}
	particle := ""
	if len(firsts) > 0 && j+1 < len(toks) && nameParticles[toks[j].Key] && isNameWord(toks[j+1]) {
		particle = toks[j].Text + " "
		j++
	}
	if j < len(toks) && isNameWord(toks[j]) {
		sur := particle + toks[j].Text
		if len(firsts) > 0 {
			// the last "first name" may be the surname itself: "Martin Hagen" is fine,
			// but "Christian Pegel" too; a first name followed by a role is not a person.
			if _, _, role := x.g.roleHead(toks[j].Text); role && !x.g.isFirstName(toks[j].Text) && particle == "" {
				return 0, "", "", false
			}
			// a double surname: "Christian Schulze Pellengahr", when the second part is no
			// known name, first name, office or common noun and the name ends after it
			if k := j + 1; k < len(toks) && particle == "" && isNameWord(toks[k]) && !x.isKnownName(toks, k) && !x.g.isFirstName(toks[k].Text) &&
				!x.isRoleWord(toks[k]) && !defaultLexicon().isNoun(toks[k].Text) && !adjectiveLike(toks[k].Key) &&
				(k+1 == len(toks) || toks[k+1].Punct || !startsUpper(toks[k+1].Text)) {
				return k + 1, strings.Join(firsts, " "), sur + " " + toks[k].Text, true
			}
			return j + 1, strings.Join(firsts, " "), sur, true
		}
		if titled || afterRole && x.surnameLike(toks, j) {
			// "Dr. Neubauer", "Ministerin Schall": a surname alone
			if afterRole && !titled && j+1 < len(toks) && isNameWord(toks[j+1]) && !x.isKnownName(toks, j+1) && !adjectiveLike(toks[j].Key) && !nounLike(toks[j+1].Key) {
				// "Ministerin Urve Palo": an unknown first name and a surname
				return j + 2, toks[j].Text, toks[j+1].Text, true
			}
			return j + 1, "", sur, true
		}
	}
	if len(firsts) >= 2 {
		// "Thomas Bernhard": the last first name is the surname
		return j, strings.Join(firsts[:len(firsts)-1], " "), firsts[len(firsts)-1], true
	}
	return 0, "", "", false
}

// adjectiveLike reports whether a capitalized word is an adjective ("Kommunale").
func adjectiveLike(k string) bool {
	for _, e := range []string{"ale", "alen", "ische", "ischen", "liche", "lichen", "ige", "igen", "ive", "iven", "ere", "eren", "ste", "sten", "ene", "enen"} {
		if strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}

// nounLike reports whether a word ends like a common noun, singular or plural.
func nounLike(k string) bool {
	for _, e := range nounEndings {
		if strings.HasSuffix(k, e) || strings.HasSuffix(k, e+"en") || strings.HasSuffix(k, e+"n") || strings.HasSuffix(k, e+"e") {
			return true
		}
	}
	return false
}

// nounEndings end common nouns, which a surname after a role word is not.
var nounEndings = []string{"ung", "heit", "keit", "schaft", "ion", "taet", "tag", "rat", "amt", "ium", "ei",
	"ment", "tum", "nis", "ismus", "kreis", "land", "stadt", "verband", "versammlung", "gremium", "ausschuss"}

// surnameLike reports whether the word at i, after a role word, can be a surname alone:
// not an acronym, no known name, not shaped like a common noun.
func (x *extraction) surnameLike(toks []token, i int) bool {
	t := toks[i]
	if isAcronymLike(t.Text) || x.isKnownName(toks, i) || x.isRoleWord(t) || adjectiveLike(t.Key) {
		return false
	}
	for _, e := range nounEndings {
		if strings.HasSuffix(t.Key, e) {
			return false
		}
	}
	return x.personBySurname(t.Text) != nil || i+1 >= len(toks) || toks[i+1].Punct || !startsUpper(toks[i+1].Text) || isNameWord(toks[i+1])
}

// isKnownName reports whether a gazetteer entry starts at token i.
func (x *extraction) isKnownName(toks []token, i int) bool {
	_, _, ok := x.g.match(toks, i)
	return ok
}

// findPersons reads the persons named with first name and surname anywhere in the
// document, so that surnames alone can be resolved in any sentence.
func (x *extraction) findPersons() {
	for si, s := range x.sents {
		x.pos = si * 1000
		for i := 0; i < len(s.toks); i++ {
			if x.nameBeforeRole(s.toks, i) {
				p := x.entityFor(graph.Person, s.toks[i].Text+" "+s.toks[i+1].Text, nil)
				p.given, p.surname = s.toks[i].Text, s.toks[i+1].Text
				i++
				continue
			}
			afterRole := i > 0 && x.isRoleWord(s.toks[i-1])
			if !isTitle(s.toks[i]) && !x.g.isFirstName(s.toks[i].Text) && !afterRole {
				continue
			}
			end, given, sur, ok := x.personSpan(s.toks, i, afterRole)
			if !ok {
				continue
			}
			if given == "" {
				continue // surnames alone are resolved in findMentions
			}
			p := x.entityFor(graph.Person, given+" "+sur, nil)
			p.given, p.surname = given, sur
			i = end - 1
		}
	}
}

// nameBeforeRole reports whether tokens i and i+1 are a name with a first name the list
// lacks, followed by an office: "Kristjan Järvan, Minister für …".
func (x *extraction) nameBeforeRole(toks []token, i int) bool {
	if i+3 >= len(toks) || !isNameWord(toks[i]) || !isNameWord(toks[i+1]) || toks[i+2].Text != "," {
		return false
	}
	if x.g.isFirstName(toks[i].Text) || x.isKnownName(toks, i) || x.isKnownName(toks, i+1) || adjectiveLike(toks[i].Key) ||
		nounLike(toks[i].Key) || nounLike(toks[i+1].Key) || x.isRoleWord(toks[i]) || x.isRoleWord(toks[i+1]) {
		return false
	}
	if i > 0 && !toks[i-1].Punct && startsUpper(toks[i-1].Text) && !isTitle(toks[i-1]) {
		return false // inside a longer run of capitalized words
	}
	j := i + 3
	for j < len(toks) && (articles[toks[j].Key] || roleModifiers[toks[j].Key]) {
		j++
	}
	return j < len(toks) && x.isRoleWord(toks[j])
}

// personBySurname returns the document's person with the given surname (or its genitive).
func (x *extraction) personBySurname(word string) *entity {
	k := foldKey(word)
	var found *entity
	for _, e := range x.order {
		if e.typ != graph.Person || e.surname == "" {
			continue
		}
		sk := foldKey(e.surname)
		if sk == k || sk+"s" == k {
			if found != nil && found != e {
				return nil // ambiguous
			}
			found = e
		}
	}
	return found
}

func (x *extraction) isRoleWord(t token) bool {
	if t.Punct || !startsUpper(t.Text) && !isAcronym(t.Text) {
		return false
	}
	_, _, ok := x.g.roleHead(t.Text)
	return ok
}

// findMentions finds the mentions of s: persons, then names the patterns recognise, then
// names of the gazetteer, then adjectives of Länder and cities.
func (x *extraction) findMentions(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		x.pos = len(x.order)
		// persons
		if x.nameBeforeRole(toks, i) {
			p := x.entityFor(graph.Person, toks[i].Text+" "+toks[i+1].Text, nil)
			if x.addMention(s, &mention{start: i, end: i + 2, ent: p}) {
				i++
				continue
			}
		}
		afterRole := i > 0 && x.isRoleWord(toks[i-1])
		if isTitle(toks[i]) || x.g.isFirstName(toks[i].Text) || afterRole {
			if end, given, sur, ok := x.personSpan(toks, i, afterRole); ok {
				var p *entity
				if given != "" {
					p = x.entityFor(graph.Person, given+" "+sur, nil)
					p.given, p.surname = given, sur
				} else if p = x.personBySurname(sur); p == nil {
					p = x.entityFor(graph.Person, sur, nil)
					p.surname = sur
				}
				start := i
				for start < end && isTitle(toks[start]) {
					start++
				}
				if x.addMention(s, &mention{start: start, end: end, ent: p}) {
					i = end - 1
					continue
				}
			}
		}
		if p := x.surnameAt(toks, i); p != nil {
			x.addMention(s, &mention{start: i, end: i + 1, ent: p})
			continue
		}
	}
	x.findPatternNames(s)
	x.findGazetteerNames(s)
	x.findLaterPatternNames(s)
}

// findGazetteerNames finds the names of the gazetteer and the adjectives of Länder and
// cities among the tokens no mention covers yet.
func (x *extraction) findGazetteerNames(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if s.covering(i) != nil {
			continue
		}
		if form, end, ok := x.g.match(toks, i); ok {
			if form.entry.City && !x.cityActs(s, i) || form.entry.Context == "themenfeld" && !afterThemenfeld(toks, i) {
				i = end - 1
				continue
			}
			e := x.entityFor("", "", form.entry)
			x.addMention(s, &mention{start: i, end: end, ent: e, locative: isLocative(toks, i)})
			i = end - 1
			continue
		}
		if e := x.adjectiveAt(toks, i); e != nil {
			x.addMention(s, &mention{start: i, end: i + 1, ent: e, kind: mAdj})
			continue
		}
		// "D16-Treffen", "krz-Geschäftsführung": a compound whose first part is a party
		if t := toks[i]; !t.Punct && strings.Contains(t.Text, "-") {
			if _, _, isRole := x.g.roleHead(t.Text[strings.LastIndex(t.Text, "-")+1:]); !isRole {
				if p := x.compoundParty(t.Text); p != nil && p.typ.IsParty() && p.typ != graph.State {
					x.addMention(s, &mention{start: i, end: i + 1, ent: p, kind: mPart})
				} else if p := x.compoundProject(t.Text); p != nil {
					// "die openDesk-Arbeit": the work on the project
					x.addMention(s, &mention{start: i, end: i + 1, ent: p, kind: mPart})
				}
			}
		}
	}
}

// findDocNames finds the names the document itself introduced, in every sentence.
func (x *extraction) findDocNames(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if s.covering(i) != nil || !startsUpper(toks[i].Text) {
			continue
		}
		for _, dn := range x.docNames {
			n := len(dn.form.keys)
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := 0; k < n; k++ {
				if toks[i+k].Key != dn.form.keys[k] || s.covering(i+k) != nil {
					ok = false
					break
				}
			}
			if ok {
				x.addMention(s, &mention{start: i, end: i + n, ent: dn.ent, locative: isLocative(toks, i)})
				i += n - 1
				break
			}
		}
	}
}

// compoundProject returns the project a compound names in its first part: "openDesk-Arbeit".
func (x *extraction) compoundProject(word string) *entity {
	i := strings.LastIndex(word, "-")
	if i <= 0 {
		return nil
	}
	toks := tokenize(word[:i])
	if len(toks) == 0 {
		return nil
	}
	if f, end, ok := x.g.match(toks, 0); ok && end == len(toks) && f.entry.Type == graph.Project {
		return x.entityFor("", "", f.entry)
	}
	for _, e := range x.order {
		if e.typ == graph.Project && e.key() == foldKey(word[:i]) {
			return e
		}
	}
	return nil
}

// afterThemenfeld reports whether the name at token i follows the word "Themenfeld".
func afterThemenfeld(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if strings.Contains(toks[j].Key, "themenfeld") {
			return true
		}
	}
	return false
}

// surnameAt returns the person whose surname stands alone at token i.
func (x *extraction) surnameAt(toks []token, i int) *entity {
	t := toks[i]
	if t.Punct || !startsUpper(t.Text) {
		return nil
	}
	return x.personBySurname(t.Text)
}

// cityActs reports whether the city at token i is more than a place name: it is not
// preceded by a preposition of place.
func (x *extraction) cityActs(s *sentence, i int) bool {
	return !isLocative(s.toks, i)
}

// isLocative reports whether the name at token i is governed by a preposition of place.
func isLocative(toks []token, i int) bool {
	if isDateline(toks, i) {
		return true
	}
	if i == 0 {
		return false
	}
	// "im Land NRW", "in der Stadt Kiel"
	switch toks[i-1].Key {
	case "land", "landes", "freistaat", "stadt", "gemeinde", "landkreis", "kreis", "bundesland", "ganz", "ganzen":
		if i >= 2 && (toks[i-2].Key == "der" || toks[i-2].Key == "dem") && i >= 3 {
			return isLocative(toks, i-2)
		}
		return isLocative(toks, i-1)
	}
	switch toks[i-1].Key {
	case "in", "nach", "aus", "im", "bei", "ueber", "ab", "gen", "zwischen":
		return toks[i-1].Key != "zwischen"
	case "dem", "der", "den":
		// "Vertreter aus dem Bundeskanzleramt"
		return i >= 2 && toks[i-2].Key == "aus"
	}
	return false
}

// isDateline reports whether the name at token i opens a dateline: "Berlin, 5. Mai 2023 –",
// "Hannover/Bremen –", "Schwerin (ots)".
func isDateline(toks []token, i int) bool {
	if i > 2 {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		t := toks[j]
		switch {
		case t.Text == "–" || t.Text == "-" && j+1 < len(toks) && startsUpper(toks[j+1].Text) && j == i+1:
			return true
		case t.Text == "(" && j+1 < len(toks) && toks[j+1].Key == "ots":
			return true
		case t.Text == "," && j+1 < len(toks) && (isOrdinal(strings.TrimSuffix(toks[j+1].Text, ".")) || monthNames[toks[j+1].Key]):
			return true
		case t.Text == "/":
			continue
		}
	}
	return false
}

var monthNames = map[string]bool{"januar": true, "februar": true, "maerz": true, "april": true, "mai": true, "juni": true,
	"juli": true, "august": true, "september": true, "oktober": true, "november": true, "dezember": true}

// adjectiveAt returns the Land or city an adjective at token i derives from:
// "bayerische" → Bayern, "Karlsruher" → Karlsruhe.
func (x *extraction) adjectiveAt(toks []token, i int) *entity {
	t := toks[i]
	if t.Punct {
		return nil
	}
	k := t.Key
	for _, end := range []string{"en", "es", "er", "em", "e"} {
		if strings.HasSuffix(k, end) {
			if ge, ok := x.g.stateAdj[strings.TrimSuffix(k, end)]; ok {
				return x.entityFor("", "", ge)
			}
		}
	}
	if ge, ok := x.g.stateAdj[k]; ok && startsUpper(t.Text) { // "Thüringer", "Berliner"
		return x.entityFor("", "", ge)
	}
	if ge, ok := x.g.cityAdj[k]; ok && startsUpper(t.Text) {
		return x.entityFor("", "", ge)
	}
	return nil
}

// legalForms are the tokens that end an organization's name.
var legalForms = map[string]bool{"gmbh": true, "eg": true, "e.g": true, "aoer": true, "e.v": true, "ag": true,
	"se": true, "kg": true, "mbh": true, "ggmbh": true, "kdoer": true, "eg.": true}

// isLegalForm reports whether t is a legal form such as "GmbH", "eG", "e.V.", "AöR".
func isLegalForm(t token) bool {
	k := strings.TrimSuffix(strings.ToLower(t.Text), ".")
	k = strings.ReplaceAll(k, "ö", "oe")
	return !t.Punct && legalForms[k] && t.Text != "se" && t.Text != "ag"
}

// match finds the longest gazetteer form starting at token i, an optional legal form
// included; it returns the form and the end of the span.
func (g *Gazetteer) match(toks []token, i int) (*gazForm, int, bool) {
	if toks[i].Punct && toks[i].Text != "-" {
		return nil, 0, false
	}
	var best *gazForm
	bestEnd := 0
	for _, f := range g.forms[toks[i].Key] {
		n := len(f.keys)
		if i+n > len(toks) || n <= bestEnd-i {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if toks[i+k].Key != f.keys[k] {
				ok = false
				break
			}
			if f.exact != nil && toks[i+k].Text != f.exact[k] {
				ok = false
				break
			}
		}
		// names of parties, cities and projects start with a capital unless the
		// entry itself is written in lower case ("govdigital", "service-bw")
		if ok && f.entry.Type.IsParty() && startsUpper(f.entry.Name) && !startsUpper(toks[i].Text) {
			if !isLowerBrand(f.entry) {
				ok = false
			}
		}
		if ok {
			best, bestEnd = f, i+n
		}
	}
	if best == nil {
		return nil, 0, false
	}
	if bestEnd < len(toks) && isLegalForm(toks[bestEnd]) {
		bestEnd++
	}
	return best, bestEnd, true
}

// isLowerBrand reports whether texts write the entry in lower case too ("dataport").
func isLowerBrand(e *gazEntry) bool {
	return e.Type == graph.Organization && !e.City
}
