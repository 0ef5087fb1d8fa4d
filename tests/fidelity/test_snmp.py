"""The SNMP trap against Debian 12's snmpd (net-snmp 5.9), with net-snmp's own tools.

The real snmpd runs in the foreground with Debian's shipped snmpd.conf (``rocommunity public
default -V systemonly``: the system and hrSystem groups), listening on a loopback port given on
the command line instead of its ``agentaddress``, without the AgentX master. The trap claims
this host (sysDescr as snmpd builds it from uname, sysName, the kernel command line), so that
the values per host are few. Both get the same snmpget/snmpgetnext/snmpwalk/snmpbulkwalk/
snmpbulkget/snmpset commands, v1 and v2c; the whole output is diffed after rules for what
changes by the second (sysUpTime, hrSystemUptime, hrSystemDate, hrSystemProcesses) and for
the hundredths snmpd took to register its modules (sysORLastChange, sysORUpTime).
A v3 discovery request is compared byte for byte, the engine's random part and time masked.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.daemon import Daemon, free_port, wait_for
from tests.fidelity.harness import RealServer, Rule, diff


def sys_descr() -> str:
    """What snmpd says in sysDescr: uname's sysname, nodename, release, version, machine."""
    u = os.uname()
    return f"{u.sysname} {u.nodename} {u.release} {u.version} {u.machine}"


def boot_parameters() -> str:
    return Path("/proc/cmdline").read_text().strip()


def persona() -> str:
    """The snmp trap's keys in the fidelity daemon: this host, snmpd.conf's contact and
    location, and rates for fast probes."""
    return (
        f'sys_descr = "{sys_descr()}"\nsys_name = "{socket.gethostname()}"\n'
        # What Debian 12's shipped snmpd.conf says (the trap's defaults are the node's own).
        'sys_contact = "Me <me@example.org>"\nsys_location = "Sitting on the Dock of the Bay"\n'
        f"boot_parameters = {boot_parameters()!r}\n".replace("'", '"')
        + "max_per_source = 1000\nreply_burst = 1000000\n"
    )


def answers(port: int) -> bool:
    argv = ["snmpget", "-v2c", "-c", "public", "-t", "0.5", "-r", "0", f"127.0.0.1:{port}"]
    done = subprocess.run([*argv, "1.3.6.1.2.1.1.5.0"], capture_output=True, check=False)
    return b"STRING" in done.stdout


def snmpd(where: Path) -> RealServer:
    port = free_port()
    shipped = Path("/etc/snmp/snmpd.conf").read_text().splitlines()
    kept = [ln for ln in shipped if not re.match(r"\s*(agentaddress|master)\b", ln)]
    conf = where / "snmpd.conf"
    conf.write_text("\n".join(kept) + "\n")
    log = where / "snmpd.log"
    argv = ["/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", str(conf), f"udp:127.0.0.1:{port}"]
    proc = subprocess.Popen(argv, stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=where)
    server = RealServer("snmpd", port, proc, log)
    try:
        wait_for(lambda: answers(port) or proc.poll() is not None, timeout=30)
    except AssertionError:
        server.stop()
        raise
    assert proc.poll() is None, f"snmpd did not start: {log.read_text()}"
    return server


@pytest.fixture(scope="module")
def real_snmpd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    server = snmpd(tmp_path_factory.mktemp("snmpd"))
    yield server
    server.stop()


SYSTEM = [f"1.3.6.1.2.1.1.{i}.0" for i in range(1, 9)]
HR = [f"1.3.6.1.2.1.25.1.{i}.0" for i in range(1, 8)]
MISSING = [
    "1.3.6.1.2.1.1.1.1",  # an instance of sysDescr that is not .0: noSuchInstance
    "1.3.6.1.2.1.1.1",  # the object itself
    "1.3.6.1.2.1.1.9.1.1.1",  # sysORIndex, not accessible: noSuchObject
    "1.3.6.1.2.1.1.9.1.2.11",  # an 11th row: noSuchInstance
    "1.3.6.1.2.1.1.99.0",
    "1.3.6.1.2.1.25.1.8.0",
    "1.3.6.1.2.1.2.1.0",  # ifNumber, outside the view
    "1.3.6.1.4.1.2021.4.5.0",  # UCD memTotalReal, outside the view
]
V2 = ["-v2c", "-c", "public"]
V1 = ["-v1", "-c", "public"]

