"""sslscan of the TLS-speaking traps against the real servers they claim to be.

A TLS scanner (sslscan here; testssl, nmap's ssl-enum-ciphers and the internet-wide scanners
ask the same questions) lists the protocol versions a server accepts, every cipher suite and
who chooses among them, the key-exchange groups and Diffie-Hellman sizes, the signature
algorithms and renegotiation. The trap must answer every one of them as Debian's apache2
(default-ssl) and Postfix (STARTTLS) do: the whole report is diffed, only the port, the
certificate's names and its dates (per host) normalised.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor

from tests.e2e.daemon import Daemon
from tests.fidelity import harness
from tests.fidelity.harness import Apache, Rule

RULES = [
    Rule("the port scanned", r"on port \d+ ", "on port PORT "),
    Rule("the certificate's host name", r"^(Subject|Altnames|Issuer): +(DNS:)?\S+$", r"\1: NAME"),
    Rule("the certificate's dates", r"^(Not valid (before|after)): .*$", r"\1: DATE"),
]


def sslscan(*args: str) -> bytes:
    out = subprocess.run(
        ["sslscan", "--no-colour", "--show-sigs", *args],
        capture_output=True, timeout=180, check=True,
    ).stdout  # fmt: skip
    assert b"Accepted" in out, out  # a scan that reached nothing would diff equal to another
    return out


def scan_both(real: list[str], trap: list[str]) -> tuple[bytes, bytes]:
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda argv: sslscan(*argv), (real, trap))
    return a, b


def test_the_tls_trap_scans_as_apache_default_ssl(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = scan_both(
        [f"127.0.0.1:{real_apache.tls_port}"], [f"127.0.0.1:{trap_ports['tls']}"]
    )
    harness.diff("sslscan of default-ssl", real, trap, RULES)


def test_the_smtp_trap_starttls_scans_as_postfix(
    real_postfix: harness.RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = scan_both(
        ["--starttls-smtp", f"127.0.0.1:{real_postfix.port}"],
        ["--starttls-smtp", f"127.0.0.1:{trap_ports['smtp']}"],
    )
    harness.diff("sslscan --starttls-smtp", real, trap, RULES)
