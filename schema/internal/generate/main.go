// Command generate writes the executable schema of package schema as `gqlgen generate`
// does, with one difference: the objects listed in inline are resolved on the goroutine
// that marshals them, field after field, and lists of them item after item.
//
// gqlgen (0.17.98) runs every field that has a resolver in a goroutine of its own, and
// every item of a list of objects in another, and has no switch to turn either off
// (gqlgen#3202, #4321). For fields that do no I/O, such as Relation.from, which finds the
// entity in the request's view of the graph, those goroutines cost more than the fields
// themselves: a third of the CPU of an entity with its 168 relations. The plugin below sets
// gqlgen's own DisableConcurrency (which it sets for Mutation) on the inline objects, and
// has the marshalers of lists of them call marshalSliceInline (schema/inline.go), which
// takes graphql.MarshalSliceConcurrently's arguments, in place of that function.
//
// Run it from the directory of package schema: go generate ./schema.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// inline lists the objects whose resolvers do no I/O of their own: they answer from the
// object, or from the request's network.View, which the field returning the object pinned
// already. The objects left out read the store per item, and gain from running their items
// side by side: Release and Evidence (Evidence.release reads a release), Fact (Fact.from
// and Fact.to read entities in batches that wait for one another), and the roots.
var inline = []string{
	"Entity", "EntityConnection", "EntityEdge",
	"Relation", "RelationConnection", "RelationEdge",
	"PageInfo", "Neighborhood", "Stats", "Correction",
	"Network", "NetworkNode", "NetworkNodeConnection", "NetworkNodeEdge",
	"NetworkRelation", "NetworkRelationConnection", "NetworkRelationEdge",
	"Path", "PathStep", "PathConnection", "PathEdge",
	"Analytics", "Centrality", "CentralityConnection", "CentralityEdge",
	"Community", "CommunityConnection", "CommunityEdge",
	"CoMember", "CoMemberConnection", "CoMemberEdge",
	"StateSummary", "Link", "LinkConnection", "LinkEdge",
	"Post", "PostConnection", "PostEdge", "Holder", "HolderConnection", "HolderEdge",
}

func main() {
	if err := run("gqlgen.yml"); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run(configFile string) error {
	cfg, err := config.LoadConfig(configFile)
	if err != nil {
		return err
	}
	p := &inlinePlugin{}
	if err := api.Generate(cfg, api.AddPlugin(p)); err != nil {
		return err
	}
	return p.rewrite(cfg.Exec.Filename)
}

// inlinePlugin marks the inline objects and collects the marshalers of lists of them.
type inlinePlugin struct {
	lists []string // names of the marshal functions of lists of inline objects
}

func (*inlinePlugin) Name() string { return "inline" }

// GenerateCode runs before gqlgen renders the executable schema from data.
func (p *inlinePlugin) GenerateCode(data *codegen.Data) error {
	seen := map[string]bool{}
	for _, o := range data.Objects {
		if slices.Contains(inline, o.Name) {
			o.DisableConcurrency = true
			seen[o.Name] = true
		}
	}
	for _, name := range inline {
		if !seen[name] {
			return fmt.Errorf("inline object %s: the schema has no such object", name)
		}
	}
	for _, t := range data.ReferencedTypes {
		if !isInlineList(t) {
			continue
		}
		if f := t.MarshalFunc(); f != "" {
			p.lists = append(p.lists, f)
		}
	}
	slices.Sort(p.lists)
	return nil
}

// isInlineList reports whether t is a list whose items are inline objects.
func isInlineList(t *config.TypeReference) bool {
	if !t.IsSlice() || t.Definition == nil {
		return false
	}
	e := t.Elem()
	return !e.IsSlice() && slices.Contains(inline, e.Definition.Name)
}

// rewrite has the marshalers of lists of inline objects in the generated file call
// marshalSliceInline instead of graphql.MarshalSliceConcurrently.
func (p *inlinePlugin) rewrite(file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	const call, inlineCall = "graphql.MarshalSliceConcurrently(", "marshalSliceInline("
	var errs []error
	for _, name := range p.lists {
		start := bytes.Index(src, []byte("func (ec *executionContext) "+name+"("))
		if start < 0 {
			errs = append(errs, fmt.Errorf("%s: no marshaler %s", file, name))
			continue
		}
		end := start + bytes.Index(src[start:], []byte("\n}\n"))
		body := string(src[start:end])
		if n := strings.Count(body, call); n != 1 {
			errs = append(errs, fmt.Errorf("%s: %s calls %s %d times, want once: gqlgen's template changed", file, name, call, n))
			continue
		}
		src = slices.Concat(src[:start], []byte(strings.Replace(body, call, inlineCall, 1)), src[end:])
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.WriteFile(file, src, 0o644)
}
