"""Readers: formats, decoding, boilerplate, and every kind of bad input rejected cleanly."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from qkg.loaders.read import ReadOptions, read_bytes, read_path
from qkg.loaders.sandbox import Limits, run_bounded
from qkg.schemas import DocumentRejected
from tests.pdf import minimal_pdf

HTML = b"""<!DOCTYPE html><html><head><title>IBM and Wits partner</title>
<meta property="article:published_time" content="2019-06-12T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article><h1>IBM and Wits partner</h1><p>IBM announced a collaboration with Wits University.</p>
<p>The partnership covers quantum computing.</p><script>var x = 1;</script></article>
<div id="comments"><h3>Leave a Reply</h3><form>Name</form></div><footer>(c) 2019</footer></body></html>"""


def test_html_main_text() -> None:
    r = read_bytes(HTML, "page.html")
    doc = r.document
    assert (
        doc.text
        == "IBM and Wits partner\nIBM announced a collaboration with Wits University.\nThe partnership covers quantum computing."
    )
    assert doc.title == "IBM and Wits partner"
    assert doc.published is not None
    assert doc.published.isoformat() == "2019-06-12"
    assert doc.media_type == "text/html"


def test_markdown() -> None:
    md = b"---\nlayout: post\n---\n# Pasqal expands\n\n**Pasqal** opened a [lab](https://x.y) in *Sherbrooke*.\n"
    doc = read_bytes(md, "a.md").document
    assert doc.title == "Pasqal expands"
    assert "Pasqal opened a lab in" in doc.text
    assert "https://" not in doc.text


def test_trailing_comment_prompt_removed() -> None:
    doc = read_bytes("KAIST signed an MOU.\n发表回复\n".encode(), "x.txt").document
    assert doc.text == "KAIST signed an MOU."


def test_encoding_detected_and_reported() -> None:
    text = "Université de Sherbrooke et Québec: coopération quantique. " * 20
    r = read_bytes(text.encode("cp1252"), "fr.txt")
    assert r.document.text.startswith("Université de Sherbrooke")
    assert any("decoded as" in n for n in r.notes)


def test_utf8_bom_and_utf16() -> None:
    assert read_bytes(b"\xef\xbb\xbfKAIST", "a.txt").document.text == "KAIST"
    assert read_bytes("KAIST 대전".encode("utf-16"), "b.txt").document.text == "KAIST 대전"


def test_pdf_text_layer() -> None:
    doc = read_bytes(minimal_pdf("IonQ partners with Hyundai."), "a.pdf").document
    assert "IonQ partners with Hyundai." in doc.text
    assert doc.media_type == "application/pdf"


def test_pdf_expanding_past_the_document_cap_is_rejected() -> None:
    # 1.4 KB of PDF whose compressed page holds 183 KB of text: the input passes the cap,
    # its text does not, and the reader refuses it instead of handing it to extraction.
    pdf = minimal_pdf("IonQ partners with Hyundai on trapped-ion quantum computing.", repeat=3000, flate=True)
    opts = ReadOptions(max_bytes=100_000)
    assert len(pdf) < 2_000
    with pytest.raises(DocumentRejected) as exc:
        read_bytes(pdf, "expands.pdf", options=opts)
    assert exc.value.source == "expands.pdf"
    assert "extracted text is over the document cap of 100,000 bytes" in exc.value.reason
    # the same PDF under a cap its text fits is read whole
    doc = read_bytes(pdf, "expands.pdf", options=ReadOptions(max_bytes=200_000)).document
    assert doc.text.count("IonQ partners with Hyundai") == 3000


def test_pdf_decompression_bomb_rejected() -> None:
    bomb = zlib.compress(b"\x00" * 200_000_000, 9)
    pdf = minimal_pdf("x").replace(b"<< /Length", b"<< /Filter /FlateDecode /Length", 1)
    head, _, rest = pdf.partition(b"stream\n")
    body, _, tail = rest.partition(b"\nendstream")
    pdf = (
        head.replace(b"/Length %d" % len(body), b"/Length %d" % len(bomb))
        + b"stream\n"
        + bomb
        + b"\nendstream"
        + tail
    )
    with pytest.raises(DocumentRejected) as exc:
        read_bytes(
            pdf, "bomb.pdf", options=ReadOptions(limits=Limits(memory_bytes=400 * 2**20, wall_seconds=20))
        )
    assert exc.value.source == "bomb.pdf"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "empty document"),
        (b"  \n\t ", "blank.txt", "empty document"),
        (b"\x00\x01\x02\x03binary" * 10, "x.bin", "binary"),
        (
            b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><html>&lol2;</html>',
            "laughs.html",
            "entities",
        ),
        (b"<html><body><nav>menu</nav></body></html>", "menu.html", "no text left"),
        (  # a declaration past the first megabyte is found too
            b"<html><body><p>IonQ partners with Hyundai.</p>"
            + b" " * 1_100_000
            + b'<!DOCTYPE x [<!ENTITY a "a">]></body></html>',
            "late.html",
            "entities",
        ),
        (b"%PDF-1.4 garbage", "broken.pdf", "cannot be parsed"),
    ],
)
def test_bad_inputs_rejected(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(DocumentRejected) as exc:
        read_bytes(data, name)
    assert exc.value.source == name
    assert reason in exc.value.reason
    assert name in str(exc.value)


def test_undecodable_text_rejected() -> None:
    data = bytes(range(128, 256)) * 40
    with pytest.raises(DocumentRejected, match=r"undecodable|binary"):
        read_bytes(data, "junk.txt")


def test_oversize_rejected_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 2048)
    with pytest.raises(DocumentRejected, match=r"over the cap of 1,024 bytes"):
        read_path(f, ReadOptions(max_bytes=1024))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentRejected, match="cannot be read"):
        read_path(tmp_path / "nope.txt")


def _spin() -> int:
    while True:
        pass


def _hog() -> int:
    block = []
    while True:
        block.append(b"x" * 50_000_000)


def test_sandbox_bounds_time_and_memory() -> None:
    with pytest.raises(DocumentRejected, match="longer than"):
        run_bounded("spin", _spin, limits=Limits(wall_seconds=1, cpu_seconds=5))
    with pytest.raises(DocumentRejected, match=r"memory|died"):
        run_bounded("hog", _hog, limits=Limits(memory_bytes=300 * 2**20, wall_seconds=20))


def test_sandbox_returns_values() -> None:
    assert run_bounded("ok", sum, [1, 2, 3]) == 6


@pytest.mark.parametrize("content", ["2024-13-45T10:00:00Z", "2023-02-30", "0000-00-00"])
def test_impossible_publication_date_is_no_date(content: str) -> None:
    page = (
        f'<html><head><title>Orbion news</title><meta property="article:published_time" content="{content}">'
        "</head><body><article><p>Orbion Quantum signed an MOU with the Veltra Institute.</p></article></body></html>"
    ).encode()
    r = read_bytes(page, "orbion.html")
    assert r.document.published is None
    assert any("is not a date" in n for n in r.notes)
    assert "Orbion Quantum signed" in r.document.text


def test_valid_publication_date_is_kept() -> None:
    page = (
        b'<html><head><meta property="article:published_time" content="2024-05-04T10:00:00Z"></head>'
        b"<body><article><p>Orbion Quantum signed an MOU with the Veltra Institute.</p></article></body></html>"
    )
    assert str(read_bytes(page, "orbion.html").document.published) == "2024-05-04"
