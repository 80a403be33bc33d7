"""Property tests: random and mutated documents of every format either load or are rejected
cleanly (a DocumentRejected naming the file); nothing else may escape, and every successful
extraction is a valid delta whose evidence quotes its document."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qkg.loaders.extract import extract
from qkg.loaders.read import read_bytes
from qkg.loaders.structured import read_structured
from qkg.schemas import DocumentRejected, KnowledgeGraph
from tests.pdf import minimal_pdf

from .test_read import HTML

SEEDS: dict[str, bytes] = {
    "a.txt": b"KAIST and Pasqal signed an MOU in Daejeon, South Korea. AWS invested $5 million in IonQ.\n",
    "a.md": b"# News\n\n**IBM** and [Wits](http://w) partner on quantum computing.\n",
    "a.html": HTML,
    "a.pdf": minimal_pdf("IonQ partners with Hyundai in Seoul."),
    "a.csv": b"source,source_type,type,target,target_type\nKAIST,University,PARTNERS_WITH,Pasqal,Company\n",
    "a.json": b'{"actors": [{"name": "KAIST", "type": "University"}, {"name": "Pasqal", "type": "Company"}], "relations": [{"source": "KAIST", "type": "PARTNERS_WITH", "target": "Pasqal"}]}',
    "a.yaml": b"actors:\n  - {name: KAIST, type: University}\n  - {name: Pasqal, type: Company}\nrelations:\n  - {source: KAIST, type: PARTNERS_WITH, target: Pasqal}\n",
    "a.ttl": b"",  # filled below from a real extraction
    "a.jsonld": b'{"@context": {"name": "https://schema.org/name"}, "@id": "http://x/a", "name": "KAIST"}',
}


def _ttl() -> bytes:
    from qkg.loaders.output import extraction_turtle
    from qkg.schemas import Document

    return extraction_turtle(
        extract(Document.from_text("KAIST and Pasqal signed an MOU in Daejeon."))
    ).encode()


SEEDS["a.ttl"] = _ttl()


def _load(data: bytes, name: str) -> None:
    try:
        if name.endswith((".csv", ".json", ".yaml", ".ttl", ".jsonld")):
            deltas = read_structured(data, name)
        else:
            deltas = [extract(read_bytes(data, name).document)]
    except DocumentRejected as exc:
        rejected = exc
    else:
        rejected = None
    if rejected is not None:
        assert rejected.source == name
        assert rejected.reason
        return
    for kg in deltas:
        assert isinstance(kg, KnowledgeGraph)
        for item in (*kg.relations, *kg.agreements, *kg.goals):
            for ev in item.evidence:
                assert kg.document.text[ev.start : ev.end] == ev.sentence


@st.composite
def mutated(draw: Callable[..., object], seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 8))):  # type: ignore[arg-type]
        op = draw(st.sampled_from(["flip", "insert", "delete", "dup"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))  # type: ignore[arg-type]
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))  # type: ignore[assignment]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(max_size=16))  # type: ignore[arg-type]
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 32))]  # type: ignore[operator]
        elif op == "dup":
            chunk = data[pos : pos + draw(st.integers(1, 64))]  # type: ignore[operator]
            data[pos:pos] = chunk * draw(st.integers(1, 4))  # type: ignore[operator]
    return bytes(data)


#: Examples per format; raise with QKG_FUZZ_EXAMPLES (in-process) / QKG_FUZZ_FORKED (sandboxed parsers).
_FAST = settings(
    max_examples=int(os.environ.get("QKG_FUZZ_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_FORKED = settings(
    max_examples=int(os.environ.get("QKG_FUZZ_FORKED", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.csv"])
@_FAST
@given(data=st.data())
def test_mutated_in_process_formats(name: str, data: st.DataObject) -> None:
    _load(data.draw(mutated(SEEDS[name])), name)


@pytest.mark.parametrize("name", ["a.html", "a.pdf", "a.json", "a.yaml", "a.ttl", "a.jsonld"])
@_FORKED
@given(data=st.data())
def test_mutated_sandboxed_formats(name: str, data: st.DataObject) -> None:
    _load(data.draw(mutated(SEEDS[name])), name)


@_FAST
@given(text=st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _load(
        text.encode("utf-8", "surrogatepass") if text.isprintable() else text.encode("utf-8", "replace"),
        "r.txt",
    )


@_FAST
@given(
    words=st.lists(
        st.sampled_from(
            [
                "KAIST",
                "Pasqal",
                "IBM",
                "Daejeon",
                "signed",
                "an",
                "MOU",
                "with",
                "between",
                "and",
                ",",
                ".",
                "the",
                "partnership",
                "invested",
                "$5",
                "million",
                "in",
                "based",
                "in",
                "University",
                "of",
                "Ministry",
                "Institute",
                "(",
                ")",
                "AWS",
                "Dr.",
                "Jane",
                "Smith",
                "CEO",
                "said",
                "85%",
                "by",
                "2035",
                "quantum",
                "sensing",
                "joint",
                "statement",
                "consortium",
                "They",
                "are:",
                "Inc.",
                "Lab",
                "Foundation’s",
                "-based",
                "1,200",
                "firms",
            ]
        ),
        max_size=80,
    )
)
def test_random_word_salad(words: list[str]) -> None:
    _load(" ".join(words).encode(), "salad.txt")


@_FORKED
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_html_and_pdf(data: bytes) -> None:
    _load(data, "r.html")
    _load(b"%PDF-1.4\n" + data, "r.pdf")
