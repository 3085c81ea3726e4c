package loaders

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

// Read parses one release. The format is taken from the file extension of source
// (.md .markdown .txt .html .htm, in any case; a URL's query is ignored). Errors are
// *ParseError naming source and the reason.
//
// Text that starts with a UTF-16 byte order mark is read as UTF-16. Text that is not valid
// UTF-8 is read as Windows-1252 (a superset of Latin-1) when it holds
// no valid multi-byte UTF-8 sequence and every byte is defined in Windows-1252, or when an
// HTML file declares that charset; otherwise it is an error naming the first bad byte.
func Read(source string, data []byte) (Document, error) {
	doc, _, err := ReadEncoding(source, data)
	return doc, err
}

// ReadFile reads and parses the release file at path. A file over MaxFileSize is refused
// from its size alone, without reading it.
func ReadFile(path string) (Document, error) {
	doc, _, err := ReadFileEncoding(path)
	return doc, err
}

// ReadFileEncoding is ReadFile that also names the encoding, as ReadEncoding does.
func ReadFileEncoding(path string) (Document, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, "", &ParseError{Path: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Document{}, "", &ParseError{Path: path, Err: unwrapPath(err)}
	}
	if fi.IsDir() {
		return Document{}, "", &ParseError{Path: path, Err: errors.New("is a directory")}
	}
	if fi.Size() > MaxFileSize {
		return Document{}, "", &ParseError{Path: path, Err: tooLarge(fi.Size())}
	}
	// The size may grow after Stat or be unknown (a pipe): never read more than the limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Document{}, "", &ParseError{Path: path, Err: unwrapPath(err)}
	}
	return ReadEncoding(path, data)
}

// unwrapPath drops the *fs.PathError around err: the ParseError names the path already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errUTF16 is the reason for text with a UTF-16 byte order mark that is not UTF-16.
var errUTF16 = &graph.Error{Code: graph.EINVALID, Message: "invalid UTF-16"}

// Encodings a release is read in, as ReadEncoding names them.
const (
	UTF8        = "UTF-8"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	Windows1252 = "Windows-1252"
)

// ReadEncoding is Read that also names the encoding the text was read in: UTF8, UTF16LE,
// UTF16BE or Windows1252.
func ReadEncoding(source string, data []byte) (Document, string, error) {
	doc, enc, err := read(source, data)
	if err != nil {
		return Document{}, "", &ParseError{Path: source, Err: err}
	}
	return doc, enc, nil
}

// read does the work of Read and returns the bare reason on failure.
func read(source string, data []byte) (Document, string, error) {
	doc, err := readIn(source, data)
	return doc, encodingOf(data, doc), err
}

// encodingOf names the encoding readIn read data in.
func encodingOf(data []byte, _ Document) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return UTF16LE
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return UTF16BE
	case utf8.Valid(data):
		return UTF8
	}
	return Windows1252
}

// readIn parses data and returns the bare reason on failure.
func readIn(source string, data []byte) (Document, error) {
	if len(data) > MaxFileSize {
		return Document{}, tooLarge(int64(len(data)))
	}
	ext := extension(source)
	isHTML := false
	switch ext {
	case ".md", ".markdown", ".txt":
	case ".html", ".htm":
		isHTML = true
	case "":
		return Document{}, reason(ErrExtension, ": none, want .md, .markdown, .txt, .html or .htm")
	default:
		return Document{}, reason(ErrExtension, " %q, want .md, .markdown, .txt, .html or .htm", ext)
	}
	text, ok, err := decodeUTF16(data)
	if err != nil {
		return Document{}, err
	}
	if !ok {
		if len(bytes.TrimSpace(data)) == 0 {
			return Document{}, ErrEmpty
		}
		if isBinary(data) {
			return Document{}, ErrBinary
		}
		var err error
		if text, err = decode(data, isHTML); err != nil {
			return Document{}, err
		}
	}
	if strings.TrimSpace(text) == "" {
		return Document{}, ErrEmpty
	}
	var blocks []block
	var hint meta
	switch {
	case isHTML:
		var err error
		if blocks, hint, err = htmlBlocks(text); err != nil {
			return Document{}, err
		}
	default:
		blocks = textBlocks(text, ext != ".txt")
	}
	sum := sha256.Sum256(data)
	doc := assemble(blocks, hint)
	doc.Source = source
	doc.Hash = hex.EncodeToString(sum[:])
	if doc.Title == "" && doc.Body == "" {
		return Document{}, reason(ErrNoText, ": only page furniture")
	}
	return doc, nil
}

