package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/loaders/web"
)

var loadCommand = command{
	name: "load",
	usage: `Usage: egovgraph load [flags] PATH|URL...

Reads every release file among PATH (directories are walked for .md, .markdown, .txt, .html
and .htm) and every press release page at an http or https URL (its main text separated from
the site around it), extracts their facts, several at a time, and writes the releases to the
store up to 100 in one transaction: a reader sees each release whole or not at all. A release
is keyed by its URL, or by its file's absolute path with links resolved: loading the same file
again, through any path, or the same text under another name changes nothing; loading a
changed version replaces what it stated before. The first release of your own removes the
bundled samples that serve put into an empty store. While "egovgraph serve" runs on the same
data directory, load hands the releases to it and the API answers with them at once. Files
and pages that fail are reported with the reason and the others still load; the exit status
is 1 when any failed.

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
			if err := errors.Join(positive("timeout", *timeout), cfg.validate()); err != nil {
				return err
			}
			var paths, urls []string
			for _, a := range args {
				if web.IsURL(a) {
					urls = append(urls, a)
				} else {
					paths = append(paths, a)
				}
			}
			inputs, missing := fileInputs(paths, stderr)
			inputs = append(inputs, webInputs(ctx, web.New(), urls)...)
			dst, err := openSink(ctx, &cfg, *timeout, stderr)
			if err != nil {
				return err
			}
			defer dst.close()
			sum := loadInto(ctx, dst, inputs, stdout, stderr)
			sum.failed += missing
			sum.print(ctx, dst, stdout)
			if sum.failed > 0 || ctx.Err() != nil {
				return exitError{1}
			}
			return nil
		}
	},
}

// input is one release to load: where it comes from and how to read it.
type input struct {
	source string // as the user named it
	read   func() (loaders.Document, error)
	// encoding is set by read to the encoding it detected, when it is a file's.
	encoding *string
}

// fileInputs lists the release files under paths, each read with its canonical path as
// source; a path or directory that cannot be listed is reported on stderr and counted.
func fileInputs(paths []string, stderr io.Writer) (inputs []input, missing int) {
	for _, p := range paths {
		// A directory that cannot be read is reported and counted; the rest still loads.
		files, err := loaders.Files(p)
		if err != nil {
			for line := range strings.SplitSeq(err.Error(), "\n") {
				fmt.Fprintf(stderr, "error: %s\n", line)
				missing++
			}
		}
		for _, f := range files {
			enc := new(string)
			inputs = append(inputs, input{source: f, encoding: enc, read: func() (loaders.Document, error) {
				source, err := loaders.Canonical(f)
				if err != nil {
					return loaders.Document{}, err
				}
				doc, e, err := loaders.ReadFileEncoding(f)
				doc.Source, *enc = source, e
				return doc, err
			}})
		}
	}
	return inputs, missing
}

// webInputs lists the release pages at urls, fetched by client.
func webInputs(ctx context.Context, client *web.Client, urls []string) []input {
	var inputs []input
	for _, u := range urls {
		inputs = append(inputs, input{source: u, read: func() (loaders.Document, error) { return client.Page(ctx, u) }})
	}
	return inputs
}

// A sink is where load writes releases: a store it opened, or the running server that
// holds the store.
type sink interface {
	put(ctx context.Context, doc loaders.Document) (summary, error)
	stats(ctx context.Context) (graph.Stats, error)
	close() error
}

// storeSink writes to a store directly.
type storeSink struct{ ingester }

func (s *storeSink) stats(ctx context.Context) (graph.Stats, error) { return s.store.Stats(ctx) }
func (s *storeSink) close() error                                   { return s.store.Close() }

// openSink returns the running server that holds the configured embedded store, if one
// does, else the store itself.
func openSink(ctx context.Context, cfg *storeConfig, timeout time.Duration, stderr io.Writer) (sink, error) {
	if cfg.kind == storeEmbedded {
		if c := findServer(ctx, cfg.data); c != nil {
			fmt.Fprintf(stderr, "egovgraph serve is running on this data directory: loading through it at %s\n", c.base)
			return c, nil
		}
	}
	store, err := cfg.open(ctx)
	if err != nil {
		return nil, err
	}
	return &storeSink{ingester{store: store, timeout: timeout}}, nil
}

// loadSummary counts what a load did.
type loadSummary struct {
	files, loaded, unchanged, failed int
	entities, relations              int
	elapsed                          time.Duration
	storeDown                        bool // the load stopped because the store did not answer
}

// loadAll loads inputs into store, as loadInto does.
func loadAll(ctx context.Context, store graph.Store, inputs []input, timeout time.Duration, stdout, stderr io.Writer) loadSummary {
	return loadInto(ctx, &storeSink{ingester{store: store, timeout: timeout}}, inputs, stdout, stderr)
}

// loadInto reads every input and writes it to dst, one progress line each, and goes on past
// failures; it stops early only when ctx is cancelled. Into a store, it loads in batches
// (loadBatches).
func loadInto(ctx context.Context, dst sink, inputs []input, stdout, stderr io.Writer) loadSummary {
	if s, ok := dst.(*storeSink); ok {
		return loadBatches(ctx, &s.ingester, inputs, stdout, stderr)
	}
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
		res, err := loadOne(ctx, dst, in)
		sum.count(prefix, encodingNote(in), res, err, stdout, stderr)
	}
	sum.elapsed = time.Since(start)
	return sum
}

// encodingNote says in what encoding in was read, when it was a file not in UTF-8.
func encodingNote(in input) string {
	if in.encoding != nil && *in.encoding != "" && *in.encoding != loaders.UTF8 {
		return ", read as " + *in.encoding
	}
	return ""
}

// count adds what writing one release did to s and prints its progress line.
func (s *loadSummary) count(prefix, note string, res summary, err error, stdout, stderr io.Writer) {
	if err != nil {
		s.failed++
		fmt.Fprintf(stderr, "%s: error: %v\n", prefix, err)
		return
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, n)
	}
	state := "loaded"
	if res.Changed {
		s.loaded++
	} else {
		s.unchanged++
		state = "unchanged"
	}
	state += note
	s.entities += res.Entities
	s.relations += res.Relations
	date := res.Date
	if date == "" {
		date = "no date"
	}
	fmt.Fprintf(stdout, "%s: %s, %s, %d entities, %d relations\n", prefix, state, date, res.Entities, res.Relations)
}

// Loading into a store runs in two stages: up to GOMAXPROCS inputs are read and extracted
// at a time, and the releases are written in input order, up to batchReleases in one
// transaction, so that a store syncs its data once per batch instead of once per release.
// A batch is also written when its first release has waited batchWait, so that a slow load
// still shows progress.
const (
	batchReleases = 100
	batchWait     = time.Second
)

// extracted is an input read and extracted: its release, or why it failed.
type extracted struct {
	in  input
	rel graph.Release
	err error
}

// loadBatches is loadInto for a store: it writes batches of releases through in.
func loadBatches(ctx context.Context, in *ingester, inputs []input, stdout, stderr io.Writer) loadSummary {
	// A store that went down ends the load: down holds why, and extraction stops.
	var down *storeDownError
	extractCtx, stopExtract := context.WithCancel(ctx)
	defer stopExtract()
	start := time.Now()
	sum := loadSummary{files: len(inputs)}
	width := len(fmt.Sprint(len(inputs)))
	done := 0
	prefix := func(x extracted) string {
		done++
		return fmt.Sprintf("[%*d/%d] %s", width, done, len(inputs), x.in.source)
	}

	var batch []extracted
	ids := map[string]bool{}
	flush := func() {
		if len(batch) == 0 {
			return
		}
		rels := make([]graph.Release, len(batch))
		for i, x := range batch {
			rels[i] = x.rel
		}
		sums, errs := in.putBatch(ctx, rels)
		for i, x := range batch {
			if errors.As(errs[i], &down) {
				left := len(inputs) - done
				sum.failed += left
				fmt.Fprintf(stderr, "[%*d/%d] %s: error: %v; %d of %d files not loaded (loading again resumes)\n",
					width, done+1, len(inputs), x.in.source, down, left, len(inputs))
				done = len(inputs)
				sum.storeDown = true
				batch = batch[:0]
				stopExtract()
				return
			}
			sum.count(prefix(x), encodingNote(x.in), sums[i], errs[i], stdout, stderr)
		}
		batch = batch[:0]
		clear(ids)
	}

	var due <-chan time.Time
	for next := range extractAll(extractCtx, inputs) {
		var x extracted
		select {
		case x = <-next:
		case <-due:
			flush()
			if down != nil {
				break
			}
			x = <-next
		}
		if ctx.Err() != nil || down != nil {
			break
		}
		switch {
		case x.err != nil:
			flush()
			sum.count(prefix(x), "", summary{}, x.err, stdout, stderr)
			continue
		case ids[x.rel.ID]:
			flush()
		}
		if len(batch) == 0 {
			due = time.After(batchWait)
		}
		batch = append(batch, x)
		ids[x.rel.ID] = true
		if len(batch) == batchReleases {
			flush()
		}
	}
	if ctx.Err() == nil && down == nil {
		flush()
	}
	if left := len(inputs) - done; left > 0 {
		fmt.Fprintf(stderr, "interrupted: %d of %d files not loaded\n", left, len(inputs))
		sum.failed += left
	}
	sum.elapsed = time.Since(start)
	return sum
}

// extractAll reads and extracts inputs, GOMAXPROCS at a time, and sends for each, in input
// order, a channel that will hold the result. It stops sending when ctx is cancelled.
func extractAll(ctx context.Context, inputs []input) <-chan chan extracted {
	order := make(chan chan extracted, 4*batchReleases)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		defer close(order)
		for _, in := range inputs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			result := make(chan extracted, 1)
			select {
			case order <- result:
			case <-ctx.Done():
				<-sem
				return
			}
			go func() {
				defer func() { <-sem }()
				rel, err := extractOne(ctx, in)
				result <- extracted{in: in, rel: rel, err: err}
			}()
		}
	}()
	return order
}

// extractOne reads and extracts one input.
func extractOne(ctx context.Context, in input) (graph.Release, error) {
	doc, err := in.read()
	if err != nil {
		var perr *loaders.ParseError
		if errors.As(err, &perr) {
			return graph.Release{}, perr.Err
		}
		return graph.Release{}, err
	}
	return extract(ctx, doc)
}

func loadOne(ctx context.Context, dst sink, in input) (summary, error) {
	doc, err := in.read()
	if err != nil {
		var perr *loaders.ParseError
		if errors.As(err, &perr) {
			return summary{}, perr.Err
		}
		return summary{}, err
	}
	return dst.put(ctx, doc)
}

func (s loadSummary) print(ctx context.Context, dst sink, w io.Writer) {
	fmt.Fprintf(w, "%d files in %s: %d loaded, %d unchanged, %d failed; %d entities and %d relations read\n",
		s.files, s.elapsed.Round(time.Millisecond), s.loaded, s.unchanged, s.failed, s.entities, s.relations)
	if ctx.Err() != nil || s.storeDown {
		return
	}
	st, err := dst.stats(ctx)
	if err != nil {
		fmt.Fprintf(w, "store stats: %v\n", err)
		return
	}
	fmt.Fprintf(w, "the store holds %d releases, %d entities, %d relations\n", st.Releases, st.Entities, st.Relations)
}
