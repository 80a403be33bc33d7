"""Deterministic ids and IRIs.

The same actor named the same way always gets the same id; two same-named actors of a
different type or country never share one. Ids are readable (``university:kaist:kr``) and
IRIs are derived from them, never the other way round.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from .ontology import AgreementKind, EntityType

__all__ = [
    "BASE_IRI",
    "RESERVED_PREFIXES",
    "actor_id_problem",
    "agreement_id",
    "content_hash",
    "entity_id",
    "goal_id",
    "id_from_iri",
    "iri",
    "normalise_name",
    "slug",
]

BASE_IRI = "https://w3id.org/qkg/"
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Case- and accent-insensitive key for a name, used for lookups and matching.

    >>> normalise_name("  Université  de Sherbrooke ")
    'universite de sherbrooke'
    """
    if name.isascii():  # NFKD and NFC leave ASCII as it is, and no ASCII character combines
        return _SPACES.sub(" ", name.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def slug(text: str) -> str:
    """A lowercase slug of letters and digits in any script, joined by ``-``.

    >>> slug("Amazon Web Services (AWS)")
    'amazon-web-services-aws'
    >>> slug("한국과학기술원")
    '한국과학기술원'
    """
    out = _NON_WORD.sub("-", normalise_name(text).replace("_", " ")).strip("-")
    if not out:
        out = "x" + hashlib.sha256(text.encode()).hexdigest()[:12]
    return out


def entity_id(name: str, type_: EntityType, country: str | None = None) -> str:
    """Id of an entity from its canonical name, type and (ISO 3166 alpha-2) country.

    >>> entity_id("KAIST", EntityType.UNIVERSITY, "KR")
    'university:kaist:kr'
    >>> entity_id("Daejeon", EntityType.CITY, "KR") != entity_id("Daejeon", EntityType.REGION, "KR")
    True
    """
    base = f"{type_.value.lower()}:{slug(name)}"
    return f"{base}:{country.lower()}" if country else base


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def agreement_id(kind: AgreementKind, parties: Iterable[str], date: str | None = None) -> str:
    """Id of an agreement from its kind, its (unordered) parties and its date.

    >>> agreement_id(AgreementKind.MOU, ["b", "a"]) == agreement_id(AgreementKind.MOU, ["a", "b"])
    True
    """
    return f"agreement:{kind.value.lower()}:{_digest([kind.value, *sorted(set(parties)), date or ''])}"


def goal_id(metric: str, value: float, unit: str, year: int | None, owner: str | None) -> str:
    """Id of a quantified goal."""
    return f"goal:{_digest([normalise_name(metric), repr(float(value)), unit, str(year), owner or ''])}"


def content_hash(text: str) -> str:
    """Document id: the SHA-256 of the document's text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Id kinds qkg gives its own nodes (a bare id without a kind is a document's). An actor id
#: from input may not use them: ``document:<sha>`` would be that document's IRI.
RESERVED_PREFIXES = frozenset({"document", "agreement", "goal", "evidence", "assertion"})


def actor_id_problem(node_id: str) -> str | None:
    """Why ``node_id`` cannot name an actor (its IRI would be another node's), or ``None``.

    >>> actor_id_problem("university:kaist:kr") is None
    True
    >>> actor_id_problem("document:9f86d081")
    "id 'document:9f86d081' uses the reserved prefix 'document:' (documents, agreements, goals and evidence have qkg-made ids); leave the id out or use '<type>:<name>'"
    """
    kind, sep, _ = node_id.partition(":")
    if not sep:
        return f"id {node_id!r} has no '<type>:' prefix (a bare id names a document); use '<type>:<name>'"
    if kind.casefold() in RESERVED_PREFIXES:
        return (
            f"id {node_id!r} uses the reserved prefix '{kind}:' (documents, agreements, goals and "
            "evidence have qkg-made ids); leave the id out or use '<type>:<name>'"
        )
    return None


def iri(node_id: str) -> str:
    """IRI of a node id: ``https://w3id.org/qkg/id/<kind>/<rest>``.

    >>> iri("university:kaist:kr")
    'https://w3id.org/qkg/id/university/kaist/kr'
    >>> iri("9f86d081884c7d65")
    'https://w3id.org/qkg/id/document/9f86d081884c7d65'
    """
    if ":" not in node_id:
        node_id = f"document:{node_id}"
    return BASE_IRI + "id/" + "/".join(quote(p, safe="") for p in node_id.split(":"))


def id_from_iri(value: str) -> str:
    """Inverse of :func:`iri`.

    >>> id_from_iri(iri("university:kaist:kr"))
    'university:kaist:kr'
    """
    from urllib.parse import unquote

    prefix = BASE_IRI + "id/"
    if not value.startswith(prefix):
        raise ValueError(f"{value!r} is not a qkg IRI")
    parts = [unquote(p) for p in value[len(prefix) :].split("/")]
    if parts[0] == "document" and len(parts) == 2:
        return parts[1]
    return ":".join(parts)
