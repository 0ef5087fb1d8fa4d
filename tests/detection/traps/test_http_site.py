"""The HTTP trap's Apache behaviour with bytes alone: what a scanner can compare across nodes
and across requests (tests/fidelity/test_http.py diffs it against the real apache2)."""

from __future__ import annotations

import gzip
import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.detection.traps.base import TrapFactory, TrapLimits, TrapProtocol
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.http import HttpDialogue
from honeymesh.detection.traps.websites import DEBIAN_INDEX
from honeymesh.events import Event, Observation

from .dialogues import HTTP, now, talk


def _head(site_settings: object, request: bytes) -> bytes:
    return talk(HttpDialogue(site_settings, now), request).output  # type: ignore[arg-type]


def _etag(output: bytes) -> bytes:
    m = re.search(rb"\r\nETag: (\S+)\r\n", output)
    assert m is not None, output[:300]
    return m.group(1)


def test_each_node_has_its_own_install_time_and_keeps_it() -> None:
    """The default page's ETag and Last-Modified come from the node's facts: stable for one
    node, different between two (one shared value would mark every HoneyMesh)."""
    probe = b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
    one = replace(HTTP, facts=NodeFacts(b"node one", 1_760_000_000.0))
    two = replace(HTTP, facts=NodeFacts(b"node two", 1_760_000_000.0))
    assert _etag(_head(one, probe)) == _etag(_head(one, probe))
    assert _etag(_head(one, probe)) != _etag(_head(two, probe))
    modified = re.search(rb"Last-Modified: ([^\r]+)", _head(one, probe))
    assert modified is not None and b"GMT" in modified.group(1)


def test_gzip_answer_is_the_page_and_range_answers_are_its_bytes() -> None:
    zipped = _head(HTTP, b"GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
    assert b"\r\nContent-Encoding: gzip\r\n" in zipped and _etag(zipped).endswith(b'-gzip"')
    assert gzip.decompress(zipped.split(b"\r\n\r\n", 1)[1]) == DEBIAN_INDEX
    part = _head(HTTP, b"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=5-14\r\n\r\n")
    assert part.startswith(b"HTTP/1.1 206 Partial Content\r\n")
    assert part.endswith(b"\r\n\r\n" + DEBIAN_INDEX[5:15])
    assert b"Content-Range: bytes 5-14/10701\r\n" in part


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="bytes=0123456789-, ", max_size=40))
def test_any_range_header_gets_a_whole_answer(value: str) -> None:
    """Whatever Range says, the answer is one well-framed response: 200, 206 or 416."""
    out = _head(HTTP, f"GET / HTTP/1.1\r\nHost: x\r\nRange: {value}\r\n\r\n".encode())
    status = out[9:12]
    assert status in (b"200", b"206", b"416")
    head, _, body = out.partition(b"\r\n\r\n")
    length = re.search(rb"\r\nContent-Length: (\d+)", head)
    if length is not None:
        assert int(length.group(1)) == len(body)


