"""The daemon as an operator runs it: `twistd -n honeymesh`, the CLI against it, SIGTERM/SIGINT."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from honeymesh.certs import write_self_signed
from honeymesh.detection.traps.ssh import SshHostKeys
from honeymesh.license.issue import LicenseSigningKey, write_key_pair

from ..nodes import Node, make_node
from ..store.test_db import damaged_copy
from .daemon import VENV_BIN, Daemon, free_port, honeymesh

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Daemon]:
    trap_port, api_port = free_port(), free_port()
    node = make_node(tmp_path / "var", api_port=api_port, trap_ports=(trap_port,))
    d = Daemon(node, tmp_path)
    try:
        yield d
    finally:
        if d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()


def trap_port(node: Node) -> int:
    return node.config.traps[0].ports[0]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_daemon_starts_reports_and_stops_cleanly(daemon: Daemon, sig: int) -> None:
    daemon.wait_ready()
    out = daemon.output()
    port = trap_port(daemon.node)
    assert f"listening: trap banner tcp 127.0.0.1 port {port}" in out
    assert "kernel enforcement is attached nowhere: no interface configured" in out
    assert "make run IFACE=" in out

    # A session still open at shutdown is recorded too: queued events are flushed.
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        assert s.recv(100).startswith(b"220")
        s.sendall(b"still here\r\n")
        time.sleep(0.3)
        # twistd shuts down cleanly, then ends by the same signal, as Unix daemons should.
        assert daemon.stop(sig) == -sig
    out = daemon.output()
    assert "Traceback" not in out
    assert "Server Shut Down." in out
    db = sqlite3.connect(daemon.node.config.data_path(daemon.node.config.store.path))
    rows = db.execute("SELECT body FROM events WHERE event_id='trap.session'").fetchall()
    assert [json.loads(b)["detail"]["closed_by"] for (b,) in rows] == ["shutdown"]
    ids = [r[0] for r in db.execute("SELECT event_id FROM events ORDER BY id")]
    # Stop announced, then open sessions end, then the kernel lets go: all of it recorded,
    # because each service stops only after the ones started after it.
    assert ids[-3:] == ["node.stopping", "trap.session", "kernel.state"]
    assert "arrived after the store closed" not in out
    # The database was closed cleanly: the WAL was checkpointed away.
    wal = Path(str(daemon.node.config.data_path(daemon.node.config.store.path)) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_cli_status_against_the_running_daemon(daemon: Daemon) -> None:
    daemon.wait_ready()
    result = honeymesh("status", "--json", "--config", str(daemon.node.config_path))
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["mode"] == "test"
    assert status["node"]["id"] == daemon.node.identity.node_id
    listeners = {(r["kind"], r["transport"], r["address"], r["port"]) for r in status["listeners"]}
    assert ("trap", "tcp", "127.0.0.1", trap_port(daemon.node)) in listeners
    assert ("api", "tls", "127.0.0.1", daemon.node.config.api.port) in listeners
    assert status["kernel"]["state"] == "idle"  # compiled and loaded, attached to no interface
    assert status["kernel"]["backend"] == "xdp"
    assert status["mesh"]["state"] == "disabled"

    human = honeymesh("status", "--config", str(daemon.node.config_path))
    assert "mode TEST" in human.stdout and "listening" in human.stdout
    (mesh,) = [line for line in human.stdout.splitlines() if line.startswith("mesh:")]
    assert mesh.startswith("mesh: disabled: sharing disabled: license tier is community")

    env = {**os.environ, "HONEYMESH_TOKEN": "hm_wrong"}
    refused = honeymesh("status", "--config", str(daemon.node.config_path), env=env)
    assert refused.returncode == 1
    assert (
        refused.stderr.strip() == "honeymesh: the admin token was refused "
        "(check --token or HONEYMESH_TOKEN)"
    )
    env["HONEYMESH_TOKEN"] = daemon.node.admin_token
    assert honeymesh("status", "--config", str(daemon.node.config_path), env=env).returncode == 0


def test_cli_when_the_daemon_is_not_running(tmp_path: Path) -> None:
    node = make_node(tmp_path / "var", api_port=free_port())
    result = honeymesh("status", "--config", str(node.config_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert (
        "the HoneyMesh daemon is not running: nothing answers at https://127.0.0.1:"
        in result.stderr
    )


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    first = honeymesh("init", "--dir", str(tmp_path / "d"), "--interface", "eth9")
    assert first.returncode == 0
    token = next(line.split()[-1] for line in first.stdout.splitlines() if "admin token" in line)
    key = tmp_path / "d" / "identity.key"
    assert key.stat().st_mode & 0o777 == 0o600
    text = (tmp_path / "d" / "honeymesh.toml").read_text()
    assert token not in text  # stored only as a hash
    assert 'interfaces = ["eth9"]' in text
    again = honeymesh("init", "--dir", str(tmp_path / "d"))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert honeymesh("init", "--dir", str(tmp_path / "d"), "--force").returncode == 0
    assert (tmp_path / "d" / "honeymesh.toml").read_text() != text


def test_twistd_lists_the_plugin_after_a_normal_install(tmp_path: Path) -> None:
    """Built as a wheel and installed elsewhere, the plugin still shows in `twistd --help`."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("honeymesh-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    assert (target / "twisted" / "plugins" / "honeymesh_plugin.py").exists()
    assert (target / "honeymesh" / "store" / "schema" / "001_events.sql").exists()
    assert (target / "honeymesh" / "default_config.toml").exists()
    # The source tree is on sys.path through the editable install: take it off, so that only
    # the installed copy can provide the plugin.
    code = (
        "import sys; sys.path = [p for p in sys.path if p.rstrip('/') != sys.argv[1]]; "
        "sys.path.insert(0, sys.argv[2]); "
        "from twisted.scripts.twistd import run; sys.argv = ['twistd', '--help']; run()"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert "honeymesh" in result.stdout, result.stdout + result.stderr


def appended(extra: str) -> Callable[[str], str]:
    return lambda text: text + extra


def rules_file(text: str) -> str:
    """`init` writes [detection] in full: name a rules file there (a second table would be a
    TOML error, not the error this case is about)."""
    edited, count = re.subn(r'(?m)^rules = ""$', 'rules = "no-such-rules.toml"', text)
    assert count == 1, "the [detection] section written by init has no rules key"
    return edited


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (rules_file, "no-such-rules.toml"),
        (
            appended(
                '\n[[traps]]\nname = "tls"\ntype = "tls"\nports = [0]\nbind = ["127.0.0.1"]\n'
                'tls_cert = "missing.crt"\n'
            ),
            "trap 'tls': cannot load",
        ),
        (appended("\n[colour]\nx = 1\n"), "colour: unknown key"),
        (appended("\n[api\n"), "not valid TOML"),
    ],
    ids=["rules", "tls-cert", "unknown-section", "bad-toml"],
)
def test_daemon_refuses_bad_configs_and_unusable_files_with_one_clear_line(
    tmp_path: Path, edit: Callable[[str], str], message: str
) -> None:
    node = make_node(tmp_path / "var")
    node.config_path.write_text(edit(node.config_path.read_text()))
    result = refused_start(node.config_path)
    combined = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in combined
    assert message in combined


