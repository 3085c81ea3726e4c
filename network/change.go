package network

import (
	"slices"
	"sort"

	"github.com/egovgraph/egovgraph/graph"
)

// ChangeQuery asks for the relations that appeared in an interval.
type ChangeQuery struct {
	// Since and Until (YYYY-MM-DD, inclusive) bound the interval; empty, it is open.
	Since, Until string
	// Types keeps relations of these types (all when empty).
	Types []graph.RelationType
	graph.Page
}

// Changes returns a page of the relations first stated by a release dated within q's
// interval: what is new in it. They are ordered by first seen, then ID; the cursor is a
// relation's ID. Relations no dated release states never appear.
func (x *View) Changes(q ChangeQuery) (graph.Paged[graph.Relation], error) {
	var out graph.Paged[graph.Relation]
	if err := validWindow(q.Since, q.Until, ""); err != nil {
		return out, err
	}
	if err := validTypes(q.Types); err != nil {
		return out, err
	}
	if err := q.Page.Validate(); err != nil {
		return out, err
	}
	first := func(k int) string { return x.relations[x.byFirstSeen[k]].FirstSeen() }
	lo := sort.Search(len(x.byFirstSeen), func(k int) bool { return first(k) >= q.Since })
	hi := len(x.byFirstSeen)
	if q.Until != "" {
		hi = sort.Search(len(x.byFirstSeen), func(k int) bool { return first(k) > q.Until })
	}
	list := x.byFirstSeen[lo:hi]
	if len(q.Types) > 0 {
		list = slices.DeleteFunc(slices.Clone(list), func(r int) bool { return !slices.Contains(q.Types, x.relations[r].Type) })
	}
	return pageOf(list, q.Page, func(r int) string { return x.relations[r].ID }, func(r int) graph.Relation { return x.relations[r] })
}
