// Every GraphQL query the dashboard makes, in one place: the page uses only the public API,
// the same queries a dashboard of a user's own would make.

export type RelationType = "MEMBER_OF" | "COOPERATES_WITH" | "HOLDS_ROLE" | "WORKS_ON";
export type EntityType =
  | "State" | "Federal" | "Municipality" | "Authority" | "Organization" | "Person" | "Topic" | "Project";

export const relationTypes: RelationType[] = ["COOPERATES_WITH", "MEMBER_OF", "WORKS_ON", "HOLDS_ROLE"];
export const entityTypes: EntityType[] = [
  "State", "Federal", "Municipality", "Authority", "Organization", "Person", "Topic", "Project",
];

// The API may spell entity types in PascalCase (State) or UPPER_CASE (STATE); the page keeps
// the PascalCase of the graph model and of /export, whatever the schema answers.
const entityTypeByUpper = new Map(entityTypes.map((t) => [t.toUpperCase(), t]));

function canonical<T extends { type: string }>(x: T): T {
  return { ...x, type: entityTypeByUpper.get(x.type.toUpperCase()) ?? x.type };
}

export interface NetworkFilter {
  relationTypes?: RelationType[];
  entityTypes?: EntityType[];
  state?: string;
  since?: string;
  until?: string;
}

export interface NetNode {
  id: string;
  type: EntityType;
  name: string;
  degree: number;
  community: number;
}

export interface NetEdge {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  role: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  weight: number;
}

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface Evidence {
  sentence: string;
  date: string | null;
  release: { title: string; date: string | null; source: string };
}

export interface Relation {
  id: string;
  type: RelationType;
  role: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  weight: number;
  from: EntityRef;
  to: EntityRef;
  evidence: Evidence[];
}

