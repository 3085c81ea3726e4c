package loaders

import (
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// actor is a party that a sentence names as acting, with the mention that names it.
type actor struct {
	ent *entity
	m   *mention
}

// actors returns the parties s names in tokens [from, to) that may act: persons stand for
// the party of their office, places ("in Bayern") and the parties of offices whose holder
// is named are left out.
func (x *extraction) actors(s *sentence, from, to int) []actor {
	var out []actor
	seen := map[*entity]bool{}
	persons := map[*entity]bool{}
	for _, m := range s.ments {
		if m.ent != nil && m.ent.typ == graph.Person {
			persons[m.ent] = true
		}
	}
	for _, m := range s.ments {
		if m.start < from || m.start >= to || m.locative {
			continue
		}
		if m.kind == mAdj && !(m.end < len(s.toks) && isGovernmentNoun(s.toks[m.end].Key)) {
			continue
		}
		if m.kind == mPart && !actingPart(s.toks[m.start].Key) {
			continue
		}
		if x.inRoleSlot(s, m) && len(persons) > 0 {
			continue
		}
		for _, e := range m.ents() {
			if e.typ == graph.Person {
				e = x.partyOf(e)
			}
			if m.kind == mCoref && e != nil && e.typ == graph.Authority && e.parent != nil {
				e = e.parent
			}
			if e == nil || !e.typ.IsParty() || seen[e] {
				continue
			}
			seen[e] = true
			out = append(out, actor{e, m})
		}
	}
	return out
}

// actingPart reports whether a compound names a part that acts for the whole: the
// management ("krz-Geschäftsführung"), the board, the team.
func actingPart(k string) bool {
	for _, p := range []string{"geschaeftsfuehrung", "vorstand", "team", "leitung", "spitze"} {
		if strings.HasSuffix(k, p) {
			return true
		}
	}
	return false
}

// inRoleSlot reports whether m names the party of an office ("Vorstand der govdigital eG",
// "Bayerns Digitalministerin") rather than an actor of the sentence.
func (x *extraction) inRoleSlot(s *sentence, m *mention) bool {
	for _, f := range x.facts {
		if f.typ == graph.HoldsRole && f.sent == s && f.to == m.ent {
			return true
		}
	}
	return false
}

// has reports whether any token of s from token from on starts with one of the prefixes.
func has(s *sentence, prefixes ...string) bool {
	return indexOf(s, 0, prefixes...) >= 0
}

// indexOf returns the first token at or after from whose key, or the last part of a
// hyphenated compound ("E-Government-Pakt"), starts with one of the prefixes, or -1.
func indexOf(s *sentence, from int, prefixes ...string) int {
	for i := max(from, 0); i < len(s.toks); i++ {
		if m := s.covering(i); m != nil && m.kind == mName && m.ent != nil && m.ent.typ.IsParty() {
			continue // "IT-Kooperationsrat" is a name, not a cooperation
		}
		k, last := s.toks[i].Key, ""
		if j := strings.LastIndex(s.toks[i].Text, "-"); j > 0 && j < len(s.toks[i].Text)-1 {
			last = foldKey(s.toks[i].Text[j+1:])
		}
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) || last != "" && strings.HasPrefix(last, p) {
				return i
			}
		}
	}
	return -1
}

// coordination returns the parties coordinated with the mention at index mi of s:
// "A, B und C", "sowohl A als auch B", skipping articles and appositions of persons.
func (x *extraction) coordination(s *sentence, mi int) []*mention {
	out := []*mention{s.ments[mi]}
	toks := s.toks
	for k := mi + 1; k < len(s.ments); k++ {
		prev, m := s.ments[k-1], s.ments[k]
		gap := toks[prev.end:m.start]
		if !isCoordGap(gap) {
			// an apposition after a person: "A, Rolle der X, und B"
			if prev.ent != nil && prev.ent.typ == graph.Person || x.inRoleSlot(s, prev) {
				if x.inRoleSlot(s, m) {
					continue
				}
				if len(gap) > 0 && (gap[len(gap)-1].Key == "und" || gap[len(gap)-1].Key == "sowie") {
					out = append(out, m)
					continue
				}
			}
			break
		}
		out = append(out, m)
	}
	return out
}

// isCoordGap reports whether the tokens between two names coordinate them.
func isCoordGap(gap []token) bool {
	if len(gap) > 5 {
		return false
	}
	for _, t := range gap {
		switch t.Key {
		case ",", "und", "sowie", "als", "auch", "der", "die", "das", "dem", "den", "des", "mit", "&", "/", "–", "-",
			"land", "stadt", "gemeinde", "landes", "freistaat", "oder", "beziehungsweise", "bzw.":
		default:
			return false
		}
	}
	return true
}

// pairs adds a fact of type t for every pair of the given parties.
func (x *extraction) pairs(t graph.RelationType, parties []*entity, s *sentence, rule string) {
	for i := range parties {
		for j := i + 1; j < len(parties); j++ {
			x.addFact(t, parties[i], parties[j], "", s, rule)
		}
	}
}

