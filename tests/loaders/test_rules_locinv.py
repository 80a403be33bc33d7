"""Location, investment and partnership frames that recur across news of the quantum ecosystem:
a town with its state's code before "-based", a seat told before its subject ("From its base in P,",
"Headquartered in P, it ..."), stakes in a described company, planned and earlier takeovers,
mergers announced by both parties, joint research by coordinated subjects, a signer before a
dashed aside. Sentences are the project's own, with made-up names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Facts

Run = Callable[[str], Facts]


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Orbion Quantum, the Broomfield, CO-based company, raised money.", "Orbion Quantum", "Broomfield"),
        ("Orbion Quantum is a Boulder, Colo.-based startup.", "Orbion Quantum", "Boulder"),
        ("The Waterloo, Ont.-based Orbion Quantum raised money.", "Orbion Quantum", "Waterloo"),
        ("From its base in Munich, Orbion Quantum sells sensors.", "Orbion Quantum", "Munich"),
        ("From its headquarters in Lyon, France, Orbion Quantum serves clients.", "Orbion Quantum", "Lyon"),
        (
            "Orbion Quantum raised money. Headquartered in Munich, it sells sensors.",
            "Orbion Quantum",
            "Munich",
        ),
        ("Orbion Quantum raised money. Based in Lyon, France, it sells sensors.", "Orbion Quantum", "Lyon"),
    ],
)
def test_located_frames(facts: Run, text: str, org: str, place: str) -> None:
    assert facts(text).has(org, "LOCATED_IN", place)


def test_town_state_based_is_a_city_of_the_state(facts: Run) -> None:
    f = facts("Orbion Quantum, the Broomfield, CO-based company, raised money.")
    assert f.has("Broomfield", "LOCATED_IN", "Colorado")


@pytest.mark.parametrize(
    "text",
    [
        # a place after the description is no organisation located there
        "Why would the Broomfield, CO-based company pick New Mexico?",
        # a fronted seat before "it" when the previous subject is a person locates nobody
        "Ada Lin joined Orbion Quantum. Headquartered in Munich, it sells sensors.",
        # an office is not a base the subject is told to have
        "From its office in Lyon, Orbion Quantum called Kvantra Labs Inc.",
    ],
)
def test_located_near_misses(facts: Run, text: str) -> None:
    f = facts(text)
    located = {(s, o) for s, t, o in f.triples() if t == "LOCATED_IN"}
    assert ("New Mexico", "Broomfield") not in located
    assert ("Orbion Quantum", "Munich") not in located
    assert ("Orbion Quantum", "Lyon") not in located


def test_stake_in_a_described_provider(facts: Run) -> None:
    f = facts("Kessler Ventures acquired a majority stake in quantum networking provider Norvik Systems AG.")
    assert f.has("Kessler Ventures", "INVESTS_IN", "Norvik Systems AG")


def test_first_financiers_of(facts: Run) -> None:
    f = facts("Earlybird Ventures was one of the first financiers of Orbion Quantum.")
    assert f.has("Earlybird Ventures", "INVESTS_IN", "Orbion Quantum")


def test_venture_capitalist_names_an_organisation(facts: Run) -> None:
    assert facts("Ada Lin is a partner of the venture capitalist Tarvelo, based in Oslo.").has_entity(
        "Tarvelo"
    )


def test_planned_takeover_is_a_contract(facts: Run) -> None:
    f = facts("Orbion Quantum announced plans to acquire quantum networking startup Kvantra Labs Inc.")
    assert ("Contract", frozenset({"Orbion Quantum", "Kvantra Labs Inc"})) in f.agreements()
    # a plan is no completed takeover: nothing is part of the buyer yet
    assert not f.has("Kvantra Labs Inc", "PART_OF", "Orbion Quantum")


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum does not plan to acquire Kvantra Labs Inc.",
        "Orbion Quantum could acquire Kvantra Labs Inc.",
    ],
)
def test_denied_or_hedged_takeover_is_none(facts: Run, text: str) -> None:
    assert facts(text).agreements() == []


def test_earlier_takeover_told_after_its(facts: Run) -> None:
    f = facts(
        "In 2024, Orbion Quantum announced plans to buy Kvantra Labs Inc, following its purchase of "
        "sensing startup Norvik Systems AG in 2023."
    )
    assert f.has("Norvik Systems AG", "PART_OF", "Orbion Quantum")
    assert ("Contract", frozenset({"Orbion Quantum", "Norvik Systems AG"})) in f.agreements()


@pytest.mark.parametrize(
    "text",
    [
        "Orbion Quantum and Kvantra Labs Inc, both European start-ups, announced a merger this week.",
        "Orbion Quantum and Kvantra Labs Inc have completed their merger.",
        "Orbion Quantum is merging with Kvantra Labs Inc.",
        "UK-based Orbion Quantum is merging with US-based Kvantra Labs Inc.",
    ],
)
def test_mergers(facts: Run, text: str) -> None:
    assert ("Contract", frozenset({"Orbion Quantum", "Kvantra Labs Inc"})) in facts(text).agreements()


@pytest.mark.parametrize(
    "text",
    [
        # the aside names another organisation: the merger is not said of the pair
        "Orbion Quantum and Kvantra Labs Inc, two rivals of Norvik Systems AG, announced a merger.",
        # joining with a partner to do something is no merger
        "Orbion Quantum is joining with Kvantra Labs Inc to develop sensors.",
    ],
)
def test_merger_near_misses(facts: Run, text: str) -> None:
    assert all(kind != "Contract" for kind, _ in facts(text).agreements())


@pytest.mark.parametrize(
    "text",
    [
        "Moving forward, Orbion Quantum and the University of Varno will conduct joint research and development on sensors.",
        "Orbion Quantum and the University of Varno will pursue joint research on quantum sensing.",
    ],
)
def test_joint_research_of_coordinated_subjects(facts: Run, text: str) -> None:
    assert facts(text).has("Orbion Quantum", "PARTNERS_WITH", "University of Varno")


def test_each_conducting_research_is_no_partnership(facts: Run) -> None:
    f = facts("Last year, Orbion Quantum and the University of Varno each conducted research.")
    assert not f.has("Orbion Quantum", "PARTNERS_WITH", "University of Varno")


def test_signer_before_a_dashed_aside(facts: Run) -> None:
    f = facts(
        "The Varno Quantum Centre (VQC)—a joint venture between the University of Varno and Kvantra Labs Inc—"
        "entered into a research agreement with the Orbion Institute to pursue joint projects."
    )
    assert f.has("Varno Quantum Centre", "PARTNERS_WITH", "Orbion Institute")


def test_backer_of_a_described_list(facts: Run) -> None:
    f = facts(
        "Tarvel Ventures was one of the first financiers of the Danish AI hope Kelmora, the space company "
        "Varno Orbital and Ada Lin’s quantum start-up Orbion Quantum."
    )
    for target in ("Kelmora", "Varno Orbital", "Orbion Quantum"):
        assert f.has("Tarvel Ventures", "INVESTS_IN", target)


def test_backer_list_stops_at_a_relative_clause(facts: Run) -> None:
    f = facts(
        "Kessler Ventures was an early backer of the Lyon start-up Orbion Quantum, which has sold sensors "
        "to the French navy and Kvantra Labs Inc."
    )
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Kvantra Labs Inc")


def test_semicolon_opens_a_new_signer(facts: Run) -> None:
    f = facts(
        "Norvik Systems AG inked partnerships with Orbion Quantum and Tarvel Quantum Ltd; "
        "Kessler Cloud Ltd announced partnerships with Kvantra Labs Inc and Varno Photonics Ltd."
    )
    assert f.has("Kessler Cloud Ltd", "PARTNERS_WITH", "Kvantra Labs Inc")
    assert f.has("Norvik Systems AG", "PARTNERS_WITH", "Orbion Quantum")
    assert not f.has("Kessler Cloud Ltd", "PARTNERS_WITH", "Norvik Systems AG")


def test_signers_past_a_led_by_aside(facts: Run) -> None:
    f = facts(
        "The leadership teams of the Varno Quantum Centre and the Orbion Institute, led by the University of "
        "Varno, today announce the signing of a memorandum of understanding."
    )
    assert ("MOU", frozenset({"Varno Quantum Centre", "Orbion Institute"})) in f.agreements()


def test_fronted_based_within(facts: Run) -> None:
    f = facts(
        "Founded only in 2015 and based within the expanding Varno Science Park, Orbion Quantum went public."
    )
    assert f.has("Orbion Quantum", "LOCATED_IN", "Varno Science Park")


def test_site_named_after_it(facts: Run) -> None:
    f = facts(
        "Kessler Group's research arm, Kessler Labs, has set up a quantum center of excellence (CoE), "
        "called QubitWorks, in Helsinki, Finland to tap into local expertise."
    )
    assert f.has("Kessler Labs", "LOCATED_IN", "Helsinki")
    assert f.has("QubitWorks", "LOCATED_IN", "Helsinki")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Orbion Quantum, whose headquarters are in Lyon, raised money.", "Lyon"),
        ("Orbion Quantum, whose main office is located in Lyon, raised money.", "Lyon"),
        ("Orbion Quantum operates out of Lyon.", "Lyon"),
    ],
)
def test_seat_by_relative_or_operating_from(facts: Run, text: str, place: str) -> None:
    assert facts(text).has("Orbion Quantum", "LOCATED_IN", place)


def test_running_out_of_money_locates_nothing(facts: Run) -> None:
    f = facts("Orbion Quantum ran out of money in Lyon's toughest year, Kvantra Labs Inc said.")
    assert not any(t == "LOCATED_IN" for _, t, _ in f.triples())


@pytest.mark.parametrize(
    "text",
    [
        "- Kessler Ventures: Invested in Orbion Quantum, achieving 1,000 qubits in 2023.",
        "- Kessler Ventures: Co-led the Series A round for Orbion Quantum.",
        "Kessler Ventures: Backed Orbion Quantum, a spinout of the University of Varno.",
    ],
)
def test_roundup_item_headed_by_its_investor(facts: Run, text: str) -> None:
    f = facts(text)
    assert f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum")
    assert all(kind != "Investment" for kind, _ in f.agreements())  # a holding, no deal


def test_roundup_item_led_without_money_is_no_investment(facts: Run) -> None:
    f = facts("- Kessler Ventures: Led the market in sales to Orbion Quantum.")
    assert not f.has("Kessler Ventures", "INVESTS_IN", "Orbion Quantum")
