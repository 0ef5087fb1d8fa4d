"""Which ports the kernel is told traps serve (a banned source still reaches them, and traffic
to them is not sampled as a scan of unserved ports): every transport a trap answers on."""

from __future__ import annotations

import dataclasses

from honeymesh.config import Config, DnsTrapConfig, FtpTrapConfig, SipTrapConfig, SnmpTrapConfig
from honeymesh.tap import served_ports


def test_sip_and_dns_serve_tcp_on_their_ports_too_when_they_answer_there() -> None:
    traps = (
        SipTrapConfig(ports=(5060,)),  # kamailio-5.6.3: UDP and TCP, as Debian's kamailio
        SipTrapConfig(name="pbx", ports=(5070,), tcp=False),  # UDP only
        DnsTrapConfig(ports=(53,)),
        DnsTrapConfig(name="dns2", ports=(5353,), tcp=False),
        SnmpTrapConfig(ports=(161,)),
        FtpTrapConfig(ports=(21,)),
    )
    served = served_ports(dataclasses.replace(Config(), traps=traps))
    assert served.udp == {5060, 5070, 53, 5353, 161}
    assert served.tcp == {5060, 53, 21}
