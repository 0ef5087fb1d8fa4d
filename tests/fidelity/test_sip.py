"""The SIP trap against Debian 12's kamailio (5.6.3-2) with its shipped kamailio.cfg.

The real kamailio runs in the foreground (``-DD -E``) with Debian's own
``/etc/kamailio/kamailio.cfg`` (what an operator who installs the package gets: no
authentication, a registrar, scanners dropped), listening on one loopback UDP port given on
the command line (``-l``), with two children per socket instead of eight (not observable from
outside). The trap daemon's ``sip`` trap claims the default persona, ``kamailio-5.6.3``.

Both get the same requests, each from a fresh socket: what an attacker sends first (svmap's
OPTIONS, a normal OPTIONS, REGISTER without and with a digest, INVITE, MESSAGE, SUBSCRIBE,
unknown methods, CANCEL/ACK/BYE for no dialog, malformed and incomplete requests, a response).
The first answer is diffed after rules that touch per-host values only: the prober's own port
and the server's (in Via ``rport``, Contact, URIs), and the To tags (Kamailio's sl and tm tags
are an MD5 over the listening socket plus a CRC of the request). Every REGISTER names an address
of record of its own, since the real registrar remembers contacts and the trap does not.
svmap and ``nmap -sU -sV`` are run against both and their reports diffed.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from honeymesh.detection.traps.sip import KamailioResponder
from tests.e2e.daemon import Daemon, free_port, wait_for
from tests.fidelity.harness import RealServer, Rule, diff

KAMAILIO_CFG = Path("/etc/kamailio/kamailio.cfg")


def ask(port: int, request: bytes, first: float = 1.0) -> tuple[bytes, int]:
    """Send ``request`` (``LPORT``/``RPORT`` filled in with the prober's and the server's port)
    from a fresh socket; the first answer (empty after ``first`` seconds of silence) and the
    prober's port."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        mine = s.getsockname()[1]
        data = request.replace(b"LPORT", str(mine).encode()).replace(b"RPORT", str(port).encode())
        s.sendto(data, ("127.0.0.1", port))
        s.settimeout(first)
        try:
            return s.recv(65535), mine
        except TimeoutError:
            return b"", mine


