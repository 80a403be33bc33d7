// Client-side filtering of the drawn subgraph. The same window rule as the stores:
// an edge matches a date window when its evidence dates overlap it; undated edges never
// match a window. Agreement nodes match by their own date.

import { AGREEMENT, type Filters, type GraphEdge, type GraphNode, type Subgraph } from "./model";

function overlaps(first: string | null, last: string | null, since: string | null, until: string | null): boolean {
  if (since === null && until === null) return true;
  const lo = first ?? last;
  const hi = last ?? first;
  if (lo === null || hi === null) return false;
  // Partial ISO dates (YYYY, YYYY-MM) compare correctly as strings against their own prefix.
  if (since !== null && hi.slice(0, since.length) < since.slice(0, hi.length)) return false;
  if (until !== null && lo.slice(0, until.length) > until.slice(0, lo.length)) return false;
  return true;
}

export function nodeVisible(node: GraphNode, f: Filters): boolean {
  if (!f.entityTypes.has(node.type)) return false;
  if (node.type === AGREEMENT && (f.since !== null || f.until !== null)) {
    return overlaps(node.date, node.date, f.since, f.until);
  }
  return true;
}

export function edgeVisible(edge: GraphEdge, f: Filters): boolean {
  if (!f.relationTypes.has(edge.type)) return false;
  if (edge.agreement !== null) return true; // dated through its agreement node
  return overlaps(edge.firstSeen, edge.lastSeen, f.since, f.until);
}

/** The part of ``g`` the filters keep: visible edges between visible nodes, and the ego. */
export function applyFilters(g: Subgraph, f: Filters, keep: ReadonlySet<string> = new Set()): Subgraph {
  const nodes = g.nodes.filter((n) => keep.has(n.id) || nodeVisible(n, f));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = g.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && edgeVisible(e, f));
  // Drop agreement nodes left without any party edge.
  const touched = new Set<string>();
  for (const e of edges) {
    touched.add(e.source);
    touched.add(e.target);
  }
  const kept = nodes.filter((n) => n.type !== AGREEMENT || touched.has(n.id) || keep.has(n.id));
  return { nodes: kept, edges, truncated: g.truncated };
}
