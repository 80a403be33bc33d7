"""The life of an agreement read from its sentences: status cues, dates, ends and durations."""

from __future__ import annotations

import pytest

from qkg.loaders import extract
from qkg.loaders.rules.agreement_life import agreement_life, sentence_events
from qkg.loaders.rules.references import ANTECEDENT_RULE
from qkg.schemas import AgreementStatus, Document, Evidence

S = AgreementStatus


def _ev(sentence: str, rule: str = "pattern:test") -> Evidence:
    doc = Document.from_text(sentence)
    return Evidence(document_id=doc.id, sentence=sentence, start=0, end=len(sentence), rule=rule)


def _read(sentence: str, doc_date: str | None = "2024-05-02") -> list[tuple[str, str | None, str | None]]:
    return [(e.status.value, e.date, e.ends) for e in sentence_events(_ev(sentence), doc_date=doc_date)]


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        # one cue: the date stated, else the document's
        ("Orvane Labs and Telmar University signed an MOU.", [("signed", "2024-05-02", None)]),
        ("Orvane Labs inked a deal with Brisk Photonics in March 2023.", [("signed", "2023-03", None)]),
        ("Orvane Labs and Brisk Photonics announced a partnership.", [("announced", "2024-05-02", None)]),
        ("Orvane Labs and Brisk Photonics sign MOU on qubit control.", [("signed", "2024-05-02", None)]),
        # a plan to sign is an announcement on the document's date, whatever date the plan names
        (
            "Orvane Labs will sign an MOU with Telmar University in June 2025.",
            [("announced", "2024-05-02", None)],
        ),
        (
            "Orvane Labs and Telmar University agreed to formally sign a partnership agreement.",
            [("announced", "2024-05-02", None)],
        ),
        (
            "An MOU between Orvane Labs and Telmar is to be signed in June.",
            [("announced", "2024-05-02", None)],
        ),
        (
            "The Orvane-Telmar agreement entered into force on 1 January 2024.",
            [("active", "2024-01-01", None)],
        ),
        ("Their joint lab launched in 2021 under the partnership.", [("active", "2021", None)]),
        ("The cooperation between Orvane Labs and Telmar began in 2020.", [("active", "2020", None)]),
        ("Orvane Labs and Telmar University renewed their MOU.", [("extended", "2024-05-02", None)]),
        (
            "Orvane Labs and Telmar University extended their partnership in 2025.",
            [("extended", "2025", None)],
        ),
        ("The MOU between Orvane Labs and Telmar expired in 2023.", [("ended", "2023", None)]),
        ("Orvane Labs terminated its contract with Brisk Photonics.", [("ended", "2024-05-02", None)]),
        ("Orvane Labs pulled out of the alliance with Telmar last March.", [("ended", "2024-03", None)]),
        # ends: stated, or a duration from its event's date
        ("Orvane Labs and Telmar signed a three-year MOU in 2022.", [("signed", "2022", "2025")]),
        (
            "Orvane Labs and Telmar signed a 5-year agreement in June 2021.",
            [("signed", "2021-06", "2026-06")],
        ),
        (
            "Orvane Labs and Telmar signed an agreement for two years.",
            [("signed", "2024-05-02", "2026-05-02")],
        ),
        ("Orvane Labs and Telmar signed an MOU that runs until 2030.", [("signed", "2024-05-02", "2030")]),
        ("The Orvane-Telmar partnership runs through 2027.", [("active", "2024-05-02", "2027")]),
        ("The Orvane-Telmar MOU will expire at the end of 2026.", [("active", "2024-05-02", "2026")]),
        (
            "The Orvane-Telmar programme covers research from 2024 to 2028.",
            [("active", "2024-05-02", "2028")],
        ),
        (
            "Orvane Labs and Telmar extended their MOU until December 2029.",
            [("extended", "2024-05-02", "2029-12")],
        ),
        # several cues: each takes the date of its own part of the sentence
        (
            "Orvane Labs and Telmar, which signed a three-year MOU in 2019, extended it in 2022.",
            [("signed", "2019", "2022"), ("extended", "2022", None)],
        ),
        (
            "Orvane Labs announced that it had signed a letter of intent with Telmar.",
            [("announced", "2024-05-02", None), ("signed", "2024-05-02", None)],
        ),
        # no cue, no end: nothing said about the agreement's life
        ("Orvane Labs and Telmar University are partners in quantum sensing.", []),
        ("The founders of Orvane Labs are 40-year-old physicists.", []),
        ("Orvane Labs and Telmar have been working together for three years.", []),
        ("Orvane Labs and Telmar met three years ago.", []),
        (
            "Orvane Labs and Telmar renewed their MOU for a further two years in 2025.",
            [("extended", "2025", "2027")],
        ),
        ("The open-ended partnership of Orvane Labs and Telmar covers photonics.", []),
    ],
)
def test_sentence_events(sentence: str, events: list[tuple[str, str | None, str | None]]) -> None:
    assert _read(sentence) == events


