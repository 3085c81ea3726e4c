package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// sourceFunc is a Source made of a function.
type sourceFunc func(ctx context.Context, f network.Filter) (network.Network, error)

func (s sourceFunc) Network(ctx context.Context, f network.Filter) (network.Network, error) {
	return s(ctx, f)
}

// mustServe mounts NewHandler(src) on /export/{format} and returns the answer to GET path.
func mustServe(tb testing.TB, src Source, log *slog.Logger, method, path string) *httptest.ResponseRecorder {
	tb.Helper()
	mux := http.NewServeMux()
	mux.Handle("/export/{format}", NewHandler(src, log))
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func TestHandlerFormats(t *testing.T) {
	n := mustNetwork(t)
	src := sourceFunc(func(context.Context, network.Filter) (network.Network, error) { return n, nil })
	for _, tc := range []struct {
		path, contentType, filename string
		want                        []byte
	}{
		{"/export/graphml", "application/graphml+xml; charset=utf-8", "egovgraph.graphml", mustWrite(t, GraphML, n)},
		{"/export/gexf", "application/gexf+xml; charset=utf-8", "egovgraph.gexf", mustWrite(t, GEXF, n)},
		{"/export/jsonld", "application/ld+json; charset=utf-8", "egovgraph.jsonld", mustWrite(t, JSONLD, n)},
		{"/export/csv?part=nodes", "text/csv; charset=utf-8; header=present", "egovgraph-nodes.csv", mustWrite(t, NodesCSV, n)},
		{"/export/csv?part=edges", "text/csv; charset=utf-8; header=present", "egovgraph-edges.csv", mustWrite(t, EdgesCSV, n)},
		{"/export/csv", "application/zip", "egovgraph-csv.zip", mustWrite(t, CSVZip, n)},
	} {
		rec := mustServe(t, src, nil, http.MethodGet, tc.path)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d: %s", tc.path, rec.Code, rec.Body)
			continue
		}
		h := rec.Header()
		if got := h.Get("Content-Type"); got != tc.contentType {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.contentType)
		}
		if got, want := h.Get("Content-Disposition"), `attachment; filename="`+tc.filename+`"`; got != want {
			t.Errorf("GET %s: Content-Disposition %q, want %q", tc.path, got, want)
		}
		if got := h.Get("X-Egovgraph-Version"); got != n.Version {
			t.Errorf("GET %s: X-Egovgraph-Version %q, want %q", tc.path, got, n.Version)
		}
		if !bytes.Equal(rec.Body.Bytes(), tc.want) {
			t.Errorf("GET %s: the body differs from what the writer writes", tc.path)
		}
	}
}

func TestHandlerPassesFilter(t *testing.T) {
	var got network.Filter
	src := sourceFunc(func(_ context.Context, f network.Filter) (network.Network, error) {
		got = f
		return network.Network{}, nil
	})
	rec := mustServe(t, src, nil, http.MethodGet,
		"/export/gexf?types=MEMBER_OF,COOPERATES_WITH&entityTypes=State&state=state:bayern&since=2020-01-01&until=2022-12-31&asOf=2021-06-30")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := network.Filter{
		RelationTypes: []graph.RelationType{graph.MemberOf, graph.CooperatesWith},
		EntityTypes:   []graph.EntityType{graph.State},
		State:         "state:bayern", Since: "2020-01-01", Until: "2022-12-31", AsOf: "2021-06-30",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("filter %+v, want %+v", got, want)
	}
	var doc readGEXF
	if err := xml.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Errorf("the GEXF of an empty network does not parse: %v", err)
	}
}

func TestHandlerErrors(t *testing.T) {
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	fails := func(err error) Source {
		return sourceFunc(func(context.Context, network.Filter) (network.Network, error) { return network.Network{}, err })
	}
	ok := fails(nil)
	for _, tc := range []struct {
		name, method, path string
		src                Source
		status             int
		body               string
	}{
		{"unknown format", "GET", "/export/xml", ok, 400, `unknown export format "xml"`},
		{"unknown parameter", "GET", "/export/graphml?typ=MEMBER_OF", ok, 400, `unknown parameter "typ"`},
		{"unknown relation type", "GET", "/export/graphml?types=KNOWS", ok, 400, `unknown relation type "KNOWS"`},
		{"malformed date", "GET", "/export/jsonld?since=2021", ok, 400, `"2021"`},
		{"part of graphml", "GET", "/export/graphml?part=nodes", ok, 400, `part "nodes": want nodes or edges, with format csv only`},
		{"unknown part", "GET", "/export/csv?part=all", ok, 400, `part "all"`},
		{"unknown state", "GET", "/export/csv?state=state:atlantis", fails(graph.Errorf(graph.ENOTFOUND, "no state %q", "state:atlantis")), 404, `no state "state:atlantis"`},
		{"store down", "GET", "/export/gexf", fails(graph.Errorf(graph.EUNAVAILABLE, "store not ready")), 503, "store not ready"},
		{"timeout", "GET", "/export/gexf", fails(context.DeadlineExceeded), 503, "timed out"},
		{"bug", "GET", "/export/gexf", fails(errors.New("index out of range")), 500, "internal error"},
		{"post", "POST", "/export/gexf", ok, 405, "POST not allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := mustServe(t, tc.src, log, tc.method, tc.path)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("%s %s: %d %q, want %d with %q", tc.method, tc.path, rec.Code, rec.Body, tc.status, tc.body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q, want text/plain; charset=utf-8", ct)
			}
		})
	}
	if !strings.Contains(logged.String(), "index out of range") {
		t.Errorf("the internal error is not logged:\n%s", logged.String())
	}
	if strings.Contains(logged.String(), "store not ready") {
		t.Errorf("an expected error is logged as internal:\n%s", logged.String())
	}
}

func TestHandlerHead(t *testing.T) {
	n := mustNetwork(t)
	src := sourceFunc(func(context.Context, network.Filter) (network.Network, error) { return n, nil })
	rec := mustServe(t, src, nil, http.MethodHead, "/export/csv")
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD: status %d with %d bytes, want 200 and no body", rec.Code, rec.Body.Len())
	}
	if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(mustWrite(t, CSVZip, n))); got != want {
		t.Errorf("HEAD: Content-Length %q, want %s", got, want)
	}
}
