"""A mesh of simulated peers, some of them lying, pushing signals through the real TrustModel.

Used by the tests (tests/trust/test_simulation.py) and the benchmark (bench/trust_sim.py). Pure
and deterministic: a seeded ``random.Random``, simulated time, no reactor.

The world:

* **Attackers** are real hostile addresses, each active for ``attacker_lifetime`` seconds. While
  active, each honest peer sights each attacker at ``sighting_rate`` per minute and reports it
  once (a ban signal); each attacker hits our own traps at ``local_hit_rate`` per minute (a local
  confirmation, ``TrustModel.confirm``).
* **Victims** are addresses that are not hostile: ``benign`` ordinary ones plus ``canaries``
  (configured as canary addresses) and ``allowlisted`` ones (on our allowlist). A liar cannot
  tell them apart, so it picks uniformly among all of them.
* **Peers**: honest ones report what they sight. Malicious ones come in three kinds, split
  evenly: *lone liars* ban random victims, *colluding groups* of ``group_size`` ban the same
  victim within a few minutes of each other (so their L1 signals corroborate one another), and
  *camouflage* peers report attackers honestly and now and then slip in a lie.

What is measured: how many distinct benign addresses named in a ban signal got banned (the false
ban rate), whether any canary or allowlisted address was banned, how long after its first honest
report an attacker was banned, and whether every attacker reported by two honest L1+ peers within
one corroboration window was banned by the second report.
"""

from __future__ import annotations

import ipaddress
import math
import random
import statistics
from dataclasses import dataclass, field
from typing import Literal

from honeymesh.config import TrustConfig
from honeymesh.events import JSONValue
from honeymesh.trust.model import Level, Outcome, RemoteSignal, TrustModel

PeerKind = Literal["honest", "lone", "colluding", "camouflage"]
MINUTE = 60.0


@dataclass(frozen=True)
class Scenario:
    peers: int = 50
    malicious_fraction: float = 0.3
    duration: float = 2 * 86400.0
    attackers: int = 300
    attacker_lifetime: float = 1800.0
    sighting_rate: float = 0.02  # per honest peer, per active attacker, per minute
    local_hit_rate: float = 0.02  # per active attacker, per minute
    benign: int = 5000
    canaries: int = 250
    allowlisted: int = 250
    lie_rate: float = 0.05  # lies per minute by each lone liar or colluding group
    camouflage_lie_rate: float = 0.005  # lies per minute by each camouflage peer
    group_size: int = 3
    group_spread: float = 300.0  # seconds over which a group's members send the same lie
    colluders_report: bool = False  # colluding groups also report real attackers to earn trust
    seed: int = 1
    trust: TrustConfig = field(default_factory=TrustConfig)

    def kinds(self) -> list[PeerKind]:
        """Each peer's kind: malicious ones first, split evenly over the three kinds."""
        bad = round(self.peers * self.malicious_fraction)
        lone = bad // 3
        colluding = bad // 3
        if colluding == 1:  # a "group" of one is a lone liar
            lone, colluding = lone + 1, 0
        camouflage = bad - lone - colluding
        counts: list[tuple[PeerKind, int]] = [
            ("lone", lone),
            ("colluding", colluding),
            ("camouflage", camouflage),
            ("honest", self.peers - bad),
        ]
        return [kind for kind, n in counts for _ in range(n)]


