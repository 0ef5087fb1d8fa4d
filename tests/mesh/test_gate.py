"""The receiver's gate: each refusal in its documented order, exact rate limits, and a state
machine over a fake clock showing that nothing forged or replayed ever passes and that a forged
copy never blocks the real signal."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule
from nacl.signing import SigningKey
from twisted.internet.task import Clock

from honeymesh.license.issue import LicenseSigningKey
from honeymesh.license.verify import Tier
from honeymesh.mesh import gate as gate_module
from honeymesh.mesh.envelope import seal
from honeymesh.mesh.gate import LIVE, REASONS, Gate, GateConfig, Passed, Refused
from honeymesh.mesh.replay import WINDOW

from ..license.helpers import DAY, KEYS, T0, make_license
from .items import (
    CLUSTER,
    OUTSIDER,
    PUBLISHERS,
    FakeDirectory,
    claim_bytes,
    node_id,
    ref,
    signal_fields,
    signed,
)

A, B, R = PUBLISHERS[0], PUBLISHERS[1], PUBLISHERS[2]  # R: a removed member
NOW = float(T0)
ROGUE_VENDOR = LicenseSigningKey(key_id="test-1", seed=b"\x09" * 32)  # our key id, not our key


@dataclass
class World:
    directory: FakeDirectory = field(default_factory=FakeDirectory)
    config: GateConfig = field(default_factory=GateConfig)
    claims: dict[str, bytes] = field(default_factory=dict)
    seqs: dict[str, itertools.count[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in (A, B):
            self.claims[node_id(key)] = self.directory.add(key)
        self.claims[node_id(R)] = self.directory.add(R, removed=True)
        self.gate = Gate(CLUSTER, self.directory, KEYS, self.config)

    def signal(self, key: SigningKey = A, **fields: Any) -> bytes:
        pub = node_id(key)
        seq = next(self.seqs.setdefault(pub, itertools.count(1)))
        claim = self.claims.get(pub, claim_bytes(pub))
        return signed(key, claim, **{"seq": seq, **fields})

    def check(self, raw: bytes, now: float = NOW) -> Passed | Refused:
        return self.gate.check(raw, now)

    def reason(self, raw: bytes, now: float = NOW) -> str:
        result = self.check(raw, now)
        return "passed" if isinstance(result, Passed) else result.reason


def ms(t: float) -> int:
    return int(t * 1000)


def test_a_valid_signal_passes_and_is_remembered() -> None:
    w = World()
    raw = w.signal(seq=5)
    result = w.check(raw)
    assert isinstance(result, Passed)
    assert result.signal.raw == raw
    assert w.gate.seen(result.signal.id, result.signal.publisher)
    assert w.gate.high_water() == {node_id(A): 5}
    assert w.gate.dirty == {node_id(A)}
    assert w.gate.counts == {"passed": 1}


def test_the_reasons_are_the_documented_ones_in_order() -> None:
    doc = gate_module.__doc__ or ""
    positions = [doc.find(f"``{r}``") for r in REASONS]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)


# -- each refusal, in the docstring's order ------------------------------------------------------


def test_not_consuming_refuses_everything_before_reading_it() -> None:
    w = World(config=GateConfig(consume=False))
    assert w.reason(w.signal()) == "not-consuming"
    assert w.reason(b"garbage") == "not-consuming"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"x" * 64,
        b"\x00" * 64 + b"not json",
        b"\x00" * 64 + b'{"v":"v2"}',
        seal(A, {"v": "v2", "hello": "world"}),
    ],
    ids=["empty", "signature-only", "not-json", "no-fields", "other-fields"],
)
def test_bytes_that_are_not_a_signal_are_malformed(raw: bytes) -> None:
    result = World().check(raw)
    assert isinstance(result, Refused)
    assert (result.reason, result.publisher) == ("malformed", None)


def test_an_l1_signal_carrying_a_fingerprint_is_malformed() -> None:
    w = World()
    body = {
        "target": "203.0.113.7/32",
        "reason": "scan",
        "ja4": "t13d1516h2_8daaf6152771_02713d6af862",
    }
    result = w.check(w.signal(cls="L1", body=body))
    assert isinstance(result, Refused)
    assert result.reason == "malformed"
    assert "L1" in result.detail
    assert w.reason(w.signal(cls="L2", body=body)) == "passed"


def test_unversioned_and_other_versions_are_told_apart() -> None:
    w = World()
    f = signal_fields(A, w.claims[node_id(A)])
    del f["v"]
    assert w.reason(seal(A, f)) == "unversioned"
    assert w.reason(w.signal(v="v1")) == "bad-version"
    assert w.reason(w.signal(v="v3")) == "bad-version"


def test_a_nodes_own_signal_echoed_back_is_dropped() -> None:
    w = World()
    w.gate.own = node_id(A)
    result = w.check(w.signal(A))
    assert isinstance(result, Refused)
    assert (result.reason, result.publisher) == ("own", node_id(A))
    assert w.reason(w.signal(B)) == "passed"
    assert w.reason(w.signal(A, v="v1")) == "bad-version"  # the schema is read first


def test_another_clusters_signal_is_refused() -> None:
    w = World()
    result = w.check(w.signal(cluster="acme-staging"))
    assert isinstance(result, Refused)
    assert (result.reason, result.publisher) == ("other-cluster", node_id(A))


def test_only_a_current_member_may_publish() -> None:
    w = World()
    assert w.reason(w.signal(OUTSIDER)) == "unknown-publisher"
    assert w.reason(w.signal(R)) == "removed-publisher"


def entitled(claim: bytes, key: SigningKey = A, now: float = NOW) -> str:
    w = World()
    w.directory.claims[ref(claim)] = (node_id(key), claim)
    return w.reason(w.signal(key, claim=ref(claim)), now)


def test_a_pro_claim_entitles() -> None:
    assert entitled(claim_bytes(node_id(A))) == "passed"


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param(claim_bytes(node_id(A), make_license(tier=Tier.COMMUNITY)), id="community"),
        pytest.param(claim_bytes(node_id(A), make_license(expires_at=T0 - 1)), id="expired"),
        pytest.param(claim_bytes(node_id(A), make_license(cluster_id="other")), id="other-cluster"),
        pytest.param(claim_bytes(node_id(A), publish=False), id="consume-only"),
        pytest.param(claim_bytes(node_id(B)), id="someone-elses"),
        pytest.param(claim_bytes(node_id(A), b'{"format":"honeymesh-license/1"}'), id="garbage"),
        pytest.param(claim_bytes(node_id(A), make_license(key=ROGUE_VENDOR)), id="rogue-vendor"),
    ],
)
def test_no_entitlement(claim: bytes) -> None:
    assert entitled(claim) == "no-entitlement"


def test_an_unknown_claim_is_not_remembered_as_refused() -> None:
    w = World()
    claim = claim_bytes(node_id(A), make_license(license_id="HM-LATE"))
    raw = w.signal(claim=ref(claim))
    assert w.reason(raw) == "no-entitlement"  # the claim record has not arrived yet
    w.directory.claims[ref(claim)] = (node_id(A), claim)
    assert w.reason(raw) == "passed"


def test_a_claim_whose_hash_does_not_match_is_refused() -> None:
    w = World()
    other = claim_bytes(node_id(A), make_license(license_id="HM-OTHER"))
    w.directory.claims["ab" * 32] = (node_id(A), other)
    assert w.reason(w.signal(claim="ab" * 32)) == "no-entitlement"


def test_a_license_that_expires_stops_entitling_though_its_claim_was_verified() -> None:
    w = World()
    claim = claim_bytes(node_id(A), make_license(expires_at=T0 + 100))
    w.directory.claims[ref(claim)] = (node_id(A), claim)
    assert w.reason(w.signal(claim=ref(claim))) == "passed"
    later = NOW + 200
    raw = w.signal(claim=ref(claim), ts=ms(later), exp=ms(later + 60))
    assert w.reason(raw, later) == "no-entitlement"


def test_a_license_not_yet_valid_entitles_once_it_is() -> None:
    # The receiver's clock is behind the publisher's: the license starts in 100 s for it. Being
    # in force is checked every time, so the refusal must not be remembered with the claim.
    w = World()
    claim = claim_bytes(node_id(A), make_license(not_before=T0 + 100))
    w.directory.claims[ref(claim)] = (node_id(A), claim)
    assert w.reason(w.signal(claim=ref(claim))) == "no-entitlement"
    later = NOW + 200
    raw = w.signal(claim=ref(claim), ts=ms(later), exp=ms(later + 60))
    assert w.reason(raw, later) == "passed"


def test_a_claim_is_looked_up_and_verified_once() -> None:
    w = World()
    for _ in range(5):
        assert w.reason(w.signal()) == "passed"
    assert w.directory.lookups == 1
    w.gate.forget_claims()
    assert w.reason(w.signal()) == "passed"
    assert w.directory.lookups == 2


def test_trusted_time_decides_whether_a_license_is_in_force() -> None:
    w = World()
    w.gate.trusted_now = lambda now: now + 40 * DAY  # the license ends at T0 + 30 days
    assert w.reason(w.signal()) == "no-entitlement"


@pytest.mark.parametrize(
    ("ts", "exp", "reason"),
    [
        (NOW + 31, NOW + 100, "future"),  # skew is 30 s
        (NOW + 30, NOW + 100, "passed"),
        (NOW - 100, NOW, "expired"),  # exp is the end: at exp it is over
        (NOW - 100, NOW + 0.001, "passed"),
        (NOW - 7 * DAY - 1, NOW + 10, "stale"),
        (NOW - 7 * DAY + 10, NOW + 10, "passed"),
        (NOW, NOW + 7 * DAY + 1, "too-long"),
        (NOW, NOW + 7 * DAY, "passed"),
    ],
)
def test_freshness(ts: float, exp: float, reason: str) -> None:
    w = World()
    assert w.reason(w.signal(ts=ms(ts), exp=ms(exp))) == reason


def test_a_signal_is_accepted_once() -> None:
    w = World()
    raw = w.signal()
    assert [w.reason(raw) for _ in range(3)] == ["passed", "duplicate", "duplicate"]


def test_a_sequence_number_is_accepted_once_whatever_the_id() -> None:
    w = World()
    assert w.reason(w.signal(seq=9)) == "passed"
    assert w.reason(w.signal(seq=9)) == "replay"
    assert w.reason(w.signal(B, seq=9)) == "passed"  # each publisher numbers its own


def test_numbers_below_the_window_are_stale() -> None:
    w = World()
    assert w.reason(w.signal(seq=WINDOW + 1)) == "passed"
    assert w.reason(w.signal(seq=2)) == "passed"
    assert w.reason(w.signal(seq=1)) == "stale-seq"


def test_a_signature_by_another_key_is_refused_and_blocks_nothing() -> None:
    w = World()
    f = signal_fields(A, w.claims[node_id(A)], seq=3)
    forged = seal(B, f)  # B, a member, signs as A
    result = w.check(forged)
    assert isinstance(result, Refused)
    assert (result.reason, result.publisher) == ("bad-signature", node_id(A))
    assert not w.gate.seen(f["id"], f["pub"])
    assert w.gate.high_water() == {}
    assert w.reason(seal(A, f)) == "passed"


def test_a_payload_altered_after_signing_is_refused() -> None:
    w = World()
    raw = w.signal()
    altered = raw.replace(b"203.0.113.7/32", b"192.0.2.1/32")
    assert w.reason(altered) == "bad-signature"
    assert w.reason(raw) == "passed"


@pytest.mark.parametrize(("burst", "extra"), [(1, 0), (5, 3), (20, 1), (200, 50)])
def test_exactly_the_excess_of_a_live_burst_is_rate_limited(burst: int, extra: int) -> None:
    w = World(config=GateConfig(burst=burst, per_minute=1200))
    results = [w.reason(w.signal()) for _ in range(burst + extra)]  # all stamped now
    assert results == ["passed"] * burst + ["rate-limited"] * extra
    assert w.reason(w.signal(B)) == "passed"  # per publisher


def test_the_bucket_refills_at_the_configured_rate() -> None:
    w = World(config=GateConfig(burst=3, per_minute=60))  # one a second

    def at(t: float, n: int) -> list[str]:
        return [w.reason(w.signal(ts=ms(t), exp=ms(t + 60)), t) for _ in range(n)]

    assert at(NOW, 4) == ["passed"] * 3 + ["rate-limited"]
    assert at(NOW + 2, 3) == ["passed"] * 2 + ["rate-limited"]
    assert at(NOW + 0.5, 1) == ["rate-limited"]  # time going back gives nothing
    assert at(NOW + 100, 4) == ["passed"] * 3 + ["rate-limited"]  # the bucket holds 3 at most


def test_catch_up_counts_against_the_minute_a_signal_was_stamped_in() -> None:
    # A node back from an outage receives what it missed in bulk: signals stamped more than a
    # minute ago do not draw on the burst, but no stamped minute carries more than per_minute.
    w = World(config=GateConfig(burst=2, per_minute=10))
    later = NOW + 3600
    minute_a = [w.signal(ts=ms(NOW + 1), exp=ms(later + 600)) for _ in range(12)]
    minute_b = [w.signal(ts=ms(NOW + 61), exp=ms(later + 600)) for _ in range(5)]
    results = [w.reason(raw, later) for raw in minute_a + minute_b]
    assert results == ["passed"] * 10 + ["rate-limited"] * 2 + ["passed"] * 5
    live = [w.reason(w.signal(ts=ms(later), exp=ms(later + 60)), later) for _ in range(3)]
    assert live == ["passed"] * 2 + ["rate-limited"]


def test_backdating_buys_no_more_than_an_hours_worth() -> None:
    # Each signal stamped in a minute of its own escapes the per-minute count, and old stamps
    # escape the burst: the hourly bucket still stops the flood at 60 x per_minute.
    w = World(config=GateConfig(burst=2, per_minute=2))
    later = NOW + 3 * 3600
    flood = [w.signal(ts=ms(NOW + 60 * i), exp=ms(later + 600)) for i in range(125)]
    results = [w.reason(raw, later) for raw in flood]
    assert results == ["passed"] * 120 + ["rate-limited"] * 5


def test_a_live_burst_also_counts_against_its_minute() -> None:
    w = World(config=GateConfig(burst=5, per_minute=6))
    assert [w.reason(w.signal()) for _ in range(6)] == ["passed"] * 5 + ["rate-limited"]
    later = NOW + 30  # the bucket is full again, but the minute has had 5 of its 6
    raws = [w.signal(ts=ms(NOW + 10), exp=ms(NOW + 600)) for _ in range(3)]
    assert [w.reason(raw, later) for raw in raws] == ["passed", "rate-limited", "rate-limited"]


def test_minute_counts_are_pruned_at_an_amortized_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    # The per-minute counts are pruned when they grow past a bound; when every count is still
    # within max_age, pruning frees nothing and must not then run again on every signal.
    monkeypatch.setattr(gate_module, "SEEN_IDS", 4)  # the bound is 4 * SEEN_IDS = 16 counts
    prunes = 0
    prune = Gate._prune_minutes

    def counted(gate: Gate, now: float) -> None:
        nonlocal prunes
        prunes += 1
        prune(gate, now)

    monkeypatch.setattr(Gate, "_prune_minutes", counted)
    w = World()
    for minute in range(64):  # one signal stamped in each of 64 minutes, all within max_age
        t = NOW - 7200 + 60 * minute
        assert w.reason(w.signal(ts=ms(t), exp=ms(NOW + 600)), NOW) == "passed"
    assert len(w.gate._minutes) == 64
    assert prunes <= 3  # at 17, 33 and 65 counts held, not once per signal past 16


def test_counts_are_kept_per_reason() -> None:
    w = World()
    raw = w.signal()
    w.check(raw)
    w.check(raw)
    w.check(b"")
    assert w.gate.counts == {"passed": 1, "duplicate": 1, "malformed": 1}


# -- the order of the checks ---------------------------------------------------------------------
# Each fault makes exactly one check fail; a signal with two faults reports the earlier one.

MAX_AGE = 7 * DAY
FAULTS: dict[str, dict[str, Any]] = {
    "duplicate": {"id": "d" * 32},
    "other-cluster": {"cluster": "elsewhere"},
    "unknown-publisher": {"key": OUTSIDER},
    "removed-publisher": {"key": R},
    "no-entitlement": {"claim": "cd" * 32},
    "future": {"ts": ms(NOW + 60), "exp": ms(NOW + 120)},
    "expired": {"ts": ms(NOW - 120), "exp": ms(NOW - 60)},
    "stale": {"ts": ms(NOW - MAX_AGE - 60), "exp": ms(NOW + 60)},
    "too-long": {"exp": ms(NOW + MAX_AGE + 60)},
    "replay": {"seq": WINDOW + 100},
    "stale-seq": {"seq": 5},
    "bad-signature": {"signer": B},
}
ORDERED = list(FAULTS)
PAIRS = [
    (a, b)
    for a, b in itertools.combinations(ORDERED, 2)
    if not set(FAULTS[a]) & set(FAULTS[b])
    and not {a, b} <= {"unknown-publisher", "removed-publisher"}
    # ids are unique per publisher: another publisher's signal with that id is no duplicate
    and not ("duplicate" in (a, b) and {a, b} & {"unknown-publisher", "removed-publisher"})
]


def test_a_publisher_cannot_block_anothers_signal_by_taking_its_id(primed: World) -> None:
    """A member that saw B's id first and signed its own signal with it blocks nothing."""
    taken = "e" * 32  # B's id, accepted in ``primed``; now A signs a signal with it
    assert primed.reason(primed.signal(A, seq=WINDOW + 150, id=taken)) == "passed"
    assert primed.reason(primed.signal(A, seq=WINDOW + 151, id=taken)) == "duplicate"


