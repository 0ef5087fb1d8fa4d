"""kill -9 while bans arrive at 500/s: nothing acknowledged is lost, and the kernel fails open.

The daemon runs in a lab's target namespace with XDP on the target veth, in ENFORCE mode.
Operators' bans arrive over the HTTPS API at about 500 a second from four connections. Then,
three times over, the daemon is killed with SIGKILL mid-stream and started again; each time:

* every ban the API acknowledged (201) is in the database afterwards, and the database passes
  ``PRAGMA integrity_check``;
* while the daemon is dead, no XDP program is attached to the interface, sampled every
  millisecond through libbpf (``bpf_xdp_query``), from the moment the process is reaped;
* within 2 s of the new program appearing on the interface, the kernel's ban maps hold exactly
  the database's active bans (read through the program's own map ids, key by key).
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import signal
import sqlite3
import ssl
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.enforcement.layout import Slot, ban_slot
from honeymesh.enforcement.libbpf import Libbpf
from honeymesh.net import Network
from tests.kernel import test_daemon_enforcement
from tests.kernel.netns import Lab, entered
from tests.kernel.test_daemon_enforcement import NamespacedDaemon

daemon = test_daemon_enforcement.daemon  # the ENFORCE-mode daemon in the lab's target namespace

RATE = 500.0  # bans per second, over all connections
CONNECTIONS = 4
LOAD_SECONDS = 2.0  # of bans before each kill
KILLS = 3
V6_PREFIX = 64  # the default [policy] ipv6_prefix: the program keys IPv6 bans per /64

BAN_SLOTS = (Slot.BAN_V4, Slot.BAN_V6, Slot.RANGE_V4, Slot.RANGE_V6)


def targets() -> Iterator[str]:
    """Distinct ban targets outside the lab's networks: IPv4 /32s in 198.18.0.0/15, one IPv6
    /64 in every tenth, and an IPv4 /24 range in every fiftieth."""
    base4 = int(ipaddress.IPv4Address("198.18.0.0"))
    base6 = int(ipaddress.IPv6Address("2001:db8::"))
    i = 0
    while True:
        i += 1
        if i % 50 == 0:
            yield str(ipaddress.IPv4Network((0xCB000000 + (i // 50 << 8), 24)))  # 203.x.y.0/24
        elif i % 10 == 0:
            yield f"{ipaddress.IPv6Address(base6 + (i << 64))}/64"
        else:
            yield str(ipaddress.IPv4Address(base4 + i))


class Banner:
    """Bans at ``RATE`` over ``CONNECTIONS`` keep-alive HTTPS connections inside the target
    namespace; records every ban the API acknowledged."""

    def __init__(self, lab: Lab, port: int, token: str) -> None:
        self._lab = lab
        self._port = port
        self._token = token
        self._targets = targets()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.acknowledged: list[str] = []
        self.server_errors: list[tuple[int, str]] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self._stop.clear()
        self._threads = [
            threading.Thread(target=self._run, daemon=True) for _ in range(CONNECTIONS)
        ]
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=30)

    def _next(self) -> str:
        with self._lock:
            return next(self._targets)

    def _run(self) -> None:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        interval = CONNECTIONS / RATE
        with entered(self._lab.target):  # sockets made here stay in the target namespace
            conn = http.client.HTTPSConnection("127.0.0.1", self._port, context=context, timeout=5)
            due = time.monotonic()
            while not self._stop.is_set():
                target = self._next()
                body = json.dumps({"network": target, "duration": "1h", "reason": "fault test"})
                try:
                    conn.request(
                        "POST",
                        "/api/v1/bans",
                        body=body,
                        headers={
                            "Authorization": f"Bearer {self._token}",
                            "Content-Type": "application/json",
                        },
                    )
                    response = conn.getresponse()
                    text = response.read().decode("utf-8", "replace")
                except (OSError, http.client.HTTPException):
                    conn.close()  # the daemon is gone or going: not acknowledged
                    time.sleep(0.01)
                    continue
                if response.status == 201:
                    with self._lock:
                        self.acknowledged.append(target)
                elif response.status >= 500:
                    self.server_errors.append((response.status, text))
                due += interval
                time.sleep(max(0.0, due - time.monotonic()))
            conn.close()


class XdpWatch:
    """Samples the program id on the target veth every millisecond, through libbpf."""

    def __init__(self, lab: Lab) -> None:
        self._lab = lab
        self._libbpf = Libbpf()
        self._ifindex = lab.ifindex(lab.target, lab.veth_t)
        self._stop = threading.Event()
        self.samples: list[tuple[float, int]] = []
        self._thread = threading.Thread(target=self._run, daemon=True)

    def prog_id(self) -> int:
        with entered(self._lab.target):
            return self._libbpf.xdp_query(self._ifindex).prog_id

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> list[tuple[float, int]]:
        self._stop.set()
        self._thread.join(timeout=10)
        return self.samples

    def _run(self) -> None:
        with entered(self._lab.target):
            while not self._stop.is_set():
                self.samples.append(
                    (time.monotonic(), self._libbpf.xdp_query(self._ifindex).prog_id)
                )
                time.sleep(0.001)


def kernel_bans(libbpf: Libbpf, prog_id: int) -> dict[Slot, set[bytes]]:
    """The keys of the running program's ban maps, found from its own map ids."""
    by_name = {f"hm_{slot.value}": slot for slot in BAN_SLOTS}
    found: dict[Slot, set[bytes]] = {}
    prog_fd = libbpf.prog_fd_by_id(prog_id)
    try:
        for map_id in libbpf.prog_map_ids(prog_fd):
            map_fd = libbpf.map_fd_by_id(map_id)
            try:
                info = libbpf.map_info(map_fd)
                slot = by_name.get(info.name)
                if slot is not None:
                    found[slot] = set(libbpf.map_keys(map_fd, info.key_size))
            finally:
                os.close(map_fd)
    finally:
        os.close(prog_fd)
    assert set(found) == set(BAN_SLOTS), f"ban maps missing: {set(BAN_SLOTS) - set(found)}"
    return found


