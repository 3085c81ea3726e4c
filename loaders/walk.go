package loaders

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// releaseExt are the extensions of release files, in lower case.
var releaseExt = setOf(".md", ".markdown", ".txt", ".html", ".htm")

// Files lists the release files under the given paths, sorted and without duplicates. A path
// that is a file is listed as it is; a directory is walked recursively for files with the
// extensions .md .markdown .txt .html .htm (in any case), skipping hidden files and
// directories. A path that does not exist is an error naming it. A directory inside the
// walk that cannot be read is skipped: Files lists everything else and returns, besides,
// an error naming each skipped directory and the reason (errors.Join).
func Files(paths ...string) ([]string, error) {
	var files []string
	var errs []error
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("list releases: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := walk(os.DirFS(p), p)
		files = append(files, found...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), errors.Join(errs...)
}

// walk lists the release files of fsys, the directory dir, as paths under dir.
func walk(fsys fs.FS, dir string) ([]string, error) {
	var files []string
	var skipped []error
	err := fs.WalkDir(fsys, ".", func(rel string, d fs.DirEntry, err error) error {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err != nil {
			if rel == "." {
				return err
			}
			// Reading this directory failed: say so and go on with the rest of the walk.
			skipped = append(skipped, fmt.Errorf("list releases: skipped %s: %w", path, unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		hidden := rel != "." && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case d.IsDir() || hidden:
			return nil
		case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
			if releaseExt[strings.ToLower(filepath.Ext(rel))] {
				files = append(files, path)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list releases: %s: %w", dir, unwrapPath(err))
	}
	return files, errors.Join(skipped...)
}
