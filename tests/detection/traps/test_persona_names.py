"""Two nodes made by ``honeymesh init`` name themselves differently in every trap's answers;
one node keeps its names across a restart; a name the operator sets wins (issue 13).

Each node is provisioned as ``honeymesh init`` does, with every trap table of the generated
configuration enabled (they name no host: the names are the node's own), and each trap is
built as the appliance builds it (``build_trap``, with the facts tap.py derives from the
node's identity and first start) and probed as scanners probe it: SSH's banner exchange,
Telnet's login and a shell's ``hostname``, HTTP's error page, the TLS and STARTTLS
certificates, SMTP's greeting and EHLO, FTP, Redis INFO, MySQL's greeting, DNS's SOA, NS,
version.bind and hostname.bind, SNMP's system group, SIP's OPTIONS and REGISTER. (The shell
over a real OpenSSH client shows the same names: test_real_clients.)
"""

from __future__ import annotations

import ipaddress
import re
import struct
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.x509.oid import NameOID
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.config import (
    Config,
    DnsTrapConfig,
    HttpTrapConfig,
    SmtpTrapConfig,
    SnmpTrapConfig,
    TelnetTrapConfig,
    TrapConfig,
    load_config,
)
from honeymesh.detection.traps import wordpress
from honeymesh.detection.traps.base import TrapFactory
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.registry import (
    FIRST_START_FILE,
    PERSONA_TLS_DIR,
    TrapContext,
    build_trap,
    load_first_start,
)
from honeymesh.detection.traps.telnet import REFUSING_CLIENT
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.provision import provision
from honeymesh.tap import TRAP_PERSONA_PURPOSE
from tests.detection.traps.test_node_facts import ATTACKER, resp
from tests.detection.traps.test_snmp import request as snmp_request

NOW = 1_780_000_000.0
Site = Literal["default", "wordpress", "phpmyadmin", "laravel"]
SHELL = [*REFUSING_CLIENT, b"root\r\n", b"root\r\n", b"hostname; uname -n; uname -a\r\n"]
SYSTEM: list[tuple[int, ...]] = [
    (1, 3, 6, 1, 2, 1, 1, n, 0) for n in (1, 4, 5, 6)
]  # sysDescr, Contact, Name, Location
BOOT = (1, 3, 6, 1, 2, 1, 25, 1, 4, 0)  # hrSystemInitialLoadParameters
#: What the defaults used to say on every node: none of it may be left.
OLD_DEFAULTS = ("example.net", "example.org", "web01", "Dock of the Bay", 'realm="asterisk"',
                "5b1c7c3e-2f4a", "APP_NAME=Intranet", "DB_DATABASE=intranet\n", "/intranet.git",
                "<title>Intranet</title>")  # fmt: skip


@dataclass
class Node:
    config: Config
    facts: NodeFacts

    def names(self) -> dict[str, str]:
        """The names this node shows and no other: each must differ between two nodes."""
        f = self.facts
        return {
            "host name": f.host_name,
            "domain": f.domain,
            "web host": f.web_host,
            "mail host": f.mail_host,
            "name server": f.name_server,
            "SNMP contact": f.contact,
            "SNMP location": f.location,
            "root UUID": f.root_uuid,
            "site title": f.site_title,
            "application": f.app_slug,
        }


def init(directory: Path) -> Node:
    """``honeymesh init`` in ``directory`` with every trap table of its configuration enabled,
    and the node's facts as tap.py derives them."""
    done = provision(directory)
    head, more, rest = done.config_path.read_text().partition("# More traps")
    traps, events, tail = rest.partition("## Events")
    traps = re.sub(r"(?m)^# (\[\[traps\]\]$|(name|type|ports|persona|server|site) = )", r"\1",
                   traps)  # fmt: skip
    done.config_path.write_text(head + more + traps + events + tail)
    config = load_config(done.config_path)
    assert {t.type for t in config.traps} >= {"ssh", "telnet", "tls", "dns", "snmp", "sip"}
    identity = NodeIdentity.load(directory / "identity.key")
    seed = identity.derive_secret(TRAP_PERSONA_PURPOSE)
    return Node(config, NodeFacts(seed, load_first_start(config.data_path(FIRST_START_FILE), NOW)))


def context(node: Node, at: float) -> TrapContext:
    clock = Clock()
    clock.advance(at)
    return TrapContext(
        clock=clock,
        publish=lambda event: None,
        data_path=node.config.data_path,
        node_cert=node.config.data_path(node.config.api.tls_cert),
        node_key=node.config.data_path(node.config.api.tls_key),
        facts=node.facts,
    )


