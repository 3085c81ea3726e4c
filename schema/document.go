package schema

import (
	"context"
	"fmt"
	"math"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Limits on the document of a request, checked on its text before gqlgen validates it:
// validation and the complexity count expand fragment spreads, so a small document can
// stand for an exponential number of fields.
const (
	// MaxTokens bounds the tokens of a document; the IDE's introspection query has about
	// 300.
	MaxTokens = 10000
	// MaxFields bounds the fields a document selects once its fragment spreads are
	// expanded, each spread counted as often as it is spread.
	MaxFields = 2000
	// MaxSelectionWidth bounds the fields of one selection set, fragments included:
	// validation compares every two of them, aliases or not.
	MaxSelectionWidth = 300
	// MaxRootCost bounds the cost of the root fields of an operation, aliases and
	// fragments included: rootCosts gives the expensive ones, every other costs 10.
	MaxRootCost = 10000
	// MaxArgumentBytes bounds every string argument and variable: IDs, dates, cursors
	// and search texts are short.
	MaxArgumentBytes = 1024
	// MaxListItems bounds every list argument and variable.
	MaxListItems = 100
)

// rootCosts weighs the root fields that compute over the whole graph or a large part of it,
// per alias: each network, path and analytics alias may build its own view of the graph.
var rootCosts = map[string]int{
	"network":      1000,
	"path":         1000,
	"analytics":    1000,
	"changes":      200,
	"neighborhood": 200,
	"search":       200,
	"coMembership": 100,
	"stateSummary": 100,
	"posts":        100,
}

const defaultRootCost = 10

// documentLimit is a gqlgen extension that refuses documents over the limits above before
// they are validated.
type documentLimit struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentLimit{}

// ExtensionName names the extension for gqlgen.
func (documentLimit) ExtensionName() string { return "DocumentLimit" }

// Validate accepts every schema.
func (documentLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses the request when its document or variables exceed a
// limit. A document that does not parse is left to gqlgen, which reports why.
func (documentLimit) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if err := checkVariables(p.Variables, "$"); err != nil {
		return err
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, MaxTokens)
	if err != nil {
		if gqlErr, ok := err.(*gqlerror.Error); ok && gqlErr.Message == fmt.Sprintf("exceeded token limit of %d", MaxTokens) {
			return limitError("the document has more than %d tokens", MaxTokens)
		}
		return nil
	}
	return checkDocument(doc)
}

// checkDocument checks the arguments, fields and root costs of doc.
func checkDocument(doc *ast.QueryDocument) *gqlerror.Error {
	w := walker{fragments: map[string]*ast.FragmentDefinition{}, fields: map[string]int{}, roots: map[string]int{}, widths: map[string]int{}}
	for _, f := range doc.Fragments {
		w.fragments[f.Name] = f
	}
	for _, f := range doc.Fragments {
		if err := w.checkSets(f.SelectionSet); err != nil {
			return err
		}
	}
	for _, op := range doc.Operations {
		if err := w.checkSets(op.SelectionSet); err != nil {
			return err
		}
		for _, v := range op.VariableDefinitions {
			if err := checkValue(v.DefaultValue, "$"+v.Variable); err != nil {
				return err
			}
		}
		if n := w.count(op.SelectionSet); n > MaxFields {
			return limitError("the operation selects %s fields once its fragments are expanded: want at most %d", atLeast(n), MaxFields)
		}
		if op.Operation == ast.Query || op.Operation == "" {
			if c := w.rootCost(op.SelectionSet); c > MaxRootCost {
				return costError("the root fields of the operation cost %s: want at most %d (network, path and analytics cost %d per alias)", atLeast(c), MaxRootCost, rootCosts["network"])
			}
		}
	}
	return nil
}

// walker counts through fragment spreads, remembering each fragment's count so that a
// fragment spread many times is walked once.
type walker struct {
	fragments map[string]*ast.FragmentDefinition
	fields    map[string]int // fields per fragment; -1 while being walked (a cycle)
	roots     map[string]int // root cost per fragment, likewise
	widths    map[string]int // fields at the level a fragment is spread into, likewise
}

// checkSets checks the literal arguments and the width of set and of every set within it,
// not descending into fragment spreads (their definitions are checked on their own).
func (w walker) checkSets(set ast.SelectionSet) *gqlerror.Error {
	if n := w.width(set); n > MaxSelectionWidth {
		return limitError("a selection of %s fields, fragments included: want at most %d", atLeast(n), MaxSelectionWidth)
	}
	return checkArguments(set, w.checkSets)
}

// width returns the fields set selects at its own level, its fragments included.
func (w walker) width(set ast.SelectionSet) int {
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			n = add(n, 1)
		case *ast.InlineFragment:
			n = add(n, w.width(s.SelectionSet))
		case *ast.FragmentSpread:
			n = add(n, w.memo(w.widths, s.Name, w.width))
		}
	}
	return n
}