@dataclass(frozen=True)
class SimResult:
    scenario: Scenario
    malicious: int
    benign_named: int
    benign_banned: int
    canaries_named: int
    canaries_banned: int
    allowlisted_named: int
    allowlisted_banned: int
    attackers_reported: int
    attackers_banned: int
    time_to_ban: tuple[float, ...]  # seconds from first honest report to ban, per banned attacker
    due: int  # attackers reported by two honest L1+ peers within one window
    late: tuple[str, ...]  # of those, the ones not banned by the second such report
    signals: int
    final_levels: dict[PeerKind, dict[str, int]]
    honest_to_l1: tuple[float, ...]  # per honest peer: seconds until its first signal at L1+

    @property
    def false_ban_rate(self) -> float:
        return self.benign_banned / self.benign_named if self.benign_named else 0.0

    def time_to_ban_quantile(self, q: float) -> float | None:
        if not self.time_to_ban:
            return None
        ordered = sorted(self.time_to_ban)
        return ordered[min(len(ordered) - 1, math.floor(q * len(ordered)))]

    def as_json(self) -> dict[str, JSONValue]:
        s = self.scenario
        return {
            "peers": s.peers,
            "malicious_fraction": s.malicious_fraction,
            "malicious": self.malicious,
            "seed": s.seed,
            "signals": self.signals,
            "benign_named": self.benign_named,
            "benign_banned": self.benign_banned,
            "false_ban_rate": round(self.false_ban_rate, 5),
            "canaries_banned": self.canaries_banned,
            "allowlisted_banned": self.allowlisted_banned,
            "attackers_reported": self.attackers_reported,
            "attackers_banned": self.attackers_banned,
            "time_to_ban_median": (
                statistics.median(self.time_to_ban) if self.time_to_ban else None
            ),
            "time_to_ban_p90": self.time_to_ban_quantile(0.9),
            "time_to_ban_max": max(self.time_to_ban) if self.time_to_ban else None,
            "due": self.due,
            "late": len(self.late),
            "honest_to_l1_median": (
                statistics.median(self.honest_to_l1) if self.honest_to_l1 else None
            ),
            "final_levels": {k: dict(v) for k, v in self.final_levels.items()},
        }


@dataclass(frozen=True)
class _Send:
    time: float
    peer: str
    target: str
    honest: bool


@dataclass(frozen=True)
class _Hit:
    time: float
    address: str


def _poisson_times(
    rng: random.Random, rate_per_minute: float, start: float, end: float
) -> list[float]:
    """Arrival times of a Poisson process over [start, end)."""
    times: list[float] = []
    if rate_per_minute <= 0:
        return times
    t = start
    while True:
        t += rng.expovariate(rate_per_minute / MINUTE)
        if t >= end:
            return times
        times.append(t)


def _addresses(first: str, count: int) -> list[str]:
    base = ipaddress.ip_address(first)
    return [str(base + i) for i in range(count)]


