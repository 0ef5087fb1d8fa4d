"""`honeymesh peers`, `honeymesh penalize` and `honeymesh designate`: thin clients of the API.

``register(subparsers, api=..., parents=...)`` adds the three subcommands. ``api(args, method,
path, body)`` is the CLI's one way to the daemon (``honeymesh.cli.api``): it returns the decoded
JSON answer or raises the CLI's own error, which the CLI prints as one line.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from honeymesh.cliargs import JSON_FLAG
from honeymesh.text import table

ApiCall = Callable[[argparse.Namespace, str, str, Any], Any]


def _points(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 < value <= 100:
        raise argparse.ArgumentTypeError("points must be above 0 and at most 100")
    return value


def _reason(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("a reason must not be empty")
    return text


def _peer_path(peer_id: str, tail: str = "") -> str:
    return f"/api/v1/peers/{urllib.parse.quote(peer_id, safe='')}{tail}"


def _ago(then: float, now: float) -> str:
    seconds = max(0.0, now - then)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{seconds / size:.0f}{unit} ago"
    return f"{seconds:.0f}s ago"


def format_peers(answer: Any, now: float) -> str:
    """The peer table as text, from the JSON of GET /api/v1/peers."""
    rows = answer["peers"]
    if not rows:
        return "no mesh peers known yet"
    cells = [["PEER", "LEVEL", "SCORE", "HELD", "LAST CHANGE", "WHY"]]
    for p in rows:
        level = p["level"] + ("*" if p["authoritative"] else "")
        cells.append(
            [
                p["id"][:24],
                level,
                f"{p['score']:.1f}",
                str(p["held"]),
                _ago(p["last_change"], now),
                p["last_change_why"],
            ]
        )
    lines = table(cells, right=frozenset({2, 3}))
    t = answer["thresholds"]
    lines.append(
        f"L1 from {t['L1']:g}, L2 from {t['L2']:g}; scores drift to {t['baseline']:g}"
        f" (half-life {t['half_life'] / 3600:g} h); * = L3, designated by an operator"
    )
    return "\n".join(lines)


def register(
    subparsers: Any,
    *,
    api: ApiCall,
    parents: Sequence[argparse.ArgumentParser] = (),
    out: Callable[[], TextIO] | None = None,
    clock: Callable[[], float] = time.time,
) -> None:
    """Add `peers`, `penalize` and `designate` to the `honeymesh` command."""

    def write(text: str) -> None:
        print(text, file=out() if out is not None else None)

    def show(value: Any) -> None:
        write(json.dumps(value, indent=2, sort_keys=True))

    def cmd_peers(args: argparse.Namespace) -> int:
        answer = api(args, "GET", "/api/v1/peers", None)
        if args.json:
            show(answer)
        else:
            write(format_peers(answer, clock()))
        return 0

    def cmd_penalize(args: argparse.Namespace) -> int:
        body = {"points": args.points, "reason": args.reason}
        answer = api(args, "POST", _peer_path(args.peer, "/penalty"), body)
        if args.json:
            show(answer)
            return 0
        peer, penalty = answer["peer"], answer["penalty"]
        write(
            f"{peer['id']}: {penalty['score_before']:.1f} -> {penalty['score_after']:.1f}, "
            f"now {peer['level']} (recorded in the audit trail: {penalty['reason']})"
        )
        return 0

    def cmd_designate(args: argparse.Namespace) -> int:
        body = {"authoritative": not args.revoke, "reason": args.reason}
        answer = api(args, "POST", _peer_path(args.peer, "/designation"), body)
        if args.json:
            show(answer)
            return 0
        peer = answer["peer"]
        what = "no longer authoritative" if args.revoke else "authoritative (L3)"
        write(f"{peer['id']} is {what}; level now {peer['level']}")
        return 0

    p = subparsers.add_parser(
        "peers",
        parents=list(parents),
        help="mesh peers with their trust score, level and last change",
    )
    p.add_argument("--json", **JSON_FLAG)
    p.set_defaults(handler=cmd_peers)

    p = subparsers.add_parser(
        "penalize", parents=list(parents), help="take trust points from a mesh peer (audited)"
    )
    p.add_argument("peer", metavar="PEER", help="the peer's node id")
    p.add_argument("--points", required=True, type=_points, help="points to take (0-100]")
    p.add_argument("--reason", required=True, type=_reason, help="why (kept in the audit trail)")
    p.add_argument("--json", **JSON_FLAG)
    p.set_defaults(handler=cmd_penalize)

    p = subparsers.add_parser(
        "designate",
        parents=list(parents),
        help="make a mesh peer authoritative (L3), or --revoke it",
    )
    p.add_argument("peer", metavar="PEER", help="the peer's node id")
    p.add_argument("--reason", required=True, type=_reason, help="why (kept in the audit trail)")
    p.add_argument("--revoke", action="store_true", help="take L3 away instead")
    p.add_argument("--json", **JSON_FLAG)
    p.set_defaults(handler=cmd_designate)
