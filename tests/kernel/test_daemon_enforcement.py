"""The whole appliance enforcing in the kernel, as an operator runs it.

`twistd -n honeymesh --interface <veth>` runs inside the target namespace of a lab; the
`honeymesh` CLI bans there; real datagrams from the attacker namespace are dropped or pass.
Then the daemon is restarted (the active set comes back into the maps) and killed with
SIGKILL (the XDP program leaves the interface at once: fail-open).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from honeymesh.enforcement.libbpf import Libbpf
from tests.kernel.netns import Lab, Receiver, Sender
from tests.nodes import Node, make_node

VENV_BIN = Path(sys.executable).parent


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(step)
    raise AssertionError("timed out waiting")


class NamespacedDaemon:
    """A daemon and the CLI, both inside the lab's target namespace."""

    def __init__(self, lab: Lab, node: Node, out: Path) -> None:
        self.lab = lab
        self.node = node
        self.out = out
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, wrapper: Sequence[str] = ()) -> None:
        """Start it and wait for its ban list; ``wrapper``: a command line that ends by
        running the rest (its ``"$@"``), such as one that first joins a cgroup."""
        argv = [
            *wrapper,
            "ip",
            "netns",
            "exec",
            self.lab.target,
            str(VENV_BIN / "twistd"),
            "--nodaemon",
            "--pidfile=",
            "honeymesh",
            "--config",
            str(self.node.config_path),
            "--interface",
            self.lab.veth_t,
        ]
        self.out.write_text("")
        self.proc = subprocess.Popen(argv, stdout=self.out.open("a"), stderr=subprocess.STDOUT)
        wait_for(lambda: "ban list restored" in self.out.read_text() or self.exited())
        assert not self.exited(), self.out.read_text()

    def exited(self) -> bool:
        return self.proc is not None and self.proc.poll() is not None

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                self.lab.target,
                str(VENV_BIN / "honeymesh"),
                *args,
                "--config",
                str(self.node.config_path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def status(self) -> dict[str, object]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        status: dict[str, object] = json.loads(result.stdout)
        return status

    def stop(self, sig: int = signal.SIGTERM) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)
        self.proc.wait(timeout=30)


@contextlib.contextmanager
def enforcing_daemon(
    lab: Lab, tmp_path: Path, extra: str = "", edit: Callable[[str], str] = lambda text: text
) -> Iterator[NamespacedDaemon]:
    """A node in ENFORCE with ``extra`` configuration (traps) and ``edit`` applied to its
    file, as a daemon not yet started in the lab's target; killed if still running after."""
    node = make_node(tmp_path / "var", api_port=8443, trap_ports=(2323,), extra=extra)
    text = node.config_path.read_text().replace('mode = "test"', 'mode = "enforce"')
    node.config_path.write_text(edit(text))
    d = NamespacedDaemon(lab, node, tmp_path / "daemon.out")
    try:
        yield d
    finally:
        if d.proc is not None and d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()


@pytest.fixture
def daemon(lab: Lab, tmp_path: Path) -> Iterator[NamespacedDaemon]:
    with enforcing_daemon(lab, tmp_path) as d:
        yield d


def delivered(lab: Lab, sources: list[str], rx4: Receiver, rx6: Receiver) -> dict[str, int]:
    sender = Sender(lab, sources)
    try:
        for src in sources:
            v6 = ":" in src
            rx = rx6 if v6 else rx4
            sender.send(src, lab.target6 if v6 else lab.target4, rx.port, 5)
    finally:
        sender.close()
    got = {**rx4.drain(0.1), **rx6.drain(0.1)}
    return {src: got.get(src, 0) for src in sources}


def test_cli_bans_drop_in_the_kernel_survive_a_restart_and_sigkill_fails_open(
    daemon: NamespacedDaemon, lab: Lab
) -> None:
    daemon.start()
    status = daemon.status()
    kernel = status["kernel"]
    assert isinstance(kernel, dict)
    assert kernel["state"] == "enforcing", kernel
    assert kernel["interfaces"][lab.veth_t]["attach"] in ("native", "generic")
    assert lab.xdp_prog_id() > 0

    rx4, rx6 = Receiver(lab, socket.AF_INET), Receiver(lab, socket.AF_INET6)
    v4_banned, v4_range, v4_clean = lab.sources4[0], lab.sources4[1], lab.sources4[2]
    v6_banned, v6_clean = lab.sources6[0], lab.sources6[1]
    everyone = [v4_banned, v4_range, v4_clean, v6_banned, v6_clean]
    try:
        assert all(n == 5 for n in delivered(lab, everyone, rx4, rx6).values())

        for target in (v4_banned, f"{v4_range}/32", v6_banned):
            result = daemon.cli("ban", target, "--duration", "1h", "--reason", "kernel e2e")
            assert result.returncode == 0, result.stderr
        got = delivered(lab, everyone, rx4, rx6)
        assert got == {v4_banned: 0, v4_range: 0, v4_clean: 5, v6_banned: 0, v6_clean: 5}

        explain = daemon.cli("explain", v4_banned, "--json")
        assert explain.returncode == 0 and "kernel e2e" in explain.stdout

        # A restart restores exactly the active set into the maps.
        daemon.stop(signal.SIGTERM)
        assert lab.xdp_prog_id() == 0  # a clean stop detaches too
        daemon.start()
        entries = daemon.status()["kernel"]["entries"]  # type: ignore[index]
        assert (entries["ban_v4"], entries["ban_v6"]) == (2, 1)
        got = delivered(lab, everyone, rx4, rx6)
        assert got == {v4_banned: 0, v4_range: 0, v4_clean: 5, v6_banned: 0, v6_clean: 5}

        # SIGKILL: the bpf_link dies with the process, so the program leaves at once. Timed
        # from the reaping, and asked in this process: the kill and the wait, or an `ip` run
        # per poll, are the loaded machine's time, not the kernel's.
        assert daemon.proc is not None
        lib, ifindex = Libbpf(), lab.ifindex(lab.target, lab.veth_t)
        os.kill(daemon.proc.pid, signal.SIGKILL)
        daemon.proc.wait(timeout=10)
        lab.assert_xdp_leaves(lib, ifindex, since=time.monotonic(), within=0.1)
        assert lab.xdp_prog_id() == 0
        assert all(n == 5 for n in delivered(lab, everyone, rx4, rx6).values())
    finally:
        rx4.close()
        rx6.close()
