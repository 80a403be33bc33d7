// The explorer's only network access: POST /graphql on the qkg server that served the page.
// Every answer is mapped into model.ts shapes here, so the wire format lives in one file.

import type {
  ActorCard,
  AgreementCard,
  Evidence,
  GraphEdge,
  GraphNode,
  Metric,
  PathHop,
  PathResult,
  RankingRow,
  Subgraph,
  Suggestion,
} from "./model";
import { AGREEMENT_KINDS, ENTITY_TYPES, METRICS, RELATION_TYPES } from "./model";
import { agreementParties, type FactChange } from "./changes";
import { humanise } from "./palette";

export class ApiError extends Error {}

/** Relation types an ego network follows: every type except goals (not actor-to-actor). */
export const EGO_VIA: string[] = RELATION_TYPES.filter((t) => t !== "HAS_GOAL");

type Json = Record<string, unknown>;

// GraphQL enums carry the ontology's member names (RESEARCH_INSTITUTE); the page uses its values
// (ResearchInstitute), like the rest of qkg.
const snake = (v: string): string => v.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
const ENUM_VALUES = new Map<string, string>([...ENTITY_TYPES, ...AGREEMENT_KINDS].map((v) => [snake(v), v]));
/** The ontology value of a GraphQL enum name (unchanged when it is not one). */
export function enumValue(name: string): string {
  return ENUM_VALUES.get(name) ?? name;
}

// ---- wire shapes (only what we select) --------------------------------------------------
interface WActorRef {
  id: string;
  name: string;
  type: string;
  country?: string | null;
}
interface WDocument {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
}
/** Evidence as asked in full (paths, panels) or slim (ego networks: confidence and date only). */
interface WEvidence {
  sentence?: string;
  start?: number;
  end?: number;
  rule?: string;
  confidence: number;
  documentId?: string;
  document: Partial<WDocument> | null;
}
interface WAgreementRef {
  id: string;
  kind: string;
  title: string;
  date: string | null;
  parties: Array<{ id: string }>;
}
interface WLink {
  type: string;
  reversed: boolean;
  source: { id: string } | null;
  target: { id: string } | null;
  agreement: WAgreementRef | null;
  evidence: WEvidence[];
}

const EVIDENCE = `sentence start end rule confidence documentId document { id title url publishedAt }`;
const LINK = `type reversed source { id } target { id }
  agreement { id kind title date parties { id } }
  evidence { ${EVIDENCE} }`;
/** Ego networks ask only what drawing and filtering need; sentences load when an edge is opened. */
const AGREEMENT = `id kind title date status topics place { id name } parties { id name type } evidence { ${EVIDENCE} }`;
const LINK_SLIM = `type reversed source { id } target { id }
  agreement { id kind title date parties { id } }
  evidence { confidence documentId document { publishedAt } }`;

function evidence(w: WEvidence): Evidence {
  return {
    sentence: w.sentence ?? "",
    documentId: w.documentId ?? w.document?.id ?? "",
    documentTitle: w.document?.title ?? "",
    documentSource: w.document?.url ?? null,
    published: w.document?.publishedAt ?? null,
    confidence: w.confidence,
    rule: w.rule ?? "",
    start: w.start ?? null,
    end: w.end ?? null,
  };
}

/** Distinct document ids behind some evidence. */
function docIds(evs: Evidence[]): string[] {
  return [...new Set(evs.map((e) => e.documentId).filter((d) => d !== ""))];
}

function span(evs: Evidence[]): [string | null, string | null] {
  const dates = evs.map((e) => e.published).filter((d): d is string => d !== null).sort();
  return [dates[0] ?? null, dates[dates.length - 1] ?? null];
}

export function relationEdgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

export function partyEdgeId(party: string, agreement: string): string {
  return `${party}|PARTY_TO|${agreement}`;
}

function agreementNode(a: WAgreementRef, distance: number | null): GraphNode {
  return {
    id: a.id,
    label: a.title || enumValue(a.kind),
    type: "Agreement",
    kind: enumValue(a.kind),
    country: null,
    date: a.date,
    distance,
  };
}