func uniq(es []*entity) []*entity {
	var out []*entity
	seen := map[*entity]bool{}
	for _, e := range es {
		if e != nil && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// ---- MEMBER_OF ----

// memberTargetScore rates how well e fits as the organization others join.
func memberTargetScore(e *entity) int {
	if e == nil || !e.typ.IsParty() || e.typ == graph.State || e.typ == graph.Federal || e.typ == graph.Person {
		return -1
	}
	score := 0
	if e.typ == graph.Organization {
		score++
	}
	if collective(e) {
		score += 2
	}
	for _, k := range e.kinds {
		switch k {
		case "genossenschaft", "digitalisierungsgenossenschaft", "verband", "zweckverband", "arbeitsgemeinschaft",
			"bundes-arbeitsgemeinschaft", "dachverband", "verein", "gremium", "planungsrat", "konferenz", "traegerverein",
			"netzwerk", "initiative", "spitzenverband", "allianz", "verbund", "kooperation", "gemeinschaft",
			"kommission", "arbeitskreis", "lenkungskreis", "steuerungsgruppe":
			score += 2
		}
	}
	return score
}

// readMembership reads MEMBER_OF facts: joining, membership, founding members, Träger.
func (x *extraction) readMembership() {
	x.readMembershipSentences()
	// counted groups need the founders listed anywhere in the release
	for _, s := range x.sents {
		for i := 0; i+1 < len(s.toks); i++ {
			if numberWords[s.toks[i].Key] > 0 && strings.HasSuffix(s.toks[i+1].Key, "mitglieder") {
				x.memberCounted(s, i)
			}
		}
	}
}

// readMembershipSentences reads the MEMBER_OF facts each sentence states by itself.
func (x *extraction) readMembershipSentences() {
	for si, s := range x.sents {
		x.memberListIntro(si, s)
		x.readMemberCopula(s)
		toks := s.toks
		for i, t := range toks {
			k := t.Key
			switch {
			case strings.HasPrefix(k, "beitritt"):
				x.memberBeitritt(s, i)
			case k == "tritt" || k == "treten" || k == "trat" || k == "traten" || k == "trete":
				if separablePrefix(s, i, "bei") {
					x.memberGeneric(s, i, "member.beitreten")
				}
			case strings.HasPrefix(k, "beigetreten") || strings.HasPrefix(k, "beitreten") || strings.HasPrefix(k, "beizutreten"):
				x.memberGeneric(s, i, "member.beitreten")
			case k == "vertritt" || k == "vertreten" || k == "vertrat" || k == "vertraten":
				x.memberVertreten(s, i)
			case strings.HasPrefix(k, "gruendungsmitglied"):
				x.memberFounders(s, i)
			case strings.Contains(k, "mitglied") && !strings.Contains(k, "mitgliederversammlung") && !strings.HasPrefix(k, "vorstandsmitglied") && !strings.HasPrefix(k, "aufsichtsratsmitglied"):
				x.memberMitglied(s, i)
			case k == "anschliessen" || k == "anzuschliessen" || k == "angeschlossen" || (k == "schliesst" || k == "schliessen") && separablePrefix(s, i, "an"):
				x.memberGeneric(s, i, "member.anschluss")
			case strings.HasPrefix(k, "traeger") || k == "hauptraeger" || strings.HasPrefix(k, "haupttraeger") || k == "getragen":
				x.memberTraeger(s, i)
			case k == "aufzunehmen" || k == "aufnehmen" || k == "aufgenommen" || k == "aufnahme":
				x.memberGeneric(s, i, "member.aufnahme")
			case strings.HasSuffix(k, "beteiligte") && startsUpper(t.Text) && has(s, "sind", "waren"):
				x.memberGeneric(s, i, "member.beteiligung")
			case k == "beteiligt" || k == "beteiligen" || k == "beteiligte":
				if j := indexOf(s, i+1, "an"); j >= 0 && j <= i+4 || i > 0 && toks[i-1].Key == "sich" {
					if !has(s, "waren", "war") {
						x.memberGeneric(s, i, "member.beteiligung")
					}
				}
			case k == "gesellschafter" || k == "gesellschafterin":
				x.memberGeneric(s, i, "member.gesellschafter")
			case k == "teil" && i+1 < len(toks) && (toks[i+1].Key == "einer" || toks[i+1].Key == "eines" || toks[i+1].Key == "der" || toks[i+1].Key == "des"):
				x.memberGeneric(s, i, "member.teil")
			case k == "besteht" || k == "bestehen" || k == "bestand" || strings.HasPrefix(k, "zusammenschluss"):
				x.memberConsists(s, i)
			case k == "hinzu" || k == "stoesst" || k == "verstaerkt":
				x.memberGeneric(s, i, "member.hinzu")
			case k == "vorsitz" || k == "vorsitzes":
				x.memberChair(s, i)
			case strings.HasPrefix(k, "angehoer") || (k == "gehoert" || k == "gehoeren") && separablePrefix(s, i, "an"):
				x.memberBelongs(s, i)
			case k == "gruendet" || k == "gruenden" || k == "gruendeten" || k == "gegruendet":
				x.memberFounding(s, i)
			case k == "gruendung" && si > 0 && x.sents[si-1].block == s.block && len(x.actors(s, 0, len(toks))) <= 1:
				x.memberFoundingBefore(x.sents[si-1], s, i)
			}
		}
	}
}

// memberTarget picks the organization joined in s: the best scoring party, nearest to the
// trigger at i; the home organization when the sentence names none.
func (x *extraction) memberTarget(s *sentence, i int, exclude map[*entity]bool) *entity {
	var best *entity
	bestScore, bestDist := -1, 1<<30
	for _, m := range s.ments {
		if m.ent == nil || exclude[m.ent] || m.locative {
			continue
		}
		sc := memberTargetScore(m.ent)
		if sc < 1 {
			continue
		}
		d := m.start - i
		if d < 0 {
			d = -d
		}
		if sc > bestScore || sc == bestScore && d < bestDist {
			best, bestScore, bestDist = m.ent, sc, d
		}
	}
	if best == nil && x.homeOrg != nil && memberTargetScore(x.homeOrg) > 0 && !exclude[x.homeOrg] {
		return x.homeOrg
	}
	return best
}

// lastBody returns the organization the release is about, or else the last one that a
// sentence before s names as a possible body of members.
func (x *extraction) lastBody(s *sentence) *entity {
	if x.homeOrg != nil && memberTargetScore(x.homeOrg) > 0 {
		return x.homeOrg
	}
	var last *entity
	for _, p := range x.sents {
		if p == s {
			break
		}
		for _, m := range p.ments {
			if m.ent != nil && !m.locative && memberTargetScore(m.ent) > 0 {
				last = m.ent
			}
		}
	}
	return last
}

// memberVertreten reads "X vertritt den Bund im IT-Planungsrat": a party represented in
// a body ("im", "in der", "in dem") is a member of it.
func (x *extraction) memberVertreten(s *sentence, i int) {
	toks := s.toks
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].Key != "im" && !(toks[j].Key == "in" && (toks[j+1].Key == "der" || toks[j+1].Key == "dem")) {
			continue
		}
		k := j + 1
		if toks[j].Key == "in" {
			k++
		}
		body := s.covering(k)
		if body == nil || body.start != k || body.ent == nil || memberTargetScore(body.ent) < 1 {
			continue
		}
		for _, m := range s.ments {
			if m.ent == nil || m.ent == body.ent || m.ent.typ == graph.Person || !m.ent.typ.IsParty() || m.locative {
				continue
			}
			if m.end <= j && (m.start > i || indexOf(s, m.end, "durch", "von") < 0) {
				x.addFact(graph.MemberOf, m.ent, body.ent, "", s, "member.vertreten")
			}
		}
		return
	}
}

// memberGeneric: the organization joined is the best target; every other actor joins it.
func (x *extraction) memberGeneric(s *sentence, i int, rule string) {
	if has(s, "ausgetreten", "austritt", "verlassen", "verlaesst") {
		return
	}
	target := x.memberTarget(s, i, nil)
	if target == nil {
		return
	}
	from, to := clauseOf(s, i)
	for _, a := range x.actors(s, from, to) {
		if a.ent == target || a.m.quoted && s.speaker == nil || beneficiary(s.toks, a.m.start) {
			continue
		}
		x.addFact(graph.MemberOf, a.ent, target, "", s, rule)
	}
	// a speaker announcing the joining: "Gerlach verkündet den Beitritt"
	if s.speaker == nil {
		for _, m := range s.ments {
			if m.ent != nil && m.ent.typ == graph.Person {
				if p := x.partyOf(m.ent); p != nil && p != target {
					x.addFact(graph.MemberOf, p, target, "", s, rule)
				}
				break
			}
		}
	}
}

