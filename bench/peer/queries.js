// The query pairs of the benchmark: what egovgraph is asked, what the peer is asked in each
// of its variants, and how each answer is brought to one form, so that bench.js can check
// that they return the same data before it times them.
const bayern = "state:bayern";

const byID = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const end = (e) => ({ id: e.id, name: e.name });
const relation = (r) => ({
  id: r.id, type: r.type, weight: r.weight, firstSeen: r.firstSeen ?? null, lastSeen: r.lastSeen ?? null,
  from: end(r.from), to: end(r.to),
});

// aggregate turns the facts the plain @relationship fields return into relations, as
// egovgraph aggregates them: one per relationId, its weight the number of releases stating
// it, first and last seen the earliest and latest date.
function aggregate(entity) {
  const self = end(entity);
  const fields = [
    ["memberOfConnection", "MEMBER_OF", true],
    ["membersConnection", "MEMBER_OF", false],
    ["cooperatesWithConnection", "COOPERATES_WITH", true],
    ["cooperatesWithInConnection", "COOPERATES_WITH", false],
  ];
  const rels = new Map();
  for (const [field, type, out] of fields) {
    for (const { properties: p, node } of entity[field].edges) {
      const r = rels.get(p.relationId) ?? {
        id: p.relationId, type, releases: new Set(), dates: [],
        from: out ? self : end(node), to: out ? end(node) : self,
      };
      r.releases.add(p.release);
      if (p.date) r.dates.push(p.date);
      rels.set(p.relationId, r);
    }
  }
  return [...rels.values()].sort(byID).map((r) => {
    r.dates.sort();
    return relation({ ...r, weight: r.releases.size, firstSeen: r.dates[0], lastSeen: r.dates.at(-1) });
  });
}

const facts = `edges { properties { relationId release date } node { id name } }`;

export const queries = [
  {
    name: "entity with its MEMBER_OF and COOPERATES_WITH relations",
    egovgraph: {
      query: `{ entity(id: "${bayern}") { id name relations(types: [MEMBER_OF, COOPERATES_WITH], first: 500) {
        edges { node { id type weight firstSeen lastSeen from { id name } to { id name } } } } } }`,
      normalize: (d) => ({ ...end(d.entity), relations: d.entity.relations.edges.map((e) => relation(e.node)).sort(byID) }),
    },
    peer: {
      "plain @relationship": {
        query: `{ entities(where: { id: { eq: "${bayern}" } }) { id name
          memberOfConnection { ${facts} } membersConnection { ${facts} }
          cooperatesWithConnection { ${facts} } cooperatesWithInConnection { ${facts} } } }`,
        normalize: (d) => ({ ...end(d.entities[0]), relations: aggregate(d.entities[0]) }),
      },
      "@cypher": {
        query: `{ entities(where: { id: { eq: "${bayern}" } }) { id name
          relations(types: ["MEMBER_OF", "COOPERATES_WITH"]) { id type weight firstSeen lastSeen from { id name } to { id name } } } }`,
        normalize: (d) => ({ ...end(d.entities[0]), relations: d.entities[0].relations.map(relation).sort(byID) }),
      },
    },
  },
  {
    name: "depth-2 neighborhood, first 50",
    egovgraph: {
      query: `{ neighborhood(id: "${bayern}", depth: 2, first: 50) {
        nodes { id type name } edges { id type from { id } to { id } weight } } }`,
      normalize: (d) => d.neighborhood,
    },
    peer: {
      "@cypher": {
        query: `{ neighborhood(id: "${bayern}", first: 50) {
          nodes { id type name } edges { id type from { id } to { id } weight } } }`,
        normalize: (d) => d.neighborhood,
      },
    },
  },
  {
    name: "50 municipalities with relation counts",
    egovgraph: {
      query: `{ entities(type: Municipality, first: 50) { edges { node { id name relations(first: 1) { totalCount } } } } }`,
      normalize: (d) => d.entities.edges.map(({ node: n }) => ({ id: n.id, name: n.name, relations: n.relations.totalCount })),
    },
    peer: {
      "@cypher": {
        query: `{ entities(where: { type: { eq: "Municipality" } }, sort: [{ id: ASC }], limit: 50) { id name relationCount } }`,
        normalize: (d) => d.entities.map((n) => ({ id: n.id, name: n.name, relations: n.relationCount })),
      },
    },
  },
  {
    name: 'search "Verwaltung"',
    egovgraph: {
      query: `{ search(text: "Verwaltung", first: 20) { id name type } }`,
      normalize: (d) => d.search,
    },
    peer: {
      // The peer is given the text folded, as egovgraph folds it itself.
      "@cypher": {
        query: `{ search(text: "verwaltung", first: 20) { id name type } }`,
        normalize: (d) => d.search,
      },
    },
  },
];
