package loaders

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

// RulesVersion changes whenever the rules change what Extract states, so that a store
// re-loads releases read with older rules; Release.Hash adds a digest of the reference
// data, so that changed data files re-load them too.
const RulesVersion = "rules-2026-12-03.1"

// Extract states what doc says as a graph.Release: the parties, persons, topics and
// projects that act in it, and the facts it states about them, each with its sentence,
// the rule that read it and that rule's confidence. It returns ctx's error when ctx ends
// first. The time it takes grows with the length of doc, not faster: a long text is read
// in parts of at most maxPartBytes, and a sentence of at most maxSentenceTokens.
func Extract(ctx context.Context, doc Document) (graph.Release, error) {
	return ExtractWith(ctx, doc, defaultModel())
}

// ExtractWith is Extract with the given model deciding the pairs a sentence names; with a
// nil model the rules alone decide.
func ExtractWith(ctx context.Context, doc Document, m *Model) (graph.Release, error) {
	bodies := parts(doc.Body, maxPartBytes)
	if len(bodies) == 0 {
		bodies = []string{""} // a release of a headline alone
	}
	var rels []graph.Release
	for i, body := range bodies {
		if err := ctx.Err(); err != nil {
			return graph.Release{}, fmt.Errorf("extract %s: %w", doc.Source, err)
		}
		part := doc
		part.Body = body
		if i > 0 {
			part.Title = "" // the headline is read with the first part
		}
		x := newExtraction(part, defaultGazetteer())
		x.run()
		x.decide(m)
		rels = append(rels, x.release())
	}
	return mergeReleases(rels), nil
}

// maxPartBytes bounds the text one extraction reads at once; press releases are far
// shorter, so only pathological inputs are cut.
const maxPartBytes = 64 << 10

// parts cuts body into parts of at most max bytes at paragraph breaks, and a longer
// paragraph at a space.
func parts(body string, max int) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, block := range strings.Split(body, "\n\n") {
		for len(block) > max {
			cut := strings.LastIndexByte(block[:max], ' ')
			if cut <= 0 {
				cut = max
				for cut > 0 && !utf8.RuneStart(block[cut]) {
					cut--
				}
			}
			flush()
			out = append(out, block[:cut])
			block = strings.TrimLeft(block[cut:], " ")
		}
		if cur.Len() > 0 && cur.Len()+2+len(block) > max {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteString("\n\n")
		}
		cur.WriteString(block)
	}
	flush()
	return out
}

// mergeReleases joins the releases read from the parts of one text: every entity once,
// with the aliases of all parts, every fact once, the most confident kept.
func mergeReleases(rels []graph.Release) graph.Release {
	if len(rels) == 1 {
		return rels[0]
	}
	r := rels[0]
	r.Entities, r.Facts = nil, nil
	ents := map[string]int{}
	facts := map[string]int{}
	for _, part := range rels {
		for _, e := range part.Entities {
			i, ok := ents[e.ID]
			if !ok {
				ents[e.ID] = len(r.Entities)
				r.Entities = append(r.Entities, e)
				continue
			}
			for _, a := range e.Aliases {
				if !slices.Contains(r.Entities[i].Aliases, a) {
					r.Entities[i].Aliases = append(r.Entities[i].Aliases, a)
				}
			}
			sort.Strings(r.Entities[i].Aliases)
		}
		for _, f := range part.Facts {
			k := string(f.Type) + ":" + f.From + ">" + f.To
			if i, ok := facts[k]; !ok {
				facts[k] = len(r.Facts)
				r.Facts = append(r.Facts, f)
			} else if f.Confidence > r.Facts[i].Confidence {
				r.Facts[i] = f
			}
		}
	}
	return r
}

// entity is an entity as one document cites it.
type entity struct {
	typ     graph.EntityType
	name    string
	gaz     *gazEntry
	aliases map[string]bool
	kinds   []string
	// count is the number of mentions; first the position of the first one.
	count, first int
	// persons: first names and surname as written ("Judith", "Gerlach")
	given, surname string
	// parent is the party a ministry or a Staatskanzlei belongs to.
	parent *entity
	// explicit reports whether the entity is named in the text, not only inferred.
	explicit bool
	// speaks reports whether a person is quoted or described, so it acts in the text.
	speaks bool
	// surfaces are the names the text uses for the entity, in order of appearance.
	surfaces []string
	// foldedName caches key() for the name foldedFor.
	foldedName, foldedFor string
}

func (e *entity) id() string { return graph.EntityID(e.typ, e.name) }

// key returns the folded name without spaces, computed once.
func (e *entity) key() string {
	if e.foldedName == "" || e.foldedFor != e.name {
		e.foldedName, e.foldedFor = foldKey(e.name), e.name
	}
	return e.foldedName
}

