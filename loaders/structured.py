"""Structured input: curated actors and relations (CSV, JSON, YAML) and qkg RDF (Turtle, JSON-LD, ...).

CSV, JSON and YAML become a delta whose document text is a deterministic rendering of the
input, one line per fact (CSV keeps its own rows), so every relation, agreement and goal
still quotes its evidence exactly. Schemas and examples: ``docs/input-formats.md``.

RDF must use the qkg vocabulary (what ``qkg extract --format ttl`` writes); it is parsed
with pyoxigraph in a bounded child process. Nothing is ever fetched: a JSON-LD document
whose ``@context`` names a remote (or any non-inline) context is refused, and XML with a
DOCTYPE is refused before any parser sees it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from qkg.schemas import (
    Agreement,
    AgreementKind,
    Document,
    DocumentRejected,
    Entity,
    EntityType,
    Evidence,
    Goal,
    KnowledgeGraph,
    Relation,
    RelationType,
    entity_id,
    normalise_name,
)
from qkg.schemas.ids import actor_id_problem

from .read import ReadOptions, declaration_in, decode
from .sandbox import run_bounded

__all__ = ["RDF_SUFFIXES", "STRUCTURED_SUFFIXES", "read_structured"]

RDF_SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".rdf": "application/rdf+xml",
}
STRUCTURED_SUFFIXES = {".csv", ".json", ".yaml", ".yml", *RDF_SUFFIXES}
_MAX_DEPTH = 20


@dataclass
class _Builder:
    source: str
    lines: list[str]
    entities: dict[str, Entity]
    by_name: dict[str, str]

    def line(self, text: str) -> int:
        self.lines.append(text)
        return len(self.lines) - 1


def _depth(obj: Any, limit: int = _MAX_DEPTH) -> int:
    stack: list[tuple[Any, int]] = [(obj, 1)]
    deepest = 0
    while stack:
        cur, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(cur, Mapping):
            stack.extend((v, d + 1) for v in cur.values())
        elif isinstance(cur, list):
            stack.extend((v, d + 1) for v in cur)
    return deepest


_BRACKETS = re.compile(r'"(?:\\.|[^"\\])*"|[\[\]{}]')


def _bracket_depth(text: str, limit: int) -> int:
    """Deepest bracket nesting outside strings, stopping early past ``limit`` (before any parser runs:
    recursive parsers overflow the C stack on deep input rather than raise)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif c in "]}":
            depth -= 1
    return deepest


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key repeats: parsers disagree on which value wins (one
    JSON-LD ``@context`` checked here and another one used by the RDF parser)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DocumentRejected("", f"duplicate key {key!r} in a JSON object: each key may appear once")
        out[key] = value
    return out


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping key given twice (it would keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                line = key_node.start_mark.line + 1
                raise DocumentRejected("", f"duplicate key {key!r} in a YAML mapping (line {line})")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_json_yaml(text: str, is_yaml: bool) -> Any:
    """Parse in the sandbox: deep nesting and YAML alias bombs are refused."""
    if _bracket_depth(text, _MAX_DEPTH) > _MAX_DEPTH:
        raise DocumentRejected("", f"input is nested more than {_MAX_DEPTH} levels deep")
    if is_yaml:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise DocumentRejected("", "YAML aliases (*ref) are refused (expansion-bomb defence)")
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    else:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    if _depth(data) > _MAX_DEPTH:
        raise DocumentRejected("", f"input is nested more than {_MAX_DEPTH} levels deep")
    return data


def _etype(value: Any, where: str, source: str) -> EntityType:
    try:
        return EntityType(str(value))
    except ValueError:
        raise DocumentRejected(
            source, f"{where}: unknown entity type {value!r} (use one of {', '.join(EntityType)})"
        ) from None


def _actor(b: _Builder, row: Mapping[str, Any], where: str) -> str:
    name = str(row.get("name") or "").strip()
    if not name:
        raise DocumentRejected(b.source, f"{where}: an actor needs a name")
    etype = _etype(row.get("type"), where, b.source)
    country = (str(row["country"]).strip().upper() or None) if row.get("country") else None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise DocumentRejected(b.source, f"{where}: country {country!r} is not an ISO 3166 alpha-2 code")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in re.split(r"[;|]", aliases) if a.strip()]
    eid = str(row.get("id") or entity_id(name, etype, country))
    problem = actor_id_problem(eid)
    if problem is not None:
        raise DocumentRejected(b.source, f"{where}: {problem}")
    ext = {"wikidata": str(row["wikidata"])} if row.get("wikidata") else {}
    with _building(b.source, f"{where}: invalid actor"):
        ent = Entity(
            id=eid,
            type=etype,
            name=name,
            aliases=tuple(str(a) for a in aliases),
            external_ids=ext,
            country=country,
            description=(str(row["description"]) if row.get("description") else None),
        )
    b.entities[eid] = ent
    for n in (name, *ent.aliases, eid):
        b.by_name.setdefault(normalise_name(n), eid)
    return eid


