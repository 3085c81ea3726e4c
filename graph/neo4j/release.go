package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// batchSize bounds the rows one UNWIND statement sends.
const batchSize = 500

// PutRelease writes r and its facts in one transaction; see PutReleases.
func (s *Store) PutRelease(ctx context.Context, r graph.Release) (bool, error) {
	changed, err := s.PutReleases(ctx, []graph.Release{r})
	if err != nil {
		return false, err
	}
	return changed[0], nil
}

// PutReleases writes rs in one transaction, each replacing whatever an earlier version of
// the same source stated, refreshes the entities they name once, and counts up the version
// once: one commit for them all. A release whose non-empty hash equals that of a stored
// release, its own or another (one written before it in rs included), changes nothing and
// reports false. When one is invalid, or two have one ID, nothing is written.
func (s *Store) PutReleases(ctx context.Context, rs []graph.Release) ([]bool, error) {
	changed := make([]bool, len(rs))
	if err := graph.DistinctReleases(rs); err != nil {
		return changed, err
	}
	ids := make([]string, len(rs))
	var hashes []string
	for i, r := range rs {
		if err := r.Validate(); err != nil {
			return changed, err
		}
		ids[i] = r.ID
		if r.Hash != "" {
			hashes = append(hashes, r.Hash)
		}
	}
	what := "put release " + rs[0].Source
	if len(rs) > 1 {
		what = fmt.Sprintf("put %d releases", len(rs))
	}
	err := s.write(ctx, what, func(tx driver.ManagedTransaction) error {
		clear(changed) // a retried transaction starts over
		// One round trip for what the writes depend on: each waits for a busy server.
		recs, err := collect(ctx, tx, `
			CALL () { MATCH (r:Release) WHERE r.id IN $ids RETURN collect(r.id) AS stored }
			CALL () { MATCH (r:Release) WHERE r.hash IN $hashes RETURN collect(DISTINCT r.hash) AS taken }
			CALL () { MATCH (c:Correction) RETURN collect(c.json) AS corrections }
			RETURN stored, taken, corrections`, map[string]any{"ids": ids, "hashes": hashes})
		if err != nil {
			return err
		}
		stored := map[string]bool{}
		for _, id := range strs(recs[0].Values[0]) {
			stored[id] = true
		}
		taken := map[string]bool{} // hashes stored, or written before in rs
		for _, h := range strs(recs[0].Values[1]) {
			taken[h] = true
		}
		cs, err := decodeCorrections(recs[0].Values[2])
		if err != nil {
			return err
		}
		k := graph.NewCorrector(cs)
		names := map[string]map[string]int{} // entity ID → name or alias → links added less removed
		var applied []graph.Release
		var raws []map[string]any
		for i, r := range rs {
			if r.Hash != "" && taken[r.Hash] {
				continue // unchanged, or the same text under another source
			}
			taken[r.Hash] = true
			if stored[r.ID] {
				old, err := unlinkRelease(ctx, tx, r.ID)
				if err != nil {
					return err
				}
				for _, m := range old {
					tallyMention(names, m, -1)
				}
			}
			data, err := json.Marshal(r)
			if err != nil {
				return err
			}
			applied = append(applied, k.Apply(r))
			raws = append(raws, map[string]any{"id": r.ID, "raw": string(data)})
			changed[i] = true
		}
		if len(applied) == 0 {
			return nil
		}
		if err := writeReleases(ctx, tx, applied); err != nil {
			return err
		}
		for chunk := range slices.Chunk(raws, batchSize) {
			if _, err := collect(ctx, tx, "UNWIND $rows AS row MATCH (r:Release {id: row.id}) SET r.raw = row.raw",
				map[string]any{"rows": chunk}); err != nil {
				return err
			}
		}
		for _, r := range applied {
			for _, e := range r.Entities {
				tallyMention(names, e, +1)
			}
		}
		if err := refreshEntities(ctx, tx, names); err != nil {
			return err
		}
		// Last, so that the transaction waits for no other lock while it holds the one on
		// the version, and a Snapshot holding that lock keeps every change from committing.
		return countVersion(ctx, tx)
	})
	if err != nil {
		return make([]bool, len(rs)), err
	}
	return changed, nil
}

