// Package neo4j implements graph.Store on Neo4j.
//
// The graph is kept as an analyst expects to find it in Neo4j Browser:
//
//   - (:Entity:State {id, type, name, aliases, iso3166, wikidata, themenfeld, nameFolded,
//     namesFolded, names, nameCounts}), one more label per entity type (:Federal,
//     :Municipality, :Authority, :Organization, :Person, :Topic, :Project); the identifiers
//     are there where known;
//   - (:Entity)-[:MEMBER_OF|COOPERATES_WITH|HOLDS_ROLE|WORKS_ON {relationId, role, release,
//     date, evidence, quote, confidence, rule}]->(:Entity), one relationship per fact of each
//     release; COOPERATES_WITH points from the smaller ID to the greater;
//   - (:Release {id, source, title, date, hash})-[:STATES {name, aliases, iso3166, wikidata,
//     themenfeld, entity, age, iso3166Age, wikidataAge, themenfeldAge}]->(:Entity) for every
//     entity a release names, with the name, aliases and identifiers that release gives;
//   - one (:Meta {key: 'graph', epoch, version, layout}): every write that changes the graph
//     counts up version in its transaction; epoch is random, given when the node is created;
//     layout numbers how the store keeps the graph, so that Open can migrate older databases.
//
// Reads aggregate the per-release relationships into graph.Relation with its Evidence. An
// entity's name, aliases and identifiers are kept on its node and updated by every write
// that changes its STATES links, at a cost independent of how many releases name it:
//
//   - a link's age sorts it as Releases sorts its release (newest first), and its
//     iso3166Age, wikidataAge and themenfeldAge are its age where it gives that identifier;
//     an index on (entity, age), and one for each identifier, finds the newest link giving
//     the name or an identifier in one seek;
//   - names lists every name and alias the links give, sorted, and nameCounts how many
//     links give each: the aliases are the names but the name.
//
// Each fact type has an index on release, so that replacing or reading a release finds its
// facts in one seek per type. The full-text index entity_names (German analyzer, over name
// and aliases) is there for analysts, e.g.
//
//	CALL db.index.fulltext.queryNodes('entity_names', 'Digitalisierung') YIELD node, score
//
// Search does not rank with it: stemming and word splitting cannot promise the substring
// matches graph.SearchRank defines, so Search filters on namesFolded (folded name and
// aliases, one per line) through a text index and ranks with graph.SearchRank.
package neo4j

import (
	"context"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

var _ graph.Store = (*Store)(nil)

// Config says where the Neo4j server is and how to log in. Empty fields take the defaults
// bolt://127.0.0.1:7687, user neo4j and database neo4j.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
}

func (c Config) withDefaults() Config {
	if c.URI == "" {
		c.URI = "bolt://127.0.0.1:7687"
	}
	if c.User == "" {
		c.User = "neo4j"
	}
	if c.Database == "" {
		c.Database = "neo4j"
	}
	return c
}

// Store is a graph.Store on a Neo4j database. It is safe for concurrent use.
type Store struct {
	driver driver.DriverWithContext
	cfg    Config
}

// Open connects to the server cfg names, checks that it answers and accepts the login,
// creates the constraints and indexes the store needs unless they exist, and brings a
// database written by an earlier version of the store up to date. A server that is
// down or refuses the login yields an EUNAVAILABLE error saying which.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	d, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.User, cfg.Password, ""), func(c *config.Config) {
		// A server that is down answers a connection attempt at once with a refusal; the
		// driver's default is to retry for 30 s, and every request waited that long. Its
		// retries sleep 2 s before the second attempt whatever their limit: execute
		// retries instead (see retryDelay), and the driver not at all.
		c.MaxTransactionRetryTime = 0
		c.SocketConnectTimeout = time.Second
	})
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "neo4j: %s: %v", cfg.URI, err)
	}
	s := &Store{driver: d, cfg: cfg}
	if err := d.VerifyConnectivity(ctx); err != nil {
		d.Close(context.WithoutCancel(ctx))
		return nil, s.translate(ctx, "open", err)
	}
	if err := s.createSchema(ctx); err != nil {
		d.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		d.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// schema lists the constraints and indexes of the store; each statement is idempotent.
var schema = []string{
	"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
	"CREATE CONSTRAINT release_id IF NOT EXISTS FOR (r:Release) REQUIRE r.id IS UNIQUE",
	"CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
	"CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE",
	"CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
	"CREATE INDEX entity_name_folded IF NOT EXISTS FOR (e:Entity) ON (e.nameFolded)",
	"CREATE TEXT INDEX entity_names_folded IF NOT EXISTS FOR (e:Entity) ON (e.namesFolded)",
	"CREATE INDEX release_date IF NOT EXISTS FOR (r:Release) ON (r.date)",
	"CREATE INDEX release_hash IF NOT EXISTS FOR (r:Release) ON (r.hash)",
	"CREATE INDEX member_of_date IF NOT EXISTS FOR ()-[x:MEMBER_OF]-() ON (x.date)",
	"CREATE INDEX cooperates_with_date IF NOT EXISTS FOR ()-[x:COOPERATES_WITH]-() ON (x.date)",
	"CREATE INDEX holds_role_date IF NOT EXISTS FOR ()-[x:HOLDS_ROLE]-() ON (x.date)",
	"CREATE INDEX works_on_date IF NOT EXISTS FOR ()-[x:WORKS_ON]-() ON (x.date)",
	"CREATE INDEX member_of_release IF NOT EXISTS FOR ()-[x:MEMBER_OF]-() ON (x.release)",
	"CREATE INDEX cooperates_with_release IF NOT EXISTS FOR ()-[x:COOPERATES_WITH]-() ON (x.release)",
	"CREATE INDEX holds_role_release IF NOT EXISTS FOR ()-[x:HOLDS_ROLE]-() ON (x.release)",
	"CREATE INDEX works_on_release IF NOT EXISTS FOR ()-[x:WORKS_ON]-() ON (x.release)",
	"CREATE INDEX states_age IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.entity, s.age)",
	"CREATE INDEX states_iso3166_age IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.entity, s.iso3166Age)",
	"CREATE INDEX states_wikidata_age IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.entity, s.wikidataAge)",
	"CREATE INDEX states_themenfeld_age IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.entity, s.themenfeldAge)",
	"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases] " +
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}",
}

