// The dashboard: the cooperation network drawn with sigma.js (WebGL) over a graphology
// graph, its filters, time slider, search, details, paths and exports. The view lives in the
// URL's query string, so it can be shared and bookmarked.
import { MultiGraph } from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { downloadAsPNG } from "@sigma/export-image";
import * as api from "./api";
import type { EntityType, NetEdge, NetNode, RelationType, Relation, EntityDetails, Path } from "./api";
import { labels, type Lang, type Labels } from "./i18n";
import "./style.css";

// Colours: darker variants of a colour-blind-safe palette, each at least 3:1 against white.
const entityColour: Record<EntityType, string> = {
  State: "#0b5cad", Federal: "#222222", Municipality: "#1b7f4b", Authority: "#a23b72",
  Organization: "#b35900", Person: "#6a4c93", Topic: "#6b6b00", Project: "#00798c",
};
const relationColour: Record<RelationType, string> = {
  COOPERATES_WITH: "#c0392b", MEMBER_OF: "#5b6fa8", WORKS_ON: "#3f8f5f", HOLDS_ROLE: "#9a7fc0",
};
const communityColours = [
  "#0b5cad", "#c0392b", "#1b7f4b", "#b35900", "#6a4c93", "#00798c", "#a23b72", "#6b6b00", "#4a4a4a", "#8c564b",
];
const dimColour = "#d9dce1";
const newColour = "#e8590c";
const pathColour = "#111111";

type Colouring = "type" | "community";

interface View {
  types: RelationType[];
  entityTypes: EntityType[];
  state: string;
  since: string;
  until: string;
  asOf: string;
  newSince: string;
  sel: string;
  from: string;
  to: string;
  colour: Colouring;
  lang: Lang;
  projector: boolean;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let view: View = readURL();
let L: Labels = labels[view.lang];
const graph = new MultiGraph();
let renderer: Sigma | null = null;
const nodes = new Map<string, NetNode>();
let edges: NetEdge[] = [];
let days: string[] = []; // the slider's days, oldest first; one step past the last is "all"
let visNodes = new Set<string>();
let visEdges = new Set<string>();
let dateMask: Set<string> | null = null;
let newEdges = new Set<string>();
let focusNodes: Set<string> | null = null;
let pathNodes = new Set<string>();
let pathEdges = new Set<string>();
let details: EntityDetails | null = null;
let shownPaths: Path[] | null = null;

function readURL(): View {
  const q = new URLSearchParams(location.search);
  const list = <T extends string>(key: string, all: T[]): T[] => {
    const v = q.get(key);
    if (v === null) return [...all];
    return v.split(",").filter((x): x is T => (all as string[]).includes(x));
  };
  const lang = q.get("lang") === "en" ? "en" : "de";
  return {
    types: list("types", api.relationTypes),
    entityTypes: list("entityTypes", api.entityTypes),
    state: q.get("state") ?? "",
    since: q.get("since") ?? "",
    until: q.get("until") ?? "",
    asOf: q.get("asOf") ?? "",
    newSince: q.get("new") ?? "",
    sel: q.get("sel") ?? "",
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
    colour: q.get("colour") === "community" ? "community" : "type",
    lang,
    projector: q.get("projector") === "1",
  };
}

function writeURL() {
  const q = new URLSearchParams();
  if (view.types.length !== api.relationTypes.length) q.set("types", view.types.join(","));
  if (view.entityTypes.length !== api.entityTypes.length) q.set("entityTypes", view.entityTypes.join(","));
  const opt: [string, string][] = [
    ["state", view.state], ["since", view.since], ["until", view.until], ["asOf", view.asOf],
    ["new", view.newSince], ["sel", view.sel], ["from", view.from], ["to", view.to],
  ];
  for (const [k, v] of opt) if (v) q.set(k, v);
  if (view.colour !== "type") q.set("colour", view.colour);
  if (view.lang !== "de") q.set("lang", view.lang);
  if (view.projector) q.set("projector", "1");
  const s = q.toString();
  history.replaceState(null, "", s ? `?${s}` : location.pathname);
}

function filter(): api.NetworkFilter {
  const f: api.NetworkFilter = {};
  if (view.types.length !== api.relationTypes.length) f.relationTypes = view.types;
  if (view.entityTypes.length !== api.entityTypes.length) f.entityTypes = view.entityTypes;
  if (view.state) f.state = view.state;
  if (view.since) f.since = view.since;
  if (view.until) f.until = view.until;
  return f;
}

// ---- text ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

function applyLang() {
  L = labels[view.lang];
  document.documentElement.lang = view.lang;
  document.title = L.title;
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((e) => {
    e.textContent = L[e.dataset.i18n as keyof Labels] as string;
  });
  document.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]").forEach((e) => {
    e.placeholder = L[e.dataset.i18nPlaceholder as keyof Labels] as string;
  });
  document.querySelectorAll<HTMLElement>("[data-i18n-aria]").forEach((e) => {
    e.setAttribute("aria-label", L[e.dataset.i18nAria as keyof Labels] as string);
  });
  $("lang").setAttribute("aria-pressed", String(view.lang === "en"));
  $("lang").setAttribute("lang", view.lang === "de" ? "en" : "de");
}

