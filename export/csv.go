package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/egovgraph/egovgraph/network"
)

// The header rows of the CSV tables. Gephi's spreadsheet import (Data Laboratory → Import
// Spreadsheet) reads Id and Label of nodes, and Id, Source, Target, Type (Directed or
// Undirected), Kind (which keeps parallel edges of different relation types apart) and
// Weight of edges; it imports every other column as an attribute.
var (
	NodesHeader = []string{"Id", "Label", "Type", "Degree", "Community", "ISO3166", "Wikidata", "Themenfeld", "Aliases"}
	EdgesHeader = []string{"Id", "Source", "Target", "Type", "Kind", "Role", "FirstSeen", "LastSeen", "Weight", "Evidence"}
)

// The file names of the CSV tables, in a directory or a zip archive.
const (
	NodesFile = "nodes.csv"
	EdgesFile = "edges.csv"
)

// NodesCSV writes the nodes of n as CSV (RFC 4180: comma-separated, fields quoted where
// needed, CRLF line ends; UTF-8 without byte order mark) with the header row NodesHeader:
// entity ID, name, entity type, degree, community, ISO 3166 code, Wikidata item,
// Themenfeld and the aliases joined by "; ".
func NodesCSV(w io.Writer, n network.Network) error {
	cw := newCSVWriter(w)
	cw.Write(NodesHeader)
	for _, node := range n.Nodes {
		cw.Write([]string{
			node.ID, node.Name, string(node.Type), strconv.Itoa(node.Degree), strconv.Itoa(node.Community),
			node.ISO3166, node.Wikidata, node.Themenfeld, joinAliases(node.Entity),
		})
	}
	cw.Flush()
	return cw.Error()
}

// EdgesCSV writes the edges of n as CSV, as NodesCSV does, with the header row
// EdgesHeader: relation ID, the IDs of its ends, Directed or Undirected (COOPERATES_WITH),
// the relation type, role, the dates of the first and last release stating it, the number
// of those releases (the weight) and the number of evidence sentences.
func EdgesCSV(w io.Writer, n network.Network) error {
	cw := newCSVWriter(w)
	cw.Write(EdgesHeader)
	for _, e := range n.Edges {
		direction := "Directed"
		if !e.Type.Directed() {
			direction = "Undirected"
		}
		cw.Write([]string{
			e.ID, e.From, e.To, direction, string(e.Type), e.Role,
			e.FirstSeen, e.LastSeen, strconv.Itoa(e.Weight), strconv.Itoa(len(e.Evidence)),
		})
	}
	cw.Flush()
	return cw.Error()
}

func newCSVWriter(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw
}

// CSVZip writes a zip archive of the two tables of n, NodesFile and EdgesFile.
func CSVZip(w io.Writer, n network.Network) error {
	zw := zip.NewWriter(w)
	for _, table := range []struct {
		name  string
		write func(io.Writer, network.Network) error
	}{{NodesFile, NodesCSV}, {EdgesFile, EdgesCSV}} {
		f, err := zw.Create(table.name)
		if err != nil {
			return err
		}
		if err := table.write(f, n); err != nil {
			return err
		}
	}
	return zw.Close()
}
