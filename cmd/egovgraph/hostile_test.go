package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowClientsAreDropped opens connections that send their request body a byte at a
// time and never finish it, as a slowloris attack does: the server closes each once the
// request timeout has passed, and /readyz answers meanwhile.
func TestSlowClientsAreDropped(t *testing.T) {
	base := startServer(t, "-timeout", "1s")
	addr := strings.TrimPrefix(base, "http://")
	const clients = 50
	closed := make(chan error, clients)
	for range clients {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", addr)
		go func() {
			// Trickle a byte every 100 ms until the server hangs up.
			for {
				time.Sleep(100 * time.Millisecond)
				if _, err := c.Write([]byte(" ")); err != nil {
					break
				}
			}
			c.SetReadDeadline(time.Now().Add(30 * time.Second))
			_, err := io.Copy(io.Discard, bufio.NewReader(c))
			closed <- err
		}()
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatalf("GET /readyz while %d clients trickle: %v", clients, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /readyz while %d clients trickle: status %d, want 200", clients, resp.StatusCode)
	}
	deadline := time.After(60 * time.Second)
	for i := range clients {
		select {
		case err := <-closed:
			if err != nil {
				t.Errorf("connection %d: %v, want the server to close it", i, err)
			}
		case <-deadline:
			t.Fatalf("%d of %d trickling connections still open after 60 s, with a request timeout of 1 s", clients-i, clients)
		}
	}
}
