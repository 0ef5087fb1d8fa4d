"""A real rsyslogd (Debian's rsyslog and rsyslog-gnutls) on loopback, for the syslog output.

It listens on UDP, TCP and TLS (gtls, its own self-signed certificate for ``localhost``),
parses each message's structured data (mmpstrucdata) and writes every message as one JSON
object with the fields rsyslog parsed: input, pri, hostname, app_name, msgid, structured_data,
msg, and ``sd`` (the structured data as rsyslog understood it).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.daemon import free_port

RSYSLOGD = shutil.which("rsyslogd") or "/usr/sbin/rsyslogd"

CONF = """\
global(workDirectory="{dir}" maxMessageSize="64k"
  DefaultNetstreamDriverCAFile="{dir}/cert.pem" DefaultNetstreamDriverCertFile="{dir}/cert.pem"
  DefaultNetstreamDriverKeyFile="{dir}/key.pem")
module(load="imudp")
module(load="imtcp" maxSessions="100")
module(load="mmpstrucdata")
input(type="imudp" address="127.0.0.1" port="{udp}" name="udp")
input(type="imtcp" address="127.0.0.1" port="{tcp}" name="tcp")
input(type="imtcp" address="127.0.0.1" port="{tls}" name="tls" streamDriver.name="gtls"
  streamDriver.mode="1" streamDriver.authMode="anon")
template(name="fields" type="list" option.jsonf="on") {{
  property(outname="input" name="inputname" format="jsonf")
  property(outname="pri" name="pri" format="jsonf")
  property(outname="hostname" name="hostname" format="jsonf")
  property(outname="app_name" name="app-name" format="jsonf")
  property(outname="msgid" name="msgid" format="jsonf")
  property(outname="structured_data" name="structured-data" format="jsonf")
  property(outname="msg" name="msg" format="jsonf")
  property(outname="sd" name="$!rfc5424-sd" format="jsonf")
}}
action(type="mmpstrucdata")
*.* action(type="omfile" file="{dir}/received.jsonl" template="fields")
"""


@dataclass
class Rsyslog:
    directory: Path
    udp: int
    tcp: int
    tls: int
    proc: subprocess.Popen[bytes]

    @property
    def cert(self) -> Path:
        return self.directory / "cert.pem"

    def received(self) -> list[dict[str, Any]]:
        path = self.directory / "received.jsonl"
        if not path.exists():
            return []
        out = []
        for line in path.read_text().splitlines():
            record = json.loads(line)
            record["sd"] = json.loads(record["sd"]) if record["sd"] else {}
            out.append(record)
        return out


@contextlib.contextmanager
def running_rsyslog(directory: Path) -> Iterator[Rsyslog]:
    if not Path(RSYSLOGD).exists():
        pytest.skip("rsyslogd is not installed (scripts/setup.sh test installs it)")
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(directory / "key.pem"), "-out", str(directory / "cert.pem"),
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    ports = {"udp": free_port(socket.SOCK_DGRAM), "tcp": free_port(), "tls": free_port()}
    conf = directory / "rsyslog.conf"
    conf.write_text(CONF.format(dir=directory, **ports))
    proc = subprocess.Popen(
        [RSYSLOGD, "-n", "-f", str(conf), "-i", str(directory / "rsyslogd.pid")],
        stdout=(directory / "rsyslogd.out").open("wb"),
        stderr=subprocess.STDOUT,
    )
    daemon = Rsyslog(directory, proc=proc, **ports)
    try:
        deadline = time.monotonic() + 20
        while not all(_listening(p) for p in (ports["tcp"], ports["tls"])):
            assert proc.poll() is None, (directory / "rsyslogd.out").read_text()
            assert time.monotonic() < deadline, "rsyslogd did not start listening"
            time.sleep(0.05)
        yield daemon
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False
