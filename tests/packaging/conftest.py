"""The Debian package and the appliance image, built once per session (both need root).

``make deb`` rebuilds only when something that goes into the package changed (about two
minutes when it does). The image root is ``scripts/build-image.sh --root``: the cached Debian 12
base (debootstrap once, about five minutes, kept in dist/cache/) with the package installed by
its own maintainer scripts, in about a minute; the tarball ``make image`` packs from the same
root is left to ``make image``, which only adds ``tar`` to what is tested here.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.kernel.conftest import kernel_ok, lab  # noqa: F401 - the namespace lab, shared

ROOT = Path(__file__).resolve().parents[2]


def _version() -> str:
    text = (ROOT / "honeymesh" / "__init__.py").read_text()
    found = re.search(r'^__version__ = "(.+)"$', text, re.M)
    assert found
    return found.group(1)


VERSION = _version()


@pytest.fixture(scope="session")
def deb() -> Path:
    if os.geteuid() != 0:
        pytest.skip("building the package needs root (a mount namespace for /opt/honeymesh)")
    done = subprocess.run(
        ["make", "-C", str(ROOT), "deb"], capture_output=True, text=True, timeout=1200, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    path = ROOT / "dist" / f"honeymesh_{VERSION}_amd64.deb"
    assert path.is_file()
    return path


def build_root(deb: Path, root: Path) -> Path:
    """Debian 12 with the package installed by its own maintainer scripts (dpkg -i, chroot)."""
    done = subprocess.run(
        [str(ROOT / "scripts" / "build-image.sh"), "--root", str(deb), str(root)],
        capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return root


def remove_root(root: Path) -> None:
    subprocess.run(["rm", "-rf", "--one-file-system", str(root)], check=False, timeout=300)


@pytest.fixture(scope="session")
def image_root(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The installed image root the tests share; they leave the package installed."""
    root = build_root(deb, tmp_path_factory.mktemp("image") / "root")
    yield root
    remove_root(root)


@pytest.fixture
def own_root(deb: Path, tmp_path: Path) -> Iterator[Path]:
    """An installed image root of one test's own (for remove and purge)."""
    root = build_root(deb, tmp_path / "root")
    yield root
    remove_root(root)


@dataclass(frozen=True)
class Unit:
    """What honeymesh.service says to run, and how (the subset the tests reproduce)."""

    exec_start_pre: list[tuple[bool, list[str]]]  # (privileged "+", argv)
    exec_start: list[str]
    user: str
    ambient: list[str]
    bounding: list[str]
    environment: dict[str, str]
    working_directory: str
    nofile: int
    settings: dict[str, list[str]]


def parse_unit(text: str) -> Unit:
    settings: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        settings.setdefault(key, []).append(value)
    pre = []
    for value in settings["ExecStartPre"]:
        privileged = value.startswith("+")
        pre.append((privileged, shlex.split(value.lstrip("+"))))
    env = dict(item.split("=", 1) for v in settings.get("Environment", []) for item in v.split())
    return Unit(
        exec_start_pre=pre,
        exec_start=shlex.split(settings["ExecStart"][0]),
        user=settings["User"][0],
        ambient=settings["AmbientCapabilities"][0].split(),
        bounding=settings["CapabilityBoundingSet"][0].split(),
        environment=env,
        working_directory=settings["WorkingDirectory"][0],
        nofile=int(settings["LimitNOFILE"][0]),
        settings=settings,
    )
