package schema

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/egovgraph/egovgraph/graph"
)

// releaseIndex holds every release of the store at one version, in the store's order
// (newest first, undated last, then by ID), so that lists of releases can be filtered,
// ordered and paged both ways, and new releases told from old ones.
type releaseIndex struct {
	store graph.Store

	mu      sync.Mutex
	version string
	list    []graph.Release
}

// at returns the releases and the version they are of, read again only when the
// store's version changed.
func (x *releaseIndex) at(ctx context.Context) ([]graph.Release, string, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for range 3 {
		version, err := x.store.Version(ctx)
		if err != nil {
			return nil, "", err
		}
		if version == x.version && x.list != nil {
			return x.list, version, nil
		}
		list, err := all(func(p graph.Page) (graph.Paged[graph.Release], error) {
			return x.store.Releases(ctx, p)
		}, releaseID)
		if err != nil {
			return nil, "", err
		}
		// A write between the two reads of the version may show in list in part: read again.
		if again, err := x.store.Version(ctx); err != nil || again != version {
			continue
		}
		if list == nil {
			list = []graph.Release{}
		}
		x.version, x.list = version, list
		return list, version, nil
	}
	return nil, "", graph.Errorf(graph.EUNAVAILABLE, "releases: the store kept changing while they were read")
}

// matcher returns whether a release passes w, or nil when w selects everything.
func (w *ReleaseWhere) matcher() func(graph.Release) bool {
	if w == nil {
		return nil
	}
	text := graph.Fold(deref(w.TitleContains))
	since, until := deref(w.Since), deref(w.Until)
	return func(r graph.Release) bool {
		switch {
		case w.ID != nil && r.ID != *w.ID,
			w.IDIn != nil && !slices.Contains(w.IDIn, r.ID),
			text != "" && !strings.Contains(graph.Fold(r.Title), text),
			(since != "" || until != "") && r.Date == "",
			since != "" && r.Date < since,
			until != "" && r.Date > until,
			w.Mentions != nil && !slices.ContainsFunc(r.Entities, func(e graph.Entity) bool { return e.ID == *w.Mentions }):
			return false
		}
		return true
	}
}

// orderReleases returns list in the order o asks for, or list itself when o is nil.
func orderReleases(list []graph.Release, o *ReleaseOrder) []graph.Release {
	if o == nil {
		return list
	}
	desc := o.Direction == OrderDirectionDesc
	var compare func(a, b graph.Release) int
	switch o.Field {
	case ReleaseOrderFieldTitle:
		compare = func(a, b graph.Release) int { return byText(a.Title, b.Title) }
	case ReleaseOrderFieldDate:
		compare = func(a, b graph.Release) int { return byDate(a.Date, b.Date, desc) }
	default:
		compare = func(a, b graph.Release) int { return strings.Compare(a.ID, b.ID) }
	}
	return sortBy(list, desc, compare, releaseID)
}
