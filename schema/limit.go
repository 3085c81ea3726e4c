package schema

import (
	"context"
	"math"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// setComplexity weighs the fields that return many items: a connection by the page size
// it asks for, search by its first, a neighborhood as depth default pages, a path by its
// steps, and the short lists that are not paged by shortList. Other fields cost 1 plus
// their children, gqlgen's default.
func setComplexity(c *ComplexityRoot) {
	// A page holds first items, or last, or the fewer of both.
	perPage := func(child int, first, last *int) int {
		n := pageSize(first)
		if last != nil {
			n = pageSize(last)
			if first != nil {
				n = min(n, pageSize(first))
			}
		}
		return perItem(child, n)
	}
	page := func(child int, first *int, _ *string, last *int, _ *string) int { return perPage(child, first, last) }
	short := func(child int) int { return perItem(child, shortList) }

	c.Query.Entities = func(child int, _ *EntityWhere, _ *EntityOrder, _ *graph.EntityType, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Query.Relations = func(child int, _ *RelationWhere, _ *RelationOrder, _ *graph.RelationType, _, _, _, _, _ *string, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Query.Releases = func(child int, _ *ReleaseWhere, _ *ReleaseOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Entity.Relations = func(child int, _ *RelationWhere, _ *RelationOrder, _ []graph.RelationType, _ Direction, _ *string, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Query.Search = func(child int, _ string, first int) int {
		return perItem(child, pageSize(&first))
	}
	c.Query.Neighborhood = func(child int, _ string, _ int, _ []graph.RelationType, _ *string, first int) int {
		return perItem(child, pageSize(&first))
	}
	c.Query.Nodes = func(child int, ids []string) int { return perItem(child, max(len(ids), 1)) }

	c.Network.Nodes = func(child int, _ *NetworkNodeOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Network.Relations = func(child int, _ *NetworkRelationOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Network.Edges = page
	c.Query.Path = func(child int, _, _ string, _ int, _ []graph.RelationType, _ *string, first *int, _ *string, last *int, _ *string) int {
		return perItem(child, min(pageSize(first), pageSize(last), network.MaxPaths))
	}
	c.Path.Nodes = func(child int) int { return perItem(child, network.MaxPathDepth+1) }
	c.Path.Steps = func(child int) int { return perItem(child, network.MaxPathDepth) }
	c.PathStep.Relations = short
	c.Query.Changes = func(child int, _, _ *string, _ []graph.RelationType, _ *RelationWhere, _ *RelationOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}

	c.Query.Posts = func(child int, _ *PostWhere, _ *PostOrder, _, _ *string, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Entity.Posts = func(child int, _ *string, _ *PostOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Post.Holders = func(child int, _ *HolderOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Holder.Relations = short

	c.Analytics.Centrality = func(child int, _ network.Measure, _ *EntityWhere, _ []graph.EntityType, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Analytics.Communities = func(child int, _ *CommunityOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Community.Members = func(child int, _ *EntityWhere, _ *EntityOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.Query.CoMembership = func(child int, _ string, _ *CoMemberOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.CoMember.Shared = short
	links := func(child int, _ *LinkOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
	c.StateSummary.Partners = links
	c.StateSummary.Memberships = links
	c.StateSummary.Topics = links
	c.StateSummary.Projects = links
	c.StateSummary.Offices = func(child int, _ *PostOrder, first *int, after *string, last *int, before *string) int {
		return page(child, first, after, last, before)
	}
}

// shortList is the number of items a list that is not paged counts for: the relations
// between two entities, a holder's relations, the organizations two parties share.
const shortList = 10

// pageSize returns the number of items first asks for, kept within 1 and
// graph.MaxPageSize so that a bad argument cannot lower the cost; the resolver rejects it.
func pageSize(first *int) int {
	if first == nil {
		return graph.DefaultPageSize
	}
	return min(max(*first, 1), graph.MaxPageSize)
}

// perItem returns the cost of a field that resolves its children n times, saturating
// instead of overflowing.
func perItem(child, n int) int {
	if child > (math.MaxInt-1)/n {
		return math.MaxInt
	}
	return 1 + child*n
}

// depthLimit is a gqlgen extension that rejects operations whose selections nest deeper
// than its value. Introspection fields (__schema, __type, __typename) are not counted:
// IDEs ask them deeply and their answer is bounded by the schema.
type depthLimit int

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit(0)

// ExtensionName names the extension for gqlgen.
func (depthLimit) ExtensionName() string { return "DepthLimit" }

// Validate accepts every schema.
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext rejects the operation when it nests too deep.
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if got := depth(oc.Operation.SelectionSet, map[string]int{}); got > int(d) {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", got, int(d))
		errcode.Set(err, "DEPTH_LIMIT_EXCEEDED")
		return err
	}
	return nil
}

// depth returns how deep set nests, remembering the depth of each fragment in
// fragments so that a fragment spread many times is measured once.
func depth(set ast.SelectionSet, fragments map[string]int) int {
	d := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if !strings.HasPrefix(s.Name, "__") {
				d = max(d, 1+depth(s.SelectionSet, fragments))
			}
		case *ast.InlineFragment:
			d = max(d, depth(s.SelectionSet, fragments))
		case *ast.FragmentSpread:
			fd, ok := fragments[s.Name]
			if !ok && s.Definition != nil {
				fd = depth(s.Definition.SelectionSet, fragments)
				fragments[s.Name] = fd
			}
			d = max(d, fd)
		}
	}
	return d
}

// noIntrospection is a gqlgen extension that rejects operations asking __schema or
// __type, with a code a client can act on; gqlgen itself would only fail the field.
type noIntrospection struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = noIntrospection{}

// ExtensionName names the extension for gqlgen.
func (noIntrospection) ExtensionName() string { return "NoIntrospection" }

// Validate accepts every schema.
func (noIntrospection) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext rejects the operation when it asks for introspection.
func (noIntrospection) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation != nil && introspects(oc.Operation.SelectionSet) {
		err := gqlerror.Errorf("introspection is disabled")
		errcode.Set(err, "INTROSPECTION_DISABLED")
		return err
	}
	return nil
}

// introspects reports whether the root selections set ask for __schema or __type.
func introspects(set ast.SelectionSet) bool {
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if introspects(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && introspects(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}
