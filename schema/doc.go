// Package schema serves the knowledge graph over GraphQL.
//
// The schema is written in SDL, one file per concept (entity.graphqls, relation.graphqls,
// release.graphqls, network.graphqls, post.graphqls, analytics.graphqls,
// subscription.graphqls, and schema.graphqls for what spans them); SDL serves it whole; gqlgen generates generated.go and models_gen.go
// from it and binds the domain types of package graph and the results of package network.
// The resolvers in <concept>.resolvers.go answer from a graph.Store, and the fields that
// need the whole graph (network, path, changes, posts, analytics, and asOf) from the
// network.View of the store's current version, which a network.Analyzer builds once per
// version; one request answers from one view.
//
// NewHandler returns the endpoint; the caller mounts it on a router:
//
//	mux := http.NewServeMux()
//	mux.Handle("/graphql", schema.NewHandler(store, schema.Options{Timeout: 5 * time.Second}))
//	mux.Handle("/", schema.Playground("egovgraph", "/graphql"))
//
// A client asks, for example, which organizations Bayern is member of and on whose word:
//
//	{
//	  entity(id: "state:bayern") {
//	    name
//	    relations(where: {type: MEMBER_OF}, direction: OUT, orderBy: {field: FIRST_SEEN}) {
//	      totalCount
//	      edges { node { to { name } firstSeen evidence { sentence release { title date } } } }
//	    }
//	  }
//	}
//
// Entity, Relation and Release implement Relay's Node: node(id:) fetches any of them.
// Lists are Relay connections (edges { cursor node }, pageInfo { hasNextPage
// hasPreviousPage startCursor endCursor }, totalCount), paged by first/after or
// last/before, filtered by a where input and ordered by an orderBy input of the list's
// type; they are cut from lists held in memory (connection.go). Subscriptions
// (releaseAdded, graphChanged) run over WebSocket, driven by the store's Version. An error in the response carries
// extensions.code: NOT_FOUND, INVALID, CONFLICT or UNAVAILABLE for the errors of package
// graph (an unknown entity, release or state summary is null, not an error; an unknown
// entity that a path, posts or coMembership start from is NOT_FOUND), INTERNAL with the
// message "internal error" for anything else, which is logged, and gqlgen's own codes for
// queries that do not parse or validate (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED),
// exceed a limit (COMPLEXITY_LIMIT_EXCEEDED, DEPTH_LIMIT_EXCEEDED) or ask for introspection
// when it is disabled (INTROSPECTION_DISABLED).
//
// After editing a .graphqls file, run go generate ./schema; generated files are never
// edited by hand. It runs gqlgen through internal/generate, which resolves the objects
// whose fields do no I/O (listed there) without a goroutine per field or list item.
package schema