def converse(trap: TrapConfig, node: Node, at: float, chunks: list[bytes]) -> str:
    """What the TCP trap said to one client that sent ``chunks``, on 198.51.100.4."""
    factory = build_trap(trap, context(node, at)).factory
    assert isinstance(factory, TrapFactory)
    proto = factory.buildProtocol(ATTACKER)
    assert proto is not None
    here = IPv4Address("TCP", "198.51.100.4", trap.ports[0])
    transport = StringTransport(hostAddress=here, peerAddress=ATTACKER)
    proto.makeConnection(transport)
    for chunk in chunks:
        proto.dataReceived(chunk)
    proto.finish("test")
    said: bytes = transport.value()
    return said.decode("utf-8", "replace")


def dns_text(reply: bytes) -> str:
    """A DNS reply as dig would list it (names decompressed): owner, type, data per record."""

    def name(pos: int) -> tuple[str, int]:
        labels, end, hops = [], 0, 0
        while (size := reply[pos]) != 0:
            if size & 0xC0:
                end, pos, hops = end or pos + 2, ((size & 0x3F) << 8) | reply[pos + 1], hops + 1
                assert hops < 64
                continue
            labels.append(reply[pos + 1 : pos + 1 + size].decode())
            pos += 1 + size
        return ".".join(labels) + ".", end or pos + 1

    counts = struct.unpack_from(">4H", reply, 4)
    pos, lines = 12, []
    for _ in range(counts[0]):
        owner, pos = name(pos)
        pos += 4
        lines.append(f"question {owner}")
    for _ in range(sum(counts[1:])):
        owner, pos = name(pos)
        rtype, _, _, size = struct.unpack_from(">HHIH", reply, pos)
        pos += 10
        data, rdata = reply[pos : pos + size], ""
        if rtype == 1:
            rdata = str(ipaddress.IPv4Address(data))
        elif rtype == 2:
            rdata = name(pos)[0]
        elif rtype == 6:
            mname, at = name(pos)
            rdata = f"{mname} {name(at)[0]}"
        elif rtype == 16:
            rdata = data[1 : 1 + data[0]].decode()
        lines.append(f"{owner} {rtype} {rdata}")
        pos += size
    return "\n".join(lines)


def dns_query(qname: str, qtype: int, qclass: int = 1) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in qname.split(".") if p) + b"\x00"
    return struct.pack(">6H", 0x4242, 0, 1, 0, 0, 0) + labels + struct.pack(">HH", qtype, qclass)


def common_name(path: Path) -> str:
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    value = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    return value if isinstance(value, str) else value.decode()


def datagram(trap: TrapConfig, node: Node, at: float, data: bytes) -> bytes:
    built = build_trap(trap, context(node, at))
    assert built.datagram is not None
    return built.datagram.responder.respond(data, "192.0.2.9").reply


def answers(node: Node, at: float = NOW + 86400) -> dict[str, str]:
    """Everything each trap of ``node`` tells a scanner, as text."""
    said: dict[str, str] = {}
    for trap in node.config.traps:

        def talk(chunks: list[bytes], trap: TrapConfig = trap) -> str:
            return converse(trap, node, at, chunks)

        match trap.type:
            case "ssh":
                said["ssh"] = talk([b"SSH-2.0-OpenSSH_9.2\r\n"])
            case "telnet":
                said["telnet"] = talk(SHELL)
            case "http":  # and the site's own pages, the decoy files of the Laravel site
                said["http"] = talk([b"GET /nope HTTP/1.0\r\n\r\n"])
                sites: list[tuple[Site, bytes]] = [
                    ("wordpress", b"/"), ("laravel", b"/.env"), ("laravel", b"/.git/config")
                ]  # fmt: skip
                for site, path in sites:
                    other = replace(trap, site=site)
                    said["http"] += talk([b"GET %s HTTP/1.0\r\n\r\n" % path], other)
            case "tls":  # plain HTTP on the TLS port: Apache's error page names the host
                said["tls"] = talk([b"GET / HTTP/1.0\r\n\r\n"])
                tls_dir = node.config.data_path(PERSONA_TLS_DIR)
                said["tls"] += "\nCN=" + common_name(tls_dir / f"{trap.name}.crt")
            case "smtp":
                said["smtp"] = talk([b"EHLO x\r\n", b"HELP\r\n", b"QUIT\r\n"])
                tls_dir = node.config.data_path(PERSONA_TLS_DIR)
                said["smtp"] += "\nCN=" + common_name(tls_dir / f"{trap.name}.crt")
            case "ftp":
                said["ftp"] = talk([b"USER anonymous\r\n", b"PASS x\r\n", b"SYST\r\n"])
            case "redis":
                said["redis"] = talk([resp(b"INFO")])
            case "mysql" | "banner":
                said[trap.type] = talk([])
            case "dns":
                zone = node.facts.domain  # what an attacker finds from SOA and NS queries
                queries = [
                    dns_query(zone, 6), dns_query(zone, 2), dns_query(node.facts.web_host, 1),
                    dns_query("version.bind", 16, 3), dns_query("hostname.bind", 16, 3),
                ]  # fmt: skip
                said["dns"] = "\n".join(dns_text(datagram(trap, node, at, q)) for q in queries)
            case "snmp":
                get = snmp_request(0xA0, b"public", [*SYSTEM, BOOT])
                said["snmp"] = datagram(trap, node, at, get).decode("latin-1")
            case "sip":
                said["sip"] = "".join(
                    datagram(trap, node, at, SIP.replace(b"OPTIONS", method)).decode()
                    for method in (b"OPTIONS", b"REGISTER")
                )
                # A Kamailio To tag ends in a CRC of the request alone (the same from every
                # kamailio); the node's own part is the 32 digits before it.
                said["sip"] = re.sub(r"(tag=[0-9a-f]{32})[.-][0-9a-f]{8}", r"\1", said["sip"])
    return said