def test_a_pro_license_shows_in_status_and_sharing_still_needs_the_opt_in(tmp_path: Path) -> None:
    """The operator's path: keygen, issue, trust the key, drop the license in, start."""
    keys = tmp_path / "vendor"
    assert honeymesh("license", "keygen", "--out", str(keys)).returncode == 0
    trap, api = free_port(), free_port()
    node = make_node(tmp_path / "var", api_port=api, trap_ports=(trap,))
    issued = honeymesh(
        "license",
        "issue",
        "--signing-key",
        str(keys / "license-signing.key"),
        "--tier",
        "pro",
        "--licensee",
        "Example Corp",
        "--expires",
        "2099-12-31",
        "--out",
        str(tmp_path / "var" / "license.json"),
    )
    assert issued.returncode == 0, issued.stderr
    verified = honeymesh(
        "license",
        "verify",
        str(tmp_path / "var" / "license.json"),
        "--trust-key",
        str(keys / "license-signing.pub"),
    )
    assert verified.returncode == 0 and "pro" in verified.stdout.lower()
    text = node.config_path.read_text().replace(
        "trusted_keys = []", f'trusted_keys = ["{keys / "license-signing.pub"}"]'
    )
    node.config_path.write_text(text)
    daemon = Daemon(node, tmp_path)
    try:
        daemon.wait_ready()
        status = json.loads(honeymesh("status", "--json", "--config", str(node.config_path)).stdout)
        assert status["license"]["tier"] == "pro"
        license_view = json.loads(honeymesh_api_license(node))
        assert license_view["tier"] == "pro"
        assert license_view["sharing"]["run"] is False
        assert "sharing.enabled is false" in license_view["sharing"]["reason"]
    finally:
        daemon.stop()


