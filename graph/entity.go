package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// EntityType is the kind of an entity, as named in the extraction contract.
type EntityType string

// The entity types of the extraction contract.
const (
	State        EntityType = "State"
	Federal      EntityType = "Federal"
	Municipality EntityType = "Municipality"
	Authority    EntityType = "Authority"
	Organization EntityType = "Organization"
	Person       EntityType = "Person"
	Topic        EntityType = "Topic"
	Project      EntityType = "Project"
)

// EntityTypes lists every entity type in a fixed order.
var EntityTypes = []EntityType{State, Federal, Municipality, Authority, Organization, Person, Topic, Project}

// idPrefix is the readable prefix of an entity ID for each type.
var idPrefix = map[EntityType]string{
	State:        "state",
	Federal:      "federal",
	Municipality: "municipality",
	Authority:    "authority",
	Organization: "org",
	Person:       "person",
	Topic:        "topic",
	Project:      "project",
}

// Valid reports whether t is one of the entity types of the contract.
func (t EntityType) Valid() bool {
	_, ok := idPrefix[t]
	return ok
}

// IsParty reports whether entities of type t can cooperate, be members and employ persons.
func (t EntityType) IsParty() bool {
	switch t {
	case State, Federal, Municipality, Authority, Organization:
		return true
	}
	return false
}

// ParseEntityType returns the entity type named s, or an EINVALID error.
func ParseEntityType(s string) (EntityType, error) {
	t := EntityType(s)
	if !t.Valid() {
		return "", Errorf(EINVALID, "unknown entity type %q", s)
	}
	return t, nil
}

// Entity is a party, person, topic or project as the releases name it.
type Entity struct {
	// ID is stable across loads and processes: the type's prefix and the slug of the
	// canonical name, e.g. "state:bayern", "org:govdigital", "person:judith-gerlach".
	ID   string
	Type EntityType
	// Name is the canonical name ("Bayern", not "Freistaat Bayern").
	Name string
	// Aliases are the other names under which the releases name the entity, sorted.
	Aliases []string
	// ISO3166 is the ISO 3166-2 code of a Land ("DE-BY") or the ISO 3166 code of a foreign
	// state, where known.
	ISO3166 string
	// Wikidata is the entity's Wikidata item ("Q980"), where known.
	Wikidata string
	// Themenfeld is the OZG Themenfeld a topic is, or belongs to, where known.
	Themenfeld string
}

// NewEntity returns the entity of type t with canonical name name and its derived ID.
func NewEntity(t EntityType, name string) Entity {
	return Entity{ID: EntityID(t, name), Type: t, Name: name}
}

// EntityID derives the stable ID of the entity of type t named name.
func EntityID(t EntityType, name string) string {
	return idPrefix[t] + ":" + Slug(name)
}

// Validate reports an EINVALID error when e lacks a name, a known type or its derived ID.
func (e Entity) Validate() error {
	switch {
	case !e.Type.Valid():
		return Errorf(EINVALID, "entity %q: unknown type %q", e.Name, e.Type)
	case strings.TrimSpace(e.Name) == "":
		return Errorf(EINVALID, "entity %q: empty name", e.ID)
	case e.ID != EntityID(e.Type, e.Name):
		return Errorf(EINVALID, "entity %q: id %q, want %q", e.Name, e.ID, EntityID(e.Type, e.Name))
	}
	return nil
}

// Fold returns s in the form used to compare and search names: lower case, umlauts and ß
// spelled out (ä→ae, ß→ss), accents dropped, and every run of other characters a space.
// "Stübgen", "STUEBGEN" and "stuebgen" fold alike.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if rep, ok := foldRune[r]; ok {
			b.WriteString(rep)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r > unicode.MaxASCII {
				r = baseLetter(r)
			}
			b.WriteRune(r)
			space = false
			continue
		}
		if !space && b.Len() > 0 {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// Slug returns the folded name with hyphens between words: "Judith Gerlach" →
// "judith-gerlach", "Ein- und Auswanderung" → "ein-und-auswanderung".
func Slug(name string) string {
	return strings.ReplaceAll(Fold(name), " ", "-")
}

var foldRune = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'æ': "ae", 'ø': "oe"}

// baseLetter maps common accented Latin letters to their base letter; others pass as they are.
func baseLetter(r rune) rune {
	const from, to = "àáâãåçèéêëìíîïñòóôõùúûýÿšžčćřěłńśź", "aaaaaceeeeiiiinooooouuuyyszccrelnsz"
	for i, f := range []rune(from) {
		if f == r {
			return []rune(to)[i]
		}
	}
	return r
}

// String returns the entity as "Name (Type)".
func (e Entity) String() string { return fmt.Sprintf("%s (%s)", e.Name, e.Type) }
