"""What the daemon's process holds before anyone asks for it.

Modules only some requests or some configurations need are imported on first use, so an idle
node's memory stays small (docs/BENCHMARKS.md, "daemon RSS"): the STIX library with requests,
taxii2client and an ANTLR parser is about 13 MB that a node nobody asks for STIX or TAXII never
needs; treq serves webhook outputs only; Autobahn (about 5 MB) serves the live feed, and loads on
the first websocket client.
"""

from __future__ import annotations

import subprocess
import sys

LAZY = ("stix2", "requests", "taxii2client", "antlr4", "treq", "autobahn", "cbor2")


def test_the_daemon_module_does_not_load_what_only_some_requests_need() -> None:
    code = f"import sys, honeymesh.tap; print([m for m in {LAZY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
