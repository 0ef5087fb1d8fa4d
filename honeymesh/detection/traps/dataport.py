"""A trap session's data connection: FTP's passive mode, done as vsftpd does it.

A dialogue that ``ServesData`` (``base.py``) asks for a passive port (``Step.listen``) and for
transfers over it (``Step.transfer``); this module does the I/O. ``PassivePorts`` opens a
listening port within the trap's range (vsftpd's ``pasv_min_port``..``pasv_max_port``) on the
address the client reached; the ports are the node's own range, which the kernel treats as trap
ports, so a banned client's transfer still goes through while its other ports are dropped.
``DataSession`` holds one control connection's data side: at most one listener and one data
connection, from the client's own address only (vsftpd's ``pasv_promiscuous=NO``), taken once
(the listener closes, as vsftpd's does after its accept). A transfer waits for that connection
up to ``accept_timeout`` (vsftpd's 60 s), then the control connection hears its opening, the
bytes go, the data connection closes and the control connection hears its end.

The trap never connects out: active mode (PORT) is answered but its transfers fail as a
filtered client's do.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from twisted.internet import protocol
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.error import CannotListenError
from twisted.internet.interfaces import (
    IAddress,
    IDelayedCall,
    IListeningPort,
    IReactorTCP,
    IReactorTime,
)
from twisted.python.failure import Failure

ACCEPT_TIMEOUT = 60.0  # vsftpd's accept_timeout


@dataclass(frozen=True)
class Transfer:
    """What a transfer says and sends: ``opening`` on the control connection once the data
    connection is there, then ``data`` over it, then ``done`` once it is closed; ``failed``
    if no data connection comes in time."""

    opening: bytes
    data: bytes
    done: bytes
    failed: bytes


class PassivePorts:
    """Opens passive data ports within ``first``..``last`` on a given local address."""

    def __init__(
        self, reactor: IReactorTCP, first: int, last: int, rng: random.Random | None = None
    ) -> None:
        self._reactor = reactor
        self._ports = range(first, last + 1)
        self._rng = rng or random.Random()

    def open(self, host: str, session: DataSession) -> int | None:
        """Listen on a free port of the range for ``session``; its number, or None when every
        port is taken (vsftpd then dies with "500 OOPS: vsf_sysutil_bind")."""
        start = self._rng.randrange(len(self._ports))
        for i in range(len(self._ports)):
            port = self._ports[(start + i) % len(self._ports)]
            try:
                listener = self._reactor.listenTCP(
                    port, _DataFactory(session), backlog=1, interface=host
                )
            except CannotListenError:
                continue
            session.listening(listener)
            return port
        return None


class DataSession:
    """One control connection's data side (see the module's docstring). ``say`` writes to the
    control connection; ``over`` is called once a transfer has ended (done or failed)."""

    def __init__(
        self,
        clock: IReactorTime,
        peer_host: str,
        say: Callable[[bytes], None],
        over: Callable[[], None],
        accept_timeout: float = ACCEPT_TIMEOUT,
    ) -> None:
        self._clock = clock
        self._peer_host = peer_host
        self._say = say
        self._over = over
        self._accept_timeout = accept_timeout
        self._listener: IListeningPort | None = None
        self._connection: _DataProtocol | None = None
        self._transfer: Transfer | None = None
        self._sending = False
        self._timer: IDelayedCall | None = None
        self.transfers = 0  # done, for the session's record

    @property
    def busy(self) -> bool:
        return self._transfer is not None

    def listening(self, listener: IListeningPort) -> None:
        """A new passive port replaces whatever the session had (a second PASV); a transfer
        still waiting on the old one fails."""
        if self._transfer is not None:
            self._fail()
        self._drop()
        self._listener = listener

    def accepted(self, addr: IAddress | None) -> _DataProtocol | None:
        """The data connection, if it is the first one from the client's own address."""
        host = addr.host if isinstance(addr, IPv4Address | IPv6Address) else ""
        if self._connection is not None or self._listener is None or host != self._peer_host:
            return None
        self._stop_listening()
        self._connection = _DataProtocol(self)
        return self._connection

    def connected(self, connection: _DataProtocol) -> None:
        if connection is self._connection and self._transfer is not None and not self._sending:
            self._run()

    def start(self, transfer: Transfer) -> None:
        """Begin ``transfer`` now if the data connection is up, or once it is (one at a time:
        a transfer asked for while one runs fails)."""
        if self._transfer is not None:
            self._say(transfer.failed)
            return
        self._transfer = transfer
        if self._connection is not None and self._connection.transport is not None:
            self._run()
        elif self._listener is None:
            self._fail()
        else:
            self._timer = self._clock.callLater(self._accept_timeout, self._fail)

    def _run(self) -> None:
        transfer, connection = self._transfer, self._connection
        assert transfer is not None and connection is not None and connection.transport
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        self._sending = True
        self._say(transfer.opening)
        connection.transport.write(transfer.data)
        connection.transport.loseConnection()  # "done" once it is closed

    def lost(self, connection: _DataProtocol) -> None:
        if connection is not self._connection:
            return
        self._connection = None
        if self._transfer is None:
            return  # closed before any transfer: the next one finds no connection
        transfer, self._transfer = self._transfer, None
        sent, self._sending = self._sending, False
        self.transfers += sent
        self._say(transfer.done if sent else transfer.failed)
        self._over()

    def _fail(self) -> None:
        self._timer = None
        transfer, self._transfer = self._transfer, None
        self._drop()
        if transfer is not None:
            self._say(transfer.failed)
            self._over()

    def close(self) -> None:
        """The session is over: no listener, no data connection, no transfer left."""
        self._transfer = None
        self._drop()

    def _drop(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        self._stop_listening()
        connection, self._connection = self._connection, None
        if connection is not None and connection.transport is not None:
            connection.transport.abortConnection()  # type: ignore[attr-defined]

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stopListening()


class _DataFactory(protocol.ServerFactory):
    noisy = False

    def __init__(self, session: DataSession) -> None:
        self._session = session

    def buildProtocol(self, addr: IAddress | None) -> _DataProtocol | None:
        return self._session.accepted(addr)


class _DataProtocol(protocol.Protocol):
    """The data connection: what the client sends on it is read and dropped."""

    def __init__(self, session: DataSession) -> None:
        self._session = session

    def connectionMade(self) -> None:
        self._session.connected(self)

    def connectionLost(self, reason: Failure = protocol.connectionDone) -> None:
        self._session.lost(self)