function actorNode(a: WActorRef, distance: number | null): GraphNode {
  return { id: a.id, label: a.name, type: enumValue(a.type), kind: null, country: a.country ?? null, date: null, distance };
}

/** Accumulates nodes and edges from links, agreements becoming nodes joined to their parties. */
class SubgraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  private readonly agreementEvidence = new Map<string, Evidence[]>();
  private readonly agreementParties = new Map<string, string[]>();

  actor(a: WActorRef, distance: number | null): void {
    const known = this.nodes.get(a.id);
    if (known === undefined) this.nodes.set(a.id, actorNode(a, distance));
    else if (distance !== null && (known.distance === null || distance < known.distance)) known.distance = distance;
  }

  link(l: WLink): void {
    if (l.source === null || l.target === null) return;
    const evs = l.evidence.map(evidence);
    const full = l.evidence.every((e) => e.sentence !== undefined);
    if (l.agreement !== null) {
      const a = l.agreement;
      if (!this.nodes.has(a.id)) this.nodes.set(a.id, agreementNode(a, null));
      this.agreementEvidence.set(a.id, evs);
      this.agreementParties.set(a.id, a.parties.map((p) => p.id));
      return;
    }
    // Links walk from the nearer actor; ``reversed`` restores the relation's own direction.
    const [s, t] = l.reversed ? [l.target.id, l.source.id] : [l.source.id, l.target.id];
    const [src, tgt] = (l.type === "PARTNERS_WITH" || l.type === "COMPETES_WITH") && t < s ? [t, s] : [s, t];
    const id = relationEdgeId(src, l.type, tgt);
    if (this.edges.has(id)) return;
    const [first, last] = span(evs);
    this.edges.set(id, {
      id,
      source: src,
      target: tgt,
      type: l.type,
      agreement: null,
      weight: Math.max(1, evs.length),
      firstSeen: first,
      lastSeen: last,
      confidence: evs.length > 0 ? Math.max(...evs.map((e) => e.confidence)) : null,
      evidence: full ? evs : null,
      documents: docIds(evs),
    });
  }

  /** Party edges for every agreement, to each of its parties that is drawn. */
  finish(): Subgraph {
    for (const [aid, parties] of this.agreementParties) {
      const evs = this.agreementEvidence.get(aid) ?? [];
      const [first, last] = span(evs);
      const node = this.nodes.get(aid);
      if (node !== undefined && node.date === null) node.date = first;
      const present = parties.filter((p) => this.nodes.has(p));
      for (const p of present) {
        const id = partyEdgeId(p, aid);
        this.edges.set(id, {
          id,
          source: p,
          target: aid,
          type: "PARTY_TO",
          agreement: aid,
          weight: Math.max(1, evs.length),
          firstSeen: first,
          lastSeen: last,
          confidence: evs.length > 0 ? Math.max(...evs.map((e) => e.confidence)) : null,
          evidence: null, // agreement edges open the agreement's own panel
          documents: docIds(evs),
        });
      }
      if (node !== undefined) {
        const ds = present.map((p) => this.nodes.get(p)?.distance).filter((d): d is number => d != null);
        node.distance = ds.length > 0 ? Math.min(...ds) + 0.5 : null;
      }
    }
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: false };
  }
}

function agreementCard(a: Json): AgreementCard {
  return {
    id: String(a.id),
    kind: enumValue(String(a.kind)),
    title: String(a.title ?? ""),
    date: (a.date as string | null) ?? null,
    status: typeof a.status === "string" ? a.status.toLowerCase() : null,
    topics: (a.topics as string[]) ?? [],
    place: (a.place as { id: string; name: string } | null) ?? null,
    parties: (a.parties as Array<{ id: string; name: string; type: string }>).map((p) => ({ ...p, type: enumValue(p.type) })),
    evidence: (a.evidence as WEvidence[]).map(evidence),
  };
}

export interface EgoResult {
  ego: GraphNode;
  graph: Subgraph;
  total: number;
}

export class QkgApi {
  constructor(private readonly endpoint: string) {}

