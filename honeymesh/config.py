"""Typed configuration: TOML in, frozen objects out, every error naming file, key and expectation.

The schema is the dataclasses below. ``load_config`` walks a TOML document against them: unknown
keys are errors, every value is checked for type and range, and relative paths are resolved
(``node.data_dir`` against the config file's folder, every other path against ``data_dir``).
Defaults live here and nowhere else; ``docs/CONFIG.md`` documents each key and a test keeps the
two in step.
"""

from __future__ import annotations

import dataclasses
import functools
import ipaddress
import os
import re
import socket
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Mode = Literal["test", "enforce", "lockdown"]
MODES: tuple[Mode, ...] = ("test", "enforce", "lockdown")


class ConfigError(Exception):
    """A configuration problem, with enough context for one readable line."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = str(path)
        self.key = key
        self.problem = problem
        where = f"{self.path}: {key}: " if key else f"{self.path}: "
        super().__init__(where + problem)


# Checks: each returns None when the value is fine, or what was expected. --------------------------

Check = Callable[[Any], str | None]


def _port(value: int) -> str | None:
    return None if 0 <= value <= 65535 else "a port from 0 to 65535 (0: any free port)"


def _positive(value: float) -> str | None:
    return None if value > 0 else "a number greater than 0"


def _ip(value: str) -> str | None:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return "an IPv4 or IPv6 address"
    return None


def _networks(values: tuple[str, ...]) -> str | None:
    for v in values:
        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError:
            return f"addresses or CIDR networks ({v!r} is neither)"
    return None


# The widest allow that is still an allow (the ban list's bound for bans and allows alike):
# "0.0.0.0/0" among the admin networks would allow everyone and silently end enforcement.
_ADMIN_MIN_PREFIXLEN = {4: 8, 6: 16}


def _admin_networks(values: tuple[str, ...]) -> str | None:
    wrong = _networks(values)
    if wrong:
        return wrong
    for v in values:
        net = ipaddress.ip_network(v, strict=False)
        least = _ADMIN_MIN_PREFIXLEN[net.version]
        if net.prefixlen < least:
            return (
                f"networks no wider than /{least} for IPv{net.version} ({v!r} would allow so "
                "much that nothing is enforced)"
            )
    return None


def _ips(values: tuple[str, ...]) -> str | None:
    for v in values:
        if _ip(v):
            return f"IPv4 or IPv6 addresses ({v!r} is not one)"
    return None


def _passive_ports(values: tuple[int, ...]) -> str | None:
    if not values:
        return None
    if len(values) != 2 or not 1024 <= values[0] <= values[1] <= 65535:
        return "[first, last]: a range of unprivileged ports, or [] for this node's own"
    if values[1] - values[0] >= 1024:
        return "at most 1,024 ports (each is a kernel map entry)"
    return None


def _ports(values: tuple[int, ...]) -> str | None:
    if not values:
        return "at least one port"
    for v in values:
        if _port(v):
            return f"ports from 0 to 65535 ({v!r} is not one)"
    return None


def _ifname(values: tuple[str, ...]) -> str | None:
    for v in values:
        if not v or len(v) > 15 or "/" in v or v.strip() != v:
            return f"network interface names ({v!r} is not one)"
    return None


def _nonempty(value: str) -> str | None:
    return None if value.strip() else "a non-empty string"


def _sha256_hex(value: str) -> str | None:
    if value == "":
        return None
    ok = len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    return None if ok else "64 lowercase hex digits (a SHA-256 digest) or an empty string"


def checked(default: Any, check: Check, **kw: Any) -> Any:
    """A dataclass field with a value check."""
    if isinstance(default, list | dict | set):  # pragma: no cover - guard against misuse
        raise TypeError("use tuples for sequence defaults")
    return field(default=default, metadata={"check": check}, **kw)


# The schema ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeConfig:
    name: str = field(default_factory=socket.gethostname, metadata={"check": _nonempty})
    data_dir: Path = Path()
    mode: Mode = "test"
    # TCP traps served by this many worker processes sharing each listening socket (0: in
    # the daemon's own reactor); honeymesh.workers, docs/TRAPS.md "Trap workers".
    workers: int = checked(0, lambda n: None if 0 <= n <= 64 else "0 to 64 worker processes")


@dataclass(frozen=True)
class LogConfig:
    json_file: Path = Path("log/honeymesh.jsonl")
    max_bytes: int = checked(10 * 1024 * 1024, _positive)
    keep: int = checked(5, _positive)
    level: Literal["debug", "info", "warn", "error"] = "info"


@dataclass(frozen=True)
class StoreConfig:
    path: Path = Path("honeymesh.db")
    synchronous: Literal["full", "normal"] = "full"
    batch_max: int = checked(5000, _positive)
    max_backlog: int = checked(50_000, _positive)
    event_retention_days: float = checked(30.0, _positive)
    event_max_rows: int = checked(1_000_000, _positive)
    retention_interval: float = checked(300.0, _positive)


@dataclass(frozen=True)
class ApiConfig:
    address: str = checked("127.0.0.1", _ip)
    port: int = checked(8443, _port)
    tls_cert: Path = Path("tls/dashboard.crt")
    tls_key: Path = Path("tls/dashboard.key")
    admin_token_sha256: str = checked("", _sha256_hex)


def _not_negative_number(value: float) -> str | None:
    return None if value >= 0 else "a number of at least 0"


@dataclass(frozen=True)
class KernelConfig:
    interfaces: tuple[str, ...] = checked((), _ifname)
    admin_networks: tuple[str, ...] = checked(("127.0.0.0/8", "::1/128"), _admin_networks)
    attach_mode: Literal["native", "generic"] = "native"
    fallback: Literal["nftables", "none"] = "nftables"
    max_ipv4_bans: int = checked(1_048_576, _positive)
    max_ipv6_bans: int = checked(262_144, _positive)
    max_ranges: int = checked(65_536, _positive)
    max_allows: int = checked(16_384, _positive)
    sample_rate: float = checked(100.0, _not_negative_number)
    sample_burst: int = checked(20, _positive)
    # In enforce mode a banned source still reaches the ports traps serve (its trap session goes
    # on and keeps recording); everything else on the node is shut to it. Never in lockdown.
    traps_open_to_banned: bool = True


def _trap_score(value: float) -> str | None:
    return None if 0 <= value <= 100 else "a score from 0 to 100 (0: no verdict)"


def _credentials(values: tuple[str, ...]) -> str | None:
    for v in values:
        user, sep, _ = v.partition(":")
        if not sep or not user:
            return f'"user:password" pairs ({v!r} is not one)'
    return None


# Debian's /etc/ftpusers: vsftpd's PAM stack (pam_listfile) refuses these users whatever their
# password, so an FTP trap that claims vsftpd on Debian refuses them too.
FTPUSERS = frozenset(
    ["root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "nobody"]
)


def _ftp_credentials(values: tuple[str, ...]) -> str | None:
    if (problem := _credentials(values)) is not None:
        return problem
    for v in values:
        user = v.partition(":")[0]
        if user in FTPUSERS or user in ("anonymous", "ftp"):
            return (
                f"logins vsftpd can accept ({user!r} never logs in: Debian's /etc/ftpusers and"
                " anonymous_enable=NO refuse root, system accounts, anonymous and ftp)"
            )
    return None


def _dns_records(values: tuple[str, ...]) -> str | None:
    for v in values:
        name, sep, address = v.partition("=")
        if not sep or not name.strip(".") or _ip(address):
            return f'"name=address" records such as "www.example.net=192.0.2.10" ({v!r} is not one)'
    return None


def _dns_names(values: tuple[str, ...]) -> str | None:
    ok = all(v.strip(".") and " " not in v for v in values)
    return None if ok else "host names such as ns1.example.net"


def _communities(values: tuple[str, ...]) -> str | None:
    return None if values and all(values) else "at least one non-empty community string"


def _oid(value: str) -> str | None:
    parts = value.split(".")
    ok = len(parts) >= 2 and all(p.isdigit() and p.isascii() for p in parts)
    return None if ok else "a dotted object identifier such as 1.3.6.1.4.1.8072.3.2.10"


@dataclass(frozen=True)
class StreamTrapLimits:
    """What every TCP trap shares: where it listens, its limits, and its contact verdict."""

    bind: tuple[str, ...] = checked(("0.0.0.0", "::"), _ips)  # noqa: S104 - a trap listens widely
    idle_timeout: float = checked(30.0, _positive)
    session_timeout: float = checked(120.0, _positive)
    max_bytes: int = checked(64 * 1024, _positive)
    max_connections: int = checked(512, _positive)
    max_per_source: int = checked(16, _positive)
    hit_score: float = checked(0.0, _trap_score)


@dataclass(frozen=True)
class LoginTrapLimits(StreamTrapLimits):
    """A TCP trap that asks for credentials: a login attempt is a verdict of ``login_score``."""

    login_score: float = checked(100.0, _trap_score)


@dataclass(frozen=True)
class ShellPersona(LoginTrapLimits):
    """A login trap with a fake shell: what the box claims to be, and which logins open it."""

    # Empty: this node's own (traps/facts.py), so no two nodes share a name; set to fix one.
    hostname: str = ""
    kernel: str = checked("6.1.0-28-amd64", _nonempty)
    os_name: str = checked("Debian GNU/Linux 12 (bookworm)", _nonempty)
    credentials: tuple[str, ...] = checked(
        ("root:root", "root:123456", "admin:admin", "pi:raspberry", "ubuntu:ubuntu"),
        _credentials,
    )


@dataclass(frozen=True)
class BannerTrapConfig(StreamTrapLimits):
    """A generic TCP trap: greets with a banner, records what the client sends."""

    name: str = checked("banner", _nonempty)
    type: Literal["banner"] = "banner"
    ports: tuple[int, ...] = checked((2323,), _ports)
    # Empty: Postfix's greeting naming this node's own mail host (traps/facts.py).
    banner: str = ""


@dataclass(frozen=True)
class SshTrapConfig(ShellPersona):
    """SSH (Twisted Conch): a real key exchange, password capture, a fake shell for weak logins."""

    name: str = checked("ssh", _nonempty)
    type: Literal["ssh"] = "ssh"
    ports: tuple[int, ...] = checked((22,), _ports)
    # The server claimed: its identification string and every algorithm list, exactly as the
    # real one's (honeymesh.detection.traps.ssh.PERSONAS); only personas whose lists are all
    # served, so no free-form version string that the lists would contradict.
    persona: Literal["dropbear-2022.83"] = "dropbear-2022.83"
    host_key_dir: Path = Path("traps/ssh")
    session_timeout: float = checked(600.0, _positive)
    # Seconds to log in, however busy the client keeps the connection: Dropbear's
    # AUTH_TIMEOUT (300 s; measured: "Exit before auth: Timeout before auth" at 300.1 s).
    login_grace: float = checked(300.0, _positive)
    max_bytes: int = checked(1024 * 1024, _positive)


@dataclass(frozen=True)
class TelnetTrapConfig(ShellPersona):
    """Telnet: Debian 12's telnetd (GNU inetutils 2.4) and login(1), then the fake shell."""

    name: str = checked("telnet", _nonempty)
    type: Literal["telnet"] = "telnet"
    ports: tuple[int, ...] = checked((23,), _ports)
    # Empty: telnetd's own host line, "\r\nLinux <kernel> (<hostname>) (pts/0)\r\n\r\n" (it
    # prints no /etc/issue.net); set: printed in its place, before the login prompt.
    banner: str = ""
    # Longer than login's LOGIN_TIMEOUT (60 s, the login grace), so that a client idle at the
    # login prompt hears login's "Login timed out" as from the real one, not a reset at 30 s.
    idle_timeout: float = checked(120.0, _positive)
    session_timeout: float = checked(600.0, _positive)
    # telnetd hands the connection to login(1), which gives up after LOGIN_TIMEOUT: 60 s in
    # Debian 12's /etc/login.defs.
    login_grace: float = checked(60.0, _positive)


