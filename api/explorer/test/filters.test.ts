import { describe, expect, it } from "vitest";
import { applyFilters, edgeVisible } from "../src/filters";
import { AGREEMENT, ENTITY_TYPES, type Filters, type GraphEdge, RELATION_TYPES } from "../src/model";

const all = (over: Partial<Filters> = {}): Filters => ({
  relationTypes: new Set(RELATION_TYPES),
  entityTypes: new Set<string>([...ENTITY_TYPES, AGREEMENT]),
  since: null,
  until: null,
  ...over,
});
const e = (first: string | null, last: string | null, type = "PARTNERS_WITH"): GraphEdge => ({
  id: `x|${type}|y`,
  source: "x",
  target: "y",
  type,
  agreement: null,
  weight: 1,
  firstSeen: first,
  lastSeen: last,
  confidence: null,
  evidence: null,
});

describe("date window", () => {
  it.each([
    [e("2024-01-01", "2024-06-01"), "2024-03-01", null, true],
    [e("2024-01-01", "2024-06-01"), "2024-07-01", null, false],
    [e("2024-01-01", "2024-06-01"), null, "2023-12-31", false],
    [e("2024-01-01", "2024-06-01"), "2023-01-01", "2024-01-01", true],
    [e(null, null), "2000-01-01", null, false],
    [e(null, null), null, null, true],
    [e("2024", "2024"), "2024-05-01", "2024-05-31", true],
  ])("%j since %s until %s -> %s", (edge, since, until, shown) => {
    expect(edgeVisible(edge, all({ since, until }))).toBe(shown);
  });
  it("hides unchecked relation types", () => {
    expect(edgeVisible(e(null, null, "LEADS"), all({ relationTypes: new Set(["PARTNERS_WITH"]) }))).toBe(false);
  });
});

describe("applyFilters", () => {
  const node = (id: string, type: string) => ({ id, label: id, type, kind: null, country: null, date: null, distance: 1 });
  const g = {
    nodes: [node("ego", "City"), node("k", "University"), node("ag", AGREEMENT)],
    edges: [
      { ...e(null, null), id: "k|PARTY_TO|ag", source: "k", target: "ag", type: "PARTY_TO", agreement: "ag" },
      { ...e(null, null), id: "ego|LOCATED_IN|k", source: "k", target: "ego", type: "LOCATED_IN" },
    ],
    truncated: false,
  };
  it("keeps the ego even when its type is hidden", () => {
    const out = applyFilters(g, all({ entityTypes: new Set(["University", AGREEMENT]) }), new Set(["ego"]));
    expect(out.nodes.map((n) => n.id).sort()).toEqual(["ag", "ego", "k"]);
  });
  it("drops agreements left without a party link", () => {
    const out = applyFilters(g, all({ relationTypes: new Set(["LOCATED_IN"]) }));
    expect(out.nodes.map((n) => n.id).sort()).toEqual(["ego", "k"]);
  });
});
