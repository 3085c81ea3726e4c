package network

import "github.com/egovgraph/egovgraph/graph"

// Relations returns what graph.Store.Relations returns for f, from memory: the relations f
// selects ordered by ID, the page after the relation whose ID is f.After, and the number
// selected on all pages. A GraphQL query asking for the relations of many entities reads
// them here instead of once per entity from the store.
func (x *View) Relations(f graph.RelationFilter) (graph.Paged[graph.Relation], error) {
	var page graph.Paged[graph.Relation]
	if err := f.Validate(); err != nil {
		return page, err
	}
	at := f.Entity
	if at == "" {
		at = f.From
	}
	if at == "" {
		at = f.To
	}
	var candidates []int
	if at != "" {
		i, ok := x.pos[at]
		if !ok {
			return page, nil
		}
		candidates = x.incident[i]
	}
	size := f.Size()
	if at != "" {
		page.Items = make([]graph.Relation, 0, min(size, len(candidates)))
	}
	consider := func(r int) {
		rel := x.relations[r]
		if !f.Matches(rel) {
			return
		}
		page.Total++
		if rel.ID <= f.After && f.After != "" {
			return
		}
		if len(page.Items) < size {
			page.Items = append(page.Items, rel)
		} else {
			page.More = true
		}
	}
	if at != "" {
		for _, r := range candidates {
			consider(r)
		}
	} else {
		for r := range x.relations {
			consider(r)
		}
	}
	return page, nil
}
