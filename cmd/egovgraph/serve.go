package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/egovgraph/egovgraph/export"
	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
	"github.com/egovgraph/egovgraph/loaders/web"
	"github.com/egovgraph/egovgraph/network"
	"github.com/egovgraph/egovgraph/samples"
	"github.com/egovgraph/egovgraph/schema"
	ui "github.com/egovgraph/egovgraph/web"
)

var serveCommand = command{
	name: "serve",
	usage: `Usage: egovgraph serve [flags]

Serves the knowledge graph: POST /graphql (GraphQL), GET / (the dashboard), GET /graphiql
(the GraphiQL IDE, not with -public),
GET /export/{graphml,gexf,csv,jsonld} (the network, with the filters of GraphQL's network),
GET /healthz (process alive) and GET /readyz (store answers). An empty store is first filled with the
sample releases bundled with egovgraph, unless -samples=false. With -store neo4j, a Neo4j
that is not reachable yet is retried until it answers; /readyz says not ready meanwhile.
GraphQL writes (adding and deleting releases, corrections) need a token given with -token;
-feeds follows RSS and Atom feeds as egovgraph watch does. On the embedded store, serve
writes serve.json into the data directory, through which load, watch, export and
corrections on the same directory hand their work to it.

Flags:
`,
	flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		var cfg storeConfig
		cfg.register(fs)
		addr := fs.String("addr", env("EGOVGRAPH_ADDR", "127.0.0.1:8080"), "listen address (env EGOVGRAPH_ADDR)")
		samplesDefault, samplesErr := envBool("EGOVGRAPH_SAMPLES", true)
		loadSamples := fs.Bool("samples", samplesDefault, "load the bundled sample releases into an empty store (env EGOVGRAPH_SAMPLES)")
		publicDefault, publicErr := envBool("EGOVGRAPH_PUBLIC", false)
		public := fs.Bool("public", publicDefault, "public deployment: no introspection and no IDE (env EGOVGRAPH_PUBLIC)")
		timeout := fs.Duration("timeout", 10*time.Second, "time allowed for one GraphQL or export request")
		feeds := fs.String("feeds", env("EGOVGRAPH_FEEDS", ""), "RSS or Atom feeds to follow while serving, comma-separated, as egovgraph watch does (env EGOVGRAPH_FEEDS)")
		feedInterval := fs.Duration("feed-interval", web.DefaultPollInterval, "time between two polls of -feeds")
		tokens := fs.String("token", env("EGOVGRAPH_TOKEN", ""), "enable the GraphQL writes for whoever sends one of these tokens: NAME:TOKEN[,NAME:TOKEN...], or one TOKEN for the writer \"analyst\"; each at least 16 characters (env EGOVGRAPH_TOKEN)")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected arguments %q: %w", args, errUsage)
			}
			if err := errors.Join(samplesErr, publicErr, positive("timeout", *timeout), cfg.validate()); err != nil {
				return err
			}
			writers, err := parseWriters(*tokens)
			if err != nil {
				return err
			}
			var feedList []string
			for _, f := range strings.Split(*feeds, ",") {
				if f = strings.TrimSpace(f); f == "" {
					continue
				}
				if !web.IsURL(f) {
					return fmt.Errorf("-feeds: %q: want an http or https URL: %w", f, errUsage)
				}
				feedList = append(feedList, f)
			}
			if len(feedList) > 0 && *feedInterval < time.Minute {
				return fmt.Errorf("-feed-interval %s: want at least 1m, to be polite to the press offices: %w", *feedInterval, errUsage)
			}
			log := slog.New(slog.NewTextHandler(stderr, nil))
			s := server{cfg: cfg, log: log, stdout: stdout, samples: *loadSamples, writers: writers,
				feeds: feedList, feedInterval: *feedInterval,
				opts: schema.Options{DisableIntrospection: *public, Timeout: *timeout, Logger: log, Writes: len(writers) > 0}, ide: !*public}
			return s.run(ctx, *addr)
		}
	},
}

// server is one run of "egovgraph serve".
type server struct {
	cfg     storeConfig
	log     *slog.Logger
	stdout  io.Writer
	samples bool
	opts    schema.Options
	ide     bool
	store   pendingStore
	// ingest writes the releases load hands over, and localToken admits them (see
	// serverFileName).
	ingest     *ingester
	localToken string
	// writers may use the GraphQL writes.
	writers []writer
	// feeds are followed every feedInterval while serving.
	feeds        []string
	feedInterval time.Duration
}