// DeleteRelease removes the release with the given ID and what only it stated in one
// transaction, and counts up the version.
func (s *Store) DeleteRelease(ctx context.Context, id string) error {
	return s.write(ctx, "delete release "+id, func(tx driver.ManagedTransaction) error {
		recs, err := collect(ctx, tx, "MATCH (r:Release {id: $id}) RETURN r.id", map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no release %q", id)
		}
		old, err := unlinkRelease(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := collect(ctx, tx, "MATCH (r:Release {id: $id}) DELETE r", map[string]any{"id": id}); err != nil {
			return err
		}
		names := map[string]map[string]int{}
		for _, m := range old {
			tallyMention(names, m, -1)
		}
		if err := refreshEntities(ctx, tx, names); err != nil {
			return err
		}
		return countVersion(ctx, tx)
	})
}

// unlinkRelease deletes the facts and STATES links of the release with the given ID and
// returns what the links said of their entities.
func unlinkRelease(ctx context.Context, tx driver.ManagedTransaction, id string) ([]graph.Entity, error) {
	params := map[string]any{"id": id}
	if _, err := collect(ctx, tx, deleteFacts, params); err != nil {
		return nil, err
	}
	recs, err := collect(ctx, tx, `
		MATCH (:Release {id: $id})-[s:STATES]->(e:Entity)
		WITH s, e.id AS id, s.name AS name, s.aliases AS aliases
		DELETE s
		RETURN id, name, aliases`, params)
	if err != nil {
		return nil, err
	}
	mentions := make([]graph.Entity, len(recs))
	for i, rec := range recs {
		mentions[i] = graph.Entity{ID: str(rec.Values[0]), Name: str(rec.Values[1]), Aliases: strs(rec.Values[2])}
	}
	return mentions, nil
}

// deleteFacts deletes the facts of release $id: a seek in the index on the release of each
// relationship type, however many facts the entities of the release have.
var deleteFacts = func() string {
	var q strings.Builder
	for _, t := range graph.RelationTypes {
		fmt.Fprintf(&q, "CALL () { MATCH ()-[x:%s {release: $id}]->() DELETE x }\n", t)
	}
	return q.String()
}()

// factsOf is a Cypher subquery of a release r that returns each of its facts as the
// relationship x from a to b, one index seek per relationship type.
var factsOf = func() string {
	var parts []string
	for _, t := range graph.RelationTypes {
		parts = append(parts, fmt.Sprintf("MATCH (a:Entity)-[x:%s {release: r.id}]->(b:Entity) RETURN a, x, b", t))
	}
	return "CALL (r) {\n" + strings.Join(parts, "\nUNION ALL\n") + "\n}"
}()

// writeReleases writes the releases rs as writeRelease does, several in one statement:
// as many as make up batchSize entities and facts.
func writeReleases(ctx context.Context, tx driver.ManagedTransaction, rs []graph.Release) error {
	var rows []map[string]any
	size := 0
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := collect(ctx, tx, `
			UNWIND $releases AS rel
			MERGE (r:Release {id: rel.id})
			SET r.source = rel.source, r.title = rel.title, r.date = rel.date, r.hash = rel.hash
			WITH r, rel
			CALL (r, rel) {
				UNWIND rel.entities AS row
				MERGE (e:Entity {id: row.id})
				ON CREATE SET e.type = row.type
				SET e:$(row.type)
				CREATE (r)-[s:STATES]->(e)
				SET s = row.mention
			}
			CALL (rel) {
				UNWIND rel.facts AS f
				MATCH (a:Entity {id: f.from}), (b:Entity {id: f.to})
				CREATE (a)-[x:$(f.type)]->(b)
				SET x = f.props
			}`, map[string]any{"releases": rows})
		rows, size = nil, 0
		return err
	}
	for _, r := range rs {
		entities, facts := releaseRows(r)
		if len(entities) > batchSize || len(facts) > batchSize {
			if err := writeRelease(ctx, tx, r, entities, facts); err != nil {
				return err
			}
			continue
		}
		if size+len(entities)+len(facts) > batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
		rows = append(rows, map[string]any{"id": r.ID, "source": r.Source, "title": r.Title, "date": nullable(r.Date),
			"hash": r.Hash, "entities": entities, "facts": facts})
		size += len(entities) + len(facts)
	}
	return flush()
}

