package schema_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/schema"
)

// failingStore fails the calls it overrides and passes the others to the store it embeds.
type failingStore struct {
	graph.Store
	stats func(ctx context.Context) (graph.Stats, error)
}

func (s failingStore) Stats(ctx context.Context) (graph.Stats, error) { return s.stats(ctx) }

func TestErrorCodes(t *testing.T) {
	h := MustHandler(t)
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		code  string
		msg   string // a part of the message
	}{
		{"invalid date literal", `{ relations(since: "2021-13-01") { totalCount } }`, nil, "INVALID", "YYYY-MM-DD"},
		{"invalid date variable", `query($d: Date) { relations(until: $d) { totalCount } }`, map[string]any{"d": "22.07.2021"}, "INVALID", "YYYY-MM-DD"},
		{"date not a string", `{ relations(since: 20210722) { totalCount } }`, nil, "INVALID", "YYYY-MM-DD"},
		{"page too large", `{ entities(first: 501) { totalCount } }`, nil, "INVALID", "first 501"},
		{"page empty", `{ releases(first: 0) { totalCount } }`, nil, "INVALID", "first 0"},
		{"bad cursor", `{ entities(after: "not base64!") { totalCount } }`, nil, "INVALID", "cursor"},
		{"search first negative", `{ search(text: "b", first: -1) { id } }`, nil, "INVALID", "first -1"},
		{"depth too deep", `{ neighborhood(id: "state:bayern", depth: 4) { nodes { id } } }`, nil, "INVALID", "depth 4"},
		{"neighborhood of nobody", `{ neighborhood(id: "state:atlantis") { nodes { id } } }`, nil, "NOT_FOUND", "atlantis"},
		{"neighborhood page too large", `{ neighborhood(id: "state:bayern", first: 501) { nodes { id } } }`, nil, "INVALID", "first 501"},
		{"unknown field", `{ entity(id: "state:bayern") { population } }`, nil, "GRAPHQL_VALIDATION_FAILED", "population"},
		{"unknown enum value", `{ entities(type: Country) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", "Country"},
		{"syntax", `{ entity(id: `, nil, "GRAPHQL_PARSE_FAILED", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := Post(t, h, tt.query, tt.vars)
			if got := resp.code(t); got != tt.code {
				t.Errorf("got code %q (%s), want %q", got, resp.Errors[0].Message, tt.code)
			}
			if !strings.Contains(resp.Errors[0].Message, tt.msg) {
				t.Errorf("got message %q, want it to contain %q", resp.Errors[0].Message, tt.msg)
			}
		})
	}
}

func TestStoreErrorIsInternal(t *testing.T) {
	var log bytes.Buffer
	store := failingStore{Store: MustOpenStore(t), stats: func(context.Context) (graph.Stats, error) {
		return graph.Stats{}, errors.New("read /var/lib/egovgraph/secret.db: input/output error")
	}}
	h := schema.NewHandler(store, schema.Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	resp := Post(t, h, `{ stats { releases } }`, nil)
	if got := resp.code(t); got != "INTERNAL" {
		t.Errorf("got code %q, want INTERNAL", got)
	}
	if got := resp.Errors[0].Message; got != "internal error" {
		t.Errorf("got message %q, want %q", got, "internal error")
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "level=ERROR") || !strings.Contains(lines[0], "secret.db: input/output error") || !strings.Contains(lines[0], "stats") {
		t.Errorf("got log %q, want one error line naming the field and the cause", log.String())
	}
}

func TestStoreUnavailable(t *testing.T) {
	var log bytes.Buffer
	store := failingStore{Store: MustOpenStore(t), stats: func(context.Context) (graph.Stats, error) {
		return graph.Stats{}, graph.Errorf(graph.EUNAVAILABLE, "neo4j: no connection")
	}}
	h := schema.NewHandler(store, schema.Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	resp := Post(t, h, `{ stats { releases } }`, nil)
	if got := resp.code(t); got != "UNAVAILABLE" || resp.Errors[0].Message != "neo4j: no connection" {
		t.Errorf("got %q %q, want UNAVAILABLE with the store's message", got, resp.Errors[0].Message)
	}
	if log.Len() != 0 {
		t.Errorf("got log %q, want none for a domain error", log.String())
	}
}

func TestTimeout(t *testing.T) {
	store := failingStore{Store: MustOpenStore(t), stats: func(ctx context.Context) (graph.Stats, error) {
		<-ctx.Done()
		return graph.Stats{}, ctx.Err()
	}}
	h := schema.NewHandler(store, schema.Options{Timeout: 50 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	start := time.Now()
	resp := Post(t, h, `{ stats { releases } }`, nil)
	if got := resp.code(t); got != "UNAVAILABLE" || resp.Errors[0].Message != "request timed out" {
		t.Errorf("got %q %q, want UNAVAILABLE, request timed out", got, resp.Errors[0].Message)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v, want the 50ms timeout to end the request", d)
	}
}

func TestPanicIsInternal(t *testing.T) {
	var log bytes.Buffer
	store := failingStore{Store: MustOpenStore(t), stats: func(context.Context) (graph.Stats, error) {
		panic("index out of range")
	}}
	h := schema.NewHandler(store, schema.Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	resp := Post(t, h, `{ stats { releases } }`, nil)
	if got := resp.code(t); got != "INTERNAL" || resp.Errors[0].Message != "internal error" {
		t.Errorf("got %q %q, want INTERNAL, internal error", got, resp.Errors[0].Message)
	}
	if !strings.Contains(log.String(), "index out of range") {
		t.Errorf("got log %q, want the panic logged", log.String())
	}
}
