package bolt

import (
	"context"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// Relations returns the relations the filter selects, ordered by ID, with all their
// evidence; After is a key, the relations with greater IDs follow.
func (s *Store) Relations(ctx context.Context, f graph.RelationFilter) (graph.Paged[graph.Relation], error) {
	var page graph.Paged[graph.Relation]
	if err := f.Validate(); err != nil {
		return page, err
	}
	err := s.read(ctx, func(idx *index) error {
		var selected []*relationNode
		for _, n := range idx.candidates(f) {
			if f.Matches(n.relation) {
				selected = append(selected, n)
			}
		}
		page.Total = len(selected)
		selected = after(selected, f.After)
		n := min(f.Size(), len(selected))
		page.More = n < len(selected)
		page.Items = cloneRelations(selected[:n])
		return nil
	})
	return page, err
}

// candidates returns, sorted by ID, the relations f may select: those at the entity f
// names, or all.
func (idx *index) candidates(f graph.RelationFilter) []*relationNode {
	at := f.Entity
	if at == "" {
		at = f.From
	}
	if at == "" {
		at = f.To
	}
	if at == "" {
		return idx.relationList
	}
	n, ok := idx.entities[at]
	if !ok {
		return nil
	}
	rels := slices.Clone(n.rels)
	slices.SortFunc(rels, func(a, b *relationNode) int { return a.ord - b.ord })
	return rels
}

// cloneRelations copies the relations of nodes, their evidence in one allocation.
func cloneRelations(nodes []*relationNode) []graph.Relation {
	total := 0
	for _, n := range nodes {
		total += len(n.relation.Evidence)
	}
	ev := make([]graph.Evidence, 0, total)
	rels := make([]graph.Relation, len(nodes))
	for i, n := range nodes {
		r := n.relation
		start := len(ev)
		ev = append(ev, r.Evidence...)
		r.Evidence = ev[start:len(ev):len(ev)]
		rels[i] = r
	}
	return rels
}
