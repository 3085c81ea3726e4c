package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
)

var versionCommand = command{
	name: "version",
	usage: `Usage: egovgraph version

Prints the version of egovgraph and the commit it was built from, as the Go toolchain
recorded them in the binary ("(devel)" and the commit for a build from a checkout;
"modified" when the checkout had changes that were not committed).
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		return func(_ context.Context, args []string, stdout, _ io.Writer) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected arguments %q: %w", args, errUsage)
			}
			fmt.Fprintln(stdout, versionLine())
			return nil
		}
	},
}

// versionLine describes the build: "egovgraph VERSION commit COMMIT [modified] (GO)".
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "egovgraph unknown version (built without module support)"
	}
	version, commit, modified := info.Main.Version, "unknown", ""
	if version == "" {
		version = "(devel)"
	}
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			commit = s.Value
		case s.Key == "vcs.modified" && s.Value == "true":
			modified = " modified"
		}
	}
	return fmt.Sprintf("egovgraph %s commit %s%s (%s)", version, commit, modified, info.GoVersion)
}
