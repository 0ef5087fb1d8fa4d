#!/usr/bin/env python3
"""Write honeymesh/detection/traps/redis_config_data.py from Debian 12's redis-server.

The Redis trap answers ``CONFIG GET`` as the server it claims answers it: Debian 12's
redis-server 7.0.15 run as its systemd unit runs it (``/etc/redis/redis.conf``, supervised by
systemd, not daemonized), exposed as the boxes attackers find are (``bind * -::*``,
``protected-mode no``). This starts that server on a loopback port with a copy of Debian's
file changed in just those lines (and its port, pid file, log file and directory, which are set
back to Debian's in the output), asks ``CONFIG GET *`` (aliases included, as Redis 7.0 lists
them) and the configs Redis hides from patterns but gives by name, and writes them out.
"""

from __future__ import annotations

import pprint
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "honeymesh/detection/traps/redis_config_data.py"
# Gettable by name only (hidden from CONFIG GET *): found by asking for every lower-case word
# of the binary's strings that CONFIG GET * does not list.
HIDDEN = (
    "key-load-delay",
    "loading-process-events-interval-bytes",
    "lua-enable-deprecated-api",
    "rdb-key-save-delay",
    "use-exit-on-panic",
    "watchdog-period",
)
# What the persona's server has where the capture's own instance had to differ.
DEBIAN = {
    "bind": "* -::*",
    "port": "6379",
    "pidfile": "/run/redis/redis-server.pid",
    "logfile": "/var/log/redis/redis-server.log",
    "dir": "/var/lib/redis",
}


def resp(*args: bytes) -> bytes:
    return b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args)


def config_get(port: int, *patterns: str) -> list[tuple[str, str]]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(resp(b"CONFIG", b"GET", *(p.encode() for p in patterns)))
        f = s.makefile("rb")
        count = int(f.readline()[1:])
        items = []
        for _ in range(count):
            size = int(f.readline()[1:])
            items.append(f.read(size + 2)[:-2].decode())
    return list(zip(items[::2], items[1::2], strict=True))


def main() -> int:
    with tempfile.TemporaryDirectory() as where:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        text = Path("/etc/redis/redis.conf").read_text()
        changes = {
            "bind": "127.0.0.1",  # loopback here; the persona's "* -::*" is written out
            "protected-mode": "no",
            "daemonize": "no",
            "port": str(port),
            "pidfile": f"{where}/pid",
            "logfile": f"{where}/log",
            "dir": where,
        }
        for key, value in changes.items():
            text, n = re.subn(rf"^{key} .*$", f"{key} {value}", text, count=1, flags=re.M)
            assert n == 1, f"Debian's redis.conf has no {key} line"
        conf = Path(where) / "redis.conf"
        conf.write_text(text)
        server = subprocess.Popen(
            ["/usr/bin/redis-server", str(conf), "--supervised", "systemd"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    listed = config_get(port, "*")
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                raise SystemExit("redis-server did not start")
            hidden = [pair for name in HIDDEN for pair in config_get(port, name)]
            version = subprocess.run(
                ["/usr/bin/redis-server", "--version"], capture_output=True, text=True, check=True
            ).stdout.split()[2]
        finally:
            server.terminate()
            server.wait(10)
    listed = sorted((name, DEBIAN.get(name, value)) for name, value in listed)
    body = (
        f'"""CONFIG GET of Debian 12\'s redis-server {version.removeprefix("v=")} as its systemd'
        " unit runs it,\nexposed (``bind * -::*``, ``protected-mode no``).\n\nWritten by"
        ' scripts/gen_redis_config.py; do not edit."""\n\n'
        "# (name, value) of every config CONFIG GET * lists (aliases included), by name\n"
        f"LISTED: tuple[tuple[str, str], ...] = {pprint.pformat(tuple(listed), width=96)}\n\n"
        "# Configs given by name only\n"
        f"HIDDEN: tuple[tuple[str, str], ...] = {pprint.pformat(tuple(hidden), width=96)}\n"
    )
    OUT.write_text(body)
    print(f"{OUT}: {len(listed)} listed, {len(hidden)} hidden", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
