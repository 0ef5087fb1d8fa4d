"""Trap sessions per second: HoneyMesh against OpenCanary, same client, same machine, one run.

A session is what a brute-forcer does: connect, read the greeting, make one credential attempt,
read the answer, close. For each protocol both honeypots offer (FTP, HTTP login form, Redis
AUTH, MySQL login), each server runs alone in its own process with its default way of keeping
records, and the same asyncio client (in this process, ``CONCURRENCY`` sessions at a time)
runs ``SESSIONS`` sessions against it after a warm-up:

- HoneyMesh: the real appliance (``build_appliance``) with one trap, every observation persisted
  in SQLite (WAL, ``synchronous = full``, batched commits) and in its JSON log;
- OpenCanary (``pip install opencanary`` into bench/out/venv-opencanary, ``--setup``): its
  module for the protocol under ``twistd``, logging JSON lines to a file.

After each run the server is stopped and its records counted: every credential attempt must be
there ("recorded" equals "sessions"). One JSON line per result, then the ratio per protocol:
of the medians, and each round's own (``ratio_server_cpu_by_round``: min, median, max), since
the same server's CPU per session moves by a fifth or more between rounds on a shared VM.

    .venv/bin/python bench/traps.py --setup        # once: creates bench/out/venv-opencanary
    .venv/bin/python bench/traps.py [--sessions 3000] [--protocols ftp,http,redis,mysql]
    .venv/bin/python bench/traps.py --together --protocols redis,mysql,http

``--together`` runs the servers at once instead of one after another, one client sending
session i to server i % k, and counts each server's CPU over the same window
(``measure_together``): the ratios then hold within a few per cent from round to round where
one-after-another rounds moved by a fifth. For redis it adds a bare Twisted server that
answers the AUTH and keeps nothing (``serve_floor``): what no trap on Twisted can go below.
Its per-server "seconds" and "sessions_per_s" are the shared window's.

``--together --pace N`` starts N sessions a second on every server, on a schedule, instead of
as fast as each answers. Flat out, the slowest server sets the client's rate: it is saturated
and serves several events each time its reactor wakes, while a faster one drains its work,
sleeps in epoll and is woken for each event, which costs a context switch and cold caches every
time (``wakeups_per_session``, schedstat: on redis 0.76 a session for the appliance against
OpenCanary's 0.47; docs/BENCHMARKS.md, "Thirteenth pass"). At an equal rate that every server
keeps up with, as from a spray with its own rate, they were put on a CPU alike (2.79 and 2.78
at 300 a second), and the ratio compares the work a session costs at that rate. Both are
printed by the same benchmark; neither stands for the other.

    .venv/bin/python bench/traps.py --together --pace 300 --protocols redis,mysql

Each result splits the server's CPU and wake-ups by thread (``threads``, per session): "main"
(the reactor), "worker" (the trap workers' main threads, ``--workers``), and the others by the
name the kernel knows them by (HoneyMesh's ``honeymesh-store`` writer, ``honeymesh-ring``;
Twisted's pool threads carry the name of the thread that started them), so that a gap can be
put on the thread that pays it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's bench and honeymesh, in any Python
from bench import _args as argtypes  # noqa: E402

OPENCANARY_VENV = ROOT / "bench" / "out" / "venv-opencanary"  # git-ignored
CONCURRENCY = 32
# The sessions the appliance's trap may hold open at once in a run: flat out CONCURRENCY, at a
# pace the pace times a session's length. FTP's session lasts its 2-4 s failed-login pause, so
# at 100 a second some 300 are open; with 4 x CONCURRENCY (128) the trap refused half of them
# (its max_connections and max_per_source, every session coming from 127.0.0.1), and the run
# measured a server that did half the work. 1,024 holds FTP up to about 250 a second (where the
# open-file budget leaves the trap that many: 20,000 descriptors on the project's machine); a
# run that loses records anyway fails (`lost_anywhere`) instead of printing a ratio.
HOLD = 1024
WARMUP = 200
IDLE_WINDOW = 5.0  # seconds of no traffic in which each server's idle CPU rate is measured

# What each protocol's HoneyMesh trap is, OpenCanary's module settings and the log type of its
# credential attempt (opencanary.logger.LoggerBase constants).
PROTOCOLS: dict[str, dict[str, object]] = {
    "ftp": {"trap": "ftp", "canary": {"ftp.enabled": True, "ftp.banner": "FTP server ready"},
            "logtype": 2000},
    "http": {"trap": "http", "canary": {"http.enabled": True, "http.skin": "nasLogin",
                                        "http.banner": "Apache/2.4.62 (Debian)"},
             "logtype": 3001},
    "redis": {"trap": "redis", "canary": {"redis.enabled": True}, "logtype": 17001},
    "mysql": {"trap": "mysql", "canary": {"mysql.enabled": True},
              "logtype": 8001},
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# What a HoneyMesh server touches in its working directory once it is ready: the appliance
# when it would tell systemd READY=1 (its kernel program loaded, the bans restored).
READY_FILE = "ready"


def wait_ready(workdir: Path, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Until the HoneyMesh server has started completely. Listening is not enough: the
    appliance's XDP program is compiled in a child process for a second or two after the traps
    listen, and then loaded and the bans restored in the daemon. The child's CPU is not the
    daemon's, so a server idle by `wait_settled` could still be starting, and that load (the
    ban list's restore and the kernel maps' first writes) would fall in the measured window."""
    deadline = time.monotonic() + timeout
    while not (workdir / READY_FILE).exists():
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server is not ready after {timeout} s")
        time.sleep(0.05)


