"""The DNS trap against Debian 12's named (BIND 9.18), over dig, UDP and TCP.

The real named serves the trap's own zone (``PERSONA``: the same names, records, SOA and NS,
written as a zone file in the trap's order) with ``recursion no``, as an authoritative
server reachable from anywhere answers a stranger. Both get the same dig commands; the whole
dig output is diffed (header flags, rcode, counts, every section, the EDNS pseudo-section and
the message size, which holds the name compression to BIND's) after rules for the values that
differ per host: the message id, the cookie, and the order of BIND's authors. The trap claims
this host's name, as hostname.bind of the real one says it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from honeymesh.config import DnsTrapConfig
from honeymesh.detection.traps.dns import BIND_AUTHORS
from tests.e2e.daemon import Daemon, free_port
from tests.fidelity import harness
from tests.fidelity.harness import RealServer, Rule, diff

#: The names and records the trap and named both serve: set, since the trap's defaults are the
#: node's own (traps/facts.py) and differ from node to node.
PERSONA = DnsTrapConfig(
    zone="example.net",
    nameservers=("ns1.example.net",),
    hostmaster="hostmaster.example.net",
    records=(
        "example.net=192.0.2.10",
        "www.example.net=192.0.2.10",
        "mail.example.net=192.0.2.25",
        "ns1.example.net=192.0.2.53",
    ),
)


def persona() -> str:
    """The dns trap's keys in the fidelity daemon: ``PERSONA``'s zone, and this host's name."""
    p = PERSONA
    quoted = ", ".join(f'"{v}"' for v in p.records)
    return (
        f'zone = "{p.zone}"\nnameservers = ["{p.nameservers[0]}"]\n'
        f'hostmaster = "{p.hostmaster}"\nrecords = [{quoted}]\n'
    )


def zone_file() -> str:
    """The trap's zone as a BIND zone file: SOA, NS, then the records in configuration order."""
    p = PERSONA
    lines = [
        f"$ORIGIN {p.zone}.",
        f"$TTL {p.ttl}",
        f"@ IN SOA {p.nameservers[0]}. {p.hostmaster}. {p.serial} 7200 3600 1209600 300",
    ]
    lines += [f"@ IN NS {ns}." for ns in p.nameservers]
    for record in p.records:
        name, _, address = record.partition("=")
        rtype = "AAAA" if ":" in address else "A"
        lines.append(f"{name}. IN {rtype} {address}")
    return "\n".join(lines) + "\n"


def named(where: Path) -> RealServer:
    """named in the foreground on one loopback port, authoritative for the trap's zone only,
    no recursion and no validation (so it never sends a packet beyond loopback)."""
    port = free_port()
    (where / "zone").write_text(zone_file())
    conf = where / "named.conf"
    conf.write_text(
        f'options {{\n\tdirectory "{where}";\n\tpid-file "{where / "named.pid"}";\n'
        f"\tlisten-on port {port} {{ 127.0.0.1; }};\n\tlisten-on-v6 {{ none; }};\n"
        "\trecursion no;\n\tdnssec-validation no;\n};\n"
        f'zone "{PERSONA.zone}" {{ type master; file "{where / "zone"}"; }};\n'
    )
    return harness.start("named", ["/usr/sbin/named", "-g", "-c", str(conf)], port, where)


