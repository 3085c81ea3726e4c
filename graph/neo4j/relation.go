package neo4j

import (
	"cmp"
	"context"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// typePattern returns the relationship types of a Cypher pattern for ts, every relation
// type when ts is empty: "MEMBER_OF|WORKS_ON". The types must be valid.
func typePattern(ts []graph.RelationType) string {
	if len(ts) == 0 {
		ts = graph.RelationTypes
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = string(t)
	}
	return strings.Join(names, "|")
}

// validTypes reports an EINVALID error for a type the contract does not know.
func validTypes(ts []graph.RelationType) error {
	for _, t := range ts {
		if !t.Valid() {
			return graph.Errorf(graph.EINVALID, "unknown relation type %q", t)
		}
	}
	return nil
}

// Relations returns the relations the filter selects, ordered by ID, each with the
// evidence of every release stating it.
func (s *Store) Relations(ctx context.Context, f graph.RelationFilter) (graph.Paged[graph.Relation], error) {
	var page graph.Paged[graph.Relation]
	if err := f.Validate(); err != nil {
		return page, err
	}
	// Start from the entity the filter names, if any, so the index on IDs finds it.
	anchor := cmp.Or(f.Entity, f.From, f.To)
	match := "MATCH (:Entity)-[x:" + typePattern(f.Types) + "]->(:Entity)"
	if anchor != "" {
		match = "MATCH (:Entity {id: $anchor})-[x:" + typePattern(f.Types) + "]-(:Entity)"
	}
	size := f.Size()
	err := s.read(ctx, "relations", func(tx driver.ManagedTransaction) error {
		// A symmetric relation matches From and To in either order; a relation matches the
		// dates when one of its releases is dated within them.
		rec, err := single(ctx, tx, match+`
			WITH x, startNode(x).id AS a, endNode(x).id AS b
			WHERE ($entity = '' OR a = $entity OR b = $entity)
				AND ((($from = '' OR a = $from) AND ($to = '' OR b = $to))
					OR (type(x) = 'COOPERATES_WITH' AND ($from = '' OR b = $from) AND ($to = '' OR a = $to)))
			WITH x.relationId AS id, collect(x.date) AS dates, collect(DISTINCT elementId(x)) AS elements
			WHERE ($since = '' AND $until = '')
				OR any(d IN dates WHERE ($since = '' OR d >= $since) AND ($until = '' OR d <= $until))
			WITH id, elements ORDER BY id
			WITH collect({id: id, elements: elements}) AS refs
			RETURN size(refs), [r IN refs WHERE r.id > $after][..$limit]`,
			map[string]any{
				"anchor": anchor, "entity": f.Entity, "from": f.From, "to": f.To,
				"since": f.Since, "until": f.Until, "after": f.After, "limit": size + 1,
			})
		if err != nil {
			return err
		}
		page.Total = integer(rec.Values[0])
		refs := maps(rec.Values[1])
		if len(refs) > size {
			refs, page.More = refs[:size], true
		}
		var elements []string
		for _, r := range refs {
			elements = append(elements, strs(r["elements"])...)
		}
		page.Items, err = readRelations(ctx, tx, `
			UNWIND $elements AS element
			MATCH ()-[x]->()
			WHERE elementId(x) = element`,
			map[string]any{"elements": elements})
		return err
	})
	return page, err
}

// readRelations runs match, a query whose rows are distinct fact relationships x, and
// returns the relations they state, ordered by ID, with their evidence ordered by
// graph.SortEvidence and their role spelled by spelling.
func readRelations(ctx context.Context, tx driver.ManagedTransaction, match string, params map[string]any) ([]graph.Relation, error) {
	recs, err := collect(ctx, tx, match+`
		MATCH (r:Release {id: x.release})
		WITH x.relationId AS id, type(x) AS type, startNode(x).id AS from, endNode(x).id AS to,
			collect({release: r.id, source: r.source, title: r.title, date: r.date,
				sentence: x.evidence, quote: x.quote, confidence: x.confidence, rule: x.rule, role: x.role, pos: x.pos}) AS evidence
		RETURN id, type, from, to, evidence
		ORDER BY id`, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Relation, 0, len(recs))
	for _, rec := range recs {
		r := graph.Relation{
			ID:   str(rec.Values[0]),
			Type: graph.RelationType(str(rec.Values[1])),
			From: str(rec.Values[2]),
			To:   str(rec.Values[3]),
		}
		var role spelling
		for _, e := range maps(rec.Values[4]) {
			ev := graph.Evidence{
				ReleaseID:  str(e["release"]),
				Source:     str(e["source"]),
				Title:      str(e["title"]),
				Date:       str(e["date"]),
				Sentence:   str(e["sentence"]),
				Quote:      str(e["quote"]),
				Confidence: float(e["confidence"]),
				Rule:       str(e["rule"]),
			}
			r.Evidence = append(r.Evidence, ev)
			role.offer(ev, integer(e["pos"]), str(e["role"]))
		}
		r.Role = role.role
		graph.SortEvidence(r.Evidence)
		out = append(out, r)
	}
	return out, nil
}

// spelling picks how a relation's role is spelled when its facts spell it differently (the
// same slug): as the newest release stating it spells it (dated before undated, the later
// date, then the smaller release ID), in the first of that release's facts.
type spelling struct {
	from graph.Evidence
	pos  int
	role string
	set  bool
}

// offer considers the role as spelled by the fact at pos of the release of e.
func (s *spelling) offer(e graph.Evidence, pos int, role string) {
	if s.set && !newerFact(e, pos, s.from, s.pos) {
		return
	}
	*s = spelling{from: e, pos: pos, role: role, set: true}
}

func newerFact(a graph.Evidence, aPos int, b graph.Evidence, bPos int) bool {
	if (a.Date == "") != (b.Date == "") {
		return b.Date == ""
	}
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	if a.ReleaseID != b.ReleaseID {
		return a.ReleaseID < b.ReleaseID
	}
	return aPos < bPos
}
