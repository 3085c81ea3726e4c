package neo4j

import (
	"context"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// layout numbers the way the store keeps the graph; the (:Meta) node records the layout of
// its database, none meaning 1. Layout 2 added the entity and age properties of the STATES
// links and the names and nameCounts of the entities.
const layout = 2

// migrate brings a database of an earlier layout up to the current one in one transaction.
// What the store answers stays the same, and so does the version.
func (s *Store) migrate(ctx context.Context) error {
	return s.write(ctx, "migrate", func(tx driver.ManagedTransaction) error {
		recs, err := collect(ctx, tx, `
			MATCH (m:Meta {key: 'graph'}) WHERE coalesce(m.layout, 1) < $layout
			SET m.layout = $layout
			RETURN m.layout`, map[string]any{"layout": layout})
		if err != nil || len(recs) == 0 {
			return err
		}
		return addAges(ctx, tx)
	})
}

// addAges gives every STATES link its entity and age properties and every entity the
// names and nameCounts the links give, as PutRelease keeps them (layout 2).
func addAges(ctx context.Context, tx driver.ManagedTransaction) error {
	recs, err := collect(ctx, tx, "MATCH (r:Release) RETURN r.id, r.date", nil)
	if err != nil {
		return err
	}
	releases := make([]map[string]any, len(recs))
	for i, rec := range recs {
		releases[i] = map[string]any{"id": rec.Values[0], "age": age(str(rec.Values[1]), str(rec.Values[0]))}
	}
	for chunk := range slices.Chunk(releases, batchSize) {
		if _, err := collect(ctx, tx, `
			UNWIND $releases AS row
			MATCH (:Release {id: row.id})-[s:STATES]->(e:Entity)
			SET s.entity = e.id, s.age = row.age,
				s.iso3166Age = CASE WHEN s.iso3166 IS NULL THEN null ELSE row.age END,
				s.wikidataAge = CASE WHEN s.wikidata IS NULL THEN null ELSE row.age END,
				s.themenfeldAge = CASE WHEN s.themenfeld IS NULL THEN null ELSE row.age END`,
			map[string]any{"releases": chunk}); err != nil {
			return err
		}
	}

	recs, err = collect(ctx, tx, "MATCH (:Release)-[s:STATES]->(e:Entity) RETURN e.id, s.name, s.aliases", nil)
	if err != nil {
		return err
	}
	names := map[string]map[string]int{}
	for _, rec := range recs {
		tallyMention(names, graph.Entity{ID: str(rec.Values[0]), Name: str(rec.Values[1]), Aliases: strs(rec.Values[2])}, 1)
	}
	entities := make([]map[string]any, 0, len(names))
	for id, delta := range names {
		all, counts := tally(nil, nil, delta)
		entities = append(entities, map[string]any{"id": id, "names": all, "counts": counts})
	}
	for chunk := range slices.Chunk(entities, batchSize) {
		if _, err := collect(ctx, tx, `
			UNWIND $entities AS u
			MATCH (e:Entity {id: u.id})
			SET e.names = u.names, e.nameCounts = u.counts`,
			map[string]any{"entities": chunk}); err != nil {
			return err
		}
	}
	return nil
}
