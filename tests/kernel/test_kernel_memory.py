"""A kernel out of memory for bans: each ban is kept, counted, and enforced once memory returns.

The ban hashes are allocated as bans arrive (``BPF_F_NO_PREALLOC``), so an insert can fail for
want of kernel memory well below a map's size. The kernel charges a map's entries to the memory
cgroup of the process that created the map: here the daemon's compiler child (from kernel 6.1
on; before, hash entries were allocated with GFP_ATOMIC, which the memory cgroup lets past its
limit). So the daemon starts in a cgroup of its own, which its compiler child inherits; once
the daemon has started it goes back to the test's cgroup, and the new cgroup, where the maps
and what the daemon had allocated so far are still charged, gets a ceiling at what it holds.
The daemon's own memory is never limited: only the kernel's room for more ban entries runs out.

Then an operator imports 12,000 bans over the HTTPS API. Real ``ENOMEM`` from the kernel:

* every ban is stored; those the kernel refused come back as warnings saying "out of kernel
  memory"; the database marks them not enforced (all of them but any a sweep has found room
  for since), the kernel's ban map holds exactly the others, key by key, and the status
  (``bans.not_enforced``), ``/metrics`` and ``honeymesh status`` (NOT ENFORCED) count them;
* the console says so once an episode, not once a ban; the daemon keeps running and the
  database is sound;
* once the ceiling is lifted, the housekeeping sweeps put every stored ban into the map, the
  count returns to 0 and the console says every ban is enforced again.

The room left is not exact (the cgroup's per-CPU charge stock, pages the daemon charged before
it left and frees later), so the test asks only what holds however much fits: a sweep may find
room for some refused bans meanwhile, and an episode may end and another begin (each end is
said, so the console's refusal lines are one more than its endings: a handful, never one a
ban).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import os
import sqlite3
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.enforcement.layout import Slot, ban_slot
from honeymesh.enforcement.libbpf import Libbpf
from tests.kernel import test_daemon_enforcement
from tests.kernel.conftest import kernel_version
from tests.kernel.netns import Lab, entered
from tests.kernel.test_daemon_enforcement import NamespacedDaemon
from tests.kernel.test_faults import V6_PREFIX, database_bans, integrity, kernel_bans

daemon = test_daemon_enforcement.daemon  # the ENFORCE-mode daemon in the lab's target namespace

BANS = 12_000  # about 1.1 MB of entries; the stock and later frees leave well under that
REFUSED = "is stored but not enforced"
ENFORCED_AGAIN = "every stored ban is enforced again"


class MemoryCgroup:
    """A memory cgroup below the test's own (cgroup v1 or v2), removed on ``close``."""

    def __init__(self, name: str) -> None:
        if kernel_version() < (6, 1):
            pytest.skip("before kernel 6.1 the memory cgroup lets hash entries past its limit")
        v1 = Path("/sys/fs/cgroup/memory")
        if (v1 / "memory.limit_in_bytes").exists():
            mount, own = v1, _own_cgroup("memory")
            self._limit, self._usage, self._unlimited = (
                "memory.limit_in_bytes",
                "memory.usage_in_bytes",
                "-1",
            )
        elif "memory" in _read(Path("/sys/fs/cgroup/cgroup.controllers")).split():
            mount, own = Path("/sys/fs/cgroup"), _own_cgroup(None)
            self._limit, self._usage, self._unlimited = "memory.max", "memory.current", "max"
        else:
            pytest.skip("no memory cgroup controller is mounted")
        self.parent = mount / own.lstrip("/")
        if not self.parent.is_dir():
            pytest.skip(f"this process's memory cgroup {own} is not visible under {mount}")
        self.path = self.parent / name
        self.path.mkdir()
        if not (self.path / self._limit).exists():  # v2: memory not enabled below our cgroup
            self.path.rmdir()
            pytest.skip(f"no memory controller in cgroups below {self.parent}")

    @property
    def procs(self) -> Path:
        return self.path / "cgroup.procs"

    def pids(self) -> list[int]:
        return [int(p) for p in self.procs.read_text().split()]

    def leave(self, pid: int) -> None:
        """Move a process back to the parent; its memory stays charged here."""
        (self.parent / "cgroup.procs").write_text(str(pid))

    def usage(self) -> int:
        return int((self.path / self._usage).read_text())

    def limit(self, ceiling: int | None) -> None:
        value = self._unlimited if ceiling is None else str(ceiling)
        (self.path / self._limit).write_text(value)

    def close(self) -> None:
        for pid in self.pids():
            with contextlib.suppress(ProcessLookupError):  # it exited meanwhile
                self.leave(pid)
        for _ in range(50):  # the last task's exit can lag its reaping by a moment
            try:
                self.path.rmdir()
                return
            except OSError:
                time.sleep(0.1)
        self.path.rmdir()


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""


