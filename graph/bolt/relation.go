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
		for _, id := range idx.candidates(f) {
			if n := idx.relations[id]; f.Matches(n.relation) {
				selected = append(selected, n)
			}
		}
		page.Total = len(selected)
		if f.After != "" {
			i, found := slices.BinarySearchFunc(selected, f.After, func(n *relationNode, id string) int {
				return compare(n.relation.ID, id)
			})
			if found {
				i++
			}
			selected = selected[i:]
		}
		n := min(f.Size(), len(selected))
		page.More = n < len(selected)
		page.Items = make([]graph.Relation, n)
		for i, r := range selected[:n] {
			page.Items[i] = cloneRelation(r.relation)
		}
		return nil
	})
	return page, err
}

// candidates returns, sorted, the IDs of the relations f may select: those at the entity
// f names, or all.
func (idx *index) candidates(f graph.RelationFilter) []string {
	at := f.Entity
	if at == "" {
		at = f.From
	}
	if at == "" {
		at = f.To
	}
	if at == "" {
		return idx.relationIDs
	}
	n, ok := idx.entities[at]
	if !ok {
		return nil
	}
	ids := make([]string, 0, len(n.rels))
	for id := range n.rels {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cloneRelation(r graph.Relation) graph.Relation {
	r.Evidence = slices.Clone(r.Evidence)
	return r
}
