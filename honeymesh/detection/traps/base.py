"""What every TCP trap shares: a thin Protocol over a sans-IO dialogue, with hard limits.

A dialogue takes bytes and returns a ``Step`` (bytes to send, whether to close, and any
observation details it learned). It never sees a transport, a clock or the network, so it is
tested with bytes alone. ``TrapProtocol`` does the I/O: idle and total session timeouts, a login
grace for traps with a login phase, a byte budget, per-source and global connection caps, and
one ``trap.session`` observation when the connection ends, whichever way it ends. Findings a
dialogue reports along the way (a credential, a command, a request) are published at once as
observations of their own, so that detection does not wait for the attacker to hang up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple, cast, runtime_checkable
from typing import Protocol as TypingProtocol

from twisted.internet import protocol, tcp
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IAddress, IDelayedCall, IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.detection.traps.dataport import DataSession, PassivePorts, Transfer
from honeymesh.detection.traps.deadlines import Deadlines
from honeymesh.detection.traps.facts import Connection, Endpoint
from honeymesh.events import Event, EventId, JSONValue, Observation

PREVIEW_BYTES = 256
# For isinstance: a tuple, built once (``IPv4Address | IPv6Address`` builds a union each time).
_IP_ADDRESS = (IPv4Address, IPv6Address)

#: Something a dialogue learned that deserves its own event now: an id and its details.
Finding = tuple[EventId, Mapping[str, JSONValue]]


#: A step's ``detail`` when the dialogue gives none: read-only, so one serves every step.
NO_DETAIL: Mapping[str, JSONValue] = MappingProxyType({})


class Step(NamedTuple):
    """What a dialogue wants done after it has seen some bytes.

    ``detail`` is merged into the session's one ``trap.session`` record; each of ``findings``
    becomes an observation of its own, published at once. ``delay`` holds the reply (and the
    close) back that many seconds, as real servers pause after a failed login; bytes that
    arrive meanwhile wait and are answered after it, in order. ``pause_at`` sends the reply's
    first bytes at once and holds back only the rest (login's new line after the password
    goes out before PAM's pause; so do vsftpd's answers to the commands before the failed
    one). With ``more`` the dialogue kept input it has not answered yet (a real server reads
    nothing while it pauses): once the held reply is out, ``receive`` is called again, with
    whatever arrived meanwhile or with nothing. With ``reads_meanwhile`` what arrives during
    the pause goes to the dialogue at once and its answer out at once, ahead of the held reply
    (telnetd answers the client and the terminal echoes while login sleeps); such an answer
    holds nothing back itself, and one that closes drops the held reply.

    ``logged_in`` says the client is past the login phase (a shell, an FTP user, an
    authenticated Redis client): from then on the login grace no longer applies, only the idle
    and session timeouts. It is sticky; a dialogue without a login phase never sets it and gets
    no grace (``TrapLimits``).

    A named tuple, immutable as the frozen dataclass it was, for a quarter of the cost: every
    session makes two or more, and building one took 13,000 instructions (ten
    ``object.__setattr__`` calls), 3,300 as a tuple (callgrind). ``step._replace(...)``
    changes a field. (A step holding ``NO_DETAIL`` cannot be pickled; none ever is.)
    """

    reply: bytes = b""
    close: bool = False
    detail: Mapping[str, JSONValue] = NO_DETAIL
    findings: tuple[Finding, ...] = ()
    delay: float = 0.0
    logged_in: bool = False
    pause_at: int = 0
    more: bool = False
    reads_meanwhile: bool = False
    #: From now on, end the session after this many idle seconds (never more than the trap's
    #: ``idle_timeout``), as a real server changes its timeout with its state: Apache waits
    #: 5 s for the next request on a kept-alive connection. None: unchanged.
    idle: float | None = None
    #: With ``close``: end with a reset, not a FIN, once the reply has left. A real server
    #: that hangs up with the client's bytes still unread in its socket makes the kernel send
    #: a reset (Dropbear after a bad version line or packet length); the trap has read them all,
    #: so it must ask for the reset itself, or its FIN tells it apart.
    reset: bool = False
    #: Open a passive data port (FTP's PASV) in place of any the session has; the dialogue
    #: (``ServesData``) is then told where, and says so. Commands after it wait until then.
    listen: bool = False
    #: A transfer over the session's data connection (FTP's LIST, RETR); commands after it
    #: wait until it has ended (``dataport.DataSession``).
    transfer: Transfer | None = None


class Dialogue(TypingProtocol):
    """A trap's conversation, bytes in and bytes out."""

    def start(self) -> Step: ...

    def receive(self, data: bytes) -> Step: ...

    def stop(self) -> None:
        """The session is over, whichever way it ended: release anything still held."""