@dataclass(frozen=True)
class WebPersona(LoginTrapLimits):
    """What the HTTP trap (plain, or inside TLS) says it is."""

    # What Debian 12's apache2 2.4.71-1~deb12u1 sends (ServerTokens OS in security.conf).
    server: str = checked("Apache/2.4.71 (Debian)", _nonempty)
    powered_by: str = ""
    hostname: str = ""  # empty: this node's own web host name (traps/facts.py)
    title: str = ""  # empty: this node's own site title (traps/facts.py)
    max_body: int = checked(16 * 1024, _positive)
    # The one application the site runs (honeymesh.detection.traps.websites).
    site: Literal["default", "wordpress", "phpmyadmin", "laravel"] = "default"


@dataclass(frozen=True)
class HttpTrapConfig(WebPersona):
    """HTTP: a plausible web server with login pages and the files scanners look for."""

    name: str = checked("http", _nonempty)
    type: Literal["http"] = "http"
    ports: tuple[int, ...] = checked((80,), _ports)


@dataclass(frozen=True)
class TlsTrapConfig(WebPersona):
    """TLS: fingerprints the ClientHello (JA4, JA3), completes the handshake, serves HTTP inside."""

    name: str = checked("https", _nonempty)
    type: Literal["tls"] = "tls"
    ports: tuple[int, ...] = checked((443,), _ports)
    tls_cert: str = ""
    tls_key: str = ""


