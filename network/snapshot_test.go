package network_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// The entities of the test graphs: real Länder and bodies, invented persons.
var (
	bayern      = graph.NewEntity(graph.State, "Bayern")
	berlin      = graph.NewEntity(graph.State, "Berlin")
	brandenburg = graph.NewEntity(graph.State, "Brandenburg")
	bremen      = graph.NewEntity(graph.State, "Bremen")
	hamburg     = withISO(graph.NewEntity(graph.State, "Hamburg"), "DE-HH")
	hessen      = graph.NewEntity(graph.State, "Hessen")
	niedersachs = graph.NewEntity(graph.State, "Niedersachsen")
	sachsen     = graph.NewEntity(graph.State, "Sachsen")
	schleswig   = graph.NewEntity(graph.State, "Schleswig-Holstein")
	badenWue    = graph.NewEntity(graph.State, "Baden-Württemberg")
	dataport    = graph.NewEntity(graph.Organization, "Dataport")
	govdigital  = graph.NewEntity(graph.Organization, "govdigital")
	vitako      = graph.NewEntity(graph.Organization, "Vitako")
	cloud       = graph.NewEntity(graph.Topic, "Cloud")
	bundID      = graph.NewEntity(graph.Project, "BundID")
	albrecht    = graph.NewEntity(graph.Person, "Anna Albrecht")
	fuchs       = graph.NewEntity(graph.Person, "Tobias Fuchs")
	kuehn       = graph.NewEntity(graph.Person, "Petra Kühn")
)

func withISO(e graph.Entity, code string) graph.Entity {
	e.ISO3166 = code
	return e
}

// stated is a fact a test release states about two entities, dated by its release.
type stated struct {
	date     string
	from, to graph.Entity
	graph.Fact
}

func coop(date string, a, b graph.Entity) stated {
	return stated{date, a, b, graph.Fact{Type: graph.CooperatesWith, From: a.ID, To: b.ID,
		Sentence: fmt.Sprintf("%s und %s arbeiten zusammen.", a.Name, b.Name)}}
}

func member(date string, a, org graph.Entity) stated {
	return stated{date, a, org, graph.Fact{Type: graph.MemberOf, From: a.ID, To: org.ID,
		Sentence: fmt.Sprintf("%s ist Mitglied von %s.", a.Name, org.Name)}}
}

func worksOn(date string, a, what graph.Entity) stated {
	return stated{date, a, what, graph.Fact{Type: graph.WorksOn, From: a.ID, To: what.ID,
		Sentence: fmt.Sprintf("%s arbeitet an %s.", a.Name, what.Name)}}
}

func holds(date string, person graph.Entity, role string, at graph.Entity) stated {
	return stated{date, person, at, graph.Fact{Type: graph.HoldsRole, From: person.ID, To: at.ID, Role: role,
		Sentence: fmt.Sprintf("%s %s äußerte sich.", role, person.Name)}}
}

// MustSnapshot returns the snapshot a store holding one release per fact would give: the
// facts aggregated into relations with the evidence of each release, as the stores do.
func MustSnapshot(tb testing.TB, version string, facts ...stated) graph.Snapshot {
	tb.Helper()
	return aggregate(tb, version, releasesOf(facts))
}

// releasesOf returns a release for each fact.
func releasesOf(facts []stated) []graph.Release {
	var releases []graph.Release
	for i, f := range facts {
		r := graph.Release{Source: fmt.Sprintf("test/pm-%03d.md", i), Title: fmt.Sprintf("Meldung %d", i), Date: f.date}
		f.Confidence, f.Rule = 0.9, "test"
		r.Facts = []graph.Fact{f.Fact}
		r.Entities = []graph.Entity{f.from}
		if f.to.ID != f.from.ID {
			r.Entities = append(r.Entities, f.to)
		}
		releases = append(releases, r.WithID())
	}
	return releases
}

// MustView returns the view of snap.
func MustView(tb testing.TB, snap graph.Snapshot) *network.View {
	tb.Helper()
	v, err := network.New(&source{snap: snap}).View(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// aggregate returns the snapshot of the given releases.
func aggregate(tb testing.TB, version string, releases []graph.Release) graph.Snapshot {
	tb.Helper()
	entities := map[string]graph.Entity{}
	relations := map[string]*graph.Relation{}
	for _, r := range releases {
		if err := r.Validate(); err != nil {
			tb.Fatal(err)
		}
		for _, e := range r.Entities {
			if _, ok := entities[e.ID]; !ok {
				entities[e.ID] = e
			}
		}
		for _, f := range r.Facts {
			f = f.Normalize()
			rel, ok := relations[f.RelationID()]
			if !ok {
				rel = &graph.Relation{ID: f.RelationID(), Type: f.Type, From: f.From, To: f.To, Role: f.Role}
				relations[rel.ID] = rel
			}
			rel.Evidence = append(rel.Evidence, graph.Evidence{ReleaseID: r.ID, Source: r.Source, Title: r.Title,
				Date: r.Date, Sentence: f.Sentence, Confidence: f.Confidence, Rule: f.Rule})
		}
	}
	snap := graph.Snapshot{Version: version}
	for _, e := range entities {
		snap.Nodes = append(snap.Nodes, e)
	}
	for _, r := range relations {
		graph.SortEvidence(r.Evidence)
		snap.Edges = append(snap.Edges, *r)
	}
	slices.SortFunc(snap.Nodes, func(a, b graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(snap.Edges, func(a, b graph.Relation) int { return cmp.Compare(a.ID, b.ID) })
	return snap
}

// source is a Source over a snapshot that counts how often it is read. When gate is not
// nil, Snapshot waits for it to be closed.
type source struct {
	mu        sync.Mutex
	snap      graph.Snapshot
	err       error
	snapshots int
	gate      chan struct{}
}

func (s *source) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	s.mu.Lock()
	s.snapshots++
	snap, err, gate := s.snap, s.err, s.gate
	s.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return graph.Snapshot{}, ctx.Err()
		}
	}
	return snap, err
}

func (s *source) Version(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snap.Version, nil
}

// set makes snap the source's graph.
func (s *source) set(snap graph.Snapshot) {
	s.mu.Lock()
	s.snap = snap
	s.mu.Unlock()
}

// reads returns how often Snapshot was called.
func (s *source) reads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshots
}

// ids returns the IDs of entities, relations or anything else with an ID.
func ids[T any](items []T, id func(T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func entityID(e graph.Entity) string     { return e.ID }
func relationID(r graph.Relation) string { return r.ID }

func relID(t graph.RelationType, from, to graph.Entity) string {
	return graph.RelationID(t, from.ID, to.ID, "")
}

func wantCode(tb testing.TB, what string, err error, code string) {
	tb.Helper()
	if got := graph.ErrorCode(err); got != code {
		tb.Errorf("%s: got error %v (code %q), want code %q", what, err, got, code)
	}
}
