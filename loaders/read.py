"""Readers: bytes from files, URLs-as-paths or standard input -> :class:`qkg.schemas.Document`.

Every failure is a :class:`qkg.schemas.DocumentRejected` naming the source and the reason:
empty input, a binary file, a file over the size cap, text that cannot be decoded,
markup with entity declarations (billion laughs), a PDF that exceeds the page cap or that
the bounded parser gives up on. HTML and PDF are parsed in a child process with memory,
CPU and wall-clock limits (:mod:`qkg.loaders.sandbox`).

Decoding: UTF-8 first (a BOM is dropped); otherwise the encoding is detected with
charset-normalizer and recorded in :attr:`Read.notes` ("decoded as cp1252").
Boilerplate that is not article text (cookie banners, comment prompts, share buttons,
navigation) is removed; what remains is the document text that evidence quotes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from pypdf import PdfReader

from qkg.schemas import Document, DocumentRejected

from .sandbox import Limits, run_bounded

__all__ = [
    "DEFAULT_MAX_BYTES",
    "TEXT_SUFFIXES",
    "Read",
    "ReadOptions",
    "canonical_source",
    "declaration_in",
    "decode",
    "read_bytes",
    "read_path",
    "read_stdin",
]

DEFAULT_MAX_BYTES = 10_000_000
TEXT_SUFFIXES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment|comments?\s*\(\d*\)|"
    r"发表回复|发表评论|留言|댓글\s*(?:달기|쓰기|남기기)?|コメントを残す|"
    r"(?:we\s+use|this\s+(?:site|website)\s+uses)\s+cookies.*|accept\s+(?:all\s+)?cookies|cookie\s+(?:settings|policy|preferences)|"
    r"share\s+(?:this|on)\b.*|subscribe\s+to\s+(?:our|the)\s+newsletter.*|sign\s+up\s+for\s+(?:our|the)\s+newsletter.*|"
    r"(?:related|recommended)\s+(?:articles?|posts?|stories)|read\s+more|skip\s+to\s+(?:main\s+)?content|"
    r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment.*)\s*[.:!]?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Caps applied to every input."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pdf_pages: int = 300
    limits: Limits = field(default_factory=Limits)

    def check_size(self, size: int, source: str) -> None:
        """Refuse an input of ``size`` bytes when it is over the cap."""
        if size > self.max_bytes:
            raise DocumentRejected(
                source, f"file is {size:,} bytes, over the cap of {self.max_bytes:,} bytes"
            )

    def check(self, data: bytes, source: str) -> None:
        """Refuse ``data`` when it is over the cap or holds nothing but whitespace."""
        self.check_size(len(data), source)
        if not data.strip():
            raise DocumentRejected(source, "empty document")


def _check_text(size: int, max_bytes: int, source: str) -> None:
    """Refuse extracted text of ``size`` UTF-8 bytes over the document cap: a small PDF can
    expand to millions of characters, and everything after the reader scales with the text."""
    if size > max_bytes:
        raise DocumentRejected(
            source,
            f"extracted text is over the document cap of {max_bytes:,} bytes "
            f"(at least {size:,} bytes; the file expands too much to be loaded)",
        )


@dataclass(frozen=True, slots=True)
class Read:
    """A document and what the reader did to get it (decoding, boilerplate removed)."""

    document: Document
    notes: tuple[str, ...] = ()


def _check_binary(data: bytes, source: str) -> None:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentRejected(source, "binary file (NUL bytes), not a text document")
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and ctrl / len(head) > 0.05:
        raise DocumentRejected(source, "binary file (control characters), not a text document")


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text of ``data``: UTF-8, else the detected encoding; notes say what was done."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("UTF-8 byte-order mark removed")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]
        except UnicodeDecodeError:
            raise DocumentRejected(source, "undecodable UTF-16 text") from None
    _check_binary(data, source)
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        first_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DocumentRejected(
            source,
            f"undecodable text: not UTF-8 ({first_error.reason} at byte {first_error.start}) and no encoding detected",
        )
    text = str(best)
    if sum(1 for c in text if c == "\ufffd") > max(3, len(text) // 100):
        raise DocumentRejected(
            source, f"undecodable text (detected {best.encoding}, but too many invalid characters)"
        )
    notes.append(f"not UTF-8; decoded as {best.encoding} (detected)")
    return text, notes


def _strip_boilerplate(text: str, notes: list[str]) -> str:
    lines = text.splitlines()
    kept = [ln for ln in lines if not _BOILERPLATE_LINE.match(ln)]
    removed = len(lines) - len(kept)
    if removed:
        notes.append(f"{removed} boilerplate line(s) removed")
    return "\n".join(ln.rstrip() for ln in kept).strip("\n")


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|(\*\*|__|`)", re.M)


def _markdown(text: str) -> tuple[str, str]:
    """Plain text of Markdown (links keep their text, markers go) and its first heading."""
    body = text
    if body.startswith("---\n"):
        end = body.find("\n---", 4)
        if end > 0:
            body = body[end + 4 :].lstrip("\n")
    title_m = re.search(r"^\s{0,3}#\s+(.+)$", body, re.M)
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_MARK.sub(lambda m: "", body)
    return body, title_m.group(1).strip() if title_m else ""


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "object",
    "embed",
    "canvas",
    "figure",
)
_BOILER_ATTR = re.compile(
    r"cookie|consent|gdpr|banner|menu|navbar|nav-|breadcrumb|footer|header|sidebar|comment|respond|reply|share|social|"
    r"subscribe|newsletter|advert|\bads?\b|promo|related|popup|modal|signup|login",
    re.I,
)
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
}


def _html_to_text(data: bytes, max_bytes: int) -> tuple[str, str, str | None]:
    """Main text, title and published date of an HTML page (runs in the sandbox; text over
    ``max_bytes`` is refused there, before it is sent back)."""
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        huge_tree=False,
        collect_ids=False,
    )
    root = lxml.html.document_fromstring(data, parser=parser)
    title = ""
    t = root.find(".//title")
    if t is not None and t.text_content():
        title = re.sub(r"\s+", " ", t.text_content()).strip()
    published = None
    for meta in root.iter("meta"):
        prop = (meta.get("property") or meta.get("name") or "").lower()
        if prop in {"article:published_time", "datepublished", "date", "dc.date", "pubdate"}:
            m = re.match(r"(\d{4}-\d{2}-\d{2})", meta.get("content") or "")
            if m:
                published = m.group(1)
                break
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join(filter(None, [el.get("id"), el.get("class"), el.get("role")]))
        if attrs and _BOILER_ATTR.search(attrs) and el.tag not in {"body", "html", "main", "article"}:
            el.drop_tree()
    main = root
    for path in (".//article", ".//main", ".//body"):
        found = root.find(path)
        if found is not None:
            main = found
            break
    parts: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):
            return
        block = el.tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(main)
    text = "".join(parts)
    text = "\n".join(re.sub(r"[ \t\r\f\v\xa0]+", " ", ln).strip() for ln in text.splitlines())
    text = re.sub(r"\n{2,}", "\n", text).strip()
    _check_text(len(text.encode("utf-8")), max_bytes, "")
    if not title:
        h1 = main.find(".//h1")
        title = h1.text_content().strip() if h1 is not None else ""
    return text, title, published


def _pdf_to_text(data: bytes, max_pages: int, max_bytes: int) -> tuple[str, str]:
    """Text layer and title of a PDF (runs in the sandbox; pypdf keeps its decompression caps).
    Extraction stops at the first page that takes the text over ``max_bytes``."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise DocumentRejected("", "encrypted PDF")
    n = len(reader.pages)
    if n > max_pages:
        raise DocumentRejected("", f"PDF has {n} pages, more than the cap of {max_pages}")
    texts: list[str] = []
    size = -1  # pages are joined by one newline each
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        size += len(texts[-1].encode("utf-8")) + 1
        _check_text(size, max_bytes, "")
    title = ""
    try:
        meta = reader.metadata
        title = str(meta.get("/Title") or "") if meta is not None else ""
    except Exception:
        title = ""
    return "\n".join(texts), title


