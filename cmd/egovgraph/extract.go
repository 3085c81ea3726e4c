package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/egovgraph/egovgraph/graph"
)

var extractCommand = command{
	name: "extract",
	usage: `Usage: egovgraph extract [flags] FILE...

Prints what the extractor reads from each release file (directories are walked), touching no
store. With -format jsonl, one JSON object per file as ../shared/extraction/SPEC.md defines it;
-explain prints, for each fact, the sentence and the rule that produced it. Files that fail
are reported with the reason; the exit status is 1 when any failed.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		format := fs.String("format", "jsonl", `output format: "jsonl" (one object per line) or "json" (indented)`)
		explain := fs.Bool("explain", false, "print each fact with its sentence, rule and confidence instead of JSON")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return fmt.Errorf("no FILE given: %w", errUsage)
			}
			if *format != "jsonl" && *format != "json" {
				return fmt.Errorf("-format %q: want jsonl or json: %w", *format, errUsage)
			}
			inputs, failed := fileInputs(args, stderr)
			for _, in := range inputs {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				doc, err := in.read()
				if err != nil {
					fmt.Fprintf(stderr, "error: %v\n", err)
					failed++
					continue
				}
				rel, err := extract(ctx, doc)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fmt.Fprintf(stderr, "error: %v\n", err)
					failed++
					continue
				}
				if *explain {
					writeExplanation(stdout, rel)
					continue
				}
				if err := writeExtraction(stdout, specOutput(rel), *format == "json"); err != nil {
					return err
				}
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		}
	},
}

// extraction is one document as the extraction contract prints it.
type extraction struct {
	Doc       string              `json:"doc"`
	Title     string              `json:"title"`
	Date      string              `json:"date"`
	Entities  []extractedEntity   `json:"entities"`
	Relations []extractedRelation `json:"relations"`
}

type extractedEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

type extractedRelation struct {
	Type       string  `json:"type"`
	From       string  `json:"from"`
	To         string  `json:"to"`
	Role       string  `json:"role,omitempty"`
	Evidence   string  `json:"evidence,omitempty"`
	Quote      string  `json:"quote,omitempty"`
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule,omitempty"`
}

// specOutput renders rel in the form of the extraction contract: names instead of IDs.
func specOutput(rel graph.Release) extraction {
	out := extraction{Doc: filepath.Base(rel.Source), Title: rel.Title, Date: rel.Date,
		Entities: []extractedEntity{}, Relations: []extractedRelation{}}
	names := make(map[string]string, len(rel.Entities))
	for _, e := range rel.Entities {
		names[e.ID] = e.Name
		out.Entities = append(out.Entities, extractedEntity{Name: e.Name, Type: string(e.Type), Aliases: e.Aliases})
	}
	for _, f := range rel.Facts {
		out.Relations = append(out.Relations, extractedRelation{Type: string(f.Type), From: names[f.From], To: names[f.To],
			Role: f.Role, Evidence: f.Sentence, Quote: f.Quote, Confidence: f.Confidence, Rule: f.Rule})
	}
	return out
}

func writeExtraction(w io.Writer, x extraction, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(x); err != nil {
		return fmt.Errorf("write %s: %w", x.Doc, err)
	}
	return nil
}

// writeExplanation prints every fact of rel with the sentence and rule it came from.
func writeExplanation(w io.Writer, rel graph.Release) {
	date := rel.Date
	if date == "" {
		date = "no date"
	}
	fmt.Fprintf(w, "%s (%s): %s\n", filepath.Base(rel.Source), date, rel.Title)
	names := make(map[string]string, len(rel.Entities))
	for _, e := range rel.Entities {
		names[e.ID] = e.Name
	}
	for _, f := range rel.Facts {
		role := ""
		if f.Role != "" {
			role = " as " + f.Role
		}
		fmt.Fprintf(w, "  %s %s → %s%s  [rule %s, confidence %.2f]\n", f.Type, names[f.From], names[f.To], role, f.Rule, f.Confidence)
		fmt.Fprintf(w, "      „%s“\n", f.Sentence)
		if f.Quote != "" {
			fmt.Fprintf(w, "      quoted: %s\n", f.Quote)
		}
	}
	fmt.Fprintln(w)
}
