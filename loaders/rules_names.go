package loaders

import (
	"strings"
	"unicode"

	"github.com/egovgraph/egovgraph/graph"
)

// municipalHeads introduce the name of a municipality: "Stadt Köln", "Landkreis Böblingen".
// keep says whether the head stays part of the canonical name.
var municipalHeads = map[string]bool{
	"stadt": false, "gemeinde": false, "hansestadt": false, "landeshauptstadt": false, "kreisstadt": false,
	"markt": false, "marktgemeinde": false, "universitaetsstadt": false, "kreisfreie": false,
	"landkreis": true, "kreis": true, "verbandsgemeinde": true, "samtgemeinde": true, "amt": true,
	"landkreises": true, "kreises": true, "stadtverwaltung": false, "verbandsgemeinden": true,
}

// associationHeads are municipal associations named with their Land ("Städtetag Baden-Württemberg").
var associationHeads = []string{"staedtetag", "landkreistag", "gemeindetag", "staedte- und gemeindebund",
	"gemeinde- und staedtebund", "staedte- und gemeindetag", "landkreisverband", "kreistag"}

// orgHeads introduce an organization's name: "Zweckverband 4IT", "Genossenschaft govdigital".
var orgHeads = map[string]graph.EntityType{
	"zweckverband": graph.Organization, "zweckverbandes": graph.Organization, "zweckverbands": graph.Organization,
	"landesamt": graph.Authority, "bundesamt": graph.Authority, "bundesagentur": graph.Authority,
	"landesbetrieb": graph.Authority, "universitaet": graph.Organization, "hochschule": graph.Organization,
	"fachhochschule": graph.Organization, "bezirksregierung": graph.Authority, "landesanstalt": graph.Authority,
	"landeszentrale": graph.Authority, "landesverwaltungsamt": graph.Authority, "landeskriminalamt": graph.Authority,
	"landesdirektion": graph.Authority, "staatsbetrieb": graph.Authority, "regierungspraesidium": graph.Authority,
	"landesrechenzentrum": graph.Authority, "senatsverwaltung": graph.Authority, "bundesanstalt": graph.Authority,
	"bundeszentrale": graph.Authority, "bundesinstitut": graph.Authority, "landesinstitut": graph.Authority,
	"senator": graph.Authority, "senatorin": graph.Authority,
}

// forHeads name a body only with a complement: "der Senator für Finanzen" is the authority,
// "Senator Hans Muster" a person with his office.
var forHeads = map[string]bool{"senator": true, "senatorin": true}

// orgHead returns the head noun of orgHeads a word is, in any case: "Landesamtes" →
// "landesamt"; "" when it is none.
func orgHead(key string) string {
	for _, k := range []string{key, strings.TrimSuffix(key, "es"), strings.TrimSuffix(key, "s")} {
		if _, ok := orgHeads[k]; ok {
			return k
		}
	}
	return ""
}

// headGender tells the grammatical gender of a body's head noun by its last part, to
// put an adjective before it in the nominative: "Bayerisches Landesamt", "Hessischer
// Landesbetrieb", "Sächsische Landesanstalt".
func headGender(head string) byte {
	h := strings.ToLower(head)
	for _, suf := range []string{"amt", "ministerium", "praesidium", "präsidium", "zentrum", "institut"} {
		if strings.HasSuffix(h, suf) {
			return 'n'
		}
	}
	for _, suf := range []string{"betrieb", "verband", "senator", "dienst"} {
		if strings.HasSuffix(h, suf) {
			return 'm'
		}
	}
	return 'f'
}

// projectHeads introduce a project's name: "Projekt ELFE", "Förderprojekt „TwinBy“".
var projectHeads = []string{"projekt", "projekts", "projektes", "foerderprojekt", "foerderprojekts",
	"pilotprojekt", "pilotprojekts", "modellprojekt", "plattform", "portal", "programm", "programms",
	"software", "loesung", "initiative", "vorhaben", "anwendung", "app", "strategie", "innovationszentrum"}

// projectSuffixes end the compounds that name plans, platforms and programmes
// ("Open-Source-Strategie", "Digitalisierungs-Dashboard").
var projectSuffixes = []string{"strategie", "dashboard", "portal", "plattform", "richtlinie", "fahrplan", "masterplan", "modellvorhaben", "cloud", "konto"}

// findPatternNames finds the names the gazetteer does not know by their form: legal
// forms, head nouns of municipalities, associations, ministries, organizations and
// projects, and "Name (ACRONYM)".
func (x *extraction) findPatternNames(s *sentence) {
	toks := s.toks
	if has(s, "mitglied", "aufnahme", "aufnehm", "aufzunehm", "beitritt", "beigetreten", "gruendungsmitglied") {
		x.quotedOrgs(s)
	}
	for i := 0; i < len(toks); i++ {
		if s.covering(i) != nil {
			continue
		}
		// a name the gazetteer knows wins over a pattern starting at the same word
		if f, end, ok := x.g.match(toks, i); ok && (end-i >= 2 || !f.entry.City && f.entry.Type != graph.State) {
			i = end - 1
			continue
		}
		if end := x.quotedProjectAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.programmeAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.ministryAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.associationAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.municipalityAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.orgHeadAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.municipalListAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.describedOrgAt(s, i); end > i {
			i = end - 1
			continue
		}
	}
}

// findLaterPatternNames finds, after the gazetteer, organizations by their legal form and
// projects by their head nouns, and links acronyms to the names they abbreviate.
func (x *extraction) findLaterPatternNames(s *sentence) {
	x.memberListNames(s)
	x.findNameLists(s)
	for i := 0; i < len(s.toks); i++ {
		if isLegalForm(s.toks[i]) && s.covering(i) == nil {
			x.legalNameBefore(s, i)
			continue
		}
		if s.covering(i) != nil {
			continue
		}
		if end := x.descriptorNameAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.collectiveAt(s, i); end > i {
			i = end - 1
			continue
		}
		if end := x.projectAt(s, i); end > i {
			i = end - 1
		}
	}
	x.linkAcronyms(s)
}

