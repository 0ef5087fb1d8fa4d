"""The `honeymesh` command: set-up (`init`) and admin subcommands that are API clients.

Each subcommand is a function taking the parsed arguments and returning an exit status.
Errors are one line on stderr: exit status 2 for a bad configuration or bad arguments, 1 when
the daemon cannot be reached or refuses.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from honeymesh import __version__
from honeymesh.adminclient import AdminClient, AdminClientError
from honeymesh.cliargs import JSON_FLAG, add_globals
from honeymesh.cliref import bash_completion, man_page
from honeymesh.config import MODES, Config, ConfigError, default_config_path, load_config
from honeymesh.configdump import effective, to_toml
from honeymesh.enforcement.durations import DurationError, format_duration, parse_duration
from honeymesh.license.cli import register as register_license
from honeymesh.mesh.cli import register as register_mesh
from honeymesh.mesh.identity import IdentityError
from honeymesh.net import InvalidAddress, parse_network
from honeymesh.provision import CONFIG_NAME, ProvisionError, provision, provision_state
from honeymesh.text import shown, table
from honeymesh.trust.cli import register as register_trust

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_DAEMON_STOPPED = 3  # tail: the feed ended because the daemon stopped (close 1001)


class CliError(Exception):
    """A failure to report as one line, with its exit status."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def load(args: argparse.Namespace) -> Config:
    path = Path(args.config) if args.config else default_config_path()
    try:
        return load_config(path)
    except ConfigError as e:
        raise CliError(str(e), EXIT_USAGE) from None


def api(args: argparse.Namespace, method: str, path: str, body: Any = None) -> Any:
    try:
        return AdminClient(load(args), token=args.token).request(method, path, body)
    except AdminClientError as e:
        raise CliError(str(e)) from None


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, sort_keys=True, default=str))


# Subcommands -----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    if args.config is not None:
        return init_state(args)
    if args.dir is None:
        raise CliError(
            "init needs --dir (a new data directory) or --config (an existing one)", EXIT_USAGE
        )
    if args.if_missing and (Path(args.dir) / CONFIG_NAME).exists():
        print(f"HoneyMesh already initialised in {args.dir}")
        return EXIT_OK
    try:
        done = provision(
            Path(args.dir), interfaces=tuple(args.interface), mode=args.mode, force=args.force
        )
    except ProvisionError as e:
        raise CliError(str(e), EXIT_USAGE) from None
    print(f"HoneyMesh initialised in {done.config_path.parent}")
    print(f"  configuration: {done.config_path}")
    print(f"  node id:       {done.node_id}")
    print(f"  admin token:   {done.admin_token}")
    print("  The admin token is shown only now and stored only as a hash: keep it to log in")
    print("  to the dashboard. On this machine the `honeymesh` CLI needs no token.")
    return EXIT_OK


