"""Dialogues and responders with test personas, shared by the dialogue tests and fuzzing."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from twisted.internet.task import Clock

from honeymesh.detection.traps.base import Dialogue, Finding, Step
from honeymesh.detection.traps.dns import DnsResponder, parse_records
from honeymesh.detection.traps.ftp import FtpDialogue, FtpSettings
from honeymesh.detection.traps.http import HttpDialogue, HttpSettings, plain_http_on_tls_port
from honeymesh.detection.traps.mysql import MysqlDialogue, MysqlSettings
from honeymesh.detection.traps.redis import RedisDialogue, RedisSettings
from honeymesh.detection.traps.shell import ShellPersona
from honeymesh.detection.traps.sip import KamailioResponder
from honeymesh.detection.traps.smtp import SmtpDialogue, SmtpSettings
from honeymesh.detection.traps.snmp import SnmpResponder, SnmpSettings
from honeymesh.detection.traps.ssh import SshDialogue, SshHostKeys, SshSettings
from honeymesh.detection.traps.telnet import TelnetDialogue, TelnetSettings
from honeymesh.detection.traps.tls import TlsDialogue, server_context
from honeymesh.detection.traps.tls_profiles import APACHE
from honeymesh.detection.traps.udp import Responder

NOW = 1_764_000_000.0
PERSONA = ShellPersona("web01", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)")
WEAK = frozenset({("root", "root"), ("admin", "admin")})
HTTP = HttpSettings(
    server="Apache/2.4.62 (Debian)",
    powered_by="PHP/8.2.24",
    hostname="intranet.example.net",
    title="Intranet",
    max_body=1024,
)


def now() -> float:
    return NOW


@dataclass
class Talk:
    """Everything a dialogue said and reported across several receives."""

    replies: list[bytes] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    closed: bool = False
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def output(self) -> bytes:
        return b"".join(self.replies)

    def found(self, event_id: str) -> list[dict[str, object]]:
        return [dict(d) for e, d in self.findings if e == event_id]

    def add(self, step: Step) -> None:
        self.replies.append(step.reply)
        self.findings.extend(step.findings)
        self.detail.update(step.detail)
        self.closed = self.closed or step.close


def talk(dialogue: Dialogue, *chunks: bytes) -> Talk:
    """Start ``dialogue``, feed it ``chunks`` until it closes, stop it. A step that kept input
    back (``Step.more``: a failed login's pause) is asked again, as ``TrapProtocol`` does."""
    result = Talk()
    result.add(dialogue.start())
    for chunk in chunks:
        step = dialogue.receive(chunk) if not result.closed else None
        while step is not None:
            result.add(step)
            step = dialogue.receive(b"") if step.more and not result.closed else None
            if step is not None and not (step.reply or step.findings or step.close or step.more):
                step = None  # the pause is over, and nothing came meanwhile
    dialogue.stop()
    return result


def ssh_keys(directory: Path) -> SshHostKeys:
    return SshHostKeys.load_or_create(directory)


def tcp_dialogues(tmp: Path) -> dict[str, Callable[[], Dialogue]]:
    """A fresh dialogue of every TCP trap type (host keys and a certificate under ``tmp``)."""
    from honeymesh.certs import write_self_signed  # noqa: PLC0415 - only where needed

    cert, key = tmp / "t.crt", tmp / "t.key"
    if not cert.exists():
        write_self_signed(cert, key)
    context = server_context(str(cert), str(key), APACHE, alpn=["http/1.1"])
    keys = ssh_keys(tmp / "ssh")
    ssh = SshSettings(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", PERSONA, WEAK, keys)
    ids = itertools.count(1)
    mysql = MysqlSettings("8.0.40", WEAK, lambda: next(ids), random_bytes=lambda n: b"\x01" * n)
    return {
        "ssh": lambda: SshDialogue(ssh, Clock()),
        "telnet": lambda: TelnetDialogue(TelnetSettings(b"Debian\r\n", PERSONA, WEAK), now),
        "http": lambda: HttpDialogue(HTTP, now),
        "tls": lambda: TlsDialogue(
            context, HttpDialogue(HTTP, now), lambda: plain_http_on_tls_port(HTTP, now)
        ),
        "ftp": lambda: FtpDialogue(FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK)),
        "smtp": lambda: SmtpDialogue(
            SmtpSettings("mail.example.net", "ESMTP Postfix (Debian/GNU)", 1024), now
        ),
        "redis": lambda: RedisDialogue(RedisSettings("7.0.15", "Linux", ""), now),
        "mysql": lambda: MysqlDialogue(mysql, "192.0.2.7"),
    }


def responders() -> dict[str, Responder]:
    records = parse_records(["example.net=192.0.2.10", "www.example.net=2001:db8::10"])
    snmp = SnmpSettings(
        communities=frozenset({b"public"}),
        sys_descr="Linux web01",
        sys_object_id=(1, 3, 6, 1, 4, 1, 8072, 3, 2, 10),
        sys_name="web01",
        sys_contact="root@localhost",
        sys_location="Server Room",
    )
    return {
        "dns": DnsResponder(records, 300),
        # Every address is this host's, so requests reach the registrar as well as routing.
        "sip": KamailioResponder(b"node seed", lambda host: True, now),
        "snmp": SnmpResponder(snmp, now),
    }
