package loaders

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

// The fuzz tests feed the reading layer what a site or a disk may hold. Their seeds are the
// read test cases of testdata/read and those in testdata/fuzz/<Fuzz…>/; a crasher the fuzzer
// finds is kept there and runs with every go test. scripts/test.sh fuzzes each for a few
// seconds.

// mustReadSeeds adds every file of testdata/read whose extension one of exts is.
func mustReadSeeds(f *testing.F, exts ...string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "read", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		for _, ext := range exts {
			if strings.HasSuffix(p, ext) {
				data, err := os.ReadFile(p)
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
}

// checkRead is what must hold for any input: Read does not panic; it fails with a
// ParseError naming the source whose code is EINVALID, or returns valid UTF-8 without
// U+FFFD unless the input held one, and a date that exists.
func checkRead(t *testing.T, source string, data []byte) {
	doc, err := Read(source, data)
	if err != nil {
		var perr *ParseError
		if !errors.As(err, &perr) || perr.Path != source || graph.ErrorCode(err) != graph.EINVALID {
			t.Fatalf("Read(%q): error %v (%T), want a ParseError naming the source with code EINVALID", source, err, err)
		}
		return
	}
	for name, s := range map[string]string{"Title": doc.Title, "Body": doc.Body, "Date": doc.Date} {
		if !utf8.ValidString(s) {
			t.Fatalf("Read(%q): %s is not valid UTF-8: %q", source, name, s)
		}
		// A replacement character that the input did not hold is a byte read wrongly.
		if strings.ContainsRune(s, utf8.RuneError) && !strings.ContainsRune(string(data), utf8.RuneError) &&
			!strings.Contains(string(data), "&#xfffd;") && !strings.Contains(strings.ToLower(string(data)), "&#65533;") &&
			!strings.HasPrefix(string(data), "\xff\xfe") && !strings.HasPrefix(string(data), "\xfe\xff") {
			t.Fatalf("Read(%q): %s holds U+FFFD that the input did not: %q", source, name, s)
		}
	}
	checkDate(t, doc.Date, true)
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func checkDate(t *testing.T, d string, emptyOK bool) {
	if d == "" && emptyOK {
		return
	}
	if _, err := time.Parse("2006-01-02", d); err != nil || !isoDate.MatchString(d) {
		t.Fatalf("date %q is not a day YYYY-MM-DD: %v", d, err)
	}
}

func FuzzReadMarkdown(f *testing.F) {
	mustReadSeeds(f, ".md")
	f.Add([]byte("# Titel\n\n22. Juli 2021 – Bayern tritt der Genossenschaft govdigital bei."))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "release.md", data) })
}

func FuzzReadText(f *testing.F) {
	mustReadSeeds(f, ".txt")
	f.Add([]byte("Stadt M\xfcnster, 9.12.20\n\nDie Stra\xdfe."))
	f.Add([]byte("\xff\xfeB\x00a\x00y\x00e\x00r\x00n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "release.txt", data) })
}

func FuzzReadHTML(f *testing.F) {
	mustReadSeeds(f, ".html", ".htm")
	f.Add([]byte(`<html><head><meta charset="iso-8859-1"><title>T</title></head><body><h1>Titel</h1><p>Die Stra` + "\xdf" + `e.</p></body></html>`))
	f.Add([]byte(`<article><time datetime="2021-07-22">22. Juli 2021</time><p>Text &amp; mehr</p></article>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "release.html", data) })
}

// FuzzParseDate: a date ParseDate accepts exists and is written YYYY-MM-DD.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"22. Juli 2021", "3. Sept. 2020", "09.12.2020", "9.12.20", "2021-07-22",
		"Donnerstag, 22. Juli 2021", "22.07.2021, 14:30 Uhr", "2021-07-22T10:00:00+02:00", "31.02.2021", "29. Februar 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok {
			checkDate(t, d, false)
		} else if d != "" {
			t.Fatalf("ParseDate(%q) = %q, false: want no date with false", s, d)
		}
	})
}

// FuzzWalk lists a tree of fuzzed names: every file listed has a release extension and no
// hidden part, and every such file is listed.
func FuzzWalk(f *testing.F) {
	f.Add("a.md\nb/c.txt\n.git/d.md\ne/.f.html\ng.pdf\nh/i/j.HTM")
	f.Add("ä/ö.markdown\n../x.md\n/abs.md\na//b.md")
	f.Fuzz(func(t *testing.T, names string) {
		fsys := fstest.MapFS{}
		for _, name := range strings.Split(names, "\n") {
			if fs.ValidPath(name) && name != "." {
				fsys[name] = &fstest.MapFile{Data: []byte("Text.")}
			}
		}
		// A name that is also a directory of another makes MapFS ambiguous: skip those.
		for name := range fsys {
			for other := range fsys {
				if strings.HasPrefix(other, name+"/") {
					return
				}
			}
		}
		got, err := walk(fsys, "root")
		if err != nil {
			t.Fatalf("walk: %v", err)
		}
		listed := map[string]bool{}
		for _, p := range got {
			listed[p] = true
		}
		for name := range fsys {
			hidden := false
			for part := range strings.SplitSeq(name, "/") {
				hidden = hidden || strings.HasPrefix(part, ".")
			}
			want := !hidden && releaseExt[strings.ToLower(filepath.Ext(name))]
			if p := filepath.Join("root", filepath.FromSlash(name)); listed[p] != want {
				t.Errorf("%s listed %v, want %v", name, listed[p], want)
			}
		}
	})
}

// FuzzExtract feeds the whole extractor what Read accepts: it must not panic, and what it
// states must be a valid release whose facts quote sentences of the text.
func FuzzExtract(f *testing.F) {
	mustReadSeeds(f, ".md")
	f.Add([]byte("# Musterhausen tritt bei\n\nDie Stadt Musterhausen tritt dem Zweckverband Beispiel-IT (ZBI) bei. Landrätin Eva Beispiel unterzeichnete."))
	f.Add([]byte("Träger sind die Gemeinden A, B und C sowie der Kreis D, E, F, G, H und I."))
	f.Add([]byte(strings.Repeat("„Die Länder Hessen, Bayern und ", 50)))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("release.md", data)
		if err != nil {
			return
		}
		rel, err := Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if err := rel.Validate(); err != nil {
			t.Fatalf("Extract gave an invalid release: %v", err)
		}
	})
}
