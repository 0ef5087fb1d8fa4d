"""Fuzz every trap dialogue (TCP) and responder (UDP) in honeymesh/detection/traps with atheris.

    .venv/bin/python fuzz/trap_dialogues.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags as in fuzz/client_hello.py; ``make fuzz`` runs it with the others and the pytest
short pass, tests/test_fuzz_harnesses.py, runs it for a few thousand inputs.)

Traps are where strangers' bytes arrive first, so no input may get past a dialogue as an
exception (``TrapProtocol`` would end the session as ``trap_error`` and log a traceback per
connection: a cheap way to flood the log). The first bytes of each input pick one of the eleven
traps; the rest is the client's side of a session:

* TCP (banner, ssh, telnet, http, tls, ftp, smtp, redis, mysql): a fresh dialogue, set up as the
  trap tests set it up (tests/detection/traps/dialogues.py), is started and then fed chunks
  until it closes, as ``TrapProtocol`` would. A chunk is either fuzz bytes or a fragment of that
  protocol (a greeting, a command, a real ClientHello) so that the fuzzer gets past the first
  line. Every ``start`` and ``receive`` returns a ``Step`` (these dialogues have no error of
  their own: a client that does not speak the protocol gets an answer or a hang-up) whose reply
  is bytes, whose findings carry catalogued event ids, and whose details and findings are JSON
  as the event store writes them. What the dialogue sends back and the findings it reports stay
  bounded by what it was sent (the bound the hypothesis test, tests/detection/traps/test_fuzz.py,
  also checks); ``stop`` never raises.
* UDP (dns, sip, snmp): each chunk is one datagram to the responder, which returns an
  ``Answer`` of at most ``MAX_REPLY`` bytes (what ``DatagramTrap`` would send at all; the
  per-source reply budget there is what bounds reflection) and never raises.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["honeymesh"]):
    from honeymesh.detection.traps import (
        banner,
        dns,
        ftp,
        http,
        lines,
        mysql,
        redis,
        shell,
        sip,
        smtp,
        snmp,
        ssh,
        telnet,
        tls,
        udp,
    )
    from honeymesh.detection.traps.base import Dialogue, Step
    from honeymesh.events import EventId
    from tests.detection.traps.dialogues import responders, tcp_dialogues  # not instrumented

_ = (dns, ftp, http, lines, mysql, redis, shell, sip, smtp, snmp, ssh, telnet, tls, udp)

_TMP = tempfile.TemporaryDirectory(prefix="honeymesh-fuzz-")  # host keys, a certificate
MAKERS: dict[str, Callable[[], Dialogue]] = {
    "banner": lambda: banner.BannerDialogue(b"220 mail.example.net ESMTP Postfix\r\n"),
    **tcp_dialogues(Path(_TMP.name)),
}
RESPONDERS = responders()
TRAPS = sorted(MAKERS) + sorted(RESPONDERS)
MAX_CHUNKS = 32
CURL = (ROOT / "tests/detection/fixtures/curl.bin").read_bytes()
FRAGMENTS: dict[str, list[bytes]] = {
    "banner": [b"HELP\r\n", b"\n"],
    "ssh": [b"SSH-2.0-OpenSSH_9.2\r\n", b"\x00\x00\x00\x0c\x0a\x14", b"SSH-1.5-x\n"],
    "telnet": [b"\xff\xfa\x18\x00xterm\xff\xf0", b"\xff\xfd\x01", b"root\r\n", b"uname -a\r\n"],
    "http": [b"GET / HTTP/1.1\r\n", b"Content-Length: 5\r\n", b"\r\n", b"POST /login HTTP/1.1"],
    "tls": [CURL, b"\x16\x03\x01\x00\x05", b"GET / HTTP/1.1\r\n\r\n"],
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
    "mysql": [b"\x20\x00\x00\x01", b"\x00" * 32, b"root\x00"],
    "dns": [
        b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03net\x00\x00\x01\x00\x01"
    ],
    "sip": [b"OPTIONS sip:100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP x\r\nCall-ID: 1\r\n\r\n"],
    "snmp": [
        bytes.fromhex(
            "302602010104067075626c6963a019020400000001020100020100300b300906052b06010201050000"
        )
    ],
}
EVENT_IDS = frozenset(EventId)


def chunks(fdp: atheris.FuzzedDataProvider, trap: str) -> list[bytes]:
    fragments = FRAGMENTS[trap]
    out = []
    for _ in range(fdp.ConsumeIntInRange(0, MAX_CHUNKS)):
        if fdp.remaining_bytes() == 0:
            break
        if fdp.ConsumeIntInRange(0, 3) == 0:
            out.append(fragments[fdp.ConsumeIntInRange(0, len(fragments) - 1)])
        else:
            out.append(fdp.ConsumeBytes(fdp.ConsumeIntInRange(1, 2048)))
    return out


def as_json(detail: Mapping[str, object]) -> None:
    """The event store and the JSON log write details as JSON; they must be JSON values."""
    json.dumps(detail, allow_nan=False)


def checked(step: object) -> Step:
    assert isinstance(step, Step), step
    assert isinstance(step.reply, bytes), type(step.reply)
    as_json(dict(step.detail))  # merged into the session's dict, as TrapProtocol does
    for event_id, found in step.findings:
        assert event_id in EVENT_IDS, event_id
        as_json(found)
    return step


def session(trap: str, sent: list[bytes]) -> None:
    dialogue = MAKERS[trap]()
    step = checked(dialogue.start())
    out, findings, total = len(step.reply), len(step.findings), 0
    for fed, chunk in enumerate(sent, start=1):
        if step.close:
            break
        step = checked(dialogue.receive(chunk))
        total += len(chunk)
        out += len(step.reply)
        findings += len(step.findings)
        assert out <= 200_000 + 64 * total, (trap, out, total)
        assert findings <= 4 * fed + total, (trap, findings, fed, total)
    dialogue.stop()


def datagrams(trap: str, sent: list[bytes]) -> None:
    responder = RESPONDERS[trap]
    for datagram in sent:
        answer = responder.respond(datagram, "192.0.2.1")
        assert isinstance(answer, udp.Answer), answer
        assert isinstance(answer.reply, bytes), type(answer.reply)
        assert len(answer.reply) <= udp.MAX_REPLY, (trap, len(answer.reply), len(datagram))
        as_json(answer.detail)
        for event_id, found in answer.findings:
            assert event_id in EVENT_IDS, event_id
            as_json(found)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    trap = TRAPS[fdp.ConsumeIntInRange(0, len(TRAPS) - 1)]
    sent = chunks(fdp, trap)
    (session if trap in MAKERS else datagrams)(trap, sent)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