def init_state(args: argparse.Namespace) -> int:
    """``init --config PATH``: the configuration exists (the Debian package's conffile); make
    what is missing in its data directory, replace nothing, print no secret."""
    if args.force:
        raise CliError(
            "--force replaces a configuration; with --config nothing is replaced", EXIT_USAGE
        )
    try:
        config = load_config(Path(args.config))
    except ConfigError as e:
        raise CliError(str(e)) from None
    if args.dir is not None and Path(args.dir).resolve() != config.node.data_dir:
        raise CliError(
            f"--dir {args.dir} is not the data directory {args.config} names "
            f"({config.node.data_dir})",
            EXIT_USAGE,
        )
    try:
        created = provision_state(config)
    except (IdentityError, OSError) as e:
        raise CliError(f"cannot initialise {config.node.data_dir}: {e}") from None
    if not created:
        if not args.if_missing:
            print(f"HoneyMesh already initialised in {config.node.data_dir}: nothing to do")
        return EXIT_OK
    print(f"HoneyMesh initialised in {config.node.data_dir} for {args.config}")
    for path in created:
        print(f"  created: {path}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    status = api(args, "GET", "/api/v1/status")
    if args.json:
        print_json(status)
        return EXIT_OK
    node = status["node"]
    print(
        f"HoneyMesh {node['version']} on {node['name']}, mode {status['mode'].upper()}, "
        f"up {node['uptime']:.0f}s"
    )
    print("listeners:")
    rows = []
    for row in status["listeners"]:
        where = f"{row['address']}:{row['port']}"
        state = row["state"] if row["state"] != "failed" else f"FAILED: {row['error']}"
        rows.append([row["kind"], row["name"], row["transport"], where, state])
    for line in table(rows, gap=" "):
        print(f"  {line}")
    kernel = status["kernel"]
    print(
        f"kernel enforcement: {kernel['state']}"
        + (f" ({kernel['reason']})" if kernel.get("reason") else "")
    )
    for name, iface in kernel.get("interfaces", {}).items():
        print(f"  {name}: {iface}")
    if kernel.get("hint"):
        print(f"  {kernel['hint']}")
    if status.get("bans"):
        print(bans_line(status["bans"]))
    print(mesh_line(status.get("mesh")))
    if status.get("descriptors"):
        print(descriptors_line(status["descriptors"]))
    if status.get("workers"):
        print(workers_line(status["workers"]))
    if status.get("outputs"):
        print("outputs:")
        for line in table(output_rows(status["outputs"]), gap=" "):
            print(f"  {line}")
    counters = status["counters"]
    print(
        f"events: {counters['events_published']} published, {counters['events_stored']} "
        f"stored, backlog {counters['store_backlog']}"
    )
    return EXIT_OK


def output_rows(outputs: list[dict[str, Any]]) -> list[list[str]]:
    """One row per [[outputs]] table: name, type, where, state (and why it fails), counters."""
    rows = []
    for o in outputs:
        state = o["state"] + (f" ({o['failing']})" if o.get("failing") else "")
        counts = f"sent {o['sent']}, dropped {o['dropped']}, retried {o['retried']}"
        rows.append([o["name"], o["type"], o["target"], counts, f"queued {o['queued']}", state])
    return rows


def bans_line(bans: dict[str, Any]) -> str:
    """Active bans by kind, allow entries, and the bans the backend has not taken (if any)."""
    line = (
        f"bans: {bans['bans']} active ({bans['exact_v4']} IPv4, {bans['exact_v6']} IPv6, "
        f"{bans['ranges']} ranges), {bans['allows']} allow entries"
    )
    waiting = bans.get("not_enforced", 0)
    if waiting:
        line += (
            f"; {waiting} NOT ENFORCED (refused by the backend, retried at every sweep: "
            "see the ban.enforce_failed and ban.map_full events)"
        )
    return line


def descriptors_line(fds: dict[str, Any]) -> str:
    """The open-file budget: the limit, what is reserved, what each TCP trap may hold."""
    caps = ", ".join(
        f"{name} {c['cap']}" + (f" (of {c['configured']})" if c["cap"] < c["configured"] else "")
        for name, c in fds["trap_caps"].items()
    )
    return (
        f"open files: limit {fds['limit']}, {fds['reserved']} reserved; trap connections "
        f"{fds['trap_connections']} open, {fds['refused_near_limit']} refused near the limit; "
        f"caps: {caps or 'no TCP traps'}"
    )


def workers_line(workers: dict[str, Any]) -> str:
    """The trap workers ([node] workers): how many are up, their pids, restarts, bad frames."""
    pids = ", ".join(f"{w['index']}: {w['pid']}" for w in workers["live"]) or "none"
    return (
        f"trap workers: {len(workers['live'])} of {workers['count']} up (pids {pids}); "
        f"{workers['restarts']} restarted, {workers['bad_frames']} bad frames"
    )


def mesh_line(mesh: dict[str, Any] | None) -> str:
    """The status's one line on the mesh: its state and why, then cluster, members, peers."""
    if mesh is None:
        return "mesh: not part of this node"
    state = mesh["state"]
    if state == "member":
        peers = mesh["peers"]
        roles = " and ".join(r for r in ("publish", "consume") if mesh.get(r)) or "neither"
        return (
            f"mesh: member of cluster {mesh['cluster']} ({roles}), {mesh['members']} members; "
            f"peers {peers['active']} active, {peers['demoted']} demoted, "
            f"{peers.get('offline', 0)} offline"
        )
    if state == "unjoined":
        return "mesh: running, in no cluster yet (create a join token to found one, or join one)"
    if state == "removed":
        return f"mesh: removed from cluster {mesh['cluster']}"
    return f"mesh: {state}: {mesh['reason']}"


# Events and the live feed ---------------------------------------------------------------------


def _when(t: float | None) -> str:
    return "-" if t is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t))