PROBES: list[tuple[str, list[str]]] = [
    ("A, recursion desired (dig's default)", ["www.example.net"]),
    ("A, +norec: NS as authority, glue", ["+norec", "www.example.net"]),
    ("apex A, +norec", ["+norec", "example.net"]),
    ("A of the name server, +norec", ["+norec", "ns1.example.net"]),
    ("A over TCP", ["+tcp", "www.example.net"]),
    ("+dnssec SOA (DO echoed)", ["+dnssec", "example.net", "SOA"]),
    ("+norec SOA", ["+norec", "example.net", "SOA"]),
    ("NS and its glue", ["example.net", "NS"]),
    ("NODATA with SOA, +norec +dnssec", ["+norec", "+dnssec", "www.example.net", "TXT"]),
    ("NODATA AAAA", ["ns1.example.net", "AAAA"]),
    ("a type that does not exist", ["example.net", "TYPE65534"]),
    ("NXDOMAIN with SOA", ["nothere.example.net"]),
    ("NXDOMAIN below a name, +norec", ["+norec", "a.b.www.example.net"]),
    ("ANY at the apex", ["example.net", "ANY"]),
    ("ANY without EDNS, +norec", ["+norec", "+noedns", "example.net", "ANY"]),
    ("ANY of a name", ["www.example.net", "ANY"]),
    ("AXFR (allowed by BIND 9.18's default)", ["example.net", "AXFR"]),
    ("IXFR over TCP", ["example.net", "IXFR=1"]),
    ("IXFR over UDP", ["+notcp", "example.net", "IXFR=1"]),
    ("outside the zone: REFUSED", ["google.com"]),
    ("outside the zone, +norec", ["+norec", "example.org", "MX"]),
    ("version.bind", ["version.bind", "chaos", "txt"]),
    ("version.bind over TCP", ["+tcp", "version.bind", "chaos", "txt"]),
    ("version.bind ANY", ["version.bind", "chaos", "ANY"]),
    ("version.bind A: NODATA", ["version.bind", "chaos", "A"]),
    ("below version.bind: NXDOMAIN", ["x.version.bind", "chaos", "txt"]),
    ("another .bind name: REFUSED", ["foo.bind", "chaos", "txt"]),
    ("hostname.bind", ["hostname.bind", "chaos", "txt"]),
    ("id.server (none configured)", ["id.server", "chaos", "txt"]),
    ("authors.bind", ["authors.bind", "chaos", "txt"]),
    ("authors.bind without EDNS: TC", ["+noedns", "+ignore", "authors.bind", "chaos", "txt"]),
    (
        "authors.bind without EDNS: TC, retried over TCP",
        ["+noedns", "authors.bind", "chaos", "txt"],
    ),
    ("version.bind in class IN", ["version.bind", "txt"]),
    ("class HS: REFUSED, EDE prohibited", ["-c", "HS", "version.bind", "txt"]),
    ("class ANY: FORMERR", ["-c", "ANY", "www.example.net"]),
    ("EDNS version 1: BADVERS", ["+edns=1", "+noednsneg", "www.example.net"]),
    ("no cookie", ["+nocookie", "www.example.net"]),
    ("an unknown EDNS option", ["+ednsopt=100:abcd", "www.example.net"]),
    ("no question: a cookie refresh", ["+header-only", "example.net"]),
    ("opcode STATUS", ["+opcode=status", "example.net"]),
    ("opcode NOTIFY", ["+opcode=notify", "example.net"]),
    ("opcode UPDATE", ["+opcode=update", "example.net"]),
]

RULES = [
    Rule("message id", r"id: \d+", "id: <id>"),
    Rule("server cookie", r"; COOKIE: [0-9a-f]{16}[0-9a-f]*", "; COOKIE: <client+server>"),
    Rule("query time", r"^;; Query time: .*$", ";; Query time: <ms>"),
    Rule("server and port", r"^;; SERVER: .*$", ";; SERVER: <server>"),
    Rule("date", r"^;; WHEN: .*$", ";; WHEN: <date>"),
    # dig's note that its first try went unanswered (see ``dig``): a lost datagram, not an answer.
    Rule("a try that timed out", r"^;; communications error to .*: timed out\n", ""),
    # BIND answers its authors in a random order (and a truncated answer a random 18 of them).
    Rule("author", r'^(authors\.bind\.\s+0\s+CH\s+TXT\s+)".*"$', r'\1"<author>"'),
]
# Which 18 of the 20 authors fit in 512 bytes is random, and so is the size.
TRUNCATED = Rule("size of a random subset", r"^;; MSG SIZE  rcvd: \d+$", ";; MSG SIZE  rcvd: <n>")


def dig(port: int, args: list[str]) -> bytes:
    # Two tries, as the real named now and then lets one query go unanswered (seen here about
    # one authors.bind in six); both sides get the same.
    argv = ["dig", "@127.0.0.1", "-p", str(port), "+nocmd", "+tries=2", "+time=3", *args]
    return subprocess.run(argv, capture_output=True, timeout=30, check=False).stdout


@pytest.mark.parametrize(("name", "args"), PROBES, ids=[p[0] for p in PROBES])
def test_probe(
    name: str, args: list[str], real_named: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real = dig(real_named.port, args)
    trap = dig(trap_ports["dns"], args)
    assert real, f"dig got nothing from named: {real_named.log.read_text()[-2000:]}"
    diff(name, real, trap, [*RULES, TRUNCATED] if "TC" in name else RULES)


def test_authors_bind_names_the_same_people(
    real_named: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """The order of authors.bind is random, so the names themselves are compared here. (The
    real named now and then lets one authors.bind query go unanswered, about 1 in 6 seen here:
    each side gets up to three tries for an answer.)"""
    args = ["+short", "authors.bind", "chaos", "txt"]

    def answered(port: int) -> list[bytes]:
        lines: list[bytes] = []
        for _ in range(3):
            lines = sorted(ln for ln in dig(port, args).splitlines() if not ln.startswith(b";;"))
            if lines:
                break
        return lines

    real = answered(real_named.port)
    trap = answered(trap_ports["dns"])
    assert len(real) == len(BIND_AUTHORS) and real == trap
