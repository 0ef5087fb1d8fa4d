"""STIX in: an operator imports a STIX 2.1 bundle (another node's export, or what MISP or
OpenCTI write) as bans, with the CLI against a running daemon; the allowlist still wins."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .daemon import Daemon, running_daemon
from .test_operator_cli import hm, ok

EXTRA = (
    ("0f4e6a8e-3c1e-4a55-9d6a-1b2c3d4e5f60", "[ipv4-addr:value = '127.0.0.1']"),
    ("0f4e6a8e-3c1e-4a55-9d6a-1b2c3d4e5f61", "[domain-name:value = 'x.example']"),
)


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    with running_daemon(tmp_path_factory.mktemp("stix-in")) as d:
        yield d


def test_a_stix_export_imports_back_as_the_same_bans_and_allows_win(
    daemon: Daemon, tmp_path: Path
) -> None:
    ok(daemon, "ban", "203.0.113.80", "--duration", "2h", "--reason", "stix round trip")
    ok(daemon, "ban", "2001:db8:80::/48", "--duration", "permanent", "--reason", "stix range")
    before = {b["network"]: b for b in json.loads(ok(daemon, "bans", "--json"))["bans"]}
    exported = tmp_path / "bans.stix.json"
    ok(daemon, "export", "--format", "stix", "-o", str(exported))
    ok(daemon, "unban", "203.0.113.80")
    ok(daemon, "unban", "2001:db8:80::/48")

    # What another tool might add: an indicator of an allowlisted address, and a domain.
    doc = json.loads(exported.read_text())
    doc["objects"] += [
        {"type": "indicator", "spec_version": "2.1", "id": f"indicator--{n}",
         "created": "2026-12-01T00:00:00.000Z", "modified": "2026-12-01T00:00:00.000Z",
         "pattern_type": "stix", "valid_from": "2026-12-01T00:00:00Z", "pattern": pattern}
        for n, pattern in EXTRA
    ]  # fmt: skip
    exported.write_text(json.dumps(doc))
    answer = json.loads(ok(daemon, "import", str(exported), "--json"))
    assert answer["banned"] == 2
    assert [r["network"] for r in answer["refused"]] == ["127.0.0.1/32"]  # allow wins
    after = {b["network"]: b for b in json.loads(ok(daemon, "bans", "--json"))["bans"]}
    assert after["203.0.113.80/32"]["expires"] == pytest.approx(
        before["203.0.113.80/32"]["expires"], abs=1
    )  # the indicator's valid_until
    assert after["2001:db8:80::/48"]["permanent"]  # no valid_until: the import's default
    assert "STIX indicator--" in " ".join(after["203.0.113.80/32"]["reasons"])
    refused = hm(daemon, "import", "--format", "stix", "-")
    assert refused.returncode != 0
    for network in ("203.0.113.80", "2001:db8:80::/48"):
        ok(daemon, "unban", network)
