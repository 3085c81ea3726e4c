package synth_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/synth"
)

func TestReleaseIsTheSameForTheSameSeed(t *testing.T) {
	a, b, other := synth.New(7), synth.New(7), synth.New(8)
	differs := 0
	for i := range 50 {
		name1, text1, facts1 := a.Release(i)
		name2, text2, facts2 := b.Release(i)
		if name1 != name2 || !bytes.Equal(text1, text2) || !reflect.DeepEqual(facts1, facts2) {
			t.Fatalf("release %d differs between two generators of seed 7:\n%s\n%s", i, text1, text2)
		}
		if _, text3, _ := other.Release(i); !bytes.Equal(text1, text3) {
			differs++
		}
	}
	if differs < 45 {
		t.Errorf("seeds 7 and 8 differ in %d of 50 releases, want nearly all", differs)
	}
}

func TestReleaseNamesAreDistinct(t *testing.T) {
	g := synth.New(1)
	seen := map[string]int{}
	for i := range 20000 {
		name, _, _ := g.Release(i)
		if j, ok := seen[name]; ok {
			t.Fatalf("releases %d and %d are both named %q", j, i, name)
		}
		seen[name] = i
	}
}

// TestReleasesKeepTheContract checks that every release reads as a dated release of
// 2015–2025 and that its facts are what the extraction contract allows.
func TestReleasesKeepTheContract(t *testing.T) {
	g := synth.New(1)
	years := map[string]int{}
	for i := range 1000 {
		name, text, facts := g.Release(i)
		doc, err := loaders.Read(name, text)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		if doc.Date < "2015-01-01" || doc.Date > "2025-12-31" {
			t.Errorf("%s: date %q, want 2015–2025\n%s", name, doc.Date, text)
		}
		years[doc.Date[:4]]++
		if len(facts) == 0 {
			t.Errorf("%s states no fact:\n%s", name, text)
		}
		rel := graph.Release{Source: name}
		ids := map[string]bool{}
		for _, f := range facts {
			for _, e := range []graph.Entity{f.From, f.To} {
				if !ids[e.ID] {
					ids[e.ID] = true
					rel.Entities = append(rel.Entities, e)
				}
			}
			rel.Facts = append(rel.Facts, graph.Fact{Type: f.Type, From: f.From.ID, To: f.To.ID, Role: f.Role})
		}
		if err := rel.WithID().Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if len(years) != 11 {
		t.Errorf("releases fall in years %v, want each of 2015–2025", years)
	}
}

// TestCorpusIsConnectedWithHubs checks the shape of the graph 2,000 releases state: one
// component holds nearly every entity, and a few hubs have far more relations than most.
func TestCorpusIsConnectedWithHubs(t *testing.T) {
	g := synth.New(1)
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	degree := map[string]map[string]bool{}
	for i := range 2000 {
		_, _, facts := g.Release(i)
		for _, f := range facts {
			parent[find(f.From.ID)] = find(f.To.ID)
			for _, e := range [][2]string{{f.From.ID, f.To.ID}, {f.To.ID, f.From.ID}} {
				if degree[e[0]] == nil {
					degree[e[0]] = map[string]bool{}
				}
				degree[e[0]][e[1]] = true
			}
		}
	}
	sizes := map[string]int{}
	for x := range parent {
		sizes[find(x)]++
	}
	largest := 0
	for _, n := range sizes {
		largest = max(largest, n)
	}
	if float64(largest) < 0.95*float64(len(parent)) {
		t.Errorf("the largest component holds %d of %d entities, want at least 95%%", largest, len(parent))
	}
	var degrees []int
	for _, ns := range degree {
		degrees = append(degrees, len(ns))
	}
	sort.Sort(sort.Reverse(sort.IntSlice(degrees)))
	median := degrees[len(degrees)/2]
	if degrees[0] < 20*median {
		t.Errorf("highest degree %d, median %d: want hubs with 20 times the median", degrees[0], median)
	}
	t.Logf("2000 releases: %d entities, largest component %d, degrees: top %v, median %d", len(parent), largest, degrees[:5], median)
}

// TestExtractorReadsTheFacts extracts 500 releases and reports, per relation type, the share
// of stated facts the extractor reads back (recall).
func TestExtractorReadsTheFacts(t *testing.T) {
	g := synth.New(1)
	stated, found := map[graph.RelationType]int{}, map[graph.RelationType]int{}
	dates, total := 0, 500
	var missed []string
	for i := range total {
		name, text, facts := g.Release(i)
		doc, err := loaders.Read(name, text)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		rel, err := loaders.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("extract %s: %v", name, err)
		}
		if rel.Date == doc.Date && rel.Date != "" {
			dates++
		}
		got := map[string]bool{}
		for _, f := range rel.Facts {
			got[f.RelationID()] = true
		}
		for _, f := range facts {
			stated[f.Type]++
			if got[f.RelationID()] {
				found[f.Type]++
			} else if len(missed) < 10 {
				missed = append(missed, fmt.Sprintf("%s: %s", name, f))
			}
		}
	}
	all, allFound := 0, 0
	var report []string
	for _, rt := range graph.RelationTypes {
		all += stated[rt]
		allFound += found[rt]
		report = append(report, fmt.Sprintf("%s %d/%d = %.2f", rt, found[rt], stated[rt], float64(found[rt])/float64(stated[rt])))
	}
	recall := float64(allFound) / float64(all)
	t.Logf("recall over %d releases: all %d/%d = %.3f; %s", total, allFound, all, recall, strings.Join(report, ", "))
	t.Logf("some facts not read back:\n%s", strings.Join(missed, "\n"))
	if recall < 0.8 {
		t.Errorf("the extractor reads back %.3f of the stated facts, want at least 0.8", recall)
	}
	if dates < total*95/100 {
		t.Errorf("the extractor dates %d of %d releases correctly, want 95%%", dates, total)
	}
}

func BenchmarkRelease(b *testing.B) {
	g := synth.New(1)
	i, size := 0, 0
	for b.Loop() {
		_, text, _ := g.Release(i)
		size += len(text)
		i++
	}
	b.ReportMetric(float64(size)/float64(i), "bytes/release")
}