def faulty(w: World, faults: list[str]) -> bytes:
    settings: dict[str, Any] = {}
    for name in faults:
        settings.update(FAULTS[name])
    key = settings.pop("key", A)
    signer = settings.pop("signer", key)
    pub = node_id(key)
    settings.setdefault("claim", ref(w.claims.get(pub, claim_bytes(pub))))
    settings.setdefault("seq", WINDOW + 200 + len(w.gate.counts))
    return seal(signer, signal_fields(key, b"", **settings))


@pytest.fixture
def primed() -> World:
    w = World()
    for key in (A, B):  # what the replay faults collide with, for either publisher
        assert w.reason(w.signal(key, seq=WINDOW + 100, id=("d" if key is A else "e") * 32)) == (
            "passed"
        )
    return w


@pytest.mark.parametrize("name", ORDERED)
def test_each_fault_alone_gives_its_reason(primed: World, name: str) -> None:
    assert primed.reason(faulty(primed, [name])) == name


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_the_earlier_check_decides(primed: World, first: str, second: str) -> None:
    assert primed.reason(faulty(primed, [first, second])) == first


# -- the state machine ---------------------------------------------------------------------------

BURST = 4
PER_MINUTE = 6
RATE = PER_MINUTE / 60.0  # a token every ten seconds, as the gate computes it
KEYS_UNDER_TEST = PUBLISHERS[:3]
TARGETS = ("203.0.113.7/32", "198.51.100.0/24", "2001:db8::/64")


