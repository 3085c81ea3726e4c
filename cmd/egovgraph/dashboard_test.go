package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var docsShots = flag.Bool("docs", false, "rewrite the dashboard screenshots in docs/")

// chromium returns the path of the headless browser the dashboard tests drive: Debian's
// chromium, or EGOVGRAPH_CHROMIUM. Without one the test is skipped, and fails with CI=true.
func chromium(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv("EGOVGRAPH_CHROMIUM")
	if path == "" {
		path, _ = exec.LookPath("chromium")
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("no chromium on PATH (and EGOVGRAPH_CHROMIUM unset); .ci/run installs Debian's chromium")
		}
		tb.Skip("no chromium on PATH (apt-get install chromium, or set EGOVGRAPH_CHROMIUM)")
	}
	return path
}

// browserTab starts a headless Chromium with a fresh profile and returns a tab's context;
// the browser stops when the test ends.
func browserTab(tb testing.TB, width, height int) context.Context {
	tb.Helper()
	// Not tb.TempDir: Chromium's helper processes may still write to the profile for a moment
	// after the browser is gone, so the directory is removed with retries.
	profile, err := os.MkdirTemp("", "egovgraph-chromium-")
	if err != nil {
		tb.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(tb)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// WebGL on the CPU: headless and without a GPU, Chromium needs this to draw sigma.js.
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// This chromedp's protocol types predate some of the browser's enum values (an address
	// space "Loopback"): such events are dropped, which the tests do not rely on.
	logf := func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "could not unmarshal event") {
			tb.Log(msg)
		}
	}
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithErrorf(logf))
	tb.Cleanup(func() {
		chromedp.Cancel(ctx)
		cancelTab()
		cancelAlloc()
		for i := 0; ; i++ {
			err := os.RemoveAll(profile)
			if err == nil {
				return
			}
			if i == 20 {
				tb.Errorf("remove the browser profile: %v", err)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// pageLog records what a page requested and what went wrong in it.
type pageLog struct {
	mu       sync.Mutex
	requests []string
	errors   []string
}

func (l *pageLog) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.requests = append(l.requests, ev.Request.URL)
		case *runtime.EventExceptionThrown:
			l.errors = append(l.errors, ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				l.errors = append(l.errors, "console.error "+strings.Join(args, " "))
			}
		}
	})
}

// check fails the test for a request to anywhere but base and for errors in the page.
func (l *pageLog) check(t *testing.T, base string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.requests) == 0 {
		t.Error("no request recorded: the network log is not working")
	}
	for _, u := range l.requests {
		if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("the page requested %s: only %s may be asked", u, base)
		}
	}
	for _, e := range l.errors {
		t.Errorf("error in the page: %s", e)
	}
}

