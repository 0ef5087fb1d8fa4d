"""Hostile bytes against every dialogue, responder and parser: no unhandled exception, bounded.

Each dialogue gets arbitrary chunks (and chunks shaped like its own protocol, so the fuzzing
reaches past the first line); it must never raise, and what it sends back is bounded by what it
was sent. Each parser raises its one typed error or returns a value. UDP responders answer within
their protocol's size limits (the trap's byte budget, tested in test_udp_budget.py, bounds
reflection).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honeymesh.detection.traps.dns import MAX_UDP, DnsError, DnsTcpDialogue, parse_query
from honeymesh.detection.traps.mysql import MysqlPacketError, parse_handshake_response
from honeymesh.detection.traps.redis import RespError, RespParser
from honeymesh.detection.traps.sip import SipError, parse_request
from honeymesh.detection.traps.snmp import MAX_RESPONSE, SnmpError, parse_message, parse_v3
from honeymesh.detection.traps.telnet import REFUSING_CLIENT, TelnetParser
from honeymesh.detection.traps.udp import MAX_REPLY

from .dialogues import responders, talk, tcp_dialogues

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Protocol-shaped fragments mixed into the random bytes so the fuzzing gets past greetings.
FRAGMENTS = {
    "ssh": [b"SSH-2.0-OpenSSH_9.2\r\n", b"\x00\x00\x00\x0c\x0a\x14", b"SSH-1.5-x\n"],
    "telnet": [
        b"\xff\xfa\x18\x00xterm\xff\xf0",
        b"\xff\xfd\x01",
        b"root\r\n",
        b"\xff\xff",
        b"\xff",
        # answers that take telnetd's phases on to the login, and options it agrees to
        *REFUSING_CLIENT,
        b"\xff\xfb\x18\xff\xfb\x22\xff\xfb\x25\xff\xfb\x26\xff\xfc\x06\xff\xfd\x06",
        b"\xff\xfa\x18\x00IBM-3279-4-E\xff\xf0",
    ],
    "http": [
        b"GET / HTTP/1.1\r\n",
        b"Content-Length: 5\r\n",
        b"\r\n",
        b"POST /wp-login.php HTTP/1.1",
    ],
    "tls": [
        (FIXTURES / "curl.bin").read_bytes(),
        b"\x16\x03\x01\x00\x05",
        b"GET / HTTP/1.1\r\n\r\n",
    ],
    "ftp": [
        b"USER admin\r\n",  # a login the dialogue's credentials open, so the files are reached
        b"PASS admin\r\n",
        b"PASV\r\n",
        b"\r\n",
        b"CWD ../",
        b"STAT -la ",
        b"SIZE ~/",
        b"MDTM /etc/",
        b"/bin/sh\r\n",
    ],
    "smtp": [
        b"EHLO x\r\n",
        b"AUTH LOGIN\r\n",
        b"MAIL FROM:<a@b>\r\n",
        b"RCPT TO:<root@example.net>\r\n",
        b"DATA\r\n",
        b".\r\n",
        b"BDAT 5\r\n",
        b"BDAT 3 LAST\r\n",
    ],
    "redis": [b"*2\r\n$4\r\nAUTH\r\n", b"$3\r\nabc\r\n", b"CONFIG SET dir /x\r\n", b"*-1\r\n"],
    "mysql": [
        b"\x20\x00\x00\x01",
        b"\x00" * 32,
        b"root\x00",
        b"\x14\x00\x00\x03",
        b"\xff\xff\xff\x01",
    ],
}


# DNS over TCP: a framed query, AXFR, a length prefix alone, a frame cut short.
DNS_TCP = [
    b"\x00\x1d\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03net\x00\x00\x01\x00\x01",
    b"\x00\x1d\x12\x34\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03net\x00\x00\xfc\x00\x01",
    b"\xff\xff",
    b"\x00\x0c\x12\x34",
]


@pytest.fixture(scope="module")
def makers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return tcp_dialogues(tmp_path_factory.mktemp("fuzz"))  # type: ignore[return-value]


def chunks_for(name: str) -> st.SearchStrategy[list[bytes]]:
    piece = st.one_of(st.binary(max_size=600), st.sampled_from(FRAGMENTS[name]))
    return st.lists(piece, max_size=25)


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_every_tcp_dialogue_survives_any_bytes(makers: dict[str, object], name: str) -> None:
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
    @given(chunks_for(name))
    def check(chunks: list[bytes]) -> None:
        result = talk(makers[name](), *chunks)  # type: ignore[operator]
        sent = sum(len(c) for c in chunks)
        assert len(result.output) <= 200_000 + 64 * sent  # bounded by what it was sent
        assert len(result.findings) <= 4 * len(chunks) + sent  # never more events than input

    check()


@given(st.binary(max_size=1500))
def test_udp_responders_answer_within_their_protocol_limits(datagram: bytes) -> None:
    limits = {"dns": MAX_UDP, "sip": MAX_REPLY, "snmp": MAX_RESPONSE}
    for name, responder in responders().items():
        answer = responder.respond(datagram, "192.0.2.1")
        assert len(answer.reply) <= limits[name]
    with contextlib.suppress(DnsError):
        if parse_query(datagram).edns_size is None:  # no EDNS: the classic 512 bytes
            assert len(responders()["dns"].respond(datagram, "192.0.2.1").reply) <= 512


@given(st.binary(max_size=300).map(lambda b: b"\x30\x82\x00" + b))
def test_snmp_shaped_garbage_is_answered_within_the_agent_limit(datagram: bytes) -> None:
    answer = responders()["snmp"].respond(datagram, "192.0.2.1")
    assert len(answer.reply) <= MAX_RESPONSE


@given(st.binary(max_size=600))
def test_parsers_raise_only_their_own_error(data: bytes) -> None:
    for parse, error in (
        (parse_query, DnsError),
        (parse_message, SnmpError),
        (parse_request, SipError),
        (parse_handshake_response, MysqlPacketError),
        (parse_v3, SnmpError),
    ):
        with contextlib.suppress(error):
            parse(data)
    with contextlib.suppress(RespError):
        RespParser().feed(data)
    text, commands = TelnetParser().feed(data)
    assert len(text) <= len(data) and len(commands) <= len(data)


@given(st.lists(st.one_of(st.binary(max_size=300), st.sampled_from(DNS_TCP)), max_size=20))
def test_the_dns_tcp_dialogue_survives_any_bytes(chunks: list[bytes]) -> None:
    dialogue = DnsTcpDialogue(responders()["dns"], "192.0.2.1")  # type: ignore[arg-type]
    sent = sum(len(dialogue.receive(chunk).reply) for chunk in chunks)
    # At most one answer (at most 65535 bytes and its length) per message of 14 bytes or more.
    assert sent <= (sum(len(c) for c in chunks) // 14 + 1) * 65537
