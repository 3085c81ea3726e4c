package export

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/egovgraph/egovgraph/network"
)

// IRIs of the vocabularies, for reading N-Quads.
const (
	rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	xsdDate = "^^<http://www.w3.org/2001/XMLSchema#date>"
)

func org(term string) string  { return "<http://www.w3.org/ns/org#" + term + ">" }
func egov(term string) string { return "<" + Vocabulary + term + ">" }
func iri(s string) string     { return "<" + IRIBase + s + ">" }

// mustJSONLD parses out as JSON and returns the document and its RDF as N-Quads, one
// statement a line, as a JSON-LD 1.1 processor reads it.
func mustJSONLD(tb testing.TB, out []byte) (map[string]any, string) {
	tb.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		tb.Fatalf("the JSON-LD is not JSON: %v", err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	quads, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		tb.Fatalf("the JSON-LD does not convert to RDF: %v", err)
	}
	return doc, quads.(string)
}

func TestJSONLD(t *testing.T) {
	n := mustNetwork(t)
	out := mustWrite(t, JSONLD, n)
	checkGolden(t, "network.jsonld", out)
	doc, quads := mustJSONLD(t, out)

	ctx, _ := doc["@context"].(map[string]any)
	for prefix, want := range map[string]string{
		"org": "http://www.w3.org/ns/org#", "foaf": "http://xmlns.com/foaf/0.1/", "dcterms": "http://purl.org/dc/terms/",
		"prov": "http://www.w3.org/ns/prov#", "schema": "https://schema.org/",
	} {
		if ctx[prefix] != want {
			t.Errorf("@context %s: %v, want %s", prefix, ctx[prefix], want)
		}
	}

	bayern, gerlach, govdigital := iri("state:bayern"), iri("person:judith-gerlach"), iri("org:govdigital")
	membership := iri("relation:MEMBER_OF:state:bayern%3Eorg:govdigital")
	holding := iri("relation:HOLDS_ROLE:person:judith-gerlach%3Estate:bayern:digitalministerin")
	cooperation := iri("relation:COOPERATES_WITH:state:baden-wuerttemberg%3Estate:bayern")
	engagement := iri("relation:WORKS_ON:org:govdigital%3Etopic:cybersicherheit")
	post := iri("post:state:bayern:digitalministerin")
	for _, want := range []string{
		// Entities, with their classes, names and identifiers.
		bayern + " " + rdfType + " " + org("FormalOrganization"),
		bayern + " " + rdfType + " <https://schema.org/GovernmentOrganization>",
		bayern + ` <http://www.w3.org/2004/02/skos/core#prefLabel> "Bayern"@de`,
		bayern + ` <http://www.w3.org/2004/02/skos/core#altLabel> "Freistaat Bayern"@de`,
		bayern + " <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q980>",
		bayern + " " + egov("iso3166") + ` "DE-BY"`,
		bayern + " " + egov("degree") + ` "4"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		iri("state:baden-wuerttemberg") + ` <http://www.w3.org/2004/02/skos/core#prefLabel> "Baden-Württemberg"@de`,
		govdigital + " " + rdfType + " " + org("Organization"),
		iri(tricky.ID) + ` <http://www.w3.org/2004/02/skos/core#prefLabel> "Müller & Söhne \"IT\" <Dienste>"@de`,
		gerlach + " " + rdfType + " <http://xmlns.com/foaf/0.1/Person>",
		gerlach + ` <http://xmlns.com/foaf/0.1/name> "Judith Gerlach"@de`,
		iri("topic:cybersicherheit") + " " + rdfType + " <http://www.w3.org/2004/02/skos/core#Concept>",
		iri("project:servicekonto") + " " + rdfType + " <http://xmlns.com/foaf/0.1/Project>",
		// Direct links.
		bayern + " " + org("memberOf") + " " + govdigital,
		bayern + " " + org("linkedTo") + " " + iri("state:baden-wuerttemberg"),
		iri("state:baden-wuerttemberg") + " " + org("linkedTo") + " " + bayern,
		gerlach + " " + org("holds") + " " + post,
		bayern + " " + egov("worksOn") + " " + iri("project:servicekonto"),
		// The post and its role.
		post + " " + rdfType + " " + org("Post"),
		post + " " + org("postIn") + " " + bayern,
		post + " " + org("role") + " " + iri("role:digitalministerin"),
		post + " " + org("heldBy") + " " + gerlach,
		iri("role:digitalministerin") + " " + rdfType + " " + org("Role"),
		// Statements with dates and sources.
		membership + " " + rdfType + " " + org("Membership"),
		membership + " " + org("member") + " " + bayern,
		membership + " " + org("organization") + " " + govdigital,
		membership + " " + egov("firstSeen") + ` "2021-07-22"` + xsdDate,
		membership + " " + egov("lastSeen") + ` "2023-05-02"` + xsdDate,
		membership + " " + egov("weight") + ` "2"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		membership + " <http://www.w3.org/ns/prov#wasDerivedFrom> " + iri("release:by-joins-2021"),
		membership + " <http://www.w3.org/ns/prov#wasDerivedFrom> " + iri("release:govdigital-2023"),
		` <http://www.w3.org/2006/time#inXSDDate> "2023-05-02"` + xsdDate,
		` <http://www.w3.org/ns/prov#value> "Bayern tritt der Genossenschaft govdigital bei."@de`,
		` <http://www.w3.org/ns/prov#wasQuotedFrom> ` + iri("release:by-joins-2021"),
		holding + " " + rdfType + " " + org("Membership"),
		holding + " " + org("role") + " " + iri("role:digitalministerin"),
		holding + " " + org("member") + " " + gerlach,
		holding + " " + egov("post") + " " + post,
		cooperation + " " + rdfType + " " + egov("Cooperation"),
		cooperation + " " + egov("partner") + " " + bayern,
		cooperation + " " + egov("partner") + " " + iri("state:baden-wuerttemberg"),
		engagement + " " + rdfType + " " + egov("Engagement"),
		engagement + " " + egov("party") + " " + govdigital,
		engagement + " <http://purl.org/dc/terms/subject> " + iri("topic:cybersicherheit"),
		engagement + " <http://www.w3.org/ns/prov#wasDerivedFrom> " + iri("release:undated-note"),
		// Releases.
		iri("release:by-joins-2021") + ` <http://purl.org/dc/terms/date> "2021-07-22"` + xsdDate,
		iri("release:by-joins-2021") + ` <http://purl.org/dc/terms/source> "releases/by-joins-2021.md"`,
		iri("release:by-joins-2021") + ` <http://purl.org/dc/terms/title> "Titel von by-joins-2021"@de`,
	} {
		if !strings.Contains(quads, want) {
			t.Errorf("the RDF lacks %s", want)
		}
	}
	// The undated statement has no dates and no membership interval.
	for _, line := range strings.Split(quads, "\n") {
		if strings.HasPrefix(line, engagement+" ") && strings.Contains(line, "Seen>") {
			t.Errorf("undated statement has a date: %s", line)
		}
	}
	for _, st := range []string{membership, holding, cooperation, engagement} {
		if !strings.Contains(quads, st+" <http://www.w3.org/ns/prov#wasDerivedFrom> ") {
			t.Errorf("statement %s names no source", st)
		}
	}
}

