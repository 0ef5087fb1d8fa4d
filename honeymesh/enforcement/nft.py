"""The loud fallback: enforce the ban list with nftables when XDP cannot run.

One table, ``inet honeymesh``, hooked at prerouting with raw priority (before connection
tracking). Networks live in hash sets, one per prefix length (``ban4_32``, ``ban4_24``,
``ban6_64``, ``allow6_128``, ...), matched as ``ip saddr & MASK @set``: networks of one length
never overlap, so no interval sets and no merge conflicts, and each ban's expiry is the element's
own timeout, so an expired ban stops dropping before user space removes it. The rules mirror the
XDP program: a ban match jumps to a chain that lets allowlisted sources through, then drops
(ENFORCE) or counts "would drop" (TEST); LOCKDOWN drops everything that is not allowlisted.
With ``traps_open`` (``[kernel] traps_open_to_banned``), ENFORCE first accepts a banned source's
TCP/UDP packet to a port a trap serves (sets ``trap_tcp``, ``trap_udp``; counter
``trap_passed``), matched only when the L4 header follows the IP header directly, as XDP does:
not behind an IPv6 extension header, not in a non-first IPv4 fragment.
IPv6 neighbour discovery and MLD are accepted first in every mode, from any source, before any
ban set is consulted (ARP never reaches an inet table), so a banned on-link host never costs the
node its link.

Differences from XDP, said out loud in ``status()``: packets are dropped after the kernel has
built an skb (several times the cost), there is no ``malformed`` counter and no sampling, and the
table survives a killed daemon (``start`` replaces a stale one; ``stop`` deletes it).

Driven with ``nft -f -`` (one atomic transaction per change) and ``nft -j`` for counters. Each
call is a short subprocess (a few milliseconds).
"""

from __future__ import annotations

import ipaddress
import json
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from honeymesh.config import Mode
from honeymesh.enforcement.backend import BackendError, BanEntry
from honeymesh.enforcement.projection import SharedKeys, longest
from honeymesh.net import Network, normalize_network

COUNTERS = (
    "passed",
    "dropped_exact",
    "dropped_range",
    "dropped_lockdown",
    "allowed",
    "would_drop",
    "trap_passed",
)
# ICMPv6 the link needs, by number (MLD's names differ between nft versions): MLD query, report
# and done (130-132), neighbour discovery RS, RA, NS, NA and Redirect (133-137), MLDv2 report
# (143). nft finds the ICMPv6 header past any Hop-by-Hop header, which MLD always carries.
_ND_TYPES = "130, 131, 132, 133, 134, 135, 136, 137, 143"
_TIMEOUT_MAX_MS = 2**40  # far beyond any ban; keeps nft's parser happy


def _set_name(kind: str, net: Network) -> str:
    return f"{kind}{net.version}_{net.prefixlen}"