def event_cells(event: dict[str, Any]) -> list[str]:
    """One event as table cells: time, id, source, then its fields as ``key=value``, text as
    it is (escaped where shown, as in the TUI and the dashboard), anything else as JSON."""
    fields = {
        k: v
        for k, v in event.items()
        if k not in ("id", "seq", "event_id", "kind", "time", "source", "detail")
    }
    fields.update(event.get("detail") or {})
    detail = " ".join(
        f"{k}={v if isinstance(v, str) else json.dumps(v, separators=(',', ':'))}"
        for k, v in fields.items()
    )
    source = event.get("source") or "-"
    return [_when(event.get("time")), str(event.get("event_id", "?")), source, detail]


def event_line(event: dict[str, Any]) -> str:
    """One event as one line, for the live feed, where the next rows are not known yet: the
    source column is as wide as an IPv6 address (39), and a wider one pushes the rest right."""
    when, event_id, source, detail = (shown(c) for c in event_cells(event))
    return f"{when}  {event_id:<20} {source:<39} {detail}".rstrip()


def _since(text: str | None) -> float | None:
    """--since: a duration ago ("10m", "2h") or Unix seconds."""
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    try:
        ago = parse_duration(text)
    except DurationError as e:
        raise CliError(f"--since: {e}", EXIT_USAGE) from None
    if ago is None:
        raise CliError("--since: give a duration such as 10m or 2h, or Unix seconds", EXIT_USAGE)
    return time.time() - ago


def cmd_events(args: argparse.Namespace) -> int:
    query: list[tuple[str, str]] = [("limit", str(args.limit))]
    query += [("type", t) for t in args.type]
    query += [("source", s) for s in args.source]
    since = _since(args.since)
    if since is not None:
        query.append(("since", repr(since)))
    if args.before is not None:
        query.append(("before", str(args.before)))
    page = api(args, "GET", "/api/v1/events?" + urllib.parse.urlencode(query))
    if args.json:
        print_json(page)
        return EXIT_OK
    for line in table([event_cells(e) for e in reversed(page["events"])]):
        print(line)
    if page.get("next_before"):
        print(f"(older events: --before {page['next_before']})")
    return EXIT_OK


def cmd_tail(args: argparse.Namespace) -> int:
    """Follow the live feed until interrupted (or until --count events were shown)."""
    from twisted.internet import reactor  # noqa: PLC0415 - only this command runs a reactor
    from twisted.internet.defer import Deferred  # noqa: PLC0415
    from twisted.python.failure import Failure  # noqa: PLC0415

    from honeymesh.feedclient import FeedClientFactory, connect_feed  # noqa: PLC0415

    config = load(args)
    try:
        client = AdminClient(config, token=args.token)
        ticket = client.request("POST", "/api/v1/ws-ticket", {})
    except AdminClientError as e:
        raise CliError(str(e)) from None
    cert = config.data_path(config.api.tls_cert).read_bytes()
    wanted = set(args.type)
    shown = 0
    problem: list[str] = []
    stopped: list[bool] = []

    def on_event(event: dict[str, Any]) -> None:
        nonlocal shown
        if wanted and event.get("event_id") not in wanted:
            return
        print(json.dumps(event, sort_keys=True) if args.json else event_line(event), flush=True)
        shown += 1
        if args.count and shown >= args.count and reactor.running:
            reactor.stop()

    def failed(failure: Failure) -> None:
        if not (args.count and shown >= args.count):  # not just the connection we dropped
            problem.append(failure.getErrorMessage())

    def until_done(feed: FeedClientFactory) -> Deferred[None]:
        def ended(result: object) -> object:
            stopped.append(feed.daemon_stopped)
            return result

        return feed.done.addBoth(ended)

    def start() -> None:
        d = connect_feed(reactor, client.base_url, ticket["ticket"], cert, on_event)
        d.addCallback(until_done)
        d.addErrback(failed)
        d.addBoth(lambda _: reactor.stop() if reactor.running else None)

    reactor.callWhenRunning(start)
    reactor.run()
    if stopped and stopped[0]:
        print("honeymesh: the daemon stopped; the live feed ended", file=sys.stderr)
        return EXIT_DAEMON_STOPPED
    if problem:
        raise CliError(f"the live feed failed: {problem[0]}")
    return EXIT_OK