// extension returns the lower-case extension of a path or of a URL's path.
func extension(source string) string {
	p := source
	if strings.Contains(source, "://") {
		if u, err := url.Parse(source); err == nil {
			p = u.Path
		}
	}
	return strings.ToLower(path.Ext(strings.ReplaceAll(p, `\`, "/")))
}

// isBinary reports whether data looks like a binary file: it holds a NUL byte, or more than
// one byte in a hundred of its first 64 KiB is a control character other than whitespace.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data[:min(len(data), 64<<10)]
	ctrl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*100 > len(head)
}

var charsetLatin = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*(iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)`)

// decode returns data as a string of valid UTF-8 without byte order mark, or an error.
func decode(data []byte, isHTML bool) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad := invalidAt(data)
	declared := isHTML && charsetLatin.Match(data[:min(len(data), 4096)])
	if declared || !hasMultiByteUTF8(data) {
		if s, ok := decodeWindows1252(data); ok {
			return s, nil
		}
	}
	return "", reason(ErrEncoding, " at byte %d", bad)
}

// decodeUTF16 converts text that starts with a UTF-16 byte order mark, and reports whether
// it did. An odd number of bytes or a lone surrogate is an error naming its offset: never
// a replacement character in the text.
func decodeUTF16(data []byte) (string, bool, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return "", false, nil
	}
	if len(data)%2 != 0 {
		return "", true, reason(errUTF16, ": an odd number of bytes (%d)", len(data))
	}
	units := make([]uint16, (len(data)-2)/2)
	for i := range units {
		units[i] = order.Uint16(data[2+2*i:])
	}
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case utf16.IsSurrogate(rune(u)) && u < 0xdc00 && i+1 < len(units) && units[i+1] >= 0xdc00 && units[i+1] <= 0xdfff:
			i++ // a pair
		case utf16.IsSurrogate(rune(u)):
			return "", true, reason(errUTF16, ": a lone surrogate at byte %d", 2+2*i)
		}
	}
	return string(utf16.Decode(units)), true, nil
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// hasMultiByteUTF8 reports whether data contains a valid UTF-8 sequence of two or more
// bytes: then its invalid bytes are damage, not another encoding.
func hasMultiByteUTF8(data []byte) bool {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if n > 1 && r != utf8.RuneError {
			return true
		}
		i += n
	}
	return false
}

// windows1252 maps the bytes 0x80–0x9F; 0 marks the five undefined ones.
var windows1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// decodeWindows1252 converts data from Windows-1252 and reports whether every byte is defined.
func decodeWindows1252(data []byte) (string, bool) {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			r := windows1252[c-0x80]
			if r == 0 {
				return "", false
			}
			b.WriteRune(r)
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), true
}

// blockKind tells what a block of a release is.
type blockKind int

const (
	para    blockKind = iota // a paragraph or a line of text
	heading                  // a heading marked up as such (# or <h1>–<h6>)
	bullet                   // a list item
)

// block is one paragraph, heading or list item of a release, in reading order.
type block struct {
	kind  blockKind
	level int    // heading level 1–6
	text  string // clean text on one line
	gap   int    // blank lines before the block in the source text
}

