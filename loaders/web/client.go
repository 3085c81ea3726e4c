// Package web reads releases from the web: press release pages, their main text separated
// from the site around it, and the RSS and Atom feeds of press offices, followed politely.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/loaders"
)

// The limits a Client keeps unless told otherwise, and why.
const (
	// UserAgent names egovgraph and where to read about it, so that a press office can
	// see who asks.
	UserAgent = "egovgraph/1.0 (+https://github.com/egovgraph/egovgraph; reads press releases for a knowledge graph)"
	// Timeout bounds one request from dialling to the last byte: press pages answer in
	// well under a second; a minute-long answer is a server in trouble.
	Timeout = 20 * time.Second
	// HostInterval is the least time between two requests to one host: one press office
	// gets at most one request every two seconds from us.
	HostInterval = 2 * time.Second
	// MaxRedirects bounds the redirects followed for one request.
	MaxRedirects = 5
	// MaxPageSize bounds a page, as loaders.MaxFileSize bounds a file; MaxFeedSize a feed,
	// which lists items, not their text.
	MaxPageSize = loaders.MaxFileSize
	MaxFeedSize = 5 << 20
)

// Client fetches pages and feeds politely: http and https only, a User-Agent naming
// egovgraph, a timeout, size limits, a bounded number of redirects, at most one request per
// HostInterval to each host, and conditional requests (ETag, Last-Modified) for feeds.
// It is safe for concurrent use.
type Client struct {
	// HTTP does the requests; New gives it the timeout and the redirect policy.
	HTTP *http.Client
	// UserAgent, HostInterval and MaxPageSize default to the constants of the package.
	UserAgent    string
	HostInterval time.Duration
	MaxPageSize  int64

	mu         sync.Mutex
	next       map[string]time.Time  // host → the earliest time of its next request
	validators map[string]validators // URL → what it last answered 200 with
}

type validators struct{ etag, lastModified string }

// New returns a Client with the package's limits.
func New() *Client {
	return &Client{
		HTTP: &http.Client{
			Timeout: Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= MaxRedirects {
					return fmt.Errorf("more than %d redirects", MaxRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("redirect to %s: only http and https are followed", req.URL.Redacted())
				}
				return nil
			},
		},
		UserAgent:    UserAgent,
		HostInterval: HostInterval,
		MaxPageSize:  MaxPageSize,
	}
}

// IsURL reports whether s is an http or https URL, as opposed to a file path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// parse checks that raw is an absolute http or https URL.
func parse(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "URL %q: %v", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, graph.Errorf(graph.EINVALID, "URL %q: want an http or https URL", raw)
	}
	u.Fragment = ""
	return u, nil
}

// wait blocks until host may be asked again, and books the next slot.
func (c *Client) wait(ctx context.Context, host string) error {
	interval := c.HostInterval
	c.mu.Lock()
	if c.next == nil {
		c.next = map[string]time.Time{}
	}
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(interval)
	c.mu.Unlock()
	select {
	case <-time.After(time.Until(at)):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// errNotModified is what get returns for a 304.
var errNotModified = errors.New("not modified")

// get fetches u, at most limit bytes; with conditional, it sends the validators of u's
// last answer and returns errNotModified for a 304.
func (c *Client) get(ctx context.Context, u *url.URL, limit int64, conditional bool) ([]byte, error) {
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	key := u.String()
	if conditional {
		c.mu.Lock()
		v := c.validators[key]
		c.mu.Unlock()
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.lastModified != "" {
			req.Header.Set("If-Modified-Since", v.lastModified)
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return nil, errNotModified
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("get %s: %s", u.Redacted(), resp.Status)
	case resp.ContentLength > limit:
		return nil, fmt.Errorf("get %s: %d bytes, limit %d", u.Redacted(), resp.ContentLength, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", u.Redacted(), err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("get %s: more than %d bytes", u.Redacted(), limit)
	}
	if conditional {
		c.mu.Lock()
		if c.validators == nil {
			c.validators = map[string]validators{}
		}
		c.validators[key] = validators{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
		c.mu.Unlock()
	}
	return data, nil
}
