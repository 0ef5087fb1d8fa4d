"""``/metrics``: the node's figures in Prometheus text format, read at scrape time.

Nothing is kept in prometheus_client's global registry: ``node_registry`` builds a registry per
API with one collector that asks the ``Control`` facade (and the feed and the auth throttle) for
their current numbers, plus ``EventCounts``, the one bus subscriber that counts events by id and
policy decisions by action since the node started.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    InfoMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from honeymesh.control import Control, ControlError
from honeymesh.events import Decision, Event


class EventCounts:
    """Counts every event by id, and decisions by action and mode."""

    def __init__(self) -> None:
        self.by_id: Counter[str] = Counter()
        self.decisions: Counter[tuple[str, str]] = Counter()

    def __call__(self, event: Event) -> None:
        self.by_id[str(event.event_id)] += 1
        if isinstance(event, Decision):
            self.decisions[(event.action, event.mode)] += 1


class NodeCollector(Collector):
    def __init__(
        self,
        control: Control,
        counts: EventCounts,
        extra: Callable[[], Mapping[str, tuple[float, str]]],
    ) -> None:
        self._control = control
        self._counts = counts
        self._extra = extra

    def collect(self) -> Iterator[Metric]:  # noqa: PLR0912, PLR0915 - one block per figure
        control = self._control
        events = CounterMetricFamily(
            "honeymesh_events", "Events published on the bus, by event id", labels=["event_id"]
        )
        for event_id, n in sorted(self._counts.by_id.items()):
            events.add_metric([event_id], n)
        yield events

        decisions = CounterMetricFamily(
            "honeymesh_decisions", "Policy decisions by action and mode", labels=["action", "mode"]
        )
        for (action, mode), n in sorted(self._counts.decisions.items()):
            decisions.add_metric([action, mode], n)
        yield decisions

        modes = GaugeMetricFamily(
            "honeymesh_mode", "The enforcement mode (1 = current)", labels=["mode"]
        )
        for name in ("test", "enforce", "lockdown"):
            modes.add_metric([name], 1.0 if control.mode == name else 0.0)
        yield modes

        counts = control.ban_counts()
        if counts is not None:
            bans = GaugeMetricFamily(
                "honeymesh_active_bans", "Active bans by kind", labels=["kind"]
            )
            for kind in ("exact_v4", "exact_v6", "ranges"):
                bans.add_metric([kind], counts.get(kind, 0))
            yield bans
            yield GaugeMetricFamily(
                "honeymesh_allow_entries", "Allowlist entries, built-in included",
                value=counts.get("allows", 0),
            )  # fmt: skip
            yield GaugeMetricFamily(
                "honeymesh_unenforced_bans",
                "Active bans stored but refused by the enforcement backend (a full map, no "
                "kernel memory), retried at every sweep",
                value=counts.get("not_enforced", 0),
            )

        packets = control.packet_counters()
        if packets is not None:
            family = CounterMetricFamily(
                "honeymesh_kernel_packets",
                "Packets seen by the XDP program by verdict reason, summed over CPUs",
                labels=["reason"],
            )
            for reason, n in sorted(packets.items()):
                family.add_metric([reason], n)
            yield family

        kernel = control.kernel_status()
        state = GaugeMetricFamily(
            "honeymesh_kernel_enforcement", "Kernel enforcement state (1 = current)",
            labels=["state"],
        )  # fmt: skip
        state.add_metric([str(kernel.get("state", "unknown"))], 1.0)
        yield state

        try:
            peers = control.peers()["peers"]
        except ControlError:
            peers = None
        if peers is not None:
            levels = Counter(str(p.get("level")) for p in peers)
            by_level = GaugeMetricFamily(
                "honeymesh_peers", "Mesh peers by trust level", labels=["level"]
            )
            for level in ("L0", "L1", "L2", "L3"):
                by_level.add_metric([level], levels.get(level, 0))
            yield by_level

        yield from mesh_metrics(control)

        sessions = CounterMetricFamily(
            "honeymesh_trap_sessions", "Trap connections, by trap", labels=["trap"]
        )
        refused = CounterMetricFamily(
            "honeymesh_trap_refused", "Trap connections refused at the limit", labels=["trap"]
        )
        for name, factory in sorted(control.traps.items()):
            sessions.add_metric([name], factory.sessions)
            refused.add_metric([name], factory.refused)
        yield sessions
        yield refused
        yield from descriptor_metrics(control)
        yield from output_metrics(control)

        store = control.store
        yield CounterMetricFamily("honeymesh_events_stored", "Events written to SQLite",
                                  value=store.written)  # fmt: skip
        yield CounterMetricFamily("honeymesh_events_lost", "Events the store could not write",
                                  value=store.lost)  # fmt: skip
        yield GaugeMetricFamily("honeymesh_store_backlog", "Events waiting to be written",
                                value=store.backlog)  # fmt: skip
        yield GaugeMetricFamily("honeymesh_store_degraded",
                                "1 while the database cannot be written (store.degraded)",
                                value=float(store.degraded is not None))  # fmt: skip
        yield CounterMetricFamily("honeymesh_store_write_failures",
                                  "Attempts to write the database that failed",
                                  value=store.write_failures)  # fmt: skip

        license_summary = control.license_summary()
        if license_summary is not None:
            tier = GaugeMetricFamily(
                "honeymesh_license_tier", "License tier in force (1 = current)", labels=["tier"]
            )
            tier.add_metric([str(license_summary["tier"])], 1.0)
            yield tier

        for name, (value, documentation) in sorted(self._extra().items()):
            if name.endswith("_total"):
                yield CounterMetricFamily(
                    f"honeymesh_{name.removesuffix('_total')}", documentation, value=value
                )
            else:
                yield GaugeMetricFamily(f"honeymesh_{name}", documentation, value=value)


MESH_STATES = ("stopped", "disabled", "unjoined", "member", "removed")
PEER_STATES = ("active", "demoted", "offline")
_MESH_SIGNALS = (
    ("signals_published", "Signals this node signed and sent into the mesh"),
    ("signals_accepted", "Remote signals that passed the gate (first copies)"),
    ("signals_relayed", "Accepted signals passed on to other peers"),
    ("duplicates", "Copies of signals already seen, dropped"),
    ("joins", "Nodes this node admitted with one of its join tokens"),
)


def descriptor_metrics(control: Control) -> Iterator[Metric]:
    """The open-file budget: alert before the traps are full, not after the API is starved."""
    if control.descriptors is None:
        return
    fds: Mapping[str, Any] = control.descriptors()
    yield GaugeMetricFamily(
        "honeymesh_open_files_limit", "Soft open-file limit in force", value=fds["limit"]
    )
    yield GaugeMetricFamily(
        "honeymesh_open_files_reserved",
        "Descriptors kept back from the traps (API, store, logs, kernel, mesh, listeners)",
        value=fds["reserved"],
    )
    yield GaugeMetricFamily(
        "honeymesh_trap_connections", "Trap connections open now, all traps",
        value=fds["trap_connections"],
    )  # fmt: skip
    yield CounterMetricFamily(
        "honeymesh_trap_refused_near_limit",
        "Trap connections refused because the process was near its open-file limit",
        value=fds["refused_near_limit"],
    )
    caps = GaugeMetricFamily(
        "honeymesh_trap_cap", "Most connections a TCP trap may hold at once", labels=["trap"]
    )
    for name, cap in sorted(fds["trap_caps"].items()):
        caps.add_metric([name], cap["cap"])
    yield caps


_OUTPUT_COUNTERS = (
    ("sent", "Events an output handed to its receiver (syslog: written; webhook: answered 2xx)"),
    ("dropped", "Events an output dropped: its queue full, refused by the receiver, or at stop"),
    ("retried", "Webhook batches retried; syslog TCP/TLS reconnections"),
)


def output_metrics(control: Control) -> Iterator[Metric]:
    """Each [[outputs]] table's counters and queue, labelled by its name and type."""
    outputs: list[Mapping[str, Any]] = []
    if control.outputs is not None:
        outputs.extend(control.outputs())
    for key, documentation in _OUTPUT_COUNTERS:
        family = CounterMetricFamily(
            f"honeymesh_output_{key}", documentation, labels=["output", "type"]
        )
        for output in outputs:
            family.add_metric([str(output["name"]), str(output["type"])], output[key])
        yield family
    queued = GaugeMetricFamily(
        "honeymesh_output_queued", "Events an output holds, not yet delivered",
        labels=["output", "type"],
    )  # fmt: skip
    for output in outputs:
        queued.add_metric([str(output["name"]), str(output["type"])], output["queued"])
    yield queued


