// The /explore page: wires the search, the network view, the side panels and the exports.
// State lives here; api.ts talks to qkg, graph.ts draws, panels.ts renders details.

import "./styles.css";
import type cytoscape from "cytoscape";
import { ApiError, QkgApi } from "./api";
import {
  type ChangeMarks,
  type FactChange,
  factKey,
  looksLikeDate,
  MARK_TEXT,
  markChanges,
  newActorCandidates,
} from "./changes";
import { Combobox } from "./combobox";
import { announce, byId, clear, h } from "./dom";
import { download, edgesToCSV, nodesToCSV, toGraphML } from "./exporters";
import { applyFilters } from "./filters";
import { FORCE_LIMIT, GraphView, type LayoutName } from "./graph";
import {
  AGREEMENT,
  ENTITY_TYPES,
  type Filters,
  type GraphEdge,
  type GraphNode,
  type Metric,
  nodeLabel,
  type PathResult,
  RELATION_TYPES,
  type Subgraph,
  type Suggestion,
} from "./model";
import { CHANGE_COLOURS, EDGE_LOOKS, FALLBACK_EDGE, humanise, swatch } from "./palette";
import { actorCard, agreementPanel, type CardActions, edgePanel, pathPanel } from "./panels";

/** Most collaborators fetched for one ego network (qkg's default `max_collaborators`). */
const EGO_LIMIT = 500;
const RANKING_TOP = 15;
const LIST_LIMIT = 300;

interface Timings {
  /** Milliseconds from navigation start to the page being interactive. */
  pageReady: number | null;
  /** Last ego network: fetch, and layout + first paint. */
  egoFetch: number | null;
  egoRender: number | null;
  /** Shares of egoRender: adding the elements, the layout, the side lists. */
  egoAdd: number | null;
  egoLayout: number | null;
  egoPanels: number | null;
  egoNodes: number;
  egoEdges: number;
}

/** Read-only hooks for end-to-end tests and the browser console. */
interface ExplorerHooks {
  timings: Timings;
  state: () => string;
  /** Id of the first drawn node whose model matches. */
  find: (pred: (n: GraphNode) => boolean) => string | null;
  /** Id of the first drawn edge whose model matches. */
  findEdge: (pred: (e: GraphEdge) => boolean) => string | null;
  /** Viewport coordinates of a drawn node or edge midpoint (to click it on the canvas). */
  position: (id: string) => [number, number] | null;
  highlighted: () => { nodes: string[]; edges: string[] };
  sizes: () => Record<string, number>;
  visibleCount: () => { nodes: number; edges: number };
  /** "Changed since" marks on what is drawn: element id -> mark. */
  changeMarks: () => Record<string, string>;
  /** The label a drawn node or edge shows now (with its change mark, if any). */
  label: (id: string) => string | null;
  /** Run one layout (Cytoscape options) on what is drawn; resolves with the milliseconds it took. */
  timeLayout: (options: Record<string, unknown>) => Promise<number>;
  /** Draw the current network again from scratch; resolves with the milliseconds it took. */
  rerender: () => Promise<{ render: number; layout: number }>;
}

declare global {
  interface Window {
    qkgExplorer: ExplorerHooks;
  }
}

const endpoint = new URL(
  document.querySelector<HTMLMetaElement>('meta[name="qkg-graphql"]')?.content || "../graphql",
  window.location.href,
).toString();
const api = new QkgApi(endpoint);

const timings: Timings = { pageReady: null, egoFetch: null, egoRender: null, egoAdd: null, egoLayout: null, egoPanels: null, egoNodes: 0, egoEdges: 0 };

// ---- state ---------------------------------------------------------------------------------
let ego: GraphNode | null = null;
let raw: Subgraph = { nodes: [], edges: [], truncated: false };
let scores = new Map<string, number>();
let metric: Metric = "degree";
let paths: PathResult[] = [];
const names = new Map<string, string>();
const label = (id: string): string => names.get(id) ?? id;

/** "As of" date (ISO) every query of the view is asked with; null for today. */
let asOf: string | null = null;
/** The change feed shown as "changed since", and the marks it gives the drawn view. */
let feed: { since: string; changes: FactChange[]; total: number } | null = null;
let marks: ChangeMarks | null = null;
/** Documents about actors, asked once per feed to confirm an actor is new. */
let actorDocs = new Map<string, string[]>();
const NOTED_VERSION = "qkg-explorer:noted-version";

const filters: Filters = {
  relationTypes: new Set(RELATION_TYPES),
  entityTypes: new Set<string>([...ENTITY_TYPES, AGREEMENT]),
  since: null,
  until: null,
};

// ---- elements ------------------------------------------------------------------------------
const cyEl = byId("cy");
const statusEl = byId("status");
const detailsEl = byId("details");
const detailsBody = byId("details-body");
const depthEl = byId<HTMLSelectElement>("depth");
const metricEl = byId<HTMLSelectElement>("metric");
const layoutEl = byId<HTMLSelectElement>("layout");

