// Command egovgraph loads German e-government press releases into a knowledge graph of
// who cooperates with whom and serves it over GraphQL. Run "egovgraph help" for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
