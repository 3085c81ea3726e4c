package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/egovgraph/egovgraph/network"
)

// GraphMLNamespace is the XML namespace of GraphML.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	Xmlns          string       `xml:"xmlns,attr"`
	XmlnsXSI       string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID       string `xml:"id,attr"`
	For      string `xml:"for,attr"`
	AttrName string `xml:"attr.name,attr"`
	AttrType string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Data        []graphmlData `xml:"data"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

var graphmlType = map[kind]string{kindString: "string", kindInt: "int", kindDouble: "double", kindBool: "boolean"}

// GraphML writes n as GraphML. Every attribute has a key declaration named as it is
// (attr.name equals the key's id): for nodes label and name (both the entity's name, for
// Gephi and Cytoscape respectively), type, degree, community, iso3166, wikidata,
// themenfeld and aliases (joined by "; "); for edges relation (the relation type), role,
// firstSeen, lastSeen, weight (the number of releases, a double as Gephi expects) and
// evidence (the number of evidence sentences) and directed (false for COOPERATES_WITH);
// for the graph its version. The graph is undirected when all its edges are
// (COOPERATES_WITH only), else directed (see edgeDefault): networkx reads it either way.
func GraphML(w io.Writer, n network.Network) error {
	doc := graphmlDoc{
		Xmlns:          GraphMLNamespace,
		XmlnsXSI:       "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: GraphMLNamespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys: []graphmlKey{
			{"version", "graph", "version", "string"},
			{"label", "node", "label", "string"},
			{"name", "node", "name", "string"},
		},
		Graph: graphmlGraph{ID: "egovgraph", EdgeDefault: edgeDefault(n)},
	}
	for _, a := range nodeAttributes {
		doc.Keys = append(doc.Keys, graphmlKey{a.name, "node", a.name, graphmlType[a.kind]})
	}
	for _, a := range edgeAttributes {
		doc.Keys = append(doc.Keys, graphmlKey{a.name, "edge", a.name, graphmlType[a.kind]})
	}
	doc.Keys = append(doc.Keys, graphmlKey{"weight", "edge", "weight", graphmlType[kindDouble]})

	if n.Version != "" {
		doc.Graph.Data = []graphmlData{{"version", n.Version}}
	}
	for _, node := range n.Nodes {
		gn := graphmlNode{ID: node.ID, Data: []graphmlData{{"label", node.Name}, {"name", node.Name}}}
		gn.Data = appendGraphMLData(gn.Data, nodeAttributes, node)
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for _, e := range n.Edges {
		ge := graphmlEdge{ID: e.ID, Source: e.From, Target: e.To}
		ge.Data = appendGraphMLData(ge.Data, edgeAttributes, e)
		ge.Data = append(ge.Data, graphmlData{"weight", strconv.Itoa(e.Weight)})
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

func appendGraphMLData[T any](data []graphmlData, attrs []attribute[T], v T) []graphmlData {
	for _, a := range attrs {
		if s := a.value(v); s != "" {
			data = append(data, graphmlData{a.name, s})
		}
	}
	return data
}

// writeXML writes doc as an indented UTF-8 XML document.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode XML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
