"""Syslog outputs of a real daemon, received and parsed by a real rsyslogd.

Three ``[[outputs]]`` (UDP, TCP, TLS) each select different events; a trap session and a ban
through the CLI must reach rsyslog with the event id as MSGID and the event's fields in
structured data that rsyslog itself parses back (mmpstrucdata), and nothing unselected does.
"""

from __future__ import annotations

import json
import shutil
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor
from twisted.internet.task import deferLater

from honeymesh.config import SyslogOutputConfig
from honeymesh.events import EventId, Notice
from honeymesh.outputs.syslog import SyslogOutput

from ..nodes import make_node
from .daemon import Daemon, free_port, honeymesh, wait_for
from .rsyslog import Rsyslog, running_rsyslog

REACTOR: Any = reactor
LOCAL0 = 16
WEIRD = 'cat "/etc/x]y" \\ é\x1b[31m'


@pytest.fixture(scope="module")
def rsyslog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rsyslog]:
    with running_rsyslog(tmp_path_factory.mktemp("rsyslog")) as r:
        yield r


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory, rsyslog: Rsyslog) -> Iterator[Daemon]:
    where = tmp_path_factory.mktemp("outputs")
    ca = where / "siem-ca.pem"
    shutil.copy(rsyslog.cert, ca)
    extra = f"""
[[outputs]]
type = "syslog"
name = "udp"
transport = "udp"
port = {rsyslog.udp}
hostname = "node-under-test"
events = ["trap.*"]

[[outputs]]
type = "syslog"
name = "tcp"
transport = "tcp"
port = {rsyslog.tcp}
events = ["ban.*", "node.*"]

[[outputs]]
type = "syslog"
name = "tls"
transport = "tls"
address = "127.0.0.1"
server_name = "localhost"
ca = "{ca}"
port = {rsyslog.tls}
events = ["*"]
kinds = ["observation", "decision"]
"""
    node = make_node(where / "var", api_port=free_port(), trap_ports=(free_port(),), extra=extra)
    d = Daemon(node, where)
    try:
        d.wait_ready()
        yield d
    finally:
        if d.proc.poll() is None:
            d.stop()


def from_node(rsyslog: Rsyslog, input_name: str) -> list[dict[str, Any]]:
    return [
        r for r in rsyslog.received() if r["input"] == input_name and r["app_name"] == "honeymesh"
    ]


def sd(record: dict[str, Any]) -> dict[str, str]:
    params: dict[str, str] = record["sd"]["honeymesh@32473"]
    return params


def test_each_transport_delivers_its_selected_events(daemon: Daemon, rsyslog: Rsyslog) -> None:
    port = daemon.node.config.traps[0].ports[0]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        assert s.recv(100).startswith(b"220")
        s.sendall(WEIRD.encode() + b"\r\n")
        time.sleep(0.2)
    result = honeymesh(
        "ban", "203.0.113.50", "--duration", "1h", "--reason", "siem test",
        "--config", str(daemon.node.config_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    def arrived() -> bool:
        udp = {r["msgid"] for r in from_node(rsyslog, "udp")}
        tcp = {r["msgid"] for r in from_node(rsyslog, "tcp")}
        tls = {r["msgid"] for r in from_node(rsyslog, "tls")}
        return "trap.session" in udp & tls and "ban.added" in tcp and "node.started" in tcp

    wait_for(arrived, timeout=20)

    # UDP: only trap.* ids; the trap session's fields as rsyslog parsed them.
    udp = from_node(rsyslog, "udp")
    assert {r["msgid"] for r in udp} <= {"trap.session", "trap.request", "trap.verdict"}
    session = next(r for r in udp if r["msgid"] == "trap.session")
    assert session["hostname"] == "node-under-test"
    assert int(session["pri"]) == LOCAL0 * 8 + 6  # local0.info
    params = sd(session)
    assert params["event_id"] == "trap.session"
    assert params["kind"] == "observation"
    assert params["source"] == "127.0.0.1"
    detail = json.loads(params["detail"])  # escaped ", \ and ] came through rsyslog's parser
    assert detail["trap"] == "banner"
    assert detail["preview"] == WEIRD + "\r\n"  # the client's bytes, exactly

    # TCP: bans and node notices only; the CLI's ban with its reason.
    tcp = from_node(rsyslog, "tcp")
    assert {r["msgid"].split(".")[0] for r in tcp} <= {"ban", "node"}
    added = next(r for r in tcp if r["msgid"] == "ban.added")
    assert sd(added)["source"] == "203.0.113.50/32"
    assert "siem test" in sd(added)["detail"]
    assert int(added["pri"]) == LOCAL0 * 8 + 5  # a ban is a notice
    assert added["hostname"] == daemon.node.config.node.name

    # TLS (the collector's certificate verified against the configured CA): observations and
    # decisions of any id, never a notice such as node.started or ban.added.
    tls = from_node(rsyslog, "tls")
    assert {sd(r)["kind"] for r in tls} <= {"observation", "decision"}
    assert "trap.session" in {r["msgid"] for r in tls}

    status = json.loads(
        honeymesh("status", "--json", "--config", str(daemon.node.config_path)).stdout
    )
    outputs = {o["name"]: o for o in status["outputs"]}
    assert outputs["tcp"]["state"] == outputs["tls"]["state"] == "connected"
    assert outputs["udp"]["sent"] == len(udp)
    assert all(o["dropped"] == 0 for o in outputs.values())
    text = honeymesh("status", "--config", str(daemon.node.config_path)).stdout
    lines = text[text.index("outputs:") :].splitlines()[1:4]
    assert [line.split()[:2] for line in lines] == [
        ["udp", "syslog"],
        ["tcp", "syslog"],
        ["tls", "syslog"],
    ]
    assert f"tls://127.0.0.1:{rsyslog.tls}" in lines[2] and lines[2].endswith("connected")


def test_node_stopping_is_flushed_at_stop(daemon: Daemon, rsyslog: Rsyslog) -> None:
    daemon.stop()  # (fails if the stop takes 30 s: a TLS close once waited for rsyslog)
    wait_for(lambda: "node.stopping" in {r["msgid"] for r in from_node(rsyslog, "tcp")})
    assert "Traceback" not in daemon.output()


@pytest_twisted.ensureDeferred
async def test_a_collector_whose_certificate_does_not_verify_gets_nothing(
    rsyslog: Rsyslog,
) -> None:
    """The certificate is rsyslog's own, for "localhost": asked to verify "siem.example.net",
    the output must refuse the session, send nothing, and say why."""
    config = SyslogOutputConfig(
        name="wrong-name", transport="tls", port=rsyslog.tls, server_name="siem.example.net"
    )
    output = SyslogOutput(config, REACTOR, hostname="n", ca=rsyslog.cert)
    output.startService()
    before = len(rsyslog.received())
    output.on_event(Notice(EventId.NODE_STARTED, 1.0, {"marker": "must-not-arrive"}))
    for _ in range(200):
        if output.failing:
            break
        await deferLater(REACTOR, 0.05, lambda: None)
    status = output.status()
    await output.stopService()
    assert "TLS handshake failed" in str(status["failing"])
    assert status["sent"] == 0 and status["state"] == "connecting"
    assert all("must-not-arrive" not in r["msg"] for r in rsyslog.received()[before:])
