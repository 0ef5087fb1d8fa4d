"""Test nodes: a provisioned data directory with loopback-only listeners on free ports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from honeymesh.config import Config, load_config
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.provision import provision


@dataclass(frozen=True)
class Node:
    config_path: Path
    config: Config
    identity: NodeIdentity
    admin_token: str


def make_node(
    directory: Path, *, api_port: int = 0, trap_ports: tuple[int, ...] = (0,), extra: str = ""
) -> Node:
    done = provision(directory)
    text = done.config_path.read_text()
    text = re.sub(r"(?m)^port = 8443$", f"port = {api_port}", text)
    text = re.sub(r"(?m)^ports = \[2323\]$", f"ports = {list(trap_ports)}", text)
    text = re.sub(r'(?m)^bind = \["0.0.0.0", "::"\]$', 'bind = ["127.0.0.1", "::1"]', text)
    text = text.replace("idle_timeout = 30.0", "idle_timeout = 5.0")
    done.config_path.write_text(text + extra)
    config = load_config(done.config_path)
    identity = NodeIdentity.load(directory / "identity.key")
    return Node(done.config_path, config, identity, done.admin_token)
