"""The login grace: a client that has not logged in within it is cut off, however it keeps the
connection busy, as OpenSSH's LoginGraceTime and login's LOGIN_TIMEOUT do.

Each trap is built from its configuration (so the default and the wiring are under test too)
and driven through its ``TrapProtocol`` with a fake clock: the slow drip sends one byte every
five seconds, never idle long enough for the idle timeout, never finishing a login.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.config import (
    FtpTrapConfig,
    HttpTrapConfig,
    MysqlTrapConfig,
    RedisTrapConfig,
    SmtpTrapConfig,
    SshTrapConfig,
    TelnetTrapConfig,
    TrapConfig,
)
from honeymesh.detection.traps.base import TrapFactory, TrapProtocol
from honeymesh.detection.traps.facts import PLACEHOLDER_FACTS
from honeymesh.detection.traps.registry import TrapContext, build_trap
from honeymesh.detection.traps.ssh import SshDialogue
from honeymesh.detection.traps.telnet import REFUSING_CLIENT
from honeymesh.events import Event, EventId, Observation

DRIP_EVERY = 5.0
SESSION = 600.0  # far beyond every grace: what cuts the drip is the grace, or nothing


class Session:
    """One client connection to a trap built from ``config``, on a fake clock."""

    def __init__(self, config: TrapConfig, tmp_path: Path) -> None:
        self.clock = Clock()
        self.events: list[Event] = []
        context = TrapContext(
            clock=self.clock,
            publish=self.events.append,
            data_path=lambda p: tmp_path / p,
            node_cert=tmp_path / "unused.crt",
            node_key=tmp_path / "unused.key",
        )
        factory = build_trap(config, context).factory
        assert isinstance(factory, TrapFactory)
        addr = IPv4Address("TCP", "192.0.2.9", 40000)
        proto = factory.buildProtocol(addr)
        assert proto is not None
        self.proto: TrapProtocol = proto
        self.transport = StringTransport(
            hostAddress=IPv4Address("TCP", "198.51.100.1", 2323), peerAddress=addr
        )
        proto.makeConnection(self.transport)

    @property
    def ended(self) -> bool:
        return self.proto.closed_by is not None

    def send(self, data: bytes) -> None:
        self.proto.dataReceived(data)
        self.clock.advance(0)  # a held reply (FTP's pause after a failed login) is not at issue

    def drip(self, data: bytes, *, until: float) -> None:
        """One byte of ``data`` (repeated) every DRIP_EVERY seconds until the session ends or
        the clock reaches ``until``."""
        for byte in _forever(data):
            if self.ended or self.clock.seconds() >= until:
                return
            self.clock.advance(DRIP_EVERY)
            if not self.ended:
                self.proto.dataReceived(bytes([byte]))

    def record(self) -> Observation:
        """The session's one ``trap.session`` record (after hanging up if it is still open)."""
        self.proto.connectionLost()
        sessions = [
            e
            for e in self.events
            if isinstance(e, Observation) and e.event_id == EventId.TRAP_SESSION
        ]
        assert len(sessions) == 1
        assert self.clock.getDelayedCalls() == []  # no timer left behind
        return sessions[0]


def _forever(data: bytes) -> Iterator[int]:
    while True:
        yield from data


def _mysql_drip() -> bytes:
    """A login packet announced as 200 bytes, then its body a byte at a time."""
    return (200).to_bytes(3, "little") + b"\x01" + b"\x00" * 200


# What each kind drips: never a complete login line, packet or SSH identification.
LoginTrap = SshTrapConfig | TelnetTrapConfig | FtpTrapConfig | RedisTrapConfig | MysqlTrapConfig
DRIPS: dict[str, tuple[LoginTrap, bytes, float]] = {
    "ssh": (SshTrapConfig(session_timeout=SESSION), b".", 300.0),  # Dropbear's AUTH_TIMEOUT
    "telnet": (TelnetTrapConfig(session_timeout=SESSION), b"r", 60.0),  # LOGIN_TIMEOUT
    "ftp": (FtpTrapConfig(session_timeout=SESSION), b"U", 120.0),
    "redis": (
        RedisTrapConfig(session_timeout=SESSION, password="s3cret"),
        b"P",
        120.0,
    ),
    "mysql": (MysqlTrapConfig(session_timeout=SESSION), _mysql_drip(), 10.0),  # connect_timeout
}


@pytest.mark.parametrize("kind", sorted(DRIPS))
def test_a_slow_drip_that_never_logs_in_is_cut_at_the_login_grace(
    kind: str, tmp_path: Path
) -> None:
    config, drip, grace = DRIPS[kind]
    assert config.idle_timeout > DRIP_EVERY  # the idle timeout never fires for this client
    session = Session(config, tmp_path)
    session.drip(drip, until=SESSION)
    assert session.transport.disconnecting
    record = session.record()
    assert record.detail["closed_by"] == "login_grace"
    assert record.detail["duration"] == grace  # the default, where the real server's is


