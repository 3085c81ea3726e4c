package loaders

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// unreadableDir is a file system in which one directory cannot be read.
type unreadableDir struct {
	fstest.MapFS
	dir string
}

func (f unreadableDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.dir {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

// TestWalkSkipsUnreadableDirectories: a directory that cannot be read is reported with its
// path and the reason, and the files beside and after it are still listed.
func TestWalkSkipsUnreadableDirectories(t *testing.T) {
	text := &fstest.MapFile{Data: []byte("Text.")}
	fsys := unreadableDir{MapFS: fstest.MapFS{
		"a.md":            text,
		"gesperrt/b.md":   text,
		"z/c.md":          text,
		"z/tiefer/d.html": text,
	}, dir: "gesperrt"}
	root := filepath.Join("releases")
	got, err := walk(fsys, root)
	want := []string{filepath.Join(root, "a.md"), filepath.Join(root, "z", "c.md"), filepath.Join(root, "z", "tiefer", "d.html")}
	if !slices.Equal(got, want) {
		t.Errorf("walk = %q, want %q", got, want)
	}
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), filepath.Join(root, "gesperrt")) {
		t.Errorf("walk error = %v, want one naming %s and the permission", err, filepath.Join(root, "gesperrt"))
	}

	// The walked directory itself unreadable: nothing listed, an error naming it.
	fsys.dir = "."
	if got, err := walk(fsys, root); len(got) != 0 || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), root) {
		t.Errorf("walk of an unreadable directory = %q, %v, want nothing and an error naming %s", got, err, root)
	}
}
