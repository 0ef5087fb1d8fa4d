"""`honeymesh init`: a data directory with a configuration, an identity, TLS material, a token."""

from __future__ import annotations

import importlib.resources
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from string import Template

from honeymesh.certs import write_self_signed
from honeymesh.config import MODES, Config, Mode
from honeymesh.filemodes import replace_file
from honeymesh.license.clock import CLOCK_FILE, CLOCK_KEY_PURPOSE, ClockFile
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.web.auth import new_admin_token, token_digest

CONFIG_NAME = "honeymesh.toml"


class ProvisionError(Exception):
    """The data directory cannot be set up as asked."""


@dataclass(frozen=True)
class Provisioned:
    config_path: Path
    admin_token: str
    node_id: str


def render_config(
    *, data_dir: Path, mode: Mode, interfaces: tuple[str, ...], token_sha256: str, name: str
) -> str:
    template = importlib.resources.files("honeymesh").joinpath("default_config.toml")
    return Template(template.read_text("utf-8")).substitute(
        node_name=_toml_escape(name),
        data_dir=_toml_escape(str(data_dir)),
        mode=mode,
        interfaces=json.dumps(list(interfaces)),
        token_sha256=token_sha256,
    )


def _toml_escape(text: str) -> str:
    return json.dumps(text)[1:-1]  # a JSON string body is a valid TOML basic string body


def provision(
    directory: Path,
    *,
    interfaces: tuple[str, ...] = (),
    mode: Mode = "test",
    force: bool = False,
) -> Provisioned:
    if mode not in MODES:
        raise ProvisionError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    directory = directory.resolve()
    config_path = directory / CONFIG_NAME
    if config_path.exists() and not force:
        raise ProvisionError(
            f"{config_path} already exists; use --force to replace it "
            "(a new identity, certificate and admin token)"
        )
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    identity = NodeIdentity.generate()
    identity.save(directory / "identity.key")
    # Start the license clock now, so a Pro license dropped in before the first start counts.
    ClockFile(directory / CLOCK_FILE, identity.derive_secret(CLOCK_KEY_PURPOSE)).write(
        int(time.time())
    )
    write_self_signed(directory / "tls/dashboard.crt", directory / "tls/dashboard.key")
    token = new_admin_token()
    text = render_config(
        data_dir=directory,
        mode=mode,
        interfaces=interfaces,
        token_sha256=token_digest(token),
        name=socket.gethostname(),
    )
    replace_file(config_path, text.encode("utf-8"))  # 0600, whatever the old file's mode
    return Provisioned(config_path, token, identity.node_id)


def provision_state(config: Config) -> list[Path]:
    """Create in ``config``'s data directory what ``init`` would and is missing: the identity
    (the node id), the license clock, the admin TLS certificate and key. Nothing is replaced
    and no configuration is written; returns what was created.

    For the Debian package: its configuration is a conffile in /etc/honeymesh/ (dpkg owns it,
    the operator edits it), so the identity is made on the node's first start, on the node
    (``ExecStartPre=honeymesh init --config ... --if-missing``), never built into the package
    where every node would share one."""
    directory = config.node.data_dir
    created: list[Path] = []
    if not directory.exists():
        directory.mkdir(parents=True, mode=0o700)
        created.append(directory)
    key = directory / "identity.key"
    if key.exists():
        identity = NodeIdentity.load(key)
    else:
        identity = NodeIdentity.generate()
        identity.save(key)
        created.append(key)
    clock = directory / CLOCK_FILE
    if not clock.exists():
        ClockFile(clock, identity.derive_secret(CLOCK_KEY_PURPOSE)).write(int(time.time()))
        created.append(clock)
    cert, tls_key = config.data_path(config.api.tls_cert), config.data_path(config.api.tls_key)
    if not (cert.exists() and tls_key.exists()):
        write_self_signed(cert, tls_key)
        created += [cert, tls_key]
    return created
