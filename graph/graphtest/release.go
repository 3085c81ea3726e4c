package graphtest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

var releaseTests = []subtest{
	{"ReadBack", testReleaseReadBack},
	{"ListNewestFirst", testReleasesNewestFirst},
	{"Paging", testReleasesPaging},
	{"InvalidPage", testReleasesInvalidPage},
	{"ReloadIsIdempotent", testReleaseReload},
	{"ReplaceDropsOldFacts", testReleaseReplace},
	{"InvalidWritesNothing", testReleaseInvalid},
	{"UnknownIsNotFound", testReleaseUnknown},
	{"SameTextUnderAnotherSourceChangesNothing", testReleaseSameText},
	{"DeleteRemovesWhatOnlyItStated", testReleaseDelete},
	{"DeleteUnknownIsNotFound", testReleaseDeleteUnknown},
	{"BatchIsEachWrite", testReleaseBatch},
	{"BatchInvalidWritesNothing", testReleaseBatchInvalid},
}

func testReleaseReadBack(t *testing.T, h *harness) {
	h.load()
	for _, want := range Fixtures() {
		got, err := h.s.Release(h.ctx, want.ID)
		if err != nil {
			t.Fatalf("Release(%s): %v", want.ID, err)
		}
		wantEqual(t, "Release("+want.ID+")", []graph.Release{normRelease(got)}, []graph.Release{normRelease(want)})
	}
}

// releaseOrder is the order of Releases over the fixtures.
func releaseOrder() []string {
	return []string{
		itVerbundMitte().ID,        // 2023-05-10
		centralGermanStates().ID,   // 2023-02-01
		hessenJoinsGovdigital().ID, // 2022-03-15
		brandenburgAndBayern().ID,  // 2021-09-01, the smaller ID
		hessenAndFitko().ID,        // 2021-09-01
		bayernJoinsGovdigital().ID, // 2021-07-22
		datenstrasseNord().ID,      // undated
	}
}

func testReleasesNewestFirst(t *testing.T, h *harness) {
	if a, b := brandenburgAndBayern().ID, hessenAndFitko().ID; a >= b {
		t.Fatalf("fixture: release IDs %s and %s are not in the order the test needs", a, b)
	}
	h.load()
	got := h.allReleases()
	wantIDs(t, "Releases", ids(got), releaseOrder())
	// Listed releases are whole, as Release returns them.
	for _, r := range got {
		one, err := h.s.Release(h.ctx, r.ID)
		if err != nil {
			t.Fatalf("Release(%s): %v", r.ID, err)
		}
		wantEqual(t, "listed release "+r.ID, []graph.Release{normRelease(r)}, []graph.Release{normRelease(one)})
	}
}

