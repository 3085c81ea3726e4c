// Package samples holds the sample releases bundled with egovgraph: short German releases
// written for this project that restate real, dated facts in their own words, each naming the
// publication it restates. "egovgraph serve" loads them into an empty store.
package samples

import "embed"

// FS holds the sample releases, one Markdown file each.
//
//go:embed *.md
var FS embed.FS
