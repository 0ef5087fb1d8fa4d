"""The XDP program compiled in a child process: the daemon holds descriptors, not bcc.

bcc's LLVM costs the process that imports it about 110 MB for its whole life; these tests show
the enforcing process never maps it, still enforces and still fails open (the kill -9 test in
test_service.py runs the same holder process), frees the program when it lets go, and reports
compiler failures as the same one-line reasons as before.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from honeymesh.enforcement.backend import BanEntry
from honeymesh.enforcement.compiler import CompileError, _answer, load_in_child
from honeymesh.enforcement.kernel import KernelUnavailable, XdpBackend
from honeymesh.enforcement.layout import DEFAULT_BPF_DIR, HEADER_NAME, SOURCE_NAME
from honeymesh.enforcement.libbpf import Libbpf, LibbpfError
from tests.kernel.conftest import kernel_version
from tests.kernel.netns import Lab, Receiver, Sender

pytestmark = pytest.mark.kernel
REPO = Path(__file__).resolve().parents[2]
COMPILER_LIBS = ("libLLVM", "libclang", "libbcc")


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} for {pid}")


def test_the_enforcing_process_never_maps_llvm_and_stays_small(lab: Lab) -> None:
    banned = lab.sources4[0]
    holder = [sys.executable, "-m", "tests.kernel.holder", lab.veth_t, banned]
    proc = subprocess.Popen(
        ["ip", "netns", "exec", lab.target, *holder],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("attached "), line
        assert lab.xdp_prog_id() == int(line.split()[1])
        sender, rx = Sender(lab, [banned]), Receiver(lab, socket.AF_INET)
        sender.send(banned, lab.target4, rx.port, 5)
        assert rx.drain().get(banned, 0) == 0, "the program the child compiled enforces the ban"
        sender.close()
        rx.close()
        maps = Path(f"/proc/{proc.pid}/maps").read_text()
        assert [lib for lib in COMPILER_LIBS if lib in maps] == []
        # The maps are charged to the kernel, not here (test below); with bcc in the process
        # this was 165 MB.
        assert status_kb(proc.pid, "VmRSS") < 60 * 1024
    finally:
        proc.kill()
        proc.wait()


def gone(open_by_id: Callable[[int], int], object_id: int) -> bool:
    try:
        fd = open_by_id(object_id)
    except LibbpfError as e:
        assert e.errno == errno.ENOENT, e
        return True
    os.close(fd)
    return False


def test_closing_the_backend_frees_the_program_and_its_maps(kernel_ok: None) -> None:
    lib = Libbpf()
    xdp = XdpBackend([], sample_rate=0, libbpf=lib)
    xdp.load()
    prog_id, map_ids = xdp.prog_id, lib.prog_map_ids(xdp.prog_fd)
    assert map_ids and not gone(lib.prog_fd_by_id, prog_id)
    xdp.close()
    deadline = time.monotonic() + 10  # the kernel frees BPF objects after an RCU grace period
    while not (
        gone(lib.prog_fd_by_id, prog_id) and all(gone(lib.map_fd_by_id, m) for m in map_ids)
    ):
        assert time.monotonic() < deadline, "the program or a map outlived every descriptor"
        time.sleep(0.05)


BPF_F_NO_PREALLOC = 1  # uapi/linux/bpf.h
HASHES = {"hm_ban_v4", "hm_ban_v6", "hm_allow_v4", "hm_allow_v6"}


def map_fdinfo(lib: Libbpf, prog_fd: int) -> dict[str, dict[str, str]]:
    """Each of the program's maps by name: its /proc/self/fdinfo fields (``map_flags``, and
    ``memlock``: the kernel memory charged to it)."""
    found = {}
    for map_id in lib.prog_map_ids(prog_fd):
        map_fd = lib.map_fd_by_id(map_id)
        try:
            name = lib.map_info(map_fd).name
            text = Path(f"/proc/self/fdinfo/{map_fd}").read_text()
        finally:
            os.close(map_fd)
        found[name] = dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)
    return found


def kernel_memory(lib: Libbpf, prog_fd: int) -> int:
    return sum(int(fields["memlock"]) for fields in map_fdinfo(lib, prog_fd).values())


def test_the_ban_maps_hold_kernel_memory_for_the_bans_they_hold_not_for_their_capacity(
    kernel_ok: None,
) -> None:
    """Every node loads maps for a million IPv4 and 262,144 IPv6 bans; preallocated, they held
    106 MB of kernel memory from the start, a node banning nothing included (30 nodes on one
    machine: 3 GB). Unpreallocated, an empty ban list costs the hashes' bucket arrays and each
    ban its own entry. The flags are checked on any kernel; what the kernel charges, from 6.4
    on, where fdinfo's ``memlock`` counts a hash's entries rather than its capacity."""
    lib = Libbpf()
    xdp = XdpBackend([], sample_rate=0, libbpf=lib)
    xdp.load()
    try:
        maps = map_fdinfo(lib, xdp.prog_fd)
        assert {n for n in HASHES if int(maps[n]["map_flags"], 16) & BPF_F_NO_PREALLOC} == HASHES
        if kernel_version() < (6, 4):
            return
        empty = kernel_memory(lib, xdp.prog_fd)
        assert empty < 32 * 2**20, f"{empty / 2**20:.1f} MB for no bans"
        bans = [BanEntry(ipaddress.ip_network(f"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}"), None)
                for i in range(100_000)]  # fmt: skip
        xdp.replace_all(bans, [])
        grown = kernel_memory(lib, xdp.prog_fd) - empty
        assert 32 * 100_000 <= grown <= 256 * 100_000, f"{grown / 100_000:.0f} bytes a ban"
    finally:
        xdp.close()


def bpf_copy(tmp_path: Path, source: str | None) -> Path:
    shutil.copy(DEFAULT_BPF_DIR / HEADER_NAME, tmp_path / HEADER_NAME)
    if source is not None:
        (tmp_path / SOURCE_NAME).write_text(source)
    return tmp_path


def test_a_compile_error_is_one_readable_line(kernel_ok: None, tmp_path: Path) -> None:
    broken = (DEFAULT_BPF_DIR / SOURCE_NAME).read_text() + "\nthis is not C;\n"
    xdp = XdpBackend([], sample_rate=0, bpf_dir=bpf_copy(tmp_path, broken))
    with pytest.raises(KernelUnavailable) as caught:
        xdp.load()
    message = str(caught.value)
    assert message.startswith(f"bcc cannot compile {SOURCE_NAME}: "), message
    assert "\n" not in message


def test_a_missing_source_is_named(kernel_ok: None, tmp_path: Path) -> None:
    bpf_dir = bpf_copy(tmp_path, None)
    with pytest.raises(CompileError) as caught:
        load_in_child(bpf_dir, [])
    assert str(caught.value) == f"the XDP source {bpf_dir / SOURCE_NAME} is missing"


def test_a_compiler_that_dies_without_answering_is_reported() -> None:
    with pytest.raises(CompileError, match=r"exited \(-9\) without an answer"):
        _answer(b"", [], 0, -9)


def test_a_compiler_whose_daemon_died_exits_quietly(kernel_ok: None) -> None:
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    mine.close()  # the daemon was killed while the child compiled
    child = [sys.executable, "-m", "honeymesh.enforcement.compiler"]
    with theirs:
        done = subprocess.run(
            [*child, str(theirs.fileno()), str(DEFAULT_BPF_DIR)],
            pass_fds=(theirs.fileno(),),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    # It loaded the program, found nobody to hand it to and exited: its exit frees the program
    # and maps (no pin, no link), and it says nothing alarming.
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