func testReleasesPaging(t *testing.T, h *harness) {
	h.load()
	order := releaseOrder()
	pages := [][]string{order[0:3], order[3:6], order[6:7]}
	after := ""
	for i, want := range pages {
		p, err := h.s.Releases(h.ctx, graph.Page{First: 3, After: after})
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		wantIDs(t, "page items", ids(p.Items), want)
		if p.Total != len(order) {
			t.Errorf("page %d: Total %d, want %d", i, p.Total, len(order))
		}
		if wantMore := i < len(pages)-1; p.More != wantMore {
			t.Errorf("page %d: More %v, want %v", i, p.More, wantMore)
		}
		after = want[len(want)-1]
	}
	p, err := h.s.Releases(h.ctx, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != len(order) || p.More {
		t.Errorf("default page: got %d items, More %v; want %d, false", len(p.Items), p.More, len(order))
	}
}

func testReleasesInvalidPage(t *testing.T, h *harness) {
	h.load()
	for _, p := range []graph.Page{
		{First: -1},
		{First: graph.MaxPageSize + 1},
		{After: "no-such-release-00000000"},
	} {
		_, err := h.s.Releases(h.ctx, p)
		wantCode(t, fmt.Sprintf("Releases(%+v)", p), err, graph.EINVALID)
	}
}

func testReleaseReload(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	for _, r := range Fixtures() {
		changed, err := h.s.PutRelease(h.ctx, r)
		if err != nil {
			t.Fatalf("PutRelease(%s) again: %v", r.Source, err)
		}
		if changed {
			t.Errorf("PutRelease(%s) again: changed=true, want false", r.Source)
		}
	}
	wantSnapshot(t, "after writing every release again", h.snapshot(), before)
}

func testReleaseReplace(t *testing.T, h *harness) {
	h.load()
	old := bayernJoinsGovdigital()
	before := h.allRelations(graph.RelationFilter{})

	v2 := bayernJoinsGovdigitalV2()
	changed, err := h.s.PutRelease(h.ctx, v2)
	if err != nil {
		t.Fatalf("PutRelease(v2): %v", err)
	}
	if !changed {
		t.Error("PutRelease(v2): changed=false, want true")
	}

	got, err := h.s.Release(h.ctx, old.ID)
	if err != nil {
		t.Fatalf("Release(%s): %v", old.ID, err)
	}
	wantEqual(t, "replaced release", []graph.Release{normRelease(got)}, []graph.Release{normRelease(v2)})

	// The entity only the old version named is gone, the new one is there.
	_, err = h.s.Entity(h.ctx, blockchain)
	wantCode(t, "Entity("+blockchain+") after replace", err, graph.ENOTFOUND)
	h.mustEntity(identitaeten)

	// Aliases only the old version gave are gone; those of other releases stay.
	if got, want := h.mustEntity(bayern).Aliases, []string{"Land Bayern"}; !slices.Equal(got, want) {
		t.Errorf("Bayern aliases: got %q, want %q", got, want)
	}
	if got, want := h.mustEntity(govdigital).Aliases, []string{"Genossenschaft govdigital"}; !slices.Equal(got, want) {
		t.Errorf("govdigital aliases: got %q, want %q", got, want)
	}

	wantIDs(t, "relations of govdigital", ids(h.allRelations(graph.RelationFilter{Entity: govdigital})),
		sorted(memberBayernGovdigital, memberHessenGovdigital, worksGovdigitalIdent))

	// The relation both versions state keeps the other release's evidence and has the
	// new version's instead of the old one's.
	member := h.mustRelation(memberBayernGovdigital)
	wantEqual(t, "evidence of "+memberBayernGovdigital, member.Evidence, []graph.Evidence{
		evidence(v2, v2.Facts[0]),
		evidence(hessenJoinsGovdigital(), hessenJoinsGovdigital().Facts[1]),
	})

	// Relations the old version did not state are untouched.
	after := map[string]graph.Relation{}
	for _, r := range h.allRelations(graph.RelationFilter{}) {
		after[r.ID] = r
	}
	for _, r := range before {
		if statedBy(r, old.ID) {
			continue
		}
		wantEqual(t, "relation "+r.ID+" after replace", []graph.Relation{after[r.ID]}, []graph.Relation{r})
	}

	want := fixtureCounts // Blockchain gone, Digitale Identitäten new
	if got := h.mustStats(); got != want {
		t.Errorf("Stats: got %+v, want %+v", got, want)
	}
	hits, err := h.s.Search(h.ctx, "Freistaat Bayern", 10)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "Search(Freistaat Bayern) after replace", ids(hits), nil)
}

func testReleaseInvalid(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()

	unlisted := graph.Release{
		Source: "pm/2024-01-10-ungueltig.md",
		Date:   "2024-01-10",
		Hash:   "ungueltig-1",
		Entities: []graph.Entity{
			entity(graph.State, "Bremen"),
		},
		Facts: []graph.Fact{{Type: graph.MemberOf, From: "state:bremen", To: govdigital}},
	}.WithID()
	noID := hessenJoinsGovdigital()
	noID.Source = "pm/2024-01-11-ohne-id.md"
	// A changed version of a stored release that is invalid must leave the stored one.
	badVersion := bayernJoinsGovdigitalV2()
	badVersion.Date = "23.07.2021"

	for _, r := range []graph.Release{unlisted, noID, badVersion} {
		changed, err := h.s.PutRelease(h.ctx, r)
		wantCode(t, "PutRelease("+r.Source+")", err, graph.EINVALID)
		if changed {
			t.Errorf("PutRelease(%s): changed=true for an invalid release", r.Source)
		}
	}
	_, err := h.s.Release(h.ctx, unlisted.ID)
	wantCode(t, "Release of the invalid release", err, graph.ENOTFOUND)
	_, err = h.s.Entity(h.ctx, "state:bremen")
	wantCode(t, "Entity named only by the invalid release", err, graph.ENOTFOUND)
	wantSnapshot(t, "after invalid writes", h.snapshot(), before)
}

func testReleaseUnknown(t *testing.T, h *harness) {
	h.load()
	_, err := h.s.Release(h.ctx, "no-such-release-00000000")
	wantCode(t, "Release(unknown)", err, graph.ENOTFOUND)
}

