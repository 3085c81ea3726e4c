package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// postAs sends query to base/graphql with the given Authorization header ("" for none)
// and returns the status and the answer.
func postAs(t *testing.T, base, auth, query string, vars map[string]any) (int, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode answer (status %d): %v", resp.StatusCode, err)
	}
	return resp.StatusCode, r
}

const addMutation = `mutation($text: String!) {
  addRelease(input: {text: $text, source: "https://example.org/pm/sachsen"}) {
    changed release { id source date entities { id } }
  }
}`

// code returns the extensions.code of the first error, "" when there is none.
func code(r gqlResponse) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func TestWritesWithoutConfiguredTokenAreForbidden(t *testing.T) {
	base := startServer(t)
	status, r := postAs(t, base, "", addMutation, map[string]any{"text": joinRelease})
	if status != http.StatusForbidden || code(r) != "FORBIDDEN" {
		t.Fatalf("addRelease on a server without tokens: status %d, errors %+v; want 403 FORBIDDEN", status, r.Errors)
	}
	if !strings.Contains(r.Errors[0].Message, "-token") || !strings.Contains(r.Errors[0].Message, "EGOVGRAPH_TOKEN") {
		t.Errorf("the refusal %q does not say how to enable writes", r.Errors[0].Message)
	}
}

func TestWritesNeedTheToken(t *testing.T) {
	const token = "s3cret-token-of-alice"
	base, logged := startServerLog(t, "-token", "alice:"+token)
	read := `{ stats { releases } }`

	for _, tt := range []struct{ name, auth string }{
		{"no token", ""},
		{"wrong token", "Bearer not-the-token-of-anyone"},
		{"token of another scheme", "Basic " + token},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, r := postAs(t, base, tt.auth, addMutation, map[string]any{"text": joinRelease})
			if status != http.StatusUnauthorized || code(r) != "UNAUTHENTICATED" {
				t.Errorf("addRelease: status %d, errors %+v; want 401 UNAUTHENTICATED", status, r.Errors)
			}
			for _, m := range []string{
				`mutation { deleteRelease(input: {id: "x"}) { id } }`,
				`mutation { rejectFact(input: {relation: "MEMBER_OF:state:bayern>org:govdigital", note: "n"}) { correction { id } } }`,
				`mutation { renameEntity(input: {entity: "state:bayern", name: "B", note: "n"}) { correction { id } } }`,
			} {
				status, r = postAs(t, base, tt.auth, m, nil)
				if status != http.StatusUnauthorized || code(r) != "UNAUTHENTICATED" {
					t.Errorf("%s: status %d, errors %+v; want 401 UNAUTHENTICATED", m, status, r.Errors)
				}
			}
		})
	}
	// Reads need no token.
	if status, r := postAs(t, base, "", read, nil); status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"releases":5`) {
		t.Errorf("read without a token: status %d, %s %+v; want the 5 samples", status, r.Data, r.Errors)
	}

	status, r := postAs(t, base, "Bearer "+token, addMutation, map[string]any{"text": joinRelease})
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("addRelease with the token: status %d, errors %+v", status, r.Errors)
	}
	var added struct {
		AddRelease struct {
			Changed bool
			Release struct {
				ID, Source, Date string
				Entities         []struct{ ID string }
			}
		}
	}
	json.Unmarshal(r.Data, &added)
	rel := added.AddRelease.Release
	if !added.AddRelease.Changed || rel.Source != "https://example.org/pm/sachsen" || rel.Date != "2024-03-03" || !strings.Contains(string(r.Data), "state:sachsen") {
		t.Errorf("addRelease answered %s, want the new release with state:sachsen dated 2024-03-03", r.Data)
	}
	// The same text again changes nothing and names the stored release.
	_, r = postAs(t, base, "Bearer "+token, addMutation, map[string]any{"text": joinRelease})
	if !strings.Contains(string(r.Data), `"changed":false`) || !strings.Contains(string(r.Data), rel.ID) {
		t.Errorf("addRelease of the same text: %s %+v, want changed false and release %s", r.Data, r.Errors, rel.ID)
	}
	if _, r := postAs(t, base, "", read, nil); !strings.Contains(string(r.Data), `"releases":1`) {
		t.Errorf("after adding a release of our own: %s, want 1 release (the samples removed)", r.Data)
	}

	status, r = postAs(t, base, "Bearer "+token, `mutation($id: ID!) { deleteRelease(input: {id: $id}) { id } }`, map[string]any{"id": rel.ID})
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("deleteRelease with the token: status %d, errors %+v", status, r.Errors)
	}
	if _, r := postAs(t, base, "", read, nil); !strings.Contains(string(r.Data), `"releases":0`) {
		t.Errorf("after deleting it: %s, want 0 releases", r.Data)
	}
	_, r = postAs(t, base, "Bearer "+token, `mutation { deleteRelease(input: {id: "no-such-release"}) { id } }`, nil)
	if code(r) != "NOT_FOUND" {
		t.Errorf("deleteRelease of an unknown release: %+v, want NOT_FOUND", r.Errors)
	}

	log := logged()
	if strings.Contains(log, token) || strings.Contains(log, "not-the-token-of-anyone") {
		t.Errorf("the log holds a token:\n%s", log)
	}
	if !strings.Contains(log, "wrong token") || !strings.Contains(log, "by=alice") {
		t.Errorf("the log lacks the refusal or the writer's name:\n%s", log)
	}
}

func TestServeRefusesShortTokens(t *testing.T) {
	code, _, stderr := runCmd(t, "serve", "-token", "alice:short")
	if code != 2 || !strings.Contains(stderr, "at least 16") {
		t.Errorf("serve -token alice:short: exit %d, %q; want 2 and the length rule", code, stderr)
	}
}
