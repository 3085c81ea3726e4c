package main

//go:generate go tool genqlient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/Khan/genqlient/graphql"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/graph/neo4j"
	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
	"github.com/egovgraph/egovgraph/schema"
)

// operationsFile holds the README's example questions as named operations, for genqlient.
const operationsFile = "testdata/client/readme.graphql"

// example is an example query of the README and its documented answer.
type example struct {
	name, title, query string
	answer             []byte
}

// titleLine matches the bold title a README example starts with.
var titleLine = regexp.MustCompile(`(?m)^\*\*(.+?)\*\*`)

// readmeExamples returns the examples of the README's section "Example queries", each
// named for its title: "**All Länder**" is AllLaender.
func readmeExamples(tb testing.TB) []example {
	tb.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		tb.Fatal(err)
	}
	start := bytes.Index(readme, []byte("### Example queries"))
	end := bytes.Index(readme, []byte("\n## Neo4j"))
	section := readme[start:end]
	var out []example
	for _, m := range exampleBlock.FindAllSubmatchIndex(section, -1) {
		titles := titleLine.FindAllSubmatch(section[:m[0]], -1)
		if len(titles) == 0 {
			tb.Fatalf("README example %s has no bold title", section[m[2]:m[3]])
		}
		title := string(titles[len(titles)-1][1])
		out = append(out, example{name: operationName(title), title: title,
			query: string(section[m[2]:m[3]]), answer: section[m[6]:m[7]]})
	}
	return out
}

// operationName returns the title in CamelCase, ASCII letters and digits only.
func operationName(title string) string {
	var b strings.Builder
	for _, word := range strings.Fields(graph.Fold(title)) {
		word = strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, word)
		if word != "" {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return b.String()
}

// operations returns the text of operationsFile for the examples.
func operations(examples []example) string {
	var b strings.Builder
	b.WriteString("# The README's example questions, for the client genqlient generates (client_gen_test.go).\n")
	b.WriteString("# Written by go test ./cmd/egovgraph -run TestREADME -update; then run go generate ./cmd/egovgraph.\n")
	for _, e := range examples {
		b.WriteString("\n# " + e.title + "\nquery " + e.name + " " + e.query)
	}
	return b.String()
}

func TestREADMEQuestionsAreClientOperations(t *testing.T) {
	want := operations(readmeExamples(t))
	if *update {
		if err := os.WriteFile(operationsFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(operationsFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s differs from the README's examples: run go test ./cmd/egovgraph -run TestREADME -update and go generate ./cmd/egovgraph", operationsFile)
	}
}

// clientOperations runs each README question by the function genqlient generated for it.
var clientOperations = map[string]func(context.Context, graphql.Client) (any, error){
	"AnEntityWithItsMemberships":  func(ctx context.Context, c graphql.Client) (any, error) { return AnEntityWithItsMemberships(ctx, c) },
	"AllLaender":                  func(ctx context.Context, c graphql.Client) (any, error) { return AllLaender(ctx, c) },
	"TheLastPageBackward":         func(ctx context.Context, c graphql.Client) (any, error) { return TheLastPageBackward(ctx, c) },
	"AnyObjectByItsGlobalId":      func(ctx context.Context, c graphql.Client) (any, error) { return AnyObjectByItsGlobalId(ctx, c) },
	"EntitiesThatMatterMost":      func(ctx context.Context, c graphql.Client) (any, error) { return EntitiesThatMatterMost(ctx, c) },
	"ReleasesThatNameBayern":      func(ctx context.Context, c graphql.Client) (any, error) { return ReleasesThatNameBayern(ctx, c) },
	"CooperationsStatedSince2020": func(ctx context.Context, c graphql.Client) (any, error) { return CooperationsStatedSince2020(ctx, c) },
	"Offices":                     func(ctx context.Context, c graphql.Client) (any, error) { return Offices(ctx, c) },
	"Search":                      func(ctx context.Context, c graphql.Client) (any, error) { return Search(ctx, c) },
	"TheNeighborhood":             func(ctx context.Context, c graphql.Client) (any, error) { return TheNeighborhood(ctx, c) },
	"Releases":                    func(ctx context.Context, c graphql.Client) (any, error) { return Releases(ctx, c) },
	"HowTwoLaenderAreConnected":   func(ctx context.Context, c graphql.Client) (any, error) { return HowTwoLaenderAreConnected(ctx, c) },
	"ADashboardSNetwork":          func(ctx context.Context, c graphql.Client) (any, error) { return ADashboardSNetwork(ctx, c) },
	"TheNetworkAsItStood":         func(ctx context.Context, c graphql.Client) (any, error) { return TheNetworkAsItStood(ctx, c) },
	"WhatIsNew":                   func(ctx context.Context, c graphql.Client) (any, error) { return WhatIsNew(ctx, c) },
	"WhoHeldAnOfficeWhen":         func(ctx context.Context, c graphql.Client) (any, error) { return WhoHeldAnOfficeWhen(ctx, c) },
	"Analytics":                   func(ctx context.Context, c graphql.Client) (any, error) { return Analytics(ctx, c) },
	"CoMembership":                func(ctx context.Context, c graphql.Client) (any, error) { return CoMembership(ctx, c) },
	"ALandInSummary":              func(ctx context.Context, c graphql.Client) (any, error) { return ALandInSummary(ctx, c) },
	"AMalformedArgument":          func(ctx context.Context, c graphql.Client) (any, error) { return AMalformedArgument(ctx, c) },
}

// TestClientAnswersREADME asks the README's questions with the generated Go client of a
// real "egovgraph serve" holding the samples, and wants the README's answers: data, or
// errors with their messages, paths and codes.
func TestClientAnswersREADME(t *testing.T) {
	base := startServer(t)
	client := graphql.NewClient(base+"/graphql", http.DefaultClient)
	ctx := context.Background()
	for _, e := range readmeExamples(t) {
		ask, ok := clientOperations[e.name]
		if !ok {
			t.Errorf("no client operation for the README example %s; add %s to clientOperations", e.title, e.name)
			continue
		}
		var documented struct {
			Data   any
			Errors any
		}
		if err := json.Unmarshal(e.answer, &documented); err != nil {
			t.Fatalf("%s: the README's answer is not JSON: %v", e.name, err)
		}
		data, err := ask(ctx, client)
		var got struct {
			Data   any
			Errors any
		}
		var list gqlerror.List
		switch {
		case errors.As(err, &list):
			got.Errors = roundTrip(t, list)
		case err != nil:
			t.Errorf("%s: %v", e.name, err)
			continue
		default:
			got.Data = roundTrip(t, data)
		}
		if !reflect.DeepEqual(got, documented) {
			t.Errorf("%s: the client got\n%s\nwant the README's\n%s", e.name, roundTripText(got), roundTripText(documented))
		} else {
			t.Logf("%s: %d bytes of JSON, as the README says", e.name, len(roundTripText(got)))
		}
	}
}

// roundTrip returns v as JSON decodes it into any.
func roundTrip(tb testing.TB, v any) any {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("marshal %T: %v", v, err)
	}
	var out any
	json.Unmarshal(b, &out)
	return out
}

func roundTripText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// wsDialer dials WebSockets for genqlient with github.com/coder/websocket.
type wsDialer struct{}

func (wsDialer) DialContext(ctx context.Context, url string, header http.Header) (graphql.WSConn, error) {
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: header,
		Subprotocols: []string{header.Get("Sec-WebSocket-Protocol")}})
	if err != nil {
		return nil, err
	}
	return &wsConn{conn: conn}, nil
}

