"""The embedded store (the default): an on-disk RDF quad store plus an in-memory index.

Layout of the data folder (created on first use)::

    <data_dir>/                owner-only (0700): created so, tightened if it is wider
    <data_dir>/qkg.lock        advisory lock, holds the pid of the process that has it open
    <data_dir>/oxigraph/       pyoxigraph (RocksDB) store: one named graph per document
    <data_dir>/index.json      snapshot of the in-memory index (:mod:`qkg.graph.embedded.snapshot`)
    <data_dir>/links.columns   the links as numpy columns for analytics (:mod:`qkg.graph.embedded.columns`),
                               its SHA-256 in the snapshot's header
    <data_dir>/facts.columns   the merged graph as numpy columns (:mod:`qkg.graph.embedded.facts`),
                               its SHA-256 in the snapshot's header

The RDF store is the record. Each document's quads (:func:`qkg.schemas.rdf.delta_to_nquads`)
and a "loaded" marker in a store-private meta graph are written in ONE pyoxigraph
transaction, so a crash leaves either nothing or the whole document; replacing or removing
a document drops the old graph and marker in the same transaction. On open, a document
graph without its marker (which only a foreign writer could leave) is dropped.

Queries never touch RDF: they read :class:`~qkg.graph.embedded.index.GraphIndex`, which is updated
after every successful write and rebuilt at open: from the snapshot, reconciled with the
markers (documents whose digest differs are removed or read from RDF), else from the RDF
graphs. Until the index is needed after an open (a write, or a question the columns do not
answer), relations, steps, entities, documents and agreements by id, look-ups by name, entity
listings, each actor's agreements and the goals are read from the facts file
written with the snapshot (:mod:`qkg.graph.embedded.facts`), memory-mapped, so a large
store answers them without decoding the snapshot. The snapshot is rewritten by :meth:`EmbeddedStore.close` when the graph changed,
and its SHA-256 recorded in the meta graph; at open a snapshot is used only if its digest is
the recorded one (else it is logged and the index rebuilt from RDF), and it is plain data, so
a planted or edited file can neither run code nor change answers. Files in the folder are
opened without following symbolic links.

A damaged RDF store (RocksDB reports corruption) raises :class:`~qkg.schemas.StoreError`
saying how to recover, never a bare traceback.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import io
import logging
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path as FsPath
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from qkg.schemas import (
    Agreement,
    AgreementKind,
    DocumentInfo,
    Entity,
    EntityFilter,
    Goal,
    KnowledgeGraph,
    Link,
    NotFound,
    Relation,
    RelationFilter,
    RelationType,
    Stats,
    StoreError,
    StoreLocked,
    UpsertResult,
    iri,
)

from ..merge import (
    AsOf,
    Change,
    Ledger,
    LedgerRow,
    Version,
    canonical_digest,
    fact_keys,
)
from ..reading import ReaderOperations
from ..store import RelKey, Step, health_report
from . import ledger as rdf_ledger
from . import snapshot
from .index import EdgeArrays, GraphIndex

if TYPE_CHECKING:  # the RDF mapping (rdflib) and the projection (numpy) load where used
    from _typeshed import WriteableBuffer

    from .columns import LinkColumns
    from .facts import FactColumns

__all__ = ["EmbeddedStore"]

_META = ox.NamedNode("https://w3id.org/qkg/store/meta")
_LOADED = ox.NamedNode("https://w3id.org/qkg/store#loaded")
#: Where the SHA-256 of the snapshot last written is recorded (in the meta graph).
_SNAPSHOT = ox.NamedNode("https://w3id.org/qkg/store/snapshot")
_SHA256 = ox.NamedNode("https://w3id.org/qkg/store#sha256")
#: Snapshot files of earlier versions: never read (a pickle can run code), removed at open.
_LEGACY_SNAPSHOTS = ("index.pickle",)
#: What the RDF store's library raises for I/O failures and for corruption (RocksDB's
#: "Corruption: ..." arrives as RuntimeError).
_STORAGE_ERRORS = (OSError, RuntimeError)

logger = logging.getLogger("qkg.store")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _private_folder(path: FsPath) -> None:
    """Create ``path`` owner-only (0700), or tighten an existing folder to 0700: the snapshot
    and the RDF store are read back at start-up, so nobody else may write (or read) them."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"the store folder {path} exists and is not a folder")
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store folder {path}: {exc.strerror}") from None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode != 0o700:
        try:
            os.chmod(path, 0o700)
        except OSError as exc:  # a folder of another user (a mount): say so, but open it
            logger.warning("the store folder %s is %o and cannot be made 0700: %s", path, mode, exc.strerror)