@dataclass
class Sent:
    """A genuine signal: its bytes, what it says, and whether it has been delivered."""

    raw: bytes
    fields: dict[str, Any]
    key: SigningKey
    delivered: bool = False


class GateMachine(RuleBasedStateMachine):
    signals = Bundle("signals")

    def __init__(self) -> None:
        super().__init__()
        self.clock = Clock()
        self.clock.advance(NOW)
        self.directory = FakeDirectory()
        self.claims = {node_id(k): self.directory.add(k) for k in KEYS_UNDER_TEST}
        self.gate = Gate(
            CLUSTER,
            self.directory,
            KEYS,
            GateConfig(burst=BURST, per_minute=PER_MINUTE, max_age=3600.0),
        )
        self.next_seq = {node_id(k): 1 for k in KEYS_UNDER_TEST}
        self.ids = itertools.count(1)
        # The model: what the gate has accepted, and each publisher's bucket.
        self.accepted_ids: set[tuple[str, str]] = set()
        self.accepted: dict[str, set[int]] = {node_id(k): set() for k in KEYS_UNDER_TEST}
        self.buckets: dict[str, tuple[float, float]] = {}
        self.minutes: dict[tuple[str, int], int] = {}

    def now(self) -> float:
        return self.clock.seconds()

    # -- the model's expectation for a genuine signal

    def expect(self, f: dict[str, Any]) -> str:
        now = self.now()
        if (f["pub"], f["id"]) in self.accepted_ids:
            return "duplicate"  # a copy of what was accepted is dropped first, quietly
        if f["exp"] / 1000 <= now:
            return "expired"
        if f["ts"] / 1000 < now - 3600.0:
            return "stale"
        seen = self.accepted[f["pub"]]
        top = max(seen, default=0)
        if f["seq"] <= top and top - f["seq"] >= WINDOW:
            return "stale-seq"  # below the window nothing is remembered, accepted or not
        if f["seq"] in seen:
            return "replay"
        return "verified"

    def take_token(self, pub: str) -> bool:
        tokens, then = self.buckets.get(pub, (float(BURST), self.now()))
        tokens = min(float(BURST), tokens + max(0.0, self.now() - then) * RATE)
        ok = tokens >= 1.0
        self.buckets[pub] = (tokens - 1.0 if ok else tokens, self.now())
        return ok

    def within_rate(self, f: dict[str, Any]) -> bool:
        """At most PER_MINUTE per stamped minute; live signals also draw on the bucket."""
        minute = (f["pub"], f["ts"] // 60_000)
        if self.minutes.get(minute, 0) >= PER_MINUTE:
            return False
        if f["ts"] / 1000 >= self.now() - LIVE and not self.take_token(f["pub"]):
            return False
        self.minutes[minute] = self.minutes.get(minute, 0) + 1
        return True

    def deliver(self, sent: Sent) -> None:
        expected = self.expect(sent.fields)
        result = self.gate.check(sent.raw, self.now())
        first = not sent.delivered
        sent.delivered = True
        if expected == "verified":
            self.accepted_ids.add((sent.fields["pub"], sent.fields["id"]))
            self.accepted[sent.fields["pub"]].add(sent.fields["seq"])
            expected = "passed" if self.within_rate(sent.fields) else "rate-limited"
        got = "passed" if isinstance(result, Passed) else result.reason
        event(f"{'first' if first else 'again'}: {got}")
        assert got == expected, (got, expected)
        if not first:
            assert got != "passed"

    # -- rules

    def sign(self, key: SigningKey, life: int, age: int, seq: int, address: str) -> Sent:
        ts = self.now() - age
        f = signal_fields(
            key,
            self.claims[node_id(key)],
            id=f"{next(self.ids):032x}",
            seq=seq,
            ts=ms(ts),
            exp=ms(ts + life),
            body={"target": address, "reason": "scan"},
        )
        return Sent(seal(key, f), f, key)

    @initialize(target=signals)
    def first(self) -> Sent:
        return self.new_signal(KEYS_UNDER_TEST[0], 600, 0, 0, None, TARGETS[0])

    @rule(
        target=signals,
        key=st.sampled_from(KEYS_UNDER_TEST),
        life=st.integers(30, 900),
        age=st.sampled_from([0, 0, 0, 1, 30, 59, 61, 200]),
        skip=st.sampled_from([0] * 5 + [1, 5, WINDOW + 3, WINDOW + 3]),
        back=st.sampled_from([None] * 8 + [1, 2, 5]),
        address=st.sampled_from(TARGETS),
    )
    def make(
        self, key: SigningKey, life: int, age: int, skip: int, back: int | None, address: str
    ) -> Sent:
        return self.new_signal(key, life, age, skip, back, address)

    def new_signal(
        self, key: SigningKey, life: int, age: int, skip: int, back: int | None, address: str
    ) -> Sent:
        """A publisher signs a signal; it may reach us later, out of order, or never. With
        ``back`` it reuses a number it already gave another signal (a publisher restored from
        an old backup): its own signature, but a replay all the same."""
        pub = node_id(key)
        if back is not None and self.next_seq[pub] > back:
            return self.sign(key, life, age, self.next_seq[pub] - back, address)
        self.next_seq[pub] += skip
        self.next_seq[pub] += 1
        return self.sign(key, life, age, self.next_seq[pub] - 1, address)

    @rule(
        target=signals,
        key=st.sampled_from(KEYS_UNDER_TEST),
        count=st.integers(1, 2 * BURST),
    )
    def publish(self, key: SigningKey, count: int) -> Sent:
        """A publisher's burst, each delivered as it is made, all at one instant."""
        for _ in range(count):
            sent = self.new_signal(key, 600, 0, 0, None, TARGETS[0])
            self.deliver(sent)
        return sent

    @rule(sent=signals)
    def deliver_first(self, sent: Sent) -> None:
        if not sent.delivered:
            self.deliver(sent)

    @rule(sent=signals)
    def replay(self, sent: Sent) -> None:
        """The same bytes again, from a relay or an attacker."""
        if sent.delivered:
            self.deliver(sent)

    @rule(
        sent=signals,
        how=st.sampled_from(["other-key", "member-key", "altered", "signature-bit"]),
        bit=st.integers(0, 511),
    )
    def forge(self, sent: Sent, how: str, bit: int) -> None:
        """A copy of a signal (delivered or not) that its publisher did not sign."""
        if how in ("other-key", "member-key"):
            signer = (
                OUTSIDER
                if how == "other-key"
                else next(k for k in KEYS_UNDER_TEST if k is not sent.key)
            )
            changed = {**sent.fields, "body": {**sent.fields["body"], "reason": "forged"}}
            raw = seal(signer, changed if bit % 2 else sent.fields)
        elif how == "altered":
            payload = json.loads(sent.raw[64:])
            payload["body"]["target"] = "192.0.2.66/32"
            raw = (
                sent.raw[:64] + json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
            )
        else:
            flipped = bytearray(sent.raw)
            flipped[bit // 8] ^= 1 << (bit % 8)
            raw = bytes(flipped)
        before = (set(self.gate._seen), self.gate.high_water())
        result = self.gate.check(raw, self.now())
        event(f"forged: {'passed' if isinstance(result, Passed) else result.reason}")
        assert not isinstance(result, Passed)
        assert (set(self.gate._seen), self.gate.high_water()) == before  # blocks nothing

    @rule(seconds=st.sampled_from([0.5, 1, 3, 10, 10, 30, 61, 200, 1000]))
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @invariant()
    def windows_hold_what_was_accepted(self) -> None:
        tops = {pub: max(seqs) for pub, seqs in self.accepted.items() if seqs}
        assert self.gate.high_water() == tops
        for pub, seqs in self.accepted.items():
            for seq in seqs:
                if tops[pub] - seq < WINDOW:
                    assert self.gate.windows[pub].check(seq) == "replay"

    def teardown(self) -> None:
        assert self.clock.getDelayedCalls() == []


TestGateMachine = GateMachine.TestCase
TestGateMachine.settings = settings(max_examples=150, stateful_step_count=50, deadline=None)
