package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"sort"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// IRIBase starts the IRI of everything JSON-LD names: an entity is IRIBase and its ID
// ("urn:egovgraph:state:bayern"), a release IRIBase+"release:" and its ID, a relation
// IRIBase+"relation:" and its ID, a role IRIBase+"role:" and its slug, a post
// IRIBase+"post:" with the organization's ID and the role's slug.
const IRIBase = "urn:egovgraph:"

// Vocabulary is the namespace of the terms egovgraph adds to the W3C Organization Ontology,
// written with the prefix "egov:" (see JSONLD).
const Vocabulary = IRIBase + "vocab:"

// jsonldContext maps the prefixes used and says which properties hold IRIs, dates and
// German text, so that the body can use plain strings.
var jsonldContext = json.RawMessage(`{
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "egov": "` + Vocabulary + `",
    "org:memberOf": {"@type": "@id"},
    "org:linkedTo": {"@type": "@id"},
    "org:holds": {"@type": "@id"},
    "org:heldBy": {"@type": "@id"},
    "org:postIn": {"@type": "@id"},
    "org:role": {"@type": "@id"},
    "org:member": {"@type": "@id"},
    "org:organization": {"@type": "@id"},
    "egov:worksOn": {"@type": "@id"},
    "egov:partner": {"@type": "@id"},
    "egov:party": {"@type": "@id"},
    "egov:post": {"@type": "@id"},
    "dcterms:subject": {"@type": "@id"},
    "owl:sameAs": {"@type": "@id"},
    "prov:wasDerivedFrom": {"@type": "@id"},
    "prov:wasQuotedFrom": {"@type": "@id"},
    "egov:firstSeen": {"@type": "xsd:date"},
    "egov:lastSeen": {"@type": "xsd:date"},
    "dcterms:date": {"@type": "xsd:date"},
    "time:inXSDDate": {"@type": "xsd:date"},
    "skos:prefLabel": {"@language": "de"},
    "skos:altLabel": {"@language": "de"},
    "foaf:name": {"@language": "de"},
    "dcterms:title": {"@language": "de"},
    "prov:value": {"@language": "de"}
  }`)

type jsonldDoc struct {
	Context json.RawMessage `json:"@context"`
	Graph   []any           `json:"@graph"`
}

type ldEntity struct {
	ID         string   `json:"@id"`
	Type       []string `json:"@type"`
	EntityType string   `json:"egov:entityType"`
	PrefLabel  string   `json:"skos:prefLabel"`
	Name       string   `json:"foaf:name,omitempty"`
	AltLabel   []string `json:"skos:altLabel,omitempty"`
	ISO3166    string   `json:"egov:iso3166,omitempty"`
	SameAs     string   `json:"owl:sameAs,omitempty"`
	Themenfeld string   `json:"egov:themenfeld,omitempty"`
	Degree     int      `json:"egov:degree"`
	Community  int      `json:"egov:community"`
	MemberOf   []string `json:"org:memberOf,omitempty"`
	LinkedTo   []string `json:"org:linkedTo,omitempty"`
	Holds      []string `json:"org:holds,omitempty"`
	WorksOn    []string `json:"egov:worksOn,omitempty"`
}

type ldPost struct {
	ID        string   `json:"@id"`
	Type      string   `json:"@type"`
	PrefLabel string   `json:"skos:prefLabel"`
	PostIn    string   `json:"org:postIn"`
	Role      string   `json:"org:role"`
	HeldBy    []string `json:"org:heldBy"`
}

type ldRole struct {
	ID        string `json:"@id"`
	Type      string `json:"@type"`
	PrefLabel string `json:"skos:prefLabel"`
}

type ldStatement struct {
	ID           string      `json:"@id"`
	Type         string      `json:"@type"`
	RelationType string      `json:"egov:relationType"`
	Member       string      `json:"org:member,omitempty"`
	Organization string      `json:"org:organization,omitempty"`
	Role         string      `json:"org:role,omitempty"`
	Post         string      `json:"egov:post,omitempty"`
	Partner      []string    `json:"egov:partner,omitempty"`
	Party        string      `json:"egov:party,omitempty"`
	Subject      string      `json:"dcterms:subject,omitempty"`
	MemberDuring *ldInterval `json:"org:memberDuring,omitempty"`
	FirstSeen    string      `json:"egov:firstSeen,omitempty"`
	LastSeen     string      `json:"egov:lastSeen,omitempty"`
	Weight       int         `json:"egov:weight"`
	DerivedFrom  []string    `json:"prov:wasDerivedFrom"`
	Evidence     []ldQuote   `json:"egov:evidence"`
}

type ldInterval struct {
	Type      string    `json:"@type"`
	Beginning ldInstant `json:"time:hasBeginning"`
	End       ldInstant `json:"time:hasEnd"`
}

type ldInstant struct {
	Type string `json:"@type"`
	Date string `json:"time:inXSDDate"`
}