// nameRun returns the end of a run of name words starting at i: capitalized words,
// numbers and the small words inside names ("an der", "für").
func nameRun(toks []token, i, max int) int {
	return nameRunIn(toks, i, max, true)
}

// nameRunIn is nameRun; inner says whether "an der", "am", "im" may continue the name.
func nameRunIn(toks []token, i, max int, inner bool) int {
	j := i
	for j < len(toks) && j-i < max {
		t := toks[j]
		switch {
		case strings.HasSuffix(t.Text, "-") || isTitle(t):
			// "Hanse- und Universitätsstadt": a truncated compound, or a title ("Dr.")
			return j
		case !t.Punct && (startsUpper(t.Text) || isDigitWord(t.Text) || isAlnumName(t.Text)):
			j++
		case inner && (t.Key == "an" || t.Key == "am" || t.Key == "im" || t.Key == "ob") && j+1 < len(toks) && j > i:
			k := j + 1
			if k < len(toks) && (toks[k].Key == "der" || toks[k].Key == "den") {
				k++
			}
			if k < len(toks) && startsUpper(toks[k].Text) && !toks[k].Punct {
				j = k + 1
				continue
			}
			return j
		case t.Text == "-" && j > i && j+1 < len(toks) && startsUpper(toks[j+1].Text):
			j += 2
		default:
			return j
		}
	}
	return j
}

// isAlnumName reports whether s is a name that starts with a digit: "4IT", "7IT".
func isAlnumName(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

func isDigitWord(s string) bool {
	digits := false
	for _, r := range s {
		if r < '0' || r > '9' {
			if r != '.' {
				return false
			}
		} else {
			digits = true
		}
	}
	return digits
}

// municipalityAt reads "Stadt X", "Gemeinde X", "Landkreis X", "Kreis X" and the
// districts written as one word ("Rhein-Neckar-Kreis", "Hochsauerlandkreis").
func (x *extraction) municipalityAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct || !startsUpper(t.Text) {
		return 0
	}
	keep, ok := municipalHeads[t.Key]
	start := i
	if t.Key == "kreisfreie" || t.Key == "grosse" {
		return 0
	}
	if ok && i+1 < len(toks) {
		j := i + 1
		if toks[j].Key == "der" || toks[j].Key == "des" {
			return 0 // "Stadt der Zukunft"
		}
		end := nameRun(toks, j, 4)
		for end > j+1 && isYear(toks[end-1].Text) {
			end-- // "der Beitritt der Stadt Zeitz 2010"
		}
		if end == j || x.isRoleWord(toks[j]) {
			return 0
		}
		// a Land is not a city: "Land Berlin" is read by the gazetteer
		if f, fend, found := x.g.match(toks, j); found && fend >= end && f.entry.Type == graph.State && f.entry.Name != "Hamburg" && f.entry.Name != "Bremen" && f.entry.Name != "Berlin" {
			return 0
		}
		if f, fend, found := x.g.match(toks, j); found && fend >= end && f.entry.Type != graph.Municipality && f.entry.Type != graph.State {
			return 0
		}
		name := spanText(toks, j, end)
		head := t.Text
		switch {
		case t.Key == "kreises" || t.Key == "landkreises" || t.Key == "verbandsgemeinden":
			head = strings.TrimSuffix(strings.TrimSuffix(t.Text, "es"), "n")
		case strings.HasSuffix(t.Key, "stadts"):
			head = strings.TrimSuffix(t.Text, "s")
		}
		if keep {
			name = head + " " + name
		}
		name = trimGenitive(name)
		e := x.cityEntity(name)
		e.kinds = appendKind(e.kinds, strings.ToLower(strings.TrimSuffix(head, "s")))
		if !keep {
			x.addDocName(name, e)
		}
		x.addMention(s, &mention{start: start, end: end, ent: e, locative: isLocative(toks, start)})
		return end
	}
	// one-word districts: "Rhein-Neckar-Kreis", "Hochsauerlandkreis", "Märkischen Kreis"
	k := t.Key
	if strings.HasSuffix(k, "kreis") || strings.HasSuffix(k, "kreises") {
		if len(k) > 8 && !strings.HasPrefix(k, "land") && !strings.HasPrefix(k, "laender") && !strings.HasPrefix(k, "teilnehmer") && !strings.HasPrefix(k, "personen") {
			name := trimGenitive(t.Text)
			e := x.cityEntity(name)
			x.addMention(s, &mention{start: i, end: i + 1, ent: e, locative: isLocative(toks, i)})
			return i + 1
		}
	}
	return 0
}

func appendKind(kinds []string, k string) []string {
	for _, x := range kinds {
		if x == k {
			return kinds
		}
	}
	return append(kinds, k)
}

// addDocName makes name a name of e for the rest of the document: "Tutzing" after
// "Gemeinde Tutzing".
func (x *extraction) addDocName(name string, e *entity) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	f := &gazForm{entry: &gazEntry{Type: e.typ, Name: name}}
	for _, t := range toks {
		f.keys = append(f.keys, t.Key)
	}
	x.docNames = append(x.docNames, docName{f, e})
}

// docName is a name that one document gives an entity.
type docName struct {
	form *gazForm
	ent  *entity
}

// quotedOrgs reads the quoted names in a sentence about members as organizations: the
// new members „KDG Wittenberg - kommunales Rechenzentrum“ and „Spitalstiftung Konstanz“.
func (x *extraction) quotedOrgs(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if !toks[i].Punct || !strings.ContainsAny(toks[i].Text, "„“\"") || i+1 >= len(toks) || !startsUpper(toks[i+1].Text) {
			continue
		}
		k := i + 1
		for k < len(toks) && !(toks[k].Punct && strings.ContainsAny(toks[k].Text, "“”\"")) && k-i <= 8 {
			k++
		}
		if k >= len(toks) || k-i > 8 || s.covering(i+1) != nil {
			continue
		}
		if f, end, ok := x.g.match(toks, i+1); ok && f.entry.Type.IsParty() && !f.entry.City {
			x.addMention(s, &mention{start: i + 1, end: end, ent: x.entityFor("", "", f.entry)})
			i = k
			continue
		}
		name := stripLegal(spanText(toks, i+1, k))
		e := x.entityFor(graph.Organization, name, nil)
		x.addMention(s, &mention{start: i + 1, end: k, ent: e})
		i = k
	}
}

