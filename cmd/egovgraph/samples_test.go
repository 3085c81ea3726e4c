package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/loaders"
)

// TestSamplesGolden extracts every bundled sample release and compares what the extract
// command prints with testdata/samples/NAME.golden.json (rewritten by -update, for review in
// the diff).
func TestSamplesGolden(t *testing.T) {
	inputs, err := sampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no sample releases")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in.source), ".md")
		t.Run(name, func(t *testing.T) {
			doc, err := in.read()
			if err != nil {
				t.Fatal(err)
			}
			rel, err := loaders.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeExtraction(&got, specOutput(rel), true); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "samples", name+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/egovgraph -run TestSamplesGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("extraction of %s differs from %s:\ngot:\n%s\nwant:\n%s", in.source, golden, got.Bytes(), want)
			}
		})
	}
}
