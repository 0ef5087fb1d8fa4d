"""The `honeymesh` command: set-up (`init`) and admin subcommands that are API clients.

Each subcommand is a function taking the parsed arguments and returning an exit status.
Errors are one line on stderr: exit status 2 for a bad configuration or bad arguments, 1 when
the daemon cannot be reached or refuses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from honeymesh import __version__
from honeymesh.adminclient import AdminClient, AdminClientError
from honeymesh.config import MODES, Config, ConfigError, default_config_path, load_config
from honeymesh.license.cli import register as register_license
from honeymesh.provision import ProvisionError, provision

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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
    for row in status["listeners"]:
        where = f"{row['address']}:{row['port']}"
        state = row["state"] if row["state"] != "failed" else f"FAILED: {row['error']}"
        print(f"  {row['kind']:<5} {row['name']:<16} {row['transport']:<4} {where:<28} {state}")
    kernel = status["kernel"]
    print(
        f"kernel enforcement: {kernel['state']}"
        + (f" ({kernel['reason']})" if kernel.get("reason") else "")
    )
    for name, iface in kernel.get("interfaces", {}).items():
        print(f"  {name}: {iface}")
    if kernel.get("hint"):
        print(f"  {kernel['hint']}")
    counters = status["counters"]
    print(
        f"events: {counters['events_published']} published, {counters['events_stored']} "
        f"stored, backlog {counters['store_backlog']}"
    )
    return EXIT_OK


# The parser ------------------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="PATH",
        help="configuration file (default ./var/honeymesh.toml or $HONEYMESH_CONFIG)",
    )
    common.add_argument(
        "--token",
        help="admin token (default $HONEYMESH_TOKEN, or the local "
        "operator token when run on the node as root)",
    )

    parser = argparse.ArgumentParser(prog="honeymesh", description="HoneyMesh appliance admin.")
    parser.add_argument("--version", action="version", version=f"honeymesh {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a data directory with a default configuration")
    p.add_argument("--dir", required=True, help="data directory to create")
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
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CliError as e:
        print(f"honeymesh: {e}", file=sys.stderr)
        return e.status
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