def declaration_in(data: bytes, *keywords: bytes) -> str | None:
    """The first of ``keywords`` (such as ``b"<!ENTITY"``) found anywhere in ``data``, in any
    case, as single-byte/UTF-8 or UTF-16 text; ``None`` when there is none.

    One linear scan of the whole input (a check of only the first megabyte let a
    declaration further down reach the parser).

    >>> declaration_in("<html>".encode() + b" " * 2_000_000 + "<!entity x 'y'>".encode(), b"<!ENTITY")
    '<!ENTITY'
    >>> declaration_in("<!DOCTYPE r>".encode("utf-16"), b"<!ENTITY", b"<!DOCTYPE")
    '<!DOCTYPE'
    """
    alternatives = []
    for word in keywords:
        alternatives.append(re.escape(word))
        alternatives.append(b"\x00".join(re.escape(bytes([c])) for c in word))
    found = re.search(b"|".join(alternatives), data, re.I)
    if found is None:
        return None
    return found.group().replace(b"\x00", b"").decode("ascii").upper()


def _reject_entities(data: bytes, source: str) -> None:
    if declaration_in(data, b"<!ENTITY"):
        raise DocumentRejected(
            source, "markup declares entities (<!ENTITY ...>): refused (billion-laughs defence)"
        )


def _sniff(data: bytes, suffix: str) -> str:
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return "application/pdf"
    if suffix in _HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    return "text/plain"


