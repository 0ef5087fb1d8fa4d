"""`make deb` as operators receive it: lintian, the layout, the unit, install, run, remove, purge.

The installed package is exercised in a throwaway Debian 12 root (the image root of
conftest.py), never on this machine: ``dpkg -i`` there runs the real maintainer scripts, and the
daemon runs from there (chroot) in a network namespace exactly as honeymesh.service says: its
ExecStartPre commands, then ExecStart, as its User, with its AmbientCapabilities only, its
LimitNOFILE, its Environment and WorkingDirectory, and a $NOTIFY_SOCKET this test listens on.
There is no systemd as PID 1 here, so the unit is checked by ``systemd-analyze verify`` and its
command lines are run by the test; tests/packaging/test_image.py does the traps, bans and drops.
"""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path

from tests.packaging.conftest import ROOT, VERSION, parse_unit

UNIT = "lib/systemd/system/honeymesh.service"


def run(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout, check=False
    )


def field(deb: Path, name: str) -> str:
    return run("dpkg-deb", "-f", str(deb), name).stdout.strip()


def test_the_package_is_named_and_depends_as_debian_expects(deb: Path) -> None:
    assert deb.name == f"honeymesh_{VERSION}_amd64.deb"
    assert field(deb, "Architecture") == "amd64"
    depends = [d.strip() for d in field(deb, "Depends").split(",")]
    for wanted in ("python3-bpfcc", "libbpfcc", "libbpf1", "nftables", "adduser"):
        assert wanted in depends, depends
    assert any(d.startswith("linux-headers-amd64") for d in depends), depends
    # The venv holds compiled extensions for one Python: pinned to Debian 12's 3.11.
    assert "python3 (>= 3.11)" in depends and "python3 (<< 3.12)" in depends
    control = run("dpkg-deb", "--ctrl-tarfile", str(deb))
    assert control.returncode == 0


def test_the_layout_conffile_and_no_byte_code(deb: Path, tmp_path: Path) -> None:
    tree = tmp_path / "x"
    assert run("dpkg-deb", "-R", str(deb), str(tree)).returncode == 0
    assert (tree / "DEBIAN/conffiles").read_text().split() == ["/etc/honeymesh/honeymesh.toml"]
    for path in (
        "opt/honeymesh/bin/twistd",
        "opt/honeymesh/bin/honeymesh",
        "opt/honeymesh/share/honeymesh/bpf/honeymesh.c",  # found from the installed place
        "opt/honeymesh/share/honeymesh/bpf/honeymesh.h",
        "opt/honeymesh/libexec/kernel-headers",
        "usr/bin/honeymesh",
        UNIT,
        "usr/share/doc/honeymesh/copyright",
        "usr/share/doc/honeymesh/DEPLOY.md",
    ):
        assert (tree / path).exists(), path
    # Built at its real path: every script runs the venv's interpreter where it is installed.
    assert (tree / "opt/honeymesh/bin/twistd").read_text().startswith("#!/opt/honeymesh/bin/")
    assert "home = /usr/bin" in (tree / "opt/honeymesh/pyvenv.cfg").read_text()
    site = next((tree / "opt/honeymesh/lib").glob("python3*/site-packages"))
    assert (site / "bcc").readlink() == Path("/usr/lib/python3/dist-packages/bcc")  # Debian's
    assert not (site / "pip").exists()
    assert not list(tree.rglob("__pycache__"))  # postinst compiles, prerm removes
    assert not list(tree.glob("var/lib/honeymesh"))  # state is made on the node
    config = (tree / "etc/honeymesh/honeymesh.toml").read_text()
    assert 'data_dir = "/var/lib/honeymesh"' in config
    assert 'admin_token_sha256 = ""' in config  # no token shared by every installation


def test_lintian_reports_no_errors_and_only_the_two_documented_overrides(deb: Path) -> None:
    done = run("lintian", "--show-overrides", "--tag-display-limit", "0", str(deb), timeout=900)
    lines = done.stdout.splitlines()
    errors = [line for line in lines if line.startswith("E:")]
    assert not errors, "\n".join(errors[:40])
    overridden = {line.split()[2] for line in lines if line.startswith("O:")}
    assert overridden <= {"dir-or-file-in-opt", "wrong-path-for-interpreter"}, overridden
    documented = (ROOT / "docs" / "DEPLOY.md").read_text()
    warnings = {line.split()[2] for line in lines if line.startswith("W:")}
    missing = [tag for tag in warnings | overridden if tag not in documented]
    assert not missing, f"lintian tags kept but not explained in docs/DEPLOY.md: {missing}"