def honeymesh_api_license(node: Node) -> str:
    """GET /api/v1/license through the admin client (what the dashboard shows)."""
    code = (
        "import json, sys; from honeymesh.adminclient import AdminClient; "
        "from honeymesh.config import load_config; "
        "print(json.dumps(AdminClient(load_config(sys.argv[1])).request('GET', "
        "'/api/v1/license')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(node.config_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize(
    ("target", "mode", "message"),
    [
        ("identity.key", 0o644, "identity key has mode 0644, so other users can read it"),
        ("identity.key", 0o640, "chmod 600"),
        ("tls/dashboard.key", 0o604, "admin TLS key has mode 0604"),
        (".", 0o755, "data directory has mode 0755"),
        (".", 0o770, "chmod 700"),
        ("honeymesh.toml", 0o666, "configuration has mode 0666, so other users can change it"),
        ("honeymesh.toml", 0o620, "chmod go-w"),
    ],
)
def test_daemon_refuses_secrets_other_users_can_read(
    tmp_path: Path, target: str, mode: int, message: str
) -> None:
    """As OpenSSH's StrictModes: a key (or the data directory) open to others stops the start
    with one line naming the chmod, before anything listens."""
    node = make_node(tmp_path / "var")
    (tmp_path / "var" / target).chmod(mode)
    result = refused_start(node.config_path)
    combined = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in combined
    assert message in combined
    assert "listening" not in combined


TRAPS_WITH_KEYS = """
[[traps]]
type = "ssh"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
type = "tls"
ports = [0]
bind = ["127.0.0.1"]
tls_cert = "tls/trap.crt"
tls_key = "tls/trap.key"
"""


@pytest.mark.parametrize(
    ("target", "mode", "message"),
    [
        ("traps/ssh/ssh_host_ed25519_key", 0o644, "SSH host key of trap 'ssh' has mode 0644"),
        ("traps/ssh", 0o755, "host key directory of trap 'ssh' has mode 0755"),
        ("tls/trap.key", 0o640, "TLS key of trap 'https' has mode 0640"),
        ("keys/license-signing.pub", 0o666, "trusted license key has mode 0666"),
    ],
)
def test_daemon_refuses_trap_and_license_keys_other_users_can_reach(
    tmp_path: Path, target: str, mode: int, message: str
) -> None:
    """Every key the configuration names is checked, not only the node's own: an SSH trap's
    host keys, a TLS trap's key, a trusted license key file (writable by others: anyone could
    trust their own license signer)."""
    data = tmp_path / "var"
    node = make_node(data, extra=TRAPS_WITH_KEYS)
    text = node.config_path.read_text()
    node.config_path.write_text(
        text.replace("trusted_keys = []", 'trusted_keys = ["keys/license-signing.pub"]')
    )
    SshHostKeys.load_or_create(data / "traps/ssh")
    write_self_signed(data / "tls/trap.crt", data / "tls/trap.key")
    write_key_pair(data / "keys", LicenseSigningKey.generate())
    (data / target).chmod(mode)
    result = refused_start(node.config_path)
    combined = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in combined
    assert message in combined
    assert "listening" not in combined


def test_init_creates_secrets_only_their_owner_can_read(tmp_path: Path) -> None:
    node = make_node(tmp_path / "var")
    data = tmp_path / "var"
    assert data.stat().st_mode & 0o777 == 0o700
    for secret in ("identity.key", "tls/dashboard.key", node.config_path.name):
        assert (data / secret).stat().st_mode & 0o077 == 0, secret