function setStatus(text: string, error = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
  if (error) announce(text);
}

function setState(state: "idle" | "loading" | "ready" | "error"): void {
  cyEl.dataset.state = state;
}

function fail(err: unknown): void {
  const msg = err instanceof ApiError || err instanceof Error ? err.message : String(err);
  setStatus(`Error: ${msg}`, true);
  setState("error");
}

/** Bumped by every request for details, so a slow answer never replaces a newer one. */
let detailSeq = 0;

function showDetails(el: HTMLElement, seq: number = ++detailSeq): void {
  if (seq !== detailSeq) return;
  clear(detailsBody);
  detailsBody.append(el);
}

// ---- graph -----------------------------------------------------------------------------------
const view = new GraphView(cyEl, {
  onNode: (n) => void openNode(n.id),
  onEdge: (e) => void openEdge(e),
  onBackground: () => view.clearHighlight(),
  onRecentre: (n) => void loadEgo(n.id, n.label),
});

const actions: CardActions = {
  centre: (id, name) => void loadEgo(id, name),
  pathFrom: (id, name) => {
    fromBox.set({ id, label: name, type: "", detail: "" });
    byId("path-to").focus();
  },
  pathTo: (id, name) => {
    toBox.set({ id, label: name, type: "", detail: "" });
    byId("path-find").focus();
  },
  showNode: (id) => void openNode(id),
};

function visible(): Subgraph {
  return applyFilters(raw, filters, new Set(ego ? [ego.id] : []));
}

function refreshVisibility(): void {
  const v = visible();
  const nodeIds = new Set(v.nodes.map((n) => n.id));
  const edgeIds = new Set(v.edges.map((e) => e.id));
  view.cy.batch(() => {
    view.cy.nodes().forEach((n) => {
      const onPath = n.hasClass("path");
      const hide = !(nodeIds.has(n.id()) || onPath);
      if (hide !== n.hasClass("hidden")) n.toggleClass("hidden", hide);
    });
    view.cy.edges().forEach((e) => {
      const onPath = e.hasClass("path");
      // Retracted links (not in the graph any more) follow their ends and their type's filter.
      const ghost =
        e.hasClass("chg-retracted") &&
        nodeIds.has(e.source().id()) &&
        nodeIds.has(e.target().id()) &&
        filters.relationTypes.has((e.data("model") as GraphEdge).type);
      const hide = !(edgeIds.has(e.id()) || onPath || ghost);
      if (hide !== e.hasClass("hidden")) e.toggleClass("hidden", hide);
    });
  });
  renderElementList(v);
  const hidden = raw.nodes.length - v.nodes.length;
  if (ego !== null) {
    const actors = v.nodes.filter((n) => n.type !== AGREEMENT).length;
    const agreements = v.nodes.length - actors;
    setStatus(
      `${ego.label}: ${actors} actor${actors === 1 ? "" : "s"}, ${agreements} agreement${agreements === 1 ? "" : "s"}, ` +
        `${v.edges.length} link${v.edges.length === 1 ? "" : "s"}` +
        (asOf !== null ? ` as of ${asOf}` : "") +
        (hidden > 0 ? ` (${hidden} hidden by filters)` : "") +
        (raw.truncated ? ` (capped at ${EGO_LIMIT} collaborators)` : ""),
    );
  }
}

/** What is drawn and not filtered out: the subgraph that exports write. */
function drawnVisible(): Subgraph {
  // From our own classes, not ":visible", which follows the styles Cytoscape updates lazily.
  const shown = view.cy.nodes().not(".hidden");
  const nodes = shown.map((n) => n.data("model") as GraphNode);
  const edges = shown
    .edgesWith(shown)
    .not(".hidden")
    .not(".chg-retracted") // drawn to show a change, not a fact of the graph
    .map((e) => e.data("model") as GraphEdge);
  return { nodes, edges, truncated: false };
}

/** ``g`` with the edges of ``extra`` it does not have yet. */
function withEdges(g: Subgraph, extra: GraphEdge[]): Subgraph {
  const known = new Set(g.edges.map((e) => e.id));
  return { ...g, edges: [...g.edges, ...extra.filter((e) => !known.has(e.id))] };
}

