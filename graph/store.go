package graph

import "context"

// Store keeps releases and answers questions about the graph they state. Every method that
// does I/O takes a context; errors carry the codes of this package.
type Store interface {
	// PutRelease writes r and its facts in one transaction, replacing whatever an earlier
	// version of the same source stated. It reports whether anything changed: writing a
	// release with the hash already stored, under its own source or another one, changes
	// nothing, so that the same text read through two paths is one release.
	PutRelease(ctx context.Context, r Release) (changed bool, err error)
	// PutReleases writes rs as PutRelease writes each, all in one transaction, and reports
	// which changed anything: readers see all of them or none. When one is invalid, or two
	// have one ID (EINVALID), nothing is written.
	PutReleases(ctx context.Context, rs []Release) (changed []bool, err error)
	// DeleteRelease removes the release with the given ID and everything only it stated,
	// in one transaction; ENOTFOUND when there is none.
	DeleteRelease(ctx context.Context, id string) error
	// PutCorrection stores c and applies it, with every other correction, on top of what
	// the releases state (see Corrector), in one transaction; it changes the version. It
	// reports false for a correction whose ID is stored already, and fails with ENOTFOUND
	// for an undo of a correction not stored.
	PutCorrection(ctx context.Context, c Correction) (changed bool, err error)
	// Corrections returns every stored correction, in the order they apply.
	Corrections(ctx context.Context) ([]Correction, error)

	// Release returns the release with the given ID, its entities and facts included.
	Release(ctx context.Context, id string) (Release, error)
	// Releases returns releases, newest first (undated last), then by ID.
	Releases(ctx context.Context, p Page) (Paged[Release], error)

	// Entity returns the entity with the given ID, its aliases gathered from every release.
	Entity(ctx context.Context, id string) (Entity, error)
	// Entities returns the entities the filter selects, ordered by ID.
	Entities(ctx context.Context, f EntityFilter) (Paged[Entity], error)
	// Relations returns the relations the filter selects, ordered by ID, each with the
	// evidence of every release stating it.
	Relations(ctx context.Context, f RelationFilter) (Paged[Relation], error)
	// Search returns at most limit entities whose name or an alias contains text, both
	// folded by Fold, ranked by SearchRank.
	Search(ctx context.Context, text string, limit int) ([]Entity, error)
	// Neighborhood returns the entities within depth (1 to MaxDepth) relations of id,
	// following only the given relation types (all when empty), and the relations among
	// them that were followed.
	Neighborhood(ctx context.Context, id string, depth int, types []RelationType) (Subgraph, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// Version returns a token of the graph's state: it changes with every write that
	// changes the graph (PutRelease reporting changed), also by other processes, and two
	// different states never share one. It is cheap, for callers that cache what they
	// compute from a Snapshot.
	Version(ctx context.Context) (string, error)
	// Snapshot returns every entity and every relation with all its evidence, as Entities
	// and Relations return them, ordered by ID, and the Version they are of, all read at
	// once: no write shows in part.
	Snapshot(ctx context.Context) (Snapshot, error)

	// Ping reports an EUNAVAILABLE error when the store cannot answer.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// MaxDepth is the deepest neighborhood a Store answers.
const MaxDepth = 3

// Page asks for First items after the item whose ID is After ("" for the start).
type Page struct {
	First int
	After string
}

// DefaultPageSize and MaxPageSize bound a page when First is 0 or too large.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Validate reports an EINVALID error for a negative or too large page.
func (p Page) Validate() error {
	if p.First < 0 || p.First > MaxPageSize {
		return Errorf(EINVALID, "first %d: want 0 to %d", p.First, MaxPageSize)
	}
	return nil
}

// Size returns the number of items the page asks for.
func (p Page) Size() int {
	if p.First == 0 {
		return DefaultPageSize
	}
	return p.First
}

// Paged is one page of a list and what a client needs to fetch the next.
type Paged[T any] struct {
	Items []T
	// Total counts every item the query selects, on all pages.
	Total int
	// More reports whether items follow this page.
	More bool
}

// EntityFilter selects entities of one type, or of every type when Type is empty.
type EntityFilter struct {
	Type EntityType
	// IDs, when not empty, selects just the entities with these IDs that exist (and are of
	// Type, if given): a batch read. At most MaxPageSize IDs; with First 0 the page holds
	// every entity selected.
	IDs []string
	Page
}

// Validate reports an EINVALID error for an unknown type, too many IDs or a malformed page.
func (f EntityFilter) Validate() error {
	if f.Type != "" && !f.Type.Valid() {
		return Errorf(EINVALID, "unknown entity type %q", f.Type)
	}
	if len(f.IDs) > MaxPageSize {
		return Errorf(EINVALID, "%d IDs: want at most %d", len(f.IDs), MaxPageSize)
	}
	return f.Page.Validate()
}

// Size returns the number of entities the page asks for: First, or for a batch read with
// First 0 all of them.
func (f EntityFilter) Size() int {
	if len(f.IDs) > 0 && f.First == 0 {
		return len(f.IDs)
	}
	return f.Page.Size()
}

// Subgraph is a set of entities and the relations among them.
type Subgraph struct {
	Nodes []Entity   // ordered by ID
	Edges []Relation // ordered by ID
}

// Snapshot is the whole graph as it stood at one version of a store.
type Snapshot struct {
	// Version changes whenever a write changes the graph, so that what is computed from a
	// snapshot can be cached until then.
	Version string
	Subgraph
}

// Stats counts the releases, entities and relations a store holds.
type Stats struct {
	Releases, Entities, Relations int
}
