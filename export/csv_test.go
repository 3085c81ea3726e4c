package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/network"
)

// mustReadCSV parses a CSV table strictly: every row as long as the header.
func mustReadCSV(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("the CSV does not parse: %v\n%s", err, data)
	}
	return rows
}

func TestNodesCSV(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, NodesCSV, n)
	checkGolden(t, "nodes.csv", out)

	rows := mustReadCSV(t, out)
	if !slices.Equal(rows[0], NodesHeader) {
		t.Errorf("header %q, want %q", rows[0], NodesHeader)
	}
	if !slices.Equal(NodesHeader[:2], []string{"Id", "Label"}) {
		t.Errorf("the nodes table starts with %q; Gephi wants Id and Label", NodesHeader[:2])
	}
	if len(rows)-1 != len(n.Nodes) {
		t.Fatalf("%d node rows, want %d", len(rows)-1, len(n.Nodes))
	}
	for i, node := range n.Nodes {
		want := []string{node.ID, node.Name, string(node.Type), strconv.Itoa(node.Degree), strconv.Itoa(node.Community),
			node.ISO3166, node.Wikidata, node.Themenfeld, strings.Join(node.Aliases, "; ")}
		if got := rows[i+1]; !slices.Equal(got, want) {
			t.Errorf("row %d: got %q, want %q", i+1, got, want)
		}
	}
}

func TestEdgesCSV(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, EdgesCSV, n)
	checkGolden(t, "edges.csv", out)

	rows := mustReadCSV(t, out)
	if !slices.Equal(rows[0], EdgesHeader) {
		t.Errorf("header %q, want %q", rows[0], EdgesHeader)
	}
	for _, col := range []string{"Id", "Source", "Target", "Type", "Kind", "Weight"} {
		if !slices.Contains(EdgesHeader, col) {
			t.Errorf("the edges table lacks Gephi's column %q", col)
		}
	}
	if len(rows)-1 != len(n.Edges) {
		t.Fatalf("%d edge rows, want %d", len(rows)-1, len(n.Edges))
	}
	for i, e := range n.Edges {
		dir := "Directed"
		if !e.Type.Directed() {
			dir = "Undirected"
		}
		want := []string{e.ID, e.From, e.To, dir, string(e.Type), e.Role, e.FirstSeen, e.LastSeen,
			strconv.Itoa(e.Weight), strconv.Itoa(len(e.Evidence))}
		if got := rows[i+1]; !slices.Equal(got, want) {
			t.Errorf("row %d: got %q, want %q", i+1, got, want)
		}
	}
}

func TestCSVEscaping(t *testing.T) {
	node := network.Node{Entity: tricky}
	node.Aliases = []string{"Müller, Söhne", "line\nbreak", ` leading space`}
	out := mustWrite(t, NodesCSV, network.Network{Nodes: []network.Node{node}})

	header, _, _ := bytes.Cut(out, []byte("\n"))
	if !bytes.HasSuffix(header, []byte("\r")) || !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Errorf("records do not end with CRLF (RFC 4180):\n%q", out)
	}
	if bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
		t.Error("the CSV starts with a byte order mark")
	}
	if !bytes.Contains(out, []byte(`"Müller & Söhne ""IT"" <Dienste>"`)) {
		t.Errorf("the name with quotes is not quoted by doubling them:\n%s", out)
	}
	rows := mustReadCSV(t, out)
	if got := rows[1][1]; got != tricky.Name {
		t.Errorf("name read back as %q, want %q", got, tricky.Name)
	}
	if got, want := rows[1][8], "Müller, Söhne; line\nbreak;  leading space"; got != want {
		t.Errorf("aliases read back as %q, want %q", got, want)
	}
}

func TestCSVZip(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, CSVZip, n)
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]byte{NodesFile: mustWrite(t, NodesCSV, n), EdgesFile: mustWrite(t, EdgesCSV, n)}[f.Name]
		if !bytes.Equal(got, want) {
			t.Errorf("%s in the archive differs from the table alone:\n%s", f.Name, got)
		}
	}
	if !slices.Equal(names, []string{NodesFile, EdgesFile}) {
		t.Errorf("archive holds %q, want %q", names, []string{NodesFile, EdgesFile})
	}
}
