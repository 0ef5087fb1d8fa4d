"""The SIP trap (UDP and TCP): Kamailio 5.6.3 as Debian 12 ships it.

``parse_request`` reads a SIP request (request line, headers with their compact forms, bounded)
and raises ``SipError`` and nothing else. One persona answers it (``PERSONAS``):

- ``kamailio-5.6.3`` (the default): ``KamailioResponder`` answers as kamailio 5.6.3-2 with
  Debian 12's shipped ``/etc/kamailio/kamailio.cfg`` does (diffed in tests/fidelity/test_sip.py):
  that configuration has no authentication, so REGISTER is accepted (200 with the contacts),
  OPTIONS to the server itself is "200 Keepalive", requests to a user get the registrar's
  "404 Not Found", requests for other domains "403 Not relaying", and sipvicious & co. (by
  User-Agent) get silence. Replies copy Via, From, To, Call-ID and CSeq as the request wrote
  them, in its order, add ``rport``/``received`` to the top Via and a To tag made as
  Kamailio's sl and tm modules make theirs (a prefix per server, a hash of the request), then
  ``Server`` and ``Content-Length``. REGISTERs fill a bounded location table (``Location``) as
  the registrar's; ``SipTcpDialogue`` serves the same over TCP, as the package's kamailio
  listens on both. What the real one does and the trap does not (relaying to registered
  contacts, retransmitting INVITE answers over UDP) is listed in docs/TRAPS.md.
An Asterisk persona existed before: Asterisk is not in Debian 12, so it could never be diffed
against the real server, and a persona is only offered when it is (docs/TRAPS.md).

The digest username and response of every request that carries an
``Authorization`` are a ``trap.credential`` finding, a known scanner's User-Agent is recorded
(``known_scanner``) and the number an INVITE dials (toll fraud) too.

A response is built from the mandatory headers (Via, From, To, Call-ID, CSeq) first and the
optional ones after, each optional header only if the whole still fits in ``MAX_REPLY``; if even
the mandatory part does not fit (a request with hundreds of Via headers), nothing is sent.
Reflection is bounded by the trap's per-source byte budget (``udp.py``).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
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
    "e": "content-encoding",
    "o": "event",
    "s": "subject",
}
# Kamailio takes any token as a method, in any case ("options" is OPTIONS to it).
_REQUEST_LINE = re.compile(r"^([A-Za-z]{2,16}) (\S{1,512}) SIP/2\.0$")
_SCANNERS = ("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent", "sip-scan",
             "sipsak", "pplsip", "iWar", "sundayddr")  # fmt: skip
_DIGEST_FIELD = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))')

Persona = Literal["kamailio-5.6.3"]
#: The personas a SIP trap can claim: those diffed against the real server from Debian 12.
PERSONAS: tuple[Persona, ...] = ("kamailio-5.6.3",)


class SipError(ValueError):
    """Bytes that are not a SIP request."""


@dataclass(frozen=True)
class SipRequest:
    method: str  # upper case
    uri: str
    headers: tuple[tuple[str, str], ...]  # lower-case full names, in order
    # Each header line as the request wrote it (name, colon, spacing), parallel to ``headers``:
    # Kamailio copies Via, From, To, Call-ID and CSeq into a reply as written.
    lines: tuple[str, ...] = ()
    body_length: int = 0  # bytes after the blank line

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name]


def parse_request(data: bytes) -> SipRequest:
    if len(data) > MAX_REQUEST:
        raise SipError(f"request of {len(data)} bytes is larger than {MAX_REQUEST}")
    parts = re.split(rb"\r?\n\r?\n", data, maxsplit=1)
    body_length = len(parts[1]) if len(parts) > 1 else 0
    head = parts[0].decode("utf-8", "replace")
    lines = re.split(r"\r?\n", head)
    m = _REQUEST_LINE.match(lines[0].strip())
    if m is None:
        raise SipError("not a SIP request line")
    headers: list[tuple[str, str]] = []
    raw: list[str] = []
    for line in lines[1:]:
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise SipError(f"header line without a colon: {line[:40]!r}")
        key = name.strip().lower()
        if len(headers) < MAX_HEADERS:
            headers.append((_COMPACT.get(key, key), value.strip()))
            raw.append(line.rstrip())
    return SipRequest(m.group(1).upper(), m.group(2), tuple(headers), tuple(raw), body_length)


def digest_fields(value: str) -> dict[str, str]:
    """The name=value pairs of a ``Digest ...`` Authorization header."""
    _, _, rest = value.partition(" ")
    return {k.lower(): (q or b)[:256] for k, q, b in _DIGEST_FIELD.findall(rest[:2048])}


def observe(request: SipRequest) -> tuple[dict[str, JSONValue], tuple[Finding, ...]]:
    """What every persona records of a request: its details, and a ``trap.credential`` finding
    for a digest ``Authorization`` (answered or not: Kamailio's default asks for none, but
    guessing tools send them, and each is scored as a login attempt)."""
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
    found: list[Finding] = []
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
    return detail, tuple(found)


#: What kamailio 5.6.3 (Debian's build) says in ``Server`` (its ``server_header`` default).
KAMAILIO_SERVER = "kamailio (5.6.3 (x86_64/linux))"
#: The default configuration drops these silently (``route[REQINIT]``: a regular expression
#: matched without regard to case), so svmap finds nothing.
_KAMAILIO_SCANNERS = re.compile(r"friendly|scanner|sipcli|sipvicious|VaxSIPUserAgent|pplsip", re.I)
_MANDATORY = ("via", "from", "to", "call-id", "cseq")
_URI = re.compile(
    r"^(sips?):(?:([^@;?]+)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(?:[;?].*)?$", re.I
)
_CSEQ = re.compile(r"^(\d{1,10})\s+(\S+)$")
_CONTACT = re.compile(
    r'^\s*(?:"[^"]*"\s*|[^<,"]*?)<([^>]*)>((?:;[^,]*)?)|^\s*([^;,\s]+)((?:;[^,]*)?)'
)
#: registrar's limits in the shipped configuration (max_expires) and its defaults.
_DEFAULT_EXPIRES, _MIN_EXPIRES, _MAX_EXPIRES = 3600, 60, 3600
#: The trap's bounds on the location table (Kamailio's are its shared memory): users,
#: contacts per user, and the longest contact URI and echoed parameters saved (about 12 MiB
#: at most, whatever is sent).
MAX_USERS, MAX_BINDINGS, MAX_CONTACT = 1024, 16, 512


@dataclass
class Binding:
    """One registered contact of a user, as usrloc keeps it."""

    uri: str
    q: int  # thousandths; -1 when the contact gave none (it sorts last)
    expires_at: int  # whole seconds, as Kamailio counts them
    params: str  # what is echoed after ``expires``: +sip.instance, reg-id
    methods: frozenset[str] | None  # the REGISTER's Allow; None: any


@dataclass(frozen=True)
class ContactSpec:
    """A contact of a REGISTER: its URI, q, expiry asked for, and parameters to echo."""

    uri: str
    q: int
    expires: int
    params: str


class Location:
    """usrloc as the shipped configuration uses it (``use_domain`` 0: bindings per user name,
    whatever the domain), bounded: at most ``max_users`` users (the least recently registered
    forgotten first) of at most ``max_bindings`` contacts each (more are not saved)."""

    def __init__(self, max_users: int = MAX_USERS, max_bindings: int = MAX_BINDINGS) -> None:
        self._users: OrderedDict[str, list[Binding]] = OrderedDict()
        self._max_users = max_users
        self._max_bindings = max_bindings

    def __len__(self) -> int:
        return len(self._users)

    def lookup(self, user: str, now: int) -> list[Binding]:
        return [b for b in self._users.get(user, []) if b.expires_at > now]

    def clear(self, user: str) -> None:
        self._users.pop(user, None)

    def save(
        self, user: str, contacts: list[ContactSpec], methods: frozenset[str] | None, now: int
    ) -> list[Binding]:
        """Each contact added, refreshed in place, or removed (expiry 0), in the order given;
        a new one goes before the first of lower q (after those of equal q), as usrloc
        inserts. The user's valid bindings after."""
        bindings = self.lookup(user, now)
        for c in contacts:
            same = next((b for b in bindings if b.uri == c.uri), None)
            if c.expires == 0:
                if same is not None:
                    bindings.remove(same)
                continue
            if same is not None:
                same.expires_at, same.q, same.params = now + c.expires, c.q, c.params
                same.methods = methods
                continue
            if len(bindings) >= self._max_bindings:
                continue
            new = Binding(c.uri, c.q, now + c.expires, c.params, methods)
            at = next((i for i, b in enumerate(bindings) if b.q < c.q), len(bindings))
            bindings.insert(at, new)
        self._users.pop(user, None)
        if bindings:
            self._users[user] = bindings
            while len(self._users) > self._max_users:
                self._users.popitem(last=False)
        return list(bindings)


