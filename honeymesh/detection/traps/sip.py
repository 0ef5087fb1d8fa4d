"""The SIP trap (UDP): an Asterisk look-alike for OPTIONS scans, REGISTER brute force, INVITEs.

``parse_request`` reads a SIP request (request line, headers with their compact forms, bounded)
and raises ``SipError`` and nothing else. ``SipResponder`` answers as Asterisk does: OPTIONS
200 with its capabilities, REGISTER and INVITE a digest challenge (401), a REGISTER or INVITE
that carries credentials 403, BYE/CANCEL 481, ACK nothing, the rest 405. The digest username
and response of every authenticated request are a ``trap.credential`` finding; the number an
INVITE dials (toll fraud) is recorded.

A response is built from the mandatory headers (Via, From, To, Call-ID, CSeq) first and the
optional ones after, each optional header only if the whole still fits in ``MAX_REPLY``; if even
the mandatory part does not fit (a request with hundreds of Via headers), nothing is sent.
Reflection is bounded by the trap's per-source byte budget (``udp.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.udp import MAX_REPLY, Answer
from honeymesh.events import JSONValue

MAX_REQUEST = 8192
MAX_HEADERS = 64
_COMPACT = {
    "v": "via",
    "f": "from",
    "t": "to",
    "i": "call-id",
    "m": "contact",
    "l": "content-length",
    "c": "content-type",
    "k": "supported",
}
_REQUEST_LINE = re.compile(r"^([A-Z]{2,16}) (\S{1,512}) SIP/2\.0$")
_SCANNERS = ("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent", "sip-scan",
             "sipsak", "pplsip", "iWar", "sundayddr")  # fmt: skip
_DIGEST_FIELD = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))')


class SipError(ValueError):
    """Bytes that are not a SIP request."""


@dataclass(frozen=True)
class SipRequest:
    method: str
    uri: str
    headers: tuple[tuple[str, str], ...]  # lower-case full names, in order

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name]


def parse_request(data: bytes) -> SipRequest:
    if len(data) > MAX_REQUEST:
        raise SipError(f"request of {len(data)} bytes is larger than {MAX_REQUEST}")
    text = data.decode("utf-8", "replace")
    head = re.split(r"\r?\n\r?\n", text, maxsplit=1)[0]
    lines = re.split(r"\r?\n", head)
    m = _REQUEST_LINE.match(lines[0].strip())
    if m is None:
        raise SipError("not a SIP request line")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise SipError(f"header line without a colon: {line[:40]!r}")
        key = name.strip().lower()
        if len(headers) < MAX_HEADERS:
            headers.append((_COMPACT.get(key, key), value.strip()))
    return SipRequest(m.group(1), m.group(2), tuple(headers))


def digest_fields(value: str) -> dict[str, str]:
    """The name=value pairs of a ``Digest ...`` Authorization header."""
    _, _, rest = value.partition(" ")
    return {k.lower(): (q or b)[:256] for k, q, b in _DIGEST_FIELD.findall(rest[:2048])}


@dataclass(frozen=True)
class SipSettings:
    server: str
    realm: str
    # Mixed into the To tags and nonces, which Asterisk makes at random: without it two nodes
    # would answer one request with the same tag (the node's own: registry, from its facts).
    secret: bytes = b""


class SipResponder:
    def __init__(self, settings: SipSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now

    def respond(self, data: bytes, source: str) -> Answer:
        try:
            request = parse_request(data)
        except SipError as e:
            return Answer(detail={"service": "sip", "error": str(e)})
        detail: dict[str, JSONValue] = {
            "service": "sip",
            "method": request.method,
            "uri": findings.text(request.uri),
            "from": findings.text(request.get("from") or ""),
            "to": findings.text(request.get("to") or ""),
            "user_agent": findings.text(request.get("user-agent") or ""),
            "call_id": findings.text(request.get("call-id") or "", 128),
        }
        agent = (request.get("user-agent") or "").lower()
        if any(s.lower() in agent for s in _SCANNERS):
            detail["known_scanner"] = True
        found = []
        auth = request.get("authorization") or request.get("proxy-authorization")
        if auth is not None:
            fields = digest_fields(auth)
            found.append(
                findings.credential(
                    "sip",
                    fields.get("username", ""),
                    None,
                    method="digest",
                    realm=fields.get("realm"),
                    response=fields.get("response"),
                    uri=fields.get("uri"),
                )
            )
        if request.method == "INVITE":
            detail["dialed"] = findings.text(request.uri.split(":", 1)[-1].split("@", 1)[0], 64)
        status = self._status(request, auth is not None)
        if status is None:
            return Answer(detail=detail, findings=tuple(found))
        reply = self._render(request, status, MAX_REPLY)
        detail["status"] = status[0]
        if not reply:
            detail["reply_suppressed"] = True
        return Answer(reply, detail, tuple(found))

    @staticmethod
    def _status(request: SipRequest, authenticated: bool) -> tuple[int, str] | None:
        method = request.method
        if method == "ACK":
            return None
        if method == "OPTIONS":
            return 200, "OK"
        if method in ("REGISTER", "INVITE", "SUBSCRIBE", "MESSAGE"):
            return (403, "Forbidden") if authenticated else (401, "Unauthorized")
        if method in ("BYE", "CANCEL"):
            return 481, "Call/Transaction Does Not Exist"
        return 405, "Method Not Allowed"

    def _render(self, request: SipRequest, status: tuple[int, str], room: int) -> bytes:
        to = request.get("to") or ""
        if status[0] != 200 and "tag=" not in to:
            tag = hashlib.sha256(self._s.secret + to.encode() + b"tag").hexdigest()[:8]
            to += ";tag=as" + tag
        mandatory = [f"SIP/2.0 {status[0]} {status[1]}"]
        mandatory += [f"Via: {v}" for v in request.all("via")]
        mandatory += [
            f"From: {request.get('from') or ''}",
            f"To: {to}",
            f"Call-ID: {request.get('call-id') or ''}",
            f"CSeq: {request.get('cseq') or ''}",
        ]
        optional = [f"Server: {self._s.server}"]
        if status[0] == 401:
            seen = f"{self._now()}{request.get('call-id')}".encode()
            nonce = hashlib.sha256(self._s.secret + seen).hexdigest()
            optional.insert(
                0,
                f'WWW-Authenticate: Digest algorithm=MD5, realm="{self._s.realm}", '
                f'nonce="{nonce[:8]}"',
            )
        optional += [
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, SUBSCRIBE, NOTIFY, INFO, PUBLISH, "
            "MESSAGE",
            "Supported: replaces, timer",
            "Accept: application/sdp",
        ]
        ending = "Content-Length: 0\r\n\r\n"
        lines = list(mandatory)
        size = len("\r\n".join(lines).encode("utf-8", "replace")) + 2 + len(ending)
        if size > room:
            return b""
        for header in optional:
            extra = len(header.encode("utf-8", "replace")) + 2
            if size + extra <= room:
                lines.append(header)
                size += extra
        return ("\r\n".join(lines) + "\r\n" + ending).encode("utf-8", "replace")
