package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/loaders/web"
)

// sampleSource is the prefix of the sources of the bundled samples. Every other source is
// an absolute path or a URL, so no release of the user's own starts with it.
const sampleSource = "samples/"

// isSample reports whether source names a bundled sample release.
func isSample(source string) bool { return strings.HasPrefix(source, sampleSource) }

// ingester writes documents to a store: it extracts their facts and keeps the bundled
// samples apart from the user's own releases.
type ingester struct {
	store   graph.Store
	timeout time.Duration // for writing one release
	// web fetches the pages addRelease names by URL.
	web *web.Client

	mu          sync.Mutex
	samplesGone bool // the store holds no sample any more
}

// summary is what writing one release did.
type summary struct {
	Source    string `json:"source"`
	ID        string `json:"id"`
	Date      string `json:"date"`
	Changed   bool   `json:"changed"`
	Entities  int    `json:"entities"`
	Relations int    `json:"relations"`
	// Notes say what the user should know besides: the samples removed.
	Notes []string `json:"notes,omitempty"`
}

// put extracts doc's facts and writes them as one release. The first release of the
// user's own removes the bundled samples from the store first, so that they never mix with
// real data (they restate real releases and would double their weights).
func (in *ingester) put(ctx context.Context, doc loaders.Document) (summary, error) {
	var notes []string
	if !isSample(doc.Source) {
		note, err := in.dropSamples(ctx)
		if err != nil {
			return summary{}, err
		}
		if note != "" {
			notes = append(notes, note)
		}
	}
	rel, err := extract(ctx, doc)
	if err != nil {
		return summary{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, in.timeout)
	defer cancel()
	changed, err := in.store.PutRelease(ctx, rel)
	if err != nil {
		return summary{}, fmt.Errorf("write: %w", err)
	}
	return summary{Source: rel.Source, ID: rel.ID, Date: rel.Date, Changed: changed,
		Entities: len(rel.Entities), Relations: len(rel.Facts), Notes: notes}, nil
}

// putBatch writes the releases rels, extracted from files, in one transaction, as put
// writes each, and returns a summary of each. When the batch fails it writes them again
// one at a time, so that one bad release loses nothing else; errs holds what failed. When
// the store does not answer or takes no write, errs holds a *storeDownError from the first
// release not written on.
func (in *ingester) putBatch(ctx context.Context, rels []graph.Release) (sums []summary, errs []error) {
	sums, errs = make([]summary, len(rels)), make([]error, len(rels))
	var notes []string
	if slices.ContainsFunc(rels, func(r graph.Release) bool { return !isSample(r.Source) }) {
		note, err := in.dropSamples(ctx)
		if err != nil {
			for i := range errs {
				errs[i] = err
			}
			return sums, errs
		}
		if note != "" {
			notes = append(notes, note)
		}
	}
	wctx, cancel := context.WithTimeout(ctx, in.timeout*time.Duration(len(rels)))
	changed, err := in.store.PutReleases(wctx, rels)
	cancel()
	if err != nil && ctx.Err() == nil {
		// A store that does not answer would fail each release again after a wait.
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		perr := in.store.Ping(pctx)
		cancel()
		if perr != nil {
			for i := range errs {
				errs[i] = &storeDownError{perr}
			}
			return sums, errs
		}
	}
	for i, rel := range rels {
		if err != nil {
			wctx, cancel := context.WithTimeout(ctx, in.timeout)
			c, err := in.store.PutRelease(wctx, rel)
			cancel()
			if graph.ErrorCode(err) == graph.EUNAVAILABLE && ctx.Err() == nil {
				// The store takes no write (Neo4j gone, a full disk, a read-only data
				// file): the releases after this one would fail alike.
				for j := i; j < len(rels); j++ {
					errs[j] = &storeDownError{err}
				}
				break
			}
			if err != nil {
				errs[i] = fmt.Errorf("write: %w", err)
				continue
			}
			changed[i] = c
		}
		sums[i] = summary{Source: rel.Source, ID: rel.ID, Date: rel.Date, Changed: changed[i],
			Entities: len(rel.Entities), Relations: len(rel.Facts)}
	}
	sums[0].Notes = notes
	return sums, errs
}

// dropSamples deletes the bundled samples from the store, once, and says so.
func (in *ingester) dropSamples(ctx context.Context) (string, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.samplesGone {
		return "", nil
	}
	var samples []string
	p := graph.Page{First: graph.MaxPageSize}
	for {
		page, err := in.store.Releases(ctx, p)
		if err != nil {
			return "", fmt.Errorf("look for the bundled samples: %w", err)
		}
		for _, r := range page.Items {
			if isSample(r.Source) {
				samples = append(samples, r.ID)
			}
		}
		if !page.More || len(page.Items) == 0 {
			break
		}
		p.After = page.Items[len(page.Items)-1].ID
	}
	for _, id := range samples {
		if err := in.store.DeleteRelease(ctx, id); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return "", fmt.Errorf("remove the bundled samples: %w", err)
		}
	}
	in.samplesGone = true
	if len(samples) == 0 {
		return "", nil
	}
	return fmt.Sprintf("removed the %d bundled sample releases: the store now holds only your own", len(samples)), nil
}

