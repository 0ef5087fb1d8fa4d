"""Ordinary clients of every trap leave no error on a running daemon's logs.

Real clients (OpenSSH with sshpass, curl over HTTP, HTTPS and FTP, redis-cli, the mysql client,
dig, snmpget, smtplib) do what clients do, then every TCP trap is left mid-dialogue twice: once
with a FIN, once with a RST. None of it is a fault of the node: the JSON log (every level from
info up) holds no error or critical record, and the console shows no trap session and no
traceback (docs/CONFIG.md [log]).
"""

from __future__ import annotations

import json
import shutil
import smtplib
import socket
import struct
import subprocess
import time
from pathlib import Path

import pytest

from honeymesh.adminclient import AdminClient

from ..nodes import make_node
from .daemon import Daemon, free_port, wait_for

TCP = ("ssh", "telnet", "http", "https", "ftp", "smtp", "redis", "mysql")
UDP = ("dns", "sip", "snmp")
EXTRA = {"ftp": 'credentials = ["backup:backup"]\n'}
TYPES = {"https": "tls"}
SSH_OPTS = ("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5")  # fmt: skip
TOOLS = ("sshpass", "ssh", "curl", "redis-cli", "mysql", "dig", "snmpget")


def traps(ports: dict[str, int]) -> str:
    return "".join(
        f'\n[[traps]]\nname = "{name}"\ntype = "{TYPES.get(name, name)}"\n'
        f'ports = [{port}]\nbind = ["127.0.0.1"]\n{EXTRA.get(name, "")}'
        for name, port in ports.items()
    )


def client(*argv: str) -> None:
    subprocess.run(
        list(argv), capture_output=True, timeout=30, check=False, stdin=subprocess.DEVNULL
    )


def leave(port: int, *, reset: bool) -> None:
    """Connect, say a word, and go: with a FIN, or with a RST (SO_LINGER 0)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        if reset:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.sendall(b"root\r\n")
        time.sleep(0.1)


def test_ordinary_clients_of_every_trap_leave_no_error_and_no_session_on_the_console(
    tmp_path: Path,
) -> None:
    for tool in TOOLS:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (scripts/setup.sh test installs it)")
    ports = {name: free_port() for name in (*TCP, *UDP)}
    node = make_node(tmp_path / "var", api_port=free_port(), trap_ports=(free_port(),),
                     extra=traps(ports))  # fmt: skip
    daemon = Daemon(node, tmp_path)
    try:
        daemon.wait_ready()
        p = {name: str(port) for name, port in ports.items()}
        ssh = ("ssh", *SSH_OPTS, "-p", p["ssh"])
        client("sshpass", "-p", "root", *ssh, "root@127.0.0.1", "uname -a")  # logs in, out
        client("sshpass", "-p", "hunter2", *ssh, "admin@127.0.0.1", "id")  # refused
        client("curl", "-s", "-m", "5", f"http://127.0.0.1:{p['http']}/")
        client("curl", "-s", "-m", "5", "-d", "log=admin&pwd=x",
               f"http://127.0.0.1:{p['http']}/wp-login.php")  # fmt: skip
        client("curl", "-sk", "-m", "5", f"https://127.0.0.1:{p['https']}/")
        client("curl", "-s", "-m", "5", f"https://127.0.0.1:{p['https']}/")  # refuses the cert
        client("curl", "-s", "-m", "5", f"ftp://backup:backup@127.0.0.1:{p['ftp']}/")
        client("redis-cli", "-p", p["redis"], "config", "set", "dir", "/root/.ssh")
        client("mysql", "-h", "127.0.0.1", "-P", p["mysql"], "-uroot", "-px", "-e", "select 1")
        client("dig", "@127.0.0.1", "-p", p["dns"], "+tries=1", "+time=2", "example.com")
        client("snmpget", "-v2c", "-c", "public", "-t", "2", "-r", "0",
               f"127.0.0.1:{p['snmp']}", "1.3.6.1.2.1.1.1.0")  # fmt: skip
        with smtplib.SMTP("127.0.0.1", ports["smtp"], timeout=5) as smtp:
            smtp.ehlo("client.example")
        for name in TCP:
            leave(ports[name], reset=False)
            leave(ports[name], reset=True)
        api = AdminClient(node.config, token=node.admin_token)

        def sessions() -> int:
            page = api.request("GET", "/api/v1/events?type=trap.session&limit=100")
            return len(page["events"])

        wait_for(lambda: sessions() >= 2 * len(TCP) + 8)
    finally:
        daemon.stop()
    log = node.config.data_path(node.config.log.json_file).read_text().splitlines()
    errors = [line for line in log if json.loads(line).get("log_level") in ("error", "critical")]
    assert errors == []
    console = daemon.output()
    assert "Traceback" not in console
    assert "] trap.session" not in console and "] trap.credential" not in console
