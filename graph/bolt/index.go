package bolt

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// index is what the store answers reads from: the releases, and the entities and relations
// aggregated from them, with adjacency. Aggregates are rebuilt, never changed in place.
type index struct {
	releases  map[string]*graph.Release
	order     []*graph.Release // in the order of Releases
	entities  map[string]*entityNode
	relations map[string]*relationNode
	// entityList and relationList hold the nodes sorted by ID; each node's ord is its
	// position, so that a walk can mark nodes in a slice and list them in ID order.
	entityList   []*entityNode
	relationList []*relationNode
	// hashes maps the hash of each stored release to its ID.
	hashes map[string]string
}

// entityNode is one entity: how each release names it, the aggregate, and its relations.
// Besides the mentions it keeps what the aggregate is made of, so that a write touching the
// entity costs the same however many releases name it: how many mentions give each name or
// alias, and the releases naming it and those giving each identifier, newest on top.
type entityNode struct {
	id       string
	ord      int
	mentions map[string]graph.Entity // by release ID
	names    map[string]int          // mentions giving each name or alias, counted per occurrence
	// named holds every release naming the entity; iso, wikidata and themenfeld those whose
	// mention gives the identifier.
	named, iso, wikidata, themenfeld releaseHeap
	entity                           graph.Entity
	folded                           []string        // the name and aliases of entity, folded for search
	rels                             []*relationNode // relations with the entity at either end
}

// relationNode is one relation: the facts each release states for it, and the aggregate.
// The evidence is kept sorted as facts come and go, and the releases stating the relation
// in a heap, so that a write costs no sort of all the relation's evidence.
type relationNode struct {
	id       string
	ord      int
	facts    map[string][]graph.Fact // by release ID
	evidence []graph.Evidence        // in the order of compareEvidence
	stated   releaseHeap
	relation graph.Relation
}

// buildIndex indexes rels.
func buildIndex(rels []*graph.Release) *index {
	idx := &index{
		releases:  make(map[string]*graph.Release, len(rels)),
		entities:  map[string]*entityNode{},
		relations: map[string]*relationNode{},
		hashes:    map[string]string{},
	}
	for _, r := range rels {
		idx.releases[r.ID] = r
		idx.hash(r)
		idx.order = append(idx.order, r)
		idx.link(r)
	}
	sort.Slice(idx.order, func(i, j int) bool { return newer(idx.order[i], idx.order[j]) })
	var entities, relations []string
	for id, n := range idx.entities {
		entities = append(entities, id)
		idx.entityList = append(idx.entityList, n)
	}
	for id, n := range idx.relations {
		relations = append(relations, id)
		idx.relationList = append(idx.relationList, n)
	}
	slices.SortFunc(idx.entityList, func(a, b *entityNode) int { return strings.Compare(a.id, b.id) })
	slices.SortFunc(idx.relationList, func(a, b *relationNode) int { return strings.Compare(a.id, b.id) })
	renumberEntities(idx.entityList, 0)
	renumberRelations(idx.relationList, 0)
	idx.refresh(entities, relations)
	return idx
}

// hash records r's hash, unless another release has it already.
func (idx *index) hash(r *graph.Release) {
	if _, ok := idx.hashes[r.Hash]; !ok && r.Hash != "" {
		idx.hashes[r.Hash] = r.ID
	}
}

// apply replaces old (nil for a new release) by r (nil to remove old) and rebuilds what they
// touch.
func (idx *index) apply(old, r *graph.Release) {
	var entities, relations []string
	for _, rel := range []*graph.Release{old, r} {
		if rel == nil {
			continue
		}
		for _, e := range rel.Entities {
			entities = append(entities, e.ID)
		}
		for _, f := range rel.Facts {
			relations = append(relations, f.RelationID())
		}
	}
	if old != nil {
		idx.unlink(old)
		i := idx.position(old)
		idx.order = slices.Delete(idx.order, i, i+1)
	}
	if r != nil {
		idx.releases[r.ID] = r
		idx.hash(r)
		idx.order = slices.Insert(idx.order, idx.position(r), r)
		idx.link(r)
	}
	idx.refresh(entities, relations)
}

// position returns where r is, or belongs, in order.
func (idx *index) position(r *graph.Release) int {
	return sort.Search(len(idx.order), func(i int) bool { return !newer(idx.order[i], r) })
}