// memberListNames reads the names listed after the word for new members, whatever their
// spelling: "die drei neuen VITAKO Mitglieder vote iT, nextgov iT und IT-Verbund
// Landsberg vorgestellt". Each item of one to three words with a capital letter in it is
// an organization.
func (x *extraction) memberListNames(s *sentence) {
	toks := s.toks
	for i, t := range toks {
		if !strings.HasSuffix(t.Key, "mitglieder") && !strings.HasSuffix(t.Key, "mitgliedern") {
			continue
		}
		j := i + 1
		for j < len(toks) {
			end := j
			capital := false
			for end < len(toks) && end-j < 3 && !toks[end].Punct && toks[end].Key != "und" && toks[end].Key != "sowie" && s.covering(end) == nil && nameish(toks[end].Text) {
				capital = capital || strings.IndexFunc(toks[end].Text, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0
				end++
			}
			if end > j && (!capital || !x.hasNameWord(s, j, end)) {
				return // "37 Mitglieder binnen sechs Jahren"
			}
			if end == j {
				if m := s.covering(j); m != nil {
					end = m.end // a name read already
				} else {
					return
				}
			} else if end < len(toks) && !toks[end].Punct && toks[end].Key != "und" && toks[end].Key != "sowie" && !verbish(toks[end].Key) {
				return
			} else if f, fend, ok := x.g.match(toks, j); ok && fend == end {
				x.addMention(s, &mention{start: j, end: end, ent: x.entityFor("", "", f.entry)})
			} else {
				x.addMention(s, &mention{start: j, end: end, ent: x.entityFor(graph.Organization, spanText(toks, j, end), nil)})
			}
			if end < len(toks) && (toks[end].Text == "," || toks[end].Key == "und" || toks[end].Key == "sowie") {
				j = end + 1
				continue
			}
			return
		}
	}
}

// isYear reports whether w is a year of the last two centuries: "2010".
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// hasNameWord reports whether tokens [from, to) hold a word that only a name has: one
// with a digit or an inner capital ("KommunalBIT"), or a capitalized word the lexicon
// does not know as a common noun.
func (x *extraction) hasNameWord(s *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].Text
		if hasInnerUpper(w) || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return true
		}
		if startsUpper(w) && !defaultLexicon().isNoun(w) {
			return true
		}
	}
	return false
}

// nameish reports whether a word can be part of an organization's name: it has a capital
// letter or a digit, or is a short lower-case word before one ("vote iT").
func nameish(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return len(w) <= 8 && !stopWords[foldKey(w)]
}

// verbish reports whether a lower-case word ends a list of names: a participle or verb.
func verbish(k string) bool {
	for _, e := range []string{"t", "en", "n"} {
		if strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}

// municipalListAt reads the names after a plural head: "die Gemeinden Andechs, Berg und
// Feldafing", "die Städte Flensburg, Kiel und Lübeck".
func (x *extraction) municipalListAt(s *sentence, i int) int {
	toks := s.toks
	switch toks[i].Key {
	case "gemeinden", "staedte", "landkreise", "kreise":
	default:
		return 0
	}
	j := i + 1
	end := i
	for j < len(toks) {
		if s.covering(j) != nil {
			break
		}
		e := nameRun(toks, j, 3)
		if e == j || x.g.isFirstName(toks[j].Text) || nounLike(toks[e-1].Key) {
			break
		}
		name := spanText(toks, j, e)
		switch toks[i].Key {
		case "landkreise":
			name = "Landkreis " + name
		case "kreise":
			name = "Kreis " + name
		}
		ent := x.cityEntity(name)
		x.addMention(s, &mention{start: j, end: e, ent: ent})
		end = e
		if e < len(toks) && (toks[e].Text == "," || toks[e].Key == "und" || toks[e].Key == "sowie") {
			j = e + 1
			continue
		}
		break
	}
	return end
}

// orgDescriptors describe the organization whose name follows: "das Beratungsunternehmen
// PUBLIC Deutschland", "der IT-Dienstleister Adfinis", "die Gesellschaft „ZIO“".
var orgDescriptors = []string{"unternehmen", "institut", "dienstleister", "dienstleisterin", "firma", "anbieter",
	"anbieters", "hersteller", "gesellschaft", "start-up", "startup", "verein", "stiftung", "agentur", "konzern",
	"softwarehaus", "beratung", "genossenschaft", "initiative"}

// describedOrgAt reads an organization's name after a noun describing it.
func (x *extraction) describedOrgAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct || !startsUpper(t.Text) || i+1 >= len(toks) {
		return 0
	}
	desc := false
	for _, d := range orgDescriptors {
		if strings.HasSuffix(t.Key, d) {
			desc = true
		}
	}
	if !desc {
		return 0
	}
	j := i + 1
	// a quoted name: "Gesellschaft „ZIO“", "Stiftung „Spitalstiftung Konstanz“"
	if toks[j].Punct && strings.ContainsAny(toks[j].Text, "„“\"") {
		k := j + 1
		for k < len(toks) && !(toks[k].Punct && strings.ContainsAny(toks[k].Text, "“”\"")) && k-j < 8 {
			k++
		}
		if k < len(toks) && k > j+1 && startsUpper(toks[j+1].Text) {
			if f, fend, ok := x.g.match(toks, j+1); ok && fend >= k {
				x.addMention(s, &mention{start: j + 1, end: fend, ent: x.entityFor("", "", f.entry)})
				return k + 1
			}
			if s.covering(j+1) != nil {
				return 0
			}
			name := stripLegal(spanText(toks, j+1, k))
			e := x.entityFor(graph.Organization, name, nil)
			x.addMention(s, &mention{start: j + 1, end: k, ent: e})
			x.addDocName(name, e)
			return k + 1
		}
		return 0
	}
	if i == 0 || !articles[toks[i-1].Key] || s.covering(j) != nil {
		return 0
	}
	end := nameRun(toks, j, 3)
	if end == j || x.g.isFirstName(toks[j].Text) || x.isRoleWord(toks[j]) {
		return 0
	}
	if end < len(toks) && !toks[end].Punct {
		switch toks[end].Key {
		case "und", "sowie", "hat", "ist", "wird", "hatte", "war", "soll", "will", "kann":
		default:
			return 0
		}
	}
	if _, fend, ok := x.g.match(toks, j); ok && fend >= end {
		return 0 // the gazetteer reads it
	}
	name := spanText(toks, j, end)
	if adjectiveLike(toks[j].Key) {
		// "die Digitalagentur Smarte Grenzregion": words of common language after the
		// noun name the body together with it
		name = spanText(toks, i, end)
		j = i
	}
	e := x.entityFor(graph.Organization, stripLegal(name), nil)
	e.kinds = appendKind(e.kinds, strings.ToLower(t.Text))
	for _, d := range []string{"dienstleister", "anbieter", "hersteller", "unternehmen", "firma", "konzern", "softwarehaus", "startup"} {
		if strings.Contains(t.Key, d) {
			e.kinds = appendKind(e.kinds, "unternehmen")
		}
	}
	x.addMention(s, &mention{start: j, end: end, ent: e})
	return end
}

