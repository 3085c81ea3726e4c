package graph

import (
	"sort"
	"strings"
)

// RelationType is the kind of a relation, as named in the extraction contract.
type RelationType string

// The relation types of the extraction contract.
const (
	MemberOf       RelationType = "MEMBER_OF"
	CooperatesWith RelationType = "COOPERATES_WITH"
	HoldsRole      RelationType = "HOLDS_ROLE"
	WorksOn        RelationType = "WORKS_ON"
)

// RelationTypes lists every relation type in a fixed order.
var RelationTypes = []RelationType{MemberOf, CooperatesWith, HoldsRole, WorksOn}

// Valid reports whether t is one of the relation types of the contract.
func (t RelationType) Valid() bool {
	switch t {
	case MemberOf, CooperatesWith, HoldsRole, WorksOn:
		return true
	}
	return false
}

// Directed reports whether the order of from and to carries meaning; COOPERATES_WITH is
// symmetric and is kept with its ends in ID order.
func (t RelationType) Directed() bool { return t != CooperatesWith }

// ParseRelationType returns the relation type named s, or an EINVALID error.
func ParseRelationType(s string) (RelationType, error) {
	t := RelationType(s)
	if !t.Valid() {
		return "", Errorf(EINVALID, "unknown relation type %q", s)
	}
	return t, nil
}

// Fact is one relation as one release states it.
type Fact struct {
	Type RelationType
	From string // entity ID
	To   string // entity ID
	// Role is the office, for HOLDS_ROLE ("Digitalministerin"); empty otherwise.
	Role string
	// Sentence is the evidence: the sentence the fact was read from.
	Sentence string
	// Quote is what the person a HOLDS_ROLE fact is about says in the release, when the
	// release quotes them (their first quotation): who said what.
	Quote string
	// Confidence in [0, 1] says how sure the rule that produced the fact is.
	Confidence float64
	// Rule names the extraction rule that produced the fact.
	Rule string
}

// Normalize returns f with the ends of a symmetric relation in ID order.
func (f Fact) Normalize() Fact {
	if !f.Type.Directed() && f.To < f.From {
		f.From, f.To = f.To, f.From
	}
	return f
}

// RelationID returns the stable ID of the relation of type t between from and to with role:
// "MEMBER_OF:state:bayern>org:govdigital", "HOLDS_ROLE:person:judith-gerlach>state:bayern:digitalministerin".
func RelationID(t RelationType, from, to, role string) string {
	if !t.Directed() && to < from {
		from, to = to, from
	}
	id := string(t) + ":" + from + ">" + to
	if role != "" {
		id += ":" + Slug(role)
	}
	return id
}

// RelationID returns the ID of the relation f is evidence for.
func (f Fact) RelationID() string { return RelationID(f.Type, f.From, f.To, f.Role) }

// Evidence is what one release says for a relation.
type Evidence struct {
	ReleaseID  string
	Source     string
	Title      string
	Date       string // YYYY-MM-DD, or "" when the release has no date
	Sentence   string
	Quote      string // see Fact.Quote
	Confidence float64
	Rule       string
}

// Relation is a relation between two entities with the evidence of every release that
// states it, oldest first.
type Relation struct {
	ID       string
	Type     RelationType
	From     string // entity ID
	To       string // entity ID
	Role     string
	Evidence []Evidence
}

// FirstSeen returns the earliest date of the releases stating r, "" when none has a date.
func (r Relation) FirstSeen() string {
	for _, e := range r.Evidence {
		if e.Date != "" {
			return e.Date
		}
	}
	return ""
}

// LastSeen returns the latest date of the releases stating r, "" when none has a date.
func (r Relation) LastSeen() string {
	last := ""
	for _, e := range r.Evidence {
		if e.Date > last {
			last = e.Date
		}
	}
	return last
}

// Confidence returns the highest confidence of r's evidence.
func (r Relation) Confidence() float64 {
	c := 0.0
	for _, e := range r.Evidence {
		c = max(c, e.Confidence)
	}
	return c
}

// Weight returns the number of distinct releases stating r.
func (r Relation) Weight() int {
	if len(r.Evidence) > 32 {
		seen := make(map[string]bool, len(r.Evidence))
		for _, e := range r.Evidence {
			seen[e.ReleaseID] = true
		}
		return len(seen)
	}
	// Few: comparing with the earlier ones costs less than a set.
	n := 0
next:
	for i, e := range r.Evidence {
		for _, o := range r.Evidence[:i] {
			if o.ReleaseID == e.ReleaseID {
				continue next
			}
		}
		n++
	}
	return n
}

// Other returns the end of r that is not id.
func (r Relation) Other(id string) string {
	if r.From == id {
		return r.To
	}
	return r.From
}

// SortEvidence orders evidence by date (undated last), then release and sentence, so that
// every store returns it alike.
func SortEvidence(ev []Evidence) {
	sort.Slice(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.ReleaseID != b.ReleaseID {
			return a.ReleaseID < b.ReleaseID
		}
		return a.Sentence < b.Sentence
	})
}

// Matches reports whether r passes f's type, end and date conditions (not its paging).
func (f RelationFilter) Matches(r Relation) bool {
	if len(f.Types) > 0 && !containsType(f.Types, r.Type) {
		return false
	}
	if f.Entity != "" && r.From != f.Entity && r.To != f.Entity {
		return false
	}
	if f.From != "" || f.To != "" {
		if !endsMatch(r.From, r.To, f.From, f.To) && (r.Type.Directed() || !endsMatch(r.To, r.From, f.From, f.To)) {
			return false
		}
	}
	if f.Since == "" && f.Until == "" {
		return true
	}
	for _, e := range r.Evidence {
		if e.Date != "" && (f.Since == "" || e.Date >= f.Since) && (f.Until == "" || e.Date <= f.Until) {
			return true
		}
	}
	return false
}

func endsMatch(from, to, wantFrom, wantTo string) bool {
	return (wantFrom == "" || from == wantFrom) && (wantTo == "" || to == wantTo)
}

func containsType(ts []RelationType, t RelationType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// RelationFilter selects relations. Empty fields select everything.
type RelationFilter struct {
	Types []RelationType
	// From and To select the ends; a symmetric relation matches in either order.
	From, To string
	// Entity selects relations with this entity at either end.
	Entity string
	// Since and Until (YYYY-MM-DD, inclusive) keep relations stated by a release dated
	// within the interval.
	Since, Until string
	Page
}

// Validate reports an EINVALID error for unknown types, malformed dates or paging.
func (f RelationFilter) Validate() error {
	for _, t := range f.Types {
		if !t.Valid() {
			return Errorf(EINVALID, "unknown relation type %q", t)
		}
	}
	for _, d := range []string{f.Since, f.Until} {
		if d != "" && !ValidDate(d) {
			return Errorf(EINVALID, "date %q: want YYYY-MM-DD", d)
		}
	}
	return f.Page.Validate()
}

// ValidDate reports whether s is a date written YYYY-MM-DD.
func ValidDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == "" && s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}