function formatDate(d: string | null): string {
  if (!d) return "–";
  const [y, m, day] = d.split("-");
  return view.lang === "de" ? `${Number(day)}.${Number(m)}.${y}` : d;
}

// ---- controls ----

function buildControls() {
  const rel = $("relation-types");
  rel.querySelectorAll("label").forEach((x) => x.remove());
  for (const t of api.relationTypes) {
    const box = el("input", { type: "checkbox", value: t });
    box.checked = view.types.includes(t);
    box.addEventListener("change", () => {
      view.types = api.relationTypes.filter((x) => (rel.querySelector(`input[value="${x}"]`) as HTMLInputElement).checked);
      update();
    });
    rel.append(el("label", {}, box, el("span", { class: "swatch edge", style: `background:${relationColour[t]}` }), L.relation[t]));
  }
  const ent = $("entity-types");
  ent.querySelectorAll("label").forEach((x) => x.remove());
  for (const t of api.entityTypes) {
    const box = el("input", { type: "checkbox", value: t });
    box.checked = view.entityTypes.includes(t);
    box.addEventListener("change", () => {
      view.entityTypes = api.entityTypes.filter((x) => (ent.querySelector(`input[value="${x}"]`) as HTMLInputElement).checked);
      update();
    });
    const swatch = view.colour === "type" ? el("span", { class: "swatch", style: `background:${entityColour[t]}` }) : null;
    ent.append(el("label", {}, box, swatch, L.entity[t]));
  }
  const state = $<HTMLSelectElement>("state");
  state.replaceChildren(el("option", { value: "" }, L.allStates));
  for (const n of sortedNodes().filter((n) => n.type === "State")) state.append(el("option", { value: n.id }, n.name));
  state.value = view.state;
  for (const id of ["path-from", "path-to"]) {
    const s = $<HTMLSelectElement>(id);
    s.replaceChildren(el("option", { value: "" }, "–"));
    for (const n of sortedNodes()) s.append(el("option", { value: n.id }, `${n.name} (${L.entity[n.type]})`));
  }
  $<HTMLSelectElement>("path-from").value = view.from;
  $<HTMLSelectElement>("path-to").value = view.to;
  $<HTMLInputElement>("since").value = view.since;
  $<HTMLInputElement>("until").value = view.until;
  $<HTMLInputElement>("newsince").value = view.newSince;
  document.querySelectorAll<HTMLInputElement>('input[name="colour"]').forEach((r) => (r.checked = r.value === view.colour));
  const slider = $<HTMLInputElement>("asof");
  slider.max = String(days.length);
  slider.value = String(view.asOf ? Math.max(0, days.findIndex((d) => d >= view.asOf)) : days.length);
  if (view.asOf && days.length && view.asOf > days[days.length - 1]) slider.value = String(days.length - 1);
  showAsOf();
}

