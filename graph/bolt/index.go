package bolt

import (
	"slices"
	"sort"

	"github.com/egovgraph/egovgraph/graph"
)

// index is what the store answers reads from: the releases, and the entities and relations
// aggregated from them, with adjacency. Aggregates are rebuilt, never changed in place.
type index struct {
	releases    map[string]*graph.Release
	order       []*graph.Release // in the order of Releases
	entities    map[string]*entityNode
	entityIDs   []string // sorted
	relations   map[string]*relationNode
	relationIDs []string // sorted
}

// entityNode is one entity: how each release names it, the aggregate, and its relations.
type entityNode struct {
	mentions map[string]graph.Entity // by release ID
	entity   graph.Entity
	rels     map[string]*relationNode // relations with the entity at either end, by ID
}

// relationNode is one relation: the facts each release states for it, and the aggregate.
type relationNode struct {
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
	for id := range idx.entities {
		idx.entityIDs = append(idx.entityIDs, id)
	}
	for id := range idx.relations {
		idx.relationIDs = append(idx.relationIDs, id)
	}
	sort.Strings(idx.entityIDs)
	sort.Strings(idx.relationIDs)
	idx.refresh(idx.entityIDs, idx.relationIDs)
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

// link records r's mentions and facts; refresh then rebuilds the aggregates and lists them.
func (idx *index) link(r *graph.Release) {
	for _, e := range r.Entities {
		n := idx.entities[e.ID]
		if n == nil {
			n = &entityNode{mentions: map[string]graph.Entity{}, rels: map[string]*relationNode{}}
			idx.entities[e.ID] = n
		}
		if m, ok := n.mentions[r.ID]; ok {
			// Listed twice by one release: keep every name it gives.
			e.Aliases = slices.Concat(m.Aliases, []string{m.Name}, e.Aliases)
		}
		n.mentions[r.ID] = e
	}
	for _, f := range r.Facts {
		id := f.RelationID()
		n := idx.relations[id]
		if n == nil {
			n = &relationNode{facts: map[string][]graph.Fact{}}
			idx.relations[id] = n
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
// release states any more. Since a fact's ends are among its release's entities, an entity
// no release names has no relation left.
func (idx *index) refresh(entities, relations []string) {
	for _, id := range relations {
		n := idx.relations[id]
		if n == nil {
			continue
		}
		if len(n.facts) == 0 {
			delete(idx.relations, id)
			idx.relationIDs = deleteSorted(idx.relationIDs, id)
			for _, end := range []string{n.relation.From, n.relation.To} {
				if e := idx.entities[end]; e != nil {
					delete(e.rels, id)
				}
			}
			continue
		}
		n.relation = idx.aggregateRelation(id, n)
		idx.relationIDs = insertSorted(idx.relationIDs, id)
		for _, end := range []string{n.relation.From, n.relation.To} {
			idx.entities[end].rels[id] = n
		}
	}
	for _, id := range entities {
		n := idx.entities[id]
		if n == nil {
			continue
		}
		if len(n.mentions) == 0 {
			delete(idx.entities, id)
			idx.entityIDs = deleteSorted(idx.entityIDs, id)
			continue
		}
		n.entity = idx.aggregateEntity(n)
		idx.entityIDs = insertSorted(idx.entityIDs, id)
	}
}

// aggregateEntity names an entity as its newest release does and gathers every other name
// and alias as aliases.
func (idx *index) aggregateEntity(n *entityNode) graph.Entity {
	var newest *graph.Release
	for rid := range n.mentions {
		if r := idx.releases[rid]; newest == nil || newer(r, newest) {
			newest = r
		}
	}
	e := n.mentions[newest.ID]
	seen := map[string]bool{e.Name: true}
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
	return graph.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: aliases}
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
				Sentence: f.Sentence, Confidence: f.Confidence, Rule: f.Rule,
			})
		}
	}
	graph.SortEvidence(ev)
	f := n.facts[newest.ID][0]
	return graph.Relation{ID: id, Type: f.Type, From: f.From, To: f.To, Role: f.Role, Evidence: ev}
}

func insertSorted(ids []string, id string) []string {
	i, found := slices.BinarySearch(ids, id)
	if found {
		return ids
	}
	return slices.Insert(ids, i, id)
}

func deleteSorted(ids []string, id string) []string {
	i, found := slices.BinarySearch(ids, id)
	if !found {
		return ids
	}
	return slices.Delete(ids, i, i+1)
}
