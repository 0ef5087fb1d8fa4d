"""From observations to verdicts: the detection pipeline on the event bus.

``DetectionPipeline`` subscribes to the ``EventBus`` (it is a callable subscriber) and turns
what traps observe into ``Verdict``s, each published on the bus and handed to ``decide`` (the
policy engine's ``decide``), which alone turns verdicts into bans:

==========================  ===================  ========================================
observation                 verdict (detector)   when
==========================  ===================  ========================================
``trap.session`` (any)      ``scan.verdict``     the contact completes a port scan, a slow
  and kernel samples        (``scan``)           scan or an address sweep (``scan.py``)
``trap.session``            ``trap.verdict``     the trap's ``hit_score`` > 0: any contact
                            (the trap's name)
``trap.credential``         ``trap.verdict``     the trap's ``login_score`` > 0: any login
                            (the trap's name)    attempt (e.g. SSH: 100, banned for an hour
                                                 by the default policy), a SIP digest or
                                                 an SNMP community as much as a password
``trap.command``,           ``payload.verdict``  the payload scores at least
``trap.request``,           (``payload``)        ``payload_threshold`` (``scoring.py``)
``trap.credential``, banner
session previews
``tls.client_hello``        ``fingerprint.``     its JA4 (else JA3) is listed "bad" in the
                            ``verdict``          reputation file
                            (``fingerprint``)
==========================  ===================  ========================================

Trap verdicts use the trap's name as their detector, so ``[[policy.detectors]] name = "ssh"``
sets what an SSH login attempt does. A verdict of one kind (its event id and detector) about one
source is not repeated within ``repeat_after`` seconds: the policy has already answered it.
What the verdict matched (which payload rules, which port-scan kind, which fingerprint, contact
or login) does not make it a new kind, since one command line scored as a command and again as
a session preview, or a port scan that is also a sweep, would otherwise ask the policy twice
within milliseconds. Only a higher score than the one given passes within the window: the
policy may answer it differently (a login after a mere contact). Kernel ring-buffer samples
enter through ``packet(src, dst, dport, proto, time)``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from twisted.internet.interfaces import IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.config import (
    Config,
    DatagramLoginLimits,
    DetectionConfig,
    LoginTrapLimits,
    TrapConfig,
)
from honeymesh.detection.scan import ScanDetector, ScanFinding, ScanThresholds
from honeymesh.detection.scoring import PayloadRules, Reputation
from honeymesh.events import Event, EventId, JSONValue, Observation, Verdict

MAX_EXCERPT = 200
_TRAP_VERDICT = str(EventId.TRAP_VERDICT)


@dataclass(frozen=True)
class TrapPolicy:
    """What a trap's observations are worth: per-trap defaults from its ``[[traps]]`` table."""

    type: str
    hit_score: float
    login_score: float


def trap_policies(traps: tuple[TrapConfig, ...]) -> dict[str, TrapPolicy]:
    policies = {}
    for trap in traps:
        login = trap.login_score if isinstance(trap, LoginTrapLimits | DatagramLoginLimits) else 0.0
        policies[trap.name] = TrapPolicy(trap.type, trap.hit_score, login)
    return policies


def scan_thresholds(config: DetectionConfig) -> ScanThresholds:
    return ScanThresholds(
        ports=config.scan_ports,
        window=config.scan_window,
        slow_ports=config.slow_scan_ports,
        slow_window=config.slow_scan_window,
        addresses=config.sweep_addresses,
        address_window=config.sweep_window,
        max_sources=config.max_sources,
        repeat_after=config.repeat_after,
    )


def load_rules(config: Config) -> tuple[PayloadRules, Reputation]:
    """The payload rules and fingerprint reputation; raises RulesError with file, rule, problem."""
    d = config.detection
    rules = (
        PayloadRules.load(config.data_path(Path(d.rules))) if d.rules else PayloadRules.shipped()
    )
    reputation = (
        Reputation.load(config.data_path(Path(d.reputation)))
        if d.reputation
        else Reputation.shipped()
    )
    return rules, reputation