@dataclass(frozen=True)
class Where:
    """Both ends of a datagram: who sent it and which of our addresses and ports it reached
    (``host`` empty when the socket is bound to a wildcard)."""

    source: str
    source_port: int
    host: str
    port: int


class KamailioResponder:
    """The ``kamailio-5.6.3`` persona: Debian 12's kamailio with its shipped kamailio.cfg.

    ``secret`` makes the two To-tag prefixes (Kamailio's are an MD5 over its listening socket,
    so they differ per server); ``is_local`` says whether an address in a Request-URI is one of
    this host's, for a socket bound to a wildcard address. REGISTERs fill ``location`` as the
    real registrar's; a request to a registered user is what the real one relays to the
    contact: the trap relays nothing, it answers an INVITE's "100 trying" as Kamailio does
    before relaying, and then stays silent, as a contact that never answers.
    """

    def __init__(
        self,
        secret: bytes,
        is_local: Callable[[str], bool],
        now: Callable[[], float],
        location: Location | None = None,
    ) -> None:
        self._sl = hashlib.md5(secret + b"sl", usedforsecurity=False).hexdigest()
        self._tm = hashlib.md5(secret + b"tm", usedforsecurity=False).hexdigest()
        self._is_local = is_local
        self._now = now
        self.location = location if location is not None else Location()

    def respond(self, data: bytes, source: str) -> Answer:
        """Without the ends known: as if it came from ``source`` port 5060 to us on 5060."""
        return self.respond_addressed(data, (source, 5060), ("", 5060))

    def respond_addressed(
        self, data: bytes, source: tuple[str, int], local: tuple[str, int]
    ) -> Answer:
        try:
            request = parse_request(data)
        except SipError as e:
            return Answer(detail={"service": "sip", "error": str(e)})
        detail, found = observe(request)
        if any(request.get(h) is None for h in _MANDATORY):
            # Kamailio's receive_msg refuses it before any route: silence over UDP, the
            # connection closed over TCP.
            detail["error"] = "a mandatory header is missing"
            return Answer(detail=detail, findings=found)
        where = Where(source[0], source[1], local[0], local[1])
        status = self._status(request, where)
        if status is None:
            return Answer(detail=detail, findings=found)
        reply = self._render(request, status, where)
        detail["status"] = status[0]
        if not reply:
            detail["reply_suppressed"] = True
        return Answer(reply, detail, found)

    def _myself(self, uri: str, where: Where) -> bool:
        """Kamailio's ``uri==myself``: one of its addresses and the port it listens on."""
        m = _URI.match(uri)
        if m is None:
            return False
        host = m.group(3).lower().strip("[]")
        port = int(m.group(4)) if m.group(4) else (5061 if m.group(1).lower() == "sips" else 5060)
        if where.port and port != where.port:
            return False
        return host == where.host if where.host else self._is_local(host)

    def _status(self, request: SipRequest, where: Where) -> tuple[int, str, str] | None:  # noqa: PLR0911, PLR0912
        """Status, reason and which module answers ("sl" or "tm"), or None for silence: the
        shipped request_route, in its order."""
        method = request.method
        if method == "ACK" or any(request.get(h) is None for h in _MANDATORY):
            return None  # sl never answers an ACK; without these no reply can be built
        cseq = _CSEQ.match(request.get("cseq") or "")
        if _KAMAILIO_SCANNERS.search(request.get("user-agent") or ""):
            return None
        hops = request.get("max-forwards")
        if hops is not None and (not hops.isdigit() or int(hops) == 0):
            return 483, "Too Many Hops", "sl"
        uri = _URI.match(request.uri)
        myself = self._myself(request.uri, where)
        user = uri.group(2) if uri is not None else None
        if method == "OPTIONS" and myself and not user:
            return 200, "Keepalive", "sl"
        # sanity_check("17895", "7"): Request-URI, CSeq, Content-Length, Expires.
        if uri is None and not request.uri.lower().startswith("tel:"):
            return 400, "Bad Request URI", "sl"
        if cseq is None or int(cseq.group(1)) >= 2**32:
            return 400, "CSeq number is illegal", "sl"
        if cseq.group(2).upper() != method:
            return 400, "CSeq method does not match request method", "sl"
        length = request.get("content-length")
        if length is not None and (not length.isdigit() or int(length) != request.body_length):
            return 400, "Content-Length mis-match", "sl"
        expires = request.get("expires")
        if expires is not None and not expires.isdigit():
            return 400, "Expires value is illegal", "sl"
        if method == "CANCEL":
            return None  # no transaction to cancel
        event = (request.get("event") or "").split(";")[0].strip()
        if ";tag=" in (request.get("to") or "").replace(" ", ""):  # route[WITHINDLG]
            if method == "SUBSCRIBE" and myself:
                if event == "message-summary":
                    return 404, "No voicemail service", "sl"
                return (404, "Not here", "sl") if not user else None
            return 404, "Not here", "sl"
        if not myself:
            return 403, "Not relaying", "sl"
        if method == "SUBSCRIBE" and event == "message-summary":
            return 404, "No voicemail service", "sl"
        if method == "PUBLISH" or (method == "SUBSCRIBE" and not user):
            return 404, "Not here", "sl"
        if method == "REGISTER":
            return 200, "OK", "sl"
        if not user:
            return 484, "Address Incomplete", "sl"
        bindings = self.location.lookup(user, int(self._now()))
        if not bindings:
            return 404, "Not Found", "tm"  # lookup("location"): no such user registered here
        if all(b.methods is not None and method not in b.methods for b in bindings):
            return 405, "Method Not Allowed", "tm"  # registrar's method_filtering
        if method == "INVITE":
            return 100, "trying -- your call is important to us", "tm"
        return None  # relayed by the real one; here, a contact that never answers

    def _tag(self, request: SipRequest, module: str) -> str:
        """sl's ``<md5>.<crc>`` or tm's ``<md5>-<crc>``: a prefix per server, then a CRC of
        the request's From tag, Call-ID, CSeq and top Via branch (so a retransmission gets
        the same tag)."""
        via = (request.get("via") or "").split(",")[0]
        key = "|".join((request.get("from") or "", request.get("call-id") or "",
                        request.get("cseq") or "", via))  # fmt: skip
        crc = f"{zlib.crc32(key.encode('utf-8', 'replace')):08x}"
        return f"{self._sl}.{crc}" if module == "sl" else f"{self._tm}-{crc}"

    @staticmethod
    def _via(line: str, where: Where) -> str:
        """force_rport(): the top Via gets ``rport=<port>``, and ``received=<address>`` when
        the request asked for rport or its sent-by host is not the source address."""
        name, _, value = line.partition(":")
        first, comma, rest = value.partition(",")
        params = first.rstrip().split(";")
        asked = any(p.strip().lower().split("=")[0] == "rport" for p in params[1:])
        params = [params[0], *(p for p in params[1:] if p.strip().lower().split("=")[0] != "rport")]
        sent_by = params[0].strip().split()[-1] if params[0].strip() else ""
        host = sent_by.rsplit(":", 1)[0] if sent_by.count(":") == 1 else sent_by
        params.append(f"rport={where.source_port}")
        if asked or host.strip("[]").lower() != where.source.lower():
            params.append(f"received={where.source}")
        return f"{name}:{';'.join(params)}{comma}{rest}"

    def _register(self, request: SipRequest) -> str | None:
        """save("location"): the request's contacts saved (each Contact header's read back to
        front, as Kamailio's parser lists them), then the user's bindings as the registrar's
        Contact header (``q`` if given, the seconds left, +sip.instance and reg-id)."""
        to = _URI.match(_uri_of(request.get("to") or ""))
        user = (to.group(2) or "") if to is not None else ""
        default = request.get("expires")
        base = int(default) if default is not None and default.isdigit() else _DEFAULT_EXPIRES
        now = int(self._now())
        values = request.all("contact")
        if any(v.strip() == "*" for v in values):  # remove all (with Expires: 0)
            self.location.clear(user)
            return None
        allow = request.get("allow")
        methods = (
            frozenset(m.strip().upper() for m in allow.split(",") if m.strip())
            if allow is not None
            else None
        )
        specs = [c for value in values for c in reversed(_parse_contacts(value, base))]
        bindings = self.location.save(user, specs, methods, now)
        if not bindings:
            return None
        shown = [
            f"<{b.uri}>{f';q={_q(b.q)}' if b.q >= 0 else ''};expires={b.expires_at - now}{b.params}"
            for b in bindings
        ]
        return "Contact: " + ", ".join(shown)

    def _render(self, request: SipRequest, status: tuple[int, str, str], where: Where) -> bytes:
        code, reason, module = status
        lines = [f"SIP/2.0 {code} {reason}"]
        first_via = True
        for (name, _), written in zip(request.headers, request.lines, strict=True):
            if name not in _MANDATORY:
                continue
            line = written
            if name == "via" and first_via:
                line = self._via(written, where)
                first_via = False
            elif name == "to" and code > 100 and ";tag=" not in written.replace(" ", ""):
                line = f"{written};tag={self._tag(request, module)}"
            lines.append(line)
        if code == 200 and request.method == "REGISTER":
            contact = self._register(request)
            if contact is not None:
                lines.append(contact)
        lines += [f"Server: {KAMAILIO_SERVER}", "Content-Length: 0", "", ""]
        reply = "\r\n".join(lines).encode("utf-8", "replace")
        return reply if len(reply) <= MAX_REPLY else b""


