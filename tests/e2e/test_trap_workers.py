"""Trap workers on a real daemon (``[node] workers = 2``): real processes, real sockets.

Every TCP trap type answers through the workers, both workers serve, every session and every
credential lands in SQLite once (with the worker that served it), a worker killed outright is
started again while the port keeps answering, a garbage frame on a worker's event pipe is
refused with one clear line and the daemon runs on, and SIGTERM ends the open sessions as
``shutdown`` and leaves no worker behind. That detection bans a brute-forcer as without
workers needs a source outside loopback (always allowed): tests/kernel/test_daemon_workers.py.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import sqlite3
import ssl
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from honeymesh.adminclient import AdminClient

from ..nodes import Node, make_node
from .daemon import Daemon, free_port, honeymesh, wait_for

T = TypeVar("T")

#: Every TCP trap type besides the node's default banner trap.
TRAPS = ("ssh", "telnet", "http", "tls", "ftp", "smtp", "redis", "mysql")


def workers_of(pid: int) -> set[int]:
    """The live child processes of ``pid`` (zombies are not workers any more)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[1]) == pid and stat[0] != "Z":
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    """Is ``pid`` a running process (not gone, not a zombie nobody has reaped yet)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return stat[0] != "Z"


def node_with_traps(where: Path, *, workers: int) -> tuple[Node, dict[str, int]]:
    ports = {name: free_port() for name in TRAPS}
    extra = "".join(
        f'\n[[traps]]\nname = "{name}"\ntype = "{name}"\nports = [{port}]\nbind = ["127.0.0.1"]\n'
        for name, port in ports.items()
    )
    node = make_node(where / "var", api_port=free_port(), trap_ports=(free_port(),), extra=extra)
    text = node.config_path.read_text()
    text = text.replace("workers = 0", f"workers = {workers}")
    node.config_path.write_text(text)
    ports["banner"] = node.config.traps[0].ports[0]
    return make_node_reloaded(node), ports


def make_node_reloaded(node: Node) -> Node:
    from honeymesh.config import load_config  # noqa: PLC0415

    return Node(node.config_path, load_config(node.config_path), node.identity, node.admin_token)


@contextlib.contextmanager
def daemon_at(where: Path, *, workers: int = 2) -> Iterator[tuple[Daemon, dict[str, int]]]:
    node, ports = node_with_traps(where, workers=workers)
    d = Daemon(node, where)
    try:
        d.wait_ready()
        if workers:
            wait_for(lambda: len(workers_of(d.proc.pid)) == workers)
        yield d, ports
    finally:
        if d.proc.poll() is None:
            d.stop()


def session(trap: str, port: int, *, secret: str = "x") -> int:
    """One session on ``trap`` that gets an answer; the client's port (the record's
    ``source_port``)."""
    raw = socket.socket()
    raw.settimeout(10)
    raw.connect(("127.0.0.1", port))
    client_port = int(raw.getsockname()[1])
    sock: socket.socket = raw
    try:
        if trap == "tls":
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(raw)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            expect = b"HTTP/1.1 "
        elif trap == "http":
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            expect = b"HTTP/1.1 "
        elif trap == "redis":
            sock.sendall(b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n" % (len(secret), secret.encode()))
            expect = b"-"
        else:
            expect = {"ssh": b"SSH-2.0-", "ftp": b"220", "smtp": b"220", "mysql": b"\x0a"}.get(
                trap, b""
            )
        got = b""
        while expect not in got or not got:
            chunk = sock.recv(4096)
            assert chunk, f"{trap} hung up after {got!r}"
            got += chunk
    finally:
        sock.close()
    return client_port


def rows(daemon: Daemon, sql: str, *args: object) -> list[tuple[object, ...]]:
    config = daemon.node.config
    with contextlib.closing(sqlite3.connect(config.data_path(config.store.path))) as db:
        return list(db.execute(sql, args))


def sessions_by_client(daemon: Daemon) -> dict[tuple[int, str], list[tuple[object, ...]]]:
    """The ``trap.session`` records, (trap, worker, closed_by) each, by the client's port and
    the trap: the port alone names no session, since the kernel may give a connection to one
    trap the port an earlier connection to another used (a CI run saw a MySQL and a Redis
    session share one)."""
    out: dict[tuple[int, str], list[tuple[object, ...]]] = {}
    for port, trap, worker, closed_by in rows(
        daemon,
        "SELECT json_extract(body, '$.detail.source_port'), json_extract(body, '$.detail.trap'),"
        " json_extract(body, '$.detail.worker'), json_extract(body, '$.detail.closed_by')"
        " FROM events WHERE event_id = 'trap.session'",
    ):
        out.setdefault((int(str(port)), str(trap)), []).append((trap, worker, closed_by))
    return out


def eventually(check: Callable[[], bool], timeout: float = 20.0) -> None:
    wait_for(check, timeout=timeout)


def worker_indexes(daemon: Daemon) -> dict[int, int]:
    """Each live worker's index (the records' ``worker``), by pid, from ``status``."""
    status = AdminClient(daemon.node.config, token=daemon.node.admin_token).request(
        "GET", "/api/v1/status"
    )
    return {int(w["pid"]): int(w["index"]) for w in status["workers"]["live"]}


def each_worker_alone(daemon: Daemon, act: Callable[[], T], count: int) -> list[tuple[int, T]]:
    """``act`` ``count`` times with each worker the only one taking connections: the others
    stopped (SIGSTOP), so not waiting on the sockets, hence not woken. Returns (the index of the
    worker that was taking them, what ``act`` returned) for each."""
    indexes = worker_indexes(daemon)
    done: list[tuple[int, T]] = []
    for working, index in indexes.items():
        stopped = [pid for pid in indexes if pid != working]
        for pid in stopped:
            os.kill(pid, signal.SIGSTOP)
        # Until it has stopped, a worker may still be in epoll_wait and take the wake-up.
        eventually(partial(all_stopped, stopped), 10.0)
        try:
            done.extend((index, act()) for _ in range(count))
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
    return done


def all_stopped(pids: list[int]) -> bool:
    return all(state_of(pid) == "T" for pid in pids)


def state_of(pid: int) -> str:
    """The process's state letter (/proc/PID/stat): R, S, T (stopped), Z..."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def wakeups(pid: int) -> int:
    """How often ``pid``'s threads were put on a CPU (schedstat's third field)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(OSError):
            total += int(Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()[2])
    return total


def listening_inode(port: int) -> str:
    """The socket inode of the listening TCP socket on 127.0.0.1:``port`` (/proc/net/tcp)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == f"0100007F:{port:04X}" and fields[3] == "0A":
            return fields[9]
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def epoll_events_on(pid: int, inode: str) -> list[int]:
    """The event masks with which ``pid``'s epoll instances wait on socket ``inode``."""
    fds = Path(f"/proc/{pid}/fd")
    target = {fd.name for fd in fds.iterdir() if os.readlink(fd) == f"socket:[{inode}]"}
    masks = []
    for fd in fds.iterdir():
        if os.readlink(fd) != "anon_inode:[eventpoll]":
            continue
        for line in Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text().splitlines():
            fields = line.split()
            if fields[:1] == ["tfd:"] and fields[1] in target:
                masks.append(int(fields[3], 16))
    return masks