def wait_listening(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port} after {timeout} s")


# The client: one session per protocol ------------------------------------------------------------


async def _read_until(reader: asyncio.StreamReader, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        chunk = await reader.read(4096)
        if not chunk:
            break
        data += chunk
    return data


async def ftp_session(port: int, i: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _read_until(reader, b"\r\n")
    writer.write(f"USER admin{i}\r\n".encode())
    await _read_until(reader, b"\r\n")
    writer.write(f"PASS secret{i}\r\n".encode())
    await _read_until(reader, b"\r\n")
    writer.close()


async def http_session(port: int, i: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = f"username=admin{i}&password=secret{i}".encode()
    writer.write(
        b"POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    await reader.read()  # to the end: Connection: close
    writer.close()


async def redis_session(port: int, i: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    password = f"secret{i}".encode()
    writer.write(b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n" % (len(password), password))
    await _read_until(reader, b"\r\n")
    writer.close()


async def mysql_session(port: int, i: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = await reader.readexactly(4)
    await reader.readexactly(int.from_bytes(head[:3], "little"))  # the greeting
    caps = 0x200 | 0x8000 | 0x80000  # PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH
    user = f"root{i}".encode()
    payload = caps.to_bytes(4, "little") + (1 << 24).to_bytes(4, "little") + b"\x21"
    payload += b"\x00" * 23 + user + b"\x00" + b"\x14" + os.urandom(20)
    payload += b"mysql_native_password\x00"
    writer.write(len(payload).to_bytes(3, "little") + b"\x01" + payload)
    await reader.read(4096)
    writer.close()


SESSIONS: dict[str, Callable[[int, int], Awaitable[None]]] = {
    "ftp": ftp_session,
    "http": http_session,
    "redis": redis_session,
    "mysql": mysql_session,
}


async def drive(protocol: str, port: int, count: int, first: int, pace: float = 0.0) -> float:
    """Run ``count`` sessions, CONCURRENCY at a time; the seconds it took. With a ``pace``
    (sessions a second) each session starts on its schedule instead, however long the ones
    before it take: both servers then see the same arrivals, as from a spray that has its own
    rate, rather than each being driven as fast as it answers."""
    session = SESSIONS[protocol]
    if pace:
        started = time.perf_counter()
        tasks: list[asyncio.Future[None]] = []
        for n in range(count):
            delay = started + n / pace - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.ensure_future(session(port, first + n)))
        await asyncio.gather(*tasks)
        return time.perf_counter() - started
    queue = iter(range(first, first + count))

    async def worker() -> None:
        for i in queue:
            await session(port, i)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.perf_counter() - started


# The servers --------------------------------------------------------------------------------------


def honeymesh_server(
    protocol: str, port: int, workdir: Path, variant: str, prefix: tuple[str, ...] = ()
) -> tuple[subprocess.Popen[bytes], Path]:
    """The server process; ``prefix``: a command to run it under (bench/trap_instructions.py's
    valgrind)."""
    proc = subprocess.Popen(
        [
            *prefix,
            sys.executable,
            __file__,
            "--serve-honeymesh",
            protocol,
            str(port),
            str(workdir),
            variant,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return proc, workdir / "node" / "honeymesh.db"


def serve_honeymesh(protocol: str, port: int, workdir: Path, variant: str) -> None:
    """(In the server process.) The appliance with one trap, or its trap core, until SIGTERM."""
    sys.path.insert(0, str(ROOT))
    from twisted.internet import reactor  # noqa: PLC0415
    from twisted.logger import LogLevel, globalLogBeginner  # noqa: PLC0415

    from honeymesh.config import load_config  # noqa: PLC0415
    from honeymesh.logs import console_observer  # noqa: PLC0415
    from honeymesh.mesh.identity import NodeIdentity  # noqa: PLC0415
    from honeymesh.provision import provision  # noqa: PLC0415
    from honeymesh.tap import build_appliance  # noqa: PLC0415

    directory = workdir / "node"
    done = provision(directory)
    text = done.config_path.read_text().replace("port = 8443", "port = 0")
    text = text[: text.index("# Traps:")]  # no default banner trap
    trap = PROTOCOLS[protocol]["trap"]
    text += f'[[traps]]\nname = "{trap}"\ntype = "{trap}"\nports = [{port}]\nbind = ["127.0.0.1"]\n'
    text += f"max_connections = {HOLD}\nmax_per_source = {HOLD}\n"
    done.config_path.write_text(text)
    if variant.startswith("workers-"):  # --workers: TCP traps in that many worker processes
        text = text.replace("workers = 0", f"workers = {int(variant.removeprefix('workers-'))}")
        done.config_path.write_text(text)
    config = load_config(done.config_path)
    # The log as `twistd -n honeymesh` has it: HoneyMesh's console (to /dev/null here), which
    # keeps info and up. Without a beginning, Twisted's start-up buffer kept every event.
    globalLogBeginner.beginLoggingTo([console_observer(sys.stdout)], redirectStandardIO=False)
    ready = workdir / READY_FILE
    if variant == "core":
        service = trap_core(config, reactor)
        reactor.callWhenRunning(ready.touch)
    else:
        identity = NodeIdentity.load(directory / "identity.key")

        def notify(**state: str) -> None:
            if state.get("READY") == "1":
                ready.touch()

        service = build_appliance(
            config, identity, reactor, notify=notify, log_lowest=LogLevel.info
        ).service
    service.startService()
    reactor.addSystemEventTrigger("before", "shutdown", service.stopService)
    reactor.run()


# What the redis trap answers a wrong AUTH with; the floor server answers everything with it.
FLOOR_REPLY = b"-WRONGPASS invalid username-password pair or user is disabled.\r\n"


def serve_floor(port: int, workdir: Path) -> None:
    """(In the server process.) Twisted's own floor for a redis session: a bare ``Protocol``
    that answers whatever it receives with the refusal and keeps no record, so a trap can be
    no cheaper than this on Twisted. Only a client that speaks first can use it (redis)."""
    from twisted.internet import protocol, reactor  # noqa: PLC0415

    class Refuse(protocol.Protocol):
        def dataReceived(self, data: bytes) -> None:
            assert self.transport is not None
            self.transport.write(FLOOR_REPLY)

    factory = protocol.ServerFactory()
    factory.protocol = Refuse
    reactor.listenTCP(port, factory, interface="127.0.0.1")
    reactor.callWhenRunning((workdir / READY_FILE).touch)
    reactor.run()


def trap_core(config: Any, reactor: Any) -> Any:
    """The trap layer alone: the trap, the event bus and the SQLite store (no JSON log, no
    detection, no API), to show what the rest of the appliance adds per session."""
    from twisted.application.service import MultiService  # noqa: PLC0415

    from honeymesh.detection.traps.registry import TrapContext, build_trap  # noqa: PLC0415
    from honeymesh.events import EventBus  # noqa: PLC0415
    from honeymesh.listeners import ListenerService  # noqa: PLC0415
    from honeymesh.store.db import Store, StoreService  # noqa: PLC0415

    root = MultiService()
    bus = EventBus()
    store = Store(config.data_path(config.store.path), reactor)
    bus.subscribe(store.append)
    StoreService(store, bus.publish, reactor.seconds, lambda failure: None).setServiceParent(root)
    context = TrapContext(
        clock=reactor,
        publish=bus.publish,
        data_path=config.data_path,
        node_cert=config.data_path(config.api.tls_cert),
        node_key=config.data_path(config.api.tls_key),
    )
    (trap,) = config.traps
    built = build_trap(trap, context)
    factory, datagram = built.listener_parts()
    ListenerService(
        name=trap.name, kind="trap", transport=built.transport, address="127.0.0.1",
        port=trap.ports[0], reactor=reactor, clock=reactor, publish=bus.publish,
        factory=factory, datagram=datagram,
    ).setServiceParent(root)  # fmt: skip
    return root


def honeymesh_recorded(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM events WHERE event_id = 'trap.credential'"
        ).fetchone()
    return int(count)


def require_recorded(db: Path, expected: int, timeout: float = 60.0) -> None:
    """(For the benchmarks that drive the appliance alone.) Wait until it has recorded
    ``expected`` credential attempts, at most ``timeout`` seconds; fail if it does not: a trap
    that refused sessions did less work than the figures charge it for."""
    wait_recorded(lambda: honeymesh_recorded(db), expected, timeout)
    if (got := honeymesh_recorded(db)) < expected:
        raise RuntimeError(f"the appliance recorded {got} of {expected} credential attempts")


def opencanary_server(
    protocol: str, port: int, workdir: Path, prefix: tuple[str, ...] = ()
) -> tuple[subprocess.Popen[bytes], Path]:
    log = workdir / "opencanary.log"
    settings = json.loads(
        (OPENCANARY_VENV / "lib/python3.11/site-packages/opencanary/data/settings.json").read_text()
    )
    for key in list(settings):
        if key.endswith(".enabled"):
            settings[key] = False
    canary: Any = PROTOCOLS[protocol]["canary"]
    settings.update(canary)
    settings[f"{protocol}.port"] = port
    settings["device.node_id"] = "bench"
    settings["logger"] = {
        "class": "PyLogger",
        "kwargs": {
            "formatters": {"plain": {"format": "%(message)s"}},
            "handlers": {"file": {"class": "logging.FileHandler", "filename": str(log)}},
        },
    }
    (workdir / "opencanary.conf").write_text(json.dumps(settings))
    proc = subprocess.Popen(
        [
            *prefix,
            str(OPENCANARY_VENV / "bin/python"),  # its script's own interpreter, named for prefix
            str(OPENCANARY_VENV / "bin/twistd"),
            "-n",
            "--pidfile=",
            "-y",
            str(OPENCANARY_VENV / "bin/opencanary.tac"),
        ],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return proc, log


def opencanary_recorded(log: Path, logtype: int) -> int:
    count = 0
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("logtype") == logtype:
            count += 1
    return count


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """``pid``'s live child processes (trap workers), from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parent = int(fields[1])
            except (OSError, ValueError, IndexError):
                continue  # a process that ended meanwhile
            if parent == pid:
                found.append(int(entry))
    return found


def children_cpu_seconds(pid: int) -> float:
    """CPU time of ``pid``'s live child processes (trap workers), from /proc."""
    total = 0.0
    for child in children(pid):
        try:
            total += cpu_seconds(child)
        except (OSError, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return total


def cpu_ns(pid: int) -> int:
    """CPU time of a process's live threads in nanoseconds (schedstat): the idle rate is a
    few milliseconds a second, below /proc/PID/stat's 10 ms ticks over a short window."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            total += int(Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()[0])
        except (OSError, ValueError):
            continue  # a thread that ended meanwhile
    return total


def thread_stats(pid: int) -> dict[str, tuple[str, int, int]]:
    """Each live thread of the process and of its trap workers, by "pid/tid": its name, its
    CPU time (ns) and how many times it was put on a CPU (schedstat): each time it was woken to
    work, and each time it was preempted and resumed. At a trickle, each wake-up costs more
    than the work it wakes for on this VM (likely a halted vCPU woken through the hypervisor;
    not measured). The name is "main" for the server's first thread, "worker" for the first
    thread of a child process (a trap worker; the XDP compiler's child lives only at start-up),
    else the kernel's: HoneyMesh names its store writer and ring-buffer threads
    (honeymesh.threadname), and a thread it does not name carries its creator's name."""
    stats: dict[str, tuple[str, int, int]] = {}
    for process in (pid, *children(pid)):
        try:
            tids = os.listdir(f"/proc/{process}/task")
        except OSError:
            continue  # a worker that ended meanwhile
        for tid in tids:
            task = Path(f"/proc/{process}/task/{tid}")
            try:
                stat = (task / "schedstat").read_text().split()
                name = (task / "comm").read_text().strip()
                if int(tid) == process:
                    name = "main" if process == pid else "worker"
                stats[f"{process}/{tid}"] = (name, int(stat[0]), int(stat[2]))
            except (OSError, ValueError, IndexError):
                continue  # a thread that ended meanwhile
    return stats


def threads_since(before: dict[str, tuple[str, int, int]], pid: int) -> dict[str, tuple[int, int]]:
    """CPU ns and times put on a CPU since ``before`` (``thread_stats``), summed by thread
    name: a thread that started since counts from 0; one that ended is missed, not
    subtracted."""
    by_name: dict[str, tuple[int, int]] = {}
    for thread, (name, ns, woken) in thread_stats(pid).items():
        _, ns0, woken0 = before.get(thread, (name, 0, 0))
        cpu, wakeups = by_name.get(name, (0, 0))
        by_name[name] = (cpu + ns - ns0, wakeups + woken - woken0)
    return by_name


def idle_rate(pid: int, seconds: float = IDLE_WINDOW) -> float:
    """CPU seconds per second of a settled server with no traffic: its timers, flushes and
    polling threads, which a long run (FTP's failed-login pause) charges to its sessions."""
    before, started = cpu_ns(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_ns(pid) - before) / 1e9 / (time.monotonic() - started)


def wait_recorded(count: Callable[[], int], expected: int, timeout: float = 60.0) -> None:
    """Until the server has recorded ``expected`` attempts (its writes may lag the client)."""
    deadline = time.monotonic() + timeout
    while count() < expected and time.monotonic() < deadline:
        time.sleep(0.02)


def wait_settled(pid: int, timeout: float = 30.0, quiet: float = 0.01) -> None:
    """Until the server is idle: at most ``quiet`` CPU seconds in each of three 0.3 s windows.

    The appliance keeps working after it listens, and after it is ready (`wait_ready`) its
    first sessions leave work behind (the store's writer, timers); measured from the warm-up,
    start-up work was charged to the sessions (0.9 CPU s, 300-450 us a session at 2,000-3,000
    sessions, when the XDP program was still compiled in a thread of the daemon)."""
    deadline = time.monotonic() + timeout
    last, still = cpu_seconds(pid), 0
    while still < 3 and time.monotonic() < deadline:
        time.sleep(0.3)
        now = cpu_seconds(pid)
        still = still + 1 if now - last <= quiet else 0
        last = now


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@dataclass
class Result:
    protocol: str
    server: str
    sessions: int
    seconds: float
    server_cpu_s: float
    recorded: int
    expected: int
    idle_cpu_per_s: float = 0.0  # the settled server's CPU rate with no traffic
    window_s: float = 0.0  # how long server_cpu_s was counted for
    workers_cpu_s: float = 0.0  # of server_cpu_s, what its trap workers spent (--workers)
    pace: float = 0.0  # sessions started a second (--pace), 0: as fast as the server answers
    late_ms: tuple[float, float] = (0.0, 0.0)  # --together --pace: p99 and max start delay
    # by thread name (thread_stats): CPU ns and times put on a CPU in the window
    threads: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def wakeups(self) -> int:
        """Times the server's threads were put on a CPU in the window, all threads."""
        return sum(woken for _, woken in self.threads.values())

    @property
    def per_second(self) -> float:
        return self.sessions / self.seconds

    @property
    def session_cpu_s(self) -> float:
        """Server CPU less what the server burns idle over the same window: the sessions'
        own work, comparable when one server's run lasts much longer (FTP's pause)."""
        return max(self.server_cpu_s - self.idle_cpu_per_s * self.window_s, 1e-9)

    @property
    def per_cpu_second(self) -> float:
        return self.sessions / max(self.server_cpu_s, 1e-9)

    def line(self, rounds: int) -> dict[str, object]:
        return {
            "bench": "trap_sessions",
            "protocol": self.protocol,
            "server": self.server,
            "sessions": self.sessions,
            "concurrency": CONCURRENCY,
            "pace_per_s": self.pace,
            "rounds": rounds,
            "seconds": round(self.seconds, 3),
            "sessions_per_s": round(self.per_second, 1),
            "server_cpu_s": round(self.server_cpu_s, 3),
            "sessions_per_server_cpu_s": round(self.per_cpu_second, 1),
            "idle_cpu_ms_per_s": round(self.idle_cpu_per_s * 1e3, 3),
            "cpu_window_s": round(self.window_s, 1),
            "sessions_per_server_cpu_s_less_idle": round(self.sessions / self.session_cpu_s, 1),
            "workers_cpu_s": round(self.workers_cpu_s, 3),
            "wakeups_per_session": round(self.wakeups / self.sessions, 2),
            # which of the server's threads pays for a session, and how often it wakes
            "threads": {
                name: {
                    "cpu_us_per_session": round(ns / 1e3 / self.sessions, 1),
                    "wakeups_per_session": round(wakeups / self.sessions, 2),
                }
                for name, (ns, wakeups) in sorted(self.threads.items(), key=lambda t: -t[1][0])
            },
            "start_late_ms_p99_max": [round(x, 1) for x in self.late_ms],
            "recorded": self.recorded,
            "expected_records": self.expected,
            "lost": self.expected - self.recorded,
        }


def start_server(
    server: str, protocol: str, port: int, workdir: Path
) -> tuple[subprocess.Popen[bytes], Callable[[], int]]:
    """Start ``server`` on ``port`` and wait until it serves; with it, what counts the
    credential attempts it has recorded (the floor keeps none: always 0)."""
    records: Path | None = None  # the floor keeps none
    if server == "twisted-floor":
        proc = subprocess.Popen(
            [sys.executable, __file__, "--serve-floor", str(port), str(workdir)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    elif server.startswith("honeymesh"):
        variant = "core" if server == "honeymesh-trap-core" else "appliance"
        if server.startswith("honeymesh-workers-"):
            variant = server.removeprefix("honeymesh-")
        proc, records = honeymesh_server(protocol, port, workdir, variant)
    else:
        proc, records = opencanary_server(protocol, port, workdir)
    logtype = int(str(PROTOCOLS[protocol]["logtype"]))

    def recorded_now() -> int:
        if records is None or not records.exists():
            return 0
        if server.startswith("honeymesh"):
            return honeymesh_recorded(records)
        return opencanary_recorded(records, logtype)

    try:
        wait_listening(port, proc)
        if server.startswith("honeymesh"):
            wait_ready(workdir, proc)
    except BaseException:
        stop(proc)
        raise
    return proc, recorded_now


def measure(server: str, protocol: str, sessions: int, pace: float = 0.0) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"bench-{server}-") as tmp:
        port = free_port()
        proc, recorded_now = start_server(server, protocol, port, Path(tmp))
        total = WARMUP + sessions
        try:
            asyncio.run(drive(protocol, port, WARMUP, 0))
            wait_recorded(recorded_now, WARMUP)
            wait_settled(proc.pid)  # start-up work is not a session's cost (both servers)
            idle = idle_rate(proc.pid)
            cpu_before, window_started = cpu_seconds(proc.pid), time.monotonic()
            children_before = children_cpu_seconds(proc.pid)
            threads_before = thread_stats(proc.pid)
            seconds = asyncio.run(drive(protocol, port, sessions, WARMUP, pace))
            wait_recorded(recorded_now, total)  # the server's CPU includes writing the records
            children = children_cpu_seconds(proc.pid) - children_before
            cpu = cpu_seconds(proc.pid) - cpu_before + children
            threads = threads_since(threads_before, proc.pid)
            window = time.monotonic() - window_started
        finally:
            stop(proc)
        return Result(
            protocol,
            server,
            sessions,
            seconds,
            cpu,
            recorded_now(),
            total,
            idle,
            window,
            children,
            pace,
            threads=threads,
        )


async def drive_together(
    protocol: str, ports: list[int], count: int, first: int, pace: float = 0.0
) -> tuple[float, list[tuple[float, float]]]:
    """``count`` sessions for each of ``ports``, interleaved, numbered from ``first`` on each,
    at most CONCURRENCY of them in flight on each port (a server slower to answer does not
    collect more of the client's workers, and stays within the traps' connection limits).
    Flat out, session i goes to port i % k. With a ``pace``, the n-th session starts n / (pace
    * k) seconds after the first: ``pace`` sessions a second on each port, whatever the servers
    answer; each round of k slots starts one port later than the one before, so that no server
    always comes first. The seconds it took, and for each port how late its sessions began
    against the schedule (p99 and max, ms: the client running late, or a server holding
    CONCURRENCY sessions so that the next waited; both 0 flat out)."""
    session = SESSIONS[protocol]
    k = len(ports)
    in_flight = [asyncio.Semaphore(CONCURRENCY) for _ in ports]
    late: list[list[float]] = [[] for _ in ports]

    async def one(port: int, number: int, due: float | None = None) -> None:
        async with in_flight[port]:
            if due is not None:
                late[port].append(max(0.0, time.perf_counter() - due) * 1e3)
            await session(ports[port], number)

    started = time.perf_counter()
    if pace:
        tasks: list[asyncio.Future[None]] = []
        for n in range(count * k):
            due = started + n / (pace * k)
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            period, slot = divmod(n, k)
            tasks.append(asyncio.ensure_future(one((slot + period) % k, first + period, due)))
        await asyncio.gather(*tasks)
    else:
        queue = iter(range(first * k, (first + count) * k))

        async def worker() -> None:
            for i in queue:
                await one(i % k, i // k)

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY * k)))
    seconds = time.perf_counter() - started
    spread = []
    for delays in late:
        ordered = sorted(delays) or [0.0]
        spread.append((ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], ordered[-1]))
    return seconds, spread


def measure_together(
    protocol: str, sessions: int, servers: tuple[str, ...], pace: float = 0.0
) -> list[Result]:
    """Every server at once, one client for all (``drive_together``), each server's CPU time
    over the same window: whatever the machine does meanwhile (another tenant, the host's
    clock speed) falls on all of them alike. Run one after another, the same server's CPU per
    session moved by a fifth or more from one run to the next on this VM; side by side, the
    ratios hold within a few per cent. CPU from schedstat (nanoseconds, but only the threads
    alive when it is read), checked against /proc/PID/stat's (clock ticks, threads that ended
    included): a difference past two ticks and a margin means a thread ended in the window
    with CPU the count missed, and the round is refused."""
    expected = {s: 0 if s == "twisted-floor" else WARMUP + sessions for s in servers}
    with contextlib.ExitStack() as stack:
        procs, ports, counts = [], [], []
        for server in servers:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
            port = free_port()
            proc, recorded_now = start_server(server, protocol, port, workdir)
            stack.callback(stop, proc)
            procs.append(proc)
            ports.append(port)
            counts.append(recorded_now)
        for server, port, recorded_now in zip(servers, ports, counts, strict=True):
            asyncio.run(drive(protocol, port, WARMUP, 0))
            wait_recorded(recorded_now, min(WARMUP, expected[server]))
        for proc in procs:
            wait_settled(proc.pid)
        before = [cpu_ns(proc.pid) for proc in procs]
        ticks_before = [cpu_seconds(proc.pid) for proc in procs]
        threads_before = [thread_stats(proc.pid) for proc in procs]
        window_started = time.monotonic()
        seconds, late = asyncio.run(drive_together(protocol, ports, sessions, WARMUP, pace))
        for server, recorded_now in zip(servers, counts, strict=True):
            wait_recorded(recorded_now, expected[server])
        after = [cpu_ns(proc.pid) for proc in procs]
        ticks_after = [cpu_seconds(proc.pid) for proc in procs]
        threads = [threads_since(t, p.pid) for p, t in zip(procs, threads_before, strict=True)]
        window = time.monotonic() - window_started
        for server, ns0, ns1, t0, t1 in zip(
            servers, before, after, ticks_before, ticks_after, strict=True
        ):
            missed = (t1 - t0) - (ns1 - ns0) / 1e9
            if missed > 0.03 + 0.02 * (t1 - t0):
                raise RuntimeError(f"{server}: a thread that ended took {missed:.3f} s of CPU")
        return [
            Result(protocol, server, sessions, seconds, (ns1 - ns0) / 1e9, recorded_now(),
                   expected[server], window_s=window, pace=pace,
                   late_ms=behind, threads=by_name)
            for server, recorded_now, ns0, ns1, by_name, behind
            in zip(servers, counts, before, after, threads, late, strict=True)
        ]  # fmt: skip


def setup() -> None:
    """Create the separate OpenCanary venv (OpenCanary pins its own Twisted)."""
    if not (OPENCANARY_VENV / "bin/python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(OPENCANARY_VENV)], check=True)
    subprocess.run(
        [str(OPENCANARY_VENV / "bin/pip"), "install", "--quiet", "opencanary"], check=True
    )


def compare_workers(counts: list[int], args: argparse.Namespace) -> int:
    """The appliance at each worker count, rounds interleaved, medians; then the per-session
    CPU split between the main process (serial: the bus, the store, detection) and the
    workers (parallel), and what Amdahl's law makes of it on 8 cores."""
    servers = [f"honeymesh-workers-{n}" for n in counts]
    failed = False
    for protocol in args.protocols.split(","):
        runs: dict[str, list[Result]] = {server: [] for server in servers}
        for _ in range(args.rounds):
            for server in servers:
                runs[server].append(measure(server, protocol, args.sessions, args.pace))
        lost = lost_anywhere(protocol, runs)  # then no figure derived from the CPU a session
        failed = lost or failed
        for server in servers:
            ordered = sorted(runs[server], key=lambda r: r.per_cpu_second)
            median = ordered[len(ordered) // 2]
            line = median.line(args.rounds)
            line["lost"] = max(r.expected - r.recorded for r in runs[server])
            walls = sorted(round(r.per_second) for r in runs[server])
            line["sessions_per_s_rounds"] = walls
            line["sessions_per_s_median"] = walls[len(walls) // 2]  # by wall clock
            if median.workers_cpu_s and not lost:
                main_us = (median.server_cpu_s - median.workers_cpu_s) / median.sessions * 1e6
                workers_us = median.workers_cpu_s / median.sessions * 1e6
                line["main_cpu_us_per_session"] = round(main_us, 1)
                line["workers_cpu_us_per_session"] = round(workers_us, 1)
                # On 8 cores with 7 workers: the main process is the serial part, each worker
                # one core's worth; the lower bound of the two is the ceiling.
                line["sessions_per_s_ceiling_8_cores"] = round(
                    min(1e6 / main_us, 7 * 1e6 / workers_us)
                )
            print(json.dumps(line), flush=True)
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--setup", action="store_true", help="create the OpenCanary venv and exit")
    parser.add_argument("--sessions", type=argtypes.count, default=3000)
    parser.add_argument(
        "--rounds", type=argtypes.count, default=3, help="runs per server; medians shown"
    )
    parser.add_argument("--protocols", default="ftp,http,redis,mysql")
    parser.add_argument(
        "--pace",
        type=argtypes.span,
        default=0.0,
        help="start this many sessions a second on every server (default: as fast as each answers)",
    )
    parser.add_argument(
        "--workers",
        help="instead of OpenCanary: the appliance with [node] workers = each of these (0,1,2)",
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="run every server at once, one client for all, CPU over the same window"
        " (redis, mysql, http; redis adds a bare Twisted server, Twisted's own floor);"
        " with --pace, that many sessions a second on each server",
    )
    parser.add_argument(
        "--serve-honeymesh", nargs=4, metavar=("PROTOCOL", "PORT", "DIR", "VARIANT")
    )
    parser.add_argument("--serve-floor", nargs=2, metavar=("PORT", "DIR"))
    args = parser.parse_args()
    if args.serve_floor:
        serve_floor(int(args.serve_floor[0]), Path(args.serve_floor[1]))
        return 0
    if args.serve_honeymesh:
        protocol, port, directory, variant = args.serve_honeymesh
        serve_honeymesh(protocol, int(port), Path(directory), variant)
        return 0
    if args.setup:
        setup()
        return 0
    if args.together and args.workers:
        parser.error("--together compares with OpenCanary; --workers compares worker counts")
    if args.workers:
        return compare_workers([int(n) for n in args.workers.split(",")], args)
    if not (OPENCANARY_VENV / "bin/twistd").exists():
        why = "OpenCanary is not installed: run bench/traps.py --setup (pip install opencanary)"
        print(json.dumps({"bench": "trap_sessions", "error": why}))
        return 1
    failed = False
    for protocol in args.protocols.split(","):
        servers: tuple[str, ...] = ("opencanary", "honeymesh", "honeymesh-trap-core")
        runs: dict[str, list[Result]] = {server: [] for server in servers}
        if args.together:
            if protocol == "ftp":
                refused = {"bench": "trap_sessions", "protocol": protocol, "error": TOGETHER_FTP}
                print(json.dumps(refused), flush=True)
                failed = True
                continue
            if protocol == "redis":
                servers += ("twisted-floor",)
                runs["twisted-floor"] = []
            for _ in range(args.rounds):
                for result in measure_together(protocol, args.sessions, servers, args.pace):
                    runs[result.server].append(result)
        else:
            for _ in range(args.rounds):  # interleaved, so load from elsewhere hits all alike
                for server in servers:
                    runs[server].append(measure(server, protocol, args.sessions, args.pace))
        failed = report(protocol, runs, args) or failed
    return 1 if failed else 0


# Why --together leaves FTP out: its sessions are paced by the trap itself.
TOGETHER_FTP = (
    "not with --together: the FTP trap waits 2-4 s after a failed login, as vsftpd does, so its"
    " sessions would hold the client while OpenCanary's server idles; use --pace"
)


# What a line of --together leaves out: Result's defaults there, not measurements.
UNMEASURED_TOGETHER = (
    "idle_cpu_ms_per_s",
    "sessions_per_server_cpu_s_less_idle",
    "workers_cpu_s",
)


def lost_anywhere(protocol: str, runs: dict[str, list[Result]]) -> bool:
    """Whether a server failed to record every attempt in some round, said on a line of its
    own: a server that refused or dropped sessions did less work than it was charged for, so no
    ratio or figure derived from that run's CPU a session compares like with like (the callers
    print none, and exit 1)."""
    most = {server: max(r.expected - r.recorded for r in rs) for server, rs in runs.items()}
    lost = {server: n for server, n in most.items() if n > 0}
    if lost:
        error = f"records lost (most in one round: {lost}): no ratio from this run compares"
        print(json.dumps({"bench": "trap_sessions", "protocol": protocol, "error": error}))
    return bool(lost)


def report(protocol: str, runs: dict[str, list[Result]], args: argparse.Namespace) -> bool:
    """A line per server (its median round), then each server's ratios to OpenCanary: of the
    medians, and each round's own (``ratio_server_cpu_by_round``: min, median, max; a round
    pairs the server with OpenCanary's run in the same round, which with --together ran beside
    it), since the same server's CPU per session moves by a fifth or more between runs on a
    shared VM. A median of an even count is the upper of the two middle ones, as for the
    servers' own lines. Where a server lost records, an error line instead of the ratios, and
    True (``lost_anywhere``)."""
    median: dict[str, Result] = {}
    for server, results in runs.items():
        ordered = sorted(results, key=lambda r: r.per_cpu_second)
        median[server] = ordered[len(ordered) // 2]
        line = median[server].line(args.rounds)
        line["lost"] = max(r.expected - r.recorded for r in results)  # any round
        line["together"] = args.together
        if args.together:  # not measured side by side: the idle rate, workers
            for key in UNMEASURED_TOGETHER:
                line.pop(key)
        if not (args.together and args.pace):  # measured against --together's schedule only
            line.pop("start_late_ms_p99_max")
        print(json.dumps(line), flush=True)
    if lost_anywhere(protocol, runs):
        return True
    canary = median["opencanary"]
    for server, results in runs.items():
        if server == "opencanary":
            continue
        ours = median[server]
        paired = sorted(
            ours_r.per_cpu_second / canary_r.per_cpu_second
            for ours_r, canary_r in zip(results, runs["opencanary"], strict=True)
        )
        ratio: dict[str, object] = {
            "bench": "trap_sessions",
            "protocol": protocol,
            "server": server,
            "together": args.together,
            "pace_per_s": args.pace,
            "ratio_server_cpu_vs_opencanary": round(ours.per_cpu_second / canary.per_cpu_second, 2),
            "ratio_server_cpu_by_round": {
                "min": round(paired[0], 2),
                "median": round(paired[len(paired) // 2], 2),
                "max": round(paired[-1], 2),
            },
            "aim": 2.0,
        }
        if not args.together:  # side by side, the servers share one window and one client
            ratio["ratio_wall_vs_opencanary"] = round(ours.per_second / canary.per_second, 2)
            # Each side's idle CPU rate x its run's length taken off: FTP's run lasts ~190 s
            # on HoneyMesh (vsftpd's 3 s pause after a failed login), 3-5 s on OpenCanary, so
            # the raw ratio charges HoneyMesh's idle work to its sessions.
            ratio["ratio_server_cpu_less_idle_vs_opencanary"] = round(
                canary.session_cpu_s / ours.session_cpu_s, 2
            )
        print(json.dumps(ratio), flush=True)
    return False


if __name__ == "__main__":
    raise SystemExit(main())