func (e *entity) hasKind(k string) bool {
	for _, x := range e.kinds {
		if x == k {
			return true
		}
	}
	return false
}

// mentionKind tells how a mention names its entity.
type mentionKind int

const (
	mName  mentionKind = iota // by name: "Bayern", "Judith Gerlach"
	mAdj                      // by adjective: "bayerische", "Karlsruher"
	mCoref                    // by a description or pronoun: "der Freistaat", "wir"
	mGroup                    // by a plural description: "beide Länder"
	mPart                     // by a compound naming a part of it: "D16-Treffen", "krz-Geschäftsführung"
)

// mention is a span of a sentence's tokens that names an entity (or, for mGroup, several).
type mention struct {
	start, end int
	ent        *entity
	group      []*entity
	kind       mentionKind
	// locative reports whether the mention is a place the text speaks of ("in Bayern").
	locative bool
	// quoted reports whether the mention stands inside quotation marks.
	quoted bool
}

// ents returns the entities the mention stands for.
func (m *mention) ents() []*entity {
	if m.kind == mGroup {
		return m.group
	}
	if m.ent == nil {
		return nil
	}
	return []*entity{m.ent}
}

// sentence is one sentence of the document with its tokens and mentions.
type sentence struct {
	text  string
	toks  []token
	ments []*mention
	block int
	title bool
	// inQuote[i] reports whether token i stands inside quotation marks.
	inQuote []bool
	// speaker is the person the sentence's quotation is attributed to.
	speaker *entity
	// list reports whether the sentence is an item of a list ("- Stadt Bedburg").
	list bool
	// quoteOpen reports whether a quotation is still open at the end of the sentence.
	quoteOpen bool
}

// mentionAt returns the mention starting at token i, or nil.
func (s *sentence) mentionAt(i int) *mention {
	for _, m := range s.ments {
		if m.start == i {
			return m
		}
	}
	return nil
}

// covering returns the mention that covers token i, or nil.
func (s *sentence) covering(i int) *mention {
	for _, m := range s.ments {
		if m.start <= i && i < m.end {
			return m
		}
	}
	return nil
}

// fact is a relation read from one sentence, before it becomes a graph.Fact.
type fact struct {
	typ      graph.RelationType
	from, to *entity
	role     string
	sent     *sentence
	rule     string
	// confidence is the model's probability for a learned fact, 0 for a rule's fact.
	confidence float64
}

// extraction holds the state of reading one document.
type extraction struct {
	doc   Document
	g     *Gazetteer
	sents []*sentence
	ents  map[string]*entity
	order []*entity
	facts []fact
	// home is the state the release speaks of, homeOrg and homeMuni the organization
	// and the municipality it is about.
	home, homeOrg, homeMuni *entity
	pos                     int
	// docNames are names this document gives its entities ("Tutzing" for "Gemeinde Tutzing").
	docNames []docName
	// nouns caches the lexicon's verdict on the capitalized words of the document.
	nouns map[string]bool
}

func newExtraction(doc Document, g *Gazetteer) *extraction {
	return &extraction{doc: doc, g: g, ents: map[string]*entity{}, nouns: map[string]bool{}}
}

func (x *extraction) run() {
	x.split()
	x.findPersons()
	for _, s := range x.sents {
		x.findMentions(s)
	}
	for _, s := range x.sents {
		x.findDocNames(s)
	}
	x.findHome()
	x.resolveCorefs()
	x.findSpeakers()
	x.readRoles()
	x.readSuccession()
	x.resolveSpeakerCorefs()
	x.readMembership()
	x.readCooperation()
	x.readWork()
	x.readReuse()
}

// split cuts the title and body into sentences, dropping page furniture.
func (x *extraction) split() {
	if t := cleanBlock(x.doc.Title); t != "" {
		for _, part := range splitTitle(t) {
			x.addSentence(part, -1, true, false)
		}
	}
	for i, block := range strings.Split(x.doc.Body, "\n\n") {
		block = cleanBlock(block)
		if block == "" || isFurniture(block) {
			continue
		}
		list := false
		if strings.HasPrefix(block, "- ") || strings.HasPrefix(block, "• ") {
			list = true
			block = strings.TrimSpace(block[2:])
		}
		for _, line := range strings.Split(block, "\n") {
			for _, text := range Sentences(line) {
				x.addSentence(text, i, false, list)
			}
		}
	}
}

