package graphtest

import (
	"context"
	"fmt"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
)

// BenchReleases is the number of synthetic releases a store holds for the read benchmarks.
const BenchReleases = 1000

// Bench runs the benchmarks every backend reports, on stores open returns:
//
//   - PutRelease writes b.N distinct synthetic releases into a fresh store, one call each,
//     and reports releases/s.
//   - Neighborhood/depth1, depth2 and depth3 walk from every entity in turn of a store
//     holding BenchReleases synthetic releases.
//   - Snapshot reads the whole of that store and reports its relations and evidence;
//     Version reads its version.
func Bench(b *testing.B, open Opener) {
	ctx := context.Background()
	b.Run("PutRelease", func(b *testing.B) {
		rels := make([]graph.Release, b.N)
		for i := range rels {
			rels[i] = SyntheticRelease(i)
		}
		s := open(b, true)
		defer closeBench(b, s)
		b.ResetTimer()
		for _, r := range rels {
			if _, err := s.PutRelease(ctx, r); err != nil {
				b.Fatalf("PutRelease(%s): %v", r.Source, err)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "releases/s")
	})

	// The read benchmarks share one loaded store, opened when the first of them runs.
	var loaded graph.Store
	defer func() {
		if loaded != nil {
			closeBench(b, loaded)
		}
	}()
	load := func(b *testing.B) graph.Store {
		b.Helper()
		if loaded == nil {
			loaded = open(b, true)
			for i := range BenchReleases {
				if _, err := loaded.PutRelease(ctx, SyntheticRelease(i)); err != nil {
					b.Fatalf("PutRelease: %v", err)
				}
			}
		}
		return loaded
	}

	b.Run("Neighborhood", func(b *testing.B) {
		s := load(b)
		all, err := s.Entities(ctx, graph.EntityFilter{Page: graph.Page{First: graph.MaxPageSize}})
		if err != nil {
			b.Fatalf("Entities: %v", err)
		}
		for depth := 1; depth <= graph.MaxDepth; depth++ {
			b.Run(fmt.Sprintf("depth%d", depth), func(b *testing.B) {
				walks, edges := 0, 0
				for b.Loop() {
					g, err := s.Neighborhood(ctx, all.Items[walks%len(all.Items)].ID, depth, nil)
					if err != nil {
						b.Fatalf("Neighborhood: %v", err)
					}
					walks++
					edges += len(g.Edges)
				}
				b.ReportMetric(float64(edges)/float64(walks), "edges/op")
			})
		}
	})

	b.Run("Snapshot", func(b *testing.B) {
		s := load(b)
		var snap graph.Snapshot
		for b.Loop() {
			var err error
			if snap, err = s.Snapshot(ctx); err != nil {
				b.Fatalf("Snapshot: %v", err)
			}
		}
		evidence := 0
		for _, r := range snap.Edges {
			evidence += len(r.Evidence)
		}
		b.ReportMetric(float64(len(snap.Edges)), "relations")
		b.ReportMetric(float64(evidence), "evidence")
	})

	b.Run("Version", func(b *testing.B) {
		s := load(b)
		for b.Loop() {
			if _, err := s.Version(ctx); err != nil {
				b.Fatalf("Version: %v", err)
			}
		}
	})
}

func closeBench(b *testing.B, s graph.Store) {
	if err := s.Close(); err != nil {
		b.Errorf("Close: %v", err)
	}
}
