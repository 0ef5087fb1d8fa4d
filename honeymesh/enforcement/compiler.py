"""Compile and load the XDP program in a short-lived child process; keep only its descriptors.

bcc compiles with LLVM and clang, linked into ``libbcc``: once used, they stay mapped and
resident for the life of the process that imported bcc (about 110 MB of the daemon's 165 MB
with no bans, and once per mesh node on a machine). So the daemon never imports bcc. It runs
``python -m honeymesh.enforcement.compiler``, which compiles ``honeymesh.c``, loads the program
and its maps into the kernel, sends the program's and every map's file descriptor back over a
Unix socket (SCM_RIGHTS) and exits. A BPF program or map lives as long as a descriptor to it
does: once the child has exited the daemon holds them alone, attaches the program with a
``bpf_link`` of its own and drives the maps with libbpf syscalls. A killed daemon therefore still
takes the program off its interfaces (fail-open), and nothing is pinned or left on disk.

Failures come back as the same one-line reasons as when bcc ran in the daemon (no capabilities,
no bcc, no headers, a compile error, a verifier refusal), raised as CompileError (the daemon's
XdpBackend turns it into CompileError). The compiler's own diagnostics (and the verifier
log) go to the child's stderr, which is the daemon's. The child imports only what compiling
needs (not the config loader), so it adds little to start-up.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import honeymesh
from honeymesh.enforcement.layout import SOURCE_NAME, Header
from honeymesh.enforcement.probe import kernel_headers_problem, missing_capabilities

BPF_PROG_TYPE_XDP = 6
_MAX_MESSAGE = 65_536
_MAX_FDS = 64  # the program and its maps (18 today)
COMPILE_TIMEOUT = 300.0  # seconds; a loaded 2-core machine compiles in 1-3 s


class CompileError(Exception):
    """The program cannot be compiled or loaded here; the message is one readable line."""


# bcc's compiler changes the process's working directory to the kernel headers while it runs,
# so two compilations in two threads of one process break each other ("./include/linux/
# kconfig.h not found"). One at a time, process-wide (tests compile in-process).
_COMPILE_LOCK = threading.Lock()


def compile_program(bpf_dir: Path, cflags: Sequence[str]) -> Any:
    """Compile ``honeymesh.c`` with bcc in this process; blocking (about a second). Returns the
    bcc BPF object. Raises CompileError with one readable line.

    The daemon calls ``load_in_child`` instead; this runs in the child (and in tests)."""
    missing = missing_capabilities()
    if missing:  # root has them; honeymesh.service gives its user them (docs/DEPLOY.md)
        raise CompileError(
            f"loading XDP needs {' and '.join(missing)}, which this process lacks "
            "(run as root, or with them as ambient capabilities)"
        )
    try:
        from bcc import BPF  # noqa: PLC0415 - optional system dependency, imported on demand
    except ImportError as e:
        raise CompileError(f"bcc's Python bindings are not importable ({e})") from None
    source = bpf_dir / SOURCE_NAME
    if not source.is_file():
        raise CompileError(f"the XDP source {source} is missing")
    headers = kernel_headers_problem()
    if headers:
        raise CompileError(headers)
    try:
        with _COMPILE_LOCK:
            bpf = BPF(src_file=str(source).encode(), cflags=[f"-I{bpf_dir}", *cflags])
    except Exception as e:  # bcc raises bare Exception for compile errors
        raise CompileError(f"bcc cannot compile {source.name}: {e}") from None
    return bpf


def map_defines(header: Header) -> dict[str, str]:
    """The header's map names by define (``HM_MAP_CONFIG`` -> ``hm_config``)."""
    return {
        define: value
        for define, value in header.defines.items()
        if define.startswith("HM_MAP_") and isinstance(value, str)
    }