// AddText reads text written in format as a release known by source (by default "api/"
// and a hash of the text) and stores it: schema.Ingester for addRelease.
func (in *ingester) AddText(ctx context.Context, text, format, source string) (string, bool, error) {
	sum := sha256.Sum256([]byte(text))
	if source == "" {
		source = "api/" + hex.EncodeToString(sum[:6]) + "." + format
	}
	if isSample(source) {
		return "", false, graph.Errorf(graph.EINVALID, "source %q: %s is kept for the bundled samples", source, sampleSource)
	}
	doc, err := loaders.Read("release."+format, []byte(text))
	if err != nil {
		var perr *loaders.ParseError
		if errors.As(err, &perr) {
			err = perr.Err
		}
		return "", false, graph.Errorf(graph.EINVALID, "text: %s", graph.ErrorMessage(err))
	}
	doc.Source = source
	return in.store1(ctx, doc)
}

// AddURL fetches the release page at url and stores it: schema.Ingester for addRelease.
func (in *ingester) AddURL(ctx context.Context, url string) (string, bool, error) {
	if !web.IsURL(url) {
		return "", false, graph.Errorf(graph.EINVALID, "url %q: want an http or https URL", url)
	}
	doc, err := in.web.Page(ctx, url)
	if err != nil {
		if graph.ErrorCode(err) == graph.EINTERNAL {
			return "", false, graph.Errorf(graph.EUNAVAILABLE, "%v", err) // the site's failure, not ours
		}
		return "", false, err
	}
	return in.store1(ctx, doc)
}

// store1 stores doc and returns the ID of the release that holds its text.
func (in *ingester) store1(ctx context.Context, doc loaders.Document) (string, bool, error) {
	res, err := in.put(ctx, doc)
	if err != nil || res.Changed {
		return res.ID, res.Changed, err
	}
	if _, err := in.store.Release(ctx, res.ID); graph.ErrorCode(err) != graph.ENOTFOUND {
		return res.ID, false, err
	}
	// The same text is stored under another source: name that release.
	id, err := in.releaseWithHash(ctx, doc.Hash)
	return id, false, err
}

// releaseWithHash returns the ID of the stored release whose hash is hash.
func (in *ingester) releaseWithHash(ctx context.Context, hash string) (string, error) {
	p := graph.Page{First: graph.MaxPageSize}
	for {
		page, err := in.store.Releases(ctx, p)
		if err != nil {
			return "", err
		}
		for _, r := range page.Items {
			if r.Hash == hash {
				return r.ID, nil
			}
		}
		if !page.More || len(page.Items) == 0 {
			return "", graph.Errorf(graph.ENOTFOUND, "no release with hash %s", hash)
		}
		p.After = page.Items[len(page.Items)-1].ID
	}
}

// extractBudget is the time one release may take to extract; a press release takes
// milliseconds, so only a pathological input reaches it.
const extractBudget = time.Minute

// extract reads doc's facts within extractBudget.
func extract(ctx context.Context, doc loaders.Document) (graph.Release, error) {
	ectx, cancel := context.WithTimeout(ctx, extractBudget)
	defer cancel()
	rel, err := loaders.Extract(ectx, doc)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return graph.Release{}, fmt.Errorf("extract %s: took longer than %s", doc.Source, extractBudget)
	}
	return rel, err
}

// storeDownError is a write that failed because the store does not answer.
type storeDownError struct{ err error }

func (e *storeDownError) Error() string {
	return "the store is unavailable: " + graph.ErrorMessage(e.err)
}
func (e *storeDownError) Unwrap() error { return e.err }
