"""The HTTP trap's Apache behaviour with bytes alone: what a scanner can compare across nodes
and across requests (tests/fidelity/test_http.py diffs it against the real apache2)."""

from __future__ import annotations

import gzip
import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.http import HttpDialogue
from honeymesh.detection.traps.websites import DEBIAN_INDEX

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
