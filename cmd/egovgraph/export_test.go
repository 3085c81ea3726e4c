package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph/bolt"
)

// mustSampleData returns a data directory whose embedded store holds the bundled samples,
// closed so that a command can open it.
func mustSampleData(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	store, err := bolt.Open(filepath.Join(dir, "egovgraph.db"))
	if err != nil {
		tb.Fatal(err)
	}
	inputs, err := sampleInputs()
	if err != nil {
		tb.Fatal(err)
	}
	var errOut bytes.Buffer
	sum := loadAll(context.Background(), store, inputs, time.Minute, io.Discard, &errOut)
	if err := store.Close(); err != nil {
		tb.Fatal(err)
	}
	if sum.failed > 0 || sum.loaded != len(inputs) {
		tb.Fatalf("loading the samples: %+v\n%s", sum, errOut.String())
	}
	return dir
}

// exportedGraph is what the tests read back from GraphML and GEXF: node IDs and edges.
type exportedGraph struct {
	nodes map[string]bool
	edges []exportedEdge
}

type exportedEdge struct {
	id, source, target, relation, start string
	undirected                          bool
}

func mustReadGraphML(tb testing.TB, data []byte) exportedGraph {
	tb.Helper()
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				ID       string `xml:"id,attr"`
				Source   string `xml:"source,attr"`
				Target   string `xml:"target,attr"`
				Directed string `xml:"directed,attr"`
				Data     []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		tb.Fatalf("the GraphML does not parse: %v\n%.500s", err, data)
	}
	g := exportedGraph{nodes: map[string]bool{}}
	for _, n := range doc.Graph.Nodes {
		g.nodes[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		x := exportedEdge{id: e.ID, source: e.Source, target: e.Target, undirected: e.Directed == "false"}
		for _, d := range e.Data {
			switch d.Key {
			case "directed":
				x.undirected = x.undirected || d.Value == "false"
			case "relation":
				x.relation = d.Value
			case "firstSeen":
				x.start = d.Value
			}
		}
		g.edges = append(g.edges, x)
	}
	return g
}

