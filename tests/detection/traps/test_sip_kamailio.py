"""The kamailio-5.6.3 SIP persona without a network: what decides its answers (which address a
request names, both ends of the datagram), what it records, and its limits on hostile input.
Its answers themselves are diffed against the real kamailio in tests/fidelity/test_sip.py."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock

from honeymesh.detection.traps.base import Step
from honeymesh.detection.traps.facts import Connection, Endpoint
from honeymesh.detection.traps.sip import (
    KAMAILIO_SERVER,
    ContactSpec,
    KamailioResponder,
    Location,
    SipTcpDialogue,
)
from honeymesh.detection.traps.udp import MAX_REPLY, DatagramLimits, DatagramTrap
from honeymesh.events import Event, EventId, Observation

HERE = "192.0.2.1"


def responder() -> KamailioResponder:
    return KamailioResponder(b"node seed", lambda host: host == HERE, lambda: 1000.0)


def request(method: str, uri: str, *, via: str = "198.51.100.7:5070", extra: str = "") -> bytes:
    return (
        f"{method} {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {via};branch=z9hG4bK-1\r\n"
        f"From: <sip:200@{HERE}>;tag=1\r\nTo: <sip:100@{HERE}>\r\nCall-ID: 42\r\n"
        f"CSeq: 1 {method}\r\n{extra}Content-Length: 0\r\n\r\n"
    ).encode()


def status(reply: bytes) -> str:
    return reply.split(b"\r\n", 1)[0].decode()


def test_a_wildcard_socket_asks_which_addresses_are_this_host_s() -> None:
    r = responder()
    here = r.respond_addressed(
        request("OPTIONS", f"sip:{HERE}"), ("198.51.100.7", 40000), ("", 5060)
    )
    elsewhere = r.respond_addressed(
        request("OPTIONS", "sip:203.0.113.9"), ("198.51.100.7", 40000), ("", 5060)
    )
    other_port = r.respond_addressed(
        request("OPTIONS", f"sip:{HERE}:5070"), ("198.51.100.7", 40000), ("", 5060)
    )
    assert status(here.reply) == "SIP/2.0 200 Keepalive"
    assert status(elsewhere.reply) == "SIP/2.0 403 Not relaying"
    assert status(other_port.reply) == "SIP/2.0 403 Not relaying"  # myself is address and port


def test_the_top_via_gets_the_source_port_and_address_and_the_server_header_last() -> None:
    answer = responder().respond_addressed(
        request("OPTIONS", f"sip:{HERE}"), ("198.51.100.8", 40001), (HERE, 5060)
    )
    lines = answer.reply.decode().split("\r\n")
    assert lines[1] == (
        "Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-1;rport=40001;received=198.51.100.8"
    )
    assert lines[-4:] == [f"Server: {KAMAILIO_SERVER}", "Content-Length: 0", "", ""]


def test_two_nodes_tag_alike_only_in_the_request_s_crc() -> None:
    data = request("OPTIONS", "sip:203.0.113.9")
    tags = [
        KamailioResponder(seed, lambda host: False, lambda: 1000.0)
        .respond(data, "198.51.100.7")
        .reply.split(b";tag=")[2]
        .split(b"\r\n")[0]
        for seed in (b"a", b"b")
    ]
    assert tags[0][:32] != tags[1][:32] and tags[0][32:] == tags[1][32:]


def test_scanners_get_silence_but_are_recorded_and_digests_are_credentials() -> None:
    r = responder()
    ends = (("198.51.100.7", 5060), (HERE, 5060))
    scan = r.respond_addressed(
        request("OPTIONS", f"sip:100@{HERE}", extra="User-Agent: friendly-scanner\r\n"), *ends
    )
    assert scan.reply == b"" and scan.detail["known_scanner"] is True
    digest = 'Authorization: Digest username="100", realm="x", response="ab"\r\n'
    register = r.respond_addressed(request("REGISTER", f"sip:{HERE}", extra=digest), *ends)
    assert status(register.reply) == "SIP/2.0 200 OK"  # Debian's kamailio.cfg asks for none
    ((event_id, found),) = register.findings
    assert event_id == EventId.TRAP_CREDENTIAL and found["username"] == "100"
    invite = r.respond_addressed(request("INVITE", f"sip:0046701234567@{HERE}"), *ends)
    assert status(invite.reply) == "SIP/2.0 404 Not Found" and invite.detail["dialed"] == (
        "0046701234567"
    )


def test_a_reply_that_would_not_fit_is_not_sent() -> None:
    vias = "".join(f"Via: SIP/2.0/UDP 10.0.{i // 250}.{i % 250}:5060;branch=z9hG4bK{'x' * 90}\r\n"
                   for i in range(MAX_REPLY // 100))  # fmt: skip
    data = request("OPTIONS", f"sip:{HERE}").replace(b"Via:", vias.encode() + b"Via:", 1)
    answer = responder().respond_addressed(data[:8192], ("198.51.100.7", 5060), (HERE, 5060))
    assert len(answer.reply) <= MAX_REPLY


def test_the_datagram_trap_hands_both_ends_to_it() -> None:
    published: list[Event] = []
    trap = DatagramTrap(
        name="sip",
        responder=responder(),
        limits=DatagramLimits(max_per_source=10, max_sources=10),
        clock=Clock(),
        publish=published.append,
    )
    reply = trap.handle(
        request("OPTIONS", f"sip:{HERE}:5062"),
        "198.51.100.9",
        41234,
        IPv4Address("UDP", HERE, 5062),
    )
    assert status(reply) == "SIP/2.0 200 Keepalive" and b";rport=41234;" in reply
    wildcard = trap.handle(
        request("OPTIONS", f"sip:{HERE}:5062"),
        "198.51.100.9",
        41235,
        IPv4Address("UDP", "0.0.0.0", 5062),
    )
    assert status(wildcard) == "SIP/2.0 200 Keepalive"
    (session, _) = [e for e in published if isinstance(e, Observation)]
    assert session.detail["status"] == 200


HEADERS = st.sampled_from(
    ["Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Contact", "m", "Expires",
     "Max-Forwards", "Content-Length", "l", "Event", "o", "User-Agent", "Authorization"]
)  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=80).map(lambda t: t.replace("\r", "").replace("\n", "")),
    st.sampled_from(["SIP/2.0/UDP 1.2.3.4;rport", "<sip:a@b>;tag=1", "1 INVITE", "0", "abc",
                     "*", '"x" <sip:1@2>;expires=5, <sip:3@4>', "message-summary", "sip:x"]),
)  # fmt: skip


@given(
    st.sampled_from(["INVITE", "REGISTER", "OPTIONS", "ACK", "BYE", "CANCEL", "SUBSCRIBE", "x"]),
    st.sampled_from([f"sip:{HERE}", f"sip:1@{HERE}", "sip:1@203.0.113.1", "tel:1", "sip:@", "x"]),
    st.lists(st.tuples(HEADERS, VALUES), max_size=30),
    st.binary(max_size=100),
)
def test_any_request_gets_one_well_formed_answer_or_none(
    method: str, uri: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    head = f"{method} {uri} SIP/2.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    data = head.encode() + b"\r\n" + body
    answer = responder().respond_addressed(data, ("198.51.100.7", 5060), ("", 5060))
    assert len(answer.reply) <= MAX_REPLY
    if answer.reply:
        text = answer.reply.decode()
        assert text.startswith("SIP/2.0 ") and text.endswith("\r\nContent-Length: 0\r\n\r\n")
        assert "\r\n\r\n" not in text[:-4]  # no header line an attacker's bytes could end early


def test_the_location_table_is_bounded_and_forgets_the_oldest_user() -> None:
    table = Location(max_users=3, max_bindings=2)
    for user in ("a", "b", "c", "d"):
        contacts = [ContactSpec(f"sip:{user}{i}@192.0.2.9", -1, 60, "") for i in range(5)]
        assert len(table.save(user, contacts, None, 100)) == 2  # no more than max_bindings
    assert len(table) == 3 and table.lookup("a", 100) == [] and table.lookup("d", 100)
    assert table.lookup("d", 160) == []  # expired


def test_a_registered_user_is_rung_but_nothing_is_relayed() -> None:
    now = [1000.0]
    r = KamailioResponder(b"node seed", lambda host: host == HERE, lambda: now[0])
    ends = (("198.51.100.7", 5060), (HERE, 5060))
    contact = "Contact: <sip:100@203.0.113.50:5060>\r\n"
    saved = r.respond_addressed(request("REGISTER", f"sip:{HERE}", extra=contact), *ends)
    assert b"\r\nContact: <sip:100@203.0.113.50:5060>;expires=3600\r\n" in saved.reply
    invite = r.respond_addressed(request("INVITE", f"sip:100@{HERE}"), *ends)
    assert status(invite.reply) == "SIP/2.0 100 trying -- your call is important to us"
    assert b"\r\nTo: <sip:100@192.0.2.1>\r\n" in invite.reply  # a 100 has no To tag
    message = r.respond_addressed(request("MESSAGE", f"sip:100@{HERE}"), *ends)
    assert message.reply == b""  # the real one relays it to 203.0.113.50; the trap sends nothing
    now[0] += 3600
    gone = r.respond_addressed(request("MESSAGE", f"sip:100@{HERE}"), *ends)
    assert status(gone.reply) == "SIP/2.0 404 Not Found"


def tcp_dialogue() -> SipTcpDialogue:
    d = SipTcpDialogue(responder(), "198.51.100.7")
    d.connected(Connection(Endpoint(HERE, 5060), Endpoint("198.51.100.7", 40002)))
    d.start()
    return d


def test_over_tcp_messages_are_framed_by_their_content_length() -> None:
    d = tcp_dialogue()
    options = request("OPTIONS", f"sip:{HERE}", via="198.51.100.7:40002;rport")
    half = len(options) // 2
    assert d.receive(options[:half]).reply == b""  # not whole yet
    step = d.receive(options[half:] + b"\r\n\r\n" + options)  # the rest, a ping, one more
    replies = step.reply.split(b"SIP/2.0 200 Keepalive")
    assert len(replies) == 3 and replies[1].endswith(b"\r\n\r\n\r\n")  # the ping's CRLF
    assert b";rport=40002;received=198.51.100.7\r\n" in step.reply and not step.close
    assert [r["status"] for r in step.detail["requests"]] == [200, 200]  # type: ignore[index,union-attr]


def test_over_tcp_what_kamailio_cannot_frame_or_parse_ends_the_connection() -> None:
    no_length = request("OPTIONS", f"sip:{HERE}").replace(b"Content-Length: 0\r\n", b"")
    no_call_id = request("OPTIONS", f"sip:{HERE}").replace(b"Call-ID: 42\r\n", b"")
    for data in (no_length, no_call_id, b"GARBAGE\r\nContent-Length: 0\r\n\r\n", b"x" * 9000):
        step = tcp_dialogue().receive(data)
        assert step.close and step.reply == b"", data[:20]
    response = b"SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"
    assert tcp_dialogue().receive(response) == Step(detail={"service": "sip", "requests": []})


def test_a_contact_too_long_to_keep_is_not_saved() -> None:
    r = responder()
    ends = (("198.51.100.7", 5060), (HERE, 5060))
    long = "Contact: <sip:" + "x" * 600 + "@203.0.113.50>, <sip:ok@203.0.113.51>\r\n"
    saved = r.respond_addressed(request("REGISTER", f"sip:{HERE}", extra=long), *ends)
    assert b"\r\nContact: <sip:ok@203.0.113.51>;expires=3600\r\n" in saved.reply
