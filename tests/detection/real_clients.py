"""Capture the ClientHello that real TLS client stacks send, over loopback only.

A one-connection TCP listener on 127.0.0.1 records the bytes a client sends until
``client_hello_length`` says the ClientHello is complete, then closes the connection (the
handshake fails; the client has already said everything we want). Each client is a real program
from a Debian package or the Python standard library.

Regenerate the committed fixtures with::

    .venv/bin/python -m tests.detection.real_clients tests/detection/fixtures
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from honeymesh.detection.tls_fingerprint import MAX_CLIENT_HELLO_BYTES, client_hello_length

SNI = "honeymesh.test"
CAPTURE_TIMEOUT = 60.0
CLIENT_GRACE = 15.0  # how long a client may take to give up once its hello is in

JAVA_CLIENT = """
import javax.net.ssl.*;
import java.util.List;
public class Hello {
    public static void main(String[] args) throws Exception {
        SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket("127.0.0.1",
            Integer.parseInt(args[0]));
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(args[1])));
        p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        s.setSSLParameters(p);
        try { s.startHandshake(); } catch (Exception e) { System.exit(0); }
    }
}
"""

GO_CLIENT = """
package main

import (
\t"crypto/tls"
\t"os"
)

func main() {
\tconf := &tls.Config{ServerName: os.Args[2], InsecureSkipVerify: true,
\t\tNextProtos: []string{"h2", "http/1.1"}}
\tconn, err := tls.Dial("tcp", "127.0.0.1:"+os.Args[1], conf)
\tif err == nil {
\t\tconn.Close()
\t}
}
"""

NODE_CLIENT = """
const tls = require('tls');
const s = tls.connect({host: '127.0.0.1', port: Number(process.argv[1]),
    servername: process.argv[2], rejectUnauthorized: false, ALPNProtocols: ['h2', 'http/1.1']});