def run(scenario: Scenario) -> SimResult:  # noqa: PLR0912, PLR0915 - one readable script
    rng = random.Random(scenario.seed)
    s = scenario
    attackers = _addresses("100.64.0.1", s.attackers)
    benign = _addresses("10.0.0.1", s.benign)
    canaries = _addresses("10.100.0.1", s.canaries)
    allowlisted = _addresses("10.200.0.1", s.allowlisted)
    victims = benign + canaries + allowlisted
    rng.shuffle(victims)
    allowset = {ipaddress.ip_network(a) for a in allowlisted}
    trust = TrustConfig(**{**s.trust.__dict__, "canary_addresses": tuple(canaries)})
    model = TrustModel(trust, now=0.0)

    kinds = s.kinds()
    peers = [f"peer-{i:03d}" for i in range(len(kinds))]
    kind_of = dict(zip(peers, kinds, strict=True))
    reporting: set[PeerKind] = {"honest", "camouflage"}
    if s.colluders_report:
        reporting.add("colluding")
    reporters = [p for p in peers if kind_of[p] in reporting]

    sends: list[_Send] = []
    hits: list[_Hit] = []
    # Attackers: honest (and camouflage) sightings, and hits on our own traps.
    for address in attackers:
        start = rng.uniform(0, s.duration - s.attacker_lifetime)
        end = start + s.attacker_lifetime
        for peer in reporters:
            first = _poisson_times(rng, s.sighting_rate, start, end)
            if first:
                sends.append(_Send(first[0], peer, address, kind_of[peer] == "honest"))
        hits.extend(_Hit(t, address) for t in _poisson_times(rng, s.local_hit_rate, start, end))
    # Lies.
    for peer in peers:
        if kind_of[peer] == "lone":
            for t in _poisson_times(rng, s.lie_rate, 0, s.duration):
                sends.append(_Send(t, peer, rng.choice(victims), False))
        elif kind_of[peer] == "camouflage":
            for t in _poisson_times(rng, s.camouflage_lie_rate, 0, s.duration):
                sends.append(_Send(t, peer, rng.choice(victims), False))
    colluders = [p for p in peers if kind_of[p] == "colluding"]
    groups = [colluders[i : i + s.group_size] for i in range(0, len(colluders), s.group_size)]
    for group in groups:
        for t in _poisson_times(rng, s.lie_rate, 0, s.duration):
            victim = rng.choice(victims)
            for member in group:
                delay = rng.uniform(0, s.group_spread)
                sends.append(_Send(min(t + delay, s.duration), member, victim, False))

    events: list[tuple[float, int, _Send | _Hit | None]] = [(x.time, 1, x) for x in sends]
    events += [(h.time, 0, h) for h in hits]
    ticks = int(s.duration // trust.tick_interval)
    events += [(i * trust.tick_interval, 2, None) for i in range(1, ticks + 1)]
    events.sort(key=lambda e: (e[0], e[1]))

    banned: dict[str, float] = {}
    named: set[str] = set()
    first_report: dict[str, float] = {}
    honest_l1_reports: dict[str, list[tuple[float, str]]] = {}
    due_at: dict[str, float] = {}
    to_l1: dict[str, float] = {}
    window = trust.corroboration_window
    seq = 0
    for time, _, item in events:
        if item is None:
            model.tick(time)
        elif isinstance(item, _Hit):
            model.confirm(item.address, time)
        else:
            seq += 1
            signal = RemoteSignal(
                item.peer, "ban", item.target, "L2", ("simulated",), time, f"sig-{seq}"
            )
            net = signal.network
            decision = model.evaluate(signal, time, allowlisted=net in allowset).decision
            named.add(item.target)
            if decision.outcome is Outcome.ENFORCE:
                banned.setdefault(item.target, time)
            if item.honest:
                first_report.setdefault(item.target, time)
                if decision.level >= Level.L1:
                    to_l1.setdefault(item.peer, time)
                    earlier = honest_l1_reports.setdefault(item.target, [])
                    if item.target not in due_at and any(
                        p != item.peer and time - t <= window for t, p in earlier
                    ):
                        due_at[item.target] = time
                    earlier.append((time, item.peer))

    benign_set, canary_set = set(benign), set(canaries)
    allow_set = set(allowlisted)
    late = tuple(sorted(a for a, t in due_at.items() if banned.get(a, math.inf) > t))
    ttb = tuple(banned[a] - first_report[a] for a in attackers if a in banned and a in first_report)
    final: dict[PeerKind, dict[str, int]] = {}
    for view in model.views(s.duration):
        counts = final.setdefault(kind_of[view.peer_id], {})
        counts[str(view.level)] = counts.get(str(view.level), 0) + 1
    return SimResult(
        scenario=s,
        malicious=sum(1 for k in kinds if k != "honest"),
        benign_named=len(named & benign_set),
        benign_banned=len(banned.keys() & benign_set),
        canaries_named=len(named & canary_set),
        canaries_banned=len(banned.keys() & canary_set),
        allowlisted_named=len(named & allow_set),
        allowlisted_banned=len(banned.keys() & allow_set),
        attackers_reported=len(first_report),
        attackers_banned=len(banned.keys() & set(attackers)),
        time_to_ban=ttb,
        due=len(due_at),
        late=late,
        signals=seq,
        final_levels=final,
        honest_to_l1=tuple(to_l1.values()),
    )