// TestJSONLDTermsExpand checks that every property of every node is defined by the
// context: a JSON-LD processor silently drops a term it cannot expand.
func TestJSONLDTermsExpand(t *testing.T) {
	doc, _ := mustJSONLD(t, mustWrite(t, JSONLD, mustNetwork(t)))
	expanded, err := ld.NewJsonLdProcessor().Expand(doc, ld.NewJsonLdOptions(""))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	for _, x := range expanded {
		node := x.(map[string]any)
		id, _ := node["@id"].(string)
		byID[id] = node
	}
	nodes, _ := doc["@graph"].([]any)
	if len(nodes) == 0 {
		t.Fatal("empty @graph")
	}
	for _, x := range nodes {
		node := x.(map[string]any)
		id, _ := node["@id"].(string)
		exp, ok := byID[id]
		if !ok {
			t.Errorf("node %s is missing after expansion", id)
			continue
		}
		for key := range node {
			if strings.HasPrefix(key, "@") {
				continue
			}
			prefix, term, _ := strings.Cut(key, ":")
			ns, _ := doc["@context"].(map[string]any)[prefix].(string)
			if _, ok := exp[ns+term]; ns == "" || !ok {
				t.Errorf("node %s: property %q does not expand to an IRI", id, key)
			}
		}
	}
}

func TestJSONLDEmptyNetwork(t *testing.T) {
	doc, quads := mustJSONLD(t, mustWrite(t, JSONLD, network.Network{}))
	if g, ok := doc["@graph"].([]any); !ok || len(g) != 0 || quads != "" {
		t.Errorf("empty network: @graph %v, RDF %q; want an empty graph", doc["@graph"], quads)
	}
}
