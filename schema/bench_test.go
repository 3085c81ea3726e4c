package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/schema"
)

// hubReleases returns releases stating a hub like Bayern in the benchmark data of issue 11:
// Bayern cooperates with 120 municipalities and is a member of 48 organizations, each
// relation stated by three releases, and works on 12 topics; each municipality also
// cooperates with its neighbour, is a member of an organization or works on a topic, so that the graph is more than a star.
func hubReleases() []graph.Release {
	bayern := graph.NewEntity(graph.State, "Bayern")
	var rs []graph.Release
	add := func(i int, other, third graph.Entity, t graph.RelationType, toward bool, second graph.RelationType) {
		from, to := bayern.ID, other.ID
		if toward {
			from, to = to, from
		}
		rs = append(rs, graph.Release{
			Source:   fmt.Sprintf("bench/hub-%04d.md", len(rs)),
			Title:    fmt.Sprintf("Meldung %d", len(rs)),
			Date:     fmt.Sprintf("20%02d-%02d-%02d", 18+i%6, 1+i%12, 1+i%28),
			Entities: []graph.Entity{bayern, other, third},
			Facts: []graph.Fact{
				{Type: t, From: from, To: to, Sentence: fmt.Sprintf("Satz %d.", len(rs)), Confidence: 0.8, Rule: "bench"},
				{Type: second, From: third.ID, To: other.ID, Sentence: fmt.Sprintf("Satz %d b.", len(rs)), Confidence: 0.6, Rule: "bench"},
			},
		}.WithID())
	}
	municipality := func(i int) graph.Entity {
		return graph.NewEntity(graph.Municipality, fmt.Sprintf("Gemeinde %03d", i%120))
	}
	for k := range 3 {
		for i := range 120 {
			add(k, municipality(i), municipality(i+1), graph.CooperatesWith, i%2 == 0, graph.CooperatesWith)
		}
		for i := range 48 {
			add(k, graph.NewEntity(graph.Organization, fmt.Sprintf("Verband %02d", i)), municipality(i), graph.MemberOf, false, graph.MemberOf)
		}
		for i := range 12 {
			add(k, graph.NewEntity(graph.Topic, fmt.Sprintf("Themenfeld %02d", i)), municipality(i), graph.WorksOn, false, graph.WorksOn)
		}
	}
	return rs
}

// BenchmarkQuery answers queries in process, through the handler serve builds, on the
// embedded store holding hubReleases: allocations and time per request of the GraphQL
// layer, without a network or a load generator. entity-relations is the first query of the
// comparison with the official Neo4j GraphQL Library (bench/peer): Bayern and its 168
// MEMBER_OF and COOPERATES_WITH relations.
func BenchmarkQuery(b *testing.B) {
	s := MustOpenStore(b)
	rs := hubReleases()
	for i := 0; i < len(rs); i += 100 {
		if _, err := s.PutReleases(context.Background(), rs[i:min(i+100, len(rs))]); err != nil {
			b.Fatal(err)
		}
	}
	h := schema.NewHandler(s, schema.Options{})
	for _, q := range []struct{ name, query string }{
		{"entity", `{ entity(id: "state:bayern") { id name } }`},
		{"entity-relations", `{ entity(id: "state:bayern") { id name relations(types: [MEMBER_OF, COOPERATES_WITH], first: 500) {
			edges { node { id type weight firstSeen lastSeen from { id name } to { id name } } } } } }`},
		{"relations", `{ relations(first: 400) { edges { node { id from { name } to { name } } } } }`},
		{"neighborhood2", `{ neighborhood(id: "state:bayern", depth: 2, first: 50) {
			nodes { id type name } edges { id type from { id } to { id } weight } } }`},
		{"search", `{ search(text: "gemeinde", first: 50) { id name type } }`},
	} {
		body, err := json.Marshal(map[string]any{"query": q.query})
		if err != nil {
			b.Fatal(err)
		}
		ask := func() *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			return w
		}
		b.Run(q.name, func(b *testing.B) {
			if w := ask(); w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
				b.Fatalf("status %d: %s", w.Code, w.Body.Bytes())
			}
			b.ReportAllocs()
			for b.Loop() {
				ask()
			}
		})
	}
}