@dataclass(frozen=True)
class FtpTrapConfig(LoginTrapLimits):
    """FTP: greeting, USER/PASS capture; a logged-in user browses the fake machine and
    downloads over passive data connections; nothing is stored, the trap never connects out."""

    name: str = checked("ftp", _nonempty)
    type: Literal["ftp"] = "ftp"
    ports: tuple[int, ...] = checked((21,), _ports)
    banner: str = checked("220 (vsFTPd 3.0.3)", _nonempty)
    credentials: tuple[str, ...] = checked((), _ftp_credentials)
    # Passive data ports (vsftpd's pasv_min_port, pasv_max_port); empty: 64 ports of this
    # node's own within 40000-59199. Banned clients still reach them, as the trap's ports.
    passive_ports: tuple[int, ...] = checked((), _passive_ports)
    # vsftpd has no login grace of its own, only idle_session_timeout (300 s of silence, which
    # a slow drip resets) and data_connection_timeout; so the trap's default session timeout,
    # which a raised session_timeout does not stretch for clients that never log in.
    login_grace: float = checked(120.0, _positive)


@dataclass(frozen=True)
class SmtpTrapConfig(LoginTrapLimits):
    """SMTP: EHLO, AUTH PLAIN/LOGIN capture, MAIL/RCPT/DATA recorded, relaying refused."""

    name: str = checked("smtp", _nonempty)
    type: Literal["smtp"] = "smtp"
    ports: tuple[int, ...] = checked((25,), _ports)
    hostname: str = ""  # empty: this node's own mail host name (traps/facts.py)
    banner: str = checked("ESMTP Postfix (Debian/GNU)", _nonempty)
    max_body: int = checked(16 * 1024, _positive)
    # Offer STARTTLS with the persona's own certificate, as Debian's Postfix does with the
    # snakeoil certificate ssl-cert made at install time (main.cf.tls).
    starttls: bool = True


@dataclass(frozen=True)
class RedisTrapConfig(LoginTrapLimits):
    """Redis (RESP): AUTH, CONFIG SET, SLAVEOF/REPLICAOF and MODULE LOAD are recorded, never run."""

    name: str = checked("redis", _nonempty)
    type: Literal["redis"] = "redis"
    ports: tuple[int, ...] = checked((6379,), _ports)
    version: str = checked("7.0.15", _nonempty)
    os: str = checked("Linux 6.1.0-28-amd64 x86_64", _nonempty)
    password: str = ""
    # Only with a password (without one there is nothing to log in to). Redis has no login
    # grace (Debian's redis.conf: timeout 0), so the trap's default session timeout.
    login_grace: float = checked(120.0, _positive)


@dataclass(frozen=True)
class MysqlTrapConfig(LoginTrapLimits):
    """MySQL: a protocol v10 greeting, the login packet parsed, access always denied."""

    name: str = checked("mysql", _nonempty)
    type: Literal["mysql"] = "mysql"
    ports: tuple[int, ...] = checked((3306,), _ports)
    # Debian 12's mariadb-server 10.11 as its mariadbd greets (the persona diffed against it,
    # tests/fidelity/test_mysql.py); a MySQL version such as "8.0.40" gets MySQL 8's greeting.
    version: str = checked("5.5.5-10.11.19-MariaDB-0+deb12u1", _nonempty)
    credentials: tuple[str, ...] = checked((), _credentials)
    # MySQL 8.0's and MariaDB 10.11's connect_timeout (10 s): the time a client has to send
    # its login packets. No login ever succeeds here, so this bounds every session.
    login_grace: float = checked(10.0, _positive)


@dataclass(frozen=True)
class DatagramTrapLimits:
    """What every UDP trap shares: where it listens, per-source rate, and its contact verdict."""

    bind: tuple[str, ...] = checked(("0.0.0.0", "::"), _ips)  # noqa: S104 - a trap listens widely
    # 64: a whole snmpwalk of Debian's default view (46 requests back to back) or a dig
    # session is answered at once, as by the real server; the byte budget bounds reflection.
    max_per_source: int = checked(64, _positive)
    max_sources: int = checked(4096, _positive)
    # The reflection budget: bytes of replies per second to one address, and its burst.
    reply_rate: int = checked(2048, _positive)
    reply_burst: int = checked(8192, _positive)
    hit_score: float = checked(0.0, _trap_score)


@dataclass(frozen=True)
class DatagramLoginLimits(DatagramTrapLimits):
    """A UDP trap that is sent credentials (a SIP digest, an SNMP community): each attempt is a
    verdict of ``login_score``, as a login attempt on a TCP trap is, so guessing scores the same
    whatever the protocol."""

    login_score: float = checked(100.0, _trap_score)


