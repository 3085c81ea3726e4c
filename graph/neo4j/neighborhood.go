package neo4j

import (
	"context"
	"fmt"
	"slices"

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
		// The relations followed are those at an entity closer than depth. Asking for
		// distinct entities only lets Neo4j expand breadth first, pruning paths to entities
		// already seen, instead of enumerating every path.
		var err error
		g.Edges, err = readRelations(ctx, tx, fmt.Sprintf(`
			MATCH (:Entity {id: $id})-[:%[1]s*0..%[2]d]-(n:Entity)
			WITH DISTINCT n
			MATCH (n)-[x:%[1]s]-(:Entity)
			WITH DISTINCT x`, typePattern(types), depth-1),
			map[string]any{"id": id})
		if err != nil {
			return err
		}
		// The entities reached are id and the ends of those relations.
		ids := []string{id}
		for _, r := range g.Edges {
			ids = append(ids, r.From, r.To)
		}
		slices.Sort(ids)
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (e:Entity {id: id})
			RETURN `+entityMap+` ORDER BY e.id`,
			map[string]any{"ids": slices.Compact(ids)})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			g.Nodes = append(g.Nodes, toEntity(rec.Values[0]))
		}
		if !slices.ContainsFunc(g.Nodes, func(e graph.Entity) bool { return e.ID == id }) {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		return nil
	})
	return g, err
}