let egoSeq = 0;
async function loadEgo(id: string, name: string): Promise<void> {
  const seq = ++egoSeq;
  const depth = Number(depthEl.value);
  setState("loading");
  setStatus(`Loading the network of ${name} (depth ${depth})…`);
  try {
    const t0 = performance.now();
    // Ties among the ego's alters come from a second, slower query: small views wait for it
    // (so the layout sees them), big ones are drawn first and gain them when they arrive.
    const date = asOf;
    const among$ = () => api.linksAmong(id, depth, EGO_LIMIT, date).catch(() => [] as GraphEdge[]);
    const res = await api.ego(id, depth, EGO_LIMIT, date);
    const small = res.graph.nodes.length <= FORCE_LIMIT;
    const among = small ? await among$() : [];
    if (seq !== egoSeq) return;
    const t1 = performance.now();
    ego = res.ego;
    raw = withEdges(res.graph, among);
    for (const n of raw.nodes) names.set(n.id, n.label);
    paths = [];
    clear(byId("path-results"));
    const sized = loadScores(ego.id, depth);
    await view.render(raw, ego.id);
    const tr = performance.now();
    applyMarks();
    refreshVisibility();
    const t2 = performance.now();
    timings.egoAdd = view.lastAddMs;
    timings.egoPanels = Math.round(t2 - tr);
    timings.egoFetch = Math.round(t1 - t0);
    timings.egoRender = Math.round(t2 - t1);
    timings.egoLayout = view.lastLayoutMs;
    timings.egoNodes = raw.nodes.length;
    timings.egoEdges = raw.edges.length;
    performance.measure("qkg:ego-render", { start: t1, end: t2 });
    await sized;
    if (!small) {
      void among$().then(async (extra) => {
        if (seq !== egoSeq || extra.length === 0) return;
        const before = raw.edges.length;
        raw = withEdges(raw, extra);
        const added = raw.edges.slice(before);
        await view.addElements([], added);
        applyMarks();
        refreshVisibility();
      });
    }
    markRanking();
    setState("ready");
    announce(statusEl.textContent ?? "");
    if (fromBox.chosen === null) fromBox.set({ id, label: ego.label, type: "", detail: "" });
    void openNode(id);
    keepInUrl({ actor: id, depth: String(depth) });
  } catch (err) {
    if (seq === egoSeq) fail(err);
  }
}

// ---- details ---------------------------------------------------------------------------------
async function openNode(id: string): Promise<void> {
  const node = raw.nodes.find((n) => n.id === id) ?? (view.has(id) ? (view.cy.getElementById(id).data("model") as GraphNode) : null);
  view.select(id);
  const seq = ++detailSeq;
  try {
    if (node?.type === AGREEMENT) {
      const date = asOf;
      const dated = date !== null ? await api.agreementAsOf(id, date) : null;
      const card = dated ?? (await api.agreement(id));
      for (const p of card.parties) names.set(p.id, p.name);
      const el = agreementPanel(card, actions);
      if (date !== null) {
        el.insertBefore(
          h("p", { class: "note" }, dated ? `As of ${date}.` : `Not in force on ${date}; shown as known today.`),
          el.children[2] ?? null,
        );
      }
      showDetails(el, seq);
    } else {
      const date = asOf;
      const card = await api.actorCard(id, date);
      names.set(card.id, card.name);
      const el = actorCard(card, actions);
      if (date !== null) el.insertBefore(h("p", { class: "note" }, `As of ${date}: scores and documents.`), el.children[2] ?? null);
      el.append(linksInView(id));
      showDetails(el, seq);
    }
  } catch (err) {
    fail(err);
  }
}

/** Keyboard route to every edge: the links of a node that are drawn now, as buttons. */
function linksInView(id: string): HTMLElement {
  const v = drawnVisible();
  const mine = v.edges.filter((e) => e.source === id || e.target === id);
  const section = h("section", { class: "links" }, h("h3", {}, `Links in this view (${mine.length})`));
  if (mine.length === 0) return section;
  const list = h("ul", { class: "elements-list" });
  for (const e of mine.slice(0, LIST_LIMIT)) {
    const other = e.source === id ? e.target : e.source;
    const text = e.agreement ? `party to ${label(e.agreement)}` : `${humanise(e.type)} ${label(other)}`;
    list.append(
      h("li", {}, h("button", { type: "button", class: "link", "data-edge": e.id, onclick: () => void openEdge(e) }, text)),
    );
  }
  section.append(list);
  return section;
}

async function openEdge(e: GraphEdge): Promise<void> {
  view.select(e.id);
  if (e.agreement !== null) {
    await openNode(e.agreement);
    return;
  }
  const seq = ++detailSeq;
  if (e.id.startsWith("retracted:")) {
    showDetails(retractedPanel(e), seq);
    detailsEl.focus();
    return;
  }
  try {
    const evs = e.evidence ?? (await api.relationEvidence(e.source, e.type, e.target, asOf));
    e.evidence = evs;
    showDetails(edgePanel(e, label, evs), seq);
    detailsEl.focus();
  } catch (err) {
    fail(err);
  }
}

