package neo4j

import (
	"context"
	"strconv"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// metaNode matches the (:Meta) node, creating it at version 0 with a new epoch if there is
// none: the unique constraint on its key makes concurrent writers create one only.
const metaNode = `
	MERGE (m:Meta {key: 'graph'})
	ON CREATE SET m.epoch = randomUUID(), m.version = 0`

// countVersion counts up the version in tx, locking the (:Meta) node until tx ends.
func countVersion(ctx context.Context, tx driver.ManagedTransaction) error {
	_, err := collect(ctx, tx, metaNode+" SET m.version = m.version + 1", nil)
	return err
}

// versionToken returns the token of the version read from a (:Meta) node: "0" for a
// database no write has changed (or none since its (:Meta) node was deleted), else the epoch
// and the number of changing writes.
func versionToken(epoch, version any) string {
	n := integer(version)
	if n == 0 {
		return "0"
	}
	return str(epoch) + "." + strconv.Itoa(n)
}

// Version returns a token that every write changing the graph changes, whichever process
// writes: the (:Meta) node's epoch and version.
func (s *Store) Version(ctx context.Context) (string, error) {
	var v string
	err := s.read(ctx, "version", func(tx driver.ManagedTransaction) error {
		rec, err := single(ctx, tx, "OPTIONAL MATCH (m:Meta {key: 'graph'}) RETURN m.epoch, m.version", nil)
		if err != nil {
			return err
		}
		v = versionToken(rec.Values[0], rec.Values[1])
		return nil
	})
	return v, err
}

// Snapshot returns every entity and relation, ordered by ID, and the version they are of.
// Neo4j reads only what is committed, not a snapshot, so the transaction locks the (:Meta)
// node first: every changing write counts up the version before it commits, so none
// commits until the snapshot is read. Three queries read it all.
func (s *Store) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	var snap graph.Snapshot
	err := s.write(ctx, "snapshot", func(tx driver.ManagedTransaction) error {
		rec, err := single(ctx, tx, metaNode+" SET m.lock = true REMOVE m.lock RETURN m.epoch, m.version", nil)
		if err != nil {
			return err
		}
		snap.Version = versionToken(rec.Values[0], rec.Values[1])
		recs, err := collect(ctx, tx, "MATCH (e:Entity) RETURN "+entityMap+" ORDER BY e.id", nil)
		if err != nil {
			return err
		}
		snap.Nodes = make([]graph.Entity, len(recs))
		for i, rec := range recs {
			snap.Nodes[i] = toEntity(rec.Values[0])
		}
		snap.Edges, err = readRelations(ctx, tx, "MATCH (:Entity)-[x:"+typePattern(nil)+"]->(:Entity)", nil)
		return err
	})
	if err != nil {
		return graph.Snapshot{}, err
	}
	return snap, nil
}
