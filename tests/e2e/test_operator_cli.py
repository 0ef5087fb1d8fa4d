"""The operator's CLI against a running `twistd honeymesh`: every admin subcommand, as a script
would use it (--json) and as a person reads it, and one clear line when something is wrong."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string

from honeymesh.adminclient import AdminClient

from ..nodes import make_node
from .daemon import VENV_BIN, Daemon, free_port, honeymesh, running_daemon, wait_for


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    with running_daemon(tmp_path_factory.mktemp("cli")) as d:
        yield d


def hm(
    daemon: Daemon, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return honeymesh(*args, "--config", str(daemon.node.config_path), env=env)


def ok(daemon: Daemon, *args: str) -> str:
    result = hm(daemon, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_ban_bans_explain_unban(daemon: Daemon) -> None:
    out = ok(daemon, "ban", "203.0.113.50", "--duration", "1h", "--reason", "ssh brute force")
    assert out.startswith("banned 203.0.113.50/32 (") and "ssh brute force" in out
    ok(daemon, "ban", "198.51.100.0/24", "--duration", "permanent")

    bans = json.loads(ok(daemon, "bans", "--json"))["bans"]
    mine = {b["network"]: b for b in bans}
    assert mine["203.0.113.50/32"]["reasons"] == ["ssh brute force"]
    assert mine["198.51.100.0/24"]["permanent"]
    table = ok(daemon, "bans")
    assert "203.0.113.50/32" in table and "permanent" in table

    explained = ok(daemon, "explain", "198.51.100.20")
    assert "198.51.100.20/32 is banned as 198.51.100.0/24" in explained
    why = json.loads(ok(daemon, "explain", "203.0.113.51", "--json"))
    assert why["status"] == "not_banned"

    assert ok(daemon, "unban", "203.0.113.50").startswith("unbanned 203.0.113.50/32")
    again = hm(daemon, "unban", "203.0.113.50")
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "has no active ban" in again.stderr
    ok(daemon, "unban", "198.51.100.0/24")


def test_bad_arguments_exit_2_before_asking_the_daemon(daemon: Daemon) -> None:
    for args in (("ban", "not-an-ip"), ("ban", "203.0.113.9", "--duration", "soon")):
        result = hm(daemon, *args)
        assert result.returncode == 2, result
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("honeymesh: ")


def test_allowlist_add_list_remove(daemon: Daemon) -> None:
    assert ok(daemon, "allow", "add", "192.0.2.0/24", "--reason", "office") == (
        "allowed 192.0.2.0/24\n"
    )
    listed = json.loads(ok(daemon, "allow", "list", "--json"))["allowlist"]
    assert any(r["network"] == "192.0.2.0/24" and r["reason"] == "office" for r in listed)
    refused = hm(daemon, "ban", "192.0.2.7")
    assert refused.returncode == 1 and "allowlisted" in refused.stderr
    assert "removed 192.0.2.0/24" in ok(daemon, "allow", "remove", "192.0.2.0/24")


def test_mode_show_and_switch(daemon: Daemon) -> None:
    assert ok(daemon, "mode") == "test\n"
    assert ok(daemon, "mode", "enforce") == "mode switched from TEST to ENFORCE\n"
    assert json.loads(ok(daemon, "mode", "--json")) == {"mode": "enforce"}
    assert json.loads(ok(daemon, "status", "--json"))["mode"] == "enforce"
    ok(daemon, "mode", "test")


def test_import_and_export(daemon: Daemon, tmp_path: Path) -> None:
    listing = tmp_path / "bad-hosts.txt"
    listing.write_text("# from a feed\n203.0.113.60\n203.0.113.61\n127.0.0.9\n")
    out = ok(daemon, "import", str(listing), "--duration", "2h", "--reason", "feed")
    assert out.startswith("banned 2, refused 1, skipped 0")
    assert "line 4: 127.0.0.9/32" in out
    exported = tmp_path / "out.csv"
    ok(daemon, "export", "--format", "csv", "-o", str(exported))
    text = exported.read_text()
    assert text.startswith("network,expires,reason,")
    assert "203.0.113.60/32" in text and "203.0.113.61/32" in text
    dump = json.loads(ok(daemon, "export"))
    assert {"203.0.113.60/32", "203.0.113.61/32"} <= {b["network"] for b in dump["bans"]}
    bad = tmp_path / "bad.txt"
    bad.write_text("203.0.113.62\nbanana\n")
    result = hm(daemon, "import", str(bad))
    assert result.returncode == 1 and "nothing was imported" in result.stderr
    assert "line 2" in result.stderr
    assert "203.0.113.62/32" not in ok(daemon, "bans")
    for network in ("203.0.113.60", "203.0.113.61"):
        ok(daemon, "unban", network)


def test_export_as_stix_is_valid_for_the_oasis_validator(daemon: Daemon, tmp_path: Path) -> None:
    """`honeymesh export --format stix`: what MISP or OpenCTI would import, checked by
    stix2-validator (strict), with the bans and the allowlist in it."""
    ok(daemon, "ban", "203.0.113.70", "--duration", "1h", "--reason", "stix e2e")
    ok(daemon, "ban", "2001:db8:70::/48", "--duration", "permanent", "--reason", "stix range")
    out = tmp_path / "bans.stix.json"
    ok(daemon, "export", "--format", "stix", "-o", str(out))
    result = validate_string(out.read_text(), ValidationOptions(version="2.1", strict=True))
    assert result.is_valid, [str(e) for e in result.errors]
    objects = json.loads(out.read_text())["objects"]
    patterns = {o["pattern"]: o for o in objects if o["type"] == "indicator"}
    ban = patterns["[ipv4-addr:value = '203.0.113.70']"]
    assert ban["indicator_types"] == ["malicious-activity"] and ban["confidence"] == 100
    assert "valid_until" in ban
    assert "valid_until" not in patterns["[ipv6-addr:value = '2001:db8:70::/48']"]
    allowed = patterns["[ipv4-addr:value = '127.0.0.0/8']"]  # the built-in loopback allow
    assert allowed["indicator_types"] == ["benign"]
    for network in ("203.0.113.70", "2001:db8:70::/48"):
        ok(daemon, "unban", network)


def test_events_and_tail_follow_the_node(daemon: Daemon) -> None:
    trap = daemon.node.config.traps[0].ports[0]
    tail = subprocess.Popen(
        [str(VENV_BIN / "honeymesh"), "tail", "--json", "--type", "trap.session",
         "--count", "1", "--config", str(daemon.node.config_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        client = AdminClient(daemon.node.config, token=daemon.node.admin_token)
        wait_for(lambda: client.request("GET", "/api/v1/status")["feed"]["clients"] == 1)
        with socket.create_connection(("127.0.0.1", trap), timeout=5) as s:
            s.recv(100)
            s.sendall(b"EHLO tail\r\n")
        out, err = tail.communicate(timeout=30)
    finally:
        if tail.poll() is None:
            tail.kill()
    assert tail.returncode == 0, err
    event = json.loads(out)
    assert event["event_id"] == "trap.session" and event["detail"]["preview"] == "EHLO tail\r\n"

    page = json.loads(ok(daemon, "events", "--type", "trap.session", "--since", "10m", "--json"))
    assert page["events"][0]["detail"]["preview"] == "EHLO tail\r\n"
    human = ok(daemon, "events", "--type", "trap.session", "--limit", "5")
    assert "trap.session" in human and "127.0.0.1" in human


def test_peers_penalize_without_peers(daemon: Daemon) -> None:
    assert ok(daemon, "peers") == "no mesh peers known yet\n"
    assert json.loads(ok(daemon, "peers", "--json"))["peers"] == []
    result = hm(daemon, "penalize", "f" * 64, "--points", "10", "--reason", "lying")
    assert result.returncode == 1 and "unknown_peer" in result.stderr


def test_wrong_token_is_one_clear_line(daemon: Daemon) -> None:
    env = {**os.environ, "HONEYMESH_TOKEN": "hm_" + "x" * 43}
    for args in (("bans",), ("ban", "203.0.113.70"), ("mode", "lockdown"), ("tail",)):
        result = hm(daemon, *args, env=env)
        assert result.returncode == 1, args
        assert result.stderr == (
            "honeymesh: the admin token was refused (check --token or HONEYMESH_TOKEN)\n"
        ), args
    assert ok(daemon, "mode") == "test\n"  # the refused switch changed nothing


def test_unreachable_daemon_is_one_clear_line(tmp_path: Path) -> None:
    node = make_node(tmp_path / "var", api_port=free_port())
    for args in (("bans",), ("ban", "203.0.113.80"), ("tail",), ("export",), ("peers",)):
        result = honeymesh(*args, "--config", str(node.config_path))
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.count("\n") == 1
        assert "the HoneyMesh daemon is not running: nothing answers at https://127.0.0.1:" in (
            result.stderr
        )
        assert "Traceback" not in result.stderr


def test_the_cli_runs_as_a_module_too() -> None:
    result = subprocess.run([sys.executable, "-m", "honeymesh.cli", "ban", "--help"],
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 0 and "--duration" in result.stdout


def test_tail_says_the_daemon_stopped_and_exits_3_when_the_feed_closes_going_away(
    tmp_path: Path,
) -> None:
    with running_daemon(tmp_path) as daemon:
        tail = subprocess.Popen(
            [str(VENV_BIN / "honeymesh"), "tail", "--json", "--config",
             str(daemon.node.config_path)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            client = AdminClient(daemon.node.config, token=daemon.node.admin_token)
            wait_for(lambda: client.request("GET", "/api/v1/status")["feed"]["clients"] == 1)
            daemon.stop()
            out, err = tail.communicate(timeout=30)
        finally:
            if tail.poll() is None:
                tail.kill()
    assert tail.returncode == 3, err
    assert err == "honeymesh: the daemon stopped; the live feed ended\n"
    # the last batch went out before the close: the node said it was stopping
    assert "node.stopping" in [json.loads(line)["event_id"] for line in out.splitlines()]
    assert "Traceback" not in daemon.output()


def test_allow_list_names_each_network_once_and_tables_keep_their_columns(
    daemon: Daemon,
) -> None:
    long_v6 = "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"
    ok(daemon, "allow", "add", "fe80::1%eth0", "--reason", "the switch")
    ok(daemon, "allow", "add", long_v6, "--reason", "monitoring")
    try:
        lines = ok(daemon, "allow", "list").splitlines()
        networks = [line.split()[0] for line in lines[1:]]
        assert len(networks) == len(set(networks))  # ::1 was listed 3 times, 127.0.0.0/8 twice
        rows = {line.split()[0]: line for line in lines[1:]}
        assert "builtin: loopback" in rows["127.0.0.0/8"]
        assert "kernel.admin_networks" in rows["127.0.0.0/8"]
        assert "operator: the switch" in rows["fe80::1%eth0/128"]
        why = lines[0].index("WHY")  # every row's second column starts under its heading
        assert all(line[why - 2 : why] == "  " and line[why] != " " for line in lines[1:])
    finally:
        ok(daemon, "allow", "remove", "fe80::1%eth0")
        ok(daemon, "allow", "remove", long_v6)

    ok(daemon, "ban", "2001:db8:1234:5678:9abc:def0:1234:5678", "--reason", "long")
    ok(daemon, "ban", "203.0.113.77", "--reason", "short")
    try:
        lines = ok(daemon, "bans").splitlines()
        source = lines[0].index("SOURCE")
        assert [line[source:].split()[0] for line in lines[1:]] == ["operator"] * 2
    finally:
        ok(daemon, "unban", "2001:db8:1234:5678:9abc:def0:1234:5678")
        ok(daemon, "unban", "203.0.113.77")
