"""The receiver's gate on one core: signals fully checked per second against bare Ed25519.

    .venv/bin/python bench/mesh_gate.py [--publishers 20] [--signals 1000] [--rounds 31]
                                        [--memory-publishers 1000] [--profile 0] [--wall]

Each round, the same fresh signals (L2 bans with a JA4, from ``--publishers`` members with Pro
claims, each one passing) go through a new ``Gate.check``, and their payloads through bare
``nacl.signing.VerifyKey.verify`` with the keys made beforehand, interleaved (gate then bare,
then bare then gate, ...) so drift in machine load hits both. Each publisher's claim is
checked once, by one signal per publisher before the clock starts, as it would be in a
running node. Rates are medians over rounds; the figure that matters is the ratio
gate/bare, taken within each round and then the median over rounds (aim: at least 0.7).

Memory: the replay state persisted per publisher (the window's bytes and its top), and, with
``tracemalloc``, the Python memory a gate holds per publisher after two signals from each of
``--memory-publishers`` (seq 1 and seq 1024, so the window's bitmap is full width): the window
alone (aim: 2 KiB at most), the cached claim, the remembered signal ids (a gate keeps at most
``SEEN_IDS`` of these in all), and the rest (rate buckets, minute counts, dirty set).

Rounds are timed in this thread's CPU time (``time.thread_time``), so that other processes on a
shared machine do not count against either side; ``--wall`` uses the wall clock instead.
``--profile N`` prints the N costliest functions of one gate round to stderr (cProfile).
One JSON line per result.
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import gc
import hashlib
import json
import pstats
import statistics
import sys
import time
import tracemalloc
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Literal

from nacl.signing import SigningKey, VerifyKey

from bench import _args as argtypes
from honeymesh.license.issue import LicenseSigningKey, issue_license
from honeymesh.license.jsonbytes import canonical_json
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import Tier
from honeymesh.mesh.envelope import seal
from honeymesh.mesh.gate import Gate, GateConfig, Passed
from honeymesh.mesh.replay import WINDOW, ReplayWindow

NOW = 1_800_000_000.0
CLUSTER = "bench"
VENDOR = LicenseSigningKey(key_id="bench-1", seed=b"\x03" * 32)
KEYS = TrustedKeys([VENDOR.public])
LICENSE = issue_license(
    VENDOR,
    licensee="Bench Corp",
    tier=Tier.PRO,
    issued_at=int(NOW) - 86400,
    not_before=int(NOW) - 86400,
    expires_at=int(NOW) + 30 * 86400,
    cluster_id=None,
    features=("sharing",),
    license_id="HM-BENCH-1",
)
JA4 = "t13d1516h2_8daaf6152771_02713d6af862"
CLOCK = time.thread_time  # CPU time: on a shared machine, other processes' turns do not count
UNLIMITED = GateConfig(burst=10**9, per_minute=10**9)  # measure the checks, not the limiter


def emit(result: dict[str, Any]) -> None:
    print(json.dumps({"bench": "mesh_gate", **result}), flush=True)


class Members:
    """The gate's view of membership: every publisher a member, each with its Pro claim."""

    def __init__(self, keys: list[SigningKey]) -> None:
        self.nodes: set[str] = set()
        self.claims: dict[str, tuple[str, bytes]] = {}
        self.refs: dict[str, str] = {}
        for key in keys:
            node = bytes(key.verify_key).hex()
            claim = canonical_json(
                {"format": "honeymesh-claim/1", "node_id": node, "publish": True,
                 "consume": True, "license": base64.b64encode(LICENSE).decode("ascii")}
            )  # fmt: skip
            ref = hashlib.sha256(claim).hexdigest()
            self.nodes.add(node)
            self.claims[ref] = (node, claim)
            self.refs[node] = ref

    def status(self, node_id: str) -> Literal["member", "removed", "unknown"]:
        return "member" if node_id in self.nodes else "unknown"

    def claim_by_ref(self, ref: str) -> tuple[str, bytes] | None:
        return self.claims.get(ref)


