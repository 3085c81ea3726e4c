package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrain(t *testing.T) {
	dir := t.TempDir()
	weights, cv := filepath.Join(dir, "weights.tsv"), filepath.Join(dir, "cv.jsonl")
	var stdout, stderr bytes.Buffer
	args := []string{"train", "-corpus", filepath.Join("..", "..", "loaders", "testdata", "train"), "-folds", "2", "-out", weights, "-cv", cv}
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("train exited %d: %s", code, stderr.String())
	}
	w, err := os.ReadFile(weights)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MEMBER_OF\t@threshold\t", "COOPERATES_WITH\t", "WORKS_ON\t"} {
		if !strings.Contains(string(w), want) {
			t.Errorf("weights lack %q:\n%s", want, w)
		}
	}
	lines, err := os.ReadFile(cv)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(lines), "\n"); n != 2 {
		t.Errorf("cross-validation wrote %d releases, want 2 (one per annotated release)", n)
	}
}

func TestTrainUsage(t *testing.T) {
	tests := [][]string{
		{"train"},
		{"train", "-out", "x", "-folds", "1"},
		{"train", "-out", "x", "extra"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 2 {
			t.Errorf("%q exited %d, want 2; stderr: %s", args, code, stderr.String())
		}
	}
}
