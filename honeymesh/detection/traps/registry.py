"""From a ``[[traps]]`` table to a running trap: one builder per trap type.

``build_trap`` turns a trap's configuration into a ``BuiltTrap``: a ``TrapFactory`` for TCP
traps or a ``DatagramTrap`` for UDP ones, ready to be handed to ``ListenerService`` for each
configured address and port. Whatever a trap needs from outside (its host keys, a certificate)
is read here, once, and a problem is a ``TrapSetupError`` naming the trap and the file.

Each trap type's module is imported when a trap of that type is built, not with this module: a
node loads only the traps it runs. The SSH trap's Twisted Conch, the fake machine's package
tables and the web personas are about 5 MB of an idle daemon's memory that a node running
neither an SSH, Telnet, FTP nor HTTP trap never needs (``tests/test_idle_imports.py``).
"""

from __future__ import annotations

import itertools
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from twisted.internet.interfaces import IReactorTCP, IReactorTime
from twisted.internet.protocol import DatagramProtocol

from honeymesh.config import (
    BannerTrapConfig,
    DnsTrapConfig,
    FtpTrapConfig,
    HttpTrapConfig,
    MysqlTrapConfig,
    RedisTrapConfig,
    SipTrapConfig,
    SmtpTrapConfig,
    SnmpTrapConfig,
    SshTrapConfig,
    TelnetTrapConfig,
    TlsTrapConfig,
    TrapConfig,
)
from honeymesh.detection.traps.base import Admission, Dialogue, TrapFactory, TrapLimits
from honeymesh.detection.traps.facts import PLACEHOLDER_FACTS, NodeFacts
from honeymesh.detection.traps.hostkey_files import HOST_KEY_FILES
from honeymesh.detection.traps.persona_names import personalize
from honeymesh.detection.traps.udp import DatagramLimits, DatagramTrap, Responder
from honeymesh.events import Event
from honeymesh.filemodes import replace_file

if TYPE_CHECKING:
    from honeymesh.detection.traps.http import HttpSettings
    from honeymesh.detection.traps.shell import ShellPersona


class TrapSetupError(Exception):
    """A trap cannot be built (a key or certificate cannot be read or made)."""

    def __init__(self, trap: str, problem: str) -> None:
        self.trap = trap
        super().__init__(f"trap {trap!r}: {problem}")


class RunningTrap(Protocol):
    """What the appliance's status and shutdown need from any trap, TCP or UDP."""

    @property
    def name(self) -> str: ...

    @property
    def sessions(self) -> int: ...

    @property
    def refused(self) -> int: ...

    def close_all(self, reason: str) -> None: ...


#: What one listening socket of a trap needs: (transport, stream factory, datagram protocol).
Socket = tuple[Literal["tcp", "udp"], TrapFactory | None, DatagramProtocol | None]


@dataclass(frozen=True)
class BuiltTrap:
    """A trap ready to listen: a TCP ``factory``, a UDP ``datagram`` trap, or both (DNS, whose
    TCP side answers truncated retries and zone transfers on the same ports)."""

    name: str
    transport: Literal["tcp", "udp"]
    factory: TrapFactory | None = None
    datagram: DatagramTrap | None = None

    @property
    def running(self) -> RunningTrap:
        if self.factory is not None and self.datagram is not None:
            return _BothTransports(self.name, self.datagram, self.factory)
        trap = self.factory if self.factory is not None else self.datagram
        assert trap is not None
        return trap

    def listener_parts(self) -> tuple[TrapFactory | None, DatagramProtocol | None]:
        """What one more listening socket needs: (stream factory, datagram protocol)."""
        if self.datagram is not None:
            return None, self.datagram.protocol()
        return self.factory, None

    def sockets(self) -> list[Socket]:
        """What each port of the trap listens with: (transport, stream factory, datagram
        protocol), one entry per transport."""
        out: list[Socket] = []
        if self.datagram is not None:
            out.append(("udp", None, self.datagram.protocol()))
        if self.factory is not None:
            out.append(("tcp", self.factory, None))
        return out


@dataclass
class _BothTransports:
    """A trap on UDP and TCP at once, as status and shutdown see it."""

    name: str
    datagram: DatagramTrap
    stream: TrapFactory

    @property
    def sessions(self) -> int:
        return self.datagram.sessions + self.stream.sessions

    @property
    def refused(self) -> int:
        return self.datagram.refused + self.stream.refused

    def close_all(self, reason: str) -> None:
        self.stream.close_all(reason)


