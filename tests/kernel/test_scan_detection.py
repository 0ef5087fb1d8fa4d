"""nmap from another network namespace against the traps: scan verdicts, then a kernel ban.

Traps listen in the lab's target namespace; HoneyMesh's XDP program is attached to the target
veth and samples SYNs and datagrams to ports no trap serves into its ring buffer. The detection
pipeline hears both feeds (trap sessions on the bus, kernel samples through ``packet``) and
hands its verdicts to the real policy engine in ENFORCE mode, whose BanList writes SQLite and
the XDP maps. Then:

1. an nmap connect scan (``-sT``) of the trap ports is seen by the traps themselves: a scan
   verdict from the ``trap`` feed, a ban, and the kernel drops that source from then on, on
   every port but the traps' (``traps_open_to_banned``: a ban must not blind the honeypot);
2. an nmap SYN scan (``-sS``) from another source address never completes a connection, so
   only the kernel sees it: a scan verdict from the ``kernel`` feed, and a ban as well.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from honeymesh.config import (
    BannerTrapConfig,
    DetectionConfig,
    HttpTrapConfig,
    PolicyConfig,
    SshTrapConfig,
)
from honeymesh.detection.pipeline import DetectionPipeline, trap_policies
from honeymesh.detection.scoring import PayloadRules, Reputation
from honeymesh.detection.traps.registry import TrapContext, build_trap
from honeymesh.enforcement.banlist import BanList, builtin_allows
from honeymesh.enforcement.kernel import ServedPorts, XdpBackend
from honeymesh.events import Decision, Event, EventBus, Verdict
from honeymesh.listeners import ListenerService
from honeymesh.policy.engine import PolicyEngine
from honeymesh.store.db import Store
from tests.kernel.netns import Lab, entered

pytestmark = pytest.mark.kernel

BANNER_PORTS = tuple(range(7001, 7013))  # 12 trap ports + ssh + http = 14 served ports
SSH_PORT, HTTP_PORT = 2222, 8080
DETECTION = DetectionConfig(scan_ports=10, scan_window=60.0)


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(reactor, seconds, lambda: None)


class Node:
    """Traps in the target namespace, XDP on its veth, pipeline -> policy -> ban list -> maps."""

    def __init__(self, lab: Lab, tmp: Path) -> None:
        self.lab = lab
        self.events: list[Event] = []
        self.decisions: list[Decision] = []
        self.bus = EventBus()
        self.bus.subscribe(self.events.append)
        self.xdp = XdpBackend([lab.veth_t], sample_rate=2000, sample_burst=500)
        threaded: Any = reactor
        self.store = Store(tmp / "hm.db", threaded, synchronous="normal")
        self.banlist = BanList(
            self.store, self.xdp, reactor, self.bus.publish, builtin=builtin_allows(())
        )
        self.engine = PolicyEngine(
            self.banlist, self.store, PolicyConfig(), reactor, self.bus.publish,
            initial_mode="enforce",
        )  # fmt: skip
        traps = (
            BannerTrapConfig(name="banner", ports=BANNER_PORTS, bind=(lab.target4,)),
            SshTrapConfig(ports=(SSH_PORT,), bind=(lab.target4,)),
            HttpTrapConfig(ports=(HTTP_PORT,), bind=(lab.target4,)),
        )
        self.pipeline = DetectionPipeline(
            config=DETECTION,
            traps=trap_policies(traps),
            rules=PayloadRules.shipped(),
            reputation=Reputation.shipped(),
            clock=reactor,
            publish=self.bus.publish,
            decide=self._decide,
        )
        self.bus.subscribe(self.pipeline)
        context = TrapContext(
            clock=reactor,
            publish=self.bus.publish,
            data_path=lambda p: tmp / p,
            node_cert=tmp / "unused.crt",
            node_key=tmp / "unused.key",
        )
        sockets: Any = reactor
        self.listeners: list[ListenerService] = []
        for trap in traps:
            built = build_trap(trap, context)
            for port in trap.ports:
                factory, datagram = built.listener_parts()
                self.listeners.append(
                    ListenerService(
                        name=trap.name,
                        kind="trap",
                        transport=built.transport,
                        address=lab.target4,
                        port=port,
                        reactor=sockets,
                        clock=reactor,
                        publish=self.bus.publish,
                        factory=factory,
                        datagram=datagram,
                    )
                )

    def _decide(self, verdict: Verdict) -> Deferred[Decision]:
        return self.engine.decide(verdict).addCallback(self._decided)

    def _decided(self, decision: Decision) -> Decision:
        self.decisions.append(decision)
        return decision

    async def start(self) -> None:
        self.xdp.load()
        with entered(self.lab.target):
            self.xdp.attach()
            for listener in self.listeners:
                listener.startService()  # the listening sockets live in the target namespace
        assert all(li.info.state == "listening" for li in self.listeners)
        served = frozenset(BANNER_PORTS) | {SSH_PORT, HTTP_PORT}
        self.xdp.set_served_ports(ServedPorts(tcp=served))
        await self.store.start()
        await self.banlist.load()
        await self.engine.load()

        def deliver(batch: Any) -> None:
            for s in batch:
                self.pipeline.packet(s.src, s.dst, s.dport, s.proto, s.time)

        self.xdp.start_sampling(reactor, deliver)  # type: ignore[arg-type]

    async def stop(self) -> None:
        self.xdp.stop_sampling()
        for listener in self.listeners:
            await listener.stopService()
        await self.store.stop()
        self.xdp.close()

    def scan_verdicts(self, source: str) -> list[Verdict]:
        return [
            e for e in self.events if isinstance(e, Verdict) and e.detector == "scan"
            and e.source == source
        ]  # fmt: skip

    async def decision_for(self, source: str, timeout: float = 10.0) -> Decision:
        for _ in range(int(timeout / 0.05)):
            found = [d for d in self.decisions if d.source == source]
            if found:
                return found[0]
            await sleep(0.05)
        raise AssertionError(f"no decision about {source}; verdicts: {self.scan_verdicts(source)}")


@pytest_twisted.async_yield_fixture
async def node(lab: Lab, tmp_path: Path) -> AsyncIterator[Node]:
    if shutil.which("nmap") is None:
        pytest.skip("nmap is not installed (scripts/setup.sh test installs it)")
    n = Node(lab, tmp_path)
    await n.start()
    yield n
    await n.stop()


def nmap(lab: Lab, *args: str) -> Deferred[str]:
    return threads.deferToThread(lab.exec, lab.attacker, "nmap", "-n", "-Pn", "-T4", *args)


def connects(lab: Lab, source: str, port: int) -> bool:
    """Whether a TCP connection from ``source`` (in the attacker namespace) reaches a trap."""
    family = socket.AF_INET
    with entered(lab.attacker):
        s = socket.socket(family, socket.SOCK_STREAM)
    with s:
        s.settimeout(1.0)
        s.bind((source, 0))
        try:
            s.connect((lab.target4, port))
        except OSError:
            return False
        return True


def service(lab: Lab) -> socket.socket:
    """A listening TCP socket in the target namespace that is no trap: a real service."""
    with entered(lab.target):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((lab.target4, 0))
    s.listen(8)
    return s


@pytest_twisted.ensureDeferred
async def test_nmap_connect_scan_is_seen_by_the_traps_and_the_source_is_banned(node: Node) -> None:
    lab = node.lab
    attacker = str(lab.net4.network_address + 2)  # the attacker veth's own address
    assert await threads.deferToThread(connects, lab, attacker, SSH_PORT)
    ports = ",".join(str(p) for p in (*BANNER_PORTS, SSH_PORT, HTTP_PORT))
    out = await nmap(lab, "-sT", "-p", ports, lab.target4)
    assert f"{SSH_PORT}/tcp open" in out
    decision = await node.decision_for(attacker)
    (verdict,) = node.scan_verdicts(attacker)
    assert verdict.evidence["feed"] == "trap" and verdict.evidence["kind"] == "port_scan"
    assert decision.action == "ban" and decision.evidence["enforced"] is True
    # The kernel now drops this source on every port but the traps'.
    with service(lab) as real:
        port = real.getsockname()[1]
        assert not await threads.deferToThread(connects, lab, attacker, port)
        assert await threads.deferToThread(connects, lab, attacker, SSH_PORT)
        other = lab.sources4[0]
        assert await threads.deferToThread(connects, lab, other, port)


@pytest_twisted.ensureDeferred
async def test_nmap_syn_scan_is_seen_only_by_the_kernel_and_banned(node: Node) -> None:
    lab = node.lab
    source = lab.sources4[1]
    out = await nmap(lab, "-sS", "-S", source, "-e", lab.veth_a, "-p", "1-300", lab.target4)
    assert "Nmap done" in out
    decision = await node.decision_for(source)
    verdict = node.scan_verdicts(source)[0]
    assert verdict.evidence["feed"] == "kernel" and int(str(verdict.evidence["count"])) >= 10
    assert not [e for e in node.events if getattr(e, "source", None) == source
                and getattr(e, "event_id", None) == "trap.session"]  # fmt: skip
    assert decision.action == "ban"
    with service(lab) as real:
        assert not await threads.deferToThread(connects, lab, source, real.getsockname()[1])
    assert await threads.deferToThread(connects, lab, source, SSH_PORT)  # the traps stay open