// cityEntity returns the municipality named name, the gazetteer's entry when it has one.
func (x *extraction) cityEntity(name string) *entity {
	if ge, ok := x.g.byName[graph.Fold(name)]; ok && ge.Type.IsParty() {
		return x.entityFor("", "", ge)
	}
	// "Kreis Gotha" and "Landkreis Gotha" are one district
	for _, pair := range [][2]string{{"Kreis ", "Landkreis "}, {"Landkreis ", "Kreis "}} {
		if rest, ok := strings.CutPrefix(name, pair[0]); ok {
			if e, found := x.ents["party:"+graph.Fold(pair[1]+rest)]; found {
				return e
			}
		}
	}
	return x.entityFor(graph.Municipality, name, nil)
}

// trimGenitive strips the genitive -s/-es of a name's last word ("Rhein-Neckar-Kreises").
func trimGenitive(name string) string {
	switch {
	case strings.HasSuffix(name, "kreises") || strings.HasSuffix(name, "Kreises"):
		return strings.TrimSuffix(name, "es")
	case strings.HasSuffix(name, "kreis") || strings.HasSuffix(name, "Kreis"):
		return name
	}
	return name
}

// associationAt reads a municipal association with its Land: "Städtetag Baden-Württemberg",
// "Gemeinde- und Städtebunds Rheinland-Pfalz", "Thüringischer Landkreistag".
func (x *extraction) associationAt(s *sentence, i int) int {
	toks := s.toks
	for _, h := range associationHeads {
		hk := strings.Fields(h)
		n := len(hk)
		if i+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			w := toks[i+k].Key
			if k == n-1 {
				w = strings.TrimSuffix(strings.TrimSuffix(w, "es"), "s")
				if w == "staedtetage" || w == "gemeindetage" {
					w = strings.TrimSuffix(w, "e")
				}
			}
			if w != strings.ReplaceAll(hk[k], "-", "") && toks[i+k].Text != "-" && !(hk[k] == "staedte-" && w == "staedte") && !(hk[k] == "gemeinde-" && w == "gemeinde") {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		end := i + n
		headText := spanText(toks, i, end)
		headText = strings.TrimSuffix(strings.TrimSuffix(headText, "es"), "s")
		if strings.HasSuffix(headText, "bund") || strings.HasSuffix(headText, "tag") {
			// restored below
		} else if strings.HasSuffix(headText, "bunde") || strings.HasSuffix(headText, "tage") {
			headText = strings.TrimSuffix(headText, "e")
		}
		if end < len(toks) {
			if f, fend, found := x.g.match(toks, end); found && f.entry.Type == graph.State {
				e := x.entityFor(graph.Municipality, headText+" "+f.entry.Name, nil)
				e.kinds = append(e.kinds, strings.ToLower(headText))
				x.addMention(s, &mention{start: i, end: fend, ent: e})
				return fend
			}
		}
		// "Thüringischer Landkreistag": the Land's adjective before the head
		if i > 0 {
			if st := x.adjectiveAt(toks, i-1); st != nil && st.typ == graph.State && startsUpper(toks[i-1].Text) {
				stem := strings.TrimRight(toks[i-1].Text, "enrs")
				e := x.entityFor(graph.Municipality, stem+"er "+headText, nil)
				e.kinds = append(e.kinds, strings.ToLower(headText))
				e.parent = st
				x.addMention(s, &mention{start: i - 1, end: end, ent: e})
				return end
			}
			// "beim sachsen-anhaltischen Landkreistag": in lower case it only says which
			// Land's association is meant, named as the association names itself
			if st := x.adjectiveAt(toks, i-1); st != nil && st.typ == graph.State && !startsUpper(toks[i-1].Text) {
				e := x.entityFor(graph.Municipality, headText+" "+st.name, nil)
				e.kinds = append(e.kinds, strings.ToLower(headText))
				e.parent = st
				x.addMention(s, &mention{start: i - 1, end: end, ent: e})
				return end
			}
		}
		return 0
	}
	return 0
}

// ministryAt reads a ministry or Staatskanzlei: "Innenministerium Mecklenburg-Vorpommern",
// "Bayerisches Staatsministerium für Digitales", "Bundesministerium des Innern und für
// Heimat", "das rheinland-pfälzische Innenministerium", "Sächsische Staatskanzlei".
func (x *extraction) ministryAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct {
		return 0
	}
	k := t.Key
	isMin := strings.Contains(k, "ministerium") && !strings.HasSuffix(k, "ministerien")
	isKanzlei := k == "staatskanzlei" || k == "senatskanzlei"
	if !isMin && !isKanzlei {
		return 0
	}
	start := i
	var state *entity
	adj := ""
	if i > 0 {
		if st := x.adjectiveAt(toks, i-1); st != nil && st.typ == graph.State {
			state, start = st, i-1
			adj = toks[i-1].Text
		}
	}
	head := strings.TrimSuffix(t.Text, "s")
	if strings.HasSuffix(head, "ministeriu") { // "Ministeriums" → "Ministerium"
		head = t.Text[:len(t.Text)-1]
	}
	end := i + 1
	compl := ""
	// complement: "für Inneres, Digitalisierung und Migration", "des Innern und für Heimat"
	j := end
	for j < len(toks) {
		w := toks[j].Key
		if w == "fuer" || w == "des" || w == "der" {
			k2 := j + 1
			if k2 < len(toks) && startsUpper(toks[k2].Text) && !toks[k2].Punct {
				r := nameRunIn(toks, k2, 3, false)
				if f, _, found := x.g.match(toks, k2); found && f.entry.Type.IsParty() && f.entry.Type != graph.Federal {
					break // "des Landes X" is not part of the name
				}
				j = r
				// ", Y" and "und Z" continue the complement
				for j+1 < len(toks) && (toks[j].Text == "," || toks[j].Key == "und") && startsUpper(toks[j+1].Text) && !toks[j+1].Punct {
					if x.g.isFirstName(toks[j+1].Text) {
						break
					}
					j = nameRunIn(toks, j+1, 3, false)
				}
				if j+1 < len(toks) && toks[j].Key == "und" && toks[j+1].Key == "fuer" {
					j++
					continue
				}
				if j < len(toks) && toks[j].Text == "," && j+1 < len(toks) && toks[j+1].Key == "fuer" {
					j++
					continue
				}
				end = j
				break
			}
		}
		break
	}
	if end > i+1 {
		compl = " " + spanText(toks, i+1, end)
	}
	// "des Landes Mecklenburg-Vorpommern", "des Freistaates Sachsen" after the complement
	if end+1 < len(toks) && toks[end].Key == "des" {
		switch toks[end+1].Key {
		case "landes", "freistaates", "freistaats":
			if f, fend, found := x.g.match(toks, end+2); found && f.entry.Type == graph.State {
				state = x.entityFor("", "", f.entry)
				end = fend
				if adj == "" {
					compl += " " + f.entry.Name
				}
			}
		}
	}
	// the Land after the name: "Innenministerium Rheinland-Pfalz"
	if end < len(toks) && state == nil {
		if f, fend, found := x.g.match(toks, end); found && f.entry.Type == graph.State {
			state = x.entityFor("", "", f.entry)
			end = fend
			if adj == "" {
				compl += " " + f.entry.Name
			}
		}
	}
	var name string
	switch {
	case adj != "" && startsUpper(adj):
		name = nominativeAdj(adj, isKanzlei) + " " + head + compl
	case adj != "":
		name = head + compl + " " + state.name
	default:
		name = head + compl
	}
	if name == head && !strings.HasPrefix(k, "bundes") {
		// a bare "Innenministerium": the Land of the release, resolved in resolveCorefs
		e := x.entityFor(graph.Authority, name, nil)
		e.kinds = append(e.kinds, strings.ToLower(head))
		x.addMention(s, &mention{start: start, end: end, ent: e, kind: mCoref})
		return end
	}
	// a known federal ministry keeps its gazetteer entry
	if ge, ok := x.g.byName[graph.Fold(name)]; ok && ge.Type.IsParty() {
		e := x.entityFor("", "", ge)
		x.addMention(s, &mention{start: start, end: end, ent: e})
		return end
	}
	e := x.entityFor(graph.Authority, name, nil)
	e.kinds = append(e.kinds, strings.ToLower(head))
	if state != nil {
		e.parent = state
	} else if strings.HasPrefix(k, "bundes") {
		e.parent = x.entityFor("", "", x.g.byName["bund"])
	}
	x.addMention(s, &mention{start: start, end: end, ent: e})
	return end
}