def keepalive(port: int) -> bool:
    request = (
        b"OPTIONS sip:127.0.0.1:RPORT SIP/2.0\r\n"
        b"Via: SIP/2.0/UDP 127.0.0.1:LPORT;branch=z9hG4bK-up\r\n"
        b"From: <sip:up@127.0.0.1>;tag=1\r\nTo: <sip:up@127.0.0.1>\r\nCall-ID: up\r\n"
        b"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    )
    return ask(port, request, 0.3)[0].startswith(b"SIP/2.0 200 Keepalive")


def kamailio(where: Path) -> RealServer:
    port = free_port()
    log = where / "kamailio.log"
    argv = ["/usr/sbin/kamailio", "-DD", "-E", "-f", str(KAMAILIO_CFG), "-l",
            f"udp:127.0.0.1:{port}", "-l", f"tcp:127.0.0.1:{port}", "-Y", str(where),
            "-n", "2"]  # fmt: skip
    proc = subprocess.Popen(argv, stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=where)
    server = RealServer("kamailio", port, proc, log)
    try:
        wait_for(lambda: keepalive(port) or proc.poll() is not None, timeout=30)
    except AssertionError:
        server.stop()
        raise
    assert proc.poll() is None, f"kamailio did not start: {log.read_text()}"
    return server


@pytest.fixture(scope="module")
def real_kamailio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    server = kamailio(tmp_path_factory.mktemp("kamailio"))
    yield server
    server.stop()


def request(
    method: str,
    uri: str = "sip:100@127.0.0.1:RPORT",
    *,
    to: str = "<sip:100@127.0.0.1>",
    agent: str = "Linphone/5.2.0 (belle-sip/5.2.0)",
    extra: str = "",
    body: str = "",
    cseq: str | None = None,
) -> bytes:
    """A request as a softphone writes it (rport asked for, Max-Forwards 70)."""
    return (
        f"{method} {uri} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:LPORT;branch=z9hG4bK-{method.lower()}-4711;rport\r\n"
        f"Max-Forwards: 70\r\nFrom: <sip:200@127.0.0.1>;tag=8c1d2e\r\nTo: {to}\r\n"
        f"Call-ID: {method.lower()}-4711@127.0.0.1\r\nCSeq: {cseq or '20 ' + method}\r\n"
        f"Contact: <sip:200@127.0.0.1:LPORT>\r\nUser-Agent: {agent}\r\n{extra}"
        f"Content-Length: {len(body)}\r\n\r\n{body}"
    ).encode()


def register(aor: str, extra: str = "") -> bytes:
    return request("REGISTER", "sip:127.0.0.1:RPORT", to=f"<sip:{aor}@127.0.0.1>", extra=extra)


SDP = (
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio 4000 RTP/AVP 0\r\n"
)
DIGEST = (
    'Authorization: Digest username="301", realm="127.0.0.1", nonce="abc", '
    'uri="sip:127.0.0.1:RPORT", response="0123456789abcdef0123456789abcdef", algorithm=MD5\r\n'
)
# svmap's OPTIONS (sipvicious 0.3.3, ``svmap -p PORT 127.0.0.1``), as it writes it.
SVMAP = (
    b"OPTIONS sip:100@127.0.0.1 SIP/2.0\r\n"
    b"Via: SIP/2.0/UDP 127.0.1.1:LPORT;branch=z9hG4bK-2203948473;rport\r\n"
    b'Max-Forwards: 70\r\nTo: "sipvicious"<sip:100@1.1.1.1>\r\n'
    b'From: "sipvicious"<sip:100@1.1.1.1>;tag=6533383962623134313363340131343730353835\r\n'
    b"User-Agent: friendly-scanner\r\nCall-ID: 651358409519457837985487\r\n"
    b"Contact: sip:100@127.0.1.1:LPORT\r\nCSeq: 1 OPTIONS\r\nAccept: application/sdp\r\n"
    b"Content-Length: 0\r\n\r\n"
)
# nmap 7.93's SIPOptions UDP probe (nmap-service-probes).
NMAP = (
    b"OPTIONS sip:nm SIP/2.0\r\nVia: SIP/2.0/UDP nm;branch=foo;rport\r\n"
    b"From: <sip:nm@nm>;tag=root\r\n"
    b"To: <sip:nm2@nm2>\r\nCall-ID: 50000\r\nCSeq: 42 OPTIONS\r\nMax-Forwards: 70\r\n"
    b"Content-Length: 0\r\nContact: <sip:nm@nm>\r\nAccept: application/sdp\r\n\r\n"
)


def bare(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


VIA = "Via: SIP/2.0/UDP 127.0.0.1:LPORT;branch=z9hG4bK-bare"

PROBES: list[tuple[str, bytes]] = [
    ("svmap's OPTIONS (friendly-scanner: dropped)", SVMAP),
    ("nmap's SIPOptions probe (another domain: 403)", NMAP),
    ("OPTIONS to the server (200 Keepalive)", request("OPTIONS", "sip:127.0.0.1:RPORT")),
    ("OPTIONS to a user", request("OPTIONS")),
    ("OPTIONS from sipsak", request("OPTIONS", "sip:127.0.0.1:RPORT", agent="sipsak 0.9.8")),
    ("OPTIONS with a scanner's name in another case", request("OPTIONS", agent="SIPVicious")),
    ("OPTIONS in lower case", request("options", "sip:127.0.0.1:RPORT", cseq="1 options")),
    ("OPTIONS for another domain", request("OPTIONS", "sip:100@198.51.100.1")),
    ("OPTIONS to a tel: URI", request("OPTIONS", "tel:+4930123456")),
    ("REGISTER without auth", register("301", "Expires: 60\r\n")),
    ("REGISTER with a wrong digest", register("302", DIGEST)),
    (
        "REGISTER without Contact (a query)",
        register("303").replace(b"Contact: <sip:200@127.0.0.1:LPORT>\r\n", b""),
    ),
    ("REGISTER expiring at once", register("304", "Expires: 0\r\n")),
    ("REGISTER for longer than max_expires", register("305", "Expires: 99999\r\n")),
    ("REGISTER for 5 s (min_expires)", register("306", "Expires: 5\r\n")),
    (
        "REGISTER with three contacts",
        register("307").replace(
            b"Contact: <sip:200@127.0.0.1:LPORT>",
            b'Contact: "A" <sip:1@192.0.2.1;transport=udp>;expires=120;+sip.instance="<urn:x>", '
            b"<sip:2@192.0.2.2>\r\nContact: sip:3@192.0.2.3;expires=30",
        ),
    ),
    ("REGISTER with a bad Expires", register("308", "Expires: soon\r\n")),
    ("REGISTER for another domain", request("REGISTER", "sip:198.51.100.1")),
    (
        "INVITE to a user not registered",
        request(
            "INVITE", "sip:555@127.0.0.1:RPORT", extra="Content-Type: application/sdp\r\n", body=SDP
        ),
    ),
    ("INVITE without a user (484)", request("INVITE", "sip:127.0.0.1:RPORT")),
    (
        "INVITE to an international number elsewhere (toll fraud)",
        request("INVITE", "sip:0046701234567@198.51.100.1"),
    ),
    (
        "INVITE to an international number here",
        request("INVITE", "sip:0046701234567@127.0.0.1:RPORT"),
    ),
    ("INVITE with a digest", request("INVITE", "sip:556@127.0.0.1:RPORT", extra=DIGEST)),
    (
        "MESSAGE",
        request(
            "MESSAGE", "sip:557@127.0.0.1:RPORT", extra="Content-Type: text/plain\r\n", body="hi"
        ),
    ),
    (
        "SUBSCRIBE to presence",
        request("SUBSCRIBE", "sip:558@127.0.0.1:RPORT", extra="Event: presence\r\n"),
    ),
    (
        "SUBSCRIBE to message-summary",
        request("SUBSCRIBE", "sip:559@127.0.0.1:RPORT", extra="Event: message-summary\r\n"),
    ),
    ("PUBLISH", request("PUBLISH", "sip:560@127.0.0.1:RPORT", extra="Event: presence\r\n")),
    ("NOTIFY", request("NOTIFY", "sip:561@127.0.0.1:RPORT", extra="Event: presence\r\n")),
    ("INFO", request("INFO", "sip:562@127.0.0.1:RPORT")),
    ("an unknown method", request("FOO", "sip:563@127.0.0.1:RPORT")),
    (
        "BYE for no dialog",
        request("BYE", "sip:564@127.0.0.1:RPORT", to="<sip:564@127.0.0.1>;tag=9f3"),
    ),
    ("BYE without a To tag", request("BYE", "sip:565@127.0.0.1:RPORT")),
    ("CANCEL of no transaction", request("CANCEL", "sip:566@127.0.0.1:RPORT")),
    (
        "ACK of no transaction",
        request("ACK", "sip:567@127.0.0.1:RPORT", to="<sip:567@127.0.0.1>;tag=9f3"),
    ),
    ("Max-Forwards 0", request("OPTIONS").replace(b"Max-Forwards: 70", b"Max-Forwards: 0")),
    (
        "Max-Forwards not a number",
        request("OPTIONS").replace(b"Max-Forwards: 70", b"Max-Forwards: x"),
    ),
    ("CSeq of another method", request("MESSAGE", "sip:568@127.0.0.1:RPORT", cseq="1 INVITE")),
    ("CSeq number not a number", request("MESSAGE", "sip:569@127.0.0.1:RPORT", cseq="x MESSAGE")),
    (
        "Content-Length longer than the body",
        request("INFO", "sip:570@127.0.0.1:RPORT").replace(
            b"Content-Length: 0", b"Content-Length: 50"
        ),
    ),
    ("an http: Request-URI", request("INFO", "http://127.0.0.1/")),
    ("an unparsable Request-URI", request("INFO", "sip:@@@")),
    (
        "compact header names, Call-ID before From",
        bare(
            [
                "OPTIONS sip:127.0.0.1:RPORT SIP/2.0",
                "v: SIP/2.0/UDP 127.0.0.1:LPORT;branch=z9hG4bK-c",
                "i: compact-1",
                "f: <sip:a@127.0.0.1>;tag=1",
                "t: <sip:b@127.0.0.1>",
                "CSeq: 1 OPTIONS",
                "l: 0",
            ]
        ),
    ),
    (
        "two Vias, the first naming another host, no rport",
        bare(
            [
                "OPTIONS sip:127.0.0.1:RPORT SIP/2.0",
                "Via: SIP/2.0/UDP 10.9.8.7:5070;branch=z9hG4bK-v1",
                "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-v2",
                "Call-ID: vias-1",
                "To: <sip:b@127.0.0.1>",
                "From: <sip:a@127.0.0.1>;tag=1",
                "CSeq: 1 OPTIONS",
                "Content-Length: 0",
            ]
        ),
    ),
    (
        "missing Call-ID",
        bare(
            [
                "OPTIONS sip:100@127.0.0.1:RPORT SIP/2.0",
                VIA,
                "From: <sip:a@b>;tag=1",
                "To: <sip:100@127.0.0.1>",
                "CSeq: 1 OPTIONS",
                "Content-Length: 0",
            ]
        ),
    ),
    (
        "missing CSeq",
        bare(
            [
                "INVITE sip:100@127.0.0.1:RPORT SIP/2.0",
                VIA,
                "From: <sip:a@b>;tag=1",
                "To: <sip:100@127.0.0.1>",
                "Call-ID: x1",
                "Content-Length: 0",
            ]
        ),
    ),
    (
        "missing From",
        bare(
            [
                "OPTIONS sip:100@127.0.0.1:RPORT SIP/2.0",
                VIA,
                "To: <sip:100@127.0.0.1>",
                "Call-ID: x2",
                "CSeq: 1 OPTIONS",
                "Content-Length: 0",
            ]
        ),
    ),
    (
        "SIP/3.0",
        bare(
            [
                "OPTIONS sip:127.0.0.1:RPORT SIP/3.0",
                VIA,
                "From: <sip:a@b>;tag=1",
                "To: <sip:b@c>",
                "Call-ID: x3",
                "CSeq: 1 OPTIONS",
            ]
        ),
    ),
    ("garbage", b"GARBAGE\r\n\r\n"),
    ("an HTTP request", b"GET / HTTP/1.0\r\n\r\n"),
    (
        "a response sent to it",
        bare(
            [
                "SIP/2.0 200 OK",
                VIA,
                "From: <sip:a@b>;tag=1",
                "To: <sip:100@127.0.0.1>;tag=2",
                "Call-ID: r1",
                "CSeq: 1 OPTIONS",
                "Content-Length: 0",
            ]
        ),
    ),
]

RULES = [
    # Kamailio's To tags: an MD5 over its listening socket, then a CRC of the request.
    Rule("sl tag", r"tag=[0-9a-f]{32}\.[0-9a-f]{8}", "tag=<sl tag>"),
    Rule("tm tag", r"tag=[0-9a-f]{32}-[0-9a-f]{8}", "tag=<tm tag>"),
]


def ports(answer: bytes, mine: int, server: int) -> bytes:
    """The prober's own port and the server's: per socket, named."""
    return answer.replace(str(mine).encode(), b"<prober port>").replace(
        str(server).encode(), b"<server port>"
    )


@pytest.mark.parametrize(("name", "probe"), PROBES, ids=[p[0] for p in PROBES])
def test_probe(
    name: str,
    probe: bytes,
    real_kamailio: RealServer,
    traps: Daemon,
    trap_ports: dict[str, int],
) -> None:
    # A Call-ID and branch of its own: the real one takes a request of a transaction it has
    # seen (the same branch) for a retransmission and answers the first sender again.
    unique = str(1000 + [p[0] for p in PROBES].index(name)).encode()
    probe = probe.replace(b"4711", unique).replace(b"z9hG4bK-bare", b"z9hG4bK-bare" + unique)
    answers = []
    for port in (real_kamailio.port, trap_ports["sip"]):
        answer, mine = ask(port, probe)
        answers.append(ports(answer, mine, port))
    diff(name, answers[0], answers[1], RULES)


def ask_tcp(port: int, request: bytes) -> tuple[bytes, int]:
    """As ``ask``, over a TCP connection of its own (the Via saying TCP): what comes back
    within a second, and ``<closed>`` if the server hangs up."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
        mine = s.getsockname()[1]
        data = request.replace(b"LPORT", str(mine).encode()).replace(b"RPORT", str(port).encode())
        s.sendall(data.replace(b"SIP/2.0/UDP", b"SIP/2.0/TCP"))
        got = b""
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            s.settimeout(max(deadline - time.monotonic(), 0.01))
            try:
                chunk = s.recv(65535)
            except TimeoutError:
                break
            except ConnectionResetError:
                return got + b"<reset>", mine
            if not chunk:
                return got + b"<closed>", mine
            got += chunk
            if got.endswith(b"\r\n"):  # an answer is whole: a moment more for another, or a close
                deadline = min(deadline, time.monotonic() + 0.25)
        return got, mine


@pytest.mark.parametrize(("name", "probe"), PROBES, ids=[p[0] for p in PROBES])
def test_probe_over_tcp(
    name: str,
    probe: bytes,
    real_kamailio: RealServer,
    traps: Daemon,
    trap_ports: dict[str, int],
) -> None:
    """The same requests over TCP, which Debian's kamailio serves on the same port: framed
    by Content-Length, and a message it cannot parse ends the connection."""
    unique = str(3000 + [p[0] for p in PROBES].index(name)).encode()
    probe = probe.replace(b"4711", unique).replace(b"z9hG4bK-bare", b"z9hG4bK-bare" + unique)
    # Users of their own: the registrars remember what the UDP probes registered.
    probe = re.sub(rb"^To: <sip:", b"To: <sip:tcp", probe, flags=re.MULTILINE)
    answers = []
    for port in (real_kamailio.port, trap_ports["sip"]):
        answer, mine = ask_tcp(port, probe)
        answers.append(ports(answer, mine, port))
    diff(name, answers[0], answers[1], RULES)


TCP_ONLY: list[tuple[str, bytes]] = [
    ("a keep-alive (double CRLF)", b"\r\n\r\n"),
    ("a keep-alive, then OPTIONS", b"\r\n\r\n" + request("OPTIONS", "sip:127.0.0.1:RPORT")),
    ("two requests at once", request("OPTIONS", "sip:127.0.0.1:RPORT") * 2),
    (
        "no Content-Length",
        request("OPTIONS", "sip:127.0.0.1:RPORT").replace(b"Content-Length: 0\r\n", b""),
    ),
    (
        "a body still to come",
        request("OPTIONS", "sip:127.0.0.1:RPORT").replace(b"Length: 0", b"Length: 10"),
    ),
    ("70000 bytes of nothing", b"x" * 70000),
]


@pytest.mark.parametrize(("name", "probe"), TCP_ONLY, ids=[p[0] for p in TCP_ONLY])
def test_tcp_framing(
    name: str,
    probe: bytes,
    real_kamailio: RealServer,
    traps: Daemon,
    trap_ports: dict[str, int],
) -> None:
    unique = str(4000 + [p[0] for p in TCP_ONLY].index(name)).encode()
    answers = []
    for port in (real_kamailio.port, trap_ports["sip"]):
        answer, mine = ask_tcp(port, probe.replace(b"4711", unique))
        answers.append(ports(answer, mine, port))
    diff(name, answers[0], answers[1], RULES)


#: A contact nobody listens on (a closed loopback port): where the real one relays requests
#: to registered users, so nothing leaves loopback and nothing answers.
DEAD = free_port()


def binding(aor: str, contact: str, extra: str = "") -> bytes:
    return register(aor, extra).replace(b"<sip:200@127.0.0.1:LPORT>", contact.encode())


def call(method: str, user: str, extra: str = "") -> bytes:
    return request(method, f"sip:{user}@127.0.0.1:RPORT", extra=extra)


#: Conversations with the registrar, each request from a fresh socket: what it remembers.
SEQUENCES: list[tuple[str, list[bytes]]] = [
    (
        "two contacts, a query, one removed, all removed",
        [
            binding("700", f"<sip:a@127.0.0.1:{DEAD}>;expires=300"),
            binding("700", f"<sip:b@127.0.0.1:{DEAD}>", "Expires: 100\r\n"),
            register("700").replace(b"Contact: <sip:200@127.0.0.1:LPORT>\r\n", b""),
            binding("700", f"<sip:b@127.0.0.1:{DEAD}>;expires=0"),
            binding("700", "*", "Expires: 0\r\n"),
            register("700").replace(b"Contact: <sip:200@127.0.0.1:LPORT>\r\n", b""),
        ],
    ),
    (
        "a registered user is called (relayed: 100 trying, then nothing)",
        [
            binding("701", f"<sip:c@127.0.0.1:{DEAD}>"),
            call("INVITE", "701", "Content-Type: application/sdp\r\n"),
            call("MESSAGE", "701"),
            call("OPTIONS", "701"),
            call("INVITE", "702"),
        ],
    ),
    (
        "method filtering by the contact's Allow",
        [
            binding("703", f"<sip:d@127.0.0.1:{DEAD}>", "Allow: INVITE, ACK, CANCEL, BYE\r\n"),
            call("MESSAGE", "703"),
            call("SUBSCRIBE", "703", "Event: presence\r\n"),
            call("INVITE", "703"),
        ],
    ),
    (
        "q orders the contacts, a refresh keeps its place",
        [
            binding(
                "704",
                f"<sip:e@127.0.0.1:{DEAD}>;q=0.1, <sip:f@127.0.0.1:{DEAD}>;q=0.9, "
                f"<sip:g@127.0.0.1:{DEAD}>",
            ),
            binding("704", f"<sip:h@127.0.0.1:{DEAD}>;q=0.5;expires=600"),
            binding("704", f"<sip:e@127.0.0.1:{DEAD}>;q=0.1;expires=60"),
        ],
    ),
    (
        "one user whatever the domain",
        [
            binding("705", f"<sip:i@127.0.0.1:{DEAD}>"),
            register("705")
            .replace(b"Contact: <sip:200@127.0.0.1:LPORT>\r\n", b"")
            .replace(b"705@127.0.0.1", b"705@example.com"),
        ],
    ),
]

#: A binding's seconds left, read a moment after it was made: the same or one less, on
#: either side, as the whole second ticks.
SECONDS = [
    Rule(f"{n} seconds left", rf"expires=(?:{n}|{n - 1})\b", f"expires=<{n} or {n - 1}>")
    for n in (3600, 600, 300, 100, 60)
]


@pytest.mark.parametrize(("name", "conversation"), SEQUENCES, ids=[s[0] for s in SEQUENCES])
def test_registrar_conversation(
    name: str,
    conversation: list[bytes],
    real_kamailio: RealServer,
    traps: Daemon,
    trap_ports: dict[str, int],
) -> None:
    unique = str(2000 + [s[0] for s in SEQUENCES].index(name)).encode()
    answers: list[list[bytes]] = [[], []]
    for step, probe in enumerate(conversation):
        tagged = probe.replace(b"4711", unique + b"%d" % step)
        for side, port in enumerate((real_kamailio.port, trap_ports["sip"])):
            answer, mine = ask(port, tagged)
            answers[side].append(b"--- step %d\r\n" % step + ports(answer, mine, port))
    diff(name, b"".join(answers[0]), b"".join(answers[1]), RULES + SECONDS)


def test_the_probes_get_kamailio_s_answers() -> None:
    """The diff above means something: the probes reach every branch of the shipped
    request_route, not one answer (checked against the trap's own responder)."""
    responder = KamailioResponder(b"seed", lambda host: host == "127.0.0.1", lambda: 1000.0)
    seen = set()
    for _, probe in PROBES + [("", p) for _, c in SEQUENCES for p in c]:
        data = probe.replace(b"LPORT", b"40000").replace(b"RPORT", b"5060")
        answer = responder.respond_addressed(data, ("127.0.0.1", 40000), ("127.0.0.1", 5060))
        seen.add(answer.reply.split(b"\r\n", 1)[0].decode())
    assert seen >= {
        "",
        "SIP/2.0 200 Keepalive",
        "SIP/2.0 200 OK",
        "SIP/2.0 403 Not relaying",
        "SIP/2.0 404 Not Found",
        "SIP/2.0 404 Not here",
        "SIP/2.0 404 No voicemail service",
        "SIP/2.0 484 Address Incomplete",
        "SIP/2.0 483 Too Many Hops",
        "SIP/2.0 400 Content-Length mis-match",
        "SIP/2.0 400 CSeq method does not match request method",
        "SIP/2.0 400 Expires value is illegal",
        "SIP/2.0 100 trying -- your call is important to us",
        "SIP/2.0 405 Method Not Allowed",
    }


def _svmap(port: int) -> bytes:
    done = subprocess.run(
        ["svmap", "-p", str(port), "127.0.0.1"], capture_output=True, timeout=60, check=False
    )
    return (done.stdout + done.stderr).replace(str(port).encode(), b"<port>")


def test_svmap_reports_the_same(
    real_kamailio: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = _svmap(real_kamailio.port), _svmap(trap_ports["sip"])
    diff("svmap", real, trap)
    assert b"found nothing" in real  # Debian's kamailio.cfg drops friendly-scanner


def _nmap(port: int, udp: bool = True) -> bytes:
    argv = ["nmap", "-sU" if udp else "-sT", "-sV", "-Pn", "-n", "-p", str(port), "127.0.0.1"]
    out = subprocess.run(argv, capture_output=True, timeout=180, check=False).stdout
    line = re.search(rb"^%d/%s .*$" % (port, b"udp" if udp else b"tcp"), out, re.MULTILINE)
    assert line is not None, out
    return line.group(0).replace(str(port).encode(), b"<port>")


def test_nmap_names_both_the_same(
    real_kamailio: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    # Both at once: nmap spends its 40 s waiting on UDP probes, not working.
    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(_nmap, (real_kamailio.port, trap_ports["sip"]))
    diff("nmap -sU -sV", real, trap)
    assert b"sip     kamailio (5.6.3 (x86_64/linux))" in real


def test_nmap_names_both_the_same_over_tcp(
    real_kamailio: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(
            lambda port: _nmap(port, udp=False), (real_kamailio.port, trap_ports["sip"])
        )
    diff("nmap -sV", real, trap)
    assert b"sip     Kamailio 5.6.3 (x86_64)" in real
