package export

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/egovgraph/egovgraph/network"
)

// readGraphML is GraphML as a reader sees it, namespaces checked.
type readGraphML struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"http://graphml.graphdrawing.org/xmlns key"`
	Graph struct {
		EdgeDefault string     `xml:"edgedefault,attr"`
		Data        []readData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		Nodes       []struct {
			ID   string     `xml:"id,attr"`
			Data []readData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns node"`
		Edges []struct {
			ID       string     `xml:"id,attr"`
			Source   string     `xml:"source,attr"`
			Target   string     `xml:"target,attr"`
			Directed string     `xml:"directed,attr"`
			Data     []readData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
	} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
}

type readData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(data []readData) map[string]string {
	m := make(map[string]string, len(data))
	for _, d := range data {
		m[d.Key] = d.Value
	}
	return m
}

func TestGraphML(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, GraphML, n)
	checkGolden(t, "network.graphml", out)

	var doc readGraphML
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the GraphML does not parse: %v", err)
	}

	keys := map[string]string{} // key id → for/attr.type
	for _, k := range doc.Keys {
		if k.ID != k.Name {
			t.Errorf("key %q has attr.name %q, want the same", k.ID, k.Name)
		}
		keys[k.ID] = k.For + "/" + k.Type
	}
	for id, want := range map[string]string{
		"version": "graph/string",
		"label":   "node/string", "name": "node/string", "type": "node/string", "degree": "node/int",
		"community": "node/int", "iso3166": "node/string", "wikidata": "node/string",
		"themenfeld": "node/string", "aliases": "node/string",
		"relation": "edge/string", "role": "edge/string", "firstSeen": "edge/string",
		"lastSeen": "edge/string", "weight": "edge/double", "evidence": "edge/int", "directed": "edge/boolean",
	} {
		if keys[id] != want {
			t.Errorf("key %q declared as %q, want %q", id, keys[id], want)
		}
	}
	checkKeys := func(what, kind string, data []readData) {
		for _, d := range data {
			if got := keys[d.Key]; len(got) < len(kind) || got[:len(kind)] != kind {
				t.Errorf("%s: data key %q is declared for %q, want %s", what, d.Key, got, kind)
			}
		}
	}

	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q, want directed", doc.Graph.EdgeDefault)
	}
	if got := dataMap(doc.Graph.Data)["version"]; got != n.Version {
		t.Errorf("graph version %q, want %q", got, n.Version)
	}

	if len(doc.Graph.Nodes) != len(n.Nodes) {
		t.Fatalf("%d nodes, want %d", len(doc.Graph.Nodes), len(n.Nodes))
	}
	for i, got := range doc.Graph.Nodes {
		want := n.Nodes[i]
		checkKeys(got.ID, "node", got.Data)
		d := dataMap(got.Data)
		if got.ID != want.ID || d["label"] != want.Name || d["name"] != want.Name || d["type"] != string(want.Type) ||
			d["degree"] != strconv.Itoa(want.Degree) || d["community"] != strconv.Itoa(want.Community) ||
			d["iso3166"] != want.ISO3166 || d["wikidata"] != want.Wikidata || d["themenfeld"] != want.Themenfeld ||
			d["aliases"] != joinAliases(want.Entity) {
			t.Errorf("node %d: got %s %v, want %+v", i, got.ID, d, want)
		}
	}

	if len(doc.Graph.Edges) != len(n.Edges) {
		t.Fatalf("%d edges, want %d", len(doc.Graph.Edges), len(n.Edges))
	}
	for i, got := range doc.Graph.Edges {
		want := n.Edges[i]
		checkKeys(got.ID, "edge", got.Data)
		d := dataMap(got.Data)
		wantDirected := strconv.FormatBool(want.Type.Directed())
		if got.ID != want.ID || got.Source != want.From || got.Target != want.To || got.Directed != "" || d["directed"] != wantDirected {
			t.Errorf("edge %d: got %s %s→%s directed=%q data %q, want %s %s→%s data %q and no directed attribute",
				i, got.ID, got.Source, got.Target, got.Directed, d["directed"], want.ID, want.From, want.To, wantDirected)
		}
		if d["relation"] != string(want.Type) || d["role"] != want.Role || d["firstSeen"] != want.FirstSeen ||
			d["lastSeen"] != want.LastSeen || d["weight"] != strconv.Itoa(want.Weight) ||
			d["evidence"] != strconv.Itoa(len(want.Evidence)) {
			t.Errorf("edge %s: data %v, want %+v", want.ID, d, want)
		}
	}

	// Umlauts are written as UTF-8, not as character references.
	if !bytes.Contains(out, []byte("Baden-Württemberg")) {
		t.Error("the GraphML does not hold Baden-Württemberg in UTF-8")
	}
}

func TestGraphMLEmptyNetwork(t *testing.T) {
	out := mustWrite(t, GraphML, network.Network{})
	var doc readGraphML
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the GraphML of an empty network does not parse: %v\n%s", err, out)
	}
	if len(doc.Graph.Nodes)+len(doc.Graph.Edges) != 0 || len(doc.Keys) == 0 {
		t.Errorf("empty network: %d nodes, %d edges, %d keys; want 0, 0 and the key declarations",
			len(doc.Graph.Nodes), len(doc.Graph.Edges), len(doc.Keys))
	}
}