@pytest.fixture(scope="module")
def two_workers(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Daemon, dict[str, int]]]:
    with daemon_at(tmp_path_factory.mktemp("workers")) as running:
        yield running


def test_two_workers_serve_every_tcp_trap_and_each_record_lands_once(
    two_workers: tuple[Daemon, dict[str, int]],
) -> None:
    daemon, ports = two_workers
    count = "SELECT count(*) FROM events WHERE event_id = 'trap.session'"
    time.sleep(0.5)  # any earlier session's record (another test's, run first) has landed
    (before,) = rows(daemon, count)[0]
    served = {(session(trap, ports[trap]), trap) for trap in ("banner", *TRAPS)}
    # A Redis brute force that each worker serves from the same socket while the other is
    # stopped.
    guesses = iter(range(1000))

    def guess() -> tuple[int, str]:
        secret = f"guess-{next(guesses)}"
        return session("redis", ports["redis"], secret=secret), secret

    by_worker = each_worker_alone(daemon, guess, 10)
    secrets = {port: secret for _, (port, secret) in by_worker}
    served.update((port, "redis") for port in secrets)
    eventually(lambda: served <= set(sessions_by_client(daemon)))
    time.sleep(0.5)  # anything recorded twice would be there by now
    recorded = sessions_by_client(daemon)
    for key in served:
        assert len(recorded[key]) == 1, (key, recorded[key])
    # Each session its own key (a client port used twice for one trap would merge two), and
    # no record beyond them (a second record under another trap's name has a key of its own).
    assert len(served) == 1 + len(TRAPS) + len(by_worker)
    assert rows(daemon, count)[0][0] == int(str(before)) + len(served)
    worker_of = [recorded[port, "redis"][0][1] for _, (port, _) in by_worker]
    assert worker_of == [i for i, _ in by_worker]
    assert {i for i, _ in by_worker} == {1, 2}
    credentials = rows(
        daemon,
        "SELECT json_extract(body, '$.detail.password'), count(*) FROM events"
        " WHERE event_id = 'trap.credential' AND json_extract(body, '$.detail.trap') = 'redis'"
        " GROUP BY 1",
    )
    counts = {str(secret): count for secret, count in credentials}
    assert all(counts.get(s) == 1 for s in secrets.values()), credentials
    # Status counts what the workers served, per trap.
    status = AdminClient(daemon.node.config, token=daemon.node.admin_token).request(
        "GET", "/api/v1/status"
    )
    assert status["counters"]["trap_sessions"]["redis"] >= len(secrets)