def _ref(b: _Builder, value: Any, where: str) -> str:
    key = normalise_name(str(value or ""))
    if key not in b.by_name:
        raise DocumentRejected(b.source, f"{where}: {value!r} is not an actor of this file")
    return b.by_name[key]


def _document(b: _Builder, text: str | None, media: str, title: str) -> Document:
    return Document.from_text(
        text if text is not None else "\n".join(b.lines), title=title, source=b.source, media_type=media
    )


def _evidence(doc: Document, starts: list[int], k: int, rule: str) -> Evidence:
    s = starts[k]
    end = doc.text.find("\n", s)  # not text[s:].split(): that copies the rest of the text per line
    line = doc.text[s : end if end >= 0 else len(doc.text)]
    return Evidence(document_id=doc.id, sentence=line, start=s, end=s + len(line), rule=rule, confidence=1.0)


def _starts(text: str) -> list[int]:
    out, pos = [], 0
    for ln in text.split("\n"):
        out.append(pos)
        pos += len(ln) + 1
    return out


def _from_csv(text: str, source: str) -> KnowledgeGraph:
    b = _Builder(source, [], {}, {})
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        raise DocumentRejected(source, "CSV has a header but no rows")
    cols = {c.strip().lower() for c in rows[0] if c}
    lines = text.split("\n")
    # row k of DictReader is line k+1 when no field spans lines (checked below)
    if len(rows) + 1 > len([ln for ln in lines if ln.strip()]):
        raise DocumentRejected(source, "CSV fields spanning several lines are not supported")
    rels: list[tuple[int, Mapping[str, Any]]] = []
    if {"source", "type", "target"} <= cols:
        # An actor's columns seen before made this entity, and it is still the one kept under
        # its id: building it again would change nothing (a curated file repeats its actors).
        made: dict[tuple[str, str, str | None], Entity] = {}
        for k, row in enumerate(rows, start=1):
            row = {str(key).strip().lower(): (v or "").strip() for key, v in row.items() if key}
            where = f"row {k + 1}"
            s_ref, t_ref = row["source"], row["target"]
            for side in ("source", "target"):
                if row.get(f"{side}_type"):
                    actor = (row[side], row[f"{side}_type"], row.get(f"{side}_country"))
                    ent = made.get(actor)
                    if ent is not None and b.entities.get(ent.id) is ent:
                        continue
                    eid = _actor(b, {"name": actor[0], "type": actor[1], "country": actor[2]}, where)
                    made[actor] = b.entities[eid]
            rels.append((k, {**row, "source": s_ref, "target": t_ref}))
    elif {"name", "type"} <= cols:
        for k, row in enumerate(rows, start=1):
            row = {str(key).strip().lower(): (v or "").strip() for key, v in row.items() if key}
            _actor(b, row, f"row {k + 1}")
    else:
        raise DocumentRejected(
            source, "CSV needs the columns name,type (actors) or source,type,target (relations)"
        )
    doc = _document(b, text, "text/csv", Path(source).name)
    starts = _starts(doc.text)
    relations = _relations(b, doc, starts, [(k, r) for k, r in rels])
    return KnowledgeGraph(document=doc, entities=tuple(b.entities.values()), relations=tuple(relations))


def _relations(
    b: _Builder, doc: Document, starts: list[int], rels: Sequence[tuple[int, Mapping[str, Any]]]
) -> list[Relation]:
    out: dict[tuple[str, str, str], Relation] = {}
    # a curated file names each actor and type many times: each spelling is resolved once
    refs: dict[str, str] = {}
    types: dict[str, RelationType] = {}
    for k, r in rels:
        where = f"line {k + 1}"
        raw = str(r.get("type"))
        rtype = types.get(raw)
        if rtype is None:
            try:
                rtype = types[raw] = RelationType(raw)
            except ValueError:
                raise DocumentRejected(
                    b.source, f"{where}: unknown relation type {r.get('type')!r}"
                ) from None
        ends = []
        for value in (r.get("source"), r.get("target")):
            name = str(value or "")
            eid = refs.get(name)
            if eid is None:
                eid = refs[name] = _ref(b, value, where)
            ends.append(eid)
        conf = float(r.get("confidence") or 1.0)
        with _building(b.source, f"{where}: invalid relation"):
            rel = Relation(
                source=ends[0],
                type=rtype,
                target=ends[1],
                confidence=conf,
                evidence=(_evidence(doc, starts, k, "curated"),),
            )
        key = rel.key
        old = out.get(key)
        if old is not None:
            rel = old.model_copy(update={"evidence": old.evidence + rel.evidence})
        out[key] = rel
    return list(out.values())


