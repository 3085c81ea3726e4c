package neo4j

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// entityMap is the Cypher map projection of an :Entity node e that toEntity reads.
const entityMap = "e {.id, .type, .name, .aliases, .iso3166, .wikidata, .themenfeld}"

func toEntity(v any) graph.Entity {
	m, _ := v.(map[string]any)
	return graph.Entity{
		ID:         str(m["id"]),
		Type:       graph.EntityType(str(m["type"])),
		Name:       str(m["name"]),
		Aliases:    strs(m["aliases"]),
		ISO3166:    str(m["iso3166"]),
		Wikidata:   str(m["wikidata"]),
		Themenfeld: str(m["themenfeld"]),
	}
}

// Entity returns the entity with the given ID, its aliases gathered from every release.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	var e graph.Entity
	err := s.read(ctx, "entity "+id, func(tx driver.ManagedTransaction) error {
		recs, err := collect(ctx, tx, "MATCH (e:Entity {id: $id}) RETURN "+entityMap, map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
		e = toEntity(recs[0].Values[0])
		return nil
	})
	return e, err
}

// Entities returns the entities the filter selects, ordered by ID.
func (s *Store) Entities(ctx context.Context, f graph.EntityFilter) (graph.Paged[graph.Entity], error) {
	var page graph.Paged[graph.Entity]
	if err := f.Validate(); err != nil {
		return page, err
	}
	label, cond := "Entity", "true"
	params := map[string]any{"after": f.After, "limit": f.Size() + 1}
	switch {
	case len(f.IDs) > 0:
		// Matched as :Entity, so that the unique index on the ID finds each.
		ids := slices.Clone(f.IDs)
		slices.Sort(ids)
		params["ids"], params["type"] = slices.Compact(ids), string(f.Type)
		cond = "e.id IN $ids AND ($type = '' OR e.type = $type)"
	case f.Type != "":
		label = string(f.Type) // a valid type is one of the labels
	}
	match := "MATCH (e:" + label + ") WHERE " + cond
	err := s.read(ctx, "entities", func(tx driver.ManagedTransaction) error {
		rec, err := single(ctx, tx, match+" RETURN count(e)", params)
		if err != nil {
			return err
		}
		page.Total = integer(rec.Values[0])
		recs, err := collect(ctx, tx, match+" AND e.id > $after RETURN "+entityMap+" ORDER BY e.id LIMIT $limit", params)
		if err != nil {
			return err
		}
		for _, r := range recs {
			page.Items = append(page.Items, toEntity(r.Values[0]))
		}
		return nil
	})
	if size := f.Size(); len(page.Items) > size {
		page.Items, page.More = page.Items[:size], true
	}
	return page, err
}

// Search returns at most limit entities whose name or an alias contains text, both folded
// by graph.Fold, ranked by graph.SearchRank and then by ID.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]graph.Entity, error) {
	q := graph.Fold(text)
	var hits []graph.Entity
	err := s.read(ctx, "search", func(tx driver.ManagedTransaction) error {
		if q == "" || limit <= 0 {
			return nil
		}
		recs, err := collect(ctx, tx, "MATCH (e:Entity) WHERE e.namesFolded CONTAINS $q RETURN "+entityMap,
			map[string]any{"q": q})
		if err != nil {
			return err
		}
		for _, r := range recs {
			hits = append(hits, toEntity(r.Values[0]))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	type ranked struct {
		e    graph.Entity
		rank int
	}
	var rs []ranked
	for _, e := range hits {
		if rank := graph.SearchRank(e, q); rank >= 0 {
			rs = append(rs, ranked{e, rank})
		}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(a.e.ID, b.e.ID)
	})
	out := make([]graph.Entity, 0, min(limit, len(rs)))
	for _, r := range rs[:min(limit, len(rs))] {
		out = append(out, r.e)
	}
	return out, nil
}

// aggregate derives an entity's name, aliases and identifiers from the mentions of the
// releases naming it (each as that release gives it), newest release first: the newest
// release gives the name, the aliases are every other name and alias, sorted and without
// duplicates, and each identifier is the first one given.
func aggregate(mentions []graph.Entity) graph.Entity {
	e := graph.Entity{Name: mentions[0].Name}
	seen := map[string]bool{e.Name: true}
	for _, m := range mentions {
		for _, a := range append([]string{m.Name}, m.Aliases...) {
			if !seen[a] {
				seen[a] = true
				e.Aliases = append(e.Aliases, a)
			}
		}
		e.ISO3166, e.Wikidata, e.Themenfeld = cmp.Or(e.ISO3166, m.ISO3166), cmp.Or(e.Wikidata, m.Wikidata), cmp.Or(e.Themenfeld, m.Themenfeld)
	}
	slices.Sort(e.Aliases)
	return e
}

// namesFolded joins the folded name and aliases one per line: a folded query, which has no
// line break, is contained in it exactly when it is contained in one of them.
func namesFolded(name string, aliases []string) string {
	lines := []string{graph.Fold(name)}
	for _, a := range aliases {
		lines = append(lines, graph.Fold(a))
	}
	return strings.Join(lines, "\n")
}

// refreshEntities recomputes name, aliases, identifiers and folded names of the entities
// with the given IDs from their STATES links, and deletes those that no release names any
// more.
func refreshEntities(ctx context.Context, tx driver.ManagedTransaction, ids []string) error {
	for chunk := range slices.Chunk(ids, batchSize) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (e:Entity {id: id})
			// The write locks e before its mentions are read, so that writers of releases
			// naming the same entity wait for each other and each sees the other's mentions.
			SET e.namesFolded = null
			WITH e
			OPTIONAL MATCH (r:Release)-[s:STATES]->(e)
			WITH e, r, s ORDER BY coalesce(r.date, '') DESC, r.id
			RETURN e.id AS id, collect(CASE WHEN s IS NULL THEN null
				ELSE s {.name, .aliases, .iso3166, .wikidata, .themenfeld} END) AS mentions`,
			map[string]any{"ids": chunk})
		if err != nil {
			return err
		}
		var gone []string
		var update []map[string]any
		for _, rec := range recs {
			var ms []graph.Entity
			for _, m := range maps(rec.Values[1]) {
				ms = append(ms, toEntity(m))
			}
			if len(ms) == 0 {
				gone = append(gone, str(rec.Values[0]))
				continue
			}
			e := aggregate(ms)
			update = append(update, map[string]any{
				"id": str(rec.Values[0]), "name": e.Name, "aliases": e.Aliases,
				"iso3166": nullable(e.ISO3166), "wikidata": nullable(e.Wikidata), "themenfeld": nullable(e.Themenfeld),
				"nameFolded": graph.Fold(e.Name), "namesFolded": namesFolded(e.Name, e.Aliases),
			})
		}
		if _, err := collect(ctx, tx, `
			UNWIND $update AS u
			MATCH (e:Entity {id: u.id})
			SET e.name = u.name, e.aliases = u.aliases, e.iso3166 = u.iso3166, e.wikidata = u.wikidata,
				e.themenfeld = u.themenfeld, e.nameFolded = u.nameFolded, e.namesFolded = u.namesFolded`,
			map[string]any{"update": update}); err != nil {
			return err
		}
		// No relationship is left on these: every fact's ends are named by its release.
		if _, err := collect(ctx, tx, "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e",
			map[string]any{"ids": gone}); err != nil {
			return err
		}
	}
	return nil
}
