"""The set-up's one-line answer about bcc when the kernel ships no headers."""

from __future__ import annotations

import os
from typing import Any

import pytest

from honeymesh.enforcement import probe


def test_missing_headers_are_named_with_the_path_bcc_looks_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = os.uname()

    def fake_uname() -> Any:
        return os.uname_result(
            (real.sysname, real.nodename, "0.0.0-no-such-kernel", real.version, real.machine)
        )

    monkeypatch.setattr(os, "uname", fake_uname)
    problem = probe.kernel_headers_problem()
    assert problem is not None
    assert "no kernel headers at /lib/modules/0.0.0-no-such-kernel/build" in problem
    if os.geteuid() == 0:
        ok, why = probe.probe_bcc()
        assert not ok and why == problem  # said before any compiler runs