SIP = (
    b"OPTIONS sip:100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK1\r\n"
    b"From: <sip:100@192.0.2.1>;tag=1\r\nTo: <sip:100@192.0.2.1>\r\nCall-ID: 1@x\r\n"
    b"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
)


def test_two_nodes_made_by_init_share_no_name_in_any_trap(tmp_path: Path) -> None:
    a, b = init(tmp_path / "a"), init(tmp_path / "b")
    said_a, said_b = answers(a), answers(b)
    assert set(said_a) == {"banner", "ssh", "telnet", "http", "tls", "ftp", "smtp", "redis",
                           "mysql", "dns", "sip", "snmp"}  # fmt: skip
    for node, said in ((a, said_a), (b, said_b)):
        f = node.facts
        host, web, mail = f.host_name, f.web_host, f.mail_host
        # Each trap shows the node's own names where the real server shows its names.
        assert f"{host} login: " in said["telnet"] and f"root@{host}:~# " in said["telnet"]
        assert f"\n{host}\n{host}\nLinux {host} " in said["telnet"].replace("\r\n", "\n")
        assert f"Server at {web} Port 80" in said["http"]
        assert f"<title>{f.site_title}</title>" in said["http"]  # WordPress's
        assert f'APP_NAME="{f.site_title}"' in said["http"]
        assert f"DB_DATABASE={f.app_slug}\n" in said["http"]
        assert f"/{f.app_slug}.git" in said["http"]
        assert f"Server at {web} Port 443" in said["tls"] and said["tls"].endswith(f"CN={web}")
        assert said["smtp"].startswith(f"220 {mail} ESMTP") and f"250-{mail}\r\n" in said["smtp"]
        assert said["smtp"].endswith(f"CN={mail}")
        assert said["banner"] == f"220 {mail} ESMTP Postfix (Debian/GNU)\r\n"
        assert f"{f.domain}. 6 {f.name_server}. hostmaster.{f.domain}." in said["dns"]
        assert f"{f.domain}. 2 {f.name_server}." in said["dns"]
        assert f"hostname.bind. 16 {host}" in said["dns"]
        assert f"{web}. 1 {f.neighbour('dns/web')}" in said["dns"]
        for value in (f"Linux {host} 6.1.0-28-amd64", f.contact, host, f.location, f.root_uuid):
            assert value in said["snmp"]
        # Kamailio's default configuration asks for no digest, so no realm; its To tags are
        # the node's own (the host-like words below differ between the nodes).
        assert "Server: kamailio (5.6.3 (x86_64/linux))" in said["sip"] and "tag=" in said["sip"]
        for trap, text in said.items():
            for old in OLD_DEFAULTS:
                assert old not in text, f"{trap} still says {old!r}"
    # And none of one node's names is in any answer of the other.
    for mine, theirs in ((a, said_b), (b, said_a)):
        for what, value in mine.names().items():
            for trap, text in theirs.items():
                assert value not in text, f"the other node's {trap} shows this one's {what}"
    # Nor any host-like word: SIP's tags and nonces, Redis's ids, DNS data, all differ.
    host_like = re.compile(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.?|[0-9a-f]{8,}")
    for trap in said_a:
        shared = set(host_like.findall(said_a[trap])) & set(host_like.findall(said_b[trap]))
        assert not {w for w in shared - SOFTWARE if w.strip("0")}, trap


#: Host-like words the same on every node by design: they name the persona's software (SSH
#: algorithm names, Debian's kernel, Redis's build and allocator, Postfix's size limit, the
#: DTD of Apache's error page, WordPress's API link, BIND's CHAOS names).
SOFTWARE = {"dropbear_2022.83", "openssh.com", "libssh.org", "matt.ucc.asn.au", "www.w3.org",
            "strict.dtd", "vmlinuz-6.1.0-28-amd64", "10240000", "ae4d7c971a948f0",
            "jemalloc-5.3.0", "redis.conf", "version.bind.", "hostname.bind.",
            "api.w.org"}  # fmt: skip
#: And the time (Redis's server_time_usec): the two nodes are asked at the same moment.
SOFTWARE.add(str(int(NOW + 86400) * 1_000_000))
#: And the words of WordPress's own home page, placeholders aside (its theme's CSS numbers,
#: its scripts' version hashes, s.w.org): Debian's WordPress 6.1.9 shows them on every site.
SOFTWARE |= set(re.findall(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.?|[0-9a-f]{8,}", wordpress.HOME))


def test_one_node_keeps_its_names_across_a_restart(tmp_path: Path) -> None:
    first = init(tmp_path)
    before = answers(first, at=NOW + 86400)
    again = Node(first.config, NodeFacts(first.facts.seed, load_first_start(
        first.config.data_path(FIRST_START_FILE), NOW + 90000)))  # fmt: skip
    after = answers(again, at=NOW + 90000)
    for what, value in first.names().items():
        for trap in before:
            assert before[trap].count(value) == after[trap].count(value), (trap, what)
    assert sum(value in text for value in first.names().values() for text in after.values()) > 8


def test_a_configured_name_wins_over_the_node_s_own(tmp_path: Path) -> None:
    node = init(tmp_path)
    at = NOW + 86400
    telnet = converse(TelnetTrapConfig(hostname="gw-7"), node, at, SHELL)
    assert "gw-7 login: " in telnet and node.facts.host_name not in telnet
    web = converse(HttpTrapConfig(hostname="www.example.com"), node, at,
                   [b"GET /nope HTTP/1.0\r\n\r\n"])  # fmt: skip
    assert "Server at www.example.com Port 80" in web and node.facts.web_host not in web
    smtp = converse(SmtpTrapConfig(hostname="mx.example.com", starttls=False), node, at, [])
    assert smtp.startswith("220 mx.example.com ESMTP")
    dns = DnsTrapConfig(zone="example.com", hostname="ns-a")
    soa = dns_text(datagram(dns, node, at, dns_query("example.com", 6)))
    ns = node.facts.name_server.split(".")[0]  # the node's own label, in the zone set
    assert f"example.com. 6 {ns}.example.com. hostmaster.example.com." in soa
    assert node.facts.domain not in soa
    hostname = dns_text(datagram(dns, node, at, dns_query("hostname.bind", 16, 3)))
    assert "hostname.bind. 16 ns-a" in hostname
    snmp = SnmpTrapConfig(sys_name="core-sw", sys_contact="noc@example.com", sys_location="R1")
    said = datagram(snmp, node, at, snmp_request(0xA0, b"public", SYSTEM)).decode("latin-1")
    assert all(v in said for v in ("Linux core-sw ", "noc@example.com", "core-sw", "R1"))


def test_the_names_are_plausible_and_never_someone_else_s_domain() -> None:
    label = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
    tlds = ("internal", "lan", "home.arpa", "corp", "intranet")
    for i in range(300):
        f = NodeFacts(b"seed %d" % i, NOW)
        assert all(label.match(part) for part in f.host_name.split("."))
        assert "." not in f.host_name and len(f.host_name) <= 63
        assert f.domain.endswith(tuple("." + t for t in tlds)), f.domain
        assert all(label.match(part) for part in f.domain.split("."))
        for host in (f.web_host, f.mail_host, f.name_server):
            assert host.endswith("." + f.domain) and host.count(".") == f.domain.count(".") + 1
        assert f.domain in f.contact and re.fullmatch(r"[0-9a-f-]{36}", f.root_uuid)


def test_snmp_uptime_is_the_node_s_own_and_grows_across_a_restart(tmp_path: Path) -> None:
    a, b = init(tmp_path / "a"), init(tmp_path / "b")
    snmp = next(t for t in a.config.traps if t.type == "snmp")
    get = snmp_request(0xA0, b"public", [(1, 3, 6, 1, 2, 1, 25, 1, 1, 0)])  # hrSystemUptime

    def uptime(node: Node, at: float) -> int:
        reply = datagram(snmp, node, at, get)
        # The last value: TimeTicks (tag 0x43, length, hundredths), ending the reply.
        (size,) = [n for n in range(1, 6) if reply[-n - 2 : -n] == bytes([0x43, n])]
        return int.from_bytes(reply[-size:])

    at = NOW + 86400
    assert uptime(a, at) == int((at - a.facts.boot_time) * 100)  # as the shell's uptime
    assert uptime(a, at) != uptime(b, at)
    assert uptime(a, at + 7200) - uptime(a, at) == 720000  # a restart: still counting