INIT_SECRETS = ("identity.key", "tls/dashboard.key", "honeymesh.toml", "license.clock")


def test_init_force_over_secrets_others_could_read_leaves_every_one_0600(tmp_path: Path) -> None:
    """``init --force`` writes new secrets; a new file each time, so an old 0644 key (or a
    stale temporary) does not pass its mode on."""
    data = tmp_path / "d"
    assert honeymesh("init", "--dir", str(data)).returncode == 0
    before = {name: (data / name).read_bytes() for name in INIT_SECRETS}
    for name in INIT_SECRETS:
        (data / name).chmod(0o644)
    (data / "identity.key.tmp").write_text("left by a crash")  # what the old save reopened
    (data / "identity.key.tmp").chmod(0o644)
    data.chmod(0o755)
    assert honeymesh("init", "--dir", str(data), "--force").returncode == 0
    assert data.stat().st_mode & 0o777 == 0o700
    for name in INIT_SECRETS:
        assert (data / name).read_bytes() != before[name], name  # written anew
        assert (data / name).stat().st_mode & 0o777 == 0o600, name


def refused_start(config_path: Path) -> subprocess.CompletedProcess[str]:
    """``twistd -n honeymesh`` on a configuration it must refuse (it exits, or the test times
    out)."""
    argv = [str(VENV_BIN / "twistd"), "--nodaemon", "--pidfile=", "honeymesh"]
    return subprocess.run(
        [*argv, "--config", str(config_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("damage", ["emptied", "garbage"])
def test_a_damaged_or_emptied_database_stops_the_start_with_status_1_and_stays_untouched(
    tmp_path: Path, damage: str
) -> None:
    """A supervisor that restarts on failure must see one: the daemon says what is wrong in one
    line and exits non-zero, and never overwrites the file it refused."""
    node = make_node(tmp_path / "var")
    database = node.config.data_path(node.config.store.path)
    if damage == "emptied":
        database.write_bytes(b"")
    else:
        copy = damaged_copy(tmp_path / "scratch")
        database.write_bytes(copy.read_bytes())
    before = database.read_bytes()
    result = refused_start(node.config_path)
    combined = result.stdout + result.stderr
    assert result.returncode != 0, combined
    assert "Traceback" not in combined
    said = "is empty (0 bytes)" if damage == "emptied" else "is damaged"
    lines = [line for line in combined.splitlines() if said in line]
    assert len(lines) == 1, combined
    assert "listening" not in combined  # refused before anything started
    assert database.read_bytes() == before


def test_a_database_newer_than_the_code_stops_the_daemon_with_status_1(tmp_path: Path) -> None:
    """A failure found once the store opens (after start-up began) still ends the process with
    a non-zero status: twistd alone would exit 0 and a supervisor would not restart it."""
    node = make_node(tmp_path / "var")
    database = node.config.data_path(node.config.store.path)
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = refused_start(node.config_path)
    combined = result.stdout + result.stderr
    assert result.returncode == 1, combined
    [line] = [line for line in combined.splitlines() if "cannot run" in line]
    assert "newer than this HoneyMesh understands" in line


def test_the_daemon_raises_its_open_file_limit_to_the_hard_limit(tmp_path: Path) -> None:
    """Started with a soft limit of 1,024 (a common default), the daemon lifts it to the hard
    limit at start, so idle trap connections cannot use up the descriptors the API needs."""
    import resource  # noqa: PLC0415

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert hard > 1024, "this machine's hard limit leaves nothing to raise"
    node = make_node(tmp_path / "var")
    argv = [str(VENV_BIN / "twistd"), "--nodaemon", "--pidfile=", "honeymesh"]
    proc = subprocess.Popen(
        [*argv, "--config", str(node.config_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard)),
    )
    try:
        limits = Path(f"/proc/{proc.pid}/limits")
        deadline = time.monotonic() + 30
        soft = 1024
        while time.monotonic() < deadline and proc.poll() is None:
            line = next(x for x in limits.read_text().splitlines() if "open files" in x)
            soft = int(line.split()[3])
            if soft != 1024:
                break
            time.sleep(0.05)
        assert soft == hard
    finally:
        proc.terminate()
        proc.wait(timeout=30)
