package neo4j

import (
	"context"
	"fmt"
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

// namesFolded joins the folded name and aliases one per line: a folded query, which has no
// line break, is contained in it exactly when it is contained in one of them.
func namesFolded(name string, aliases []string) string {
	lines := []string{graph.Fold(name)}
	for _, a := range aliases {
		lines = append(lines, graph.Fold(a))
	}
	return strings.Join(lines, "\n")
}

// age returns the key by which the STATES links of the release with the given date and ID
// sort in the order of Releases, so that the newest link sorts first: dated before undated,
// the later date first (each digit d of the date is written 9-d), then the smaller ID.
func age(date, id string) string {
	if date == "" {
		return "1" + id
	}
	b := []byte(date)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = '9' - c + '0'
		}
	}
	return "0" + string(b) + id
}

// ageIf returns a when value is given, else null: a link's iso3166Age, wikidataAge and
// themenfeldAge exist only where it gives that identifier, so that the index on them finds
// the newest link giving one.
func ageIf(value, a string) any {
	if value == "" {
		return nil
	}
	return a
}

// tallyMention adds n to the count of every name the mention m gives its entity in names
// (entity ID → name → count): its name and aliases, each once.
func tallyMention(names map[string]map[string]int, m graph.Entity, n int) {
	counts := names[m.ID]
	if counts == nil {
		counts = map[string]int{}
		names[m.ID] = counts
	}
	given := append([]string{m.Name}, m.Aliases...)
	slices.Sort(given)
	for _, name := range slices.Compact(given) {
		counts[name] += n
	}
}

// tally returns the names and counts kept on an entity node (sorted names, how many STATES
// links give each) with delta added, dropping the names no link gives any more.
func tally(names []string, counts []int, delta map[string]int) ([]string, []int) {
	sum := map[string]int{}
	for i, name := range names {
		if i < len(counts) {
			sum[name] += counts[i]
		}
	}
	all := slices.Clone(names)
	for name, n := range delta {
		sum[name] += n
		all = append(all, name)
	}
	slices.Sort(all)
	outNames, outCounts := []string{}, []int{}
	for _, name := range slices.Compact(all) {
		if sum[name] > 0 {
			outNames, outCounts = append(outNames, name), append(outCounts, sum[name])
		}
	}
	return outNames, outCounts
}

// newestStated is a Cypher subquery of an entity e that returns as prop the property prop
// of the STATES link to e that sorts first by ageProp, or null when none has ageProp: one
// seek in the index on (entity, ageProp), whose order the ORDER BY takes over.
func newestStated(prop, ageProp string) string {
	return fmt.Sprintf(`CALL (e) {
		MATCH ()-[s:STATES]->() WHERE s.entity = e.id AND s.%[2]s >= ''
		WITH s ORDER BY s.entity, s.%[2]s LIMIT 1
		RETURN collect(s.%[1]s)[0] AS %[1]s
	}`, prop, ageProp)
}

// refreshEntities updates the entities whose names change by names (entity ID → name or
// alias → links added less removed, as tallyMention counts them) after their STATES links
// changed: their name and identifiers from the newest link giving one, their aliases from
// the counts kept on the node. It deletes the entities no release names any more. The cost
// is independent of how many releases name an entity.
func refreshEntities(ctx context.Context, tx driver.ManagedTransaction, names map[string]map[string]int) error {
	// Sorted, so that writers lock the entities they share in the same order.
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for chunk := range slices.Chunk(ids, batchSize) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (e:Entity {id: id})
			// The write locks e before its links and counts are read, so that writers of
			// releases naming the same entity wait for each other and each sees what the
			// other committed. No index covers the property written.
			SET e.lock = true REMOVE e.lock
			WITH e
			`+newestStated("name", "age")+`
			`+newestStated("iso3166", "iso3166Age")+`
			`+newestStated("wikidata", "wikidataAge")+`
			`+newestStated("themenfeld", "themenfeldAge")+`
			RETURN e {.id, .name, .aliases, .iso3166, .wikidata, .themenfeld, .nameFolded,
				.namesFolded, .names, .nameCounts}, name, iso3166, wikidata, themenfeld`,
			map[string]any{"ids": chunk})
		if err != nil {
			return err
		}
		var gone []string
		var update []map[string]any
		for _, rec := range recs {
			old, _ := rec.Values[0].(map[string]any)
			id, name := str(old["id"]), str(rec.Values[1])
			if name == "" {
				gone = append(gone, id)
				continue
			}
			all, counts := tally(strs(old["names"]), ints(old["nameCounts"]), names[id])
			aliases := slices.DeleteFunc(slices.Clone(all), func(a string) bool { return a == name })
			now := map[string]any{
				"name": name, "aliases": aliases, "names": all, "nameCounts": counts,
				"iso3166": rec.Values[2], "wikidata": rec.Values[3], "themenfeld": rec.Values[4],
				"nameFolded": graph.Fold(name), "namesFolded": namesFolded(name, aliases),
			}
			// Only what changed is written: rewriting the name and aliases of a hub on
			// every write would update the text and full-text indexes each time.
			changed := map[string]any{}
			for k, v := range now {
				if !sameValue(old[k], v) {
					changed[k] = v
				}
			}
			if len(changed) > 0 {
				update = append(update, map[string]any{"id": id, "props": changed})
			}
		}
		if len(update) > 0 {
			if _, err := collect(ctx, tx, `
				UNWIND $update AS u
				MATCH (e:Entity {id: u.id})
				SET e += u.props`,
				map[string]any{"update": update}); err != nil {
				return err
			}
		}
		if len(gone) > 0 {
			// No relationship is left on these: every fact's ends are named by its release.
			if _, err := collect(ctx, tx, "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e",
				map[string]any{"ids": gone}); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameValue reports whether stored, a property value as the driver returns it, equals v, a
// string, []string, []int or nil about to be written. An empty list equals a missing one.
func sameValue(stored, v any) bool {
	switch v := v.(type) {
	case string:
		return stored == v
	case []string:
		return slices.Equal(strs(stored), v)
	case []int:
		return slices.Equal(ints(stored), v)
	}
	return stored == nil && v == nil
}
