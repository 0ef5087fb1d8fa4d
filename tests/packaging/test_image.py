"""The appliance image's daemon traps, bans and drops, run as honeymesh.service runs it.

The image root (Debian 12 from debootstrap plus the package, conftest.py) is entered with
chroot inside the lab's target namespace, with /proc, /sys and /dev mounted as systemd would
give them. honeymesh.service is read from the image and followed: its ExecStartPre commands
("+" ones as root), then ExecStart, as its User with only its AmbientCapabilities (and that
bounding set), its LimitNOFILE, Environment and WorkingDirectory, and $NOTIFY_SOCKET on a socket
this test listens on. The operator's edit of the conffile turns on enforce mode on the lab's
veth and adds a telnet trap on port 23, which an unprivileged user may only bind with
CAP_NET_BIND_SERVICE. Then: READY=1 arrives once XDP enforces; an attacker logs in to the trap,
the trap's own detection bans it, and its datagrams are dropped in XDP while another source's
pass; SIGTERM says STOPPING=1, exits 0 and takes the program off the interface.
"""

from __future__ import annotations

import json
import re
import resource
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.detection.traps.telnet import FIRST_OFFER, REFUSING_CLIENT, SECOND_OFFER_END
from tests.kernel.netns import Lab, Receiver, Sender, entered
from tests.kernel.test_daemon_enforcement import wait_for
from tests.kernel.test_daemon_traps_open import TelnetClient
from tests.packaging.conftest import Unit, parse_unit

pytestmark = pytest.mark.kernel

UNIT = "lib/systemd/system/honeymesh.service"
NOTIFY = "/run/honeymesh-test.notify"  # inside the image root
TRAP = """
[[traps]]
name = "telnet"
type = "telnet"
ports = [23]
"""

# In a private mount namespace (inside the lab's network namespace): what systemd gives a
# service, then the command, chrooted.
ENTER = """
root=$1; shift
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
exec chroot "$root" "$@"
"""


def in_root(lab: Lab, root: Path, *argv: str) -> list[str]:
    return [
        "ip", "netns", "exec", lab.target,
        "unshare", "-m", "--propagation", "private", "sh", "-ec", ENTER, "sh", str(root), *argv,
    ]  # fmt: skip


