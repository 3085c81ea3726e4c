package main

import (
	"context"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	cdpinput "github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/bolt"
)

// benchDashboardStore returns the embedded store with the 10,000 synthetic releases: the one
// at EGOVGRAPH_BENCH_STORE (a bolt file, loaded first when it holds no release), so that
// repeated runs skip the load, or else a new one in a temporary directory.
func benchDashboardStore(b *testing.B) graph.Store {
	path := os.Getenv("EGOVGRAPH_BENCH_STORE")
	var s graph.Store
	if path == "" {
		s = openEmbedded(b)
	} else {
		st, err := bolt.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s = st
	}
	stats, err := s.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if stats.Releases == 0 {
		start := time.Now()
		mustLoad(b, s, synthInputs(queryReleases))
		b.Logf("loaded %d releases in %s", queryReleases, time.Since(start).Round(time.Millisecond))
	} else {
		b.Logf("the store at %s holds %d releases", path, stats.Releases)
	}
	return s
}

// BenchmarkDashboard measures the dashboard in a headless Chromium on the graph of 10,000
// synthetic releases: the time from navigation to the first drawn frame (and to the data
// being loaded), and the time between frames while the view is dragged. Run it with
// -benchtime=1x: each iteration loads the page once.
func BenchmarkDashboard(b *testing.B) {
	s := benchDashboardStore(b)
	defer s.Close()
	srv := httptest.NewServer(benchServer(s).routes())
	defer srv.Close()
	tab := browserTab(b, 1400, 900)

	var firstFrame, data, settled, frames, mean, p95, worst float64
	for range b.N {
		ctx, cancel := context.WithTimeout(tab, 5*time.Minute)
		var marks struct{ Data, FirstFrame float64 }
		var ready, status string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/"),
			chromedp.WaitVisible(`body[data-ready]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.body.dataset.ready`, &ready),
			chromedp.Text("#status", &status, chromedp.ByID),
		)
		if err != nil || ready != "true" {
			cancel()
			b.Fatalf("the page did not load: %v (ready %q, status %q)", err, ready, status)
		}
		b.Logf("page: %s", status)
		err = chromedp.Run(ctx,
			chromedp.Evaluate(`({data: performance.getEntriesByName("egovgraph:data")[0].startTime,
				firstFrame: performance.getEntriesByName("egovgraph:first-frame")[0].startTime})`, &marks),
			chromedp.WaitVisible(`body[data-layout="settled"]`, chromedp.ByQuery),
		)
		if err != nil {
			cancel()
			b.Fatal(err)
		}
		var layoutDone float64
		chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByName("egovgraph:layout-settled")[0].startTime`, &layoutDone))
		// Record the time between animation frames while the mouse drags the drawing.
		var intervals []float64
		err = chromedp.Run(ctx,
			chromedp.Evaluate(`window.__frames = []; (function tick(t0) { requestAnimationFrame((t) => {
				if (t0) window.__frames.push(t - t0); if (!window.__stop) tick(t); }); })(0); true`, nil),
			chromedp.ActionFunc(func(ctx context.Context) error {
				x, y := 700.0, 450.0
				if err := cdpinput.DispatchMouseEvent(cdpinput.MousePressed, x, y).WithButton(cdpinput.Left).WithClickCount(1).Do(ctx); err != nil {
					return err
				}
				for i := range 120 {
					dx := float64(i%60) * 4
					if i >= 60 {
						dx = float64(120-i) * 4
					}
					if err := cdpinput.DispatchMouseEvent(cdpinput.MouseMoved, x+dx, y+dx/2).WithButton(cdpinput.Left).Do(ctx); err != nil {
						return err
					}
					time.Sleep(16 * time.Millisecond)
				}
				return cdpinput.DispatchMouseEvent(cdpinput.MouseReleased, x, y).WithButton(cdpinput.Left).WithClickCount(1).Do(ctx)
			}),
			chromedp.Evaluate(`window.__stop = true; window.__frames`, &intervals),
		)
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		if len(intervals) < 10 {
			b.Fatalf("only %d frames while panning", len(intervals))
		}
		slices.Sort(intervals)
		sum := 0.0
		for _, v := range intervals {
			sum += v
		}
		firstFrame += marks.FirstFrame
		data += marks.Data
		settled += layoutDone
		frames += float64(len(intervals))
		mean += sum / float64(len(intervals))
		p95 += intervals[len(intervals)*95/100]
		worst = max(worst, intervals[len(intervals)-1])
	}
	n := float64(b.N)
	b.ReportMetric(data/n, "data-ms")
	b.ReportMetric(firstFrame/n, "first-frame-ms")
	b.ReportMetric(settled/n, "layout-settled-ms")
	b.ReportMetric(frames/n, "pan-frames")
	b.ReportMetric(mean/n, "pan-frame-ms")
	b.ReportMetric(p95/n, "pan-frame-p95-ms")
	b.ReportMetric(worst, "pan-frame-max-ms")
	b.ReportMetric(0, "ns/op")
}
