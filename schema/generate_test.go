package schema

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateIsCurrent runs go generate's command (gqlgen through internal/generate) in a
// copy of the module and fails when it would change a file of this package: the committed
// generated code must match the SDL, gqlgen.yml and the generator. The work tree is left
// alone.
func TestGenerateIsCurrent(t *testing.T) {
	goBin := MustLookGo(t)
	root := t.TempDir()
	for _, f := range []string{"../go.mod", "../go.sum"} {
		MustCopy(t, f, filepath.Join(root, filepath.Base(f)))
	}
	for _, dir := range []string{"graph", "network"} {
		MustCopyDir(t, filepath.Join("..", dir), filepath.Join(root, dir), func(name string) bool {
			return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		})
	}
	want := MustCopyDir(t, ".", filepath.Join(root, "schema"), func(name string) bool {
		return !strings.HasSuffix(name, "_test.go") && !strings.HasPrefix(name, ".")
	})
	generator := filepath.Join("internal", "generate")
	MustCopyDir(t, generator, filepath.Join(root, "schema", generator), func(name string) bool {
		return strings.HasSuffix(name, ".go")
	})

	cmd := exec.Command(goBin, "generate", ".")
	cmd.Dir = filepath.Join(root, "schema")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go generate: %v\n%s", err, out)
	}

	got := MustReadDir(t, filepath.Join(root, "schema"))
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("go generate removes %s", name)
		} else if !bytes.Equal(g, w) {
			t.Errorf("go generate changes %s; run go generate ./schema and commit the result", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("go generate adds %s; run go generate ./schema and commit the result", name)
		}
	}
}

// MustLookGo returns the path of the go command; without it the test is skipped, or
// fails when CI=true.
func MustLookGo(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("go command: %v", err)
		}
		tb.Skipf("go command: %v", err)
	}
	return p
}

// MustCopy copies the file src to dst.
func MustCopy(tb testing.TB, src, dst string) {
	tb.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// MustCopyDir copies the files of the directory src whose names keep accepts into the
// new directory dst and returns their contents by name.
func MustCopyDir(tb testing.TB, src, dst string, keep func(name string) bool) map[string][]byte {
	tb.Helper()
	files := MustReadDir(tb, src)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		tb.Fatal(err)
	}
	for name, b := range files {
		if !keep(name) {
			delete(files, name)
			continue
		}
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return files
}

// MustReadDir returns the contents of the regular files in dir by name.
func MustReadDir(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}
