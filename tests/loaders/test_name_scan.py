"""A document's names found again without a pattern compiled per document: the same spans as
the alternation the surname and recurring-name steps compiled before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qkg.loaders.rules.name_scan import bounded_names

#: Names that start alike, nest, repeat a letter, hold regex characters and letters outside ASCII.
_NAMES = ["Ada Lin", "Lin", "Linn", "Lin Berg", "Orbion", "Orbion Labs", "Q.Tech", "Aa", "Zoë", "a+b"]
_PIECES = st.sampled_from([*_NAMES, " ", "-", "&", "_", "x", "1", "é", ", ", ".", "'s", "(", "Lab"])


def _by_pattern(text: str, names: list[str], edge: str) -> list[tuple[int, int, str]]:
    cls = re.escape(edge)
    rx = re.compile(rf"(?<![\w{cls}])(" + "|".join(re.escape(n) for n in names) + rf")(?![\w{cls}])")
    return [(x.start(), x.end(), x.group(1)) for x in rx.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(_PIECES, max_size=14).map("".join),
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6, unique=True),
    st.sampled_from(["-", "&-"]),
)
def test_the_spans_of_the_compiled_alternation(text: str, names: list[str], edge: str) -> None:
    for order in (names, sorted(names, key=len, reverse=True)):
        assert bounded_names(text, order, edge) == _by_pattern(text, order, edge)


@pytest.mark.parametrize(
    ("text", "names", "edge", "spans"),
    [
        # a name glued to a word or a hyphen is part of a longer one
        ("Linn and Lin-Berg met Lin.", ["Lin"], "-", [(22, 25, "Lin")]),
        # the first name listed wins where two start at one place
        ("Orbion Labs hired staff.", ["Orbion Labs", "Orbion"], "&-", [(0, 11, "Orbion Labs")]),
        ("Orbion Labs hired staff.", ["Orbion", "Orbion Labs"], "&-", [(0, 6, "Orbion")]),
        # an ampersand joins words of one name where the edge holds it
        ("Orbion&Co and Orbion", ["Orbion"], "&-", [(14, 20, "Orbion")]),
        ("Orbion&Co", ["Orbion"], "-", [(0, 6, "Orbion")]),
    ],
)
def test_names_found(text: str, names: list[str], edge: str, spans: list[tuple[int, int, str]]) -> None:
    assert bounded_names(text, names, edge) == spans