def _from_mapping(data: Any, source: str, media: str) -> KnowledgeGraph:
    if not isinstance(data, Mapping):
        raise DocumentRejected(
            source, "expected an object with 'actors' (and optionally 'relations', 'agreements', 'goals')"
        )
    unknown = set(data) - {"title", "actors", "relations", "agreements", "goals"}
    if unknown:
        raise DocumentRejected(source, f"unknown top-level keys {sorted(unknown)}")
    b = _Builder(source, [], {}, {})
    for i, a in enumerate(data.get("actors") or []):
        if not isinstance(a, Mapping):
            raise DocumentRejected(source, f"actors[{i}] is not an object")
        eid = _actor(b, a, f"actors[{i}]")
        e = b.entities[eid]
        b.line(f"actor: {e.name} ({e.type.value}{', ' + e.country if e.country else ''})")
    rels = []
    for i, r in enumerate(data.get("relations") or []):
        if not isinstance(r, Mapping):
            raise DocumentRejected(source, f"relations[{i}] is not an object")
        rels.append((b.line(f"relation: {r.get('source')} {r.get('type')} {r.get('target')}"), r))
    ags = []
    for i, a in enumerate(data.get("agreements") or []):
        if not isinstance(a, Mapping):
            raise DocumentRejected(source, f"agreements[{i}] is not an object")
        parties = a.get("parties") or []
        ags.append(
            (
                b.line(
                    f"agreement: {a.get('kind')} between {', '.join(map(str, parties))}"
                    + (f" ({a['date']})" if a.get("date") else "")
                ),
                a,
            )
        )
    goals = []
    for i, g in enumerate(data.get("goals") or []):
        if not isinstance(g, Mapping):
            raise DocumentRejected(source, f"goals[{i}] is not an object")
        goals.append(
            (
                b.line(
                    f"goal: {g.get('owner') or ''} {g.get('metric')} {g.get('value')} {g.get('unit', '')} {g.get('year') or ''}".strip()
                ),
                g,
            )
        )
    if not b.lines:
        raise DocumentRejected(source, "no actors, relations, agreements or goals")
    doc = _document(b, None, media, str(data.get("title") or Path(source).name))
    starts = _starts(doc.text)
    relations = _relations(b, doc, starts, rels)
    agreements = []
    for k, a in ags:
        where = f"agreement on line {k + 1}"
        with _building(source, f"{where}: invalid agreement"):
            agreements.append(
                Agreement.build(
                    AgreementKind(str(a.get("kind"))),
                    tuple(_ref(b, p, where) for p in a.get("parties") or []),
                    date=str(a["date"]) if a.get("date") else None,
                    place=_ref(b, a["place"], where) if a.get("place") else None,
                    topics=tuple(str(t) for t in a.get("topics") or []),
                    title=str(a.get("title") or ""),
                    evidence=(_evidence(doc, starts, k, "curated"),),
                )
            )
    goal_models = []
    for k, g in goals:
        where = f"goal on line {k + 1}"
        with _building(source, f"{where}: invalid goal"):
            goal_models.append(
                Goal.build(
                    str(g.get("metric")),
                    float(g.get("value") or 0.0),
                    str(g.get("unit") or ""),
                    target_year=int(g["year"]) if g.get("year") else None,
                    owner=_ref(b, g["owner"], where) if g.get("owner") else None,
                    evidence=(_evidence(doc, starts, k, "curated"),),
                )
            )
    with _building(source, "invalid graph"):
        return KnowledgeGraph(
            document=doc,
            entities=tuple(b.entities.values()),
            relations=tuple(relations),
            agreements=tuple(agreements),
            goals=tuple(goal_models),
        )


@contextmanager
def _building(source: str, what: str) -> Iterator[None]:
    """Turn a model's validation error inside the block into a DocumentRejected that names
    ``what`` and quotes the error's first line; a rejection raised in the block passes."""
    try:
        yield
    except DocumentRejected:
        raise
    except Exception as exc:
        raise DocumentRejected(source, f"{what} ({str(exc).splitlines()[0]})") from None


def _check_jsonld_contexts(data: Any, source: str) -> None:
    stack = [data]
    while stack:
        cur = stack.pop()
        if isinstance(cur, Mapping):
            for k, v in cur.items():
                if k == "@context":
                    ctxs = v if isinstance(v, list) else [v]
                    for c in ctxs:
                        if isinstance(c, str):
                            raise DocumentRejected(
                                source,
                                f"JSON-LD remote context {c!r} refused: contexts are never fetched; inline it",
                            )
                        if isinstance(c, Mapping) and "@import" in c:
                            raise DocumentRejected(
                                source,
                                f"JSON-LD @import {c['@import']!r} refused: contexts are never fetched",
                            )
                stack.append(v)
        elif isinstance(cur, list):
            stack.extend(cur)