_TARGET = st.text(alphabet="/.%2eEfF[]:@?#*ahtp09-", min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@example("GET", "http://[a/", "a")  # urlsplit refuses it: Apache's 400, not a trap error
@given(
    st.sampled_from(["GET", "HEAD", "POST", "OPTIONS", "TRACE", "BREW", "CONNECT"]),
    _TARGET,
    st.one_of(st.none(), st.text(alphabet="aZ.:[]1-_<>", max_size=20)),
)
def test_any_request_line_gets_one_apache_answer(
    method: str, target: str, host: str | None
) -> None:
    """Hostile targets and Hosts (unclosed IPv6 brackets, escapes, climbs) never break the
    dialogue: each request gets one HTTP/1.1 answer, with a status Apache uses."""
    head = f"{method} {target} HTTP/1.1\r\n" + (f"Host: {host}\r\n" if host is not None else "")
    step = HttpDialogue(HTTP, now).receive(head.encode() + b"Content-Length: 0\r\n\r\n")
    assert step.reply.startswith(b"HTTP/1.1 ")
    assert int(step.reply[9:12]) in (200, 206, 301, 302, 304, 400, 401, 403, 404, 405, 501)


def _http_session(clock: Clock) -> tuple[TrapProtocol, StringTransport, list[Event]]:
    events: list[Event] = []
    factory = TrapFactory(
        name="http",
        new_dialogue=lambda source: HttpDialogue(HTTP, clock.seconds),
        limits=TrapLimits(
            idle_timeout=30,
            session_timeout=600,
            max_bytes=1 << 20,
            max_connections=3,
            max_per_source=2,
        ),
        clock=clock,
        publish=events.append,
    )
    addr = IPv4Address("TCP", "192.0.2.9", 40000)
    proto = factory.buildProtocol(addr)
    assert isinstance(proto, TrapProtocol)
    transport = StringTransport(
        hostAddress=IPv4Address("TCP", "198.51.100.1", 80), peerAddress=addr
    )
    proto.makeConnection(transport)
    return proto, transport, events


def _closed_by(events: list[Event]) -> object:
    (session,) = [e for e in events if isinstance(e, Observation) and e.detail.get("closed_by")]
    return session.detail["closed_by"]


def test_kept_alive_connection_closes_after_apaches_five_seconds() -> None:
    """Apache's KeepAliveTimeout: 5 s after an answer with no next request, a silent close
    (not the trap's own 30 s idle timeout)."""
    clock = Clock()
    proto, transport, events = _http_session(clock)
    proto.dataReceived(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    answered = transport.value()
    clock.advance(4.9)
    assert not transport.disconnecting
    clock.advance(0.2)
    assert transport.disconnecting and transport.value() == answered
    assert _closed_by(events) == "idle_timeout" and not clock.getDelayedCalls()


def test_unfinished_request_gets_apaches_408_after_twenty_seconds() -> None:
    clock = Clock()
    proto, transport, _ = _http_session(clock)
    proto.dataReceived(b"GET / HTTP/1.1\r\nHost: www.example.org\r\n")
    clock.advance(19.9)
    assert transport.value() == b"" and not transport.disconnecting
    clock.advance(0.2)
    out = transport.value()
    assert out.startswith(b"HTTP/1.1 408 Request Timeout\r\n") and b"Connection: close\r\n" in out
    assert b"<p>Server timeout waiting for the HTTP request from the client.</p>" in out
    assert transport.disconnecting and not clock.getDelayedCalls()


def test_silent_connection_keeps_the_traps_own_idle_timeout() -> None:
    clock = Clock()
    _proto, transport, _ = _http_session(clock)
    clock.advance(29.9)
    assert not transport.disconnecting
    clock.advance(0.2)
    assert transport.disconnecting and transport.value() == b""


def test_unfinished_second_request_is_closed_silently_after_twenty_seconds() -> None:
    """Apache sends no 408 on a kept-alive connection: a next request left unfinished is
    dropped after mod_reqtimeout's 20 s, without a word."""
    clock = Clock()
    proto, transport, _ = _http_session(clock)
    proto.dataReceived(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /x HTT")
    answered = transport.value()
    clock.advance(19.9)
    assert not transport.disconnecting
    clock.advance(0.2)
    assert transport.disconnecting and transport.value() == answered


def test_expect_100_continue_before_the_body_and_401_before_it_behind_basic_auth() -> None:
    head = b"POST /nope HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
    t = talk(HttpDialogue(HTTP, now), head, b"a=b")
    assert t.replies[1] == b"HTTP/1.1 100 Continue\r\n\r\n"  # [0]: start()
    assert t.replies[2].startswith(b"HTTP/1.1 404 Not Found\r\n") and not t.closed
    protected = head.replace(b"/nope", b"/admin/")
    t = talk(HttpDialogue(HTTP, now), protected)
    assert t.output.startswith(b"HTTP/1.1 401 Unauthorized\r\n") and t.closed
    assert b"Connection: close\r\n" in t.output


def test_chunked_body_is_read_recorded_and_the_connection_kept() -> None:
    body = b"log=admin&pwd=Secret-1"
    request = (
        b"POST /nope HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        + b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    t = talk(HttpDialogue(HTTP, now), request[:70], request[70:101], request[101:])
    assert t.output.count(b"HTTP/1.1 404 Not Found\r\n") == 2 and not t.closed
    first = t.found("trap.request")[0]
    assert first["body"] == body.decode() and first["body_bytes"] == len(body)
    (cred,) = t.found("trap.credential")
    assert (cred["username"], cred["password"]) == ("admin", "Secret-1")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60), st.integers(min_value=1, max_value=20))
def test_any_chunked_body_is_read_or_refused_whole(raw: bytes, cut: int) -> None:
    """However the chunks are written and split, the dialogue answers: the request, or
    Apache's 400 and a close; it never fails."""
    head = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    data = head + raw
    t = talk(HttpDialogue(HTTP, now), *(data[i : i + cut] for i in range(0, len(data), cut)))
    assert t.output == b"" or t.output.startswith((b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 400 "))
