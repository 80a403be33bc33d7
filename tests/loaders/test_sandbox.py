"""The parser sandbox in a big process: the memory limit is what one parse may add, so a
server holding a large graph still parses ordinary pages, and a hostile parse is still stopped."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Run in a fresh interpreter: the point is a caller that already holds 1.5 GB of address
# space when it forks the parser (the old absolute 1 GiB limit refused every page there).
SCRIPT = textwrap.dedent(
    """
    big = bytearray(1_500_000_000)

    from qkg.loaders.read import ReadOptions, read_bytes
    from qkg.loaders.sandbox import Limits, run_bounded
    from qkg.schemas import DocumentRejected

    para = b"<p>IBM and Wits University signed a partnership on quantum computing in Johannesburg.</p>\\n"
    page = b"<html><head><title>Wits</title></head><body><article>" + para * 45_000 + b"</article></body></html>"
    doc = read_bytes(page, "wits.html").document
    print("parsed", len(page), doc.text.count("IBM and Wits University"))

    def hog():
        block = []
        while True:
            block.append(b"x" * 50_000_000)

    try:
        run_bounded("hog", hog, limits=Limits(memory_bytes=300 * 2**20, wall_seconds=30))
        print("hog not stopped")
    except DocumentRejected as exc:
        print("rejected", exc.reason)
    print("alive", len(big))
    """
)


def test_a_big_caller_still_parses_a_few_megabyte_page_and_stops_a_hostile_parse() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    parsed = lines[0].split()
    assert parsed[0] == "parsed", run.stdout
    assert int(parsed[1]) > 4_000_000  # a 4 MB page, the size that used to be refused
    assert int(parsed[2]) == 45_000  # every paragraph's text came back
    assert lines[1].startswith("rejected "), run.stdout
    assert "memory" in lines[1] or "died" in lines[1]
    assert lines[2] == "alive 1500000000"