class DetectionPipeline:
    _log = Logger()

    def __init__(
        self,
        *,
        config: DetectionConfig,
        traps: Mapping[str, TrapPolicy],
        rules: PayloadRules,
        reputation: Reputation,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        decide: Callable[[Verdict], object],
    ) -> None:
        self._config = config
        self._traps = traps
        self._rules = rules
        self._reputation = reputation
        self._clock = clock
        self._publish = publish
        self._decide = decide
        self.scans = ScanDetector(scan_thresholds(config))
        self._last: OrderedDict[tuple[str, str, str], tuple[float, float]] = OrderedDict()
        self._max_last = 4 * config.max_sources
        self.verdicts = 0

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        decide: Callable[[Verdict], object],
    ) -> DetectionPipeline:
        """Everything from the configuration; raises RulesError for a bad rules file."""
        rules, reputation = load_rules(config)
        return cls(
            config=config.detection,
            traps=trap_policies(config.traps),
            rules=rules,
            reputation=reputation,
            clock=clock,
            publish=publish,
            decide=decide,
        )

    # Feeds -----------------------------------------------------------------------------------

    def __call__(self, event: Event) -> None:
        """The bus subscriber: observations in, verdicts out."""
        if not isinstance(event, Observation):
            return
        handler = self._handlers.get(event.event_id)
        if handler is not None:
            handler(self, event)

    def packet(self, src: str, dst: str, dport: int, proto: str, time: float | None = None) -> None:
        """A kernel sample: a SYN or UDP datagram from ``src`` to an unserved ``dst:dport``."""
        when = self._clock.seconds() if time is None else time
        self._scan(src, dst, dport, proto, time=when, feed="kernel")

    # Observations ----------------------------------------------------------------------------

    def _session(self, o: Observation) -> None:
        d = o.detail
        dst, port = d.get("local_address"), d.get("port")
        if isinstance(dst, str) and isinstance(port, int):
            proto = str(d.get("transport") or "tcp")
            self._scan(o.source, dst, port, proto, time=o.time, feed="trap")
        trap = self._trap(o)
        if (
            trap is not None
            and trap[1].hit_score > 0
            and self._fresh(o.source, trap[0], trap[1].hit_score, o.time)
        ):
            name, policy = trap
            self._verdict(
                EventId.TRAP_VERDICT,
                o,
                detector=name,
                score=policy.hit_score,
                reasons=(f"contacted trap {name} ({policy.type}) on port {port}",),
                evidence={"trap": name, "type": policy.type, "port": port},
            )
        if trap is not None and trap[1].type == "banner":
            preview = d.get("preview")
            if isinstance(preview, str) and preview:
                self._payload(o, preview.encode("utf-8", "backslashreplace"), "preview")

    def _credential(self, o: Observation) -> None:
        d = o.detail
        user, password = d.get("username"), d.get("password")
        trap = self._trap(o)
        if (
            trap is not None
            and trap[1].login_score > 0
            and self._fresh(o.source, trap[0], trap[1].login_score, o.time)
        ):
            name, policy = trap
            service = d.get("service") or policy.type
            self._verdict(
                EventId.TRAP_VERDICT,
                o,
                detector=name,
                score=policy.login_score,
                reasons=(f"login attempt on trap {name} ({service}) as {str(user)[:64]!r}",),
                evidence={
                    "trap": name,
                    "service": service,
                    "username": user,
                    "method": d.get("method"),
                    "accepted": d.get("accepted"),
                },
            )
        text = f"{user or ''}\n{password or ''}"
        self._payload(o, text.encode("utf-8", "backslashreplace"), "credential")

    def _command(self, o: Observation) -> None:
        command = o.detail.get("command")
        if isinstance(command, str):
            self._payload(o, command.encode("utf-8", "backslashreplace"), "command")

    def _request(self, o: Observation) -> None:
        d = o.detail
        parts = [str(d.get("method") or ""), " ", str(d.get("path") or "")]
        if d.get("query"):
            parts += ["?", str(d["query"])]
        headers = d.get("headers")
        if isinstance(headers, dict):
            parts += ["\n", "\n".join(f"{k}: {v}" for k, v in headers.items())]
        if d.get("body"):
            parts += ["\n\n", str(d["body"])]
        self._payload(o, "".join(parts).encode("utf-8", "backslashreplace"), "request")

    def _client_hello(self, o: Observation) -> None:
        ja4, ja3 = o.detail.get("ja4"), o.detail.get("ja3")
        entry = self._reputation.lookup(
            ja4 if isinstance(ja4, str) else None, ja3 if isinstance(ja3, str) else None
        )
        if entry is None or entry.verdict != "bad":
            return
        self._verdict(
            EventId.FINGERPRINT_VERDICT,
            o,
            detector="fingerprint",
            score=entry.score,
            reasons=(
                f"known-bad TLS client {entry.kind.upper()} {entry.fingerprint}: {entry.label}",
            ),
            evidence={
                "ja4": ja4,
                "ja3": ja3,
                "matched_on": entry.kind,
                "label": entry.label,
                "sni": o.detail.get("sni"),
                "trap": o.detail.get("trap"),
            },
        )

    _handlers: Mapping[EventId, Callable[[DetectionPipeline, Observation], None]] = {
        EventId.TRAP_SESSION: _session,
        EventId.TRAP_CREDENTIAL: _credential,
        EventId.TRAP_COMMAND: _command,
        EventId.TRAP_REQUEST: _request,
        EventId.TLS_CLIENT_HELLO: _client_hello,
    }
    #: The ids to subscribe it for (``EventBus.subscribe``): the observations it reads.
    wants: frozenset[EventId] = frozenset(_handlers)

    # Detectors -------------------------------------------------------------------------------

    def _scan(self, src: str, dst: str, dport: int, proto: str, *, time: float, feed: str) -> None:
        for found in self.scans.hit(src, dst, dport, proto, time):
            verdict = _scan_verdict(found, self._config.scan_score, feed)
            if not self._repeated(verdict):
                self._emit(verdict)

    def _payload(self, o: Observation, data: bytes, what: str) -> None:
        result = self._rules.score(data)
        if result.score < self._config.payload_threshold or result.score <= 0:
            return
        excerpt = data[:MAX_EXCERPT].decode("utf-8", "backslashreplace")
        self._verdict(
            EventId.PAYLOAD_VERDICT,
            o,
            detector="payload",
            score=result.score,
            reasons=result.reasons,
            evidence={
                "rules": list(result.matched),
                "entropy": result.entropy,
                "scored": what,
                "trap": o.detail.get("trap"),
                "observation": str(o.event_id),
                "excerpt": excerpt,
            },
        )

    def _trap(self, o: Observation) -> tuple[str, TrapPolicy] | None:
        name = o.detail.get("trap")
        if isinstance(name, str) and name in self._traps:
            return name, self._traps[name]
        return None

    def _verdict(
        self,
        event_id: EventId,
        o: Observation,
        *,
        detector: str,
        score: float,
        reasons: tuple[str, ...],
        evidence: dict[str, JSONValue],
    ) -> None:
        verdict = Verdict(event_id, o.time, o.source, detector, score, reasons, evidence)
        if not self._repeated(verdict):
            self._emit(verdict)

    def _fresh(self, source: str, detector: str, score: float, time: float) -> bool:
        """Whether a trap verdict could pass ``_repeated``, asked before one is built: a
        brute-forcer's thousandth attempt within ``repeat_after`` changes no verdict, and
        costs a look-up instead of a verdict with its reasons and evidence."""
        last = self._last.get((source, _TRAP_VERDICT, detector))
        return last is None or time - last[0] >= self._config.repeat_after or score > last[1]

    def _repeated(self, verdict: Verdict) -> bool:
        """Whether a verdict of this kind about this source, scoring as much or more, was given
        within ``repeat_after``; remembers this one if not. (A score that is not a number is
        never higher, so it cannot pass again and again.)"""
        mark = (verdict.source, str(verdict.event_id), verdict.detector)
        last = self._last.get(mark)
        if last is not None:
            given, score = last
            if verdict.time - given < self._config.repeat_after and not verdict.score > score:
                return True
        self._last[mark] = (verdict.time, verdict.score)
        self._last.move_to_end(mark)
        while len(self._last) > self._max_last:
            self._last.popitem(last=False)
        return False

    def _emit(self, verdict: Verdict) -> None:
        self.verdicts += 1
        self._publish(verdict)
        try:
            result = self._decide(verdict)
        except Exception:
            self._log.failure("policy failed on a {detector} verdict", detector=verdict.detector)
            return
        add_errback = getattr(result, "addErrback", None)
        if add_errback is not None:
            add_errback(self._decide_failed, verdict)

    def _decide_failed(self, failure: Failure, verdict: Verdict) -> None:
        self._log.failure(
            "policy failed on a {detector} verdict about {source}",
            failure=failure,
            detector=verdict.detector,
            source=verdict.source,
        )


def _scan_verdict(found: ScanFinding, score: float, feed: str) -> Verdict:
    evidence: dict[str, JSONValue] = {
        "kind": found.kind,
        "count": found.count,
        "threshold": found.threshold,
        "window": found.window,
        "first_seen": found.first_seen,
        "ports": list(found.ports),
        "addresses": list(found.addresses),
        "feed": feed,
    }
    return Verdict(
        EventId.SCAN_VERDICT,
        found.time,
        found.source,
        "scan",
        score,
        (found.describe(),),
        evidence,
    )
