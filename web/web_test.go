package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/web"
)

func TestHandler(t *testing.T) {
	tests := []struct {
		method, path string
		ide          bool
		status       int
		contentType  string
		body         string
	}{
		{"GET", "/", true, 200, "text/html", `src="assets/dashboard.js"`},
		{"GET", "/", false, 200, "text/html", `src="assets/dashboard.js"`},
		{"GET", "/graphiql", true, 200, "text/html", `src="assets/graphiql.js"`},
		{"GET", "/graphiql", false, 404, "", ""},
		{"GET", "/assets/dashboard.js", true, 200, "text/javascript", ""},
		{"GET", "/assets/dashboard.css", true, 200, "text/css", ""},
		{"GET", "/assets/graphiql.css", true, 200, "text/css", ""},
		{"GET", "/assets/index.html", true, 404, "", ""},
		{"GET", "/assets/missing.js", true, 404, "", ""},
		{"GET", "/assets/../web.go", true, 404, "", ""},
		{"GET", "/elsewhere", true, 404, "", ""},
		{"POST", "/", true, 405, "", ""},
	}
	for _, tt := range tests {
		w := httptest.NewRecorder()
		web.Handler(tt.ide).ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
		if w.Code != tt.status {
			t.Errorf("%s %s (ide %v): status %d, want %d", tt.method, tt.path, tt.ide, w.Code, tt.status)
			continue
		}
		if tt.status != http.StatusOK {
			continue
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
			t.Errorf("%s: Content-Type %q, want %s", tt.path, ct, tt.contentType)
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: Content-Security-Policy %q lets the page load from elsewhere", tt.path, csp)
		}
		if !strings.Contains(w.Body.String(), tt.body) {
			t.Errorf("%s: body lacks %q", tt.path, tt.body)
		}
	}
}

// TestNoRemoteReferences fails when a page or its stylesheet names a resource on another host,
// which a browser would fetch: everything comes from the binary.
func TestNoRemoteReferences(t *testing.T) {
	for _, path := range []string{"/", "/graphiql", "/assets/dashboard.css", "/assets/graphiql.css"} {
		w := httptest.NewRecorder()
		web.Handler(true).ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		body := w.Body.String()
		for _, bad := range []string{`src="http`, `href="http`, `src="//`, `href="//`, "url(http", "url(//", "@import"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s refers to another host: %q", path, bad)
			}
		}
	}
}