function renderElementList(v: Subgraph): void {
  const list = byId("elements-list");
  clear(list);
  const nodes = [...v.nodes].sort(
    (a, b) => (a.distance ?? 9) - (b.distance ?? 9) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
  );
  for (const n of nodes.slice(0, LIST_LIMIT)) {
    const isNew = marks?.nodes.has(n.id) === true;
    list.append(
      h(
        "li",
        {},
        swatch(n.type),
        h(
          "button",
          { type: "button", class: "link", "data-node": n.id, onclick: () => void openNode(n.id) },
          nodeLabel(n),
        ),
        isNew ? h("span", { class: "chg-tag chg-new" }, "new") : null,
      ),
    );
  }
  if (nodes.length > LIST_LIMIT) list.append(h("li", { class: "muted" }, `and ${nodes.length - LIST_LIMIT} more`));
}

// ---- search ----------------------------------------------------------------------------------
const search = new Combobox({
  input: byId<HTMLInputElement>("search"),
  listbox: byId<HTMLUListElement>("search-list"),
  fetch: (text, signal) => api.suggest(text, signal),
  onChoose: (s: Suggestion) => void loadEgo(s.id, s.label),
});
byId("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  if (search.chosen) void loadEgo(search.chosen.id, search.chosen.label);
});
depthEl.addEventListener("change", () => {
  if (ego) void loadEgo(ego.id, ego.label);
});

// ---- centrality ------------------------------------------------------------------------------
let rankingRows: Array<{ id: string; row: HTMLTableRowElement }> = [];
function markRanking(): void {
  for (const r of rankingRows) r.row.classList.toggle("in-view", view.has(r.id));
}

async function loadRanking(): Promise<void> {
  const tbody = byId("ranking").querySelector("tbody");
  if (tbody === null) return;
  const window =
    (filters.since || filters.until ? ` (evidence ${filters.since ?? "…"} to ${filters.until ?? "…"})` : "") +
    (asOf !== null ? ` as of ${asOf}` : "");
  byId("ranking-caption").textContent = `Top actors by ${humanise(metric).toLowerCase()}${window}`;
  try {
    const rows = await api.ranking(metric, RANKING_TOP, filters.since, filters.until, asOf);
    clear(tbody);
    if (rows.length === 0) {
      tbody.append(h("tr", {}, h("td", { colspan: 3, class: "muted" }, "No actor has evidence in this window.")));
    }
    rankingRows = rows.map((r) => {
      const row = h(
        "tr",
        { "data-id": r.id },
        h("td", {}, String(r.rank)),
        h(
          "td",
          {},
          h("button", { type: "button", class: "link", onclick: () => void loadEgo(r.id, r.label) }, r.label),
        ),
        h("td", {}, Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3)),
      );
      tbody.append(row);
      return { id: r.id, row };
    });
    markRanking();
  } catch (err) {
    clear(tbody);
    tbody.append(h("tr", {}, h("td", { colspan: 3 }, `Ranking unavailable: ${err instanceof Error ? err.message : String(err)}`)));
  }
}

metricEl.addEventListener("change", () => {
  metric = metricEl.value as Metric;
  void loadRanking();
  if (ego === null) return;
  setState("loading");
  void loadScores(ego.id, Number(depthEl.value)).then(() => {
    setState("ready");
    announce(`Node size now shows ${humanise(metric).toLowerCase()} centrality`);
  });
});

/** Size the drawn nodes by the chosen measure; on failure fall back to degree within the view. */
async function loadScores(id: string, depth: number): Promise<void> {
  const m = metric;
  const date = asOf;
  try {
    const s = await api.scores(id, depth, m, EGO_LIMIT, date);
    if (ego?.id !== id || metric !== m || asOf !== date) return;
    scores = s;
    byId("metric-note").textContent = "";
  } catch (err) {
    if (ego?.id !== id || metric !== m || asOf !== date) return;
    scores = new Map(view.cy.nodes(".actor").map((n) => [n.id(), n.degree(false)] as [string, number]));
    byId("metric-note").textContent = `${humanise(m)} unavailable (${err instanceof Error ? err.message : String(err)}); sized by links in view.`;
  }
  view.sizeBy(scores);
}

layoutEl.addEventListener("change", () => {
  view.layoutName = layoutEl.value as LayoutName;
  void view.layout();
});
byId("fit").addEventListener("click", () => view.fit());