def test_an_undated_document_gives_undated_events_unless_the_sentence_dates_them() -> None:
    assert _read("Orvane Labs and Telmar signed an MOU.", doc_date=None) == [("signed", None, None)]
    assert _read("Orvane Labs and Telmar signed a two-year MOU in 2020.", doc_date=None) == [
        ("signed", "2020", "2022")
    ]


def test_status_is_the_latest_event_and_an_extension_clears_a_duration() -> None:
    signed = _ev("Orvane Labs and Telmar signed a three-year MOU in 2022.")
    extended = _ev("The two renewed the MOU in 2025.")
    alone = agreement_life([signed], doc_date="2025-06")
    assert (alone.status, alone.ends) == (S.SIGNED, "2025")
    both = agreement_life([extended, signed], doc_date="2025-06")
    assert (both.status, both.ends) == (S.EXTENDED, None)
    assert [e.status for e in both.events] == [S.SIGNED, S.EXTENDED]
    ended = agreement_life([signed, _ev("The MOU expired in 2024.")], doc_date="2025-06")
    assert (ended.status, ended.ends) == (S.ENDED, "2025")


def test_sentences_quoted_only_to_name_a_party_say_nothing_of_the_agreement() -> None:
    ante = _ev("Telmar University launched a quantum lab in 2019.", rule=ANTECEDENT_RULE)
    life = agreement_life([ante, _ev("It signed an MOU with Orvane Labs.")], doc_date="2024")
    assert [(e.status, e.date) for e in life.events] == [(S.SIGNED, "2024")]


def test_nothing_said_is_unknown() -> None:
    life = agreement_life([_ev("Orvane Labs and Telmar are partners.")], doc_date="2024")
    assert (life.events, life.status, life.ends) == ((), S.UNKNOWN, None)


def test_extraction_gives_agreements_their_life() -> None:
    text = (
        "Orvane Labs and the University of Telmar signed a three-year memorandum of understanding in 2022. "
        "The two partners renewed the memorandum of understanding in 2025."
    )
    kg = extract(Document.from_text(text, published="2025-09-01"))
    (mou,) = [a for a in kg.agreements if a.kind.value == "MOU"]
    assert mou.status is S.EXTENDED
    assert mou.ends is None
    assert [(e.status, e.date) for e in mou.events] == [(S.SIGNED, "2022"), (S.EXTENDED, "2025")]
    assert all(text[e.evidence.start : e.evidence.end] == e.evidence.sentence for e in mou.events)


def test_extraction_json_adds_the_life_and_keeps_every_field() -> None:
    from qkg.loaders.output import extraction_json

    text = "Orvane Labs and the University of Telmar signed a three-year memorandum of understanding in 2022."
    (agreement,) = extraction_json(extract(Document.from_text(text)))["agreements"]
    stable = {"id", "kind", "parties", "date", "place", "topics", "status", "title", "evidence", "evidences"}
    assert set(agreement) == stable | {"ends", "events"}
    assert (agreement["status"], agreement["ends"]) == ("signed", "2025")
    (event,) = agreement["events"]
    assert event == {"status": "signed", "date": "2022", "ends": "2025", **agreement["evidences"][0]}
