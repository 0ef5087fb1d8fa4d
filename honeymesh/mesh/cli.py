"""`honeymesh mesh ...`: thin clients of the mesh's admin API routes.

    honeymesh mesh status | peers | token create [--ttl 1h] [--uses 1] [--no-admin]
                 | token list | token revoke ID | join TOKEN | remove NODE

``register(subparsers, api=..., parents=...)`` adds them; ``api(args, method, path, body)`` is
the CLI's one way to the daemon (``honeymesh.cli.api``), which raises the CLI's own error for a
refusal, printed as one line with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any

from honeymesh.cliargs import JSON_FLAG
from honeymesh.enforcement.durations import DurationError, parse_duration
from honeymesh.text import table

ApiCall = Callable[[argparse.Namespace, str, str, Any], Any]


def _ttl(text: str) -> float:
    try:
        seconds = parse_duration(text)
    except DurationError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if seconds is None:
        raise argparse.ArgumentTypeError("a token cannot be permanent")
    return seconds


def _ago(then: float | None, now: float) -> str:
    if then is None:
        return "-"
    seconds = max(0.0, now - then)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{seconds / size:.0f}{unit} ago"
    return f"{seconds:.0f}s ago"


def format_status(s: dict[str, Any]) -> str:
    lines = [f"mesh: {s['state']}  ({s['reason']})"]
    if s["state"] not in ("disabled", "stopped"):
        peers = s["peers"]
        lines += [
            f"cluster: {s['cluster'] or '(none yet: create a token to found one, or join one)'}",
            f"node id: {s['node_id']}",
            f"listening: {s['listen']['address']} port {s['listen']['port']}; "
            f"advertised as {', '.join(s['advertise'])}",
            f"members: {s['members']}; peers: {peers['active']} active, {peers['demoted']} demoted",
            f"publish: {'on' if s['publish'] else 'off'}; consume: "
            f"{'on' if s['consume'] else 'off'}",
        ]
        c = s["counters"]
        lines.append(
            f"signals: {c['signals_published']} published, {c['signals_accepted']} accepted, "
            f"{c['signals_relayed']} relayed, {c['duplicates']} duplicates"
        )
        if s["refused"]:
            refused = ", ".join(f"{k} {v}" for k, v in sorted(s["refused"].items()))
            lines.append(f"refused: {refused}")
    return "\n".join(lines)


def format_peers(answer: dict[str, Any], now: float) -> str:
    rows = answer["peers"]
    if not rows:
        return f"mesh {answer['state']}: no members yet"
    cells = [["NODE", "NAME", "STATE", "BTL", "SCORE", "STAND", "LAST FRAME", "ADDRESS"]]
    for p in rows:
        score = p.get("score")
        cells.append(
            [
                p["node_id"][:16],
                p["name"],
                p["state"],
                p.get("level") or "-",
                "-" if score is None else f"{score:.1f}",
                f"{p['standing']:.1f}",
                _ago(p["last_frame"], now),
                ", ".join(p["addresses"]),
            ]
        )
    return "\n".join(table(cells, right=frozenset({4, 5})))


def format_tokens(rows: Sequence[dict[str, Any]], now: float) -> str:
    if not rows:
        return "no join tokens issued"
    cells = [["TOKEN ID", "STATE", "USES", "EXPIRES", "NOTE"]]
    for r in rows:
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(r["expires"]))
        uses = f"{r['uses_left']}/{r['uses']}"
        cells.append([r["token_id"], r["state"], uses, expires, r["note"]])
    return "\n".join(table(cells, right=frozenset({2})))


def register(sub: Any, *, api: ApiCall, parents: list[argparse.ArgumentParser]) -> None:
    mesh = sub.add_parser("mesh", parents=parents, help="the mesh: status, peers, tokens, join")
    msub = mesh.add_subparsers(dest="mesh_command", required=True, metavar="MESH_COMMAND")

    def out(args: argparse.Namespace, answer: Any, text: Callable[[], str]) -> int:
        if args.json:
            print(json.dumps(answer, indent=2, sort_keys=True, default=str))
        else:
            print(text())
        return 0

    def status(args: argparse.Namespace) -> int:
        answer = api(args, "GET", "/api/v1/mesh", None)
        return out(args, answer, lambda: format_status(answer))

    def peers(args: argparse.Namespace) -> int:
        answer = api(args, "GET", "/api/v1/mesh/peers", None)
        return out(args, answer, lambda: format_peers(answer, time.time()))

    def token_create(args: argparse.Namespace) -> int:
        body = {"ttl": args.ttl, "uses": args.uses, "admin": not args.no_admin, "note": args.note}
        answer = api(args, "POST", "/api/v1/mesh/tokens", body)
        return out(args, answer, lambda: answer["token"])

    def token_list(args: argparse.Namespace) -> int:
        answer = api(args, "GET", "/api/v1/mesh/tokens", None)
        return out(args, answer, lambda: format_tokens(answer["tokens"], time.time()))

    def token_revoke(args: argparse.Namespace) -> int:
        path = "/api/v1/mesh/tokens/" + urllib.parse.quote(args.token_id, safe="")
        answer = api(args, "DELETE", path, None)
        return out(args, answer, lambda: f"token {answer['token_id']} revoked")

    def join(args: argparse.Namespace) -> int:
        answer = api(args, "POST", "/api/v1/mesh/join", {"token": args.join_token})
        return out(
            args,
            answer,
            lambda: f"joined cluster {answer['cluster']} ({answer['members']} members)",
        )

    def remove(args: argparse.Namespace) -> int:
        path = "/api/v1/mesh/members/" + urllib.parse.quote(args.node, safe="")
        answer = api(args, "DELETE", path, None)
        return out(args, answer, lambda: f"removed {answer['removed']} from the cluster")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], helptext: str, where: Any = msub
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = where.add_parser(name, parents=parents, help=helptext)
        p.add_argument("--json", **JSON_FLAG)
        p.set_defaults(handler=handler)
        return p

    add("status", status, "is the mesh running, and why (not)")
    add("peers", peers, "members with connection state, BTL level, standing")
    tokens = msub.add_parser("token", parents=parents, help="join tokens: create, list, revoke")
    tsub = tokens.add_subparsers(dest="token_command", required=True, metavar="TOKEN_COMMAND")
    p = add("create", token_create, "print a new join token", tsub)
    p.add_argument("--ttl", type=_ttl, default=3600.0, help="lifetime, e.g. 10m, 1h (default 1h)")
    p.add_argument("--uses", type=int, default=1, help="how many nodes may join with it")
    p.add_argument("--no-admin", action="store_true", help="the joiner may not admit others")
    p.add_argument("--note", default="", help="shown in token list")
    add("list", token_list, "tokens issued by this node", tsub)
    p = add("revoke", token_revoke, "revoke a token by its id", tsub)
    p.add_argument("token_id")
    p = add("join", join, "join a cluster with a token from one of its members")
    p.add_argument("join_token", metavar="TOKEN")
    p = add("remove", remove, "remove a member from the cluster, everywhere")
    p.add_argument("node", metavar="NODE_ID")
