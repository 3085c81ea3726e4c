package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
)

// page is a press release page as press offices publish them: navigation, a cookie note,
// scripts, the release, a footer; its date only in the metadata.
func page(title, nav string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>%s | Staatskanzlei Musterland</title>
<meta property="article:published_time" content="2024-03-03T10:15:00+01:00">
<script>window.dataLayer = [{"page": "pressemitteilung"}]; function track() { return "Tracking-Skript"; }</script>
</head><body>
<header class="site-header"><a href="/">Staatskanzlei Musterland</a></header>
<nav class="main-navigation"><ul>%s</ul></nav>
<div class="cookie-banner">Wir verwenden Cookies. Einverstanden?</div>
<main><article><h1>%s</h1>`, title, nav, title)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article></main>
<aside class="sidebar"><h2>Weitere Meldungen</h2><ul><li><a href="/pm/alt">Ältere Meldung aus dem Archiv</a></li></ul></aside>
<footer>Impressum · Datenschutz · Barrierefreiheit</footer>
<script>track();</script></body></html>`)
	return b.String()
}

const navigation = `<li><a href="/">Startseite</a></li><li><a href="/presse">Presse</a></li><li><a href="/kontakt">Kontakt</a></li>`

var sachsenParagraphs = []string{
	"Der Freistaat Sachsen ist neues Mitglied der Genossenschaft govdigital. Die Landesregierung hat den Beitritt am Dienstag beschlossen.",
	"Sachsen und Hessen arbeiten künftig bei der Registermodernisierung eng zusammen. Beide Länder wollen ihre Register schneller an die gemeinsame Infrastruktur anschließen.",
	"Mit dem Beitritt gehören der Genossenschaft nun zahlreiche Länder und kommunale IT-Dienstleister an, die gemeinsam Anwendungen für die öffentliche Verwaltung entwickeln und betreiben.",
}

// site is the loopback server of the test: pages, an RSS and an Atom feed whose items
// grow between polls, a feed that fails once, and an item too slow to answer.
type site struct {
	*httptest.Server
	mu          sync.Mutex
	rssItems    []string // paths
	atomItems   []string
	notModified int      // 304s answered
	agents      []string // User-Agent of every request
	times       []time.Time
	brokenOnce  bool
	nav         string
}

