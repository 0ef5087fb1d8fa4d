"""The three modes, how they are parsed, and where the current one is kept (``settings``).

* ``test``: every verdict is decided and the decision logged ("would ban"); no automatic ban is
  made, and the kernel drops nothing (it counts would-drops). Operator bans are stored and
  loaded into the kernel maps, and drop once the mode is ``enforce`` or ``lockdown``.
* ``enforce``: verdicts at or above their threshold ban, per policy.
* ``lockdown``: as ``enforce``, and the kernel drops everything that is not allowlisted (ARP and
  IPv6 neighbour discovery excepted) so only administrators reach the box.

A mode switched at run time is stored under the ``mode`` key of the ``settings`` table and wins
over the config's ``node.mode`` at the next start.
"""

from __future__ import annotations

import sqlite3

from honeymesh.config import MODES, Mode

SETTING_KEY = "mode"

DESCRIPTIONS: dict[Mode, str] = {
    "test": "decide and log 'would ban'; nothing is dropped",
    "enforce": "ban per policy",
    "lockdown": "ban per policy, and drop everything not allowlisted",
}


class ModeError(ValueError):
    """Not one of the modes."""


def parse_mode(text: object) -> Mode:
    """``"test"``, ``"enforce"`` or ``"lockdown"`` (any case, surrounding space ignored)."""
    cleaned = text.strip().lower() if isinstance(text, str) else None
    for mode in MODES:
        if cleaned == mode:
            return mode
    shown = repr(text)[:40]
    raise ModeError(f"{shown} is not a mode: use one of {', '.join(MODES)}")


def automatic_bans_enforced(mode: Mode) -> bool:
    """Do verdicts turn into enforced bans in this mode?"""
    return mode != "test"


def read_mode(conn: sqlite3.Connection) -> Mode | None:
    """The stored mode, or None when none was ever stored or the stored value is not a mode."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING_KEY,)).fetchone()
    if row is None:
        return None
    try:
        return parse_mode(row[0])
    except ModeError:
        return None


def write_mode(conn: sqlite3.Connection, mode: Mode) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING_KEY, mode),
    )