let sortedCache: NetNode[] | null = null;
function sortedNodes(): NetNode[] {
  sortedCache ??= [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
  return sortedCache;
}

function showAsOf() {
  $("asof-out").textContent = view.asOf ? formatDate(view.asOf) : L.asOfAll;
  $("asof").setAttribute("aria-valuetext", view.asOf ? formatDate(view.asOf) : L.asOfAll);
}

function wireControls() {
  $("state").addEventListener("change", (e) => {
    view.state = (e.target as HTMLSelectElement).value;
    update();
  });
  for (const id of ["since", "until"] as const) {
    $(id).addEventListener("change", async (e) => {
      view[id] = (e.target as HTMLInputElement).value;
      await loadDateMask();
      update();
    });
  }
  const slider = $<HTMLInputElement>("asof");
  let timer = 0;
  slider.addEventListener("input", () => {
    const i = Number(slider.value);
    view.asOf = i >= days.length ? "" : days[i];
    showAsOf();
    update();
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      await Promise.all([loadNew(), view.sel ? openDetails(view.sel, false) : null, shownPaths ? findPaths() : null]);
      update();
    }, 200);
  });
  $("newsince").addEventListener("change", async (e) => {
    view.newSince = (e.target as HTMLInputElement).value;
    await loadNew();
    update();
  });
  document.querySelectorAll<HTMLInputElement>('input[name="colour"]').forEach((r) =>
    r.addEventListener("change", () => {
      view.colour = r.value as Colouring;
      buildControls();
      update();
    }));
  $("path-form").addEventListener("submit", (e) => {
    e.preventDefault();
    view.from = $<HTMLSelectElement>("path-from").value;
    view.to = $<HTMLSelectElement>("path-to").value;
    findPaths();
  });
  $("export-png").addEventListener("click", () => {
    if (renderer) downloadAsPNG(renderer, { fileName: "egovgraph-netzwerk", backgroundColor: "#ffffff" });
  });
  $("lang").addEventListener("click", () => {
    view.lang = view.lang === "de" ? "en" : "de";
    applyLang();
    buildControls();
    renderDetails();
    update();
  });
  $("projector").addEventListener("click", () => {
    view.projector = !view.projector;
    applyProjector();
    update();
  });
  $("details-close").addEventListener("click", closeDetails);
  wireSearch();
  wireGraphKeys();
}

function applyProjector() {
  document.body.classList.toggle("projector", view.projector);
  $("projector").setAttribute("aria-pressed", String(view.projector));
  renderer?.setSetting("labelSize", view.projector ? 20 : 13);
}

// ---- search ----