def _parse_rdf(data: bytes, media: str) -> str | None:
    """RDF in any syntax -> N-Quads; default-graph triples go to the graph of their qkg:Document.

    ``None`` when ``data`` is already N-Quads with every quad in a named graph (what ``qkg
    export`` writes): the input parsed here, under the child's limits, is then read as given,
    so the same deterministic parse in the caller is known to finish within them, and the
    bulk of a large export is neither serialised again nor sent back through the pipe."""
    import pyoxigraph as ox

    from qkg.schemas.rdf import QKG_NS

    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise DocumentRejected("", f"unsupported RDF media type {media}")
    if fmt == ox.RdfFormat.N_QUADS:
        default = ox.DefaultGraph
        if not any(type(q.graph_name) is default for q in ox.parse(data, format=fmt)):
            return None
    quads = list(ox.parse(data, format=fmt, without_named_graphs=False))
    doc_type = ox.NamedNode(QKG_NS + "Document")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    docs = [
        q.subject
        for q in quads
        if q.predicate == rdf_type and q.object == doc_type and isinstance(q.graph_name, ox.DefaultGraph)
    ]
    out = []
    for q in quads:
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph):
            if len(docs) != 1:
                raise DocumentRejected("", "RDF without named graphs must describe exactly one qkg:Document")
            g = docs[0]
        out.append(ox.Quad(q.subject, q.predicate, q.object, g))
    raw = ox.serialize(out, format=ox.RdfFormat.N_QUADS)
    return raw.decode("utf-8") if raw is not None else ""


def read_structured(
    data: bytes, source: str, options: ReadOptions | None = None, *, document_source: str | None = None
) -> list[KnowledgeGraph]:
    """Deltas from a structured file (by its suffix). Messages name ``source``; a CSV, JSON or
    YAML document records ``document_source`` when given (``qkg load`` gives the file's
    canonical path), else ``source``. RDF documents keep the sources they state."""
    opts = options or ReadOptions()
    opts.check(data, source)
    suffix = Path(source).suffix.lower()
    if suffix in RDF_SUFFIXES:
        return _read_rdf(data, source, suffix, opts)
    text, _ = decode(data, source)
    try:
        if suffix == ".csv":
            kg = _from_csv(text.replace("\r\n", "\n").replace("\r", "\n").strip("\n"), source)
        else:
            is_yaml = suffix in {".yaml", ".yml"}
            parsed = run_bounded(source, _parse_json_yaml, text, is_yaml, limits=opts.limits)
            kg = _from_mapping(parsed, source, "application/yaml" if is_yaml else "application/json")
        if document_source is not None:
            kg = kg.model_copy(
                update={"document": kg.document.model_copy(update={"source": document_source})}
            )
        return [kg]
    except DocumentRejected as exc:
        raise DocumentRejected(source, exc.reason) from None
    except (ValueError, TypeError, KeyError, csv.Error, RecursionError) as exc:
        raise DocumentRejected(
            source,
            f"invalid {suffix[1:].upper()} ({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''})",
        ) from None


def _read_rdf(data: bytes, source: str, suffix: str, opts: ReadOptions) -> list[KnowledgeGraph]:
    from qkg.schemas.rdf import deltas_from_nquads

    media = RDF_SUFFIXES[suffix]
    # Only the XML syntax reads a DTD; in Turtle or JSON-LD the words are plain text.
    if suffix == ".rdf" and declaration_in(data, b"<!DOCTYPE", b"<!ENTITY"):
        raise DocumentRejected(
            source, "XML with a DOCTYPE or entity declarations is refused (billion-laughs defence)"
        )
    if suffix == ".jsonld":
        text, _ = decode(data, source)
        parsed = run_bounded(source, _parse_json_yaml, text, False, limits=opts.limits)
        _check_jsonld_contexts(parsed, source)
    parsed = run_bounded(source, _parse_rdf, data, media, limits=opts.limits)
    nquads = data if parsed is None else parsed
    try:
        deltas = deltas_from_nquads(nquads)
    except Exception as exc:
        raise DocumentRejected(source, f"not qkg RDF ({str(exc).splitlines()[0][:200]})") from None
    if not deltas:
        raise DocumentRejected(source, "no qkg document in the RDF")
    for delta in deltas:
        for ent in delta.entities:
            problem = actor_id_problem(ent.id)
            if problem is not None:
                raise DocumentRejected(source, f"actor {ent.name!r}: {problem}")
    return deltas
