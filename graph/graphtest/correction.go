package graphtest

import (
	"slices"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

var correctionTests = []subtest{
	{"RejectHidesTheRelation", testCorrectionReject},
	{"AddFactWithItsNote", testCorrectionAdd},
	{"MergeMakesAnAlias", testCorrectionMerge},
	{"RenameAndRetype", testCorrectionRenameRetype},
	{"UndoRestores", testCorrectionUndo},
	{"SurviveReloadAndReopen", testCorrectionSurvive},
	{"StoredOnceAndChecked", testCorrectionChecked},
}

// correctionTime is when the suite's corrections are made: one second apart, in order.
var correctionTime = time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC)

// correct stores c, made by "tester" at the n-th second, and returns it as stored.
func (h *harness) correct(n int, c graph.Correction) graph.Correction {
	h.t.Helper()
	c.Author, c.Time = "tester", correctionTime.Add(time.Duration(n)*time.Second)
	c.ID = graph.NewCorrectionID(c.Time)
	if c.Note == "" {
		c.Note = "checked against the source"
	}
	changed, err := h.s.PutCorrection(h.ctx, c)
	if err != nil {
		h.t.Fatalf("PutCorrection(%s %s): %v", c.Kind, c.ID, err)
	}
	if !changed {
		h.t.Fatalf("PutCorrection(%s %s): changed=false, want true", c.Kind, c.ID)
	}
	return c
}

// relationIDs lists the IDs of every relation.
func (h *harness) relationIDs() []string {
	var out []string
	for _, r := range h.allRelations(graph.RelationFilter{}) {
		out = append(out, r.ID)
	}
	return out
}

func testCorrectionReject(t *testing.T, h *harness) {
	h.load()
	version := h.mustVersion()
	c := h.correct(0, graph.Correction{Kind: graph.RejectFact, Relation: memberBayernGovdigital, Note: "Bayern is no member"})
	if slices.Contains(h.relationIDs(), memberBayernGovdigital) {
		t.Errorf("relation %s still listed after it was rejected", memberBayernGovdigital)
	}
	if got := h.mustStats().Relations; got != fixtureCounts.Relations-1 {
		t.Errorf("Stats.Relations %d after one rejection, want %d", got, fixtureCounts.Relations-1)
	}
	h.mustEntity(bayern) // its other relations keep it
	if v := h.mustVersion(); v == version {
		t.Errorf("Version %s unchanged by PutCorrection", v)
	}
	cs, err := h.s.Corrections(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].ID != c.ID || cs[0].Author != "tester" || !cs[0].Time.Equal(c.Time) || cs[0].Note != "Bayern is no member" || cs[0].Relation != memberBayernGovdigital {
		t.Errorf("Corrections = %+v, want the one made: %+v", cs, c)
	}
}

func testCorrectionAdd(t *testing.T, h *harness) {
	h.load()
	from, to := h.mustEntity(bayern), h.mustEntity(hessen)
	c := h.correct(0, graph.Correction{Kind: graph.AddFact, Note: "Kooperationsvertrag vom 3. März 2024",
		Fact: &graph.Fact{Type: graph.CooperatesWith, From: bayern, To: hessen}, Ends: []graph.Entity{from, to}})
	id := graph.RelationID(graph.CooperatesWith, bayern, hessen, "")
	rel := h.mustRelation(id)
	if len(rel.Evidence) != 1 {
		t.Fatalf("added relation %s has evidence %+v, want one", id, rel.Evidence)
	}
	ev := rel.Evidence[0]
	if ev.Sentence != c.Note || graph.CorrectionID(ev.Rule) != c.ID || ev.Source != graph.CorrectionsSource || ev.Confidence != 1 {
		t.Errorf("evidence of the added fact %+v: want the note as sentence, rule correction:%s, source %s, confidence 1", ev, c.ID, graph.CorrectionsSource)
	}
	if got := h.mustStats().Relations; got != fixtureCounts.Relations+1 {
		t.Errorf("Stats.Relations %d after adding one, want %d", got, fixtureCounts.Relations+1)
	}
}