// nominativeAdj returns an adjective in the nominative before a neuter ministry
// ("Bayerischen" → "Bayerisches") or a feminine Staatskanzlei ("Sächsischen" → "Sächsische").
func nominativeAdj(adj string, feminine bool) string {
	if feminine {
		return nominativeAdjGender(adj, 'f')
	}
	return nominativeAdjGender(adj, 'n')
}

// nominativeAdjGender returns an adjective in the nominative before a noun of gender g
// ('m', 'f' or 'n'): "Bayerischen" → "Bayerischer", "Bayerische", "Bayerisches".
func nominativeAdjGender(adj string, g byte) string {
	if strings.HasSuffix(adj, "er") && startsUpper(adj) && !strings.HasSuffix(adj, "ischer") {
		return adj // "Thüringer", "Berliner": these do not decline
	}
	stem := adj
	for _, end := range []string{"en", "es", "er", "em", "e"} {
		if strings.HasSuffix(stem, end) {
			stem = strings.TrimSuffix(stem, end)
			break
		}
	}
	switch g {
	case 'f':
		return stem + "e"
	case 'm':
		return stem + "er"
	}
	return stem + "es"
}

// orgHeadAt reads "Zweckverband X", "Landesamt X", "Bundesamt für X".
func (x *extraction) orgHeadAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	hk := orgHead(t.Key)
	if hk == "" || i+1 >= len(toks) || forHeads[hk] && toks[i+1].Key != "fuer" {
		return 0
	}
	typ := orgHeads[hk]
	j := i + 1
	if toks[j].Key == "fuer" {
		j++
	}
	end := nameRunIn(toks, j, 5, false)
	// "Zweckverband Elektronische Verwaltung in Mecklenburg-Vorpommern"
	if end+1 < len(toks) && toks[end].Key == "in" && hk == "zweckverband" {
		if f, fend, found := x.g.match(toks, end+1); found && f.entry.Type == graph.State {
			end = fend
		}
	}
	if end == j {
		return 0
	}
	// a known organization after the head: "Zweckverband eGo-Saar"
	if f, fend, found := x.g.match(toks, i+1); found && fend == end && f.entry.Type.IsParty() && f.entry.Type != graph.State && !f.entry.City {
		e := x.entityFor("", "", f.entry)
		x.addMention(s, &mention{start: i, end: end, ent: e})
		return end
	}
	head := t.Text[:len(t.Text)-(len(t.Key)-len(hk))]
	if strings.HasSuffix(t.Key, "verbands") || strings.HasSuffix(t.Key, "verbandes") {
		head = "Zweckverband"
	}
	name := head + " " + spanText(toks, i+1, end)
	start := i
	// a Land's adjective belongs to its body's name: "des Bayerischen Landesamts für Steuern"
	if i > 0 && typ == graph.Authority {
		if st := x.adjectiveAt(toks, i-1); st != nil && st.typ == graph.State && startsUpper(toks[i-1].Text) {
			g := headGender(head)
			name = nominativeAdjGender(toks[i-1].Text, g) + " " + name
			start = i - 1
		}
	}
	short := end == i+2 && head == "Zweckverband"
	if short {
		name = toks[i+1].Text // "Zweckverband 4IT" is "4IT"
	}
	e := x.entityFor(typ, name, nil)
	e.kinds = appendKind(e.kinds, strings.ToLower(head))
	x.addMention(s, &mention{start: start, end: end, ent: e})
	if short {
		x.addDocName(name, e)
	}
	return end
}