@dataclass
class LoadedProgram:
    """The loaded program and its maps, held by descriptor only; ``close`` releases them (the
    kernel frees each object when its last descriptor and link are gone)."""

    prog_fd: int
    map_fds: Mapping[str, int]  # by header define: HM_MAP_CONFIG -> fd

    def close(self) -> None:
        for fd in (self.prog_fd, *self.map_fds.values()):
            if fd >= 0:
                os.close(fd)
        self.prog_fd = -1
        self.map_fds = {}


def load_in_child(
    bpf_dir: Path, cflags: Sequence[str], *, timeout: float = COMPILE_TIMEOUT
) -> LoadedProgram:
    """Compile and load in a child process and receive the descriptors. Blocking: call it in a
    thread. Raises CompileError."""
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    package_root = str(Path(honeymesh.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    argv = [sys.executable, "-m", __name__, str(theirs.fileno()), str(bpf_dir), *cflags]
    with mine:
        with theirs:
            try:
                proc = subprocess.Popen(
                    argv, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env
                )
            except OSError as e:
                raise CompileError(f"cannot start the XDP compiler process: {e}") from None
        # Only the child holds the other end now: its exit ends the wait, answer or not.
        mine.settimeout(timeout)
        try:
            data, fds, msg_flags, _ = socket.recv_fds(mine, _MAX_MESSAGE, _MAX_FDS)
        except TimeoutError:
            proc.kill()
            proc.wait()
            raise CompileError(
                f"the XDP compiler process did not answer within {timeout:g} s"
            ) from None
    status = proc.wait()
    try:
        return _answer(data, fds, msg_flags, status)
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise


def _answer(data: bytes, fds: list[int], msg_flags: int, status: int) -> LoadedProgram:
    if not data:
        raise CompileError(
            f"the XDP compiler process exited ({status}) without an answer; see its stderr"
        )
    if msg_flags & (socket.MSG_CTRUNC | socket.MSG_TRUNC):
        raise CompileError("the XDP compiler process sent more than fits one message")
    try:
        answer = json.loads(data)
    except ValueError:
        raise CompileError("the XDP compiler process sent an unreadable answer") from None
    if "error" in answer:
        raise CompileError(str(answer["error"]))
    names = answer.get("maps")
    if not isinstance(names, list) or len(fds) != len(names) + 1:
        raise CompileError("the XDP compiler process sent the wrong number of descriptors")
    return LoadedProgram(fds[0], dict(zip((str(n) for n in names), fds[1:], strict=True)))


def _load_and_send(sock: socket.socket, bpf_dir: Path, cflags: Sequence[str]) -> None:
    header = Header.load(bpf_dir)
    bpf = compile_program(bpf_dir, cflags)
    try:
        fn = bpf.load_func(header.prog_name.encode(), BPF_PROG_TYPE_XDP)  # verifier log: stderr
    except Exception as e:
        raise CompileError(f"the kernel refused the XDP program: {e}") from None
    defines = map_defines(header)
    try:
        fds = [bpf.get_table(name.encode()).map_fd for name in defines.values()]
    except Exception as e:
        raise CompileError(f"the compiled program lacks a map honeymesh.h names: {e}") from None
    message = json.dumps({"maps": list(defines)}).encode()
    socket.send_fds(sock, [message], [fn.fd, *fds])


def main(argv: Sequence[str]) -> int:
    """``python -m honeymesh.enforcement.compiler FD BPF_DIR [CFLAG...]``: answer on socket FD
    with the descriptors, or with ``{"error": reason}``. Returns 1 when nobody is there to
    answer (the daemon died while this compiled): the loaded program and maps are freed as this
    process exits, so nothing is left behind."""
    with socket.socket(fileno=int(argv[0])) as sock:
        try:
            try:
                _load_and_send(sock, Path(argv[1]), argv[2:])
            except CompileError as e:
                sock.send(json.dumps({"error": str(e)}).encode())
            except OSError:
                raise
            except Exception as e:  # one line back to the daemon, whatever broke
                sock.send(json.dumps({"error": f"the XDP compiler failed: {e!r}"}).encode())
        except OSError:  # EPIPE / ECONNRESET: the daemon is gone
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
