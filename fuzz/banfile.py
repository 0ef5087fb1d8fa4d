"""Fuzz the ban-file importer (honeymesh/web/banfile.py and the checks in control.py) with atheris.

    .venv/bin/python fuzz/banfile.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags as in fuzz/client_hello.py; ``make fuzz`` runs it with the others and the pytest
short pass, tests/test_fuzz_harnesses.py, runs it for a few thousand inputs.)

``POST /api/v1/bans/import`` takes a file an operator uploads, often a list someone else
published, so its bytes are not ours. The first bytes of each input pick the format (text, CSV
or JSON) and whether the rest is the file itself or one of a few valid files (exports of our
own and hand-written ones) changed by bit flips, truncation or bytes spliced in.

``parse_bans`` returns entries or raises ``BanFileError``, nothing else, and never more than
``MAX_ENTRIES`` entries, each with a line number inside the file and fields of at most
``MAX_FIELD`` characters. The entries then go through the facade's check of a whole import
(``Control._check_import``, on a stand-in holding only a clock): it accepts them or raises
``InvalidRequest``, nothing else, and every network it accepts is a real network with a
finite, positive duration (or permanent).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _mutation import mutate

with atheris.instrument_imports(include=["honeymesh"]):
    from honeymesh.control import Control, InvalidRequest
    from honeymesh.enforcement.durations import MAX_DURATION
    from honeymesh.events import JSONValue
    from honeymesh.web.banfile import (
        FORMATS,
        MAX_ENTRIES,
        MAX_FIELD,
        BanFileError,
        format_bans,
        parse_bans,
    )

from twisted.internet.task import Clock

NOW = 1_700_000_000.0
BANS: list[dict[str, JSONValue]] = [
    {"id": 1, "network": "203.0.113.7/32", "source": "operator", "created": NOW - 10,
     "reasons": ["ssh brute force", "seen on 3 traps"], "expires": NOW + 3600.5, "offence": 1},
    {"id": 2, "network": "2001:db8::/64", "source": "local", "created": NOW - 5,
     "reasons": ['comma, "quote" and; semicolon'], "expires": None, "offence": 3},
]  # fmt: skip
SEEDS = {
    "text": [format_bans(BANS, "text", NOW), b"198.51.100.0/24 # scanner\n\n192.0.2.1\n"],
    "csv": [
        format_bans(BANS, "csv", NOW),
        b"network,duration,reason\n198.51.100.9,1h30m,scan\n2001:db8::1,permanent,\n",
    ],
    "json": [
        format_bans(BANS, "json", NOW),
        b'["192.0.2.1", {"address": "198.51.100.0/24", "duration": 3600, "reason": "x"},'
        b' {"network": "2001:db8::/48", "permanent": true, "reasons": ["a", "b"]}]',
        b'{"bans": [{"network": "192.0.2.0/24", "expires": 1e308, "duration": 99999999999}]}',
    ],
}
CLOCK = Clock()
CLOCK.advance(NOW)
FACADE = SimpleNamespace(clock=CLOCK)  # all _check_import reads of the Control


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fmt = FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)]
    raw = mutate(fdp, SEEDS[fmt]) if fdp.ConsumeBool() else fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        entries = parse_bans(raw, fmt)
    except BanFileError as e:
        assert e.line >= 0, e.line
        return
    assert len(entries) <= MAX_ENTRIES
    lines = len(raw.decode("utf-8-sig").splitlines())  # as the text and CSV readers count
    for entry in entries:
        assert 1 <= entry.line <= (len(entries) if fmt == "json" else lines), entry
        assert len(entry.network) <= MAX_FIELD
        assert all(len(r) <= MAX_FIELD for r in entry.reasons)
    try:
        ready, _skipped = Control._check_import(FACADE, entries, "1h", "imported")  # type: ignore[arg-type]
    except InvalidRequest:
        return
    for _line, network, seconds, reasons in ready:
        assert network.num_addresses >= 1
        assert seconds is None or (math.isfinite(seconds) and 0 < seconds <= MAX_DURATION)
        assert reasons


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
