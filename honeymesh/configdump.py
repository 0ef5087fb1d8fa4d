"""The effective configuration written back as TOML (``honeymesh config check``).

An operator's file names what differs from the defaults; what the node will actually run with
is the file plus every default. ``effective(config)`` is that, as plain data (the schema's own
field order, paths as strings), and ``to_toml`` writes it so that ``load_config`` reads back the
same ``Config`` (a test checks the round trip), which makes it a complete, commented-free
starting point too.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

from honeymesh.config import Config

Data = dict[str, Any]


def effective(config: Config) -> Data:
    """The configuration as TOML-shaped data: every key the schema has, with its value."""
    return _table(config)


def _table(obj: Any) -> Data:
    out: Data = {}
    for f in dataclasses.fields(obj):
        if f.metadata.get("toml", True):
            out[f.name] = _value(getattr(obj, f.name))
    return out


def _value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _table(value)
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def to_toml(data: Data) -> str:
    """TOML text for ``effective`` data: scalars and arrays of scalars first, then sub-tables
    (``[a.b]``), then arrays of tables (``[[traps]]``), as TOML requires."""
    lines: list[str] = []
    _emit(data, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _emit(table: Data, path: list[str], lines: list[str], *, array: bool = False) -> None:
    scalars = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_tables(v)}
    if path:
        header = ".".join(_key(p) for p in path)
        lines += ["", f"[[{header}]]" if array else f"[{header}]"]
    lines += [f"{_key(k)} = {_literal(v)}" for k, v in scalars.items()]
    for k, v in table.items():
        if isinstance(v, dict):
            _emit(v, [*path, k], lines)
    for k, v in table.items():
        if _is_tables(v):
            for item in v:
                _emit(item, [*path, k], lines, array=True)


def _key(name: str) -> str:
    bare = name.replace("_", "").replace("-", "").isalnum() and name.isascii()
    return name if bare else _string(name)


def _string(text: str) -> str:
    # JSON's escapes are TOML's (\" \\ \b \f \n \r \t \u00XX); DEL must be escaped in TOML.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _literal(value: Any) -> str:  # noqa: PLR0911 - one return per TOML type
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if value is None:  # TOML has no null: the schema never holds one in a written key
        raise ValueError("a configuration value is None, which TOML cannot write")
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
