// The network drawing: Cytoscape.js with the fcose force layout. Node colour = entity type,
// node size = the chosen centrality, edge colour and line style = relation type, agreements
// are diamond nodes linked to their parties.

import cytoscape from "cytoscape";
import type { Core, EdgeSingular, ElementDefinition, NodeSingular, StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import { radialLayout } from "./radial";
import { type GraphEdge, type GraphNode, nodeLabel, type Subgraph } from "./model";
import { CHANGE_COLOURS, EDGE_LOOKS, FALLBACK_EDGE, NODE_COLOURS } from "./palette";
import { type ChangeMarks, MARK_TEXT } from "./changes";

cytoscape.use(fcose);

/** ``auto``: force-directed up to FORCE_LIMIT nodes, radial tree above (force takes seconds there). */
export type LayoutName = "auto" | "fcose" | "radial";
export const FORCE_LIMIT = 250;

export interface GraphEvents {
  onNode: (node: GraphNode) => void;
  onEdge: (edge: GraphEdge) => void;
  onBackground: () => void;
  onRecentre: (node: GraphNode) => void;
}

const MIN_SIZE = 18;
/** Above this many nodes only the ego and the LOUD_LABELS highest-scoring actors are labelled. */
const LABEL_ALL_BELOW = 120;
const LOUD_LABELS = 25;
const MAX_SIZE = 64;

function style(): StylesheetJson {
  const s: StylesheetJson = [
    {
      selector: "node",
      style: {
        "background-color": "data(colour)",
        width: "data(size)",
        height: "data(size)",
        label: "data(label)",
        "font-size": 11,
        "font-family": "system-ui, sans-serif",
        color: "#1d1d1f",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": "130px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "1px",
        "min-zoomed-font-size": 7,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    { selector: "node.agreement", style: { shape: "diamond", "font-style": "italic" } },
    { selector: "node.ego", style: { "border-width": 4, "border-color": "#111111", "font-weight": "bold" } },
    {
      selector: "edge",
      style: {
        width: "mapData(weight, 1, 5, 1.5, 5)",
        "line-color": "data(colour)",
        "target-arrow-color": "data(colour)",
        "curve-style": "bezier",
        "arrow-scale": 0.8,
        opacity: 0.85,
      },
    },
    { selector: ".hidden", style: { display: "none" } },
    { selector: "edge.straight", style: { "curve-style": "straight" } },
    { selector: "edge.agreement-link", style: { width: 1.5, opacity: 0.7 } },
    { selector: "edge.arrow", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge.dashed", style: { "line-style": "dashed" } },
    { selector: "edge.dotted", style: { "line-style": "dotted" } },
    // Big views label only the ego, the largest nodes and what is selected or on a path.
    { selector: "node.quiet", style: { label: "" } },
    { selector: "node.quiet:selected, node.quiet.path, node.quiet.hover", style: { label: "data(label)" } },
    { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.2 } },
    {
      selector: "node.path",
      style: { "border-width": 4, "border-color": "#E4002B", "z-index": 10, opacity: 1, "text-opacity": 1 },
    },
    {
      selector: "edge.path",
      style: {
        width: 5,
        "line-color": "#E4002B",
        "target-arrow-color": "#E4002B",
        "z-index": 10,
        opacity: 1,
      },
    },
    // "Changed since": a halo *and* a text label on the element, so colour is never the only cue.
    {
      selector: "node.chg-new",
      style: {
        "border-width": 5,
        "border-style": "double",
        "border-color": CHANGE_COLOURS.new,
        label: "data(changeLabel)",
        "text-wrap": "wrap",
        "font-weight": "bold",
      },
    },
    {
      selector: "edge.chg-new, edge.chg-new-evidence, edge.chg-lost-source, edge.chg-retracted",
      style: {
        label: "data(changeLabel)",
        "font-size": 9,
        "font-weight": "bold",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        "underlay-padding": 5,
        "underlay-opacity": 0.4,
        "underlay-shape": "round-rectangle",
      },
    },
    { selector: "edge.chg-new", style: { "underlay-color": CHANGE_COLOURS.new, color: "#00573f" } },
    { selector: "edge.chg-new-evidence", style: { "underlay-color": CHANGE_COLOURS["new-evidence"], color: "#00573f" } },
    { selector: "edge.chg-lost-source", style: { "underlay-color": CHANGE_COLOURS["lost-source"], color: "#6b3d00" } },
    {
      selector: "edge.chg-retracted",
      style: {
        "line-color": CHANGE_COLOURS.retracted,
        "target-arrow-color": CHANGE_COLOURS.retracted,
        "line-style": "dashed",
        "line-dash-pattern": [3, 5],
        "underlay-opacity": 0,
        color: "#555555",
        opacity: 0.9,
      },
    },
    {
      selector: ":selected",
      style: { "overlay-color": "#FFB000", "overlay-opacity": 0.35, "overlay-padding": 6 },
    },
  ];
  return s;
}

function nodeElement(n: GraphNode, egoId: string | null): ElementDefinition {
  const classes = [n.type === "Agreement" ? "agreement" : "actor"];
  if (n.id === egoId) classes.push("ego");
  return {
    group: "nodes",
    data: {
      id: n.id,
      label: nodeLabel(n),
      colour: NODE_COLOURS[n.type] ?? "#999999",
      size: n.type === "Agreement" ? MIN_SIZE + 4 : MIN_SIZE + 8,
      model: n,
    },
    classes,
  };
}

function edgeElement(e: GraphEdge): ElementDefinition {
  const look = EDGE_LOOKS[e.type] ?? FALLBACK_EDGE;
  const classes: string[] = [];
  if (look.arrow && e.agreement === null) classes.push("arrow");
  if (look.line !== "solid") classes.push(look.line);
  if (e.agreement !== null) classes.push("agreement-link");
  return {
    group: "edges",
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      colour: look.colour,
      weight: Math.max(1, Math.min(5, e.weight)),
      model: e,
    },
    classes,
  };
}

export class GraphView {
  readonly cy: Core;
  private egoId: string | null = null;
  layoutName: LayoutName = "auto";
  /** Milliseconds the last layout took (for the page's timings). */
  lastLayoutMs = 0;
  lastAddMs = 0;

  constructor(container: HTMLElement, events: GraphEvents) {
    // Cytoscape injects a one-rule <style> element unless an element with this id exists;
    // the page's CSP forbids inline styles and styles.css already positions the container.
    if (document.getElementById("__________cytoscape_stylesheet") === null) {
      const marker = document.createElement("meta");
      marker.id = "__________cytoscape_stylesheet";
      document.head.append(marker);
    }
    this.cy = cytoscape({
      container,
      style: style(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    this.cy.on("tap", "node", (ev) => {
      const model = (ev.target as NodeSingular).data("model") as GraphNode;
      events.onNode(model);
    });
    this.cy.on("dbltap", "node.actor", (ev) => {
      events.onRecentre((ev.target as NodeSingular).data("model") as GraphNode);
    });
    this.cy.on("tap", "edge", (ev) => {
      events.onEdge((ev.target as EdgeSingular).data("model") as GraphEdge);
    });
    this.cy.on("mouseover", "node", (ev) => (ev.target as NodeSingular).addClass("hover"));
    this.cy.on("mouseout", "node", (ev) => (ev.target as NodeSingular).removeClass("hover"));
    this.cy.on("tap", (ev) => {
      if (ev.target === this.cy) events.onBackground();
    });
  }

  /** Draw ``g`` and lay it out; resolves once the layout has finished and a frame was painted. */
  async render(g: Subgraph, egoId: string | null): Promise<void> {
    this.egoId = egoId;
    const cy = this.cy;
    cy.resize(); // the container may have changed size since the last drawing
    const big = g.nodes.length > LABEL_ALL_BELOW;
    const t0 = performance.now();
    cy.batch(() => {
      cy.elements().remove();
      const nodes = g.nodes.map((n) => nodeElement(n, egoId));
      const edges = g.edges.map(edgeElement);
      if (big) {
        // Unlabelled until sizeBy picks the loud ones; straight edges skip bezier routing.
        for (const n of nodes) if (n.data.id !== egoId) n.classes = [...(n.classes as string[]), "quiet"];
        for (const e of edges) e.classes = [...(e.classes as string[]), "straight"];
      }
      cy.add(nodes);
      cy.add(edges);
    });
    this.lastAddMs = Math.round(performance.now() - t0);
    await this.layout();
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }

  /** Add a path's nodes and edges to what is drawn (without re-running the layout for what exists). */
  async addElements(nodes: GraphNode[], edges: GraphEdge[]): Promise<void> {
    const cy = this.cy;
    const newNodes = nodes.filter((n) => cy.getElementById(n.id).empty());
    const newEdges = edges.filter((e) => cy.getElementById(e.id).empty());
    if (newNodes.length === 0 && newEdges.length === 0) return;
    cy.batch(() => {
      cy.add(newNodes.map((n) => nodeElement(n, this.egoId)));
      cy.add(newEdges.map(edgeElement));
    });
    if (newNodes.length > 0) await this.layout();
  }

  layout(): Promise<void> {
    const cy = this.cy;
    const n = cy.nodes().length;
    if (n === 0) return Promise.resolve();
    const egoId = this.egoId;
    let opts: cytoscape.LayoutOptions;
    const radial = this.layoutName === "radial" || (this.layoutName === "auto" && n > FORCE_LIMIT);
    if (radial || n <= 2) {
      const positions = radialLayout(
        cy.nodes().map((x) => x.data("model") as GraphNode),
        cy.edges().map((x) => x.data("model") as GraphEdge),
        egoId,
      );
      opts = {
        name: "preset",
        animate: false,
        fit: true,
        padding: 30,
        positions: (node: NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 },
      } as cytoscape.LayoutOptions;
    } else {
      opts = {
        name: "fcose",
        quality: "default",
        randomize: true,
        animate: false,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: 90,
        nodeRepulsion: 6000,
        numIter: 2500,
        packComponents: true,
      } as cytoscape.LayoutOptions;
    }
    const t0 = performance.now();
    return new Promise((resolve) => {
      const layout = cy.layout(opts);
      layout.one("layoutstop", () => {
        this.lastLayoutMs = Math.round(performance.now() - t0);
        resolve();
      });
      layout.run();
    });
  }

  /** Size nodes by ``scores`` (id -> value); nodes without a score get the smallest size. */
  sizeBy(scores: ReadonlyMap<string, number>): void {
    const values = [...scores.values()].filter((v) => Number.isFinite(v));
    const max = values.length > 0 ? Math.max(...values) : 0;
    const min = values.length > 0 ? Math.min(...values, 0) : 0;
    const actors = this.cy.nodes(".actor");
    const big = this.cy.nodes().length > LABEL_ALL_BELOW;
    const loud = new Set(
      actors
        .map((n) => [n.id(), scores.get(n.id()) ?? -Infinity] as [string, number])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, LOUD_LABELS)
        .map(([id]) => id),
    );
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass("quiet", big && node.id() !== this.egoId && !loud.has(node.id()));
      });
      this.cy.nodes(".actor").forEach((node) => {
        const v = scores.get(node.id());
        let size = MIN_SIZE;
        if (v !== undefined && max > min) size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((v - min) / (max - min));
        node.data("size", size);
        node.data("score", v ?? null);
      });
    });
  }

  /** Mark what changed since (classes and labels); retracted relations between drawn nodes are
   * added as ghost edges (class ``chg-retracted``), replacing the previous marks. */
  markChanges(marks: ChangeMarks | null): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.edges(".chg-retracted").remove();
      cy.elements(".chg").removeClass("chg chg-new chg-new-evidence chg-lost-source chg-retracted");
      if (marks === null) return;
      const ghosts = marks.ghosts.filter(
        (e) => cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty(),
      );
      cy.add(ghosts.map(edgeElement));
      for (const [id, mark] of marks.edges) {
        const el = cy.getElementById(id);
        if (el.empty()) continue;
        el.data("changeLabel", MARK_TEXT[mark]);
        el.addClass(`chg chg-${mark}`);
      }
      for (const id of marks.nodes) {
        const el = cy.getElementById(id);
        if (el.empty()) continue;
        el.data("changeLabel", `${String(el.data("label"))}\n(new)`);
        el.addClass("chg chg-new");
      }
    });
  }

  /** The subgraph as drawn now (for exports). */
  current(): Subgraph {
    const nodes = this.cy.nodes().map((n) => n.data("model") as GraphNode);
    const edges = this.cy.edges().map((e) => e.data("model") as GraphEdge);
    return { nodes, edges, truncated: false };
  }

  highlightPath(nodeIds: string[], edgeIds: string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass("path faded");
      if (nodeIds.length === 0) return;
      const keep = cy.collection();
      for (const id of nodeIds) keep.merge(cy.getElementById(id));
      for (const id of edgeIds) keep.merge(cy.getElementById(id));
      keep.addClass("path");
      cy.elements().difference(keep).addClass("faded");
    });
    if (nodeIds.length > 0) cy.animate({ fit: { eles: cy.elements(".path"), padding: 60 }, duration: 250 });
  }

  clearHighlight(): void {
    this.cy.elements().removeClass("path faded");
    this.cy.elements().unselect();
  }

  select(id: string): void {
    const el = this.cy.getElementById(id);
    this.cy.elements().unselect();
    if (el.nonempty()) {
      el.select();
      // Pan only when the element is (partly) outside the window, so a click never jolts the view.
      const box = el.boundingBox({});
      const ext = this.cy.extent();
      if (box.x1 < ext.x1 || box.x2 > ext.x2 || box.y1 < ext.y1 || box.y2 > ext.y2) {
        this.cy.animate({ center: { eles: el }, duration: 200 });
      }
    }
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  png(): Blob {
    return this.cy.png({ output: "blob", bg: "#ffffff", full: false, scale: 2 });
  }

  fit(): void {
    this.cy.fit(undefined, 30);
  }
}