// relativePronouns open a relative clause after a comma.
var relativePronouns = map[string]bool{"die": true, "der": true, "das": true, "welche": true, "welcher": true,
	"deren": true, "dessen": true, "denen": true}

// clauseOf returns the token range of the clause around token i: a relative clause ("…,
// die für Bund, Länder und Kommunen Lösungen entwickelt") is a clause of its own.
func clauseOf(s *sentence, i int) (from, to int) {
	from, to = 0, len(s.toks)
	for j := 1; j < len(s.toks); j++ {
		if s.toks[j-1].Text != "," || !relativePronouns[s.toks[j].Key] {
			continue
		}
		if j <= i {
			from = j
		} else {
			to = j - 1
			break
		}
	}
	return from, to
}

// beneficiary reports whether the name at token i is governed by "für": "Lösungen für
// Bund, Länder und Kommunen" names those served, not actors.
func beneficiary(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].Key == "fuer" {
			return true
		}
		if toks[j].Punct {
			return false
		}
	}
	return false
}

// memberBeitritt reads "Beitritt (des) X zu(r) Y" and "verkündet den Beitritt zu Y".
func (x *extraction) memberBeitritt(s *sentence, i int) {
	toks := s.toks
	var member, target *entity
	j := i + 1
	if j < len(toks) && (toks[j].Key == "des" || toks[j].Key == "der") {
		j++
	}
	if m := s.covering(j); m != nil && m.start == j && len(m.ents()) == 1 && m.ent.typ.IsParty() {
		member = m.ent
		j = m.end
	}
	if z := indexOf(s, i+1, "zu", "zur", "zum"); z >= 0 && z <= j+1 {
		k := z + 1
		for k < len(toks) && s.covering(k) == nil && k < z+4 {
			k++
		}
		if m := s.covering(k); m != nil && m.ent != nil && m.ent.typ.IsParty() {
			target = m.ent
		}
	}
	if target == nil {
		target = x.memberTarget(s, i, map[*entity]bool{member: true})
	}
	if target == nil {
		return
	}
	if member == nil {
		// the subject of the sentence, or the speaker's party
		for _, a := range x.actors(s, 0, i) {
			if a.ent != target {
				member = a.ent
				break
			}
		}
	}
	if member == nil && s.speaker != nil {
		if p := x.partyOf(s.speaker); p != nil && p != target {
			member = p
		}
	}
	x.addFact(graph.MemberOf, member, target, "", s, "member.beitritt")
}

// memberFounders reads "Die Gründungsmitglieder sind A, B und C" and "Zu den
// Gründungsmitgliedern zählt X": every party named is a member of the organization founded.
func (x *extraction) memberFounders(s *sentence, i int) {
	target := x.homeOrg
	// "Gründungsmitglieder der X"
	if i+2 < len(s.toks) && (s.toks[i+1].Key == "der" || s.toks[i+1].Key == "des") {
		if m := s.covering(i + 2); m != nil && m.ent != nil && m.ent.typ.IsParty() {
			target = m.ent
		}
	}
	if target == nil {
		return
	}
	vertreten := indexOf(s, 0, "vertreten")
	for _, a := range x.actors(s, 0, len(s.toks)) {
		if vertreten >= 0 && a.m.start > vertreten {
			continue
		}
		x.addFact(graph.MemberOf, a.ent, target, "", s, "member.gruendung")
	}
}

// memberMitglied reads "X wird Mitglied der Y", "die neuen VITAKO-Mitglieder A und B",
// "X als neues Mitglied", "Verbandsmitglied".
func (x *extraction) memberMitglied(s *sentence, i int) {
	toks := s.toks
	k := toks[i].Key
	if strings.HasSuffix(k, "versammlung") || k == "mitgliedschaft" || strings.HasPrefix(k, "mitgliedsverb") {
		return
	}
	if i > 0 && numberWords[toks[i-1].Key] > 0 && i+1 < len(toks) && (toks[i+1].Key == "und" || toks[i+1].Key == "sowie") {
		return // "Neun Vitako-Mitglieder und die Bundesdruckerei": read by memberCounted
	}
	var target *entity
	// "VITAKO-Mitglieder", "Verbandsmitglied"
	if p := x.compoundParty(toks[i].Text); p != nil && memberTargetScore(p) >= 0 {
		target = p
	}
	if target == nil && strings.HasPrefix(k, "verbandsmitglied") {
		target = x.memberTarget(s, i, nil)
	}
	// "VITAKO Mitglieder"
	if target == nil && i > 0 {
		if m := s.covering(i - 1); m != nil && m.end == i && m.ent != nil && memberTargetScore(m.ent) >= 0 && m.kind != mAdj {
			target = m.ent
		}
	}
	// "Mitglied der/des/bei/im Y"
	if target == nil && i+1 < len(toks) {
		switch toks[i+1].Key {
		case "der", "des", "bei", "im", "in", "von":
			j := i + 2
			if j < len(toks) && (toks[j].Key == "der" || toks[j].Key == "dem") {
				j++
			}
			if m := s.covering(j); m != nil && m.ent != nil && m.ent.typ.IsParty() {
				target = m.ent
			}
		}
	}
	plural := strings.HasSuffix(k, "mitglieder") || strings.HasSuffix(k, "mitgliedern")
	if target == nil && !plural {
		target = x.memberTarget(s, i, nil)
	}
	if target == nil {
		return
	}
	if plural && !has(s, "neu", "aufgenommen", "aufnahme", "begruess", "vorgestellt", "beiden", "gastgeber", "sind", "zaehl") {
		return
	}
	from, to := clauseOf(s, i)
	if plural {
		// "die neuen VITAKO-Mitglieder A und B": the members follow the word
		from = i + 1
	}
	for _, a := range x.actors(s, from, to) {
		if a.ent == target || a.ent.typ == graph.Federal && plural || beneficiary(s.toks, a.m.start) {
			continue
		}
		x.addFact(graph.MemberOf, a.ent, target, "", s, "member.mitglied")
	}
}

// memberFounding reads "X gründet Y" and "A und B haben Y gegründet": the founders are
// members of the body they found, when it is an alliance, a council or a company.
func (x *extraction) memberFounding(s *sentence, i int) {
	acts := x.actors(s, 0, len(s.toks))
	if len(acts) < 2 {
		return
	}
	// the founders: the coordinated subject; the body founded: a new organization after it
	var founders []*entity
	subjectEnd := 0
	for mi, m := range s.ments {
		if m == acts[0].m {
			for _, c := range x.coordination(s, mi) {
				founders = append(founders, c.ents()...)
				subjectEnd = c.end
			}
		}
	}
	var target *entity
	for _, m := range s.ments {
		if m.start >= subjectEnd && m.ent != nil && m.kind == mName && (collective(m.ent) || m.ent.typ == graph.Organization && m.ent.gaz == nil) {
			target = m.ent
			break
		}
	}
	if target == nil {
		return
	}
	for _, f := range uniq(founders) {
		if f != target {
			x.addFact(graph.MemberOf, f, target, "", s, "member.gruendet")
		}
	}
}