s.on('error', () => process.exit(0));
s.on('close', () => process.exit(0));
"""


def _python_ssl(port: int, workdir: Path) -> list[str]:
    # Run in a child interpreter, as any other client: the process's own ssl module, defaults.
    code = (
        "import socket, ssl, sys\n"
        "ctx = ssl.create_default_context()\n"
        "ctx.check_hostname = False\n"
        "ctx.verify_mode = ssl.CERT_NONE\n"
        "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
        "try:\n"
        "    ctx.wrap_socket(s, server_hostname=sys.argv[2])\n"
        "except (OSError, ssl.SSLError):\n"
        "    pass\n"
    )
    return [sys.executable, "-c", code, str(port), SNI]


def _openssl(port: int, workdir: Path) -> list[str]:
    return ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", SNI]


def _curl(port: int, workdir: Path) -> list[str]:
    # An IP-literal URL: curl sends no SNI, so JA4 says "i".
    return ["curl", "--silent", "--insecure", "--max-time", "20", f"https://127.0.0.1:{port}/"]


def _gnutls(port: int, workdir: Path) -> list[str]:
    return ["gnutls-cli", "--insecure", f"--sni-hostname={SNI}", "-p", str(port), "127.0.0.1"]


def _chromium(port: int, workdir: Path) -> list[str]:
    # Every host but ours resolves to nothing and background services are off, so the
    # browser talks to 127.0.0.1 only.
    return [
        "chromium",
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-features=OptimizationHints,MediaRouter,Translate",
        "--no-pings",
        "--no-proxy-server",
        f"--host-resolver-rules=MAP {SNI} 127.0.0.1, MAP * ~NOTFOUND",
        f"--user-data-dir={workdir / 'chromium-profile'}",
        "--timeout=20000",
        "--dump-dom",
        f"https://{SNI}:{port}/",
    ]


def _java(port: int, workdir: Path) -> list[str]:
    source = workdir / "Hello.java"
    source.write_text(JAVA_CLIENT)
    return ["java", str(source), str(port), SNI]


def _node(port: int, workdir: Path) -> list[str]:
    return ["node", "-e", NODE_CLIENT, str(port), SNI]


def _go(port: int, workdir: Path) -> list[str]:
    source = workdir / "hello.go"
    source.write_text(GO_CLIENT)
    return ["go", "run", str(source), str(port), SNI]


@dataclass(frozen=True)
class Client:
    """One real TLS client stack: the program it needs and how to point it at a port."""

    name: str
    program: str
    command: Callable[[int, Path], list[str]]
    sends_sni: bool = True


CLIENTS = (
    Client("python-ssl", sys.executable, _python_ssl),
    Client("openssl-s_client", "openssl", _openssl),
    Client("curl", "curl", _curl, sends_sni=False),
    Client("gnutls-cli", "gnutls-cli", _gnutls),
    Client("chromium", "chromium", _chromium),
    Client("java", "java", _java),
    Client("nodejs", "node", _node),
    Client("go", "go", _go),
)


class CaptureError(Exception):
    """The client did not deliver a complete ClientHello."""


def _child_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    if "HOME" not in env:  # Go needs a build cache directory
        env.setdefault("GOCACHE", str(workdir / "go-cache"))
    # Go builds the one-file client from the standard library only: never ask a module proxy.
    env.update(GOPROXY="off", GOFLAGS="-mod=mod", GO111MODULE="off", GOTOOLCHAIN="local")
    return env


def record_first_flight(sock: socket.socket, timeout: float) -> bytes:
    """Accept one connection on ``sock`` and read until the ClientHello is complete."""
    sock.settimeout(timeout)
    conn, _ = sock.accept()
    deadline = time.monotonic() + timeout
    buffer = b""
    with conn:
        while (length := client_hello_length(buffer)) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or len(buffer) > MAX_CLIENT_HELLO_BYTES:
                raise CaptureError(f"incomplete ClientHello after {len(buffer)} bytes")
            conn.settimeout(remaining)
            chunk = conn.recv(65536)
            if not chunk:
                raise CaptureError(f"client closed after {len(buffer)} bytes")
            buffer += chunk
    return buffer[:length]


def capture(client: Client, workdir: Path, timeout: float = CAPTURE_TIMEOUT) -> bytes:
    """Run ``client`` against a fresh 127.0.0.1 listener and return its ClientHello bytes.

    The listener takes one connection and closes as soon as the hello is in, so a client that
    retries is refused at once rather than left waiting in the backlog.
    """
    if shutil.which(client.program) is None:
        raise CaptureError(f"{client.program} is not installed (scripts/setup.sh test)")
    workdir.mkdir(parents=True, exist_ok=True)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    result: list[bytes | BaseException] = []

    def serve() -> None:
        try:
            result.append(record_first_flight(listener, timeout))
        except (OSError, CaptureError) as exc:
            result.append(exc)
        finally:
            listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with subprocess.Popen(
        client.command(port, workdir),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=workdir,
        env=_child_env(workdir),
        start_new_session=True,  # its own process group, so its helpers can be ended with it
    ) as process:
        thread.join(timeout + 5)
        try:
            _, stderr = process.communicate(timeout=CLIENT_GRACE)
        except subprocess.TimeoutExpired:
            # The hello is all we wanted; end this client and any helper processes it started.
            os.killpg(process.pid, signal.SIGKILL)
            _, stderr = process.communicate()
    outcome = result[0] if result else CaptureError("listener thread did not finish")
    if isinstance(outcome, BaseException):
        detail = stderr.decode(errors="replace")[-2000:]
        raise CaptureError(f"{client.name}: {outcome}; client stderr: {detail}") from outcome
    return outcome


def main(argv: list[str]) -> int:
    """Write ``<name>.bin`` for every client into the directory given."""
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / ".scratch"
    try:
        for client in CLIENTS:
            data = capture(client, scratch / client.name)
            (out / f"{client.name}.bin").write_bytes(data)
            print(f"{client.name}: {len(data)} bytes")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