PROBES: list[tuple[str, list[str]]] = [
    ("v2c GET of the system group", ["snmpget", *V2, *SYSTEM]),
    ("v1 GET of the system group", ["snmpget", *V1, *SYSTEM]),
    ("v2c GET of hrSystem", ["snmpget", *V2, *HR]),
    (
        "v2c GET of sysORTable row 3",
        ["snmpget", *V2, *(f"1.3.6.1.2.1.1.9.1.{c}.3" for c in (2, 3, 4))],
    ),
    ("v2c GET of what is not there", ["snmpget", *V2, *MISSING]),
    ("v1 GET with one OID not there", ["snmpget", *V1, "1.3.6.1.2.1.1.7.0", "1.3.6.1.2.1.1.99.0"]),
    (
        "v2c GETNEXT",
        [
            "snmpgetnext",
            *V2,
            "1.3.6.1.2",
            "1.3.6.1.2.1.2",
            "1.3.6.1.2.1.1.9.1.4.10",
            "1.3.6.1.2.1.25.1.7.0",
        ],
    ),
    ("v1 GETNEXT past the end", ["snmpgetnext", *V1, "1.3.6.1.2.1.25.1.7.0"]),
    ("v2c walk (mib-2)", ["snmpwalk", *V2]),
    ("v1 walk (mib-2)", ["snmpwalk", *V1]),
    ("v2c walk of the whole tree", ["snmpwalk", *V2, "1.3"]),
    ("v2c walk of sysORTable", ["snmpwalk", *V2, "1.3.6.1.2.1.1.9"]),
    ("v2c walk outside the view", ["snmpwalk", *V2, "1.3.6.1.4.1"]),
    ("v2c bulkwalk", ["snmpbulkwalk", *V2]),
    ("v2c bulkwalk, 50 repetitions", ["snmpbulkwalk", "-Cr50", *V2, "1.3.6.1.2.1.1"]),
    (
        "v2c bulkget, a non-repeater and 3 repetitions",
        ["snmpbulkget", "-Cn1", "-Cr3", *V2, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.8.0"],
    ),
    (
        "v2c bulkget past the end",
        ["snmpbulkget", "-Cr5", *V2, "1.3.6.1.2.1.25.1.6.0", "1.3.6.1.2.1.1.9.1.4.9"],
    ),
    ("v2c SET: noAccess", ["snmpset", *V2, "1.3.6.1.2.1.1.5.0", "s", "x"]),
    ("v1 SET: noSuchName", ["snmpset", *V1, "1.3.6.1.2.1.1.6.0", "s", "x"]),
    ("v2c wrong community: silence", ["snmpget", "-v2c", "-c", "private", "1.3.6.1.2.1.1.5.0"]),
    ("v1 wrong community: silence", ["snmpget", "-v1", "-c", "secret", "1.3.6.1.2.1.1.5.0"]),
    (
        "v3 noAuthNoPriv: unknown user",
        ["snmpget", "-v3", "-l", "noAuthNoPriv", "-u", "admin", "1.3.6.1.2.1.1.5.0"],
    ),
    (
        "v3 authNoPriv: unknown user",
        [
            "snmpget",
            "-v3",
            "-l",
            "authNoPriv",
            "-u",
            "admin",
            "-a",
            "SHA",
            "-A",
            "password123",
            "1.3.6.1.2.1.1.5.0",
        ],
    ),
    (
        "v3 authPriv as Debian's rouser: unknown user",
        [
            "snmpget",
            "-v3",
            "-l",
            "authPriv",
            "-u",
            "authPrivUser",
            "-a",
            "SHA",
            "-A",
            "password123",
            "-x",
            "AES",
            "-X",
            "password123",
            "1.3.6.1.2.1.1.5.0",
        ],
    ),
]

RULES = [
    Rule("uptime", r"^(\.1\.3\.6\.1\.2\.1\.(?:1\.3|25\.1\.1)\.0 = Timeticks: ).*$", r"\1<ticks>"),
    Rule(
        "date",
        r"^(\.1\.3\.6\.1\.2\.1\.25\.1\.2\.0 = Hex-STRING: )(?:[0-9A-F]{2} ){11}$",
        r"\1<11 bytes>",
    ),
    # sysORLastChange and each sysORUpTime: the agent's time when the module registered, at
    # its start, 0 or a few hundredths depending on how fast it started.
    Rule(
        "registration time",
        r"^(\.1\.3\.6\.1\.2\.1\.1\.(?:8\.0|9\.1\.4\.\d+) = Timeticks: )\(\d\) 0:00:00\.0\d$",
        r"\1(<a few>)",
    ),
    Rule("processes", r"^(\.1\.3\.6\.1\.2\.1\.25\.1\.6\.0 = Gauge32: )\d+$", r"\1<n>"),
    Rule("target", r"127\.0\.0\.1:\d+", "<target>"),
]


def tool(argv: list[str], port: int) -> bytes:
    command = [argv[0], "-On", "-t", "1", "-r", "0", *argv[1:]]
    # The agent goes after the options, before the first OID (at the end for a walk of mib-2).
    oids = [i for i, a in enumerate(command) if re.match(r"\d+\.\d", a)]
    command.insert(oids[0] if oids else len(command), f"127.0.0.1:{port}")
    done = subprocess.run(command, capture_output=True, timeout=60, check=False)
    return done.stdout + done.stderr


@pytest.mark.parametrize(("name", "argv"), PROBES, ids=[p[0] for p in PROBES])
def test_probe(
    name: str, argv: list[str], real_snmpd: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real = tool(argv, real_snmpd.port)
    trap = tool(argv, trap_ports["snmp"])
    diff(name, real, trap, RULES)


def _v3_discovery() -> bytes:
    """An SNMPv3 GET with no engine id and no user, as snmpget -v3 and nmap first send."""
    return bytes.fromhex(
        "303e020103301102042a4c5a4b020300ffe30401040201030410300e0400020100020100040004000400"
        "301404000400a00e02041c79d8ba0201000201003000"
    )


def ber(data: bytes) -> list[Any]:
    """A BER message as nested (tag, children or value) lists; an OCTET STRING that holds a
    whole SEQUENCE (the USM parameters) is opened too."""
    out: list[Any] = []
    pos = 0
    while pos < len(data):
        tag, first = data[pos], data[pos + 1]
        pos += 2
        length = first
        if first & 0x80:
            width = first & 0x7F
            length = int.from_bytes(data[pos : pos + width], "big")
            pos += width
        value = data[pos : pos + length]
        pos += length
        nested = tag & 0x20 or (tag == 0x04 and value[:1] == b"\x30" and len(value) > 2)
        out.append([tag, ber(value) if nested else value])
    return out


def test_v3_discovery_gets_net_snmp_s_report(
    real_snmpd: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    shapes = []
    for port in (real_snmpd.port, trap_ports["snmp"]):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(3)
            s.sendto(_v3_discovery(), ("127.0.0.1", port))
            tree = ber(s.recv(65535))
        # Per engine: the random part of the engine id, boots, time; and the report's counter.
        message = tree[0][1]
        (_, usm) = message[2][1][0]
        usm[0][1] = (
            usm[0][1][:5] + b"<random, length %d>" % len(usm[0][1])
            if usm[0][1].startswith(b"\x80\x00\x1f\x88\x80")
            else usm[0][1]
        )
        usm[1][1] = usm[2][1] = b"<per engine>"
        scoped = message[3][1]
        scoped[0][1] = usm[0][1]
        binding = scoped[2][1][3][1][0][1]
        binding[1][1] = b"<counter>"
        shapes.append(tree)
    assert shapes[0] == shapes[1]