def test_the_unit_passes_systemd_analyze_verify_in_the_installed_root(image_root: Path) -> None:
    done = run("systemd-analyze", "verify", f"--root={image_root}", "honeymesh.service")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "honeymesh.service" not in done.stdout + done.stderr, done.stdout + done.stderr


def test_the_unit_runs_as_its_own_user_with_four_capabilities_and_sandboxed(
    image_root: Path,
) -> None:
    unit = parse_unit((image_root / UNIT).read_text())
    assert unit.settings["Type"] == ["notify"]
    assert unit.settings["Restart"] == ["on-failure"]
    assert unit.user == "honeymesh"
    caps = {"CAP_BPF", "CAP_PERFMON", "CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE"}
    assert set(unit.ambient) == set(unit.bounding) == caps
    for setting, value in (
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
    ):
        assert unit.settings[setting] == [value], setting
    assert unit.nofile >= 65536
    passwd = (image_root / "etc/passwd").read_text()
    assert any(
        line.startswith("honeymesh:") and line.endswith("/usr/sbin/nologin")
        for line in passwd.splitlines()
    ), "postinst made no system user"
    state = image_root / "var/lib/honeymesh"
    assert state.stat().st_mode & 0o777 == 0o700


def test_upgrade_keeps_edits_and_state_remove_keeps_them_purge_leaves_only_the_user(
    own_root: Path, deb: Path
) -> None:
    image_root = own_root
    base = sorted((ROOT / "dist" / "cache").glob("bookworm-base-*.tar"))[-1]
    with tarfile.open(base) as tar:
        before = {name.removeprefix("./").rstrip("/") for name in tar.getnames()}
    before.discard(".")
    state = image_root / "var/lib/honeymesh"
    (state / "identity.key").write_text("kept\n")  # as a run would have left it
    config = image_root / "etc/honeymesh/honeymesh.toml"
    config.write_text(config.read_text().replace('mode = "test"', 'mode = "enforce"'))

    # An upgrade (the same package again takes the same path: prerm upgrade, new files, postinst
    # configure with the old version) keeps the operator's conffile edit and the node's state.
    (image_root / "tmp/honeymesh.deb").write_bytes(deb.read_bytes())
    upgraded = run("chroot", str(image_root), "dpkg", "-i", "/tmp/honeymesh.deb", timeout=300)
    (image_root / "tmp/honeymesh.deb").unlink()
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert 'mode = "enforce"' in config.read_text()
    assert (state / "identity.key").read_text() == "kept\n"
    assert list((image_root / "opt/honeymesh/lib").rglob("__pycache__"))  # compiled again

    removed = run("chroot", str(image_root), "dpkg", "--remove", "honeymesh", timeout=300)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not (image_root / "opt/honeymesh").exists()  # no byte-code or cache left behind
    assert not (image_root / "usr/bin/honeymesh").exists()
    assert (state / "identity.key").read_text() == "kept\n"  # a reinstall keeps its identity
    assert 'mode = "enforce"' in config.read_text()  # and the operator's configuration

    purged = run("chroot", str(image_root), "dpkg", "--purge", "honeymesh", timeout=300)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    for gone in ("var/lib/honeymesh", "etc/honeymesh", UNIT):
        assert not (image_root / gone).exists(), gone
    after = {
        str(p.relative_to(image_root))
        for p in image_root.rglob("*")
        if not p.is_relative_to(image_root / "proc")
    }
    # Expected: dpkg's and debconf's own records, the system user's entries, systemd-networkd
    # enabled by the image build, and the kernel header links postinst made for this kernel
    # (Debian's headers; left for whatever else compiles against them).
    allowed_prefixes = (
        "var/lib/dpkg/",
        "var/cache/debconf/",
        "var/log/",
        "etc/passwd",
        "etc/group",
        "etc/shadow",
        "etc/gshadow",
        "etc/subuid",
        "etc/subgid",
        "etc/systemd/system/multi-user.target.wants/systemd-networkd.service",
        "lib/modules",
        "usr/lib/modules",
        "var/lib/systemd/deb-systemd-helper-masked",
        "var/lib/systemd/deb-systemd-helper-enabled",
        "tmp",
    )
    left = sorted(p for p in after - before if not p.startswith(allowed_prefixes))
    assert not left, left
    assert "honeymesh:" in (image_root / "etc/passwd").read_text()  # Debian keeps system users
