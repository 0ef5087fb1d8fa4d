"""Real `twistd honeymesh` mesh nodes on loopback: Pro licenses from a test vendor key, sharing
opted in, each node's mesh, API and trap on its own free port. Used by the multi-node tests and
by bench/mesh_*.py."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from honeymesh.adminclient import AdminClient, AdminClientError
from honeymesh.license.issue import LicenseSigningKey, issue_license
from honeymesh.license.verify import Tier

from ..e2e.daemon import Daemon, free_port, wait_for
from ..nodes import make_node

# An operator's own cluster: members start trusted to ban (L2) and nodes enforce.
DEFAULT_TRUST = {"start_level": 2, "solo_ban_budget": 100000}
VENDOR = LicenseSigningKey(key_id="mesh-test", seed=b"\x07" * 32)
YEAR = 365 * 86400


def trusted_key_line(key: LicenseSigningKey = VENDOR) -> str:
    return f"ed25519:{key.key_id}:{base64.b64encode(key.public.key).decode()}"


def write_license(
    path: Path, *, tier: Tier = Tier.PRO, expires_in: float = YEAR, cluster_id: str | None = None
) -> None:
    now = int(time.time())
    path.write_bytes(
        issue_license(
            VENDOR,
            licensee="Mesh Test Corp",
            tier=tier,
            issued_at=now - 86400,
            not_before=now - 86400,
            expires_at=int(now + expires_in),
            cluster_id=cluster_id,
            features=("sharing",),
            license_id=f"HM-MESH-{path.parent.name}",
        )
    )


@dataclass
class MeshNode:
    name: str
    directory: Path
    mesh_port: int
    daemon: Daemon | None = None
    client: AdminClient | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def node_id(self) -> str:
        return str(self.api("GET", "/api/v1/mesh")["node_id"])

    @property
    def config_path(self) -> Path:
        """The node's configuration file, for the `honeymesh` CLI's --config."""
        return Path(make_node_config(self).config_path)

    @property
    def data_dir(self) -> Path:
        return self.directory / "var"

    def api(self, method: str, path: str, body: Any = None) -> Any:
        assert self.client is not None
        return self.client.request(method, path, body)

    def try_api(self, method: str, path: str, body: Any = None) -> tuple[bool, Any]:
        try:
            return True, self.api(method, path, body)
        except AdminClientError as e:
            return False, str(e)

    def status(self) -> dict[str, Any]:
        return dict(self.api("GET", "/api/v1/mesh"))

    def peer_states(self) -> dict[str, str]:
        return {p["node_id"]: p["state"] for p in self.api("GET", "/api/v1/mesh/peers")["peers"]}

    def token(self, **body: Any) -> str:
        return str(self.api("POST", "/api/v1/mesh/tokens", body)["token"])

    def join(self, token: str) -> dict[str, Any]:
        return dict(self.api("POST", "/api/v1/mesh/join", {"token": token}))

    def stop(self) -> None:
        if self.daemon is not None and self.daemon.proc.poll() is None:
            self.daemon.stop()

    def kill(self) -> None:
        if self.daemon is not None and self.daemon.proc.poll() is None:
            self.daemon.proc.kill()
            self.daemon.proc.wait(timeout=10)

    def start(self) -> None:
        node = make_node_config(self)
        self.daemon = Daemon(node, self.directory)
        self.daemon.wait_ready()
        self.client = AdminClient(node.config, token=node.admin_token, timeout=30)
        wait_for(lambda: self.status()["state"] != "stopped", timeout=20)

    def log(self) -> str:
        return self.daemon.output() if self.daemon else ""


_NODES: dict[Path, Any] = {}


def set_key(text: str, section: str, key: str, value: Any) -> str:
    """``key = value`` (as TOML) in ``[section]`` of a config file's text: replaced where the key
    is written, added under the section's header where it is not."""
    head = re.search(rf"(?m)^\[{section}\]$", text)
    assert head is not None, f"no [{section}] in the config"
    end = re.compile(r"(?m)^\[").search(text, head.end())
    body = text[head.end() : end.start() if end else len(text)]
    line = f"{key} = {json.dumps(value)}"
    found = re.search(rf"(?m)^{re.escape(key)} = .*$", body)
    if found is None:
        return text[: head.end()] + "\n" + line + text[head.end() :]
    return text[: head.end() + found.start()] + line + text[head.end() + found.end() :]