// testReleaseBatch writes the fixtures in one PutReleases: the graph is the one writing
// them one by one gives; again, nothing changes; a batch replacing one reports just that.
func testReleaseBatch(t *testing.T, h *harness) {
	h.load()
	want := h.snapshot()
	if err := h.close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	h.mustOpen(true)

	before := h.mustVersion()
	changed, err := h.s.PutReleases(h.ctx, Fixtures())
	if err != nil {
		t.Fatalf("PutReleases(fixtures): %v", err)
	}
	if slices.Contains(changed, false) || len(changed) != len(Fixtures()) {
		t.Errorf("PutReleases(fixtures): changed=%v, want true for each", changed)
	}
	wantSnapshot(t, "after one batch of the fixtures", h.snapshot(), want)
	written := h.mustVersion()
	if written == before {
		t.Errorf("Version after a batch is %q, as before it", written)
	}

	changed, err = h.s.PutReleases(h.ctx, Fixtures())
	if err != nil || slices.Contains(changed, true) {
		t.Errorf("PutReleases(fixtures) again: changed=%v, err=%v; want none changed", changed, err)
	}
	if v := h.mustVersion(); v != written {
		t.Errorf("Version after a batch changing nothing is %q, want %q", v, written)
	}

	v2 := bayernJoinsGovdigitalV2()
	fixtures := Fixtures()
	changed, err = h.s.PutReleases(h.ctx, []graph.Release{fixtures[len(fixtures)-1], v2})
	if err != nil {
		t.Fatalf("PutReleases(unchanged, v2): %v", err)
	}
	if !slices.Equal(changed, []bool{false, true}) {
		t.Errorf("PutReleases(unchanged, v2): changed=%v, want [false true]", changed)
	}
	if got := h.mustRelation(graph.RelationID(graph.MemberOf, bayern, govdigital, "")); !statedBy(got, v2.ID) {
		t.Errorf("after the batch, the membership is not stated by v2: %+v", got.Evidence)
	}
}

// testReleaseBatchInvalid writes a batch holding an invalid release, and one holding a
// release twice: EINVALID, and neither writes anything.
func testReleaseBatchInvalid(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	version := h.mustVersion()
	bad := bayernJoinsGovdigitalV2()
	bad.Date = "23.07.2021"
	newOne := bayernJoinsGovdigitalV2()
	newOne.Source = "pm/2024-02-01-neu.md"
	newOne = newOne.WithID()
	for name, batch := range map[string][]graph.Release{
		"an invalid release": {newOne, bad},
		"a release twice":    {newOne, newOne},
	} {
		changed, err := h.s.PutReleases(h.ctx, batch)
		wantCode(t, "PutReleases with "+name, err, graph.EINVALID)
		if slices.Contains(changed, true) {
			t.Errorf("PutReleases with %s: changed=%v, want none", name, changed)
		}
	}
	wantSnapshot(t, "after invalid batches", h.snapshot(), before)
	if v := h.mustVersion(); v != version {
		t.Errorf("Version after invalid batches is %q, want %q", v, version)
	}
}

// evidence is the Evidence r gives for f.
func evidence(r graph.Release, f graph.Fact) graph.Evidence {
	return graph.Evidence{
		ReleaseID: r.ID, Source: r.Source, Title: r.Title, Date: r.Date,
		Sentence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule,
	}
}

// statedBy reports whether the release with id releaseID is among r's evidence.
func statedBy(r graph.Relation, releaseID string) bool {
	for _, e := range r.Evidence {
		if e.ReleaseID == releaseID {
			return true
		}
	}
	return false
}

func testReleaseSameText(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	version := h.mustVersion()
	copied := bayernJoinsGovdigital()
	copied.Source = "/home/analyst/kopie/bayern-tritt-govdigital-bei.md"
	copied = copied.WithID()
	changed, err := h.s.PutRelease(h.ctx, copied)
	if err != nil {
		t.Fatalf("PutRelease(%s): %v", copied.Source, err)
	}
	if changed {
		t.Errorf("PutRelease of a stored text under another source: changed=true, want false")
	}
	_, err = h.s.Release(h.ctx, copied.ID)
	wantCode(t, "Release(the copy)", err, graph.ENOTFOUND)
	wantSnapshot(t, "after writing the same text under another source", h.snapshot(), before)
	if v := h.mustVersion(); v != version {
		t.Errorf("Version changed from %s to %s by a write that changed nothing", version, v)
	}
}

func testReleaseDelete(t *testing.T, h *harness) {
	gone := hessenAndFitko()
	var rest []graph.Release
	for _, r := range Fixtures() {
		if r.ID != gone.ID {
			rest = append(rest, r)
		}
	}
	MustPut(t, h.s, rest...)
	want := h.snapshot()
	MustPut(t, h.s, gone)
	version := h.mustVersion()

	if err := h.s.DeleteRelease(h.ctx, gone.ID); err != nil {
		t.Fatalf("DeleteRelease(%s): %v", gone.ID, err)
	}
	_, err := h.s.Release(h.ctx, gone.ID)
	wantCode(t, "Release after DeleteRelease", err, graph.ENOTFOUND)
	wantSnapshot(t, "after deleting a release", h.snapshot(), want)
	if v := h.mustVersion(); v == version {
		t.Errorf("Version %s unchanged by DeleteRelease", v)
	}
	h.reopen()
	wantSnapshot(t, "after deleting a release and reopening", h.snapshot(), want)
	// Its text is not remembered: writing it again stores it again.
	MustPut(t, h.s, gone)
}

func testReleaseDeleteUnknown(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	err := h.s.DeleteRelease(h.ctx, "no-such-release-00000000")
	wantCode(t, "DeleteRelease(unknown)", err, graph.ENOTFOUND)
	wantSnapshot(t, "after deleting an unknown release", h.snapshot(), before)
}
