"""Descriptor exhaustion (issue 12): a real daemon held to 1,024 open files, flooded with three
times that many idle and slow-drip trap clients, keeps its admin API answering.

The daemon is started with its soft and hard RLIMIT_NOFILE both at 1,024, so it cannot lift
them. Five traps with short timeouts share what the reserve leaves; the flooder
(``bench/exhaustion.py flood``, another process with its own limit raised) opens 3,000
connections over them from distinct loopback addresses, 300 of them dripping a byte every
0.5 s. Meanwhile this process asks the API for its status over and over, each time on a new
TLS connection (a new descriptor in the daemon: exactly what exhaustion starves). The API's p99
is printed, not asserted (tests never assert speed); ``bench/exhaustion.py`` measures it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bench.exhaustion import Prober, make_config, percentile, session_endings, start_daemon
from bench.exhaustion import wait_ready as wait_daemon_ready
from honeymesh.config import load_config

from .daemon import honeymesh

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 1024
CLIENTS = 3000
DRIP = 300
# Well longer than the flood takes to open every connection (1.1-2.2 s here; a loaded CI machine
# takes longer, and a bound of 2 s failed there once), so that no accepted session ends before
# the last connection arrives: the bound on refusals below counts on it.
IDLE_TIMEOUT = 10.0
SESSION_TIMEOUT = 12.0
DEADLINE = 60.0  # the flooder gives up on connections still open after this (bounded)


def soft_limit(pid: int) -> int:
    line = next(
        x for x in Path(f"/proc/{pid}/limits").read_text().splitlines() if "open files" in x
    )
    return int(line.split()[3])


@pytest.mark.slow
def test_the_api_answers_throughout_a_flood_of_three_times_the_open_file_limit(
    tmp_path: Path,
) -> None:
    config_path, token, api_port = make_config(
        tmp_path / "var", IDLE_TIMEOUT, SESSION_TIMEOUT, CLIENTS
    )
    config = load_config(config_path)
    ports = [t.ports[0] for t in config.traps]
    out = tmp_path / "daemon.out"
    daemon = start_daemon(config_path, LIMIT, out)
    try:
        wait_daemon_ready(daemon, out)
        assert soft_limit(daemon.pid) == LIMIT  # held: raise_nofile could not lift it
        prober = Prober(config.data_path(config.api.tls_cert), api_port, token)
        stop = threading.Event()
        probed: dict[str, object] = {}

        def probing() -> None:
            probed["latencies"], probed["failed"] = prober.until(stop)

        probe = threading.Thread(target=probing)
        probe.start()
        flooder = subprocess.Popen(
            [
                *(sys.executable, str(ROOT / "bench" / "exhaustion.py"), "flood"),
                *("--ports", ",".join(map(str, ports)), "--clients", str(CLIENTS)),
                *("--drip", str(DRIP), "--deadline", str(DEADLINE)),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert flooder.stdout is not None
            tried = json.loads(flooder.stdout.readline())
            flood = json.loads(flooder.stdout.readline())
            flooder.wait(30)
        finally:
            stop.set()
            probe.join()
            if flooder.poll() is None:
                flooder.kill()
                flooder.wait()
        latency, status = prober.once()
        assert latency is not None and status is not None
        shown = honeymesh("status", "--config", str(config_path))  # what an operator reads
        alive = daemon.poll() is None
    finally:
        if daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(60)
    latencies = probed["latencies"]
    assert isinstance(latencies, list)
    print(
        f"admin API during the flood: {len(latencies)} status requests, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, {probed['failed']} failed; {flood}"
    )

    # The operator was never locked out, and the daemon lived through it.
    assert probed["failed"] == 0 and len(latencies) >= 20
    assert alive and daemon.returncode == -signal.SIGTERM
    log = out.read_text()
    assert "Traceback" not in log
    # The budget held the traps below the limit: no accept() ever failed for want of a
    # descriptor, and what the traps may hold together fits beside the reserve.
    assert "out of descriptors" not in log and "EMFILE" not in log
    fds = status["descriptors"]
    assert fds["limit"] == LIMIT
    assert sum(c["cap"] for c in fds["trap_caps"].values()) + fds["reserved"] <= LIMIT
    assert "lowered to fit" in log  # said at start, with what each trap got
    assert shown.returncode == 0, shown.stderr
    assert f"open files: limit {LIMIT}, {fds['reserved']} reserved" in shown.stdout
    assert f"ssh {fds['trap_caps']['ssh']['cap']} (of {CLIENTS})" in shown.stdout

    # Every connection was tried and closed by the daemon: refused at once at a cap, or
    # accepted and then ended by its idle or session timeout (or by its dialogue).
    assert tried["connected"] == CLIENTS and flood["connect_failed"] == 0
    assert flood["closed_by_daemon"] == CLIENTS and flood["still_open"] == 0
    counters = status["counters"]
    sessions, refused = (
        sum(counters["trap_sessions"].values()),
        sum(counters["trap_refused"].values()),
    )
    assert sessions + refused == CLIENTS
    assert flood["connect_seconds"] < IDLE_TIMEOUT, "a session may have ended meanwhile"
    assert refused >= CLIENTS - (LIMIT - fds["reserved"])  # the flood outran the budget
    endings = session_endings(config.data_path(config.store.path))
    assert sum(endings.values()) == sessions  # one record per accepted connection
    assert set(endings) <= {"idle_timeout", "session_timeout", "login_grace", "trap"}
    assert endings.get("idle_timeout", 0) > 0 and endings.get("session_timeout", 0) > 0
