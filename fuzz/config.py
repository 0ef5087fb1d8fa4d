"""Fuzz the TOML config loader (honeymesh/config.py) with atheris.

    .venv/bin/python fuzz/config.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags as in fuzz/client_hello.py; ``make fuzz`` runs it with the others and the pytest
short pass, tests/test_fuzz_harnesses.py, runs it for a few thousand inputs.)

The config is written by people, by hand, and ``twistd``/``honeymesh`` must answer any mistake
with one readable line naming file and key, never a traceback (``tap.Options.postOptions`` and
the CLI turn ``ConfigError`` into that line and exit 2; anything else escapes as a traceback).
Each input is used one of two ways, chosen by its first byte:

* raw: the rest is the file.
* mutated: the file ``honeymesh init`` writes, with every commented trap example switched on
  (all twelve trap types), changed by bit flips, truncation or bytes spliced in, so that the
  fuzzer spends its time on values and keys rather than on TOML syntax.

``loads_config`` (what ``load_config`` runs on the bytes it read) returns a ``Config`` or raises
``ConfigError`` whose message is one line; what loads has an absolute data directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _mutation import mutate

# tomllib is not instrumented: tracing its per-character loops made each input twelve times
# slower, and the mutated inputs get past TOML's syntax without its coverage.
with atheris.instrument_imports(include=["honeymesh.config"]):
    from honeymesh.config import Config, ConfigError, loads_config

from honeymesh.provision import render_config

PATH = Path("/nonexistent/honeymesh-fuzz/honeymesh.toml")
TEMPLATE = render_config(
    data_dir=Path("/var/lib/honeymesh"),
    mode="enforce",
    interfaces=("eth0",),
    token_sha256="ab" * 32,
    name="fuzz",
)
EXAMPLES = TEMPLATE.index("# [[traps]]")
ALL_TRAPS = TEMPLATE[:EXAMPLES] + "\n".join(
    ln[2:] if ln.startswith("# ") else "" for ln in TEMPLATE[EXAMPLES:].splitlines()
)
# Without the comments and blank lines (two thirds of the template): each mutated input costs
# a third of the parsing, and the mutations land on keys and values.
SEEDS = [
    "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")).encode()
    for text in (TEMPLATE, ALL_TRAPS)
]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    raw = (
        mutate(fdp, SEEDS, splice=256, max_cut=256)
        if fdp.ConsumeBool()
        else fdp.ConsumeBytes(fdp.remaining_bytes())
    )
    try:
        config = loads_config(raw, PATH)
    except ConfigError as e:
        assert "\n" not in str(e), str(e)
        assert str(e).startswith(f"{PATH}: "), str(e)
        return
    assert isinstance(config, Config)
    assert config.node.data_dir.is_absolute()
    assert config.source == PATH


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
