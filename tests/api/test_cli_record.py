"""``qkg changes`` and ``qkg history`` on both stores, over the record-time history of
:func:`tests.graph.test_record._timeline` (documents loaded, removed and replaced at
injected clock times): the same lines on each store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qkg.api.cli import main
from qkg.graph.store import GraphStore
from tests.graph.test_record import _timeline

EXPECTED_CHANGES = """\
2026-03-01T03:00:00Z  #4     - RETRACTED  agreement agreement:mou:5356f51cc5aa10af  (document 84c374007fec)
2026-03-01T03:00:00Z  #4     - RETRACTED  company:orvane-labs PARTNERS_WITH university:telmar-university  (document 84c374007fec)
2026-03-01T04:00:00Z  #5     - RETRACTED  company:brisk-photonics PARTNERS_WITH company:orvane-labs  (document 988be0884993)
2026-03-01T04:00:00Z  #6     + ADDED      company:kestrel-quantum PARTNERS_WITH company:orvane-labs  (document a683b740de21)
"""


@pytest.fixture
def versions(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> dict[str, str]:
    _, found = _timeline(store)
    for name in ("QKG_STORE", "QKG_NEO4J_URI", "QKG_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    if store.kind == "embedded":
        monkeypatch.setenv("QKG_DATA_DIR", str(store.path))  # type: ignore[attr-defined]
        store.close()  # the command opens it
    else:
        target = request.getfixturevalue("neo4j_server")
        monkeypatch.setenv("QKG_STORE", "neo4j")
        monkeypatch.setenv("QKG_NEO4J_URI", target.uri)
        monkeypatch.setenv("QKG_NEO4J_DATABASE", target.database)
        if target.auth is not None:
            monkeypatch.setenv("QKG_NEO4J_USER", target.auth[0])
            monkeypatch.setenv("QKG_NEO4J_PASSWORD", target.auth[1])
    return found


def test_changes_since_a_version_and_a_moment(
    versions: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changes", "--since", versions["02"]]) == 0
    out = capsys.readouterr().out
    assert (
        out == EXPECTED_CHANGES + f"4 change(s) since {versions['02']}; graph version now {versions['04']}\n"
    )
    assert main(["changes", "--since", "2026-03-01T03:30:00Z", "--json", "--limit", "1"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["totalCount"] == 2
    assert [(c["event"], c["kind"], c["source"], c["graphVersion"]) for c in body["changes"]] == [
        (5, "RETRACTED", "company:brisk-photonics", body["changes"][0]["graphVersion"])
    ]
    assert main(["changes", "--since", "soon"]) == 2
    assert "ISO date-time" in capsys.readouterr().err


def test_history_of_an_actor(versions: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "Telmar University"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Telmar University (university:telmar-university): 2 fact(s), 4 change(s)"
    assert lines[1] == "agreement agreement:mou:5356f51cc5aa10af"
    assert lines[2].startswith("  added     2026-03-01T01:00:00Z  by document 84c374007fec  (event 1)")
    assert lines[3].startswith("  retracted 2026-03-01T03:00:00Z  by document 84c374007fec  (event 4)")
    assert lines[4] == "company:orvane-labs PARTNERS_WITH university:telmar-university"
    assert main(["history", "Nobody Inc"]) == 1
    assert "Nobody Inc" in capsys.readouterr().err


def test_an_empty_since_lists_everything(
    versions: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["changes", "--since", versions["00"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["totalCount"] == 9
