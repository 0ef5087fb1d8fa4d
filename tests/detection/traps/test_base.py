"""The trap protocol's limits, driven with a fake clock and an in-memory transport."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.detection.traps.banner import BannerDialogue
from honeymesh.detection.traps.base import Step, TrapFactory, TrapLimits, TrapProtocol
from honeymesh.detection.traps.dataport import DataSession
from honeymesh.detection.traps.ftp import FtpDialogue, FtpSettings
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.telnet import AYT, IAC, TelnetDialogue, TelnetSettings
from honeymesh.events import Event, Observation

from .dialogues import PERSONA, WEAK
from .test_dialogues import TELNET_REFUSE, TELNET_REFUSE_SECOND

LIMITS = TrapLimits(
    idle_timeout=10, session_timeout=60, max_bytes=100, max_connections=3, max_per_source=2
)


def make(clock: Clock, events: list[Event]) -> TrapFactory:
    return TrapFactory(
        name="t",
        new_dialogue=lambda source: BannerDialogue(b"220 hi\r\n"),
        limits=LIMITS,
        clock=clock,
        publish=events.append,
    )


def connect(factory: TrapFactory, host: str = "192.0.2.9") -> tuple[TrapProtocol, StringTransport]:
    addr = IPv4Address("TCP", host, 40000)
    proto = factory.buildProtocol(addr)
    assert proto is not None
    transport = StringTransport(
        hostAddress=IPv4Address("TCP", "198.51.100.1", 2323), peerAddress=addr
    )
    proto.makeConnection(transport)
    return proto, transport


def only_observation(events: list[Event]) -> Observation:
    assert len(events) == 1
    event = events[0]
    assert isinstance(event, Observation)
    return event


def test_banner_then_record_of_what_the_client_said() -> None:
    clock, events = Clock(), list[Event]()
    proto, transport = connect(make(clock, events))
    assert transport.value() == b"220 hi\r\n"
    proto.dataReceived(b"EHLO x\r\nAUTH LOGIN\r\n")
    clock.advance(2.5)
    proto.connectionLost()
    o = only_observation(events)
    assert o.source == "192.0.2.9"
    assert o.detail["bytes_received"] == 20
    assert o.detail["preview"] == "EHLO x\r\nAUTH LOGIN\r\n"
    assert o.detail["duration"] == 2.5
    assert o.detail["closed_by"] == "client"
    assert o.detail["port"] == 2323 and o.detail["source_port"] == 40000
    assert o.detail["lines"] == 2


def test_idle_timeout_closes_and_records_once() -> None:
    clock, events = Clock(), list[Event]()
    proto, transport = connect(make(clock, events))
    clock.advance(9)
    proto.dataReceived(b"x")  # activity resets the idle timer
    clock.advance(9)
    assert not transport.disconnecting
    clock.advance(1.5)
    assert transport.disconnecting
    proto.connectionLost()
    assert only_observation(events).detail["closed_by"] == "idle_timeout"
    assert clock.getDelayedCalls() == []


def test_session_timeout_even_for_a_slow_drip_client() -> None:
    clock, events = Clock(), list[Event]()
    proto, _ = connect(make(clock, events))
    for _ in range(12):
        clock.advance(5)
        proto.dataReceived(b".")
    assert only_observation(events).detail["closed_by"] == "session_timeout"
    assert clock.getDelayedCalls() == []


def test_byte_budget_ends_the_session_and_bounds_the_record() -> None:
    clock, events = Clock(), list[Event]()
    proto, _ = connect(make(clock, events))
    proto.dataReceived(b"A" * 1000)
    proto.dataReceived(b"B" * 1000)  # ignored: the session is over
    o = only_observation(events)
    assert o.detail["closed_by"] == "byte_budget"
    assert len(str(o.detail["preview"])) <= 256


def test_per_source_and_global_caps_refuse_extra_connections() -> None:
    clock, events = Clock(), list[Event]()
    factory = make(clock, events)
    connect(factory, "192.0.2.1")
    connect(factory, "192.0.2.1")
    assert factory.buildProtocol(IPv4Address("TCP", "192.0.2.1", 1)) is None  # per source
    connect(factory, "192.0.2.2")
    assert factory.buildProtocol(IPv4Address("TCP", "192.0.2.3", 1)) is None  # global
    assert factory.refused == 2


def test_shutdown_closes_every_session_with_a_record() -> None:
    clock, events = Clock(), list[Event]()
    factory = make(clock, events)
    protos = [connect(factory, f"192.0.2.{i}")[0] for i in range(3)]
    factory.close_all("shutdown")
    for proto in protos:
        proto.connectionLost()
    assert [e.detail["closed_by"] for e in events if isinstance(e, Observation)] == ["shutdown"] * 3
    assert factory.live == set() and not factory.per_source


def test_undecodable_bytes_are_recorded_escaped() -> None:
    clock, events = Clock(), list[Event]()
    proto, _ = connect(make(clock, events))
    proto.dataReceived(b"\xff\xfe\x00admin\r\n")
    proto.connectionLost()
    assert only_observation(events).detail["preview"] == "\\xff\\xfe\x00admin\r\n"


@given(st.lists(st.binary(max_size=300), max_size=30))
def test_any_byte_stream_is_survived_and_bounded(chunks: list[bytes]) -> None:
    clock, events = Clock(), list[Event]()
    proto, transport = connect(make(clock, events))
    for chunk in chunks:
        proto.dataReceived(chunk)
    proto.connectionLost()
    counted = 0
    for chunk in chunks:  # reading stops with the chunk that crosses the byte budget
        counted += len(chunk)
        if counted > LIMITS.max_bytes:
            break
    o = only_observation(events)
    assert o.detail["bytes_received"] == counted
    assert o.detail["closed_by"] == ("byte_budget" if counted > LIMITS.max_bytes else "client")
    assert transport.value() == b"220 hi\r\n"  # the banner trap never says more
    assert clock.getDelayedCalls() == []


def test_a_delayed_reply_waits_and_what_arrives_meanwhile_is_answered_after_it() -> None:
    clock, events = Clock(), list[Event]()
    clock.advance(1_700_000_000)
    factory = TrapFactory(
        name="ftp",
        new_dialogue=lambda source: FtpDialogue(
            FtpSettings(b"220 x", frozenset()), source, now=clock.seconds
        ),
        limits=LIMITS,
        clock=clock,
        publish=events.append,
    )
    proto, transport = connect(factory)
    transport.clear()
    # Pipelined: vsftpd answers USER at once, reads nothing during PAM's pause (and its own
    # second) after the failed PASS, then answers what came behind it, each failure with its
    # own pause, seeded by the second its PASS was read.
    proto.dataReceived(b"USER a\r\nPASS b\r\nUSER c\r\nPASS d\r\n")
    proto.dataReceived(b"NOOP\r\n")
    assert transport.value() == b"331 Please specify the password.\r\n"
    first = fail_delay(clock.seconds(), 2.0) + 1.0
    clock.advance(first - 0.001)
    assert transport.value() == b"331 Please specify the password.\r\n"
    clock.advance(0.001)
    assert transport.value().endswith(
        b"530 Login incorrect.\r\n331 Please specify the password.\r\n"
    )
    second = fail_delay(clock.seconds(), 2.0) + 1.0
    assert 2.0 <= first < 4.0 and 2.0 <= second < 4.0 and first != second
    transport.clear()
    clock.advance(second)
    assert transport.value() == (
        b"530 Login incorrect.\r\n530 Please login with USER and PASS.\r\n"
    )
    passwords = [e.detail.get("password") for e in events if isinstance(e, Observation)]
    assert [p for p in passwords if p is not None] == ["b", "d"]
    proto.connectionLost()
    assert not clock.getDelayedCalls()


def _telnet_factory(clock: Clock) -> TrapFactory:
    """A Telnet trap whose dialogues tell the time by ``clock`` (PAM's pause is seeded by it)."""
    return TrapFactory(
        name="telnet",
        new_dialogue=lambda source: TelnetDialogue(
            TelnetSettings(b"", PERSONA, WEAK), clock.seconds
        ),
        limits=LIMITS,
        clock=clock,
        publish=list[Event]().append,
    )


def test_telnetd_answers_during_logins_pause_and_a_ctrl_c_ends_it_at_once() -> None:
    """While login sleeps out PAM's pause (Step.reads_meanwhile), telnetd answers AYT and
    options at once and the terminal echoes; the pause over, "Login incorrect" and the prompt,
    and what was typed meanwhile is gone. A ^C during the pause kills login: the hang-up comes
    at once and "Login incorrect" never."""
    clock = Clock()
    clock.advance(1_700_000_000)

    def telnet() -> tuple[TrapProtocol, StringTransport, float]:
        proto, transport = connect(_telnet_factory(clock))
        began = clock.seconds()
        for chunk in (TELNET_REFUSE, TELNET_REFUSE_SECOND, b"root\r\n"):
            proto.dataReceived(chunk)
        transport.clear()
        proto.dataReceived(b"wrong\r\n")
        assert transport.value() == b"\r\n"
        return proto, transport, fail_delay(began, 3.0)

    proto, transport, pause = telnet()
    proto.dataReceived(bytes([IAC, AYT]) + b"admin\r\n")
    assert transport.value() == b"\r\n\r\n[Yes]\r\nadmin\r\n"
    clock.advance(pause)
    assert transport.value().endswith(b"admin\r\n\r\nLogin incorrect\r\nweb01 login: ")
    transport.clear()
    proto.dataReceived(b"x\r\n")
    assert transport.value() == b"x\r\nPassword: "  # the name typed during the pause: gone
    proto, transport, pause = telnet()
    proto.dataReceived(b"\x03")
    assert transport.value() == b"\r\n^C" and proto.closed_by is not None
    assert proto._held is None  # "Login incorrect" dropped with its timer


def test_a_telnet_shells_su_pause_holds_what_is_typed_meanwhile() -> None:
    """su's pause in a Telnet shell: what is typed meanwhile waits and bash reads it after
    su has said its failure; telnetd answers an AYT at once."""
    clock = Clock()
    clock.advance(1_700_000_000)
    proto, transport = connect(_telnet_factory(clock))
    for chunk in (TELNET_REFUSE, TELNET_REFUSE_SECOND, b"admin\r\n", b"admin\r\n", b"su\r\n"):
        proto.dataReceived(chunk)
    transport.clear()
    pause = fail_delay(clock.seconds(), 2.0) + 1.0
    proto.dataReceived(b"toor\r\n")
    proto.dataReceived(bytes([IAC, AYT]) + b"hostname\r\n")
    assert transport.value() == b"\r\n\r\n[Yes]\r\n"  # telnetd answers at once, bash later
    transport.clear()
    clock.advance(pause)
    assert transport.value() == (
        b"su: Authentication failure\r\nadmin@web01:~$ hostname\r\nweb01\r\nadmin@web01:~$ "
    )


class _HangsUpWithAReset:
    """A dialogue whose server hangs up on anything with the client's bytes unread."""

    def start(self) -> Step:
        return Step(b"220 hi\r\n")

    def receive(self, data: bytes) -> Step:
        return Step(b"bye\r\n", close=True, reset=True)

    def stop(self) -> None:
        pass


def test_a_dialogue_that_asks_for_a_reset_gets_one_after_its_last_words() -> None:
    """Step.reset: the close is a reset (what the kernel of a server that hangs up with unread
    bytes sends), and only once the reply has left: Twisted's abort alone would drop it."""
    clock, events = Clock(), list[Event]()
    factory = TrapFactory(
        name="t",
        new_dialogue=lambda source: _HangsUpWithAReset(),
        limits=LIMITS,
        clock=clock,
        publish=events.append,
    )
    proto, transport = connect(factory)
    proto.dataReceived(b"x\r\ny\r\n")
    assert transport.value() == b"220 hi\r\nbye\r\n"
    assert transport.disconnecting and not transport.disconnected  # draining, not yet reset
    assert transport.producer is not None
    transport.producer.resumeProducing()  # the buffer has drained
    assert transport.disconnected  # StringTransport's mark of abortConnection
    proto.connectionLost()
    assert only_observation(events).detail["closed_by"] == "trap"
    assert clock.getDelayedCalls() == []


def test_without_a_reset_a_dialogues_close_is_a_fin() -> None:
    clock, events = Clock(), list[Event]()
    factory = TrapFactory(
        name="ftp",
        new_dialogue=lambda source: FtpDialogue(FtpSettings(b"220 x", frozenset()), source),
        limits=LIMITS,
        clock=clock,
        publish=events.append,
    )
    proto, transport = connect(factory)
    proto.dataReceived(b"QUIT\r\n")
    assert transport.disconnecting and not transport.disconnected and transport.producer is None


class _Listener:
    def stopListening(self) -> None:
        pass


class _Ports:
    """Passive ports without sockets: each open is port 40001."""

    def __init__(self) -> None:
        self.opened = 0

    def open(self, host: str, session: DataSession) -> int:
        self.opened += 1
        session.listening(_Listener())  # type: ignore[arg-type]
        return 40001


def test_ftp_commands_behind_passive_ports_and_transfers_wait_their_turn() -> None:
    clock, events = Clock(), list[Event]()
    ports = _Ports()
    limits = TrapLimits(
        idle_timeout=10, session_timeout=600, max_bytes=64 * 1024, max_connections=3
    )
    factory = TrapFactory(
        name="ftp",
        new_dialogue=lambda source: FtpDialogue(FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK), source),
        limits=limits,
        clock=clock,
        publish=events.append,
        data_ports=ports,  # type: ignore[arg-type]
    )
    proto, transport = connect(factory)
    # A client that pipelines 300 PASV: answered in order, without nesting a call for each
    proto.dataReceived(b"USER admin\r\nPASS admin\r\n" + b"PASV\r\n" * 300 + b"PWD\r\n")
    clock.advance(0)
    said = transport.value()
    assert said.count(b"227 Entering Passive Mode (198,51,100,1,156,65).") == 300
    assert said.endswith(b'257 "/home/admin" is the current directory\r\n')
    assert ports.opened == 300
    # A LIST with no data connection: what follows waits (idle timeout included) until the
    # accept timeout, then the 425, then the rest
    transport.clear()
    proto.dataReceived(b"LIST\r\nNOOP\r\n")
    clock.advance(30)
    assert transport.value() == b"" and proto.closed_by is None  # 10 s idle: not while waiting
    clock.advance(30)
    assert transport.value() == b"425 Failed to establish connection.\r\n200 NOOP ok.\r\n"
    proto.connectionLost()
    (session,) = [e for e in events if isinstance(e, Observation) and e.event_id == "trap.session"]
    assert session.detail["closed_by"] == "client" and session.detail["logged_in_as"] == "admin"