func newSite(t *testing.T) *site {
	s := &site{nav: navigation}
	mux := http.NewServeMux()
	mux.HandleFunc("/pm/{name}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		nav := s.nav
		s.mu.Unlock()
		name := r.PathValue("name")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Pressemitteilung "+name+": Sachsen tritt govdigital bei", nav, sachsenParagraphs...))
	})
	mux.HandleFunc("/slow/{name}", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		items := append([]string(nil), s.rssItems...)
		s.mu.Unlock()
		etag := fmt.Sprintf(`"rss-%d"`, len(items))
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Presse</title><link>/</link><description>Pressemitteilungen</description>`)
		for _, p := range items {
			fmt.Fprintf(w, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>Sun, 03 Mar 2024 10:00:00 +0100</pubDate></item>", p, p, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/feed.atom", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		items := append([]string(nil), s.atomItems...)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Presse</title><id>urn:presse</id><updated>2024-03-03T10:00:00Z</updated>`)
		for _, p := range items {
			fmt.Fprintf(w, `<entry><title>%s</title><id>urn:%s</id><link rel="alternate" href="%s"/><updated>2024-03-03T10:00:00Z</updated></entry>`, p, p, p)
		}
		fmt.Fprint(w, `</feed>`)
	})
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		broken := !s.brokenOnce
		s.brokenOnce = true
		s.mu.Unlock()
		if broken {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><link>/pm/repariert</link></item></channel></rss>`)
	})
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		s.times = append(s.times, time.Now())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// testClient is a Client with short limits, so that the test waits little.
func testClient(interval time.Duration) *Client {
	c := New()
	c.HostInterval = interval
	c.HTTP.Timeout = 500 * time.Millisecond
	return c
}

func TestPageKeepsTheReleaseAndItsMetadataDate(t *testing.T) {
	s := newSite(t)
	c := testClient(0)
	doc, err := c.Page(t.Context(), s.URL+"/pm/sachsen")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != s.URL+"/pm/sachsen" {
		t.Errorf("Source = %q, want the URL", doc.Source)
	}
	if doc.Title != "Pressemitteilung sachsen: Sachsen tritt govdigital bei" {
		t.Errorf("Title = %q, want the headline", doc.Title)
	}
	if doc.Date != "2024-03-03" {
		t.Errorf("Date = %q, want 2024-03-03 from article:published_time", doc.Date)
	}
	for _, p := range sachsenParagraphs {
		if !strings.Contains(doc.Body, p) {
			t.Errorf("Body lacks the paragraph %q:\n%s", p, doc.Body)
		}
	}
	for _, furniture := range []string{"Startseite", "Kontakt", "Cookies", "Tracking-Skript", "dataLayer", "Impressum", "Weitere Meldungen"} {
		if strings.Contains(doc.Body, furniture) || strings.Contains(doc.Title, furniture) {
			t.Errorf("the document holds page furniture %q:\n%s", furniture, doc.Body)
		}
	}
	// The same release with other navigation around it is the same text.
	s.mu.Lock()
	s.nav = `<li><a href="/neu">Neu im Angebot</a></li>`
	s.mu.Unlock()
	again, err := c.Page(t.Context(), s.URL+"/pm/sachsen")
	if err != nil {
		t.Fatal(err)
	}
	if again.Hash != doc.Hash {
		t.Errorf("the page with other navigation hashes %s, want %s as before", again.Hash, doc.Hash)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ua := range s.agents {
		if ua != UserAgent || !strings.Contains(ua, "egovgraph") {
			t.Errorf("User-Agent %q, want %q", ua, UserAgent)
		}
	}
}

func TestClientRefusesWhatIsNotPolite(t *testing.T) {
	s := newSite(t)
	c := testClient(0)
	ctx := t.Context()
	for _, tt := range []struct{ url, want string }{
		{"file:///etc/passwd", "want an http or https URL"},
		{"ftp://example.org/pm.html", "want an http or https URL"},
		{s.URL + "/redirect/0", "more than 5 redirects"},
		{s.URL + "/to-file", "only http and https"},
		{s.URL + "/slow/x", "Timeout"},
		{s.URL + "/nowhere", "404"},
	} {
		_, err := c.Page(ctx, tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Page(%s): %v, want an error with %q", tt.url, err, tt.want)
		}
	}
	c.MaxPageSize = 1000
	if _, err := c.Page(ctx, s.URL+"/pm/gross"); err == nil || !strings.Contains(err.Error(), "1000") {
		t.Errorf("a page over the size limit: %v, want an error naming the limit", err)
	}
	_, err := c.Page(ctx, "file:///etc/passwd")
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Page(file URL): code %q, want %q", graph.ErrorCode(err), graph.EINVALID)
	}
}

func TestClientWaitsBetweenRequestsToOneHost(t *testing.T) {
	s := newSite(t)
	const interval, requests = 100 * time.Millisecond, 4
	c := testClient(interval)
	for i := range requests {
		if _, err := c.Page(t.Context(), fmt.Sprintf("%s/pm/%d", s.URL, i)); err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// The client starts the requests an interval apart; they arrive with some jitter, so
	// the span from first to last is checked, with room for that jitter.
	if len(s.times) != requests {
		t.Fatalf("%d requests arrived, want %d", len(s.times), requests)
	}
	span, want := s.times[requests-1].Sub(s.times[0]), (requests-1)*interval
	if span < want-50*time.Millisecond {
		t.Errorf("%d requests to one host within %s, want them %s apart: %s at least", requests, span, interval, want)
	}
}

func TestWatcherLoadsEachItemOnce(t *testing.T) {
	s := newSite(t)
	s.rssItems = []string{"/pm/eins", "/slow/zwei"}
	s.atomItems = []string{s.URL + "/pm/drei"}
	var mu sync.Mutex
	loaded := map[string]int{}
	w := &Watcher{
		Client: testClient(0),
		Feeds:  []string{s.URL + "/feed.rss", s.URL + "/feed.atom", s.URL + "/broken.rss"},
		Put: func(_ context.Context, doc loaders.Document) error {
			mu.Lock()
			defer mu.Unlock()
			loaded[doc.Source]++
			return nil
		},
	}
	ctx := t.Context()

	n, errs := w.Poll(ctx)
	if n != 2 {
		t.Errorf("first poll loaded %d items, want 2 (the slow one fails)", n)
	}
	if len(errs) != 2 || !strings.Contains(fmt.Sprint(errs), "/slow/zwei") || !strings.Contains(fmt.Sprint(errs), "500") {
		t.Errorf("first poll errors %v, want the slow item and the feed answering 500", errs)
	}

	// New items appear between polls; the unchanged RSS feed answers 304.
	s.mu.Lock()
	s.atomItems = append(s.atomItems, s.URL+"/pm/vier")
	s.mu.Unlock()
	n, errs = w.Poll(ctx)
	if n != 2 { // vier, and the item of the feed that failed before
		t.Errorf("second poll loaded %d items, want 2: %v", n, errs)
	}
	s.mu.Lock()
	notModified := s.notModified
	s.rssItems = append(s.rssItems, "/pm/fuenf")
	s.mu.Unlock()
	if notModified != 1 {
		t.Errorf("the unchanged RSS feed was answered 304 %d times, want 1", notModified)
	}
	n, _ = w.Poll(ctx)
	if n != 1 {
		t.Errorf("third poll loaded %d items, want 1 (fuenf)", n)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range []string{"/pm/eins", "/pm/drei", "/pm/vier", "/pm/repariert", "/pm/fuenf"} {
		if got := loaded[s.URL+p]; got != 1 {
			t.Errorf("item %s loaded %d times, want once", p, got)
		}
	}
	if len(loaded) != 5 {
		t.Errorf("loaded %v, want exactly the five items", loaded)
	}
}

// A page without semantic markup: readability tells the release from the link lists
// around it, which carry no class or element that names them.
func TestDocumentWithoutSemanticMarkup(t *testing.T) {
	p := `<html><head><title>Staatskanzlei Musterland</title></head><body><div><div><a href="/">Startseite</a> <a href="/p">Presse</a> <a href="/k">Kontakt</a> <a href="/a">Aktuelles aus dem Land</a></div>
<div><h1>Sachsen tritt govdigital bei</h1><p>` + strings.Join(sachsenParagraphs, "</p><p>") + `</p></div>
<div>Folgen Sie uns: <a href="/tw">Mastodon</a> <a href="/fb">Facebook</a> <a href="/in">Instagram</a></div></div></body></html>`
	u, _ := url.Parse("https://example.org/pm/sachsen")
	doc, err := Document(u, []byte(p))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Sachsen tritt govdigital bei" {
		t.Errorf("Title = %q, want the <h1>", doc.Title)
	}
	if !strings.HasPrefix(doc.Body, sachsenParagraphs[0]) {
		t.Errorf("Body does not start with the release's first paragraph:\n%s", doc.Body)
	}
	for _, furniture := range []string{"Startseite", "Aktuelles aus dem Land", "Facebook", "Folgen Sie uns"} {
		if strings.Contains(doc.Body, furniture) {
			t.Errorf("Body holds %q:\n%s", furniture, doc.Body)
		}
	}
}
