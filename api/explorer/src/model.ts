// The explorer's own view model. The GraphQL layer (api.ts) maps answers into these shapes,
// so the drawing, panels and exports never depend on the wire format.

export const ENTITY_TYPES = [
  "Company",
  "University",
  "ResearchInstitute",
  "GovernmentBody",
  "City",
  "Region",
  "Country",
  "Cluster",
  "Program",
  "Technology",
  "Person",
] as const;

export const RELATION_TYPES = [
  "PARTNERS_WITH",
  "PARTY_TO",
  "INVESTS_IN",
  "PART_OF",
  "LOCATED_IN",
  "DEVELOPS",
  "WORKS_ON",
  "COMPETES_WITH",
  "LEADS",
  "AFFILIATED_WITH",
  "HAS_GOAL",
] as const;

export const AGREEMENT_KINDS = ["MOU", "Partnership", "JointStatement", "Contract", "Investment", "Consortium"] as const;

/** Relation types that read the same both ways (drawn without an arrow). */
export const SYMMETRIC = new Set<string>(["PARTNERS_WITH", "COMPETES_WITH"]);

export const METRICS = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"] as const;
export type Metric = (typeof METRICS)[number];

/** Pseudo entity type under which agreement nodes are filtered and coloured. */
export const AGREEMENT = "Agreement";

export interface Evidence {
  sentence: string;
  documentId: string;
  documentTitle: string;
  documentSource: string | null;
  published: string | null;
  confidence: number;
  rule: string;
  start: number | null;
  end: number | null;
}

export interface GraphNode {
  id: string;
  label: string;
  /** Entity type, or "Agreement" for agreement nodes. */
  type: string;
  /** Agreement kind (MOU, Partnership, ...) for agreement nodes. */
  kind: string | null;
  country: string | null;
  date: string | null;
  /** Distance from the ego actor (0 for the ego itself), when known. */
  distance: number | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Agreement id when the edge is a party's link to an agreement node. */
  agreement: string | null;
  weight: number;
  firstSeen: string | null;
  lastSeen: string | null;
  confidence: number | null;
  evidence: Evidence[] | null;
  /** Ids of the documents behind it (as of the view's date), when known. */
  documents?: string[];
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the server capped the answer and more exists. */
  truncated: boolean;
}

export interface Suggestion {
  id: string;
  label: string;
  type: string;
  detail: string;
}

export interface DocumentRef {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
}

export interface ActorCard {
  id: string;
  name: string;
  type: string;
  country: string | null;
  description: string | null;
  aliases: string[];
  externalIds: Array<{ key: string; value: string }>;
  scores: Array<{ metric: string; value: number | null }>;
  documents: DocumentRef[];
}

export interface AgreementCard {
  id: string;
  kind: string;
  title: string;
  date: string | null;
  status: string | null;
  place: { id: string; name: string } | null;
  topics: string[];
  parties: Array<{ id: string; name: string; type: string }>;
  evidence: Evidence[];
}

export interface PathHop {
  source: string;
  target: string;
  type: string;
  agreement: string | null;
  agreementLabel: string | null;
  reversed: boolean;
  evidence: Evidence[];
}

export interface PathResult {
  nodes: Array<{ id: string; label: string; type: string }>;
  hops: PathHop[];
}

export interface RankingRow {
  id: string;
  label: string;
  type: string;
  value: number;
  rank: number;
}

export interface Filters {
  relationTypes: Set<string>;
  entityTypes: Set<string>;
  since: string | null;
  until: string | null;
}

/** A node's display label: agreements carry their kind unless their title already starts with it. */
export function nodeLabel(n: GraphNode): string {
  if (n.type !== AGREEMENT || !n.kind) return n.label;
  const kind = n.kind.replace(/([a-z])([A-Z])/g, "$1 $2");
  return n.label.toLowerCase().startsWith(kind.toLowerCase()) ? n.label : `${kind}: ${n.label}`;
}
