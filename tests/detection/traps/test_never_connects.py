"""What docs/TRAPS.md promises of every trap: never an outbound connection, never anything
executed. Read from the trap modules' source: no client or process API is imported, and none of
the calls that connect out or start a program is made (a listening port, FTP's passive one, is
not a connection out)."""

from __future__ import annotations

import ast
from pathlib import Path

import honeymesh.detection.traps

TRAPS = Path(honeymesh.detection.traps.__file__).parent
FORBIDDEN_MODULES = {
    "subprocess", "asyncio", "multiprocessing", "pty", "urllib.request", "http.client", "ftplib",
    "smtplib", "telnetlib", "poplib", "imaplib", "requests", "treq", "twisted.web.client",
    "twisted.internet.endpoints", "twisted.conch.client", "twisted.names.client",
}  # fmt: skip
FORBIDDEN_CALLS = {
    "connectTCP", "connectUDP", "connectSSL", "connectUNIX", "create_connection", "connect",
    "connect_ex", "spawnProcess", "system", "popen", "Popen", "execv", "execve", "execvp",
    "fork", "forkpty", "urlopen",
}  # fmt: skip


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in FORBIDDEN_CALLS:
                found.append(f"{path.name}:{node.lineno} calls {name}()")
            continue
        else:
            continue
        found += [
            f"{path.name}:{node.lineno} imports {name}"
            for name in names
            if name in FORBIDDEN_MODULES or name.split(".")[0] in FORBIDDEN_MODULES
        ]
    return found


def test_no_trap_module_connects_out_or_runs_a_program() -> None:
    modules = sorted(TRAPS.glob("*.py"))
    assert len(modules) > 30  # every trap module is read
    assert [o for path in modules for o in offences(path)] == []


def test_the_check_sees_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import subprocess\nfrom twisted.internet import reactor\n"
        "reactor.connectTCP('192.0.2.1', 80, None)\nsock.connect(('192.0.2.1', 80))\n"
    )
    assert offences(bad) == [
        "bad.py:1 imports subprocess",
        "bad.py:3 calls connectTCP()",
        "bad.py:4 calls connect()",
    ]