// ---- filters ---------------------------------------------------------------------------------
function buildFilters(): void {
  const rel = byId("filter-relations");
  for (const t of RELATION_TYPES) {
    if (t === "HAS_GOAL") continue;
    const look = EDGE_LOOKS[t] ?? FALLBACK_EDGE;
    const box = h("input", { type: "checkbox", id: `rel-${t}`, value: t, checked: true });
    box.addEventListener("change", () => {
      if (box.checked) filters.relationTypes.add(t);
      else filters.relationTypes.delete(t);
      refreshVisibility();
    });
    const line = h("span", { class: "line", "aria-hidden": "true" });
    line.style.borderTopStyle = look.line;
    line.style.borderTopColor = look.colour;
    line.style.width = "14px";
    line.style.display = "inline-block";
    line.style.borderTopWidth = "3px";
    rel.append(h("label", { for: `rel-${t}`, title: humanise(t) }, box, line, humanise(t)));
  }
  const ent = byId("filter-entities");
  for (const t of [...ENTITY_TYPES, AGREEMENT]) {
    const box = h("input", { type: "checkbox", id: `ent-${t}`, value: t, checked: true });
    box.addEventListener("change", () => {
      if (box.checked) filters.entityTypes.add(t);
      else filters.entityTypes.delete(t);
      refreshVisibility();
    });
    ent.append(h("label", { for: `ent-${t}`, title: humanise(t) }, box, swatch(t), humanise(t)));
  }
  const since = byId<HTMLInputElement>("since");
  const until = byId<HTMLInputElement>("until");
  const dates = () => {
    filters.since = since.value || null;
    filters.until = until.value || null;
    refreshVisibility();
    void loadRanking();
  };
  since.addEventListener("change", dates);
  until.addEventListener("change", dates);
  byId("filters").addEventListener("reset", () => {
    window.setTimeout(() => {
      filters.relationTypes = new Set(RELATION_TYPES);
      filters.entityTypes = new Set<string>([...ENTITY_TYPES, AGREEMENT]);
      filters.since = null;
      filters.until = null;
      refreshVisibility();
      void loadRanking();
    });
  });
}

function buildLegend(): void {
  const legend = byId("legend");
  for (const t of [...ENTITY_TYPES, AGREEMENT]) legend.append(h("span", { class: "item" }, swatch(t), humanise(t)));
  for (const [t, look] of Object.entries(EDGE_LOOKS)) {
    if (t === "HAS_GOAL") continue;
    const line = h("span", { class: "line", "aria-hidden": "true" });
    line.style.borderTopStyle = look.line;
    line.style.borderTopColor = look.colour;
    legend.append(h("span", { class: "item" }, line, humanise(t)));
  }
}

// ---- path finder -----------------------------------------------------------------------------
const fromBox = new Combobox({
  input: byId<HTMLInputElement>("path-from"),
  listbox: byId<HTMLUListElement>("path-from-list"),
  fetch: (text, signal) => api.suggest(text, signal),
  onChoose: () => byId("path-to").focus(),
});
const toBox = new Combobox({
  input: byId<HTMLInputElement>("path-to"),
  listbox: byId<HTMLUListElement>("path-to-list"),
  fetch: (text, signal) => api.suggest(text, signal),
  onChoose: () => byId("path-find").focus(),
});

async function resolveChoice(box: Combobox, input: HTMLInputElement): Promise<Suggestion | null> {
  if (box.chosen !== null) return box.chosen;
  const text = input.value.trim();
  if (text === "") return null;
  const found = await api.suggest(text);
  const exact = found.find((s) => s.label.toLowerCase() === text.toLowerCase()) ?? found[0] ?? null;
  if (exact !== null) box.set(exact);
  return exact;
}

async function findPaths(): Promise<void> {
  const results = byId("path-results");
  clear(results);
  try {
    const from = await resolveChoice(fromBox, byId<HTMLInputElement>("path-from"));
    const to = await resolveChoice(toBox, byId<HTMLInputElement>("path-to"));
    if (from === null || to === null) {
      setStatus("Choose both ends of the path.", true);
      return;
    }
    setStatus(`Finding paths from ${from.label} to ${to.label}…`);
    paths = await api.paths(from.id, to.id, Number(byId<HTMLSelectElement>("path-hops").value), 5, asOf);
    if (paths.length === 0) {
      results.append(h("li", { class: "muted" }, `No path from ${from.label} to ${to.label} within the hop limit.`));
      setStatus(`No path from ${from.label} to ${to.label}.`);
      announce(`No path from ${from.label} to ${to.label}`);
      view.clearHighlight();
      return;
    }
    paths.forEach((p, i) => {
      for (const n of p.nodes) names.set(n.id, n.label);
      const text = pathText(p);
      results.append(
        h(
          "li",
          {},
          h("button", { type: "button", "aria-pressed": "false", "data-path": i, onclick: () => void showPath(i) }, text),
        ),
      );
    });
    setStatus(`${paths.length} path${paths.length === 1 ? "" : "s"} from ${from.label} to ${to.label}.`);
    await showPath(0);
  } catch (err) {
    fail(err);
  }
}

/** "A –partners with– B –Partnership– C": paths through the same actors differ by their hops. */
function pathText(p: PathResult): string {
  const parts: string[] = [p.nodes[0]?.label ?? ""];
  p.hops.forEach((hop, i) => {
    const via = hop.agreement ? (hop.agreementLabel ?? "agreement") : humanise(hop.type);
    parts.push(` –${via}– `, p.nodes[i + 1]?.label ?? label(hop.target));
  });
  return parts.join("");
}