func testCorrectionMerge(t *testing.T, h *harness) {
	h.load()
	kept := h.mustEntity(bayern)
	h.correct(0, graph.Correction{Kind: graph.MergeEntities, Entity: bayern, Other: hessen, Ends: []graph.Entity{kept}})
	_, err := h.s.Entity(h.ctx, hessen)
	wantCode(t, "Entity(merged away)", err, graph.ENOTFOUND)
	e := h.mustEntity(bayern)
	if e.Name != "Bayern" || !slices.Contains(e.Aliases, "Hessen") {
		t.Errorf("Entity(%s) after the merge = %+v, want name Bayern with alias Hessen", bayern, e)
	}
	// Hessen's membership is Bayern's now: one relation, the evidence of both.
	rel := h.mustRelation(memberBayernGovdigital)
	if !statedBy(rel, hessenJoinsGovdigital().ID) || len(rel.Evidence) != 3 {
		t.Errorf("membership of Bayern after the merge: %+v, want the three sentences of two releases", rel.Evidence)
	}
	ids := h.relationIDs()
	for _, gone := range []string{memberHessenGovdigital, coopFitkoHessen} {
		if slices.Contains(ids, gone) {
			t.Errorf("relation %s of the merged entity still listed", gone)
		}
	}
	if !slices.Contains(ids, graph.RelationID(graph.CooperatesWith, bayern, fitko, "")) {
		t.Errorf("the cooperation of Hessen with FITKO did not become Bayern's: %v", ids)
	}

	// Bayern, Hessen included, merged further into Brandenburg; then the first merge
	// undone: Hessen is back with its own relations, Bayern stays merged.
	h.correct(1, graph.Correction{Kind: graph.MergeEntities, Entity: brandenburg, Other: bayern, Ends: []graph.Entity{h.mustEntity(brandenburg)}})
	cs, err := h.s.Corrections(h.ctx)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Corrections = %+v, %v; want the two merges", cs, err)
	}
	h.correct(2, graph.Correction{Kind: graph.Undo, Undoes: cs[0].ID})
	if e := h.mustEntity(hessen); e.Name != "Hessen" {
		t.Errorf("Entity(%s) after undoing its merge = %+v", hessen, e)
	}
	ids = h.relationIDs()
	if !slices.Contains(ids, memberHessenGovdigital) || !slices.Contains(ids, coopFitkoHessen) {
		t.Errorf("the relations of Hessen are not back after undoing its merge: %v", ids)
	}
	_, err = h.s.Entity(h.ctx, bayern)
	wantCode(t, "Entity(bayern), still merged into Brandenburg", err, graph.ENOTFOUND)
}

func testCorrectionRenameRetype(t *testing.T, h *harness) {
	h.load()
	h.correct(0, graph.Correction{Kind: graph.RenameEntity, Entity: fitko, Name: "FITKO AöR"})
	if e := h.mustEntity(fitko); e.Name != "FITKO AöR" || !slices.Contains(e.Aliases, "FITKO") {
		t.Errorf("Entity(%s) = %+v, want name FITKO AöR, alias FITKO", fitko, e)
	}
	found, err := h.s.Search(h.ctx, "aoer", 5)
	if err != nil || len(found) == 0 || found[0].ID != fitko {
		t.Errorf("Search(aoer) = %+v, %v; want %s first", found, err, fitko)
	}
	// A retyped entity takes the ID of its new type, and keeps its name and relations.
	h.correct(1, graph.Correction{Kind: graph.RetypeEntity, Entity: fitko, Type: graph.Organization})
	moved := graph.RetypedID(fitko, graph.Organization)
	if moved != "org:fitko" {
		t.Fatalf("RetypedID(%s, Organization) = %s, want org:fitko", fitko, moved)
	}
	_, err = h.s.Entity(h.ctx, fitko)
	wantCode(t, "Entity(the old ID of a retyped entity)", err, graph.ENOTFOUND)
	if e := h.mustEntity(moved); e.Name != "FITKO AöR" || e.Type != graph.Organization {
		t.Errorf("Entity(%s) = %+v, want FITKO AöR, an Organization", moved, e)
	}
	orgs := h.allEntities(graph.Organization)
	if !slices.ContainsFunc(orgs, func(x graph.Entity) bool { return x.ID == moved }) {
		t.Errorf("Entities(Organization) lacks the retyped %s", moved)
	}
	if !slices.Contains(h.relationIDs(), graph.RelationID(graph.CooperatesWith, hessen, moved, "")) {
		t.Errorf("the cooperation of the retyped entity is gone: %v", h.relationIDs())
	}
}

