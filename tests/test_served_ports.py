"""Which ports the kernel is told traps serve (a banned source still reaches them, and traffic
to them is not sampled as a scan of unserved ports): every transport a trap answers on."""

from __future__ import annotations

import dataclasses

from honeymesh.config import Config, DnsTrapConfig, FtpTrapConfig, SipTrapConfig, SnmpTrapConfig
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.persona_names import passive_ports
from honeymesh.tap import served_ports

FACTS = NodeFacts(b"\x01" * 32, 1_700_000_000.0)


def test_sip_and_dns_serve_tcp_on_their_ports_too_when_they_answer_there() -> None:
    traps = (
        SipTrapConfig(ports=(5060,)),  # kamailio-5.6.3: UDP and TCP, as Debian's kamailio
        SipTrapConfig(name="pbx", ports=(5070,), tcp=False),  # UDP only
        DnsTrapConfig(ports=(53,)),
        DnsTrapConfig(name="dns2", ports=(5353,), tcp=False),
        SnmpTrapConfig(ports=(161,)),
        FtpTrapConfig(ports=(21,), passive_ports=(40100, 40103)),
    )
    served = served_ports(dataclasses.replace(Config(), traps=traps), FACTS)
    assert served.udp == {5060, 5070, 53, 5353, 161}
    assert served.tcp == {5060, 53, 21, 40100, 40101, 40102, 40103}


def test_an_ftp_traps_passive_ports_are_the_nodes_own_when_not_configured() -> None:
    config = dataclasses.replace(Config(), traps=(FtpTrapConfig(ports=(21,)),))
    first, last = passive_ports(FACTS)
    assert last - first == 63 and first >= 40000 and last <= 59199
    assert served_ports(config, FACTS).tcp == {21, *range(first, last + 1)}
    other = passive_ports(NodeFacts(b"\x02" * 32, 1_700_000_000.0))
    assert other != (first, last)  # another node, another range (with these two seeds)