def _page_date(value: str, notes: list[str]) -> dt.date | None:
    """A page's stated publication date; an impossible one ("2024-13-45") is no date, noted."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        notes.append(f"publication date {value!r} is not a date; ignored")
        return None


def read_bytes(
    data: bytes,
    source: str,
    *,
    media_type: str | None = None,
    options: ReadOptions | None = None,
    published: dt.date | None = None,
) -> Read:
    """Read one document from ``data`` (``source`` names it in messages and in the Document)."""
    return _read(data, source, source, media_type=media_type, options=options, published=published)


def canonical_source(path: Path | str) -> str:
    """The source a file's document records: its resolved absolute path, so the same file
    loaded as ``a.txt``, ``./a.txt`` or ``/data/a.txt`` (or through a symlink) is one source
    and a reload replaces the older version.

    >>> canonical_source("/data/../data/./a.txt")
    '/data/a.txt'
    """
    return str(Path(path).resolve())


def _read(
    data: bytes,
    source: str,
    document_source: str | None,
    *,
    media_type: str | None = None,
    options: ReadOptions | None = None,
    published: dt.date | None = None,
) -> Read:
    """:func:`read_bytes`, where messages name ``source`` and the Document records
    ``document_source``."""
    opts = options or ReadOptions()
    opts.check(data, source)
    kind = media_type or _sniff(data, Path(source).suffix.lower())
    notes: list[str] = []
    title = ""
    pub = published
    if kind == "application/pdf":
        text, title = run_bounded(
            source, _pdf_to_text, data, opts.max_pdf_pages, opts.max_bytes, limits=opts.limits
        )
        notes.append("text layer extracted from PDF")
    elif kind == "text/html":
        _reject_entities(data, source)
        _check_binary(data, source)
        text, title, date_s = run_bounded(source, _html_to_text, data, opts.max_bytes, limits=opts.limits)
        if date_s and pub is None:
            pub = _page_date(date_s, notes)
        notes.append("main text extracted from HTML")
    else:
        text, notes = decode(data, source)
        if kind == "text/markdown":
            text, title = _markdown(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_text(len(text.encode("utf-8")), opts.max_bytes, source)
    text = _strip_boilerplate(text, notes)
    if not text.strip():
        raise DocumentRejected(source, "no text left after extraction (empty or boilerplate only)")
    if not title:
        first = text.strip().splitlines()[0].strip()
        title = first if len(first) <= 120 else (Path(source).stem if source != "-" else first[:117] + "...")
    doc = Document.from_text(text, title=title, source=document_source, published=pub, media_type=kind)
    return Read(doc, tuple(notes))


def read_path(path: Path, options: ReadOptions | None = None) -> Read:
    """Read a file, refusing it before reading when it is over the size cap. Messages name
    the path as given; the document's source is :func:`canonical_source`."""
    opts = options or ReadOptions()
    src = str(path)
    try:
        opts.check_size(path.stat().st_size, src)
        with path.open("rb") as fh:
            data = fh.read(opts.max_bytes + 1)
    except OSError as exc:
        raise DocumentRejected(src, f"cannot be read ({exc.strerror or exc})") from None
    return _read(data, src, canonical_source(path), options=opts)


def read_stdin(options: ReadOptions | None = None) -> Read:
    """Read one document from standard input. Messages name it ``-``; the document has no
    source, so it never replaces another (every stdin document used to share the source
    ``-``, and a second ``qkg load -`` replaced the first)."""
    opts = options or ReadOptions()
    data = sys.stdin.buffer.read(opts.max_bytes + 1)
    return _read(data, "-", None, options=opts)