function wireSearch() {
  const input = $<HTMLInputElement>("search");
  const list = $<HTMLUListElement>("search-hits");
  let active = -1;
  let seq = 0;
  let timer = 0;
  let hits: api.EntityRef[] = [];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const mark = (i: number) => {
    const items = [...list.querySelectorAll("li[role=option]")];
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach((li, j) => li.setAttribute("aria-selected", String(j === active)));
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  };
  const choose = (hit: api.EntityRef | undefined) => {
    if (!hit) return;
    close();
    input.value = hit.name;
    list.dataset.for = hit.name;
    select(hit.id);
  };
  // run asks for the hits of the text in the box and shows them, unless the text changed
  // meanwhile; it returns whether they are shown.
  const run = async (): Promise<boolean> => {
    const text = input.value.trim();
    const my = ++seq;
    let found: api.EntityRef[];
    try {
      found = await api.search(text, 12);
    } catch (err) {
      status(String(err), true);
      return false;
    }
    if (my !== seq) return false;
    hits = found;
    list.dataset.for = text;
    list.replaceChildren(...(hits.length
      ? hits.map((h, i) => el("li", { role: "option", id: `hit-${i}`, "data-id": h.id, "aria-selected": "false" },
        `${h.name} `, el("small", {}, `(${L.entity[h.type]})`)))
      : [el("li", { "aria-disabled": "true" }, L.noHits)]));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
    return true;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    if (!input.value.trim()) {
      ++seq;
      return close();
    }
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener("keydown", async (e) => {
    if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) return; mark(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); if (list.hidden) return; mark(active - 1); }
    else if (e.key === "Enter") {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      if (list.dataset.for !== text || list.hidden) {
        // The hits shown are for an earlier text (or none are): ask now, take the first.
        clearTimeout(timer);
        if (await run()) choose(hits[0]);
        return;
      }
      choose(hits[Math.max(active, 0)]);
    } else if (e.key === "Escape") close();
  });
  list.addEventListener("mousedown", (e) => {
    e.preventDefault();
    const li = (e.target as Element).closest("li[role=option]");
    if (li) choose(hits[Number(li.id.slice(4))]);
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

// ---- the graph ----

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

function nodeSize(degree: number): number {
  return Math.min(20, 3 + 1.6 * Math.sqrt(degree));
}

/** buildGraph places communities on a spiral and each node near its community's centre, so
 * the force layout starts close to its result and settles in few iterations. */
function buildGraph(ns: NetNode[], es: NetEdge[]) {
  const sizes = new Map<number, number>();
  for (const n of ns) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
  for (const n of ns) {
    nodes.set(n.id, n);
    const c = n.community;
    const angle = c * 2.39996;
    const r = 12 * Math.sqrt(c);
    const spread = 2 + Math.sqrt(sizes.get(c) ?? 1);
    const a = hash(n.id) * 2 * Math.PI;
    const d = Math.sqrt(hash(n.id + "#")) * spread;
    graph.addNode(n.id, {
      x: r * Math.cos(angle) + d * Math.cos(a),
      y: r * Math.sin(angle) + d * Math.sin(a),
      size: nodeSize(n.degree),
      label: n.name,
      etype: n.type,
      community: n.community,
    });
  }
  for (const e of es) {
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
    const attrs = {
      rtype: e.type,
      size: Math.min(5, 1 + Math.log2(e.weight)),
      color: relationColour[e.type],
      type: e.type === "COOPERATES_WITH" ? "line" : "arrow",
    };
    if (e.type === "COOPERATES_WITH") graph.addUndirectedEdgeWithKey(e.id, e.from, e.to, attrs);
    else graph.addDirectedEdgeWithKey(e.id, e.from, e.to, attrs);
  }
  edges = es;
}

function computeVisible() {
  const types = new Set(view.types);
  const ents = new Set(view.entityTypes);
  let vis = new Set<string>();
  for (const e of edges) {
    if (!types.has(e.type)) continue;
    const a = nodes.get(e.from), b = nodes.get(e.to);
    if (!a || !b || !ents.has(a.type) || !ents.has(b.type)) continue;
    if (view.asOf && !(e.firstSeen && e.firstSeen <= view.asOf)) continue;
    if (dateMask && !dateMask.has(e.id)) continue;
    vis.add(e.id);
  }
  const vn = new Set<string>();
  if (view.state) {
    const near = new Set([view.state]);
    for (const e of edges) {
      if (!vis.has(e.id)) continue;
      if (e.from === view.state) near.add(e.to);
      if (e.to === view.state) near.add(e.from);
    }
    vis = new Set(edges.filter((e) => vis.has(e.id) && near.has(e.from) && near.has(e.to)).map((e) => e.id));
    if (nodes.has(view.state)) vn.add(view.state);
  }
  for (const e of edges) {
    if (vis.has(e.id)) {
      vn.add(e.from);
      vn.add(e.to);
    }
  }
  visEdges = vis;
  visNodes = vn;
}

function nodeColour(id: string, attrs: Record<string, unknown>): string {
  if (view.colour === "community") return communityColours[(attrs.community as number) % communityColours.length];
  return entityColour[attrs.etype as EntityType];
}

function startRenderer() {
  const container = $("graph");
  // On a large graph, edges and labels are left out while the view moves: they are most of
  // the drawing, and panning stays fluid without them (BENCHMARKS.md).
  const large = graph.size > 3000;
  renderer = new Sigma(graph, container, {
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelFont: "system-ui, sans-serif",
    labelSize: view.projector ? 20 : 13,
    labelColor: { color: "#1a1a1a" },
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    nodeReducer: (node, data) => {
      const res: Record<string, unknown> = { ...data };
      if (!visNodes.has(node)) {
        res.hidden = true;
        return res as typeof data;
      }
      res.color = nodeColour(node, data);
      const focus = pathNodes.size ? pathNodes : focusNodes;
      if (focus && !focus.has(node)) {
        res.color = dimColour;
        res.label = "";
        res.zIndex = 0;
      } else if (focus) {
        res.zIndex = 2;
        res.forceLabel = true;
      }
      if (node === view.sel || pathNodes.has(node)) res.highlighted = true;
      return res as typeof data;
    },
    edgeReducer: (edge, data) => {
      const res: Record<string, unknown> = { ...data };
      if (!visEdges.has(edge)) {
        res.hidden = true;
        return res as typeof data;
      }
      if (pathEdges.size) {
        if (pathEdges.has(edge)) {
          res.color = pathColour;
          res.size = (data.size as number) + 2;
          res.zIndex = 2;
        } else res.color = dimColour;
      } else if (focusNodes) {
        const [s, t] = graph.extremities(edge);
        if (s !== view.sel && t !== view.sel) res.color = dimColour;
        else res.zIndex = 1;
      }
      if (newEdges.has(edge)) {
        res.color = newColour;
        res.size = (data.size as number) + 2;
        res.zIndex = 3;
      }
      return res as typeof data;
    },
  });
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => {
    if (view.sel) closeDetails();
  });
  renderer.on("enterNode", () => (container.style.cursor = "pointer"));
  renderer.on("leaveNode", () => (container.style.cursor = ""));
}

function wireGraphKeys() {
  $("graph").addEventListener("keydown", (e) => {
    if (!renderer) return;
    const cam = renderer.getCamera();
    const step = 0.1 * cam.ratio;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step],
    };
    if (moves[e.key]) {
      const [dx, dy] = moves[e.key];
      cam.animate({ x: cam.x + dx, y: cam.y + dy }, { duration: 100 });
    } else if (e.key === "+" || e.key === "=") cam.animatedZoom({ duration: 150 });
    else if (e.key === "-") cam.animatedUnzoom({ duration: 150 });
    else if (e.key === "0") cam.animatedReset({ duration: 150 });
    else if (e.key === "Escape") closeDetails();
    else return;
    e.preventDefault();
  });
}

