"""A ban must not blind the FTP trap either: its passive data ports are trap ports.

`twistd honeymesh` runs in ENFORCE inside a lab's target namespace with XDP on its veth and an
FTP trap with a login. From the attacker namespace a real client (Python's ftplib, passive mode)
logs in, which bans its address by the default policy; with the ban in place its connection to a
TCP service in the daemon's namespace (not a trap) is dropped in XDP, while the same FTP session
still lists a directory and downloads a file over new data connections to the trap's passive
ports, and the download is recorded.
"""

from __future__ import annotations

import ftplib
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kernel.netns import Lab, entered
from tests.kernel.test_daemon_enforcement import NamespacedDaemon, enforcing_daemon, wait_for
from tests.kernel.test_daemon_traps_open import kernel_packets, tcp_connects

pytestmark = pytest.mark.kernel

FTP_PORT = 2121
PASSIVE = (41000, 41003)
FTP_TRAP = f"""
[[traps]]
name = "ftp"
type = "ftp"
ports = [{FTP_PORT}]
credentials = ["backup:backup"]
passive_ports = [{PASSIVE[0]}, {PASSIVE[1]}]
"""


@pytest.fixture
def daemon(lab: Lab, tmp_path: Path) -> Iterator[NamespacedDaemon]:
    with enforcing_daemon(lab, tmp_path, FTP_TRAP) as d:
        yield d


def retrieved(daemon: NamespacedDaemon) -> list[str]:
    """Files the FTP sessions downloaded, from the session records in the JSON log."""
    path = daemon.node.config.node.data_dir / daemon.node.config.log.json_file
    found: list[str] = []
    for line in path.read_text().splitlines() if path.exists() else []:
        record = json.loads(line)
        if record.get("event_id") == "trap.session":
            found += (record.get("detail") or {}).get("retrieved", [])
    return found


def test_a_banned_ftp_client_still_lists_and_downloads_over_passive_ports(
    daemon: NamespacedDaemon, lab: Lab
) -> None:
    daemon.start()
    attacker = lab.sources4[0]
    with entered(lab.target):
        service = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    service.bind(("0.0.0.0", 0))
    service.listen(8)
    service_port = service.getsockname()[1]
    with entered(lab.attacker):  # the control connection and every data connection from here
        ftp = ftplib.FTP(timeout=5, source_address=(attacker, 0))
        ftp.connect(lab.target4, FTP_PORT)
    try:
        assert tcp_connects(lab, attacker, service_port)
        with entered(lab.attacker):
            ftp.login("backup", "backup")  # one login attempt bans (login_score 100 >= 70)

        def banned() -> bool:
            bans = daemon.status()["bans"]
            return isinstance(bans, dict) and bans.get("exact_v4") == 1

        wait_for(banned, timeout=20, step=0.2)
        before = kernel_packets(daemon)
        assert not tcp_connects(lab, attacker, service_port, timeout=1.0)  # dropped in XDP

        # ... while the trap's control and data connections still go through.
        with entered(lab.attacker):
            names = ftp.nlst("/etc")
            hostname = bytearray()
            ftp.retrbinary("RETR /etc/hostname", hostname.extend)
            port = ftp.makepasv()[1]
        assert "/etc/passwd" in names and hostname.endswith(b"\n")
        assert PASSIVE[0] <= port <= PASSIVE[1]
        after = kernel_packets(daemon)
        delta = {k: after[k] - before.get(k, 0) for k in after}
        assert delta["dropped_exact"] >= 1, delta  # the SYN to the service
        assert delta["trap_passed"] >= 6, delta  # two data connections and the commands
    finally:
        with entered(lab.attacker):
            ftp.close()
        service.close()
    daemon.stop()
    wait_for(lambda: "/etc/hostname" in retrieved(daemon), timeout=10, step=0.2)
