"""People named bare (no title, role or verb): the given-name lexicon and the name's shape.

Every sentence is written for these tests with made-up names; none comes from a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qkg.loaders.rules.bare_names import GIVEN_NAMES, bare_name_mentions, is_given_name
from qkg.loaders.rules.words import word_list
from qkg.loaders.segment import split_sentences

from .conftest import Facts

Run = Callable[[str], Facts]


def _names(text: str) -> list[str]:
    return [m.name for s in split_sentences(text) for m in bare_name_mentions(s)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The fund's advisors include Nadia Okonkwo and a former minister.", "Nadia Okonkwo"),
        ("The team welcomed Dmitri Vasquez-Holm to its board last week.", "Dmitri Vasquez-Holm"),
        ("Pieter van 't Hoog will lead the second fund.", "Pieter van 't Hoog"),
        ("Photos show Lucia de la Fuente beside the new cryostat.", "Lucia de la Fuente"),
        ("Among the speakers was Walter G. Brenning of the lab.", "Walter G. Brenning"),
        ("V K Ramaswamy, member of the planning body, spoke first.", "V K Ramaswamy"),
        ("The board heard R.K. Deshpande on the mission's budget.", "R.K. Deshpande"),
        (
            "Present were Hamad bin Khalid bin Saleh Al Marri and his staff.",
            "Hamad bin Khalid bin Saleh Al Marri",
        ),
        ("Carlos Mendes Arruda (Orbion University) ran the demonstration.", "Carlos Mendes Arruda"),
        ("Investors such as Tobias Lindqvist backed the round.", "Tobias Lindqvist"),
        ("They hired Nadia Okonkwo, Tobias Lindqvist, Chris Berglund and two engineers.", "Tobias Lindqvist"),
        # after a role of a named place or organisation ("ROLE of X P")
        ("The hall was opened by the Mayor of Veltrum Frank van Hoorn on Friday.", "Frank van Hoorn"),
        ("Present was the CTO of Orbion Quantum Nadia Okonkwo.", "Nadia Okonkwo"),
        ("Nvidia's Jensen Okafor and Meta's Priya Halvorsen spoke.", "Jensen Okafor"),
        # romanised East Asian names, family name first or last
        ("The paper was written by Li Wenjun and two students.", "Li Wenjun"),
        ("The lab hired Kim Min-jae last year.", "Kim Min-jae"),
        ("The keynote came from Tanaka Hiroshi of the institute.", "Tanaka Hiroshi"),
        ("The speakers were Jianwei Zhou and others.", "Jianwei Zhou"),
        ("Present was Chia-Hao Tsai, who runs the fab.", "Chia-Hao Tsai"),
        ("The minister met Tan Wei Ming on Monday.", "Tan Wei Ming"),
        # Japanese names: a known family or given name, or the family name in capitals
        ("The talk was given by Takashi Yamamoto and a student.", "Takashi Yamamoto"),
        ("Program Director KITAGAWA Masahiro explained the goals.", "KITAGAWA Masahiro"),
        # royal titles name people, the regnal number in the name; one name keeps its title
        ("His Majesty King Anders Gustav XII of Norland visited the lab.", "Anders Gustav XII"),
        ("HRH Princess Maha Chakri Lanna visited the centre.", "Maha Chakri Lanna"),
        ("The prize went to Prince Edmund.", "Prince Edmund"),
        # a given name that is also a common word, inside the sentence
        ("The forecast came from Mark Berglund and his team.", "Mark Berglund"),
        ("The team includes pioneer Chad Okonkwo as a partner.", "Chad Okonkwo"),
    ],
)
def test_bare_people(facts: Run, text: str, name: str) -> None:
    f = facts(text)
    assert f.has_entity(name), sorted(f.names.values())
    assert next(e for e in f.kg.entities if e.name == name).type.value == "Person"


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # named after a person, but an organisation, a school, a prize or a building
        ("The Alan Turing Institute opened a new lab.", "Alan Turing"),
        ("She studied at the Niels Bohr Institute in the city.", "Niels Bohr"),
        ("The grant went to Fondazione Bruno Kessler and two universities.", "Bruno Kessler"),
        ("The Carla Ostrowski School of Engineering joined the hub.", "Carla Ostrowski"),
        ("Winners of the Helena Marsh Prize were named on Monday.", "Helena Marsh"),
        # a longer proper name goes on after the two words; a company in "&"
        ("Hugo Brandt Quantum Systems raised new money.", "Hugo Brandt"),
        ("Alice & Bob and Orbion signed a deal.", "Alice"),
        # bylines, photo credits and reporters are no entities
        ("By Miriam Castellanos\nOrbion raised money on Tuesday.", "Miriam Castellanos"),
        ("12 March 2025, by Miriam Castellanos", "Miriam Castellanos"),
        ("A dilution refrigerator. (photo credit: Jonas Pettersen)", "Jonas Pettersen"),
        ("Miriam Castellanos is a technology reporter for the Daily Planet.", "Miriam Castellanos"),
        ("Miriam Castellanos writes for the Daily Planet.", "Miriam Castellanos"),
        # common words and places that are also given names
        ("Will Orbion Quantum survive the winter?", "Will Orbion"),
        ("Georgia Tech and Orbion signed a deal.", "Georgia Tech"),
        ("Skip To Content", "Skip To Content"),
        # two unknown words of Japanese sound may be a firm; places and prizes after royal titles
        ("Toyota Tsusho and Sumitomo Mitsui signed a deal.", "Sumitomo Mitsui"),
        ("They drove along King Street to Prince Edward Island.", "Prince Edward Island"),
        ("The Queen Elizabeth Prize went to a physicist.", "Elizabeth"),
        # a company named like a person, in a list of organisations
        ("Partners include Orbion Quantum, D-Veltra, Hugo Brandt, Kessler Labs and the Navy.", "Hugo Brandt"),
        ("Mark Berglund spoke first.", "Mark Berglund"),  # sentence-initial: "Mark" may be the verb
        ("They set up the Grace Period fund.", "Grace Period"),
        # an author line of names only
        ("Hae-Jin Park and Min-Soo Kim 4", "Hae-Jin Park"),
        ("Nadia Okonkwo, Tobias Lindqvist | 5 min read", "Nadia Okonkwo"),
        # East Asian family names before words that are no given names
        ("Visitors saw the Han River and Park Avenue.", "Han River"),
        ("Analysts compared Li Auto and Ma Bell.", "Ma Bell"),
    ],
)
def test_not_bare_people(text: str, not_person: str) -> None:
    assert not any(n.startswith(not_person) or not_person.startswith(n) for n in _names(text))


def test_lexicon_is_clean() -> None:
    """The shipped lexicon holds names, not the words that the generator drops."""
    assert len(GIVEN_NAMES) > 15000
    assert {"Nadia", "Andrew", "Hiroshi", "José", "Chinedu"} <= GIVEN_NAMES
    assert not {"Will", "May", "Mark", "Hall", "Grace", "Georgia", "Paris", "Institute", "Skip"} & GIVEN_NAMES
    assert is_given_name("Anne-Sophie")
    assert {"Kim", "Li", "Tanaka", "Tsai"} <= word_list("east_asian_surnames")
    assert {"Mark", "Grace", "Chad"} <= word_list("given_names_common")
    assert not {"Will", "Reason", "Among"} & word_list("given_names_common")
    assert not is_given_name("Quantum")


def test_bare_person_affiliated_in_brackets(facts: Run) -> None:
    """ "P (ORG)": a bare name with its organisation in brackets."""
    f = facts("From left: Carlos Mendes Arruda (Orbion University) and Nadia Okonkwo (Veltra Institute).")
    assert f.has("Carlos Mendes Arruda", "AFFILIATED_WITH", "Orbion University"), f.triples()
    assert f.has("Nadia Okonkwo", "AFFILIATED_WITH", "Veltra Institute"), f.triples()


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "The paper was written by Li Wenjun of the lab. Later Li joined Orbion University as a professor.",
            "Li Wenjun",
            "Orbion University",
        ),
        (
            "Present was Yoo Sang-im, a physicist. Yoo later joined Veltra Quantum as its CTO.",
            "Yoo Sang-im",
            "Veltra Quantum",
        ),
        (
            "Guests included Tan Wei Ming. Tan later joined Veltra Quantum as its CFO.",
            "Tan Wei Ming",
            "Veltra Quantum",
        ),
    ],
)
def test_east_asian_family_name_alone_later(facts: Run, text: str, person: str, org: str) -> None:
    """A name written family name first is later named by its first word ("Li said")."""
    f = facts(text)
    assert f.has(person, "AFFILIATED_WITH", org), f.triples()
