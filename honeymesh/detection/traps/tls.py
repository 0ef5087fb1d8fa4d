"""The TLS trap: fingerprint the ClientHello, finish the handshake, serve the HTTP trap inside.

``TlsDialogue`` first gathers the client's first flight until ``client_hello_length`` says the
ClientHello is complete, fingerprints it (JA4, JA4_r, JA3; ``tls_fingerprint.py``) and reports a
``tls.client_hello`` finding at once, before any handshake can fail. It then feeds the same bytes
to an ``ssl.SSLObject`` over memory BIOs (no socket: still bytes in, bytes out), completes the
handshake with the node's certificate, and passes the decrypted stream to the inner dialogue
(the HTTP trap), encrypting its replies.

A client that speaks plain HTTP to the TLS port gets Apache's "plain HTTP request was sent to
HTTPS port" page; anything else that is not a ClientHello ends the session with the reason
recorded.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Callable

from honeymesh.detection.tls_fingerprint import (
    ClientHelloError,
    client_hello_length,
    ja3,
    ja3_string,
    ja4,
    ja4_r,
    parse_client_hello,
)
from honeymesh.detection.traps.base import AnswersIdle, Dialogue, Finding, Step
from honeymesh.detection.traps.tls_profiles import TlsProfile, configure
from honeymesh.events import EventId, JSONValue

_HTTP_METHODS = (b"GET ", b"POST", b"HEAD", b"PUT ", b"OPTI", b"DELE", b"CONN", b"PATC", b"TRAC")
_READ = 16 * 1024


def server_context(
    cert_path: str, key_path: str, profile: TlsProfile, *, alpn: list[str] | None = None
) -> ssl.SSLContext:
    """A server context for a trap: the given certificate, OpenSSL set as the persona's real
    server sets it (``tls_profiles``), the given ALPN protocols (``http/1.1`` for the web
    persona; none for SMTP's STARTTLS)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    configure(context, profile)
    context.load_cert_chain(cert_path, key_path)
    if alpn:
        context.set_alpn_protocols(alpn)
    return context


def client_hello_finding(hello_bytes: bytes) -> tuple[Finding, dict[str, JSONValue]]:
    """The ``tls.client_hello`` finding for a complete ClientHello, and the session detail."""
    try:
        hello = parse_client_hello(hello_bytes)
    except ClientHelloError as e:
        detail: dict[str, JSONValue] = {"client_hello_error": str(e)}
        return (EventId.TLS_CLIENT_HELLO, detail), detail
    detail = {
        "ja4": ja4(hello),
        "ja4_r": ja4_r(hello),
        "ja3": ja3(hello),
        "ja3_string": ja3_string(hello),
        "sni": hello.server_name,
        "alpn": [p.decode("ascii", "backslashreplace")[:32] for p in hello.alpn_protocols[:8]],
        "tls_version": f"0x{hello.version:04x}",
    }
    return (EventId.TLS_CLIENT_HELLO, detail), {k: detail[k] for k in ("ja4", "ja3", "sni")}


class TlsDialogue:
    def __init__(
        self, context: ssl.SSLContext, inner: Dialogue, plain_http_answer: Callable[[], bytes]
    ) -> None:
        self._context = context
        self._inner = inner
        self._plain_http_answer = plain_http_answer
        self._first = bytearray()
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._tls: ssl.SSLObject | None = None
        self._handshaken = False
        self._idle: float | None = None  # the inner dialogue's idle timeout, passed on
        self.detail: dict[str, JSONValue] = {}

    def start(self) -> Step:
        return Step()

    @property
    def established(self) -> bool:
        """The handshake is done: what arrives now is the client's, decrypted."""
        return self._handshaken

    def stop(self) -> None:
        self._inner.stop()

    def receive(self, data: bytes) -> Step:
        if self._tls is None:
            return self._hello(data)
        self._incoming.write(data)
        return self._pump([])

    def _hello(self, data: bytes) -> Step:
        self._first += data
        try:
            length = client_hello_length(bytes(self._first))
        except ClientHelloError as e:
            if bytes(self._first[:4]) in _HTTP_METHODS:
                self.detail["plain_http"] = True
                return Step(self._plain_http_answer(), True, self.detail)
            self.detail["tls_error"] = f"not a TLS ClientHello: {e}"
            return Step(close=True, detail=self.detail)
        if length is None:
            return Step()
        finding, summary = client_hello_finding(bytes(self._first[:length]))
        self.detail.update(summary)
        self._tls = self._context.wrap_bio(self._incoming, self._outgoing, server_side=True)
        self._incoming.write(bytes(self._first))
        self._first.clear()
        return self._pump([finding])

    def _pump(self, found: list[Finding]) -> Step:
        tls = self._tls
        assert tls is not None
        reply = bytearray()
        close = False
        if not self._handshaken:
            try:
                tls.do_handshake()
            except ssl.SSLWantReadError:
                return self._out(reply, found, close=False)
            except ssl.SSLError as e:
                self.detail["tls_error"] = e.reason or str(e)
                return self._out(reply, found, close=True)
            self._handshaken = True
            self.detail["tls_established"] = tls.version()
            close = self._inner_step(self._inner.start(), found)
        while not close:
            try:
                plain = tls.read(_READ)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLZeroReturnError:
                close = True
                break
            except ssl.SSLError as e:
                self.detail["tls_error"] = e.reason or str(e)
                close = True
                break
            if not plain:
                close = True
                break
            close = self._inner_step(self._inner.receive(plain), found)
        return self._out(reply, found, close=close)

    def timed_out(self) -> bytes:
        """The inner dialogue's last words at its idle timeout (Apache's 408), encrypted,
        then close_notify, as Apache ends an idle TLS connection."""
        if self._tls is None or not self._handshaken:
            return b""
        last = self._inner.timed_out() if isinstance(self._inner, AnswersIdle) else b""
        with contextlib.suppress(ssl.SSLError):
            if last:
                self._tls.write(last)
            self._tls.unwrap()
        return self._outgoing.read()

    def _inner_step(self, step: Step, found: list[Finding]) -> bool:
        assert self._tls is not None
        if step.idle is not None:
            self._idle = step.idle
        self.detail.update(step.detail)
        found.extend(step.findings)
        if step.reply:
            self._tls.write(step.reply)
        if step.close:
            with contextlib.suppress(ssl.SSLError):
                self._tls.unwrap()  # close_notify, so the client sees a clean end
        return step.close

    def _out(self, reply: bytearray, found: list[Finding], *, close: bool) -> Step:
        reply += self._outgoing.read()
        return Step(bytes(reply), close, self.detail, tuple(found), idle=self._idle)