export interface Holder {
  person: EntityRef;
  roles: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface Post {
  name: string;
  party: EntityRef;
  holders: Holder[];
}

export interface EntityDetails extends EntityRef {
  aliases: string[];
  iso3166: string | null;
  wikidata: string | null;
  themenfeld: string | null;
  centrality: { degree: number; betweenness: number; pageRank: number; community: number };
  posts: Post[];
  relations: Relation[];
  relationCount: number;
}

export interface Step {
  from: EntityRef;
  to: EntityRef;
  relations: Relation[];
}

export interface Path {
  length: number;
  nodes: EntityRef[];
  steps: Step[];
}

/** GraphQLError is an error the API answered, with its extensions.code. */
export class GraphQLError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

async function query<T>(text: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await fetch("graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query: text, variables }),
    signal,
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLError(`HTTP ${res.status}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new GraphQLError(e.message, e.extensions?.code);
  }
  if (!body.data) throw new GraphQLError(`HTTP ${res.status}: no data`);
  return body.data;
}

const pageSize = 500;

interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function all<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    for (const e of page.edges) out.push(e.node);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const networkNodesQuery = `query NetworkNodes($filter: NetworkFilter, $asOf: Date, $first: Int, $after: String) {
  network(filter: $filter, asOf: $asOf) {
    nodes(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id type name degree community } }
    }
  }
}`;

const networkEdgesQuery = `query NetworkEdges($filter: NetworkFilter, $asOf: Date, $first: Int, $after: String) {
  network(filter: $filter, asOf: $asOf) {
    edges(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id type from to role firstSeen lastSeen weight } }
    }
  }
}`;

/** networkNodes loads every node of the network the filter selects, page by page. */
export function networkNodes(filter: NetworkFilter, asOf?: string, signal?: AbortSignal): Promise<NetNode[]> {
  const vars = { filter, asOf: asOf || null, first: pageSize };
  return all<NetNode>(async (after) => {
    const page = (await query<{ network: { nodes: Page<NetNode> } }>(networkNodesQuery, { ...vars, after }, signal)).network.nodes;
    return { ...page, edges: page.edges.map((e) => ({ node: canonical(e.node) })) };
  });
}

/** networkEdges loads every relation of the network the filter selects, page by page. */
export function networkEdges(filter: NetworkFilter, asOf?: string, signal?: AbortSignal): Promise<NetEdge[]> {
  const vars = { filter, asOf: asOf || null, first: pageSize };
  return all<NetEdge>(async (after) =>
    (await query<{ network: { edges: Page<NetEdge> } }>(networkEdgesQuery, { ...vars, after }, signal)).network.edges);
}

const changesQuery = `query Changes($since: Date, $until: Date, $first: Int, $after: String) {
  changes(since: $since, until: $until, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}`;

/** changes lists the IDs of the relations first stated from since to until. */
export async function changes(since: string, until?: string, signal?: AbortSignal): Promise<string[]> {
  const rels = await all<{ id: string }>(async (after) =>
    (await query<{ changes: Page<{ id: string }> }>(changesQuery,
      { since, until: until || null, first: pageSize, after }, signal)).changes);
  return rels.map((r) => r.id);
}

const searchQuery = `query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) { id name type }
}`;

/** search finds entities by name or alias, folding case and umlauts as the API does. */
export async function search(text: string, first = 10, signal?: AbortSignal): Promise<EntityRef[]> {
  return (await query<{ search: EntityRef[] }>(searchQuery, { text, first }, signal)).search.map(canonical);
}

const relationFields = `id type role firstSeen lastSeen weight
  from { id name type } to { id name type }
  evidence { sentence date release { title date source } }`;

const entityQuery = `query Entity($id: ID!, $asOf: Date) {
  entity(id: $id) {
    id name type aliases iso3166 wikidata themenfeld
    centrality { degree betweenness pageRank community }
    posts(first: 20) {
      edges { node { name party { id name type }
        holders(first: 20) { edges { node { person { id name type } roles firstSeen lastSeen } } } } }
    }
    relations(asOf: $asOf, first: 100) {
      totalCount
      edges { node { ${relationFields} } }
    }
  }
}`;

interface EntityAnswer extends EntityRef {
  aliases: string[];
  iso3166: string | null;
  wikidata: string | null;
  themenfeld: string | null;
  centrality: EntityDetails["centrality"];
  posts: { edges: { node: { name: string; party: EntityRef; holders: { edges: { node: Holder }[] } } }[] };
  relations: { totalCount: number; edges: { node: Relation }[] };
}

/** entity loads what the details panel shows of one entity, as it stood on asOf. */
export async function entity(id: string, asOf?: string, signal?: AbortSignal): Promise<EntityDetails | null> {
  const e = (await query<{ entity: EntityAnswer | null }>(entityQuery, { id, asOf: asOf || null }, signal)).entity;
  if (!e) return null;
  return {
    ...canonical(e),
    posts: e.posts.edges.map(({ node }) => ({
      ...node, party: canonical(node.party), holders: node.holders.edges.map((h) => ({ ...h.node, person: canonical(h.node.person) })),
    })),
    relations: e.relations.edges.map((r) => canonicalRelation(r.node)),
    relationCount: e.relations.totalCount,
  };
}

const pathQuery = `query Path($from: ID!, $to: ID!, $asOf: Date, $types: [RelationType!]) {
  path(from: $from, to: $to, asOf: $asOf, types: $types) {
    totalCount
    edges { node { length nodes { id name type }
      steps { from { id name type } to { id name type } relations { ${relationFields} } } } }
  }
}`;

/** paths lists the shortest connections between two entities, each step with its evidence. */
export async function paths(from: string, to: string, asOf?: string, types?: RelationType[], signal?: AbortSignal): Promise<Path[]> {
  const p = (await query<{ path: { edges: { node: Path }[] } }>(pathQuery,
    { from, to, asOf: asOf || null, types: types?.length ? types : null }, signal)).path;
  return p.edges.map(({ node }) => ({
    ...node,
    nodes: node.nodes.map(canonical),
    steps: node.steps.map((s) => ({ from: canonical(s.from), to: canonical(s.to), relations: s.relations.map(canonicalRelation) })),
  }));
}

function canonicalRelation(r: Relation): Relation {
  return { ...r, from: canonical(r.from), to: canonical(r.to) };
}

/** exportURL is the address of the network export in format with the view's filters. */
export function exportURL(format: "graphml" | "gexf", filter: NetworkFilter, asOf?: string): string {
  const q = new URLSearchParams();
  if (filter.relationTypes?.length) q.set("types", filter.relationTypes.join(","));
  if (filter.entityTypes?.length) q.set("entityTypes", filter.entityTypes.join(","));
  if (filter.state) q.set("state", filter.state);
  if (filter.since) q.set("since", filter.since);
  if (filter.until) q.set("until", filter.until);
  if (asOf) q.set("asOf", asOf);
  const s = q.toString();
  return `export/${format}${s ? "?" + s : ""}`;
}