func (s *server) run(ctx context.Context, addr string) error {
	s.ingest = &ingester{store: &s.store, timeout: 30 * time.Second, web: web.New()}
	if s.cfg.kind == storeEmbedded {
		// A local file that cannot be opened is a configuration problem: fail at once.
		st, err := s.cfg.open(ctx)
		if err != nil {
			return err
		}
		s.ready(ctx, st)
	} else {
		go s.connect(ctx)
	}
	defer s.store.close(s.log)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	if s.cfg.kind == storeEmbedded {
		token, remove, err := writeServerFile(s.cfg.data, "http://"+ln.Addr().String())
		if err != nil {
			ln.Close()
			return err
		}
		defer remove()
		s.localToken = token
	}
	srv := s.httpServer()
	fmt.Fprintf(s.stdout, "egovgraph serving on http://%s/ (GraphQL at /graphql, store %s)\n", ln.Addr(), s.cfg.describe())
	s.log.Info("listening", "addr", ln.Addr().String(), "store", s.cfg.describe())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if len(s.feeds) > 0 {
		w := newWatcher(s.feeds, s.feedInterval, s.log, s.ingest.put, s.stdout)
		go w.Run(ctx)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// httpServer returns the HTTP server of s. A client gets the request timeout to send its
// request, headers within at most 5 s, and the timeout plus 5 s to read the answer; an
// idle connection is closed after a minute. Connections that trickle their request in are
// closed instead of held open.
func (s *server) httpServer() *http.Server {
	timeout := cmp.Or(s.opts.Timeout, schema.DefaultTimeout)
	return &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: min(timeout, 5*time.Second),
		ReadTimeout:       timeout,
		WriteTimeout:      timeout + 5*time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// connect opens the store, retrying with backoff until it answers or ctx ends.
func (s *server) connect(ctx context.Context) {
	wait := time.Second
	for attempt := 1; ; attempt++ {
		st, err := s.cfg.open(ctx)
		if err == nil {
			s.ready(ctx, st)
			return
		}
		s.store.fail(err)
		if attempt == 1 || attempt%10 == 0 {
			s.log.Error("store not ready, retrying", "store", s.cfg.describe(), "attempt", attempt, "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// ready installs an open store and fills it with the samples when it is empty.
func (s *server) ready(ctx context.Context, st graph.Store) {
	s.store.set(st)
	s.log.Info("store ready", "store", s.cfg.describe())
	if !s.samples {
		return
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		s.log.Error("count releases", "err", err)
		return
	}
	if stats.Releases > 0 {
		return
	}
	inputs, err := sampleInputs()
	if err != nil {
		s.log.Error("list samples", "err", err)
		return
	}
	sum := loadAll(ctx, st, inputs, 30*time.Second, s.stdout, s.stdout)
	s.log.Info("loaded samples", "files", sum.files, "loaded", sum.loaded, "failed", sum.failed, "relations", sum.relations)
}

// sampleInputs lists the sample releases embedded in the binary, keyed "samples/NAME".
func sampleInputs() ([]input, error) {
	names, err := fs.Glob(samples.FS, "*.md")
	if err != nil {
		return nil, err
	}
	var inputs []input
	for _, name := range names {
		source := path.Join("samples", name)
		inputs = append(inputs, input{source: source, read: func() (loaders.Document, error) {
			data, err := fs.ReadFile(samples.FS, name)
			if err != nil {
				return loaders.Document{}, &loaders.ParseError{Path: source, Err: err}
			}
			return loaders.Read(source, data)
		}})
	}
	return inputs, nil
}

func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer, s.logRequests)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	r.Get("/readyz", s.readyz)
	// One analyzer for GraphQL and exports, so each graph version is read and held once.
	analyzer := network.New(&s.store)
	opts := s.opts
	opts.Analyzer = analyzer
	opts.Ingest = s.ingest
	r.With(s.authenticate).Handle("/graphql", schema.NewHandler(&s.store, opts))
	r.Method(http.MethodGet, "/schema.graphql", schema.SDL())
	r.Handle("/export/{format}", http.TimeoutHandler(export.NewHandler(analyzer, s.log), cmp.Or(s.opts.Timeout, schema.DefaultTimeout), "export timed out\n"))
	// The dashboard always (it needs no introspection); the IDE unless -public.
	pages := ui.Handler(s.ide)
	r.Handle("/", pages)
	r.Handle("/graphiql", pages)
	r.Handle("/assets/*", pages)
	r.Route("/local", s.localRoutes)
	return r
}

// authenticate names the writer whose token a request carries for the GraphQL handler,
// and answers 401 to a request with a token no writer has. It logs a refusal without the
// token.
func (s *server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := authenticate(r, s.writers)
		if !ok {
			s.log.Warn("request refused: wrong token", "path", r.URL.Path, "remote", r.RemoteAddr,
				"request_id", middleware.GetReqID(r.Context()))
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("WWW-Authenticate", `Bearer realm="egovgraph"`)
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"errors":[{"message":"wrong token: send Authorization: Bearer TOKEN with a token the server was started with, or no Authorization header to read","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}`+"\n")
			return
		}
		if name != "" {
			r = r.WithContext(schema.WithWriter(r.Context(), name))
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "not ready: %s\n", graph.ErrorMessage(err))
		return
	}
	io.WriteString(w, "ready\n")
}

// logRequests writes one log line per request.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		start := time.Now()
		next.ServeHTTP(ww, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", ww.Status(),
			"bytes", ww.BytesWritten(), "duration", time.Since(start).Round(time.Microsecond),
			"request_id", middleware.GetReqID(r.Context()))
	})
}

// envBool returns the boolean environment variable key, or def when it is unset, and an
// error for a value that is not a boolean.
func envBool(key string, def bool) (bool, error) {
	v := env(key, "")
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return def, fmt.Errorf("%s=%q: want true or false: %w", key, v, errUsage)
	}
	return b, nil
}