class Publishers:
    def __init__(self, count: int, seed: int = 0) -> None:
        self.keys = [
            SigningKey(hashlib.sha256(b"pub%d-%d" % (seed, i)).digest()) for i in range(count)
        ]
        self.members = Members(self.keys)
        self.ids = 0

    def sign(self, key: SigningKey, seq: int, n: int) -> bytes:
        node = bytes(key.verify_key).hex()
        self.ids += 1
        return seal(
            key,
            {
                "v": "v2",
                "id": f"{self.ids:032x}",
                "pub": node,
                "seq": seq,
                "ts": int(NOW * 1000),
                "exp": int((NOW + 600) * 1000),
                "cls": "L2",
                "kind": "ban",
                "claim": self.members.refs[node],
                "cluster": CLUSTER,
                "body": {
                    "target": f"203.0.{113 + n // 256 % 8}.{n % 256}/32",
                    "reason": "ssh-bruteforce",
                    "ja4": JA4,
                },
            },
        )

    def warm_up(self) -> list[bytes]:
        """One signal per publisher (seq 1): each claim is checked once, before timing."""
        return [self.sign(key, 1, i) for i, key in enumerate(self.keys)]

    def batch(self, signals: int) -> list[bytes]:
        """``signals`` fresh signals, round-robin over the publishers, seq 2, 3, ..."""
        per = len(self.keys)
        return [self.sign(self.keys[i % per], 2 + i // per, i) for i in range(signals)]


def new_gate(members: Members) -> Gate:
    return Gate(CLUSTER, members, KEYS, UNLIMITED)


def time_gate(members: Members, warm: list[bytes], batch: list[bytes]) -> float:
    gate = new_gate(members)
    for raw in warm:
        assert isinstance(gate.check(raw, NOW), Passed)
    check = gate.check
    gc.collect()
    start = CLOCK()
    for raw in batch:  # each result is dropped at once, as trust takes it in a running node
        check(raw, NOW)
    elapsed = CLOCK() - start
    if gate.counts != {"passed": len(warm) + len(batch)}:
        raise SystemExit(f"some of the benchmark's signals were refused: {gate.counts}")
    return len(batch) / elapsed


def time_bare(triples: list[tuple[VerifyKey, bytes, bytes]]) -> float:
    gc.collect()
    start = CLOCK()
    for key, payload, signature in triples:
        key.verify(payload, signature)
    return len(triples) / (CLOCK() - start)


def bare_triples(
    keys: list[SigningKey], batch: list[bytes]
) -> list[tuple[VerifyKey, bytes, bytes]]:
    by_node = {bytes(k.verify_key).hex(): k.verify_key for k in keys}
    out = []
    for raw in batch:
        pub = json.loads(raw[64:])["pub"]
        out.append((by_node[pub], raw[64:], raw[:64]))
    return out


def throughput(args: argparse.Namespace) -> None:
    pubs = Publishers(args.publishers)
    warm = pubs.warm_up()
    batch = pubs.batch(args.signals)
    triples = bare_triples(pubs.keys, batch)
    runs: dict[str, Callable[[], float]] = {
        "gate": lambda: time_gate(pubs.members, warm, batch),
        "bare": lambda: time_bare(triples),
    }
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for round_ in range(args.rounds):
        order = ("gate", "bare") if round_ % 2 == 0 else ("bare", "gate")
        for name in order:
            samples[name].append(runs[name]())
    rates = {name: statistics.median(values) for name, values in samples.items()}
    notes = {
        "gate": "Gate.check: parse, membership, entitlement, freshness, replay, Ed25519, rate",
        "bare": "nacl VerifyKey.verify(payload, signature), keys made beforehand",
    }
    for name, value in rates.items():
        emit(
            {
                "implementation": name,
                "signals_per_second": round(value),
                "best": round(max(samples[name])),
                "signals": args.signals,
                "publishers": args.publishers,
                "rounds": args.rounds,
                "item_bytes": round(statistics.fmean(len(r) for r in batch)),
                "clock": CLOCK.__name__,
                "note": notes[name],
            }
        )
    # The ratio within each round (gate and bare back to back) is what load drift affects least.
    paired = [g / b for g, b in zip(samples["gate"], samples["bare"], strict=True)]
    emit(
        {
            "ratio": round(statistics.median(paired), 3),
            "ours": "gate",
            "theirs": "bare",
            "target": 0.7,
            "of_medians": round(rates["gate"] / rates["bare"], 3),
            "of_bests": round(max(samples["gate"]) / max(samples["bare"]), 3),
            "gate_overhead_us": round(1e6 / rates["gate"] - 1e6 / rates["bare"], 1),
            "note": "median over rounds of gate/bare within the round",
        }
    )
    if args.profile:
        gate = new_gate(pubs.members)
        for raw in warm:
            gate.check(raw, NOW)
        profiler = cProfile.Profile()
        profiler.enable()
        for raw in batch:
            gate.check(raw, NOW)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(args.profile)


def freed(release: Callable[[], None]) -> int:
    """Bytes ``tracemalloc`` sees given back by ``release``."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    release()
    gc.collect()
    return before - tracemalloc.get_traced_memory()[0]


def memory(args: argparse.Namespace) -> None:
    window = ReplayWindow()
    bitmap = len(window.to_bytes())
    emit(
        {
            "measure": "replay_state_bytes_per_publisher",
            "bytes": bitmap + 8,
            "bitmap": bitmap,
            "top": 8,
            "window": WINDOW,
            "note": "persisted: the bitmap, and the top as 64 bits",
        }
    )
    count = args.memory_publishers
    pubs = Publishers(count, seed=1)
    items = [pubs.sign(key, seq, i) for i, key in enumerate(pubs.keys) for seq in (1, WINDOW)]
    tracemalloc.start()
    gc.collect()
    start = tracemalloc.get_traced_memory()[0]
    gate = new_gate(pubs.members)
    for raw in items:
        assert isinstance(gate.check(raw, NOW), Passed)
    gc.collect()
    total = tracemalloc.get_traced_memory()[0] - start
    assert all(w.bits.bit_length() == WINDOW for w in gate.windows.values())
    seen = len(gate._seen)

    def drop_windows() -> None:
        gate.windows = {}

    def drop_claims() -> None:
        gate._claims = {}

    def drop_seen() -> None:
        gate._seen = OrderedDict()

    windows_b, claims_b, seen_b = freed(drop_windows), freed(drop_claims), freed(drop_seen)
    tracemalloc.stop()
    per = {
        "window": windows_b / count,
        "claim_cache": claims_b / count,
        "seen_ids": seen_b / count,
        "other": (total - windows_b - claims_b - seen_b) / count,
    }
    emit(
        {
            "measure": "gate_python_bytes_per_publisher",
            "publishers": count,
            "signals_per_publisher": len(items) // count,
            "total": round(total / count),
            **{k: round(v) for k, v in per.items()},
            "seen_id_bytes": round(seen_b / seen),
            "window_target": 2048,
            "note": "window: its ReplayWindow, 1024-bit int and dict slot (the publisher id string "
            "it shares with the other per-publisher maps is in 'other')",
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishers", type=argtypes.count, default=20)
    parser.add_argument("--signals", type=argtypes.count, default=1000, help="per round")
    parser.add_argument("--rounds", type=argtypes.count, default=31)
    parser.add_argument("--memory-publishers", type=argtypes.count, default=1000)
    parser.add_argument("--profile", type=argtypes.amount, default=0, metavar="N")
    parser.add_argument("--wall", action="store_true", help="time by the wall clock, not CPU")
    args = parser.parse_args()
    if args.wall:
        global CLOCK  # noqa: PLW0603 - one switch for the whole run
        CLOCK = time.perf_counter
    throughput(args)
    memory(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