@dataclass(frozen=True)
class TrapContext:
    """What the builders need from the appliance."""

    clock: IReactorTime
    publish: Callable[[Event], None]
    data_path: Callable[[Path], Path]  # a configured path resolved against the data directory
    node_cert: Path  # the node's certificate and key (``[api]``), the TLS trap's default
    node_key: Path
    # The open-file budget: each TCP trap's cap (its max_connections lowered to fit; a trap
    # not named keeps its own) and the guard all traps share (honeymesh.limits).
    caps: Mapping[str, int] = field(default_factory=dict)
    guard: Admission | None = None
    # The node's own facts (MAC, boot time, pids, secrets: traps/facts.py), so that no two
    # nodes' traps share one; the appliance derives them from its identity (tap.py).
    facts: NodeFacts = PLACEHOLDER_FACTS
    # Where a trap with a data connection (FTP) opens its passive ports; None: it cannot.
    tcp: IReactorTCP | None = None


#: When this node first ran (seconds since the epoch, as text): the fake machine's boot time
#: is placed before it, so its uptime keeps growing across restarts of the daemon.
FIRST_START_FILE = Path("traps/first-start")


def load_first_start(path: Path, now: float) -> float:
    """The time kept in ``path``, or ``now``, kept there for the next start. A file that
    cannot be read or written (a read-only data directory) costs only the continuity of the
    fake uptime, never the start: ``now`` is used."""
    try:
        value = float(path.read_text("ascii").strip())
        if 0 < value <= now + 86400:
            return value
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        replace_file(path, f"{now:.0f}\n".encode())
    except OSError:
        pass
    return now


def preflight(
    trap: TrapConfig,
    data_path: Callable[[Path], Path],
    node_cert: Path,
    node_key: Path,
    facts: NodeFacts = PLACEHOLDER_FACTS,
) -> None:
    """Check (and create, for SSH host keys and persona certificates) what a trap reads from
    disk, before anything starts, so that a problem is one readable line; raises
    TrapSetupError. ``facts``: the node's, for the names its certificates carry."""
    trap = personalize(trap, facts)
    if isinstance(trap, SshTrapConfig):
        from honeymesh.detection.traps.ssh import HostKeyError, SshHostKeys  # noqa: PLC0415

        try:
            SshHostKeys.load_or_create(data_path(trap.host_key_dir))
        except HostKeyError as e:
            raise TrapSetupError(trap.name, str(e)) from e
    elif isinstance(trap, TlsTrapConfig | SmtpTrapConfig):
        _persona_tls(trap, data_path)


#: Where each TLS-speaking trap keeps the certificate of its persona (``persona_tls``).
PERSONA_TLS_DIR = Path("traps/tls")


def _persona_tls(
    trap: TlsTrapConfig | SmtpTrapConfig, data_path: Callable[[Path], Path]
) -> ssl.SSLContext | None:
    """The TLS context a trap serves: the certificate configured for it, or else its persona's
    own (made once, like Debian's snakeoil, for the persona's host name); never the admin
    API's, which names the product. None for an SMTP trap without STARTTLS."""
    if isinstance(trap, SmtpTrapConfig) and not trap.starttls:
        return None
    from honeymesh.detection.traps.persona_tls import PersonaTls, PersonaTlsError  # noqa: PLC0415
    from honeymesh.detection.traps.tls import server_context  # noqa: PLC0415
    from honeymesh.detection.traps.tls_profiles import APACHE, POSTFIX  # noqa: PLC0415

    if isinstance(trap, TlsTrapConfig) and trap.tls_cert:
        cert, key = data_path(Path(trap.tls_cert)), data_path(Path(trap.tls_key))
    else:
        try:
            pair = PersonaTls.load_or_create(data_path(PERSONA_TLS_DIR), trap.name, trap.hostname)
        except PersonaTlsError as e:
            raise TrapSetupError(trap.name, str(e)) from e
        cert, key = pair.cert, pair.key
    web = isinstance(trap, TlsTrapConfig)
    try:
        return server_context(
            str(cert), str(key), APACHE if web else POSTFIX, alpn=["http/1.1"] if web else None
        )
    except (OSError, ssl.SSLError) as e:
        raise TrapSetupError(trap.name, f"cannot load {cert} / {key}: {e}") from e