// releaseRows returns the parameters that write the STATES links and the facts of r.
func releaseRows(r graph.Release) (entities, facts []map[string]any) {
	a := age(r.Date, r.ID)
	entities = make([]map[string]any, len(r.Entities))
	for i, e := range r.Entities {
		entities[i] = map[string]any{"id": e.ID, "type": string(e.Type), "mention": map[string]any{
			"name": e.Name, "aliases": e.Aliases, "pos": i,
			"iso3166": nullable(e.ISO3166), "wikidata": nullable(e.Wikidata), "themenfeld": nullable(e.Themenfeld),
			"entity": e.ID, "age": a, "iso3166Age": ageIf(e.ISO3166, a), "wikidataAge": ageIf(e.Wikidata, a),
			"themenfeldAge": ageIf(e.Themenfeld, a),
		}}
	}
	facts = make([]map[string]any, len(r.Facts))
	for i, f := range r.Facts {
		f = f.Normalize()
		facts[i] = map[string]any{"type": string(f.Type), "from": f.From, "to": f.To, "props": map[string]any{
			"relationId": f.RelationID(), "role": nullable(f.Role), "release": r.ID, "date": nullable(r.Date),
			"evidence": f.Sentence, "quote": nullable(f.Quote), "confidence": f.Confidence, "rule": f.Rule, "pos": i,
		}}
	}
	return entities, facts
}

// writeRelease writes the release node, its STATES links and one relationship per fact
// (the rows of releaseRows), in statements of at most batchSize entities or facts.
func writeRelease(ctx context.Context, tx driver.ManagedTransaction, r graph.Release, entities, facts []map[string]any) error {
	// Each statement takes a chunk of entities, of facts or of both; the facts go with or
	// after the last chunk of entities, so that their ends exist.
	type batch struct{ entities, facts []map[string]any }
	var batches []batch
	for chunk := range slices.Chunk(entities, batchSize) {
		batches = append(batches, batch{entities: chunk})
	}
	if len(batches) == 0 {
		batches = append(batches, batch{})
	}
	for chunk := range slices.Chunk(facts, batchSize) {
		if last := &batches[len(batches)-1]; last.facts == nil {
			last.facts = chunk
		} else {
			batches = append(batches, batch{facts: chunk})
		}
	}
	for _, b := range batches {
		// The name, aliases and identifiers of the entities are set by refreshEntities.
		if _, err := collect(ctx, tx, `
			MERGE (r:Release {id: $id})
			SET r.source = $source, r.title = $title, r.date = $date, r.hash = $hash
			WITH r
			CALL (r) {
				UNWIND $entities AS row
				MERGE (e:Entity {id: row.id})
				ON CREATE SET e.type = row.type
				SET e:$(row.type)
				CREATE (r)-[s:STATES]->(e)
				SET s = row.mention
			}
			CALL () {
				UNWIND $facts AS f
				MATCH (a:Entity {id: f.from}), (b:Entity {id: f.to})
				CREATE (a)-[x:$(f.type)]->(b)
				SET x = f.props
			}`,
			map[string]any{"id": r.ID, "source": r.Source, "title": r.Title, "date": nullable(r.Date), "hash": r.Hash,
				"entities": b.entities, "facts": b.facts}); err != nil {
			return err
		}
	}
	return nil
}

// Release returns the release with the given ID, its entities and facts included.
func (s *Store) Release(ctx context.Context, id string) (graph.Release, error) {
	var r graph.Release
	err := s.read(ctx, "release "+id, func(tx driver.ManagedTransaction) error {
		rels, err := loadReleases(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		if len(rels) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no release %q", id)
		}
		r = rels[0]
		return nil
	})
	return r, err
}