// legalNameBefore reads an organization named with its legal form at token lf: "ZIO GmbH",
// "GovTech Campus e.V.", "IT-Allianz Nord AöR". The name is the run of name words before
// the form.
func (x *extraction) legalNameBefore(s *sentence, lf int) {
	toks := s.toks
	start := lf
	lower := true
	for j := lf - 1; j >= 0 && lf-j <= 4; j-- {
		t := toks[j]
		if t.Punct || s.covering(j) != nil {
			break
		}
		if startsUpper(t.Text) || isDigitWord(t.Text) {
			if articles[t.Key] || t.Key == "mit" || t.Key == "und" {
				break
			}
			start, lower = j, false
			continue
		}
		if lower && isLowerName(t.Text) && !stopWords[t.Key] {
			start = j
			continue
		}
		break
	}
	if start == lf {
		return
	}
	name := spanText(toks, start, lf)
	var e *entity
	if ge, ok := x.g.byName[graph.Fold(name)]; ok {
		e = x.entityFor("", "", ge)
	} else {
		e = x.entityFor(graph.Organization, name, nil)
	}
	x.addMention(s, &mention{start: start, end: lf + 1, ent: e})
}

// stopWords are lower-case function words that never belong to a name.
var stopWords = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "einer": true, "zur": true, "zum": true, "mit": true, "von": true, "und": true,
	"oder": true, "fuer": true, "bei": true, "im": true, "in": true, "am": true, "an": true, "auf": true,
	"aus": true, "durch": true, "ueber": true, "unter": true, "wird": true, "ist": true, "sind": true, "hat": true,
	"haben": true, "eng": true, "neue": true, "neuen": true, "wie": true, "als": true, "auch": true, "nun": true,
	"sich": true, "nach": true, "vor": true, "seit": true, "bis": true, "dass": true, "sowie": true, "gegen": true}

// isLowerName reports whether a lower-case word is written like a brand ("govdigital",
// "dataport", "vote"): it is followed by nothing that makes it a common word, which the
// caller checks by the legal form.
func isLowerName(s string) bool {
	return len(s) > 2 && !strings.ContainsAny(s, ".,")
}

// projectAt reads a project's name after a head noun ("Projekt ELFE", "Förderprojekts
// „TwinBy“"), a quoted name after such a noun, and compounds naming plans and platforms
// ("Open-Source-Strategie").
func (x *extraction) projectAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct {
		return 0
	}
	isHead := false
	for _, h := range projectHeads {
		if t.Key == h || strings.HasSuffix(t.Key, h) && (strings.Contains(t.Text, "-") || h == "projekt") {
			isHead = true
		}
	}
	if isHead && i+1 < len(toks) {
		j := i + 1
		if strings.HasPrefix(t.Key, "projekt") && startsUpper(toks[j].Text) && !x.g.isFirstName(toks[j].Text) {
			end := nameRun(toks, j, 3)
			if end > j {
				if f, fend, found := x.g.match(toks, j); found && f.entry.Type == graph.Project && fend >= end {
					e := x.entityFor("", "", f.entry)
					x.addMention(s, &mention{start: i, end: fend, ent: e})
					return fend
				}
				if f, _, found := x.g.match(toks, j); found && f.entry.Type.IsParty() {
					return 0
				}
				name := spanText(toks, j, end)
				e := x.projectEntity(name)
				x.addMention(s, &mention{start: j, end: end, ent: e})
				return end
			}
		}
	}
	// "BAföG Digital", "Wohngeld Online": a capitalized attribute after a noun names a
	// service, as German grammar leaves such an adjective uninflected only in names
	if i > 0 && i+1 < len(toks) && startsUpper(t.Text) && !t.Punct && (toks[i+1].Text == "Digital" || toks[i+1].Text == "Online") {
		if f, _, found := x.g.match(toks, i); !found || f.entry.Type == graph.Topic {
			e := x.projectEntity(t.Text + " " + toks[i+1].Text)
			x.addMention(s, &mention{start: i, end: i + 2, ent: e})
			return i + 2
		}
	}
	// "Das Phoenix genannte Projekt"
	if i+2 < len(toks) && startsUpper(t.Text) && strings.HasPrefix(toks[i+1].Key, "genannt") {
		for _, h := range projectHeads {
			if toks[i+2].Key == h {
				e := x.projectEntity(t.Text)
				x.addMention(s, &mention{start: i, end: i + 1, ent: e})
				return i + 1
			}
		}
	}
	// "Multi-Cloud-Strategie", "Digitalisierungs-Dashboard", "Masterplan Digitalisierung"
	if startsUpper(t.Text) && strings.Contains(t.Text, "-") && !afterIndefinite(toks, i) {
		for _, suf := range projectSuffixes {
			if strings.HasSuffix(t.Key, suf) {
				end := i + 1
				if end < len(toks) && isDigitWord(toks[end].Text) {
					end++
				}
				name := spanText(toks, i, end)
				e := x.projectEntity(name)
				x.addMention(s, &mention{start: i, end: end, ent: e})
				return end
			}
		}
	}
	// "mit dem Digitalisierungsfahrplan"
	if startsUpper(t.Text) && i > 0 && (toks[i-1].Key == "dem" || toks[i-1].Key == "den" || toks[i-1].Key == "der" || toks[i-1].Key == "des") {
		for _, suf := range []string{"fahrplan", "dashboard"} {
			if strings.HasSuffix(t.Key, suf) && len(t.Key) > len(suf)+4 {
				e := x.projectEntity(t.Text)
				x.addMention(s, &mention{start: i, end: i + 1, ent: e})
				return i + 1
			}
		}
	}
	if strings.HasPrefix(t.Key, "masterplan") && i+1 < len(toks) && startsUpper(toks[i+1].Text) && !toks[i+1].Punct {
		end := nameRun(toks, i+1, 2)
		name := "Masterplan " + spanText(toks, i+1, end)
		e := x.projectEntity(name)
		x.addMention(s, &mention{start: i, end: end, ent: e})
		return end
	}
	return 0
}