@runtime_checkable
class KnowsConnection(TypingProtocol):
    """A dialogue that shows the real connection (the shell's ``ip a`` and ``w``, Redis's
    ``CLIENT LIST``): told both ends before ``start``."""

    def connected(self, connection: Connection) -> None: ...


@runtime_checkable
class AnswersIdle(TypingProtocol):
    """A dialogue that says something when the client has been idle too long (Apache's 408
    to a request left unfinished) before the session ends."""

    def timed_out(self) -> bytes: ...


@runtime_checkable
class AnswersLoginGrace(TypingProtocol):
    """A dialogue whose real server says something when the client has not logged in in time
    (login's "Login timed out after 60 seconds.") and closes the connection itself; nothing
    (b""): the trap's own limit, a reset."""

    def login_timed_out(self) -> bytes: ...


@runtime_checkable
class ServesData(TypingProtocol):
    """A dialogue with a data connection (FTP): told where its passive port listens (None:
    none could be opened), it answers; ``receive(b"")`` then goes on with what it held."""

    def listening(self, host: str, port: int | None) -> Step: ...


@dataclass(frozen=True)
class TrapLimits:
    """A TCP trap's limits. ``login_grace`` (None: the trap has no login phase) is how long a
    client may take to log in, however busy it keeps the connection: the idle timeout alone
    lets a slow drip (a byte every few seconds) hold a pre-login connection for the whole
    session timeout, as OpenSSH's LoginGraceTime and login's LOGIN_TIMEOUT prevent."""

    idle_timeout: float
    session_timeout: float
    max_bytes: int
    max_connections: int
    max_per_source: int = 16
    login_grace: float | None = None


class Admission(TypingProtocol):
    """What all traps share: whether one more connection may take a descriptor
    (``honeymesh.limits.ConnectionGuard``)."""

    def admit(self) -> bool: ...

    def release(self) -> None: ...


def preview(data: bytes) -> str:
    """The first bytes a client sent, printable and bounded, for logs and the dashboard."""
    return data[:PREVIEW_BYTES].decode("utf-8", "backslashreplace")


def _drained(transport: tcp.Server) -> bool:
    """Whether Twisted holds none of ``transport``'s data, so that bytes sent to the socket
    now cannot overtake any. Twisted has no public way to ask: this reads what its own
    ``doWrite`` reads (``dataBuffer`` from ``offset``, and ``_tempDataBuffer``, private: it says
    no if that one is ever gone; tests/detection/traps/test_direct_send.py shows the order
    kept)."""
    return (
        bool(transport.connected)
        and not transport.disconnecting
        and not getattr(transport, "_tempDataBuffer", True)
        and transport.offset == len(transport.dataBuffer)
    )


def _close_now(transport: object) -> bool:
    """Close a plain TCP connection whose data has all gone to the socket, now; False, having
    done nothing, for any other transport or while Twisted holds data or has a producer.

    ``loseConnection`` would stop reading and have the reactor watch the socket for room (two
    ``epoll_ctl``), wait for the next turn of the loop to find nothing left to send, and close
    then: 42,000-46,000 instructions a session that the trap ends (a MySQL login refused, an
    HTTP ``Connection: close``; callgrind, docs/BENCHMARKS.md "Ninth pass"). This does
    what the reactor does when that turn comes (``_disconnectSelectable`` after ``doWrite``
    returned ``CONNECTION_DONE``), as Twisted's own ``loseConnection`` does for a connection
    whose writing side is already shut: ``connectionLost``, which stops watching the socket,
    shuts it down (a FIN behind the bytes already sent) and tells the protocol. The reason is
    Twisted's shared one (``protocol.connectionDone``): a ``Failure`` built each time walks
    its exception's classes."""
    if type(transport) is not tcp.Server or not _drained(transport) or transport.producer:
        return False
    transport.connectionLost(protocol.connectionDone)
    return True


class _Closing(TypingProtocol):
    """What a reset needs of a TCP transport (Twisted's TCP and TLS transports have it)."""

    def registerProducer(self, producer: object, streaming: bool) -> None: ...

    def loseConnection(self) -> None: ...

    def abortConnection(self) -> None: ...


