package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractPrintsTheContractFormat(t *testing.T) {
	dir := t.TempDir()
	p := mustWrite(t, dir, "sachsen-tritt-govdigital-bei.md", []byte(joinRelease))
	code, stdout, stderr := runCmd(t, "extract", "-format", "jsonl", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want 1 per file:\n%s", len(lines), stdout)
	}
	var x extraction
	if err := json.Unmarshal([]byte(lines[0]), &x); err != nil {
		t.Fatalf("line is not JSON: %v", err)
	}
	if x.Doc != "sachsen-tritt-govdigital-bei.md" || x.Date != "2024-03-03" {
		t.Errorf("doc %q date %q, want the base name and 2024-03-03", x.Doc, x.Date)
	}
	names := map[string]bool{}
	for _, e := range x.Entities {
		names[e.Name] = true
	}
	for _, r := range x.Relations {
		if !names[r.From] || !names[r.To] {
			t.Errorf("relation %+v names an entity not listed", r)
		}
	}
	member := false
	for _, r := range x.Relations {
		member = member || r.Type == "MEMBER_OF" && r.From == "Sachsen" && r.To == "govdigital" && r.Evidence != ""
	}
	if !member {
		t.Errorf("no MEMBER_OF Sachsen → govdigital with evidence in %s", lines[0])
	}
}

func TestExtractExplainNamesRuleAndSentence(t *testing.T) {
	p := mustWrite(t, t.TempDir(), "join.md", []byte(joinRelease))
	code, stdout, stderr := runCmd(t, "extract", "-explain", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"MEMBER_OF Sachsen → govdigital", "[rule ", "„"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explanation lacks %q:\n%s", want, stdout)
		}
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := runCmd(t, "help")
	if code != 0 || !strings.Contains(stdout, "serve") || !strings.Contains(stdout, "extract") {
		t.Errorf("help: exit %d, output %q", code, stdout)
	}
	code, stdout, _ = runCmd(t, "help", "serve")
	if code != 0 || !strings.Contains(stdout, "EGOVGRAPH_ADDR") {
		t.Errorf("help serve: exit %d, output lacks EGOVGRAPH_ADDR: %q", code, stdout)
	}
	if code, _, stderr := runCmd(t, "frobnicate"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
}
