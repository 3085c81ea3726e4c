package loaders

import (
	"fmt"
	"path/filepath"
)

// Canonical returns the source that identifies the release file at path: its absolute path
// with every symbolic link resolved, so that a file reached through a relative path, an
// absolute one or a link is one release.
func Canonical(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("canonical path of %s: %w", path, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", &ParseError{Path: path, Err: unwrapPath(err)}
	}
	return real, nil
}
