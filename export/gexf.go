package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/egovgraph/egovgraph/network"
)

// GEXFNamespace is the XML namespace of GEXF 1.3.
const GEXFNamespace = "http://gexf.net/1.3"

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	Xmlns          string    `xml:"xmlns,attr"`
	XmlnsXSI       string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	TimeFormat      string           `xml:"timeformat,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Mode       string          `xml:"mode,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	Start     string         `xml:"start,attr,omitempty"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Type      string         `xml:"type,attr"`
	Kind      string         `xml:"kind,attr"`
	Label     string         `xml:"label,attr"`
	Weight    string         `xml:"weight,attr"`
	Start     string         `xml:"start,attr,omitempty"`
	End       string         `xml:"end,attr,omitempty"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

var gexfType = map[kind]string{kindString: "string", kindInt: "integer", kindDouble: "double", kindBool: "boolean"}

// GEXF writes n as GEXF 1.3, a dynamic graph with dates for time. Nodes carry their name as
// label and the attributes type, degree, community, iso3166, wikidata, themenfeld and
// aliases (joined by "; "); edges carry the relation type as kind and label (so Gephi
// keeps parallel edges of different types apart), the number of releases as weight, and
// the attributes relation, role, firstSeen, lastSeen, evidence (the number of evidence
// sentences) and directed (false for COOPERATES_WITH). The graph is undirected when all
// its edges are, else directed (see edgeDefault), every edge of the graph's type: networkx
// refuses a graph that mixes them.
//
// Time follows the releases: an edge lives from its first to its last release (start and
// end), a node from the first release of its edges on; an undated edge, and every node it
// touches, has no time limits. Gephi's timeline then shows what releases stated within
// the window chosen; the network as it stood on a day is the filter's AsOf.
func GEXF(w io.Writer, n network.Network) error {
	doc := gexfDoc{
		Xmlns:          GEXFNamespace,
		XmlnsXSI:       "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: GEXFNamespace + " http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Meta: gexfMeta{
			Creator:     "egovgraph",
			Description: "The e-government cooperation network read from press releases",
		},
		Graph: gexfGraph{Mode: "dynamic", DefaultEdgeType: edgeDefault(n), TimeFormat: "date"},
	}
	if n.Version != "" {
		doc.Meta.Description += ", graph version " + n.Version
	}
	doc.Graph.Attributes = []gexfAttributes{
		{Class: "node", Mode: "static", Attributes: gexfDeclare(nodeAttributes)},
		{Class: "edge", Mode: "static", Attributes: gexfDeclare(edgeAttributes)},
	}
	starts := nodeStarts(n)
	for _, node := range n.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{
			ID:        node.ID,
			Label:     node.Name,
			Start:     starts[node.ID],
			AttValues: gexfValues(nodeAttributes, node),
		})
	}
	for _, e := range n.Edges {
		ge := gexfEdge{
			ID:        e.ID,
			Source:    e.From,
			Target:    e.To,
			Type:      doc.Graph.DefaultEdgeType,
			Kind:      string(e.Type),
			Label:     string(e.Type),
			Weight:    strconv.Itoa(e.Weight),
			AttValues: gexfValues(edgeAttributes, e),
		}
		if e.FirstSeen != "" {
			ge.Start, ge.End = e.FirstSeen, e.LastSeen
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

func gexfDeclare[T any](attrs []attribute[T]) []gexfAttribute {
	out := make([]gexfAttribute, len(attrs))
	for i, a := range attrs {
		out[i] = gexfAttribute{ID: a.name, Title: a.name, Type: gexfType[a.kind]}
	}
	return out
}

func gexfValues[T any](attrs []attribute[T], v T) []gexfAttValue {
	var out []gexfAttValue
	for _, a := range attrs {
		if s := a.value(v); s != "" {
			out = append(out, gexfAttValue{For: a.name, Value: s})
		}
	}
	return out
}

// nodeStarts returns the day each node first appears: the earliest first release of its
// edges, or none ("") when it has an undated edge or no edge at all.
func nodeStarts(n network.Network) map[string]string {
	starts := make(map[string]string, len(n.Nodes))
	undated := make(map[string]bool)
	for _, e := range n.Edges {
		for _, id := range []string{e.From, e.To} {
			switch {
			case e.FirstSeen == "":
				undated[id] = true
			case starts[id] == "" || e.FirstSeen < starts[id]:
				starts[id] = e.FirstSeen
			}
		}
	}
	for id := range undated {
		delete(starts, id)
	}
	return starts
}
