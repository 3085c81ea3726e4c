// Package web serves the dashboard and the GraphiQL IDE, built from web/src into web/dist by
// scripts/web.sh and embedded in the binary, so that both work without a network.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed dist
var dist embed.FS

// assets is dist without its folder name.
var assets, _ = fs.Sub(dist, "dist")

// contentSecurity lets a page load only from the server that sent it: no CDN, no remote
// font, no telemetry, even if a dependency tried. Inline styles are allowed because
// sigma.js and GraphiQL set element styles.
const contentSecurity = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Handler serves the dashboard at /, its assets under /assets/ and, when ide is true, the
// GraphiQL IDE at /graphiql. Both pages send their queries to graphql, next to them.
func Handler(ide bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var name string
		switch p := r.URL.Path; {
		case p == "/":
			name = "index.html"
		case p == "/graphiql" && ide:
			name = "graphiql.html"
		case strings.HasPrefix(p, "/assets/") && !strings.HasSuffix(p, ".html"):
			name = strings.TrimPrefix(p, "/assets/")
		default:
			http.NotFound(w, r)
			return
		}
		if !fs.ValidPath(name) {
			http.NotFound(w, r)
			return
		}
		if _, err := fs.Stat(assets, name); err != nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurity)
		h.Set("X-Content-Type-Options", "nosniff")
		// The files change with the binary, and their names do not: revalidate each time.
		h.Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, assets, name)
	})
}