def make_node_config(n: MeshNode) -> Any:
    """Provision once; later starts reuse the same data directory (a restart)."""
    if n.directory in _NODES:
        return _NODES[n.directory]
    node = make_node(n.directory / "var", api_port=free_port(), trap_ports=(free_port(),))
    text = node.config_path.read_text()
    sharing = n.extra.get("sharing", True)
    text = text.replace("trusted_keys = []", f'trusted_keys = ["{trusted_key_line()}"]')
    text = re.sub(r"(?m)^enabled = false$", f"enabled = {'true' if sharing else 'false'}", text)
    text = re.sub(r'(?m)^address = "0.0.0.0"$', 'address = "127.0.0.1"', text)
    text = re.sub(r"(?m)^port = 7946$", f"port = {n.mesh_port}", text)
    text = re.sub(r'(?m)^name = ".*"$', f'name = "{n.name}"', text, count=1)
    sections = n.extra.get("sections", "")
    text = re.sub(r"(?m)^\[\[traps\]\]$", lambda _: sections + "\n[[traps]]", text, count=1)
    for key, value in n.extra.get("trust", DEFAULT_TRUST).items():
        text = set_key(text, "trust", key, value)
    for key, value in n.extra.get("mesh", {}).items():
        text = set_key(text, "mesh", key, value)
    if "cluster_id" in n.extra:
        text = set_key(text, "sharing", "cluster_id", n.extra["cluster_id"])
    node.config_path.write_text(text)
    if n.extra.get("tier", Tier.PRO) is not None:
        write_license(n.directory / "var" / "license.json", tier=n.extra.get("tier", Tier.PRO))
    from honeymesh.config import load_config  # noqa: PLC0415

    node = type(node)(
        node.config_path, load_config(node.config_path), node.identity, node.admin_token
    )
    _NODES[n.directory] = node
    return node


class Cluster:
    """N nodes; ``form()`` founds the cluster on the first and joins the others through it."""

    def __init__(self, root: Path, count: int, **extra: Any) -> None:
        self.nodes = [
            MeshNode(f"n{i}", root / f"n{i}", free_port(), extra=dict(extra)) for i in range(count)
        ]

    def start(self) -> None:
        for n in self.nodes:
            n.start()

    def add(self, root: Path, **extra: Any) -> MeshNode:
        node = MeshNode(
            f"n{len(self.nodes)}", root / f"n{len(self.nodes)}", free_port(), extra=extra
        )
        self.nodes.append(node)
        node.start()
        return node

    def form(self, via: int = 0) -> None:
        issuer = self.nodes[via]
        for n in self.nodes:
            if n is not issuer:
                n.join(issuer.token())
        self.wait_connected()

    def wait_connected(self, nodes: list[MeshNode] | None = None, timeout: float = 30) -> None:
        nodes = nodes or self.nodes
        ids = {n.node_id for n in nodes}

        def done() -> bool:
            for n in nodes:
                states = n.peer_states()
                if any(states.get(i) != "active" for i in ids - {n.node_id}):
                    return False
            return True

        wait_for(done, timeout=timeout)

    def stop(self) -> None:
        for n in self.nodes:
            with contextlib.suppress(Exception):  # stop what can be stopped
                n.stop()


def tcp_connections(node: MeshNode) -> list[tuple[int, int]]:
    """(local port, remote port) of the node's daemon's established TCP connections, read from
    /proc: what `ss -tnp` would show an operator."""
    return tcp_sockets(node, "01")  # 01: ESTABLISHED


def listening_ports(node: MeshNode) -> set[int]:
    """The TCP ports the node's daemon itself listens on (`ss -ltnp`): whatever else on the
    machine may hold a port meanwhile, only the daemon's own sockets are read."""
    return {local for local, _ in tcp_sockets(node, "0A")}  # 0A: LISTEN


def tcp_sockets(node: MeshNode, state: str) -> list[tuple[int, int]]:
    """(local port, remote port) of the node's daemon's TCP sockets in ``state`` (the hex state
    of /proc/net/tcp), found by the socket inodes among its open descriptors."""
    assert node.daemon is not None
    pid = node.daemon.proc.pid
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if fields[3] == state and inode in inodes:
                found.append((int(local.rsplit(":", 1)[1], 16), int(remote.rsplit(":", 1)[1], 16)))
    return found


def eventually(check: Callable[[], bool], timeout: float = 20.0) -> None:
    wait_for(check, timeout=timeout)
