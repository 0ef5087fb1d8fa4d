"""A periodic job as a Service, on an injected reactor, that survives its own errors."""

from __future__ import annotations

from collections.abc import Callable

from twisted.application.service import Service
from twisted.internet.defer import Deferred, maybeDeferred
from twisted.internet.interfaces import IReactorTime
from twisted.internet.task import LoopingCall
from twisted.logger import Logger

from honeymesh.store.db import log_job_failure


class PeriodicService(Service):
    """Calls ``job()`` every ``interval`` seconds while running.

    A job that raises (or whose Deferred fails) is logged; the loop goes on. A job still running
    when the next tick comes is not started twice.
    """

    _log = Logger()

    def __init__(
        self,
        name: str,
        interval: float,
        job: Callable[[], object],
        reactor: IReactorTime,
        *,
        now: bool = False,
    ) -> None:
        self.setName(name)
        self._interval = interval
        self._job = job
        self._now = now
        self._running_job = False
        self._loop = LoopingCall(self._tick)
        self._loop.clock = reactor

    def _tick(self) -> None:
        if self._running_job:
            return
        self._running_job = True
        d = maybeDeferred(self._job)
        d.addErrback(
            lambda f: log_job_failure(self._log, f, "periodic job {job} failed", job=self.name)
        )
        d.addBoth(self._done)

    def _done(self, _: object) -> None:
        self._running_job = False

    def startService(self) -> None:
        super().startService()
        self._loop.start(self._interval, now=self._now)

    def stopService(self) -> Deferred[None] | None:
        super().stopService()
        if self._loop.running:
            self._loop.stop()
        return None