# Bans, the allowlist, the mode -----------------------------------------------------------------


def _network(text: str) -> str:
    try:
        return str(parse_network(text))
    except InvalidAddress as e:
        raise CliError(str(e), EXIT_USAGE) from None


def _expiry(expires: float | None) -> str:
    if expires is None:
        return "permanent"
    left = expires - time.time()
    return "expired" if left <= 0 else f"{format_duration(left)} left"


BAN_HEADER = ["ID", "NETWORK", "SOURCE", "EXPIRES", "N", "REASONS"]


def ban_cells(ban: dict[str, Any]) -> list[str]:
    enforced = "" if ban.get("enforced", True) else "  NOT ENFORCED"
    return [
        str(ban["id"]),
        ban["network"],
        ban["source"],
        _expiry(ban["expires"]),
        f"#{ban['offence']}",
        f"{'; '.join(ban['reasons'])}{enforced}",
    ]


def ban_line(ban: dict[str, Any]) -> str:
    return table([ban_cells(ban)])[0]


def provenance_lines(ban: dict[str, Any]) -> list[str]:
    """Where a ban came from, for ``explain``: a mesh ban names its publisher, the signal, its
    classification, the trust rule and the corroborating peers; any other ban shows its
    provenance as JSON."""
    provenance = ban.get("provenance") or {}
    if ban.get("source") != "mesh" or "peer" not in provenance:
        return [f"provenance: {json.dumps(provenance, sort_keys=True)}"] if provenance else []
    p = provenance
    lines = [f"published by peer: {p['peer']}"]
    if p.get("via") and p.get("via") != p["peer"]:
        lines.append(f"relayed by: {p['via']}")
    lines.append(f"signal id: {p.get('signal_id') or p.get('envelope') or '?'}")
    lines.append(f"classification: {p.get('classification', '?')}")
    lines.append(
        f"trust rule: {p.get('rule', '?')} (publisher at {p.get('level', '?')}, "
        f"score {p.get('score', '?')})"
    )
    others = [c for c in p.get("corroborators") or [] if isinstance(c, dict)]
    shown = ", ".join(
        f"{c.get('peer', '?')} (signal {c.get('signal_id', '?')}, {c.get('level', '?')})"
        for c in others
    )
    lines.append(f"corroborated by: {shown or 'nobody'}")
    if p.get("suspect"):
        lines.append(f"SUSPECT: {p['suspect']}")
    return lines


def cmd_ban(args: argparse.Namespace) -> int:
    network = _network(args.network)
    try:
        duration = parse_duration(args.duration)
    except DurationError as e:
        raise CliError(f"--duration: {e}", EXIT_USAGE) from None
    body: dict[str, Any] = {"network": network, "duration": duration}
    if args.reason:
        body["reason"] = args.reason
    answer = api(args, "POST", "/api/v1/bans", body)
    if args.json:
        print_json(answer)
        return EXIT_OK
    ban = answer["ban"]
    print(shown(f"banned {ban['network']} ({_expiry(ban['expires'])}, ban {ban['id']}): "
                f"{'; '.join(ban['reasons'])}"))  # fmt: skip
    if answer.get("warning"):
        print(f"warning: {answer['warning']}", file=sys.stderr)
    return EXIT_OK


def cmd_unban(args: argparse.Namespace) -> int:
    network = _network(args.network)
    answer = api(args, "DELETE", "/api/v1/bans/" + urllib.parse.quote(network, safe="/:"))
    if args.json:
        print_json(answer)
    else:
        print(f"unbanned {answer['ban']['network']} (ban {answer['ban']['id']})")
    return EXIT_OK


def cmd_bans(args: argparse.Namespace) -> int:
    bans: list[dict[str, Any]] = []
    after = 0
    while True:
        query = {"active": "false" if args.all else "true", "after": after, "limit": 10000}
        if args.source:
            query["source"] = args.source
        page = api(args, "GET", "/api/v1/bans?" + urllib.parse.urlencode(query))
        bans += page["bans"]
        if not page.get("next_after"):
            break
        after = page["next_after"]
    if args.json:
        print_json({"bans": bans})
        return EXIT_OK
    if not bans:
        print("no active bans" if not args.all else "no bans")
        return EXIT_OK
    for line in table([BAN_HEADER, *(ban_cells(b) for b in bans)], right=frozenset({0})):
        print(line)
    return EXIT_OK