/** layout runs ForceAtlas2 in slices of at most 200 ms, drawing after each, until it has run
 * its course: the first frame is drawn before the layout starts, the page stays responsive,
 * and a large graph is not redrawn after every single iteration. */
function layout() {
  const n = graph.order;
  const total = n < 500 ? 300 : 120;
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 300 };
  let done = 0;
  const settle = () => {
    document.body.dataset.layout = "settled";
    performance.mark("egovgraph:layout-settled");
  };
  const tick = () => {
    const start = performance.now();
    while (done < total && performance.now() - start < 200) {
      const it = Math.min(n < 500 ? 20 : 1, total - done);
      forceAtlas2.assign(graph, { iterations: it, settings });
      done += it;
    }
    if (done < total) requestAnimationFrame(tick);
    else settle();
  };
  if (n > 1) requestAnimationFrame(tick);
  else settle();
}

// ---- data that depends on the view ----

async function loadDateMask() {
  if (!view.since && !view.until) {
    dateMask = null;
    return;
  }
  try {
    const es = await api.networkEdges({ since: view.since || undefined, until: view.until || undefined });
    dateMask = new Set(es.map((e) => e.id));
  } catch (err) {
    status(String(err), true);
  }
}

async function loadNew() {
  if (!view.newSince) {
    newEdges = new Set();
    return;
  }
  try {
    newEdges = new Set(await api.changes(view.newSince, view.asOf || undefined));
  } catch (err) {
    status(String(err), true);
  }
}

function status(text: string, error = false) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", error);
}

/** update applies the view: what is visible, the highlighting, the export links, the URL. */
function update() {
  computeVisible();
  renderer?.refresh({ skipIndexation: false });
  const g = $("graph");
  g.dataset.nodes = String(visNodes.size);
  g.dataset.edges = String(visEdges.size);
  const shownNew = [...newEdges].filter((e) => visEdges.has(e)).length;
  status(`${visNodes.size} ${L.nodes}, ${visEdges.size} ${L.edges}` +
    (view.asOf ? ` · ${L.timeline} ${formatDate(view.asOf)}` : "") +
    (view.newSince ? ` · ${shownNew} ${L.newHighlighted}` : ""));
  const f = filter();
  $<HTMLAnchorElement>("export-graphml").href = api.exportURL("graphml", f, view.asOf);
  $<HTMLAnchorElement>("export-gexf").href = api.exportURL("gexf", f, view.asOf);
  writeURL();
}

// ---- selection and details ----

async function select(id: string) {
  view.sel = id;
  shownPaths = null;
  pathNodes = new Set();
  pathEdges = new Set();
  focusNodes = graph.hasNode(id) ? new Set([id, ...graph.neighbors(id)]) : null;
  update();
  if (renderer && graph.hasNode(id)) {
    const d = renderer.getNodeDisplayData(id);
    if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration: 400 });
  }
  await openDetails(id, true);
}

