"""A trap's configured names, with each one left empty filled in from this node's facts.

The persona names (the shell's host name, the web and mail hosts, the DNS zone, SNMP's
sysName, SIP's realm) used to be configuration defaults, the same on every deployment: one
fingerprint found every node. An empty name now means "this node's own" (``NodeFacts``: one
coherent set drawn from the node's seed, so the web, mail and name servers share its domain),
and a name the operator set always wins. Applied once, where a trap is built or checked
(``registry``), so the trap modules only ever see complete settings.
"""

from __future__ import annotations

from dataclasses import replace

from honeymesh.config import (
    BannerTrapConfig,
    DnsTrapConfig,
    FtpTrapConfig,
    HttpTrapConfig,
    SmtpTrapConfig,
    SnmpTrapConfig,
    SshTrapConfig,
    TelnetTrapConfig,
    TlsTrapConfig,
    TrapConfig,
)
from honeymesh.detection.traps.facts import NodeFacts

#: The kernel the SNMP persona's sysDescr and boot parameters name (Debian 12's, as the shell).
KERNEL = "6.1.0-28-amd64"
KERNEL_BUILD = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 x86_64"


def passive_ports(facts: NodeFacts) -> tuple[int, int]:
    """This node's FTP passive ports: 64 of them within 40000-59199, as an administrator who
    opened a range for vsftpd would, and no two nodes alike."""
    first = 40000 + 64 * facts.number("ftp/passive-ports", 0, 299)
    return first, first + 63


def personalize(trap: TrapConfig, facts: NodeFacts) -> TrapConfig:  # noqa: PLR0911
    """``trap`` with every empty persona name replaced by this node's own."""
    match trap:
        case SshTrapConfig() | TelnetTrapConfig():
            return replace(trap, hostname=trap.hostname or facts.host_name)
        case HttpTrapConfig() | TlsTrapConfig():
            title = trap.title or facts.site_title
            return replace(trap, hostname=trap.hostname or facts.web_host, title=title)
        case SmtpTrapConfig():
            return replace(trap, hostname=trap.hostname or facts.mail_host)
        case FtpTrapConfig():
            return replace(trap, passive_ports=trap.passive_ports or passive_ports(facts))
        case BannerTrapConfig():
            banner = trap.banner or f"220 {facts.mail_host} ESMTP Postfix (Debian/GNU)\r\n"
            return replace(trap, banner=banner)
        case DnsTrapConfig():
            return _dns(trap, facts)
        case SnmpTrapConfig():
            name = trap.sys_name or facts.host_name
            boot = f"BOOT_IMAGE=/boot/vmlinuz-{KERNEL} root=UUID={facts.root_uuid} ro quiet"
            return replace(
                trap,
                sys_name=name,
                sys_descr=trap.sys_descr or f"Linux {name} {KERNEL} {KERNEL_BUILD}",
                sys_contact=trap.sys_contact or facts.contact,
                sys_location=trap.sys_location or facts.location,
                boot_parameters=trap.boot_parameters or boot,
            )
    return trap


def _dns(trap: DnsTrapConfig, facts: NodeFacts) -> DnsTrapConfig:
    """The zone, its name server, hostmaster and records: the node's domain, and its web, mail
    and name servers at addresses of its own network, unless set."""
    zone = trap.zone.rstrip(".") or facts.domain
    nameservers = trap.nameservers or (_in_zone(facts.name_server, zone),)
    web = facts.neighbour("dns/web")
    records = trap.records or (
        f"{zone}={web}",
        f"{_in_zone(facts.web_host, zone)}={web}",
        f"{_in_zone(facts.mail_host, zone)}={facts.neighbour('dns/mail')}",
        *(f"{ns}={facts.neighbour('dns/ns')}" for ns in nameservers if ns.endswith("." + zone)),
    )
    return replace(
        trap,
        zone=zone,
        nameservers=nameservers,
        hostmaster=trap.hostmaster or f"hostmaster.{zone}",
        hostname=trap.hostname or facts.host_name,
        records=records,
    )


def _in_zone(host: str, zone: str) -> str:
    """The node's ``host`` (``mx1.acme.internal``) under ``zone``: its first label there."""
    return f"{host.split('.', 1)[0]}.{zone}"
