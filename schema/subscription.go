package schema

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// DefaultPollInterval is how often a subscription looks at the graph's version.
const DefaultPollInterval = time.Second

// live answers subscriptions: each looks at the store's version every interval, which is
// cheap and also changes when another process writes, and on a change reads what changed
// from the releaseIndex that all requests share.
type live struct {
	releases *releaseIndex
	interval time.Duration
}

// state is what a subscriber has seen: the graph's version and the hash of each release.
type state struct {
	version string
	hashes  map[string]string // release ID → hash
}

type stateKey struct{}

// baseline returns the state the releases of the store are in now.
func (l *live) baseline(ctx context.Context) (state, error) {
	list, version, err := l.releases.at(ctx)
	if err != nil {
		return state{}, err
	}
	s := state{version: version, hashes: make(map[string]string, len(list))}
	for _, r := range list {
		s.hashes[r.ID] = r.Hash
	}
	return s, nil
}

// withBaseline returns ctx carrying the state of the store when a WebSocket connection was
// acknowledged: its subscriptions report what changed after that, so that a client that
// writes once it is connected sees its write whenever it subscribes.
func (l *live) withBaseline(ctx context.Context) (context.Context, error) {
	s, err := l.baseline(ctx)
	if err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, stateKey{}, s), nil
}

// change is one change of the graph: its new version and the releases new or changed.
type change struct {
	version string
	added   []graph.Release // ordered by ID
}

// watch calls send with each change of the graph after the connection's baseline (or, on
// a connection without one, after now) until ctx ends or send reports false.
func (l *live) watch(ctx context.Context) (<-chan change, error) {
	seen, ok := ctx.Value(stateKey{}).(state)
	if !ok {
		var err error
		if seen, err = l.baseline(ctx); err != nil {
			return nil, err
		}
	}
	out := make(chan change)
	go func() {
		defer close(out)
		tick := time.NewTicker(l.interval)
		defer tick.Stop()
		for {
			if version, err := l.releases.store.Version(ctx); err == nil && version != seen.version {
				if c, now, err := l.diff(ctx, seen); err == nil && now.version != seen.version {
					seen = now
					select {
					case out <- c:
					case <-ctx.Done():
						return
					}
				}
			}
			select {
			case <-tick.C:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// diff returns the change from seen to the store's state now, and that state.
func (l *live) diff(ctx context.Context, seen state) (change, state, error) {
	now, err := l.baseline(ctx)
	if err != nil {
		return change{}, seen, err
	}
	list, _, err := l.releases.at(ctx)
	if err != nil {
		return change{}, seen, err
	}
	c := change{version: now.version}
	for _, r := range list {
		if h, ok := seen.hashes[r.ID]; !ok || h != r.Hash {
			c.added = append(c.added, r)
		}
	}
	slices.SortFunc(c.added, func(a, b graph.Release) int { return strings.Compare(a.ID, b.ID) })
	return c, now, nil
}
