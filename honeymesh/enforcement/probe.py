"""Can bcc compile and load an XDP program on this machine?  One line of answer.

Run by the set-up script (``python -m honeymesh.enforcement.probe``) and usable by the daemon to
explain why kernel enforcement is unavailable. It loads a trivial program and attaches it
nowhere, so it changes nothing on the machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_TRIVIAL_XDP = rb"""
#include <uapi/linux/bpf.h>
int hm_probe(struct xdp_md *ctx) { return XDP_PASS; }
"""


# capability(7) numbers: loading the program and its maps needs CAP_BPF (CAP_SYS_ADMIN before
# Linux 5.8 split it out); attaching it to an interface (netlink) needs CAP_NET_ADMIN.
CAP_NET_ADMIN = 12
CAP_SYS_ADMIN = 21
CAP_BPF = 39


def effective_capabilities(status: str | None = None) -> int:
    """The process's effective capability set (``CapEff`` in /proc/self/status) as a mask."""
    if status is None:
        status = Path("/proc/self/status").read_text("ascii")
    for line in status.splitlines():
        if line.startswith("CapEff:"):
            return int(line.split()[1], 16)
    return 0


def missing_capabilities(effective: int | None = None) -> list[str]:
    """The capabilities XDP needs that the process lacks; empty when it may load and attach.

    Root has them all unless a supervisor took them away; a service run as an unprivileged user
    (``honeymesh.service``) has them as ambient capabilities. Checking the capabilities, not the
    user id, makes both work and names what is missing when neither does."""
    caps = effective_capabilities() if effective is None else effective

    def has(cap: int) -> bool:
        return bool(caps >> cap & 1)

    missing = []
    if not (has(CAP_BPF) or has(CAP_SYS_ADMIN)):
        missing.append("CAP_BPF")
    if not has(CAP_NET_ADMIN):
        missing.append("CAP_NET_ADMIN")
    return missing


def kernel_headers_problem() -> str | None:
    """Why bcc will not find kernel headers, or None when the tree it looks in is there."""
    build = Path("/lib/modules") / os.uname().release / "build"
    if not (build / "include").is_dir():
        return (
            f"no kernel headers at {build} (the set-up script links Debian's linux-headers "
            "there; run `make run` or scripts/setup.sh as root)"
        )
    return None


def probe_bcc() -> tuple[bool, str]:
    """Return (available, one-line explanation)."""
    missing = missing_capabilities()
    if missing:
        return (
            False,
            f"loading BPF programs needs {' and '.join(missing)}, which this process lacks",
        )
    try:
        from bcc import BPF  # noqa: PLC0415 - optional system dependency, imported on demand
    except ImportError as e:
        return False, f"bcc's Python bindings are not importable ({e}); install python3-bpfcc"
    headers = kernel_headers_problem()
    if headers:
        return False, headers
    try:  # the compiler's diagnostics, if any, go to stderr from C
        bpf = BPF(text=_TRIVIAL_XDP)
        bpf.load_func(b"hm_probe", BPF.XDP)
        bpf.cleanup()
    except Exception as e:  # bcc raises bare Exception for compile and load errors
        detail = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return False, f"bcc cannot compile or load XDP: {detail}"
    return True, "bcc compiled and loaded a test XDP program"


def main() -> int:
    ok, why = probe_bcc()
    state = "available" if ok else "UNAVAILABLE"
    print(f"setup: kernel enforcement {state}: {why}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