def test_the_grace_is_configurable(tmp_path: Path) -> None:
    session = Session(TelnetTrapConfig(session_timeout=SESSION, login_grace=25.0), tmp_path)
    session.drip(b"r", until=SESSION)
    record = session.record()
    assert (record.detail["closed_by"], record.detail["duration"]) == ("login_grace", 25.0)


def test_a_telnet_client_that_logged_in_outlives_the_grace(tmp_path: Path) -> None:
    session = Session(TelnetTrapConfig(session_timeout=SESSION), tmp_path)
    for answer in REFUSING_CLIENT:  # the option answers; then the login prompt
        session.send(answer)
    session.send(b"root\r\n")
    session.send(b"root\r\n")
    prompt = f"root@{PLACEHOLDER_FACTS.host_name}:~# ".encode()
    assert prompt in session.transport.value()  # the shell prompt: logged in
    session.drip(b"l", until=300.0)
    assert not session.ended
    assert session.record().detail["closed_by"] == "client"


def test_telnet_at_the_login_prompt_gets_logins_timeout_message(tmp_path: Path) -> None:
    """As login(1) after LOGIN_TIMEOUT: its words, then a close (FIN), not the trap's reset."""
    session = Session(TelnetTrapConfig(session_timeout=SESSION), tmp_path)
    for answer in REFUSING_CLIENT:
        session.send(answer)
    assert session.transport.value().endswith(b" login: ")
    session.clock.advance(59.0)
    assert not session.ended
    session.clock.advance(1.0)
    assert session.transport.value().endswith(b"\r\nLogin timed out after 60 seconds.\r\n")
    assert session.transport.disconnecting and not session.transport.disconnected
    assert session.record().detail["closed_by"] == "login_grace"


def test_telnet_before_login_is_reset_at_the_grace(tmp_path: Path) -> None:
    """telnetd would wait for the option answers forever; the trap's limit is a reset."""
    session = Session(TelnetTrapConfig(session_timeout=SESSION), tmp_path)
    session.clock.advance(60.0)
    assert session.transport.disconnected  # aborted
    assert b"Login timed out" not in session.transport.value()


def test_an_ftp_user_that_logged_in_outlives_the_grace(tmp_path: Path) -> None:
    config = FtpTrapConfig(session_timeout=SESSION, credentials=("ftpuser:ftpuser",))
    session = Session(config, tmp_path)
    session.send(b"USER ftpuser\r\nPASS ftpuser\r\n")
    assert b"230 Login successful." in session.transport.value()
    session.drip(b"N", until=300.0)
    assert not session.ended


def test_a_failed_ftp_login_does_not_restart_the_grace(tmp_path: Path) -> None:
    session = Session(FtpTrapConfig(session_timeout=SESSION), tmp_path)
    for _ in range(2):  # two failures: vsftpd's limit of 3 is not reached
        session.clock.advance(12)
        session.send(b"USER root\r\nPASS toor\r\n")
        session.clock.advance(3)  # vsftpd's pause after a failed login
    session.drip(b"U", until=SESSION)
    record = session.record()
    assert (record.detail["closed_by"], record.detail["duration"]) == ("login_grace", 120.0)


def test_an_authenticated_redis_client_outlives_the_grace(tmp_path: Path) -> None:
    config = RedisTrapConfig(session_timeout=SESSION, password="s3cret")
    session = Session(config, tmp_path)
    session.send(b"AUTH s3cret\r\n")
    assert session.transport.value() == b"+OK\r\n"
    session.drip(b"P", until=300.0)
    assert not session.ended


def test_a_redis_without_password_has_nothing_to_log_in_to(tmp_path: Path) -> None:
    session = Session(RedisTrapConfig(session_timeout=SESSION), tmp_path)
    session.drip(b"P", until=300.0)
    assert not session.ended


def test_ssh_reports_the_login_that_ends_its_grace(tmp_path: Path) -> None:
    """The SSH dialogue says ``logged_in`` once a weak password opened the shell (here the
    login is handed to it as Conch's authentication would: a full client is in
    test_real_clients)."""
    session = Session(SshTrapConfig(session_timeout=SESSION), tmp_path)
    dialogue = session.proto.dialogue
    assert isinstance(dialogue, SshDialogue)
    assert dialogue.saw_password(b"root", b"root")
    session.drip(b".", until=300.0)
    assert not session.ended


@pytest.mark.parametrize(
    "config",
    [SmtpTrapConfig(session_timeout=SESSION), HttpTrapConfig(session_timeout=SESSION)],
    ids=["smtp", "http"],
)
def test_traps_without_a_login_phase_have_no_grace(config: TrapConfig, tmp_path: Path) -> None:
    """SMTP sends mail without AUTH (and the trap's AUTH never succeeds): its session timeout
    is its bound. HTTP Basic auth is per request."""
    session = Session(config, tmp_path)
    session.drip(b"X", until=300.0)
    assert not session.ended