async function openDetails(id: string, focus: boolean) {
  const aside = $("details");
  aside.hidden = false;
  if (focus) {
    $("details-h").textContent = L.loading;
    $("details-body").replaceChildren();
  }
  try {
    details = await api.entity(id, view.asOf || undefined);
  } catch (err) {
    details = null;
    $("details-body").replaceChildren(el("p", { class: "error" }, `${L.error}: ${err}`));
    return;
  }
  shownPaths = null;
  renderDetails();
  if (focus) aside.focus();
}

function closeDetails() {
  view.sel = "";
  details = null;
  shownPaths = null;
  focusNodes = null;
  pathNodes = new Set();
  pathEdges = new Set();
  $("details").hidden = true;
  update();
  $("graph").focus();
}

function entityButton(e: api.EntityRef): HTMLElement {
  const b = el("button", { type: "button", class: "link" }, e.name);
  b.addEventListener("click", () => select(e.id));
  return b;
}

function sourceLink(source: string): Node {
  if (/^https?:\/\//.test(source)) return el("a", { href: source, rel: "noreferrer" }, source);
  return el("code", {}, source);
}

function evidenceList(r: Relation): HTMLElement {
  return el("div", {}, ...r.evidence.map((ev) =>
    el("div", { class: "ev" },
      el("q", {}, ev.sentence),
      el("span", { class: "meta" }, `${L.release}: ${ev.release.title} · ${formatDate(ev.date)} · `, sourceLink(ev.release.source)))));
}

function relationItem(r: Relation, other: api.EntityRef, extra = ""): HTMLElement {
  const isNew = newEdges.has(r.id);
  return el("li", { "data-relation": r.id },
    entityButton(other),
    extra ? ` ${extra}` : "",
    el("span", { class: "meta" }, ` · ${L.firstSeen} ${formatDate(r.firstSeen)} · ${r.weight} ${r.weight === 1 ? L.weightOne : L.weight}`),
    isNew ? el("span", { class: "new" }, " · neu") : null,
    evidenceList(r));
}

function section(title: string, items: HTMLElement[]): HTMLElement | null {
  if (!items.length) return null;
  return el("section", {}, el("h3", {}, `${title} (${items.length})`), el("ul", {}, ...items));
}

function renderDetails() {
  const body = $("details-body");
  if (shownPaths) return renderPaths();
  if (!details) return;
  const d = details;
  $("details-h").textContent = `${d.name} (${L.entity[d.type]})`;
  const ids = el("dl", {},
    el("dt", {}, "ID"), el("dd", {}, el("code", {}, d.id)),
    ...(d.iso3166 ? [el("dt", {}, "ISO 3166"), el("dd", {}, d.iso3166)] : []),
    ...(d.wikidata ? [el("dt", {}, "Wikidata"), el("dd", {}, d.wikidata)] : []),
    ...(d.themenfeld ? [el("dt", {}, "Themenfeld"), el("dd", {}, d.themenfeld)] : []),
    ...(d.aliases.length ? [el("dt", {}, L.aliases), el("dd", {}, d.aliases.join(", "))] : []),
    el("dt", {}, L.centrality),
    el("dd", {}, `${L.degree} ${d.centrality.degree} · PageRank ${d.centrality.pageRank.toFixed(3)} · ${L.community} ${d.centrality.community}`));
  const asFrom = el("button", { type: "button" }, L.useAsFrom);
  asFrom.addEventListener("click", () => {
    view.from = d.id;
    $<HTMLSelectElement>("path-from").value = d.id;
    update();
  });
  const asTo = el("button", { type: "button" }, L.useAsTo);
  asTo.addEventListener("click", () => {
    view.to = d.id;
    $<HTMLSelectElement>("path-to").value = d.id;
    update();
  });
  const offices = d.posts.map((p) =>
    el("li", {}, d.type === "Person" ? `${p.name} – ` : `${p.name}: `,
      ...(d.type === "Person" ? [entityButton(p.party)] : p.holders.flatMap((h, i) => [
        i ? ", " : "", entityButton(h.person), ` (${formatDate(h.firstSeen)} – ${formatDate(h.lastSeen)})`]))));
  const rels = (pred: (r: Relation) => boolean, other: (r: Relation) => api.EntityRef, extra: (r: Relation) => string = () => "") =>
    d.relations.filter(pred).map((r) => relationItem(r, other(r), extra(r)));
  const otherEnd = (r: Relation) => (r.from.id === d.id ? r.to : r.from);
  body.replaceChildren(...[
    el("div", { class: "export" }, asFrom, asTo),
    el("h3", {}, L.identifiers), ids,
    section(L.offices, offices),
    section(L.partners, rels((r) => r.type === "COOPERATES_WITH", otherEnd)),
    section(L.memberships, rels((r) => r.type === "MEMBER_OF" && r.from.id === d.id, (r) => r.to)),
    section(L.members, rels((r) => r.type === "MEMBER_OF" && r.to.id === d.id, (r) => r.from)),
    section(L.worksOn, rels((r) => r.type === "WORKS_ON" && r.from.id === d.id, (r) => r.to)),
    section(L.workedBy, rels((r) => r.type === "WORKS_ON" && r.to.id === d.id, (r) => r.from)),
    section(L.heldOffices, rels((r) => r.type === "HOLDS_ROLE" && r.from.id === d.id, (r) => r.to, (r) => `(${r.role ?? ""})`)),
    d.relationCount > d.relations.length ? el("p", {}, `… ${d.relationCount - d.relations.length} ${L.more}`) : null,
  ].filter((x): x is HTMLElement => x !== null));
}

// ---- paths ----

async function findPaths() {
  if (!view.from || !view.to) return;
  const aside = $("details");
  aside.hidden = false;
  $("details-h").textContent = L.loading;
  let ps: Path[];
  try {
    ps = await api.paths(view.from, view.to, view.asOf || undefined, view.types);
  } catch (err) {
    $("details-body").replaceChildren(el("p", { class: "error" }, `${L.error}: ${err}`));
    return;
  }
  view.sel = "";
  focusNodes = null;
  shownPaths = ps;
  pathNodes = new Set(ps.flatMap((p) => p.nodes.map((n) => n.id)));
  pathEdges = new Set(ps.flatMap((p) => p.steps.flatMap((s) => s.relations.map((r) => r.id))));
  renderPaths();
  update();
  renderer?.getCamera().animatedReset({ duration: 300 });
  aside.focus();
}

function renderPaths() {
  const ps = shownPaths ?? [];
  const from = nodes.get(view.from)?.name ?? view.from;
  const to = nodes.get(view.to)?.name ?? view.to;
  $("details-h").textContent = `${L.paths}: ${from} → ${to}`;
  if (!ps.length) {
    $("details-body").replaceChildren(el("p", {}, L.noPath));
    return;
  }
  $("details-body").replaceChildren(el("ol", { class: "paths" }, ...ps.map((p) =>
    el("li", { "data-path": p.nodes.map((n) => n.id).join(" ") },
      el("strong", {}, p.nodes.map((n) => n.name).join(" – ")), ` (${p.length} ${L.pathLength})`,
      el("ul", {}, ...p.steps.map((s) =>
        el("li", {}, entityButton(s.from), " – ", entityButton(s.to),
          ...s.relations.map((r) => el("div", {},
            el("span", { class: "meta" }, `${r.from.name} ${L.relation[r.type]}${r.role ? ` (${r.role})` : ""} ${r.to.name} · ${L.firstSeen} ${formatDate(r.firstSeen)}`),
            evidenceList(r))))))))));
}

// ---- start ----

async function main() {
  applyLang();
  applyProjector();
  status(L.loading);
  let ns: NetNode[], es: NetEdge[];
  try {
    [ns, es] = await Promise.all([api.networkNodes({}), api.networkEdges({})]);
  } catch (err) {
    document.body.dataset.ready = "error";
    return status(`${L.error}: ${err}`, true);
  }
  performance.mark("egovgraph:data");
  buildGraph(ns, es);
  const seen = new Set<string>();
  for (const e of es) if (e.firstSeen) seen.add(e.firstSeen);
  const dated = [...seen].sort();
  if (dated.length) {
    // One step per day from the first dated relation to the last.
    const start = new Date(dated[0] + "T00:00:00Z"), end = new Date(dated[dated.length - 1] + "T00:00:00Z");
    for (let t = start.getTime(); t <= end.getTime(); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
  }
  await Promise.all([loadDateMask(), loadNew()]);
  buildControls();
  wireControls();
  computeVisible();
  startRenderer();
  update();
  requestAnimationFrame(() => {
    document.body.dataset.ready = "true";
    performance.mark("egovgraph:first-frame");
  });
  layout();
  if (view.sel) await select(view.sel);
  else if (view.from && view.to) await findPaths();
}

main();