def database_bans(path: Path) -> dict[Slot, set[bytes]]:
    expected: dict[Slot, set[bytes]] = defaultdict(set)
    for network in active_networks(path):
        slot, key = ban_slot(network, V6_PREFIX)
        expected[slot].add(key)
    return {slot: expected.get(slot, set()) for slot in BAN_SLOTS}


def active_networks(path: Path) -> list[Network]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT network FROM bans WHERE lifted IS NULL").fetchall()
    return [ipaddress.ip_network(n) for (n,) in rows]


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_kill_9_under_500_bans_a_second_loses_nothing_and_fails_open(
    daemon: NamespacedDaemon, lab: Lab
) -> None:
    database = daemon.node.config.data_path(daemon.node.config.store.path)
    banner = Banner(lab, 8443, daemon.node.admin_token)
    watch = XdpWatch(lab)
    libbpf = Libbpf()
    daemon.start()
    assert watch.prog_id() > 0, daemon.out.read_text()
    for round_ in range(KILLS):
        banner.start()
        time.sleep(LOAD_SECONDS)
        assert daemon.proc is not None
        daemon.proc.send_signal(signal.SIGKILL)
        daemon.proc.wait(timeout=10)
        reaped = time.monotonic()
        banner.stop()

        # Dead: sample the interface every millisecond for half a second.
        sampler = XdpWatch(lab)
        sampler.start()
        time.sleep(0.5)
        samples = sampler.stop()
        assert len(samples) >= 25, f"the sampler hardly ran: {len(samples)} samples"
        attached = [(t - reaped, pid) for t, pid in samples if pid != 0]
        assert not attached, f"round {round_}: XDP attached while the daemon was dead: {attached}"

        # Every acknowledged ban survived, and the database is sound.
        assert integrity(database) == "ok"
        stored = {str(n) for n in active_networks(database)}
        normalised = {str(ipaddress.ip_network(t)) for t in banner.acknowledged}
        missing = normalised - stored
        assert not missing, f"round {round_}: {len(missing)} acknowledged bans lost"
        assert banner.server_errors == []

        # Restart: within 2 s of the program appearing, the maps equal the database.
        started = threading.Thread(target=daemon.start)
        started.start()
        deadline = time.monotonic() + 60
        while (prog_id := watch.prog_id()) == 0:
            assert time.monotonic() < deadline, daemon.out.read_text()
            time.sleep(0.001)
        appeared = time.monotonic()
        expected = database_bans(database)
        while (got := kernel_bans(libbpf, prog_id)) != expected:
            if time.monotonic() - appeared > 2.0:
                diff = {s: (len(got[s]), len(expected[s])) for s in BAN_SLOTS}
                pytest.fail(f"round {round_}: maps != database 2 s after restart: {diff}")
            time.sleep(0.05)
        started.join(timeout=60)
        assert not daemon.exited(), daemon.out.read_text()
    # Enough load really happened to make the test mean something (a quarter of the rate
    # asked for: each ban is an HTTPS request and a full-sync commit, on a loaded CI machine).
    assert len(banner.acknowledged) >= KILLS * LOAD_SECONDS * RATE / 4, len(banner.acknowledged)