// memberFoundingBefore reads "… markiert den Beginn der Gründung der IT-Allianz Nord AöR"
// after a sentence naming the parties that signed: they found it.
func (x *extraction) memberFoundingBefore(prev, s *sentence, i int) {
	var target *entity
	for _, m := range s.ments {
		if m.start > i && m.start <= i+3 && m.ent != nil && m.kind == mName && (collective(m.ent) || m.ent.typ == graph.Organization && m.ent.gaz == nil) {
			target = m.ent
		}
	}
	if target == nil {
		return
	}
	for _, a := range x.actors(prev, 0, len(prev.toks)) {
		if a.ent != target {
			x.addFact(graph.MemberOf, a.ent, target, "", s, "member.gruendet")
		}
	}
}

// separablePrefix reports whether the verb at token i has its separated prefix p at the
// end of its clause: "X gehört Y an." but not "gehören zu den Partnern an der Spitze".
func separablePrefix(s *sentence, i int, p string) bool {
	for j := i + 1; j < len(s.toks); j++ {
		if s.toks[j].Punct && s.toks[j].Text != "-" {
			return s.toks[j-1].Key == p
		}
	}
	return s.toks[len(s.toks)-1].Key == p
}

// memberCounted reads "Neun Vitako-Mitglieder und die Bundesdruckerei gründen …" with
// the founders listed elsewhere: when the founders other than the parties named beside the
// group are as many as the number says, they are the group's members.
func (x *extraction) memberCounted(s *sentence, i int) {
	n := numberWords[s.toks[i].Key]
	group := x.compoundParty(s.toks[i+1].Text)
	if group == nil || memberTargetScore(group) < 1 {
		return
	}
	beside := map[*entity]bool{group: true}
	for _, a := range x.actors(s, 0, len(s.toks)) {
		beside[a.ent] = true
	}
	var founders []*entity
	for _, f := range x.facts {
		if f.typ == graph.MemberOf && f.rule == "member.gruendung" && !beside[f.from] {
			founders = append(founders, f.from)
		}
	}
	if founders = uniq(founders); len(founders) != n {
		return
	}
	for _, f := range founders {
		x.addFact(graph.MemberOf, f, group, "", s, "member.anzahl")
	}
}

// memberBelongs reads "X gehört Y an" and "Y, der A, B und C angehören": the
// organization is the antecedent of the relative clause, or the best target.
func (x *extraction) memberBelongs(s *sentence, i int) {
	from, to := clauseOf(s, i)
	var target *entity
	if from > 1 {
		for k := from - 2; k >= 0 && k >= from-4; k-- {
			if m := s.covering(k); m != nil && m.ent != nil && memberTargetScore(m.ent) >= 1 {
				target = m.ent
				break
			}
		}
	}
	if target == nil {
		target = x.memberTarget(s, i, nil)
	}
	if target == nil {
		return
	}
	for _, a := range x.actors(s, from, to) {
		if a.ent != target {
			x.addFact(graph.MemberOf, a.ent, target, "", s, "member.angehoeren")
		}
	}
}

// memberTraeger reads "X ist Träger der Y", "Y wird getragen durch A und B", "Hauptträger".
func (x *extraction) memberTraeger(s *sentence, i int) {
	toks := s.toks
	if toks[i].Key == "getragen" {
		by := indexOf(s, i+1, "durch", "von")
		if by < 0 {
			return
		}
		var target *entity
		if acts := x.actors(s, 0, i); len(acts) > 0 {
			target = acts[0].ent
		}
		if target == nil {
			return
		}
		for _, a := range x.actors(s, by, len(toks)) {
			x.addFact(graph.MemberOf, a.ent, target, "", s, "member.traeger")
		}
		return
	}
	if strings.HasPrefix(toks[i].Key, "traegerverein") {
		// "die Verbandsversammlung des Trägervereins 4IT": 4IT carries the organization
		// the release is about
		if m := s.covering(i + 1); m != nil && m.start == i+1 && m.ent != nil && x.homeOrg != nil && m.ent != x.homeOrg {
			x.addFact(graph.MemberOf, m.ent, x.homeOrg, "", s, "member.traeger")
		}
		return
	}
	if strings.HasPrefix(toks[i].Key, "traegerschaft") {
		return
	}
	// "Träger sind die Länder A und B sowie C": the body carried is the one the text is
	// about, or the last one named before; every name of the list carries it
	if j := i + 1; j < len(toks) && copulas[toks[j].Key] && (i == 0 || i == 1 && articles[toks[0].Key]) {
		if target := x.lastBody(s); target != nil {
			for _, a := range x.actors(s, j+1, len(toks)) {
				if a.ent != target {
					x.addFact(graph.MemberOf, a.ent, target, "", s, "member.traeger")
				}
			}
			return
		}
	}
	// "X ist Träger der Y": the organization is the genitive after the word
	if j := i + 1; j < len(toks) && (toks[j].Key == "der" || toks[j].Key == "des" || toks[j].Key == "von" || toks[j].Key == "vom") {
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			m := s.covering(k)
			if m == nil {
				continue
			}
			if m.ent == nil || memberTargetScore(m.ent) < 0 {
				break
			}
			target := m.ent
			for _, a := range x.actors(s, 0, i) {
				if a.ent != target {
					x.addFact(graph.MemberOf, a.ent, target, "", s, "member.traeger")
				}
			}
			return
		}
	}
	x.memberGeneric(s, i, "member.traeger")
}

// memberConsists reads "Y, die aus A, B und C besteht", "Y besteht aus A und B" and
// "Y ist ein Zusammenschluss der A, B und C".
func (x *extraction) memberConsists(s *sentence, i int) {
	toks := s.toks
	if k := toks[i].Key; strings.HasPrefix(k, "zusammenschluss") || k == "besteht" || k == "bestehen" || k == "bestand" {
		// the main clause: the members follow the word
		if j := i + 1; j < len(toks) && (toks[j].Key == "aus" || toks[j].Key == "der" || toks[j].Key == "des" || toks[j].Key == "von") {
			var target *entity
			for _, m := range s.ments {
				if m.end <= i && m.ent != nil && !m.locative && memberTargetScore(m.ent) >= 1 {
					target = m.ent
				}
			}
			if target != nil {
				// "aus der Stadt X" names a member here, not a place of origin
				for _, m := range s.ments {
					if m.start > j && m.ent != nil && m.ent != target && m.ent.typ.IsParty() && m.ent.typ != graph.Person && m.kind != mAdj {
						x.addFact(graph.MemberOf, m.ent, target, "", s, "member.bestehen")
					}
				}
				return
			}
		}
	}
	aus := -1
	for j := i - 1; j >= 0 && j > i-12; j-- {
		if toks[j].Key == "aus" {
			aus = j
			break
		}
	}
	if aus < 0 {
		return
	}
	// the organization before the relative pronoun
	var target *entity
	for _, m := range s.ments {
		if m.end <= aus && m.ent != nil && memberTargetScore(m.ent) >= 0 {
			target = m.ent
		}
	}
	if target == nil {
		return
	}
	for _, m := range s.ments {
		if m.start <= aus || m.start >= i {
			continue
		}
		for _, e := range m.ents() {
			x.addFact(graph.MemberOf, e, target, "", s, "member.bestehen")
		}
	}
}

