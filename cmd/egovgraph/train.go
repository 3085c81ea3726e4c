package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/egovgraph/egovgraph/loaders"
)

var trainCommand = command{
	name: "train",
	usage: `Usage: egovgraph train [flags]

Fits the learned stage of the extractor (which pairs of entities a sentence names are
MEMBER_OF, COOPERATES_WITH or WORKS_ON facts) to an annotated corpus: every NAME.md with
its NAME.gold.json in -corpus. With -out it writes the weights the binary embeds
(loaders/data/weights.tsv; rebuild afterwards). With -cv FILE it also writes, in the
format of "extract --format jsonl", what a model fitted without each fold extracts from
that fold's releases, for ../shared/extraction/score --pred FILE. Training is
deterministic: the same corpus gives the same weights.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		corpus := fs.String("corpus", filepath.Join("..", "shared", "corpus", "dev"), "annotated corpus directory")
		out := fs.String("out", "", "write the fitted weights to this file")
		cv := fs.String("cv", "", "write the cross-validated extraction (JSON lines) to this file")
		folds := fs.Int("folds", 5, "folds of the cross-validation, by release")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected arguments %q: %w", args, errUsage)
			}
			if *out == "" && *cv == "" {
				return fmt.Errorf("give -out, -cv or both: %w", errUsage)
			}
			if *folds < 2 {
				return fmt.Errorf("-folds %d: want 2 or more: %w", *folds, errUsage)
			}
			docs, err := loaders.ReadAnnotated(*corpus)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "train: %d annotated releases in %s\n", len(docs), *corpus)
			if *cv != "" {
				if err := writeAtomic(*cv, func(w io.Writer) error {
					rels, err := loaders.CrossValidate(ctx, docs, *folds, loaders.DefaultTrainOptions)
					if err != nil {
						return err
					}
					for _, rel := range rels {
						if err := writeExtraction(w, specOutput(rel), false); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					return err
				}
				fmt.Fprintf(stderr, "train: %d-fold cross-validated extraction in %s\n", *folds, *cv)
			}
			if *out != "" {
				m := loaders.TrainModel(docs, loaders.DefaultTrainOptions)
				if err := writeAtomic(*out, func(w io.Writer) error { _, err := m.WriteTo(w); return err }); err != nil {
					return err
				}
				fmt.Fprintf(stderr, "train: weights in %s\n", *out)
			}
			return ctx.Err()
		}
	},
}
