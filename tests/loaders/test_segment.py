from __future__ import annotations

import pytest

from qkg.loaders.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBM and Wits partner. Dr. Smith said so.", ["IBM and Wits partner.", "Dr. Smith said so."]),
        ("The U.S. and Japan agreed. Then they left!", ["The U.S. and Japan agreed.", "Then they left!"]),
        ("Headline\n\nBody one. Body two?", ["Headline", "Body one.", "Body two?"]),
        ("“We are thrilled,” said the CEO. Next.", ["“We are thrilled,” said the CEO.", "Next."]),
        ("Acme Inc. signed with Beta Ltd. in May.", ["Acme Inc. signed with Beta Ltd. in May."]),
        # a letter a noun names ends a sentence; an initial before a surname does not
        (
            "Orbion raised $30m in a Series B. Kvantra Labs raised $5m.",
            ["Orbion raised $30m in a Series B.", "Kvantra Labs raised $5m."],
        ),
        ("The hub is in Phase C. Varno joins.", ["The hub is in Phase C.", "Varno joins."]),
        (
            "The deal was signed by J. Smith and Agnes B. Varno.",
            ["The deal was signed by J. Smith and Agnes B. Varno."],
        ),
        ("", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    sents = split_sentences(text)
    assert [s.text for s in sents] == expected
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_paragraph_index_follows_lines() -> None:
    sents = split_sentences("A one. A two.\nB one.")
    assert [s.paragraph for s in sents] == [0, 0, 1]