def test_top_and_ps_tell_the_store_writer_and_each_worker_apart(
    two_workers: tuple[Daemon, dict[str, int]],
) -> None:
    """Each thread and worker carries its name into the kernel's tables (it was the program's
    name for all of them: twistd, python3); the daemon itself keeps its own."""
    daemon, _ = two_workers

    def comm(pid: int, tid: int | None = None) -> str:
        return Path(f"/proc/{pid}/task/{tid or pid}/comm").read_text().strip()

    def thread_names() -> set[str]:
        return {
            comm(daemon.proc.pid, int(t.name))
            for t in Path(f"/proc/{daemon.proc.pid}/task").iterdir()
        }

    workers = sorted(worker_indexes(daemon))
    assert len(workers) == 2
    # A worker names itself first thing in its main(), which may not have run yet.
    wait_for(lambda: all(comm(pid) == "honeymesh-traps" for pid in workers))
    wait_for(lambda: "honeymesh-store" in thread_names())
    assert comm(daemon.proc.pid) == "twistd"


def test_at_a_trickle_a_connection_wakes_one_idle_worker_not_every_one(
    two_workers: tuple[Daemon, dict[str, int]],
) -> None:
    """Each worker waits on each trap socket with EPOLLEXCLUSIVE: registered the plain way,
    every connection woke both idle workers and one of them found nothing to accept."""
    daemon, ports = two_workers
    workers = sorted(worker_indexes(daemon))
    for trap in ("redis", "ssh"):
        inode = listening_inode(ports[trap])
        for pid in workers:
            masks = epoll_events_on(pid, inode)
            assert masks, f"worker {pid} does not wait on the {trap} socket"
            assert all(m & select.EPOLLIN and m & select.EPOLLEXCLUSIVE for m in masks), (
                trap, pid, [hex(m) for m in masks],
            )  # fmt: skip
    time.sleep(0.5)  # what the fixture's earlier sessions left behind has settled
    before = {pid: wakeups(pid) for pid in workers}
    for _ in range(30):
        session("redis", ports["redis"])
        time.sleep(0.1)  # a trickle: both workers are waiting when each connection comes
    woken = {pid: wakeups(pid) - before[pid] for pid in workers}
    # One worker takes them; the other wakes for its own once-a-second timer (3-4 times here)
    # and for the few it may take while the first is kept off a CPU (about 3 each), not for
    # every one of the 30 connections, as each woke both workers when one found nothing.
    assert min(woken.values()) < 15, woken


def test_a_killed_worker_is_started_again_and_the_port_keeps_answering(tmp_path: Path) -> None:
    with daemon_at(tmp_path) as (daemon, ports):
        before = workers_of(daemon.proc.pid)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        for _ in range(20):  # while one is down, the other one serves
            session("redis", ports["redis"])
        eventually(lambda: len(workers_of(daemon.proc.pid) - before) == 1)
        assert len(workers_of(daemon.proc.pid)) == 2
        assert daemon.output().count(f"(pid {victim}) killed by SIGKILL") == 1
        status = AdminClient(daemon.node.config, token=daemon.node.admin_token).request(
            "GET", "/api/v1/status"
        )
        assert status["workers"]["restarts"] == 1 and len(status["workers"]["live"]) == 2
        assert victim not in {w["pid"] for w in status["workers"]["live"]}
        shown = honeymesh("status", "--config", str(daemon.node.config_path))
        assert "trap workers: 2 of 2 up" in shown.stdout and "1 restarted" in shown.stdout
        for _ in range(20):
            session("ssh", ports["ssh"])


def test_connections_the_workers_refuse_are_counted_in_the_daemons_status(tmp_path: Path) -> None:
    """Each worker holds its share of the trap's max_per_source (8 of 16 from one source) and
    refuses the rest; the counts reach the daemon's status when refusals happen (a worker
    sends them a second after one), not from a poll."""
    with daemon_at(tmp_path) as (daemon, ports):
        client = AdminClient(daemon.node.config, token=daemon.node.admin_token)

        def refused() -> int:
            return int(client.request("GET", "/api/v1/status")["counters"]["trap_refused"]["ssh"])

        assert refused() == 0
        address = ("127.0.0.1", ports["ssh"])

        def reaches(count: int) -> Callable[[], bool]:
            return lambda: refused() >= count

        for _ in range(2):  # the second time well after the counts a worker sends at its start
            enough = reaches(refused() + 8)
            held = [socket.create_connection(address, timeout=10) for _ in range(24)]
            try:
                eventually(enough)
            finally:
                for sock in held:
                    sock.close()


