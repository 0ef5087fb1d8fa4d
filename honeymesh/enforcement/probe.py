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
    if os.geteuid() != 0:
        return False, "not running as root: loading BPF programs needs CAP_BPF and CAP_NET_ADMIN"
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