// memberChair reads "unter dem Vorsitz von X" and "X übernimmt den Vorsitz des Y": the
// chair is a member of the body.
func (x *extraction) memberChair(s *sentence, i int) {
	var target *entity
	bestScore := -1
	for _, m := range s.ments {
		if m.ent == nil {
			continue
		}
		if sc := memberTargetScore(m.ent); sc > bestScore && sc >= 2 {
			target, bestScore = m.ent, sc
		}
	}
	if target == nil {
		return
	}
	for _, a := range x.actors(s, 0, len(s.toks)) {
		if a.ent != target && a.ent.typ != graph.Organization {
			x.addFact(graph.MemberOf, a.ent, target, "", s, "member.vorsitz")
		}
	}
	for _, m := range s.ments {
		if m.ent != nil && m.ent.typ == graph.Person {
			if p := x.partyOf(m.ent); p != nil && p != target {
				x.addFact(graph.MemberOf, p, target, "", s, "member.vorsitz")
			}
		}
	}
}

// memberListIntro reads a sentence that ends in a colon and announces members, followed
// by list items: "Neu im Club sind folgende Kommunen:" "- Stadt Bedburg".
func (x *extraction) memberListIntro(si int, s *sentence) {
	if !strings.HasSuffix(strings.TrimSpace(s.text), ":") || s.list {
		return
	}
	if !has(s, "neu", "mitglied", "traeger", "beigetreten", "gruendungsmitglied", "beitritt") {
		return
	}
	target := x.memberTarget(s, len(s.toks), nil)
	if target == nil {
		return
	}
	for _, item := range x.sents[si+1:] {
		if !item.list {
			break
		}
		for _, a := range x.actors(item, 0, len(item.toks)) {
			if a.ent != target {
				x.addFact(graph.MemberOf, a.ent, target, "", item, "member.liste")
			}
		}
	}
}

// ---- COOPERATES_WITH ----

// coopTriggers are the words that say parties work together.
var coopTriggers = []string{"zusammenarbeit", "zusammenzuarbeiten", "kooperation", "kooperier", "absichtserklaerung",
	"letter", "vereinbarung", "verwaltungsvereinbarung", "pakt", "staatsvertrag", "abkommen",
	"dachabkommen", "partnerschaft", "entwicklungspartnerschaft", "buendel", "kooperationsvertrag", "vertiefen",
	"schulterschluss", "hauptpartner", "gemeinsam", "zusammen", "vereinbart", "beteiligt"}

// readCooperation reads COOPERATES_WITH facts.
func (x *extraction) readCooperation() {
	for _, s := range x.sents {
		x.coopShared(s)
	}
	for _, s := range x.sents {
		trig := indexOf(s, 0, coopTriggers...)
		if trig < 0 {
			continue
		}
		// a paid contract is no cooperation; thanks for past work state none either
		if has(s, "zuschlag", "auftrag", "beauftragt", "ausschreibung", "bedank", "dankte", "danken", "dank") {
			continue
		}
		// "zwischen A und B"
		if z := indexOf(s, 0, "zwischen"); z >= 0 {
			var list []*entity
			for mi, m := range s.ments {
				if m.start > z && m.start <= z+4 {
					for _, c := range x.coordination(s, mi) {
						list = append(list, c.ents()...)
					}
					break
				}
			}
			list = uniq(list)
			if len(list) >= 2 {
				x.pairs(graph.CooperatesWith, list, s, "coop.zwischen")
				continue
			}
			if len(list) == 1 {
				for _, a := range x.actors(s, 0, z) {
					if a.ent != list[0] {
						x.addFact(graph.CooperatesWith, a.ent, list[0], "", s, "coop.zwischen")
						break
					}
				}
				continue
			}
		}
		acts := x.actors(s, 0, len(s.toks))
		// "das mit dem Landkreis X als Hauptpartner entwickelt wurde": X and the developer
		if p := indexOf(s, 0, "hauptpartner", "partner", "kooperationspartner", "projektpartner"); p > 0 && s.toks[p-1].Key == "als" {
			var partner *entity
			for _, a := range acts {
				if a.m.end <= p-1 && a.m.start >= p-5 {
					if mit := indexOf(s, max(0, a.m.start-3), "mit"); mit >= 0 && mit < a.m.start {
						partner = a.ent
					}
				}
			}
			other := x.home
			for _, a := range acts {
				if a.ent != partner {
					other = a.ent
					break
				}
			}
			if partner != nil && other != nil {
				x.addFact(graph.CooperatesWith, other, partner, "", s, "coop.partner")
			}
		}
		// "Gemeinsam mit dem Landkreis X entwickelt die Stadt Y …": X and the subject
		if g := indexOf(s, 0, "gemeinsam", "zusammen"); g >= 0 && g+1 < len(s.toks) && s.toks[g+1].Key == "mit" {
			var partner *entity
			for _, a := range acts {
				if a.m.start > g+1 && a.m.start <= g+4 {
					partner = a.ent
					break
				}
			}
			if partner != nil {
				for _, a := range acts {
					if a.ent != partner && !a.m.quoted {
						x.addFact(graph.CooperatesWith, a.ent, partner, "", s, "coop.gemeinsam")
						break
					}
				}
			}
		}
		// a quoted "Zusammenarbeit mit X": the speaker's party and X
		if s.speaker != nil {
			if p := x.partyOf(s.speaker); p != nil {
				if mit := indexOf(s, 0, "mit"); mit >= 0 {
					for _, a := range x.actors(s, mit, len(s.toks)) {
						if a.ent != p && a.m.start <= mit+3 {
							x.addFact(graph.CooperatesWith, p, a.ent, "", s, "coop.zitat")
						}
					}
				}
			}
		}
		targets := map[*entity]bool{}
		for _, f := range x.facts {
			if f.typ == graph.MemberOf && f.sent == s {
				targets[f.to] = true
			}
		}
		var parties []*entity
		for _, a := range acts {
			if !targets[a.ent] {
				parties = append(parties, stateOf(a.ent))
			}
		}
		parties = uniq(parties)
		if len(parties) < 2 || len(parties) > 8 {
			continue
		}
		if strongCoop(s) {
			x.pairs(graph.CooperatesWith, parties, s, "coop.satz")
			continue
		}
		// a weak trigger needs coordinated parties: "A und B entwickeln gemeinsam", "an
		// dem A, B und C beteiligt waren"
		adverb := has(s, "gemeinsam") && !has(s, "gemeinsame")
		if !adverb && !has(s, "beteiligt") && !(has(s, "gemeinsam") && acts[0].m.start <= 1) {
			continue // "A und B starten ein gemeinsames Portal": the subject opens the sentence
		}
		var subject []*entity
		for mi, m := range s.ments {
			if m == acts[0].m {
				for _, c := range x.coordination(s, mi) {
					subject = append(subject, c.ents()...)
				}
			}
		}
		if subject = uniq(subject); len(subject) >= 2 {
			x.pairs(graph.CooperatesWith, subject, s, "coop.gemeinsam")
		}
	}
}

