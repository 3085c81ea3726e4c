package main

import (
	"context"
	"log/slog"
	"sync"

	"github.com/egovgraph/egovgraph/graph"
)

// pendingStore is the store of a server that may still be connecting to it: until set is
// called, every call fails with EUNAVAILABLE and the reason the last attempt gave.
type pendingStore struct {
	mu    sync.RWMutex
	store graph.Store
	err   error
}

var _ graph.Store = (*pendingStore)(nil)

func (p *pendingStore) set(s graph.Store) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.store, p.err = s, nil
}

func (p *pendingStore) fail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.err = err
}

func (p *pendingStore) get() (graph.Store, error) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.store != nil {
		return p.store, nil
	}
	if p.err != nil {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "store not ready: %s", graph.ErrorMessage(p.err))
	}
	return nil, graph.Errorf(graph.EUNAVAILABLE, "store not ready: still connecting")
}

// close closes the store if one was set, logging a failure.
func (p *pendingStore) close(log *slog.Logger) {
	if err := p.Close(); err != nil {
		log.Error("close store", "err", err)
	}
}

func (p *pendingStore) PutRelease(ctx context.Context, r graph.Release) (bool, error) {
	s, err := p.get()
	if err != nil {
		return false, err
	}
	return s.PutRelease(ctx, r)
}

func (p *pendingStore) PutReleases(ctx context.Context, rs []graph.Release) ([]bool, error) {
	s, err := p.get()
	if err != nil {
		return make([]bool, len(rs)), err
	}
	return s.PutReleases(ctx, rs)
}

func (p *pendingStore) DeleteRelease(ctx context.Context, id string) error {
	s, err := p.get()
	if err != nil {
		return err
	}
	return s.DeleteRelease(ctx, id)
}

func (p *pendingStore) PutCorrection(ctx context.Context, c graph.Correction) (bool, error) {
	s, err := p.get()
	if err != nil {
		return false, err
	}
	return s.PutCorrection(ctx, c)
}

func (p *pendingStore) Corrections(ctx context.Context) ([]graph.Correction, error) {
	s, err := p.get()
	if err != nil {
		return nil, err
	}
	return s.Corrections(ctx)
}

func (p *pendingStore) Release(ctx context.Context, id string) (graph.Release, error) {
	s, err := p.get()
	if err != nil {
		return graph.Release{}, err
	}
	return s.Release(ctx, id)
}

func (p *pendingStore) Releases(ctx context.Context, pg graph.Page) (graph.Paged[graph.Release], error) {
	s, err := p.get()
	if err != nil {
		return graph.Paged[graph.Release]{}, err
	}
	return s.Releases(ctx, pg)
}

func (p *pendingStore) Entity(ctx context.Context, id string) (graph.Entity, error) {
	s, err := p.get()
	if err != nil {
		return graph.Entity{}, err
	}
	return s.Entity(ctx, id)
}

func (p *pendingStore) Entities(ctx context.Context, f graph.EntityFilter) (graph.Paged[graph.Entity], error) {
	s, err := p.get()
	if err != nil {
		return graph.Paged[graph.Entity]{}, err
	}
	return s.Entities(ctx, f)
}

func (p *pendingStore) Relations(ctx context.Context, f graph.RelationFilter) (graph.Paged[graph.Relation], error) {
	s, err := p.get()
	if err != nil {
		return graph.Paged[graph.Relation]{}, err
	}
	return s.Relations(ctx, f)
}

func (p *pendingStore) Search(ctx context.Context, text string, limit int) ([]graph.Entity, error) {
	s, err := p.get()
	if err != nil {
		return nil, err
	}
	return s.Search(ctx, text, limit)
}

func (p *pendingStore) Neighborhood(ctx context.Context, id string, depth int, types []graph.RelationType) (graph.Subgraph, error) {
	s, err := p.get()
	if err != nil {
		return graph.Subgraph{}, err
	}
	return s.Neighborhood(ctx, id, depth, types)
}

func (p *pendingStore) Stats(ctx context.Context) (graph.Stats, error) {
	s, err := p.get()
	if err != nil {
		return graph.Stats{}, err
	}
	return s.Stats(ctx)
}

func (p *pendingStore) Version(ctx context.Context) (string, error) {
	s, err := p.get()
	if err != nil {
		return "", err
	}
	return s.Version(ctx)
}

func (p *pendingStore) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	s, err := p.get()
	if err != nil {
		return graph.Snapshot{}, err
	}
	return s.Snapshot(ctx)
}

func (p *pendingStore) Ping(ctx context.Context) error {
	s, err := p.get()
	if err != nil {
		return err
	}
	return s.Ping(ctx)
}

func (p *pendingStore) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.store == nil {
		return nil
	}
	err := p.store.Close()
	p.store = nil
	return err
}
