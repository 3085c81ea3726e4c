package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/egovgraph/egovgraph/loaders"
)

// Items fetches the feed at rawURL (RSS or Atom, parsed by gofeed) and returns the URLs of
// its items, resolved against the feed's, in the feed's order. A feed unchanged since the
// last call (304 to a conditional request) returns none and notModified.
func (c *Client) Items(ctx context.Context, rawURL string) (links []string, notModified bool, err error) {
	u, err := parse(rawURL)
	if err != nil {
		return nil, false, err
	}
	data, err := c.get(ctx, u, MaxFeedSize, true)
	if errors.Is(err, errNotModified) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, false, fmt.Errorf("feed %s: %w", u.Redacted(), err)
	}
	for _, it := range feed.Items {
		link := it.Link
		if link == "" && IsURL(it.GUID) {
			link = it.GUID
		}
		if link == "" {
			continue
		}
		ref, err := u.Parse(link)
		if err != nil || (ref.Scheme != "http" && ref.Scheme != "https") {
			continue
		}
		ref.Fragment = ""
		links = append(links, ref.String())
	}
	return links, false, nil
}

// DefaultPollInterval is how often a Watcher asks each feed: press offices publish a few
// releases a day, and a conditional request every quarter hour costs them almost nothing.
const DefaultPollInterval = 15 * time.Minute

// Watcher follows feeds: each poll asks every feed for its items and hands each item not
// loaded before to Put, once. An item that fails (a server error, a timeout) is tried again
// at the next poll; a feed that fails is asked again at the next poll.
type Watcher struct {
	Client   *Client
	Feeds    []string
	Interval time.Duration // between polls; DefaultPollInterval when zero
	// Put loads one release; an error leaves the item to the next poll.
	Put func(ctx context.Context, doc loaders.Document) error
	Log *slog.Logger

	mu   sync.Mutex
	done map[string]bool // the item URLs loaded
}

// Poll asks every feed once and loads its new items; it returns how many it loaded and
// what failed.
func (w *Watcher) Poll(ctx context.Context) (loaded int, errs []error) {
	w.mu.Lock()
	if w.done == nil {
		w.done = map[string]bool{}
	}
	w.mu.Unlock()
	for _, feed := range w.Feeds {
		links, notModified, err := w.Client.Items(ctx, feed)
		if err != nil {
			errs = append(errs, fmt.Errorf("feed %s: %w", feed, err))
			w.logger().Warn("feed failed", "feed", feed, "err", err)
			continue
		}
		if notModified {
			continue
		}
		for _, link := range links {
			w.mu.Lock()
			done := w.done[link]
			w.mu.Unlock()
			if done {
				continue
			}
			if ctx.Err() != nil {
				return loaded, append(errs, ctx.Err())
			}
			doc, err := w.Client.Page(ctx, link)
			if err == nil {
				err = w.Put(ctx, doc)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("item %s: %w", link, err))
				w.logger().Warn("feed item failed", "feed", feed, "item", link, "err", err)
				continue
			}
			w.mu.Lock()
			w.done[link] = true
			w.mu.Unlock()
			loaded++
		}
	}
	return loaded, errs
}

// Run polls until ctx ends, every Interval.
func (w *Watcher) Run(ctx context.Context) {
	interval := w.Interval
	if interval <= 0 {
		interval = DefaultPollInterval
	}
	for {
		loaded, errs := w.Poll(ctx)
		w.logger().Info("feeds polled", "feeds", len(w.Feeds), "loaded", loaded, "failed", len(errs))
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

func (w *Watcher) logger() *slog.Logger {
	if w.Log == nil {
		return slog.Default()
	}
	return w.Log
}
