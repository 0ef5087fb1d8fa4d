"""`make lab`, bounded: three nodes in a mesh with XDP, an attacker with nmap, the OpenSSH client
and curl; the attacker ends up banned on every node (by node1's traps, then through the mesh)
and XDP drops its packets to the others' non-trap ports, while their traps still answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_lab_bans_the_attacker_on_every_node(kernel_ok: None) -> None:
    if os.geteuid() != 0:
        pytest.skip("the lab needs root")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lab.py"), "--once"],
        capture_output=True, text=True, errors="replace", timeout=420, check=False,
    )  # fmt: skip
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-6000:]
    assert "attacker banned on every node" in out
    assert "node2 bans 198.18.77.66 from the mesh" in out
    assert "node3 bans 198.18.77.66 from the mesh" in out
    assert "still answers: SSH-2.0-dropbear_2022.83" in out  # the ban does not blind the honeypot
    leftover = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True)
    assert "hmlab-" not in leftover.stdout  # torn down