// afterIndefinite reports whether an indefinite article stands up to two words before i:
// "ein zentrales E-Government-Portal" names no particular project.
func afterIndefinite(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch toks[j].Key {
		case "ein", "eine", "einen", "einem", "einer", "eines":
			return true
		}
	}
	return false
}

// collectiveSuffixes end the one-word names of communities and alliances
// ("Entwicklergemeinschaft", "NordAllianz").
var collectiveSuffixes = []string{"gemeinschaft", "allianz", "verbund", "genossenschaft", "kooperationsrat", "netzwerk"}

// collectiveAt reads a community or alliance named by one word: "eine
// Entwicklergemeinschaft", "die NordAllianz", "IT-Allianz Nord".
func (x *extraction) collectiveAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct || !startsUpper(t.Text) {
		return 0
	}
	for _, suf := range collectiveSuffixes {
		if !strings.HasSuffix(t.Key, suf) || len(t.Key) < len(suf)+2 {
			continue
		}
		switch t.Key {
		case "arbeitsgemeinschaft", "anwendergemeinschaft", "interessengemeinschaft", "gemeinschaft", "netzwerk":
			return 0
		}
		// "der Digitalisierungsgenossenschaft": a description of a known organization;
		// "AKDB-Unternehmensverbund": a part of one
		if x.kindKnown(t.Key) || x.compoundParty(t.Text) != nil {
			return 0
		}
		// "Blockchain-Genossenschaft „govdigital“": the name follows
		next := i + 1
		if next < len(toks) && toks[next].Punct && strings.ContainsAny(toks[next].Text, "„“\"") {
			next++
		}
		if next < len(toks) && s.covering(next) != nil {
			return 0
		}
		end := i + 1
		// "IT-Allianz Nord": a capitalized word after a hyphenated name
		if strings.Contains(t.Text, "-") && end < len(toks) && startsUpper(toks[end].Text) && !toks[end].Punct && s.covering(end) == nil && len(toks[end].Text) <= 12 && !nounLike(toks[end].Key) {
			end++
		}
		e := x.entityFor(graph.Organization, spanText(toks, i, end), nil)
		e.kinds = append(e.kinds, suf)
		x.addMention(s, &mention{start: i, end: end, ent: e})
		return end
	}
	return 0
}

// kindKnown reports whether k is a kind of an entity the document names.
func (x *extraction) kindKnown(k string) bool {
	for _, e := range x.order {
		for _, kind := range e.kinds {
			if foldKey(kind) == k {
				return true
			}
		}
	}
	return false
}

// quotedProjectAt reads a quoted name after a project's head noun, early, before the
// gazetteer reads the names inside it: das Projekt „Virtuelles Bauamt“, das
// OZG-Programm „Modell Rheinland-Pfalz“, die Einführung von „BärGPT“; and a name after
// "nennt sich": "Eines dieser Projekte nennt sich Connected Urban Twins, kurz CUT".
func (x *extraction) quotedProjectAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if t.Punct || i+2 >= len(toks) {
		return 0
	}
	if (t.Key == "nennt" && toks[i+1].Key == "sich" || t.Key == "namens" || t.Key == "heisst") && has(s, "projekt") {
		j := i + 1
		if toks[j].Key == "sich" {
			j++
		}
		end := nameRun(toks, j, 4)
		if end == j || s.covering(j) != nil {
			return 0
		}
		e := x.projectEntity(spanText(toks, j, end))
		x.addMention(s, &mention{start: j, end: end, ent: e})
		// ", kurz CUT"
		if end+2 < len(toks) && toks[end].Text == "," && toks[end+1].Key == "kurz" && isAcronymLike(toks[end+2].Text) {
			e.aliases[toks[end+2].Text] = true
			x.addMention(s, &mention{start: end + 2, end: end + 3, ent: e})
			x.addDocName(toks[end+2].Text, e)
			return end + 3
		}
		return end
	}
	isHead := t.Key == "von" && i > 0 && (strings.HasPrefix(toks[i-1].Key, "einfuehrung") || strings.HasPrefix(toks[i-1].Key, "start")) ||
		t.Key == "namen" && i > 0 && toks[i-1].Key == "dem" // "mit dem Namen „SAXGPT“"
	for _, h := range projectHeads {
		if t.Key == h || strings.HasSuffix(t.Key, h) && (strings.Contains(t.Text, "-") || h == "projekt" || h == "projekts") {
			isHead = true
		}
	}
	j := i + 1
	if !isHead || !toks[j].Punct || !strings.ContainsAny(toks[j].Text, "„“\"‚‘»«") {
		return 0
	}
	k := j + 1
	for k < len(toks) && !(toks[k].Punct && strings.ContainsAny(toks[k].Text, "“”\"‘’«»")) && k-j < 12 {
		k++
	}
	if k >= len(toks) || k == j+1 || s.covering(j+1) != nil {
		return 0
	}
	e := x.projectEntity(spanText(toks, j+1, k))
	x.addMention(s, &mention{start: j + 1, end: k, ent: e})
	x.addDocName(e.name, e)
	return k + 1
}