func mustReadGEXF(tb testing.TB, data []byte) exportedGraph {
	tb.Helper()
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Type   string `xml:"type,attr"`
				Kind   string `xml:"kind,attr"`
				Start  string `xml:"start,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		tb.Fatalf("the GEXF does not parse: %v\n%.500s", err, data)
	}
	g := exportedGraph{nodes: map[string]bool{}}
	for _, n := range doc.Graph.Nodes {
		g.nodes[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		g.edges = append(g.edges, exportedEdge{id: e.ID, source: e.Source, target: e.Target,
			relation: e.Kind, start: e.Start, undirected: e.Type == "undirected" || slices.ContainsFunc(e.Values, func(v struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			}) bool {
				return v.For == "directed" && v.Value == "false"
			})})
	}
	return g
}

// hasEdge reports whether g has an edge of type relation from source to target.
func (g exportedGraph) hasEdge(relation, source, target string) bool {
	for _, e := range g.edges {
		if e.relation == relation && e.source == source && e.target == target {
			return true
		}
	}
	return false
}

func TestExportGraphMLOfTheSamples(t *testing.T) {
	data := mustSampleData(t)
	code, stdout, stderr := runCmd(t, "export", "-data", data, "-format", "graphml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g := mustReadGraphML(t, []byte(stdout))
	if !g.nodes["state:bayern"] || !g.nodes["org:govdigital"] {
		t.Errorf("the network lacks Bayern or govdigital: %d nodes", len(g.nodes))
	}
	if !g.hasEdge("MEMBER_OF", "state:bayern", "org:govdigital") {
		t.Error("the network lacks MEMBER_OF Bayern → govdigital")
	}
	for _, e := range g.edges {
		if !g.nodes[e.source] || !g.nodes[e.target] {
			t.Errorf("edge %s has an end that is no node", e.id)
		}
		if e.undirected != (e.relation == "COOPERATES_WITH") {
			t.Errorf("edge %s (%s): undirected %v", e.id, e.relation, e.undirected)
		}
	}
	if !strings.Contains(stderr, "nodes and") || !strings.Contains(stderr, "to stdout") {
		t.Errorf("no summary on stderr: %q", stderr)
	}
}

func TestExportFilters(t *testing.T) {
	data := mustSampleData(t)
	export := func(args ...string) exportedGraph {
		t.Helper()
		code, stdout, stderr := runCmd(t, append([]string{"export", "-data", data, "-format", "gexf"}, args...)...)
		if code != 0 {
			t.Fatalf("export %q: exit %d: %s", args, code, stderr)
		}
		return mustReadGEXF(t, []byte(stdout))
	}
	all := export()

	coop := export("--types", "COOPERATES_WITH")
	if len(coop.edges) == 0 {
		t.Error("-types COOPERATES_WITH: no edges")
	}
	for _, e := range coop.edges {
		if e.relation != "COOPERATES_WITH" || !e.undirected {
			t.Errorf("-types COOPERATES_WITH: edge %s is %s, undirected %v", e.id, e.relation, e.undirected)
		}
	}

	states := export("-entity-types", "State")
	for id := range states.nodes {
		if !strings.HasPrefix(id, "state:") {
			t.Errorf("-entity-types State: node %s", id)
		}
	}

	bayern := export("-state", "state:bayern")
	if !bayern.nodes["state:bayern"] || len(bayern.nodes) >= len(all.nodes) {
		t.Errorf("-state state:bayern: %d of %d nodes, Bayern among them: %v", len(bayern.nodes), len(all.nodes), bayern.nodes["state:bayern"])
	}
	for _, e := range bayern.edges {
		for _, end := range []string{e.source, e.target} {
			if end != "state:bayern" && !all.hasEdgeBetween("state:bayern", end) {
				t.Errorf("-state state:bayern: edge %s reaches %s, which is no neighbour of Bayern", e.id, end)
			}
		}
	}

	early := export("-as-of", "2021-01-01")
	if early.hasEdge("MEMBER_OF", "state:bayern", "org:govdigital") {
		t.Error("-as-of 2021-01-01: Bayern is a member of govdigital, which it joined on 2021-07-22")
	}
	if !early.hasEdge("MEMBER_OF", "state:bayern", "org:entwicklergemeinschaft") {
		t.Error("-as-of 2021-01-01: Bayern is not a member of the Entwicklergemeinschaft, joined 2020-12-09")
	}
	for _, e := range early.edges {
		if e.start == "" || e.start > "2021-01-01" {
			t.Errorf("-as-of 2021-01-01: edge %s starts %q", e.id, e.start)
		}
	}

	window := export("-since", "2021-01-01", "-until", "2021-12-31")
	for _, e := range window.edges {
		if e.start < "2021-01-01" || e.start > "2021-12-31" {
			t.Errorf("-since/-until 2021: edge %s starts %q", e.id, e.start)
		}
	}
}

// hasEdgeBetween reports whether g has an edge of any type between a and b.
func (g exportedGraph) hasEdgeBetween(a, b string) bool {
	for _, e := range g.edges {
		if (e.source == a && e.target == b) || (e.source == b && e.target == a) {
			return true
		}
	}
	return false
}

func TestExportCSVAndJSONLDFiles(t *testing.T) {
	data := mustSampleData(t)
	dir := filepath.Join(t.TempDir(), "tables")
	if code, _, stderr := runCmd(t, "export", "-data", data, "-format", "csv", "-out", dir); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	for name, header := range map[string]string{"nodes.csv": "Id,Label,Type", "edges.csv": "Id,Source,Target,Type,Kind"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil || len(rows) < 2 || !strings.HasPrefix(strings.Join(rows[0], ","), header) {
			t.Errorf("%s: %d rows, header %q, error %v; want a header starting %q and rows", name, len(rows), rows[0], err, header)
		}
	}

	out := filepath.Join(t.TempDir(), "network.jsonld")
	if code, _, stderr := runCmd(t, "export", "-data", data, "-format", "jsonld", "-out", out, "-types", "HOLDS_ROLE"); code != 0 {
		t.Fatalf("jsonld: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("the JSON-LD is not JSON: %v", err)
	}
	types := map[string]int{}
	for _, node := range doc.Graph {
		switch ty := node["@type"].(type) {
		case string:
			types[ty]++
		case []any:
			for _, x := range ty {
				types[x.(string)]++
			}
		}
	}
	if types["org:Post"] == 0 || types["org:Membership"] == 0 || types["foaf:Person"] == 0 {
		t.Errorf("HOLDS_ROLE as JSON-LD: classes %v, want posts, memberships and persons", types)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the output directory holds %d entries, want the file alone (no temporary files left)", len(entries))
	}
}

func TestExportRejects(t *testing.T) {
	data := mustSampleData(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-format", "pdf"}, 2, `unknown export format "pdf"`},
		{[]string{"-types", "KNOWS"}, 2, `unknown relation type "KNOWS"`},
		{[]string{"-entity-types", "Land"}, 2, `unknown entity type "Land"`},
		{[]string{"-since", "1.1.2021"}, 2, `"1.1.2021"`},
		{[]string{"-format", "csv"}, 2, "-out must name a directory"},
		{[]string{"extra"}, 2, "unexpected arguments"},
		{[]string{"-state", "state:atlantis"}, 1, `no state "state:atlantis"`},
	} {
		code, stdout, stderr := runCmd(t, append([]string{"export", "-data", data}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("export %q: exit %d, stdout %d bytes, stderr %q; want exit %d, no output and %q",
				tc.args, code, len(stdout), stderr, tc.code, tc.want)
		}
	}
}

func TestExportRoute(t *testing.T) {
	s := &server{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	s.store.set(mustSampleStore(t))
	srv := httptest.NewServer(s.routes())
	defer srv.Close()

	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	resp, body := get("/export/graphml?types=MEMBER_OF&state=state:bayern")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/graphml+xml; charset=utf-8" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="egovgraph.graphml"` {
		t.Fatalf("GET /export/graphml: %d %v: %.300s", resp.StatusCode, resp.Header, body)
	}
	g := mustReadGraphML(t, body)
	if len(g.edges) == 0 || !g.hasEdge("MEMBER_OF", "state:bayern", "org:govdigital") {
		t.Errorf("GET /export/graphml?types=MEMBER_OF&state=state:bayern: %d edges, without Bayern → govdigital", len(g.edges))
	}
	for _, e := range g.edges {
		if e.relation != "MEMBER_OF" {
			t.Errorf("types=MEMBER_OF: edge %s is %s", e.id, e.relation)
		}
	}

	resp, body = get("/export/csv?asOf=2021-12-31")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("GET /export/csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil || len(zr.File) != 2 {
		t.Fatalf("GET /export/csv: not a zip of two tables: %v", err)
	}

	resp, body = get("/export/csv?part=edges&types=COOPERATES_WITH")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if resp.StatusCode != 200 || err != nil || len(rows) < 2 {
		t.Fatalf("GET /export/csv?part=edges: %d, %d rows, %v", resp.StatusCode, len(rows), err)
	}
	for _, row := range rows[1:] {
		if row[3] != "Undirected" || row[4] != "COOPERATES_WITH" {
			t.Errorf("cooperation edge row %q, want Undirected COOPERATES_WITH", row)
		}
	}

	for path, want := range map[string]int{
		"/export/pdf":                       400,
		"/export/gexf?types=FRIENDS":        400,
		"/export/gexf?since=gestern":        400,
		"/export/gexf?state=state:atlantis": 404,
	} {
		if resp, body := get(path); resp.StatusCode != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("GET %s: %d %q, want %d with a text message", path, resp.StatusCode, body, want)
		}
	}
}