def allow_rows(rules: list[dict[str, Any]]) -> list[list[str]]:
    """One row per network, in the order first listed, naming every reason it is allowed
    ("builtin: loopback; config: kernel.admin_networks; operator: office")."""
    why: dict[str, list[str]] = {}
    for rule in rules:
        reasons = why.setdefault(rule["network"], [])
        text = f"{rule['origin']}: {rule['reason']}"
        if text not in reasons:
            reasons.append(text)
    return [[network, "; ".join(reasons)] for network, reasons in why.items()]


def cmd_allow(args: argparse.Namespace) -> int:
    if args.action == "list":
        answer = api(args, "GET", "/api/v1/allowlist")
        if args.json:
            print_json(answer)
            return EXIT_OK
        for line in table([["NETWORK", "WHY"], *allow_rows(answer["allowlist"])]):
            print(line)
        return EXIT_OK
    if not args.network:
        raise CliError(f"allow {args.action} needs an address or CIDR", EXIT_USAGE)
    network = _network(args.network)
    if args.action == "add":
        body = {"network": network, "reason": args.reason or "allowed by an operator"}
        answer = api(args, "POST", "/api/v1/allowlist", body)
        done = f"allowed {answer['allow']['network']}"
    else:
        path = "/api/v1/allowlist/" + urllib.parse.quote(network, safe="/:")
        answer = api(args, "DELETE", path)
        done = f"removed {answer['allow']['network']} from the allowlist"
    if args.json:
        print_json(answer)
    else:
        print(done)
        if answer.get("warning"):
            print(f"warning: {answer['warning']}", file=sys.stderr)
    return EXIT_OK


