import { describe, expect, it } from "vitest";
import { csvCell, edgesToCSV, nodesToCSV, toGraphML } from "../src/exporters";
import type { GraphEdge, GraphNode, Subgraph } from "../src/model";

const node = (id: string, label: string, type = "Company"): GraphNode => ({
  id,
  label,
  type,
  kind: null,
  country: null,
  date: null,
  distance: null,
});
const edge = (source: string, type: string, target: string): GraphEdge => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  agreement: null,
  weight: 2,
  firstSeen: "2024-05-01",
  lastSeen: null,
  confidence: 0.9,
  evidence: null,
});
const g: Subgraph = {
  nodes: [node("b", "B <&> \"quoted\""), node("a", "=HYPERLINK(\"x\")")],
  edges: [edge("a", "PARTNERS_WITH", "b")],
  truncated: false,
};

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["=1+1", "'=1+1"],
    ["+49", "'+49"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
  ])("%j -> %j", (input, out) => expect(csvCell(input)).toBe(out));
  it("writes null as empty and numbers as text", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });
});

describe("CSV exports", () => {
  it("lists edges with both names, defused, in id order", () => {
    expect(edgesToCSV(g)).toBe(
      "source,source_name,type,target,target_name,agreement,weight,first_seen,last_seen\r\n" +
        `a,"'=HYPERLINK(""x"")",PARTNERS_WITH,b,"B <&> ""quoted""",,2,2024-05-01,\r\n`,
    );
  });
  it("lists nodes sorted by id", () => {
    const lines = nodesToCSV(g).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,label,type,kind,country,date");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["a", "b"]);
  });
});

describe("GraphML", () => {
  it("escapes markup and is deterministic", () => {
    const xml = toGraphML(g);
    expect(xml).toContain('<data key="n_label">B &lt;&amp;&gt; &quot;quoted&quot;</data>');
    expect(xml).toContain('<edge id="a|PARTNERS_WITH|b" source="a" target="b">');
    expect(xml.indexOf('<node id="a">')).toBeLessThan(xml.indexOf('<node id="b">'));
    expect(toGraphML({ ...g, nodes: [...g.nodes].reverse() })).toBe(xml);
  });
});
