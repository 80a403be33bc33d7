// "Changed since": which drawn links and nodes the change feed (qkg's `changes`) touches.
// Pure functions over the page's model; main.ts fetches the feed and applies the marks.
//
// The feed lists, per document version, the facts it added or retracted. A link is *new* when
// every document behind it (as drawn) was added since; *new evidence* when it existed before
// and gained a document; *lost a source* when it is still drawn but a document behind it was
// removed or replaced; *retracted* when it is no longer in the graph (drawn as a ghost when both
// its ends are in view). An actor is *new* when it has a new link in view, every link it has in
// view is new, and (when its documents are known) every document about it was added since.

import type { GraphEdge, GraphNode, Subgraph } from "./model";
import { SYMMETRIC } from "./model";

export type ChangeKind = "ADDED" | "RETRACTED";

/** One entry of the change feed, as the page keeps it. */
export interface FactChange {
  kind: ChangeKind;
  at: string;
  event: number;
  graphVersion: string;
  documentId: string;
  /** Relation type; PARTY_TO for an agreement. */
  type: string;
  source: string | null;
  target: string | null;
  agreement: string | null;
  /** An agreement's parties (from the ledger's fact key). */
  parties: string[];
}

export type EdgeMark = "new" | "new-evidence" | "lost-source" | "retracted";

export const MARK_TEXT: Record<EdgeMark, string> = {
  new: "new",
  "new-evidence": "new evidence",
  "lost-source": "lost a source",
  retracted: "retracted",
};

export interface ChangeMarks {
  edges: Map<string, EdgeMark>;
  /** Actors and agreements first seen since. */
  nodes: Set<string>;
  /** Retracted relations between drawn nodes, to be drawn as such. */
  ghosts: GraphEdge[];
  /** Changed facts whose link is not in view (by net effect). */
  outside: { added: number; retracted: number };
  /** Documents whose recording added facts since (net). */
  addedDocuments: Set<string>;
}

/** The agreement and parties of a ledger fact key (`A<TAB>agreement<TAB>party...`). */
export function agreementParties(fact: string): { agreement: string; parties: string[] } | null {
  const parts = fact.split("\t");
  if (parts[0] !== "A" || parts.length < 2) return null;
  return { agreement: parts[1] ?? "", parties: parts.slice(2) };
}

/** The page's id for a relation: symmetric types keyed by the smaller id first. */
export function relationKey(source: string, type: string, target: string): string {
  const [s, t] = SYMMETRIC.has(type) && target < source ? [target, source] : [source, target];
  return `${s}|${type}|${t}`;
}

/** The key a change is aggregated under: a relation's edge id or the agreement's id. */
export function factKey(c: FactChange): string | null {
  if (c.agreement !== null) return c.agreement;
  if (c.source === null || c.target === null) return null;
  return relationKey(c.source, c.type, c.target);
}

export interface NetFact {
  key: string;
  change: FactChange;
  /** Documents that support it since and did not before. */
  added: Set<string>;
  /** Documents that supported it before and no longer do. */
  retracted: Set<string>;
}

/** Net effect of the feed per fact: per (fact, document), a document added and removed again
 * since (or removed and added back) leaves nothing. */
export function netChanges(changes: readonly FactChange[]): Map<string, NetFact> {
  const perDoc = new Map<string, { key: string; first: ChangeKind; last: ChangeKind; change: FactChange }>();
  for (const c of changes) {
    const key = factKey(c);
    if (key === null) continue;
    const id = `${key}\u0000${c.documentId}`;
    const known = perDoc.get(id);
    if (known === undefined) perDoc.set(id, { key, first: c.kind, last: c.kind, change: c });
    else {
      known.last = c.kind;
      known.change = c;
    }
  }
  const out = new Map<string, NetFact>();
  for (const [id, d] of perDoc) {
    if (d.first !== d.last) continue;
    let f = out.get(d.key);
    if (f === undefined) {
      f = { key: d.key, change: d.change, added: new Set(), retracted: new Set() };
      out.set(d.key, f);
    }
    if (d.change.event >= f.change.event) f.change = d.change;
    const doc = id.slice(d.key.length + 1);
    (d.first === "ADDED" ? f.added : f.retracted).add(doc);
  }
  return out;
}

