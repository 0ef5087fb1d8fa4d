"""The mesh's state on the wire and in memory: bytes per signal, catch-up after downtime, RSS.

    .venv/bin/python bench/mesh_state.py [--phases wire,catchup,memory] [--catchup-bans 10000]
        [--memory-signals 100000] [--memory-budget 600] [--chunk 1000] [--timeout 600]

One run, loopback only, real ``twistd honeymesh`` nodes (``tests.mesh.cluster``), every node
provisioned in enforce mode with the gate's per-publisher rate limit raised far above what is
sent (so this measures catch-up and ingestion, not the abuse limit), and stopped at the end:

1. wire: the bytes of one ban signal at each classification level L1..L4, built the way a node
   builds them (``signal_body`` from ``ban.added``-like details carrying fingerprint, scan and
   payload evidence, ``seal`` with an Ed25519 key, ``item_frames``), for a v4 and a v6 target:
   the item (signature + canonical JSON), the frame that carries it alone (a publish or a
   relay) and its share of a full 64 KiB SIGNALS frame (a SYNC answer); then what an L1 item is
   made of. TLS record overhead is out of scope.
2. catchup: three nodes A, B, C; C stops; A publishes N bans (operator imports: 'operator'
   bans are published by default); once B holds them all, C starts again. Reported: the time
   from C's start until its ban list holds all N, from C's own JSON log (spawn, mesh up, ban
   list restored: the harness's "ready", which catch-up can overtake, first signal, last
   ban), the bytes C received for it, how often its links closed, and whether anything was
   applied twice (every ban on C must be a first offence, and C must hold exactly the N).
3. memory: A publishes M bans to B; B's RSS holding the live remote signals against B's RSS
   before, and against an idle node (sharing on, in no cluster) read at the same moments.
   Publishing stops after ``--memory-budget`` seconds; the JSON says how far it got, the
   per-chunk rate and B's RSS after each chunk.

Publishing is paced by the bench (``--chunk`` bans per import, the next once the receiver holds
them; 0: one burst): the mesh has no flow control, and a burst the receiver cannot ingest
within ``mesh.peer_timeout`` closes the link (``*_link_closed`` counts the closes by reason).

Bytes C received: ``GET /api/v1/mesh`` exposes frame counts, not bytes (``MeshProtocol`` counts
``bytes_in``/``bytes_out`` but ``status()`` does not report them), so the bench reads the kernel's
per-socket ``bytes_received`` (``ss -ti``: TCP payload, i.e. mesh frames inside TLS records,
handshakes included) on C's mesh connections, sampled every 0.2 s so that a connection closed
along the way still counts up to its last sample. Beside it: the items C received (accepted,
duplicates and refused, from its counters) at their framed size, and ``/proc/<pid>/io`` rchar
(everything C's process read: sockets, SQLite, Python's own files) as a loose upper bound.

Prints one JSON line per result.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nacl.signing import SigningKey  # noqa: E402

from bench import _args as argtypes  # noqa: E402
from honeymesh.adminclient import AdminClient  # noqa: E402
from honeymesh.mesh.envelope import LEVELS, SCHEMA, new_id, parse_signal, seal  # noqa: E402
from honeymesh.mesh.sanitize import signal_body  # noqa: E402
from honeymesh.mesh.wire import MAX_FRAME, FrameType, encode_json, item_frames  # noqa: E402
from tests.e2e.daemon import free_port  # noqa: E402
from tests.mesh import cluster as harness  # noqa: E402

# Rate limits far above what the bench sends: catch-up and ingestion, not the abuse limit.
RAISED = {"rate_burst": 10_000_000, "rate_per_minute": 100_000_000}
# An operator's cluster (the harness default), with a solo-ban budget no count here reaches.
TRUST = {"start_level": 2, "solo_ban_budget": 10_000_000}
IMPORT_CHUNK = 20_000  # addresses per POST /bans/import (the API takes at most 1 MiB)


def emit(result: dict[str, Any]) -> None:
    print(json.dumps({"bench": "mesh_state", **result}), flush=True)


# 1. Wire bytes ----------------------------------------------------------------------------------

JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1"
JA3 = "e7d705a3286e19ea42f587b344ee6865"


def ban_detail(network: str, detector: str, verdict_evidence: dict[str, Any]) -> dict[str, Any]:
    """A ``ban.added`` detail as the policy engine emits it (the verdict's evidence inside);
    detector "operator": an operator's ban (no evidence), what the cluster phases publish."""
    if detector == "operator":
        return {
            "ban_id": 48213,
            "network": network,
            "source": "operator",
            "reasons": ["bench"],
            "expires": time.time() + 86400,
            "offence": 1,
            "provenance": {"by": "operator", "import_line": 1},
            "evidence": {},
        }
    return {
        "ban_id": 48213,
        "network": network,
        "source": "local",
        "reasons": [f"{detector} verdict from trap ssh"],
        "expires": time.time() + 86400,
        "offence": 1,
        "provenance": {"rule": "detection", "mode": "enforce"},
        "evidence": {
            "detector": detector,
            "score": 85,
            "verdict_reasons": ["credential stuffing: 14 logins in 60 s"],
            "verdict_evidence": verdict_evidence,
        },
    }


PROFILES: dict[str, dict[str, Any]] = {
    "operator": {},
    "fingerprint": {"ja4": JA4, "ja3": JA3, "sni": "intranet.corp.example"},
    "scan": {
        "kind": "ports",
        "count": 40,
        "window": 60,
        "ports": [
            21,
            22,
            23,
            25,
            53,
            80,
            110,
            111,
            135,
            139,
            143,
            443,
            445,
            993,
            995,
            1433,
            1521,
            2323,
            3306,
            3389,
            5432,
            5900,
            6379,
            8080,
            8443,
            9200,
            11211,
            27017,
        ],
        "addresses": ["10.20.30.40"],
        "first_seen": 1_700_000_000.0,
    },
    "payload": {
        "preview": (
            "POST /wp-login.php HTTP/1.1\r\nHost: 10.20.30.40\r\nUser-Agent: Mozilla/5.0 "
            "(Windows NT 10.0; Win64; x64) AppleWebKit/537.36\r\nContent-Type: application/"
            "x-www-form-urlencoded\r\nContent-Length: 64\r\n\r\nlog=admin&pwd=hunter2&wp-submit"
            "=Log+In&redirect_to=%2Fwp-admin%2F&testcookie=1"
        ),
    },
    # One ban whose evidence carries all three: the largest body each level allows.
    "combined": {
        "ja4": JA4,
        "ja3": JA3,
        "kind": "ports",
        "count": 40,
        "window": 60,
        "ports": [22, 23, 80, 443, 2323, 3389, 5900, 8080],
        "preview": "GET /cgi-bin/luci/;stok=/locale?form=country&operation=write HTTP/1.1",
    },
}
TARGETS = {"v4": "203.0.113.77/32", "v6": "2001:db8:85a3::8a2e:370:7334/128"}


def sealed_signal(key: SigningKey, level: str, target: str, body: dict[str, Any]) -> bytes:
    """A ban signal as ``MeshService.publish_signal`` seals it (same fields, realistic sizes)."""
    now_ms = int(time.time() * 1000)
    fields = {
        "v": SCHEMA,
        "id": new_id(),
        "pub": bytes(key.verify_key).hex(),
        "seq": 123_456,
        "ts": now_ms,
        "exp": now_ms + 7 * 86400 * 1000,
        "cls": level,
        "kind": "ban",
        "claim": os.urandom(32).hex(),
        "cluster": "hm-" + new_id()[:12],
        "body": {"target": target, **body},
    }
    raw = seal(key, fields)
    parse_signal(raw)  # what a receiver's gate checks first: the body fits its level
    return raw


def framed_share(raw: bytes) -> tuple[float, float]:
    """(bytes per item, items per frame) when ``raw``-sized items fill whole SIGNALS frames."""
    batch = [raw] * (MAX_FRAME // len(raw) + 1)
    frames = item_frames(FrameType.SIGNALS, batch)
    return sum(map(len, frames)) / len(batch), len(batch) / len(frames)


def operator_item_bytes(level: str) -> float:
    """Framed bytes per item of an operator's v4 ban (what the cluster phases publish)."""
    target = "198.18.1.2/32"
    body = signal_body(ban_detail(target, "operator", {}), level)
    return framed_share(sealed_signal(SigningKey.generate(), level, target, body))[0]


def wire(_: argparse.Namespace) -> None:
    """Bytes per ban signal, per evidence profile and level (v4 and v6 targets side by side),
    then what an L1 item is made of."""
    key = SigningKey.generate()
    for profile, evidence in PROFILES.items():
        l1 = 0
        for level in LEVELS:
            row: dict[str, Any] = {"phase": "wire", "profile": profile, "level": level}
            for family, target in TARGETS.items():
                body = signal_body(ban_detail(target, profile, evidence), level)
                raw = sealed_signal(key, level, target, body)
                per_item, per_frame = framed_share(raw)
                if family == "v4":
                    l1 = l1 or len(raw)
                    row["body_fields"] = sorted(body)
                    row["vs_L1"] = round(len(raw) / l1, 2)
                    row["items_per_full_frame"] = round(per_frame, 1)
                row[family] = {
                    "item": len(raw),
                    "body_json": len(encode_json(body | {"target": target})),
                    "framed_alone": len(item_frames(FrameType.SIGNALS, [raw])[0]),
                    "framed_in_full_frame": round(per_item, 1),
                }
            emit(row)
    target = TARGETS["v4"]
    raw = sealed_signal(key, "L1", target, signal_body(ban_detail(target, "scan", {}), "L1"))
    fields = json.loads(raw[64:])
    hex_chars = sum(len(fields[k]) for k in ("id", "pub", "claim"))
    emit(
        {
            "phase": "wire",
            "profile": "anatomy",
            "level": "L1",
            "item": len(raw),
            "signature": 64,
            "payload_json": len(raw) - 64,
            "body_json": len(encode_json(fields["body"])),
            "hex_ids_chars": hex_chars,
            "hex_ids_share": round(hex_chars / len(raw), 2),
            "frame_header": 5,
            "item_length_prefix": 2,
            "tls": "out of scope: TLS record headers and AEAD tags are not counted",
        }
    )


# The cluster ------------------------------------------------------------------------------------


def extra_for(mesh: dict[str, Any]) -> dict[str, Any]:
    """Per-node harness options: [mesh] and [trust] keys set in the node's configuration
    (``check_limits`` confirms they took)."""
    return {"mesh": mesh, "trust": TRUST}


def check_limits(node: harness.MeshNode) -> None:
    mesh = harness.make_node_config(node).config.mesh
    got = {k: getattr(mesh, k) for k in RAISED}
    if got != RAISED:
        raise SystemExit(f"{node.name}: the raised rate limits did not take: {got}")


def long_client(node: harness.MeshNode, timeout: float) -> AdminClient:
    cfg = harness.make_node_config(node)
    return AdminClient(cfg.config, token=cfg.admin_token, timeout=timeout)


def addresses(count: int, offset: int = 0) -> list[str]:
    """Distinct /32s in 198.18.0.0/15 (RFC 2544 benchmarking space, 131,072 addresses): a node
    publishes bans of it, where it keeps bans of private space to itself."""
    if count + offset > 131_072:
        raise SystemExit("at most 131,072 addresses (198.18.0.0/15)")
    base = (198 << 24) | (18 << 16)
    return [
        ".".join(str((base + i) >> s & 255) for s in (24, 16, 8, 0))
        for i in range(offset, offset + count)
    ]


def import_bans(node: harness.MeshNode, nets: list[str], timeout: float) -> float:
    client = long_client(node, timeout)
    start = time.monotonic()
    for i in range(0, len(nets), IMPORT_CHUNK):
        data = "\n".join(nets[i : i + IMPORT_CHUNK]).encode() + b"\n"
        answer = json.loads(
            client.raw(
                "POST",
                "/api/v1/bans/import?duration=1d&reason=bench",
                data,
                "text/plain",
            )
        )
        if answer.get("refused") or answer.get("skipped"):
            raise SystemExit(f"import refused entries: {str(answer)[:300]}")
    return time.monotonic() - start


def publish(
    publisher: harness.MeshNode,
    receiver: harness.MeshNode,
    nets: list[str],
    *,
    chunk: int,
    budget: float,
    probe: Callable[[], dict[str, Any]] = dict,
) -> dict[str, Any]:
    """Ban ``nets`` on the publisher, ``chunk`` at a time, each chunk once the receiver holds
    the previous ones (0: all at once). Stops after ``budget`` seconds; says how far it got.

    The pacing is the bench's, not the mesh's: the mesh has no flow control, and a burst
    larger than the receiver ingests in ``mesh.peer_timeout`` closes the link (heartbeats
    queue behind the signals), losing what was in flight (the JSON says how often)."""
    step = chunk or len(nets)
    start = time.monotonic()
    steps: list[dict[str, Any]] = []  # held after each chunk, the seconds it took, probe()
    held = 0
    for i in range(0, len(nets), step):
        t = time.monotonic()
        import_bans(publisher, nets[i : i + step], budget)
        left = budget - (time.monotonic() - start)
        try:
            wait_count(receiver, i + len(nets[i : i + step]), max(left, 1.0), every=0.25)
        except TimeoutError:
            held = ban_count(receiver)
            steps.append({"held": held, "s": round(time.monotonic() - t, 2), **probe()})
            break
        held = i + len(nets[i : i + step])
        steps.append({"held": held, "s": round(time.monotonic() - t, 2), **probe()})
        if time.monotonic() - start > budget:
            break
    return {
        "published": min(len(nets), len(steps) * step),
        "held": held,
        "complete": held == len(nets),
        "seconds": round(time.monotonic() - start, 1),
        "chunk": step,
        "steps": steps,
    }


def ban_count(node: harness.MeshNode) -> int:
    return int(node.api("GET", "/api/v1/status")["bans"]["bans"])


def all_bans(node: harness.MeshNode) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    after = 0
    while True:
        page = node.api("GET", f"/api/v1/bans?limit=10000&after={after}")
        out.extend(page["bans"])
        if page["next_after"] is None:
            return out
        after = page["next_after"]


def wait_count(
    node: harness.MeshNode,
    want: int,
    timeout: float,
    every: float = 0.5,
) -> tuple[float, list[tuple[float, int]]]:
    """Seconds until the node's active bans reach ``want``; progress samples (t, count)."""
    start = time.monotonic()
    samples: list[tuple[float, int]] = []
    while True:
        now = time.monotonic() - start
        n = ban_count(node)
        samples.append((round(now, 2), n))
        if n >= want:
            return now, samples
        if now > timeout:
            raise TimeoutError(
                f"{node.name}: {n} of {want} bans after {timeout:.0f} s; "
                f"mesh {json.dumps(mesh_counters(node))}"
            )
        time.sleep(every)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmRSS")


def rchar(pid: int) -> int:
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise RuntimeError("no rchar")


def pid_of(node: harness.MeshNode) -> int:
    assert node.daemon is not None
    return node.daemon.proc.pid


_SOCKET = re.compile(r"(\S+):(\d+)\s+(\S+):(\d+)\s+users:\(.*?pid=(\d+),")
_RECEIVED = re.compile(r"bytes_received:(\d+)")


class SocketBytes:
    """TCP payload bytes received on one process's mesh connections (``ss -ti``), sampled in a
    thread: per connection the last value seen, so one closed between samples still counts."""

    def __init__(self, node: harness.MeshNode, peer_ports: set[int], every: float = 0.2) -> None:
        self._node = node
        self._ports = peer_ports
        self._every = every
        self.conns: dict[tuple[str, str], int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._old = node.daemon

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> int:
        self.sample()
        self._stop.set()
        self._thread.join(5)
        return self.total

    @property
    def total(self) -> int:
        return sum(self.conns.values())

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self.sample()

    def sample(self) -> None:
        daemon = self._node.daemon
        if daemon is None or daemon is self._old:
            return  # the new daemon has not been spawned yet
        pid = daemon.proc.pid
        out = subprocess.run(
            ["ss", "-tinpH", "state", "established"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
        lines = out.splitlines()
        for head, info in zip(lines[::2], lines[1::2], strict=False):
            m = _SOCKET.search(head)
            if m is None or int(m.group(5)) != pid:
                continue
            local, peer = (m.group(1), int(m.group(2))), (m.group(3), int(m.group(4)))
            mesh = local[1] == self._node.mesh_port or peer[1] in self._ports
            got = _RECEIVED.search(info)
            if mesh and got:
                key = (f"{local[0]}:{local[1]}", f"{peer[0]}:{peer[1]}")
                self.conns[key] = max(self.conns.get(key, 0), int(got.group(1)))


def enforcing(node: harness.MeshNode) -> None:
    """Provision the node with ``[node] mode = "enforce"`` in its file: a mode set through the
    API does not outlive a restart, and a node that restarts in test mode decides what it
    catches up on without banning anything."""
    path = harness.make_node_config(node).config_path
    text, n = re.subn(r'(?m)^mode = "test"$', 'mode = "enforce"', path.read_text(), count=1)
    if n != 1:
        raise SystemExit(f"{node.name}: no mode line in {path}")
    path.write_text(text)


def start_cluster(root: Path, count: int) -> harness.Cluster:
    cluster = harness.Cluster(root, count, **extra_for(RAISED))
    try:
        for n in cluster.nodes:
            enforcing(n)
            n.start()
            check_limits(n)
            mode = n.api("GET", "/api/v1/mode")
            if "enforce" not in json.dumps(mode):
                raise SystemExit(f"{n.name} is not enforcing: {mode}")
        form(cluster)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def form(cluster: harness.Cluster, tries: int = 3) -> None:
    """``Cluster.form``, retrying a join that timed out (the machine is shared and busy)."""
    issuer = cluster.nodes[0]
    for n in cluster.nodes[1:]:
        for attempt in range(tries):
            ok, answer = n.try_api("POST", "/api/v1/mesh/join", {"token": issuer.token()})
            if ok or n.status()["state"] == "member":
                break
            if attempt == tries - 1:
                raise SystemExit(f"{n.name} could not join: {answer}")
            time.sleep(2)
    cluster.wait_connected(timeout=60)


def mesh_counters(node: harness.MeshNode) -> dict[str, Any]:
    status = node.status()
    return {"counters": status["counters"], "refused": status["refused"]}


# 2. Catch-up ------------------------------------------------------------------------------------


def catchup(args: argparse.Namespace, root: Path) -> None:
    count = args.catchup_bans
    cluster = start_cluster(root / "catchup", 3)
    try:
        a, b, c = cluster.nodes
        item_bytes = operator_item_bytes(harness.make_node_config(a).config.sharing.level)
        c.stop()
        nets = addresses(count)
        since = time.time()
        sent = publish(a, b, nets, chunk=args.chunk, budget=args.timeout)
        _, b_downs = log_times(b, since)
        emit(
            {
                "phase": "catchup",
                "step": "published",
                "bans": count,
                "b_holds": sent["held"],
                "seconds": sent["seconds"],
                "per_s": round(sent["held"] / max(sent["seconds"], 1e-3)),
                "chunk": sent["chunk"],
                "steps": thin(sent["steps"]),
                "b_link_closed": b_downs,
                "b_mesh": mesh_counters(b),
                "rate_limits": "raised on every node (rate_burst, rate_per_minute): "
                "this measures catch-up, not the abuse limit",
            }
        )
        if not sent["complete"]:
            raise SystemExit(f"B holds {sent['held']} of {count} after {args.timeout:.0f} s")
        sampler = SocketBytes(c, {a.mesh_port, b.mesh_port})
        sampler.start()
        spawned, spawned_wall = time.monotonic(), time.time()
        c.start()
        ready = time.monotonic()
        pid = pid_of(c)
        polled_s, samples = wait_count(c, count, args.timeout, every=0.25)
        polled = time.monotonic()
        tcp_bytes = sampler.stop()
        read_bytes = rchar(pid)
        bans = all_bans(c)
        status = mesh_counters(c)
        counters = status["counters"]
        refused = {k: v for k, v in status["refused"].items() if k.startswith("signal:")}
        items_in = counters["signals_accepted"] + sum(refused.values())  # duplicates included
        offences: dict[int, int] = {}
        for ban in bans:
            offences[ban["offence"]] = offences.get(ban["offence"], 0) + 1
        networks = {ban["network"] for ban in bans}
        expected = {f"{n}/32" for n in nets}
        times, c_downs = log_times(c, spawned_wall)
        last_ban = times.get("last:ban.added", float("nan"))
        emit(
            {
                "phase": "catchup",
                "step": "caught-up",
                "bans": count,
                "ready_to_all_s": round(last_ban - times["ban list restored"], 2),
                "mesh_up_to_all_s": round(last_ban - times["mesh member"], 2),
                "first_signal_to_all_s": round(last_ban - times["mesh.signal"], 2),
                "spawn_to_ready_s": round(times["ban list restored"] - spawned_wall, 2),
                "timeline_s": {
                    k: round(v - spawned_wall, 2) for k, v in times.items() if k[0] != "c"
                },
                "spawn_to_all_s": round(last_ban - spawned_wall, 2),
                "polled_spawn_to_all_s": round(polled - spawned, 2),
                "polled_after_start_returned_s": round(polled_s, 2),
                "harness_start_s": round(ready - spawned, 2),
                "bans_per_s": round(count / max(last_ban - times["mesh.signal"], 1e-3)),
                "progress_after_start_returned": thin(samples),
                "tcp_bytes_received": tcp_bytes,
                "tcp_bytes_per_ban": round(tcp_bytes / count, 1),
                "mesh_connections": len(sampler.conns),
                "c_link_closed": c_downs,
                "items_received": items_in,
                "items_per_ban": round(items_in / count, 2),
                "item_frame_bytes": round(items_in * item_bytes),
                "rchar_bytes_since_spawn": read_bytes,
                "c_bans": len(bans),
                "c_missing": len(expected - networks),
                "c_unexpected": len(networks - expected),
                "offences": {str(k): v for k, v in sorted(offences.items())},
                "applied_once": offences == {1: count} and networks == expected,
                "c_mesh": status,
            }
        )
    finally:
        cluster.stop()


def log_times(node: harness.MeshNode, since: float) -> tuple[dict[str, float], dict[str, int]]:
    """From the node's JSON log (rotated files too), records at or after ``since``: when each
    marker first appears, and ``last:ban.added``; and the mesh.peer_down events by reason."""
    marks = ("ban list restored", "mesh member", "mesh.peer_up", "mesh.signal", "ban.added")
    first: dict[str, float] = {}
    last = 0.0
    added = 0
    downs: dict[str, int] = {}
    cfg = harness.make_node_config(node).config
    path = cfg.data_path(cfg.log.json_file)
    for part in sorted(path.parent.glob(path.name + "*")):
        for line in part.read_text().splitlines():
            record = json.loads(line)
            when = record.get("log_time") or 0.0
            if when < since:
                continue
            key = record.get("event_id") or record.get("message", "")
            if key == "ban.added":
                last = max(last, when)
                added += 1
            elif key == "mesh.peer_down":
                reason = str(record.get("detail", {}).get("reason", ""))[:48]
                downs[reason] = downs.get(reason, 0) + 1
            for mark in marks:
                if key.startswith(mark) and when < first.get(mark, float("inf")):
                    first[mark] = when
    return first | {"last:ban.added": last, "count:ban.added": added}, downs


def thin(samples: list[Any], keep: int = 12) -> list[Any]:
    if len(samples) <= keep:
        return samples
    step = len(samples) / keep
    return [samples[int(i * step)] for i in range(keep)] + [samples[-1]]


# 3. Memory --------------------------------------------------------------------------------------


def memory(args: argparse.Namespace, root: Path) -> None:
    count = args.memory_signals
    idle = harness.MeshNode("idle", root / "memory" / "idle", free_port(), extra=extra_for(RAISED))
    try:
        enforcing(idle)
        idle.start()
        cluster = start_cluster(root / "memory", 2)
    except BaseException:
        idle.stop()
        raise
    try:
        a, b = cluster.nodes
        pids = {"a": pid_of(a), "b": pid_of(b), "idle": pid_of(idle)}
        time.sleep(args.settle)
        before = {k: rss_mb(p) for k, p in pids.items()}
        since = time.time()
        sent = publish(
            a,
            b,
            addresses(count),
            chunk=args.chunk,
            budget=args.memory_budget,
            probe=lambda: {"b_rss_mb": rss_mb(pids["b"])},
        )
        time.sleep(args.settle)
        after = {k: rss_mb(p) for k, p in pids.items()}
        status = mesh_counters(b)
        _, b_downs = log_times(b, since)
        held = sent["held"]
        grown = after["b"] - before["b"]
        steps = sent["steps"]
        emit(
            {
                "phase": "memory",
                "signals_wanted": count,
                "b_live_remote_signals": status["counters"]["signals_accepted"],
                "b_bans": ban_count(b),
                "complete": sent["complete"],
                "publish_s": sent["seconds"],
                "budget_s": args.memory_budget,
                "per_s_overall": round(held / max(sent["seconds"], 1e-3)),
                "per_s_first_chunk": round(steps[0]["held"] / max(steps[0]["s"], 1e-3)),
                "per_s_last_chunk": round(
                    (steps[-1]["held"] - (steps[-2]["held"] if len(steps) > 1 else 0))
                    / max(steps[-1]["s"], 1e-3)
                ),
                "steps": thin(steps, 16),
                "rss_mb_before": before,
                "rss_mb_after": after,
                "b_grown_mb": round(grown, 1),
                "b_per_signal_bytes": round(grown * 1024 * 1024 / max(held, 1)),
                "b_vs_before": round(after["b"] / before["b"], 2),
                "b_vs_idle": round(after["b"] / after["idle"], 2),
                "idle_drift_mb": round(after["idle"] - before["idle"], 1),
                "a_grown_mb": round(after["a"] - before["a"], 1),
                "idle_node": "sharing on, Pro license, in no cluster; started with the others",
                "b_link_closed": b_downs,
                "b_mesh": status,
            }
        )
    finally:
        idle.stop()
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phases", default="wire,catchup,memory")
    parser.add_argument("--catchup-bans", type=argtypes.count, default=10_000)
    parser.add_argument("--memory-signals", type=argtypes.count, default=100_000)
    parser.add_argument(
        "--timeout", type=argtypes.positive, default=600.0, help="per wait, seconds"
    )
    parser.add_argument(
        "--memory-budget",
        type=argtypes.positive,
        default=600.0,
        help="seconds to publish the memory phase",
    )
    parser.add_argument(
        "--chunk", type=argtypes.amount, default=1000, help="bans per import, paced (0: one burst)"
    )
    parser.add_argument(
        "--settle", type=argtypes.span, default=3.0, help="seconds before reading RSS"
    )
    parser.add_argument("--root", type=Path, default=None, help="data directories (default: tmp)")
    args = parser.parse_args()
    # A timeout's SIGTERM unwinds like Ctrl-C, so every daemon started here is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    phases = set(args.phases.split(","))
    if "wire" in phases:
        wire(args)
    with tempfile.TemporaryDirectory(prefix="mesh_state.") as tmp:
        root = args.root or Path(tmp)
        if "catchup" in phases:
            catchup(args, root)
        if "memory" in phases:
            memory(args, root)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
