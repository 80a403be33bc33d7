import { describe, expect, it } from "vitest";
import {
  agreementParties,
  type FactChange,
  factKey,
  looksLikeDate,
  markChanges,
  netChanges,
  relationKey,
} from "../src/changes";
import type { GraphEdge, GraphNode, Subgraph } from "../src/model";

let event = 0;
const change = (over: Partial<FactChange>): FactChange => ({
  kind: "ADDED",
  at: "2026-12-07T10:00:00+00:00",
  event: ++event,
  graphVersion: `${event}-x`,
  documentId: "d1",
  type: "PARTNERS_WITH",
  source: null,
  target: null,
  agreement: null,
  parties: [],
  ...over,
});
const node = (id: string, type = "Company"): GraphNode => ({
  id,
  label: id,
  type,
  kind: null,
  country: null,
  date: null,
  distance: null,
});
const edge = (source: string, target: string, documents: string[], type = "PARTNERS_WITH", agreement: string | null = null): GraphEdge => ({
  id: agreement ? `${source}|PARTY_TO|${agreement}` : relationKey(source, type, target),
  source,
  target,
  type: agreement ? "PARTY_TO" : type,
  agreement,
  weight: documents.length,
  firstSeen: null,
  lastSeen: null,
  confidence: null,
  evidence: null,
  documents,
});

describe("fact keys", () => {
  it("keys symmetric relations by the smaller id first, like the drawing", () => {
    expect(relationKey("b", "PARTNERS_WITH", "a")).toBe("a|PARTNERS_WITH|b");
    expect(relationKey("b", "INVESTS_IN", "a")).toBe("b|INVESTS_IN|a");
    expect(factKey(change({ source: "z", target: "a" }))).toBe("a|PARTNERS_WITH|z");
    expect(factKey(change({ agreement: "agreement:mou:1", type: "PARTY_TO" }))).toBe("agreement:mou:1");
  });
  it("reads an agreement's parties from the ledger's fact", () => {
    expect(agreementParties("A\tagreement:mou:1\tx\ty")).toEqual({ agreement: "agreement:mou:1", parties: ["x", "y"] });
    expect(agreementParties("R\tx\tPARTNERS_WITH\ty")).toBeNull();
  });
  it("tells dates from graph versions", () => {
    expect(looksLikeDate("2026-01-31")).toBe(true);
    expect(looksLikeDate("2026-01-31T10:00:00Z")).toBe(true);
    expect(looksLikeDate("5-efb5663baf95504cfa9382cd5750848b")).toBe(false);
  });
});

describe("net changes", () => {
  it("drops a document added and removed again since", () => {
    const net = netChanges([
      change({ source: "a", target: "b", documentId: "d1" }),
      change({ source: "a", target: "b", documentId: "d1", kind: "RETRACTED" }),
      change({ source: "a", target: "b", documentId: "d2" }),
    ]);
    const f = net.get("a|PARTNERS_WITH|b");
    expect([...(f?.added ?? [])]).toEqual(["d2"]);
    expect(f?.retracted.size).toBe(0);
  });
});

describe("marks", () => {
  const g: Subgraph = {
    nodes: [node("ego"), node("old"), node("fresh"), node("gone"), node("agreement:p:1", "Agreement")],
    edges: [
      edge("ego", "old", ["d0", "d9"]),
      edge("ego", "fresh", ["d9"]),
      edge("ego", "x", ["d0"], "INVESTS_IN"),
      edge("ego", "", ["d9"], "PARTY_TO", "agreement:p:1"),
      edge("fresh", "", ["d9"], "PARTY_TO", "agreement:p:1"),
    ],
    truncated: false,
  };
  const feed = [
    change({ source: "old", target: "ego", documentId: "d9" }),
    change({ source: "ego", target: "fresh", documentId: "d9" }),
    change({ agreement: "agreement:p:1", type: "PARTY_TO", documentId: "d9", parties: ["ego", "fresh"] }),
    change({ source: "ego", target: "gone", documentId: "d0", kind: "RETRACTED" }),
    change({ source: "ego", target: "x", type: "INVESTS_IN", documentId: "d5", kind: "RETRACTED" }),
    change({ source: "far", target: "away", documentId: "d9" }),
    change({ source: "ego", target: "elsewhere", documentId: "d1", kind: "RETRACTED" }),
  ];

  it("marks new links, new evidence, lost sources and new agreements", () => {
    const m = markChanges(g, feed);
    expect(m.edges.get("ego|PARTNERS_WITH|fresh")).toBe("new");
    expect(m.edges.get("ego|PARTNERS_WITH|old")).toBe("new-evidence");
    expect(m.edges.get("ego|INVESTS_IN|x")).toBe("lost-source");
    expect(m.edges.get("ego|PARTY_TO|agreement:p:1")).toBe("new");
    expect(m.nodes.has("agreement:p:1")).toBe(true);
  });

  it("marks an actor new only when all its links in view are new", () => {
    const m = markChanges(g, feed);
    expect(m.nodes.has("fresh")).toBe(true);
    expect(m.nodes.has("old")).toBe(false);
    expect(m.nodes.has("ego")).toBe(false);
    // ... and, when its documents are known, only when they were all added since
    const known = markChanges(g, feed, new Map([["fresh", ["d9", "d3"]]]));
    expect(known.nodes.has("fresh")).toBe(false);
  });

  it("draws retracted links between drawn actors and counts the rest", () => {
    const m = markChanges(g, feed);
    expect(m.ghosts.map((e) => [e.id, e.source, e.target])).toEqual([
      ["retracted:ego|PARTNERS_WITH|gone", "ego", "gone"],
    ]);
    expect(m.edges.get("retracted:ego|PARTNERS_WITH|gone")).toBe("retracted");
    expect(m.outside).toEqual({ added: 1, retracted: 1 });
  });

  it("marks nothing without changes", () => {
    const m = markChanges(g, []);
    expect(m.edges.size + m.nodes.size + m.ghosts.length).toBe(0);
  });
});
