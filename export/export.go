// Package export writes a network in the formats analysts open it with: GraphML and GEXF
// for Gephi and Cytoscape, CSV node and edge tables, and JSON-LD in the W3C Organization
// Ontology.
package export

import (
	"context"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// Source computes the network a filter selects; *network.Analyzer is one.
type Source interface {
	Network(ctx context.Context, f network.Filter) (network.Network, error)
}

// Format is a file format a network can be written in.
type Format string

// The formats of this package.
const (
	FormatGraphML Format = "graphml"
	FormatGEXF    Format = "gexf"
	FormatCSV     Format = "csv"
	FormatJSONLD  Format = "jsonld"
)

// Formats lists every format in a fixed order.
var Formats = []Format{FormatGraphML, FormatGEXF, FormatCSV, FormatJSONLD}

// ParseFormat returns the format named s, or an EINVALID error.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "unknown export format %q: want graphml, gexf, csv or jsonld", s)
}

// ContentType returns the media type of a file in format f. CSV is text/csv; the HTTP
// handler sends both tables of a network as a zip archive.
func (f Format) ContentType() string {
	switch f {
	case FormatGraphML:
		return "application/graphml+xml; charset=utf-8"
	case FormatGEXF:
		return "application/gexf+xml; charset=utf-8"
	case FormatCSV:
		return "text/csv; charset=utf-8; header=present"
	case FormatJSONLD:
		return "application/ld+json; charset=utf-8"
	}
	return "application/octet-stream"
}

// aliasSeparator joins an entity's aliases in the formats that have no list type.
const aliasSeparator = "; "

func joinAliases(e graph.Entity) string { return strings.Join(e.Aliases, aliasSeparator) }
