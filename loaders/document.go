// Package loaders reads published releases and extracts the facts they state.
package loaders

import (
	"fmt"

	"github.com/egovgraph/egovgraph/graph"
)

// Document is one release as read from its file: the text without page furniture.
type Document struct {
	Source string `json:"source"` // the path or URL it was read from
	Title  string `json:"title"`  // the headline, "" when the text has none apart from its body
	Date   string `json:"date"`   // publication date YYYY-MM-DD, "" when the text names none
	// Body is the release text without headline and page furniture, one paragraph, heading
	// or list item ("- item") per block, blocks separated by "\n\n".
	Body string `json:"body"`
	Hash string `json:"hash"` // hex sha256 of the raw bytes
}

// MaxFileSize is the largest release file Read and ReadFile accept.
const MaxFileSize = 10 << 20

// The reasons a file is not read. They are graph errors with code EINVALID, so
// graph.ErrorCode of a *ParseError that wraps one is EINVALID; test with errors.Is.
var (
	ErrEmpty     = &graph.Error{Code: graph.EINVALID, Message: "empty file"}
	ErrBinary    = &graph.Error{Code: graph.EINVALID, Message: "binary content, not text"}
	ErrEncoding  = &graph.Error{Code: graph.EINVALID, Message: "invalid UTF-8"}
	ErrTooLarge  = &graph.Error{Code: graph.EINVALID, Message: "file too large"}
	ErrExtension = &graph.Error{Code: graph.EINVALID, Message: "unknown extension"}
	ErrNoText    = &graph.Error{Code: graph.EINVALID, Message: "no release text"}
)

// ParseError records a release file that could not be read and why, like fs.PathError.
type ParseError struct {
	Path string
	Err  error
}

// Error returns "path: reason".
func (e *ParseError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *ParseError) Unwrap() error { return e.Err }

// reason returns an error that wraps the sentinel base and adds detail to its message.
func reason(base *graph.Error, format string, args ...any) error {
	return fmt.Errorf("%w"+format, append([]any{base}, args...)...)
}

// tooLarge is the reason for a file of size bytes over MaxFileSize.
func tooLarge(size int64) error {
	return reason(ErrTooLarge, ": %.1f MB, limit %d MiB", float64(size)/1e6, MaxFileSize>>20)
}
