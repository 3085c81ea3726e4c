package loaders

import (
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
// directories. A path that does not exist is an error naming it.
func Files(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("list releases: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir() || hidden:
				return nil
			case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
				if releaseExt[strings.ToLower(filepath.Ext(path))] {
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("list releases: %w", err)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}