// coopShared reads a solution shared with other Länder: "Diese Infrastruktur steht auch
// anderen Bundesländern zur Verfügung: Bremen, Hamburg und Niedersachsen". Sharing a
// solution is cooperation; the owner is the Land the release speaks of.
func (x *extraction) coopShared(s *sentence) {
	if x.home == nil || !(has(s, "verfuegung") && has(s, "zur")) && !has(s, "geteilt", "nachnutz", "nachgenutzt") {
		return
	}
	if has(s, "zuschlag", "auftrag") {
		return
	}
	owner := false
	for _, m := range s.ments {
		owner = owner || m.ent == x.home
	}
	if !owner {
		return
	}
	var states []*entity
	for _, a := range x.actors(s, 0, len(s.toks)) {
		if (a.ent.typ == graph.State || a.ent.typ == graph.Federal) && a.ent != x.home && a.m.kind == mName {
			states = append(states, a.ent)
		}
	}
	if len(states) == 0 {
		return
	}
	for _, st := range uniq(states) {
		x.addFact(graph.CooperatesWith, x.home, st, "", s, "coop.teilen")
	}
}

// stateOf returns the Land a ministry of that Land belongs to, else e itself: a Land's
// agreement is the Land's, whichever of its ministries signs it.
func stateOf(e *entity) *entity {
	if e.typ == graph.Authority && e.parent != nil && e.parent.typ == graph.State {
		return e.parent
	}
	return e
}

// strongCoop reports whether s names a cooperation outright.
func strongCoop(s *sentence) bool {
	// "A und B arbeiten zusammen"
	if has(s, "zusammen") && has(s, "arbeit") {
		return true
	}
	return has(s, "zusammenarbeit", "zusammenzuarbeiten", "kooperation", "kooperier", "absichtserklaerung", "letter",
		"vereinbarung", "verwaltungsvereinbarung", "pakt", "staatsvertrag", "abkommen", "dachabkommen",
		"partnerschaft", "entwicklungspartnerschaft", "kooperationsvertrag", "buendel", "vertiefen", "vereinbart")
}

// ---- WORKS_ON ----

// workTriggers say that a party works on a topic or project.
var workTriggers = []string{"entwickel", "entwickl", "weiterentwickel", "betreib", "betrieb", "umsetz", "umgesetzt",
	"umsetzung", "einfuehr", "eingefuehrt", "start", "gestartet", "vorantreib", "voranbring", "voranzutreiben",
	"aufbau", "aufgebaut", "pilot", "erprob", "federfuehrung", "bringt", "einbring", "steuert", "konzipier",
	"bereitstell", "bereitgestellt", "anbiet", "angeboten", "fokus", "schwerpunkt", "bereich", "themenfeld",
	"kompetenz", "expertise", "setzt", "setzen", "beschliesst", "beschlossen", "beschluss", "begleit", "verantwort", "koordin",
	"treibt", "treiben", "uebernommen", "uebernimmt", "arbeitet", "arbeiten", "engagier", "widme", "moderni",
	"nutzt", "nutzen", "ermoeglicht", "plant", "planen", "investier", "gemeinsam", "erarbeit", "realisier",
	"gehostet", "hostet", "vorgelegt", "gestellt", "weiterentwickl", "anzubiet", "umzusetz", "aufzubau", "einzufuehr",
	"weiterzuentwickel", "zusammenarbeit", "zu entwickeln", "bereitzustell", "mitwirk", "mitzuwirk", "beteilig", "bringe",
	"kooperation", "vereinbarung", "pakt", "abkommen", "partnerschaft", "moeglich"}

// readWork reads WORKS_ON facts: a party and the topics or projects a sentence says it
// works on.
func (x *extraction) readWork() {
	for si, s := range x.sents {
		var targets []*mention
		for _, m := range s.ments {
			if m.ent != nil && (m.ent.typ == graph.Topic || m.ent.typ == graph.Project) {
				targets = append(targets, m)
			}
		}
		if len(targets) == 0 {
			x.workPronoun(si, s)
			continue
		}
		targets = workTargets(s, targets)
		for _, t := range targets {
			x.workOwner(s, t)
			x.workInstrument(s, t)
		}
		noActor := len(x.actors(s, 0, len(s.toks))) == 0
		if !hasWorkTrigger(s) && !(noActor && continues(s)) {
			if noActor && len(uniqTargets(targets)) >= 2 && (si == 0 || x.sents[si-1].block != s.block || !hasParty(x.sents[si-1])) {
				x.workHome(s, targets)
			}
			continue
		}
		if noActor {
			x.workInherited(si, s, targets)
			continue
		}
		for _, t := range targets {
			for _, p := range x.workers(s, t) {
				x.addFact(graph.WorksOn, p, t.ent, "", s, "work.satz")
			}
		}
	}
}

// workInherited reads a sentence that names topics or projects but no party: the parties
// are those the sentence before in the same paragraph names ("Beide Länder einigten sich …
// Weitere Ansätze sind die Entwicklung von Open-Source-Lösungen"). "Die jeweiligen
// Serviceportale A und B" give each party its own.
func (x *extraction) workInherited(si int, s *sentence, targets []*mention) {
	if s.title {
		return
	}
	prev := &sentence{}
	if si > 0 && x.sents[si-1].block == s.block {
		prev = x.sents[si-1]
	}
	var parties []*entity
	if agreementWords(s) {
		// "Schwerpunkt der Zusammenarbeit ist …", "die gemeinsame Weiterentwicklung von X": the partners
		parties = x.coopParties()
	}
	if acts := x.actors(prev, 0, len(prev.toks)); len(parties) == 0 && len(acts) > 0 {
		parties = x.workers(prev, &mention{start: len(prev.toks), end: len(prev.toks)})
	}
	if len(parties) == 0 && agreementWords(prev) {
		// "Die Vereinbarung setzt auf …. Im Fokus steht X"
		parties = x.coopParties()
	}
	if len(parties) == 0 {
		// a list of projects in a release about one organization: its own
		if (len(uniqTargets(targets)) >= 2 || continues(s)) && !hasParty(prev) {
			x.workHome(s, targets)
		}
		return
	}
	if len(parties) > 4 {
		return
	}
	if has(s, "jeweilig") && len(parties) == len(targets) {
		for i, t := range targets {
			x.addFact(graph.WorksOn, parties[i], t.ent, "", s, "work.jeweils")
		}
		return
	}
	for _, t := range targets {
		for _, p := range parties {
			x.addFact(graph.WorksOn, p, t.ent, "", s, "work.folgesatz")
		}
	}
}

