package export

import (
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/egovgraph/egovgraph/network"
)

// readGEXF is GEXF 1.3 as a reader sees it, namespaces checked.
type readGEXF struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		Mode            string `xml:"mode,attr"`
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Attributes      []struct {
			Class      string `xml:"class,attr"`
			Attributes []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"http://gexf.net/1.3 attribute"`
		} `xml:"http://gexf.net/1.3 attributes"`
		Nodes []struct {
			ID        string         `xml:"id,attr"`
			Label     string         `xml:"label,attr"`
			Start     string         `xml:"start,attr"`
			End       string         `xml:"end,attr"`
			AttValues []readAttValue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
		} `xml:"http://gexf.net/1.3 nodes>node"`
		Edges []struct {
			ID        string         `xml:"id,attr"`
			Source    string         `xml:"source,attr"`
			Target    string         `xml:"target,attr"`
			Type      string         `xml:"type,attr"`
			Kind      string         `xml:"kind,attr"`
			Weight    string         `xml:"weight,attr"`
			Start     string         `xml:"start,attr"`
			End       string         `xml:"end,attr"`
			AttValues []readAttValue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
		} `xml:"http://gexf.net/1.3 edges>edge"`
	} `xml:"http://gexf.net/1.3 graph"`
}

type readAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func attMap(vs []readAttValue) map[string]string {
	m := make(map[string]string, len(vs))
	for _, v := range vs {
		m[v.For] = v.Value
	}
	return m
}

func TestGEXF(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, GEXF, n)
	checkGolden(t, "network.gexf", out)

	var doc readGEXF
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the GEXF does not parse: %v", err)
	}
	g := doc.Graph
	if doc.Version != "1.3" || g.Mode != "dynamic" || g.TimeFormat != "date" || g.DefaultEdgeType != "directed" {
		t.Errorf("gexf version %q, graph mode %q timeformat %q defaultedgetype %q; want 1.3, dynamic, date, directed",
			doc.Version, g.Mode, g.TimeFormat, g.DefaultEdgeType)
	}
	declared := map[string]string{} // class/id → type
	for _, as := range g.Attributes {
		for _, a := range as.Attributes {
			declared[as.Class+"/"+a.ID] = a.Type
		}
	}
	for id, want := range map[string]string{
		"node/type": "string", "node/degree": "integer", "node/community": "integer", "node/iso3166": "string",
		"node/wikidata": "string", "node/themenfeld": "string", "node/aliases": "string",
		"edge/relation": "string", "edge/role": "string", "edge/firstSeen": "string", "edge/lastSeen": "string",
		"edge/evidence": "integer",
	} {
		if declared[id] != want {
			t.Errorf("attribute %s declared as %q, want %q", id, declared[id], want)
		}
	}

	// A node starts with the first release of its edges, unless one of them is undated.
	wantStart := map[string]string{
		"state:bayern": "2020-12-09", "state:baden-wuerttemberg": "2020-12-09", "person:judith-gerlach": "2022-03-01",
		tricky.ID: "2023-01-10", "project:servicekonto": "2021-07-22",
		"org:govdigital": "", "topic:cybersicherheit": "",
	}
	if len(g.Nodes) != len(n.Nodes) {
		t.Fatalf("%d nodes, want %d", len(g.Nodes), len(n.Nodes))
	}
	for i, got := range g.Nodes {
		want := n.Nodes[i]
		a := attMap(got.AttValues)
		for k := range a {
			if declared["node/"+k] == "" {
				t.Errorf("node %s: attvalue for undeclared attribute %q", got.ID, k)
			}
		}
		if got.ID != want.ID || got.Label != want.Name || a["type"] != string(want.Type) ||
			a["degree"] != strconv.Itoa(want.Degree) || a["community"] != strconv.Itoa(want.Community) ||
			a["iso3166"] != want.ISO3166 || a["wikidata"] != want.Wikidata || a["aliases"] != joinAliases(want.Entity) {
			t.Errorf("node %d: got %s %q %v, want %+v", i, got.ID, got.Label, a, want)
		}
		if got.Start != wantStart[got.ID] || got.End != "" {
			t.Errorf("node %s: start %q end %q, want start %q and no end", got.ID, got.Start, got.End, wantStart[got.ID])
		}
	}

	if len(g.Edges) != len(n.Edges) {
		t.Fatalf("%d edges, want %d", len(g.Edges), len(n.Edges))
	}
	for i, got := range g.Edges {
		want := n.Edges[i]
		a := attMap(got.AttValues)
		wantType := "directed" // the network mixes both: every edge as the graph

		if got.ID != want.ID || got.Source != want.From || got.Target != want.To || got.Type != wantType ||
			got.Kind != string(want.Type) || got.Weight != strconv.Itoa(want.Weight) {
			t.Errorf("edge %d: got %+v, want %+v (type %s)", i, got, want, wantType)
		}
		if got.Start != want.FirstSeen || got.End != want.LastSeen {
			t.Errorf("edge %s: start %q end %q, want %q %q", want.ID, got.Start, got.End, want.FirstSeen, want.LastSeen)
		}
		if a["relation"] != string(want.Type) || a["role"] != want.Role || a["firstSeen"] != want.FirstSeen ||
			a["lastSeen"] != want.LastSeen || a["evidence"] != strconv.Itoa(len(want.Evidence)) ||
			a["directed"] != strconv.FormatBool(want.Type.Directed()) {
			t.Errorf("edge %s: attvalues %v, want %+v", want.ID, a, want)
		}
	}
}

func TestGEXFEmptyNetwork(t *testing.T) {
	out := mustWrite(t, GEXF, network.Network{})
	var doc readGEXF
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the GEXF of an empty network does not parse: %v\n%s", err, out)
	}
	if len(doc.Graph.Nodes)+len(doc.Graph.Edges) != 0 {
		t.Errorf("empty network: %d nodes and %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
}