func testCorrectionUndo(t *testing.T, h *harness) {
	h.load()
	before := h.snapshot()
	reject := h.correct(0, graph.Correction{Kind: graph.RejectFact, Relation: coopBayernBrandenburg})
	rename := h.correct(1, graph.Correction{Kind: graph.RenameEntity, Entity: bayern, Name: "Freistaat Bayern"})
	undo := h.correct(2, graph.Correction{Kind: graph.Undo, Undoes: reject.ID})
	h.correct(3, graph.Correction{Kind: graph.Undo, Undoes: rename.ID})
	wantSnapshot(t, "after undoing every correction", h.snapshot(), before)
	// Undoing the undo brings the rejection back.
	h.correct(4, graph.Correction{Kind: graph.Undo, Undoes: undo.ID})
	if slices.Contains(h.relationIDs(), coopBayernBrandenburg) {
		t.Errorf("relation %s listed after the undo of the undo of its rejection", coopBayernBrandenburg)
	}
}

func testCorrectionSurvive(t *testing.T, h *harness) {
	h.load()
	h.correct(0, graph.Correction{Kind: graph.RejectFact, Relation: worksGovdigitalChain})
	h.correct(1, graph.Correction{Kind: graph.RenameEntity, Entity: govdigital, Name: "govdigital eG"})
	check := func(when string) {
		t.Helper()
		if slices.Contains(h.relationIDs(), worksGovdigitalChain) {
			t.Errorf("%s: the rejected relation is back", when)
		}
		if e := h.mustEntity(govdigital); e.Name != "govdigital eG" {
			t.Errorf("%s: Entity(%s).Name = %q, want the corrected govdigital eG", when, govdigital, e.Name)
		}
	}
	check("after the corrections")
	// A new extraction of the release states the rejected relation again and names
	// govdigital its own way: the corrections still hold.
	v2 := bayernJoinsGovdigital()
	v2.Hash = "bayern-govdigital-reextracted"
	v2.Facts[1].Sentence = "Die Genossenschaft erprobt Anwendungen der Blockchain."
	MustPut(t, h.s, v2)
	check("after reloading a release extracted anew")
	h.reopen()
	check("after reopening")
	// The release reads back as the store holds it, with the corrections applied.
	got, err := h.s.Release(h.ctx, v2.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got.Facts {
		if f.RelationID() == worksGovdigitalChain {
			t.Errorf("Release(%s) still states the rejected %s", v2.ID, worksGovdigitalChain)
		}
	}
}

func testCorrectionChecked(t *testing.T, h *harness) {
	h.load()
	c := h.correct(0, graph.Correction{Kind: graph.RejectFact, Relation: coopFitkoHessen})
	version := h.mustVersion()
	changed, err := h.s.PutCorrection(h.ctx, c)
	if err != nil || changed {
		t.Errorf("PutCorrection of a stored correction: changed=%v, %v; want false, nil", changed, err)
	}
	undo := graph.Correction{ID: "c-undo", Kind: graph.Undo, Undoes: "no-such-correction", Author: "tester", Time: correctionTime}
	_, err = h.s.PutCorrection(h.ctx, undo)
	wantCode(t, "undo of an unknown correction", err, graph.ENOTFOUND)
	bad := graph.Correction{ID: "c-bad", Kind: graph.RenameEntity, Entity: fitko, Author: "tester", Time: correctionTime}
	_, err = h.s.PutCorrection(h.ctx, bad)
	wantCode(t, "rename without a name", err, graph.EINVALID)
	if v := h.mustVersion(); v != version {
		t.Errorf("Version changed from %s to %s by writes that changed nothing", version, v)
	}
	cs, err := h.s.Corrections(h.ctx)
	if err != nil || len(cs) != 1 {
		t.Errorf("Corrections = %+v, %v; want the one stored", cs, err)
	}
}
