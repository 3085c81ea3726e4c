package schema_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/schema"
)

// wsMessage is a message of the graphql-transport-ws protocol.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// MustSubscribe opens a WebSocket to the handler's server, has the connection
// acknowledged and starts the subscription query; it returns a function that reads the
// next message of the subscription.
func MustSubscribe(tb testing.TB, ctx context.Context, url, query string) func() wsMessage {
	tb.Helper()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http"), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		tb.Fatalf("dial: %v", err)
	}
	tb.Cleanup(func() { conn.Close(websocket.StatusNormalClosure, "") })
	send := func(m wsMessage) {
		b, _ := json.Marshal(m)
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			tb.Fatalf("write: %v", err)
		}
	}
	read := func() wsMessage {
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				tb.Fatalf("read: %v", err)
			}
			var m wsMessage
			json.Unmarshal(b, &m)
			if m.Type != "ping" && m.Type != "pong" {
				return m
			}
		}
	}
	send(wsMessage{Type: "connection_init"})
	if m := read(); m.Type != "connection_ack" {
		tb.Fatalf("got %s, want connection_ack", m.Type)
	}
	payload, _ := json.Marshal(map[string]string{"query": query})
	send(wsMessage{ID: "1", Type: "subscribe", Payload: payload})
	return read
}

func TestSubscriptions(t *testing.T) {
	store := MustOpenStore(t)
	srv := httptest.NewServer(schema.NewHandler(store, schema.Options{PollInterval: 20 * time.Millisecond}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	added := MustSubscribe(t, ctx, srv.URL, `subscription { releaseAdded { id title facts { from { name relations(where: {type: COOPERATES_WITH}) { totalCount } } } } }`)
	changed := MustSubscribe(t, ctx, srv.URL, `subscription { graphChanged { version releases } }`)
	before, _ := store.Version(ctx)

	// Acknowledged connections see every release loaded after: load one, then load it
	// again unchanged (no event), then another.
	later := graph.Release{
		Source: "fixtures/hessen-und-bayern-kooperieren.md", Title: "Hessen und Bayern kooperieren", Date: "2023-05-02",
		Entities: []graph.Entity{graph.NewEntity(graph.State, "Hessen"), graph.NewEntity(graph.State, "Bayern")},
		Facts: []graph.Fact{{Type: graph.CooperatesWith, From: "state:bayern", To: "state:hessen",
			Sentence: "Hessen und Bayern arbeiten zusammen.", Confidence: 0.9, Rule: "coop-verb"}},
	}.WithID()
	for _, r := range []graph.Release{later, later} {
		if _, err := store.PutRelease(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	m := added()
	var got struct {
		Data struct {
			ReleaseAdded struct {
				ID, Title string
				Facts     []struct {
					From struct {
						Name      string
						Relations struct{ TotalCount int }
					}
				}
			}
		}
	}
	json.Unmarshal(m.Payload, &got)
	// Bayern's cooperations are read from the graph as it is now, not as it was when the
	// connection started: two, Brandenburg and Hessen.
	if r := got.Data.ReleaseAdded; m.Type != "next" || r.ID != later.ID || len(r.Facts) != 1 ||
		r.Facts[0].From.Name != "Bayern" || r.Facts[0].From.Relations.TotalCount != 2 {
		t.Fatalf("releaseAdded: got %s %s, want release %s with its fact and Bayern's 2 cooperations", m.Type, m.Payload, later.ID)
	}
	m = changed()
	var change struct {
		Data struct {
			GraphChanged struct {
				Version  string
				Releases []string
			}
		}
	}
	json.Unmarshal(m.Payload, &change)
	now, _ := store.Version(ctx)
	if c := change.Data.GraphChanged; c.Version != now || c.Version == before || len(c.Releases) != 1 || c.Releases[0] != later.ID {
		t.Fatalf("graphChanged: got %s, want version %s (was %s) and release %s", m.Payload, now, before, later.ID)
	}

	// A later query on the same server answers from the new version.
	var data struct{ Stats struct{ Releases int } }
	MustQuery(t, schema.NewHandler(store, schema.Options{}), `{ stats { releases } }`, nil, &data)
	if data.Stats.Releases != 5 {
		t.Errorf("stats: %d releases, want 5", data.Stats.Releases)
	}
}
