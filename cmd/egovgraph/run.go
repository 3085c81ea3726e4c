package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

const usage = `egovgraph reads German e-government press releases, extracts who cooperates with
whom, and serves the resulting knowledge graph over GraphQL.

Usage:
  egovgraph <command> [flags] [arguments]

Commands:
  serve     serve the GraphQL API (loads the bundled sample releases into an empty store)
  load      load release files, directories and pages (URLs) into the store
  watch     follow RSS and Atom feeds of press offices, loading each new release
  extract   print what the extractor reads from release files, touching no store
  export    write the network as GraphML, GEXF, CSV or JSON-LD for analysis tools
  corrections  export or import the analysts' corrections as JSON lines
  train        fit the extractor's learned stage to an annotated corpus
  version   print the version and the commit egovgraph was built from
  help      show this help, or "egovgraph help <command>" for a command's flags

Configuration comes from flags, then environment variables (EGOVGRAPH_*, NEO4J_*), then
defaults. Run "egovgraph help serve" to see them.
`

// command is one subcommand: its flags and what it does with the remaining arguments.
type command struct {
	name  string
	usage string
	flags func(fs *flag.FlagSet) func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{serveCommand, loadCommand, extractCommand, exportCommand, correctionsCommand, watchCommand, trainCommand, versionCommand}
}

// errUsage marks an error that the command's usage explains; it exits with status 2.
var errUsage = errors.New("usage")

// exitError carries an exit status other than 1 for a failure that was already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// run executes the command line args and returns the process exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(rest, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() {
			fmt.Fprint(fs.Output(), c.usage)
			fs.PrintDefaults()
		}
		do := c.flags(fs)
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		err := do(ctx, fs.Args(), stdout, stderr)
		var exit exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &exit):
			return exit.code
		case errors.Is(err, errUsage):
			// One line: what is wrong, and where the flags are explained.
			msg := strings.ReplaceAll(err.Error(), ": "+errUsage.Error(), "")
			fmt.Fprintf(stderr, "egovgraph %s: %s (see egovgraph help %s)\n", c.name, strings.ReplaceAll(msg, "\n", "; "), c.name)
			return 2
		default:
			fmt.Fprintf(stderr, "egovgraph %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "egovgraph: unknown command %q\n\n%s", name, usage)
	return 2
}

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
			fs.SetOutput(stdout)
			c.flags(fs)
			fmt.Fprint(stdout, c.usage)
			fs.PrintDefaults()
			return 0
		}
	}
	fmt.Fprintf(stderr, "egovgraph help: unknown command %q\n", args[0])
	return 2
}
