"""Nothing an attacker can read names the product: every trap type in one real daemon, probed
as scanners and attackers probe them (banners, errors, help texts, shell output, server info,
TLS certificates), and the TLS-speaking traps serve their persona's certificate, never the
admin API's (issue 13: port 443 served ``CN=HoneyMesh on <host>``)."""

from __future__ import annotations

import socket
import ssl
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID

from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.telnet import REFUSING_CLIENT
from honeymesh.tap import TRAP_PERSONA_PURPOSE

from ..nodes import make_node
from .daemon import Daemon, free_port

TCP = ("ssh", "telnet", "http", "tls", "ftp", "smtp", "redis", "mysql")
UDP = ("dns", "sip", "snmp")


def exchange(port: int, lines: list[bytes], *, wrap: bool = False) -> bytes:
    """Connect, read, send each line and read after it; everything the trap said."""
    got = bytearray()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as plain:
        sock: socket.socket = plain
        if wrap:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(plain)
        # Only a greeting to read: wait for it as long as a loaded machine may take, then
        # 0.25 s of quiet ends each answer.
        sock.settimeout(0.25 if lines else 3.0)
        for line in [b"", *lines]:
            if line:
                sock.sendall(line)
            while True:
                try:
                    chunk = sock.recv(65536)
                except (TimeoutError, ssl.SSLError, OSError):
                    break
                if not chunk:
                    break
                got += chunk
                sock.settimeout(0.25)
    return bytes(got)


def served_cert(port: int, starttls: bool = False) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as plain:
        if starttls:
            plain.recv(1024)
            plain.sendall(b"EHLO x\r\n")
            plain.recv(4096)
            plain.sendall(b"STARTTLS\r\n")
            assert plain.recv(1024).startswith(b"220 ")
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with context.wrap_socket(plain) as tls:
            der = tls.getpeercert(binary_form=True)
    assert der is not None
    return der


def datagram(port: int, payload: bytes) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(2)
        s.sendto(payload, ("127.0.0.1", port))
        try:
            return s.recv(65536)
        except TimeoutError:
            return b""


def dns_query(name: str, qtype: int, qclass: int = 1) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    return (
        struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
        + labels
        + struct.pack("!HH", qtype, qclass)
    )


def cn(der: bytes) -> str:
    name = x509.load_der_x509_certificate(der).subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(name[0].value)


HTTP = [
    b"GET / HTTP/1.1\r\nHost: www.victim.example\r\n\r\n",
    b"GET /nonexistent.php HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"BOGUS / HTTP/1.1\r\n\r\n",
]
SHELL = [
    *REFUSING_CLIENT,  # the option answers, each read after (exchange reads after each line)
    b"root\r\n",
    b"root\r\n",
    b"uname -a; hostname; cat /etc/motd /etc/issue\r\n",
    b"ps aux; w; last; cat /proc/version; ls -la /; env; nosuchcmd\r\n",
]
FTP = [b"SYST\r\n", b"FEAT\r\n", b"HELP\r\n", b"USER anonymous\r\n", b"STAT\r\n", b"QUIT\r\n"]
SMTP = [b"EHLO x\r\n", b"HELP\r\n", b"VRFY root\r\n", b"NOSUCH\r\n", b"QUIT\r\n"]
REDIS = [b"INFO\r\n", b"CLIENT LIST\r\n", b"CONFIG GET *\r\n", b"HELLO 3\r\n", b"NOSUCH\r\n"]
SIP_OPTIONS = (
    b"OPTIONS sip:100@127.0.0.1 SIP/2.0\r\n"
    b"Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK1\r\n"
    b"From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\nCall-ID: 1@x\r\n"
    b"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
)


def snmpwalk(port: int) -> bytes:
    argv = ["snmpwalk", "-v2c", "-c", "public", "-t", "1", "-r", "0", f"127.0.0.1:{port}"]
    return subprocess.run(
        [*argv, "1.3.6.1.2.1.1"], capture_output=True, timeout=20, check=False
    ).stdout


def probes_for(ports: dict[str, int], zone: str) -> dict[str, Callable[[], bytes]]:
    """Per trap, what scanners and attackers send, and everything it answers; ``zone``: the
    one the DNS trap serves."""

    def each(name: str, probes: list[bytes], *, wrap: bool = False) -> bytes:
        return b"".join(exchange(ports[name], [p], wrap=wrap) for p in probes)

    return {
        "ssh": lambda: exchange(ports["ssh"], [b"SSH-2.0-OpenSSH_9.2\r\n"]),
        "telnet": lambda: exchange(ports["telnet"], SHELL),
        "http": lambda: each("http", HTTP),
        "tls": lambda: each("tls", HTTP, wrap=True) + served_cert(ports["tls"]),
        "ftp": lambda: exchange(ports["ftp"], FTP),
        "smtp": lambda: exchange(ports["smtp"], SMTP) + served_cert(ports["smtp"], starttls=True),
        "redis": lambda: exchange(ports["redis"], REDIS),
        "mysql": lambda: exchange(ports["mysql"], []),
        "dns": lambda: b"".join(
            datagram(ports["dns"], dns_query(*q))
            for q in (("version.bind", 16, 3), ("hostname.bind", 16, 3), (zone, 1))
        ),
        "sip": lambda: datagram(ports["sip"], SIP_OPTIONS),
        "snmp": lambda: snmpwalk(ports["snmp"]),
    }


def test_no_trap_names_the_product_and_tls_traps_serve_their_personas_certificate(
    tmp_path: Path,
) -> None:
    ports = {name: free_port() for name in (*TCP, *UDP)}
    traps = "".join(
        f'\n[[traps]]\nname = "{name}"\ntype = "{name}"\nports = [{port}]\nbind = ["127.0.0.1"]\n'
        for name, port in ports.items()
    )
    node = make_node(tmp_path / "var", api_port=free_port(), extra=traps)
    daemon = Daemon(node, tmp_path)
    try:
        daemon.wait_ready()
        admin = ssl.PEM_cert_to_DER_cert(
            node.config.data_path(node.config.api.tls_cert).read_text()
        )
        # The persona's names: this node's own, from its identity (no trap sets one).
        own = NodeFacts(node.identity.derive_secret(TRAP_PERSONA_PURPOSE), 0.0)
        probes = probes_for(ports, own.domain)
        said = {name: probe() for name, probe in probes.items()}
        tls_cert = served_cert(ports["tls"])
        smtp_cert = served_cert(ports["smtp"], starttls=True)
    finally:
        if daemon.proc.poll() is None:
            daemon.stop()
    for name, answer in said.items():
        assert answer, f"{name} said nothing: the probe did not reach it"
        assert b"honeymesh" not in answer.lower(), f"{name} names the product: {answer!r}"
    assert tls_cert != admin and smtp_cert != admin
    assert cn(tls_cert) == own.web_host  # the web persona's host
    assert cn(smtp_cert) == own.mail_host  # the mail persona's host
