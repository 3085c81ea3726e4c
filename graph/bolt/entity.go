package bolt

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// Entity returns the entity with the given ID, aggregated over every release naming it.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	var e graph.Entity
	err := s.read(ctx, func(idx *index) error {
		n, ok := idx.entities[id]
		if !ok {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		e = cloneEntity(n.entity)
		return nil
	})
	return e, err
}

// Entities returns the entities the filter selects, ordered by ID; After is a key, the
// entities with greater IDs follow.
func (s *Store) Entities(ctx context.Context, f graph.EntityFilter) (graph.Paged[graph.Entity], error) {
	var page graph.Paged[graph.Entity]
	if err := f.Validate(); err != nil {
		return page, err
	}
	err := s.read(ctx, func(idx *index) error {
		list := idx.entityList
		switch {
		case len(f.IDs) > 0:
			list = nil
			for _, id := range f.IDs {
				if n, ok := idx.entities[id]; ok && (f.Type == "" || n.entity.Type == f.Type) {
					list = append(list, n)
				}
			}
			slices.SortFunc(list, func(a, b *entityNode) int { return a.ord - b.ord })
			list = slices.Compact(list)
		case f.Type != "":
			// The IDs of one type share its prefix, so they are one run of the sorted list.
			prefix := graph.EntityID(f.Type, "")
			lo, _ := slices.BinarySearchFunc(list, prefix, compareID)
			hi := lo
			for hi < len(list) && strings.HasPrefix(list[hi].id, prefix) {
				hi++
			}
			list = list[lo:hi]
		}
		page.Total = len(list)
		list = after(list, f.After)
		n := min(f.Size(), len(list))
		page.More = n < len(list)
		page.Items = make([]graph.Entity, n)
		for i, e := range list[:n] {
			page.Items[i] = cloneEntity(e.entity)
		}
		return nil
	})
	return page, err
}

// Search returns at most limit (1 to graph.MaxPageSize) entities whose name or an alias
// contains text, both folded, ranked by graph.SearchRank, then by ID.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]graph.Entity, error) {
	if limit < 1 || limit > graph.MaxPageSize {
		return nil, graph.Errorf(graph.EINVALID, "limit %d: want 1 to %d", limit, graph.MaxPageSize)
	}
	type hit struct {
		rank int
		e    *graph.Entity
	}
	var found []graph.Entity
	q := graph.Fold(text)
	err := s.read(ctx, func(idx *index) error {
		var hits []hit
		// The names were folded when the entity was written.
		for i, n := range idx.entityList {
			if i%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if rank := graph.FoldedRank(n.folded, q); rank >= 0 {
				hits = append(hits, hit{rank, &n.entity})
			}
		}
		// Stable on the ID order of entityList.
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
		for _, h := range hits[:min(limit, len(hits))] {
			found = append(found, cloneEntity(*h.e))
		}
		return nil
	})
	return found, err
}

// after returns the part of the list sorted by ID that follows the key after.
func after[N interface{ *entityNode | *relationNode }](list []N, after string) []N {
	if after == "" {
		return list
	}
	i, found := slices.BinarySearchFunc(list, after, compareID)
	if found {
		i++
	}
	return list[i:]
}

// compareID compares the ID of node n with id.
func compareID[N interface{ *entityNode | *relationNode }](n N, id string) int {
	switch n := any(n).(type) {
	case *entityNode:
		return strings.Compare(n.id, id)
	case *relationNode:
		return strings.Compare(n.id, id)
	}
	panic("unreachable")
}

func cloneEntity(e graph.Entity) graph.Entity {
	e.Aliases = slices.Clone(e.Aliases)
	return e
}
