"""Loading: paths, folders, globs and ``-`` -> deltas -> the store, in batches.

A document that cannot be read or extracted is *rejected* with its reason and never
reaches the store; the rest of the batch still loads. Deltas are written
:data:`WRITE_BATCH` at a time through the store's bulk writer (``upsert_many``: several
whole documents per transaction on Neo4j, pyoxigraph's bulk loader on the embedded store),
each document still all or nothing. When the store refuses a batch, its documents are
written one by one, so only the refused document is rejected. A store that becomes
unavailable (:class:`~qkg.schemas.StoreUnavailable`, e.g. the Neo4j connection lost) ends
the load with that error: what was written is complete, and running the same load again
writes the rest. Progress (documents per second) is shown on standard error for
multi-document loads, and a :class:`LoadSummary` is returned.

Each document's outcome is logged on the ``qkg.loaders.pipeline`` logger: ``loaded`` and
``unchanged`` at INFO, ``rejected`` at WARNING (with the reason), the run's totals at INFO.
The ``extra`` fields (``source``, ``outcome``, ``document``, counts, ``reason``) make each
line one JSON object under ``QKG_LOG_FORMAT=json``.
"""

from __future__ import annotations

import glob
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qkg.graph.store import GraphStore
from qkg.schemas import DocumentRejected, KnowledgeGraph, QkgError, StoreUnavailable, UpsertResult

from .read import TEXT_SUFFIXES, ReadOptions, canonical_source, read_path, read_stdin
from .structured import STRUCTURED_SUFFIXES, read_structured

if TYPE_CHECKING:
    from qkg.schemas import Document

    from .extract import Extractor

__all__ = [
    "LOADABLE_SUFFIXES",
    "WRITE_BATCH",
    "LoadSummary",
    "OnFirstUse",
    "deltas_from",
    "expand_paths",
    "load_paths",
]

logger = logging.getLogger(__name__)

LOADABLE_SUFFIXES = frozenset({*TEXT_SUFFIXES, ".html", ".htm", ".xhtml", ".pdf", *STRUCTURED_SUFFIXES})
#: Deltas handed to the store's bulk writer at once.
WRITE_BATCH = 100


@dataclass
class LoadSummary:
    """What a load did."""

    documents: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0
    agreements: int = 0
    goals: int = 0
    bytes: int = 0
    seconds: float = 0.0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return (self.documents + self.unchanged) / self.seconds if self.seconds > 0 else 0.0


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named by ``paths``: files as given, folders recursively (loadable suffixes only),
    glob patterns expanded, ``-`` kept for standard input. Sorted within each argument,
    duplicates dropped; a path that matches nothing is reported as rejected by the loader."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out += sorted(
                str(f)
                for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in LOADABLE_SUFFIXES and not f.name.startswith(".")
            )
        elif any(c in p for c in "*?["):
            out += sorted(f for f in glob.glob(p, recursive=True) if Path(f).is_file())
        else:
            out.append(p)
    return list(dict.fromkeys(out))


class OnFirstUse:
    """An :class:`~qkg.loaders.extract.Extractor` made by ``make`` on the first document
    that needs one (the rule extractor when ``make`` is None): a load of structured files
    only (CSV, JSON, YAML, RDF) never imports the extraction rules, whose patterns take
    about 1.5 s of CPU to compile."""

    def __init__(self, make: Callable[[], Extractor] | None = None) -> None:
        self._make = make
        self._made: Extractor | None = None

    def _get(self) -> Extractor:
        if self._made is None:
            if self._make is None:
                from .extract import RuleExtractor

                self._made = RuleExtractor()
            else:
                self._made = self._make()
        return self._made

    @property
    def name(self) -> str:
        return self._get().name

    @name.setter
    def name(self, value: str) -> None:
        self._get().name = value

    def extract(self, document: Document) -> KnowledgeGraph:
        return self._get().extract(document)


def deltas_from(
    source: str, extractor: Extractor | None = None, options: ReadOptions | None = None
) -> tuple[list[KnowledgeGraph], tuple[str, ...], int]:
    """The deltas of one input (a path or ``-``), the reader's notes and the byte count."""
    ex = extractor or OnFirstUse()
    opts = options or ReadOptions()
    if source == "-":
        r = read_stdin(opts)
        return [_extract(ex, r.document, source)], r.notes, len(r.document.text.encode())
    path = Path(source)
    if not path.exists():
        raise DocumentRejected(source, "no such file")
    if path.is_dir():
        raise DocumentRejected(source, "is a folder (give it to `qkg load`, which walks folders)")
    if path.suffix.lower() in STRUCTURED_SUFFIXES:
        opts.check_size(path.stat().st_size, source)
        data = path.read_bytes()
        deltas = read_structured(data, source, opts, document_source=canonical_source(path))
        return deltas, ("structured input",), len(data)
    r = read_path(path, opts)
    return [_extract(ex, r.document, source)], r.notes, len(r.document.text.encode())


def _deltas_or_rejection(
    source: str, ex: Extractor, options: ReadOptions | None
) -> tuple[list[KnowledgeGraph], tuple[str, ...], int]:
    """:func:`deltas_from`, where an unexpected error in one document is that document's
    rejection (named), never the end of a batch."""
    try:
        return deltas_from(source, ex, options)
    except (DocumentRejected, MemoryError):
        raise
    except Exception as exc:
        raise DocumentRejected(
            source, f"unexpected error ({type(exc).__name__}: {exc}); please report it"
        ) from exc


