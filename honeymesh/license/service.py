"""The license as a running service: re-evaluated on a timer, the clock mark advanced, changes told.

``LicenseService`` re-reads the license file and ``license.clock`` every ``check_interval``
seconds (and once more at the moment a Pro license expires), applies ``evaluate``, records a
raised clock mark, and publishes ``license.state`` whenever the outcome changes (tier, refusal,
license, expiry, features or clock fault). Listeners (the mesh) are called with each new
``Entitlement``. Time comes from the injected reactor; a check reads two small files and
verifies one signature (about 0.2 ms).

Twisted schedules timers on wall-clock time: after the clock is set back, the periodic check
waits as long as the clock went back. ``check()`` is therefore public and cheap, for the status
API and the mesh to call whenever they need the current answer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from twisted.application.service import Service
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.internet.task import LoopingCall
from twisted.logger import Logger

from honeymesh.config import Config
from honeymesh.events import Event, EventId, Notice
from honeymesh.license.clock import CLOCK_FILE, ClockFault, ClockFile, ClockJudgement
from honeymesh.license.entitlement import Entitlement, evaluate, load_license, suspend
from honeymesh.license.keys import TrustedKeys, trusted_keys_for
from honeymesh.license.verify import Refusal, Tier, format_time

Listener = Callable[[Entitlement], object]


class LicenseService(Service):
    _log = Logger()

    def __init__(
        self,
        *,
        license_path: Path,
        keys: TrustedKeys,
        clock_file: ClockFile,
        cluster_id: str,
        tolerance: float,
        interval: float,
        reactor: IReactorTime,
        publish: Callable[[Event], object],
    ) -> None:
        self.setName("license")
        self._license_path = license_path
        self._keys = keys
        self._clock_file = clock_file
        self._cluster_id = cluster_id
        self._tolerance = tolerance
        self._reactor = reactor
        self._publish = publish
        self._listeners: list[Listener] = []
        self._loop = LoopingCall(self.check)
        self._loop.clock = reactor
        self._interval = interval
        self._expiry_call: IDelayedCall | None = None
        self._published: Entitlement | None = None
        # Known from construction on (read only: no clock write, no event until started), so
        # the wiring can gate the mesh before anything runs.
        self.entitlement, _ = self._evaluate()

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        clock_key: bytes,
        reactor: IReactorTime,
        publish: Callable[[Event], object],
    ) -> LicenseService:
        """Built from ``[license]`` and ``[sharing]``; raises ConfigError for a bad trusted key."""
        return cls(
            license_path=config.data_path(config.license.path),
            keys=trusted_keys_for(config),
            clock_file=ClockFile(config.node.data_dir / CLOCK_FILE, clock_key),
            cluster_id=config.sharing.cluster_id,
            tolerance=config.license.clock_tolerance,
            interval=config.license.check_interval,
            reactor=reactor,
            publish=publish,
        )

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(entitlement)`` after every change; returns a function that stops it."""
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def startService(self) -> None:
        super().startService()
        self._loop.start(self._interval, now=True)

    def stopService(self) -> None:
        super().stopService()
        if self._loop.running:
            self._loop.stop()
        self._cancel_expiry_call()

    def _evaluate(self) -> tuple[Entitlement, ClockJudgement]:
        return evaluate(
            load_license(self._license_path, self._keys),
            self._clock_file.read(),
            now=self._reactor.seconds(),
            tolerance=self._tolerance,
            cluster_id=self._cluster_id or None,
        )

    def check(self) -> Entitlement:
        """Evaluate now, record the clock mark, publish and notify if anything changed."""
        ent, clock = self._evaluate()
        if clock.write is not None:
            try:
                self._clock_file.write(clock.write)
            except OSError as e:
                detail = f"cannot record the clock mark in {self._clock_file.path}: {e.strerror}"
                if self.entitlement.clock_fault is not ClockFault.UNWRITABLE:
                    self._clock_event("write_failed", clock.write, detail)
                ent = suspend(ent, ClockFault.UNWRITABLE, detail)
            else:
                if clock.started:
                    self._clock_event("started", clock.write, clock.detail)
        self.entitlement = ent
        self._schedule_expiry(ent)
        if self._published is None or self._published.summary() != ent.summary():
            self._announce(ent, self._published)
            self._published = ent
        return ent

    def _announce(self, ent: Entitlement, previous: Entitlement | None) -> None:
        detail = ent.status()
        detail["previous_tier"] = str(previous.tier) if previous else None
        was = previous.refusal if previous else None
        detail["previous_refusal"] = str(was) if was else None
        self._publish(Notice(EventId.LICENSE_STATE, ent.checked_at, detail))
        if ent.tier is Tier.PRO:
            self._log.info("license: Pro. {reason}", reason=ent.reason)
        elif ent.refusal in (None, Refusal.NO_LICENSE):
            self._log.warn(
                "license: Community (local protection only; sharing needs Pro). {reason}",
                reason=ent.reason,
            )
        else:
            self._log.error(
                "license: Community, Pro refused ({refusal}): {reason}",
                refusal=str(ent.refusal),
                reason=ent.reason,
            )
        for listener in list(self._listeners):
            try:
                listener(ent)
            except Exception:
                self._log.failure("license listener {listener!r} failed", listener=listener)

    def _clock_event(self, action: str, mark: int, detail: str) -> None:
        self._publish(
            Notice(
                EventId.LICENSE_CLOCK,
                self._reactor.seconds(),
                {
                    "action": action,
                    "mark": format_time(mark),
                    "path": str(self._clock_file.path),
                    "detail": detail,
                },
            )
        )

    def _schedule_expiry(self, ent: Entitlement) -> None:
        """Check again the moment a Pro license expires, rather than up to one interval later."""
        self._cancel_expiry_call()
        if not self.running or ent.tier is not Tier.PRO or ent.expires_at is None:
            return
        delay = ent.expires_at - self._reactor.seconds()
        if 0 <= delay < self._interval:
            self._expiry_call = self._reactor.callLater(delay, self._expiry_check)

    def _expiry_check(self) -> None:
        self._expiry_call = None
        self.check()

    def _cancel_expiry_call(self) -> None:
        if self._expiry_call is not None and self._expiry_call.active():
            self._expiry_call.cancel()
        self._expiry_call = None