// meta is what the markup of a page says about it, apart from its text.
type meta struct {
	title string // the page title, "" when none
	date  string // a machine-readable publication date, "" when none
}

var (
	mdHeading   = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$`)
	mdBullet    = regexp.MustCompile(`^\s*([-*+•·▪◦–]|\d{1,2}\))\s+(.*)$`)
	mdRule      = regexp.MustCompile(`^\s{0,3}([-*_=])(\s*[-*_=]){2,}\s*$`)
	mdQuote     = regexp.MustCompile(`^\s{0,3}>\s?`)
	mdImage     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLinkText  = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)
	mdRefLink   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdLinkDef   = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	mdAutoLink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdStrong    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmph      = regexp.MustCompile(`(^|[\s(„"“'])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_]($|[\s.,;:!?)“”"'])`)
	mdCode      = regexp.MustCompile("`+([^`]*)`+")
	mdEscape    = regexp.MustCompile(`\\([\\*_\[\](){}#+\-.!>|~` + "`" + `])`)
	htmlTag     = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	linksOnly   = regexp.MustCompile(`^\s*(?:[-*+•|·]\s*)?(?:\[[^\]]*\]\([^)]*\)[\s|·•>›»/-]*)+$`)
	invisible   = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")
	lineEndings = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n")
)

// textBlocks splits a Markdown (md) or plain text release into blocks. Each line is a block,
// as in the scraped releases where a line is a paragraph, except in hard-wrapped text, where
// the wrapped lines of a paragraph are joined first.
func textBlocks(text string, md bool) []block {
	text = invisible.Replace(lineEndings.Replace(text))
	lines := strings.Split(text, "\n")
	var blocks []block
	gap := 0
	fence := false
	for _, line := range lines {
		if md && strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if strings.TrimSpace(line) == "" {
			gap++
			continue
		}
		b := block{kind: para, gap: gap}
		gap = 0
		raw := line
		switch {
		case md && !fence && mdRule.MatchString(raw):
			// A setext underline makes the line above a heading; otherwise a rule is a break.
			if len(blocks) > 0 && b.gap == 0 && strings.ContainsAny(raw, "=-") && blocks[len(blocks)-1].kind == para {
				blocks[len(blocks)-1].kind = heading
				blocks[len(blocks)-1].level = map[bool]int{true: 1, false: 2}[strings.Contains(raw, "=")]
			}
			gap = b.gap + 1
			continue
		case md && !fence && mdLinkDef.MatchString(raw):
			continue
		case md && !fence && linksOnly.MatchString(raw) && navigation(raw):
			gap = b.gap + 1
			continue
		}
		if md && !fence {
			raw = mdQuote.ReplaceAllString(raw, "")
			if m := mdHeading.FindStringSubmatch(raw); m != nil {
				b.kind, b.level, raw = heading, len(m[1]), m[2]
			}
		}
		if b.kind == para {
			if m := mdBullet.FindStringSubmatch(raw); m != nil {
				b.kind, raw = bullet, m[2]
			}
		}
		if md && !fence {
			raw = inlineMarkdown(raw)
		}
		b.text = clean(raw)
		if b.text == "" {
			gap = b.gap + 1
			continue
		}
		blocks = append(blocks, b)
	}
	return unwrap(blocks)
}

// navigation reports whether a line of nothing but Markdown links is navigation: a row of
// links, or a link within the site ("[Impressum](#)", "[Presse](/presse)"). A single link to
// another site ("- [Stadt Goch](https://www.goch.de)") is text.
func navigation(line string) bool {
	links := mdLinkText.FindAllStringSubmatch(line, -1)
	if len(links) != 1 {
		return true
	}
	url := strings.TrimSpace(links[0][2])
	return url == "" || strings.HasPrefix(url, "#") || strings.HasPrefix(url, "/") && !strings.HasPrefix(url, "//")
}

// inlineMarkdown replaces Markdown inline markup by the text it marks. Each rule runs only
// when its marker occurs: most lines have none.
func inlineMarkdown(s string) string {
	if strings.Contains(s, "](") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLinkText.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "][") {
		s = mdRefLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutoLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "`") {
		s = mdCode.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_") {
		for range 2 { // nested strong and emphasis
			s = mdStrong.ReplaceAllString(s, "$2")
			s = mdEmph.ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Contains(s, "<") {
		s = htmlTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, `\`) {
		s = mdEscape.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

// clean collapses white space (line breaks included) and trims s.
func clean(s string) string {
	return strings.Join(strings.Fields(invisible.Replace(s)), " ")
}

// unwrap joins the lines of hard-wrapped paragraphs. Text counts as hard-wrapped when nine in
// ten lines are at most 100 characters long and at least half of them (and five or more)
// are 45 or more: lines filled up to a margin. A filled line is then joined with the next when
// only the smaller gap of the text separates them: none, or one blank line in text that
// separates every line by a blank line and paragraphs by more.
func unwrap(blocks []block) []block {
	if len(blocks) < 5 {
		return blocks
	}
	short, filled, adjacent := 0, 0, 0
	for i, b := range blocks {
		n := utf8.RuneCountInString(b.text)
		if n <= 100 {
			short++
			if n >= 45 {
				filled++
			}
		}
		if i > 0 && b.gap == 0 {
			adjacent++
		}
	}
	if short*10 < len(blocks)*9 || filled < 5 || filled*2 < len(blocks) {
		return blocks
	}
	soft := 0
	if adjacent == 0 {
		soft = 1
	}
	out := []block{blocks[0]}
	for _, b := range blocks[1:] {
		prev := &out[len(out)-1]
		if n := utf8.RuneCountInString(lastLine(prev.text)); b.gap == soft && b.kind == para && prev.kind != heading && n >= 45 && n <= 100 {
			prev.text += "\n" + b.text
			continue
		}
		out = append(out, b)
	}
	for i := range out {
		out[i].text = joinWrapped(out[i].text)
	}
	return out
}

// lastLine returns the text after the last newline of s.
func lastLine(s string) string { return s[strings.LastIndexByte(s, '\n')+1:] }

// joinWrapped joins wrapped lines with a space, or without one after a hyphen that splits a
// word ("Verwal-\ntung"), but not after the hyphen of a compound ("Bundes-\nund Landesebene").
func joinWrapped(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.WriteString(lines[0])
	for i, l := range lines[1:] {
		if splitsWord(lines[i], l) {
			str := strings.TrimSuffix(b.String(), "-")
			b.Reset()
			b.WriteString(str)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// splitsWord reports whether line ends in a hyphen that splits a lower-case word continued
// at the start of next.
func splitsWord(line, next string) bool {
	stem, ok := strings.CutSuffix(line, "-")
	last, _ := utf8.DecodeLastRuneInString(stem)
	first, _ := utf8.DecodeRuneInString(next)
	conj := firstWord(next)
	return ok && unicode.IsLower(last) && unicode.IsLower(first) && conj != "und" && conj != "oder" && conj != "bzw." && conj != "sowie"
}

// Page furniture: lines that belong to the site, not to the release.
var (
	furnitureWords = setOf(
		"inhalt", "zum inhalt", "direkt zum inhalt", "hauptnavigation", "navigation", "menü", "menu",
		"suche", "datenschutz", "datenschutzerklärung", "impressum", "barrierefreiheit",
		"erklärung zur barrierefreiheit", "kontakt", "teilen", "seite teilen", "artikel teilen",
		"drucken", "seite drucken", "druckversion", "druckansicht", "pdf", "link mailen",
		"nach oben", "zurück", "zurück zur übersicht", "mehr", "mehr erfahren", "weiterlesen",
		"aktuelles", "aktuelles zitat", "presse", "pressemitteilung", "pressemitteilungen",
		"presseinformation", "pressemeldung", "meldung", "newsroom", "startseite", "home",
		"berechne lesezeit", "anzeige", "firma zum thema", "leichte sprache", "gebärdensprache",
		"facebook", "twitter", "x", "linkedin", "instagram", "xing", "whatsapp", "mastodon",
		"e-mail", "rss", "newsletter", "cookie-einstellungen", "vorlesen", "schließen",
		"beschreibung", "bildergalerie", "galerie", "download", "downloads", "audio", "video",
		"artikel", "news", "nachrichten",
	)
	furnitureLine = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^(sie befinden sich hier|sie sind hier|aktuelle seite|navigationspfad|pfad|breadcrumb)\s*:`),
		regexp.MustCompile(`(?i)^zur?\s+(original)?(pressemitteilung|pressemeldung|presseinformation|meldung|quelle|übersicht|startseite)\b`),
		regexp.MustCompile(`(?i)^pressemitteilung auf der (web)?seite\b`),
		regexp.MustCompile(`(?i)^(die gesamte pm|die vollständige pressemitteilung|weitere informationen|mehr informationen|mehr dazu)\b.{0,60}\bhier\b[.:]?$`),
		regexp.MustCompile(`(?i)^\(?(bildquelle|bildnachweis|bild|bilder|foto|fotos|grafik|copyright|credits?)\s*:.{0,200}$`),
		regexp.MustCompile(`^\(?©`),
		regexp.MustCompile(`(?i)^(lesezeit|lesedauer)\s*:?\s*(ca\.\s*)?\d+\s*min`),
		regexp.MustCompile(`(?i)^.{0,60}\b\d+\s+kommentare?\b.{0,40}$`),
		regexp.MustCompile(`(?i)^\S+\.(jpe?g|png|gif|webp|svg|tiff?)$`),
		regexp.MustCompile(`(?i)^(www\.|https?://)\S+$`),
		regexp.MustCompile(`(?i)^.{0,80}\bcookies?\b.{0,300}\b(akzeptieren|verwenden|einverstanden|einstellungen|zustimmen|zulassen|ablehnen)\b`),
		regexp.MustCompile(`(?i)^\S+.{0,40}\s\(ots\)\s*$`),
		regexp.MustCompile(`(?i)^(ca\.\s*)?\d{1,2}[.:]\d{2}(\s*(bis|-|–)\s*\d{1,2}[.:]\d{2})?\s*uhr$`),
	}
	// tailMarker starts the part of a page after the release: related items, tags.
	tailMarker = regexp.MustCompile(`(?i)^((weitere (meldungen|artikel|nachrichten|pressemitteilungen|beiträge)|das könnte sie auch interessieren|ähnliche (artikel|meldungen)|mehr zum thema|verwandte (themen|artikel)|lesen sie auch)([\s:].{0,60})?|(stichwörter|schlagwörter|schlagworte|tags)\s*:.*)$`)
	logoLine   = regexp.MustCompile(`^(Das |Ein )?Logo(\s|$)|\sLogo$`)
	creditTail = regexp.MustCompile(`\s+\(?©[^©.!?]{1,40}\)?$`)
	byline     = regexp.MustCompile(`^(?:[Vv]on|[Aa]utor(?:in)?:|[Tt]ext:|[Rr]edaktion:)\s*\S+(?:\s+\S+){0,3}$`)
	erschienen = regexp.MustCompile(`(?i)^\s*(?:[-•]\s*)?(erschienen|veröffentlicht)\s+am\b\s*`)
	pmPrefix   = regexp.MustCompile(`^\s*(?:[-–|]\s*)?(?:Pres+emitteilung|Pressemeldung|Presseinformation)`)
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// furnitureText reports whether the text of a block is page furniture.
func furnitureText(text string) bool {
	if len(text) > 600 {
		return false // furniture is short; a paragraph this long is text
	}
	if furnitureRow(text) {
		return true
	}
	for _, re := range furnitureLine {
		if re.MatchString(text) {
			return true
		}
	}
	return utf8.RuneCountInString(text) <= 100 && logoLine.MatchString(text) && !endsSentence(text)
}

// furnitureRow reports whether text is nothing but furniture words, alone or in a row
// ("Teilen", "Druckversion PDF Link mailen", "Drucken | Teilen").
func furnitureRow(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|·•:»›>", r)
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	// covered[i] reports whether words[i:] splits into furniture phrases of up to four words.
	covered := make([]bool, len(words)+1)
	covered[len(words)] = true
	for i := len(words) - 1; i >= 0; i-- {
		for j := i + 1; j <= min(i+4, len(words)); j++ {
			if covered[j] && furnitureWords[strings.Join(words[i:j], " ")] {
				covered[i] = true
				break
			}
		}
	}
	return covered[0]
}

// endsSentence reports whether s ends like a sentence: with . ! ? ; or , before any closing
// quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closers+" ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?;,…", r)
}

// closers are the characters that may follow the end of a sentence.
const closers = `"'“”’‘»«)]`

// dropFurniture removes furniture blocks and image credits and cuts the page after the
// release (related items, tags).
func dropFurniture(blocks []block) []block {
	var out []block
	dropped := false
	seen := map[string]bool{}
	text := 0 // runes of the paragraphs kept so far
	for _, b := range blocks {
		if text >= 200 && tailMarker.MatchString(b.text) {
			break
		}
		// Furniture, and a paragraph the page repeats (a photo caption shown twice).
		if furnitureText(b.text) || (seen[b.text] && utf8.RuneCountInString(b.text) >= 30) {
			dropped = true
			continue
		}
		seen[b.text] = true
		if dropped {
			b.gap = max(b.gap, 1) // the blocks around furniture were not adjacent
			dropped = false
		}
		b.text = creditTail.ReplaceAllString(b.text, "")
		if b.kind == para {
			text += utf8.RuneCountInString(b.text)
		}
		out = append(out, b)
	}
	return out
}

// assemble makes the document of a release from its blocks and what its markup says.
func assemble(blocks []block, hint meta) Document {
	blocks = dropFurniture(blocks)
	h := readHead(blocks, hint)
	var body []string
	for i := h.start; i < len(blocks); i++ {
		if h.drop[i] {
			continue
		}
		b := blocks[i]
		if b.kind == bullet {
			body = append(body, "- "+b.text)
		} else {
			body = append(body, b.text)
		}
	}
	return Document{Title: h.title, Date: h.date, Body: strings.Join(body, "\n\n")}
}

// head is what the top of a release says: its headline, date and where its body starts.
type head struct {
	title string
	date  string
	start int          // the first block of the body
	drop  map[int]bool // metadata blocks of the head (date lines, bylines)
}

// headBlocks and headRunes bound the top of a release, where headline and date are sought.
const (
	headBlocks = 15
	headRunes  = 2500
)

// readHead finds headline and publication date at the top of a release.
//
// The date is the first one that the head states as the release's: after a label
// ("Erschienen am", "Datum:", "Pressemitteilung vom"), in brackets at the start of a line
// ("[25.02.2019] …"), in a dateline ("Saarbrücken, 19. Dezember 2025 – …"), or on a line of
// its own, perhaps with a time or a byline. A date after a preposition ("am 1. August 2018")
// is an event and ignored. A date with a weekday on a line of its own above the headline is
// the day a site prints for today; below the headline, and with no other date, it is the
// release's. hint.date, read from markup, takes precedence.
//
// The headline is the first level-1 heading before the first paragraph; else the first
// line that reads like a headline (no sentence end, at most 300 characters), skipping
// kickers (up to three words, or a publisher, followed by another headline-like line) and
// joining a headline split over two adjacent lines. Kicker and headline glued together by
// the page's layout ("Bayern / NRWAgenda für Zusammenarbeit") are separated by a colon.
// When the release starts with a paragraph, the headline is "". hint.title, read from
// markup, takes precedence.
func readHead(blocks []block, hint meta) head {
	h := head{drop: map[int]bool{}}
	weekday, weekdayDate := -1, "" // the first date after a weekday on a line of its own
	n := 0
	runes := 0
	for n < len(blocks) && n < headBlocks && runes < headRunes {
		runes += utf8.RuneCountInString(blocks[n].text)
		n++
	}
	for i := 0; i < n; i++ {
		b := &blocks[i]
		if m := erschienen.FindStringIndex(b.text); m != nil {
			rest := b.text[m[1]:]
			if d, end, ok := dateAt(rest); ok {
				if h.date == "" {
					h.date = d
				}
				rest = rest[end:]
			}
			rest = strings.TrimSpace(pmPrefix.ReplaceAllString(rest, ""))
			if rest == "" {
				h.drop[i] = true
				continue
			}
			b.text, b.kind = rest, para
		}
		d, use, drop, rest := dateLine(b.text)
		switch {
		case use && h.date == "":
			h.date = d
		case !use && d != "" && weekday < 0:
			weekday, weekdayDate = i, d
		}
		if drop || (d == "" && byline.MatchString(b.text) && !endsSentence(b.text)) {
			h.drop[i] = true
		}
		b.text = rest
	}
	h.title, h.start = headline(blocks, n, h.drop)
	if h.date == "" && h.title != "" && weekday >= h.start {
		h.date = weekdayDate // a weekday date below the headline is the release's
	}
	if hint.date != "" {
		h.date = hint.date
	}
	if want := tidyTitle(hint.title); want != "" && h.title != want {
		// The markup names the headline: drop it from the body, and above it the head
		// blocks (kicker, date) when it stands at the top.
		h.title, h.start = want, 0
		top := true
		for i, b := range blocks {
			if b.text == hint.title || b.text == want {
				h.drop[i] = true
				if top && i < n {
					h.start = i + 1
				}
				break
			}
			top = top && (h.drop[i] || headlineLike(b))
		}
	}
	return h
}

var (
	publisher  = regexp.MustCompile(`^(\S+ )?(Pressestelle|Presse- und Informationsamt|(Staats|Bundes|Landes)?[Mm]inisterium|Staatskanzlei|Senatsverwaltung|Senatskanzlei|Landesregierung|Der Senator|Die Senatorin)\b`)
	capsPrefix = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\-/ ]{4,40}\p{Lu})\s+[–—-]\s+(\p{Lu})`)
)

// headline picks the headline among the first n blocks, skipping those in drop, and returns
// it with the index of the first body block.
func headline(blocks []block, n int, drop map[int]bool) (string, int) {
	var idx []int // the head blocks that are not metadata
	for i := 0; i < n; i++ {
		if !drop[i] {
			idx = append(idx, i)
		}
	}
	for _, i := range idx {
		b := blocks[i]
		if b.kind == heading && b.level == 1 {
			return tidyTitle(b.text), i + 1
		}
		if !headlineLike(b) {
			break
		}
	}
	for k, i := range idx {
		b := blocks[i]
		if !headlineLike(b) {
			return "", idx[0]
		}
		title := tidyTitle(b.text)
		next := -1
		if k+1 < len(idx) {
			next = idx[k+1]
		}
		glued := title != b.text
		if next >= 0 && headlineLike(blocks[next]) {
			nb := blocks[next]
			switch {
			case nb.gap == 0 && next == i+1 && b.kind == para && nb.kind == para && !isKickerWord(b.text):
				sep := " – "
				if strings.HasSuffix(b.text, ":") {
					sep = " "
				}
				return tidyTitle(b.text + sep + nb.text), next + 1
			case !glued && (len(strings.Fields(b.text)) <= 3 || publisher.MatchString(b.text)):
				continue // a kicker, a tag line or the publisher above the headline
			}
		}
		return title, i + 1
	}
	if len(idx) > 0 {
		return "", idx[0]
	}
	return "", n
}

// isKickerWord reports whether s is a single word, which never starts a two-line headline.
func isKickerWord(s string) bool { return !strings.ContainsRune(s, ' ') && !strings.HasSuffix(s, ":") }

// headlineLike reports whether b reads like a headline rather than a paragraph.
func headlineLike(b block) bool {
	if b.kind == heading {
		return true
	}
	if b.kind == bullet {
		return false
	}
	n := utf8.RuneCountInString(b.text)
	first, _ := utf8.DecodeRuneInString(b.text)
	if n > 300 || !(unicode.IsLetter(first) || unicode.IsDigit(first) || strings.ContainsRune(`„"“»'‚`, first)) {
		return false
	}
	if n > 150 && sentenceInside.MatchString(b.text) {
		return false
	}
	s := strings.TrimRight(b.text, closers+" ")
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ',', ';', '…':
		return false
	case '?', '!':
		return n <= 150 && !sentenceInside.MatchString(s[:len(s)-1])
	case ':':
		return n <= 60
	}
	return true
}