// programmeHeads name programmes by their subject: "Modellvorhaben zur Interkommunalen
// Zusammenarbeit (IKZ)", "die Plattform für Zivilgerichtliche Online-Verfahren".
var programmeHeads = map[string]bool{"modellvorhaben": true, "modellprojekt": true, "modellprojekte": true,
	"pilotprojekt": true, "foerderprogramm": true, "programm": true, "plattform": true, "portal": true, "projekt": true}

// programmeAt reads a programme named by its subject after "zur", "zum" or "für", with
// an acronym that may name it later as a compound: "Modellvorhaben zur Interkommunalen
// Zusammenarbeit (IKZ)" is also "IKZ-Modellvorhaben".
func (x *extraction) programmeAt(s *sentence, i int) int {
	toks := s.toks
	t := toks[i]
	if !programmeHeads[t.Key] || i+2 >= len(toks) {
		return 0
	}
	p := toks[i+1].Key
	if p != "zur" && p != "zum" && p != "fuer" {
		return 0
	}
	end := nameRunIn(toks, i+2, 4, false)
	if end-(i+2) < 2 || s.covering(i+2) != nil {
		return 0
	}
	name := spanText(toks, i, end)
	if end+2 < len(toks) && toks[end].Text == "(" && toks[end+2].Text == ")" && isAcronymLike(toks[end+1].Text) {
		acr := toks[end+1].Text
		e := x.projectEntity(acr + "-" + t.Text)
		e.aliases[name] = true
		x.addDocName(acr+"-"+t.Text, e)
		x.addMention(s, &mention{start: i, end: end + 3, ent: e})
		return end + 3
	}
	if i == 0 || !articles[toks[i-1].Key] && toks[i-1].Key != "drei" {
		return 0
	}
	e := x.projectEntity(name)
	x.addMention(s, &mention{start: i, end: end, ent: e})
	return end
}

// projectEntity returns the project named name, the gazetteer's entry when it has one.
func (x *extraction) projectEntity(name string) *entity {
	name = strings.Trim(name, " -–")
	if ge, ok := x.g.byName[graph.Fold(name)]; ok {
		return x.entityFor("", "", ge)
	}
	return x.entityFor(graph.Project, name, nil)
}

// linkAcronyms joins "Name (ACR)": the acronym becomes an alias of the name's entity, and
// a gazetteer entry for the acronym absorbs the name.
func (x *extraction) linkAcronyms(s *sentence) {
	toks := s.toks
	for i := 0; i+2 < len(s.toks); i++ {
		if toks[i].Text != "(" || toks[i+2].Text != ")" {
			continue
		}
		acr := toks[i+1]
		if !isAcronymLike(acr.Text) || x.isRoleWord(acr) {
			continue
		}
		prev := s.covering(i - 1)
		if prev == nil || prev.ent == nil || prev.kind != mName || !prev.ent.typ.IsParty() && prev.ent.typ != graph.Project {
			if prev == nil || prev.ent == nil || prev.kind != mName || prev.ent.typ.IsParty() {
				// an unknown name before the acronym: the capitalized run
				x.acronymName(s, i)
			}
			continue
		}
		if inner := s.covering(i + 1); inner != nil {
			if inner.ent != prev.ent && inner.ent != nil && inner.ent.gaz != nil && prev.ent.gaz == nil {
				x.merge(prev.ent, inner.ent)
			}
			continue
		}
		prev.ent.aliases[acr.Text] = true
		x.addMention(s, &mention{start: i + 1, end: i + 2, ent: prev.ent})
		if e := prev.ent; e.gaz == nil && (e.typ == graph.Organization || e.typ == graph.Authority) {
			// an organization goes by its short name (SPEC.md): "Zweckverband Kommunale
			// IT Musterland (KIM)" is KIM, the long name an alias
			if _, taken := x.ents["party:"+graph.Fold(acr.Text)]; !taken {
				e.aliases[e.name] = true
				e.name = acr.Text
				x.ents["party:"+graph.Fold(acr.Text)] = e
			}
		}
	}
}

// isAcronymLike reports whether s looks like an abbreviation: "BMI", "ZIT-BB", "ZD MV".
func isAcronymLike(s string) bool {
	upper := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü' {
			upper++
		}
	}
	return upper >= 2 && len(s) <= 12
}

// merge folds entity from into entity into: every mention of from now names into.
func (x *extraction) merge(from, into *entity) {
	for _, s := range x.sents {
		for _, m := range s.ments {
			if m.ent == from {
				m.ent = into
			}
			for k, g := range m.group {
				if g == from {
					m.group[k] = into
				}
			}
		}
	}
	into.aliases[from.name] = true
	for a := range from.aliases {
		into.aliases[a] = true
	}
	into.count += from.count
	into.explicit = into.explicit || from.explicit
	for k, e := range x.ents {
		if e == from {
			x.ents[k] = into
		}
	}
	for i, e := range x.order {
		if e == from {
			x.order = append(x.order[:i], x.order[i+1:]...)
			break
		}
	}
}
