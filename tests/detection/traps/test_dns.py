"""The DNS trap's own behaviour, without a network: TCP framing, zone transfer, truncation, the
CHAOS zones, EDNS, and hostile bytes. What it answers is diffed against named in
tests/fidelity/test_dns.py; these tests pin down what a diff over dig cannot reach."""

from __future__ import annotations

import struct

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.traps.dns import (
    MAX_UDP,
    DnsResponder,
    DnsSettings,
    DnsTcpDialogue,
    parse_records,
)

RECORDS = ["example.net=192.0.2.10", "www.example.net=192.0.2.10", "ns1.example.net=192.0.2.53"]


def responder() -> DnsResponder:
    return DnsResponder(
        parse_records(RECORDS), 300, DnsSettings(version="9.18.49-1~deb12u3-Debian")
    )


def query(
    name: str, qtype: int, *, qclass: int = 1, edns: int | None = 1232, rd: bool = True
) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".") if p) + b"\x00"
    header = struct.pack(">HHHHHH", 0x4242, 0x0100 if rd else 0, 1, 0, 0, 1 if edns else 0)
    opt = b"\x00" + struct.pack(">HHIH", 41, edns, 0, 0) if edns else b""
    return header + labels + struct.pack(">HH", qtype, qclass) + opt


def counts(reply: bytes) -> tuple[int, int, int, int, int]:
    """(flags, QD, AN, NS, AR) of a reply."""
    return struct.unpack_from(">HHHHH", reply, 2)


def framed(*messages: bytes) -> bytes:
    return b"".join(struct.pack(">H", len(m)) + m for m in messages)


def unframe(data: bytes) -> list[bytes]:
    out = []
    while data:
        (n,) = struct.unpack_from(">H", data)
        out.append(data[2 : 2 + n])
        data = data[2 + n :]
    return out


def test_tcp_answers_every_framed_query_however_the_bytes_are_cut() -> None:
    stream = framed(query("www.example.net", 1), query("nothere.example.net", 1))
    for cut in (1, 2, 3, 20, len(stream) - 1):
        dialogue = DnsTcpDialogue(responder(), "192.0.2.7")
        replies = dialogue.receive(stream[:cut]).reply + dialogue.receive(stream[cut:]).reply
        first, second = unframe(replies)
        assert counts(first)[2] == 1 and first[3] & 0x0F == 0
        assert counts(second)[3] == 1 and second[3] & 0x0F == 3  # NXDOMAIN, SOA


def test_axfr_over_tcp_is_the_whole_zone_between_two_soas_and_refused_over_udp() -> None:
    dns = responder()
    step = DnsTcpDialogue(dns, "192.0.2.7").receive(framed(query("example.net", 252, rd=False)))
    (reply,) = unframe(step.reply)
    flags, _qd, answers, _ns, _ar = counts(reply)
    assert flags & 0x0400 and answers == 6  # SOA, NS, apex A, ns1, www, SOA again
    assert reply.count(bytes([192, 0, 2, 53])) == 1
    assert step.findings and step.findings[0][1]["method"] == "AXFR"  # recorded at once
    udp = dns.respond(query("example.net", 252), "192.0.2.7")
    assert udp.reply[3] & 0x0F == 1 and udp.detail["zone_transfer"] is True  # FORMERR


def test_an_answer_too_large_for_udp_is_truncated_and_whole_over_tcp() -> None:
    dns = responder()
    small = dns.respond(query("authors.bind", 16, qclass=3, edns=None), "192.0.2.7").reply
    assert counts(small)[0] & 0x0200 and 0 < counts(small)[2] < 20 and len(small) <= 512
    tcp = DnsTcpDialogue(dns, "192.0.2.7").receive(
        framed(query("authors.bind", 16, qclass=3, edns=None))
    )
    (whole,) = unframe(tcp.reply)
    assert not counts(whole)[0] & 0x0200 and counts(whole)[2] == 20


def test_version_bind_says_the_persona_s_version() -> None:
    reply = responder().respond(query("version.bind", 16, qclass=3), "192.0.2.7").reply
    assert b"\x189.18.49-1~deb12u3-Debian" in reply and counts(reply)[2] == 1


def test_the_edns_answer_is_bind_s_size_and_a_cookie_follows_the_client_s() -> None:
    cookie = b"\x00\x0a\x00\x08" + b"c" * 8
    q = query("www.example.net", 1, edns=4096)
    q = q[:-2] + struct.pack(">H", len(cookie)) + cookie
    reply = responder().respond(q, "192.0.2.7").reply
    opt = reply.index(b"\x00\x00\x29")
    assert struct.unpack_from(">H", reply, opt + 3)[0] == MAX_UDP
    assert b"\x00\x0a\x00\x18cccccccc\x01\x00\x00\x00" in reply  # client cookie, server v1


@given(st.lists(st.binary(max_size=300), max_size=20))
def test_the_tcp_dialogue_survives_any_bytes(chunks: list[bytes]) -> None:
    dialogue = DnsTcpDialogue(responder(), "192.0.2.7")
    sent = 0
    for chunk in chunks:
        sent += len(dialogue.receive(chunk).reply)
    # Each message of at least 12 bytes (two of framing) gets at most one answer of at most
    # 65535 bytes: whatever the input, the output is bounded by it.
    assert sent <= (sum(len(c) for c in chunks) // 14 + 1) * 65537
    dialogue.stop()


@given(st.binary(max_size=600))
def test_udp_answers_stay_within_the_udp_size(datagram: bytes) -> None:
    reply = responder().respond(datagram, "192.0.2.7").reply
    assert len(reply) <= MAX_UDP
