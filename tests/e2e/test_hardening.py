"""A real daemon under the faults of issue 12: a local user locking the operator out, text that
is not text, and SIGTERM while bans arrive."""

from __future__ import annotations

import http.client
import json
import signal
import sqlite3
import ssl
import threading
import time
from pathlib import Path

from honeymesh.adminclient import client_token

from .daemon import Daemon, honeymesh, running_daemon, wait_for


def call(
    daemon: Daemon, method: str, path: str, token: str, body: object = None
) -> tuple[int, bytes]:
    config = daemon.node.config
    context = ssl.create_default_context(cafile=str(config.data_path(config.api.tls_cert)))
    context.check_hostname = False
    conn = http.client.HTTPSConnection(
        "127.0.0.1", config.api.port, context=context, timeout=20, source_address=("127.0.0.1", 0)
    )
    try:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def hm(daemon: Daemon, *args: str) -> tuple[int, str, str]:
    result = honeymesh(*args, "--config", str(daemon.node.config_path))
    return result.returncode, result.stdout, result.stderr


def test_a_local_guesser_never_locks_the_operator_out(tmp_path: Path) -> None:
    with running_daemon(tmp_path) as daemon:
        for _ in range(15):
            status, _ = call(daemon, "GET", "/api/v1/status", "hm_wrong")
            assert status in (401, 429)
        # The guesser is refused ...
        assert call(daemon, "GET", "/api/v1/status", "hm_wrong")[0] == 429
        # ... while the root CLI (local operator token), the admin token and the feed ticket
        # from the very same address still work.
        code, out, err = hm(daemon, "status", "--json")
        assert code == 0, err
        assert json.loads(out)["mode"]
        assert call(daemon, "GET", "/api/v1/status", daemon.node.admin_token)[0] == 200
        local = client_token(daemon.node.config)
        assert call(daemon, "GET", "/api/v1/status", local)[0] == 200
        status, body = call(daemon, "POST", "/api/v1/ws-ticket", daemon.node.admin_token)
        assert status == 201
        assert json.loads(body)["ticket"]


def test_the_cli_refuses_text_that_is_not_text_and_lists_what_the_database_holds(
    tmp_path: Path,
) -> None:
    with running_daemon(tmp_path) as daemon:
        code, _, err = hm(daemon, "ban", "203.0.113.7", "--reason", "bad \udcff byte")
        assert code == 2 and err.count("\n") == 1 and "not valid text" in err
        # A lone surrogate over the API is refused too, and nothing is stored.
        token = daemon.node.admin_token
        body = {"network": "203.0.113.8", "reason": "x\ud800"}
        status, answer = call(daemon, "POST", "/api/v1/bans", token, body)
        assert status == 400 and json.loads(answer)["error"]["code"] == "bad_text"
        assert call(daemon, "POST", "/api/v1/bans", token, {"network": "203.0.113.9"})[0] == 201
        code, out, err = hm(daemon, "bans")
        assert code == 0, err
        assert "203.0.113.9/32" in out and "203.0.113.8" not in out
        # A row stored before input was checked (written here straight into the database):
        # the table, --json and the CSV export still list every ban.
        assert call(daemon, "POST", "/api/v1/bans", token, {"network": "203.0.113.10"})[0] == 201
        config = daemon.node.config
        with sqlite3.connect(config.data_path(config.store.path)) as db:
            db.execute(
                "UPDATE bans SET reasons = ? WHERE network = ?",
                ('["odd \\ud800 reason"]', "203.0.113.9/32"),
            )
        code, out, err = hm(daemon, "bans")
        assert code == 0, err
        assert "203.0.113.9/32" in out and "203.0.113.10/32" in out
        assert "odd \\ud800 reason" in out
        code, out, err = hm(daemon, "bans", "--json")
        assert code == 0, err
        listed = {b["network"]: b for b in json.loads(out)["bans"]}
        assert listed["203.0.113.9/32"]["reasons"] == ["odd \ud800 reason"]
        assert "203.0.113.10/32" in listed
        status, csv_body = call(daemon, "GET", "/api/v1/bans/export?format=csv", token)
        assert status == 200
        assert "203.0.113.10/32" in csv_body.decode("utf-8")


def test_sigterm_under_load_answers_only_what_it_kept(tmp_path: Path) -> None:
    """Bans arrive on 32 connections; SIGTERM mid-stream. Every ban answered 201 is in the
    database with its ban.added event; nothing answers 500 (refused or 503 is fine)."""
    with running_daemon(tmp_path) as daemon:
        token = daemon.node.admin_token
        acked: list[str] = []
        statuses: list[int] = []
        lock = threading.Lock()
        stop = threading.Event()

        def worker(n: int) -> None:
            i = 0
            while not stop.is_set():
                i += 1
                network = f"10.{n}.{i // 250}.{i % 250 + 1}"
                try:
                    status, _ = call(daemon, "POST", "/api/v1/bans", token, {"network": network})
                except OSError:
                    status = 0  # refused or reset: the node stopped accepting
                with lock:
                    statuses.append(status)
                    if status == 201:
                        acked.append(f"{network}/32")
                if status == 0:
                    time.sleep(0.05)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(32)]
        for t in threads:
            t.start()
        try:
            wait_for(lambda: len(acked) >= 100, timeout=60)
            daemon.proc.send_signal(signal.SIGTERM)
            assert daemon.proc.wait(timeout=60) == -signal.SIGTERM, daemon.output()
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=30)
        assert "Traceback" not in daemon.output()
        assert 500 not in statuses, daemon.output()
        assert set(statuses) <= {0, 201, 503}, sorted(set(statuses))
        config = daemon.node.config
        with sqlite3.connect(config.data_path(config.store.path)) as db:
            stored = {row[0] for row in db.execute("SELECT network FROM bans")}
            events = {
                row[0]
                for row in db.execute(
                    "SELECT source FROM events WHERE event_id = ?", ("ban.added",)
                )
            }
        missing = [n for n in acked if n not in stored]
        assert not missing, missing[:10]
        assert stored <= events, sorted(stored - events)[:10]