func (s *Store) createSchema(ctx context.Context) error {
	for _, q := range schema {
		if _, err := driver.ExecuteQuery(ctx, s.driver, q, nil, driver.EagerResultTransformer,
			driver.ExecuteQueryWithDatabase(s.cfg.Database), driver.ExecuteQueryWithWritersRouting()); err != nil {
			return s.translate(ctx, "create schema", err)
		}
	}
	return nil
}

// read runs work in one managed read transaction on the store's database.
func (s *Store) read(ctx context.Context, op string, work func(tx driver.ManagedTransaction) error) error {
	return s.execute(ctx, op, driver.AccessModeRead, work)
}

// write runs work in one managed write transaction on the store's database.
func (s *Store) write(ctx context.Context, op string, work func(tx driver.ManagedTransaction) error) error {
	return s.execute(ctx, op, driver.AccessModeWrite, work)
}

// execute runs work in one managed transaction, and again after a failure that may pass
// (see retryDelay) for up to retryTime in all.
func (s *Store) execute(ctx context.Context, op string, mode driver.AccessMode, work func(tx driver.ManagedTransaction) error) (err error) {
	session := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: mode})
	defer func() {
		if cerr := session.Close(ctx); cerr != nil && err == nil {
			err = s.translate(ctx, op, cerr)
		}
	}()
	fn := func(tx driver.ManagedTransaction) (any, error) { return nil, work(tx) }
	start := time.Now()
	for attempt := 0; ; attempt++ {
		if mode == driver.AccessModeRead {
			_, err = session.ExecuteRead(ctx, fn)
		} else {
			_, err = session.ExecuteWrite(ctx, fn)
		}
		if err == nil || ctx.Err() != nil {
			break
		}
		delay, ok := retryDelay(err, attempt)
		if !ok || time.Since(start)+delay > retryTime {
			break
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
		}
	}
	return s.translate(ctx, op, err)
}

// Stats counts the releases, entities and relations the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := s.read(ctx, "stats", func(tx driver.ManagedTransaction) error {
		rec, err := single(ctx, tx, `
			CALL () { MATCH (r:Release) RETURN count(r) AS releases }
			CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
			CALL () {
				MATCH (:Entity)-[x:MEMBER_OF|COOPERATES_WITH|HOLDS_ROLE|WORKS_ON]->(:Entity)
				RETURN count(DISTINCT x.relationId) AS relations
			}
			RETURN releases, entities, relations`, nil)
		if err != nil {
			return err
		}
		st = graph.Stats{
			Releases:  integer(rec.Values[0]),
			Entities:  integer(rec.Values[1]),
			Relations: integer(rec.Values[2]),
		}
		return nil
	})
	return st, err
}

// Ping reports an EUNAVAILABLE error when the database does not answer a query.
func (s *Store) Ping(ctx context.Context) error {
	// Through execute: a connection the server closed when it restarted is not an outage.
	err := s.read(ctx, "ping", func(tx driver.ManagedTransaction) error {
		_, err := single(ctx, tx, "RETURN 1", nil)
		return err
	})
	if err == nil {
		return nil
	}
	if err := s.translate(ctx, "ping", err); graph.ErrorCode(err) == graph.EUNAVAILABLE {
		return err
	}
	return graph.Errorf(graph.EUNAVAILABLE, "neo4j at %s: ping: %s", s.cfg.URI, describe(err))
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.translate(ctx, "close", s.driver.Close(ctx))
}

// single runs query in tx and returns its one record.
func single(ctx context.Context, tx driver.ManagedTransaction, query string, params map[string]any) (*driver.Record, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Single(ctx)
}

// collect runs query in tx and returns all its records.
func collect(ctx context.Context, tx driver.ManagedTransaction, query string, params map[string]any) ([]*driver.Record, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}