async function showPath(i: number): Promise<void> {
  const p = paths[i];
  if (p === undefined) return;
  byId("path-results")
    .querySelectorAll("button[data-path]")
    .forEach((b) => b.setAttribute("aria-pressed", b.getAttribute("data-path") === String(i) ? "true" : "false"));
  const els = QkgApi.pathElements(p);
  if (raw.nodes.length === 0) {
    raw = { nodes: els.nodes, edges: els.edges, truncated: false };
    await view.render(raw, null);
    view.sizeBy(scores);
  } else {
    const known = new Set(raw.nodes.map((n) => n.id));
    const knownEdges = new Set(raw.edges.map((e) => e.id));
    raw = {
      nodes: [...raw.nodes, ...els.nodes.filter((n) => !known.has(n.id))],
      edges: [...raw.edges, ...els.edges.filter((e) => !knownEdges.has(e.id))],
      truncated: raw.truncated,
    };
    await view.addElements(els.nodes, els.edges);
  }
  applyMarks();
  view.highlightPath(
    p.nodes.map((n) => n.id).concat(els.nodes.filter((n) => n.type === AGREEMENT).map((n) => n.id)),
    els.edgeIds,
  );
  refreshVisibility();
  showDetails(pathPanel(p, label));
  announce(`Path ${i + 1}: ${p.nodes.map((n) => n.label).join(", then ")}`);
}

byId("path-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  void findPaths();
});

// ---- exports ---------------------------------------------------------------------------------
function exportName(ext: string): string {
  const base = ego ? ego.label.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "view" : "view";
  return `qkg-${base}.${ext}`;
}
byId("export-png").addEventListener("click", () => download(exportName("png"), view.png()));
byId("export-graphml").addEventListener("click", () =>
  download(exportName("graphml"), new Blob([toGraphML(drawnVisible())], { type: "application/graphml+xml" })),
);
byId("export-csv").addEventListener("click", () => {
  const g = drawnVisible();
  download(exportName("edges.csv"), new Blob([edgesToCSV(g)], { type: "text/csv" }));
  download(exportName("nodes.csv"), new Blob([nodesToCSV(g)], { type: "text/csv" }));
});

// ---- time: "as of" and "changed since" ------------------------------------------------------
const asOfEl = byId<HTMLInputElement>("as-of");
const sinceEl = byId<HTMLInputElement>("changed-since");

/** Set (or, for null, drop) query parameters of the page's address. */
function keepInUrl(params: Record<string, string | null>): void {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  history.replaceState(null, "", url);
}

function setAsOf(date: string | null): void {
  if (date === asOf) return;
  asOf = date;
  asOfEl.value = date ?? "";
  keepInUrl({ asOf: date });
  byId("as-of-note").textContent = date === null ? "Showing today's graph." : `Showing only facts in force on ${date}.`;
  void loadRanking();
  if (ego !== null) void loadEgo(ego.id, ego.label);
  announce(date === null ? "Showing today's graph" : `Showing the graph as of ${date}`);
}