// wsConn is a WebSocket as genqlient uses it, in gorilla/websocket's terms.
type wsConn struct{ conn *websocket.Conn }

// The message types of gorilla/websocket that genqlient sends.
const (
	textMessage  = 1
	closeMessage = 8
)

func (c *wsConn) WriteMessage(messageType int, data []byte) error {
	if messageType == closeMessage {
		return c.conn.Close(websocket.StatusNormalClosure, "")
	}
	return c.conn.Write(context.Background(), websocket.MessageText, data)
}

func (c *wsConn) ReadMessage() (int, []byte, error) {
	_, data, err := c.conn.Read(context.Background())
	return textMessage, data, err
}

func (c *wsConn) Close() error { return c.conn.CloseNow() }

// TestClientSubscriptions subscribes with the generated client to a real "egovgraph
// serve", loads a release with "egovgraph load" (which hands it to the running server),
// and wants both events for it.
func TestClientSubscriptions(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base := startServer(t, "-data", data)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	ws := graphql.NewClientUsingWebSocket("ws"+strings.TrimPrefix(base, "http")+"/graphql", wsDialer{})
	errs, err := ws.Start(ctx)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer ws.Close()
	go func() {
		for err := range errs {
			t.Logf("websocket: %v", err)
		}
	}()
	added, _, err := ReleaseAdded(ctx, ws)
	if err != nil {
		t.Fatal(err)
	}
	changed, _, err := GraphChanged(ctx, ws)
	if err != nil {
		t.Fatal(err)
	}

	// A release written for this test, loaded while the subscriptions run.
	dir := t.TempDir()
	path := filepath.Join(dir, "hessen-und-thueringen-kooperieren.md")
	text := "# Hessen und Thüringen kooperieren beim Onlinezugang\n\n3. März 2024\n\n" +
		"Hessen und Thüringen arbeiten künftig beim Onlinezugang zusammen.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"load", "-data", data, path}, &out, &errOut); code != 0 {
		t.Fatalf("load exited %d:\n%s%s", code, out.String(), errOut.String())
	}
	t.Logf("load: %s", strings.TrimSpace(out.String()))

	// genqlient hands both subscriptions' events over one connection: read both channels.
	var release *ReleaseAddedReleaseAddedRelease
	var change *GraphChangedGraphChangedGraphChange
	for release == nil || change == nil {
		select {
		case msg := <-added:
			if len(msg.Errors) > 0 || msg.Data == nil {
				t.Fatalf("releaseAdded: %v", msg.Errors)
			}
			release = &msg.Data.ReleaseAdded
			t.Logf("releaseAdded: %s", roundTripText(release))
		case msg := <-changed:
			if len(msg.Errors) > 0 || msg.Data == nil {
				t.Fatalf("graphChanged: %v", msg.Errors)
			}
			t.Logf("graphChanged: %s", roundTripText(msg.Data.GraphChanged))
			// A change before the load's (the samples giving way) may come first.
			if slices.ContainsFunc(msg.Data.GraphChanged.Releases, func(id string) bool { return strings.HasPrefix(id, "hessen-und-thueringen") }) {
				change = &msg.Data.GraphChanged
			}
		case <-ctx.Done():
			t.Fatalf("within a minute of the load: releaseAdded %v, graphChanged %v; want both", release != nil, change != nil)
		}
	}
	if release.Title != "Hessen und Thüringen kooperieren beim Onlinezugang" || release.Date == nil || *release.Date != "2024-03-03" ||
		!strings.HasSuffix(release.Source, "hessen-und-thueringen-kooperieren.md") || len(release.Facts) == 0 {
		t.Errorf("releaseAdded: got %s, want the release loaded, dated 2024-03-03, with its facts", roundTripText(release))
	}
	var now struct{ Network struct{ Version string } }
	postQuery(t, base, `{ network { version } }`, nil, &now)
	if !slices.Equal(change.Releases, []string{release.Id}) || change.Version != now.Network.Version {
		t.Errorf("graphChanged: got %s, want release %s and the graph's version %s", roundTripText(change), release.Id, now.Network.Version)
	}
}

