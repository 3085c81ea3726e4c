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
}

// entityNode is one entity: how each release names it, the aggregate, and its relations.
type entityNode struct {
	id       string
	ord      int
	mentions map[string]graph.Entity // by release ID
	entity   graph.Entity
	rels     []*relationNode // relations with the entity at either end
}

// relationNode is one relation: the facts each release states for it, and the aggregate.
type relationNode struct {
	id       string
	ord      int
	facts    map[string][]graph.Fact // by release ID
	relation graph.Relation
}

// buildIndex indexes rels.
func buildIndex(rels []*graph.Release) *index {
	idx := &index{
		releases:  make(map[string]*graph.Release, len(rels)),
		entities:  map[string]*entityNode{},
		relations: map[string]*relationNode{},
	}
	for _, r := range rels {
		idx.releases[r.ID] = r
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

// apply replaces old (nil for a new release) by r and rebuilds what they touch.
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
	idx.releases[r.ID] = r
	idx.order = slices.Insert(idx.order, idx.position(r), r)
	idx.link(r)
	idx.refresh(entities, relations)
}

// position returns where r is, or belongs, in order.
func (idx *index) position(r *graph.Release) int {
	return sort.Search(len(idx.order), func(i int) bool { return !newer(idx.order[i], r) })
}

// link records r's mentions and facts, and a new relation at both its ends; refresh then
// rebuilds the aggregates and lists the new nodes.
func (idx *index) link(r *graph.Release) {
	for _, e := range r.Entities {
		n := idx.entities[e.ID]
		if n == nil {
			n = &entityNode{id: e.ID, ord: -1, mentions: map[string]graph.Entity{}}
			idx.entities[e.ID] = n
		}
		if m, ok := n.mentions[r.ID]; ok {
			// Listed twice by one release: keep every name and identifier it gives.
			e.Aliases = slices.Concat(m.Aliases, []string{m.Name}, e.Aliases)
			e.ISO3166, e.Wikidata, e.Themenfeld = cmp.Or(e.ISO3166, m.ISO3166), cmp.Or(e.Wikidata, m.Wikidata), cmp.Or(e.Themenfeld, m.Themenfeld)
		}
		n.mentions[r.ID] = e
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
		n.facts[r.ID] = append(n.facts[r.ID], f.Normalize())
	}
}

// unlink forgets r's mentions and facts; refresh then drops what nothing states any more.
func (idx *index) unlink(r *graph.Release) {
	delete(idx.releases, r.ID)
	for _, e := range r.Entities {
		if n := idx.entities[e.ID]; n != nil {
			delete(n.mentions, r.ID)
		}
	}
	for _, f := range r.Facts {
		if n := idx.relations[f.RelationID()]; n != nil {
			delete(n.facts, r.ID)
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

// aggregateEntity names an entity as its newest release does and gathers every other name
// and alias as aliases; each identifier is the one the newest release giving one gives.
func (idx *index) aggregateEntity(n *entityNode) graph.Entity {
	var name, iso, wikidata, themenfeld newest
	for rid, m := range n.mentions {
		r := idx.releases[rid]
		name.offer(r, m.Name)
		iso.offer(r, m.ISO3166)
		wikidata.offer(r, m.Wikidata)
		themenfeld.offer(r, m.Themenfeld)
	}
	seen := map[string]bool{name.value: true}
	var aliases []string
	for _, m := range n.mentions {
		for _, a := range append([]string{m.Name}, m.Aliases...) {
			if !seen[a] {
				seen[a] = true
				aliases = append(aliases, a)
			}
		}
	}
	sort.Strings(aliases)
	return graph.Entity{
		ID: n.id, Type: n.mentions[name.from.ID].Type, Name: name.value, Aliases: aliases,
		ISO3166: iso.value, Wikidata: wikidata.value, Themenfeld: themenfeld.value,
	}
}

// newest keeps the non-empty value that the newest release offering one gives.
type newest struct {
	from  *graph.Release
	value string
}

func (n *newest) offer(r *graph.Release, value string) {
	if value != "" && (n.from == nil || newer(r, n.from)) {
		n.from, n.value = r, value
	}
}

// aggregateRelation gathers the evidence of every release stating the relation; its role
// is spelled as the newest of them spells it.
func (idx *index) aggregateRelation(id string, n *relationNode) graph.Relation {
	var newest *graph.Release
	var ev []graph.Evidence
	for rid, facts := range n.facts {
		r := idx.releases[rid]
		if newest == nil || newer(r, newest) {
			newest = r
		}
		for _, f := range facts {
			ev = append(ev, graph.Evidence{
				ReleaseID: r.ID, Source: r.Source, Title: r.Title, Date: r.Date,
				Sentence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule,
			})
		}
	}
	graph.SortEvidence(ev)
	f := n.facts[newest.ID][0]
	return graph.Relation{ID: id, Type: f.Type, From: f.From, To: f.To, Role: f.Role, Evidence: ev}
}