def _extract(ex: Extractor, doc: object, source: str) -> KnowledgeGraph:
    from qkg.schemas import Document

    assert isinstance(doc, Document)
    try:
        return ex.extract(doc)
    except QkgError as exc:
        raise DocumentRejected(source, f"extraction failed: {exc}") from None
    except RecursionError:
        raise DocumentRejected(source, "extraction failed: input nested too deeply") from None
    except ValueError as exc:  # pydantic validation of the delta
        raise DocumentRejected(
            source, f"extraction produced an invalid graph: {str(exc).splitlines()[0]}"
        ) from None


def _progress(total: int, show: bool) -> Iterator[Callable[[int], None]]:
    if not show:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    start = time.perf_counter()
    with Progress(
        TextColumn("loading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as prog:
        task = prog.add_task("load", total=total, rate="")

        def step(done: int) -> None:
            el = time.perf_counter() - start
            prog.update(task, completed=done, rate=f"{done / el:,.1f} docs/s" if el > 0 else "")

        yield step


def load_paths(
    paths: Iterable[str],
    store: GraphStore,
    *,
    extractor: Extractor | None = None,
    options: ReadOptions | None = None,
    progress: bool | None = None,
) -> LoadSummary:
    """Load every input into ``store``; rejected inputs are listed in the summary, not raised."""
    files = expand_paths(list(paths))
    summary = LoadSummary()
    ex = extractor or OnFirstUse()
    show = progress if progress is not None else len(files) > 1
    t0 = time.perf_counter()
    # Outcomes are recorded in input order: a read rejection waits for the deltas before it.
    pending: list[tuple[str, KnowledgeGraph | DocumentRejected]] = []
    for step in _progress(len(files), show):
        for i, src in enumerate(files, start=1):
            try:
                deltas, notes, nbytes = _deltas_or_rejection(src, ex, options)
            except DocumentRejected as exc:
                pending.append((src, exc))
                step(i)
                continue
            summary.bytes += nbytes
            for note in notes:
                summary.notes.append((src, note))
            pending += ((src, delta) for delta in deltas)
            if sum(isinstance(d, KnowledgeGraph) for _, d in pending) >= WRITE_BATCH:
                _flush(store, summary, pending)
            step(i)
        _flush(store, summary, pending)
    summary.seconds = time.perf_counter() - t0
    logger.info(
        "load finished: %d loaded, %d unchanged, %d rejected in %.2f s",
        summary.documents,
        summary.unchanged,
        len(summary.rejected),
        summary.seconds,
        extra={
            "loaded": summary.documents,
            "unchanged": summary.unchanged,
            "rejected": len(summary.rejected),
            "seconds": round(summary.seconds, 3),
        },
    )
    return summary


def _write(store: GraphStore, deltas: list[KnowledgeGraph]) -> list[UpsertResult | QkgError]:
    """Each delta's result, or the store's refusal of it; a lost store raises."""
    try:  # the bulk writer even for one delta: a curated CSV is one large document
        return list(store.upsert_many(deltas))
    except StoreUnavailable:
        raise
    except QkgError as exc:
        if len(deltas) == 1:
            return [exc]
        # one document was refused (the batch was not written): find it, one by one
    out: list[UpsertResult | QkgError] = []
    for delta in deltas:
        try:
            out.append(store.upsert(delta))
        except StoreUnavailable:
            raise
        except QkgError as exc:
            out.append(exc)
    return out


def _flush(
    store: GraphStore, summary: LoadSummary, pending: list[tuple[str, KnowledgeGraph | DocumentRejected]]
) -> None:
    """Write the pending deltas, then count and log every pending outcome in input order."""
    results = iter(_write(store, [d for _, d in pending if isinstance(d, KnowledgeGraph)]))
    for src, item in pending:
        if isinstance(item, DocumentRejected):
            _reject(summary, item.source, item.reason)
            continue
        res = next(results)
        if isinstance(res, QkgError):
            _reject(summary, src, f"store refused it: {res}")
            continue
        _record(summary, src, item, res)
    pending.clear()


def _reject(summary: LoadSummary, source: str, reason: str) -> None:
    summary.rejected.append((source, reason))
    logger.warning(
        "rejected %s: %s", source, reason, extra={"source": source, "outcome": "rejected", "reason": reason}
    )


def _record(summary: LoadSummary, src: str, delta: KnowledgeGraph, res: UpsertResult) -> None:
    """Count and log what the store did with one delta."""
    if not res.changed:
        summary.unchanged += 1
        logger.info(
            "unchanged %s (document %s already loaded)",
            src,
            res.document_id,
            extra={"source": src, "outcome": "unchanged", "document": res.document_id},
        )
        return
    logger.info(
        "loaded %s: document %s, %d entities, %d relations, %d agreements, %d goals%s",
        src,
        res.document_id,
        len(delta.entities),
        len(delta.relations),
        len(delta.agreements),
        len(delta.goals),
        f", replacing {', '.join(res.replaced)}" if res.replaced else "",
        extra={
            "source": src,
            "outcome": "loaded",
            "document": res.document_id,
            "entities": len(delta.entities),
            "relations": len(delta.relations),
            "agreements": len(delta.agreements),
            "goals": len(delta.goals),
            "replaced": list(res.replaced),
        },
    )
    summary.documents += 1
    summary.replaced += len(res.replaced)
    summary.entities += len(delta.entities)
    summary.relations += len(delta.relations)
    summary.agreements += len(delta.agreements)
    summary.goals += len(delta.goals)
