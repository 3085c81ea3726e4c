package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
)

// A writer is someone allowed to change the graph through the API: the name corrections
// are signed with, and the token that proves it.
type writer struct {
	name  string
	token string
}

// parseWriters reads the -token flag: one or more comma-separated NAME:TOKEN pairs, or one
// bare TOKEN, whose writer is named "analyst". A token is at least 16 characters long.
func parseWriters(s string) ([]writer, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var ws []writer
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		name, token, ok := strings.Cut(part, ":")
		if !ok {
			name, token = "analyst", part
		}
		if name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("-token: writer name %q: want a name without spaces before the colon: %w", name, errUsage)
		}
		if len(token) < 16 {
			return nil, fmt.Errorf("-token: the token of %s is %d characters long, want at least 16: %w", name, len(token), errUsage)
		}
		ws = append(ws, writer{name: name, token: token})
	}
	return ws, nil
}

// bearer returns the token of the request's "Authorization: Bearer" header, "" when none.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !strings.EqualFold(h[:7], "Bearer ") {
		return ""
	}
	return strings.TrimSpace(h[7:])
}

// tokenEqual compares two tokens in time that depends on neither: their hashes have one
// length, so not even the length of the right token leaks.
func tokenEqual(got, want string) bool {
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// authenticate returns the name of the writer whose token the request carries: "" and
// false when it carries a token no writer has, "" and true when it carries none.
func authenticate(r *http.Request, writers []writer) (name string, ok bool) {
	token := bearer(r)
	if token == "" {
		return "", r.Header.Get("Authorization") == ""
	}
	for _, w := range writers {
		if tokenEqual(token, w.token) {
			name = w.name // no early exit: every token is compared
		}
	}
	return name, name != ""
}