  async query<T>(query: string, variables: Json = {}, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query, variables }),
        credentials: "same-origin",
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(`qkg server unreachable at ${this.endpoint}`);
    }
    let body: { data?: T; errors?: Array<{ message: string }> };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new ApiError(`qkg answered ${res.status} ${res.statusText} without JSON`);
    }
    if (body.errors && body.errors.length > 0) throw new ApiError(body.errors.map((e) => e.message).join("; "));
    if (!res.ok || body.data === undefined) throw new ApiError(`qkg answered ${res.status} ${res.statusText}`);
    return body.data;
  }

  async suggest(text: string, signal?: AbortSignal): Promise<Suggestion[]> {
    const data = await this.query<{
      search: Array<{ node: (WActorRef & { __typename: string; aliases: string[] }) | { __typename: string } }>;
    }>(
      `query Suggest($text: String!) { search(text: $text, first: 15) {
        node { __typename ... on Actor { id name type country aliases } } } }`,
      { text },
      signal,
    );
    const needle = text.toLowerCase();
    const actors = data.search
      .map((hit) => hit.node)
      .filter((n): n is WActorRef & { __typename: string; aliases: string[] } => n.__typename === "Actor");
    return actors.slice(0, 12).map((a) => {
      const alias = a.aliases.find((x) => x.toLowerCase().includes(needle) && !a.name.toLowerCase().includes(needle));
      const detail = [alias ? `aka ${alias}` : null, humanise(enumValue(a.type)), a.country].filter(Boolean).join(" · ");
      return { id: a.id, label: a.name, type: enumValue(a.type), detail };
    });
  }

  async ego(id: string, depth: number, limit: number, asOf: string | null = null): Promise<EgoResult> {
    const data = await this.query<{
      actor:
        | (WActorRef & {
            __typename: "Actor";
            collaborators: Array<{ distance: number; actor: WActorRef; links: WLink[] }>;
          })
        | { __typename: string; message: string };
    }>(
      `query Ego($id: ID!, $depth: Int!, $via: [RelationType!], $first: Int!, $asOf: Date) {
        actor(id: $id) {
          __typename
          ... on Actor {
            id name type country
            collaborators(depth: $depth, via: $via, first: $first, asOf: $asOf) {
              distance
              actor { id name type country }
              links(first: 100) { ${LINK_SLIM} }
            }
          }
          ... on ActorNotFound { message }
        }
      }`,
      { id, depth, via: EGO_VIA, first: limit, asOf },
    );
    const a = data.actor;
    if (a.__typename !== "Actor" || !("collaborators" in a)) throw new ApiError((a as { message: string }).message);
    const b = new SubgraphBuilder();
    b.actor(a, 0);
    for (const c of a.collaborators) b.actor(c.actor, c.distance);
    for (const c of a.collaborators) for (const l of c.links) b.link(l);
    const graph = b.finish();
    graph.truncated = a.collaborators.length >= limit;
    return { ego: actorNode(a, 0), graph, total: a.collaborators.length };
  }

  /** Relations between the actors of an ego network that its shortest-route links leave out
   * (ties among alters); each actor's first 100 relations are looked at. */
  async linksAmong(egoId: string, depth: number, limit: number, asOf: string | null = null): Promise<GraphEdge[]> {
    type Rel = { type: string; source: { id: string } | null; target: { id: string } | null; evidence: WEvidence[] };
    const data = await this.query<{
      actor: { id?: string; collaborators?: Array<{ actor: { id: string; relations: { nodes: Rel[] } } }> };
    }>(
      `query Among($id: ID!, $depth: Int!, $via: [RelationType!], $types: [RelationType!], $first: Int!, $asOf: Date) {
        actor(id: $id) { ... on Actor { id collaborators(depth: $depth, via: $via, first: $first, asOf: $asOf) {
          actor { id relations(types: $types, first: 100, asOf: $asOf) {
            nodes { type source { id } target { id } evidence { confidence documentId document { publishedAt } } } } } } } }
      }`,
      { id: egoId, depth, via: EGO_VIA, types: EGO_VIA.filter((t) => t !== "PARTY_TO"), first: limit, asOf },
    );
    const members = new Set([egoId, ...(data.actor.collaborators ?? []).map((c) => c.actor.id)]);
    const b = new SubgraphBuilder();
    for (const c of data.actor.collaborators ?? []) {
      for (const r of c.actor.relations.nodes) {
        if (r.source === null || r.target === null) continue;
        if (!members.has(r.source.id) || !members.has(r.target.id)) continue;
        b.link({ type: r.type, reversed: false, source: r.source, target: r.target, agreement: null, evidence: r.evidence });
      }
    }
    return [...b.edges.values()];
  }

  /** Scores of the ego network's actors under ``metric`` (for re-sizing without re-fetching
   * the network); as of ``asOf`` when given: on the network in force then, whose actors then. */
  async scores(egoId: string, depth: number, metric: Metric, limit: number, asOf: string | null = null): Promise<Map<string, number>> {
    const data = await this.query<{
      actor: { id?: string; centrality?: number | null; collaborators?: Array<{ actor: { id: string; centrality: number | null } }> };
    }>(
      `query Scores($id: ID!, $depth: Int!, $via: [RelationType!], $first: Int!, $metric: CentralityMetric!, $asOf: Date) {
        actor(id: $id) { ... on Actor { id centrality(metric: $metric, asOf: $asOf)
          collaborators(depth: $depth, via: $via, first: $first, asOf: $asOf) { actor { id centrality(metric: $metric, asOf: $asOf) } } } }
      }`,
      { id: egoId, depth, via: EGO_VIA, first: limit, metric: metric.toUpperCase(), asOf },
    );
    const out = new Map<string, number>();
    const a = data.actor;
    if (a.id !== undefined && a.centrality != null) out.set(a.id, a.centrality);
    for (const c of a.collaborators ?? []) if (c.actor.centrality !== null) out.set(c.actor.id, c.actor.centrality);
    return out;
  }

  /** An actor's card; as of ``asOf`` when given: its scores on the network in force then and
   * the documents published by then behind its facts in force then. */
  async actorCard(id: string, asOf: string | null = null): Promise<ActorCard> {
    const data = await this.query<{ actor: Json & { __typename: string } }>(
      `query Card($id: ID!, $asOf: Date) { actor(id: $id) { __typename
        ... on Actor { id name type country description aliases externalIds { scheme value }
          documents(asOf: $asOf) { id title url publishedAt } }
        ... on ActorNotFound { message } } }`,
      { id, asOf },
    );
    const a = data.actor;
    if (a.__typename !== "Actor") throw new ApiError(String(a.message));
    return {
      id: String(a.id),
      name: String(a.name),
      type: enumValue(String(a.type)),
      country: (a.country as string | null) ?? null,
      description: (a.description as string | null) ?? null,
      aliases: a.aliases as string[],
      externalIds: (a.externalIds as Array<{ scheme: string; value: string }>).map((x) => ({
        key: x.scheme,
        value: x.value,
      })),
      scores: await this.actorScores(id, asOf),
      documents: (a.documents as WDocument[]).map((d) => ({
        id: d.id,
        title: d.title,
        source: d.url,
        published: d.publishedAt,
      })),
    };
  }

  /** Every measure for one actor, each asked on its own so one failing measure leaves the others. */
  async actorScores(id: string, asOf: string | null = null): Promise<Array<{ metric: string; value: number | null }>> {
    return Promise.all(
      METRICS.map(async (m) => {
        try {
          const d = await this.query<{ actor: { centrality?: number | null } }>(
            `query Score($id: ID!, $m: CentralityMetric!, $asOf: Date) { actor(id: $id) { ... on Actor { centrality(metric: $m, asOf: $asOf) } } }`,
            { id, m: m.toUpperCase(), asOf },
          );
          return { metric: m, value: d.actor.centrality ?? null };
        } catch {
          return { metric: m, value: null };
        }
      }),
    );
  }

  async agreement(id: string): Promise<AgreementCard> {
    const data = await this.query<{ agreement: Json & { __typename: string } }>(
      `query Agreement($id: ID!) { agreement(id: $id) { __typename
        ... on Agreement { ${AGREEMENT} }
        ... on AgreementNotFound { message } } }`,
      { id },
    );
    const a = data.agreement;
    if (a.__typename !== "Agreement") throw new ApiError(String(a.message));
    return agreementCard(a);
  }

  /** An agreement as the documents published by ``asOf`` tell it (qkg's ``agreement(id,
   * asOf)``), or null when it is not in force on that date. */
  async agreementAsOf(id: string, asOf: string): Promise<AgreementCard | null> {
    const data = await this.query<{ agreement: Json & { __typename: string } }>(
      `query AgreementAsOf($id: ID!, $asOf: Date!) { agreement(id: $id, asOf: $asOf) { __typename
        ... on Agreement { ${AGREEMENT} } } }`,
      { id, asOf },
    );
    return data.agreement.__typename === "Agreement" ? agreementCard(data.agreement) : null;
  }

  /** The graph's version now (``stats { graphVersion }``): a ``since`` for the change feed. */
  async graphVersion(): Promise<string> {
    const data = await this.query<{ stats: { graphVersion: string } }>(`query Version { stats { graphVersion } }`);
    return data.stats.graphVersion;
  }

  /** The change feed since a graph version or an ISO moment, up to ``max`` changes. */
  async changes(since: string, max = 2000): Promise<{ changes: FactChange[]; total: number }> {
    type Page = {
      changes: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<Omit<FactChange, "parties"> & { fact: string }>;
      };
    };
    const out: FactChange[] = [];
    let after: string | null = null;
    let total = 0;
    while (out.length < max) {
      const data: Page = await this.query<Page>(
        `query Changes($since: String!, $after: String) { changes(since: $since, first: 100, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { kind at event graphVersion documentId fact type source target agreement } } }`,
        { since, after },
      );
      total = data.changes.totalCount;
      for (const n of data.changes.nodes) {
        const { fact, ...rest } = n;
        out.push({ ...rest, parties: agreementParties(fact)?.parties ?? [] });
      }
      if (!data.changes.pageInfo.hasNextPage) break;
      after = data.changes.pageInfo.endCursor;
    }
    return { changes: out, total };
  }

  /** The documents about each of ``ids`` (to tell a new actor from one with older facts). */
  async actorDocuments(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      const vars: Json = {};
      const fields = chunk.map((id, j) => {
        vars[`a${j}`] = id;
        return `a${j}: actor(id: $a${j}) { ... on Actor { id documents { id } } }`;
      });
      const params = chunk.map((_, j) => `$a${j}: ID!`).join(", ");
      const data = await this.query<Record<string, { id?: string; documents?: Array<{ id: string }> }>>(
        `query Docs(${params}) { ${fields.join(" ")} }`,
        vars,
      );
      for (const a of Object.values(data)) if (a.id !== undefined) out.set(a.id, (a.documents ?? []).map((d) => d.id));
    }
    return out;
  }


  /** Evidence of one relation (ego networks are drawn without sentences), paging through
   * the source's relations of that type until the target turns up. */
  async relationEvidence(source: string, type: string, target: string, asOf: string | null = null): Promise<Evidence[]> {
    type Page = {
      actor: {
        relations?: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: Array<{ source: { id: string } | null; target: { id: string } | null; evidence: WEvidence[] }>;
        };
      };
    };
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const data: Page = await this.query<Page>(
        `query Rel($id: ID!, $types: [RelationType!], $after: String, $asOf: Date) { actor(id: $id) { ... on Actor {
          relations(types: $types, first: 100, after: $after, asOf: $asOf) {
            pageInfo { hasNextPage endCursor }
            nodes { source { id } target { id } evidence { ${EVIDENCE} } } } } } }`,
        { id: source, types: [type], after, asOf },
      );
      const rels = data.actor.relations;
      if (rels === undefined) return [];
      const hit = rels.nodes.find((r) => r.source?.id === source && r.target?.id === target);
      if (hit) return hit.evidence.map(evidence);
      if (!rels.pageInfo.hasNextPage) return [];
      after = rels.pageInfo.endCursor;
    }
    return [];
  }

  async paths(from: string, to: string, maxHops: number, first = 5, asOf: string | null = null): Promise<PathResult[]> {
    const data = await this.query<{
      paths:
        | { __typename: "Paths"; found: boolean; message: string; paths: Array<{ nodes: WActorRef[]; hops: WLink[] }> }
        | { __typename: "ActorNotFound"; message: string };
    }>(
      `query Paths($from: String!, $to: String!, $maxHops: Int!, $first: Int!, $via: [RelationType!], $asOf: Date) {
        paths(from: $from, to: $to, maxHops: $maxHops, first: $first, via: $via, asOf: $asOf) {
          __typename
          ... on Paths { found message paths { nodes { id name type country } hops { ${LINK} } } }
          ... on ActorNotFound { message }
        }
      }`,
      { from, to, maxHops, first, via: EGO_VIA, asOf },
    );
    const r = data.paths;
    if (r.__typename !== "Paths") throw new ApiError(r.message);
    return r.paths.map((p) => ({
      nodes: p.nodes.map((n) => ({ id: n.id, label: n.name, type: enumValue(n.type) })),
      hops: p.hops.map(
        (l): PathHop => ({
          source: l.source?.id ?? "",
          target: l.target?.id ?? "",
          type: l.type,
          agreement: l.agreement?.id ?? null,
          agreementLabel: l.agreement ? l.agreement.title || enumValue(l.agreement.kind) : null,
          reversed: l.reversed,
          evidence: l.evidence.map(evidence),
        }),
      ),
    }));
  }

  /** The drawable elements of a path: its actors, agreement nodes and edges. */
  static pathElements(p: PathResult): { nodes: GraphNode[]; edges: GraphEdge[]; edgeIds: string[] } {
    const nodes: GraphNode[] = p.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      type: n.type,
      kind: null,
      country: null,
      date: null,
      distance: null,
    }));
    const edges: GraphEdge[] = [];
    const edgeIds: string[] = [];
    for (const hop of p.hops) {
      const [first, last] = span(hop.evidence);
      const base = {
        weight: Math.max(1, hop.evidence.length),
        firstSeen: first,
        lastSeen: last,
        confidence: hop.evidence.length > 0 ? Math.max(...hop.evidence.map((e) => e.confidence)) : null,
        evidence: hop.evidence,
        documents: docIds(hop.evidence),
      };
      if (hop.agreement !== null) {
        nodes.push({
          id: hop.agreement,
          label: hop.agreementLabel ?? "agreement",
          type: "Agreement",
          kind: null,
          country: null,
          date: first,
          distance: null,
        });
        for (const party of [hop.source, hop.target]) {
          const id = partyEdgeId(party, hop.agreement);
          edges.push({ id, source: party, target: hop.agreement, type: "PARTY_TO", agreement: hop.agreement, ...base });
          edgeIds.push(id);
        }
      } else {
        const [s, t] = hop.reversed ? [hop.target, hop.source] : [hop.source, hop.target];
        const [src, tgt] = (hop.type === "PARTNERS_WITH" || hop.type === "COMPETES_WITH") && t < s ? [t, s] : [s, t];
        const id = relationEdgeId(src, hop.type, tgt);
        edges.push({ id, source: src, target: tgt, type: hop.type, agreement: null, ...base });
        edgeIds.push(id);
      }
    }
    return { nodes, edges, edgeIds };
  }

  /** The top actors by ``metric`` on the collaboration network, optionally only from evidence
   * dated inside ``since``..``until`` (ISO dates). */
  async ranking(
    metric: Metric,
    top: number,
    since: string | null = null,
    until: string | null = null,
    asOf: string | null = null,
  ): Promise<RankingRow[]> {
    const data = await this.query<{ centrality: Array<{ rank: number; score: number; actor: WActorRef }> }>(
      `query Ranking($metric: CentralityMetric!, $top: Int!, $from: String, $to: String, $asOf: Date) {
        centrality(metric: $metric, top: $top, from: $from, to: $to, asOf: $asOf) { rank score actor { id name type } }
      }`,
      { metric: metric.toUpperCase(), top, from: since, to: until, asOf },
    );
    return data.centrality.map((r) => ({
      id: r.actor.id,
      label: r.actor.name,
      type: enumValue(r.actor.type),
      value: r.score,
      rank: r.rank,
    }));
  }
}
