package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
)

// A running "egovgraph serve" holds the embedded store's data file, which one process at a
// time can open. It says where it listens in a file beside the data file, readable by its
// user only, with a token made for this run; load and export on the same data directory
// find it there and hand their work to the server over /local, so that the user need not
// know.
const serverFileName = "serve.json"

// serverInfo is what the server file holds.
type serverInfo struct {
	URL   string `json:"url"`
	PID   int    `json:"pid"`
	Token string `json:"token"`
}

// writeServerFile writes the server file into dir and returns a function that removes it.
func writeServerFile(dir, url string) (token string, remove func(), err error) {
	info := serverInfo{URL: url, PID: os.Getpid(), Token: rand.Text()}
	data, _ := json.Marshal(info)
	path := filepath.Join(dir, serverFileName)
	tmp, err := os.CreateTemp(dir, "."+serverFileName+".*")
	if err != nil {
		return "", nil, fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path) // CreateTemp made it 0600
	}
	if err != nil {
		return "", nil, fmt.Errorf("write %s: %w", path, err)
	}
	return info.Token, func() {
		// Another server may have taken the directory over since: remove only ours.
		if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, data) {
			os.Remove(path)
		}
	}, nil
}

// serverClient hands releases and exports to a running server.
type serverClient struct {
	base, token string
	http        *http.Client
}

// findServer returns a client of the server running on the data directory dir, or nil
// when none runs there (no server file, or its server does not answer).
func findServer(ctx context.Context, dir string) *serverClient {
	data, err := os.ReadFile(filepath.Join(dir, serverFileName))
	if err != nil {
		return nil
	}
	var info serverInfo
	if json.Unmarshal(data, &info) != nil || info.URL == "" {
		return nil
	}
	c := &serverClient{base: info.URL, token: info.Token, http: &http.Client{Timeout: 2 * time.Minute}}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	resp, err := c.do(ctx, http.MethodGet, "/healthz", nil)
	if err != nil {
		return nil
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return c
}

// do sends a request to the server with the run's token.
func (c *serverClient) do(ctx context.Context, method, path string, body any) (*http.Response, error) {
	var r io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	return c.http.Do(req)
}

// call sends body and decodes the answer into out, or returns the server's error.
func (c *serverClient) call(ctx context.Context, method, path string, body, out any) error {
	resp, err := c.do(ctx, method, path, body)
	if err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "egovgraph serve at %s: %v", c.base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e localError
		if json.NewDecoder(resp.Body).Decode(&e) != nil || e.Message == "" {
			return graph.Errorf(graph.EINTERNAL, "egovgraph serve at %s: %s", c.base, resp.Status)
		}
		return &graph.Error{Code: e.Code, Message: e.Message}
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *serverClient) put(ctx context.Context, doc loaders.Document) (summary, error) {
	var s summary
	err := c.call(ctx, http.MethodPost, "/local/releases", doc, &s)
	return s, err
}

func (c *serverClient) stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := c.call(ctx, http.MethodGet, "/local/stats", nil, &st)
	return st, err
}

func (c *serverClient) close() error { return nil }

// localError is the body of a /local answer that failed.
type localError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// maxDocument bounds the body of POST /local/releases: a document holds at most the text
// of a file of loaders.MaxFileSize, which JSON may escape to twice its size.
const maxDocument = 2*loaders.MaxFileSize + 1<<20

// localRoutes answers the load and export commands of the same data directory.
// Only the holder of the run's token, the user who can read the data directory, may use
// them.
func (s *server) localRoutes(r chi.Router) {
	r.Use(s.requireLocal)
	r.Post("/releases", func(w http.ResponseWriter, r *http.Request) {
		var doc loaders.Document
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxDocument)).Decode(&doc); err != nil {
			writeLocal(w, s.log, nil, graph.Errorf(graph.EINVALID, "read document: %v", err))
			return
		}
		if doc.Source == "" {
			writeLocal(w, s.log, nil, graph.Errorf(graph.EINVALID, "document without source"))
			return
		}
		res, err := s.ingest.put(r.Context(), doc)
		if err == nil {
			s.log.Info("release loaded", "source", res.Source, "changed", res.Changed, "by", "egovgraph load")
		}
		writeLocal(w, s.log, res, err)
	})
	r.Get("/corrections", func(w http.ResponseWriter, r *http.Request) {
		cs, err := s.store.Corrections(r.Context())
		writeLocal(w, s.log, cs, err)
	})
	r.Post("/corrections", func(w http.ResponseWriter, r *http.Request) {
		var c graph.Correction
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxCorrectionLine)).Decode(&c); err != nil {
			writeLocal(w, s.log, nil, graph.Errorf(graph.EINVALID, "read correction: %v", err))
			return
		}
		changed, err := s.store.PutCorrection(r.Context(), c)
		writeLocal(w, s.log, changed, err)
	})
	r.Get("/stats", func(w http.ResponseWriter, r *http.Request) {
		st, err := s.store.Stats(r.Context())
		writeLocal(w, s.log, st, err)
	})
}

// writeLocal answers a /local request with v, or with err and the status its code means.
func writeLocal(w http.ResponseWriter, log *slog.Logger, v any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err == nil {
		json.NewEncoder(w).Encode(v)
		return
	}
	code := graph.ErrorCode(err)
	status := map[string]int{graph.EINVALID: 400, graph.ENOTFOUND: 404, graph.ECONFLICT: 409, graph.EUNAVAILABLE: 503}[code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	msg := graph.ErrorMessage(err)
	var ge *graph.Error
	if !errors.As(err, &ge) {
		log.Error("local request failed", "err", err)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(localError{Code: code, Message: msg})
}

// requireLocal refuses a request without the run's token.
func (s *server) requireLocal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.localToken == "" || !tokenEqual(bearer(r), s.localToken) {
			s.log.Warn("local request refused: wrong or missing token", "path", r.URL.Path, "remote", r.RemoteAddr)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(localError{Code: graph.EUNAUTHORIZED, Message: "wrong or missing token: /local is for egovgraph load and export on the server's data directory"})
			return
		}
		next.ServeHTTP(w, r)
	})
}
