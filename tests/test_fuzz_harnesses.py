"""The short fuzzing pass CI runs: every atheris harness in fuzz/, briefly, must find nothing.

Each harness (docs/FUZZING.md) runs as its own process, as ``make fuzz`` runs it, for a few
thousand coverage-guided inputs; a harness that finds an input breaking its property exits
non-zero and writes that input to ``crash-*``, which fails the test and is kept under
tests/artifacts/fuzz/ to become a regression test. The long runs (a million inputs each) are
``make fuzz``; this pass catches a parser change that breaks a property on easy inputs, and a
harness that no longer starts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESSES = sorted((ROOT / "fuzz").glob("[a-z]*.py"))  # _mutation.py is shared, not a harness
RUNS = 2000
ARTIFACTS = ROOT / "tests" / "artifacts" / "fuzz"


def test_every_hostile_input_parser_has_a_harness() -> None:
    names = {h.stem for h in HARNESSES}
    assert {
        "banfile",
        "client_hello",
        "config",
        "envelope",
        "frame_decoder",
        "license",
        "trap_dialogues",
    } <= names


@pytest.mark.parametrize("harness", HARNESSES, ids=[h.stem for h in HARNESSES])
def test_harness_runs_clean(harness: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(harness),
            f"-runs={RUNS}",
            "-seed=1",  # the same inputs on every run, so a failure here reproduces
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = sorted(tmp_path.glob("crash-*")) + sorted(tmp_path.glob("timeout-*"))
    if found:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for path in found:
            shutil.copy(path, ARTIFACTS / f"{harness.stem}-{path.name}")
    tail = "\n".join(result.stderr.splitlines()[-30:])
    assert result.returncode == 0, f"{harness.name} failed; inputs kept in {ARTIFACTS}:\n{tail}"
    assert not found
    assert re.search(rf"^Done {RUNS} runs", result.stderr, re.MULTILINE), tail
