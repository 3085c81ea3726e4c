package schema

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// filter returns the part of w a graph.RelationFilter expresses: types, ends and dates.
func (w *RelationWhere) filter() graph.RelationFilter {
	if w == nil {
		return graph.RelationFilter{}
	}
	f := graph.RelationFilter{Types: w.TypeIn, From: deref(w.From), To: deref(w.To),
		Entity: deref(w.Entity), Since: deref(w.Since), Until: deref(w.Until)}
	if w.Type != nil && f.Types == nil {
		f.Types = []graph.RelationType{*w.Type}
	}
	return f
}

// matcher returns whether a relation passes w, or nil when w selects everything.
func (w *RelationWhere) matcher(v *network.View) (func(graph.Relation) bool, error) {
	if w == nil {
		return nil, nil
	}
	f := w.filter()
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if w.MinWeight != nil && *w.MinWeight < 0 {
		return nil, graph.Errorf(graph.EINVALID, "minWeight %d: want 0 or more", *w.MinWeight)
	}
	var reach map[string]bool
	if w.State != nil {
		var err error
		if _, reach, err = stateReach(v, *w.State); err != nil {
			return nil, err
		}
	}
	role := graph.Fold(deref(w.RoleContains))
	typeOf := func(id string) graph.EntityType {
		e, _ := v.Entity(id)
		return e.Type
	}
	return func(r graph.Relation) bool {
		switch {
		case !f.Matches(r),
			w.ID != nil && r.ID != *w.ID,
			w.IDIn != nil && !slices.Contains(w.IDIn, r.ID),
			w.Type != nil && r.Type != *w.Type,
			w.EntityTypeIn != nil && !(slices.Contains(w.EntityTypeIn, typeOf(r.From)) && slices.Contains(w.EntityTypeIn, typeOf(r.To))),
			reach != nil && !reach[r.ID],
			role != "" && !strings.Contains(graph.Fold(r.Role), role),
			w.MinWeight != nil && r.Weight() < *w.MinWeight:
			return false
		}
		return true
	}, nil
}

// orderRelations returns list in the order o asks for, or list itself when o is nil.
func orderRelations(list []graph.Relation, o *RelationOrder) []graph.Relation {
	if o == nil {
		return list
	}
	desc := o.Direction == OrderDirectionDesc
	var compare func(a, b graph.Relation) int
	switch o.Field {
	case RelationOrderFieldType:
		compare = func(a, b graph.Relation) int { return strings.Compare(string(a.Type), string(b.Type)) }
	case RelationOrderFieldFirstSeen:
		compare = func(a, b graph.Relation) int { return byDate(a.FirstSeen(), b.FirstSeen(), desc) }
	case RelationOrderFieldLastSeen:
		compare = func(a, b graph.Relation) int { return byDate(a.LastSeen(), b.LastSeen(), desc) }
	case RelationOrderFieldWeight:
		compare = func(a, b graph.Relation) int { return cmp.Compare(a.Weight(), b.Weight()) }
	case RelationOrderFieldConfidence:
		compare = func(a, b graph.Relation) int { return cmp.Compare(a.Confidence(), b.Confidence()) }
	default:
		compare = func(a, b graph.Relation) int { return strings.Compare(a.ID, b.ID) }
	}
	return sortBy(list, desc, compare, relationID)
}

// relationQuery is what a relation connection asks: the relations base selects (the
// entity's, or the changes') and where, as they stood on asOf, in the order of orderBy.
type relationQuery struct {
	base    graph.RelationFilter
	where   *RelationWhere
	orderBy *RelationOrder
	asOf    *string
	window
}

// relations answers a relation connection from the request's view of the graph. read
// returns a page of the relations a filter selects, in an order that is by ID when byID
// reports so; it defaults to the view's Relations.
func relations(ctx context.Context, q relationQuery, byID bool,
	read func(*network.View, graph.RelationFilter) (graph.Paged[graph.Relation], error)) (*RelationConnection, error) {
	v, err := memoFor(ctx).networkView(ctx)
	if err != nil {
		return nil, err
	}
	if read == nil {
		read = (*network.View).Relations
	}
	keep, err := q.where.matcher(v)
	if err != nil {
		return nil, err
	}
	f := q.base
	if q.asOf != nil && (f.Until == "" || *q.asOf < f.Until) {
		f.Until = *q.asOf
	}
	list, err := all(func(p graph.Page) (graph.Paged[graph.Relation], error) {
		f.Page = p
		return read(v, f)
	}, relationID)
	if err != nil {
		return nil, err
	}
	if q.asOf != nil {
		dated := make([]graph.Relation, len(list))
		for i, r := range list {
			dated[i], _ = network.AsOf(r, *q.asOf)
		}
		list = dated
	}
	list = orderRelations(filter(list, keep), q.orderBy)
	byID = byID && (q.orderBy == nil || q.orderBy.Field == RelationOrderFieldID && q.orderBy.Direction == OrderDirectionAsc)
	conn, err := relationConnection(list, q.window, byID)
	if err == nil && selects(graphql.GetFieldContext(ctx), "edges", "node", "evidence", "release") {
		// The ends of the page need no read (the memo finds them in v, which it pinned),
		// but the releases of their evidence do.
		var ids []string
		for _, e := range conn.Edges {
			for _, ev := range e.Node.Evidence {
				ids = append(ids, ev.ReleaseID)
			}
		}
		memoFor(ctx).prefetchReleases(ctx, ids)
	}
	return conn, err
}

// selects reports whether the field of fc selects the fields of path, one inside the
// other, through fragments.
func selects(fc *graphql.FieldContext, path ...string) bool {
	return fc != nil && selectsIn(fc.Field.Selections, path)
}

func selectsIn(set ast.SelectionSet, path []string) bool {
	if len(path) == 0 {
		return true
	}
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == path[0] && selectsIn(s.SelectionSet, path[1:]) {
				return true
			}
		case *ast.InlineFragment:
			if selectsIn(s.SelectionSet, path) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && selectsIn(s.Definition.SelectionSet, path) {
				return true
			}
		}
	}
	return false
}

// relationByID returns the relation with the given ID from v, or an ENOTFOUND error.
func relationByID(v *network.View, id string) (graph.Relation, error) {
	// An ID is TYPE:from>to or TYPE:from>to:role, and an entity ID is prefix:slug.
	t, ends, ok := strings.Cut(id, ":")
	from, to, ok2 := strings.Cut(ends, ">")
	if ok && ok2 && graph.RelationType(t).Valid() {
		if parts := strings.SplitN(to, ":", 3); len(parts) >= 2 {
			to = parts[0] + ":" + parts[1]
		}
		rs, err := v.Relations(graph.RelationFilter{Types: []graph.RelationType{graph.RelationType(t)}, From: from, To: to,
			Page: graph.Page{First: graph.MaxPageSize}})
		if err != nil {
			return graph.Relation{}, err
		}
		for _, r := range rs.Items {
			if r.ID == id {
				return r, nil
			}
		}
	}
	return graph.Relation{}, graph.Errorf(graph.ENOTFOUND, "no relation %q", id)
}