// workTargets drops the topics a sentence names only in passing: after an indefinite
// article ("eines digitalen Zwillings") and in long lists of policy fields.
func workTargets(s *sentence, targets []*mention) []*mention {
	commas := 0
	for _, t := range s.toks {
		if t.Text == "," {
			commas++
		}
	}
	broad := commas >= 5 && has(s, "themenfelder", "bereiche", "felder", "politikfelder")
	var out []*mention
	for _, t := range targets {
		if t.ent.typ == graph.Topic {
			if broad || afterIndefinite(s.toks, t.start) {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// isGenitiveAttribute reports whether the name at token i is the genitive attribute of a
// noun before it: "des BSI", "das Leistungsportfolio der govdigital eG".
func isGenitiveAttribute(toks []token, i int) bool {
	if i < 2 {
		return false
	}
	switch toks[i-1].Key {
	case "des":
		return true
	case "der":
		p := toks[i-2]
		return !p.Punct && startsUpper(p.Text) && !articles[p.Key]
	}
	return false
}

// agreementWords reports whether s speaks of the cooperation, agreement or pact itself.
func agreementWords(s *sentence) bool {
	return has(s, "vereinbarung", "kooperation", "zusammenarbeit", "pakt", "partnerschaft", "abkommen", "staatsvertrag", "gemeinsam")
}

// coopParties returns the parties of the first cooperation the release states.
func (x *extraction) coopParties() []*entity {
	var first *sentence
	var out []*entity
	for _, f := range x.facts {
		if f.typ != graph.CooperatesWith {
			continue
		}
		if first == nil {
			first = f.sent
		}
		if f.sent == first {
			out = append(out, f.from, f.to)
		}
	}
	out = uniq(out)
	if len(out) > 4 {
		return nil
	}
	return out
}

// possessives mark the owner of what follows: "unser neues Dashboard", "mit seiner
// Online-Baugenehmigung".
var possessives = map[string]string{"unser": "wir", "unsere": "wir", "unseren": "wir", "unserem": "wir", "unserer": "wir",
	"unseres": "wir", "sein": "er", "seine": "er", "seinen": "er", "seinem": "er", "seiner": "er", "seines": "er",
	"ihr": "sie", "ihre": "sie", "ihren": "sie", "ihrem": "sie", "ihrer": "sie", "ihres": "sie"}

// workOwner reads the owner of a project or topic: a possessive before it ("unser neues
// Digitalisierungs-Dashboard", "mit seiner Online-Baugenehmigung") or its origin after it
// ("der digitale Bauantrag aus Mecklenburg-Vorpommern", "das Projekt X in Baden-Württemberg").
func (x *extraction) workOwner(s *sentence, t *mention) {
	toks := s.toks
	j := t.start - 1
	for j >= 0 && j >= t.start-3 && !toks[j].Punct && !startsUpper(toks[j].Text) && possessives[toks[j].Key] == "" && s.covering(j) == nil {
		j--
	}
	if j >= 0 && t.ent.typ == graph.Project {
		if m := s.covering(j); m != nil && m.kind == mCoref && m.ent != nil && possessives[toks[j].Key] == "wir" {
			x.addFact(graph.WorksOn, m.ent, t.ent, "", s, "work.besitz")
		} else if possessives[toks[j].Key] == "er" || possessives[toks[j].Key] == "sie" {
			for k := len(s.ments) - 1; k >= 0; k-- {
				m := s.ments[k]
				if m.end <= j && m.ent != nil && m.ent.typ.IsParty() && m.kind != mAdj {
					x.addFact(graph.WorksOn, m.ent, t.ent, "", s, "work.besitz")
					break
				}
			}
		}
	}
	e := t.end
	if e < len(toks) && toks[e].Punct && strings.ContainsAny(toks[e].Text, "“”\"‘’") {
		e++
	}
	// "der EfA-Marktplatz der govdigital": the owner in the genitive
	if t.ent.typ == graph.Project && e+1 < len(toks) && (toks[e].Key == "der" || toks[e].Key == "des") {
		if m := s.covering(e + 1); m != nil && m.start == e+1 && m.ent != nil && m.kind == mName && m.ent.typ.IsParty() && m.ent.typ != graph.Person {
			x.addFact(graph.WorksOn, m.ent, t.ent, "", s, "work.besitz")
		}
	}
	if e+1 < len(toks) && (toks[e].Key == "aus" || toks[e].Key == "in") {
		if m := s.covering(e + 1); m != nil && m.start == e+1 && m.ent != nil && (m.ent.typ == graph.State || m.ent.typ == graph.Municipality) {
			x.addFact(graph.WorksOn, m.ent, t.ent, "", s, "work.herkunft")
		}
	}
}

// workHome gives the projects of a sentence without a party to the organization the
// release is about, or to the speaker's party when the speaker says "unser".
func (x *extraction) workHome(s *sentence, targets []*mention) {
	owner := x.homeOrg
	for _, m := range s.ments {
		if m.kind == mCoref && s.speaker != nil && m.ent == x.partyOf(s.speaker) {
			owner = m.ent // "unserer Digitalisierungsstrategie": the speaker's party
		}
	}
	if owner == nil || !owner.typ.IsParty() {
		return
	}
	for _, t := range targets {
		if t.ent.typ == graph.Project {
			x.addFact(graph.WorksOn, owner, t.ent, "", s, "work.home")
		}
	}
}

// uniqTargets returns the distinct entities of the target mentions.
func uniqTargets(ts []*mention) []*entity {
	var out []*entity
	for _, t := range ts {
		out = append(out, t.ent)
	}
	return uniq(out)
}

// workInstrument reads a project a party works with: "Das Land Rheinland-Pfalz hat mit dem
// OZG-Programm „Modell Rheinland-Pfalz“ Strukturen geschaffen".
func (x *extraction) workInstrument(s *sentence, t *mention) {
	if t.ent.typ != graph.Project || t.start < 2 {
		return
	}
	mit := -1
	for j := t.start - 1; j >= 0 && j >= t.start-6; j-- {
		if s.toks[j].Key == "mit" {
			mit = j
			break
		}
		if s.toks[j].Text == "," || s.covering(j) != nil {
			return
		}
	}
	if mit < 0 {
		return
	}
	acts := x.actors(s, 0, mit)
	if len(acts) != 1 || acts[0].m.start > 3 {
		return
	}
	x.addFact(graph.WorksOn, acts[0].ent, t.ent, "", s, "work.mit")
}

// continues reports whether s goes on with the subject of the sentence before: it starts
// with a connective ("So sollen …", "Dabei …", "Zudem …").
func continues(s *sentence) bool {
	if len(s.toks) == 0 {
		return false
	}
	switch s.toks[0].Key {
	case "so", "dabei", "damit", "hierbei", "dazu", "zudem", "ausserdem", "auch", "weitere", "darueber", "ebenso":
		return true
	}
	return false
}

// segmentStart returns the token after the last comma before token i that does not
// continue a list of names, or 0.
func segmentStart(s *sentence, i int) int {
	for j := i - 1; j > 0; j-- {
		if s.toks[j].Text != "," {
			continue
		}
		if s.covering(j-1) != nil && s.covering(j+1) != nil {
			continue // "A, B und C"
		}
		return j + 1
	}
	return 0
}

// hasParty reports whether s names a party.
func hasParty(s *sentence) bool {
	for _, m := range s.ments {
		for _, e := range m.ents() {
			if e.typ.IsParty() {
				return true
			}
		}
	}
	return false
}

// workPronoun reads a sentence whose parties work on what the sentence before named:
// "Eines dieser Projekte nennt sich X. Umgesetzt wird es von A, B und C."
func (x *extraction) workPronoun(si int, s *sentence) {
	if si == 0 || x.sents[si-1].block != s.block || !has(s, "es", "dieses", "diese", "dies") || !hasWorkTrigger(s) {
		return
	}
	prev := x.sents[si-1]
	var targets []*entity
	for _, m := range prev.ments {
		if m.ent != nil && m.ent.typ == graph.Project {
			targets = append(targets, m.ent)
		}
	}
	if targets = uniq(targets); len(targets) != 1 {
		return
	}
	acts := x.actors(s, 0, len(s.toks))
	if len(acts) == 0 {
		return
	}
	for _, p := range x.workers(s, &mention{start: len(s.toks), end: len(s.toks)}) {
		x.addFact(graph.WorksOn, p, targets[0], "", s, "work.pronomen")
	}
}

// hasWorkTrigger reports whether s says that someone works on something; nouns count
// inside compounds ("Schlüsselbereichen").
func hasWorkTrigger(s *sentence) bool {
	if indexOf(s, 0, workTriggers...) >= 0 {
		return true
	}
	for _, t := range s.toks {
		for _, n := range []string{"bereich", "schwerpunkt", "fokus", "themenfeld", "projekt", "kompetenz"} {
			if strings.Contains(t.Key, n) {
				return true
			}
		}
	}
	return false
}

// workers returns the parties that work on the target mention t of s: those of a relative
// clause the target stands in, else the coordinated subject of the sentence, else its
// first actor.
func (x *extraction) workers(s *sentence, t *mention) []*entity {
	toks := s.toks
	// "…der Genossenschaft an, die … in den Bereichen A, B vorantreiben will"
	for j := t.start - 1; j > 0; j-- {
		if toks[j-1].Text == "," && (toks[j].Key == "die" || toks[j].Key == "der" || toks[j].Key == "das" || toks[j].Key == "welche") {
			for k := j - 2; k >= 0 && k >= j-4; k-- {
				if m := s.covering(k); m != nil && m.ent != nil && m.ent.typ.IsParty() {
					return m.ents()
				}
			}
			break
		}
	}
	acts := x.actors(s, 0, len(toks))
	// "der Staatsvertrag zwischen Bund und Ländern über X": no actor of X
	if z := indexOf(s, 0, "zwischen"); z >= 0 {
		var kept []actor
		for _, a := range acts {
			if a.m.start < z || a.m.start > z+4 {
				kept = append(kept, a)
			}
		}
		acts = kept
	}
	// "die Kooperationen des BSI mit den Ländern": a genitive attribute works on nothing;
	// "vom Freistaat gefördert": a funder neither
	funded := has(s, "gefoerdert", "finanziert", "foerdert", "bezuschusst")
	var kept []actor
	for _, a := range acts {
		if isGenitiveAttribute(toks, a.m.start) {
			continue
		}
		if funded && a.m.start > 0 && (toks[a.m.start-1].Key == "vom" || toks[a.m.start-1].Key == "von" || toks[a.m.start-1].Key == "durch" ||
			a.m.start > 1 && (toks[a.m.start-2].Key == "vom" || toks[a.m.start-2].Key == "von") && articles[toks[a.m.start-1].Key] || a.m.start > 1 && toks[a.m.start-2].Key == "vom") {
			continue
		}
		kept = append(kept, a)
	}
	acts = kept
	if len(acts) == 0 {
		return nil
	}
	// "A bringt X ein, B sein Wissen über Y": the actor of the target's own segment
	first := acts[0].m
	if seg := segmentStart(s, t.start); seg > 0 {
		for _, a := range acts {
			if a.m.start >= seg && a.m.end <= t.start {
				first = a.m
				break
			}
		}
	}
	// the coordination the first actor stands in
	for mi, m := range s.ments {
		if m != first {
			continue
		}
		var out []*entity
		for _, c := range x.coordination(s, mi) {
			for _, e := range c.ents() {
				if e.typ == graph.Person {
					e = x.partyOf(e)
				}
				if e != nil && e.typ.IsParty() {
					out = append(out, e)
				}
			}
		}
		return uniq(out)
	}
	return []*entity{acts[0].ent}
}

// readReuse reads the re-use of another party's solution (EfA Nachnutzung): "A übernimmt
// den Online-Dienst „X“ des Landes B", "A nutzt X aus B nach", "A schließt sich X von B an".
// A cooperates with B, and both work on X (SPEC: re-use counts as cooperation).
func (x *extraction) readReuse() {
	for _, s := range x.sents {
		toks := s.toks
		verb := -1
		for i, t := range toks {
			k := t.Key
			if strings.HasPrefix(k, "uebernimmt") || strings.HasPrefix(k, "uebernehmen") || strings.HasPrefix(k, "nachnutz") ||
				strings.HasPrefix(k, "nachgenutzt") || (k == "nutzt" || k == "nutzen") && separablePrefix(s, i, "nach") ||
				(k == "schliesst" || k == "schliessen") && separablePrefix(s, i, "an") {
				verb = i
				break
			}
		}
		if verb < 0 {
			continue
		}
		// the solution after the verb, and its provider right after it
		var solution, provider *entity
		for _, m := range s.ments {
			if m.start <= verb || m.ent == nil {
				continue
			}
			if solution == nil && m.ent.typ == graph.Project {
				solution = m.ent
				continue
			}
			if solution != nil && m.ent.typ.IsParty() && m.ent.typ != graph.Person {
				if p := prepositionBefore(s, m.start); p == "von" || p == "aus" || m.start > 0 && (toks[m.start-1].Key == "des" || toks[m.start-1].Key == "landes") {
					provider = m.ent
				}
				break
			}
		}
		if solution == nil || provider == nil {
			continue
		}
		for _, a := range x.actors(s, 0, verb) {
			if a.ent == provider {
				continue
			}
			x.addFact(graph.CooperatesWith, a.ent, provider, "", s, "coop.nachnutzung")
			x.addFact(graph.WorksOn, a.ent, solution, "", s, "coop.nachnutzung")
			x.addFact(graph.WorksOn, provider, solution, "", s, "coop.nachnutzung")
		}
	}
}
