package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/egovgraph/egovgraph/loaders"
)

// Page fetches the press release page at rawURL and reads it: the main text, separated from
// navigation and the rest of the site by go-readability, then read as loaders reads an HTML
// file. The publication date is the one the text names, else the one the page's metadata
// gives (article:published_time, JSON-LD datePublished, <time>). The document's source is
// the URL; its hash is that of the text read, so that a page fetched again with only its
// surroundings changed is the same release.
func (c *Client) Page(ctx context.Context, rawURL string) (loaders.Document, error) {
	u, err := parse(rawURL)
	if err != nil {
		return loaders.Document{}, err
	}
	data, err := c.get(ctx, u, c.MaxPageSize, false)
	if err != nil {
		return loaders.Document{}, &loaders.ParseError{Path: rawURL, Err: err}
	}
	doc, err := Document(u, data)
	if err != nil {
		return loaders.Document{}, &loaders.ParseError{Path: rawURL, Err: err}
	}
	return doc, nil
}

// Document reads the HTML page data fetched from u as Page does.
func Document(u *url.URL, data []byte) (loaders.Document, error) {
	// The whole page, as loaders reads it: its markup's date and title, and the text to
	// fall back on when readability finds no article.
	whole, wholeErr := loaders.Read("page.html", data)
	doc := whole
	if art, err := readability.FromReader(bytes.NewReader(data), u); err == nil && art.Node != nil {
		var body bytes.Buffer
		// The headline as the whole page gives it (its first <h1>, else its <title>):
		// readability turns an <h1> in the text into a lower heading.
		title := whole.Title
		if title == "" {
			title = art.Title()
		}
		body.WriteString("<!DOCTYPE html><html><head><title>" + html.EscapeString(title) + "</title></head><body><article>")
		if err := art.RenderHTML(&body); err == nil {
			body.WriteString("</article></body></html>")
			if main, err := loaders.Read("page.html", body.Bytes()); err == nil {
				doc = main
				if doc.Date == "" {
					doc.Date = whole.Date
				}
				if doc.Date == "" {
					if t, err := art.PublishedTime(); err == nil {
						doc.Date = t.Format("2006-01-02")
					}
				}
				wholeErr = nil
			}
		}
	}
	if wholeErr != nil {
		return loaders.Document{}, wholeErr
	}
	doc.Source = u.String()
	sum := sha256.Sum256([]byte(doc.Title + "\n" + doc.Date + "\n" + doc.Body))
	doc.Hash = hex.EncodeToString(sum[:])
	return doc, nil
}
