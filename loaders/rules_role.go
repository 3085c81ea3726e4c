package loaders

import (
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// rolePhrase is an office as a sentence names it: "Bayerns Digitalministerin", "Vorstand
// der govdigital eG", "Minister für Finanzen und Digitalisierung des Landes M-V".
type rolePhrase struct {
	start, end int // tokens of the whole phrase
	head       int // the role word
	text       string
	party      *entity
	former     bool
	political  bool
	// headKey is the role head ("vorsitzende"), so one office is not counted twice.
	headKey string
	// headWord is the role word as written ("Baustaatssekretärin").
	headWord string
}

// formerWords mark an office held in the past.
var formerWords = map[string]bool{"ehemalige": true, "ehemaliger": true, "ehemaligen": true, "ehemals": true,
	"frueherer": true, "fruehere": true, "frueheren": true, "ex": true, "ad": true, "altbuergermeister": true}

// roleModifiers may precede a role word inside the phrase.
var roleModifiers = map[string]bool{"stellvertretende": true, "stellvertretender": true, "stellvertretenden": true,
	"stellv": true, "erste": true, "erster": true, "ersten": true, "zweite": true, "zweiter": true, "zweiten": true,
	"dritte": true, "dritter": true, "dritten": true, "geschaeftsfuehrende": true, "geschaeftsfuehrender": true,
	"geschaeftsfuehrenden": true, "geschaeftsfuehrendes": true, "stellvertretendes": true, "hauptamtliche": true, "hauptamtlicher": true, "neue": true, "neuer": true,
	"neuen": true, "amtierende": true, "amtierender": true, "designierte": true, "designierter": true,
	"zustaendige": true, "zustaendigen": true, "scheidende": true, "scheidenden": true, "bisherige": true,
	"bisherigen": true, "beamteter": true, "beamteten": true, "kommissarische": true, "kommissarischer": true}

// officeKey folds a role word without its party prefix and inflection, so that one
// office named twice ("Bürgermeisterin", "Bürgermeisterin der Gemeinde X") is one:
// "Komm.ONE-Vorstandsvorsitzende" → "vorstandsvorsitzend".
func officeKey(word string) string {
	if i := strings.LastIndex(word, "-"); i > 0 && i < len(word)-1 {
		word = word[i+1:]
	}
	k := foldKey(word)
	for _, end := range []string{"innen", "in", "en", "er", "e", "n", "s"} {
		if strings.HasSuffix(k, end) && len(k) > len(end)+3 {
			return strings.TrimSuffix(k, end)
		}
	}
	return k
}

// pluralQuantifiers before a role word make it a plural: "zahlreiche Bürgermeister".
var pluralQuantifiers = map[string]bool{"zahlreiche": true, "zahlreichen": true, "viele": true, "vielen": true,
	"mehrere": true, "mehreren": true, "alle": true, "allen": true, "einige": true, "einigen": true, "weitere": true,
	"weiteren": true, "verschiedene": true}

// politicalHeads are offices of a government; without a named party they belong to the
// state the release speaks of.
var politicalHeads = []string{"minister", "ministerin", "staatssekretaer", "staatssekretaerin", "staatsrat",
	"staatsraetin", "ministerpraesident", "ministerpraesidentin", "senator", "senatorin", "cio", "cdo",
	"landeshauptfrau", "landeshauptmann", "beauftragter", "beauftragte", "kanzler", "kanzlerin",
	"ministerialdirektor", "ministerialdirektorin", "amtschef", "amtschefin"}

// roleToken reports whether token i names an office, and returns the normalized head.
func (x *extraction) roleToken(s *sentence, i int) (string, bool) {
	t := s.toks[i]
	if t.Punct {
		return "", false
	}
	if m := s.covering(i); m != nil && m.kind == mName {
		return "", false
	}
	last := t.Text
	if j := strings.LastIndex(last, "-"); j > 0 && j < len(last)-1 {
		last = last[j+1:]
	}
	if !startsUpper(last) && !isAcronym(t.Text) {
		// "Digitalisierungs-minister": a word hyphenated at a line break
		if !startsUpper(t.Text) || last == t.Text {
			return "", false
		}
		if h, _, ok := x.g.roleHead(t.Text); ok {
			return h, true
		}
		return "", false
	}
	// "Bundes-CIO"
	if last != t.Text {
		if h, _, ok := x.g.roleHead(last); ok {
			return h, true
		}
	}
	// "CIO/CDO"
	if j := strings.Index(t.Text, "/"); j > 0 {
		if h, _, ok := x.g.roleHead(t.Text[:j]); ok {
			return h, true
		}
	}
	for _, w := range []string{t.Text, strings.TrimSuffix(t.Text, "n"), strings.TrimSuffix(t.Text, "en"), strings.TrimSuffix(t.Text, "s")} {
		if h, _, ok := x.g.roleHead(w); ok {
			if w != t.Text && strings.HasSuffix(foldKey(t.Text), "innen") {
				return "", false // plural: "Digitalministerinnen"
			}
			return h, true
		}
	}
	return "", false
}

// readRoles reads the HOLDS_ROLE facts of every sentence.
func (x *extraction) readRoles() {
	var all []pending
	for _, s := range x.sents {
		phrases := x.rolePhrases(s)
		for pi := range phrases {
			rp := &phrases[pi]
			if rp.former {
				continue
			}
			person, rule := x.roleHolder(s, phrases, pi)
			if person == nil {
				continue
			}
			all = append(all, pending{person, *rp, s, rule})
			// "Als Stellvertreter wurden X und Y gewählt", "die Landräte X aus A und Y aus B"
			if rule == "role.als" || strings.HasSuffix(foldKey(rp.headWord), "raete") {
				for _, q := range x.coordinatedPersons(s, person) {
					qrp := *rp
					qrp.party = nil
					if isMunicipalOffice(qrp.headWord) {
						x.roleFromTailOf(s, &qrp, q)
					}
					all = append(all, pending{q, qrp, s, rule})
				}
				if strings.HasSuffix(foldKey(rp.headWord), "raete") {
					x.roleFromTailOf(s, &all[len(all)-1-len(x.coordinatedPersons(s, person))].rp, person)
				}
			}
		}
	}
	all = append(all, x.boardMembers()...)
	// an office without a party takes the party of the office the same person holds in
	// the same sentence next to it ("CIO, Ministerialdirektor Stefan Krebs"), or of the
	// office coordinated before it ("dem bayerischen Innenminister X und dem Staatsminister Y")
	for i := range all {
		p := &all[i]
		if p.rp.party != nil {
			continue
		}
		for _, q := range all {
			if q.s != p.s || q.rp.party == nil {
				continue
			}
			near := q.rp.end <= p.rp.start && chainGap(p.s.toks[q.rp.end:p.rp.start]) || p.rp.end <= q.rp.start && chainGap(p.s.toks[p.rp.end:q.rp.start])
			if q.person == p.person && near {
				p.rp.party = q.rp.party
				if p.rp.political {
					p.rp.party = stateOf(q.rp.party)
				}
				break
			}
			if q.person != p.person && q.rp.party.typ == graph.State && q.rp.end < p.rp.start && p.rp.political && q.rp.political &&
				indexOf(p.s, q.rp.end, "und") >= 0 && indexOf(p.s, q.rp.end, "und") < p.rp.start {
				p.rp.party = q.rp.party
			}
		}
	}
	// offices with a named party first; an office without one goes to the home party
	// unless the person holds that office with a named party elsewhere in the text.
	explicit := map[string]bool{}
	key := func(p pending) string { return p.person.id() + "|" + p.rp.headKey }
	for _, p := range all {
		if p.rp.party != nil {
			explicit[key(p)] = true
			x.addFact(graph.HoldsRole, p.person, p.rp.party, p.rp.text, p.s, p.rule)
			p.person.speaks = true
		}
	}
	for _, p := range all {
		if p.rp.party != nil || explicit[key(p)] {
			continue
		}
		party := x.implicitParty(p.rp)
		if p.rp.political {
			// "Staatssekretär Klaus Vitt" of the Bundesregierung he is Beauftragter of
			for _, f := range x.facts {
				if f.typ == graph.HoldsRole && f.from == p.person {
					party = stateOf(f.to)
					break
				}
			}
		}
		if party == nil {
			continue
		}
		x.addFact(graph.HoldsRole, p.person, party, p.rp.text, p.s, "role.implicit")
		explicit[key(p)] = true
		p.person.speaks = true
	}
}

// municipalHeads of offices belong to a municipality: "Oberbürgermeister", "Landrat".
var municipalRoleHeads = []string{"buergermeister", "buergermeisterin", "landrat", "landraetin", "beigeordneter",
	"beigeordnete", "kreisdirektor", "kreisdirektorin", "stadtdirektor", "stadtdirektorin", "kaemmerer", "kaemmerin"}

// implicitParty returns the party an office without a named one belongs to: a Land's
// ministry whose name the office repeats ("Baustaatssekretärin", "Bauministerium"), the
// home state for offices of government, the home municipality for mayors and district
// heads, the home organization for the rest.
func (x *extraction) implicitParty(rp rolePhrase) *entity {
	// a Landeshauptmann governs an Austrian Land
	if k := foldKey(rp.headWord); strings.HasPrefix(k, "landeshaupt") {
		for _, e := range x.order {
			if e.typ == graph.State && e.gaz != nil && strings.HasPrefix(e.gaz.ISO, "AT") && e.count > 0 {
				return e
			}
		}
	}
	if rp.political {
		if m := x.ministryFor(rp.headWord); m != nil {
			return m
		}
		if x.home != nil {
			return x.home
		}
		for _, e := range x.order {
			if e.typ == graph.Federal && e.count > 0 {
				return e
			}
		}
		return x.homeOrg
	}
	if isMunicipalOffice(rp.headWord) {
		if strings.HasPrefix(foldKey(rp.headWord), "landr") {
			// a Landrat leads a district: the district the release names most
			if d := x.homeDistrict(); d != nil {
				return d
			}
		}
		if x.homeMuni != nil {
			return x.homeMuni
		}
		return nil
	}
	if x.homeOrg != nil {
		return x.homeOrg
	}
	if x.homeMuni != nil {
		return x.homeMuni
	}
	return x.home
}

// homeDistrict returns the district (Landkreis, Kreis) the release names first.
func (x *extraction) homeDistrict() *entity {
	for _, e := range x.order {
		k := graph.Fold(e.name)
		if e.typ == graph.Municipality && e.count > 0 && (strings.HasPrefix(k, "landkreis ") || strings.HasPrefix(k, "kreis ") || strings.HasSuffix(k, "kreis")) {
			return e
		}
	}
	return nil
}

// isMunicipalOffice reports whether a role word names an office of a municipality.
func isMunicipalOffice(word string) bool {
	k := foldKey(word)
	for _, h := range municipalRoleHeads {
		if strings.Contains(k, strings.TrimSuffix(strings.TrimSuffix(h, "in"), "r")) {
			return true
		}
	}
	return false
}

// ministryFor returns the ministry the document names whose first part the office word
// shares: "Baustaatssekretärin" → "Bauministerium", "Finanzminister" → "Finanzministerium".
func (x *extraction) ministryFor(word string) *entity {
	k := foldKey(word)
	for _, h := range []string{"staatssekretaerin", "staatssekretaer", "ministerin", "minister"} {
		if !strings.HasSuffix(k, h) {
			continue
		}
		prefix := strings.TrimSuffix(k, h)
		if len(prefix) < 3 || prefix == "staats" || prefix == "bundes" || prefix == "landes" {
			return nil
		}
		for _, e := range x.order {
			if e.typ == graph.Authority && e.count > 0 && strings.HasPrefix(foldKey(e.name), prefix+"ministerium") {
				return e
			}
		}
		return nil
	}
	return nil
}

// pending is an office read from a sentence, before its party is settled.
type pending struct {
	person *entity
	rp     rolePhrase
	s      *sentence
	rule   string
}

// boardBodies are the boards persons are elected or sent to.
var boardBodies = map[string]string{"vorstand": "Vorstandsmitglied", "aufsichtsrat": "Aufsichtsratsmitglied",
	"verwaltungsrat": "Verwaltungsratsmitglied", "beirat": "Beiratsmitglied", "praesidium": "Präsidiumsmitglied"}

// boardMembers reads "X und Y wurden in den Vorstand berufen", "X in den Aufsichtsrat der
// ZIO GmbH entsandt", and "Person vom Finanzministerium": offices named by the board or
// the body a person belongs to.
func (x *extraction) boardMembers() []pending {
	var out []pending
	for _, s := range x.sents {
		toks := s.toks
		for i := 0; i+2 < len(toks); i++ {
			role, ok := boardBodies[toks[i+2].Key]
			if toks[i].Key != "in" || toks[i+1].Key != "den" && toks[i+1].Key != "das" || !ok {
				continue
			}
			if !has(s, "berufen", "gewaehlt", "entsandt", "bestellt", "aufgenommen", "nachgewaehlt") {
				continue
			}
			rp := rolePhrase{start: i + 2, end: i + 3, head: i + 2, text: role, headKey: foldKey(role), headWord: role}
			if p, end := x.partyAfter(s, i+3); p != nil {
				rp.party, rp.end = p, end
			}
			for _, m := range s.ments {
				if m.ent != nil && m.ent.typ == graph.Person {
					out = append(out, pending{m.ent, rp, s, "role.gremium"})
				}
			}
		}
		// "unter dem Vorsitz von Bayerns Digitalministerin Judith Gerlach" at a body's meeting
		if v := indexOf(s, 0, "vorsitz"); v >= 0 && (toks[v].Key == "vorsitz" || toks[v].Key == "vorsitzes") && v+1 < len(toks) && toks[v+1].Key == "von" {
			var body *entity
			for _, m := range s.ments {
				if m.ent != nil && memberTargetScore(m.ent) >= 2 {
					body = m.ent
				}
			}
			for _, m := range s.ments {
				if body != nil && m.start > v && m.ent != nil && m.ent.typ == graph.Person {
					rp := rolePhrase{start: v, end: v + 1, head: v, text: "Vorsitz", headKey: officeKey("Vorsitzende"), headWord: "Vorsitz", party: body}
					out = append(out, pending{m.ent, rp, s, "role.vorsitz"})
					break
				}
			}
		}
		// "Der Bund war durch Staatssekretär Markus Richter vertreten"
		if v := indexOf(s, 0, "vertreten"); v >= 0 {
			if d := indexOf(s, 0, "durch"); d >= 0 && d < v {
				if acts := x.actors(s, 0, d); len(acts) > 0 {
					for _, m := range s.ments {
						if m.start > d && m.start < v && m.ent != nil && m.ent.typ == graph.Person {
							word := "Vertreter"
							if m.start > 0 && x.isRoleWord(toks[m.start-1]) {
								word = toks[m.start-1].Text
							} else if m.start > 1 && isTitle(toks[m.start-1]) && x.isRoleWord(toks[m.start-2]) {
								word = toks[m.start-2].Text
							}
							rp := rolePhrase{start: d, end: v, head: d, text: word, headKey: officeKey(word), headWord: word, party: acts[0].ent}
							out = append(out, pending{m.ent, rp, s, "role.vertreten"})
							break
						}
					}
				}
			}
		}
		// "Frank Bonse vom Finanzministerium Sachsen-Anhalt"
		for _, m := range s.ments {
			if m.ent == nil || m.ent.typ != graph.Person || m.end+1 >= len(toks) {
				continue
			}
			j := m.end
			if toks[j].Key != "vom" && !(toks[j].Key == "von" && j+1 < len(toks) && (toks[j+1].Key == "der" || toks[j+1].Key == "dem")) {
				continue
			}
			j++
			if toks[j].Key == "der" || toks[j].Key == "dem" {
				j++
			}
			if pm := s.covering(j); pm != nil && pm.start == j && pm.ent != nil && pm.kind == mName &&
				(pm.ent.typ == graph.Authority || pm.ent.typ == graph.Organization) {
				rp := rolePhrase{start: m.end, end: pm.end, head: m.end, text: "Vertreter", headKey: "vertreter", headWord: "Vertreter", party: pm.ent}
				out = append(out, pending{m.ent, rp, s, "role.von"})
			}
		}
	}
	return out
}

// rolePhrases finds the offices s names, with their parties where the sentence names them.
func (x *extraction) rolePhrases(s *sentence) []rolePhrase {
	var out []rolePhrase
	toks := s.toks
	for i := range toks {
		head, ok := x.roleToken(s, i)
		if !ok {
			continue
		}
		rp := rolePhrase{start: i, end: i + 1, head: i, headKey: officeKey(toks[i].Text), headWord: toks[i].Text}
		for _, h := range politicalHeads {
			if strings.HasSuffix(head, h) {
				rp.political = true
			}
		}
		// before the role word: modifiers, "Wirtschafts- und", the party's genitive or adjective
		j := i - 1
		for j >= 0 {
			t := toks[j]
			if roleModifiers[t.Key] || formerWords[t.Key] {
				if formerWords[t.Key] {
					rp.former = true
				}
				rp.start = j
				j--
				continue
			}
			if t.Key == "und" && j > 0 && strings.HasSuffix(toks[j-1].Text, "-") {
				rp.start = j - 1
				j -= 2
				continue
			}
			break
		}
		if j >= 0 && pluralQuantifiers[toks[j].Key] {
			continue // "zahlreiche Bürgermeister": no one's office
		}
		if i+1 < len(toks) && toks[i+1].Key == "ad" {
			rp.former = true // "Landrat a.D."
		}
		if j >= 0 {
			if m := s.covering(j); m != nil && m.ent != nil && m.ent.typ.IsParty() && (m.kind == mAdj || isGenitiveName(toks[m.end-1])) {
				if m.kind == mAdj && m.ent.gaz != nil && m.ent.gaz.City && strings.HasPrefix(head, "landr") {
					rp.party = x.districtOf(m.ent)
				} else {
					rp.party = m.ent
				}
				rp.start = m.start
			}
		}
		// "für den Hersteller, die AKDB, der geschäftsführende Direktor Rudolf Schleyer"
		if rp.party == nil && rp.start >= 3 && articles[toks[rp.start-1].Key] && toks[rp.start-2].Text == "," {
			if m := s.covering(rp.start - 3); m != nil && m.end == rp.start-2 && m.ent != nil && m.kind == mName &&
				(m.ent.typ == graph.Organization || m.ent.typ == graph.Authority) {
				rp.party = m.ent
			}
		}
		textStart := rp.start
		if rp.party != nil {
			textStart = j + 1
		}
		text := spanText(toks, textStart, i+1)
		// the party inside the word: "DStGB-Hauptgeschäftsführer", "Bundes-CIO", "Bundesbauministerin"
		if rp.party == nil {
			if rp.party = x.compoundParty(toks[i].Text); rp.party != nil {
				if h := strings.LastIndex(toks[i].Text, "-"); h > 0 && !strings.HasPrefix(toks[i].Text, "Bundes") {
					text = strings.TrimSuffix(text, toks[i].Text) + toks[i].Text[h+1:]
				}
			}
		}
		// after the role word: "für Finanzen und Digitalisierung", then "der/des/von/im X"
		k := i + 1
		if k < len(toks) && toks[k].Key == "fuer" {
			e := x.freeRun(s, k+1)
			for e+1 < len(toks) && (toks[e].Key == "und" || toks[e].Text == ",") && startsUpper(toks[e+1].Text) && s.covering(e+1) == nil && !x.g.isFirstName(toks[e+1].Text) && !isTitle(toks[e+1]) && !x.isRoleWord(toks[e+1]) {
				e = x.freeRun(s, e+1)
			}
			if e > k+1 && s.covering(k+1) == nil {
				text += " " + spanText(toks, k, e)
				k = e
			}
		} else if k < len(toks) && (head == "leiter" || head == "leiterin") && startsUpper(toks[k].Text) && s.covering(k) == nil {
			e := nameRun(toks, k, 4)
			for e+1 < len(toks) && toks[e].Key == "und" && startsUpper(toks[e+1].Text) && s.covering(e+1) == nil {
				e = nameRun(toks, e+1, 4)
			}
			text += " " + spanText(toks, k, e)
			k = e
		}
		if k < len(toks) && toks[k].Text == "(" && k+2 < len(toks) && toks[k+2].Text == ")" && isAcronymLike(toks[k+1].Text) && s.covering(k+1) == nil {
			text += " (" + toks[k+1].Text + ")"
			k += 3
		}
		rp.end = k
		if rp.party == nil {
			if m, end := x.partyAfter(s, k); m != nil {
				rp.party = m
				rp.end = end
			} else if m, end := x.townAfter(s, k, head); m != nil {
				rp.party = m
				rp.end = end
			}
		}
		rp.text = normalizeRole(text, rp.start > 0 && toks[rp.start-1].Key == "zur")
		out = append(out, rp)
	}
	// coordinated offices share a party named after the last: "Finanzminister und
	// Beauftragter für IT des Landes Sachsen-Anhalt"
	for i := len(out) - 2; i >= 0; i-- {
		a, b := &out[i], &out[i+1]
		if a.party == nil && b.party != nil && a.end < len(toks) && toks[a.end].Key == "und" && a.end+1 >= b.start-1 && b.start <= a.end+2 {
			a.party = b.party
		}
	}
	return out
}

// freeRun is nameRun up to four words that stops at a mention or a title.
func (x *extraction) freeRun(s *sentence, i int) int {
	e := nameRun(s.toks, i, 4)
	for j := i; j < e; j++ {
		if s.covering(j) != nil || isTitle(s.toks[j]) {
			return j
		}
	}
	return e
}

// isGenitiveName reports whether a name token is a genitive ("Bayerns", "Brandenburgs").
func isGenitiveName(t token) bool {
	return strings.HasSuffix(t.Text, "s") || strings.HasSuffix(t.Text, "'")
}

// partyAfter returns the party a role word governs from token k on: "der govdigital eG",
// "des Landes Mecklenburg-Vorpommern", "im BMI", "von Dataport", "ekom21".
func (x *extraction) partyAfter(s *sentence, k int) (*entity, int) {
	toks := s.toks
	if k >= len(toks) {
		return nil, k
	}
	j := k
	switch toks[j].Key {
	case "der", "des", "von", "vom", "im", "beim", "bei", "am", "fuer":
		j++
		if j < len(toks) && (toks[j].Key == "der" || toks[j].Key == "dem" || toks[j].Key == "den") {
			j++
		}
	case "in", "an":
		if j+1 < len(toks) && (toks[j+1].Key == "der" || toks[j+1].Key == "dem") {
			j += 2
		} else {
			return nil, k
		}
	}
	// skip up to three adjectives and "Landes", "Freistaates"
	for n := 0; n < 3 && j < len(toks); n++ {
		if m := s.covering(j); m != nil {
			break
		}
		t := toks[j]
		if t.Punct || startsUpper(t.Text) && t.Key != "landes" && t.Key != "freistaates" && t.Key != "freistaats" {
			break
		}
		j++
	}
	// "der Verbandsversammlung SIT", "der AKDB-Hauptversammlung": the body's organization
	if j < len(toks) && s.covering(j) == nil && isBodyNoun(toks[j].Key) {
		if p := x.compoundParty(toks[j].Text); p != nil && p.typ.IsParty() && p.typ != graph.Person {
			return p, j + 1
		}
		j++
		if j < len(toks) && (toks[j].Key == "der" || toks[j].Key == "des") {
			j++
		}
	}
	// "Mitinitiatorin der überparteilichen „Initiative für einen handlungsfähigen Staat“"
	if j+1 < len(toks) && toks[j].Punct && strings.ContainsAny(toks[j].Text, "„“\"") && j > k && startsUpper(toks[j+1].Text) && s.covering(j+1) == nil {
		q := j + 1
		for q < len(toks) && !(toks[q].Punct && strings.ContainsAny(toks[q].Text, "“”\"")) && q-j <= 8 {
			q++
		}
		if q < len(toks) && q-j <= 8 {
			e := x.entityFor(graph.Organization, stripLegal(spanText(toks, j+1, q)), nil)
			x.addMention(s, &mention{start: j + 1, end: q, ent: e})
			return e, q + 1
		}
	}
	if j+1 < len(toks) && toks[j].Punct && strings.ContainsAny(toks[j].Text, "„“\"") && j > k {
		j++ // a quoted name read already
	}
	m := s.covering(j)
	if m == nil || m.start != j || len(m.ents()) != 1 {
		return nil, k
	}
	e := m.ent
	if e == nil || !e.typ.IsParty() {
		return nil, k
	}
	// "der baden-württembergischen Landesregierung": the Land's adjective before a government noun
	if m.kind == mAdj {
		if m.end < len(toks) && isGovernmentNoun(toks[m.end].Key) {
			return e, m.end + 1
		}
		return nil, k
	}
	if j == k && e.typ == graph.Person {
		return nil, k
	}
	return e, m.end
}

// chainGap reports whether the tokens between two offices chain them: "CIO, Ministerialdirektor".
func chainGap(gap []token) bool {
	if len(gap) > 3 {
		return false
	}
	for _, t := range gap {
		switch t.Key {
		case ",", "und", "sowie", "(", ")":
		default:
			return false
		}
	}
	return true
}

// isBodyNoun reports whether a word names a body of an organization: "Verbandsversammlung",
// "AKDB-Hauptversammlung", "Aufsichtsrat".
func isBodyNoun(k string) bool {
	for _, b := range []string{"versammlung", "aufsichtsrat", "verwaltungsrat", "vorstand", "beirat", "praesidium", "geschaeftsfuehrung"} {
		if strings.HasSuffix(k, b) {
			return true
		}
	}
	return false
}

// townAfter reads the town of a mayor or district head that the gazetteer does not know:
// "Bürgermeisterin von Testdorf", "Landrat des Kreises Musterland" are read elsewhere.
func (x *extraction) townAfter(s *sentence, k int, head string) (*entity, int) {
	muni := false
	for _, h := range municipalRoleHeads {
		if strings.HasSuffix(head, h) {
			muni = true
		}
	}
	toks := s.toks
	if !muni || k+1 >= len(toks) || toks[k].Key != "von" || s.covering(k+1) != nil {
		return nil, k
	}
	end := nameRun(toks, k+1, 3)
	if end == k+1 || x.g.isFirstName(toks[k+1].Text) || nounLike(toks[end-1].Key) || adjectiveLike(toks[k+1].Key) {
		return nil, k
	}
	e := x.cityEntity(spanText(toks, k+1, end))
	x.addMention(s, &mention{start: k + 1, end: end, ent: e})
	return e, end
}

// isGovernmentNoun reports whether a word names a Land's government as a whole.
func isGovernmentNoun(k string) bool {
	switch k {
	case "landesregierung", "staatsregierung", "regierung", "landesverwaltung", "staatsverwaltung":
		return true
	}
	return false
}

// compoundParty returns the party a compound role word names in its first part:
// "DStGB-Hauptgeschäftsführer" → DStGB, "Bundes-CIO" → Bund, "Städtetags-…" → Städtetag.
func (x *extraction) compoundParty(word string) *entity {
	if i := strings.LastIndex(word, "-"); i > 0 {
		prefix := word[:i]
		toks := tokenize(prefix)
		if len(toks) > 0 {
			if f, end, ok := x.g.match(toks, 0); ok && end == len(toks) && f.entry.Type.IsParty() {
				return x.entityFor("", "", f.entry)
			}
		}
		k := foldKey(prefix)
		for _, key := range []string{k, strings.TrimSuffix(k, "s"), strings.TrimSuffix(k, "es")} {
			for _, e := range x.order {
				if e.typ.IsParty() && (e.key() == key || e.hasKind(key)) {
					return e
				}
			}
			if ge, ok := x.g.byName[key]; ok && ge.Type.IsParty() {
				return x.entityFor("", "", ge)
			}
			if ge, ok := x.g.byKind[key]; ok {
				return x.entityFor("", "", ge)
			}
		}
	}
	if strings.HasPrefix(word, "Bundes") && len(word) > 6 {
		return x.entityFor("", "", x.g.byName["bund"])
	}
	return nil
}

// districtOf returns the district a Landrat of the city's name leads: "Böblinger Landrat" →
// Landkreis Böblingen.
func (x *extraction) districtOf(city *entity) *entity {
	return x.entityFor(graph.Municipality, "Landkreis "+city.name, nil)
}

// normalizeRole writes an office in the nominative: "Verbandsvorsitzenden" → "Verbandsvorsitzender".
func normalizeRole(s string, feminine bool) string {
	words := strings.Fields(s)
	for i, w := range words {
		k := foldKey(w)
		switch {
		case feminine && strings.HasSuffix(k, "en"):
			words[i] = strings.TrimSuffix(w, "n")
		case strings.HasSuffix(k, "vorsitzenden") || strings.HasSuffix(k, "beauftragten") || strings.HasSuffix(k, "beigeordneten"):
			words[i] = strings.TrimSuffix(w, "n") + "r"
		case k == "stellvertretenden" || k == "neuen" || k == "ersten" || k == "zweiten" || k == "dritten" || k == "geschaeftsfuehrenden" || k == "scheidenden" || k == "bisherigen" || k == "beamteten":
			words[i] = strings.TrimSuffix(w, "n") + "r"
		}
	}
	return strings.Join(words, " ")
}

// roleHolder finds the person who holds the office of phrases[pi] in s, and the rule.
func (x *extraction) roleHolder(s *sentence, phrases []rolePhrase, pi int) (*entity, string) {
	rp := phrases[pi]
	toks := s.toks
	// "Digitalministerin Judith Gerlach", "Der CIO des Freistaates Sachsen, Innenstaatssekretär Dr. Michael Wilhelm"
	j := rp.end
	for j < len(toks) {
		if toks[j].Text == "," || isTitle(toks[j]) {
			j++
			continue
		}
		// "der Beauftragte der Bundesregierung für Informationstechnik Klaus Vitt"
		if toks[j].Key == "fuer" && j > rp.end-1 {
			if e := nameRun(toks, j+1, 4); e > j+1 {
				j = e
				continue
			}
		}
		// a following office of the chain: skip it
		next := -1
		for qi := pi + 1; qi < len(phrases); qi++ {
			if phrases[qi].start == j || (toks[j].Key == "und" || toks[j].Key == "sowie") && phrases[qi].start == j+1 {
				next = qi
			}
		}
		if next >= 0 && (toks[j-1].Text == "," || toks[j].Key == "und" || toks[j].Key == "sowie") {
			j = phrases[next].end
			continue
		}
		break
	}
	if m := s.covering(j); m != nil && m.start == j && m.ent != nil && m.ent.typ == graph.Person {
		x.roleFromTail(s, &phrases[pi], m.end)
		return m.ent, "role.title"
	}
	// "Rudolf Schleyer, Vorstand der govdigital eG", "Thomas Gemke (Landrat MK)"
	b := rp.start - 1
	for b >= 0 && (toks[b].Key == "der" || toks[b].Key == "die" || toks[b].Key == "den" || toks[b].Key == "dem") {
		b--
	}
	if b >= 1 && (toks[b].Text == "," || toks[b].Text == "(") {
		if m := s.covering(b - 1); m != nil && m.end == b && m.ent != nil && m.ent.typ == graph.Person {
			return m.ent, "role.apposition"
		}
		// "Anna Schmidt (SPD), Bürgermeisterin von Testdorf"
		if toks[b-1].Text == ")" && b >= 4 && toks[b-3].Text == "(" {
			if m := s.covering(b - 4); m != nil && m.end == b-3 && m.ent != nil && m.ent.typ == graph.Person {
				return m.ent, "role.apposition"
			}
		}
		// coordinated offices after one apposition: "X, Vorsitzender des A und Bürgermeister der B"
		for qi := pi - 1; qi >= 0; qi-- {
			q := phrases[qi]
			if q.end <= rp.start && rp.start-q.end <= 2 {
				if p, rule := x.roleHolder(s, phrases, qi); p != nil && rule == "role.apposition" {
					return p, rule
				}
			}
		}
	}
	// "Julia Jäkel, Medienmanagerin und Mitinitiatorin der …": a description before the office
	if b >= 3 && toks[b].Key == "und" && startsUpper(toks[b-1].Text) && s.covering(b-1) == nil && toks[b-2].Text == "," {
		if m := s.covering(b - 3); m != nil && m.end == b-2 && m.ent != nil && m.ent.typ == graph.Person {
			return m.ent, "role.apposition"
		}
	}
	if b >= 0 && (toks[b].Key == "und" || toks[b].Key == "sowie") {
		for qi := pi - 1; qi >= 0; qi-- {
			q := phrases[qi]
			if q.end == b || q.end == b-1 {
				if p, rule := x.roleHolder(s, phrases, qi); p != nil && rule != "role.title" {
					return p, rule
				}
			}
		}
	}
	// "X ist seit Juni 2016 Hauptgeschäftsführer des Deutschen Städtetages"
	for b2 := rp.start - 1; b2 >= 0 && b2 >= rp.start-6; b2-- {
		if toks[b2].Key == "ist" || toks[b2].Key == "bleibt" || toks[b2].Key == "als" || toks[b2].Key == "wird" {
			p := b2 - 1
			if p >= 1 && toks[p].Text == "," {
				p--
			}
			if p >= 0 {
				if m := s.covering(p); m != nil && m.end == p+1 && m.ent != nil && m.ent.typ == graph.Person {
					return m.ent, "role.predicate"
				}
			}
		}
		if toks[b2].Text == "," || toks[b2].Text == "." {
			break
		}
	}
	// "Stellvertretender Vorstandsvorsitzender ist Lars Hoppmann"
	if e := rp.end; e+1 < len(toks) && (toks[e].Key == "ist" || toks[e].Key == "wird" || toks[e].Key == "bleibt") {
		k := e + 1
		for k < len(toks) && isTitle(toks[k]) {
			k++
		}
		if m := s.covering(k); m != nil && m.start == k && m.ent != nil && m.ent.typ == graph.Person {
			return m.ent, "role.predicate"
		}
	}
	// "Andreas Falcke, der seit September als Beauftragter … begleitet"
	for b2 := rp.start - 1; b2 >= 1 && b2 >= rp.start-8; b2-- {
		if (toks[b2].Key == "der" || toks[b2].Key == "die") && toks[b2-1].Text == "," && b2 >= 2 {
			// the person before the comma, perhaps before a verb particle: "Falcke an, der …"
			for p := b2 - 2; p >= 0 && p >= b2-3; p-- {
				if m := s.covering(p); m != nil && m.end == p+1 && m.ent != nil && m.ent.typ == graph.Person {
					if i := indexOf(s, b2, "als", "ist", "wird"); i >= 0 && i < rp.start {
						return m.ent, "role.predicate"
					}
				}
			}
			break
		}
		if toks[b2].Text == "," {
			break
		}
	}
	// "zum Verbandsvorsitzenden gewählt": the person elected in the sentence
	if rp.start > 0 && (toks[rp.start-1].Key == "als") {
		// "ich als Vorsitzende": the speaker; "in seiner Position als Vereinsvorstand": the subject
		if s.speaker != nil && s.inQuote[rp.start] && has(s, "ich") {
			return s.speaker, "role.als"
		}
		for _, m := range s.ments {
			if m.ent != nil && m.ent.typ == graph.Person && m.end <= rp.start {
				return m.ent, "role.als"
			}
		}
		// "Als Stellvertreter wurden X und Y gewählt", "gratulierten als Vorsitzender … Andreas Haas"
		for _, m := range s.ments {
			if m.ent != nil && m.ent.typ == graph.Person && m.start >= rp.end {
				return m.ent, "role.als"
			}
		}
	}
	amt := rp.start > 1 && (toks[rp.start-1].Key == "des" || toks[rp.start-1].Key == "der") && (toks[rp.start-2].Key == "amt" || toks[rp.start-2].Key == "amtes" || toks[rp.start-2].Key == "amts")
	if rp.start > 0 && (toks[rp.start-1].Key == "zum" || toks[rp.start-1].Key == "zur") || amt {
		var best *entity
		bestDist := 1 << 30
		for _, m := range s.ments {
			if m.ent == nil || m.ent.typ != graph.Person {
				continue
			}
			d := rp.start - m.end
			if d < 0 {
				d = m.start - rp.end + 2
			}
			if d < bestDist {
				best, bestDist = m.ent, d
			}
		}
		if best != nil {
			return best, "role.elected"
		}
	}
	return nil, ""
}

// coordinatedPersons returns the persons named after p in s and coordinated with it:
// "der Beigeordnete Christian Zaum und der Beigeordnete Holger Lachmann".
func (x *extraction) coordinatedPersons(s *sentence, p *entity) []*entity {
	var out []*entity
	start := -1
	for _, m := range s.ments {
		if m.ent == p {
			start = m.end
			break
		}
	}
	if start < 0 {
		return nil
	}
	j := start
	for j < len(s.toks) {
		t := s.toks[j]
		if m := s.covering(j); m != nil {
			if m.ent != nil && m.ent.typ == graph.Person {
				out = append(out, m.ent)
				j = m.end
				continue
			}
			if m.kind != mAdj {
				// "aus Neuss", "(Landkreis X)": the party of the person before
				if j > 0 && (s.toks[j-1].Key == "aus" || s.toks[j-1].Text == "(") {
					j = m.end
					continue
				}
				break
			}
			j = m.end
			continue
		}
		_, isRole := x.roleToken(s, j)
		if t.Text == "," || t.Key == "und" || t.Key == "sowie" || articles[t.Key] || isTitle(t) || roleModifiers[t.Key] || isRole ||
			t.Key == "aus" || t.Text == "(" || t.Text == ")" {
			j++
			continue
		}
		break
	}
	return out
}

// roleFromTailOf applies roleFromTail after the mention of person p in s.
func (x *extraction) roleFromTailOf(s *sentence, rp *rolePhrase, p *entity) {
	for _, m := range s.ments {
		if m.ent == p {
			x.roleFromTail(s, rp, m.end)
			return
		}
	}
}

// roleFromTail gives an office without a party the party written after its holder:
// "Landrat Roland Bernhard, Landkreis Böblingen", "Staatssekretär Dr. Markus Richter (BMI)",
// "Landrat Jan Peter Schröder aus Segeberg".
func (x *extraction) roleFromTail(s *sentence, rp *rolePhrase, k int) {
	if rp.party != nil || k >= len(s.toks) {
		return
	}
	toks := s.toks
	if toks[k].Text == "," || toks[k].Text == "(" {
		if m := s.covering(k + 1); m != nil && m.start == k+1 && m.ent != nil && m.ent.typ.IsParty() && m.kind == mName {
			if m.end >= len(toks) || strings.Contains(",);.", toks[m.end].Text) {
				rp.party = m.ent
			}
		}
		return
	}
	if toks[k].Key == "aus" && k+1 < len(toks) {
		j := k + 1
		if toks[j].Key == "dem" || toks[j].Key == "der" {
			j++
		}
		if m := s.covering(j); m != nil && m.ent != nil && m.ent.typ.IsParty() {
			rp.party = m.ent
			return
		}
		end := nameRun(toks, j, 3)
		if end > j && !x.g.isFirstName(toks[j].Text) {
			name := spanText(toks, j, end)
			e := x.entityFor(graph.Municipality, name, nil)
			x.addMention(s, &mention{start: j, end: end, ent: e})
			rp.party = e
		}
	}
}

// readSuccession gives a successor the office of the one they succeed: "X tritt die
// Nachfolge von Geschäftsführer Y an", "X folgt auf Y", "Nachfolgerin von Y wird X".
// The predecessor is the first person after the word of succession; the successor is
// the person before it, or the other person of the sentence.
func (x *extraction) readSuccession() {
	for _, s := range x.sents {
		at := -1
		for i, t := range s.toks {
			if strings.HasPrefix(t.Key, "nachfolge") || t.Key == "beerbt" ||
				(t.Key == "folgt" || t.Key == "folgte") && i+1 < len(s.toks) && s.toks[i+1].Key == "auf" {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		var before, after []*entity
		for _, m := range s.ments {
			if m.ent == nil || m.ent.typ != graph.Person {
				continue
			}
			if m.start < at {
				before = append(before, m.ent)
			} else {
				after = append(after, m.ent)
			}
		}
		if len(after) == 0 {
			continue
		}
		pred := after[0]
		var succ *entity
		switch {
		case len(before) > 0:
			succ = before[len(before)-1]
		case len(after) == 2:
			succ = after[1]
		}
		if succ == nil || succ == pred {
			continue
		}
		held := map[*entity]bool{}
		for _, f := range x.facts {
			if f.typ == graph.HoldsRole && f.from == succ {
				held[f.to] = true
			}
		}
		for _, f := range x.facts {
			if f.typ == graph.HoldsRole && f.from == pred && f.sent == s && !held[f.to] {
				held[f.to] = true
				x.addFact(graph.HoldsRole, succ, f.to, f.role, s, "role.nachfolge")
			}
		}
	}
}