@dataclass(frozen=True)
class DnsTrapConfig(DatagramTrapLimits):
    """DNS over UDP and TCP: an authoritative server for one zone that answers as BIND 9.18
    does (dns.py), version.bind included; flags amplification probes and zone transfers."""

    name: str = checked("dns", _nonempty)
    type: Literal["dns"] = "dns"
    ports: tuple[int, ...] = checked((53,), _ports)
    # Empty: the zone's apex, web, mail and name server at this node's own addresses.
    records: tuple[str, ...] = checked((), _dns_records)
    ttl: int = checked(300, _positive)
    # The zone served (records outside it are not served: REFUSED, as named), its SOA and NS.
    # Empty: this node's own domain, name server and hostmaster (traps/facts.py).
    zone: str = ""
    nameservers: tuple[str, ...] = checked((), _dns_names)
    hostmaster: str = ""
    serial: int = checked(2024061501, _positive)
    # What version.bind and hostname.bind say (Debian 12's named: its package version).
    version: str = checked("9.18.49-1~deb12u3-Debian", _nonempty)
    hostname: str = ""  # empty: this node's own host name, as gethostname() gives named
    # DNS over TCP on the same ports (TC retries, AXFR), with these limits.
    tcp: bool = True
    tcp_max_connections: int = checked(64, _positive)
    tcp_idle_timeout: float = checked(30.0, _positive)  # named's tcp-idle-timeout


@dataclass(frozen=True)
class SipTrapConfig(DatagramLoginLimits):
    """SIP over UDP: OPTIONS, REGISTER and INVITE as the persona's server answers them, with
    the caller, digest credentials and known scanners recorded."""

    name: str = checked("sip", _nonempty)
    type: Literal["sip"] = "sip"
    ports: tuple[int, ...] = checked((5060,), _ports)
    # The server claimed (honeymesh.detection.traps.sip.PERSONAS): kamailio as Debian 12's
    # package and shipped kamailio.cfg answer (diffed against it: tests/fidelity/test_sip.py).
    persona: Literal["kamailio-5.6.3"] = "kamailio-5.6.3"
    # SIP over TCP on the same ports too, as the package's kamailio
    # listens (tcp_connection_lifetime 3605 s in its kamailio.cfg: the idle timeout).
    tcp: bool = True
    tcp_max_connections: int = checked(64, _positive)
    tcp_idle_timeout: float = checked(3605.0, _positive)


@dataclass(frozen=True)
class SnmpTrapConfig(DatagramLoginLimits):
    """SNMP v1/v2c over UDP as Debian 12's snmpd: the system and hrSystem groups for the
    configured communities, silence for others, net-snmp's report to a v3 discovery."""

    name: str = checked("snmp", _nonempty)
    type: Literal["snmp"] = "snmp"
    ports: tuple[int, ...] = checked((161,), _ports)
    communities: tuple[str, ...] = checked(("public",), _communities)
    # Empty (these four and boot_parameters): uname -a of this node's own host, its own name,
    # contact, location and root file system (traps/facts.py); set one to fix it.
    sys_descr: str = ""
    sys_object_id: str = checked("1.3.6.1.4.1.8072.3.2.10", _oid)
    sys_name: str = ""
    sys_contact: str = ""
    sys_location: str = ""
    # hrSystemInitialLoadParameters: the kernel command line.
    boot_parameters: str = ""


TrapConfig = (
    BannerTrapConfig
    | SshTrapConfig
    | TelnetTrapConfig
    | HttpTrapConfig
    | TlsTrapConfig
    | FtpTrapConfig
    | SmtpTrapConfig
    | RedisTrapConfig
    | MysqlTrapConfig
    | DnsTrapConfig
    | SipTrapConfig
    | SnmpTrapConfig
)
TRAP_TYPES: Mapping[str, type[Any]] = types.MappingProxyType(
    {
        "banner": BannerTrapConfig,
        "ssh": SshTrapConfig,
        "telnet": TelnetTrapConfig,
        "http": HttpTrapConfig,
        "tls": TlsTrapConfig,
        "ftp": FtpTrapConfig,
        "smtp": SmtpTrapConfig,
        "redis": RedisTrapConfig,
        "mysql": MysqlTrapConfig,
        "dns": DnsTrapConfig,
        "sip": SipTrapConfig,
        "snmp": SnmpTrapConfig,
    }
)


def _default_traps() -> tuple[TrapConfig, ...]:
    return (BannerTrapConfig(),)


@dataclass(frozen=True)
class DetectionConfig:
    """Scan correlation, payload scoring and fingerprint reputation; docs/CONFIG.md [detection]."""

    scan_ports: int = checked(12, _positive)
    scan_window: float = checked(60.0, _positive)
    slow_scan_ports: int = checked(20, _positive)
    slow_scan_window: float = checked(600.0, _positive)
    sweep_addresses: int = checked(8, _positive)
    sweep_window: float = checked(300.0, _positive)
    scan_score: float = checked(90.0, _trap_score)
    max_sources: int = checked(65536, _positive)
    payload_threshold: float = checked(40.0, _trap_score)
    rules: str = ""
    reputation: str = ""
    repeat_after: float = checked(300.0, _positive)

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        if self.slow_scan_window <= self.scan_window:
            return "slow_scan_window", "longer than detection.scan_window"
        return None


def _points(value: float) -> str | None:
    return None if 0 <= value <= 100 else "a number of trust points from 0 to 100"


def _start_level(value: int) -> str | None:
    return None if value in (0, 1, 2) else "0, 1 or 2 (level 3 is only ever given by an operator)"