// count returns the fields set selects with its spreads expanded, saturating at
// math.MaxInt.
func (w walker) count(set ast.SelectionSet) int {
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			n = add(n, add(1, w.count(s.SelectionSet)))
		case *ast.InlineFragment:
			n = add(n, w.count(s.SelectionSet))
		case *ast.FragmentSpread:
			n = add(n, w.memo(w.fields, s.Name, w.count))
		}
	}
	return n
}

// rootCost returns the cost of the root fields set selects, its spreads expanded.
func (w walker) rootCost(set ast.SelectionSet) int {
	c := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			c = add(c, rootCost(s.Name))
		case *ast.InlineFragment:
			c = add(c, w.rootCost(s.SelectionSet))
		case *ast.FragmentSpread:
			c = add(c, w.memo(w.roots, s.Name, w.rootCost))
		}
	}
	return c
}

func rootCost(name string) int {
	if c, ok := rootCosts[name]; ok {
		return c
	}
	return defaultRootCost
}

// memo returns f of the fragment called name, computed once; an unknown fragment and a
// cycle count 0 here and are reported by validation.
func (w walker) memo(m map[string]int, name string, f func(ast.SelectionSet) int) int {
	if n, ok := m[name]; ok {
		return max(n, 0)
	}
	def := w.fragments[name]
	if def == nil {
		return 0
	}
	m[name] = -1
	n := f(def.SelectionSet)
	m[name] = n
	return n
}

// add adds two non-negative counts, saturating at math.MaxInt.
func add(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func atLeast(n int) string {
	if n == math.MaxInt {
		return "more than 9e18"
	}
	return fmt.Sprint(n)
}

// checkArguments checks the literal arguments of the fields and directives of set, and
// hands the selection sets within them to sub.
func checkArguments(set ast.SelectionSet, sub func(ast.SelectionSet) *gqlerror.Error) *gqlerror.Error {
	for _, s := range set {
		var args ast.ArgumentList
		var dirs ast.DirectiveList
		var inner ast.SelectionSet
		switch s := s.(type) {
		case *ast.Field:
			args, dirs, inner = s.Arguments, s.Directives, s.SelectionSet
		case *ast.InlineFragment:
			dirs, inner = s.Directives, s.SelectionSet
		case *ast.FragmentSpread:
			dirs = s.Directives
		}
		for _, d := range dirs {
			args = append(args, d.Arguments...)
		}
		for _, a := range args {
			if err := checkValue(a.Value, a.Name); err != nil {
				return err
			}
		}
		if len(inner) > 0 {
			if err := sub(inner); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkValue checks a literal value of the document.
func checkValue(v *ast.Value, name string) *gqlerror.Error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ast.StringValue, ast.BlockValue:
		if len(v.Raw) > MaxArgumentBytes {
			return argumentError(name, "a string of %d bytes: want at most %d", len(v.Raw), MaxArgumentBytes)
		}
	case ast.ListValue:
		if len(v.Children) > MaxListItems {
			return argumentError(name, "a list of %d items: want at most %d", len(v.Children), MaxListItems)
		}
	}
	for _, c := range v.Children {
		if err := checkValue(c.Value, name); err != nil {
			return err
		}
	}
	return nil
}

// checkVariables checks the values of the request's variables, as decoded from JSON.
func checkVariables(v any, name string) *gqlerror.Error {
	switch v := v.(type) {
	case string:
		if len(v) > MaxArgumentBytes {
			return argumentError(name, "a string of %d bytes: want at most %d", len(v), MaxArgumentBytes)
		}
	case []any:
		if len(v) > MaxListItems {
			return argumentError(name, "a list of %d items: want at most %d", len(v), MaxListItems)
		}
		for _, c := range v {
			if err := checkVariables(c, name); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, c := range v {
			n := name + k
			if name != "$" {
				n = name + "." + k
			}
			if err := checkVariables(c, n); err != nil {
				return err
			}
		}
	}
	return nil
}

func limitError(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, "DOCUMENT_LIMIT_EXCEEDED")
	return err
}

func costError(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, "COMPLEXITY_LIMIT_EXCEEDED")
	return err
}

func argumentError(name, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf("argument %s: "+format, append([]any{name}, args...)...)
	errcode.Set(err, "INVALID")
	return err
}
