package neo4j

import (
	"context"
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Neighborhood returns the entities within depth (1 to graph.MaxDepth) relations of id,
// following only the given relation types (all when empty) in either direction, and the
// relations that a walk of depth steps follows: those with an end closer than depth.
func (s *Store) Neighborhood(ctx context.Context, id string, depth int, types []graph.RelationType) (graph.Subgraph, error) {
	var g graph.Subgraph
	if depth < 1 || depth > graph.MaxDepth {
		return g, graph.Errorf(graph.EINVALID, "depth %d: want 1 to %d", depth, graph.MaxDepth)
	}
	if err := validTypes(types); err != nil {
		return g, err
	}
	err := s.read(ctx, "neighborhood of "+id, func(tx driver.ManagedTransaction) error {
		recs, err := collect(ctx, tx, "MATCH (e:Entity {id: $id}) RETURN e.id", map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		// Breadth first, one query per step: a variable-length pattern would enumerate
		// every path, where a step needs each relationship once.
		seen := map[string]bool{id: true}
		edges := map[string]relKey{}
		frontier := []string{id}
		for step := 0; step < depth && len(frontier) > 0; step++ {
			recs, err := collect(ctx, tx, `
				MATCH (n:Entity)-[x:`+typePattern(types)+`]-(m:Entity)
				WHERE n.id IN $frontier
				RETURN DISTINCT x.relationId, startNode(x).id, endNode(x).id, m.id`,
				map[string]any{"frontier": frontier})
			if err != nil {
				return err
			}
			var next []string
			for _, rec := range recs {
				k := relKey{ID: str(rec.Values[0]), From: str(rec.Values[1]), To: str(rec.Values[2])}
				edges[k.ID] = k
				if m := str(rec.Values[3]); !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
			frontier = next
		}

		ids := make([]string, 0, len(seen))
		for n := range seen {
			ids = append(ids, n)
		}
		slices.Sort(ids)
		recs, err = collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (e:Entity {id: id})
			RETURN `+entityMap+` ORDER BY e.id`,
			map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			g.Nodes = append(g.Nodes, toEntity(rec.Values[0]))
		}

		keys := make([]relKey, 0, len(edges))
		for _, k := range edges {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b relKey) int { return strings.Compare(a.ID, b.ID) })
		g.Edges, err = loadRelations(ctx, tx, keys)
		return err
	})
	return g, err
}