@dataclass(frozen=True)
class TrustConfig:
    """Peer trust (BTL): how much a mesh peer's signals may do. docs/TRUST.md explains the model."""

    start_level: int = checked(0, _start_level)
    l1_threshold: float = checked(40.0, _points)
    l2_threshold: float = checked(80.0, _points)
    baseline: float = checked(30.0, _points)
    half_life: float = checked(3 * 86400.0, _positive)
    corroboration_window: float = checked(600.0, _positive)
    min_corroborators: int = checked(1, _positive)
    max_held: int = checked(1000, _positive)
    max_held_per_peer: int = checked(50, _positive)
    corroboration_reward: float = checked(2.0, _points)
    corroboration_cap: float = checked(75.0, _points)
    confirmation_reward: float = checked(5.0, _points)
    contradiction_penalty: float = checked(20.0, _points)
    allowlist_penalty: float = checked(10.0, _points)
    canary_penalty: float = checked(100.0, _points)
    canary_quarantine: float = checked(7 * 86400.0, _positive)
    canary_addresses: tuple[str, ...] = checked((), _networks)
    solo_ban_budget: int = checked(1, _positive)
    solo_refill: float = checked(3 * 86400.0, _positive)
    support_deadline: float = checked(3600.0, _positive)
    unsupported_penalty: float = checked(15.0, _points)
    claim_memory: float = checked(86400.0, _positive)
    max_claims: int = checked(100_000, _positive)
    tick_interval: float = checked(60.0, _positive)

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        if not 0 < self.l1_threshold < self.l2_threshold:
            return "l2_threshold", "greater than trust.l1_threshold, itself greater than 0"
        if self.max_held_per_peer > self.max_held:
            return "max_held_per_peer", "at most trust.max_held"
        if self.claim_memory < max(self.corroboration_window, self.support_deadline):
            return "claim_memory", "at least trust.corroboration_window and trust.support_deadline"
        return None


def _cluster_id(value: str) -> str | None:
    ok = value == "" or (
        len(value) <= 64 and all(c.isascii() and (c.isalnum() or c in "._-") for c in value)
    )
    return None if ok else "an empty string or 1 to 64 of A-Z a-z 0-9 . _ -"


def _nonempty_all(values: tuple[str, ...]) -> str | None:
    return None if all(v.strip() for v in values) else "non-empty strings"


@dataclass(frozen=True)
class LicenseConfig:
    """The license file and the clock-rollback rule; docs/LICENSING.md explains both."""

    path: Path = Path("license.json")
    trusted_keys: tuple[str, ...] = checked((), _nonempty_all)  # key files or ed25519:ID:B64
    clock_tolerance: float = checked(3600.0, _positive)
    check_interval: float = checked(300.0, _positive)


def _publish_origins(value: tuple[str, ...]) -> str | None:
    ok = set(value) <= {"local", "operator"}
    return None if ok else 'a list drawn from "local" and "operator"'


@dataclass(frozen=True)
class SharingConfig:
    """Trusted Network Sharing (the mesh): needs a Pro license and this explicit opt-in."""

    enabled: bool = False
    publish: bool = True
    consume: bool = True
    cluster_id: str = checked("", _cluster_id)
    # The classification level this node publishes at (L1 indicator only, L2 + fingerprints,
    # L3 + aggregated behaviour, L4 + sanitized payload excerpts) and the highest it relays.
    level: Literal["L1", "L2", "L3", "L4"] = "L2"
    max_level_out: Literal["L1", "L2", "L3", "L4"] = "L2"
    # Bans on internal addresses (RFC 1918, loopback, link-local, ULA, CGNAT) stay local.
    publish_internal: bool = False
    # Which of this node's own bans become signals: made by detection ("local"), by an
    # operator ("operator"). Bans learned from the mesh are never re-published as ours.
    publish_origins: tuple[str, ...] = checked(("local", "operator"), _publish_origins)


# host:port as membership records carry it (honeymesh.mesh.membership): [v6]:port, or an IPv4
# address or DNS name and a port.
_HOST_PORT = re.compile(r"(\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9][A-Za-z0-9.-]*):([0-9]{1,5})")


def _mesh_address(value: tuple[str, ...]) -> str | None:
    for item in value:
        m = _HOST_PORT.fullmatch(item)
        if m is None or len(item) > 80 or not 0 < int(m.group(2)) < 65536:
            return "a list of host:port strings (IPv6 as [addr]:port), each at most 80 long"
    return None if len(value) <= 8 else "at most 8 host:port strings"


@dataclass(frozen=True)
class MeshConfig:
    """The mesh's transport and gossip (used only when sharing runs). docs/MESH.md explains."""

    address: str = checked("0.0.0.0", _ip)  # noqa: S104 - the mesh listens on every interface
    port: int = checked(7946, _port)
    # Where peers reach this node; empty: address:port (which must then not be a wildcard).
    advertise: tuple[str, ...] = checked((), _mesh_address)
    degree: int = checked(6, _positive)  # connections this node dials (GossipSub D)
    max_peers: int = checked(16, _positive)  # connections in all, inbound included
    fanout: int = checked(6, _positive)  # peers each accepted signal is relayed to
    heartbeat: float = checked(1.0, _positive)  # seconds between heartbeats
    peer_timeout: float = checked(5.0, _positive)  # no frame for this long: the peer is dead
    handshake_timeout: float = checked(5.0, _positive)  # TLS + hello must finish in this
    sync_interval: float = checked(10.0, _positive)  # full catch-up exchange with one peer
    max_signal_age: float = checked(7 * 86400.0, _positive)  # longest life of a signal
    clock_skew: float = checked(30.0, _positive)  # a publisher's clock may run this far ahead
    rate_burst: int = checked(200, _positive)  # per publisher
    rate_per_minute: int = checked(1200, _positive)  # per publisher
    max_remote_ban: float = checked(7 * 86400.0, _positive)  # cap on a remote ban's length
    # false: a leaf that publishes and consumes but relays nothing and answers no catch-up.
    relay: bool = True

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        if self.peer_timeout <= 2 * self.heartbeat:
            return "peer_timeout", "more than twice mesh.heartbeat (a late beat is not a death)"
        if self.fanout > self.max_peers or self.degree > self.max_peers:
            return "max_peers", "at least mesh.degree and mesh.fanout"
        return None


def _score(value: float) -> str | None:
    return None if 0 <= value <= 100 else "a score from 0 to 100"


