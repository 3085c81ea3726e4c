package graph

import (
	"crypto/rand"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// CorrectionKind says what a correction does.
type CorrectionKind string

// The kinds of correction an analyst makes.
const (
	// RejectFact hides the relation Relation, whatever releases state it.
	RejectFact CorrectionKind = "REJECT_FACT"
	// AddFact states Fact, with Note as its evidence.
	AddFact CorrectionKind = "ADD_FACT"
	// MergeEntities makes the entity Other an alias of Entity: every mention of Other is
	// one of Entity, under its name.
	MergeEntities CorrectionKind = "MERGE_ENTITIES"
	// RenameEntity gives Entity the canonical name Name; its ID stays.
	RenameEntity CorrectionKind = "RENAME_ENTITY"
	// RetypeEntity gives Entity the type Type, and with it the ID of that type (RetypedID).
	RetypeEntity CorrectionKind = "RETYPE_ENTITY"
	// Undo takes back the correction Undoes.
	Undo CorrectionKind = "UNDO"
)

// Correction is what an analyst changed in the graph extraction produced. Corrections are
// kept apart from the releases and applied on top of them, so that reloading a release,
// even one extracted anew, keeps them.
type Correction struct {
	ID   string
	Kind CorrectionKind
	// Relation is the ID of the relation RejectFact hides.
	Relation string `json:",omitempty"`
	// Fact is what AddFact states: type, ends and role.
	Fact *Fact `json:",omitempty"`
	// Entity is the entity merged into, renamed or retyped; for AddFact and MergeEntities
	// the entities named are given whole (Ends), as they were when the correction was made.
	Entity string `json:",omitempty"`
	// Other is the entity MergeEntities makes an alias of Entity.
	Other string `json:",omitempty"`
	// Name is RenameEntity's new name.
	Name string `json:",omitempty"`
	// Type is RetypeEntity's new type.
	Type EntityType `json:",omitempty"`
	// Undoes is the ID of the correction Undo takes back.
	Undoes string `json:",omitempty"`
	// Ends are the entities AddFact relates, and the one MergeEntities keeps.
	Ends []Entity `json:",omitempty"`
	// Note says why; Author who (the writer's name); Time when.
	Note   string
	Author string
	Time   time.Time
}

// NewCorrectionID returns a new correction ID that sorts after those made earlier.
func NewCorrectionID(t time.Time) string {
	return "c" + t.UTC().Format("20060102T150405.000000000") + "-" + strings.ToLower(rand.Text()[:6])
}

// CorrectionsSource is the source of the release that states the facts corrections add.
const CorrectionsSource = "egovgraph:corrections"

// Validate reports an EINVALID error when c lacks what its kind needs.
func (c Correction) Validate() error {
	bad := func(format string, args ...any) error {
		return Errorf(EINVALID, "correction %s (%s): %s", c.ID, c.Kind, fmt.Sprintf(format, args...))
	}
	if c.ID == "" {
		return Errorf(EINVALID, "correction without ID")
	}
	if c.Author == "" || c.Time.IsZero() {
		return bad("no author or time")
	}
	switch c.Kind {
	case RejectFact:
		if c.Relation == "" {
			return bad("no relation")
		}
	case AddFact:
		if c.Fact == nil || len(c.Ends) != 2 {
			return bad("no fact, or not both its ends")
		}
		if strings.TrimSpace(c.Note) == "" {
			return bad("an added fact needs a note: it is the fact's evidence")
		}
		if c.Ends[0].ID != c.Fact.From || c.Ends[1].ID != c.Fact.To {
			return bad("ends %s and %s are not the fact's %s and %s", c.Ends[0].ID, c.Ends[1].ID, c.Fact.From, c.Fact.To)
		}
		if err := checkEnds(*c.Fact, c.Ends[0].Type, c.Ends[1].Type); err != nil {
			return bad("%s", err)
		}
	case MergeEntities:
		if c.Entity == "" || c.Other == "" || c.Entity == c.Other {
			return bad("want two different entities")
		}
		if len(c.Ends) != 1 || c.Ends[0].ID != c.Entity {
			return bad("the entity kept is not given")
		}
	case RenameEntity:
		if c.Entity == "" || strings.TrimSpace(c.Name) == "" {
			return bad("want an entity and a name")
		}
	case RetypeEntity:
		if c.Entity == "" || !c.Type.Valid() {
			return bad("want an entity and a known type, got %q", c.Type)
		}
	case Undo:
		if c.Undoes == "" {
			return bad("no correction to undo")
		}
	default:
		return Errorf(EINVALID, "correction %s: unknown kind %q", c.ID, c.Kind)
	}
	return nil
}

// SortCorrections orders corrections by time, then ID: the order they apply in.
func SortCorrections(cs []Correction) {
	sort.SliceStable(cs, func(i, j int) bool {
		if !cs[i].Time.Equal(cs[j].Time) {
			return cs[i].Time.Before(cs[j].Time)
		}
		return cs[i].ID < cs[j].ID
	})
}

// Corrector applies corrections to releases.
type Corrector struct {
	active   []Correction // not undone, in order
	merged   map[string]Entity
	renamed  map[string]string
	retyped  map[string]EntityType
	rejected map[string]bool
}

// NewCorrector returns the corrector of cs, in any order: each correction not undone by a
// later one (an undo can be undone too) applies.
func NewCorrector(cs []Correction) *Corrector {
	cs = slices.Clone(cs)
	SortCorrections(cs)
	undone := map[string]bool{}
	for i := len(cs) - 1; i >= 0; i-- {
		if c := cs[i]; c.Kind == Undo && !undone[c.ID] {
			undone[c.Undoes] = true
		}
	}
	k := &Corrector{merged: map[string]Entity{}, renamed: map[string]string{}, retyped: map[string]EntityType{}, rejected: map[string]bool{}}
	for _, c := range cs {
		if undone[c.ID] || c.Kind == Undo {
			continue
		}
		k.active = append(k.active, c)
		switch c.Kind {
		case MergeEntities:
			k.merged[c.Other] = c.Ends[0]
		case RenameEntity:
			k.renamed[c.Entity] = c.Name
		case RetypeEntity:
			k.retyped[c.Entity] = c.Type
		case RejectFact:
			k.rejected[c.Relation] = true
		}
	}
	return k
}

// Empty reports whether no correction applies.
func (k *Corrector) Empty() bool { return len(k.active) == 0 }

// target returns the entity id stands for after merges and retypes, the entity kept when
// it was merged, and its type and name when a retype or rename set them.
func (k *Corrector) target(id string) (to string, kept *Entity, typ EntityType, name string) {
	for range len(k.merged) + len(k.retyped) + 1 { // a cycle of merges ends here
		if n, ok := k.renamed[id]; ok {
			name = n
		}
		if e, ok := k.merged[id]; ok {
			kept, id, typ, name = &e, e.ID, "", ""
			continue
		}
		if t, ok := k.retyped[id]; ok && RetypedID(id, t) != id {
			id, typ = RetypedID(id, t), t
			continue
		}
		break
	}
	if n, ok := k.renamed[id]; ok {
		name = n
	}
	return id, kept, typ, name
}

// Target returns the ID the entity id stands for once the corrections apply: itself,
// or the entity it was merged into or retyped as.
func (k *Corrector) Target(id string) string {
	to, _, _, _ := k.target(id)
	return to
}

// RetypedID returns the ID the entity id has once its type is t: the prefix of t and the
// rest of id ("authority:fitko" as an Organization is "org:fitko").
func RetypedID(id string, t EntityType) string {
	_, slug, _ := strings.Cut(id, ":")
	return idPrefix[t] + ":" + slug
}

// Apply returns r with the corrections applied: merged mentions are mentions of the
// entity kept, under its name, their own names aliases; renamed and retyped entities take
// their new name (the old one an alias) and type; rejected relations, facts that a merge
// turned into a relation of an entity with itself and facts whose ends no longer fit their
// type are left out. The result keeps r's ID, source and hash; its entity IDs need not be
// derived from their names any more.
func (k *Corrector) Apply(r Release) Release {
	if k.Empty() {
		return r
	}
	out := r
	out.Entities = nil
	at := map[string]int{}
	for _, e := range r.Entities {
		e.Aliases = slices.Clone(e.Aliases) // r's are the caller's
		id, kept, typ, name := k.target(e.ID)
		if kept != nil {
			e.Aliases = append(e.Aliases, e.Name)
			e.Type, e.Name = kept.Type, kept.Name
			e.ISO3166, e.Wikidata, e.Themenfeld = kept.ISO3166, kept.Wikidata, kept.Themenfeld
		}
		e.ID = id
		if name != "" && name != e.Name {
			e.Aliases = append(e.Aliases, e.Name)
			e.Name = name
		}
		if typ != "" {
			e.Type = typ
		}
		if i, ok := at[id]; ok {
			m := &out.Entities[i]
			m.Aliases = append(m.Aliases, e.Name)
			m.Aliases = append(m.Aliases, e.Aliases...)
			continue
		}
		at[id] = len(out.Entities)
		out.Entities = append(out.Entities, e)
	}
	for i := range out.Entities {
		e := &out.Entities[i]
		slices.Sort(e.Aliases)
		e.Aliases = slices.DeleteFunc(slices.Compact(e.Aliases), func(a string) bool { return a == e.Name })
	}
	out.Facts = nil
	for _, f := range r.Facts {
		from, _, _, _ := k.target(f.From)
		to, _, _, _ := k.target(f.To)
		if from == to && f.From != f.To {
			continue
		}
		f.From, f.To = from, to
		f = f.Normalize()
		if k.rejected[f.RelationID()] {
			continue
		}
		if checkEnds(f, out.Entities[at[f.From]].Type, out.Entities[at[f.To]].Type) != nil {
			continue
		}
		out.Facts = append(out.Facts, f)
	}
	return out
}

// Added returns the release that states the facts the corrections add, each with its note
// as the sentence and "correction:ID" as the rule, corrected as every release is; false
// when no correction adds a fact.
func (k *Corrector) Added() (Release, bool) {
	r := Release{Source: CorrectionsSource, Title: "Corrections"}.WithID()
	seen := map[string]bool{}
	for _, c := range k.active {
		if c.Kind != AddFact {
			continue
		}
		for _, e := range c.Ends {
			if !seen[e.ID] {
				seen[e.ID] = true
				r.Entities = append(r.Entities, Entity{ID: e.ID, Type: e.Type, Name: e.Name})
			}
		}
		f := *c.Fact
		f.Sentence, f.Rule, f.Confidence = c.Note, "correction:"+c.ID, 1
		r.Facts = append(r.Facts, f)
	}
	if len(r.Facts) == 0 {
		return Release{}, false
	}
	r.Hash = "corrections"
	return k.Apply(r), true
}

// CorrectionID returns the ID of the correction an evidence's rule names, "" when the
// evidence was extracted.
func CorrectionID(rule string) string {
	id, ok := strings.CutPrefix(rule, "correction:")
	if !ok {
		return ""
	}
	return id
}

// Touches returns the IDs of the entities whose releases a correction can change: those it
// merges, renames or retypes (under the old and the new ID), the ends of the fact it adds
// and of the relation it rejects. For an undo, those of the correction it takes back,
// which undone must name.
func (c Correction) Touches(undone *Correction) []string {
	var ids []string
	switch c.Kind {
	case RejectFact:
		// TYPE:from>to, and :role for HOLDS_ROLE; entity IDs are prefix:slug.
		if _, ends, ok := strings.Cut(c.Relation, ":"); ok {
			from, to, _ := strings.Cut(ends, ">")
			if parts := strings.SplitN(to, ":", 3); len(parts) >= 2 {
				to = parts[0] + ":" + parts[1]
			}
			ids = append(ids, from, to)
		}
	case AddFact:
		ids = append(ids, c.Fact.From, c.Fact.To)
	case MergeEntities:
		ids = append(ids, c.Entity, c.Other)
	case RenameEntity:
		ids = append(ids, c.Entity)
	case RetypeEntity:
		ids = append(ids, c.Entity, RetypedID(c.Entity, c.Type))
	case Undo:
		if undone != nil {
			ids = undone.Touches(nil)
		}
	}
	return ids
}
