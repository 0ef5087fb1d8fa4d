"""Webhook outputs of a real daemon: an HTTPS receiver (its certificate verified against the
configured CA) that answers 503 twice before it accepts gets every selected event once and in
order, with the retries counted; a receiver that never answers leaves the output's queue
bounded with its drops counted, while the admin API goes on answering."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ..nodes import make_node
from .daemon import Daemon, free_port, honeymesh, wait_for


class Receiver(ThreadingHTTPServer):
    def __init__(self, cert: Path, key: Path) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.cert = cert
        self.lock = threading.Lock()
        self.answers = [503, 503]
        self.accepted: list[dict[str, Any]] = []
        self.requests = 0
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)


class Handler(BaseHTTPRequestHandler):
    server: Receiver
    protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.server.lock:
            self.server.requests += 1
            code = self.server.answers.pop(0) if self.server.answers else 200
            if code == 200:
                self.server.accepted.append(json.loads(body))
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    where = tmp_path_factory.mktemp("receiver")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(where / "key.pem"), "-out", str(where / "cert.pem"),
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    server = Receiver(where / "cert.pem", where / "key.pem")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def silent() -> Iterator[int]:
    """A port that takes connections (the kernel's backlog) and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(64)
        yield s.getsockname()[1]


@pytest.fixture(scope="module")
def daemon(
    tmp_path_factory: pytest.TempPathFactory, receiver: Receiver, silent: int
) -> Iterator[Daemon]:
    where = tmp_path_factory.mktemp("webhook")
    cert = receiver.cert
    extra = f"""
[[outputs]]
type = "webhook"
name = "siem"
url = "https://localhost:{receiver.server_address[1]}/hook"
ca = "{cert}"
events = ["trap.session", "ban.added"]
batch = 2
interval = 0.1
max_backoff = 0.2

[[outputs]]
type = "webhook"
name = "silent"
url = "http://127.0.0.1:{silent}/hook"
allow_http = true
timeout = 1.0
max_queue = 3
batch = 1
interval = 0.05
"""
    node = make_node(where / "var", api_port=free_port(), trap_ports=(free_port(),), extra=extra)
    d = Daemon(node, where)
    try:
        d.wait_ready()
        yield d
    finally:
        if d.proc.poll() is None:
            d.stop()


def status(daemon: Daemon) -> dict[str, Any]:
    result = honeymesh("status", "--json", "--config", str(daemon.node.config_path))
    assert result.returncode == 0, result.stderr
    return {o["name"]: o for o in json.loads(result.stdout)["outputs"]}


def test_selected_events_arrive_once_in_order_despite_503s(
    daemon: Daemon, receiver: Receiver
) -> None:
    port = daemon.node.config.traps[0].ports[0]
    ports = []
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            assert s.recv(100).startswith(b"220")
            ports.append(s.getsockname()[1])
    result = honeymesh(
        "ban", "203.0.113.60", "--reason", "webhook test", "--config", str(daemon.node.config_path)
    )
    assert result.returncode == 0, result.stderr

    def events() -> list[dict[str, Any]]:
        with receiver.lock:
            return [e for body in receiver.accepted for e in body["events"]]

    wait_for(lambda: len(events()) >= 6, timeout=30)
    got = events()
    sessions = [e for e in got if e["event_id"] == "trap.session"]
    assert sorted(e["detail"]["source_port"] for e in sessions) == sorted(ports)  # each once
    assert [e["event_id"] for e in got if e["event_id"] != "trap.session"] == ["ban.added"]
    times = [e["time"] for e in got]
    assert times == sorted(times)  # in order
    # "sent" counts a batch once its answer is read, a moment after the receiver has it.
    wait_for(lambda: status(daemon)["siem"]["sent"] >= 6, timeout=30)
    siem = status(daemon)["siem"]
    assert siem["retried"] == 2 and siem["dropped"] == 0
    assert siem["sent"] == len(got) == 6
    assert siem["target"] == f"https://localhost:{receiver.server_address[1]}/hook"


def test_a_receiver_that_never_answers_costs_only_dropped_events(daemon: Daemon) -> None:
    port = daemon.node.config.traps[0].ports[0]
    for _ in range(6):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.recv(100)
    wait_for(lambda: status(daemon)["silent"]["dropped"] > 0, timeout=30)
    silent = status(daemon)["silent"]  # the API answers while the output waits on its receiver
    assert silent["queued"] <= 3 + 1  # its bound, and the batch in flight
    assert silent["sent"] == 0
    metrics = admin_get(daemon, "/metrics").decode()
    values = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in metrics.splitlines()
        if line.startswith("honeymesh_output_")
    }
    assert values['honeymesh_output_dropped_total{output="silent",type="webhook"}'] > 0
    assert values['honeymesh_output_sent_total{output="siem",type="webhook"}'] >= 6
    assert values['honeymesh_output_queued{output="silent",type="webhook"}'] <= 4


def admin_get(daemon: Daemon, path: str) -> bytes:
    context = ssl.create_default_context(cafile=daemon.node.config.data_path(
        daemon.node.config.api.tls_cert))  # fmt: skip
    context.check_hostname = False
    request = urllib.request.Request(
        f"https://127.0.0.1:{daemon.node.config.api.port}{path}",
        headers={"Authorization": f"Bearer {daemon.node.admin_token}"},
    )
    with urllib.request.urlopen(request, context=context, timeout=20) as response:
        body: bytes = response.read()
    return body


def test_the_daemon_stops_cleanly_with_a_receiver_that_never_answers(daemon: Daemon) -> None:
    daemon.stop()  # (fails after 30 s: the silent output gets one attempt of `timeout` at stop)
    assert "Traceback" not in daemon.output()
