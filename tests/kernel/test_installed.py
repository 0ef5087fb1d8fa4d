"""An installed HoneyMesh enforces: the wheel carries the XDP program and its header.

Issue 14 found that the wheel held no ``bpf/``, so an installed HoneyMesh could not enforce at
all. Here the wheel is built from the checkout, installed into a fresh virtual environment
outside the source tree (bcc linked in from Debian, as ``scripts/setup.sh`` does), and that
environment's own ``twistd honeymesh`` runs in the lab's target namespace with XDP on the veth:
its CLI bans a source, whose real datagrams are then dropped while a clean source's pass.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kernel.netns import Lab, Receiver, Sender
from tests.kernel.test_daemon_enforcement import wait_for
from tests.nodes import make_node

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_BCC = Path("/usr/lib/python3/dist-packages/bcc")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin directory of a fresh virtual environment holding only the built wheel (and its
    dependencies) plus Debian's bcc."""
    out = tmp_path_factory.mktemp("installed")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True, check=True, timeout=600,
    )  # fmt: skip
    wheel = next(out.glob("honeymesh-*.whl"))
    venv = out / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)],
        capture_output=True, check=True, timeout=900,
    )  # fmt: skip
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "bcc").symlink_to(DEBIAN_BCC)  # as scripts/setup.sh links it: never PyPI's "bcc"
    return venv / "bin"


def run_in(lab: Lab, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["ip", "netns", "exec", lab.target, *argv],
        capture_output=True, text=True, timeout=60, check=False, cwd=cwd,
    )  # fmt: skip


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "outside"
    where.mkdir()
    yield where


def test_the_installed_wheel_compiles_attaches_and_drops_outside_the_source_tree(
    installed: Path, lab: Lab, workdir: Path
) -> None:
    located = subprocess.run(
        [str(installed / "python"), "-c",
         "import honeymesh.paths as p, honeymesh.enforcement.layout as l; "
         "print(p.__file__); print(l.DEFAULT_BPF_DIR)"],
        capture_output=True, text=True, check=True, cwd=workdir,
    ).stdout.split()  # fmt: skip
    venv = installed.parent
    assert all(Path(p).is_relative_to(venv) for p in located), located  # not the checkout
    assert (Path(located[1]) / "honeymesh.c").is_file()

    node = make_node(workdir / "var", api_port=8443, trap_ports=(2323,))
    node.config_path.write_text(
        node.config_path.read_text().replace('mode = "test"', 'mode = "enforce"')
    )
    config = str(node.config_path)
    out = workdir / "daemon.out"
    argv = [str(installed / "twistd"), "--nodaemon", "--pidfile=", "honeymesh", "--config", config,
            "--interface", lab.veth_t]  # fmt: skip
    proc = subprocess.Popen(
        ["ip", "netns", "exec", lab.target, *argv],
        stdout=out.open("w"), stderr=subprocess.STDOUT, cwd=workdir,
    )  # fmt: skip
    rx = Receiver(lab, socket.AF_INET)
    try:
        wait_for(lambda: "ban list restored" in out.read_text() or proc.poll() is not None)
        assert proc.poll() is None, out.read_text()
        status = run_in(lab, workdir, str(installed / "honeymesh"), "status", "--json",
                        "--config", config)  # fmt: skip
        assert status.returncode == 0, status.stderr
        kernel = json.loads(status.stdout)["kernel"]
        assert kernel["state"] == "enforcing", kernel
        assert lab.xdp_prog_id() > 0
        banned, clean = lab.sources4[0], lab.sources4[1]
        ban = run_in(lab, workdir, str(installed / "honeymesh"), "ban", banned, "--config", config)
        assert ban.returncode == 0, ban.stderr
        sender = Sender(lab, [banned, clean])
        try:
            for src in (banned, clean):
                sender.send(src, lab.target4, rx.port, 5)
        finally:
            sender.close()
        got = rx.drain(0.2)
        assert got.get(banned, 0) == 0 and got.get(clean, 0) == 5, got
    finally:
        rx.close()
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)
    assert lab.xdp_prog_id() == 0  # stopped: the program left the interface
