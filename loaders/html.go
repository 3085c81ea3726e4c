package loaders

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped are the elements whose content is never release text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Noscript: true, atom.Iframe: true, atom.Svg: true, atom.Button: true,
	atom.Template: true, atom.Select: true, atom.Canvas: true, atom.Object: true, atom.Embed: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Dialog: true, atom.Head: true,
	atom.Input: true, atom.Textarea: true, atom.Math: true,
}

// furnitureMarks are the words in a class or id that mark page furniture.
var furnitureMarks = setOf("nav", "navbar", "navigation", "menu", "menue", "breadcrumb",
	"breadcrumbs", "crumbs", "cookie", "cookies", "consent", "gdpr", "footer", "share",
	"sharing", "social", "socialmedia", "sidebar", "skiplink", "skiplinks", "related",
	"pagination", "toolbar", "newsletter", "banner", "advert", "ads")

// furnitureRoles are the ARIA roles of page furniture.
var furnitureRoles = setOf("navigation", "banner", "contentinfo", "complementary", "search",
	"menu", "menubar", "dialog", "alertdialog", "toolbar")

// block-level elements: each starts a new block.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Pre: true,
	atom.Address: true, atom.Hr: true, atom.Details: true, atom.Summary: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Body: true, atom.Caption: true, atom.Center: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// dateMetas are the names and properties of <meta> elements that hold the publication date.
var dateMetas = setOf("article:published_time", "og:article:published_time", "date", "dc.date",
	"dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "publish-date",
	"publishdate", "publication_date", "pubdate", "datepublished", "parsely-pub-date",
	"sailthru.date", "date.issued")

var ldDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// htmlBlocks reads an HTML page: the blocks of its main content and what its markup says
// about title and date.
//
// The content is the first <main> (or role="main"), else the first <article>, else <body>.
// Scripts, styles, navigation, headers outside an article, footers, asides, forms and
// elements whose class, id or role marks navigation, breadcrumbs, cookie notes, sharing or a
// sidebar are dropped, as are hidden elements. The title is the first <h1> (in the content if
// it has one), else <title> without the site name after " | " or " - ". The date is taken
// from a <meta> publication date, JSON-LD datePublished, or a <time datetime> in the content.
func htmlBlocks(text string) ([]block, meta, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, meta{}, err
	}
	var hint meta
	var title string
	var main, article, body, firstH1 *html.Node
	var walk func(n *html.Node, dropped, inContent bool)
	walk = func(n *html.Node, dropped, inContent bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				if dateMetas[key] && hint.date == "" {
					if d, ok := ParseDate(attr(n, "content")); ok {
						hint.date = d
					}
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && hint.date == "" {
					if m := ldDate.FindStringSubmatch(textOf(n)); m != nil {
						if d, ok := ParseDate(m[1]); ok {
							hint.date = d
						}
					}
				}
			case atom.Title:
				if title == "" {
					title = clean(textOf(n))
				}
			case atom.Body:
				body = n
			case atom.Main:
				if main == nil && !dropped {
					main = n
				}
			case atom.Article:
				if article == nil && !dropped {
					article = n
				}
			case atom.H1:
				if firstH1 == nil && !dropped {
					firstH1 = n
				}
			}
			if main == nil && attr(n, "role") == "main" && !dropped {
				main = n
			}
			dropped = dropped || isDropped(n, inContent)
			inContent = inContent || n.DataAtom == atom.Main || n.DataAtom == atom.Article
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, dropped, inContent)
		}
	}
	walk(doc, false, false)
	root := body
	switch {
	case main != nil:
		root = main
	case article != nil:
		root = article
	}
	if root == nil {
		return nil, hint, nil
	}
	if hint.date == "" {
		hint.date = timeIn(root)
	}
	r := renderer{}
	r.render(root, root != body)
	r.flush()
	switch h1 := h1In(root, root != body); {
	case h1 != nil:
		hint.title = clean(textOf(h1))
	case firstH1 != nil:
		hint.title = clean(textOf(firstH1))
	default:
		hint.title = pageTitle(title)
	}
	return r.blocks, hint, nil
}

