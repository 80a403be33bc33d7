import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../src/model";
import { radialLayout } from "../src/radial";

const n = (id: string): GraphNode => ({ id, label: id, type: "Company", kind: null, country: null, date: null, distance: null });
const l = (s: string, t: string): GraphEdge => ({
  id: `${s}|PARTNERS_WITH|${t}`,
  source: s,
  target: t,
  type: "PARTNERS_WITH",
  agreement: null,
  weight: 1,
  firstSeen: null,
  lastSeen: null,
  confidence: null,
  evidence: null,
});
const dist = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe("radialLayout", () => {
  // ego - a, b ; a - a1, a2 ; b - b1 ; c unreachable
  const nodes = ["ego", "a", "b", "a1", "a2", "b1", "c"].map(n);
  const edges = [l("ego", "a"), l("b", "ego"), l("a", "a1"), l("a", "a2"), l("b", "b1")];

  it("puts the ego in the centre and each hop on a wider ring", () => {
    const pos = radialLayout(nodes, edges, "ego");
    expect(pos.size).toBe(nodes.length);
    expect(dist(pos.get("ego")!)).toBe(0);
    const r1 = dist(pos.get("a")!);
    expect(dist(pos.get("b")!)).toBeCloseTo(r1);
    expect(dist(pos.get("a1")!)).toBeGreaterThan(r1);
    expect(dist(pos.get("c")!)).toBeGreaterThanOrEqual(dist(pos.get("a1")!));
  });
  it("is deterministic whatever the input order", () => {
    const one = radialLayout(nodes, edges, "ego");
    const two = radialLayout([...nodes].reverse(), [...edges].reverse(), "ego");
    expect([...two.entries()].sort()).toEqual([...one.entries()].sort());
  });
  it("keeps nodes of a crowded ring apart", () => {
    const many = Array.from({ length: 400 }, (_, i) => n(`x${String(i).padStart(3, "0")}`));
    const pos = radialLayout([n("ego"), ...many], many.map((m) => l("ego", m.id)), "ego", 30);
    const pts = many.map((m) => pos.get(m.id)!);
    let closest = Infinity;
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i]!;
      const q = pts[(i + 1) % pts.length]!;
      closest = Math.min(closest, Math.hypot(p.x - q.x, p.y - q.y));
    }
    expect(closest).toBeGreaterThan(20);
  });
});
