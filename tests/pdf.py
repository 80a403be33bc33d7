"""Small PDFs built byte by byte for reader tests (no PDF library writes them)."""

from __future__ import annotations

import zlib

__all__ = ["minimal_pdf"]


def minimal_pdf(text: str, *, repeat: int = 1, flate: bool = False) -> bytes:
    """A one-page PDF whose text layer is ``text`` shown ``repeat`` times (one line each);
    ``flate`` compresses the page's content stream, as real PDFs do."""
    shows = " ".join(f"({text}) Tj 0 -14 Td" for _ in range(repeat))
    stream = f"BT /F1 12 Tf 72 720 Td {shows} ET".encode()
    head = b"<< /Length %d >>"
    if flate:
        stream = zlib.compress(stream, 9)
        head = b"<< /Filter /FlateDecode /Length %d >>"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        head % len(stream) + b"\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out
