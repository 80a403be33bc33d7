// Colours, shapes and line styles: one table used by the graph style, the legend and the
// autocomplete swatches, so they never disagree. Colours follow the Okabe-Ito
// colour-blind-safe set where it reaches; edge types also differ by line style.

export const NODE_COLOURS: Record<string, string> = {
  Company: "#0072B2",
  University: "#E69F00",
  ResearchInstitute: "#D55E00",
  GovernmentBody: "#009E73",
  City: "#CC79A7",
  Region: "#8E5EA2",
  Country: "#7F5539",
  Cluster: "#56B4E9",
  Program: "#C9B400",
  Technology: "#8C8C8C",
  Person: "#66A61E",
  Agreement: "#333333",
};

export interface EdgeLook {
  colour: string;
  line: "solid" | "dashed" | "dotted";
  arrow: boolean;
}

export const EDGE_LOOKS: Record<string, EdgeLook> = {
  PARTNERS_WITH: { colour: "#1F5FA8", line: "solid", arrow: false },
  PARTY_TO: { colour: "#555555", line: "solid", arrow: false },
  INVESTS_IN: { colour: "#2CA02C", line: "dashed", arrow: true },
  PART_OF: { colour: "#7F7F7F", line: "dotted", arrow: true },
  LOCATED_IN: { colour: "#A0A020", line: "dotted", arrow: true },
  DEVELOPS: { colour: "#9467BD", line: "dashed", arrow: true },
  WORKS_ON: { colour: "#17A2B8", line: "dashed", arrow: true },
  COMPETES_WITH: { colour: "#D62728", line: "dashed", arrow: false },
  LEADS: { colour: "#FF7F0E", line: "solid", arrow: true },
  AFFILIATED_WITH: { colour: "#8C564B", line: "dotted", arrow: true },
  HAS_GOAL: { colour: "#E377C2", line: "dotted", arrow: true },
};

/** "Changed since" marks (each also carries a text label on the drawing and in the lists). */
export const CHANGE_COLOURS: Record<string, string> = {
  new: "#009E73",
  "new-evidence": "#56B4E9",
  "lost-source": "#E69F00",
  retracted: "#8C8C8C",
};

export const FALLBACK_EDGE: EdgeLook = { colour: "#999999", line: "solid", arrow: true };

/** Human label for an enum value: PARTNERS_WITH -> "partners with", ResearchInstitute -> "Research institute". */
export function humanise(value: string): string {
  if (value === "MOU") return value;
  if (/^[A-Z_]+$/.test(value)) return value.toLowerCase().replace(/_/g, " ");
  const spaced = value.replace(/([a-z])([A-Z])/g, "$1 $2");
  return spaced.charAt(0) + spaced.slice(1).toLowerCase();
}

/** A small coloured square for a node type (CSSOM styling, which the page's CSP allows). */
export function swatch(type: string): HTMLSpanElement {
  const el = document.createElement("span");
  el.className = type === "Agreement" ? "swatch diamond" : "swatch";
  el.setAttribute("aria-hidden", "true");
  el.style.backgroundColor = NODE_COLOURS[type] ?? "#999999";
  return el;
}
