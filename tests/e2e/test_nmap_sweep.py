"""nmap's service detection over every trap type at once, as an attacker's first sweep of a node.

One real ``twistd -n honeymesh`` runs one trap of every type the configuration knows
(``config.TRAP_TYPES``), default personas, on free loopback ports; ``nmap -sV`` (TCP) and
``nmap -sU -sV`` (UDP) scan them all, and each port must be named as the software its persona
claims, by nmap's own fingerprints (nmap 7.93, Debian 12: the `looks like` column of
docs/TRAPS.md). Where the name or the version comes from a persona setting, the expectation is
read from that setting's default, so a changed default changes the test with it.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from honeymesh.config import (
    TRAP_TYPES,
    DnsTrapConfig,
    FtpTrapConfig,
    HttpTrapConfig,
    MysqlTrapConfig,
    RedisTrapConfig,
    SipTrapConfig,
    SshTrapConfig,
)
from honeymesh.detection.traps.ssh import PERSONAS as SSH_PERSONAS
from tests.e2e.daemon import Daemon, free_port
from tests.nodes import make_node

#: Every probe bounded, the whole scan too (nmap's default intensity, 7).
BOUNDS = ("--max-retries", "1", "--host-timeout", "240s")

UDP_TYPES = ("dns", "sip", "snmp")

#: Each trap type's own port. nmap sends a rare probe only to its service's ports (Redis's INFO,
#: rarity 8, only to 6379); the traps here listen on free ports, so nmap's probe file is given
#: each trap's port wherever it lists the service's own (``own_ports``), and nmap probes each
#: trap as it would on its real port.
OWN_PORT = {"ssh": 22, "telnet": 23, "http": 80, "tls": 443, "ftp": 21, "smtp": 25, "banner": 25,
            "redis": 6379, "mysql": 3306, "dns": 53, "sip": 5060, "snmp": 161}  # fmt: skip
PROBES = Path("/usr/share/nmap/nmap-service-probes")


def default(config: type[object], name: str) -> str:
    """A persona setting's default, read from the configuration class itself."""
    found = next(f for f in dataclasses.fields(config) if f.name == name)  # type: ignore[arg-type]
    value = found.default
    assert isinstance(value, str), f"{config.__name__}.{name} has no text default"
    return value


def version_in(text: str) -> str:
    """The first dotted version number in a persona's text (``Apache/2.4.71 (Debian)``)."""
    found = re.search(r"\d+(?:\.\d+)+", text)
    assert found is not None, text
    return found.group()


@dataclasses.dataclass(frozen=True)
class Seen:
    """What nmap said of one port."""

    state: str
    name: str
    product: str
    version: str
    extrainfo: str
    tunnel: str

    def line(self) -> str:
        name = f"{self.tunnel}/{self.name}" if self.tunnel else self.name
        return " ".join(p for p in (name, self.product, self.version, self.extrainfo) if p)


def listed(ports: str, port: int) -> bool:
    """Is ``port`` in a probe's ``ports`` list (``21,23,1040-1043``)?"""
    for item in ports.split(","):
        low, _, high = item.partition("-")
        if low.isdigit() and int(low) <= port <= int(high or low):
            return True
    return False


def own_ports(datadir: Path, ports: dict[str, int]) -> Path:
    """nmap's service probes with each trap's port added where its service's port is listed."""
    out = []
    for line in PROBES.read_text(encoding="latin-1").splitlines():
        key, _, value = line.partition(" ")
        if key in ("ports", "sslports"):
            extra = sorted({ports[k] for k, own in OWN_PORT.items() if listed(value, own)})
            line = ",".join([value, *map(str, extra)])
            line = f"{key} {line}"
        out.append(line)
    datadir.mkdir(exist_ok=True)
    (datadir / "nmap-service-probes").write_text("\n".join(out) + "\n", encoding="latin-1")
    return datadir


