package loaders

import (
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// findHome picks the state the release speaks of, the organization and the municipality
// it is about: the ones named most often, names in the headline and the lead counting
// more, places ("in Estland") not at all, foreign states at half weight.
func (x *extraction) findHome() {
	counts := map[*entity]float64{}
	for _, s := range x.sents {
		found := false
		for _, m := range s.ments {
			if m.ent != nil && m.ent.typ == graph.State && m.kind != mCoref && !m.locative {
				counts[m.ent]++
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	lead := true
	for _, s := range x.sents {
		w := 1.0
		switch {
		case s.title:
			w = 5
		case lead && len(s.ments) > 0:
			w, lead = 2, false
		}
		for _, m := range s.ments {
			if m.ent == nil || m.kind == mCoref || m.kind == mPart || m.locative {
				continue
			}
			c := w
			if m.ent.gaz != nil && m.ent.gaz.ISO != "" && !strings.HasPrefix(m.ent.gaz.ISO, "DE") {
				c /= 2
			}
			counts[m.ent] += c
		}
	}
	var home, org, muni *entity
	for _, e := range x.order {
		c := counts[e]
		if c == 0 {
			continue
		}
		switch e.typ {
		case graph.State:
			if home == nil || c > counts[home] {
				home = e
			}
		case graph.Organization, graph.Authority:
			if e.parent != nil && e.typ == graph.Authority {
				continue // a ministry speaks for its Land
			}
			if org == nil || c > counts[org] {
				org = e
			}
		case graph.Municipality:
			if muni == nil || c > counts[muni] {
				muni = e
			}
		}
	}
	if home == nil {
		home = x.landOfCities()
	}
	x.home, x.homeOrg, x.homeMuni = home, org, muni
}

// landOfCities returns the Land most of the cities a release names lie in, for a release
// that names no Land: "Neuss" and "Mönchengladbach" put it in Nordrhein-Westfalen.
func (x *extraction) landOfCities() *entity {
	counts := map[string]int{}
	best := ""
	for _, s := range x.sents {
		for _, m := range s.ments {
			if m.ent == nil || m.ent.gaz == nil || m.ent.gaz.Land == "" {
				continue
			}
			l := m.ent.gaz.Land
			counts[l]++
			if best == "" || counts[l] > counts[best] {
				best = l
			}
		}
	}
	if ge, ok := x.g.byName[graph.Fold(best)]; ok && best != "" && ge.Type == graph.State {
		return x.entityFor("", "", ge)
	}
	return nil
}

// articles introduce a definite description ("der Freistaat", "die Genossenschaft").
var articles = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"diese": true, "dieser": true, "dieses": true, "diesem": true, "diesen": true, "im": true, "vom": true, "zum": true, "zur": true, "beim": true}

// groupNouns are plural descriptions of parties named before: "beide Länder", "die vier Partner".
var groupNouns = map[string]string{
	"laender": "state", "bundeslaender": "state", "partner": "party", "seiten": "party", "kreise": "muni",
	"landkreise": "muni", "staedte": "muni", "metropolen": "muni", "kommunen": "muni", "kooperationspartner": "party",
	"vertragspartner": "party", "projektpartner": "party", "partnerlaender": "state", "landesregierungen": "state",
	"landesverbaende": "assoc", "landesverbaenden": "assoc", "spitzenverbaende": "assoc", "spitzenverbaenden": "assoc",
}

var numberWords = map[string]int{"beide": 2, "beiden": 2, "zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}

// resolveCorefs adds the mentions that descriptions make: "der Freistaat" and "das Land"
// for the home state, "die Genossenschaft" for the organization of that kind named last,
// "beide Länder" for the last two states.
func (x *extraction) resolveCorefs() {
	for si, s := range x.sents {
		toks := s.toks
		for i := 0; i < len(toks); i++ {
			if s.covering(i) != nil || toks[i].Punct {
				continue
			}
			k := toks[i].Key
			prev := ""
			if i > 0 {
				prev = toks[i-1].Key
			}
			next := s.mentionAt(i + 1)
			// groups: "beide Länder", "die vier Partner", "die Kooperationspartner"
			if class, ok := groupNouns[k]; ok {
				if class == "assoc" {
					if g := x.associations(); len(g) >= 1 {
						start := i
						if i > 0 && strings.HasPrefix(prev, "kommunal") {
							start = i - 1
						}
						x.addMention(s, &mention{start: start, end: i + 1, group: g, kind: mGroup})
					}
					continue
				}
				n := numberWords[prev]
				if n == 0 && (prev == "die" || prev == "den") && (strings.HasSuffix(k, "partner")) && k != "partner" {
					n = -1
				}
				if n == 0 && prev == "die" && (k == "laender" || k == "landesregierungen") {
					n = -1
				}
				if n != 0 {
					if g := x.recentParties(si, i, class, n); len(g) >= 2 {
						x.addMention(s, &mention{start: i - 1, end: i + 1, group: g, kind: mGroup})
					}
				}
				continue
			}
			if next != nil && next.kind == mName {
				continue // "Genossenschaft govdigital", "Land Brandenburg"
			}
			// "das (digitale) Projekt", "die Lösung": the project named last
			if workNouns[k] {
				if articles[prev] || i > 1 && articles[toks[i-2].Key] && !startsUpper(toks[i-1].Text) {
					if e := x.recentWork(si); e != nil {
						x.addMention(s, &mention{start: i, end: i + 1, ent: e, kind: mCoref})
					}
				}
				continue
			}
			if !articles[prev] && !(i == 0 && startsUpper(toks[i].Text)) {
				continue
			}
			var e *entity
			switch {
			case k == "freistaat" || k == "freistaats" || k == "freistaates":
				e = x.home
			case (k == "land" || k == "landes") && prev != "im" && (i+1 >= len(toks) || toks[i+1].Key != "und"):
				e = x.home
			case k == "landesregierung" || k == "staatsregierung" || k == "landesverwaltung":
				if i > 0 && x.adjectiveAt(toks, i-1) != nil {
					continue
				}
				e = x.home
			default:
				e = x.byKind(si, strings.TrimSuffix(strings.TrimSuffix(k, "es"), "s"), k)
			}
			if e != nil {
				x.addMention(s, &mention{start: i, end: i + 1, ent: e, kind: mCoref})
			}
		}
		// a bare "Innenministerium" belongs to the home state
		for _, m := range s.ments {
			if m.kind == mCoref && m.ent != nil && m.ent.typ == graph.Authority && m.ent.parent == nil && x.home != nil {
				m.ent.parent = x.home
			}
		}
	}
}

// workNouns describe a project named before: "das Projekt", "die Lösung", "die Plattform".
var workNouns = map[string]bool{"projekt": true, "projekts": true, "pilotprojekt": true, "vorhaben": true,
	"loesung": true, "software": true, "anwendung": true, "plattform": true, "verfahren": true, "onlinedienst": true}

// recentWork returns the project or topic named last before sentence si (up to five
// sentences back): what "das Projekt" refers to.
func (x *extraction) recentWork(si int) *entity {
	for j := si; j >= 0 && j > si-6; j-- {
		s := x.sents[j]
		for mi := len(s.ments) - 1; mi >= 0; mi-- {
			if e := s.ments[mi].ent; e != nil && (e.typ == graph.Project || e.typ == graph.Topic && e.gaz != nil && e.gaz.Context == "" && x.topicIsProject(e)) {
				return e
			}
		}
	}
	return nil
}

// topicIsProject reports whether a topic of the reference data names a service that a
// project delivers ("Wohngeld"), so that "das Projekt" may refer to it.
func (x *extraction) topicIsProject(e *entity) bool {
	switch graph.Fold(e.name) {
	case "wohngeld", "e akte", "digitale identitaeten":
		return true
	}
	return false
}

// associationKinds are the head nouns of municipal associations.
var associationKinds = []string{"staedtetag", "gemeindetag", "landkreistag", "staedte- und gemeindebund",
	"gemeinde- und staedtebund", "staedte- und gemeindetag", "landkreisverband", "spitzenverband"}

// associations returns the municipal associations the document names: what "die
// kommunalen Landesverbände" stand for.
func (x *extraction) associations() []*entity {
	var out []*entity
	for _, e := range x.order {
		if e.typ != graph.Municipality || !e.explicit {
			continue
		}
		for _, k := range e.kinds {
			for _, a := range associationKinds {
				if foldKey(k) == foldKey(a) {
					out = append(out, e)
				}
			}
		}
	}
	return uniq(out)
}

// byKind returns the entity a description with head noun k refers to: the last one named
// with that kind, or the home organization when it has that kind.
func (x *extraction) byKind(si int, keys ...string) *entity {
	for j := si; j >= 0; j-- {
		s := x.sents[j]
		for mi := len(s.ments) - 1; mi >= 0; mi-- {
			m := s.ments[mi]
			if m.ent == nil {
				continue
			}
			for _, k := range keys {
				if k != "" && m.ent.hasKind(k) {
					return m.ent
				}
			}
		}
	}
	for _, e := range x.order {
		for _, k := range keys {
			if k != "" && e.hasKind(k) && e.count > 0 {
				return e
			}
		}
	}
	return nil
}

// collective reports whether an organization is a community of others (an alliance, a
// developer community) rather than one of the partners in it.
func collective(e *entity) bool {
	k := graph.Fold(e.name)
	for _, w := range []string{"gemeinschaft", "verbund", "allianz", "netzwerk", "gremium", "rat", "konferenz"} {
		if strings.HasSuffix(k, w) {
			return true
		}
	}
	return false
}

// recentParties returns the n parties of the class named last before token ti of sentence
// si (all of the last sentence naming two or more when n is -1).
func (x *extraction) recentParties(si, ti int, class string, n int) []*entity {
	var out []*entity
	seen := map[*entity]bool{}
	fits := func(e *entity) bool {
		if e == nil || !e.typ.IsParty() || seen[e] {
			return false
		}
		switch class {
		case "state":
			return e.typ == graph.State || e.typ == graph.Federal
		case "muni":
			return e.typ == graph.Municipality || e.typ == graph.State && e.gaz != nil && (e.name == "Hamburg" || e.name == "Berlin" || e.name == "Bremen")
		}
		return !collective(e)
	}
	for j := si; j >= 0 && j > si-8; j-- {
		s := x.sents[j]
		var inSent []*entity
		for mi := len(s.ments) - 1; mi >= 0; mi-- {
			m := s.ments[mi]
			if j == si && m.start >= ti {
				continue
			}
			for _, e := range m.ents() {
				if m.kind == mAdj && e.typ != graph.State {
					continue
				}
				if fits(e) {
					seen[e] = true
					inSent = append(inSent, e)
				}
			}
		}
		if n < 0 {
			if len(inSent) >= 2 {
				return inSent
			}
			continue
		}
		for _, e := range inSent {
			if len(out) < n {
				out = append(out, e)
			}
		}
		if len(out) == n {
			return out
		}
	}
	if n < 0 || len(out) < n {
		return nil
	}
	return out
}

// speechVerbs attribute a quotation to its speaker.
var speechVerbs = map[string]bool{"sagt": true, "sagte": true, "erklaert": true, "erklaerte": true, "betont": true,
	"betonte": true, "ergaenzt": true, "ergaenzte": true, "so": true, "meint": true, "meinte": true, "unterstrich": true,
	"unterstreicht": true, "bekraeftigt": true, "bekraeftigte": true, "berichtet": true, "berichtete": true,
	"verkuendet": true, "verkuendete": true, "kommentiert": true, "kommentierte": true, "freut": true, "fuegte": true,
	"fuehrte": true, "resuemiert": true, "resuemierte": true, "sagten": true, "erklaerten": true, "hob": true,
	"begruesste": true, "begruesst": true, "mahnt": true, "mahnte": true, "appelliert": true, "warnt": true, "warnte": true,
	"befand": true, "sieht": true, "sah": true, "weiss": true, "zeigte": true, "zeigt": true}

// findSpeakers attributes the quotations of each block to the person who says them.
func (x *extraction) findSpeakers() {
	x.findInterviews()
	var last *entity
	lastBlock := -2
	for _, s := range x.sents {
		if s.block != lastBlock {
			if !strings.HasSuffix(strings.TrimSpace(x.blockEnd(lastBlock)), ":") {
				last = nil
			}
			lastBlock = s.block
			if sp := x.blockSpeaker(s.block); sp != nil {
				last = sp
			}
		}
		hasQuote := false
		for _, q := range s.inQuote {
			hasQuote = hasQuote || q
		}
		if s.speaker != nil {
			continue // an interview answer
		}
		if sp := x.sentenceSpeaker(s); sp != nil {
			s.speaker = sp
			sp.speaks = true
			continue
		}
		if hasQuote || last != nil {
			s.speaker = last
		}
	}
}

// findInterviews reads the answers of an interview: a paragraph that opens with
// "Meyer: …" is the person's own speech, as if quoted.
func (x *extraction) findInterviews() {
	lastBlock := -2
	var speaker *entity
	for _, s := range x.sents {
		if s.block != lastBlock {
			lastBlock, speaker = s.block, nil
			if len(s.ments) > 0 && s.ments[0].start == 0 && s.ments[0].ent != nil && s.ments[0].ent.typ == graph.Person &&
				s.ments[0].end < len(s.toks) && s.toks[s.ments[0].end].Text == ":" && !x.quoteSentence(s) {
				speaker = s.ments[0].ent
				for i := s.ments[0].end + 1; i < len(s.inQuote); i++ {
					s.inQuote[i] = true
				}
				s.speaker = speaker
				continue
			}
		}
		if speaker != nil && !x.quoteSentence(s) {
			for i := range s.inQuote {
				s.inQuote[i] = true
			}
			s.speaker = speaker
		}
	}
}

// blockEnd returns the text of the last sentence of block b.
func (x *extraction) blockEnd(b int) string {
	out := ""
	for _, s := range x.sents {
		if s.block == b {
			out = s.text
		}
	}
	return out
}

// blockSpeaker returns the speaker of the first quotation in block b.
func (x *extraction) blockSpeaker(b int) *entity {
	var fallback *entity
	quoted := false
	for _, s := range x.sents {
		if s.block != b || s.title {
			continue
		}
		if sp := x.sentenceSpeaker(s); sp != nil {
			return sp
		}
		for i, q := range s.inQuote {
			quoted = quoted || q
			if m := s.covering(i); m != nil && !q && m.ent != nil && m.ent.typ == graph.Person && fallback == nil {
				fallback = m.ent
			}
		}
	}
	if quoted {
		return fallback
	}
	return nil
}

// sentenceSpeaker returns the person a speech verb of s attributes the quotation to:
// "sagte Judith Gerlach", "Gerlach erklärte:", "so Schrödter".
func (x *extraction) sentenceSpeaker(s *sentence) *entity {
	for i, t := range s.toks {
		if s.inQuote[i] || !speechVerbs[t.Key] {
			continue
		}
		// the nearest person outside the quotation, after the verb first
		for d := 1; d <= 8; d++ {
			for _, j := range []int{i + d, i - d} {
				if j < 0 || j >= len(s.toks) || s.inQuote[j] {
					continue
				}
				if m := s.covering(j); m != nil && m.ent != nil && m.ent.typ == graph.Person {
					return m.ent
				}
			}
		}
	}
	// "Person: „…“"
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].Text == ":" && strings.ContainsAny(s.toks[i+1].Text, "„\"“") {
			for j := i - 1; j >= 0 && j >= i-8; j-- {
				if m := s.covering(j); m != nil && m.ent != nil && m.ent.typ == graph.Person {
					return m.ent
				}
			}
		}
	}
	return nil
}

// firstPersonWords are the words by which a speaker names the party they speak for.
var firstPersonWords = map[string]bool{"wir": true, "uns": true, "unser": true, "unsere": true, "unseren": true,
	"unserem": true, "unserer": true, "unseres": true}

// resolveSpeakerCorefs adds mentions of the speaker's party where a quotation says "wir".
func (x *extraction) resolveSpeakerCorefs() {
	for _, s := range x.sents {
		if s.speaker == nil {
			continue
		}
		party := x.partyOf(s.speaker)
		if party == nil {
			continue
		}
		for i, t := range s.toks {
			if !s.inQuote[i] && !x.quoteSentence(s) || !firstPersonWords[t.Key] || s.covering(i) != nil {
				continue
			}
			// "unser Land" is the country; "unsere beiden Länder" a group read elsewhere;
			// "(wir berichteten)" is the publisher
			if i+1 < len(s.toks) && (s.toks[i+1].Key == "land" || s.toks[i+1].Key == "beiden") || i > 0 && s.toks[i-1].Text == "(" {
				continue
			}
			x.addMention(s, &mention{start: i, end: i + 1, ent: party, kind: mCoref})
		}
	}
}

// quoteSentence reports whether s is part of a quotation that runs over several sentences.
func (x *extraction) quoteSentence(s *sentence) bool {
	for _, q := range s.inQuote {
		if q {
			return true
		}
	}
	return false
}

// partyOf returns the party a person acts for: the party of their first role.
func (x *extraction) partyOf(p *entity) *entity {
	for _, f := range x.facts {
		if f.typ == graph.HoldsRole && f.from == p {
			if f.to.parent != nil && f.to.typ == graph.Authority && f.to.parent.typ == graph.State {
				return f.to.parent
			}
			return f.to
		}
	}
	return nil
}
