package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/egovgraph/egovgraph/export"
	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

var exportCommand = command{
	name: "export",
	usage: `Usage: egovgraph export [flags]

Writes the network, or the part the filter flags select, for network analysis tools:
  graphml  GraphML for Gephi, Cytoscape and yEd
  gexf     GEXF 1.3 for Gephi, with release dates for its timeline
  csv      a nodes table and an edges table (RFC 4180, UTF-8), as Gephi's spreadsheet
           import reads them; -out names the directory for nodes.csv and edges.csv
  jsonld   JSON-LD in the W3C Organization Ontology, with dates and sources
Other formats go to stdout unless -out names a file. The filters are those of the GraphQL
network query: relation and entity types, a Land with its neighbours, a date range, and the
network as it stood on a day.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		var cfg storeConfig
		cfg.register(fs)
		format := fs.String("format", "graphml", "graphml, gexf, csv or jsonld")
		out := fs.String("out", "", `file to write ("" or "-" for stdout); for csv the directory, required`)
		types := fs.String("types", "", "relation types to keep, comma-separated: MEMBER_OF, COOPERATES_WITH, HOLDS_ROLE, WORKS_ON (all when empty)")
		entityTypes := fs.String("entity-types", "", "entity types both ends must have, comma-separated: State, Federal, Municipality, Authority, Organization, Person, Topic, Project (all when empty)")
		state := fs.String("state", "", `keep this Land and the entities one relation away: its ID ("state:bayern") or ISO 3166-2 code ("DE-BY")`)
		since := fs.String("since", "", "keep relations stated on or after this day (YYYY-MM-DD)")
		until := fs.String("until", "", "keep relations stated on or before this day (YYYY-MM-DD)")
		asOf := fs.String("as-of", "", "the network as it stood on this day (YYYY-MM-DD)")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected arguments %q: %w", args, errUsage)
			}
			f, err := export.ParseFormat(*format)
			if err != nil {
				return fmt.Errorf("-format: %s: %w", graph.ErrorMessage(err), errUsage)
			}
			q := url.Values{}
			for name, v := range map[string]string{"types": *types, "entityTypes": *entityTypes, "state": *state,
				"since": *since, "until": *until, "asOf": *asOf} {
				if v != "" {
					q.Set(name, v)
				}
			}
			filter, err := export.ParseFilter(q)
			if err != nil {
				return fmt.Errorf("%s: %w", graph.ErrorMessage(err), errUsage)
			}
			if f == export.FormatCSV && (*out == "" || *out == "-") {
				return fmt.Errorf("-format csv writes two files: -out must name a directory: %w", errUsage)
			}
			if err := cfg.validate(); err != nil {
				return err
			}

			if cfg.kind == storeEmbedded {
				if c := findServer(ctx, cfg.data); c != nil {
					where, version, err := c.export(ctx, f, q, *out, stdout)
					if err != nil {
						return err
					}
					fmt.Fprintf(stderr, "wrote the network (graph version %s) to %s, as the running egovgraph serve at %s answers it\n", version, where, c.base)
					return nil
				}
			}
			store, err := cfg.open(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			net, err := network.New(store).Network(ctx, filter)
			if err != nil {
				return err
			}
			where, err := writeExport(f, *out, net, stdout)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "wrote %d nodes and %d edges (graph version %s) to %s\n", len(net.Nodes), len(net.Edges), net.Version, where)
			return nil
		}
	},
}

// writeExport writes net in format f to out (stdout when out is "" or "-"; for CSV the
// directory of the two tables) and returns where it went.
func writeExport(f export.Format, out string, net network.Network, stdout io.Writer) (string, error) {
	write := map[export.Format]func(io.Writer, network.Network) error{
		export.FormatGraphML: export.GraphML, export.FormatGEXF: export.GEXF, export.FormatJSONLD: export.JSONLD,
	}[f]
	switch {
	case f == export.FormatCSV:
		if err := os.MkdirAll(out, 0o755); err != nil {
			return "", fmt.Errorf("create output directory: %w", err)
		}
		for name, table := range map[string]func(io.Writer, network.Network) error{
			export.NodesFile: export.NodesCSV, export.EdgesFile: export.EdgesCSV,
		} {
			if err := writeFile(filepath.Join(out, name), net, table); err != nil {
				return "", err
			}
		}
		return filepath.Join(out, export.NodesFile) + " and " + export.EdgesFile, nil
	case out == "" || out == "-":
		if err := write(stdout, net); err != nil {
			return "", fmt.Errorf("write %s: %w", f, err)
		}
		return "stdout", nil
	default:
		return out, writeFile(out, net, write)
	}
}

// export writes the network in format f with the filter q as the server's GET
// /export/{format} answers it, to out as writeExport does, and returns where it went and
// the graph version.
func (c *serverClient) export(ctx context.Context, f export.Format, q url.Values, out string, stdout io.Writer) (where, version string, err error) {
	get := func(q url.Values, w io.Writer) error {
		resp, err := c.do(ctx, http.MethodGet, "/export/"+string(f)+"?"+q.Encode(), nil)
		if err != nil {
			return graph.Errorf(graph.EUNAVAILABLE, "egovgraph serve at %s: %v", c.base, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
			return fmt.Errorf("egovgraph serve at %s: %s: %s", c.base, resp.Status, strings.TrimSpace(string(msg)))
		}
		version = resp.Header.Get("X-Egovgraph-Version")
		_, err = io.Copy(w, resp.Body)
		return err
	}
	switch {
	case f == export.FormatCSV:
		if err := os.MkdirAll(out, 0o755); err != nil {
			return "", "", fmt.Errorf("create output directory: %w", err)
		}
		for part, name := range map[string]string{"nodes": export.NodesFile, "edges": export.EdgesFile} {
			pq := maps.Clone(q)
			pq.Set("part", part)
			if err := writeAtomic(filepath.Join(out, name), func(w io.Writer) error { return get(pq, w) }); err != nil {
				return "", "", err
			}
		}
		return filepath.Join(out, export.NodesFile) + " and " + export.EdgesFile, version, nil
	case out == "" || out == "-":
		return "stdout", version, get(q, stdout)
	default:
		return out, version, writeAtomic(out, func(w io.Writer) error { return get(q, w) })
	}
}

// writeFile writes net to path through a temporary file in the same directory, so that
// path holds either its old content or the whole new one.
func writeFile(path string, net network.Network, write func(io.Writer, network.Network) error) error {
	return writeAtomic(path, func(w io.Writer) error { return write(w, net) })
}

// writeAtomic writes path through a temporary file in the same directory.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
