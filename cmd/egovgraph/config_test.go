package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestConfigurationErrors: a configuration that cannot work is one line naming the flag and
// the reason, and exit status 2, before anything is opened.
func TestConfigurationErrors(t *testing.T) {
	file := mustWrite(t, t.TempDir(), "keine-datei", []byte("x"))
	release := mustWrite(t, t.TempDir(), "a.md", []byte("# Titel\n\nText."))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"zero serve timeout", []string{"serve", "-timeout", "0s"}, "-timeout 0s: want a positive duration"},
		{"negative serve timeout", []string{"serve", "-timeout", "-5s"}, "-timeout -5s: want a positive duration"},
		{"zero load timeout", []string{"load", "-timeout", "0s", release}, "-timeout 0s: want a positive duration"},
		{"unknown store", []string{"serve", "-store", "postgres"}, `-store "postgres": want "embedded" or "neo4j"`},
		{"data directory is a file", []string{"load", "-data", file, release}, "-data " + file + ": a file, not a directory"},
		{"data directory is a file when serving", []string{"serve", "-data", file}, "a file, not a directory"},
		{"unknown boolean", []string{"serve", "-public=vielleicht"}, "invalid boolean value"},
		{"unknown flag", []string{"load", "-schnell", release}, "flag provided but not defined: -schnell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2 (stdout %q, stderr %q)", code, stdout, stderr)
			}
			if first, _, _ := strings.Cut(stderr, "\n"); !strings.Contains(first, tt.want) {
				t.Errorf("first line of stderr %q, want it to say %q", first, tt.want)
			}
		})
	}
	t.Run("unknown environment value", func(t *testing.T) {
		t.Setenv("EGOVGRAPH_SAMPLES", "vielleicht")
		code, _, stderr := runCmd(t, "serve", "-data", t.TempDir())
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `EGOVGRAPH_SAMPLES="vielleicht"`) {
			t.Errorf("exit status %d, stderr %q; want 2 and one line naming EGOVGRAPH_SAMPLES", code, stderr)
		}
	})
}

var (
	binaryOnce sync.Once
	binary     string
	binaryErr  error
)

// mustBinary builds egovgraph with go build, once per test run, and returns its path. It
// asks for the version control stamp that GOFLAGS may turn off.
func mustBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "egovgraph-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		binary = filepath.Join(dir, "egovgraph")
		out, err := exec.Command("go", "build", "-buildvcs=true", "-o", binary, ".").CombinedOutput()
		if err != nil {
			binaryErr = &buildError{err, out}
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binary
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

// TestVersion builds egovgraph from this checkout: version names the commit the Go
// toolchain stamped into the binary, which is the checkout's HEAD. (Go stamps no commit
// into a build from a linked git worktree; version then says "commit unknown".)
func TestVersion(t *testing.T) {
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git rev-parse HEAD (CI=true): %v", err)
		}
		t.Skipf("not a git checkout: %v", err)
	}
	bin := mustBinary(t)
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	// Go stamps the module version it derives from the checkout ("(devel)" in a work tree,
	// a pseudo-version in a fresh clone) and the commit
	stamp, version := "unknown", ""
	for line := range strings.Lines(string(info)) {
		f := strings.Fields(line)
		if len(f) == 2 && strings.HasPrefix(f[1], "vcs.revision=") {
			stamp = strings.TrimPrefix(f[1], "vcs.revision=")
		}
		if len(f) >= 3 && f[0] == "mod" && f[1] == "github.com/egovgraph/egovgraph" {
			version = f[2]
		}
	}
	if version == "" {
		t.Fatalf("go version -m names no module version:\n%s", info)
	}
	if stamp != "unknown" && stamp != strings.TrimSpace(string(head)) {
		t.Errorf("the binary is stamped with commit %s, want HEAD %s", stamp, head)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("egovgraph version: %v\n%s", err, out)
	}
	want := "egovgraph " + version + " commit " + stamp
	if got := string(out); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("egovgraph version = %q, want one line starting %q", got, want)
	}
	t.Logf("%s", out)
}
