package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	bbolt "go.etcd.io/bbolt"

	"github.com/egovgraph/egovgraph/graph"
)

// PutCorrection validates c, writes it in one bbolt transaction with the version counted
// up, and indexes every release anew with the corrections applied.
func (s *Store) PutCorrection(ctx context.Context, c graph.Correction) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("put correction %s: %w", c.ID, err)
	}
	if err := c.Validate(); err != nil {
		return false, err
	}
	data, err := json.Marshal(c)
	if err != nil {
		return false, fmt.Errorf("put correction %s: %w", c.ID, err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.closed {
		return false, graph.Errorf(graph.EUNAVAILABLE, "store %s is closed", s.path)
	}
	known := func(id string) bool {
		return slices.ContainsFunc(s.corrections, func(x graph.Correction) bool { return x.ID == id })
	}
	if known(c.ID) {
		return false, nil
	}
	if c.Kind == graph.Undo && !known(c.Undoes) {
		return false, graph.Errorf(graph.ENOTFOUND, "no correction %q to undo", c.Undoes)
	}
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		if err := tx.Bucket(correctionsBucket).Put([]byte(c.ID), data); err != nil {
			return err
		}
		return tx.Bucket(metaBucket).Put(versionKey, strconv.AppendUint(nil, s.version+1, 10))
	})
	if err != nil {
		return false, fmt.Errorf("put correction %s: %w", c.ID, err)
	}
	s.mu.Lock()
	s.corrections = append(s.corrections, c)
	s.rebuild()
	s.version++
	s.mu.Unlock()
	return true, nil
}

// Corrections returns every stored correction, in the order they apply.
func (s *Store) Corrections(ctx context.Context) ([]graph.Correction, error) {
	var cs []graph.Correction
	err := s.read(ctx, func(*index) error {
		cs = slices.Clone(s.corrections)
		return nil
	})
	return cs, err
}
