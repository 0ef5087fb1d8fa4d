"""This node's own addresses, which the built-in allowlist always contains.

``parse_ip_addr_json`` is the pure part (the JSON printed by ``ip -j addr show``, iproute2);
``local_addresses`` runs the command. Both return each address as a host network (/32 or /128),
normalised like every other address in the ban list.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from honeymesh.net import Network, normalize_network

_MAX_OUTPUT = 4 * 1024 * 1024


class LocalAddressError(Exception):
    """The interface addresses could not be listed or the listing could not be read."""


@dataclass(frozen=True)
class LocalAddress:
    interface: str
    network: Network  # a host network: /32 or /128


def parse_ip_addr_json(text: str | bytes) -> list[LocalAddress]:
    """The addresses in ``ip -j addr show`` output; raises LocalAddressError on anything else."""
    if len(text) > _MAX_OUTPUT:
        raise LocalAddressError(f"`ip -j addr` output is implausibly large ({len(text)} bytes)")
    try:
        doc = json.loads(text)
    except (ValueError, UnicodeDecodeError) as e:
        raise LocalAddressError(f"`ip -j addr` did not print JSON: {e}") from None
    if not isinstance(doc, list):
        raise LocalAddressError("`ip -j addr` printed JSON that is not a list of interfaces")
    found: list[LocalAddress] = []
    for link in doc:
        if not isinstance(link, dict):
            raise LocalAddressError("`ip -j addr` listed an interface that is not an object")
        name = link.get("ifname")
        infos = link.get("addr_info", [])
        if not isinstance(name, str) or not isinstance(infos, list):
            raise LocalAddressError("`ip -j addr` listed an interface without ifname/addr_info")
        for info in infos:
            local = info.get("local") if isinstance(info, dict) else None
            if local is None:
                continue  # e.g. an entry carrying only lifetimes
            if not isinstance(local, str):
                raise LocalAddressError(f"{name}: address {local!r} is not text")
            try:
                net = normalize_network(local.split("%", 1)[0])
            except ValueError:
                raise LocalAddressError(f"{name}: {local!r} is not an IP address") from None
            if net.num_addresses != 1:
                raise LocalAddressError(f"{name}: {local!r} is a network, not an address")
            found.append(LocalAddress(name, net))
    return found


Runner = Callable[[Sequence[str]], bytes]


def _run_ip(argv: Sequence[str]) -> bytes:
    try:
        done = subprocess.run(list(argv), capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise LocalAddressError(f"cannot run {' '.join(argv)}: {e}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise LocalAddressError(f"{' '.join(argv)} failed ({done.returncode}): {detail}")
    return done.stdout


def local_addresses(run: Runner = _run_ip) -> list[LocalAddress]:
    """Every address configured on this node's interfaces (``ip -j addr show``).

    Runs a short subprocess: call it at start, not per packet.
    """
    return parse_ip_addr_json(run(["ip", "-j", "addr", "show"]))