type ldQuote struct {
	Type       string  `json:"@type"`
	Value      string  `json:"prov:value"`
	QuotedFrom string  `json:"prov:wasQuotedFrom"`
	Confidence float64 `json:"egov:confidence"`
}

type ldRelease struct {
	ID     string   `json:"@id"`
	Type   []string `json:"@type"`
	Title  string   `json:"dcterms:title,omitempty"`
	Date   string   `json:"dcterms:date,omitempty"`
	Source string   `json:"dcterms:source"`
}

// entityClasses are the classes of an entity of each type. Länder, the federation,
// municipalities and authorities are public bodies with a legal form: formal
// organizations and schema.org government organizations. Other organizations range from
// cooperatives and companies to working groups a release names, so they are
// org:Organization only.
var entityClasses = map[graph.EntityType][]string{
	graph.State:        {"org:FormalOrganization", "schema:GovernmentOrganization"},
	graph.Federal:      {"org:FormalOrganization", "schema:GovernmentOrganization"},
	graph.Municipality: {"org:FormalOrganization", "schema:GovernmentOrganization"},
	graph.Authority:    {"org:FormalOrganization", "schema:GovernmentOrganization"},
	graph.Organization: {"org:Organization"},
	graph.Person:       {"foaf:Person"},
	graph.Topic:        {"skos:Concept"},
	graph.Project:      {"foaf:Project"},
}

// JSONLD writes n as a JSON-LD 1.1 document in the W3C Organization Ontology (org:), with
// FOAF, SKOS, Dublin Core, PROV, OWL-Time and schema.org where org: has no term, and the
// egovgraph vocabulary (egov:, Vocabulary) for the rest. Its @graph holds, in this order:
//
//   - every entity: parties as org:FormalOrganization (Länder, Bund, municipalities,
//     authorities, also schema:GovernmentOrganization) or org:Organization, persons as
//     foaf:Person, topics as skos:Concept, projects as foaf:Project; each with
//     egov:entityType, skos:prefLabel (persons also foaf:name), skos:altLabel,
//     egov:iso3166, owl:sameAs its Wikidata item, egov:themenfeld, egov:degree,
//     egov:community, and the direct links org:memberOf, org:linkedTo (cooperation, on
//     both partners), org:holds (a person's posts) and egov:worksOn;
//   - every post (org:Post, a role in an organization, held by persons over time) with
//     org:postIn, org:role and org:heldBy, and every role (org:Role);
//   - one statement per relation, with the dates and sources of what releases said:
//     MEMBER_OF as org:Membership (org:member, org:organization); HOLDS_ROLE as
//     org:Membership with org:role and egov:post; COOPERATES_WITH as egov:Cooperation
//     (egov:partner, both ends); WORKS_ON as egov:Engagement (egov:party, dcterms:subject
//     the topic or project). Each has egov:relationType, egov:firstSeen and egov:lastSeen
//     (the first and last release dates), egov:weight (the number of releases),
//     prov:wasDerivedFrom the releases, and egov:evidence: each sentence as a
//     prov:Entity with prov:value, prov:wasQuotedFrom its release and egov:confidence.
//     Memberships also have org:memberDuring, a time:Interval from the first to the last
//     release stating them: when releases said so, not when the membership began or ended;
//   - every release the statements cite (prov:Entity, schema:Article) with dcterms:title,
//     dcterms:date and dcterms:source (its path or URL).
func JSONLD(w io.Writer, n network.Network) error {
	doc := jsonldDoc{Context: jsonldContext, Graph: []any{}}

	entities := make(map[string]*ldEntity, len(n.Nodes))
	var order []*ldEntity
	for _, node := range n.Nodes {
		e := &ldEntity{
			ID:         entityIRI(node.ID),
			Type:       entityClasses[node.Type],
			EntityType: string(node.Type),
			PrefLabel:  node.Name,
			AltLabel:   node.Aliases,
			ISO3166:    node.ISO3166,
			Themenfeld: node.Themenfeld,
			Degree:     node.Degree,
			Community:  node.Community,
		}
		if node.Type == graph.Person {
			e.Name = node.Name
		}
		if node.Wikidata != "" {
			e.SameAs = "http://www.wikidata.org/entity/" + node.Wikidata
		}
		entities[node.ID] = e
		order = append(order, e)
	}
	link := func(id string, field func(*ldEntity) *[]string, iri string) {
		if e, ok := entities[id]; ok {
			*field(e) = append(*field(e), iri)
		}
	}

	posts := map[string]*ldPost{}
	roles := map[string]*ldRole{}
	releases := map[string]ldRelease{}
	var statements []ldStatement
	for _, e := range n.Edges {
		from, to := entityIRI(e.From), entityIRI(e.To)
		st := ldStatement{
			ID:           IRIBase + "relation:" + url.PathEscape(e.ID),
			RelationType: string(e.Type),
			FirstSeen:    e.FirstSeen,
			LastSeen:     e.LastSeen,
			Weight:       e.Weight,
			DerivedFrom:  []string{},
			Evidence:     []ldQuote{},
		}
		switch e.Type {
		case graph.MemberOf:
			st.Type, st.Member, st.Organization = "org:Membership", from, to
			st.MemberDuring = interval(e)
			link(e.From, memberOf, to)
		case graph.HoldsRole:
			role := IRIBase + "role:" + graph.Slug(e.Role)
			post := IRIBase + "post:" + e.To + ":" + graph.Slug(e.Role)
			st.Type, st.Member, st.Organization, st.Role, st.Post = "org:Membership", from, to, role, post
			st.MemberDuring = interval(e)
			if roles[role] == nil {
				roles[role] = &ldRole{ID: role, Type: "org:Role", PrefLabel: e.Role}
			}
			p := posts[post]
			if p == nil {
				p = &ldPost{ID: post, Type: "org:Post", PrefLabel: postLabel(e, entities), PostIn: to, Role: role}
				posts[post] = p
			}
			p.HeldBy = append(p.HeldBy, from)
			link(e.From, holds, post)
		case graph.CooperatesWith:
			st.Type, st.Partner = "egov:Cooperation", []string{from, to}
			link(e.From, linkedTo, to)
			link(e.To, linkedTo, from)
		case graph.WorksOn:
			st.Type, st.Party, st.Subject = "egov:Engagement", from, to
			link(e.From, worksOn, to)
		default:
			return graph.Errorf(graph.EINVALID, "relation %s: unknown type %q", e.ID, e.Type)
		}
		for _, ev := range e.Evidence {
			rel := IRIBase + "release:" + ev.ReleaseID
			if !slices.Contains(st.DerivedFrom, rel) {
				st.DerivedFrom = append(st.DerivedFrom, rel)
			}
			st.Evidence = append(st.Evidence, ldQuote{Type: "prov:Entity", Value: ev.Sentence, QuotedFrom: rel, Confidence: ev.Confidence})
			releases[rel] = ldRelease{ID: rel, Type: []string{"prov:Entity", "schema:Article"}, Title: ev.Title, Date: ev.Date, Source: ev.Source}
		}
		statements = append(statements, st)
	}

	for _, e := range order {
		for _, l := range []*[]string{&e.MemberOf, &e.LinkedTo, &e.Holds, &e.WorksOn} {
			slices.Sort(*l)
			*l = slices.Compact(*l)
		}
		doc.Graph = append(doc.Graph, e)
	}
	for _, k := range sortedKeys(posts) {
		slices.Sort(posts[k].HeldBy)
		doc.Graph = append(doc.Graph, posts[k])
	}
	for _, k := range sortedKeys(roles) {
		doc.Graph = append(doc.Graph, roles[k])
	}
	for _, st := range statements {
		doc.Graph = append(doc.Graph, st)
	}
	for _, k := range sortedKeys(releases) {
		doc.Graph = append(doc.Graph, releases[k])
	}

	return doc.write(w)
}

