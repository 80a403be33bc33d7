// Client-side exports of the current view: GraphML and CSV built by pure functions with
// deterministic (id-sorted) output, and file download through a Blob URL (no server trip).

import type { GraphEdge, GraphNode, Subgraph } from "./model";

function xml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const NODE_KEYS: Array<[string, (n: GraphNode) => string | null]> = [
  ["label", (n) => n.label],
  ["type", (n) => n.type],
  ["kind", (n) => n.kind],
  ["country", (n) => n.country],
  ["date", (n) => n.date],
];
const EDGE_KEYS: Array<[string, (e: GraphEdge) => string | null]> = [
  ["type", (e) => e.type],
  ["agreement", (e) => e.agreement],
  ["weight", (e) => String(e.weight)],
  ["first_seen", (e) => e.firstSeen],
  ["last_seen", (e) => e.lastSeen],
];

/** GraphML (directed; symmetric relations keep their canonical source < target order). */
export function toGraphML(g: Subgraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k] of NODE_KEYS) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`);
  for (const [k] of EDGE_KEYS) {
    const t = k === "weight" ? "int" : "string";
    out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  }
  out.push('  <graph id="qkg" edgedefault="directed">');
  for (const n of [...g.nodes].sort(byId)) {
    out.push(`    <node id="${xml(n.id)}">`);
    for (const [k, get] of NODE_KEYS) {
      const v = get(n);
      if (v !== null && v !== "") out.push(`      <data key="n_${k}">${xml(v)}</data>`);
    }
    out.push("    </node>");
  }
  for (const e of [...g.edges].sort(byId)) {
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`);
    for (const [k, get] of EDGE_KEYS) {
      const v = get(e);
      if (v !== null && v !== "") out.push(`      <data key="e_${k}">${xml(v)}</data>`);
    }
    out.push("    </edge>");
  }
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

/** One CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: Array<Array<string | number | null>>): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Edge list with both ends' names, one row per edge. */
export function edgesToCSV(g: Subgraph): string {
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  const rows: Array<Array<string | number | null>> = [
    ["source", "source_name", "type", "target", "target_name", "agreement", "weight", "first_seen", "last_seen"],
  ];
  for (const e of [...g.edges].sort(byId)) {
    rows.push([
      e.source,
      label.get(e.source) ?? null,
      e.type,
      e.target,
      label.get(e.target) ?? null,
      e.agreement,
      e.weight,
      e.firstSeen,
      e.lastSeen,
    ]);
  }
  return csv(rows);
}

/** Node list (actors and agreement nodes). */
export function nodesToCSV(g: Subgraph): string {
  const rows: Array<Array<string | number | null>> = [["id", "label", "type", "kind", "country", "date"]];
  for (const n of [...g.nodes].sort(byId)) rows.push([n.id, n.label, n.type, n.kind, n.country, n.date]);
  return csv(rows);
}

export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
