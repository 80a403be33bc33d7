from __future__ import annotations

from pathlib import Path

import pytest

from qkg.loaders.gazetteer import default_gazetteer, load_gazetteer
from qkg.schemas import ConfigurationError, EntityType


def names(text: str) -> list[str]:
    return [m.entry.name for m in default_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KAIST and 한국과학기술원 in 대전", ["KAIST", "KAIST", "Daejeon"]),
        ("Amazon Web Services (AWS) and AWS", ["Amazon Web Services"] * 3),
        ("Finland-based IQM", ["Finland", "IQM Quantum Computers"]),
        (
            "trapped-ion and trapped ion systems",
            ["trapped-ion quantum computing", "trapped-ion quantum computing"],
        ),
        ("signed in Washington, DC, on Monday", ["Washington DC"]),
        ("Technion – Israel Institute of Technology", ["Technion – Israel Institute of Technology"]),
        # every US state and Canadian province, as "City, State" datelines and addresses name them;
        # cities of 300,000 people or more too (Raleigh is also a given name, so it is left out)
        (
            "offices in Raleigh, North Carolina and Halifax, Nova Scotia",
            ["North Carolina", "Halifax", "Nova Scotia"],
        ),
        ("NATO's innovation arm", ["NATO"]),
        # the singular spelling the press uses
        ("Alpine Quantum Technology in Innsbruck", ["Alpine Quantum Technologies", "Innsbruck"]),
        ("the University of Illinois at Urbana-Champaign", ["University of Illinois Urbana-Champaign"]),
        # a company that merged into another stays itself: articles before the merger, and the
        # merger's own news, name it as a party
        (
            "Honeywell's unit merged with Cambridge Quantum Computing to form Quantinuum",
            ["Honeywell", "Cambridge Quantum", "Quantinuum"],
        ),
    ],
)
def test_matches(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", ["tell us about it", "the sa region", "quantum aws", "an ibm-like"])
def test_acronyms_need_their_case(text: str) -> None:
    assert names(text) == []


def test_longest_match_wins() -> None:
    assert names("University of Tokyo") == ["University of Tokyo"]
    assert names("Tokyo") == ["Tokyo"]


def test_user_gazetteer_takes_precedence(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("Company:\n  - {name: Acme Qubits, country: NZ, aliases: [AQ]}\n", encoding="utf-8")
    gaz = load_gazetteer(f)
    hits = gaz.find("Acme Qubits works with AQ and KAIST.")
    assert [h.entry.name for h in hits] == ["Acme Qubits", "Acme Qubits", "KAIST"]
    assert hits[0].entry.type is EntityType.COMPANY
    assert hits[0].entry.id == "company:acme-qubits:nz"


@pytest.mark.parametrize(
    "content",
    [
        "Spaceship:\n  - {name: X}\n",
        "Company:\n  - {aliases: [X]}\n",
        "Company:\n  - {name: X, country: Narnia}\n",
        "- a\n- b\n",
    ],
)
def test_bad_user_gazetteer(tmp_path: Path, content: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError, match="gazetteer"):
        load_gazetteer(f)


def test_default_entries_are_valid() -> None:
    gaz = default_gazetteer()
    assert len(gaz.entries) > 500
    ids = [e.id for e in gaz.entries]
    assert len(ids) == len(set(ids))
    for e in gaz.entries:
        assert e.wikidata is None or e.wikidata.startswith("Q")


def test_an_acronym_entry_may_add_the_title_case_the_press_uses() -> None:
    from qkg.loaders.gazetteer import Entry, Gazetteer

    gaz = Gazetteer()
    gaz.add(Entry("ORBIX", EntityType.RESEARCH_INSTITUTE, "FR", aliases=("Orbix",)))
    found = [(m.alias, m.start) for m in gaz.find("ORBIX and Orbix agree; orbix is a word here.")]
    assert found == [("ORBIX", 0), ("Orbix", 10)]
    # without the title-case alias only the acronym's own case matches
    strict = Gazetteer()
    strict.add(Entry("ORBIX", EntityType.RESEARCH_INSTITUTE, "FR"))
    assert [m.alias for m in strict.find("ORBIX and Orbix agree.")] == ["ORBIX"]
