package bolt

import (
	"context"
	"strconv"

	"github.com/egovgraph/egovgraph/graph"
)

// Version returns the data file's epoch and the number of changing writes it has seen: a
// token no other state of this or another data file has.
func (s *Store) Version(ctx context.Context) (string, error) {
	var v string
	err := s.read(ctx, func(*index) error {
		v = s.versionToken()
		return nil
	})
	return v, err
}

// versionToken returns the version; the caller holds mu or writeMu.
func (s *Store) versionToken() string {
	return s.epoch + "." + strconv.FormatUint(s.version, 10)
}

// Snapshot returns every entity and relation, ordered by ID, and the version they are of,
// all read under one read lock.
func (s *Store) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	var snap graph.Snapshot
	err := s.read(ctx, func(idx *index) error {
		snap.Version = s.versionToken()
		snap.Nodes = make([]graph.Entity, len(idx.entityList))
		for i, n := range idx.entityList {
			snap.Nodes[i] = cloneEntity(n.entity)
		}
		snap.Edges = cloneRelations(idx.relationList)
		return nil
	})
	return snap, err
}
