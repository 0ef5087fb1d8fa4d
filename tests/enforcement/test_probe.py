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


def test_xdp_needs_cap_bpf_and_cap_net_admin_not_root_and_says_which_is_missing() -> None:
    bpf, net_admin, sys_admin = 1 << probe.CAP_BPF, 1 << probe.CAP_NET_ADMIN, 1 << 21
    assert probe.missing_capabilities(bpf | net_admin) == []  # honeymesh.service's user
    assert probe.missing_capabilities(sys_admin | net_admin) == []  # kernels before CAP_BPF
    assert probe.missing_capabilities(net_admin) == ["CAP_BPF"]
    assert probe.missing_capabilities(bpf) == ["CAP_NET_ADMIN"]
    assert probe.missing_capabilities(0) == ["CAP_BPF", "CAP_NET_ADMIN"]


def test_the_effective_set_is_read_from_proc_status() -> None:
    status = "Name:\tx\nCapInh:\t0000000000000000\nCapEff:\t0000008000001000\n"
    assert probe.effective_capabilities(status) == (1 << 39) | (1 << 12)
    if os.geteuid() == 0:  # root here has every capability XDP needs
        assert probe.missing_capabilities() == []