def _ftp_factory(clock: Clock, events: list[Event]) -> TrapFactory:
    limits = TrapLimits(
        idle_timeout=10, session_timeout=600, max_bytes=64 * 1024, max_connections=3
    )
    return TrapFactory(
        name="ftp",
        new_dialogue=lambda source: FtpDialogue(FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK), source),
        limits=limits,
        clock=clock,
        publish=events.append,
        data_ports=_Ports(),  # type: ignore[arg-type]
    )


def test_ftp_answers_stay_in_order_through_a_failed_logins_pause_and_a_transfer() -> None:
    clock = Clock()
    proto, transport = connect(_ftp_factory(clock, []))
    transport.clear()
    # A failed login (a pause of 2 to 4 s) and a PASV in one packet; more commands during it
    proto.dataReceived(b"USER a\r\nPASS b\r\nUSER admin\r\nPASS admin\r\nPASV\r\n")
    proto.dataReceived(b"LIST\r\nNLST\r\nNOOP\r\n")
    clock.advance(4)
    assert transport.value() == (
        b"331 Please specify the password.\r\n530 Login incorrect.\r\n"
        b"331 Please specify the password.\r\n230 Login successful.\r\n"
        b"227 Entering Passive Mode (198,51,100,1,156,65).\r\n"
    )  # the LIST waits for a data connection, and NLST and NOOP behind it
    clock.advance(0)
    clock.advance(59)
    assert transport.value().endswith(b"(198,51,100,1,156,65).\r\n")
    clock.advance(1)
    assert transport.value().endswith(
        b"425 Failed to establish connection.\r\n425 Use PORT or PASV first.\r\n200 NOOP ok.\r\n"
    )
    # The transfer over, idleness counts again: 10 s of silence ends the session
    clock.advance(10)
    assert proto.closed_by == "idle_timeout"
