package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/loaders/web"
)

var watchCommand = command{
	name: "watch",
	usage: `Usage: egovgraph watch [flags] FEED...

Follows the RSS or Atom feeds of press offices: every -interval it asks each FEED for its
items and loads each item not loaded before, as "load URL" does, until interrupted (or once,
with -once). Each press office's server is asked politely: conditional requests, at most one
request every 2 s per host, a User-Agent naming egovgraph, 20 s per request, pages up to
10 MiB and feeds up to 5 MiB, at most 5 redirects, http and https only. An item or a feed
that fails is reported and tried again at the next poll. While "egovgraph serve" runs on the
same data directory, the releases go through it.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		var cfg storeConfig
		cfg.register(fs)
		interval := fs.Duration("interval", web.DefaultPollInterval, "time between two polls of the feeds")
		once := fs.Bool("once", false, "poll the feeds once and exit: for cron")
		timeout := fs.Duration("timeout", 30*time.Second, "time allowed for writing one release")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return fmt.Errorf("no FEED given: %w", errUsage)
			}
			for _, a := range args {
				if !web.IsURL(a) {
					return fmt.Errorf("feed %q: want an http or https URL: %w", a, errUsage)
				}
			}
			if *interval < time.Minute && !*once {
				return fmt.Errorf("-interval %s: want at least 1m, to be polite to the press offices: %w", *interval, errUsage)
			}
			if err := cfg.validate(); err != nil {
				return err
			}
			dst, err := openSink(ctx, &cfg, *timeout, stderr)
			if err != nil {
				return err
			}
			defer dst.close()
			w := newWatcher(args, *interval, slog.New(slog.NewTextHandler(stderr, nil)), dst.put, stdout)
			if *once {
				if _, errs := w.Poll(ctx); len(errs) > 0 {
					return exitError{1}
				}
				return nil
			}
			w.Run(ctx)
			return nil
		}
	},
}

// newWatcher returns a watcher of feeds that writes each item with put and prints a line
// for it to out.
func newWatcher(feeds []string, interval time.Duration, log *slog.Logger, put func(context.Context, loaders.Document) (summary, error), out io.Writer) *web.Watcher {
	var mu sync.Mutex
	return &web.Watcher{
		Client: web.New(), Feeds: feeds, Interval: interval, Log: log,
		Put: func(ctx context.Context, doc loaders.Document) error {
			res, err := put(ctx, doc)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			for _, n := range res.Notes {
				fmt.Fprintln(out, n)
			}
			state := "loaded"
			if !res.Changed {
				state = "unchanged"
			}
			fmt.Fprintf(out, "%s: %s, %s, %d entities, %d relations\n", doc.Source, state, orNoDate(res.Date), res.Entities, res.Relations)
			return nil
		},
	}
}

// orNoDate returns date, or "no date" when it is empty.
func orNoDate(date string) string {
	if strings.TrimSpace(date) == "" {
		return "no date"
	}
	return date
}
