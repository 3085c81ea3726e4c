package loaders

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// MustWriteFiles creates the files under dir, with their directories, or fails tb.
func MustWriteFiles(tb testing.TB, dir string, names ...string) {
	tb.Helper()
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("Text."), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	MustWriteFiles(t, dir,
		"b.md", "a.txt", "c.HTML", "d.htm", "e.markdown", "notes.json", "bild.png",
		"2021/juli/govdigital.md", "2021/juli/govdigital.gold.json",
		".git/config.md", "2021/.entwurf.md", "einzeln.pdf")
	got, err := Files(filepath.Join(dir, "2021"), dir, filepath.Join(dir, "einzeln.pdf"), filepath.Join(dir, "b.md"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range []string{"2021/juli/govdigital.md", "a.txt", "b.md", "c.HTML", "d.htm", "e.markdown", "einzeln.pdf"} {
		want = append(want, filepath.Join(dir, filepath.FromSlash(name)))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Files =\n%q\nwant\n%q", got, want)
	}
}

func TestFilesMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "fehlt")
	_, err := Files(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("Files(missing) = %v, want an error naming %s", err, missing)
	}
}