// write writes the document indented, one node of the graph at a time, so that a large
// network is never held as one encoded value.
func (doc jsonldDoc) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var node bytes.Buffer
	enc := json.NewEncoder(&node)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	encode := func(v any) error {
		node.Reset()
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("encode JSON-LD: %w", err)
		}
		bw.Write(bytes.TrimSuffix(node.Bytes(), []byte("\n")))
		return nil
	}

	bw.WriteString("{\n  \"@context\": ")
	enc.SetIndent("  ", "  ")
	if err := encode(doc.Context); err != nil {
		return err
	}
	bw.WriteString(",\n  \"@graph\": [")
	enc.SetIndent("    ", "  ")
	for i, v := range doc.Graph {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		if err := encode(v); err != nil {
			return err
		}
	}
	if len(doc.Graph) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func entityIRI(id string) string { return IRIBase + id }

func memberOf(e *ldEntity) *[]string { return &e.MemberOf }
func linkedTo(e *ldEntity) *[]string { return &e.LinkedTo }
func holds(e *ldEntity) *[]string    { return &e.Holds }
func worksOn(e *ldEntity) *[]string  { return &e.WorksOn }

// interval returns the time from the first to the last release stating e, or nil when no
// release stating it has a date.
func interval(e network.Edge) *ldInterval {
	if e.FirstSeen == "" {
		return nil
	}
	return &ldInterval{
		Type:      "time:Interval",
		Beginning: ldInstant{Type: "time:Instant", Date: e.FirstSeen},
		End:       ldInstant{Type: "time:Instant", Date: e.LastSeen},
	}
}

// postLabel names the post of a HOLDS_ROLE edge: "Digitalministerin (Bayern)".
func postLabel(e network.Edge, entities map[string]*ldEntity) string {
	if org, ok := entities[e.To]; ok {
		return e.Role + " (" + org.PrefLabel + ")"
	}
	return e.Role
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