def as_unit(unit: Unit, argv: list[str], *, privileged: bool = False) -> list[str]:
    """``argv`` as systemd runs it for this unit (run inside the root)."""
    env = ["env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", f"NOTIFY_SOCKET={NOTIFY}"]
    env += [f"{k}={v}" for k, v in unit.environment.items()]
    # systemd (with CAP_SYS_RESOURCE) sets the unit's limit; here at most this machine's hard one.
    nofile = min(unit.nofile, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
    limits = ["prlimit", f"--nofile={nofile}:{nofile}"]
    if privileged:
        return [*env, *limits, *argv]
    caps = ",".join("+" + c.removeprefix("CAP_").lower() for c in unit.ambient)
    bounding = ",".join("+" + c.removeprefix("CAP_").lower() for c in unit.bounding)
    return [
        *env, *limits,
        "setpriv", f"--reuid={unit.user}", f"--regid={unit.user}", "--init-groups",
        f"--inh-caps=-all,{caps}", f"--ambient-caps=-all,{caps}", f"--bounding-set=-all,{bounding}",
        "sh", "-c", f'cd {unit.working_directory} && exec "$@"', "sh", *argv,
    ]  # fmt: skip


@pytest.fixture
def notify(image_root: Path) -> Iterator[socket.socket]:
    path = image_root / NOTIFY.lstrip("/")
    path.unlink(missing_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    path.chmod(0o777)  # the service's user must be able to send (systemd's socket is too)
    try:
        yield sock
    finally:
        sock.close()
        path.unlink(missing_ok=True)


def receive(sock: socket.socket, timeout: float) -> dict[str, str]:
    sock.settimeout(timeout)
    data = sock.recv(4096).decode()
    return dict(line.split("=", 1) for line in data.splitlines())


def test_the_image_daemon_started_as_the_unit_says_traps_bans_and_drops(
    image_root: Path, lab: Lab, notify: socket.socket, tmp_path: Path
) -> None:
    unit = parse_unit((image_root / UNIT).read_text())
    config = image_root / "etc/honeymesh/honeymesh.toml"
    text = config.read_text().replace('mode = "test"', 'mode = "enforce"')
    text = text.replace("interfaces = []", f'interfaces = ["{lab.veth_t}"]')
    config.write_text(text + TRAP)

    for privileged, argv in unit.exec_start_pre:
        pre = subprocess.run(
            in_root(lab, image_root, *as_unit(unit, argv, privileged=privileged)),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert pre.returncode == 0, (argv, pre.stdout, pre.stderr)
    assert (image_root / "var/lib/honeymesh/identity.key").is_file()  # the first start's init

    out = tmp_path / "daemon.out"
    daemon = subprocess.Popen(
        in_root(lab, image_root, *as_unit(unit, unit.exec_start)),
        stdout=out.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    rx = Receiver(lab, socket.AF_INET)
    attacker, clean = lab.sources4[0], lab.sources4[1]
    sender = Sender(lab, [attacker, clean])
    telnet: TelnetClient | None = None
    try:
        started = time.monotonic()
        state = receive(notify, timeout=120)
        assert state.get("READY") == "1", (state, out.read_text()[-3000:])
        assert state["STATUS"].startswith("enforce: kernel enforcing"), state
        assert time.monotonic() - started < 120
        assert lab.xdp_prog_id() > 0
        log = out.read_text()
        assert "listening: trap telnet tcp 0.0.0.0 port 23" in log, log[-3000:]

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                in_root(lab, image_root, "/usr/bin/honeymesh", *args),
                capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip

        status = cli("status", "--json")
        assert status.returncode == 0, status.stderr
        kernel = json.loads(status.stdout)["kernel"]
        assert kernel["state"] == "enforcing", kernel

        # Before: both sources reach a service in the daemon's namespace.
        for src in (attacker, clean):
            sender.send(src, lab.target4, rx.port, 5)
        assert rx.drain(0.2) == {attacker: 5, clean: 5}

        # The attacker tries a login on the telnet trap: the trap's own detection bans it.
        telnet = _telnet_to(lab, attacker, 23)
        telnet.until(FIRST_OFFER)  # the first option requests: refused, then the second
        telnet.send(REFUSING_CLIENT[0])
        telnet.until(SECOND_OFFER_END)
        telnet.send(REFUSING_CLIENT[1])
        telnet.until(b"login: ")
        telnet.send(b"root\r\n")
        telnet.until(b"Password: ")
        telnet.send(b"root\r\n")
        telnet.until(b"# ")

        def banned() -> bool:
            bans = cli("bans", "--json")
            return bans.returncode == 0 and attacker in bans.stdout

        wait_for(banned, timeout=30, step=0.5)
        for src in (attacker, clean):
            sender.send(src, lab.target4, rx.port, 5)
        got = rx.drain(0.2)
        assert (got.get(attacker, 0), got.get(clean, 0)) == (0, 5), got
        events = cli("events", "--json")
        assert events.returncode == 0 and "trap.credential" in events.stdout, events.stdout[-2000:]
    finally:
        if telnet is not None:
            telnet.close()
        sender.close()
        rx.close()
        if daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
    # twistd ends by re-raising the signal that stopped it; systemd counts death by SIGTERM as a
    # clean stop (no Restart=on-failure), as it does exit status 0.
    assert daemon.wait(timeout=60) in (0, -signal.SIGTERM), out.read_text()[-3000:]
    assert "Server Shut Down" in out.read_text()
    assert receive(notify, timeout=5).get("STOPPING") == "1"
    assert lab.xdp_prog_id() == 0  # stopped: the program left the interface


def _telnet_to(lab: Lab, src: str, port: int) -> TelnetClient:
    """TelnetClient with another port: the same reading, connected to ``port``."""
    client = TelnetClient.__new__(TelnetClient)
    with entered(lab.attacker):
        client.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.sock.settimeout(5.0)
    client.sock.bind((src, 0))
    client.sock.connect((lab.target4, port))
    client.seen = b""
    return client


def test_under_systemd_in_nspawn_the_unit_is_ready_only_enforcing_and_sandboxed(
    image_root: Path,
) -> None:
    """The image booted by systemd-nspawn: systemd itself (PID 1 in the container) runs the
    unit with every hardening setting, and reports it started only on READY=1, with the
    STATUS line, while XDP is on the container's interface, loaded by the service's user.
    The container grants CAP_BPF and CAP_PERFMON and lets bpf and perf_event_open through its
    filter (docs/DEPLOY.md); the host side of its veth is the host's, removed with it."""
    config = image_root / "etc/honeymesh/honeymesh.toml"
    text = re.sub(r"(?m)^mode = .*$", 'mode = "enforce"', config.read_text(), count=1)
    text = re.sub(r"(?m)^interfaces = .*$", 'interfaces = ["host0"]', text, count=1)
    config.write_text(text)
    nspawn = subprocess.Popen(
        ["systemd-nspawn", "-D", str(image_root), "--boot", "--register=no", "--keep-unit",
         "--network-veth", "--capability=CAP_BPF,CAP_PERFMON",
         "--system-call-filter=bpf perf_event_open", "-q", "--console=pipe"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    init = 0

    def inside(*argv: str) -> str:
        return subprocess.run(
            ["nsenter", "-t", str(init), "-a", *argv],
            capture_output=True, text=True, timeout=60, check=False,
        ).stdout  # fmt: skip

    try:

        def booted() -> bool:
            nonlocal init
            children = Path(f"/proc/{nspawn.pid}/task/{nspawn.pid}/children")
            found = children.read_text().split() if children.exists() else []
            init = int(found[0]) if found else 0
            return bool(init) or nspawn.poll() is not None

        wait_for(booted, timeout=30, step=0.2)
        assert nspawn.poll() is None, "systemd-nspawn exited"

        def settled() -> bool:
            state = inside("systemctl", "show", "honeymesh", "-p", "ActiveState", "--value")
            return state.strip() in ("active", "failed")

        wait_for(settled, timeout=150, step=1.0)
        shown = inside(
            "systemctl", "show", "honeymesh", "-p", "ActiveState", "-p", "StatusText",
            "-p", "User", "-p", "MainPID",
        )  # fmt: skip
        props = dict(line.split("=", 1) for line in shown.splitlines() if "=" in line)
        journal = inside("journalctl", "-b", "-u", "honeymesh", "--no-pager")
        assert props["ActiveState"] == "active", journal[-3000:]
        assert props["StatusText"].startswith("enforce: kernel enforcing"), props
        link = inside("ip", "-d", "link", "show", "host0")
        uid = inside("id", "-u", "honeymesh").strip()
        assert "name honeymesh_xdp" in link and f"created_by_uid {uid} " in link, link
        # A ban under the system call filter: into the XDP map, and explained as enforced.
        assert "192.0.2.7" in inside("honeymesh", "ban", "192.0.2.7"), journal[-2000:]
        assert '"banned"' in inside("honeymesh", "explain", "192.0.2.7", "--json")
        assert inside("systemctl", "is-active", "honeymesh").strip() == "active"
        security = inside("systemd-analyze", "security", "honeymesh.service", "--no-pager")
        exposure = re.search(r"Overall exposure level for honeymesh.service: ([0-9.]+)", security)
        assert exposure and float(exposure.group(1)) < 5.0, security[-1500:]
    finally:
        if init:
            inside("systemctl", "poweroff")
        try:
            nspawn.wait(timeout=60)
        except subprocess.TimeoutExpired:
            nspawn.kill()
            nspawn.wait(timeout=30)
