// The details panel: actor cards, evidence for an edge or agreement, a path's per-hop
// evidence. Pure DOM builders: each returns an element and never touches the network.

import { h, safeUrl } from "./dom";
import type { ActorCard, AgreementCard, DocumentRef, Evidence, GraphEdge, PathResult } from "./model";
import { humanise, swatch } from "./palette";

export interface CardActions {
  centre: (id: string, label: string) => void;
  pathFrom: (id: string, label: string) => void;
  pathTo: (id: string, label: string) => void;
  showNode: (id: string) => void;
}

function wikidataUrl(qid: string): string | null {
  return /^Q[1-9]\d*$/.test(qid) ? `https://www.wikidata.org/wiki/${qid}` : null;
}

function rorUrl(id: string): string | null {
  const m = /^(?:https:\/\/ror\.org\/)?(0[a-z0-9]{6}\d{2})$/.exec(id);
  return m ? `https://ror.org/${m[1]}` : null;
}

function externalLink(key: string, value: string): HTMLElement {
  const k = key.toLowerCase();
  const url = k === "wikidata" ? wikidataUrl(value) : k === "ror" ? rorUrl(value) : safeUrl(value);
  if (url === null) return h("span", {}, value);
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer external" }, value);
}

function formatScore(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return String(v);
  return v < 0.001 && v > 0 ? v.toExponential(2) : v.toFixed(3);
}

export function evidenceList(items: Evidence[]): HTMLElement {
  if (items.length === 0) return h("p", { class: "muted" }, "No evidence recorded.");
  return h(
    "ul",
    { class: "evidence" },
    items.map((ev) => {
      const url = safeUrl(ev.documentSource);
      const title = ev.documentTitle || ev.documentId.slice(0, 12);
      return h(
        "li",
        {},
        h("blockquote", {}, ev.sentence),
        h(
          "div",
          { class: "meta" },
          url
            ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer external" }, title)
            : h("span", {}, title),
          h("span", {}, ev.published ?? "undated"),
          h("span", { title: `extraction rule: ${ev.rule}` }, `confidence ${ev.confidence.toFixed(2)}`),
        ),
      );
    }),
  );
}

const DOCS_SHOWN = 8;

function documentItem(d: DocumentRef): HTMLElement {
  const url = safeUrl(d.source);
  const title = d.title || d.id.slice(0, 12);
  return h(
    "li",
    {},
    url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer external" }, title) : title,
    d.published ? h("span", { class: "muted" }, ` (${d.published})`) : null,
  );
}

/** The first few documents, the rest behind a native (keyboard-operable) disclosure. */
function documentList(docs: DocumentRef[]): HTMLElement {
  const wrap = h("div", {}, h("ul", { class: "docs" }, docs.slice(0, DOCS_SHOWN).map(documentItem)));
  if (docs.length > DOCS_SHOWN) {
    wrap.append(
      h(
        "details",
        { class: "more-docs" },
        h("summary", {}, `${docs.length - DOCS_SHOWN} more`),
        h("ul", { class: "docs" }, docs.slice(DOCS_SHOWN).map(documentItem)),
      ),
    );
  }
  return wrap;
}

export function actorCard(card: ActorCard, actions: CardActions): HTMLElement {
  const facts: HTMLElement[] = [];
  const fact = (k: string, v: Node | string) => facts.push(h("dt", {}, k), h("dd", {}, v));
  fact("Type", humanise(card.type));
  if (card.country) fact("Country", card.country);
  if (card.aliases.length > 0) fact("Aliases", card.aliases.join(", "));
  for (const x of card.externalIds) fact(x.key === "wikidata" ? "Wikidata" : x.key, externalLink(x.key, x.value));
  fact("Id", h("code", {}, card.id));
  return h(
    "article",
    { class: "card", "aria-labelledby": "card-title" },
    h("h2", { id: "card-title" }, card.name),
    h("div", { class: "card-type" }, swatch(card.type), humanise(card.type)),
    card.description ? h("p", {}, card.description) : null,
    h("dl", { class: "facts" }, facts),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", onclick: () => actions.centre(card.id, card.name) }, "Show its network"),
      h("button", { type: "button", onclick: () => actions.pathFrom(card.id, card.name) }, "Path from here"),
      h("button", { type: "button", onclick: () => actions.pathTo(card.id, card.name) }, "Path to here"),
    ),
    h("h3", {}, "Scores"),
    card.scores.length === 0
      ? h("p", { class: "muted" }, "No scores.")
      : h(
          "dl",
          { class: "facts scores" },
          card.scores.flatMap((s) => [h("dt", {}, humanise(s.metric)), h("dd", {}, formatScore(s.value))]),
        ),
    h("h3", {}, `Documents (${card.documents.length})`),
    card.documents.length === 0 ? h("p", { class: "muted" }, "None.") : documentList(card.documents),
  );
}