// pageTitle returns the text of <title> without the site name after " | " or " - ".
func pageTitle(t string) string {
	if i := strings.Index(t, " | "); i > 0 {
		return strings.TrimSpace(t[:i])
	}
	if i := strings.LastIndex(t, " - "); i > 0 {
		return strings.TrimSpace(t[:i])
	}
	return t
}

// isDropped reports whether element n holds page furniture. inContent tells whether it is
// inside <main> or <article>, where a <header> holds headline and date, not the site's banner.
func isDropped(n *html.Node, inContent bool) bool {
	if skipped[n.DataAtom] || (n.DataAtom == atom.Header && !inContent) {
		return true
	}
	if furnitureRoles[strings.ToLower(attr(n, "role"))] || attr(n, "aria-hidden") == "true" || hasAttr(n, "hidden") {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	}) {
		if furnitureMarks[w] {
			return true
		}
	}
	return false
}

// timeIn returns the date of the first <time datetime> in n that is not furniture.
func timeIn(n *html.Node) string {
	var found string
	var walk func(n *html.Node, inContent bool)
	walk = func(n *html.Node, inContent bool) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			if isDropped(n, inContent) {
				return
			}
			if n.DataAtom == atom.Time {
				if d, ok := ParseDate(attr(n, "datetime")); ok {
					found = d
					return
				}
			}
			inContent = inContent || n.DataAtom == atom.Article || n.DataAtom == atom.Main
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inContent)
		}
	}
	walk(n, n.DataAtom == atom.Article || n.DataAtom == atom.Main)
	return found
}

// renderer turns the content of a page into blocks.
type renderer struct {
	blocks []block
	line   strings.Builder
	kind   blockKind
	level  int
	gap    int
	pre    bool
}

// flush ends the current block.
func (r *renderer) flush() {
	text := clean(r.line.String())
	r.line.Reset()
	if text != "" {
		r.blocks = append(r.blocks, block{kind: r.kind, level: r.level, text: text, gap: r.gap})
		r.gap = 0
	}
	r.kind, r.level = para, 0
}

// render appends the blocks of n.
func (r *renderer) render(n *html.Node, inContent bool) {
	switch n.Type {
	case html.TextNode:
		if r.pre {
			for i, l := range strings.Split(n.Data, "\n") {
				if i > 0 {
					r.flush()
				}
				r.line.WriteString(l)
			}
			return
		}
		r.line.WriteString(strings.Map(func(c rune) rune {
			if c == '\n' || c == '\r' {
				return ' '
			}
			return c
		}, n.Data))
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.render(c, inContent)
		}
		return
	}
	if isDropped(n, inContent) {
		return
	}
	if n.DataAtom == atom.Br {
		if r.kind == bullet {
			r.line.WriteByte(' ') // a list item is one block, however it is broken
		} else {
			r.flush()
		}
		return
	}
	if n.DataAtom == atom.Img || n.DataAtom == atom.Picture {
		return
	}
	isBlock := blockElements[n.DataAtom]
	if isBlock {
		r.flush()
		r.gap = 1
		switch {
		case n.DataAtom == atom.Li:
			r.kind = bullet
		case headingLevel[n.DataAtom] > 0:
			r.kind, r.level = heading, headingLevel[n.DataAtom]
		}
	}
	if n.DataAtom == atom.Pre {
		r.pre = true
		defer func() { r.pre = false }()
	}
	kind, level := r.kind, r.level
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.render(c, inContent || n.DataAtom == atom.Article || n.DataAtom == atom.Main)
		if r.line.Len() == 0 && isBlock {
			// a nested block ended: the rest of this one keeps its own kind
			r.kind, r.level = kind, level
		}
	}
	if isBlock {
		r.flush()
		r.gap = 1
	}
}

// attr returns the value of n's attribute key, "" when it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// h1In returns the first <h1> in n that is not furniture, or nil.
func h1In(n *html.Node, inContent bool) *html.Node {
	if n.Type == html.ElementNode {
		if isDropped(n, inContent) {
			return nil
		}
		if n.DataAtom == atom.H1 {
			return n
		}
		inContent = inContent || n.DataAtom == atom.Article || n.DataAtom == atom.Main
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if h1 := h1In(c, inContent); h1 != nil {
			return h1
		}
	}
	return nil
}
