"""`honeymesh license ...` as a user runs it: a real process, its output and its exit status."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from honeymesh.license.clock import ClockFile as _ClockFile
from honeymesh.license.clock import ClockReading, clock_key_from_seed
from honeymesh.license.keys import parse_public_key_file

from .helpers import tampered, with_envelope


def run(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "honeymesh.license.cli", "license", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )
    assert "Traceback" not in done.stderr + done.stdout
    return done


@pytest.fixture(scope="module")
def vendor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("vendor")
    done = run("keygen", "--out", d, "--key-id", "acme-test-1")
    assert done.returncode == 0, done.stderr
    return d


def issue(vendor: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(
        "issue",
        "--signing-key",
        vendor / "license-signing.key",
        "--tier",
        "pro",
        "--licensee",
        "ACME Corp",
        "--expires",
        "2099-12-31",
        "--out",
        out,
        *extra,
    )


def verify(path: Path, vendor: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("verify", path, "--trust-key", vendor / "license-signing.pub", *extra)


def test_keygen_writes_a_private_key_and_a_public_key(vendor: Path) -> None:
    key = vendor / "license-signing.key"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    pub = parse_public_key_file((vendor / "license-signing.pub").read_bytes(), "pub")
    assert pub.key_id == "acme-test-1"
    assert b"seed" not in (vendor / "license-signing.pub").read_bytes()


def test_keygen_never_overwrites(vendor: Path) -> None:
    before = (vendor / "license-signing.key").read_bytes()
    done = run("keygen", "--out", vendor)
    assert done.returncode == 1
    assert "already exists" in done.stderr
    assert (vendor / "license-signing.key").read_bytes() == before


def test_issue_and_verify(vendor: Path, tmp_path: Path) -> None:
    lic = tmp_path / "license.json"
    done = issue(vendor, lic, "--cluster", "blue", "--features", "sharing,extra")
    assert done.returncode == 0, done.stderr
    done = verify(lic, vendor)
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith("VALID: Pro license HM-")
    assert "for ACME Corp" in done.stdout
    assert "2100-01-01T00:00:00Z" in done.stdout  # valid through the end of the last day
    assert "sharing, extra" in done.stdout
    assert "bound to 'blue'" in done.stdout
    assert "signed by:   key acme-test-1" in done.stdout
    done = verify(lic, vendor, "--cluster", "blue")
    assert done.returncode == 0


def test_verify_without_the_key_says_which_key_is_missing(vendor: Path, tmp_path: Path) -> None:
    lic = tmp_path / "license.json"
    issue(vendor, lic)
    done = run("verify", lic)
    assert done.returncode == 1
    assert done.stdout.startswith("REFUSED (unknown_key_id): signed by key acme-test-1")


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda doc: doc[: len(doc) // 2], "truncated"),
        (lambda doc: b"\x00\x01binary junk", "not_json"),
        (lambda doc: tampered(doc, licensee="Someone Else"), "tampered"),
        (lambda doc: with_envelope(doc, format="honeymesh-license/9"), "bad_format_version"),
    ],
)
def test_verify_refusals_are_exact(vendor: Path, tmp_path: Path, damage, code: str) -> None:
    lic = tmp_path / "license.json"
    issue(vendor, lic)
    lic.write_bytes(damage(lic.read_bytes()))
    done = verify(lic, vendor)
    assert done.returncode == 1
    assert done.stdout.startswith(f"REFUSED ({code}): ")
    assert "local protection keeps working" in done.stdout


def test_verify_time_and_cluster(vendor: Path, tmp_path: Path) -> None:
    lic = tmp_path / "license.json"
    issue(vendor, lic, "--not-before", "2090-01-01", "--cluster", "blue")
    done = verify(lic, vendor)
    assert done.returncode == 1
    assert done.stdout.startswith("REFUSED (not_yet_valid): ")
    assert verify(lic, vendor, "--at", "2095-01-01", "--cluster", "blue").returncode == 0
    done = verify(lic, vendor, "--at", "2100-01-01")
    assert done.stdout.startswith("REFUSED (expired): ")
    done = verify(lic, vendor, "--at", "2095-01-01", "--cluster", "red")
    assert done.stdout.startswith("REFUSED (cluster_mismatch): ")


def test_verify_missing_file_and_bad_trust_key(vendor: Path, tmp_path: Path) -> None:
    done = verify(tmp_path / "nope.json", vendor)
    assert done.returncode == 1
    assert done.stdout.startswith("REFUSED (no_license): ")
    (tmp_path / "bad.pub").write_text("{")
    done = run("verify", tmp_path / "nope.json", "--trust-key", tmp_path / "bad.pub")
    assert done.returncode == 1
    assert "--trust-key" in done.stderr


def test_issue_refuses_bad_input_in_one_line(vendor: Path, tmp_path: Path) -> None:
    done = issue(vendor, tmp_path / "x.json", "--cluster", "has spaces")
    assert done.returncode == 1
    assert "cluster_id" in done.stderr
    assert not (tmp_path / "x.json").exists()
    (tmp_path / "not-a-key").write_text("hello")
    done = run(
        "issue",
        "--signing-key",
        tmp_path / "not-a-key",
        "--tier",
        "pro",
        "--licensee",
        "x",
        "--expires",
        "2099-01-01",
        "--out",
        tmp_path / "y.json",
    )
    assert done.returncode == 1
    assert "not JSON" in done.stderr
    done = issue(vendor, tmp_path / "z.json", "--expires", "31/12/2099")
    assert done.returncode == 2
    assert "expected a date YYYY-MM-DD" in done.stderr


def test_issue_does_not_overwrite_without_force(vendor: Path, tmp_path: Path) -> None:
    lic = tmp_path / "license.json"
    issue(vendor, lic)
    first = lic.read_bytes()
    assert issue(vendor, lic).returncode == 1
    assert lic.read_bytes() == first
    assert issue(vendor, lic, "--force").returncode == 0
    assert lic.read_bytes() != first


def test_the_signature_in_an_issued_file_covers_its_payload(vendor: Path, tmp_path: Path) -> None:
    lic = tmp_path / "license.json"
    issue(vendor, lic, "--features", "a")
    doc = json.loads(lic.read_bytes())
    terms = json.loads(base64.b64decode(doc["payload"]))
    assert terms["features"] == ["a"]
    assert terms["tier"] == "pro"


def test_reset_clock(tmp_path: Path) -> None:
    seed = os.urandom(32)
    (tmp_path / "identity.key").write_text(seed.hex() + "\n")
    clock = _ClockFile(tmp_path / "license.clock", clock_key_from_seed(seed))
    clock.path.write_text("edited by hand\n")
    done = run("reset-clock", "--data-dir", tmp_path)
    assert done.returncode == 0, done.stderr
    mark = clock.read().mark
    assert mark is not None
    assert abs(mark - time.time()) < 60
    # A mark ahead of the system clock is not thrown away without --force.
    clock.write(int(time.time()) + 10 * 86400)
    done = run("reset-clock", "--data-dir", tmp_path)
    assert done.returncode == 1
    assert "--force" in done.stderr
    assert run("reset-clock", "--data-dir", tmp_path, "--force").returncode == 0
    assert clock.read() != ClockReading(int(time.time()) + 10 * 86400)


def test_reset_clock_without_an_identity(tmp_path: Path) -> None:
    done = run("reset-clock", "--data-dir", tmp_path)
    assert done.returncode == 1
    assert "identity.key" in done.stderr
