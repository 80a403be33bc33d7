"""A made-up history of documents dated years apart, for the "as of" and corroboration tests
of the stores (``tests/graph/test_asof.py``) and the API (``tests/api/test_asof_queries.py``).

- 2019-04-02 (news-a): Orvane Labs and Telmar University partner until the end of 2021 and
  sign a three-year MOU (it ends 2022-04-02);
- 2021-05-04 (news-b): Orvane Labs partners with Brisk Photonics;
- 2024-02-01 (news-a): Orvane Labs partners with Brisk Photonics again, and with Kestrel Quantum;
- undated: Orvane Labs partners with Kestrel Quantum.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qkg.schemas import (
    AgreementEvent,
    AgreementKind,
    AgreementStatus,
    EntityType,
    KnowledgeGraph,
    RelationType,
)
from tests import factories as f

__all__ = ["ACTORS", "BRISK", "KESTREL", "ORVANE", "TELMAR", "history"]

R = RelationType
D = dt.date

ORVANE = f.entity("Orvane Labs", EntityType.COMPANY)
TELMAR = f.entity("Telmar University", EntityType.UNIVERSITY)
BRISK = f.entity("Brisk Photonics", EntityType.COMPANY)
KESTREL = f.entity("Kestrel Quantum", EntityType.COMPANY)
ACTORS = (ORVANE, TELMAR, BRISK, KESTREL)


def _partners(doc_text: str, published: str | None, source: str | None, *pairs: Any) -> KnowledgeGraph:
    doc = f.document(doc_text, source=source, published=published)
    rels = [
        f.relation(a.id, R.PARTNERS_WITH, b.id, doc, doc_text, **validity)
        for a, b, validity in (p if len(p) == 3 else (*p, {}) for p in pairs)
    ]
    return f.delta(doc, ACTORS, rels)


def history() -> list[KnowledgeGraph]:
    """2019: Orvane and Telmar partner until the end of 2021 and sign a three-year MOU;
    2021: Orvane and Brisk partner; 2024: Orvane partners with Brisk again and with Kestrel;
    an undated note says Orvane partners with Kestrel."""
    text = "Orvane Labs and Telmar University partner until 2021 and signed a three-year MOU."
    doc = f.document(text, source="https://news-a.example/2019", published="2019-04-02")
    signed = AgreementEvent(
        status=AgreementStatus.SIGNED, date="2019-04-02", ends="2022-04-02", evidence=f.evidence(doc, text)
    )
    mou = f.agreement(
        AgreementKind.MOU, [ORVANE.id, TELMAR.id], doc, text, date="2019-04-02", events=[signed]
    )
    first = f.delta(
        doc,
        ACTORS,
        [f.relation(ORVANE.id, R.PARTNERS_WITH, TELMAR.id, doc, text, valid_to=D(2021, 12, 31))],
        [mou],
    )
    return [
        first,
        _partners("Orvane Labs partners with Brisk Photonics.", "2021-05-04", "https://news-b.example/2021",
                  (ORVANE, BRISK)),
        _partners("Orvane Labs renews with Brisk Photonics and partners with Kestrel Quantum.", "2024-02-01",
                  "https://news-a.example/2024", (ORVANE, BRISK), (ORVANE, KESTREL)),
        _partners("A note: Orvane Labs partners with Kestrel Quantum.", None, None, (ORVANE, KESTREL)),
    ]  # fmt: skip
