package schema

import (
	"cmp"
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// stateReach returns the IDs of the Land ref names (its ID or ISO code) and the entities
// within one relation of it, and the IDs of the relations among them, in v.
func stateReach(v *network.View, ref string) (entities, relations map[string]bool, err error) {
	net, err := v.Network(network.Filter{State: ref})
	if err != nil {
		return nil, nil, err
	}
	entities, relations = map[string]bool{}, map[string]bool{}
	for _, n := range net.Nodes {
		entities[n.ID] = true
	}
	for _, e := range net.Edges {
		relations[e.ID] = true
	}
	return entities, relations, nil
}

// matcher returns whether an entity passes w, or nil when w selects everything.
func (w *EntityWhere) matcher(v *network.View) (func(graph.Entity) bool, error) {
	if w == nil {
		return nil, nil
	}
	var reach map[string]bool
	if w.State != nil {
		var err error
		if reach, _, err = stateReach(v, *w.State); err != nil {
			return nil, err
		}
	}
	text := graph.Fold(deref(w.NameContains))
	return func(e graph.Entity) bool {
		switch {
		case w.ID != nil && e.ID != *w.ID,
			w.IDIn != nil && !slices.Contains(w.IDIn, e.ID),
			w.Type != nil && e.Type != *w.Type,
			w.TypeIn != nil && !slices.Contains(w.TypeIn, e.Type),
			reach != nil && !reach[e.ID]:
			return false
		case text == "":
			return true
		}
		return slices.ContainsFunc(append([]string{e.Name}, e.Aliases...), func(n string) bool {
			return strings.Contains(graph.Fold(n), text)
		})
	}, nil
}

// orderEntities returns list in the order o asks for, or list itself when o is nil.
// Centrality measures are read from v.
func orderEntities(v *network.View, list []graph.Entity, o *EntityOrder) []graph.Entity {
	if o == nil {
		return list
	}
	measure := func(pick func(network.Centrality) float64) func(a, b graph.Entity) int {
		return func(a, b graph.Entity) int {
			ca, _ := v.EntityCentrality(a.ID)
			cb, _ := v.EntityCentrality(b.ID)
			return cmp.Compare(pick(ca), pick(cb))
		}
	}
	var compare func(a, b graph.Entity) int
	switch o.Field {
	case EntityOrderFieldName:
		compare = func(a, b graph.Entity) int { return byText(a.Name, b.Name) }
	case EntityOrderFieldType:
		compare = func(a, b graph.Entity) int { return strings.Compare(string(a.Type), string(b.Type)) }
	case EntityOrderFieldDegree:
		compare = measure(func(c network.Centrality) float64 { return float64(c.Degree) })
	case EntityOrderFieldBetweenness:
		compare = measure(func(c network.Centrality) float64 { return c.Betweenness })
	case EntityOrderFieldPagerank:
		compare = measure(func(c network.Centrality) float64 { return c.PageRank })
	default:
		compare = func(a, b graph.Entity) int { return strings.Compare(a.ID, b.ID) }
	}
	return sortBy(list, o.Direction == OrderDirectionDesc, compare, entityID)
}

// entityList answers an entity connection: the entities of list that where selects, in
// the order orderBy asks for. byID reports whether list is in ascending order of ID.
func entityList(v *network.View, list []graph.Entity, where *EntityWhere, orderBy *EntityOrder, w window, byID bool) (*EntityConnection, error) {
	keep, err := where.matcher(v)
	if err != nil {
		return nil, err
	}
	list = orderEntities(v, filter(list, keep), orderBy)
	byID = byID && (orderBy == nil || orderBy.Field == EntityOrderFieldID && orderBy.Direction == OrderDirectionAsc)
	return entityConnection(list, w, byID)
}
