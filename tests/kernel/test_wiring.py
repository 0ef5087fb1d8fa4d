"""Building the KernelService from configuration (no root needed: nothing is loaded)."""

from __future__ import annotations

import dataclasses
from typing import Any

from twisted.internet.task import Clock

from honeymesh.config import Config
from honeymesh.enforcement.kernel import kernel_service
from honeymesh.enforcement.layout import MapSizes
from honeymesh.enforcement.libbpf import AttachMode
from honeymesh.events import Event


def test_kernel_service_takes_its_settings_from_config() -> None:
    base = Config()
    config = dataclasses.replace(
        base,
        kernel=dataclasses.replace(
            base.kernel,
            interfaces=("eth0", "eth1"),
            attach_mode="generic",
            max_ipv4_bans=2048,
            max_ranges=64,
            sample_rate=5.0,
        ),
        policy=dataclasses.replace(base.policy, ipv6_prefix=56),
        node=dataclasses.replace(base.node, mode="enforce"),
    )
    events: list[Event] = []
    reactor: Any = Clock()
    service = kernel_service(reactor, events.append, config)
    assert service.interfaces == ("eth0", "eth1")
    assert service.xdp.prefer is AttachMode.GENERIC
    assert service.xdp.v6_ban_prefix == 56
    assert service.xdp.map_sizes == MapSizes(
        ban_v4=2048, ban_v6=262_144, range_v4=64, range_v6=64, allow=16_384, allow_range=16_384
    )
    assert service.status() == {
        "state": "stopped",
        "backend": None,
        "reason": None,
        "mode": "enforce",
        "interfaces": {
            n: {"attach": "none", "prog_id": None, "reason": None} for n in ("eth0", "eth1")
        },
    }
    assert events == []