def build_trap(trap: TrapConfig, context: TrapContext) -> BuiltTrap:
    trap = personalize(trap, context.facts)  # names left empty: this node's own
    if isinstance(trap, DnsTrapConfig | SipTrapConfig | SnmpTrapConfig):
        return _datagram(trap, _responder(trap, context), context)
    return _stream(trap, _dialogue_maker(trap, context), context)


def _stream(trap: TrapConfig, make: Callable[[str], Dialogue], ctx: TrapContext) -> BuiltTrap:
    assert not isinstance(trap, DnsTrapConfig | SipTrapConfig | SnmpTrapConfig)
    limits = TrapLimits(
        idle_timeout=trap.idle_timeout,
        session_timeout=trap.session_timeout,
        max_bytes=trap.max_bytes,
        max_connections=min(trap.max_connections, ctx.caps.get(trap.name, trap.max_connections)),
        max_per_source=trap.max_per_source,
        login_grace=_login_grace(trap),
    )
    data_ports = None
    if isinstance(trap, FtpTrapConfig) and trap.passive_ports and ctx.tcp is not None:
        from honeymesh.detection.traps.dataport import PassivePorts  # noqa: PLC0415

        data_ports = PassivePorts(ctx.tcp, trap.passive_ports[0], trap.passive_ports[-1])
    factory = TrapFactory(
        name=trap.name,
        new_dialogue=make,
        limits=limits,
        clock=ctx.clock,
        publish=ctx.publish,
        guard=ctx.guard,
        data_ports=data_ports,
    )
    return BuiltTrap(trap.name, "tcp", factory=factory)


def serves_tcp(trap: DnsTrapConfig | SipTrapConfig | SnmpTrapConfig) -> bool:
    """Whether a UDP trap answers over TCP on the same ports too: DNS (truncated retries, zone
    transfers) and the Kamailio SIP persona, when their ``tcp`` is on."""
    if isinstance(trap, DnsTrapConfig):
        return trap.tcp
    return isinstance(trap, SipTrapConfig) and trap.tcp and trap.persona == "kamailio-5.6.3"


def _datagram(
    trap: DnsTrapConfig | SipTrapConfig | SnmpTrapConfig, responder: Responder, ctx: TrapContext
) -> BuiltTrap:
    datagram = DatagramTrap(
        name=trap.name,
        responder=responder,
        limits=DatagramLimits(
            trap.max_per_source, trap.max_sources, trap.reply_rate, trap.reply_burst
        ),
        clock=ctx.clock,
        publish=ctx.publish,
    )
    stream = None
    if isinstance(trap, DnsTrapConfig) and trap.tcp:
        from honeymesh.detection.traps.dns import DnsResponder, DnsTcpDialogue  # noqa: PLC0415

        assert isinstance(responder, DnsResponder)
        dns = responder
        limits = TrapLimits(
            idle_timeout=trap.tcp_idle_timeout,
            session_timeout=4 * trap.tcp_idle_timeout,
            max_bytes=64 * 1024,
            max_connections=trap.tcp_max_connections,
            max_per_source=4,
        )
        stream = TrapFactory(
            name=trap.name,
            new_dialogue=lambda source: DnsTcpDialogue(dns, source),
            limits=limits,
            clock=ctx.clock,
            publish=ctx.publish,
            guard=ctx.guard,
        )
    if isinstance(trap, SipTrapConfig) and serves_tcp(trap):
        from honeymesh.detection.traps.sip import KamailioResponder, SipTcpDialogue  # noqa: PLC0415

        assert isinstance(responder, KamailioResponder)
        sip = responder
        limits = TrapLimits(
            idle_timeout=trap.tcp_idle_timeout,
            session_timeout=4 * trap.tcp_idle_timeout,
            max_bytes=1024 * 1024,
            max_connections=trap.tcp_max_connections,
            max_per_source=4,
        )
        stream = TrapFactory(
            name=trap.name,
            new_dialogue=lambda source: SipTcpDialogue(sip, source),
            limits=limits,
            clock=ctx.clock,
            publish=ctx.publish,
            guard=ctx.guard,
        )
    return BuiltTrap(trap.name, "udp", factory=stream, datagram=datagram)