def _split_contacts(value: str) -> list[str]:
    """A Contact value split at the commas between contacts (not those inside quotes or
    angle brackets)."""
    out, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(value):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "<":
            depth += 1
        elif not quoted and ch == ">":
            depth = max(0, depth - 1)
        elif not quoted and depth == 0 and ch == ",":
            out.append(value[start:i])
            start = i + 1
    out.append(value[start:])
    return out


def _parse_contacts(value: str, default: int) -> list[ContactSpec]:
    """The contacts of one Contact header, in its order: URI, q, expiry (the ``expires``
    parameter, else ``default``; at least 60, at most 3600, 0 kept), parameters to echo."""
    out = []
    for item in _split_contacts(value):
        m = _CONTACT.match(item)
        if m is None:
            continue
        uri, params = (m.group(1), m.group(2)) if m.group(1) is not None else m.group(3, 4)
        expires, q, kept = default, -1, ""
        for param in (params or "").split(";")[1:]:
            key, _, val = param.strip().partition("=")
            if key.lower() == "expires" and val.isdigit():
                expires = int(val)
            elif key.lower() == "q":
                q = _thousandths(val)
            elif key.lower() in ("+sip.instance", "reg-id"):
                kept += f";{param.strip()}"
        if expires:
            expires = min(max(expires, _MIN_EXPIRES), _MAX_EXPIRES)
        if len(uri) + len(kept) <= MAX_CONTACT:  # a longer one is not saved
            out.append(ContactSpec(uri, q, expires, kept))
    return out