// waitText waits until the element sel exists and its text contains want.
func waitText(sel, want string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var got string
		for {
			err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel), &got))
			if err != nil {
				return err
			}
			if strings.Contains(got, want) {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s: text %q does not contain %q: %w", sel, got, want, ctx.Err())
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// waitGone waits until no element matches sel.
func waitGone(sel string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for {
			var n int
			if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n)); err != nil {
				return err
			}
			if n == 0 {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s still there: %w", sel, ctx.Err())
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// step limits one step of a test to a minute, so that a page that never gets there fails
// soon; the browser lives on for the next step.
func step(ctx context.Context, t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func attr(ctx context.Context, t *testing.T, sel, name string) string {
	t.Helper()
	var v string
	var ok bool
	if err := chromedp.Run(ctx, chromedp.AttributeValue(sel, name, &v, &ok, chromedp.ByQuery)); err != nil || !ok {
		t.Fatalf("attribute %s of %s: %v (present %v)", name, sel, err, ok)
	}
	return v
}

func screenshot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	var buf []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&buf)); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name), buf, 0o644); err != nil {
		t.Fatal(err)
	}
	if *docsShots {
		if err := os.WriteFile(filepath.Join("..", "..", "docs", name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDashboard walks through the dashboard on the samples in a real headless Chromium, as a
// user would: search, details with evidence, the time slider, a path, the exports, and an
// accessibility check.
func TestDashboard(t *testing.T) {
	base := startServer(t)
	ctx := browserTab(t, 1400, 900)
	var log pageLog
	log.listen(ctx)
	// What the API says of the cooperation, to find it on the page.
	const coop = "COOPERATES_WITH:state:bayern>state:brandenburg"
	var rel struct {
		Relations struct {
			Edges []struct {
				Node struct {
					ID       string
					Evidence []struct{ Sentence, Date string }
				}
			}
		}
	}
	postQuery(t, base, `{ relations(type: COOPERATES_WITH, from: "state:bayern", to: "state:brandenburg") {
		edges { node { id evidence { sentence date } } } } }`, nil, &rel)
	if len(rel.Relations.Edges) != 1 || rel.Relations.Edges[0].Node.ID != coop || len(rel.Relations.Edges[0].Node.Evidence) == 0 {
		t.Fatalf("the samples lack the cooperation %s: %+v", coop, rel)
	}
	ev := rel.Relations.Edges[0].Node.Evidence[0]
	if ev.Date != "2020-12-09" {
		t.Fatalf("evidence date %s, want 2020-12-09", ev.Date)
	}

	var join struct {
		Relations struct {
			Edges []struct {
				Node struct{ Evidence []struct{ Sentence string } }
			}
		}
	}
	postQuery(t, base, `{ relations(type: MEMBER_OF, from: "state:brandenburg", to: "org:govdigital") {
		edges { node { evidence { sentence } } } } }`, nil, &join)
	if len(join.Relations.Edges) != 1 || len(join.Relations.Edges[0].Node.Evidence) == 0 {
		t.Fatalf("the samples lack Brandenburg's membership in govdigital: %+v", join)
	}
	joinSentence := join.Relations.Edges[0].Node.Evidence[0].Sentence

	var allEdges string
	err := chromedp.Run(step(ctx, t),
		network.Enable(),
		runtime.Enable(),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.AttributeValue("#graph", "data-edges", &allEdges, nil, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("load the dashboard: %v", err)
	}
	all, _ := strconv.Atoi(allEdges)
	if all == 0 {
		t.Fatalf("the network shows %q relations, want the samples'", allEdges)
	}

	t.Run("SearchAndDetails", func(t *testing.T) {
		coopItem := fmt.Sprintf(`#details li[data-relation=%q]`, coop)
		err := chromedp.Run(step(ctx, t),
			chromedp.SendKeys("#search", "Brandenburg", chromedp.ByID),
			chromedp.WaitVisible(`#search-hits[data-for="Brandenburg"] li[data-id="state:brandenburg"]`, chromedp.ByQuery),
			chromedp.SendKeys("#search", kb.ArrowDown+kb.Enter, chromedp.ByID),
			waitText("#details-h", "Brandenburg (Land)"),
			waitText(coopItem, "Bayern"),
			waitText(coopItem, ev.Sentence),
			waitText(coopItem, "9.12.2020"),
			waitText("#details", "DE-BB"),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got := attr(ctx, t, "body", "data-layout"); got != "settled" {
			// Not a failure of its own: the layout runs on after the first frame.
			t.Logf("layout %q when the panel opened", got)
		}
		screenshot(ctx, t, "dashboard.png")
		if q := attr(ctx, t, "#export-graphml", "href"); !strings.Contains(q, "export/graphml") {
			t.Errorf("GraphML link %q", q)
		}
		var url string
		chromedp.Run(ctx, chromedp.Location(&url))
		if !strings.Contains(url, "sel=state%3Abrandenburg") {
			t.Errorf("the URL %s does not hold the selection", url)
		}
	})

	t.Run("TimeSlider", func(t *testing.T) {
		coopItem := fmt.Sprintf(`#details li[data-relation=%q]`, coop)
		err := chromedp.Run(step(ctx, t),
			chromedp.Focus("#asof", chromedp.ByID),
			chromedp.KeyEvent(kb.Home),
			waitText("#asof-out", "29.5.2018"),
			waitGone(coopItem),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := strconv.Atoi(attr(ctx, t, "#graph", "data-edges")); got == 0 || got >= all {
			t.Errorf("relations shown on 2018-05-29: %d, want fewer than %d and some", got, all)
		}
		// The export of the view is the network as it stood then: without the cooperation.
		href := attr(ctx, t, "#export-graphml", "href")
		if !strings.Contains(href, "asOf=2018-05-29") {
			t.Fatalf("GraphML link %q lacks asOf", href)
		}
		body := get(t, base+"/"+href)
		if strings.Contains(body, `target="state:brandenburg"`) || !strings.Contains(body, "state:hamburg") {
			t.Errorf("GraphML as of 2018-05-29 holds the wrong relations:\n%s", body)
		}
		var url string
		chromedp.Run(ctx, chromedp.Location(&url))
		if !strings.Contains(url, "asOf=2018-05-29") {
			t.Errorf("the URL %s does not hold the date", url)
		}
		// Back to today: the cooperation is there again.
		if err := chromedp.Run(step(ctx, t), chromedp.KeyEvent(kb.End), waitText("#asof-out", "heute"), waitText(coopItem, "Bayern")); err != nil {
			t.Fatal(err)
		}
		if got := attr(ctx, t, "#graph", "data-edges"); got != allEdges {
			t.Errorf("relations shown today: %s, want %s", got, allEdges)
		}
	})

	t.Run("Path", func(t *testing.T) {
		err := chromedp.Run(step(ctx, t),
			chromedp.SetValue("#path-from", "state:brandenburg", chromedp.ByID),
			chromedp.SetValue("#path-to", "org:govdigital", chromedp.ByID),
			chromedp.Click(`#path-form button[type="submit"]`, chromedp.ByQuery),
			waitText("#details-h", "Brandenburg → govdigital"),
			waitText(`#details li[data-path="state:brandenburg org:govdigital"]`, joinSentence),
		)
		if err != nil {
			t.Fatal(err)
		}
		screenshot(ctx, t, "dashboard-path.png")
	})

	t.Run("ExportPNG", func(t *testing.T) {
		dir := t.TempDir()
		done := make(chan string, 1)
		chromedp.ListenTarget(ctx, func(ev any) {
			if p, ok := ev.(*browser.EventDownloadProgress); ok && p.State == browser.DownloadProgressStateCompleted {
				select {
				case done <- p.GUID:
				default:
				}
			}
		})
		err := chromedp.Run(step(ctx, t),
			browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(dir).WithEventsEnabled(true),
			chromedp.Click("#export-png", chromedp.ByID),
		)
		if err != nil {
			t.Fatal(err)
		}
		var guid string
		select {
		case guid = <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("no PNG downloaded within 20 s")
		}
		data, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("the export is not a PNG: %v", err)
		}
		b := img.Bounds()
		coloured := 0
		for y := b.Min.Y; y < b.Max.Y; y += 2 {
			for x := b.Min.X; x < b.Max.X; x += 2 {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r < 0xc000 || g < 0xc000 || bl < 0xc000 {
					coloured++
				}
			}
		}
		if b.Dx() < 200 || b.Dy() < 200 || coloured < 100 {
			t.Errorf("PNG %dx%d with %d drawn pixels: want the network drawn", b.Dx(), b.Dy(), coloured)
		}
		if err := os.WriteFile(filepath.Join(t.ArtifactDir(), "export.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Accessibility", func(t *testing.T) {
		axe, err := os.ReadFile(filepath.Join("..", "..", "web", "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("axe-core: %v (scripts/web.sh installs it with npm ci)", err)
			}
			t.Skipf("axe-core not installed (cd web && npm ci): %v", err)
		}
		// The details panel open, so that its content is checked too.
		if err := chromedp.Run(step(ctx, t),
			chromedp.SendKeys("#search", kb.Escape, chromedp.ByID),
			chromedp.Evaluate(`document.querySelector("#search").value = ""`, nil),
			chromedp.SendKeys("#search", "Bayern", chromedp.ByID),
			chromedp.WaitVisible(`#search-hits[data-for="Bayern"] li[data-id="state:bayern"]`, chromedp.ByQuery),
			chromedp.SendKeys("#search", kb.Enter, chromedp.ByID),
			waitText("#details-h", "Bayern (Land)"),
		); err != nil {
			t.Fatal(err)
		}
		var violations []struct {
			ID, Impact, Help string
			Nodes            []struct{ Target []string }
		}
		run := string(axe) + `; axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({target: n.target.map(String)}))})))`
		err = chromedp.Run(ctx, chromedp.Evaluate(run, &violations, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}))
		if err != nil {
			t.Fatalf("axe: %v", err)
		}
		for _, v := range violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("axe %s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
			} else {
				t.Logf("axe %s (%s): %s", v.ID, v.Impact, v.Help)
			}
		}
	})

	t.Run("English", func(t *testing.T) {
		if err := chromedp.Run(step(ctx, t), chromedp.Click("#lang", chromedp.ByID), waitText("#filters-h", "Filters")); err != nil {
			t.Fatal(err)
		}
		if got := attr(ctx, t, "html", "lang"); got != "en" {
			t.Errorf("html lang %q after the switch, want en", got)
		}
	})

	log.check(t, base)
}

// TestIDE checks that GraphiQL is served from the binary and runs a query with no network.
func TestIDE(t *testing.T) {
	base := startServer(t)
	ctx := browserTab(t, 1200, 800)
	var log pageLog
	log.listen(ctx)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Run(step(ctx, t),
		network.Enable(),
		runtime.Enable(),
		chromedp.Navigate(base+"/graphiql"),
		chromedp.WaitVisible(".graphiql-container", chromedp.ByQuery),
		// The IDE asks the schema first; its explorer then knows the Query type.
		chromedp.Click(`button[aria-label="Show Documentation Explorer"]`, chromedp.ByQuery),
		waitText(".graphiql-doc-explorer", "Query"),
	)
	if err != nil {
		t.Fatal(err)
	}
	log.check(t, base)
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}
