"""systemd's readiness protocol (sd_notify), without libsystemd: one datagram per state change.

``honeymesh.service`` is ``Type=notify``: systemd holds back units ordered after HoneyMesh, and
``systemctl start`` waits, until the node says ``READY=1``, which it says only once every
listener is up and enforcement has settled (the kernel backend chosen, the ban list restored).
A start that only launched the process would let a supervisor believe bans are enforced while
they are still being loaded.

The protocol (sd_notify(3)) is a newline-separated ``KEY=value`` datagram sent to the Unix
socket named by ``$NOTIFY_SOCKET``; a name starting with ``@`` is in the abstract namespace.
Without ``$NOTIFY_SOCKET`` (not run by systemd) every call does nothing.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping
from typing import Protocol

from twisted.logger import Logger


class Notify(Protocol):
    def __call__(self, **state: str) -> None: ...


class SystemdNotifier:
    """Sends state to the service manager; never raises (a lost notification must not stop
    the node: systemd then times the start out and says so)."""

    _log = Logger()

    def __init__(self, address: str | None) -> None:
        self._address = address or None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> SystemdNotifier:
        return cls(environ.get("NOTIFY_SOCKET"))

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def __call__(self, **state: str) -> None:
        """``notify(READY="1", STATUS="...")`` sends ``READY=1\\nSTATUS=...``."""
        if self._address is None:
            return
        address = self._address
        if address.startswith("@"):
            address = "\0" + address[1:]
        # One line per key: a value's own line breaks would start keys of their own.
        message = "\n".join(f"{key}={' '.join(value.splitlines())}" for key, value in state.items())
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(address)
                sock.sendall(message.encode("utf-8"))
        except OSError as e:
            self._log.warn(
                "cannot tell the service manager {message!r}: {error}",
                message=message,
                error=str(e),
            )


def no_notify(**state: str) -> None:
    """The notifier when nothing supervises the node (tests, ``make run`` by hand)."""
