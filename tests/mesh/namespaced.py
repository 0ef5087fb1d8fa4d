"""Mesh nodes in network namespaces, and configuration the cluster harness does not write.

``NsNode`` is a ``MeshNode`` whose daemon runs in a network namespace and whose API is reached
there: the daemon is forked from a thread switched into the namespace (a child keeps its
parent thread's namespace), and each API call switches the calling thread in for the duration
of the request's socket. ``Split`` is two namespaces joined by one veth pair, each group's mesh
on an address of its own loopback, so that taking the link down partitions the groups while each
group still reaches itself, and bringing it up heals the partition.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tests.kernel.netns import entered, run, unique

from .cluster import MeshNode, make_node_config


def tune(node: MeshNode, **sections: dict[str, Any]) -> None:
    """Set keys in the node's configuration file before it first starts:
    ``tune(n, mesh={"rate_burst": 5}, sharing={"publish_internal": True})``. A key the file
    does not write is added under its section's header."""
    path = make_node_config(node).config_path
    text = path.read_text()
    for section, values in sections.items():
        for key, value in values.items():
            text = _set(text, section, key, value)
    path.write_text(text)


def _set(text: str, section: str, key: str, value: Any) -> str:
    head = re.search(rf"(?m)^\[{re.escape(section)}\]$", text)
    if head is None:
        raise ValueError(f"no [{section}] section in the configuration")
    nxt = re.compile(r"(?m)^\[").search(text, head.end())
    end = nxt.start() if nxt else len(text)
    line = f"{key} = {json.dumps(value)}"
    found = re.compile(rf"(?m)^{re.escape(key)} = .*$").search(text, head.end(), end)
    if found is None:
        return text[: head.end()] + "\n" + line + text[head.end() :]
    return text[: found.start()] + line + text[found.end() :]


class NsNode(MeshNode):
    """A mesh node whose daemon and API live in network namespace ``netns``."""

    netns: str = ""

    def api(self, method: str, path: str, body: Any = None) -> Any:
        with entered(self.netns):
            return super().api(method, path, body)

    def start(self) -> None:
        with entered(self.netns):  # the daemon forked from here stays in the namespace
            super().start()


def ns_node(name: str, directory: Any, mesh_port: int, netns: str, **extra: Any) -> NsNode:
    node = NsNode(name, directory, mesh_port, extra=extra)
    node.netns = netns
    return node


@dataclass
class Split:
    """Two namespaces and the one link between them. Group ``i``'s mesh address is
    ``addresses[i]``, on that namespace's loopback; the link carries the routes between them."""

    spaces: tuple[str, str]
    links: tuple[str, str]
    addresses: tuple[str, str]
    _link_net: tuple[str, str]

    def down(self) -> None:
        """Cut the link (both ends administratively down): the groups no longer reach
        each other; established connections stall until the mesh's peer timeout."""
        for ns, dev in zip(self.spaces, self.links, strict=True):
            run("ip", "-n", ns, "link", "set", dev, "down")

    def up(self) -> None:
        """Restore the link and the routes the kernel dropped with it."""
        for ns, dev in zip(self.spaces, self.links, strict=True):
            run("ip", "-n", ns, "link", "set", dev, "up")
        self._routes()

    def _routes(self) -> None:
        for i, (ns, dev) in enumerate(zip(self.spaces, self.links, strict=True)):
            other = self.addresses[1 - i]
            via = self._link_net[1 - i]
            run("ip", "-n", ns, "route", "replace", f"{other}/32", "via", via, "dev", dev)

    def close(self) -> None:
        for ns in self.spaces:
            run("ip", "netns", "del", ns, check=False)


def make_split() -> Split:
    """Namespaces ``a`` and ``b``; veth ``a``--``b`` on 10.X.0.0/30; mesh addresses 10.X.1.1
    (on a's loopback) and 10.X.2.1 (on b's)."""
    octet = 250  # any: the addresses exist only inside these two namespaces
    spaces = (unique("hmpa"), unique("hmpb"))
    links = (unique("hpa"), unique("hpb"))
    link_net = (f"10.{octet}.0.1", f"10.{octet}.0.2")
    addresses = (f"10.{octet}.1.1", f"10.{octet}.2.1")
    split = Split(spaces, links, addresses, link_net)
    try:
        for ns in spaces:
            run("ip", "netns", "add", ns)
            run("ip", "-n", ns, "link", "set", "lo", "up")
        run(
            "ip", "link", "add", links[0], "netns", spaces[0], "type", "veth",
            "peer", "name", links[1], "netns", spaces[1],
        )  # fmt: skip
        for ns, dev, own, mesh in zip(spaces, links, link_net, addresses, strict=True):
            run("ip", "-n", ns, "addr", "add", f"{own}/30", "dev", dev)
            run("ip", "-n", ns, "addr", "add", f"{mesh}/32", "dev", "lo")
            run("ip", "-n", ns, "link", "set", dev, "up")
        split._routes()
    except Exception:
        split.close()
        raise
    return split
