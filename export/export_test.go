package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Entities of the test network: two Länder (one with an umlaut), a cooperative, a company
// whose name holds every character XML and CSV escape, a minister, a topic and a project.
var (
	bayern     = graph.Entity{ID: "state:bayern", Type: graph.State, Name: "Bayern", Aliases: []string{"Bayerns", "Freistaat Bayern"}, ISO3166: "DE-BY", Wikidata: "Q980"}
	bawue      = graph.Entity{ID: "state:baden-wuerttemberg", Type: graph.State, Name: "Baden-Württemberg", ISO3166: "DE-BW", Wikidata: "Q985"}
	govdigital = graph.Entity{ID: "org:govdigital", Type: graph.Organization, Name: "govdigital", Aliases: []string{"govdigital eG"}}
	tricky     = graph.NewEntity(graph.Organization, `Müller & Söhne "IT" <Dienste>`)
	gerlach    = graph.Entity{ID: "person:judith-gerlach", Type: graph.Person, Name: "Judith Gerlach"}
	cyber      = graph.Entity{ID: "topic:cybersicherheit", Type: graph.Topic, Name: "Cybersicherheit", Themenfeld: "Querschnitt"}
	konto      = graph.Entity{ID: "project:servicekonto", Type: graph.Project, Name: "Servicekonto"}
)

// evidence returns the evidence of one release.
func evidence(release, date, sentence string) graph.Evidence {
	return graph.Evidence{ReleaseID: release, Source: "releases/" + release + ".md", Title: "Titel von " + release,
		Date: date, Sentence: sentence, Confidence: 0.9, Rule: "test"}
}

// edge returns the network edge of the relation of type t between from and to, stated by ev.
func edge(t graph.RelationType, from, to graph.Entity, role string, ev ...graph.Evidence) network.Edge {
	r := graph.Relation{ID: graph.RelationID(t, from.ID, to.ID, role), Type: t, From: from.ID, To: to.ID, Role: role, Evidence: ev}
	if !t.Directed() && r.To < r.From {
		r.From, r.To = r.To, r.From
	}
	return network.Edge{ID: r.ID, Type: t, From: r.From, To: r.To, Role: role,
		FirstSeen: r.FirstSeen(), LastSeen: r.LastSeen(), Weight: r.Weight(), Evidence: ev}
}

// mustNetwork returns a small network with one edge of every relation type, dated and
// undated edges, an edge stated by two releases, and names that need escaping.
func mustNetwork(tb testing.TB) network.Network {
	tb.Helper()
	n := network.Network{
		Version: "v42",
		Nodes: []network.Node{
			{Entity: govdigital, Degree: 3, Community: 0},
			{Entity: tricky, Degree: 1, Community: 0},
			{Entity: gerlach, Degree: 1, Community: 1},
			{Entity: konto, Degree: 1, Community: 1},
			{Entity: bawue, Degree: 1, Community: 1},
			{Entity: bayern, Degree: 4, Community: 1},
			{Entity: cyber, Degree: 1, Community: 0},
		},
		Edges: []network.Edge{
			edge(graph.CooperatesWith, bayern, bawue, "",
				evidence("bw-by-2020", "2020-12-09", "Bayern und Baden-Württemberg kooperieren.")),
			edge(graph.HoldsRole, gerlach, bayern, "Digitalministerin",
				evidence("gerlach-2022", "2022-03-01", "Digitalministerin Judith Gerlach sagte: „Wir handeln.“")),
			edge(graph.MemberOf, tricky, govdigital, "",
				evidence("mueller-2023", "2023-01-10", `Die Müller & Söhne "IT" <Dienste> tritt bei; sie ist, sagt man, neu.`)),
			edge(graph.MemberOf, bayern, govdigital, "",
				evidence("by-joins-2021", "2021-07-22", "Bayern tritt der Genossenschaft govdigital bei."),
				evidence("govdigital-2023", "2023-05-02", "Mitglieder sind Bayern, Dataport und andere.")),
			edge(graph.WorksOn, govdigital, cyber, "",
				evidence("undated-note", "", "Die govdigital arbeitet an Cybersicherheit.")),
			edge(graph.WorksOn, bayern, konto, "",
				evidence("by-joins-2021", "2021-07-22", "Bayern bringt das Servicekonto ein.")),
		},
	}
	sortNetwork(&n)
	return n
}

// sortNetwork orders nodes and edges by ID, as a network.Network holds them.
func sortNetwork(n *network.Network) {
	slices.SortFunc(n.Nodes, func(a, b network.Node) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(n.Edges, func(a, b network.Edge) int { return strings.Compare(a.ID, b.ID) })
}

// mustWrite writes n with write and returns the bytes.
func mustWrite(tb testing.TB, write func(io.Writer, network.Network) error, n network.Network) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := write(&b, n); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./export -update and review the diff):\ngot:\n%s", path, got)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		got, err := ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", f, got, err, f)
		}
	}
	for _, s := range []string{"", "GraphML", "xml", "json"} {
		if _, err := ParseFormat(s); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("ParseFormat(%q): error %v, want EINVALID", s, err)
		}
	}
}

// syntheticNetwork returns a network of nodes entities and edges relations, each stated by
// three releases, for benchmarks.
func syntheticNetwork(nodes, edges int) network.Network {
	var n network.Network
	types := []graph.EntityType{graph.State, graph.Organization, graph.Person, graph.Topic}
	for i := range nodes {
		e := graph.NewEntity(types[i%len(types)], fmt.Sprintf("Stelle Nr. %d für Digitales", i))
		e.Aliases = []string{fmt.Sprintf("Stelle %d", i)}
		n.Nodes = append(n.Nodes, network.Node{Entity: e, Degree: i % 17, Community: i % 5})
	}
	rels := []graph.RelationType{graph.MemberOf, graph.CooperatesWith, graph.HoldsRole, graph.WorksOn}
	for i := range edges {
		from, to := n.Nodes[i%nodes].Entity, n.Nodes[(i*7+1)%nodes].Entity
		role := ""
		if rels[i%len(rels)] == graph.HoldsRole {
			role = "Digitalministerin"
		}
		var ev []graph.Evidence
		for k := range 3 {
			ev = append(ev, evidence(fmt.Sprintf("release-%d", (i+k)%997), fmt.Sprintf("202%d-0%d-1%d", k, k+1, k),
				"Ein Satz, der die Beziehung mit „Anführungszeichen“ & Umlauten belegt."))
		}
		n.Edges = append(n.Edges, edge(rels[i%len(rels)], from, to, role, ev...))
	}
	sortNetwork(&n)
	return n
}

func BenchmarkWrite(b *testing.B) {
	n := syntheticNetwork(5000, 20000)
	for _, f := range []struct {
		name  string
		write func(io.Writer, network.Network) error
	}{{"GraphML", GraphML}, {"GEXF", GEXF}, {"CSVZip", CSVZip}, {"JSONLD", JSONLD}} {
		b.Run(f.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := f.write(&buf, n); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}