var sentenceInside = regexp.MustCompile(`\p{Ll}{2}[.!?]["“”]?\s+\p{Lu}`)

// camelStop are second halves of camel-case names, which a glued kicker never starts with.
var camelStop = setOf("Portal", "Service", "Services", "Tech", "Digital", "Cloud", "Hub", "Lab",
	"Labs", "Desk", "Net", "Data", "Bot", "App", "Apps", "Campus", "Point", "Gov", "Box",
	"Office", "Konto", "Space", "Share", "Check", "Base", "Pay", "Print", "Link", "Mail", "Code", "Tube", "Book",
	"Pilot", "Chat", "Map", "Maps", "Work", "Team", "Teams", "Go", "Cast", "Hack", "Hackathon")

// tidyTitle separates a kicker glued to the headline ("Bayern / NRWAgenda …",
// "… im Saarland Saarland gründet …") by a colon and drops a capitalised dateline
// ("RHEINLAND-PFALZ – …").
func tidyTitle(t string) string {
	if m := capsPrefix.FindStringSubmatchIndex(t); m != nil {
		t = t[m[4]:]
	}
	words := strings.Fields(t)
	if !strings.Contains(t, ": ") {
		for i := 1; i+1 < len(words) && i < 6; i++ {
			first, _ := utf8.DecodeRuneInString(words[i])
			if words[i] == words[i+1] && unicode.IsUpper(first) && len(words[i]) >= 3 {
				return strings.Join(words[:i+1], " ") + ": " + strings.Join(words[i+1:], " ")
			}
		}
	}
	for w, word := range words {
		if w >= 5 {
			break
		}
		r := []rune(word)
		cut := -1
		for i := 1; i+1 < len(r); i++ {
			if unicode.IsLetter(r[i-1]) && unicode.IsUpper(r[i]) && unicode.IsLower(r[i+1]) {
				cut = i
			}
		}
		if cut < 0 {
			first, _ := utf8.DecodeRuneInString(word)
			if unicode.IsUpper(first) || strings.ContainsAny(word, "/–-&|") {
				continue // a capitalised word of the kicker, or a separator
			}
			break
		}
		tail := string(r[cut:])
		stem := strings.TrimRightFunc(tail, func(r rune) bool { return !unicode.IsLetter(r) })
		if camelStop[stem] || !unicode.IsUpper(r[0]) || w+1 == len(words) || (w == 0 && cut < 3) {
			break
		}
		return strings.Join(append(words[:w:w], string(r[:cut])), " ") + ": " + strings.Join(append([]string{tail}, words[w+1:]...), " ")
	}
	return t
}
