"""Where HoneyMesh's non-Python files are: beside the package in a checkout, or where a wheel
or the Debian package installed them.

The XDP program (``bpf/``) and the dashboard (``static/``) are not Python modules: a wheel
carries them as data files, which pip puts under ``<prefix>/share/honeymesh/`` (``setup.cfg``
``data_files``). A checkout (``pip install -e .``) keeps them at the top of the tree. Looking
beside the package first and at the installed place second finds them in both, and never
confuses an installed HoneyMesh with a checkout elsewhere on the machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
INSTALLED = Path(sys.prefix) / "share" / "honeymesh"


def data_dir(name: str) -> Path:
    """``<checkout>/<name>`` when HoneyMesh runs from its source tree, else the installed copy
    (``<prefix>/share/honeymesh/<name>``)."""
    beside = CHECKOUT / name
    if beside.is_dir() and (CHECKOUT / "honeymesh").is_dir():
        return beside
    return INSTALLED / name