function markOf(f: NetFact, documents: readonly string[] | undefined): EdgeMark | null {
  if (f.added.size > 0) {
    if (documents === undefined || documents.length === 0) return "new";
    return documents.every((d) => f.added.has(d)) ? "new" : "new-evidence";
  }
  return f.retracted.size > 0 ? "lost-source" : null;
}

/** Marks for the drawn subgraph ``g`` from the feed. ``actorDocuments`` (optional): the
 * documents about an actor, to tell a new actor from an old one with only new links in view. */
export function markChanges(
  g: Subgraph,
  changes: readonly FactChange[],
  actorDocuments: ReadonlyMap<string, readonly string[]> = new Map(),
): ChangeMarks {
  const net = netChanges(changes);
  const edges = new Map<string, EdgeMark>();
  const nodes = new Set<string>();
  const nodeIds = new Set(g.nodes.map((n) => n.id));
  const addedDocuments = new Set<string>();
  for (const f of net.values()) for (const d of f.added) addedDocuments.add(d);
  const seen = new Set<string>();
  for (const e of g.edges) {
    const key = e.agreement ?? e.id;
    const f = net.get(key);
    if (f === undefined) continue;
    seen.add(key);
    const mark = markOf(f, e.documents);
    if (mark === null) continue;
    edges.set(e.id, mark);
    if (e.agreement !== null && mark === "new") nodes.add(e.agreement);
  }
  // Actors: at least one new link in view and nothing older.
  const touching = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    for (const end of [e.source, e.target]) {
      const list = touching.get(end);
      if (list === undefined) touching.set(end, [e]);
      else list.push(e);
    }
  }
  for (const n of g.nodes) {
    if (n.type === "Agreement") continue;
    const links = touching.get(n.id) ?? [];
    if (links.length === 0 || !links.every((e) => edges.get(e.id) === "new")) continue;
    const docs = actorDocuments.get(n.id);
    if (docs !== undefined && docs.length > 0 && !docs.every((d) => addedDocuments.has(d))) continue;
    nodes.add(n.id);
  }
  const ghosts: GraphEdge[] = [];
  const outside = { added: 0, retracted: 0 };
  for (const f of net.values()) {
    if (seen.has(f.key)) continue;
    const c = f.change;
    if (f.added.size > 0) {
      outside.added += 1;
      continue;
    }
    if (f.retracted.size === 0) continue;
    if (c.agreement === null && c.source !== null && c.target !== null && nodeIds.has(c.source) && nodeIds.has(c.target)) {
      const id = f.key;
      const [source, target] = SYMMETRIC.has(c.type) && c.target < c.source ? [c.target, c.source] : [c.source, c.target];
      ghosts.push({
        id: `retracted:${id}`,
        source,
        target,
        type: c.type,
        agreement: null,
        weight: 1,
        firstSeen: null,
        lastSeen: null,
        confidence: null,
        evidence: [],
        documents: [...f.retracted],
      });
      edges.set(`retracted:${id}`, "retracted");
    } else {
      outside.retracted += 1;
    }
  }
  return { edges, nodes, ghosts, outside, addedDocuments };
}

/** Actors worth asking for their documents: those every link in view of which is new. */
export function newActorCandidates(g: Subgraph, marks: ChangeMarks): string[] {
  return g.nodes.filter((n: GraphNode) => marks.nodes.has(n.id) && n.type !== "Agreement").map((n) => n.id);
}

/** True for a `since` the feed accepts as a date (the feed also takes graph versions). */
export function looksLikeDate(since: string): boolean {
  return /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since.trim());
}
