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
func Bench(b *testing.B, open Opener) {
	b.Run("PutRelease", func(b *testing.B) {
		rels := make([]graph.Release, b.N)
		for i := range rels {
			rels[i] = SyntheticRelease(i)
		}
		s := open(b, true)
		defer closeBench(b, s)
		ctx := context.Background()
		b.ResetTimer()
		for _, r := range rels {
			if _, err := s.PutRelease(ctx, r); err != nil {
				b.Fatalf("PutRelease(%s): %v", r.Source, err)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "releases/s")
	})

	b.Run("Neighborhood", func(b *testing.B) {
		s := open(b, true)
		defer closeBench(b, s)
		ctx := context.Background()
		for i := range BenchReleases {
			if _, err := s.PutRelease(ctx, SyntheticRelease(i)); err != nil {
				b.Fatalf("PutRelease: %v", err)
			}
		}
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
}

func closeBench(b *testing.B, s graph.Store) {
	if err := s.Close(); err != nil {
		b.Errorf("Close: %v", err)
	}
}
