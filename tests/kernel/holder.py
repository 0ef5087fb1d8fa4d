"""A process that attaches HoneyMesh's XDP program and then waits to be killed.

Run inside the target namespace: ``python -m tests.kernel.holder IFNAME BANNED_SOURCE``. Prints
``attached PROG_ID`` once the program is attached (ENFORCE mode, the source banned), then
sleeps. The kill -9 test checks that the program leaves the interface with the process.
"""

from __future__ import annotations

import ipaddress
import sys
import time

from honeymesh.enforcement.backend import BanEntry
from honeymesh.enforcement.kernel import XdpBackend


def main() -> None:
    ifname, banned = sys.argv[1], sys.argv[2]
    xdp = XdpBackend([ifname], sample_rate=0)
    xdp.load()
    state = xdp.attach()[ifname]
    if state.link_fd is None:
        print(f"failed {state.reason}", flush=True)
        sys.exit(1)
    xdp.set_mode("enforce")
    xdp.add_ban(BanEntry(ipaddress.ip_network(banned), None))
    print(f"attached {xdp.prog_id}", flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main()
