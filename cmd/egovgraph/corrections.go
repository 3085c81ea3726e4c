package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/egovgraph/egovgraph/graph"
)

var correctionsCommand = command{
	name: "corrections",
	usage: `Usage: egovgraph corrections export [flags]
       egovgraph corrections import [flags] FILE...

Moves the corrections analysts made through the API (rejected and added facts, merges,
renames, retypes, undos, each with who, when and why) between stores, as JSON lines: one
correction a line. export writes every correction, in the order they apply; import stores
those of each FILE ("-" for stdin), skips those stored already (by ID), reports a bad line
with its file and line number and goes on, and exits 1 when any failed. While "egovgraph
serve" runs on the same data directory, both go through it.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		var cfg storeConfig
		cfg.register(fs)
		out := fs.String("out", "", `export: the file to write ("" or "-" for stdout)`)
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
				return fmt.Errorf("want export or import: %w", errUsage)
			}
			verb := args[0]
			if err := fs.Parse(args[1:]); err != nil {
				return fmt.Errorf("%v: %w", err, errUsage)
			}
			args = fs.Args()
			if err := cfg.validate(); err != nil {
				return err
			}
			if verb == "export" && len(args) > 0 {
				return fmt.Errorf("export: unexpected arguments %q: %w", args, errUsage)
			}
			if verb == "import" && len(args) == 0 {
				return fmt.Errorf("import: no FILE given: %w", errUsage)
			}
			dst, err := openCorrections(ctx, &cfg)
			if err != nil {
				return err
			}
			defer dst.close()
			if verb == "export" {
				return exportCorrections(ctx, dst, *out, stdout, stderr)
			}
			return importCorrections(ctx, dst, args, stdout, stderr)
		}
	},
}

// correctionStore is where corrections are read and written: a store, or the running
// server that holds it.
type correctionStore interface {
	corrections(ctx context.Context) ([]graph.Correction, error)
	putCorrection(ctx context.Context, c graph.Correction) (bool, error)
	close() error
}

type storeCorrections struct{ graph.Store }

func (s storeCorrections) corrections(ctx context.Context) ([]graph.Correction, error) {
	return s.Corrections(ctx)
}
func (s storeCorrections) putCorrection(ctx context.Context, c graph.Correction) (bool, error) {
	return s.PutCorrection(ctx, c)
}
func (s storeCorrections) close() error { return s.Close() }

func (c *serverClient) corrections(ctx context.Context) ([]graph.Correction, error) {
	var cs []graph.Correction
	err := c.call(ctx, http.MethodGet, "/local/corrections", nil, &cs)
	return cs, err
}

func (c *serverClient) putCorrection(ctx context.Context, x graph.Correction) (bool, error) {
	var changed bool
	err := c.call(ctx, http.MethodPost, "/local/corrections", x, &changed)
	return changed, err
}

func openCorrections(ctx context.Context, cfg *storeConfig) (correctionStore, error) {
	if cfg.kind == storeEmbedded {
		if c := findServer(ctx, cfg.data); c != nil {
			return c, nil
		}
	}
	s, err := cfg.open(ctx)
	if err != nil {
		return nil, err
	}
	return storeCorrections{s}, nil
}

func exportCorrections(ctx context.Context, src correctionStore, out string, stdout, stderr io.Writer) error {
	cs, err := src.corrections(ctx)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		for _, c := range cs {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	}
	where := "stdout"
	if out == "" || out == "-" {
		err = write(stdout)
	} else {
		where, err = out, writeAtomic(out, write)
	}
	if err != nil {
		return fmt.Errorf("write corrections: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %d corrections to %s\n", len(cs), where)
	return nil
}

// maxCorrectionLine bounds one line of an import.
const maxCorrectionLine = 1 << 20

func importCorrections(ctx context.Context, dst correctionStore, files []string, stdout, stderr io.Writer) error {
	type line struct {
		where string
		c     graph.Correction
	}
	var lines []line
	failed := 0
	for _, name := range files {
		f := os.Stdin
		if name != "-" {
			var err error
			if f, err = os.Open(name); err != nil {
				fmt.Fprintf(stderr, "error: %v\n", err)
				failed++
				continue
			}
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, maxCorrectionLine)
		for n := 1; sc.Scan(); n++ {
			if len(sc.Bytes()) == 0 {
				continue
			}
			var c graph.Correction
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				fmt.Fprintf(stderr, "%s:%d: error: %v\n", name, n, err)
				failed++
				continue
			}
			lines = append(lines, line{fmt.Sprintf("%s:%d", name, n), c})
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", name, err)
			failed++
		}
		if f != os.Stdin {
			f.Close()
		}
	}
	// In the order they apply, so that an undo finds what it takes back.
	cs := make([]graph.Correction, len(lines))
	for i, l := range lines {
		cs[i] = l.c
	}
	graph.SortCorrections(cs)
	where := map[string]string{}
	for _, l := range lines {
		where[l.c.ID] = l.where
	}
	added, known := 0, 0
	for _, c := range cs {
		changed, err := dst.putCorrection(ctx, c)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "%s: error: %s\n", where[c.ID], graph.ErrorMessage(err))
			failed++
		case changed:
			added++
		default:
			known++
		}
	}
	fmt.Fprintf(stdout, "%d corrections imported, %d stored already, %d failed\n", added, known, failed)
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
