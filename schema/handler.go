package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// Defaults of Options, and the one limit that is not an option.
const (
	DefaultTimeout         = 10 * time.Second
	DefaultComplexityLimit = 50000
	DefaultDepthLimit      = 15
	// MaxBodySize bounds the body of a POST request.
	MaxBodySize = 1 << 20
)

// Options tune the handler NewHandler returns. The zero value is fit for production.
type Options struct {
	// DisableIntrospection reports whether to refuse the __schema and __type queries that
	// IDEs and client generators ask.
	DisableIntrospection bool
	// Timeout bounds the work on one request; DefaultTimeout when zero.
	Timeout time.Duration
	// ComplexityLimit bounds the estimated cost of one query, in fields to resolve: a
	// connection field counts its child fields once per item asked for (first, or
	// graph.DefaultPageSize). DefaultComplexityLimit when zero.
	ComplexityLimit int
	// DepthLimit bounds how deep a query's selections nest, not counting introspection;
	// DefaultDepthLimit when zero.
	DepthLimit int
	// Logger receives one error line for every error a client is shown only as
	// "internal error"; slog.Default() when nil.
	Logger *slog.Logger
	// Analyzer answers networks, paths, posts and analytics from snapshots of the store;
	// pass one to share its cache with others that read the same store (the export
	// handler). NewHandler makes its own when nil.
	Analyzer *network.Analyzer
	// Writes reports whether mutations are enabled: the HTTP layer checks tokens and names
	// the writer with WithWriter. Without, every mutation is FORBIDDEN.
	Writes bool
	// Ingest reads and stores the releases addRelease is given.
	Ingest Ingester
	// PollInterval is how often a subscription looks at the graph's version;
	// DefaultPollInterval when zero.
	PollInterval time.Duration
}

// Bounds of the caches of parsed queries and of Automatic Persisted Queries, in queries.
const (
	queryCacheSize     = 1000
	persistedCacheSize = 1000
)

// NewHandler returns the GraphQL endpoint over store. It answers queries sent as JSON by
// POST or in the query string by GET with the header GraphQL-Require-Preflight; errors
// carry extensions.code (see the package doc). Documents over the limits of document.go are
// refused before they are validated.
// Networks, paths, posts and analytics are computed in memory from a snapshot of the
// store, once for each version of the graph (see network.Analyzer).
func NewHandler(store graph.Store, opts Options) http.Handler {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.ComplexityLimit <= 0 {
		opts.ComplexityLimit = DefaultComplexityLimit
	}
	if opts.DepthLimit <= 0 {
		opts.DepthLimit = DefaultDepthLimit
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Analyzer == nil {
		opts.Analyzer = network.New(store)
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = DefaultPollInterval
	}

	releases := &releaseIndex{store: store}
	live := &live{releases: releases, interval: opts.PollInterval}
	cfg := Config{Resolvers: &resolver{store: store, writes: opts.Writes && opts.Ingest != nil, ingest: opts.Ingest, log: opts.Logger,
		releases: releases, live: live}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 10 * time.Second,
		InitFunc: func(ctx context.Context, _ transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			ctx, err := live.withBaseline(ctx)
			return ctx, nil, err
		},
	})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(MaxTokens)
	srv.Use(documentLimit{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](persistedCacheSize)})
	// Each response gets its own memo and corrections: a query's one response, and each
	// event of a subscription, which must not answer from the graph it started with.
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		return next(withMemo(withCorrections(ctx, store), store, opts.Analyzer))
	})
	if opts.DisableIntrospection {
		srv.Use(noIntrospection{})
	} else {
		srv.Use(extension.Introspection{})
	}
	srv.Use(depthLimit(opts.DepthLimit))
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.SetErrorPresenter(errorPresenter(opts.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		return fmt.Errorf("panic: %v\n%s", v, debug.Stack())
	})
	return &server{gql: srv, timeout: opts.Timeout}
}

// server bounds each request before gqlgen serves it.
type server struct {
	gql     http.Handler
	timeout time.Duration
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if websocket(r) {
		// A WebSocket carries subscriptions for as long as the client keeps it; the upgrade
		// refuses another site's page by its Origin, so it needs no preflight header.
		s.gql.ServeHTTP(w, r)
		return
	}
	if r.Method == http.MethodGet && !preflighted(r) {
		writeError(w, http.StatusBadRequest, graph.Errorf(graph.EINVALID,
			"a GET request needs the header %s: 1 (it keeps other sites' pages from sending queries in your name); or POST the query as application/json", preflightHeader))
		return
	}
	if r.ContentLength > MaxBodySize {
		writeError(w, http.StatusRequestEntityTooLarge, graph.Errorf(graph.EINVALID, "request body of %d bytes: want at most %d", r.ContentLength, MaxBodySize))
		return
	}
	// A body of unknown length that grows too large fails to read; gqlgen reports that.
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodySize)
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	status := new(int)
	ctx = context.WithValue(ctx, statusKey{}, status)
	s.gql.ServeHTTP(&statusWriter{ResponseWriter: w, status: status}, r.WithContext(ctx))
}

// websocket reports whether r asks to upgrade to a WebSocket.
func websocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket") &&
		strings.Contains(strings.ToLower(r.Header.Get("Connection")), "upgrade")
}

// SDL returns the handler of GET /schema.graphql: the schema in the GraphQL schema
// definition language, every type and field with its description, for client generators.
func SDL() http.Handler {
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent("  ")).FormatSchema(parsedSchema)
	sdl := b.String()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/graphql; charset=utf-8")
		io.WriteString(w, sdl)
	})
}

// preflightHeader is the header a GET request must carry: a browser sends it from another
// site's page only after a CORS preflight, which this server does not answer.
const preflightHeader = "GraphQL-Require-Preflight"

// preflighted reports whether r carries a header that a cross-site form or image cannot
// send: preflightHeader, Apollo's equivalents, or X-Requested-With.
func preflighted(r *http.Request) bool {
	for _, h := range []string{preflightHeader, "Apollo-Require-Preflight", "X-Apollo-Operation-Name", "X-Requested-With"} {
		if r.Header.Get(h) != "" {
			return true
		}
	}
	return false
}

// writeError answers a request that gqlgen never saw with a GraphQL error response.
func writeError(w http.ResponseWriter, status int, err *graph.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
		Message:    err.Message,
		Extensions: map[string]any{"code": extensionCode(err.Code)},
	}}})
}

// Playground returns the GraphiQL IDE titled title, sending its queries to endpoint.
func Playground(title, endpoint string) http.Handler {
	return playground.Handler(title, endpoint)
}
