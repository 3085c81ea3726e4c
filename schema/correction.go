package schema

import (
	"context"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// correctionCache reads the corrections once per request, for the fields that need them
// all (Correction.undone, Evidence.correction).
type correctionCache struct {
	store graph.Store
	once  sync.Once
	byID  map[string]graph.Correction
	// undone holds the IDs of corrections a later undo takes back.
	undone map[string]bool
	err    error
}

type correctionsKey struct{}

func withCorrections(ctx context.Context, store graph.Store) context.Context {
	return context.WithValue(ctx, correctionsKey{}, &correctionCache{store: store})
}

// corrections returns the request's corrections by ID and which of them are undone.
func corrections(ctx context.Context, store graph.Store) (map[string]graph.Correction, map[string]bool, error) {
	c, ok := ctx.Value(correctionsKey{}).(*correctionCache)
	if !ok {
		c = &correctionCache{store: store}
	}
	c.once.Do(func() {
		var cs []graph.Correction
		cs, c.err = c.store.Corrections(ctx)
		c.byID, c.undone = map[string]graph.Correction{}, map[string]bool{}
		for i := len(cs) - 1; i >= 0; i-- {
			c.byID[cs[i].ID] = cs[i]
			if cs[i].Kind == graph.Undo && !c.undone[cs[i].ID] {
				c.undone[cs[i].Undoes] = true
			}
		}
	})
	return c.byID, c.undone, c.err
}

// correct stores a correction of kind made by the request's writer now, and returns it.
func (r *resolver) correct(ctx context.Context, c graph.Correction) (*CorrectionPayload, error) {
	who, err := r.authorize(ctx)
	if err != nil {
		return nil, err
	}
	c.Author, c.Time = who, time.Now().UTC()
	c.ID = graph.NewCorrectionID(c.Time)
	if _, err := r.store.PutCorrection(ctx, c); err != nil {
		return nil, err
	}
	r.log.InfoContext(ctx, "correction made", "id", c.ID, "kind", c.Kind, "by", who)
	return &CorrectionPayload{Correction: c}, nil
}

// entity returns the entity id, NOT_FOUND naming the field when there is none.
func (r *resolver) entity(ctx context.Context, field, id string) (graph.Entity, error) {
	e, err := r.store.Entity(ctx, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return e, graph.Errorf(graph.ENOTFOUND, "%s: no entity %q", field, id)
	}
	return e, err
}
