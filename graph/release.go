package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// Release is one published text and what was read from it: the unit a Store writes and
// replaces as a whole.
type Release struct {
	// ID is derived from Source by ReleaseID.
	ID string
	// Source is the path or URL the release was read from; it keys the release, so a
	// changed version of the same source replaces the earlier one.
	Source string
	Title  string
	Date   string // YYYY-MM-DD, or "" when the text names no publication date
	// Hash is the loader's content hash; an equal hash means nothing changed.
	Hash     string
	Entities []Entity
	Facts    []Fact
}

// ReleaseID derives the ID of the release read from source: the slug of its base name and a
// short hash of the whole source, e.g. "seed-govdigital-2021-3f2a9c1b".
func ReleaseID(source string) string {
	sum := sha256.Sum256([]byte(source))
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(source, "\\", "/")), path.Ext(source))
	slug := Slug(base)
	if len(slug) > 60 {
		slug = strings.TrimRight(slug[:60], "-")
	}
	if slug == "" {
		slug = "release"
	}
	return slug + "-" + hex.EncodeToString(sum[:4])
}

// WithID returns r with its ID derived from its source.
func (r Release) WithID() Release {
	r.ID = ReleaseID(r.Source)
	return r
}

// DistinctReleases reports an EINVALID error when two of rs have one ID: a batch of writes
// holds each release once.
func DistinctReleases(rs []Release) error {
	seen := make(map[string]bool, len(rs))
	for _, r := range rs {
		if seen[r.ID] {
			return Errorf(EINVALID, "release %s: written twice in one batch", r.Source)
		}
		seen[r.ID] = true
	}
	return nil
}

// Validate reports an EINVALID error when r is not fit to be stored: no source, an ID not
// derived from it, a malformed date, an invalid entity, or a fact whose ends are not among
// r's entities or whose types the contract does not allow.
func (r Release) Validate() error {
	if r.Source == "" {
		return Errorf(EINVALID, "release without source")
	}
	if r.ID != ReleaseID(r.Source) {
		return Errorf(EINVALID, "release %s: id %q, want %q", r.Source, r.ID, ReleaseID(r.Source))
	}
	if r.Date != "" && !ValidDate(r.Date) {
		return Errorf(EINVALID, "release %s: date %q: want YYYY-MM-DD", r.Source, r.Date)
	}
	types := make(map[string]EntityType, len(r.Entities))
	for _, e := range r.Entities {
		if err := e.Validate(); err != nil {
			return Errorf(EINVALID, "release %s: %s", r.Source, err)
		}
		types[e.ID] = e.Type
	}
	for _, f := range r.Facts {
		from, okFrom := types[f.From]
		to, okTo := types[f.To]
		if !okFrom || !okTo {
			return Errorf(EINVALID, "release %s: %s %s→%s names an entity the release does not list", r.Source, f.Type, f.From, f.To)
		}
		if err := checkEnds(f, from, to); err != nil {
			return Errorf(EINVALID, "release %s: %s", r.Source, err)
		}
	}
	return nil
}

func checkEnds(f Fact, from, to EntityType) error {
	ok := false
	switch f.Type {
	case MemberOf, CooperatesWith:
		ok = from.IsParty() && to.IsParty()
	case HoldsRole:
		ok = from == Person && to.IsParty() && f.Role != ""
	case WorksOn:
		ok = from.IsParty() && (to == Topic || to == Project)
	}
	if !ok {
		return Errorf(EINVALID, "%s %s (%s) → %s (%s) role %q: not allowed by the contract", f.Type, f.From, from, f.To, to, f.Role)
	}
	return nil
}