def test_a_garbage_frame_is_refused_with_a_clear_line_and_the_daemon_runs_on(
    tmp_path: Path,
) -> None:
    with daemon_at(tmp_path) as (daemon, ports):
        before = workers_of(daemon.proc.pid)
        target = min(before)
        with open(f"/proc/{target}/fd/1", "wb") as pipe:  # the worker's event pipe
            pipe.write(b"\x00\x00\x00\x0aEnot json!")  # a whole frame: 10 bytes, kind E
        eventually(lambda: "sent a bad frame" in daemon.output())
        line = next(ln for ln in daemon.output().splitlines() if "sent a bad frame" in ln)
        assert f"(pid {target})" in line and "not a JSON document" in line, line
        eventually(lambda: len(workers_of(daemon.proc.pid) - before) == 1)
        assert daemon.proc.poll() is None
        port = session("redis", ports["redis"], secret="after")
        eventually(lambda: (port, "redis") in sessions_by_client(daemon))
        assert "Traceback" not in daemon.output()


def test_sigterm_ends_open_sessions_as_shutdown_and_leaves_no_worker(tmp_path: Path) -> None:
    with daemon_at(tmp_path) as (daemon, ports):
        workers = workers_of(daemon.proc.pid)

        def hold() -> socket.socket:
            s = socket.create_connection(("127.0.0.1", ports["telnet"]), timeout=10)
            s.recv(100)
            return s

        held = [s for _, s in each_worker_alone(daemon, hold, 3)]  # open on each worker
        open_ports = {s.getsockname()[1] for s in held}
        assert daemon.stop() == -signal.SIGTERM, daemon.output()
        for s in held:
            s.close()
    eventually(lambda: not [pid for pid in workers if alive(pid)], 5.0)
    recorded = sessions_by_client(daemon)
    ended = {
        p: [(trap, closed) for trap, _, closed in recorded.get((p, "telnet"), [])]
        for p in open_ports
    }
    assert ended == {key: [("telnet", "shutdown")] for key in open_ports}
    assert "did not stop" not in daemon.output()


def test_workers_die_with_a_daemon_killed_outright(tmp_path: Path) -> None:
    with daemon_at(tmp_path) as (daemon, ports):
        workers = workers_of(daemon.proc.pid)
        assert len(workers) == 2
        daemon.proc.kill()  # no stop, no chance to close anything: PR_SET_PDEATHSIG
        daemon.proc.wait(timeout=10)
        eventually(lambda: not [pid for pid in workers if alive(pid)], 10.0)
        with pytest.raises(OSError):  # nothing serves the trap any more
            session("redis", ports["redis"])


def test_a_port_already_taken_fails_as_without_workers_and_the_rest_are_served(
    tmp_path: Path,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        busy = int(taken.getsockname()[1])
        node, ports = node_with_traps(tmp_path, workers=2)
        text = node.config_path.read_text()
        node.config_path.write_text(
            text.replace(f"ports = [{ports['redis']}]", f"ports = [{busy}]")
        )
        daemon = Daemon(make_node_reloaded(node), tmp_path)
        try:
            daemon.wait_ready()
            wait_for(lambda: len(workers_of(daemon.proc.pid)) == 2)
            line = f"NOT listening: trap redis tcp 127.0.0.1 port {busy}: Address already in use"
            assert line in daemon.output()
            served = session("ftp", ports["ftp"])
            eventually(lambda: (served, "ftp") in sessions_by_client(daemon))
        finally:
            daemon.stop()


def test_sigterm_to_the_daemon_and_its_workers_at_once_as_systemd_sends_it(
    tmp_path: Path,
) -> None:
    """systemd's default KillMode=control-group signals every process of the unit at once."""
    with daemon_at(tmp_path) as (daemon, ports):
        workers = workers_of(daemon.proc.pid)
        held = [socket.create_connection(("127.0.0.1", ports["telnet"]), timeout=10)]
        held[0].recv(100)
        open_port = held[0].getsockname()[1]
        before = len(daemon.output())
        for pid in [daemon.proc.pid, *workers]:
            os.kill(pid, signal.SIGTERM)
        assert daemon.proc.wait(timeout=30) == -signal.SIGTERM, daemon.output()
        held[0].close()
    eventually(lambda: not [pid for pid in workers if alive(pid)], 5.0)
    assert "another starts" not in daemon.output()[before:]
    assert [(t, c) for t, _, c in sessions_by_client(daemon).get((open_port, "telnet"), [])] == [
        ("telnet", "shutdown")
    ]