def _own_cgroup(controller: str | None) -> str:
    """This process's cgroup in the hierarchy of ``controller`` (None: cgroup v2's)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        hierarchy, controllers, path = line.split(":", 2)
        if hierarchy == "0" if controller is None else controller in controllers.split(","):
            return path
    raise AssertionError(f"this process is in no {controller or 'v2'} cgroup")


@pytest.fixture
def cgroup() -> Iterator[MemoryCgroup]:
    group = MemoryCgroup(f"honeymesh-test-{os.getpid()}")
    try:
        yield group
    finally:
        group.close()


def api(lab: Lab, daemon: NamespacedDaemon, method: str, path: str, body: bytes = b"") -> bytes:
    """One request to the daemon's HTTPS API inside the lab's target namespace; 200 or fail."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with entered(lab.target):
        conn = http.client.HTTPSConnection("127.0.0.1", 8443, context=context, timeout=300)
        headers = {"Authorization": f"Bearer {daemon.node.admin_token}"}
        if body:
            headers["Content-Type"] = "text/plain"
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        text = response.read()
        conn.close()
    assert response.status == 200, text[:2000]
    return text


def enforced_in_database(path: Path) -> dict[bool, set[str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT network, enforced FROM bans WHERE lifted IS NULL").fetchall()
    out: dict[bool, set[str]] = {True: set(), False: set()}
    for network, enforced in rows:
        out[bool(enforced)].add(network)
    return out


def v4_key(network: str) -> bytes:
    """The ban map's key for an exact IPv4 ban, as the daemon writes it."""
    slot, key = ban_slot(ipaddress.ip_network(network), V6_PREFIX)
    assert slot is Slot.BAN_V4
    return key


def test_bans_the_kernel_has_no_memory_for_are_kept_counted_and_enforced_later(
    daemon: NamespacedDaemon, lab: Lab, cgroup: MemoryCgroup
) -> None:
    database = daemon.node.config.data_path(daemon.node.config.store.path)
    daemon.start(wrapper=["sh", "-c", 'echo $$ > "$0" && exec "$@"', str(cgroup.procs)])
    assert daemon.proc is not None
    assert cgroup.pids() == [daemon.proc.pid], "the compiler child has exited; the daemon is in"
    cgroup.leave(daemon.proc.pid)
    cgroup.limit(cgroup.usage())

    addresses = [f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}" for i in range(1, BANS + 1)]
    path = "/api/v1/bans/import?format=text&duration=1h"
    report = json.loads(
        api(lab, daemon, "POST", path, "".join(f"{a}\n" for a in addresses).encode())
    )
    warnings = report["warnings"]
    assert isinstance(warnings, list)
    assert (report["banned"], report["refused"]) == (BANS, []), report["refused"]
    assert warnings, "the kernel took every ban: the ceiling did not bind"
    assert all("out of kernel memory" in w["warning"] for w in warnings), warnings[:3]
    refused = {w["network"] for w in warnings}

    # The database marks the refused bans not enforced (fewer, if a sweep has since found
    # room for some: the daemon frees memory still charged to the cgroup), the kernel's map
    # holds every other one, key by key, and the status counts them: all three agree.
    libbpf = Libbpf()
    prog_id = daemon.status()["kernel"]["interfaces"][lab.veth_t]["prog_id"]  # type: ignore[index]
    deadline = time.monotonic() + 10
    while True:
        stored = enforced_in_database(database)
        in_kernel = kernel_bans(libbpf, prog_id)[Slot.BAN_V4]
        counted = daemon.status()["bans"]["not_enforced"]  # type: ignore[index]
        metrics = api(lab, daemon, "GET", "/metrics").decode()
        waiting = len(stored[False])
        if (
            in_kernel == {v4_key(n) for n in stored[True]}
            and counted == waiting
            and f"honeymesh_unenforced_bans {float(waiting)}" in metrics
        ):
            break
        assert time.monotonic() < deadline, (len(in_kernel), len(stored[True]), counted)
        time.sleep(0.2)
    assert stored[False], "every refused ban found room at once"
    assert stored[False] <= refused
    assert len(stored[True]) + len(stored[False]) == BANS

    # The operator sees it: the status line, one console line, a running daemon.
    shown = daemon.cli("status")
    assert " NOT ENFORCED (refused by the backend" in shown.stdout, shown.stdout
    said = daemon.out.read_text()
    episodes = said.count(REFUSED)
    assert 1 <= episodes <= 5 and said.count(ENFORCED_AGAIN) == episodes - 1, said[-3000:]
    assert not daemon.exited() and integrity(database) == "ok"

    # Memory returns: the sweeps enforce every stored ban, and the database says so.
    cgroup.limit(None)
    deadline = time.monotonic() + 60
    while (got := kernel_bans(libbpf, prog_id)) != (want := database_bans(database)) or (
        enforced_in_database(database)[False]
    ):
        assert time.monotonic() < deadline, (
            f"not all enforced a minute after: {len(got[Slot.BAN_V4])} of "
            f"{len(want[Slot.BAN_V4])} in the map; {daemon.out.read_text()[-2000:]}"
        )
        time.sleep(0.2)
    assert len(want[Slot.BAN_V4]) == BANS
    status = daemon.status()
    assert status["bans"]["not_enforced"] == 0  # type: ignore[index]
    assert "NOT ENFORCED" not in daemon.cli("status").stdout
    assert "honeymesh_unenforced_bans 0.0" in api(lab, daemon, "GET", "/metrics").decode()
    said = daemon.out.read_text()
    assert said.count(ENFORCED_AGAIN) == said.count(REFUSED) == episodes, said[-3000:]
