package export

import (
	"cmp"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// readWithNetworkx reads GraphML and GEXF files with networkx and reports what it read.
const readWithNetworkx = `
import json, sys
import networkx as nx
out = {}
for fmt, path in (("graphml", sys.argv[1]), ("gexf", sys.argv[2])):
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    edges = [d for *_, d in g.edges(data=True)]
    out[fmt] = {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "directed": g.is_directed(), "multigraph": g.is_multigraph(),
        "undirectedEdges": sum(1 for d in edges if str(d.get("directed")).lower() == "false"),
        "relations": sorted(str(d.get("relation")) for d in edges),
    }
print(json.dumps(out))
`

// networkxRead is what networkx read from one file.
type networkxRead struct {
	Nodes, Edges, UndirectedEdges int
	Directed, Multigraph          bool
	Relations                     []string
}

// mustPython returns a Python that has networkx: EGOVGRAPH_TEST_PYTHON (which .ci/run sets
// to a virtual environment it installs networkx into), else python3. Without one it skips
// tb, or fails it when CI=true.
func mustPython(tb testing.TB) string {
	tb.Helper()
	python := cmp.Or(os.Getenv("EGOVGRAPH_TEST_PYTHON"), "python3")
	if out, err := exec.Command(python, "-c", "import networkx").CombinedOutput(); err != nil {
		why := "no Python with networkx (" + python + ": " + strings.TrimSpace(string(out)) + "); .ci/run installs one"
		if os.Getenv("CI") == "true" {
			tb.Fatal(why + " (CI=true)")
		}
		tb.Skip(why)
	}
	return python
}

// TestNetworkxReadsTheExports writes networks as GraphML and GEXF and reads them with
// networkx: every node and edge must arrive, parallel edges of different types apart,
// with the direction of each edge known, whether the network mixes directed and
// undirected relations or holds only one kind.
func TestNetworkxReadsTheExports(t *testing.T) {
	python := mustPython(t)
	mixed := mustNetwork(t)
	// govdigital works on and is a member of the topic: two edges between one pair.
	mixed.Edges = append(mixed.Edges, edge(graph.MemberOf, govdigital, cyber, "", evidence("x", "2024-01-01", "Satz.")))
	sortNetwork(&mixed)
	cooperations := network.Network{Nodes: mixed.Nodes}
	members := network.Network{Nodes: mixed.Nodes}
	for _, e := range mixed.Edges {
		if e.Type.Directed() {
			members.Edges = append(members.Edges, e)
		} else {
			cooperations.Edges = append(cooperations.Edges, e)
		}
	}
	for name, n := range map[string]network.Network{"mixed": mixed, "cooperations": cooperations, "members": members} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			graphml, gexf := filepath.Join(dir, "n.graphml"), filepath.Join(dir, "n.gexf")
			if err := os.WriteFile(graphml, mustWrite(t, GraphML, n), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(gexf, mustWrite(t, GEXF, n), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(python, "-c", readWithNetworkx, graphml, gexf).Output()
			if err != nil {
				var stderr []byte
				if ee, ok := err.(*exec.ExitError); ok {
					stderr = ee.Stderr
				}
				t.Fatalf("networkx: %v\n%s", err, stderr)
			}
			var read map[string]networkxRead
			if err := json.Unmarshal(out, &read); err != nil {
				t.Fatalf("networkx said %s: %v", out, err)
			}
			want := networkxRead{Nodes: len(n.Nodes), Edges: len(n.Edges), Directed: name != "cooperations"}
			for _, e := range n.Edges {
				want.Relations = append(want.Relations, string(e.Type))
				if !e.Type.Directed() {
					want.UndirectedEdges++
				}
			}
			slices.Sort(want.Relations)
			for _, format := range []string{"graphml", "gexf"} {
				got := read[format]
				if got.Nodes != want.Nodes || got.Edges != want.Edges || got.Directed != want.Directed ||
					got.UndirectedEdges != want.UndirectedEdges || !slices.Equal(got.Relations, want.Relations) {
					t.Errorf("%s as networkx reads it: got %+v, want %+v", format, got, want)
				}
				if name == "mixed" && !got.Multigraph {
					t.Errorf("%s: networkx read a simple graph, want a multigraph for the parallel edges", format)
				}
			}
		})
	}
}
