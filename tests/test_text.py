"""One escaping for attacker-controlled text on every surface, and tables whose columns hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from honeymesh.text import shown, table
from honeymesh.tui.app import ban_rows

# (what a client sent, how every surface shows it); tests/e2e/test_attacker_text.py checks that
# the dashboard's shown() in static/app.js gives the same for each.
SAMPLES = [
    ("root\r\nfake row", "root\\r\\nfake row"),
    ("\x1b[2J\x1b[31mred\x1b]0;title\x07", "\\x1b[2J\\x1b[31mred\\x1b]0;title\\x07"),
    ("invoice\u202egnp.exe", "invoice\\u202egnp.exe"),
    ("\u2066isolate\u2069 \u200f\u061c", "\\u2066isolate\\u2069 \\u200f\\u061c"),
    ("nul\x00 tab\t del\x7f c1\x85\x9b", "nul\\x00 tab\\t del\\x7f c1\\x85\\x9b"),
    ("line\u2028para\u2029", "line\\u2028para\\u2029"),
    ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ("plain text, ünïcödé, 日本語, emoji 👍 and a back\\slash", None),
]


def test_every_unsafe_character_is_shown_as_its_escape_and_nothing_else_changes() -> None:
    for sent, expected in SAMPLES:
        out = shown(sent)
        assert out == (sent if expected is None else expected)
        assert out.isprintable() or expected is None
        out.encode("utf-8")  # never a lone surrogate left: every output can be written


def test_table_columns_fit_their_widest_cell_and_escapes_never_break_a_row() -> None:
    rows = [
        ["NETWORK", "ORIGIN", "WHY"],
        ["fe80::1%enp0s31f6/128", "builtin", "this node's address on enp0s31f6"],
        ["2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128", "config", "kernel.admin_networks"],
        ["127.0.0.0/8", "builtin", "a\r\nforged row"],
        ["日本/8", "x", "wide"],
    ]
    lines = table(rows)
    assert len(lines) == len(rows)
    # the second column starts at one place on every line
    starts = {line.index(row[1]) for line, row in zip(lines[:4], rows[:4], strict=True)}
    assert len(starts) == 1
    assert lines[3].endswith("a\\r\\nforged row")
    assert lines[4].index("x") == next(iter(starts)) - 2  # two wide characters: two columns each
    numbers = table([["ID", "N"], ["7", "1"], ["12345", "22"]], right=frozenset({0}))
    assert numbers == ["   ID  N", "    7  1", "12345  22"]


def test_the_dashboard_never_writes_text_as_html() -> None:
    static = Path(__file__).resolve().parent.parent / "static"
    scripts = sorted(static.glob("*.js"))
    assert scripts
    for script in scripts:
        source = script.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in source, f"{script.name} uses {sink}"
    assert (
        'td.textContent = text === null || text === undefined ? "" : shown(text);'
        in (static / "app.js").read_text()
    )  # every table cell goes through shown()


def test_the_tuis_bans_pane_keeps_its_columns_for_a_long_ipv6_network() -> None:
    bans: list[dict[str, Any]] = [
        {"network": "2001:db8:1234:5678:9abc:def0:1234:5678/128", "source": "operator",
         "expires": None, "reasons": ["long"]},
        {"network": "203.0.113.7/32", "source": "local", "expires": 60.0,
         "reasons": ["ssh\r\nforged"]},
    ]  # fmt: skip
    rows = ban_rows(bans, 0.0)
    starts = [row.index(ban["source"]) for row, ban in zip(rows, bans, strict=True)]
    assert starts == [43, 43]  # the long network's 42 characters and one space, on both rows
    assert rows[1].endswith("ssh\\r\\nforged")