// link records r's mentions and facts, and a new relation at both its ends; refresh then
// rebuilds the aggregates and lists the new nodes.
func (idx *index) link(r *graph.Release) {
	var named []*entityNode
	for _, e := range r.Entities {
		n := idx.entities[e.ID]
		if n == nil {
			n = &entityNode{id: e.ID, ord: -1, mentions: map[string]graph.Entity{}, names: map[string]int{}}
			idx.entities[e.ID] = n
		}
		if m, ok := n.mentions[r.ID]; ok {
			// Listed twice by one release: keep every name and identifier it gives.
			e.Aliases = slices.Concat(m.Aliases, []string{m.Name}, e.Aliases)
			e.ISO3166, e.Wikidata, e.Themenfeld = cmp.Or(e.ISO3166, m.ISO3166), cmp.Or(e.Wikidata, m.Wikidata), cmp.Or(e.Themenfeld, m.Themenfeld)
		} else {
			named = append(named, n)
		}
		n.mentions[r.ID] = e
	}
	for _, n := range named {
		m := n.mentions[r.ID]
		n.count(m, 1)
		n.named.push(r, idx.live)
		for _, h := range []struct {
			heap  *releaseHeap
			value string
		}{{&n.iso, m.ISO3166}, {&n.wikidata, m.Wikidata}, {&n.themenfeld, m.Themenfeld}} {
			if h.value != "" {
				h.heap.push(r, idx.live)
			}
		}
	}
	for _, f := range r.Facts {
		id := f.RelationID()
		n := idx.relations[id]
		if n == nil {
			n = &relationNode{id: id, ord: -1, facts: map[string][]graph.Fact{}}
			idx.relations[id] = n
			f := f.Normalize()
			idx.entities[f.From].rels = append(idx.entities[f.From].rels, n)
			if f.To != f.From {
				idx.entities[f.To].rels = append(idx.entities[f.To].rels, n)
			}
		}
		if len(n.facts[r.ID]) == 0 {
			n.stated.push(r, idx.live)
		}
		n.facts[r.ID] = append(n.facts[r.ID], f.Normalize())
		ev := graph.Evidence{
			ReleaseID: r.ID, Source: r.Source, Title: r.Title, Date: r.Date,
			Sentence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule,
		}
		i, _ := slices.BinarySearchFunc(n.evidence, ev, compareEvidence)
		n.evidence = slices.Insert(n.evidence, i, ev)
	}
}

// unlink forgets r's mentions and facts; refresh then drops what nothing states any more.
func (idx *index) unlink(r *graph.Release) {
	delete(idx.releases, r.ID)
	if idx.hashes[r.Hash] == r.ID {
		delete(idx.hashes, r.Hash)
	}
	for _, e := range r.Entities {
		// The heaps drop r's entries once they come to the top.
		if n := idx.entities[e.ID]; n != nil {
			if m, ok := n.mentions[r.ID]; ok {
				n.count(m, -1)
				delete(n.mentions, r.ID)
			}
		}
	}
	for _, f := range r.Facts {
		if n := idx.relations[f.RelationID()]; n != nil {
			if _, ok := n.facts[r.ID]; ok {
				delete(n.facts, r.ID)
				n.evidence = slices.DeleteFunc(n.evidence, func(ev graph.Evidence) bool { return ev.ReleaseID == r.ID })
			}
		}
	}
}

// refresh rebuilds the aggregates of the given entities and relations, dropping those no
// release states any more, and renumbers the lists. Since a fact's ends are among its
// release's entities, an entity no release names has no relation left.
func (idx *index) refresh(entities, relations []string) {
	for _, id := range relations {
		n := idx.relations[id]
		if n == nil {
			continue
		}
		listed := n.ord >= 0
		if len(n.facts) == 0 {
			delete(idx.relations, id)
			if listed {
				idx.relationList = slices.Delete(idx.relationList, n.ord, n.ord+1)
				renumberRelations(idx.relationList[n.ord:], n.ord)
			}
			for _, end := range []string{n.relation.From, n.relation.To} {
				if e := idx.entities[end]; e != nil {
					e.rels = slices.DeleteFunc(e.rels, func(r *relationNode) bool { return r == n })
				}
			}
			continue
		}
		n.relation = idx.aggregateRelation(id, n)
		if !listed {
			i, _ := slices.BinarySearchFunc(idx.relationList, id, func(r *relationNode, id string) int { return strings.Compare(r.id, id) })
			idx.relationList = slices.Insert(idx.relationList, i, n)
			renumberRelations(idx.relationList[i:], i)
		}
	}
	for _, id := range entities {
		n := idx.entities[id]
		if n == nil {
			continue
		}
		listed := n.ord >= 0
		if len(n.mentions) == 0 {
			delete(idx.entities, id)
			if listed {
				idx.entityList = slices.Delete(idx.entityList, n.ord, n.ord+1)
				renumberEntities(idx.entityList[n.ord:], n.ord)
			}
			continue
		}
		n.entity = idx.aggregateEntity(n)
		n.folded = graph.FoldedNames(n.entity)
		if !listed {
			i, _ := slices.BinarySearchFunc(idx.entityList, id, func(e *entityNode, id string) int { return strings.Compare(e.id, id) })
			idx.entityList = slices.Insert(idx.entityList, i, n)
			renumberEntities(idx.entityList[i:], i)
		}
	}
}

