"""10,000 idle connections and slow-drip clients against the SSH trap, over real loopback sockets.

The SSH trap is the heaviest per connection (a Conch transport each, and a greeting plus a key
exchange offer sent to every client). With short timeouts, every idle client must be cut at its
idle timeout and every slow-drip client (one byte every 0.3 s, so never idle) at its session
timeout; each must leave exactly one record, and the trap's memory must stay bounded. The
clients run in another process, which has its own open-file limit.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from honeymesh.config import SshTrapConfig
from honeymesh.detection.traps.base import TrapFactory
from honeymesh.detection.traps.registry import TrapContext, build_trap
from honeymesh.events import Event, EventId, Observation
from honeymesh.listeners import ListenerService

IDLE_CLIENTS = 10_000
DRIP_CLIENTS = 50
# The idle timeout outlasts accepting half of the clients on a loaded machine (1,000 a second),
# so that they really are open at the same time (peak_live below).
IDLE_TIMEOUT = 7.0
SESSION_TIMEOUT = 10.0
FDS_NEEDED = IDLE_CLIENTS + DRIP_CLIENTS + 1000  # per process

# The attacker: connects them all, prints how many failed, then drips one byte every 0.3 s on
# the last DRIP sockets (connected last, so they never sit idle) until its stdin is closed.
CLIENT = """
import resource, socket, sys, threading
port, idle, drip = map(int, sys.argv[1:4])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
socks, failed = [], 0
for i in range(idle + drip):
    try:
        socks.append(socket.create_connection(("127.0.0.1", port), timeout=10))
    except OSError:
        failed += 1
print(failed, flush=True)
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
while not done.wait(0.3):
    for s in socks[-drip:]:
        try:
            s.send(b".")
        except OSError:
            pass
"""


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(reactor, seconds, lambda: None)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


@pytest.fixture
def enough_fds() -> Generator[None, None, None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 2 * FDS_NEEDED)), hard))
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] >= FDS_NEEDED, "open-file limit too low"
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_ten_thousand_idle_and_slow_drip_clients_are_all_closed_by_their_timeouts(
    tmp_path: Path, enough_fds: None
):
    events: list[Event] = []
    everyone = IDLE_CLIENTS + DRIP_CLIENTS
    trap = SshTrapConfig(
        ports=(0,),
        bind=("127.0.0.1",),
        idle_timeout=IDLE_TIMEOUT,
        session_timeout=SESSION_TIMEOUT,
        max_connections=everyone + 100,
        max_per_source=everyone + 100,
    )
    context = TrapContext(
        clock=reactor,
        publish=events.append,
        data_path=lambda p: tmp_path / p,
        node_cert=tmp_path / "unused.crt",
        node_key=tmp_path / "unused.key",
    )
    factory = build_trap(trap, context).factory
    assert isinstance(factory, TrapFactory)
    sockets: Any = reactor
    listener = ListenerService(
        name="ssh", kind="trap", transport="tcp", address="127.0.0.1", port=0, reactor=sockets,
        clock=reactor, publish=events.append, factory=factory, backlog=4096,
    )  # fmt: skip
    listener.startService()
    before = rss_bytes()
    attacker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CLIENT,
            str(listener.info.port),
            str(IDLE_CLIENTS),
            str(DRIP_CLIENTS),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert attacker.stdin is not None and attacker.stdout is not None
    connected = threads.deferToThread(attacker.stdout.readline)
    started = time.monotonic()
    peak_live = peak_rss = 0
    try:
        while not connected.called or factory.live:
            assert time.monotonic() - started < 45, f"{len(factory.live)} sessions never closed"
            peak_live, peak_rss = max(peak_live, len(factory.live)), max(peak_rss, rss_bytes())
            yield sleep(0.05)
        failed = int((yield connected))
    finally:
        attacker.stdin.close()
        attacker.wait(10)
        yield listener.stopService()
    sessions = [
        e for e in events if isinstance(e, Observation) and e.event_id == EventId.TRAP_SESSION
    ]
    closed_by = [s.detail["closed_by"] for s in sessions]
    assert failed == 0
    assert len(sessions) == everyone  # one record each, none lost or doubled
    assert closed_by.count("idle_timeout") == IDLE_CLIENTS
    assert closed_by.count("session_timeout") == DRIP_CLIENTS
    assert all(float(str(s.detail["duration"])) < SESSION_TIMEOUT + 3 for s in sessions)
    assert peak_live > IDLE_CLIENTS / 2  # they really were open at the same time
    assert factory.live == set() and not factory.per_source
    # Bounded memory: well under 32 KiB per open session (a Conch transport each).
    assert peak_rss - before < everyone * 32 * 1024, f"{(peak_rss - before) >> 20} MiB"
