package loaders

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/egovgraph/egovgraph/graph"
)

// TestReadBadInput checks that bad input is a *ParseError naming the file and the reason.
func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name   string
		source string
		data   []byte
		reason error  // the sentinel the error wraps
		msg    string // the error message
	}{
		{"empty", "leer.md", nil, ErrEmpty, "leer.md: empty file"},
		{"white space", "leer.txt", []byte(" \n\t\r\n"), ErrEmpty, "leer.txt: empty file"},
		{"NUL byte", "bild.md", []byte("PNG\x00\x01\x02Titel"), ErrBinary, "bild.md: binary content, not text"},
		{"empty UTF-16", "leer16.txt", []byte{0xff, 0xfe, ' ', 0, '\n', 0}, ErrEmpty, "leer16.txt: empty file"},
		{"control characters", "daten.txt", bytes.Repeat([]byte("ab\x01\x02\x03\x04cd\x05\x06"), 20), ErrBinary, "daten.txt: binary content, not text"},
		{"damaged UTF-8", "kaputt.md", []byte("Bayern tritt bei. Gr\xc3\xbc\xc3e aus M\xfcnchen."), ErrEncoding, "kaputt.md: invalid UTF-8 at byte 22"},
		{"undefined Windows-1252 byte", "kaputt.txt", []byte("Text mit \x81 darin"), ErrEncoding, "kaputt.txt: invalid UTF-8 at byte 9"},
		{"too large", "riesig.md", bytes.Repeat([]byte("a"), MaxFileSize+1), ErrTooLarge, "riesig.md: file too large: 10.5 MB, limit 10 MiB"},
		{"unknown extension", "bericht.pdf", []byte("%PDF-1.7"), ErrExtension, `bericht.pdf: unknown extension ".pdf", want .md, .markdown, .txt, .html or .htm`},
		{"no extension", "README", []byte("Text"), ErrExtension, "README: unknown extension: none, want .md, .markdown, .txt, .html or .htm"},
		{"only furniture", "nav.md", []byte("[Startseite](#)\n\nTeilen\n\n[Impressum](#)\n"), ErrNoText, "nav.md: no release text: only page furniture"},
		{"only furniture HTML", "nav.html", []byte("<nav><a href='/'>Start</a></nav><footer>Impressum</footer>"), ErrNoText, "nav.html: no release text: only page furniture"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.source, tt.data)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read = %+v, %v; want a *ParseError", doc, err)
			}
			if pe.Path != tt.source {
				t.Errorf("Path = %q, want %q", pe.Path, tt.source)
			}
			if !errors.Is(err, tt.reason) {
				t.Errorf("error %v does not wrap %v", err, tt.reason)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err.Error(), tt.msg)
			}
			if code := graph.ErrorCode(err); code != graph.EINVALID {
				t.Errorf("graph.ErrorCode = %q, want %q", code, graph.EINVALID)
			}
			if doc != (Document{}) {
				t.Errorf("Document = %+v, want zero", doc)
			}
		})
	}
}

// TestReadEncoding checks which text that is not UTF-8 is read as Windows-1252.
func TestReadEncoding(t *testing.T) {
	tests := []struct {
		name, source string
		data         []byte
		title        string
	}{
		{"Latin-1 text", "alt.txt", []byte("Gr\xfc\xdfe aus M\xfcnchen\n\nDie Stadt tritt bei."), "Grüße aus München"},
		{"Windows-1252 quotes", "alt.md", []byte("\x84Einer f\xfcr Alle\x93 \x96 neu\n\nDas Land macht mit."), "„Einer für Alle“ – neu"},
		{"declared in HTML", "alt.html", []byte("<meta charset=\"windows-1252\"><h1>Gr\xfc\xdfe \xc3\xa4</h1><p>Text.</p>"), "Grüße Ã¤"},
		{"UTF-16", "utf16.txt", utf16LE("Grüße aus München\r\n\r\nDie Stadt tritt bei."), "Grüße aus München"},
		{"byte order mark", "bom.md", []byte("\xef\xbb\xbfGrüße aus München\n\nDie Stadt tritt bei."), "Grüße aus München"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.source, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title {
				t.Errorf("Title = %q, want %q", doc.Title, tt.title)
			}
		})
	}
}

// TestReadFileTooLarge checks that ReadFile refuses a large file by its size: the sparse
// file is mostly NUL bytes, which would be reported as binary had it been read.
func TestReadFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gross.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("# Titel\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(20_000_000); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadFile(path)
	want := path + ": file too large: 20.0 MB, limit 10 MiB"
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile = %v, want %q", err, want)
	}
}

// TestReadFileErrors checks errors of files that cannot be opened.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "fehlt.md")
	_, err := ReadFile(missing)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want a *ParseError for %s wrapping fs.ErrNotExist", err, missing)
	}
	if strings.Count(err.Error(), missing) != 1 {
		t.Errorf("message %q names the path %d times, want once", err, strings.Count(err.Error(), missing))
	}
	_, err = ReadFile(dir)
	if !errors.As(err, &pe) || pe.Path != dir || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("ReadFile(dir) = %v, want a *ParseError saying it is a directory", err)
	}
}

// TestReadSourceAndHash checks Source, Hash and the extension of URLs.
func TestReadSourceAndHash(t *testing.T) {
	data := []byte("<h1>Hessen tritt bei</h1><p>Das Land tritt bei.</p>")
	src := "https://example.org/presse/hessen.HTML?id=3#top"
	doc, err := Read(src, data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != src || doc.Title != "Hessen tritt bei" || doc.Body != "Das Land tritt bei." {
		t.Errorf("Read = %+v", doc)
	}
	// sha256 of data, computed independently with sha256sum
	const want = "bc56ce113ed4a22df367072ad6bd8802ee14a0d9c671e58daa68f4cdd5f51e6b"
	if doc.Hash != want {
		t.Errorf("Hash = %q, want %q", doc.Hash, want)
	}
}

func TestParseError(t *testing.T) {
	inner := errors.New("kaputt")
	err := &ParseError{Path: "a/b.md", Err: inner}
	if err.Error() != "a/b.md: kaputt" {
		t.Errorf("Error() = %q, want %q", err.Error(), "a/b.md: kaputt")
	}
	if !errors.Is(err, inner) {
		t.Error("errors.Is(err, inner) = false, want true")
	}
}

// utf16LE encodes s as UTF-16 little endian with byte order mark.
func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
