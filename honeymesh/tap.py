"""``twistd honeymesh``: the options, and the one place where the appliance is built and wired.

    twistd -n honeymesh --config var/honeymesh.toml [--interface eth0]...

``makeService`` returns a MultiService whose children start in this order and stop in reverse:
JSON log, store, housekeeping, traps, admin API, and a last service that reports the node ready
(and, on the way down, that it is stopping, while the store can still record it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from twisted.application.service import IService, MultiService, Service
from twisted.internet.interfaces import IReactorCore, IReactorTime
from twisted.internet.ssl import CertificateOptions, PrivateCertificate, TLSVersion
from twisted.logger import Logger
from twisted.protocols.tls import TLSMemoryBIOFactory
from twisted.python import usage
from twisted.python.failure import Failure

from honeymesh import __version__
from honeymesh.config import (
    Config,
    ConfigError,
    default_config_path,
    load_config,
)
from honeymesh.control import Control
from honeymesh.detection.traps.registry import RunningTrap, TrapContext, build_trap
from honeymesh.events import Event, EventBus, EventId, Notice
from honeymesh.license.clock import CLOCK_KEY_PURPOSE
from honeymesh.license.keys import trusted_keys_for
from honeymesh.license.service import LicenseService
from honeymesh.listeners import ListenerService
from honeymesh.logs import EventLogger, JsonLogService
from honeymesh.mesh.identity import IdentityError, NodeIdentity
from honeymesh.periodic import PeriodicService
from honeymesh.store.db import Store, StoreService, prune_events
from honeymesh.web.app import AdminApi, ApiSite
from honeymesh.web.auth import TokenChecker, local_operator_token, token_digest


class Options(usage.Options):
    synopsis = "[--config PATH] [--interface IF]..."
    longdesc = "Run the HoneyMesh appliance."
    optParameters: ClassVar[list[list[str | None]]] = [
        [
            "config",
            "c",
            None,
            "configuration file (default ./var/honeymesh.toml or $HONEYMESH_CONFIG)",
        ],
    ]

    def __init__(self) -> None:
        super().__init__()
        self["interfaces"] = []

    def opt_interface(self, name: str) -> None:
        """Attach kernel enforcement to this interface too (repeatable)."""
        self["interfaces"].append(name)

    def postOptions(self) -> None:
        path = Path(self["config"]) if self["config"] else default_config_path()
        try:
            config = load_config(path)
            config = config.with_interfaces(tuple(self["interfaces"]))
            identity = NodeIdentity.load(config.data_path(Path("identity.key")))
            trusted_keys_for(config)  # a bad trusted license key is a configuration error
        except (ConfigError, IdentityError) as e:
            raise usage.UsageError(str(e)) from None
        self["loaded"] = (config, identity)


@dataclass
class Appliance:
    """The built appliance: its root service and the parts tests and tools want to reach."""

    service: MultiService
    config: Config
    bus: EventBus
    store: Store
    control: Control
    traps: Mapping[str, RunningTrap]
    listeners: list[ListenerService]


def makeService(options: Options, reactor: Any = None) -> IService:
    if reactor is None:
        from twisted.internet import reactor as global_reactor  # noqa: PLC0415

        reactor = global_reactor
    config, identity = options["loaded"]
    return build_appliance(config, identity, reactor).service


def build_appliance(config: Config, identity: NodeIdentity, reactor: Any) -> Appliance:
    """Build every part and wire them together; nothing runs until the service starts."""
    log = Logger(namespace="honeymesh")
    root = MultiService()
    bus = EventBus()

    JsonLogService(
        config.data_path(config.log.json_file),
        max_bytes=config.log.max_bytes,
        keep=config.log.keep,
        level=config.log.level,
    ).setServiceParent(root)

    store = Store(
        config.data_path(config.store.path),
        reactor,
        synchronous=config.store.synchronous,
        batch_max=config.store.batch_max,
    )
    bus.subscribe(store.append)
    bus.subscribe(EventLogger(log))
    StoreService(store, bus.publish, reactor.seconds, fatal(reactor, log)).setServiceParent(root)
    retention_job(config, store, bus.publish, reactor).setServiceParent(root)
    license_service = LicenseService.from_config(
        config,
        clock_key=identity.derive_secret(CLOCK_KEY_PURPOSE),
        reactor=reactor,
        publish=bus.publish,
    )
    license_service.setServiceParent(root)

    traps: dict[str, RunningTrap] = {}
    listeners: list[ListenerService] = []
    trap_group = TrapGroup(traps)
    trap_group.setServiceParent(root)
    trap_context = TrapContext(
        clock=reactor,
        publish=bus.publish,
        data_path=config.data_path,
        node_cert=config.data_path(config.api.tls_cert),
        node_key=config.data_path(config.api.tls_key),
    )
    for trap in config.traps:
        built = build_trap(trap, trap_context)
        traps[trap.name] = built.running
        for address in trap.bind:
            for port in trap.ports:
                factory, datagram = built.listener_parts()
                listener = ListenerService(
                    name=trap.name,
                    kind="trap",
                    transport=built.transport,
                    address=address,
                    port=port,
                    reactor=reactor,
                    clock=reactor,
                    publish=bus.publish,
                    factory=factory,
                    datagram=datagram,
                )
                listener.setServiceParent(trap_group)
                listeners.append(listener)

    control = Control(
        config=config,
        clock=reactor,
        bus=bus,
        store=store,
        listeners=listeners,
        traps=traps,
        kernel_status=lambda: kernel_status(config),
        node_id=identity.node_id,
        # check(), not the cached entitlement: timers stall after a clock rollback.
        entitlement=license_service.check,
    )
    tokens = TokenChecker(
        config.api.admin_token_sha256, token_digest(local_operator_token(identity))
    )
    api = AdminApi(control, tokens, reactor, bus.publish)
    site = ApiSite(api.resource())
    site.displayTracebacks = False
    api_listener = ListenerService(
        name="admin-api",
        kind="api",
        transport="tls",
        address=config.api.address,
        port=config.api.port,
        reactor=reactor,
        clock=reactor,
        publish=bus.publish,
        factory=TLSMemoryBIOFactory(tls_options(config), False, site),
    )
    api_listener.setServiceParent(root)
    listeners.append(api_listener)

    ReadyReport(control, bus.publish, log).setServiceParent(root)
    return Appliance(root, config, bus, store, control, traps, listeners)


def fatal(reactor: IReactorCore, log: Logger) -> Callable[[Failure], None]:
    """What to do when the appliance cannot run at all (the database cannot be opened)."""

    def stop(failure: Failure) -> None:
        log.critical("cannot run: {error}", error=failure.getErrorMessage())
        if reactor.running:
            reactor.stop()

    return stop


def tls_options(config: Config) -> CertificateOptions:
    cert_pem = config.data_path(config.api.tls_cert).read_bytes()
    key_pem = config.data_path(config.api.tls_key).read_bytes()
    cert = PrivateCertificate.loadPEM(key_pem + b"\n" + cert_pem)
    return CertificateOptions(
        privateKey=cert.privateKey.original,
        certificate=cert.original,
        raiseMinimumTo=TLSVersion.TLSv1_2,
    )


def retention_job(
    config: Config, store: Store, publish: Callable[[Event], None], clock: IReactorTime
) -> PeriodicService:
    max_age = config.store.event_retention_days * 86400

    def prune() -> object:
        cutoff = clock.seconds() - max_age
        d = store.run(lambda conn: prune_events(conn, cutoff, config.store.event_max_rows))

        def report(deleted: int) -> None:
            if deleted:
                publish(Notice(EventId.STORE_RETENTION, clock.seconds(), {"deleted": deleted}))

        return d.addCallback(report)

    return PeriodicService("event-retention", config.store.retention_interval, prune, clock)


def kernel_status(config: Config) -> dict[str, object]:
    if not config.kernel.interfaces:
        return {
            "state": "not_attached",
            "reason": "no interface configured",
            "hint": "attach with `make run IFACE=eth0`, or list interfaces under "
            f"[kernel] interfaces in {config.source}",
            "interfaces": {},
        }
    return {
        "state": "unavailable",
        "reason": "kernel enforcement is not built into this version yet",
        "interfaces": {name: {"attach": "none"} for name in config.kernel.interfaces},
    }


class TrapGroup(MultiService):
    """The trap listeners; on stop, open sessions end first so each still leaves its record."""

    def __init__(self, traps: Mapping[str, RunningTrap]) -> None:
        super().__init__()
        self.setName("traps")
        self._traps = traps

    def stopService(self) -> Any:
        for trap in self._traps.values():
            trap.close_all("shutdown")
        return super().stopService()


class ReadyReport(Service):
    """Says where everything is once the appliance has started, and that it stops."""

    def __init__(self, control: Control, publish: Callable[[Event], None], log: Logger) -> None:
        self.setName("ready-report")
        self._control = control
        self._publish = publish
        self._log = log

    def startService(self) -> None:
        super().startService()
        control = self._control
        for row in control.listener_table():
            if row["state"] == "listening":
                self._log.info("listening: {kind} {name} {transport} {address} port {port}", **row)
            else:
                self._log.error(
                    "NOT listening: {kind} {name} {transport} {address} port {port}: {error}", **row
                )
        lic = control.license()
        self._log.info(
            "license: {tier} ({reason}); {sharing}",
            tier=lic["tier"],
            reason=lic["reason"],
            sharing=lic["sharing"]["reason"],
        )
        kernel = control.kernel_status()
        if kernel["state"] != "attached":
            self._log.warn(
                "kernel enforcement is attached nowhere: {reason}. {hint}",
                reason=kernel.get("reason"),
                hint=kernel.get("hint", ""),
            )
        self._publish(
            Notice(
                EventId.NODE_STARTED,
                control.clock.seconds(),
                {
                    "version": __version__,
                    "mode": control.mode,
                    "listeners": control.listener_table(),
                },
            )
        )

    def stopService(self) -> None:
        super().stopService()
        self._publish(Notice(EventId.NODE_STOPPING, self._control.clock.seconds()))
