package bolt

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/graphtest"
)

// A write the database refuses leaves the index as it was.
func TestPutReleaseFailedWrite(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	graphtest.MustPut(t, s, graphtest.SyntheticRelease(1), graphtest.SyntheticRelease(2))
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantEntity, err := s.Entity(ctx, graphtest.SyntheticRelease(1).Entities[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	wantVersion, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Close the database under the store: every bbolt transaction fails from here on.
	if err := s.db.Close(); err != nil {
		t.Fatal(err)
	}
	changed := graphtest.SyntheticRelease(1)
	changed.Hash, changed.Title = "changed", "Geänderte Fassung"
	for _, r := range []graph.Release{changed, graphtest.SyntheticRelease(3)} {
		if ok, err := s.PutRelease(ctx, r); err == nil || ok {
			t.Errorf("PutRelease(%s) on a closed database: changed=%v, err=%v; want an error", r.Source, ok, err)
		}
	}

	after, err := s.Stats(ctx)
	if err != nil || after != before {
		t.Errorf("Stats after failed writes: got %+v, %v; want %+v", after, err, before)
	}
	got, err := s.Release(ctx, changed.ID)
	if err != nil || got.Title == changed.Title {
		t.Errorf("Release after a failed replace: got title %q, %v; want the stored version", got.Title, err)
	}
	gotEntity, err := s.Entity(ctx, wantEntity.ID)
	if err != nil || !reflect.DeepEqual(gotEntity, wantEntity) {
		t.Errorf("Entity after failed writes: got %+v, %v; want %+v", gotEntity, err, wantEntity)
	}
	if v, err := s.Version(ctx); err != nil || v != wantVersion {
		t.Errorf("Version after failed writes: got %q, %v; want %q", v, err, wantVersion)
	}
}
