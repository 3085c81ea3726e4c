// Command synth writes the first N releases of the synthetic corpus of seed 1 (package
// synth) as Markdown files into DIR: the releases bench/peer/run.sh loads.
//
// Usage: go run ./bench/peer/synth DIR N
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/egovgraph/egovgraph/synth"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: synth DIR N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintf(os.Stderr, "synth: N %q: want a positive number\n", os.Args[2])
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	g := synth.New(1)
	for i := range n {
		name, text, _ := g.Release(i)
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "synth:", err)
			os.Exit(1)
		}
	}
}
