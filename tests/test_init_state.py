"""`honeymesh init --config PATH --if-missing`: the Debian package's first start.

The package's configuration is a conffile in /etc/honeymesh/ and its state is in
/var/lib/honeymesh/; honeymesh.service runs this before the daemon on every start. The first
start must make the node's own identity (never one shipped in the package), every later start
must change nothing (the node id, the certificate the operator pinned), and a damaged identity
must stop the start rather than be replaced by a new node.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from honeymesh.cli import main
from honeymesh.config import load_config
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.provision import render_config
from honeymesh.tap import Options


def package_config(tmp_path: Path) -> Path:
    """A configuration as the package ships it: absolute data_dir, no admin token, no state."""
    etc = tmp_path / "etc"
    etc.mkdir()
    path = etc / "honeymesh.toml"
    text = render_config(
        data_dir=tmp_path / "var" / "lib" / "honeymesh",
        mode="test",
        interfaces=(),
        token_sha256="",
        name="appliance",
    )
    path.write_text(text)
    path.chmod(0o644)
    return path


def test_first_start_makes_the_identity_and_the_daemon_then_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = package_config(tmp_path)
    before = config.read_bytes()
    assert main(["init", "--config", str(config), "--if-missing"]) == 0
    data = tmp_path / "var" / "lib" / "honeymesh"
    assert (data.stat().st_mode & 0o777) == 0o700
    for name in ("identity.key", "tls/dashboard.key"):
        assert (data / name).stat().st_mode & 0o077 == 0, name  # secrets: owner only
    out = capsys.readouterr().out
    assert "identity.key" in out and "token" not in out  # says what it made, shows no secret
    assert config.read_bytes() == before  # the conffile is dpkg's and the operator's
    options = Options()
    options.parseOptions(["--config", str(config)])  # what the daemon checks before it starts
    loaded_config, identity = options["loaded"]
    assert loaded_config.node.data_dir == data
    assert identity.node_id == NodeIdentity.load(data / "identity.key").node_id


def test_later_starts_change_nothing_and_say_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = package_config(tmp_path)
    assert main(["init", "--config", str(config), "--if-missing"]) == 0
    data = tmp_path / "var" / "lib" / "honeymesh"
    node_id = NodeIdentity.load(data / "identity.key").node_id
    cert = (data / "tls/dashboard.crt").read_bytes()
    capsys.readouterr()
    assert main(["init", "--config", str(config), "--if-missing"]) == 0
    assert capsys.readouterr().out == ""
    assert NodeIdentity.load(data / "identity.key").node_id == node_id
    assert (data / "tls/dashboard.crt").read_bytes() == cert


def test_a_lost_certificate_is_remade_without_a_new_identity(tmp_path: Path) -> None:
    config = package_config(tmp_path)
    main(["init", "--config", str(config), "--if-missing"])
    data = load_config(config).node.data_dir
    node_id = NodeIdentity.load(data / "identity.key").node_id
    (data / "tls/dashboard.key").unlink()
    assert main(["init", "--config", str(config), "--if-missing"]) == 0
    assert (data / "tls/dashboard.key").is_file()
    assert NodeIdentity.load(data / "identity.key").node_id == node_id


def test_a_damaged_identity_stops_the_start_and_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = package_config(tmp_path)
    main(["init", "--config", str(config), "--if-missing"])
    key = load_config(config).node.data_dir / "identity.key"
    key.write_text("not a key\n")
    assert main(["init", "--config", str(config), "--if-missing"]) == 1
    assert "not a HoneyMesh identity key" in capsys.readouterr().err
    assert key.read_text() == "not a key\n"


def test_dir_must_be_the_configured_data_directory_and_force_is_refused(tmp_path: Path) -> None:
    config = package_config(tmp_path)
    other = tmp_path / "elsewhere"
    assert main(["init", "--config", str(config), "--dir", str(other)]) == 2
    assert not other.exists()
    assert main(["init", "--config", str(config), "--force"]) == 2
    assert main(["init"]) == 2


def test_if_missing_with_dir_keeps_an_existing_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert main(["init", "--dir", str(data)]) == 0
    first = (data / "honeymesh.toml").read_bytes()
    assert main(["init", "--dir", str(data), "--if-missing"]) == 0
    assert (data / "honeymesh.toml").read_bytes() == first