// renumberEntities sets the ord of the nodes in list, which start at position from.
func renumberEntities(list []*entityNode, from int) {
	for i, n := range list {
		n.ord = from + i
	}
}

// renumberRelations sets the ord of the nodes in list, which start at position from.
func renumberRelations(list []*relationNode, from int) {
	for i, n := range list {
		n.ord = from + i
	}
}

// live reports whether r is a stored release, not one replaced since.
func (idx *index) live(r *graph.Release) bool {
	return idx.releases[r.ID] == r
}

// count adds by to the count of each name and alias m gives, forgetting those at zero.
func (n *entityNode) count(m graph.Entity, by int) {
	for _, a := range append([]string{m.Name}, m.Aliases...) {
		if n.names[a] += by; n.names[a] == 0 {
			delete(n.names, a)
		}
	}
}

// aggregateEntity names an entity as its newest release does and gathers every other name
// and alias as aliases; each identifier is the one the newest release giving one gives.
func (idx *index) aggregateEntity(n *entityNode) graph.Entity {
	from := n.named.top(idx.live)
	m := n.mentions[from.ID]
	var aliases []string
	for a := range n.names {
		if a != m.Name {
			aliases = append(aliases, a)
		}
	}
	sort.Strings(aliases)
	identifier := func(h *releaseHeap, value func(graph.Entity) string) string {
		if r := h.top(idx.live); r != nil {
			return value(n.mentions[r.ID])
		}
		return ""
	}
	return graph.Entity{
		ID: n.id, Type: m.Type, Name: m.Name, Aliases: aliases,
		ISO3166:    identifier(&n.iso, func(e graph.Entity) string { return e.ISO3166 }),
		Wikidata:   identifier(&n.wikidata, func(e graph.Entity) string { return e.Wikidata }),
		Themenfeld: identifier(&n.themenfeld, func(e graph.Entity) string { return e.Themenfeld }),
	}
}

// releaseHeap is a heap of releases with the newest, in the order of Releases, on top. A
// release leaves it lazily: entries of releases no longer live are dropped when they come to
// the top, or all at once when they could make up half of the heap.
type releaseHeap struct {
	rels []*graph.Release
	// compactAt is the length at which push drops the entries no longer live.
	compactAt int
}

// push adds r.
func (h *releaseHeap) push(r *graph.Release, live func(*graph.Release) bool) {
	if len(h.rels) >= h.compactAt {
		h.rels = slices.DeleteFunc(h.rels, func(r *graph.Release) bool { return !live(r) })
		for i := len(h.rels)/2 - 1; i >= 0; i-- {
			h.down(i)
		}
		h.compactAt = 2*len(h.rels) + 16
	}
	h.rels = append(h.rels, r)
	for i := len(h.rels) - 1; i > 0; {
		parent := (i - 1) / 2
		if !newer(h.rels[i], h.rels[parent]) {
			break
		}
		h.rels[i], h.rels[parent] = h.rels[parent], h.rels[i]
		i = parent
	}
}

// top drops the entries on top that are no longer live and returns the newest live release,
// or nil when there is none.
func (h *releaseHeap) top(live func(*graph.Release) bool) *graph.Release {
	for len(h.rels) > 0 && !live(h.rels[0]) {
		last := len(h.rels) - 1
		h.rels[0] = h.rels[last]
		h.rels[last] = nil
		h.rels = h.rels[:last]
		h.down(0)
	}
	if len(h.rels) == 0 {
		return nil
	}
	return h.rels[0]
}

// down moves the entry at i down to its place.
func (h *releaseHeap) down(i int) {
	for {
		newest := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(h.rels) && newer(h.rels[c], h.rels[newest]) {
				newest = c
			}
		}
		if newest == i {
			return
		}
		h.rels[i], h.rels[newest] = h.rels[newest], h.rels[i]
		i = newest
	}
}

// aggregateRelation gathers the evidence of every release stating the relation; its role
// is spelled as the newest of them spells it.
func (idx *index) aggregateRelation(id string, n *relationNode) graph.Relation {
	f := n.facts[n.stated.top(idx.live).ID][0]
	return graph.Relation{ID: id, Type: f.Type, From: f.From, To: f.To, Role: f.Role, Evidence: slices.Clone(n.evidence)}
}

// compareEvidence orders evidence as graph.SortEvidence does, and evidence alike there by
// the rest of its fields, so that the order does not depend on the order of writes.
func compareEvidence(a, b graph.Evidence) int {
	if (a.Date == "") != (b.Date == "") {
		if a.Date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(
		strings.Compare(a.Date, b.Date), strings.Compare(a.ReleaseID, b.ReleaseID),
		strings.Compare(a.Sentence, b.Sentence), strings.Compare(a.Quote, b.Quote),
		cmp.Compare(a.Confidence, b.Confidence), strings.Compare(a.Rule, b.Rule),
	)
}