def cmd_mode(args: argparse.Namespace) -> int:
    if args.mode is None:
        answer = api(args, "GET", "/api/v1/mode")
        print_json(answer) if args.json else print(answer["mode"])
        return EXIT_OK
    answer = api(args, "POST", "/api/v1/mode", {"mode": args.mode})
    if args.json:
        print_json(answer)
    elif answer["previous"] == answer["mode"]:
        print(f"mode is already {answer['mode'].upper()}")
    else:
        print(f"mode switched from {answer['previous'].upper()} to {answer['mode'].upper()}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    network = _network(args.address)
    answer = api(args, "GET", "/api/v1/explain/" + urllib.parse.quote(network, safe="/:"))
    if args.json:
        print_json(answer)
        return EXIT_OK
    print(shown(answer["summary"]))
    for ban in answer.get("banned_by", []):
        print(f"  ban {ban_line(ban)}")
        for line in provenance_lines(ban):
            print(f"    {shown(line)}")
    for network, why in allow_rows(answer.get("allowed_by", [])):
        print(shown(f"  allowed by {network} ({why})"))
    return EXIT_OK


# Ban files -------------------------------------------------------------------------------------

_FORMAT_BY_SUFFIX = {".txt": "text", ".csv": "csv", ".json": "json"}
_MEDIA_TYPE = {"text": "text/plain", "csv": "text/csv", "json": "application/json",
               "stix": "application/stix+json"}  # fmt: skip


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    fmt = args.format or _FORMAT_BY_SUFFIX.get(path.suffix.lower(), "text")
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
    except OSError as e:
        raise CliError(f"cannot read {path}: {e.strerror}", EXIT_USAGE) from None
    if args.duration is not None:
        try:
            parse_duration(args.duration)
        except DurationError as e:
            raise CliError(f"--duration: {e}", EXIT_USAGE) from None
    query = {"format": fmt}
    if args.duration is not None:
        query["duration"] = args.duration
    if args.reason:
        query["reason"] = args.reason
    path_q = "/api/v1/bans/import?" + urllib.parse.urlencode(query)
    try:
        raw = AdminClient(load(args), token=args.token).raw("POST", path_q, data, _MEDIA_TYPE[fmt])
    except AdminClientError as e:
        raise CliError(str(e)) from None
    answer = json.loads(raw)
    if args.json:
        print_json(answer)
        return EXIT_OK
    print(f"banned {answer['banned']}, refused {len(answer['refused'])}, "
          f"skipped {len(answer['skipped'])}")  # fmt: skip
    for item in answer["refused"]:
        print(shown(f"  line {item['line']}: {item['network']}: {item['error']}"))
    for item in answer["skipped"]:
        print(shown(f"  line {item['line']}: {item['network']}: {item['why']}"))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    query = urllib.parse.urlencode({"format": args.format})
    try:
        raw = AdminClient(load(args), token=args.token).raw("GET", "/api/v1/bans/export?" + query)
    except AdminClientError as e:
        raise CliError(str(e)) from None
    if args.output in (None, "-"):
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        try:
            Path(args.output).write_bytes(raw)
        except OSError as e:
            raise CliError(f"cannot write {args.output}: {e.strerror}", EXIT_USAGE) from None
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    from honeymesh.tui.app import run_tui  # noqa: PLC0415 - urwid only for this command

    config = load(args)
    try:
        client = AdminClient(config, token=args.token)
        client.request("GET", "/api/v1/status")  # fail here, in one line, before the screen
    except AdminClientError as e:
        raise CliError(str(e)) from None
    return run_tui(config, client)


def register_admin(sub: Any, common: argparse.ArgumentParser) -> None:  # noqa: PLR0915
    """The subcommands that operate a running node through its admin API."""
    parents = [common]

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", **JSON_FLAG)

    p = sub.add_parser("events", parents=parents, help="stored events, newest page first")
    p.add_argument("--type", action="append", default=[], metavar="ID", help="event id (repeat)")
    p.add_argument("--source", action="append", default=[], metavar="ADDR", help="source address")
    p.add_argument("--since", metavar="AGO", help="e.g. 10m, 2h, or Unix seconds")
    p.add_argument("--limit", type=int, default=50, help="events per page (1-1000)")
    p.add_argument("--before", type=int, metavar="ID", help="page before this event id")
    json_flag(p)
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser(
        "tail",
        parents=parents,
        help="follow the live event feed",
        description="Follow the live event feed until interrupted, or until --count events.",
        epilog="exit status: 0 interrupted or --count reached; 1 the feed failed or broke off; "
        "3 the daemon stopped (the feed closed with 1001, going away; one line on stderr)",
    )
    p.add_argument("--type", action="append", default=[], metavar="ID", help="event id (repeat)")
    p.add_argument("--count", type=int, default=0, help="stop after this many events")
    p.add_argument("--json", **(JSON_FLAG | {"help": "one JSON object per line"}))
    p.set_defaults(handler=cmd_tail)

    p = sub.add_parser("ban", parents=parents, help="ban an address or CIDR")
    p.add_argument("network", metavar="ADDR_OR_CIDR")
    p.add_argument("--duration", default="1h", help="e.g. 30m, 1h, 2d, permanent (default 1h)")
    p.add_argument("--reason", help="why (shown by explain)")
    json_flag(p)
    p.set_defaults(handler=cmd_ban)

    p = sub.add_parser("unban", parents=parents, help="lift the ban on an address or CIDR")
    p.add_argument("network", metavar="ADDR_OR_CIDR")
    json_flag(p)
    p.set_defaults(handler=cmd_unban)

    p = sub.add_parser("bans", parents=parents, help="list active bans")
    p.add_argument("--all", action="store_true", help="lifted and expired bans too")
    p.add_argument("--source", choices=("local", "operator", "mesh"))
    json_flag(p)
    p.set_defaults(handler=cmd_bans)

    p = sub.add_parser("allow", parents=parents, help="the allowlist: add, remove, list")
    p.add_argument("action", choices=("add", "remove", "list"))
    p.add_argument("network", metavar="ADDR_OR_CIDR", nargs="?")
    p.add_argument("--reason", help="why (for add)")
    json_flag(p)
    p.set_defaults(handler=cmd_allow)

    p = sub.add_parser("mode", parents=parents, help="show or switch test|enforce|lockdown")
    p.add_argument("mode", nargs="?", choices=MODES)
    json_flag(p)
    p.set_defaults(handler=cmd_mode)

    p = sub.add_parser("explain", parents=parents, help="why an address is or is not dropped")
    p.add_argument("address", metavar="ADDR")
    json_flag(p)
    p.set_defaults(handler=cmd_explain)

    p = sub.add_parser("import", parents=parents, help="ban every address in a file")
    p.add_argument("file", metavar="FILE", help="text (one per line), .csv or .json; - for stdin")
    p.add_argument(
        "--format",
        choices=("text", "csv", "json", "stix"),
        help="default: from the suffix (a .json file that is a STIX bundle is read as stix: "
        "each IPv4/IPv6 indicator is a ban until its valid_until)",
    )
    p.add_argument("--duration", help="for entries without their own (default: permanent)")
    p.add_argument("--reason", help="for entries without their own")
    json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", parents=parents, help="write the active bans to a file")
    p.add_argument(
        "--format",
        choices=("text", "csv", "json", "stix"),
        default="json",
        help="stix: one STIX 2.1 bundle of the active bans and the allowlist (docs/STIX.md)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("tui", parents=parents, help="terminal dashboard: events, bans, peers")
    p.set_defaults(handler=cmd_tui)

    register_trust(sub, api=api, parents=parents)
    register_mesh(sub, api=api, parents=parents)


# The parser ------------------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    add_globals(common, top=False)

    parser = argparse.ArgumentParser(prog="honeymesh", description="HoneyMesh appliance admin.")
    parser.add_argument("--version", action="version", version=f"honeymesh {__version__}")
    add_globals(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a data directory with a default configuration")
    p.add_argument("--dir", help="data directory to create")
    p.add_argument(
        "--config",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="use this existing configuration (e.g. /etc/honeymesh/honeymesh.toml): write none, "
        "create what is missing in its data directory (identity, license clock, TLS)",
    )
    p.add_argument(
        "--if-missing",
        action="store_true",
        help="already initialised is success, said nothing about (for a service's start)",
    )
    p.add_argument(
        "--interface",
        action="append",
        default=[],
        metavar="IF",
        help="attach kernel enforcement to this interface (repeatable)",
    )
    p.add_argument("--mode", choices=MODES, default="test")
    p.add_argument("--force", action="store_true", help="replace an existing configuration")
    p.set_defaults(handler=cmd_init)

    register_license(sub)

    p = sub.add_parser("status", parents=[common], help="mode, listeners, kernel state, counters")
    p.add_argument("--json", **JSON_FLAG)
    p.set_defaults(handler=cmd_status)

    register_admin(sub, common)

    p = sub.add_parser(
        "config",
        help="check a configuration file and print the effective configuration",
        description="Check a configuration file (default: --config, $HONEYMESH_CONFIG or "
        "./var/honeymesh.toml) without a running daemon, and print what the node would run "
        "with: the file plus every default, as TOML (or JSON with --json).",
    )
    p.add_argument("action", choices=("check",))
    p.add_argument("file", metavar="FILE", nargs="?", help="the file to check")
    p.add_argument("--json", **JSON_FLAG)
    p.set_defaults(handler=cmd_config)

    p = sub.add_parser("completion", help="print a shell completion script")
    p.add_argument("shell", choices=("bash",))
    p.set_defaults(handler=cmd_completion)

    p = sub.add_parser("manpage", help="print the honeymesh(1) manual page (roff)")
    p.set_defaults(handler=cmd_manpage)
    return parser


def cmd_config(args: argparse.Namespace) -> int:
    path = Path(args.file or args.config or default_config_path())
    try:
        config = load_config(path)
    except ConfigError as e:
        raise CliError(str(e), EXIT_USAGE) from None
    data = effective(config)
    if args.json:
        print_json(data)
    else:
        print(f"# {path}: valid. The effective configuration (the file plus every default):")
        print(to_toml(data), end="")
    return EXIT_OK


def cmd_completion(args: argparse.Namespace) -> int:
    print(bash_completion(build_parser()), end="")
    return EXIT_OK


def cmd_manpage(args: argparse.Namespace) -> int:
    print(man_page(build_parser(), __version__), end="")
    return EXIT_OK


def _not_text(args: argparse.Namespace) -> str | None:
    """The name of the first argument that is not Unicode scalar values, or None. (Python
    decodes bytes of argv that are not UTF-8 as lone surrogates.)"""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return name.replace("_", "-")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever text the database holds (even text stored before input was checked) is
    # printed, escaped if it is not encodable, rather than ending the listing in a traceback.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    bad = _not_text(args)
    if bad is not None:
        print(
            f"honeymesh: {bad} is not valid text (bytes that are not UTF-8, or a lone "
            "surrogate); nothing was sent",
            file=sys.stderr,
        )
        return 2
    try:
        return handler(args)
    except CliError as e:
        print(f"honeymesh: {shown(str(e))}", file=sys.stderr)
        return e.status
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