def start_scan(argv: list[str], datadir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["nmap", *argv, "-Pn", "-n", *BOUNDS, "--datadir", str(datadir), "-oX", "-", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def finish_scan(scan: subprocess.Popen[bytes]) -> dict[int, Seen]:
    try:
        out, err = scan.communicate(timeout=300)
    finally:
        if scan.poll() is None:
            scan.kill()
            scan.wait()
    assert scan.returncode == 0, err.decode(errors="replace")
    seen: dict[int, Seen] = {}
    for port in ET.fromstring(out).iter("port"):
        state = port.find("state")
        service = port.find("service")
        attrs = service.attrib if service is not None else {}
        seen[int(port.attrib["portid"])] = Seen(
            state.attrib["state"] if state is not None else "",
            attrs.get("name", ""),
            attrs.get("product", ""),
            attrs.get("version", ""),
            attrs.get("extrainfo", ""),
            attrs.get("tunnel", ""),
        )
    return seen


@pytest.fixture(scope="module")
def ports() -> dict[str, int]:
    """A free loopback port per trap type (DNS: UDP and TCP on the same one)."""
    return {kind: free_port() for kind in TRAP_TYPES}


@pytest.fixture(scope="module")
def node_daemon(
    tmp_path_factory: pytest.TempPathFactory, ports: dict[str, int]
) -> Iterator[Daemon]:
    where: Path = tmp_path_factory.mktemp("sweep")
    # The provisioned configuration has the banner trap; one more table per other type.
    extra = "".join(
        f'\n[[traps]]\nname = "{kind}"\ntype = "{kind}"\nports = [{port}]\nbind = ["127.0.0.1"]\n'
        for kind, port in ports.items()
        if kind != "banner"
    )
    node = make_node(where / "var", api_port=free_port(), trap_ports=(ports["banner"],),
                     extra=extra)  # fmt: skip
    d = Daemon(node, where)
    try:
        d.wait_ready()
        yield d
    finally:
        if d.proc.poll() is None:
            d.stop()


@pytest.fixture(scope="module")
def scans(
    node_daemon: Daemon, ports: dict[str, int], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Seen], dict[str, Seen]]:
    """``nmap -sV`` of the TCP ports and ``nmap -sU -sV`` of the UDP ones, run side by side;
    what nmap said of each port is printed, as its own output names it."""
    datadir = own_ports(tmp_path_factory.mktemp("nmap"), ports)
    on_tcp = {k: p for k, p in ports.items() if k not in ("sip", "snmp")}
    on_udp = {k: ports[k] for k in UDP_TYPES}
    tcp_scan = start_scan(["-sV", "-p", ",".join(map(str, sorted(on_tcp.values())))], datadir)
    udp_scan = start_scan(["-sU", "-sV", "-p", ",".join(map(str, sorted(on_udp.values())))],
                          datadir)  # fmt: skip
    tcp_seen, udp_seen = finish_scan(tcp_scan), finish_scan(udp_scan)
    for proto, chosen, seen in (("tcp", on_tcp, tcp_seen), ("udp", on_udp, udp_seen)):
        for kind, port in sorted(chosen.items()):
            found = seen.get(port, Seen("not reported", "", "", "", "", ""))
            print(f"{port}/{proto}  {kind:8} {found.state:6} {found.line()}")
    return (
        {k: tcp_seen[p] for k, p in on_tcp.items() if p in tcp_seen},
        {k: udp_seen[p] for k, p in on_udp.items() if p in udp_seen},
    )


@pytest.fixture(scope="module")
def tcp(scans: tuple[dict[str, Seen], dict[str, Seen]]) -> dict[str, Seen]:
    return scans[0]


@pytest.fixture(scope="module")
def udp(scans: tuple[dict[str, Seen], dict[str, Seen]]) -> dict[str, Seen]:
    return scans[1]


def expected_name(kind: str) -> tuple[str, str, str]:
    """What nmap must call the default persona of ``kind``: (service, product, version), the
    version read from the persona's own default where it has one."""
    # b"SSH-2.0-dropbear_2022.83": the software's version, not the protocol's
    ssh_version = SSH_PERSONAS[default(SshTrapConfig, "persona")][0].decode().split("-", 2)[2]
    apache = version_in(default(HttpTrapConfig, "server"))
    table = {
        "ssh": ("ssh", "Dropbear sshd", version_in(ssh_version)),
        "http": ("http", "Apache httpd", apache),
        "tls": ("http", "Apache httpd", apache),  # inside TLS: ssl/http (check_tls)
        "ftp": ("ftp", "vsftpd", version_in(default(FtpTrapConfig, "banner"))),
        "smtp": ("smtp", "Postfix smtpd", ""),
        "banner": ("smtp", "Postfix smtpd", ""),  # the default banner: Postfix's greeting
        "redis": ("redis", "Redis key-value store", default(RedisTrapConfig, "version")),
        "snmp": ("snmp", "SNMPv1 server; net-snmp SNMPv3 server", ""),
    }
    return table[kind]


def test_every_trap_type_is_swept() -> None:
    """A new trap type gets its row here, or this fails."""
    assert set(TRAP_TYPES) == {*CHECKS}


def check_table(kind: str, seen: Seen) -> None:
    assert (seen.name, seen.product, seen.version) == expected_name(kind)


def check_tls(kind: str, seen: Seen) -> None:
    """On its own port (443) nmap speaks TLS first and names the Apache inside."""
    assert seen.tunnel == "ssl"
    check_table(kind, seen)


def check_dns(kind: str, seen: Seen) -> None:
    """version.bind's text, as nmap splits BIND's: ``9.18.49-1~deb12u3`` and ``Debian Linux``."""
    configured = default(DnsTrapConfig, "version")
    assert (seen.name, seen.product) == ("domain", "ISC BIND")
    assert seen.version and configured.startswith(seen.version)


def check_mysql(kind: str, seen: Seen) -> None:
    """nmap calls MySQL and MariaDB alike ``MySQL`` and shows the greeting's version, which
    holds the configured one (MariaDB's greeting prefixes 5.5.5- and suffixes its build)."""
    assert (seen.name, seen.product) == ("mysql", "MySQL")
    assert default(MysqlTrapConfig, "version") in seen.version


def check_sip(kind: str, seen: Seen) -> None:
    """The software and version of the persona (``kamailio-5.6.3``): nmap names Asterisk by
    its own rule (``Asterisk PBX`` and the version), Kamailio by its Server header."""
    software, version = default(SipTrapConfig, "persona").rsplit("-", 1)
    assert seen.name in ("sip", "sip-proxy")
    assert software in seen.product.lower()
    assert version in f"{seen.product} {seen.version}"


def check_telnet(kind: str, seen: Seen) -> None:
    """Telnet has no version to claim: nmap tells the Linux telnetds by their option
    negotiation, netkit's as ``Linux telnetd``, Debian's inetutils-telnetd 2.4 by none
    (measured: nmap 7.93 names the real one ``telnet`` with no product)."""
    assert seen.name == "telnet" and seen.product in ("Linux telnetd", "")


Check = Callable[[str, Seen], None]
CHECKS: dict[str, Check] = {
    **dict.fromkeys(("ssh", "http", "ftp", "smtp", "banner", "redis", "snmp"), check_table),
    "tls": check_tls,
    "dns": check_dns,
    "mysql": check_mysql,
    "sip": check_sip,
    "telnet": check_telnet,
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(TRAP_TYPES))
def test_nmap_names_the_trap_as_its_persona(
    kind: str, tcp: dict[str, Seen], udp: dict[str, Seen]
) -> None:
    seen = (udp if kind in UDP_TYPES and kind != "dns" else tcp).get(kind)
    assert seen is not None, f"nmap reported nothing of the {kind} trap"
    assert seen.state == "open"
    CHECKS[kind](kind, seen)


def test_dns_is_named_alike_over_udp_and_tcp(tcp: dict[str, Seen], udp: dict[str, Seen]) -> None:
    assert udp["dns"].line() == tcp["dns"].line()