// splitTitle cuts a headline at " / " and " – " into its parts: each part is a statement.
func splitTitle(t string) []string {
	var out []string
	for _, p := range strings.Split(t, " / ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// maxSentenceTokens bounds a sentence: a longer run of words without a full stop (a list,
// a table, text without punctuation) is read in pieces, so that no rule's work on one
// sentence grows without bound.
const maxSentenceTokens = 160

func (x *extraction) addSentence(text string, block int, title, list bool) {
	toks := tokenize(text)
	if len(toks) == 0 {
		return
	}
	for len(toks) > maxSentenceTokens {
		cut := maxSentenceTokens
		for k := maxSentenceTokens - 1; k > maxSentenceTokens/2; k-- {
			if toks[k].Text == "," || toks[k].Text == ";" {
				cut = k + 1
				break
			}
		}
		x.addSentenceTokens(spanText(toks, 0, cut), toks[:cut:cut], block, title, list)
		toks = toks[cut:]
		text = spanText(toks, 0, len(toks))
	}
	x.addSentenceTokens(text, toks, block, title, list)
}

func (x *extraction) addSentenceTokens(text string, toks []token, block int, title, list bool) {
	s := &sentence{text: text, toks: toks, block: block, title: title, list: list}
	open := false
	if n := len(x.sents); n > 0 && x.sents[n-1].block == block && !title {
		open = x.sents[n-1].quoteOpen
	}
	s.inQuote, s.quoteOpen = quoteMask(toks, open)
	x.sents = append(x.sents, s)
}

// quoteMask marks the tokens that stand inside quotation marks, starting inside one when
// open is set; it reports whether a quotation is open at the end.
func quoteMask(toks []token, open bool) ([]bool, bool) {
	mask := make([]bool, len(toks))
	in := open
	for i, t := range toks {
		if t.Punct && strings.ContainsAny(t.Text, "„“”\"«»") {
			switch t.Text {
			case "„", "«":
				in = true
			case "“", "”", "»":
				in = false
			default:
				in = !in
			}
			continue
		}
		mask[i] = in
	}
	return mask, in
}

// entityFor returns the document's entity of type t named name, creating it.
func (x *extraction) entityFor(t graph.EntityType, name string, ge *gazEntry) *entity {
	if ge != nil {
		t, name = ge.Type, ge.Name
	}
	key := string(t) + ":" + graph.Fold(name)
	if t.IsParty() {
		key = "party:" + graph.Fold(name)
	}
	if e, ok := x.ents[key]; ok {
		return e
	}
	e := &entity{typ: t, name: name, gaz: ge, aliases: map[string]bool{}, first: x.pos}
	if ge != nil {
		e.kinds = ge.Kinds
	}
	x.ents[key] = e
	x.order = append(x.order, e)
	if ge != nil && ge.Type == graph.Authority && e.hasKind("bundesministerium") {
		e.parent = x.entityFor("", "", x.g.byName["bund"])
	}
	return e
}

// addMention records m in s unless it overlaps a mention there.
func (x *extraction) addMention(s *sentence, m *mention) bool {
	for _, o := range s.ments {
		if m.start < o.end && o.start < m.end {
			return false
		}
	}
	s.ments = append(s.ments, m)
	sort.Slice(s.ments, func(i, j int) bool { return s.ments[i].start < s.ments[j].start })
	if m.ent != nil {
		m.ent.count++
		if m.kind == mName {
			m.ent.explicit = true
			surface := spanText(s.toks, m.start, m.end)
			if surface != m.ent.name {
				m.ent.aliases[surface] = true
			}
			m.ent.surfaces = append(m.ent.surfaces, surface)
		}
	}
	m.quoted = m.start < len(s.inQuote) && s.inQuote[m.start]
	return true
}

// spanText joins the tokens [i, j) as they are written.
func spanText(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		t := toks[k]
		if k > i && !(t.Punct && strings.ContainsAny(t.Text, ".,;:)]!?“”")) && !(toks[k-1].Punct && strings.ContainsAny(toks[k-1].Text, "([„")) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// addFact records a fact unless one end is missing or both are the same.
func (x *extraction) addFact(t graph.RelationType, from, to *entity, role string, s *sentence, rule string) {
	if from == nil || to == nil || from == to {
		return
	}
	switch t {
	case graph.MemberOf, graph.CooperatesWith:
		if !from.typ.IsParty() || !to.typ.IsParty() {
			return
		}
	case graph.HoldsRole:
		if from.typ != graph.Person || !to.typ.IsParty() || role == "" {
			return
		}
	case graph.WorksOn:
		if !from.typ.IsParty() || (to.typ != graph.Topic && to.typ != graph.Project) {
			return
		}
	}
	x.facts = append(x.facts, fact{typ: t, from: from, to: to, role: role, sent: s, rule: rule})
}

// actingEntities returns the entities the text names outright in a role other than a
// place: organizations, authorities, projects and persons with full names, Länder and
// municipalities named as actors.
func (x *extraction) actingEntities() map[*entity]bool {
	out := map[*entity]bool{}
	for _, s := range x.sents {
		for _, m := range s.ments {
			e := m.ent
			if e == nil || m.kind != mName || m.locative {
				continue
			}
			// "Dieter Rehfeld (regio-IT)": an organization named only to place a person
			if m.start > 0 && s.toks[m.start-1].Text == "(" && e.typ != graph.Person || m.start > 1 && s.toks[m.start-2].Text == "(" && formerWords[s.toks[m.start-1].Key] {
				continue
			}
			switch e.typ {
			case graph.Organization, graph.Authority, graph.Project:
				out[e] = true
			case graph.Person:
				if e.given != "" && x.described(s, m) {
					out[e] = true
				}
			case graph.Municipality:
				if e.gaz == nil || !e.gaz.City {
					out[e] = true
				}
			}
		}
	}
	return out
}

// described reports whether the person mention m is described where it stands: an
// apposition or a parenthesis follows it ("Bernd Landgraf (ehemals ITEBO)", "Luukas Ilves,
// Digitalpolitiker"), which a bare list of names in a caption lacks.
func (x *extraction) described(s *sentence, m *mention) bool {
	if m.end >= len(s.toks) {
		return false
	}
	// "LR a.D. Aloys Steppuhn (früherer Landrat)": only former offices
	for j := m.start - 1; j >= 0 && j >= m.start-2; j-- {
		if s.toks[j].Key == "a.d." || s.toks[j].Text == "a.D." {
			return false
		}
	}
	next := s.toks[m.end]
	if m.end+1 < len(s.toks) && formerWords[s.toks[m.end+1].Key] && s.toks[m.end+1].Key != "ehemals" {
		return false
	}
	if next.Text == "(" {
		return true
	}
	if next.Text == "," && m.end+1 < len(s.toks) {
		n := s.toks[m.end+1]
		return !n.Punct && !startsUpper(n.Text) || x.isRoleWord(n) || (n.Key == "der" || n.Key == "die") && m.end+2 < len(s.toks) && !startsUpper(s.toks[m.end+2].Text)
	}
	return false
}

// quoteOf returns the first sentence of the text quoting person p, "" when none does.
func (x *extraction) quoteOf(p *entity) string {
	for _, s := range x.sents {
		if s.speaker == p && x.quoteSentence(s) {
			return s.text
		}
	}
	return ""
}

// stripLegal removes a trailing legal form from a name: "ZIO GmbH" → "ZIO".
func stripLegal(s string) string {
	toks := tokenize(s)
	if n := len(toks); n > 1 && isLegalForm(toks[n-1]) {
		return spanText(toks, 0, n-1)
	}
	return s
}

// release assembles the graph.Release: the facts, deduplicated with the strongest rule
// kept, and the entities that take part in them or act in the text.
func (x *extraction) release() graph.Release {
	r := graph.Release{Source: x.doc.Source, Title: x.doc.Title, Date: x.doc.Date,
		Hash: x.doc.Hash + "+" + RulesVersion + "." + x.g.digest}
	keep := map[*entity]bool{}
	for _, f := range x.facts {
		keep[f.from], keep[f.to] = true, true
	}
	for _, e := range x.order {
		if e.typ == graph.Person && e.speaks && e.given != "" {
			keep[e] = true
		}
	}
	for e := range x.actingEntities() {
		keep[e] = true
	}
	best := map[string]int{}
	for _, f := range x.facts {
		quote := ""
		if f.typ == graph.HoldsRole {
			// who said what: the speaker's first quotation goes with the office
			quote = x.quoteOf(f.from)
		}
		gf := graph.Fact{Type: f.typ, From: f.from.id(), To: f.to.id(), Role: f.role,
			Sentence: f.sent.text, Quote: quote, Confidence: f.confidence, Rule: f.rule}.Normalize()
		if f.confidence == 0 {
			gf.Confidence = ruleConfidence(f.rule)
		}
		key := string(gf.Type) + ":" + gf.From + ">" + gf.To
		if i, ok := best[key]; ok {
			if gf.Confidence > r.Facts[i].Confidence {
				r.Facts[i] = gf
			}
			continue
		}
		best[key] = len(r.Facts)
		r.Facts = append(r.Facts, gf)
	}
	for _, e := range x.order {
		if !keep[e] {
			continue
		}
		ge := graph.NewEntity(e.typ, e.name)
		if e.gaz != nil {
			ge.ISO3166, ge.Wikidata, ge.Themenfeld = e.gaz.ISO, e.gaz.QID, e.gaz.Themenfeld
		}
		for a := range e.aliases {
			if a != e.name {
				ge.Aliases = append(ge.Aliases, a)
			}
		}
		sort.Strings(ge.Aliases)
		r.Entities = append(r.Entities, ge)
	}
	return r.WithID()
}
