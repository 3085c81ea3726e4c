package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
)

var loadCommand = command{
	name: "load",
	usage: `Usage: egovgraph load [flags] PATH...

Reads every release file among PATH (directories are walked for .md, .markdown, .txt, .html
and .htm), extracts its facts and writes each release to the store in one transaction. A
release is keyed by its path as given: loading the same file again changes nothing, loading
a changed version replaces what it stated before. Files that fail are reported with the
reason and the others still load; the exit status is 1 when any failed.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		var cfg storeConfig
		cfg.register(fs)
		timeout := fs.Duration("timeout", 30*time.Second, "time allowed for writing one release")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return fmt.Errorf("no PATH given: %w", errUsage)
			}
			if err := cfg.validate(); err != nil {
				return err
			}
			inputs, missing := fileInputs(args, stderr)
			store, err := cfg.open(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			sum := loadAll(ctx, store, inputs, *timeout, stdout, stderr)
			sum.failed += missing
			sum.print(ctx, store, stdout)
			if sum.failed > 0 || ctx.Err() != nil {
				return exitError{1}
			}
			return nil
		}
	},
}

// input is one release to load: where it comes from and how to read it.
type input struct {
	source string
	read   func() (loaders.Document, error)
}

// fileInputs lists the release files under paths; a path that cannot be listed is reported
// on stderr and counted.
func fileInputs(paths []string, stderr io.Writer) (inputs []input, missing int) {
	for _, p := range paths {
		files, err := loaders.Files(p)
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			missing++
			continue
		}
		for _, f := range files {
			inputs = append(inputs, input{source: f, read: func() (loaders.Document, error) { return loaders.ReadFile(f) }})
		}
	}
	return inputs, missing
}

// loadSummary counts what a load did.
type loadSummary struct {
	files, loaded, unchanged, failed int
	entities, relations              int
	elapsed                          time.Duration
}

// loadAll reads, extracts and writes every input, one progress line each, and goes on past
// failures; it stops early only when ctx is cancelled.
func loadAll(ctx context.Context, store graph.Store, inputs []input, timeout time.Duration, stdout, stderr io.Writer) loadSummary {
	start := time.Now()
	sum := loadSummary{files: len(inputs)}
	width := len(fmt.Sprint(len(inputs)))
	for i, in := range inputs {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "interrupted: %d of %d files not loaded\n", len(inputs)-i, len(inputs))
			sum.failed += len(inputs) - i
			break
		}
		prefix := fmt.Sprintf("[%*d/%d] %s", width, i+1, len(inputs), in.source)
		rel, changed, err := loadOne(ctx, store, in, timeout)
		if err != nil {
			sum.failed++
			fmt.Fprintf(stderr, "%s: error: %v\n", prefix, err)
			continue
		}
		state := "loaded"
		if changed {
			sum.loaded++
		} else {
			sum.unchanged++
			state = "unchanged"
		}
		sum.entities += len(rel.Entities)
		sum.relations += len(rel.Facts)
		date := rel.Date
		if date == "" {
			date = "no date"
		}
		fmt.Fprintf(stdout, "%s: %s, %s, %d entities, %d relations\n", prefix, state, date, len(rel.Entities), len(rel.Facts))
	}
	sum.elapsed = time.Since(start)
	return sum
}

func loadOne(ctx context.Context, store graph.Store, in input, timeout time.Duration) (graph.Release, bool, error) {
	doc, err := in.read()
	if err != nil {
		var perr *loaders.ParseError
		if errors.As(err, &perr) {
			return graph.Release{}, false, perr.Err
		}
		return graph.Release{}, false, err
	}
	rel := loaders.Extract(doc)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	changed, err := store.PutRelease(ctx, rel)
	if err != nil {
		return rel, false, fmt.Errorf("write: %w", err)
	}
	return rel, changed, nil
}

func (s loadSummary) print(ctx context.Context, store graph.Store, w io.Writer) {
	fmt.Fprintf(w, "%d files in %s: %d loaded, %d unchanged, %d failed; %d entities and %d relations read\n",
		s.files, s.elapsed.Round(time.Millisecond), s.loaded, s.unchanged, s.failed, s.entities, s.relations)
	if ctx.Err() != nil {
		return
	}
	st, err := store.Stats(ctx)
	if err != nil {
		fmt.Fprintf(w, "store stats: %v\n", err)
		return
	}
	fmt.Fprintf(w, "the store holds %d releases, %d entities, %d relations\n", st.Releases, st.Entities, st.Relations)
}