def _score_or_inherit(value: float) -> str | None:
    ok = value == -1 or 0 <= value <= 100
    return None if ok else "a score from 0 to 100, or -1 to use policy.ban_threshold"


_TEN_YEARS = 10 * 365 * 86400.0


def _ban_seconds(value: float) -> str | None:
    return None if 0 < value <= _TEN_YEARS else "a number of seconds from 1 to ten years"


def _ban_seconds_or_inherit(value: float) -> str | None:
    ok = value == -1 or 0 < value <= _TEN_YEARS
    return None if ok else "seconds from 1 to ten years, or -1 to use policy.ban_duration"


def _multiplier(value: float) -> str | None:
    return None if 1 <= value <= 1000 else "a multiplier from 1 (no escalation) to 1000"


def _not_negative(value: int) -> str | None:
    return None if value >= 0 else "0 or more"


def _ipv6_prefix(value: int) -> str | None:
    return None if 16 <= value <= 128 else "a prefix length from 16 to 128"


@dataclass(frozen=True)
class DetectorPolicyConfig:
    """Overrides for the verdicts of one detector (``Verdict.detector``); -1 inherits."""

    name: str = ""
    threshold: float = checked(-1.0, _score_or_inherit)
    duration: float = checked(-1.0, _ban_seconds_or_inherit)
    permanent: bool = False
    ban: bool = True


@dataclass(frozen=True)
class PolicyConfig:
    """How verdicts become bans: thresholds, durations, escalation. docs/CONFIG.md [policy]."""

    ban_threshold: float = checked(70.0, _score)
    ban_duration: float = checked(3600.0, _ban_seconds)
    escalation_multiplier: float = checked(4.0, _multiplier)
    max_ban_duration: float = checked(7 * 86400.0, _ban_seconds)
    offence_window: float = checked(30 * 86400.0, _ban_seconds)
    permanent_after: int = checked(0, _not_negative)
    ipv6_prefix: int = checked(64, _ipv6_prefix)
    housekeeping_interval: float = checked(1.0, _positive)
    # A mesh ban that rested on a peer later caught lying: "lift" it, or "flag" it for review.
    suspect_mesh_bans: Literal["lift", "flag"] = "lift"
    detectors: tuple[DetectorPolicyConfig, ...] = ()

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        if self.max_ban_duration < self.ban_duration:
            return "max_ban_duration", "at least policy.ban_duration"
        seen: set[str] = set()
        for i, detector in enumerate(self.detectors):
            if not detector.name.strip():
                return f"detectors[{i}].name", "the name of a detector (Verdict.detector)"
            if detector.name in seen:
                return f"detectors[{i}].name", f"a name not used before ({detector.name!r} is)"
            seen.add(detector.name)
        return None


# Outputs: events to a SIEM (honeymesh/outputs, docs/OUTPUTS.md) ------------------------------

OutputKind = Literal["observation", "verdict", "decision", "notice"]
SyslogFacility = Literal[
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
    "authpriv", "ftp", "ntp", "audit", "alert", "clock",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
]  # fmt: skip


def _event_globs(values: tuple[str, ...]) -> str | None:
    from honeymesh.outputs.selection import unmatched_glob  # noqa: PLC0415 - no cycle at import

    if not values:
        return 'at least one event id or glob (["*"]: every event)'
    wrong = unmatched_glob(values)
    return None if wrong is None else f"event ids or globs such as 'trap.*' ({wrong!r} names none)"


def _printusascii(most: int) -> Check:
    def check(value: str) -> str | None:
        ok = 0 < len(value) <= most and all("!" <= c <= "~" for c in value)
        return None if ok else f"1 to {most} printable ASCII characters without spaces"

    return check


def _syslog_hostname(value: str) -> str | None:
    return None if value == "" else _printusascii(255)(value)


def _server_port(value: int) -> str | None:
    return None if 0 < value <= 65535 else "a port from 1 to 65535"


def _message_size(value: int) -> str | None:
    return None if 1024 <= value <= 65000 else "a size in bytes from 1024 to 65000"


_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def _headers(values: tuple[str, ...]) -> str | None:
    for v in values:
        name, sep, text = v.partition(":")
        if not sep or not _HEADER_NAME.fullmatch(name) or any(c in text for c in "\r\n\0"):
            return f'"Name: value" HTTP headers ({v!r} is not one)'
    return None


@dataclass(frozen=True)
class OutputSelection:
    """What every output shares: which events it sends, and how many it may hold back."""

    events: tuple[str, ...] = checked(("*",), _event_globs)
    kinds: tuple[OutputKind, ...] = ()
    max_queue: int = checked(10_000, _positive)


@dataclass(frozen=True)
class SyslogOutputConfig(OutputSelection):
    """RFC 5424 syslog over UDP (RFC 5426), TCP (RFC 6587) or TLS (RFC 5425)."""

    name: str = checked("syslog", _nonempty)
    type: Literal["syslog"] = "syslog"
    address: str = checked("127.0.0.1", _nonempty)
    port: int = checked(514, _server_port)
    transport: Literal["udp", "tcp", "tls"] = "udp"
    ca: str = ""
    server_name: str = ""
    facility: SyslogFacility = "local0"
    app_name: str = checked("honeymesh", _printusascii(48))
    hostname: str = checked("", _syslog_hostname)
    enterprise_number: int = checked(32473, _positive)
    max_message: int = checked(8192, _message_size)

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        if self.transport == "udp" and _ip(self.address):
            return "address", "an IP address for transport 'udp' (a host name needs tcp or tls)"
        if self.transport != "tls" and (self.ca or self.server_name):
            key = "ca" if self.ca else "server_name"
            return key, "empty unless transport = 'tls'"
        return None


