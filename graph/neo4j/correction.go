package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Corrections are (:Correction {id, json}) nodes. Each (:Release) keeps the release as
// written in its raw property, and the entities and relationships the store holds are
// those of the releases with the corrections applied: PutRelease applies them to the
// release it writes, PutCorrection writes anew from their raw form the releases that name
// what the correction touches, in one transaction.

// readCorrections reads every correction, in the order they apply.
func readCorrections(ctx context.Context, tx driver.ManagedTransaction) ([]graph.Correction, error) {
	recs, err := collect(ctx, tx, "MATCH (c:Correction) RETURN collect(c.json)", nil)
	if err != nil {
		return nil, err
	}
	return decodeCorrections(recs[0].Values[0])
}

// decodeCorrections returns the corrections whose JSON forms list holds, in the order they
// apply.
func decodeCorrections(list any) ([]graph.Correction, error) {
	raws := strs(list)
	cs := make([]graph.Correction, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal([]byte(raw), &cs[i]); err != nil {
			return nil, fmt.Errorf("decode correction: %w", err)
		}
	}
	graph.SortCorrections(cs)
	return cs, nil
}

// keepRaw stores r as written on its release node.
func keepRaw(ctx context.Context, tx driver.ManagedTransaction, r graph.Release) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = collect(ctx, tx, "MATCH (r:Release {id: $id}) SET r.raw = $raw", map[string]any{"id": r.ID, "raw": string(data)})
	return err
}

// Corrections returns every stored correction, in the order they apply.
func (s *Store) Corrections(ctx context.Context) ([]graph.Correction, error) {
	var cs []graph.Correction
	err := s.read(ctx, "corrections", func(tx driver.ManagedTransaction) error {
		var err error
		cs, err = readCorrections(ctx, tx)
		return err
	})
	return cs, err
}

// PutCorrection stores c and writes anew, from the releases as written with every
// correction applied, the releases that state an entity c touches (graph.Correction.Touches)
// and the release of the added facts, in one transaction, and counts up the version.
func (s *Store) PutCorrection(ctx context.Context, c graph.Correction) (bool, error) {
	if err := c.Validate(); err != nil {
		return false, err
	}
	data, err := json.Marshal(c)
	if err != nil {
		return false, fmt.Errorf("put correction %s: %w", c.ID, err)
	}
	changed := false
	err = s.write(ctx, "put correction "+c.ID, func(tx driver.ManagedTransaction) error {
		changed = false
		recs, err := collect(ctx, tx, "MATCH (c:Correction) WHERE c.id IN [$id, $undoes] RETURN c.id", map[string]any{"id": c.ID, "undoes": c.Undoes})
		if err != nil {
			return err
		}
		found := map[string]bool{}
		for _, rec := range recs {
			found[str(rec.Values[0])] = true
		}
		if found[c.ID] {
			return nil
		}
		if c.Kind == graph.Undo && !found[c.Undoes] {
			return graph.Errorf(graph.ENOTFOUND, "no correction %q to undo", c.Undoes)
		}
		cs, err := readCorrections(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := collect(ctx, tx, "CREATE (:Correction {id: $id, json: $json})", map[string]any{"id": c.ID, "json": string(data)}); err != nil {
			return err
		}
		if err := rewrite(ctx, tx, c, cs); err != nil {
			return err
		}
		if err := countVersion(ctx, tx); err != nil {
			return err
		}
		changed = true
		return nil
	})
	return changed, err
}

// rewrite writes anew, with every correction applied, the releases that c may change
// (those that state an entity it touches, under the ID the entity had before c or has now),
// and the release of the added facts. before holds the corrections stored before c.
func rewrite(ctx context.Context, tx driver.ManagedTransaction, c graph.Correction, before []graph.Correction) error {
	k := graph.NewCorrector(append(slices.Clone(before), c))
	var undone *graph.Correction
	if c.Kind == graph.Undo {
		byID := map[string]*graph.Correction{}
		for i := range before {
			byID[before[i].ID] = &before[i]
		}
		// An undo of an undo touches what the correction at the end of the chain does.
		undone = byID[c.Undoes]
		for n := 0; undone != nil && undone.Kind == graph.Undo && n < len(before); n++ {
			undone = byID[undone.Undoes]
		}
	}
	was := graph.NewCorrector(before)
	var ids []string
	for _, id := range c.Touches(undone) {
		ids = append(ids, id, was.Target(id), k.Target(id))
	}
	added := graph.Release{Source: graph.CorrectionsSource}.WithID()
	recs, err := collect(ctx, tx, `
		MATCH (r:Release)-[:STATES]->(e:Entity) WHERE e.id IN $ids AND r.id <> $added
		RETURN DISTINCT r.id, r.raw`, map[string]any{"ids": ids, "added": added.ID})
	if err != nil {
		return err
	}
	var raws []graph.Release
	var unkept []string // releases written before raw was kept: as the store holds them
	for _, rec := range recs {
		raw := str(rec.Values[1])
		if raw == "" {
			unkept = append(unkept, str(rec.Values[0]))
			continue
		}
		var r graph.Release
		if err := json.Unmarshal([]byte(raw), &r); err != nil {
			return fmt.Errorf("decode release %s: %w", str(rec.Values[0]), err)
		}
		raws = append(raws, r)
	}
	if len(unkept) > 0 {
		rels, err := loadReleases(ctx, tx, unkept)
		if err != nil {
			return err
		}
		for _, r := range rels {
			if err := keepRaw(ctx, tx, r); err != nil {
				return err
			}
		}
		raws = append(raws, rels...)
	}
	names := map[string]map[string]int{}
	unlink := func(id string) error {
		old, err := unlinkRelease(ctx, tx, id)
		for _, m := range old {
			tallyMention(names, m, -1)
		}
		return err
	}
	write := func(r graph.Release) error {
		if err := writeReleases(ctx, tx, []graph.Release{r}); err != nil {
			return err
		}
		for _, e := range r.Entities {
			tallyMention(names, e, +1)
		}
		return nil
	}
	for _, r := range raws {
		if err := unlink(r.ID); err != nil {
			return err
		}
		if err := write(k.Apply(r)); err != nil {
			return err
		}
	}
	if err := unlink(added.ID); err != nil {
		return err
	}
	if a, ok := k.Added(); ok {
		if err := write(a); err != nil {
			return err
		}
	} else if _, err := collect(ctx, tx, "MATCH (r:Release {id: $id}) DELETE r", map[string]any{"id": added.ID}); err != nil {
		return err
	}
	return refreshEntities(ctx, tx, names)
}
