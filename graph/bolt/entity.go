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

// Entities returns entities of the filter's type (all when empty) ordered by ID; After is
// a key, the entities with greater IDs follow.
func (s *Store) Entities(ctx context.Context, f graph.EntityFilter) (graph.Paged[graph.Entity], error) {
	var page graph.Paged[graph.Entity]
	if f.Type != "" && !f.Type.Valid() {
		return page, graph.Errorf(graph.EINVALID, "unknown entity type %q", f.Type)
	}
	if err := f.Page.Validate(); err != nil {
		return page, err
	}
	err := s.read(ctx, func(idx *index) error {
		ids := idx.entityIDs
		if f.Type != "" {
			// The IDs of one type share its prefix, so they are one run of the sorted list.
			prefix := graph.EntityID(f.Type, "")
			lo, _ := slices.BinarySearch(ids, prefix)
			hi := lo
			for hi < len(ids) && strings.HasPrefix(ids[hi], prefix) {
				hi++
			}
			ids = ids[lo:hi]
		}
		page.Total = len(ids)
		ids = after(ids, f.After)
		n := min(f.Size(), len(ids))
		page.More = n < len(ids)
		page.Items = make([]graph.Entity, n)
		for i, id := range ids[:n] {
			page.Items[i] = cloneEntity(idx.entities[id].entity)
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
	err := s.read(ctx, func(idx *index) error {
		var hits []hit
		for _, id := range idx.entityIDs {
			e := &idx.entities[id].entity
			if rank := graph.SearchRank(*e, text); rank >= 0 {
				hits = append(hits, hit{rank, e})
			}
		}
		// Stable on the ID order of entityIDs.
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
		for _, h := range hits[:min(limit, len(hits))] {
			found = append(found, cloneEntity(*h.e))
		}
		return nil
	})
	return found, err
}

// after returns the part of the sorted ids that follows the key after.
func after(ids []string, after string) []string {
	if after == "" {
		return ids
	}
	i, found := slices.BinarySearch(ids, after)
	if found {
		i++
	}
	return ids[i:]
}

func cloneEntity(e graph.Entity) graph.Entity {
	e.Aliases = slices.Clone(e.Aliases)
	return e
}
