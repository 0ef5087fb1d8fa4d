"""Fixtures for kernel tests: root + BPF check (the only reason to skip), a namespace lab, and
an XDP backend attached to the lab's target veth."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest

from honeymesh.enforcement.kernel import XdpBackend
from honeymesh.enforcement.probe import probe_bcc
from tests.kernel.netns import Lab, Receiver, Sender, entered, make_lab


def kernel_version() -> tuple[int, int]:
    """The running kernel's (major, minor), for behaviour that changed between releases."""
    major, minor = os.uname().release.split(".")[:2]
    return int(major), int(minor)


@pytest.fixture(scope="session")
def kernel_ok() -> None:
    """Skip when this machine cannot run kernel tests (not root, or bcc cannot load XDP)."""
    if os.geteuid() != 0:
        pytest.skip("kernel tests need root (network namespaces, XDP)")
    ok, why = probe_bcc()
    if not ok:
        pytest.skip(f"BPF unavailable: {why}")


@pytest.fixture
def lab(kernel_ok: None) -> Iterator[Lab]:
    lab = make_lab()
    try:
        yield lab
    finally:
        lab.close()


@dataclass
class Kit:
    """A lab with HoneyMesh's XDP program attached to the target veth, in ENFORCE mode."""

    lab: Lab
    xdp: XdpBackend
    sender: Sender
    rx4: Receiver
    rx6: Receiver

    def delivered(self, sources: Sequence[str], count: int = 5) -> dict[str, int]:
        """Send ``count`` datagrams from each source to the target; what arrived, per source."""
        for src in sources:
            v6 = ":" in src
            rx = self.rx6 if v6 else self.rx4
            self.sender.send(src, self.lab.target6 if v6 else self.lab.target4, rx.port, count)
        got = {**self.rx4.drain(), **self.rx6.drain()}
        return {src: got.get(src, 0) for src in sources}

    def counted(self) -> dict[str, int]:
        return dict(self.xdp.counters())


def net(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network(text, strict=False)


def attach(lab: Lab, **kw: object) -> XdpBackend:
    xdp = XdpBackend([lab.veth_t], **kw)  # type: ignore[arg-type]
    xdp.load()
    with entered(lab.target):
        xdp.attach()
    return xdp


@pytest.fixture
def kit(lab: Lab) -> Iterator[Kit]:
    xdp = attach(lab, sample_rate=0)
    xdp.set_mode("enforce")
    sender = Sender(lab, lab.sources4 + lab.sources6)
    rx4, rx6 = Receiver(lab, socket.AF_INET), Receiver(lab, socket.AF_INET6)
    try:
        yield Kit(lab, xdp, sender, rx4, rx6)
    finally:
        sender.close()
        rx4.close()
        rx6.close()
        xdp.close()
