package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"

	bbolt "go.etcd.io/bbolt"

	"github.com/egovgraph/egovgraph/graph"
)

// PutRelease writes r and its facts in one transaction; see PutReleases.
func (s *Store) PutRelease(ctx context.Context, r graph.Release) (bool, error) {
	changed, err := s.PutReleases(ctx, []graph.Release{r})
	if err != nil {
		return false, err
	}
	return changed[0], nil
}

// PutReleases validates rs and writes them in one bbolt transaction, each replacing the
// release with the same ID, and counts up the version: one commit, and one sync of the
// file, for them all. A release whose non-empty hash equals that of a stored release, its
// own or another (one written before it in rs included), or that encodes alike when both
// hashes are empty, changes nothing. The index in memory follows only after the commit,
// so a failed write leaves memory and disk as they were, and readers see all of rs or
// none. When one is invalid, or two have one ID, nothing is written.
func (s *Store) PutReleases(ctx context.Context, rs []graph.Release) ([]bool, error) {
	changed := make([]bool, len(rs))
	if err := graph.DistinctReleases(rs); err != nil {
		return changed, err
	}
	data := make([][]byte, len(rs))
	for i, r := range rs {
		if err := ctx.Err(); err != nil {
			return changed, fmt.Errorf("put release %s: %w", r.Source, err)
		}
		if err := r.Validate(); err != nil {
			return changed, err
		}
		var err error
		if data[i], err = encodeRelease(r); err != nil {
			return changed, fmt.Errorf("put release %s: %w", r.Source, err)
		}
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.closed {
		return changed, graph.Errorf(graph.EUNAVAILABLE, "store %s is closed", s.path)
	}
	hashes := map[string]bool{} // of the releases of rs to write
	for i, r := range rs {
		if old := s.raw[r.ID]; old != nil && unchanged(old, r, data[i]) {
			continue
		}
		if r.Hash != "" {
			if _, ok := s.idx.hashes[r.Hash]; ok || hashes[r.Hash] {
				continue // the same text under another source
			}
			hashes[r.Hash] = true
		}
		changed[i] = true
	}
	if !slices.Contains(changed, true) {
		return changed, nil
	}
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		for i, r := range rs {
			if !changed[i] {
				continue
			}
			if err := tx.Bucket(releasesBucket).Put([]byte(r.ID), data[i]); err != nil {
				return err
			}
		}
		return tx.Bucket(metaBucket).Put(versionKey, strconv.AppendUint(nil, s.version+1, 10))
	})
	if err != nil {
		what := "release " + rs[0].Source
		if len(rs) > 1 {
			what = fmt.Sprintf("%d releases", len(rs))
		}
		return make([]bool, len(rs)), fmt.Errorf("put %s: %w", what, err)
	}

	s.mu.Lock()
	for i, r := range rs {
		if changed[i] {
			stored := cloneRelease(r)
			s.raw[r.ID] = &stored
			s.idx.apply(s.idx.releases[r.ID], s.corrected(&stored))
		}
	}
	s.version++
	s.mu.Unlock()
	return changed, nil
}

// DeleteRelease removes the release with the given ID in one bbolt transaction and counts
// up the version.
func (s *Store) DeleteRelease(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete release %s: %w", id, err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.closed {
		return graph.Errorf(graph.EUNAVAILABLE, "store %s is closed", s.path)
	}
	if s.raw[id] == nil {
		return graph.Errorf(graph.ENOTFOUND, "no release %q", id)
	}
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if err := tx.Bucket(releasesBucket).Delete([]byte(id)); err != nil {
			return err
		}
		return tx.Bucket(metaBucket).Put(versionKey, strconv.AppendUint(nil, s.version+1, 10))
	})
	if err != nil {
		return fmt.Errorf("delete release %s: %w", id, err)
	}
	s.mu.Lock()
	delete(s.raw, id)
	s.idx.apply(s.idx.releases[id], nil)
	s.version++
	s.mu.Unlock()
	return nil
}

// unchanged reports whether writing r (encoded as data) over old would change nothing.
func unchanged(old *graph.Release, r graph.Release, data []byte) bool {
	if old.Hash != "" || r.Hash != "" {
		return old.Hash == r.Hash
	}
	prev, err := encodeRelease(*old)
	return err == nil && bytes.Equal(prev, data)
}

// Release returns the release with the given ID as it was written.
func (s *Store) Release(ctx context.Context, id string) (graph.Release, error) {
	var r graph.Release
	err := s.read(ctx, func(idx *index) error {
		stored, ok := idx.releases[id]
		if !ok {
			return graph.Errorf(graph.ENOTFOUND, "no release %q", id)
		}
		r = cloneRelease(*stored)
		return nil
	})
	return r, err
}