// Releases returns releases, newest first (undated last), then by ID. After must name a
// stored release.
func (s *Store) Releases(ctx context.Context, p graph.Page) (graph.Paged[graph.Release], error) {
	var page graph.Paged[graph.Release]
	if err := p.Validate(); err != nil {
		return page, err
	}
	size := p.Size()
	err := s.read(ctx, "releases", func(tx driver.ManagedTransaction) error {
		afterDate := ""
		if p.After != "" {
			recs, err := collect(ctx, tx, "MATCH (r:Release {id: $id}) RETURN coalesce(r.date, '')", map[string]any{"id": p.After})
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				return graph.Errorf(graph.EINVALID, "after %q: no such release", p.After)
			}
			afterDate = str(recs[0].Values[0])
		}
		rec, err := single(ctx, tx, "MATCH (r:Release) RETURN count(r)", nil)
		if err != nil {
			return err
		}
		page.Total = integer(rec.Values[0])
		// Undated releases have no date property: '' sorts them last.
		recs, err := collect(ctx, tx, `
			MATCH (r:Release)
			WITH r, coalesce(r.date, '') AS d
			WHERE $after = '' OR d < $afterDate OR (d = $afterDate AND r.id > $after)
			RETURN r.id ORDER BY d DESC, r.id LIMIT $limit`,
			map[string]any{"after": p.After, "afterDate": afterDate, "limit": size + 1})
		if err != nil {
			return err
		}
		ids := make([]string, len(recs))
		for i, rec := range recs {
			ids[i] = str(rec.Values[0])
		}
		if len(ids) > size {
			ids, page.More = ids[:size], true
		}
		page.Items, err = loadReleases(ctx, tx, ids)
		return err
	})
	return page, err
}

// loadReleases reads the releases with the given IDs, in that order, skipping unknown IDs,
// each with the entities and facts it states in the order they were written.
func loadReleases(ctx context.Context, tx driver.ManagedTransaction, ids []string) ([]graph.Release, error) {
	recs, err := collect(ctx, tx, `
		UNWIND range(0, size($ids) - 1) AS i
		MATCH (r:Release {id: $ids[i]})
		CALL (r) {
			OPTIONAL MATCH (r)-[s:STATES]->(e:Entity)
			WITH s, e ORDER BY s.pos
			RETURN collect(CASE WHEN s IS NULL THEN null
				ELSE {id: e.id, type: e.type, name: s.name, aliases: s.aliases,
					iso3166: s.iso3166, wikidata: s.wikidata, themenfeld: s.themenfeld} END) AS entities
		}
		CALL (r) {
			`+factsOf+`
			WITH a, x, b ORDER BY x.pos
			RETURN collect({type: type(x), from: a.id, to: b.id, role: x.role, sentence: x.evidence,
				quote: x.quote, confidence: x.confidence, rule: x.rule}) AS facts
		}
		RETURN r {.id, .source, .title, .date, .hash} AS release, entities, facts
		ORDER BY i`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Release, 0, len(recs))
	for _, rec := range recs {
		m, _ := rec.Values[0].(map[string]any)
		r := graph.Release{
			ID:     str(m["id"]),
			Source: str(m["source"]),
			Title:  str(m["title"]),
			Date:   str(m["date"]),
			Hash:   str(m["hash"]),
		}
		for _, e := range maps(rec.Values[1]) {
			r.Entities = append(r.Entities, toEntity(e))
		}
		for _, f := range maps(rec.Values[2]) {
			r.Facts = append(r.Facts, graph.Fact{
				Type:       graph.RelationType(str(f["type"])),
				From:       str(f["from"]),
				To:         str(f["to"]),
				Role:       str(f["role"]),
				Sentence:   str(f["sentence"]),
				Quote:      str(f["quote"]),
				Confidence: float(f["confidence"]),
				Rule:       str(f["rule"]),
			})
		}
		out = append(out, r)
	}
	return out, nil
}