async function loadVersion(): Promise<void> {
  try {
    byId("graph-version").textContent = await api.graphVersion();
  } catch (err) {
    byId("graph-version").textContent = `unavailable (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Recompute the change marks for what is drawn and show them (drawing, lists, legend). */
function applyMarks(): void {
  if (feed === null) {
    marks = null;
    view.markChanges(null);
  } else {
    const drawn = view.current();
    const g = { ...drawn, edges: drawn.edges.filter((e) => !e.id.startsWith("retracted:")) };
    marks = markChanges(g, feed.changes, actorDocs);
    view.markChanges(marks);
    const unknown = newActorCandidates(g, marks).filter((id) => !actorDocs.has(id));
    if (unknown.length > 0) {
      const current = feed;
      void api
        .actorDocuments(unknown.slice(0, 200))
        .then((docs) => {
          if (feed !== current) return;
          for (const id of unknown) actorDocs.set(id, docs.get(id) ?? []);
          applyMarks();
          refreshVisibility();
        })
        .catch(() => undefined);
    }
  }
  byId("legend-changes").hidden = feed === null;
  renderChanges();
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function renderChanges(): void {
  const list = byId("changes-list");
  const summary = byId("changes-summary");
  clear(list);
  if (feed === null || marks === null) {
    summary.textContent = "";
    return;
  }
  const counts = new Map<string, number>();
  const items: HTMLElement[] = [];
  const agreementsListed = new Set<string>();
  for (const [id, mark] of marks.edges) {
    const el = view.cy.getElementById(id);
    if (el.empty()) continue;
    const e = el.data("model") as GraphEdge;
    let text: string;
    let open: () => void;
    if (e.agreement !== null) {
      if (agreementsListed.has(e.agreement)) continue;
      agreementsListed.add(e.agreement);
      text = `${label(e.agreement)} (agreement)`;
      const aid = e.agreement;
      open = () => void openNode(aid);
    } else {
      text = `${label(e.source)} ${humanise(e.type)} ${label(e.target)}`;
      open = () => void openEdge(e);
    }
    counts.set(mark, (counts.get(mark) ?? 0) + 1);
    items.push(
      h(
        "li",
        { "data-mark": mark },
        h("span", { class: `chg-tag chg-${mark}` }, MARK_TEXT[mark]),
        h("button", { type: "button", class: "link", "data-change": id, onclick: open }, text),
      ),
    );
  }
  for (const id of marks.nodes) {
    const el = view.cy.getElementById(id);
    if (el.empty() || (el.data("model") as GraphNode).type === AGREEMENT) continue;
    counts.set("actor", (counts.get("actor") ?? 0) + 1);
    items.push(
      h(
        "li",
        { "data-mark": "new-actor" },
        h("span", { class: "chg-tag chg-new" }, "new actor"),
        h("button", { type: "button", class: "link", "data-change": id, onclick: () => void openNode(id) }, label(id)),
      ),
    );
  }
  for (const it of items.slice(0, LIST_LIMIT)) list.append(it);
  const n = (k: string): number => counts.get(k) ?? 0;
  const parts = [
    n("new") > 0 ? plural(n("new"), "new link", "new links") : "",
    n("actor") > 0 ? plural(n("actor"), "new actor", "new actors") : "",
    n("new-evidence") > 0 ? plural(n("new-evidence"), "link with new evidence", "links with new evidence") : "",
    n("lost-source") > 0 ? plural(n("lost-source"), "link that lost a source", "links that lost a source") : "",
    n("retracted") > 0 ? plural(n("retracted"), "retracted link", "retracted links") : "",
  ].filter((x) => x !== "");
  const outside = marks.outside.added + marks.outside.retracted;
  summary.textContent =
    `Since ${looksLikeDate(feed.since) ? "" : "version "}${feed.since}: ${plural(feed.total, "change", "changes")} in the graph` +
    (parts.length > 0 ? `; in this view ${parts.join(", ")}` : "; none in this view") +
    (outside > 0 ? `; ${plural(outside, "changed link", "changed links")} outside it` : "") +
    (feed.changes.length < feed.total ? ` (first ${feed.changes.length} read)` : "") +
    ".";
}

async function showChanges(since: string): Promise<void> {
  const text = since.trim();
  if (text === "") {
    setStatus("Give a graph version or a date to show what changed since.", true);
    return;
  }
  try {
    const got = await api.changes(text);
    feed = { since: text, changes: got.changes, total: got.total };
    actorDocs = new Map();
    keepInUrl({ changedSince: text });
    applyMarks();
    refreshVisibility();
    announce(byId("changes-summary").textContent ?? "");
    void loadVersion();
  } catch (err) {
    fail(err);
  }
}

function buildTime(): void {
  asOfEl.addEventListener("change", () => setAsOf(asOfEl.value || null));
  byId("as-of-clear").addEventListener("click", () => setAsOf(null));
  byId("changes-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    void showChanges(sinceEl.value);
  });
  byId("changes-clear").addEventListener("click", () => {
    feed = null;
    actorDocs = new Map();
    keepInUrl({ changedSince: null });
    applyMarks();
    refreshVisibility();
    announce("Change highlight cleared");
  });
  byId("version-note").addEventListener("click", () => {
    const v = byId("graph-version").textContent ?? "";
    if (v === "" || v.startsWith("unavailable")) return;
    try {
      window.localStorage.setItem(NOTED_VERSION, v);
    } catch {
      // storage may be off; the field still gets the version
    }
    sinceEl.value = v;
    byId("version-noted").textContent = `Noted ${v} in this browser.`;
    announce(`Version ${v} noted`);
  });
  let noted: string | null = null;
  try {
    noted = window.localStorage.getItem(NOTED_VERSION);
  } catch {
    noted = null;
  }
  if (noted !== null) {
    sinceEl.value = noted;
    byId("version-noted").textContent = `Noted earlier: ${noted}.`;
  }
  const legend = byId("legend-changes");
  const looks: Array<[keyof typeof MARK_TEXT, string, string]> = [
    ["new", "new link or actor", "solid"],
    ["new-evidence", "known link, new evidence", "solid"],
    ["lost-source", "a document behind it was removed", "solid"],
    ["retracted", "no longer in the graph", "dashed"],
  ];
  for (const [mark, text, line] of looks) {
    const bar = h("span", { class: "line", "aria-hidden": "true" });
    bar.style.borderTopStyle = line;
    bar.style.borderTopColor = CHANGE_COLOURS[mark] ?? "#999999";
    bar.style.borderTopWidth = "5px";
    legend.append(h("span", { class: "item" }, bar, `“${MARK_TEXT[mark]}”: ${text}`));
  }
  void loadVersion();
}

/** A retracted link: which removals or replacements took it out of the graph. */
function retractedPanel(e: GraphEdge): HTMLElement {
  const key = e.id.slice("retracted:".length);
  const removed = (feed?.changes ?? []).filter((c) => c.kind === "RETRACTED" && factKey(c) === key);
  return h(
    "article",
    { class: "edge-card", "aria-labelledby": "edge-title" },
    h("h2", { id: "edge-title" }, `${label(e.source)} — ${label(e.target)}`),
    h("p", {}, h("span", { class: "chg-tag chg-retracted" }, "retracted"), ` ${humanise(e.type)}: no longer in the graph.`),
    h("h3", {}, "Removed or replaced documents"),
    h(
      "ul",
      { class: "docs" },
      removed.map((c) => h("li", {}, h("code", {}, c.documentId.slice(0, 12)), ` at ${c.at} (version ${c.graphVersion})`)),
    ),
  );
}


// ---- keyboard --------------------------------------------------------------------------------
document.addEventListener("keydown", (ev) => {
  if (ev.key !== "Escape" || ev.defaultPrevented) return;
  // Escape outside a field: drop the highlight and the details, back to the search box.
  view.clearHighlight();
  byId("path-results")
    .querySelectorAll("button[aria-pressed]")
    .forEach((b) => b.setAttribute("aria-pressed", "false"));
  showDetails(h("p", { class: "hint" }, "Click a node for its actor card, an edge or agreement for its evidence."));
  byId("search").focus();
});

// ---- test hooks ----------------------------------------------------------------------------
window.qkgExplorer = {
  timings,
  state: () => cyEl.dataset.state ?? "idle",
  find: (pred) => {
    const hit = view.cy.nodes().filter((n) => pred(n.data("model") as GraphNode));
    return hit.nonempty() ? hit.first().id() : null;
  },
  findEdge: (pred) => {
    const hit = view.cy.edges().filter((e) => pred(e.data("model") as GraphEdge));
    return hit.nonempty() ? hit.first().id() : null;
  },
  position: (id) => {
    const el = view.cy.getElementById(id);
    if (el.empty()) return null;
    const box = cyEl.getBoundingClientRect();
    const p = el.isNode() ? el.renderedPosition() : view.cy.getElementById(id).edges().first().renderedMidpoint();
    return [box.left + p.x, box.top + p.y];
  },
  highlighted: () => ({
    nodes: view.cy.nodes(".path").map((n) => n.id()),
    edges: view.cy.edges(".path").map((e) => e.id()),
  }),
  sizes: () => Object.fromEntries(view.cy.nodes().map((n) => [n.id(), Number(n.data("size"))])),
  timeLayout: (options) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const layout = view.cy.layout({ animate: false, fit: true, ...options } as cytoscape.LayoutOptions);
      layout.one("layoutstop", () => resolve(Math.round(performance.now() - t0)));
      layout.run();
    }),
  rerender: async () => {
    const t0 = performance.now();
    await view.render(raw, ego?.id ?? null);
    view.sizeBy(scores);
    refreshVisibility();
    return { render: Math.round(performance.now() - t0), layout: view.lastLayoutMs };
  },
  label: (id) => {
    const el = view.cy.getElementById(id);
    if (el.empty()) return null;
    return String(el.hasClass("chg") ? el.data("changeLabel") : (el.data("label") ?? ""));
  },
  changeMarks: () => {
    const out: Record<string, string> = {};
    for (const [id, m] of marks?.edges ?? []) if (view.has(id)) out[id] = m;
    for (const id of marks?.nodes ?? []) if (view.has(id)) out[id] = "new";
    return out;
  },
  visibleCount: () => {
    const g = drawnVisible();
    return { nodes: g.nodes.length, edges: g.edges.length };
  },
};

// ---- start -----------------------------------------------------------------------------------
buildFilters();
buildLegend();
buildTime();
{
  const params = new URLSearchParams(window.location.search);
  const depth = params.get("depth");
  if (depth === "1" || depth === "2") depthEl.value = depth;
  const date = params.get("asOf");
  if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    asOf = date;
    asOfEl.value = date;
    byId("as-of-note").textContent = `Showing only facts in force on ${date}.`;
  }
  const since = params.get("changedSince");
  if (since) {
    sinceEl.value = since;
    void showChanges(since);
  }
  void loadRanking();
  const start = params.get("actor");
  if (start) void loadEgo(start, start);
}
timings.pageReady = Math.round(performance.now());
document.body.dataset.ready = "true";