def _login_grace(trap: TrapConfig) -> float | None:
    """The login grace of a trap with a login phase. SMTP has none: on port 25 mail is sent
    without AUTH (and the trap's AUTH never succeeds), so its session timeout bounds it; HTTP
    Basic auth is per request; a banner or TLS trap asks for nothing."""
    if isinstance(
        trap, SshTrapConfig | TelnetTrapConfig | FtpTrapConfig | RedisTrapConfig | MysqlTrapConfig
    ):
        return trap.login_grace
    return None


def _logins(pairs: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(tuple(p.split(":", 1)) for p in pairs)  # type: ignore[misc]


def _ssh_host_keys(ctx: TrapContext) -> tuple[tuple[str, str], ...]:
    """The public host keys of the node's SSH trap where the default keeps them (``traps/ssh``),
    so that a Telnet shell shows the keys port 22 presents. Nothing is created here: a node
    without them (no SSH trap, or keys kept elsewhere) shows keys drawn from its facts."""
    directory = ctx.data_path(SshTrapConfig().host_key_dir)
    if not all((directory / name).is_file() for name in HOST_KEY_FILES):
        return ()
    from honeymesh.detection.traps.ssh import HostKeyError, SshHostKeys  # noqa: PLC0415

    try:
        return tuple(sorted(SshHostKeys.load_or_create(directory).shown().items()))
    except HostKeyError:
        return ()


def _shell(trap: SshTrapConfig | TelnetTrapConfig, facts: NodeFacts) -> ShellPersona:
    """The fake machine; behind the SSH trap it runs the server the trap claims to be."""
    from honeymesh.detection.traps.shell import ShellPersona  # noqa: PLC0415

    persona = ShellPersona(
        hostname=trap.hostname, kernel=trap.kernel, os_name=trap.os_name, facts=facts
    )
    if isinstance(trap, SshTrapConfig):
        persona = replace(persona, ssh_server=trap.persona)
    return persona


def _http(
    trap: HttpTrapConfig | TlsTrapConfig, port: int, service: str, facts: NodeFacts
) -> HttpSettings:
    from honeymesh.detection.traps.http import HttpSettings  # noqa: PLC0415

    return HttpSettings(
        server=trap.server,
        powered_by=trap.powered_by,
        hostname=trap.hostname,
        title=trap.title,
        max_body=trap.max_body,
        port=port,
        service=service,
        site=trap.site,
        facts=facts,
    )


def _dialogue_maker(trap: TrapConfig, ctx: TrapContext) -> Callable[[str], Dialogue]:  # noqa: PLR0911
    now = ctx.clock.seconds
    match trap:
        case BannerTrapConfig():
            from honeymesh.detection.traps.banner import BannerDialogue  # noqa: PLC0415

            banner = trap.banner.encode("utf-8")
            return lambda source: BannerDialogue(banner)
        case SshTrapConfig():
            from honeymesh.detection.traps.ssh import PERSONAS as SSH_PERSONAS  # noqa: PLC0415
            from honeymesh.detection.traps.ssh import (  # noqa: PLC0415
                HostKeyError,
                SshDialogue,
                SshHostKeys,
                SshSettings,
            )

            try:
                keys = SshHostKeys.load_or_create(ctx.data_path(trap.host_key_dir))
            except HostKeyError as e:
                raise TrapSetupError(trap.name, str(e)) from e
            version, algorithms = SSH_PERSONAS[trap.persona]
            ssh = SshSettings(
                version, _shell(trap, ctx.facts), _logins(trap.credentials), keys, algorithms
            )
            return lambda source: SshDialogue(ssh, ctx.clock)
        case TelnetTrapConfig():
            from honeymesh.detection.traps.telnet import TelnetDialogue, TelnetSettings  # noqa: PLC0415

            banner = trap.banner.encode("utf-8")
            shell = replace(_shell(trap, ctx.facts), host_keys=_ssh_host_keys(ctx))
            login_timeout = int(trap.login_grace)  # what login's message says
            telnet = TelnetSettings(banner, shell, _logins(trap.credentials), login_timeout)
            return lambda source: TelnetDialogue(telnet, now)
        case HttpTrapConfig():
            from honeymesh.detection.traps.http import HttpDialogue  # noqa: PLC0415

            http = _http(trap, trap.ports[0] or 80, "http", ctx.facts)
            return lambda source: HttpDialogue(http, now)
        case TlsTrapConfig():
            return _tls_maker(trap, ctx)
        case FtpTrapConfig():
            # The machine the shells show (the SSH trap's host keys, the node's name), since
            # Debian's vsftpd lets a local user roam the whole file system.
            from honeymesh.detection.traps.ftp import FtpDialogue, FtpSettings  # noqa: PLC0415
            from honeymesh.detection.traps.shell import ShellPersona  # noqa: PLC0415

            defaults = SshTrapConfig()
            machine = ShellPersona(
                ctx.facts.host_name, defaults.kernel, defaults.os_name, facts=ctx.facts
            )
            machine = replace(machine, host_keys=_ssh_host_keys(ctx))
            ftp = FtpSettings(trap.banner.encode("utf-8"), _logins(trap.credentials), machine)
            return lambda source: FtpDialogue(ftp, source, now)
        case SmtpTrapConfig():
            from honeymesh.detection.traps.smtp import SmtpDialogue, SmtpSettings  # noqa: PLC0415

            smtp = SmtpSettings(
                trap.hostname, trap.banner, trap.max_body, _persona_tls(trap, ctx.data_path)
            )
            return lambda source: SmtpDialogue(smtp, now)
        case RedisTrapConfig():
            from honeymesh.detection.traps.redis import RedisDialogue, RedisSettings  # noqa: PLC0415

            redis = RedisSettings(trap.version, trap.os, trap.password, ctx.facts)
            return lambda source: RedisDialogue(redis, now)
        case MysqlTrapConfig():
            from honeymesh.detection.traps.mysql import MysqlDialogue, MysqlSettings  # noqa: PLC0415

            ids = itertools.count(ctx.facts.mysql_connection_id(now()))
            mysql = MysqlSettings(trap.version, _logins(trap.credentials), lambda: next(ids))
            return lambda source: MysqlDialogue(mysql, source)
    raise TrapSetupError(trap.name, f"no TCP builder for trap type {trap.type!r}")


def _tls_maker(trap: TlsTrapConfig, ctx: TrapContext) -> Callable[[str], Dialogue]:
    from honeymesh.detection.traps.http import HttpDialogue, plain_http_on_tls_port  # noqa: PLC0415
    from honeymesh.detection.traps.tls import TlsDialogue  # noqa: PLC0415

    context = _persona_tls(trap, ctx.data_path)
    assert context is not None
    http = _http(trap, trap.ports[0] or 443, "https", ctx.facts)
    now = ctx.clock.seconds
    return lambda source: TlsDialogue(
        context, HttpDialogue(http, now), lambda: plain_http_on_tls_port(http, now)
    )


def _responder(trap: DnsTrapConfig | SipTrapConfig | SnmpTrapConfig, ctx: TrapContext) -> Responder:
    now = ctx.clock.seconds
    match trap:
        case DnsTrapConfig():
            from honeymesh.detection.traps.dns import DnsResponder, DnsSettings, parse_records  # noqa: PLC0415

            persona = DnsSettings(
                zone=trap.zone,
                nameservers=trap.nameservers,
                hostmaster=trap.hostmaster,
                serial=trap.serial,
                version=trap.version,
                hostname=trap.hostname,
            )
            return DnsResponder(parse_records(trap.records), trap.ttl, persona, now)
        case SipTrapConfig():
            from honeymesh.detection.traps.sip import KamailioResponder  # noqa: PLC0415
            from honeymesh.detection.traps.udp import is_local_address  # noqa: PLC0415

            return KamailioResponder(ctx.facts.draw("sip/tags"), is_local_address, now)
        case SnmpTrapConfig():
            from honeymesh.detection.traps.snmp import SnmpResponder, SnmpSettings  # noqa: PLC0415

            settings = SnmpSettings(
                communities=frozenset(c.encode() for c in trap.communities),
                sys_descr=trap.sys_descr,
                sys_object_id=tuple(int(p) for p in trap.sys_object_id.split(".")),
                sys_name=trap.sys_name,
                sys_contact=trap.sys_contact,
                sys_location=trap.sys_location,
                boot_parameters=trap.boot_parameters,
            )
            return SnmpResponder(settings, now, facts=ctx.facts)