class NftBackend:
    """An EnforcementBackend over nftables. ``reason`` says why XDP is not used."""

    name = "nftables"

    def __init__(
        self,
        interfaces: Sequence[str],
        *,
        reason: str,
        v6_ban_prefix: int = 64,
        command: Sequence[str] = ("nft",),
        table: str = "honeymesh",
        wall: Callable[[], float] = time.time,
        traps_open: bool = True,
    ) -> None:
        """``command``: how to run nft (e.g. ``("ip", "netns", "exec", NS, "nft")``).
        ``traps_open``: in ENFORCE a banned source still reaches the ports traps serve
        (``set_served_ports``)."""
        self.interfaces = tuple(interfaces)
        self.reason = reason
        self.v6_ban_prefix = v6_ban_prefix
        self._command = tuple(command)
        self._table = table
        self._wall = wall
        self._mode: Mode = "test"
        self.traps_open = traps_open
        self._served_tcp: frozenset[int] = frozenset()
        self._served_udp: frozenset[int] = frozenset()
        self._sets: dict[str, Network] = {}  # set name -> a network of its family and length
        self._v6_shared: SharedKeys[tuple[str, str]] = SharedKeys()
        self._started = False

    # Lifecycle --------------------------------------------------------------------------------

    def start(self) -> None:
        """Replace any stale table with a fresh one. Blocking (one nft call)."""
        t = self._table
        counters = "\n".join(f"add counter inet {t} {c}" for c in COUNTERS)
        self._sets.clear()
        self._v6_shared.clear()
        self._nft(
            f"add table inet {t}\ndelete table inet {t}\nadd table inet {t}\n{counters}\n"
            f"add chain inet {t} prerouting {{ type filter hook prerouting priority raw; "
            f"policy accept; }}\n"
            f"add chain inet {t} banned_exact\nadd chain inet {t} banned_range\n"
            f"add set inet {t} trap_tcp {{ type inet_service; }}\n"
            f"add set inet {t} trap_udp {{ type inet_service; }}\n"
            + self._served_elements()
            + self._rules()
        )
        self._started = True

    def stop(self) -> None:
        """Delete the table: nothing of HoneyMesh stays in the packet path."""
        if self._started:
            self._nft(f"add table inet {self._table}\ndelete table inet {self._table}\n")
            self._started = False

    # EnforcementBackend ------------------------------------------------------------------------

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        t = self._table
        now = self._wall()
        elements: dict[str, dict[str, float | None]] = {}
        new_sets: dict[str, Network] = {}
        shared: SharedKeys[tuple[str, str]] = SharedKeys()
        for entry in bans:
            net = normalize_network(entry.network)
            name, elem = self._ban_place(net)
            new_sets.setdefault(name, self._bucket(net))
            expires = entry.expires_at
            if isinstance(net, ipaddress.IPv6Network) and net.prefixlen >= self.v6_ban_prefix:
                expires = shared.add((name, elem), net, expires)
            elif elem in elements.get(name, {}):
                expires = longest([elements[name][elem], expires])
            elements.setdefault(name, {})[elem] = expires
        for allow in allows:
            net = normalize_network(allow)
            name = _set_name("allow", net)
            new_sets.setdefault(name, net)
            elements.setdefault(name, {})[str(net.network_address)] = None
        script = [self._declare(n, net) for n, net in new_sets.items() if n not in self._sets]
        script += [f"flush set inet {t} {name}" for name in self._sets]
        for name, elems in elements.items():
            items = [i for e, x in elems.items() if (i := self._element(e, x, now))]
            for start in range(0, len(items), 50_000):
                chunk = ", ".join(items[start : start + 50_000])
                script.append(f"add element inet {t} {name} {{ {chunk} }}")
        old_sets = dict(self._sets)
        self._sets.update(new_sets)
        try:
            self._nft("\n".join([*script, self._rules()]))
        except BackendError:
            self._sets = old_sets
            raise
        self._v6_shared = shared

    def add_ban(self, entry: BanEntry) -> None:
        net = normalize_network(entry.network)
        name, elem = self._ban_place(net)
        expires = entry.expires_at
        if isinstance(net, ipaddress.IPv6Network) and net.prefixlen >= self.v6_ban_prefix:
            expires = self._v6_shared.add((name, elem), net, expires)
        self._put(name, self._bucket(net), elem, expires)

    def remove_ban(self, network: Network) -> None:
        net = normalize_network(network)
        name, elem = self._ban_place(net)
        if isinstance(net, ipaddress.IPv6Network) and net.prefixlen >= self.v6_ban_prefix:
            held, expires = self._v6_shared.remove((name, elem), net)
            if held:
                self._put(name, self._bucket(net), elem, expires)
                return
        self._delete(name, elem)

    def add_allow(self, network: Network) -> None:
        net = normalize_network(network)
        self._put(_set_name("allow", net), net, str(net.network_address), None)

    def remove_allow(self, network: Network) -> None:
        net = normalize_network(network)
        self._delete(_set_name("allow", net), str(net.network_address))

    def set_mode(self, mode: Mode) -> None:
        self._mode = mode
        if self._started:
            self._nft(self._rules())

    def set_traps_open(self, traps_open: bool) -> None:
        """Whether a banned source may still reach the ports traps serve (ENFORCE only)."""
        self.traps_open = traps_open
        if self._started:
            self._nft(self._rules())

    def set_served_ports(self, tcp: Iterable[int], udp: Iterable[int]) -> None:
        """The ports traps serve, which stay open to banned sources when ``traps_open``."""
        self._served_tcp, self._served_udp = frozenset(tcp), frozenset(udp)
        if self._started:
            self._nft(self._served_elements())

    def _served_elements(self) -> str:
        t = self._table
        lines = []
        for name, ports in (("trap_tcp", self._served_tcp), ("trap_udp", self._served_udp)):
            lines.append(f"flush set inet {t} {name}")
            if ports:
                items = ", ".join(str(p) for p in sorted(ports))
                lines.append(f"add element inet {t} {name} {{ {items} }}")
        return "\n".join(lines) + "\n"

    def counters(self) -> Mapping[str, int]:
        out = self._run(["-j", "list", "counters", "table", "inet", self._table])
        try:
            doc = json.loads(out)
        except json.JSONDecodeError as e:
            raise BackendError(f"nft -j printed something that is not JSON: {e}") from None
        found = {
            item["counter"]["name"]: int(item["counter"]["packets"])
            for item in doc.get("nftables", [])
            if "counter" in item
        }
        result = {name: found.get(name, 0) for name in COUNTERS}
        result["malformed"] = 0  # nftables never sees frames the stack could not parse
        return result

    def status(self) -> Mapping[str, object]:
        why = f"degraded: nftables fallback because {self.reason}"
        return {
            "backend": self.name,
            "state": "degraded" if self._started else "stopped",
            "reason": why,
            "mode": self._mode,
            "interfaces": {
                n: {"attach": "nftables", "prog_id": None, "reason": why}
                for n in self.interfaces or ("*",)
            },
            "entries": {name: None for name in sorted(self._sets)},
        }

    # Internals ------------------------------------------------------------------------------

    def _bucket(self, net: Network) -> Network:
        """The network whose prefix length names the set that holds ``net``."""
        if isinstance(net, ipaddress.IPv6Network) and net.prefixlen >= self.v6_ban_prefix:
            return net.supernet(new_prefix=self.v6_ban_prefix)
        return net

    def _ban_place(self, net: Network) -> tuple[str, str]:
        bucket = self._bucket(net)
        return _set_name("ban", bucket), str(bucket.network_address)

    def _put(self, name: str, sample: Network, elem: str, expires: float | None) -> None:
        t = self._table
        declare = "" if name in self._sets else self._declare(name, sample) + "\n"
        item = self._element(elem, expires, self._wall())
        script = f"{declare}add element inet {t} {name} {{ {elem} }}\n"
        script += f"delete element inet {t} {name} {{ {elem} }}\n"
        if item:
            script += f"add element inet {t} {name} {{ {item} }}\n"
        if declare:
            self._sets[name] = sample
            script += self._rules()
        try:
            self._nft(script)
        except BackendError:
            if declare:
                del self._sets[name]
            raise

    def _delete(self, name: str, elem: str) -> None:
        if name not in self._sets:
            return
        t = self._table
        self._nft(
            f"add element inet {t} {name} {{ {elem} }}\ndelete element inet {t} {name} {{ {elem} }}"
        )

    def _element(self, elem: str, expires: float | None, now: float) -> str | None:
        if expires is None:
            return elem
        ms = int((expires - now) * 1000)
        if ms <= 0:
            return None  # already over: nothing to enforce
        return f"{elem} timeout {min(ms, _TIMEOUT_MAX_MS)}ms"

    def _declare(self, name: str, net: Network) -> str:
        kind = "ipv4_addr" if net.version == 4 else "ipv6_addr"
        flags = "flags timeout; " if name.startswith("ban") else ""
        return f"add set inet {self._table} {name} {{ type {kind}; {flags}}}"

    def _match(self, name: str) -> str:
        net = self._sets[name]
        ip = "ip" if net.version == 4 else "ip6"
        if net.prefixlen == net.max_prefixlen:
            return f"{ip} saddr @{name}"
        return f"{ip} saddr & {net.netmask} @{name}"

    def _is_exact(self, name: str) -> bool:
        net = self._sets[name]
        exact_len = 32 if net.version == 4 else self.v6_ban_prefix
        return net.prefixlen in (exact_len, net.max_prefixlen)

    def _rules(self) -> str:
        """The chains' rules for the current mode and sets, replacing the old ones atomically."""
        t = self._table
        lines = [
            f"flush chain inet {t} {c}" for c in ("prerouting", "banned_exact", "banned_range")
        ]

        def rule(chain: str, text: str) -> None:
            lines.append(f"add rule inet {t} {chain} {text}")

        rule("prerouting", "iif lo accept")
        if self.interfaces:
            names = ", ".join(json.dumps(i) for i in self.interfaces)
            rule("prerouting", f"iifname != {{ {names} }} accept")
        allows = sorted(n for n in self._sets if n.startswith("allow"))
        bans = sorted(
            (n for n in self._sets if n.startswith("ban")), key=self._is_exact, reverse=True
        )
        # Neighbour discovery and MLD pass in every mode, from any source (as in XDP).
        rule("prerouting", f"icmpv6 type {{ {_ND_TYPES} }} counter name passed accept")
        if self._mode == "lockdown":
            for name in allows:
                rule("prerouting", f"{self._match(name)} counter name allowed accept")
            rule("prerouting", "counter name dropped_lockdown drop")
        else:
            for name in bans:
                target = "banned_exact" if self._is_exact(name) else "banned_range"
                rule("prerouting", f"{self._match(name)} jump {target}")
            rule("prerouting", "counter name passed")
            for chain, counter in (
                ("banned_exact", "dropped_exact"),
                ("banned_range", "dropped_range"),
            ):
                for name in allows:
                    rule(chain, f"{self._match(name)} counter name allowed accept")
                if self._mode == "enforce":
                    if self.traps_open:
                        # The L4 header right behind the IP header, as XDP finds it.
                        for l3 in ("ip protocol", "ip6 nexthdr"):
                            for l4 in ("tcp", "udp"):
                                rule(
                                    chain,
                                    f"{l3} {l4} {l4} dport @trap_{l4} "
                                    "counter name trap_passed accept",
                                )
                    rule(chain, f"counter name {counter} drop")
                else:
                    rule(chain, "counter name would_drop accept")
        return "\n".join(lines) + "\n"

    def _nft(self, script: str) -> None:
        self._run(["-f", "-"], script)

    def _run(self, args: Iterable[str], stdin: str | None = None) -> str:
        argv = [*self._command, *args]
        try:
            proc = subprocess.run(
                argv, input=stdin, capture_output=True, text=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            raise BackendError(f"cannot run {' '.join(argv)}: {e}") from None
        if proc.returncode != 0:
            detail = " | ".join(line for line in proc.stderr.strip().splitlines()[:3])
            raise BackendError(f"nft failed: {detail or f'exit status {proc.returncode}'}")
        return proc.stdout
