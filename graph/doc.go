// Package graph holds the domain of egovgraph: the parties, persons, topics and projects
// that German e-government press releases name (Entity), what the releases say about them
// (Fact, aggregated into Relation with its Evidence), the releases themselves (Release),
// and the Store interface that every backend implements.
//
// A loader turns one published text into a Release carrying its entities and facts; a
// Store keeps it, replacing whatever an earlier version of the same release stated:
//
//	rel := graph.Release{
//		Source: "https://example.org/pm/bayern-tritt-govdigital-bei",
//		Title:  "Bayern tritt govdigital bei",
//		Date:   "2021-07-22",
//		Entities: []graph.Entity{
//			graph.NewEntity(graph.State, "Bayern"),
//			graph.NewEntity(graph.Organization, "govdigital"),
//		},
//		Facts: []graph.Fact{{
//			Type: graph.MemberOf, From: "state:bayern", To: "org:govdigital",
//			Sentence: "Der Freistaat schließt sich der Genossenschaft an.",
//		}},
//	}
//	changed, err := store.PutRelease(ctx, rel.WithID())
//
// Reads aggregate the facts of all releases: a Relation is one (type, from, to, role) with
// the Evidence of every release that states it.
package graph
