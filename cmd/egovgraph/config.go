package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
	"github.com/egovgraph/egovgraph/graph/neo4j"
)

// The store kinds --store accepts.
const (
	storeEmbedded = "embedded"
	storeNeo4j    = "neo4j"
)

// storeConfig says which store to open and how; flags override the environment.
type storeConfig struct {
	kind  string
	data  string
	neo4j neo4j.Config
}

// register adds the store flags to fs, with defaults taken from the environment.
func (c *storeConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&c.kind, "store", env("EGOVGRAPH_STORE", storeEmbedded),
		`where the graph is kept: "embedded" (a file in -data) or "neo4j" (env EGOVGRAPH_STORE)`)
	fs.StringVar(&c.data, "data", env("EGOVGRAPH_DATA", defaultDataDir()),
		"directory of the embedded store (env EGOVGRAPH_DATA)")
	fs.StringVar(&c.neo4j.URI, "neo4j-uri", env("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j server (env NEO4J_URI)")
	fs.StringVar(&c.neo4j.User, "neo4j-user", env("NEO4J_USER", "neo4j"), "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.neo4j.Password, "neo4j-password", env("NEO4J_PASSWORD", ""), "Neo4j password (env NEO4J_PASSWORD)")
	fs.StringVar(&c.neo4j.Database, "neo4j-database", env("NEO4J_DATABASE", "neo4j"), "Neo4j database (env NEO4J_DATABASE)")
}

// validate reports a configuration that cannot work before anything is opened.
func (c *storeConfig) validate() error {
	switch c.kind {
	case storeEmbedded:
		if c.data == "" {
			return fmt.Errorf("-data: empty directory: %w", errUsage)
		}
		if fi, err := os.Stat(c.data); err == nil && !fi.IsDir() {
			return fmt.Errorf("-data %s: a file, not a directory: %w", c.data, errUsage)
		}
	case storeNeo4j:
	default:
		return fmt.Errorf("-store %q: want %q or %q: %w", c.kind, storeEmbedded, storeNeo4j, errUsage)
	}
	return nil
}

// describe names the store for log lines and messages, without secrets.
func (c *storeConfig) describe() string {
	if c.kind == storeNeo4j {
		return fmt.Sprintf("neo4j %s (database %s)", c.neo4j.URI, c.neo4j.Database)
	}
	return "embedded " + c.path()
}

// path returns the embedded store's file.
func (c *storeConfig) path() string { return filepath.Join(c.data, "egovgraph.db") }

// open opens the configured store.
func (c *storeConfig) open(ctx context.Context) (graph.Store, error) {
	if c.kind == storeNeo4j {
		s, err := neo4j.Open(ctx, c.neo4j)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", c.describe(), err)
		}
		return s, nil
	}
	if err := os.MkdirAll(c.data, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	s, err := bolt.Open(c.path())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", c.describe(), err)
	}
	return s, nil
}

// positive reports an error for a duration flag that is zero or negative.
func positive(flag string, d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("-%s %v: want a positive duration such as 10s: %w", flag, d, errUsage)
	}
	return nil
}

// env returns the environment variable key, or def when it is unset or empty.
func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// defaultDataDir returns the per-user data directory for egovgraph ($XDG_DATA_HOME/egovgraph,
// ~/.local/share/egovgraph, ~/Library/Application Support/egovgraph, %LocalAppData%\egovgraph),
// or ./data when none can be found.
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "egovgraph")
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "egovgraph")
		}
	case "darwin":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "egovgraph")
		}
	default:
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share", "egovgraph")
		}
	}
	return "data"
}