class _ResetWhenSent:
    """Ends a connection with a reset once everything written to it has left.

    ``abortConnection`` alone drops what is still buffered (the reply the reset follows). As a
    pull producer this is asked for more when the transport's buffer has drained, and
    ``loseConnection``, which waits for a registered producer, drains it now; then it aborts,
    and Twisted closes the socket with SO_LINGER 0: a reset, as the kernel sends for a server
    that hangs up with the client's bytes unread."""

    def __init__(self, transport: object) -> None:
        self._transport = cast(_Closing, transport)
        self._waiting = False

    def start(self) -> None:
        try:
            self._transport.registerProducer(self, False)  # asks at once: nothing sent yet
        except RuntimeError:  # a producer of its own: nothing to wait for
            self._transport.abortConnection()
            return
        self._waiting = True
        self._transport.loseConnection()

    def resumeProducing(self) -> None:
        if self._waiting:
            self._waiting = False
            self._transport.abortConnection()

    def stopProducing(self) -> None:
        self._waiting = False


class TrapFactory(protocol.Factory):
    """Builds TrapProtocols for one trap; enforces the connection caps.

    ``new_dialogue(source)`` makes the dialogue for one connection from ``source`` (the client's
    address: some protocols name it in their answers, as MySQL does). ``guard``, shared by all
    traps, refuses a connection the trap's own caps would allow when the process is near its
    open-file limit. A refused connection is closed at once, counted in ``refused``, and
    ``on_refused`` (if set) is told.
    """

    noisy = False

    def __init__(
        self,
        *,
        name: str,
        new_dialogue: Callable[[str], Dialogue],
        limits: TrapLimits,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        guard: Admission | None = None,
        data_ports: PassivePorts | None = None,
    ) -> None:
        self.name = name
        self.data_ports = data_ports  # where sessions that ServesData open passive ports
        self.new_dialogue = new_dialogue
        self.limits = limits
        self.clock = clock
        self.publish = publish
        self.guard = guard
        self.live: set[TrapProtocol] = set()
        self.deadlines = Deadlines(clock)  # when each open session is next looked at
        self.per_source: dict[str, int] = {}  # open sessions by source
        self.sessions = 0
        self.refused = 0
        self.on_refused: Callable[[], object] | None = None
        # Whether a dialogue class KnowsConnection, decided once per class: isinstance on a
        # runtime-checkable Protocol walks its attributes each time (typing's
        # _get_protocol_attrs), a cost every connection paid.
        self._knows_connection: dict[type, bool] = {}

    def knows_connection(self, dialogue: Dialogue) -> bool:
        """Whether ``dialogue`` wants to be told both ends of its connection."""
        kind = type(dialogue)
        known = self._knows_connection.get(kind)
        if known is None:
            known = self._knows_connection[kind] = isinstance(dialogue, KnowsConnection)
        return known

    def buildProtocol(self, addr: IAddress | None) -> TrapProtocol | None:
        peer = addr if isinstance(addr, _IP_ADDRESS) else None
        host = str(addr) if peer is None else peer.host
        held = self.per_source.get(host, 0)
        if (
            len(self.live) >= self.limits.max_connections
            or held >= self.limits.max_per_source
            or (self.guard is not None and not self.guard.admit())
        ):
            self.refused += 1
            if self.on_refused is not None:
                self.on_refused()
            return None  # the reactor closes the connection at once
        proto = TrapProtocol(self, host, peer)
        self.live.add(proto)
        self.per_source[host] = held + 1
        return proto

    def forget(self, proto: TrapProtocol) -> None:
        if proto not in self.live:
            return
        self.live.discard(proto)
        if self.guard is not None:
            self.guard.release()
        held = self.per_source.get(proto.source, 0) - 1
        if held > 0:
            self.per_source[proto.source] = held
        else:
            self.per_source.pop(proto.source, None)
        if not self.live:
            self.deadlines.clear()

    def close_all(self, reason: str) -> None:
        """End every open session now (shutdown): each one still yields its observation."""
        for proto in list(self.live):
            proto.finish(reason)