@dataclass(frozen=True)
class WebhookOutputConfig(OutputSelection):
    """JSON batches POSTed to a URL, retried with backoff."""

    name: str = checked("webhook", _nonempty)
    type: Literal["webhook"] = "webhook"
    url: str = ""
    allow_http: bool = False
    headers: tuple[str, ...] = checked((), _headers)
    ca: str = ""
    batch: int = checked(100, _positive)
    interval: float = checked(1.0, _positive)
    timeout: float = checked(10.0, _positive)
    max_backoff: float = checked(60.0, _positive)

    def problem(self) -> tuple[str, str] | None:
        """A check across keys: (the key at fault, what it should be), or None."""
        from urllib.parse import urlsplit  # noqa: PLC0415

        try:
            parts = urlsplit(self.url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError:
            return "url", f"an https:// URL (not {self.url!r})"
        schemes = ("https", "http") if self.allow_http else ("https",)
        if parts.scheme not in schemes or not parts.hostname:
            why = "" if self.allow_http or parts.scheme != "http" else " (or allow_http = true)"
            return "url", f"an https:// URL{why}, not {self.url!r}"
        if self.ca and parts.scheme != "https":
            return "ca", "empty for an http:// URL"
        return None


OutputConfig = SyslogOutputConfig | WebhookOutputConfig
OUTPUT_TYPES: Mapping[str, type[Any]] = types.MappingProxyType(
    {"syslog": SyslogOutputConfig, "webhook": WebhookOutputConfig}
)


Tlp = Literal["clear", "green", "amber", "amber+strict", "red"]


@dataclass(frozen=True)
class StixConfig:
    """How this node's intelligence is marked in STIX and TAXII (docs/STIX.md): the TLP 2.0
    marking for each classification level. TLP says who may see a thing, which is not the same
    question as how much a signal carries (L1-L4), so the table is the operator's to set."""

    tlp_l1: Tlp = "clear"
    tlp_l2: Tlp = "green"
    tlp_l3: Tlp = "amber"
    tlp_l4: Tlp = "amber+strict"

    def table(self) -> dict[str, str]:
        return {"L1": self.tlp_l1, "L2": self.tlp_l2, "L3": self.tlp_l3, "L4": self.tlp_l4}


@dataclass(frozen=True)
class Config:
    node: NodeConfig = field(default_factory=NodeConfig)
    log: LogConfig = field(default_factory=LogConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    api: ApiConfig = field(default_factory=ApiConfig)
    kernel: KernelConfig = field(default_factory=KernelConfig)
    traps: tuple[TrapConfig, ...] = field(default_factory=_default_traps)
    trust: TrustConfig = field(default_factory=TrustConfig)
    license: LicenseConfig = field(default_factory=LicenseConfig)
    sharing: SharingConfig = field(default_factory=SharingConfig)
    mesh: MeshConfig = field(default_factory=MeshConfig)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    detection: DetectionConfig = field(default_factory=DetectionConfig)
    outputs: tuple[OutputConfig, ...] = ()
    stix: StixConfig = field(default_factory=StixConfig)
    source: Path = field(default=Path("<defaults>"), metadata={"toml": False})

    def data_path(self, relative: Path) -> Path:
        """A path from the config, resolved against the data directory."""
        return relative if relative.is_absolute() else self.node.data_dir / relative

    def with_interfaces(self, extra: tuple[str, ...]) -> Config:
        merged = tuple(dict.fromkeys(self.kernel.interfaces + extra))
        return dataclasses.replace(self, kernel=dataclasses.replace(self.kernel, interfaces=merged))


# Loading ---------------------------------------------------------------------------------------

DEFAULT_CONFIG = Path("var/honeymesh.toml")


def default_config_path() -> Path:
    """Where the CLI and twistd look without --config: $HONEYMESH_CONFIG or ./var."""
    return Path(os.environ.get("HONEYMESH_CONFIG", DEFAULT_CONFIG))


def load_config(path: Path | str) -> Config:
    """Read and validate a TOML config file; raises ConfigError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, "", "no such file (create one with `honeymesh init`)") from None
    except OSError as e:
        raise ConfigError(path, "", f"cannot read: {e.strerror}") from None
    return loads_config(raw, path)


def loads_config(raw: bytes, path: Path) -> Config:
    """The config in ``raw``, the bytes of the file at ``path`` (named in errors, and the base
    of a relative ``node.data_dir``); raises ConfigError and nothing else."""
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, "", f"not valid TOML: {e}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError(path, "", "not valid TOML: arrays or tables nested too deeply") from None
    except ValueError as e:  # an integer past int()'s digit limit (4300 digits)
        raise ConfigError(path, "", f"not a TOML document this reader accepts ({e})") from None
    return parse_config(doc, path)


def parse_config(doc: Mapping[str, Any], path: Path) -> Config:
    config: Config = _build(Config, doc, "", path)
    data_dir = config.node.data_dir
    if not data_dir.is_absolute():
        data_dir = (path.parent / data_dir).resolve()
    node = dataclasses.replace(config.node, data_dir=data_dir)
    names = [t.name for t in config.traps]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup is not None:
        raise ConfigError(path, "traps", f"trap names must be unique ({dup!r} appears twice)")
    detection_problem = config.detection.problem()
    if detection_problem is not None:
        key, expected = detection_problem
        raise ConfigError(path, f"detection.{key}", f"expected {expected}")
    trust_problem = config.trust.problem()
    if trust_problem is not None:
        key, expected = trust_problem
        raise ConfigError(path, f"trust.{key}", f"expected {expected}")
    mesh_problem = config.mesh.problem()
    if mesh_problem is not None:
        key, expected = mesh_problem
        raise ConfigError(path, f"mesh.{key}", f"expected {expected}")
    if config.sharing.level > config.sharing.max_level_out:
        raise ConfigError(path, "sharing.max_level_out", "expected at least sharing.level")
    policy_problem = config.policy.problem()
    if policy_problem is not None:
        key, expected = policy_problem
        raise ConfigError(path, f"policy.{key}", f"expected {expected}")
    outputs = [o.name for o in config.outputs]
    dup = next((n for n in outputs if outputs.count(n) > 1), None)
    if dup is not None:
        raise ConfigError(path, "outputs", f"output names must be unique ({dup!r} appears twice)")
    for i, output in enumerate(config.outputs):
        output_problem = output.problem()
        if output_problem is not None:
            key, expected = output_problem
            raise ConfigError(path, f"outputs[{i}].{key}", f"expected {expected}")
    return dataclasses.replace(config, node=node, source=path)


#: The schema's annotations, resolved once: they are strings (``from __future__ import
#: annotations``), and evaluating them on every table was half the time of a load.
#: (A cast: mypy does not take a class as the Hashable that functools.cache's wrapper asks for.)
_type_hints = typing.cast(
    Callable[[type[Any]], dict[str, Any]], functools.cache(typing.get_type_hints)
)


#: Keys an earlier release had, with what replaced them: an old configuration gets told what
#: to write instead, not only that the key is unknown.
_REPLACED: dict[tuple[str, str], str] = {
    ("SshTrapConfig", "version"): 'replaced by persona (e.g. persona = "dropbear-2022.83")',
    ("SipTrapConfig", "server"): ('replaced by persona (persona = "kamailio-5.6.3", the default)'),
    ("SipTrapConfig", "realm"): (
        "removed with the asterisk persona (Debian 12's kamailio, the SIP persona, asks for no"
        " digest)"
    ),
}


def _build(cls: type[Any], table: Any, where: str, path: Path) -> Any:
    if not isinstance(table, Mapping):
        raise ConfigError(path, where, f"expected a table, got {_describe(table)}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.metadata.get("toml", True)}
    for key in table:
        if key not in fields:
            replaced = _REPLACED.get((cls.__name__, key))
            if replaced is not None:
                raise ConfigError(path, _join(where, key), replaced)
            known = ", ".join(sorted(fields))
            raise ConfigError(path, _join(where, key), f"unknown key (known here: {known})")
    hints = _type_hints(cls)
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in table:
            continue
        key = _join(where, name)
        value = _convert(hints[name], table[name], key, path)
        check: Check | None = f.metadata.get("check")
        problem = check(value) if check else None
        if problem:
            raise ConfigError(path, key, f"expected {problem}, got {table[name]!r}")
        values[name] = value
    return cls(**values)


def _convert(tp: Any, value: Any, key: str, path: Path) -> Any:  # noqa: PLR0911, PLR0912
    origin = typing.get_origin(tp)
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(path, key, f"expected true or false, got {_describe(value)}")
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(path, key, f"expected an integer, got {_describe(value)}")
    if tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return float(value)
            except OverflowError:  # TOML integers are 64-bit, but tomllib reads any size
                digits = len(str(abs(value)))
                raise ConfigError(
                    path, key, f"expected a number, got an integer of {digits} digits"
                ) from None
        raise ConfigError(path, key, f"expected a number, got {_describe(value)}")
    if tp is str:
        if isinstance(value, str):
            return value
        raise ConfigError(path, key, f"expected a string, got {_describe(value)}")
    if tp is Path:
        if isinstance(value, str) and "\0" in value:  # no file name can hold one
            raise ConfigError(path, key, "expected a path string, got one with a NUL character")
        if isinstance(value, str) and value:
            return Path(value)
        raise ConfigError(path, key, f"expected a path string, got {_describe(value)}")
    if origin is Literal:
        choices = typing.get_args(tp)
        if value in choices:
            return value
        expected = " or ".join(repr(c) for c in choices)
        raise ConfigError(path, key, f"expected {expected}, got {value!r}")
    if origin is tuple:
        item_tp = typing.get_args(tp)[0]
        if not isinstance(value, list):
            raise ConfigError(path, key, f"expected an array, got {_describe(value)}")
        if tp == tuple[TrapConfig, ...]:
            return tuple(_build_trap(v, f"{key}[{i}]", path) for i, v in enumerate(value))
        if tp == tuple[OutputConfig, ...]:
            return tuple(_build_output(v, f"{key}[{i}]", path) for i, v in enumerate(value))
        return tuple(_convert(item_tp, v, f"{key}[{i}]", path) for i, v in enumerate(value))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(tp, value, key, path)
    raise TypeError(f"config schema uses an unsupported type {tp!r} at {key}")  # pragma: no cover


def _build_trap(table: Any, key: str, path: Path) -> TrapConfig:
    if not isinstance(table, Mapping):
        raise ConfigError(path, key, f"expected a table, got {_describe(table)}")
    kind = table.get("type")
    if not isinstance(kind, str) or kind not in TRAP_TYPES:
        expected = " or ".join(repr(k) for k in TRAP_TYPES)
        raise ConfigError(path, f"{key}.type", f"expected {expected}, got {kind!r}")
    trap: TrapConfig = _build(TRAP_TYPES[kind], table, key, path)
    return trap


def _build_output(table: Any, key: str, path: Path) -> OutputConfig:
    if not isinstance(table, Mapping):
        raise ConfigError(path, key, f"expected a table, got {_describe(table)}")
    kind = table.get("type")
    if not isinstance(kind, str) or kind not in OUTPUT_TYPES:
        expected = " or ".join(repr(k) for k in OUTPUT_TYPES)
        raise ConfigError(path, f"{key}.type", f"expected {expected}, got {kind!r}")
    output: OutputConfig = _build(OUTPUT_TYPES[kind], table, key, path)
    return output


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _describe(value: Any) -> str:
    kinds = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    for t, name in kinds.items():
        if type(value) is t:
            return f"{name} ({value!r})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def schema_keys(cls: type[Any] = Config, where: str = "") -> list[str]:
    """Every documented key path (``api.port``, ``traps[].banner``), for docs and tests."""
    keys: list[str] = []
    hints = _type_hints(cls)
    for f in dataclasses.fields(cls):
        if not f.metadata.get("toml", True):
            continue
        key = _join(where, f.name)
        tp = hints[f.name]
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            keys.extend(schema_keys(tp, key))
        elif tp == tuple[TrapConfig, ...]:
            for trap_cls in TRAP_TYPES.values():
                keys.extend(k for k in schema_keys(trap_cls, f"{key}[]") if k not in keys)
        elif tp == tuple[OutputConfig, ...]:
            for output_cls in OUTPUT_TYPES.values():
                keys.extend(k for k in schema_keys(output_cls, f"{key}[]") if k not in keys)
        else:
            keys.append(key)
    return keys