// TestClientSubscriptionsSeeAnotherWriter serves a Neo4j database and writes a release into
// it through another connection, as another process would: the subscription sees it by the
// database's version alone.
func TestClientSubscriptionsSeeAnotherWriter(t *testing.T) {
	server := neo4jtest.MustServer(t)
	unlock, err := neo4jtest.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	server.MustWipe(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	served, err := neo4j.Open(ctx, neo4j.Config(server))
	if err != nil {
		t.Fatal(err)
	}
	defer served.Close()
	srv := httptest.NewServer(schema.NewHandler(served, schema.Options{PollInterval: 100 * time.Millisecond}))
	defer srv.Close()

	ws := graphql.NewClientUsingWebSocket("ws"+strings.TrimPrefix(srv.URL, "http"), wsDialer{})
	if _, err := ws.Start(ctx); err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer ws.Close()
	added, _, err := ReleaseAdded(ctx, ws)
	if err != nil {
		t.Fatal(err)
	}

	writer, err := neo4j.Open(ctx, neo4j.Config(server))
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	rel := graph.Release{
		Source: "another-writer/sachsen-und-thueringen.md", Title: "Sachsen und Thüringen kooperieren", Date: "2024-05-06", Hash: "another-writer-1",
		Entities: []graph.Entity{graph.NewEntity(graph.State, "Sachsen"), graph.NewEntity(graph.State, "Thüringen")},
		Facts: []graph.Fact{{Type: graph.CooperatesWith, From: "state:sachsen", To: "state:thueringen",
			Sentence: "Sachsen und Thüringen kooperieren.", Confidence: 0.9, Rule: "test"}},
	}.WithID()
	if _, err := writer.PutRelease(ctx, rel); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-added:
		if len(msg.Errors) > 0 || msg.Data == nil {
			t.Fatalf("releaseAdded: %v", msg.Errors)
		}
		got := msg.Data.ReleaseAdded
		t.Logf("releaseAdded: %s", roundTripText(got))
		if got.Id != rel.ID || len(got.Facts) != 1 || got.Facts[0].To.Id != "state:thueringen" {
			t.Errorf("releaseAdded: got %s, want %s with its fact", roundTripText(got), rel.ID)
		}
	case <-ctx.Done():
		t.Fatal("no releaseAdded event within two minutes of the other writer's release")
	}
}