class TrapProtocol(protocol.Protocol):
    _log = Logger()

    def __init__(self, factory: TrapFactory, source: str, peer: IAddress | None = None) -> None:
        self.factory = factory
        self.source = source
        self.dialogue = factory.new_dialogue(source)
        self.received = bytearray()
        self.bytes_received = 0
        self.detail: dict[str, JSONValue] = {}
        self.started = 0.0
        self.local: IAddress | None = None
        # The client's address as the listening port gave it to buildProtocol: the transport's
        # getPeer() would build the same object again (3,800 instructions a session).
        self.peer: IAddress | None = peer
        self.closed_by: str | None = None
        self._last_active = 0.0
        self._deadline = 0.0
        self._idle = factory.limits.idle_timeout  # the dialogue may shorten it (Step.idle)
        self._login_deadline: float | None = None  # None: no grace, or logged in already
        self.due: float | None = None  # when the session is next looked at (Deadlines)
        self._held: IDelayedCall | None = None  # a delayed reply (Step.delay) not yet sent
        self._held_reads = False  # ... whose dialogue answers what comes meanwhile
        self._waiting = bytearray()  # bytes received while a reply is held or a transfer runs
        self._data: DataSession | None = None  # the data connection's side (Step.listen)
        self._resuming: IDelayedCall | None = None  # _resume, due once the data side is done
        self._send_now = False  # the next write may go straight to the socket (_write)
        self.sent_at_once = 0  # replies that went straight to the socket (_write)

    def connectionMade(self) -> None:
        clock, limits = self.factory.clock, self.factory.limits
        self.started = self._last_active = clock.seconds()
        self._deadline = self.started + limits.session_timeout
        if limits.login_grace is not None:
            self._login_deadline = self.started + limits.login_grace
        if self.transport is not None:
            self.local = self.transport.getHost()
            if self.peer is None:
                self.peer = self.transport.getPeer()
        if (
            self.factory.knows_connection(self.dialogue)
            and isinstance(self.local, _IP_ADDRESS)
            and isinstance(self.peer, _IP_ADDRESS)
        ):
            cast(KnowsConnection, self.dialogue).connected(
                Connection(
                    Endpoint(self.local.host, self.local.port),
                    Endpoint(self.peer.host, self.peer.port),
                )
            )
        self.factory.deadlines.at(self, self._next_check())
        self._apply(self._step(self.dialogue.start))  # a greeting waits for the turn (_write)

    def _next_check(self) -> float:
        """When the session may next be over: idle, over time or past its login grace. A
        session waiting on its data connection is not idle (the transfer has its own
        timeout)."""
        busy = self._data is not None and self._data.busy
        when = self._deadline if busy else min(self._last_active + self._idle, self._deadline)
        if self._login_deadline is not None:
            when = min(when, self._login_deadline)
        return when

    def check_time(self) -> None:
        """The session's moment has come (``Deadlines``): end it when idle, over time or not
        logged in within its grace, else ask to be looked at again later.

        Activity only notes the time (nothing is rescheduled per chunk of data), so a session
        asks once, and again at most once per idle period.
        """
        clock = self.factory.clock
        now = clock.seconds()
        if now >= self._deadline:
            self.finish("session_timeout")
        elif self._login_deadline is not None and now >= self._login_deadline:
            last = b""
            if isinstance(self.dialogue, AnswersLoginGrace) and self.transport is not None:
                try:
                    last = self.dialogue.login_timed_out()
                except Exception:
                    self._log.failure("trap {trap} dialogue failed", trap=self.factory.name)
                if last:
                    self._write(last)
            self.finish("login_grace", graceful=bool(last))
        elif now >= self._last_active + self._idle and not (self._data and self._data.busy):
            if isinstance(self.dialogue, AnswersIdle) and self.transport is not None:
                try:
                    last = self.dialogue.timed_out()
                except Exception:
                    self._log.failure("trap {trap} dialogue failed", trap=self.factory.name)
                    last = b""
                if last:
                    self._write(last)
                # A close the real server makes itself (its own timeout): FIN after the last
                # words, as from a trap's own close, not the RST of the trap's limits.
                self.finish("idle_timeout", graceful=True)
                return
            self.finish("idle_timeout")
        else:
            self.factory.deadlines.at(self, self._next_check())

    def dataReceived(self, data: bytes) -> None:
        if self.closed_by is not None:
            return
        budget = self.factory.limits.max_bytes - self.bytes_received
        self.bytes_received += len(data)
        if len(self.received) < PREVIEW_BYTES:
            self.received += data[: PREVIEW_BYTES - len(self.received)]
        self._last_active = self.factory.clock.seconds()
        if (self._held is not None and not self._held_reads) or self._busy():
            self._waiting += data[: max(budget, 0)]  # answered in order, after what holds it
        else:
            # Not past the budget: that session ends with a reset, and its answer with it
            # (Twisted's abort drops what it holds; what went to the socket would have left).
            self._send_now = len(data) <= budget
            self._apply(self._step(lambda: self.dialogue.receive(data[:budget])))
        if self.closed_by is None and len(data) > budget:
            self.finish("byte_budget")

    def _busy(self) -> bool:
        """Whether the data side holds the conversation: a transfer running, or what waited
        behind a passive port or a transfer not yet answered."""
        return self._resuming is not None or (self._data is not None and self._data.busy)

    def _release(self, step: Step) -> None:
        """A held reply's delay is over: send it, then answer what arrived meanwhile (unless
        the step began a transfer: that answers it when it ends)."""
        self._held = None
        self._send(step)
        if (self._waiting or step.more) and self.closed_by is None and not self._busy():
            waiting = bytes(self._waiting)
            self._waiting.clear()
            self._apply(self._step(lambda: self.dialogue.receive(waiting)))

    def _step(self, advance: Callable[[], Step]) -> Step | None:
        """Run the dialogue; a dialogue that fails (a bug, not input) ends only its session."""
        try:
            return advance()
        except Exception:
            self._log.failure("trap {trap} dialogue failed", trap=self.factory.name)
            self.finish("trap_error")
            return None

    def _apply(self, step: Step | None) -> None:
        if step is None:
            return
        self.detail.update(step.detail)
        if step.logged_in:
            self._login_deadline = None  # the timer, when it next fires, finds no grace
        if step.idle is not None:
            self._idle = min(step.idle, self.factory.limits.idle_timeout)
            self._check_sooner()
        for event_id, found in step.findings:
            self._publish_finding(event_id, found)
        if step.delay > 0 and self.closed_by is None and self._held is None:
            self._held_reads = step.reads_meanwhile
            if step.pause_at > 0:
                self._send(Step(step.reply[: step.pause_at]))
                step = step._replace(reply=step.reply[step.pause_at :], pause_at=0)
            self._held = self.factory.clock.callLater(step.delay, self._release, step)
            return
        self._send(step)

    def _check_sooner(self) -> None:
        """Look at the session earlier if it is now due sooner than it asked for (a shorter
        idle timeout; a transfer over, so idleness counts again)."""
        due = self._next_check()
        if self.due is not None and due < self.due:
            self.factory.deadlines.at(self, due)

    def _send(self, step: Step) -> None:
        if step.reply and self.transport is not None and self.closed_by is None:
            self._write(step.reply)
        if step.close:
            self.finish("trap", reset=step.reset)
        elif step.listen:
            self._listen()
        elif step.transfer is not None:
            self._data_session().start(step.transfer)  # _resume once it has ended

    # The data connection (ServesData: FTP) ----------------------------------------------------

    def _data_session(self) -> DataSession:
        if self._data is None:
            self._data = DataSession(self.factory.clock, self.source, self._say, self._resume_soon)
        return self._data

    def _listen(self) -> None:
        """Open a passive port on the address the client reached, tell the dialogue, and go
        on with what it held back."""
        if self.closed_by is not None:
            return
        host = getattr(self.local, "host", "")
        port = None
        ports = self.factory.data_ports
        if ports is not None and host:
            port = ports.open(host, self._data_session())
        if not isinstance(self.dialogue, ServesData):
            return
        dialogue = self.dialogue
        self._apply(self._step(lambda: dialogue.listening(host, port)))
        if self.closed_by is None and self._held is None:
            self._resume_soon()

    def _say(self, data: bytes) -> None:
        if self.transport is not None and self.closed_by is None:
            self._write(data)

    def _write(self, data: bytes) -> None:
        """Send ``data`` to the client, after everything sent before.

        The first write since the client last sent data (its answer, or one held back by
        ``Step.delay``, or the last words of a timeout) goes straight to the socket
        (``writeSomeData``, what Twisted's own ``doWrite`` calls) when the transport is plain
        TCP and Twisted holds none of its data (``_drained``). ``transport.write`` would
        buffer it, have the reactor watch the socket for room (an ``epoll_ctl``), send it on
        the next turn of the loop and stop watching (another): about 15,000 instructions a
        reply in user space beside the two system calls (callgrind). Whatever follows in the
        same call, whatever a partial send leaves, and every write while Twisted holds data go
        through ``transport.write``: its buffer keeps the order and joins the writes of one
        turn into one segment, as before.

        A greeting (``connectionMade``) waits for the turn as before. Sent at once, it let a
        client that reads the greeting and hangs up connect again inside the listening port's
        accept loop (Twisted accepts up to a hundred connections a turn), whose closes were
        then seen only after the loop: one source's sessions piled up past its cap, and a
        banner grabber connecting one at a time was refused 4 times in 100.
        """
        transport = self.transport
        if self._send_now and type(transport) is tcp.Server and _drained(transport):
            self._send_now = False
            sent = transport.writeSomeData(data)
            if isinstance(sent, int):  # else the connection is lost: Twisted's write finds out
                self.sent_at_once += 1
                data = data[sent:]
                if not data:
                    return
        if transport is not None:
            transport.write(data)

    def _resume_soon(self) -> None:
        """Go on with what waited, from the reactor rather than from this call's stack: a
        client that pipelines a thousand PASV commands must not nest a thousand calls. Until
        then, what arrives waits behind it (``_busy``)."""
        if self._resuming is None and self.closed_by is None:
            self._resuming = self.factory.clock.callLater(0, self._resume)

    def _resume(self) -> None:
        """A transfer has ended (or a port was opened): answer what waited behind it."""
        self._resuming = None
        if self.closed_by is not None or self._busy():
            return  # a transfer runs again: its end resumes
        self._last_active = self.factory.clock.seconds()
        self._check_sooner()  # idleness counts again
        waiting = bytes(self._waiting)
        self._waiting.clear()
        self._apply(self._step(lambda: self.dialogue.receive(waiting)))

    def _publish_finding(self, event_id: EventId, found: Mapping[str, JSONValue]) -> None:
        host, peer = self.local, self.peer
        detail: dict[str, JSONValue] = {
            "trap": self.factory.name,
            "local_address": getattr(host, "host", None),
            "port": getattr(host, "port", None),
            "source_port": getattr(peer, "port", None),
        }
        detail.update(found)
        self.factory.publish(
            Observation(event_id, self.factory.clock.seconds(), self.source, detail)
        )

    def finish(self, closed_by: str, graceful: bool = False, reset: bool = False) -> None:
        """Record the session once and close the connection: gracefully when the trap or the
        client ends it (or ``graceful``), else with a reset; ``reset``: with a reset once what
        was written has left (a dialogue's own close as its real server makes it).

        A graceful close may end the connection before this returns (``_close_now``): the
        transport's ``connectionLost`` runs, and with it this protocol's, which forgets the
        session; the transport can then no longer be asked for its addresses."""
        if self.closed_by is not None:
            return
        self.closed_by = closed_by
        self.factory.deadlines.forget(self)
        if self._held is not None and self._held.active():
            self._held.cancel()
        self._held = None
        if self._resuming is not None and self._resuming.active():
            self._resuming.cancel()
        self._resuming = None
        if self._data is not None:
            self._data.close()
            if self._data.transfers:
                self.detail["transfers"] = self._data.transfers
        try:
            self.dialogue.stop()
        except Exception:
            self._log.failure("trap {trap} dialogue failed to stop", trap=self.factory.name)
        self._record()
        if self.transport is not None:
            if reset:
                _ResetWhenSent(self.transport).start()
            elif graceful or closed_by in ("trap", "client"):
                if not _close_now(self.transport):
                    self.transport.loseConnection()
            else:
                self.transport.abortConnection()  # type: ignore[attr-defined]

    def connectionLost(self, reason: Failure = protocol.connectionDone) -> None:
        self.finish("client")
        self.factory.forget(self)

    def _record(self) -> None:
        factory = self.factory
        factory.sessions += 1
        host, peer = self.local, self.peer
        detail: dict[str, JSONValue] = {
            "trap": factory.name,
            "transport": "tcp",
            "local_address": getattr(host, "host", None),
            "port": getattr(host, "port", None),
            "source_port": getattr(peer, "port", None),
            "bytes_received": self.bytes_received,
            "duration": round(factory.clock.seconds() - self.started, 6),
            "preview": preview(bytes(self.received)),
            "closed_by": self.closed_by,
        }
        detail.update(self.detail)
        factory.publish(
            Observation(EventId.TRAP_SESSION, factory.clock.seconds(), self.source, detail)
        )