def _thousandths(text: str) -> int:
    """A q value as usrloc keeps it (0 to 1000), -1 for none or a bad one."""
    try:
        value = float(text)
    except ValueError:
        return -1
    return round(value * 1000) if 0 <= value <= 1 else -1


def _q(q: int) -> str:
    """q as Kamailio prints it: 0, 1, or 0.5, 0.25 (no trailing zeros)."""
    return "1" if q >= 1000 else "0" if q <= 0 else f"0.{q:03d}".rstrip("0")


def _uri_of(value: str) -> str:
    """The URI of a From/To/Contact value: inside the angle brackets, else up to the first
    parameter."""
    inside = re.search(r"<([^>]*)>", value)
    return inside.group(1) if inside else value.split(";", maxsplit=1)[0].strip()


_CONTENT_LENGTH = re.compile(rb"^(?:content-length|l)[ \t]*:[ \t]*(\d{1,9})[ \t]*\r?$", re.I | re.M)


class SipTcpDialogue:
    """SIP over TCP on the trap's port, as kamailio serves it next to UDP: messages framed by
    their Content-Length, each answered by the same ``KamailioResponder`` (so the same
    registrar), a double CRLF keep-alive answered with a CRLF (RFC 5626), a response ignored;
    a message without Content-Length, one Kamailio cannot parse (no request line, a mandatory
    header missing) or one larger than ``MAX_REQUEST`` ends the connection, as it does there."""

    def __init__(self, responder: KamailioResponder, source: str) -> None:
        self._responder = responder
        self._peer = (source, 0)
        self._local = ("", 5060)
        self._buffer = bytearray()
        self._requests: list[JSONValue] = []

    def connected(self, connection: Connection) -> None:
        self._peer = (connection.peer.host, connection.peer.port)
        self._local = (connection.local.host, connection.local.port)

    def start(self) -> Step:
        return Step()

    def receive(self, data: bytes) -> Step:
        self._buffer += data
        replies = bytearray()
        found: list[Finding] = []
        close = False
        while not close:
            if self._buffer.startswith(b"\r\n\r\n"):
                del self._buffer[:4]
                replies += b"\r\n"
                continue
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                close = len(self._buffer) > MAX_REQUEST
                break
            length = _CONTENT_LENGTH.search(bytes(self._buffer[:end]))
            total = end + 4 + int(length.group(1)) if length is not None else 0
            if length is None or total > MAX_REQUEST:
                close = True
                break
            if len(self._buffer) < total:
                break
            message = bytes(self._buffer[:total])
            del self._buffer[:total]
            if message.startswith(b"SIP/2.0 "):
                continue  # a response to nothing this server sent
            answer = self._responder.respond_addressed(message, self._peer, self._local)
            found += answer.findings
            shown = {
                k: v
                for k, v in answer.detail.items()
                if k in ("method", "uri", "user_agent", "status", "known_scanner", "error")
            }
            findings.listed(self._requests, shown)
            replies += answer.reply
            close = "error" in answer.detail
        detail: dict[str, JSONValue] = {"service": "sip", "requests": list(self._requests)}
        return Step(reply=bytes(replies), close=close, detail=detail, findings=tuple(found))

    def stop(self) -> None:
        self._buffer.clear()
