package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
)

// pressPage is a press release page with navigation, scripts and its date only in the
// metadata.
func pressPage(headline, text string) string {
	return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>` + headline + ` | Landesportal</title>
<meta property="article:published_time" content="2024-03-03T09:00:00+01:00">
<script>var tracking = "Zählpixel";</script></head><body>
<nav><a href="/">Startseite</a> <a href="/presse">Presse</a></nav>
<main><article><h1>` + headline + `</h1><p>` + text + `</p>
<p>Die Genossenschaft entwickelt und betreibt gemeinsam mit ihren Mitgliedern Anwendungen für die öffentliche Verwaltung in Bund, Ländern und Kommunen.</p></article></main>
<footer>Impressum</footer></body></html>`
}

// pressSite serves one page at /pm and counts the requests.
func pressSite(t *testing.T, headline, text string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/pm" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pressPage(headline, text))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// feedSite serves an RSS feed of the given item URLs at /feed.rss.
func feedSite(t *testing.T, items ...string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Presse</title>`)
		for _, it := range items {
			fmt.Fprintf(w, "<item><title>PM</title><link>%s</link></item>", it)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLoadURLKeepsItAsSource(t *testing.T) {
	page := pressSite(t, "Sachsen tritt govdigital bei", "Der Freistaat Sachsen ist neues Mitglied der Genossenschaft govdigital.")
	url := page.URL + "/pm"
	data := filepath.Join(t.TempDir(), "data")
	code, stdout, stderr := runCmd(t, "load", "-data", data, url)
	if code != 0 || !strings.Contains(stdout, url+": loaded, 2024-03-03") {
		t.Fatalf("load %s: exit %d\n%s%s", url, code, stdout, stderr)
	}
	code, stdout, _ = runCmd(t, "load", "-data", data, url)
	if code != 0 || !strings.Contains(stdout, url+": unchanged") {
		t.Errorf("load of the unchanged page again: exit %d\n%s", code, stdout)
	}
	store, err := bolt.Open(filepath.Join(data, "egovgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	rels, err := store.Relations(context.Background(), graphFilterEntity("state:sachsen"))
	if err != nil || len(rels.Items) == 0 || rels.Items[0].Evidence[0].Source != url {
		t.Errorf("relations of Sachsen: %+v, %v; want evidence whose source is %s", rels.Items, err, url)
	}
}

func TestWatchOnceLoadsTheItems(t *testing.T) {
	a := pressSite(t, "Sachsen tritt govdigital bei", "Der Freistaat Sachsen ist neues Mitglied der Genossenschaft govdigital.")
	b := pressSite(t, "Hessen tritt govdigital bei", "Das Land Hessen ist neues Mitglied der Genossenschaft govdigital.")
	feed := feedSite(t, a.URL+"/pm", b.URL+"/pm")
	data := filepath.Join(t.TempDir(), "data")
	code, stdout, stderr := runCmd(t, "watch", "-once", "-data", data, feed.URL+"/feed.rss")
	if code != 0 {
		t.Fatalf("watch -once: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, u := range []string{a.URL + "/pm: loaded", b.URL + "/pm: loaded"} {
		if !strings.Contains(stdout, u) {
			t.Errorf("watch -once printed %q, want %q", stdout, u)
		}
	}
	if st := mustStats(t, data); st.Releases != 2 {
		t.Errorf("after watching a feed of two items: %d releases, want 2", st.Releases)
	}
	if code, _, _ := runCmd(t, "watch", "-data", data, "-interval", "1s", feed.URL); code != 2 {
		t.Errorf("watch -interval 1s: exit %d, want 2 (too impolite)", code)
	}
}

func TestServeFollowsFeedsAndAddsReleasesByURL(t *testing.T) {
	a := pressSite(t, "Sachsen tritt govdigital bei", "Der Freistaat Sachsen ist neues Mitglied der Genossenschaft govdigital.")
	b := pressSite(t, "Hessen tritt govdigital bei", "Das Land Hessen ist neues Mitglied der Genossenschaft govdigital.")
	feed := feedSite(t, a.URL+"/pm")
	const token = "the-token-of-dora-1"
	base := startServer(t, "-samples=false", "-feeds", feed.URL+"/feed.rss", "-token", "dora:"+token)

	deadline := time.Now().Add(10 * time.Second)
	for {
		r := postQuery(t, base, `{ releases { edges { node { source date } } } }`, nil, nil)
		if strings.Contains(string(r.Data), a.URL+"/pm") {
			if !strings.Contains(string(r.Data), "2024-03-03") {
				t.Errorf("the release from the feed: %s, want dated 2024-03-03", r.Data)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the feed's item is not among the releases within 10 s: %s", r.Data)
		}
		time.Sleep(50 * time.Millisecond)
	}

	status, r := postAs(t, base, "Bearer "+token, `mutation($u: String!) { addRelease(input: {url: $u}) { changed release { source date } } }`, map[string]any{"u": b.URL + "/pm"})
	if status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"source":"`+b.URL+`/pm"`) {
		t.Errorf("addRelease(url): status %d, %s %+v", status, r.Data, r.Errors)
	}
	_, r = postAs(t, base, "Bearer "+token, `mutation { addRelease(input: {url: "file:///etc/passwd"}) { changed } }`, nil)
	if code(r) != "INVALID" {
		t.Errorf("addRelease of a file URL: %+v, want INVALID", r.Errors)
	}
}

func graphFilterEntity(id string) graph.RelationFilter { return graph.RelationFilter{Entity: id} }