export function edgePanel(edge: GraphEdge, names: (id: string) => string, evidence: Evidence[]): HTMLElement {
  const arrow = edge.type === "PARTNERS_WITH" || edge.type === "COMPETES_WITH" ? "—" : "→";
  return h(
    "article",
    { class: "edge-card", "aria-labelledby": "edge-title" },
    h("h2", { id: "edge-title" }, `${names(edge.source)} ${arrow} ${names(edge.target)}`),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Relation"),
      h("dd", {}, humanise(edge.type)),
      h("dt", {}, "Seen"),
      h("dd", {}, edge.firstSeen ? `${edge.firstSeen} … ${edge.lastSeen ?? edge.firstSeen}` : "undated"),
      h("dt", {}, "Evidence"),
      h("dd", {}, String(evidence.length || edge.weight)),
      edge.confidence !== null ? h("dt", {}, "Confidence") : null,
      edge.confidence !== null ? h("dd", {}, edge.confidence.toFixed(2)) : null,
    ),
    h("h3", {}, "Evidence"),
    evidenceList(evidence),
  );
}

export function agreementPanel(a: AgreementCard, actions: CardActions): HTMLElement {
  return h(
    "article",
    { class: "agreement-card", "aria-labelledby": "agreement-title" },
    h("h2", { id: "agreement-title" }, a.title || `${humanise(a.kind)} of ${a.parties.map((p) => p.name).join(", ")}`),
    h("div", { class: "card-type" }, swatch("Agreement"), humanise(a.kind)),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Parties"),
      h(
        "dd",
        {},
        ...a.parties.flatMap((p, i) => [
          i > 0 ? ", " : null,
          h("button", { type: "button", class: "link", onclick: () => actions.showNode(p.id) }, p.name),
        ]),
      ),
      h("dt", {}, "Date"),
      h("dd", {}, a.date ?? "unknown"),
      a.place ? h("dt", {}, "Place") : null,
      a.place ? h("dd", {}, a.place.name) : null,
      a.status ? h("dt", {}, "Status") : null,
      a.status ? h("dd", {}, a.status) : null,
      a.topics.length > 0 ? h("dt", {}, "Topics") : null,
      a.topics.length > 0 ? h("dd", {}, a.topics.join(", ")) : null,
    ),
    h("h3", {}, "Evidence"),
    evidenceList(a.evidence),
  );
}

export function pathPanel(p: PathResult, names: (id: string) => string): HTMLElement {
  return h(
    "article",
    { class: "path-card", "aria-labelledby": "path-title" },
    h("h2", { id: "path-title" }, p.nodes.map((n) => n.label).join(" → ")),
    h("p", { class: "muted" }, `${p.hops.length} hop${p.hops.length === 1 ? "" : "s"}`),
    p.hops.map((hop, i) =>
      h(
        "section",
        { class: "hop" },
        h(
          "div",
          { class: "hop-head" },
          `${i + 1}. ${names(hop.source)} `,
          hop.agreement
            ? `— party to ${hop.agreementLabel ?? "an agreement"} with —`
            : `— ${humanise(hop.type)}${hop.reversed ? " (reversed)" : ""} —`,
          ` ${names(hop.target)}`,
        ),
        evidenceList(hop.evidence),
      ),
    ),
  );
}
