package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph/bolt"
)

const coopRelease = `# Sachsen tritt der Genossenschaft govdigital bei

3. März 2024

Sachsen ist neues Mitglied der govdigital eG. Der Freistaat tritt der Genossenschaft bei. Sachsen und Hessen arbeiten bei der Registermodernisierung zusammen.
`

const (
	memberSachsen = "MEMBER_OF:state:sachsen>org:govdigital"
	memberHessen  = "MEMBER_OF:state:hessen>org:govdigital"
)

// mustMutate sends a mutation with the token and fails t on any error.
func mustMutate(t *testing.T, base, token, query string, vars map[string]any) json.RawMessage {
	t.Helper()
	status, r := postAs(t, base, "Bearer "+token, query, vars)
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("%s: status %d, errors %+v", query, status, r.Errors)
	}
	return r.Data
}

func TestCorrectionsSurviveReloadAndMoveBetweenStores(t *testing.T) {
	const token = "token-of-the-analyst-1"
	data := filepath.Join(t.TempDir(), "data")
	base := startServer(t, "-data", data, "-samples=false", "-token", "carla:"+token)
	file := mustWrite(t, t.TempDir(), "sachsen-tritt-govdigital-bei.md", []byte(coopRelease))
	if code, out, errOut := runCmd(t, "load", "-data", data, file); code != 0 {
		t.Fatalf("load: %d\n%s%s", code, out, errOut)
	}

	var made struct {
		RejectFact struct{ Correction struct{ ID string } }
	}
	json.Unmarshal(mustMutate(t, base, token, `mutation($r: ID!) { rejectFact(input: {relation: $r, note: "kein Beitritt, nur Absicht"}) { correction { id author kind } } }`,
		map[string]any{"r": memberSachsen}), &made)
	mustMutate(t, base, token, `mutation { addFact(input: {type: MEMBER_OF, from: "state:hessen", to: "org:govdigital", note: "Beitritt laut Pressemitteilung vom 15.03.2022"}) { correction { id } } }`, nil)
	mustMutate(t, base, token, `mutation { renameEntity(input: {entity: "state:sachsen", name: "Freistaat Sachsen", note: "amtlicher Name"}) { correction { id } } }`, nil)
	mustMutate(t, base, token, `mutation { retypeEntity(input: {entity: "topic:registermodernisierung", type: PROJECT, note: "ein Vorhaben"}) { correction { id } } }`, nil)

	const q = `{
	  sachsen: entity(id: "state:sachsen") { name aliases }
	  project: entity(id: "project:registermodernisierung") { type }
	  member: relations(type: MEMBER_OF) { edges { node { id evidence { sentence rule correction { author note kind } } } } }
	  corrections { id kind author note undone }
	}`
	check := func(when string, rejectUndone bool) {
		t.Helper()
		r := postQuery(t, base, q, nil, nil)
		got := strings.ReplaceAll(string(r.Data), `\u003e`, ">")
		for _, want := range []string{`"name":"Freistaat Sachsen"`, `"aliases":["Sachsen"]`, `"type":"PROJECT"`,
			memberHessen, `"correction":{"author":"carla","note":"Beitritt laut Pressemitteilung vom 15.03.2022","kind":"ADD_FACT"}`} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the answer lacks %s:\n%s", when, want, got)
			}
		}
		if strings.Contains(got, memberSachsen) == !rejectUndone {
			t.Errorf("%s: relation %s listed %v, want %v:\n%s", when, memberSachsen, !rejectUndone, rejectUndone, got)
		}
	}
	check("after the corrections", false)

	// The release changed and loaded again: extracted anew, the corrections hold.
	mustWrite(t, filepath.Dir(file), filepath.Base(file), []byte(coopRelease+"\nDie Genossenschaft wächst weiter.\n"))
	if code, out, errOut := runCmd(t, "load", "-data", data, file); code != 0 || !strings.Contains(out, ": loaded") {
		t.Fatalf("reload: %d\n%s%s", code, out, errOut)
	}
	check("after reloading the changed release", false)

	mustMutate(t, base, token, `mutation($id: ID!) { undoCorrection(input: {id: $id, note: "doch beigetreten"}) { correction { id } } }`,
		map[string]any{"id": made.RejectFact.Correction.ID})
	check("after undoing the rejection", true)

	// Export while serving, import into another store, load the release there: the same.
	exported := filepath.Join(t.TempDir(), "corrections.jsonl")
	if code, _, errOut := runCmd(t, "corrections", "export", "-data", data, "-out", exported); code != 0 {
		t.Fatalf("corrections export: %d\n%s", code, errOut)
	}
	text, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(text), "\n"); n != 5 {
		t.Errorf("exported %d lines, want the 5 corrections:\n%s", n, text)
	}
	other := filepath.Join(t.TempDir(), "other")
	code, out, errOut := runCmd(t, "corrections", "import", "-data", other, exported)
	if code != 0 || !strings.Contains(out, "5 corrections imported, 0 stored already, 0 failed") {
		t.Fatalf("corrections import: %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "corrections", "import", "-data", other, exported); code != 0 || !strings.Contains(out, "0 corrections imported, 5 stored already") {
		t.Errorf("importing again: %d %s, want every correction stored already", code, out)
	}
	if code, out, errOut := runCmd(t, "load", "-data", other, file); code != 0 {
		t.Fatalf("load into the other store: %d\n%s%s", code, out, errOut)
	}
	store, err := bolt.Open(filepath.Join(other, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	if e, err := store.Entity(context.Background(), "state:sachsen"); err != nil || e.Name != "Freistaat Sachsen" {
		t.Errorf("in the store imported into: %+v, %v; want Freistaat Sachsen", e, err)
	}
	store.Close()

	bad := mustWrite(t, t.TempDir(), "bad.jsonl", []byte("{\"ID\":\"x\",\"Kind\":\"RENAME_ENTITY\"}\nnot json\n"))
	code, _, errOut = runCmd(t, "corrections", "import", "-data", other, bad)
	if code != 1 || !strings.Contains(errOut, "bad.jsonl:1: error: ") || !strings.Contains(errOut, "bad.jsonl:2: error: ") {
		t.Errorf("import of bad lines: exit %d, %q; want 1 and both lines named", code, errOut)
	}
}
