"""The CLI's habits: global options before the subcommand, `config check`, and the completion
script and man page generated from the argparse definitions (checked by bash and groff)."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
from pathlib import Path

import pytest

from honeymesh.cli import build_parser, main
from honeymesh.config import load_config, loads_config
from honeymesh.configdump import effective, to_toml
from honeymesh.provision import provision


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return provision(tmp_path / "var").config_path


def test_global_options_work_before_the_subcommand_as_after_it() -> None:
    parser = build_parser()
    before = parser.parse_args(["--config", "a.toml", "--token", "t", "--json", "bans"])
    after = parser.parse_args(["bans", "--config", "a.toml", "--token", "t", "--json"])
    both = parser.parse_args(["--config", "x.toml", "bans", "--config", "a.toml"])
    nested = parser.parse_args(["--json", "--config", "a.toml", "mesh", "token", "list"])
    for args in (before, after):
        assert (args.config, args.token, args.json) == ("a.toml", "t", True)
    assert both.config == "a.toml"  # the nearer one wins
    assert (nested.config, nested.json) == ("a.toml", True)
    plain = parser.parse_args(["bans"])
    assert (plain.config, plain.token, plain.json) == (None, None, False)


def test_config_check_prints_the_effective_configuration_that_reads_back_the_same(
    config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config_path), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {config_path}: valid.")
    assert "max_backlog = 50000" in out and "[[traps]]" in out  # defaults the file omits
    config = load_config(config_path)
    again = loads_config(out.encode(), config_path)
    assert again == config  # every key, with the value the node runs with
    assert main(["config", "check", str(config_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["store"]["max_backlog"] == 50000 and data["node"]["mode"] == "test"


def test_config_check_of_a_bad_file_is_one_line_and_status_2(
    tmp_path: Path, config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(config_path.read_text().replace("batch_max = 5000", "batch_max = -1"))
    assert main(["config", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "store.batch_max" in err


def test_the_effective_configuration_round_trips_through_toml_with_hostile_text(
    config_path: Path,
) -> None:
    config = load_config(config_path)
    odd = dataclasses.replace(config.node, name='a "quoted"\\ name\x7f\ttab é 😀')
    config = dataclasses.replace(config, node=odd)
    assert loads_config(to_toml(effective(config)).encode(), config_path) == config


def complete(line: str, script: str) -> list[str]:
    """What bash completes for ``line`` (the last word being completed)."""
    words = line.split(" ")
    program = (
        f"{script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n_honeymesh\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    )
    out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return sorted(w for w in out.stdout.split("\n") if w)


def test_bash_completes_commands_subcommands_options_and_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert complete("honeymesh ba", script) == ["ban", "bans"]
    assert complete("honeymesh mesh to", script) == ["token"]
    assert complete("honeymesh mesh token ", script) == ["create", "list", "revoke"]
    assert complete("honeymesh --config x.toml export --f", script) == ["--format"]
    assert complete("honeymesh export --format ", script) == ["csv", "json", "stix", "text"]
    assert complete("honeymesh mode ", script) == ["enforce", "lockdown", "test"]
    assert "--json" in complete("honeymesh status --", script)


def test_the_man_page_is_clean_roff_and_lists_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manpage"]) == 0
    page = tmp_path / "honeymesh.1"
    page.write_text(capsys.readouterr().out)
    lint = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(page)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert lint.returncode == 0 and lint.stderr == "", lint.stderr
    env = {**os.environ, "LC_ALL": "C.UTF-8", "GROFF_NO_SGR": "1"}
    argv = ["groff", "-man", "-Tutf8", "-P-cbou", str(page)]
    rendered = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    text = rendered.stdout
    for command in ("ban", "mesh token create", "config", "license issue", "export"):
        assert command in text
    assert "--duration" in text.replace("\u2010", "-")