// Releases returns releases newest first, undated last, then by ID. After must name a
// stored release.
func (s *Store) Releases(ctx context.Context, p graph.Page) (graph.Paged[graph.Release], error) {
	var page graph.Paged[graph.Release]
	if err := p.Validate(); err != nil {
		return page, err
	}
	err := s.read(ctx, func(idx *index) error {
		start := 0
		if p.After != "" {
			after, ok := idx.releases[p.After]
			if !ok {
				return graph.Errorf(graph.EINVALID, "after %q: no such release", p.After)
			}
			start = sort.Search(len(idx.order), func(i int) bool { return !newer(idx.order[i], after) }) + 1
		}
		end := min(start+p.Size(), len(idx.order))
		start = min(start, end)
		page.Total = len(idx.order)
		page.More = end < len(idx.order)
		page.Items = make([]graph.Release, 0, end-start)
		for _, r := range idx.order[start:end] {
			page.Items = append(page.Items, cloneRelease(*r))
		}
		return nil
	})
	return page, err
}

// newer reports whether a comes before b in the order of Releases: dated before undated,
// later dates first, then by ID.
func newer(a, b *graph.Release) bool {
	if (a.Date == "") != (b.Date == "") {
		return b.Date == ""
	}
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	return a.ID < b.ID
}

// cloneRelease returns a copy of r that shares no slice with it.
func cloneRelease(r graph.Release) graph.Release {
	r.Entities = append([]graph.Entity(nil), r.Entities...)
	for i := range r.Entities {
		r.Entities[i].Aliases = append([]string(nil), r.Entities[i].Aliases...)
	}
	r.Facts = append([]graph.Fact(nil), r.Facts...)
	return r
}

// releaseRecord is a release as the data file holds it. Its JSON names are the schema:
// renaming or dropping one changes schemaVersion; a new optional field, absent from older
// files, does not.
type releaseRecord struct {
	ID       string         `json:"id"`
	Source   string         `json:"source"`
	Title    string         `json:"title,omitempty"`
	Date     string         `json:"date,omitempty"`
	Hash     string         `json:"hash,omitempty"`
	Entities []entityRecord `json:"entities,omitempty"`
	Facts    []factRecord   `json:"facts,omitempty"`
}

type entityRecord struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases,omitempty"`
	ISO3166    string   `json:"iso3166,omitempty"`
	Wikidata   string   `json:"wikidata,omitempty"`
	Themenfeld string   `json:"themenfeld,omitempty"`
}

type factRecord struct {
	Type       string  `json:"type"`
	From       string  `json:"from"`
	To         string  `json:"to"`
	Role       string  `json:"role,omitempty"`
	Sentence   string  `json:"sentence,omitempty"`
	Quote      string  `json:"quote,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Rule       string  `json:"rule,omitempty"`
}

func encodeRelease(r graph.Release) ([]byte, error) {
	rec := releaseRecord{ID: r.ID, Source: r.Source, Title: r.Title, Date: r.Date, Hash: r.Hash}
	for _, e := range r.Entities {
		rec.Entities = append(rec.Entities, entityRecord{
			ID: e.ID, Type: string(e.Type), Name: e.Name, Aliases: e.Aliases,
			ISO3166: e.ISO3166, Wikidata: e.Wikidata, Themenfeld: e.Themenfeld,
		})
	}
	for _, f := range r.Facts {
		rec.Facts = append(rec.Facts, factRecord{
			Type: string(f.Type), From: f.From, To: f.To, Role: f.Role,
			Sentence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule,
		})
	}
	return json.Marshal(rec)
}

// decodeRelease decodes and validates a stored release.
func decodeRelease(data []byte) (*graph.Release, error) {
	var rec releaseRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, err
	}
	r := &graph.Release{ID: rec.ID, Source: rec.Source, Title: rec.Title, Date: rec.Date, Hash: rec.Hash}
	for _, e := range rec.Entities {
		r.Entities = append(r.Entities, graph.Entity{
			ID: e.ID, Type: graph.EntityType(e.Type), Name: e.Name, Aliases: e.Aliases,
			ISO3166: e.ISO3166, Wikidata: e.Wikidata, Themenfeld: e.Themenfeld,
		})
	}
	for _, f := range rec.Facts {
		r.Facts = append(r.Facts, graph.Fact{
			Type: graph.RelationType(f.Type), From: f.From, To: f.To, Role: f.Role,
			Sentence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule,
		})
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r, nil
}
