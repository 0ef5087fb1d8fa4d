"""``twistd honeymesh``: the options, and the one place where the appliance is built and wired.

    twistd -n honeymesh --config var/honeymesh.toml [--interface eth0]...

``makeService`` returns a MultiService whose children start in this order and stop in reverse:
JSON log, store, housekeeping, traps, admin API, and a last service that reports the node ready
(and, on the way down, that it is stopping, while the store can still record it).
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from twisted.application.service import IService, MultiService, Service
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IReactorCore, IReactorTime
from twisted.internet.ssl import CertificateOptions, PrivateCertificate, TLSVersion
from twisted.internet.threads import deferToThreadPool
from twisted.logger import Logger, LogLevel
from twisted.protocols.tls import TLSMemoryBIOFactory
from twisted.python import usage
from twisted.python.failure import Failure

from honeymesh import __version__
from honeymesh.config import (
    Config,
    ConfigError,
    DnsTrapConfig,
    FtpTrapConfig,
    SipTrapConfig,
    SnmpTrapConfig,
    default_config_path,
    load_config,
)
from honeymesh.configdump import effective
from honeymesh.control import Control
from honeymesh.detection.pipeline import DetectionPipeline, load_rules
from honeymesh.detection.scoring import RulesError
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.persona_names import personalize
from honeymesh.detection.traps.registry import (
    FIRST_START_FILE,
    RunningTrap,
    TrapContext,
    TrapSetupError,
    build_trap,
    load_first_start,
    preflight,
    serves_tcp,
)
from honeymesh.enforcement.banlist import BanHousekeeping, BanList, builtin_allows
from honeymesh.enforcement.kernel import KernelService, ServedPorts, SettledBackend, kernel_service
from honeymesh.enforcement.layout import PacketSample
from honeymesh.enforcement.local_addresses import LocalAddressError, local_addresses
from honeymesh.events import VERDICTS, Event, EventBus, EventId, Notice, Verdict
from honeymesh.filemodes import UnsafeModes
from honeymesh.license.clock import CLOCK_KEY_PURPOSE
from honeymesh.license.keys import trusted_keys_for
from honeymesh.license.service import LicenseService
from honeymesh.lifecycle import OrderedMultiService
from honeymesh.limits import ConnectionGuard, DescriptorBudget, nofile_limit, raise_nofile
from honeymesh.listeners import ListenerService
from honeymesh.logs import EventLogger, JsonLogService, take_console
from honeymesh.mesh.identity import IdentityError, NodeIdentity
from honeymesh.mesh.service import SHARED_IDS, MeshService
from honeymesh.net import Network
from honeymesh.outputs.registry import build_outputs, check_outputs
from honeymesh.outputs.tlsroots import OutputSetupError
from honeymesh.periodic import PeriodicService
from honeymesh.policy.engine import PolicyEngine, contradict_mesh_unban
from honeymesh.sdnotify import Notify, SystemdNotifier, no_notify
from honeymesh.store.db import (
    Store,
    StoreClosed,
    StoreError,
    StoreService,
    prune_events,
    verify_database,
)
from honeymesh.strictmodes import check_guarded_files
from honeymesh.trust.api import TrustApi
from honeymesh.trust.engine import TrustEngine, TrustService
from honeymesh.web.app import AdminApi, ApiSite
from honeymesh.web.auth import TokenChecker, local_operator_token, token_digest

#: The purpose the traps' persona seed is derived for (``NodeIdentity.derive_secret``).
TRAP_PERSONA_PURPOSE = "trap-persona"


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
            check_guarded_files(config)  # secrets others can read or change: refuse (OpenSSH)
            identity = NodeIdentity.load(config.data_path(Path("identity.key")))
            verify_database(config.data_path(config.store.path))  # emptied or damaged: refuse
            trusted_keys_for(config)  # a bad trusted license key is a configuration error
            load_rules(config)  # so is a bad payload rules or reputation file
            check_outputs(config)  # and an output's CA file that is not a certificate
            # The names the persona certificates carry are drawn from the seed alone.
            names = NodeFacts(identity.derive_secret(TRAP_PERSONA_PURPOSE), 0.0)
            for trap in config.traps:
                preflight(
                    trap,
                    config.data_path,
                    config.data_path(config.api.tls_cert),
                    config.data_path(config.api.tls_key),
                    names,
                )
        except (
            ConfigError,
            IdentityError,
            OutputSetupError,
            RulesError,
            StoreError,
            TrapSetupError,
            UnsafeModes,
        ) as e:
            raise usage.UsageError(str(e)) from None
        self["loaded"] = (config, identity)
        parent = getattr(self, "parent", None)  # twistd's ServerOptions, when run by twistd
        # info and above, attacker text escaped (docs/CONFIG.md [log]); True: ours
        self["own_console"] = parent is not None and take_console(parent)


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
    # Every trap connection is a descriptor: the soft limit (often 1,024) would let ~1,000 idle
    # trap clients starve the admin API, the store and the mesh of theirs.
    Logger(namespace="honeymesh").info(
        "open files: soft limit raised to {limit}", limit=raise_nofile()
    )
    # Under systemd (honeymesh.service, Type=notify): READY=1 once enforcement has settled.
    notify = SystemdNotifier.from_environ(os.environ)
    # With HoneyMesh's console nothing keeps a debug line of an event (EventLogger).
    lowest = LogLevel.info if options.get("own_console") else LogLevel.debug
    return build_appliance(
        config, identity, reactor, exit_status_on_fatal=True, notify=notify, log_lowest=lowest
    ).service


def build_appliance(  # noqa: PLR0915
    config: Config,
    identity: NodeIdentity,
    reactor: Any,
    *,
    exit_status_on_fatal: bool = False,
    open_files: int | None = None,
    notify: Notify = no_notify,
    log_lowest: LogLevel = LogLevel.debug,
) -> Appliance:
    """Build every part and wire them together; nothing runs until the service starts.

    ``exit_status_on_fatal``: when the appliance cannot run, the process exits with status 1
    (``twistd`` itself always exits 0 once its reactor stops); set by ``twistd honeymesh``.
    ``open_files``: the open-file limit to budget for (default: the soft limit in force).
    ``notify``: told READY=1 once enforcement has settled, STOPPING=1 on the way down
    (sd_notify). ``log_lowest``: the lowest level any observer of the global log keeps
    (``EventLogger``; the default keeps every event's line)."""
    log = Logger(namespace="honeymesh")
    fatal = fatal_handler(reactor, log, exit_status=1 if exit_status_on_fatal else None)
    root = OrderedMultiService()
    bus = EventBus()

    json_log = JsonLogService(
        config.data_path(config.log.json_file),
        max_bytes=config.log.max_bytes,
        keep=config.log.keep,
        level=config.log.level,
        clock=reactor,
    )
    json_log.setServiceParent(root)
    # Events to SIEMs (docs/OUTPUTS.md): started early and stopped late, so node.stopping and
    # what the other parts say on their way down still go out.
    outputs = build_outputs(config, reactor)
    outputs.setServiceParent(root)

    store = Store(
        config.data_path(config.store.path),
        reactor,
        synchronous=config.store.synchronous,
        batch_max=config.store.batch_max,
        max_backlog=config.store.max_backlog,
        verify=False,  # Options.postOptions ran verify_database before anything started
    )
    bus.subscribe(store.append)
    bus.subscribe(json_log.record)
    console = EventLogger(log, log_lowest)
    bus.subscribe(console, ids=console.ids)
    bus.subscribe(outputs.on_event, ids=outputs.ids)
    StoreService(store, bus.publish, reactor.seconds, fatal).setServiceParent(root)
    retention_job(config, store, bus.publish, reactor).setServiceParent(root)
    license_service = LicenseService.from_config(
        config,
        clock_key=identity.derive_secret(CLOCK_KEY_PURPOSE),
        reactor=reactor,
        publish=bus.publish,
    )
    license_service.setServiceParent(root)

    # Enforcement: the kernel service settles on XDP, the nftables fallback or nothing; the ban
    # list (SQLite first) projects into whichever it is; the policy engine alone makes bans.
    pipeline: DetectionPipeline | None = None

    def kernel_samples(samples: Sequence[PacketSample]) -> None:
        if pipeline is not None:
            for s in samples:
                pipeline.packet(s.src, s.dst, s.dport, s.proto, s.time)

    # The traps' per-node facts: from the identity (never the key itself) and the first
    # start, so two nodes share none and one node's uptime never runs backwards.
    facts = NodeFacts(
        identity.derive_secret(TRAP_PERSONA_PURPOSE),
        load_first_start(config.data_path(FIRST_START_FILE), reactor.seconds()),
    )
    kernel = kernel_service(
        reactor,
        bus.publish,
        config,
        on_samples=kernel_samples,
        served_ports=served_ports(config, facts),
    )
    kernel.setServiceParent(root)
    banlist = BanList(
        store,
        SettledBackend(kernel),
        reactor,
        bus.publish,
        builtin=builtin_allows(config.kernel.admin_networks, own_addresses(log)),
        offence_window=config.policy.offence_window,
        ipv6_prefix=config.policy.ipv6_prefix,
        # An operator's unban of a mesh ban tells trust the peers behind it were wrong.
        on_unban=lambda ban: contradict_mesh_unban(trust, ban),
    )
    policy = PolicyEngine(
        banlist, store, config.policy, reactor, bus.publish, initial_mode=config.node.mode
    )
    startup = EnforcementStartup(store, kernel, banlist, policy, fatal)
    startup.setServiceParent(root)
    BanHousekeeping(banlist, reactor, config.policy.housekeeping_interval).setServiceParent(root)

    # Trust in peers (fed by the mesh) and detection (fed by traps and kernel samples).
    trust = TrustEngine(
        config.trust,
        store,
        reactor,
        bus.publish,
        allowlisted=lambda network: bool(banlist.allowed_by(network)),
        suspect_bans=policy.suspect_mesh_bans,  # lift or flag, per policy.suspect_mesh_bans
    )
    TrustService(trust, reactor).setServiceParent(root)
    pipeline = DetectionPipeline.from_config(
        config, clock=reactor, publish=bus.publish, decide=policy.decide
    )
    bus.subscribe(pipeline, ids=DetectionPipeline.wants)
    bus.subscribe(local_confirmations(trust), ids=VERDICTS)

    # The mesh: runs only with a Pro license and the operator's opt-in (it says why not).
    mesh = MeshService(
        config=config,
        identity=identity,
        store=store,
        reactor=reactor,
        publish=bus.publish,
        entitlement=license_service.check,
        keys=trusted_keys_for(config),
        evaluate=trust.evaluate,
        apply_trust=policy.apply_trust,
        lift_mesh_ban=policy.lift_mesh_ban,
        register_peer=trust.join,
        enforcing=startup.ready,
    )
    mesh.setServiceParent(root)
    bus.subscribe(mesh.on_event, ids=SHARED_IDS)

    traps: dict[str, RunningTrap] = {}
    listeners: list[ListenerService] = []
    # Open files: a reserve for the API, the store, the mesh, the logs and the kernel; the TCP
    # traps share the rest (each at most its max_connections) and one guard holds them to it.
    budget = DescriptorBudget.plan(config, nofile_limit() if open_files is None else open_files)
    guard = ConnectionGuard(
        limit=budget.limit,
        reserve=budget.reserved,
        now=reactor.seconds,
        # Listing /proc/self/fd takes ms at thousands of descriptors: not in the reactor.
        in_thread=lambda count: deferToThreadPool(reactor, reactor.getThreadPool(), count),
    )
    log_budget(log, budget)
    trap_group = TrapGroup(traps)
    trap_group.setServiceParent(root)
    trap_context = TrapContext(
        clock=reactor,
        publish=bus.publish,
        data_path=config.data_path,
        node_cert=config.data_path(config.api.tls_cert),
        node_key=config.data_path(config.api.tls_key),
        caps=budget.caps,
        guard=guard,
        facts=facts,
        tcp=reactor,
    )
    # [node] workers > 0: the TCP traps' sockets are opened here as always, but served by
    # that many worker processes (honeymesh.workers); UDP traps (and DNS's TCP side) stay.
    workers = config.node.workers
    if workers:  # the workers' modules load only with workers
        from honeymesh.workers.service import TrapWorkers, WorkerTrap, worker_caps  # noqa: PLC0415
        from honeymesh.workers.wire import HeldSocket, WorkerSetup  # noqa: PLC0415
    worker_traps: dict[str, WorkerTrap] = {}
    held: list[ListenerService] = []
    for trap in config.traps:
        if workers and not isinstance(trap, DnsTrapConfig | SipTrapConfig | SnmpTrapConfig):
            # Built here too, and dropped: a trap that cannot be built stops the start as
            # without workers, rather than leaving its workers to fail and restart.
            build_trap(trap, trap_context)
            traps[trap.name] = worker_traps[trap.name] = WorkerTrap(trap.name)
            for address in trap.bind:
                for port in trap.ports:
                    listener = ListenerService(
                        name=trap.name,
                        kind="trap",
                        transport="tcp",
                        address=address,
                        port=port,
                        reactor=reactor,
                        clock=reactor,
                        publish=bus.publish,
                        hold=True,
                    )
                    listener.setServiceParent(trap_group)
                    listeners.append(listener)
                    held.append(listener)
            continue
        built = build_trap(trap, trap_context)
        traps[trap.name] = built.running
        for address in trap.bind:
            for port in trap.ports:
                for transport, factory, datagram in built.sockets():
                    listener = ListenerService(
                        name=trap.name,
                        kind="trap",
                        transport=transport,
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
    trap_workers: TrapWorkers | None = None
    if workers and held:

        def worker_setup(index: int, sockets: tuple[HeldSocket, ...]) -> WorkerSetup:
            return WorkerSetup(
                index=index,
                workers=workers,
                config=effective(config),
                source=str(config.source),
                seed=facts.seed,
                first_start=facts.first_start,
                caps=worker_caps(budget.caps, workers),  # each worker its share
                sockets=sockets,
            )

        trap_workers = TrapWorkers(  # after the listeners: starts once they hold their sockets
            count=workers,
            reactor=reactor,
            publish=bus.publish,
            listeners=held,
            traps=worker_traps,
            setup=worker_setup,
        )
        trap_workers.setServiceParent(trap_group)

    control = Control(
        config=config,
        clock=reactor,
        bus=bus,
        store=store,
        listeners=listeners,
        traps=traps,
        kernel_status=kernel.status,
        kernel_counters=banlist_backend_counters(kernel),
        banlist=banlist,
        policy=policy,
        trust=TrustApi(trust),
        node_id=identity.node_id,
        # check(), not the cached entitlement: timers stall after a clock rollback.
        entitlement=license_service.check,
        mesh=mesh,
        descriptors=lambda: {**budget.as_dict(), **guard.as_dict()},
        outputs=outputs.status,
        workers=None if trap_workers is None else trap_workers.status,
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
        # Stop listening, close the live feed with 1001, going away (its last batch sent first,
        # at most 5 s), then answer what was accepted (at most 10 s) before the traps, the mesh,
        # the kernel and the store behind the API stop.
        drain=lambda: api.hub.close().addCallback(lambda _: site.drain(reactor, timeout=10.0)),
    )
    api_listener.setServiceParent(root)
    listeners.append(api_listener)

    ReadyReport(control, kernel, startup, bus.publish, log, notify=notify).setServiceParent(root)
    return Appliance(root, config, bus, store, control, traps, listeners)


def log_budget(log: Logger, budget: DescriptorBudget) -> None:
    """Say once, at start, what each trap may hold and why; loudly when the budget lowered one."""
    if budget.lowered():
        log.warn("open files: {summary}", summary=budget.summary())
    else:
        log.info("open files: {summary}", summary=budget.summary())


def fatal_handler(
    reactor: IReactorCore, log: Logger, exit_status: int | None = None
) -> Callable[[Failure], None]:
    """What to do when the appliance cannot run at all (a damaged or emptied database, a ban
    list that cannot be restored): say so in one line and stop, with a non-zero status when
    ``exit_status`` is set, so a supervisor that restarts on failure sees the failure.

    twistd has no exit status of its own to set: it returns 0 once the reactor has stopped.
    So the status is applied at interpreter exit, after twistd has stopped every service (the
    store closed) and its logger, with the output flushed first."""

    def leave() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(exit_status or 1)

    def stop(failure: Failure) -> None:
        log.critical("cannot run: {error}", error=failure.getErrorMessage())
        if exit_status is not None:
            atexit.register(leave)
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


def served_ports(config: Config, facts: NodeFacts) -> ServedPorts:
    """The ports traps listen on (an FTP trap's passive data ports too, this node's own when
    not configured): the kernel does not sample traffic to them, and lets a banned source
    reach them."""
    tcp: set[int] = set()
    udp: set[int] = set()
    for trap in config.traps:
        ports = {p for p in trap.ports if p}
        if isinstance(trap, DnsTrapConfig | SipTrapConfig | SnmpTrapConfig):
            udp |= ports
            if serves_tcp(trap):  # DNS, and Kamailio's SIP: TCP on the same ports too
                tcp |= ports
        else:
            tcp |= ports
        if isinstance(trap, FtpTrapConfig):
            own = personalize(trap, facts)  # the range the trap will open
            assert isinstance(own, FtpTrapConfig)
            first, last = own.passive_ports
            tcp |= set(range(first, last + 1))
    return ServedPorts(tcp=frozenset(tcp), udp=frozenset(udp))


def own_addresses(log: Logger) -> list[tuple[str, Network]]:
    """This node's interface addresses, always allowed; without them, loopback and admin
    networks still are."""
    try:
        return [(a.interface, a.network) for a in local_addresses()]
    except LocalAddressError as e:
        log.warn(
            "cannot list this node's addresses ({error}); they are not allowlisted", error=str(e)
        )
        return []


def banlist_backend_counters(kernel: KernelService) -> Callable[[], Mapping[str, int]]:
    return lambda: SettledBackend(kernel).counters()


def local_confirmations(trust: TrustEngine) -> Callable[[Event], None]:
    """A local verdict about an address confirms the peers that reported it (trust rewards)."""

    def confirm(event: Event) -> None:
        if isinstance(event, Verdict) and event.source:
            trust.confirm(event.source).addErrback(
                lambda f: Logger().failure("trust confirmation failed", f)
            )

    return confirm


class EnforcementStartup(Service):
    """Brings enforcement up in order: store open, kernel settled, mode applied, bans restored.

    A ban list that cannot be restored from the database means the node cannot keep its
    promises, so that is fatal; a kernel that cannot enforce is not (the kernel service says
    so loudly, and bans stay stored until a backend is there).
    """

    _log = Logger()

    def __init__(
        self,
        store: Store,
        kernel: KernelService,
        banlist: BanList,
        policy: PolicyEngine,
        on_fatal: Callable[[Failure], None],
    ) -> None:
        self.setName("enforcement-startup")
        self._store = store
        self._kernel = kernel
        self._banlist = banlist
        self._policy = policy
        self._on_fatal = on_fatal
        self.done: Deferred[None] | None = None
        self.restored = False  # the ban list is back in the backend: the node keeps its bans

    def startService(self) -> None:
        super().startService()
        d = self._store.run(lambda conn: None)  # fails if the database could not be opened
        d.addCallback(lambda _: self._kernel.ready())
        d.addCallback(lambda _: self._policy.load())
        d.addCallback(lambda _: self._banlist.load())
        d.addCallback(self._restored)
        d.addErrback(self._failed)
        self.done = d

    def ready(self) -> Deferred[None]:
        """Fires once enforcement is up (or its start-up failed, which is fatal anyway)."""
        done: Deferred[None] = Deferred()
        assert self.done is not None, "not started"

        def fire(result: object) -> object:
            done.callback(None)
            return result

        self.done.addBoth(fire)
        return done

    def _restored(self, report: object) -> object:
        self._log.info("ban list restored: {report}", report=report)
        self.restored = True
        return report

    def _failed(self, failure: Failure) -> None:
        if failure.check(StoreClosed):
            return  # the store's own start-up failure is already fatal and reported
        self._on_fatal(failure)


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
    """Says where everything is once the appliance has started, and that it stops; tells the
    service manager READY=1 only once enforcement has settled and the bans are restored, so
    ``systemctl start`` returning means the node enforces what it stored."""

    def __init__(
        self,
        control: Control,
        kernel: KernelService,
        startup: EnforcementStartup,
        publish: Callable[[Event], None],
        log: Logger,
        *,
        notify: Notify = no_notify,
    ) -> None:
        self.setName("ready-report")
        self._control = control
        self._kernel = kernel
        self._startup = startup
        self._publish = publish
        self._log = log
        self._notify = notify

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
        self._kernel.ready().addCallback(lambda _: self._kernel_report())
        self._startup.ready().addCallback(lambda _: self._settled())
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

    def _kernel_report(self) -> None:
        """Once the kernel service has settled: say plainly where nothing is enforced."""
        status = self._kernel.status()
        if status["state"] == "enforcing":
            return
        config = self._control.config
        if not config.kernel.interfaces:
            self._log.warn(
                "kernel enforcement is attached nowhere: no interface configured. Attach it "
                "with `make run IFACE=eth0` (twistd honeymesh --interface eth0), or list "
                "interfaces under [kernel] interfaces in {config}",
                config=str(config.source),
            )
        else:
            self._log.error(
                "kernel enforcement is {state} on {interfaces}: {reason}",
                state=status["state"],
                interfaces=", ".join(config.kernel.interfaces),
                reason=status["reason"],
            )

    def _settled(self) -> None:
        """Enforcement is up (or its start failed, which stops the node: then no READY=1)."""
        if not self._startup.restored or not self.running:
            return
        kernel = self._kernel.status()
        listening = sum(1 for row in self._control.listener_table() if row["state"] == "listening")
        self._notify(
            READY="1",
            STATUS=f"{self._control.mode}: kernel {kernel['state']}, {listening} listening",
        )

    def stopService(self) -> None:
        super().stopService()
        self._notify(STOPPING="1", STATUS="stopping")
        self._publish(Notice(EventId.NODE_STOPPING, self._control.clock.seconds()))
