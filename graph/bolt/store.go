// Package bolt implements graph.Store on an embedded bbolt database.
package bolt

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"syscall"
	"time"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/egovgraph/egovgraph/graph"
)

var _ graph.Store = (*Store)(nil)

// The data file holds two buckets: meta with the schema version, the epoch and the version
// of the graph, and releases with every release, keyed by ID, encoded whole. Everything else
// is derived from the releases.
var (
	metaBucket     = []byte("meta")
	releasesBucket = []byte("releases")
	// correctionsBucket holds the corrections by ID, encoded whole; data files written
	// before corrections existed get it when next opened.
	correctionsBucket = []byte("corrections")
	schemaKey         = []byte("schema")
	// epochKey holds a random text given to the data file when it is first opened, so that
	// the versions of two data files differ.
	epochKey = []byte("epoch")
	// versionKey holds the number of changing writes, in decimal; absent means 0.
	versionKey = []byte("version")
)

// schemaVersion is the layout of the data file this package reads and writes.
const schemaVersion = "1"

// lockTimeout bounds the wait for the data file's lock, which another process may hold.
const lockTimeout = time.Second

// Store is a graph.Store on a bbolt data file. It keeps an index of entities, relations and
// adjacency in memory, built at Open and updated after every committed write, and answers
// every read from it; it is safe for concurrent use.
type Store struct {
	db   *bbolt.DB
	path string

	// writeMu serializes writers; a writer reads idx and version without mu, since only
	// writers change them.
	writeMu sync.Mutex
	mu      sync.RWMutex // guards idx, version and closed
	idx     *index
	// raw holds the releases as written; idx indexes them with the corrections applied.
	raw         map[string]*graph.Release
	corrections []graph.Correction
	corrector   *graph.Corrector
	epoch       string
	version     uint64 // as stored under versionKey
	closed      bool
}

// Open opens the data file at path, creating it if it does not exist, and reads its
// releases into memory. It fails with EUNAVAILABLE when another process has the file open,
// and with an error naming path when the file is corrupt or not an egovgraph data file.
func Open(path string) (*Store, error) {
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openDB opens the bbolt file and translates its errors.
func openDB(path string) (db *bbolt.DB, err error) {
	var file *os.File
	// A damaged file can point bbolt outside the mapped data: let that fault panic too.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		// bbolt panics on some kinds of damage; a damaged file is an error, not a crash.
		// Closing the file releases its lock, so that the caller may try again.
		if p := recover(); p != nil {
			if file != nil {
				unlock(file)
				file.Close()
			}
			db, err = nil, fmt.Errorf("open %s: data file is corrupt: %v", path, p)
		}
	}()
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout: lockTimeout,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, graph.Errorf(graph.EUNAVAILABLE, "open %s: the data file is in use by another process", path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, fmt.Errorf("open %s: data file is corrupt or not a bbolt database: %w", path, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return nil, fileError(path, "open %s for writing", err)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// fileError returns err, which the file system gave for the data file at path, as an
// EUNAVAILABLE error naming the data directory, what failed and the reason, as in "data
// directory /srv/egovgraph: cannot write egovgraph.db: no space left on device".
func fileError(path, what string, err error) error {
	reason := err.Error()
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	return graph.Errorf(graph.EUNAVAILABLE, "data directory %s: cannot "+what+": %s",
		filepath.Dir(path), filepath.Base(path), reason)
}

// update runs fn in a write transaction, unless ctx is done. An error that neither fn nor
// ctx gave comes from the data file failing to take the write (a full disk, a file that
// became read-only): it is a fileError, since no write will succeed until someone makes room
// or changes the permissions, and the data file keeps what it held before.
func (s *Store) update(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	var fnErr error
	err := s.db.Update(func(tx *bbolt.Tx) error {
		// The last moment a cancellation can stop the write.
		if fnErr = ctx.Err(); fnErr != nil {
			return fnErr
		}
		fnErr = fn(tx)
		return fnErr
	})
	if err != nil && fnErr == nil {
		return fileError(s.path, "write %s", err)
	}
	return err
}

// init checks or writes the schema version, reads the graph's version and builds the index
// from the stored releases.
func (s *Store) init() (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("open %s: data file is corrupt: %v", s.path, p)
		}
	}()
	err = s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			empty := true
			tx.ForEach(func([]byte, *bbolt.Bucket) error { empty = false; return nil })
			if !empty {
				return fmt.Errorf("open %s: not an egovgraph data file (no %s bucket)", s.path, metaBucket)
			}
			var err error
			if meta, err = createBuckets(tx); err != nil {
				return err
			}
		}
		if v := string(meta.Get(schemaKey)); v != schemaVersion {
			return fmt.Errorf("open %s: data file has schema version %q, this build reads %q", s.path, v, schemaVersion)
		}
		if tx.Bucket(releasesBucket) == nil {
			return fmt.Errorf("open %s: data file has no %s bucket", s.path, releasesBucket)
		}
		if _, err := tx.CreateBucketIfNotExists(correctionsBucket); err != nil {
			return err
		}
		return s.readVersion(meta)
	})
	if err != nil {
		return err
	}

	var rels []*graph.Release
	err = s.db.View(func(tx *bbolt.Tx) error {
		err := tx.Bucket(releasesBucket).ForEach(func(k, v []byte) error {
			r, err := decodeRelease(v)
			if err != nil {
				return fmt.Errorf("open %s: release %q: %w", s.path, k, err)
			}
			if r.ID != string(k) {
				return fmt.Errorf("open %s: release %q stored under key %q", s.path, r.ID, k)
			}
			rels = append(rels, r)
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Bucket(correctionsBucket).ForEach(func(k, v []byte) error {
			var c graph.Correction
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("open %s: correction %q: %w", s.path, k, err)
			}
			s.corrections = append(s.corrections, c)
			return nil
		})
	})
	if err != nil {
		return err
	}
	s.raw = make(map[string]*graph.Release, len(rels))
	for _, r := range rels {
		s.raw[r.ID] = r
	}
	s.rebuild()
	return nil
}

