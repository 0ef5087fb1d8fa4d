"""What the daemon's process holds before anyone asks for it.

Modules only some requests or some configurations need are imported on first use, so an idle
node's memory stays small (docs/BENCHMARKS.md, "daemon RSS"): the STIX library with requests,
taxii2client and an ANTLR parser is about 13 MB that a node nobody asks for STIX or TAXII never
needs; treq serves webhook outputs only; Autobahn (about 5 MB) serves the live feed, and loads on
the first websocket client. HoneyMesh's own STIX and TAXII code, each output type, the trap
workers and the nftables fallback load when a request or the configuration asks for them. Each
trap type's module loads when a trap of that type is built: a
node without an SSH trap never holds Twisted Conch, nor one without a shell the fake machine's
package tables.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LAZY = ("stix2", "requests", "taxii2client", "antlr4", "treq", "autobahn", "cbor2")
#: HoneyMesh's own parts that only a request or a setting asks for: the STIX and TAXII code
#: (the first export or TAXII request), each output type (configured), the trap workers
#: (``[node] workers`` > 0) and the nftables fallback (XDP failed). About 1.3 MB in all.
LAZY_OWN = (
    "honeymesh.intel.stix",
    "honeymesh.intel.taxii",
    "honeymesh.web.taxii",
    "honeymesh.outputs.syslog",
    "honeymesh.outputs.webhook",
    "twisted.web.client",
    "honeymesh.workers.service",
    "honeymesh.workers.wire",
    "honeymesh.enforcement.nft",
)
#: What only a trap of some type needs (the banner trap, the embedded default, needs none).
TRAPS = (
    "twisted.conch",
    "honeymesh.detection.traps.ssh",
    "honeymesh.detection.traps.telnet",
    "honeymesh.detection.traps.ftp",
    "honeymesh.detection.traps.shell",
    "honeymesh.detection.traps.debian_package_data",
    "honeymesh.detection.traps.http",
    "honeymesh.detection.traps.wordpress",
    "honeymesh.detection.traps.tls",
    "honeymesh.detection.traps.persona_tls",
    "honeymesh.detection.traps.smtp",
    "honeymesh.detection.traps.redis",
    "honeymesh.detection.traps.mysql",
    "honeymesh.detection.traps.dns",
    "honeymesh.detection.traps.sip",
    "honeymesh.detection.traps.snmp",
)


def test_the_daemon_module_does_not_load_what_only_some_requests_need() -> None:
    lazy = LAZY + LAZY_OWN + TRAPS
    code = f"import sys, honeymesh.tap; print([m for m in {lazy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


_BUILD = """
import json, sys
from pathlib import Path
from twisted.internet import reactor
from honeymesh.config import {config}
from honeymesh.detection.traps.registry import TrapContext, build_trap
tmp = Path(sys.argv[1])
context = TrapContext(reactor, lambda event: None, tmp.joinpath, tmp / "c.pem", tmp / "k.pem")
build_trap({config}(ports=(2323,)), context)
print(json.dumps([m for m in {traps!r} if m in sys.modules]))
"""


def test_a_trap_loads_its_own_module_and_no_other_trap_type(tmp_path: Path) -> None:
    def loaded(config: str) -> list[str]:
        code = _BUILD.format(config=config, traps=TRAPS)
        args = [sys.executable, "-c", code, str(tmp_path)]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        return [str(name) for name in json.loads(out)]

    assert loaded("BannerTrapConfig") == []
    assert loaded("MysqlTrapConfig") == ["honeymesh.detection.traps.mysql"]
    assert set(loaded("SshTrapConfig")) == {
        "twisted.conch",
        "honeymesh.detection.traps.ssh",
        "honeymesh.detection.traps.shell",
        "honeymesh.detection.traps.debian_package_data",
    }
