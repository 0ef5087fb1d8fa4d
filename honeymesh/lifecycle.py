"""Starting and stopping the appliance's services in a dependable order."""

from __future__ import annotations

from twisted.application.service import MultiService, Service
from twisted.internet.defer import Deferred, maybeDeferred
from twisted.logger import Logger


class OrderedMultiService(MultiService):
    """Children start in order and stop in reverse order, each stop awaited before the next.

    Twisted's MultiService stops every child at once, so a service whose stop takes a moment
    (the kernel service releasing its maps in a thread) would still be publishing events after
    the store behind it had closed. A child whose stop fails is logged; the others still stop.
    """

    _log = Logger()

    def stopService(self) -> Deferred[None]:
        Service.stopService(self)
        return Deferred.fromCoroutine(self._stop_in_turn())

    async def _stop_in_turn(self) -> None:
        for service in reversed(list(self)):
            try:
                await maybeDeferred(service.stopService)
            except Exception:
                self._log.failure("stopping {service} failed", service=service)