class _Lock:
    """An exclusive advisory lock on ``<folder>/qkg.lock`` that records the holder's pid."""

    def __init__(self, folder: FsPath) -> None:
        self.path = folder / "qkg.lock"
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            why = "it is a symbolic link, which is not followed" if exc.errno == errno.ELOOP else exc.strerror
            raise StoreError(f"cannot use the lock file {self.path}: {why}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StoreError(f"cannot use the lock file {self.path}: it is not a regular file")
        handle: IO[str] = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            if holder == str(os.getpid()):
                who = f"this process, pid {holder}"
            else:
                who = f"pid {holder}" if holder.isdigit() else "pid unknown"
            raise StoreLocked(
                f"the store in {folder} is already open in another process or store object ({who}); "
                "stop that process or set QKG_DATA_DIR to another folder"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle: IO[str] | None = handle

    def release(self) -> None:
        if self.handle is not None:
            self.handle.seek(0)
            self.handle.truncate()
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


class _Chunks(io.RawIOBase):
    """Bytes chunks as one stream for pyoxigraph's bulk loader, each chunk let go of once
    read: no joined copy of a batch's N-Quads (400 MB for a curated file of 100,000
    relations) next to the chunks."""

    def __init__(self, chunks: list[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._next = 0
        self._view = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        while not self._view and self._next < len(self._chunks):
            self._view = memoryview(self._chunks[self._next])
            self._chunks[self._next] = b""
            self._next += 1
        out = memoryview(buffer).cast("B")
        n = min(len(out), len(self._view))
        out[:n] = self._view[:n]
        self._view = self._view[n:]
        return n


class EmbeddedStore(ReaderOperations):
    """The default :class:`~qkg.graph.store.GraphStore`: on disk in ``path``, no server.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     store = EmbeddedStore(FsPath(tmp) / "store")
    ...     print(store.stats().documents, store.kind)
    ...     store.close()
    0 embedded
    """

    def __init__(self, path: FsPath | str) -> None:
        self._path = FsPath(path)
        _private_folder(self._path)
        self._lock = _Lock(self._path)
        self._mutex = threading.RLock()
        self._store: ox.Store | None = None
        self._idx: GraphIndex | None = GraphIndex()
        #: A verified snapshot not decoded yet: (its SHA-256, its header); see _index.
        self._deferred: tuple[str, snapshot.Header] | None = None
        self._snapshot_fresh = False
        #: The store's clock: when a write is recorded (record time); tests inject their own.
        self.clock: Callable[[], dt.datetime] = _now
        #: The ledger (:mod:`qkg.graph.embedded.ledger`), read from RDF on first use.
        self._ledger: Ledger | None = None
        #: The columns file written with the snapshot in use: (graph version, SHA-256) until it
        #: is read, then (graph version, its columns) until the graph changes;
        #: ``_columns_missing`` when the snapshot in use has none or it was refused.
        self._columns_file: tuple[str, str] | None = None
        self._saved_columns: tuple[str, LinkColumns] | None = None
        self._columns_missing = False
        #: The facts file written with the snapshot in use: (graph version, SHA-256) until it
        #: is mapped, then its columns (:meth:`_stored_facts`) until the index is decoded;
        #: ``_facts_missing`` when the snapshot in use has none or it was refused.
        self._facts_file: tuple[str, str] | None = None
        self._facts: FactColumns | None = None
        self._facts_missing = False
        self.rebuild_seconds = 0.0
        self.rebuilt_from = "empty"
        try:
            try:
                self._store = ox.Store(str(self._path / "oxigraph"))
                self._open()
            except _STORAGE_ERRORS as exc:
                raise self._damaged("opening it", exc) from None
        except BaseException:
            self._store = None
            self._lock.release()
            raise

    @property
    def _index(self) -> GraphIndex:
        """The in-memory index, decoded from the verified snapshot on first use: opening the
        store for ``stats`` (or ``version``) reads only the snapshot's header."""
        with self._mutex:
            if self._idx is None:
                self._idx = self._materialise()
            return self._idx

    def warm(self) -> None:
        """Make ready now what the first requests would otherwise pay for (opening reads only
        the snapshot's header). A server calls this before it takes requests. With a valid
        facts file, that is the file's look-up tables and its hubs' steps, and the object
        index stays undecoded (a write, ``asOf``, ``minSupport``, a document or time window,
        the document or agreement listing decodes it when asked); without one, the whole index is
        decoded and its hubs' facts' documents counted for ``asOf`` and ``minSupport``."""
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                merged.warm()
                return
            self._index.count_hubs()

    def _materialise(self) -> GraphIndex:
        import time

        assert self._deferred is not None
        started = time.perf_counter()
        digest, head = self._deferred
        self._deferred = None
        self._facts = self._facts_file = None  # the index answers from now on
        index = self._decode_snapshot(digest)
        if index is None or index.version != head.version:
            self._snapshot_fresh = False
            self.rebuilt_from = "rdf"
            try:
                index = self._from_rdf(self._markers(), GraphIndex())
            except _STORAGE_ERRORS as exc:
                raise self._damaged("reading it", exc) from None
        self._settle(index)
        self.rebuild_seconds += time.perf_counter() - started
        return index

    def _from_rdf(self, markers: Mapping[str, str], index: GraphIndex) -> GraphIndex:
        """``index`` plus the documents of ``markers`` (graph IRI -> digest) read from RDF."""
        for graph_iri, digest in sorted(markers.items()):
            index.add(self._read_delta(ox.NamedNode(graph_iri)), digest)
        return index

    @staticmethod
    def _settle(index: GraphIndex) -> None:
        """Sort the hubs' steps now. Freezing the loaded graph for the garbage collector is
        the process's choice (``qkg serve`` and the CLI make it), never the library's."""
        index.warm()

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return "embedded"

    @property
    def path(self) -> FsPath:
        return self._path

    @property
    def version(self) -> str:
        with self._mutex:
            if self._idx is None and self._deferred is not None:
                return self._deferred[1].version
            return self._index.version

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._mutex:
            if self._store is None:
                return
            try:
                try:
                    self._store.flush()
                except _STORAGE_ERRORS as exc:
                    raise self._damaged("writing its last changes", exc) from None
                missing = self._columns_missing or self._facts_missing
                if not self._snapshot_fresh or (missing and self._idx is not None):
                    self._write_snapshot()
            finally:
                self._store = None
                self._lock.release()

    def health(self) -> Mapping[str, object]:
        with self._mutex:
            return health_report(
                self.kind,
                str(self._path),
                documents=self.stats().documents,
                version=self.version,
                error=None if self._store is not None else f"the store in {self._path} is closed",
                details={"rebuilt_from": self.rebuilt_from},
            )

    def _damaged(self, doing: str, exc: BaseException) -> StoreError:
        """The error for a failure of the RDF store itself, with the way to recover."""
        return StoreError(
            f"the RDF store in {self._path / 'oxigraph'} failed while {doing}: {exc}. "
            "If it is damaged, move the folder aside and rebuild the store: "
            "`qkg sync --from neo4j` if Neo4j holds the graph, else `qkg load` the documents again"
        )

    def _ox(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store in {self._path} is closed")
        return self._store

    # -- start-up -------------------------------------------------------------------------
    def _markers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for q in self._ox().quads_for_pattern(None, _LOADED, None, _META):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                out[q.subject.value] = q.object.value
        return out

    def _open(self) -> None:
        import time

        started = time.perf_counter()
        store = self._ox()
        markers = self._markers()
        present = set()
        for graph in list(store.named_graphs()):
            if (
                isinstance(graph, ox.NamedNode)
                and graph != _META
                and not rdf_ledger.is_ledger_graph(graph.value)
            ):
                present.add(graph.value)
                if graph.value not in markers:
                    store.remove_graph(graph)  # left by a crash inside a bulk batch: never loaded
        for graph_iri in [g for g in markers if g not in present]:
            store.remove(ox.Quad(ox.NamedNode(graph_iri), _LOADED, ox.Literal(markers.pop(graph_iri)), _META))
        wanted = markers
        found = self._verified_snapshot()
        if found is not None and {iri(d): v for d, v in found[1].digests.items()} == wanted:
            self._idx, self._deferred = None, found  # decoded on first use (see _index)
            head = found[1]
            self._columns_file = None if head.columns is None else (head.version, head.columns)
            self._columns_missing = head.columns is None
            self._facts_file = None if head.facts is None else (head.version, head.facts)
            self._facts_missing = head.facts is None
            self.rebuilt_from = "snapshot"
            self._snapshot_fresh = True
            self.rebuild_seconds = time.perf_counter() - started
            return
        index = None if found is None else self._decode_snapshot(found[0])
        if index is not None:  # reconcile: drop what changed, read what is new or changed
            self.rebuilt_from = "snapshot+rdf"
            have = {iri(d): rec.digest for d, rec in index.docs.items()}
            for doc_id, rec in list(index.docs.items()):
                if wanted.get(iri(doc_id)) != rec.digest:
                    index.remove(doc_id)
            index = self._from_rdf({g: d for g, d in wanted.items() if have.get(g) != d}, index)
        else:
            index = self._from_rdf(wanted, GraphIndex())
            self.rebuilt_from = "rdf" if wanted else "empty"
        self._settle(index)
        self._idx = index
        self._snapshot_fresh = False
        self.rebuild_seconds = time.perf_counter() - started

    def _read_delta(self, graph: ox.NamedNode) -> KnowledgeGraph:
        from qkg.schemas.rdf import delta_from_quads

        try:
            return delta_from_quads(self._ox().quads_for_pattern(None, None, None, graph))
        except _STORAGE_ERRORS as exc:
            raise self._damaged(f"reading {graph.value}", exc) from None

    def _snapshot_path(self) -> FsPath:
        return self._path / "index.json"

    def _columns_path(self) -> FsPath:
        return self._path / "links.columns"

    def _stored_columns(self) -> LinkColumns | None:
        """The columns file written with the snapshot in use while the graph has not changed
        since (read on first use, checked against the SHA-256 in the snapshot's header and
        the graph version), else None: the index then builds them. A refused file is logged
        and written again, from the index, at close."""
        version = self.version
        if self._columns_file is not None:
            written, sha = self._columns_file
            self._columns_file = None
            if written == version:
                found = self._read_columns(sha, version)
                self._saved_columns = None if found is None else (version, found)
        if self._saved_columns is not None and self._saved_columns[0] == version:
            return self._saved_columns[1]
        self._saved_columns = None  # the graph changed since: the index's own are current
        return None

    def _read_columns(self, sha: str, version: str) -> LinkColumns | None:
        from . import columns

        path = self._columns_path()
        try:
            data = snapshot.read_file(path)
            if data is None:
                raise columns.ColumnsRefused("the file is missing")
            if hashlib.sha256(data).hexdigest() != sha:
                raise columns.ColumnsRefused("it is not the file the snapshot records")
            return columns.decode(data, version)
        except (columns.ColumnsRefused, snapshot.SnapshotRefused, OSError) as exc:
            level = logging.INFO if isinstance(exc, columns.ColumnsOutdated) else logging.WARNING
            logger.log(level, "columns file %s refused (%s); building the columns from the index", path, exc)
            self._columns_missing = True
            return None

    def _facts_path(self) -> FsPath:
        return self._path / "facts.columns"

    def _stored_facts(self) -> FactColumns | None:
        """The facts file written with the snapshot in use, while the index is not decoded
        (so the graph has not changed since the open): mapped on first use, checked against
        the SHA-256 in the snapshot's header, the graph version and its bounds; else None,
        and the index answers. A refused file is logged and written again at close."""
        if self._idx is not None:
            return None
        if self._facts_file is not None:
            from . import facts

            version, sha = self._facts_file
            self._facts_file = None
            path = self._facts_path()
            try:
                self._facts = facts.load(path, sha, version)
            except (facts.FactsRefused, snapshot.SnapshotRefused, OSError) as exc:
                logger.warning("facts file %s refused (%s); answering from the index", path, exc)
                self._facts_missing = True
        return self._facts

    def _recorded_digest(self) -> str | None:
        for q in self._ox().quads_for_pattern(_SNAPSHOT, _SHA256, None, _META):
            if isinstance(q.object, ox.Literal):
                return q.object.value
        return None

    def _verified_snapshot(self) -> tuple[str, snapshot.Header] | None:
        """The snapshot's SHA-256 and header if it is the snapshot recorded in the RDF store,
        else None (with a log line saying why, unless there is simply no snapshot)."""
        for name in _LEGACY_SNAPSHOTS:
            legacy = self._path / name
            try:
                legacy.unlink()  # a link itself, never its target
            except FileNotFoundError:
                continue
            except OSError as exc:
                logger.warning("cannot remove %s (never read): %s", legacy, exc.strerror)
                continue
            logger.warning("removed %s: snapshots of this format are never read", legacy)
        path = self._snapshot_path()
        try:
            found = snapshot.digest_and_header(path)
        except snapshot.SnapshotRefused as exc:
            logger.warning("snapshot refused (%s); rebuilding the index from RDF", exc)
            return None
        if found is None:
            return None
        digest, first_line = found
        if digest != self._recorded_digest():
            logger.warning(
                "snapshot %s is not the one recorded in the RDF store (edited, replaced or "
                "left by an interrupted close); rebuilding the index from RDF",
                path,
            )
            return None
        try:
            head = snapshot.header(first_line)
        except Exception as exc:  # recorded but unreadable: rebuild, say why
            logger.warning("snapshot %s cannot be decoded (%s); rebuilding the index from RDF", path, exc)
            return None
        if head is None:
            logger.info("snapshot %s is of another format; rebuilding the index from RDF", path)
            return None
        return digest, head

    def _decode_snapshot(self, digest: str) -> GraphIndex | None:
        """The whole index from the snapshot :meth:`_verified_snapshot` accepted (read again,
        so checked again against ``digest``), or None (logged) to rebuild from RDF."""
        path = self._snapshot_path()
        try:
            data = snapshot.read_file(path)
            if data is not None and hashlib.sha256(data).hexdigest() == digest:
                index = snapshot.decode(data)
                if index is not None:
                    return index
            logger.warning("snapshot %s changed since it was checked; rebuilding the index from RDF", path)
        except Exception as exc:  # any failure: the RDF store is the record
            logger.warning("snapshot %s cannot be decoded (%s); rebuilding the index from RDF", path, exc)
        return None

    def _write_snapshot(self) -> None:
        """Save the index beside the store (atomically) and record its digest in the RDF
        store, so the next open is fast and uses exactly this file."""
        from . import columns, facts

        index = self._index
        try:
            cols: str | None = snapshot.write_file(
                self._columns_path(),
                columns.encode(index.link_columns(), index.version, index.ent.get),
            )
        except OSError as exc:  # analytics build the columns from the index next time
            logger.warning("cannot write the columns file %s: %s", self._columns_path(), exc)
            cols = None
        try:
            merged: str | None = snapshot.write_file(self._facts_path(), facts.encode(index))
        except OSError as exc:  # the next open answers from the index
            logger.warning("cannot write the facts file %s: %s", self._facts_path(), exc)
            merged = None
        try:
            digest = snapshot.write_file(self._snapshot_path(), snapshot.encode(index, cols, merged))
        except OSError as exc:  # the store is complete without it: the next open rebuilds
            logger.warning("cannot write the snapshot %s: %s", self._snapshot_path(), exc)
            return
        try:
            self._ox().update(
                f"DELETE WHERE {{ GRAPH {_META} {{ {_SNAPSHOT} {_SHA256} ?d }} }} ; "
                f'INSERT DATA {{ GRAPH {_META} {{ {_SNAPSHOT} {_SHA256} "{digest}" }} }}'
            )
            self._ox().flush()
        except _STORAGE_ERRORS as exc:
            raise self._damaged("recording the snapshot", exc) from None
        self._snapshot_fresh = True
        self._columns_missing = self._facts_missing = False

    def _stale_snapshot(self) -> None:
        """A write makes the snapshot stale. It stays on disk: it records each document's
        digest, so after a crash the next open reconciles it with the markers and reads only
        the documents that changed from RDF."""
        self._snapshot_fresh = False

    # -- writes ---------------------------------------------------------------------------
    def upsert(self, delta: KnowledgeGraph) -> UpsertResult:
        from qkg.schemas.rdf import canonical_delta, delta_to_nquads

        with self._mutex:
            store = self._ox()
            canon = canonical_delta(delta)
            digest = canonical_digest(canon)
            doc = delta.document
            if self._index.digest_of(doc.id) == digest:
                return UpsertResult(document_id=doc.id, changed=False, replaced=())
            replaced: tuple[str, ...] = ()
            if doc.source is not None:
                old = self._index.by_source.get(doc.source)
                if old is not None and old != doc.id:
                    replaced = (old,)
            drops = [*replaced, *([doc.id] if doc.id in self._index.docs else [])]
            graph = ox.NamedNode(iri(doc.id))
            nquads = delta_to_nquads(canon)
            marker = ox.Quad(graph, _LOADED, ox.Literal(digest), _META)
            ledger = self._ledger_now()
            gone = [(d, self._index.docs[d].digest) for d in drops]
            rows = ledger.write(self.clock(), self._index.version, gone, [(doc.id, digest, fact_keys(canon))])
            booked = _ledger_quads(rows)
            try:
                if not drops:
                    # one N-Quads load = one transaction: the graph, its marker and its ledger row, or nothing
                    lines = "".join(f"{q} .\n" for q in [marker, *booked])
                    store.load(input=(nquads + lines).encode(), format=ox.RdfFormat.N_QUADS)
                else:
                    quads = ox.parse(nquads.encode(), ox.RdfFormat.N_QUADS)
                    body = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
                    book = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in booked)
                    store.update(
                        "".join(f"{self._retire(d, rows)} ; {self._unmark(d)} ; " for d in drops)
                        + f"INSERT DATA {{ GRAPH {graph} {{ {body} }} GRAPH {_META} {{ {graph} {_LOADED} {marker.object} }} "
                        + f"GRAPH {rdf_ledger.LEDGER} {{ {book} }} }}"
                    )
            except _STORAGE_ERRORS as exc:
                raise self._damaged(f"writing document {doc.id}", exc) from None
            self._stale_snapshot()
            ledger.commit(rows)
            for d in drops:
                self._index.remove(d)
            self._index.add(canon, digest)
            return UpsertResult(document_id=doc.id, changed=True, replaced=replaced)

    def upsert_many(
        self, deltas: Iterable[KnowledgeGraph], *, batch_quads: int = 500_000
    ) -> list[UpsertResult]:
        """Upsert many documents, new ones in bulk: same result as :meth:`upsert` one by one.

        New documents are written with pyoxigraph's bulk loader, ``batch_quads`` at a time
        (a larger document in several loads of about that many quads: the loader holds what
        it is given in memory, about 0.9 KB a quad, measured), and their "loaded" markers
        afterwards in one transaction. A crash mid-batch leaves
        graphs without markers, which the next open drops, so every document is still all
        or nothing. Documents that replace or change a loaded one go through :meth:`upsert`.
        """
        from qkg.schemas.rdf import canonical_delta, delta_nquads_chunks

        results: list[UpsertResult] = []
        pending: list[tuple[KnowledgeGraph, str]] = []
        loads: list[list[bytes]] = [[]]  # N-Quads for each bulk load, whole quads
        size = part = 0
        pending_ids: set[str] = set()
        pending_sources: set[str] = set()

        def flush() -> None:
            nonlocal size, part
            if not pending:
                return
            with self._mutex:
                store = self._ox()
                markers = [
                    ox.Quad(ox.NamedNode(iri(c.document.id)), _LOADED, ox.Literal(digest), _META)
                    for c, digest in pending
                ]
                ledger = self._ledger_now()
                rows = ledger.write(
                    self.clock(),
                    self._index.version,
                    (),
                    [(c.document.id, g, fact_keys(c)) for c, g in pending],
                )
                try:
                    for chunks in loads:
                        store.bulk_load(
                            input=io.BufferedReader(_Chunks(chunks), 1 << 16), format=ox.RdfFormat.N_QUADS
                        )
                    store.extend([*markers, *_ledger_quads(rows)])
                except _STORAGE_ERRORS as exc:
                    raise self._damaged(f"writing {len(pending)} documents", exc) from None
                self._stale_snapshot()
                ledger.commit(rows)
                for canon, digest in pending:
                    self._index.add(canon, digest)
            pending.clear()
            loads[:] = [[]]
            pending_ids.clear()
            pending_sources.clear()
            size = part = 0

        for delta in deltas:
            doc = delta.document
            if doc.id in pending_ids or (doc.source is not None and doc.source in pending_sources):
                flush()
            canon = canonical_delta(delta)
            digest = canonical_digest(canon)
            with self._mutex:
                self._ox()
                known = self._index.digest_of(doc.id)
                other = None if doc.source is None else self._index.by_source.get(doc.source)
            if known == digest:
                results.append(UpsertResult(document_id=doc.id, changed=False, replaced=()))
                continue
            if known is not None or (other is not None and other != doc.id):
                flush()
                results.append(self.upsert(delta))
                continue
            for piece in delta_nquads_chunks(canon):
                data = piece.encode()
                lines = data.count(b"\n")
                if part and part + lines > batch_quads:
                    loads.append([])
                    part = 0
                loads[-1].append(data)
                part += lines
                size += lines
            pending.append((canon, digest))
            pending_ids.add(doc.id)
            if doc.source is not None:
                pending_sources.add(doc.source)
            results.append(UpsertResult(document_id=doc.id, changed=True, replaced=()))
            if size >= batch_quads:
                flush()
        flush()
        return results

    @staticmethod
    def _unmark(document_id: str) -> str:
        return f"DELETE WHERE {{ GRAPH {_META} {{ <{iri(document_id)}> {_LOADED} ?digest }} }}"

    def _retire(self, document_id: str, rows: Sequence[LedgerRow]) -> str:
        """The update that takes a document's graph out of the live graph: moved to its
        ledger row's graph when ``rows`` retract it (history kept), else dropped."""
        for r in rows:
            if r.document_id == document_id and r.retracted is not None:
                return f"MOVE SILENT GRAPH <{iri(document_id)}> TO {rdf_ledger.archive_graph(r)}"
        return f"DROP SILENT GRAPH <{iri(document_id)}>"

    def remove_document(self, document_id: str) -> None:
        with self._mutex:
            store = self._ox()
            if document_id not in self._index.docs:
                raise NotFound("document", document_id)
            ledger = self._ledger_now()
            gone = [(document_id, self._index.docs[document_id].digest)]
            rows = ledger.write(self.clock(), self._index.version, gone)
            book = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in _ledger_quads(rows))
            try:
                store.update(
                    f"{self._unmark(document_id)} ; {self._retire(document_id, rows)} ; "
                    f"INSERT DATA {{ GRAPH {rdf_ledger.LEDGER} {{ {book} }} }}"
                )
            except _STORAGE_ERRORS as exc:
                raise self._damaged(f"removing document {document_id}", exc) from None
            self._stale_snapshot()
            ledger.commit(rows)
            self._index.remove(document_id)

    # -- record time ----------------------------------------------------------------------
    def _ledger_now(self) -> Ledger:
        """The ledger, read from RDF on first use. A document loaded before the store kept a
        ledger (or one the ledger misses) is recorded now, at the store's clock; a held row
        whose document is gone is retracted now."""
        with self._mutex:
            if self._ledger is not None:
                return self._ledger
            store = self._ox()
            ledger = Ledger(
                rdf_ledger.rows_from_quads(store.quads_for_pattern(None, None, None, rdf_ledger.LEDGER))
            )
            if self._idx is None and self._deferred is not None:  # the snapshot says, undecoded
                live = dict(self._deferred[1].digests)
            else:
                live = {d: rec.digest for d, rec in self._index.docs.items()}
            held = {d: ledger.rows[s] for d, s in ledger.open.items()}
            stale = sorted(d for d, r in held.items() if live.get(d) != r.digest)
            missing = sorted(d for d, g in live.items() if d not in held or held[d].digest != g)
            if stale or missing:
                before = str(Version.of((r.document_id, r.digest) for r in held.values()))
                added = [(d, live[d], fact_keys(self._read_delta(ox.NamedNode(iri(d))))) for d in missing]
                rows = ledger.write(self.clock(), before, [(d, held[d].digest) for d in stale], added)
                try:
                    store.extend(_ledger_quads(rows))
                except _STORAGE_ERRORS as exc:
                    raise self._damaged("recording its ledger", exc) from None
                ledger.commit(rows)
            self._ledger = ledger
            return ledger

    def ledger(self) -> list[LedgerRow]:
        """Every row of the ledger (:class:`qkg.graph.merge.LedgerRow`), by event."""
        with self._mutex:
            return self._ledger_now().all()

    def changes(self, since: str) -> list[Change]:
        """The change feed since a graph version or an ISO moment
        (:func:`qkg.graph.merge.ledger_changes`); ValueError for a ``since`` it cannot place."""
        with self._mutex:
            return self._ledger_now().changes(since)

    def ledger_deltas(self, rows: Sequence[LedgerRow]) -> dict[int, KnowledgeGraph]:
        """The deltas of these ledger rows, by event: a held row's from the index's
        per-document parts (no RDF read; the document's text left out, the parts as recorded),
        a retracted one's from the graph it was moved to (a row whose quads are gone, omitted)."""
        from qkg.schemas.rdf import delta_from_quads

        with self._mutex:
            out: dict[int, KnowledgeGraph] = {}
            for r in rows:
                if r.retracted is None and self._index.digest_of(r.document_id) == r.digest:
                    out[r.seq] = self._indexed_delta(r.document_id)
                    continue
                graph = ox.NamedNode(iri(r.document_id))
                source = graph if r.retracted is None else rdf_ledger.archive_graph(r)
                try:
                    quads = [
                        ox.Quad(q.subject, q.predicate, q.object, graph)
                        for q in self._ox().quads_for_pattern(None, None, None, source)
                    ]
                except _STORAGE_ERRORS as exc:
                    raise self._damaged(f"reading {source.value}", exc) from None
                if quads:
                    out[r.seq] = delta_from_quads(quads)
            return out

    def _indexed_delta(self, document_id: str) -> KnowledgeGraph:
        """A loaded document's delta from the index's parts, without its text (what an index
        of some documents needs: :class:`qkg.graph.known.KnownView`)."""
        from qkg.schemas import Document

        idx = self._index
        rec = idx.docs[document_id]
        info = rec.info
        document = Document.model_construct(
            id=info.id, title=info.title, source=info.source, published=info.published,
            media_type=info.media_type, text="",
        )  # fmt: skip
        return KnowledgeGraph.model_construct(
            document=document,
            entities=tuple(idx.ent_parts[e][document_id] for e in rec.entities),
            relations=tuple(idx.rel_parts[k][document_id] for k in rec.relations),
            agreements=tuple(idx.agr_parts[a][document_id] for a in rec.agreements),
            goals=tuple(idx.goal_parts[g][document_id] for g in rec.goals),
        )

    def clear(self) -> None:
        with self._mutex:
            try:
                self._ox().clear()
            except _STORAGE_ERRORS as exc:
                raise self._damaged("clearing it", exc) from None
            self._snapshot_path().unlink(missing_ok=True)
            self._columns_path().unlink(missing_ok=True)
            self._facts_path().unlink(missing_ok=True)
            self._stale_snapshot()
            self._idx, self._deferred = GraphIndex(), None
            self._ledger = Ledger()
            self._columns_file = self._saved_columns = None
            self._facts_file = self._facts = None

    # -- entities -------------------------------------------------------------------------
    def entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.entities_by_id(ids)
            if self._idx is None:  # actors with a link are described in the columns file
                saved = self._stored_columns()
                found = None if saved is None else saved.describe(ids)
                if found is not None:
                    return found
            return self._index.entities_by_id(ids)

    def find_entities(self, name: str) -> list[Entity]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.find_entities(name)
            return self._index.find_entities(name)

    def find_entities_named(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        """:class:`~qkg.graph.store.NameFinder`: every name looked up under one hold of the lock."""
        with self._mutex:
            merged = self._stored_facts()
            finder = self._index if merged is None else merged
            return {n: finder.find_entities(n) for n in names}

    def entities(
        self, filter: EntityFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Entity]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.entities(filter, limit, offset)
            return self._index.entities(filter, limit, offset)

    def count_entities(self, filter: EntityFilter | None = None) -> int:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.count_entities(filter)
            return self._index.count_entities(filter)

    # -- relations ------------------------------------------------------------------------
    def relations(
        self,
        entity_id: str | None = None,
        filter: RelationFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Relation]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.relations(entity_id, filter, limit, offset)
            return self._index.relations(entity_id, filter, limit, offset)

    def relations_of(
        self, entity_ids: Sequence[str], filter: RelationFilter | None = None
    ) -> dict[str, list[Relation]]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.relations_of(entity_ids, filter)
            return self._index.relations_of(entity_ids, filter)

    def relations_by_key(
        self, keys: Iterable[RelKey], *, asked: AsOf | None = None
    ) -> dict[RelKey, Relation]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.relations_by_key(keys, asked)
            return self._index.relations_by_key(keys, asked)

    # -- agreements and goals -------------------------------------------------------------
    def agreements(
        self,
        *,
        party: str | None = None,
        kind: AgreementKind | None = None,
        since: str | None = None,
        until: str | None = None,
        document_id: str | None = None,
        as_of: dt.date | None = None,
    ) -> list[Agreement]:
        with self._mutex:
            merged = self._stored_facts()
            found = (
                None if merged is None else merged.agreements(party, kind, since, until, document_id, as_of)
            )
            if found is not None:
                return found
            return self._index.agreements(party, kind, since, until, document_id, as_of)

    def agreements_of(self, party_ids: Sequence[str]) -> dict[str, list[Agreement]]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.agreements_of(party_ids)
            return self._index.agreements_of(party_ids)

    def agreements_by_id(self, ids: Sequence[str], *, asked: AsOf | None = None) -> dict[str, Agreement]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.agreements_by_id(ids, asked)
            return self._index.agreements_by_id(ids, asked)

    def goals(self, owner: str | None = None) -> list[Goal]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.goals(owner)
            return self._index.goals(owner)

    # -- documents ------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        # from the facts file only once it is mapped: `qkg documents` lists them without
        # importing numpy (a small store decodes its index faster than numpy loads)
        with self._mutex:
            if self._facts is not None:  # mapped already (a server's, after warm)
                return self._facts.documents()
            return self._index.documents()

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, DocumentInfo]:
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.documents_by_id(ids)
            return self._index.documents_by_id(ids)

    def delta(self, document_id: str) -> KnowledgeGraph:
        with self._mutex:
            if document_id not in self.documents_by_id([document_id]):
                raise NotFound("document", document_id)
            return self._read_delta(ox.NamedNode(iri(document_id)))

    def deltas(self) -> Iterator[KnowledgeGraph]:
        with self._mutex:
            ids = [d.id for d in self.documents()]
        for document_id in ids:
            try:
                yield self.delta(document_id)
            except NotFound:
                continue  # removed meanwhile

    # -- traversal and analytics ----------------------------------------------------------
    def links(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Link]:
        with self._mutex:
            links = self._index.links(types, since, until)
        return iter(links)

    def edge_arrays(
        self,
        types: Iterable[RelationType] | None = None,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        asked: AsOf | None = None,
    ) -> EdgeArrays:
        """The links as columns (:meth:`GraphIndex.edge_arrays`, same arguments as
        :meth:`links` and, with ``asked``, :meth:`links_as_of`): what the analytics
        projection reads instead of one :class:`Link` object per link. Read from the columns
        file saved with the snapshot when the graph has not changed since (without decoding
        the index unless ``asked`` needs the agreements), else built from the index."""
        with self._mutex:
            saved = self._stored_columns()
            if saved is not None and asked is None:
                return saved.select(types, since, until)
            return self._index.edge_arrays(types, since, until, asked, saved)

    def steps(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None = None
    ) -> dict[str, list[Step]]:
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.steps(nodes, wanted)
            return self._index.steps(nodes, wanted)

    def steps_as_of(
        self, nodes: Sequence[str], types: Iterable[RelationType] | None, asked: AsOf | None
    ) -> dict[str, list[Step]]:
        """:meth:`steps` that hold as ``asked``, decided in the index from each fact's parts
        (the rule of :func:`qkg.graph.reading.timed_steps`, without merging each relation)."""
        if asked is None:
            return self.steps(nodes, types)
        wanted = None if types is None else frozenset(RelationType(t) for t in types)
        with self._mutex:
            merged = self._stored_facts()
            if merged is not None:
                return merged.steps_as_of(nodes, wanted, asked)
            return self._index.steps_as_of(nodes, wanted, asked)

    def stats(self) -> Stats:
        with self._mutex:
            if self._idx is None and self._deferred is not None:
                return self._deferred[1].stats
            return self._index.stats()


def _ledger_quads(rows: Iterable[LedgerRow]) -> list[ox.Quad]:
    """What ledger rows add to RDF: a recording's whole node, a retraction's times."""
    return [
        q
        for r in rows
        for q in (rdf_ledger.row_quads(r) if r.retracted is None else rdf_ledger.retraction_quads(r))
    ]
