package main

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// TestLoadStatesTheEncoding: a release read in another encoding than UTF-8 says which in
// its load line, bytes that decode in none are an error naming the file and the offset,
// and nothing is turned into replacement characters.
func TestLoadStatesTheEncoding(t *testing.T) {
	dir := t.TempDir()
	text := "Bayern tritt der Genossenschaft govdigital bei\n\nMünchen, 22. Juli 2021 – Der Freistaat Bayern ist der Genossenschaft govdigital beigetreten. Die Straße ist frei."
	latin1 := []byte(strings.NewReplacer("ü", "\xfc", "ß", "\xdf", "–", "\x96").Replace(text))
	units := utf16.Encode([]rune(text))
	le := []byte{0xff, 0xfe}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
	}
	mustWrite(t, dir, "a-latin1.txt", latin1)
	mustWrite(t, dir, "b-utf16.txt", le)
	mustWrite(t, dir, "c-utf8.txt", []byte(text))
	mustWrite(t, dir, "d-damaged.txt", []byte("Grüße aus M\xfcnchen, 22. Juli 2021 – damaged."))
	mustWrite(t, dir, "e-lone-surrogate.txt", append(append([]byte{}, le[:20]...), 0x00, 0xd8, 'a', 0))

	code, stdout, stderr := runCmd(t, "load", "-data", t.TempDir(), dir)
	if code != 1 {
		t.Errorf("exit status %d, want 1 for the two bad files", code)
	}
	for _, want := range []string{"a-latin1.txt: loaded, read as Windows-1252, 2021-07-22", "b-utf16.txt: loaded, read as UTF-16LE, 2021-07-22", "c-utf8.txt: loaded, 2021-07-22"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, want := range []string{"d-damaged.txt: error: invalid UTF-8 at byte 13", "e-lone-surrogate.txt: error: invalid UTF-16: a lone surrogate at byte 20"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stdout+stderr, "\ufffd") {
		t.Errorf("a replacement character in the output:\n%s%s", stdout, stderr)
	}
}
