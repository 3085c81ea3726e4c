package loaders

import "testing"

// TestReadHTML checks what is kept of HTML pages and where title and date come from.
func TestReadHTML(t *testing.T) {
	tests := []struct {
		name              string
		page              string
		title, date, body string
	}{
		{"h1 and body", `<body><h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p></body>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"title without site name", `<title>Hessen tritt bei | Staatskanzlei</title><p>Das Land tritt bei.</p>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"title with hyphenated site name", `<title>Hessen tritt bei - Land Hessen</title><p>Das Land tritt bei.</p>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"h1 outside main", `<div class="kopf"><h1>Hessen tritt bei</h1></div><main><p>Das Land tritt bei.</p></main><p>Fremd.</p>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"article without main", `<nav><p>Menü</p></nav><article><h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p></article><div>Fremd.</div>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"role main", `<div role="main"><h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p></div><div>Fremd.</div>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"furniture by class, id and role", `<h1>Hessen tritt bei</h1>
			<div class="c-breadcrumb__list">Start › Presse</div><div id="cookie-note">Cookies?</div>
			<div class="article-share">Teilen</div><div class="sidebar-right">Mehr</div>
			<div role="navigation">Menü</div><div aria-hidden="true">Icon</div><div hidden>Alt</div>
			<p>Das Land tritt bei.</p><form><p>Suche</p></form>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"header inside article kept", `<header><p>Landesportal</p></header><article><header><h1>Hessen tritt bei</h1><p>Ein Land mehr</p></header><p>Das Land tritt bei.</p></article>`,
			"Hessen tritt bei", "", "Ein Land mehr\n\nDas Land tritt bei."},
		{"meta date", `<meta name="DC.date.issued" content="2022-05-04"><h1>Hessen tritt bei</h1><p>Am 3. Mai 2022 trat das Land bei.</p>`,
			"Hessen tritt bei", "2022-05-04", "Am 3. Mai 2022 trat das Land bei."},
		{"JSON-LD date", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-15T08:00:00+01:00"}</script><h1>Hessen tritt bei</h1><p>Text.</p>`,
			"Hessen tritt bei", "2020-01-15", "Text."},
		{"time element", `<main><h1>Hessen tritt bei</h1><time datetime="2019-11-30">30.11.</time><p>Text.</p></main>`,
			"Hessen tritt bei", "2019-11-30", "30.11.\n\nText."},
		{"date in text", `<main><h1>Hessen tritt bei</h1><p>Veröffentlicht am 7. Oktober 2021</p><p>Text.</p></main>`,
			"Hessen tritt bei", "2021-10-07", "Text."},
		{"blocks, lists and entities", `<h1>A &amp; B</h1><div>Erster&nbsp;Teil<p>Absatz <b>fett</b>, <a href="#">Link</a>.</p>Rest</div><ol><li>Eins</li><li>Zwei<br>zwei</li></ol><table><tr><td>Zelle</td></tr></table>`,
			"A & B", "", "Erster Teil\n\nAbsatz fett, Link.\n\nRest\n\n- Eins\n\n- Zwei zwei\n\nZelle"},
		{"logo h1 outside content", `<div class="logo"><h1>Stadt Beispiel</h1></div><main><p>Digitales</p><h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p></main>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"h1 after a long teaser", `<main><p>Ein langer Vorspann, der vor der Überschrift steht und mehrere Sätze enthält. Er erklärt, worum es geht, und nennt die Beteiligten. Danach folgt erst die eigentliche Überschrift der Meldung, die im Markup als h1 ausgezeichnet ist.</p><h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p></main>`,
			"Hessen tritt bei", "", "Ein langer Vorspann, der vor der Überschrift steht und mehrere Sätze enthält. Er erklärt, worum es geht, und nennt die Beteiligten. Danach folgt erst die eigentliche Überschrift der Meldung, die im Markup als h1 ausgezeichnet ist.\n\nDas Land tritt bei."},
		{"page title repeated as h2", `<title>Hessen tritt bei | Land Hessen</title><main><p>Digitales</p><h2>Hessen tritt bei</h2><p>Das Land tritt bei.</p></main>`,
			"Hessen tritt bei", "", "Das Land tritt bei."},
		{"line breaks in paragraph", "<h1>Titel der Meldung</h1><p>Zeile eins<br>Zeile zwei\nmit Umbruch</p>",
			"Titel der Meldung", "", "Zeile eins\n\nZeile zwei mit Umbruch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.name+".html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.Date != tt.date || doc.Body != tt.body {
				t.Errorf("Title, Date, Body =\n%q, %q,\n%q\nwant\n%q, %q,\n%q", doc.Title, doc.Date, doc.Body, tt.title, tt.date, tt.body)
			}
		})
	}
}
