package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// metaNode matches the (:Meta) node, creating it at version 0 with a new epoch and the
// current layout if there is none: the unique constraint on its key makes concurrent
// writers create one only.
var metaNode = fmt.Sprintf(`
	MERGE (m:Meta {key: 'graph'})
	ON CREATE SET m.epoch = randomUUID(), m.version = 0, m.layout = %d`, layout)

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
// commits until the snapshot is read. Each query returns one record holding a list, which
// the driver reads several times faster than as many records.
func (s *Store) Snapshot(ctx context.Context) (graph.Snapshot, error) {
	var snap graph.Snapshot
	err := s.write(ctx, "snapshot", func(tx driver.ManagedTransaction) error {
		rec, err := single(ctx, tx, metaNode+" SET m.lock = true REMOVE m.lock RETURN m.epoch, m.version", nil)
		if err != nil {
			return err
		}
		snap.Version = versionToken(rec.Values[0], rec.Values[1])
		rec, err = single(ctx, tx, "MATCH (e:Entity) WITH e ORDER BY e.id RETURN collect("+entityMap+")", nil)
		if err != nil {
			return err
		}
		list, _ := rec.Values[0].([]any)
		snap.Nodes = make([]graph.Entity, len(list))
		for i, e := range list {
			snap.Nodes[i] = toEntity(e)
		}
		snap.Edges, err = allRelations(ctx, tx)
		return err
	})
	if err != nil {
		return graph.Snapshot{}, err
	}
	return snap, nil
}

// allRelations reads every relation with its evidence, as readRelations returns them, in
// two queries: the releases, and every fact.
func allRelations(ctx context.Context, tx driver.ManagedTransaction) ([]graph.Relation, error) {
	rec, err := single(ctx, tx, "MATCH (r:Release) RETURN collect([r.id, r.source, r.title, r.date])", nil)
	if err != nil {
		return nil, err
	}
	releases := map[string]graph.Evidence{}
	for _, row := range rows(rec.Values[0]) {
		id := str(row[0])
		releases[id] = graph.Evidence{ReleaseID: id, Source: str(row[1]), Title: str(row[2]), Date: str(row[3])}
	}
	rec, err = single(ctx, tx, `
		MATCH (a:Entity)-[x:`+typePattern(nil)+`]->(b:Entity)
		RETURN collect([x.relationId, type(x), a.id, b.id, x.role, x.release, x.evidence,
			x.confidence, x.rule, x.pos, x.quote])`, nil)
	if err != nil {
		return nil, err
	}
	var out []graph.Relation
	var roles []spelling
	at := map[string]int{} // relation ID → index in out
	for _, row := range rows(rec.Values[0]) {
		id := str(row[0])
		i, ok := at[id]
		if !ok {
			i = len(out)
			at[id] = i
			out = append(out, graph.Relation{ID: id, Type: graph.RelationType(str(row[1])), From: str(row[2]), To: str(row[3])})
			roles = append(roles, spelling{})
		}
		e := releases[str(row[5])]
		e.Sentence, e.Confidence, e.Rule, e.Quote = str(row[6]), float(row[7]), str(row[8]), str(row[10])
		out[i].Evidence = append(out[i].Evidence, e)
		roles[i].offer(e, integer(row[9]), str(row[4]))
	}
	for i := range out {
		out[i].Role = roles[i].role
	}
	for _, r := range out {
		graph.SortEvidence(r.Evidence)
	}
	slices.SortFunc(out, func(a, b graph.Relation) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}