def mesh_metrics(control: Control) -> Iterator[Metric]:
    """The mesh: its state, members, peers by connection state, frames, signals, refusals.

    Nothing when the node has no mesh part; a disabled mesh says so (state, zeros).
    """
    try:
        status = control.mesh_status()
        peers: list[dict[str, Any]] = control.mesh_peers()["peers"]
    except ControlError:
        return
    state = GaugeMetricFamily(
        "honeymesh_mesh_state", "The mesh's state (1 = current)", labels=["state"]
    )
    for name in MESH_STATES:
        state.add_metric([name], 1.0 if status["state"] == name else 0.0)
    yield state
    info = InfoMetricFamily("honeymesh_mesh", "This node in the mesh")
    info.add_metric([], {"cluster": str(status["cluster"] or ""), "node_id": status["node_id"]})
    yield info
    yield GaugeMetricFamily(
        "honeymesh_mesh_members", "Members of the cluster, this node included",
        value=status["members"],
    )  # fmt: skip
    by_state = Counter(str(p["state"]) for p in peers if not p.get("self"))
    connected = GaugeMetricFamily(
        "honeymesh_mesh_peers",
        "Other members by connection state (demoted: connected, not sent signals)",
        labels=["state"],
    )
    for name in PEER_STATES:
        connected.add_metric([name], by_state.get(name, 0))
    yield connected
    counters = status["counters"]
    frames = CounterMetricFamily(
        "honeymesh_mesh_frames", "Mesh frames over all connections", labels=["direction"]
    )
    frames.add_metric(["in"], counters["frames_in"])
    frames.add_metric(["out"], counters["frames_out"])
    yield frames
    for key, documentation in _MESH_SIGNALS:
        yield CounterMetricFamily(f"honeymesh_mesh_{key}", documentation, value=counters[key])
    refused = CounterMetricFamily(
        "honeymesh_mesh_refused",
        "What the mesh refused, by stage (tls, hello, frame, record, signal, join) and reason",
        labels=["stage", "reason"],
    )
    for key, n in sorted(status["refused"].items()):
        stage, _, reason = str(key).partition(":")
        refused.add_metric([stage, reason], n)
    yield refused


def node_registry(
    control: Control, counts: EventCounts, extra: Callable[[], Mapping[str, tuple[float, str]]]
) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(NodeCollector(control, counts, extra))
    return registry
