"""The options every part of the ``honeymesh`` command shares, and how they may be placed.

``--config``, ``--token`` and ``--json`` are accepted before the subcommand (``honeymesh
--config X status``, as ``cscli -c`` and ``git -C`` are) and after it. The top-level parser
gives each its default; each subcommand declares it again with ``default=SUPPRESS``, so that
when it is not given after the subcommand the value given before it (or the default) stays.
"""

from __future__ import annotations

import argparse
from typing import Any

CONFIG_HELP = "configuration file (default ./var/honeymesh.toml or $HONEYMESH_CONFIG)"
AUTH_HELP = (
    "admin token (default $HONEYMESH_TOKEN, or the local operator token when run on the node "
    "as root)"
)

#: ``p.add_argument("--json", **JSON_FLAG)`` in a subcommand.
JSON_FLAG: dict[str, Any] = {
    "action": "store_true",
    "default": argparse.SUPPRESS,
    "help": "machine-readable output",
}


def add_globals(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--config`` and ``--token`` (and, at the top, ``--json``) on ``parser``."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--config", metavar="PATH", default=default, help=CONFIG_HELP)
    parser.add_argument("--token", default=default, help=AUTH_HELP)
    if top:
        parser.add_argument(
            "--json", action="store_true", help="machine-readable output (where data is printed)"
        )
