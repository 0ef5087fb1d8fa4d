"""The layering rules of docs/ARCHITECTURE.md, checked by parsing every import."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "honeymesh"

# Pure logic: may not import wiring, surfaces or I/O-heavy layers.
PURE = (
    "honeymesh.detection",
    "honeymesh.trust",
    "honeymesh.license",
    "honeymesh.mesh.wire",
    "honeymesh.mesh.gate",
)
SURFACES = ("honeymesh.web", "honeymesh.tui", "honeymesh.tap", "honeymesh.cli")
# What pure logic may not reach into either: it gets addresses from honeymesh.net, not from here.
ENFORCING = ("honeymesh.enforcement", "honeymesh.policy")
# The neutral bottom layer every other one may import: nothing of honeymesh itself.
NEUTRAL = ("honeymesh.net", "honeymesh.text", "honeymesh.threadname")
# Who may touch the kernel (bcc, ctypes over libbpf).
KERNEL_MODULES = ("bcc", "ctypes")
KERNEL_OWNERS = (
    "honeymesh.enforcement",
    "honeymesh.workers.child",  # prctl(PR_SET_PDEATHSIG) alone: a trap worker dies with the daemon
)
# ctypes outside the kernel: the two OpenSSL calls Python's ssl module lacks (automatic DH
# sizing and a group list), on the libssl that module already uses; this module alone.
LIBSSL_OWNER = "honeymesh.detection.traps.tls_profiles"
# Operator surfaces reach the appliance only through the facade, never into services.
SERVICE_LAYERS = (
    "honeymesh.store",
    "honeymesh.enforcement",
    "honeymesh.mesh.service",
    "honeymesh.detection.traps",
    "honeymesh.policy",
)


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def all_modules() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def test_pure_layers_import_no_surfaces() -> None:
    bad = [
        (mod, imp)
        for mod, imps in all_modules().items()
        if within(mod, PURE)
        for imp in imps
        if within(imp, SURFACES)
    ]
    assert bad == []


def test_pure_layers_do_not_reach_into_enforcement() -> None:
    bad = [
        (mod, imp)
        for mod, imps in all_modules().items()
        if within(mod, PURE)
        for imp in imps
        if within(imp, ENFORCING)
    ]
    assert bad == []


def test_the_neutral_layer_imports_nothing_of_honeymesh() -> None:
    modules = all_modules()
    assert "honeymesh.net" in modules and "honeymesh.text" in modules
    bad = [
        (mod, imp)
        for mod, imps in modules.items()
        if within(mod, NEUTRAL)
        for imp in imps
        if within(imp, ("honeymesh",))
    ]
    assert bad == []


def test_only_enforcement_touches_the_kernel() -> None:
    bad = [
        (mod, imp)
        for mod, imps in all_modules().items()
        if not within(mod, KERNEL_OWNERS)
        for imp in imps
        if within(imp, KERNEL_MODULES) and not (mod == LIBSSL_OWNER and within(imp, ("ctypes",)))
    ]
    assert bad == []


def test_surfaces_use_the_facade_not_services() -> None:
    surfaces = ("honeymesh.web", "honeymesh.tui")
    bad = [
        (mod, imp)
        for mod, imps in all_modules().items()
        if within(mod, surfaces)
        for imp in imps
        if within(imp, SERVICE_LAYERS)
    ]
    assert bad == []


def test_nothing_imports_the_wiring_but_the_plugin() -> None:
    bad = [
        (mod, imp)
        for mod, imps in all_modules().items()
        for imp in imps
        if imp == "honeymesh.tap" and mod != "honeymesh.tap"
    ]
    assert bad == []


def test_the_checker_sees_imports() -> None:
    """Guard against a checker that passes because it found nothing."""
    modules = all_modules()
    assert "honeymesh.tap" in modules
    assert "honeymesh.store.db" in modules["honeymesh.tap"]