// rebuild indexes the releases anew with the corrections applied.
func (s *Store) rebuild() {
	graph.SortCorrections(s.corrections)
	s.corrector = graph.NewCorrector(s.corrections)
	rels := make([]*graph.Release, 0, len(s.raw)+1)
	for _, r := range s.raw {
		rels = append(rels, s.corrected(r))
	}
	if added, ok := s.corrector.Added(); ok {
		rels = append(rels, &added)
	}
	s.idx = buildIndex(rels)
}

// corrected returns r with the corrections applied; r itself when none applies.
func (s *Store) corrected(r *graph.Release) *graph.Release {
	if s.corrector.Empty() {
		return r
	}
	c := s.corrector.Apply(*r)
	return &c
}

// createBuckets lays out a new data file and returns its meta bucket.
func createBuckets(tx *bbolt.Tx) (*bbolt.Bucket, error) {
	meta, err := tx.CreateBucket(metaBucket)
	if err != nil {
		return nil, err
	}
	if err := meta.Put(schemaKey, []byte(schemaVersion)); err != nil {
		return nil, err
	}
	_, err = tx.CreateBucket(releasesBucket)
	return meta, err
}

// readVersion reads the epoch, giving the data file one if it has none yet, and the version.
func (s *Store) readVersion(meta *bbolt.Bucket) error {
	if meta.Get(epochKey) == nil {
		if err := meta.Put(epochKey, []byte(rand.Text())); err != nil {
			return err
		}
	}
	s.epoch = string(meta.Get(epochKey))
	if v := meta.Get(versionKey); v != nil {
		n, err := strconv.ParseUint(string(v), 10, 64)
		if err != nil {
			return fmt.Errorf("open %s: data file has version %q, want a number", s.path, v)
		}
		s.version = n
	}
	return nil
}

// read runs fn with the index locked for reading, after checking ctx and that the store is
// open.
func (s *Store) read(ctx context.Context, fn func(idx *index) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return graph.Errorf(graph.EUNAVAILABLE, "store %s is closed", s.path)
	}
	return fn(s.idx)
}

// Stats counts the releases, entities and relations the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := s.read(ctx, func(idx *index) error {
		st = graph.Stats{Releases: len(idx.releases), Entities: len(idx.entities), Relations: len(idx.relations)}
		return nil
	})
	return st, err
}

// Ping reports an EUNAVAILABLE error when the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	return s.read(ctx, func(*index) error { return nil })
}

// Close closes the data file. Calls after the first do nothing.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.idx = nil
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}
