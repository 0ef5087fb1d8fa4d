"""The SMTP trap: a Postfix look-alike that records AUTH attempts and what would be sent.

EHLO advertises AUTH PLAIN and LOGIN, before and after STARTTLS as Debian's Postfix does
(``smtpd_tls_auth_only`` is off there); every attempt is a ``trap.credential`` finding and fails
as Postfix fails. With a certificate (``SmtpSettings.tls``: the persona's, made like Debian's
snakeoil, which Debian's Postfix serves) STARTTLS is offered and the conversation goes on inside
TLS (``TlsDialogue``: the ClientHello is fingerprinted, and we read what the client sends in
it); plaintext pipelined after STARTTLS is discarded, as Postfix discards it (CVE-2011-0411),
and what was learned before TLS is forgotten (RFC 3207). Without one, STARTTLS is "not
implemented", as in a Postfix without a certificate. MAIL,
RCPT and DATA (or BDAT chunks, RFC 3030, as Postfix 3.7 reads them: counted bytes read raw, a
failed chunk's successors skipped until BDAT LAST or RSET) are accepted for our own domain and
recorded (the message as a ``trap.command`` finding, ``max_body`` bytes of it); recipients
elsewhere get Postfix's "Relay access denied", which is what open-relay probes look for. Nothing
is ever delivered. What Postfix forbids outright (``smtpd_forbidden_commands``: CONNECT, GET,
POST, a word not starting with a letter, and a mail header sent as a command) ends the session
with its "I can break rules, too", which is what an HTTP probe of the port sees.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.lines import LineBuffer
from honeymesh.detection.traps.tls import TlsDialogue
from honeymesh.events import JSONValue

MAX_ERRORS = 10  # Postfix's smtpd_hard_error_limit is 20; a trap has less patience
MAX_RECIPIENTS = 50
# Who a Debian 12 Postfix accepts mail for (local_recipient_maps: the base system's accounts
# and /etc/aliases); anyone else is "User unknown in local recipient table".
LOCAL_RECIPIENTS = frozenset(
    [
        "root",
        "daemon",
        "bin",
        "sys",
        "sync",
        "games",
        "man",
        "lp",
        "mail",
        "news",
        "uucp",
        "proxy",
        "www-data",
        "backup",
        "list",
        "irc",
        "_apt",
        "nobody",
        "postmaster",
    ]
)
_AUTH_FAILED = b"535 5.7.8 Error: authentication failed: authentication failure\r\n"
MESSAGE_SIZE_LIMIT = 10_240_000  # Postfix's message_size_limit, advertised as SIZE
_FORBIDDEN = frozenset(["CONNECT", "GET", "POST"])  # smtpd_forbidden_commands' words
_BREAK_RULES = b"221 2.7.0 Error: I can break rules, too. Goodbye.\r\n"


@dataclass(frozen=True)
class SmtpSettings:
    hostname: str
    banner: str  # after "220 hostname ", e.g. "ESMTP Postfix (Debian/GNU)"
    max_body: int
    tls: ssl.SSLContext | None = None  # the persona's certificate: STARTTLS is offered


class SmtpDialogue:
    def __init__(self, settings: SmtpSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now
        self._lines = LineBuffer(2048)
        self._helo: str | None = None
        self._mail_from: str | None = None
        self._recipients: list[str] = []
        self._stage = "command"  # command, data, auth_plain, auth_user, auth_pass
        self._auth_user = b""
        self._message = bytearray()
        self._message_bytes = 0
        self._errors = 0
        self._queued = 0
        self._credentials: list[JSONValue] = []
        self._envelopes: list[JSONValue] = []
        self._tls: TlsDialogue | None = None  # after STARTTLS: the rest of the stream is TLS
        # BDAT: None (no chunk yet in this transaction), "ok" or "error" (skip until LAST/RSET)
        self._bdat: str | None = None
        self._chunk: _Chunk | None = None  # the chunk whose bytes are being read
        self._chunked_size = 0  # the message so far, as Postfix counts it (records + 2)
        self._chunk_line = 0  # the length of the message's line not yet ended
        self._chunk_crs = 0  # how many CRs that line ends with so far
        self.detail: dict[str, JSONValue] = {}
        host = settings.hostname.lower()
        self._local_domains = {host, host.split(".", 1)[-1]}

    def start(self) -> Step:
        return Step(reply=f"220 {self._s.hostname} {self._s.banner}\r\n".encode())

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        if self._tls is not None:
            return self._tls.receive(data)
        step = self._converse(data)
        if self._tls is not None:  # STARTTLS was in there: what followed it in the clear
            self._lines = LineBuffer(2048)  # is never read, not even a partial line
        return step

    def _converse(self, data: bytes) -> Step:
        """Answer each command line, reading a BDAT chunk's bytes raw wherever one begins."""
        reply = bytearray()
        found: list[Finding] = []
        start = 0
        while start < len(data):
            if self._chunk is not None:
                start, answer, close = self._read_chunk(data, start, found)
            else:
                line, start = self._lines.take(data, start)
                if line is None:
                    break
                answer, close = self._line(line, found)
            reply += answer
            if close:
                return Step(bytes(reply), True, self.detail, tuple(found))
        return Step(bytes(reply), False, self.detail, tuple(found))

    def _line(self, line: bytes, found: list[Finding]) -> tuple[bytes, bool]:
        if self._tls is not None and not self._tls.established:
            self.detail["starttls_pipelined"] = True  # sent in the clear after STARTTLS
            return b"", False
        if self._stage == "data":
            return self._data_line(line, found), False
        if self._stage != "command":
            return self._auth_line(line, found), False
        return self._counted(self._command(line, found))

    def _counted(self, answer: bytes) -> tuple[bytes, bool]:
        """An answer to a command (or to a BDAT chunk once read) and whether the session ends:
        errors count towards the hang-up, and 221, 421 and 521 end it as in Postfix."""
        if answer[:1] in (b"5", b"4") and not answer.startswith(b"454 4.7.1"):
            self._errors += 1
            if self._errors >= MAX_ERRORS:
                return (
                    answer + f"421 4.7.0 {self._s.hostname} Error: too many errors\r\n".encode(),
                    True,
                )
        return answer, answer[:4] in (b"221 ", b"421 ", b"521 ")

    def _command(self, line: bytes, found: list[Finding]) -> bytes:  # noqa: PLR0911, PLR0912
        verb, _, rest = line.strip().partition(b" ")
        name = verb.upper().decode("ascii", "replace")
        arg = findings.text(rest.strip(), 512)
        if name in ("EHLO", "HELO"):  # RFC 5321 4.1.4: a new greeting clears the transaction
            self._reset()
        if name == "EHLO":
            self._helo = arg
            self.detail["helo"] = arg
            host = self._s.hostname.encode()
            starttls = b"250-STARTTLS\r\n" if self._s.tls and self._tls is None else b""
            return (
                b"250-" + host + b"\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n"
                b"250-ETRN\r\n" + starttls + b"250-AUTH PLAIN LOGIN\r\n250-AUTH=PLAIN LOGIN\r\n"
                b"250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
                b"250 CHUNKING\r\n"
            )
        if name == "HELO":
            self._helo = arg
            self.detail["helo"] = arg
            return f"250 {self._s.hostname}\r\n".encode()
        if name == "QUIT":
            return b"221 2.0.0 Bye\r\n"
        if name in ("NOOP", "RSET"):
            if name == "RSET":
                self._reset()
            return b"250 2.0.0 Ok\r\n"
        if name == "VRFY":
            user = _address(":" + arg)
            if user.partition("@")[0].lower() not in LOCAL_RECIPIENTS:
                return _unknown_user(user)
            return f"252 2.0.0 {arg[:64]}\r\n".encode()
        if name == "STARTTLS":
            return self._starttls(rest.strip())
        if name == "ETRN":
            return b"500 Syntax: ETRN domain\r\n"
        if name == "AUTH":
            return self._auth_start(rest.strip(), found)
        if name == "MAIL":
            if self._mail_from is not None:
                return b"503 5.5.1 Error: nested MAIL command\r\n"
            if self._bdat is not None:
                return b"503 5.5.1 Error: MAIL after BDAT\r\n"
            self._mail_from = _address(arg)
            return b"250 2.1.0 Ok\r\n"
        if name == "RCPT":
            return self._recipient(arg)
        if name == "DATA":
            if self._bdat is not None:
                return b"503 5.5.1 Error: DATA after BDAT\r\n"
            if not self._recipients:
                return self._no_recipients()
            self._stage = "data"
            self._message.clear()
            self._message_bytes = 0
            return b"354 End data with <CR><LF>.<CR><LF>\r\n"
        if name == "BDAT":
            return self._bdat_command(rest, found)
        if not verb:
            return b"500 5.5.2 Error: bad syntax\r\n"
        if name in _FORBIDDEN or not verb[:1].isalpha() or _is_header(verb):
            self.detail["non_smtp_command"] = findings.text(line, 200)
            return _BREAK_RULES
        return b"500 5.5.2 Error: command not recognized\r\n"

    def _reset(self) -> None:
        """Postfix's mail_reset and rcpt_reset: a greeting, RSET or a queued message."""
        self._mail_reset()
        self._recipients = []

    def _mail_reset(self) -> None:
        """Postfix's mail_reset alone (a skipped BDAT LAST): the recipients stay counted, so a
        MAIL after it may send a message to them without RCPT, as Postfix lets it."""
        self._mail_from = None
        self._bdat, self._chunked_size, self._chunk_line, self._chunk_crs = None, 0, 0, 0

    def _no_recipients(self) -> bytes:
        if self._mail_from is None:
            return b"503 5.5.1 Error: need RCPT command\r\n"
        return b"554 5.5.1 Error: no valid recipients\r\n"

    def _bdat_command(self, rest: bytes, found: list[Finding]) -> bytes:
        """Postfix 3.7's bdat_cmd: a malformed BDAT hangs up (what follows would be content read
        as commands); otherwise the chunk's bytes are read and then answered."""
        args = rest.split()
        if (
            not 1 <= len(args) <= 2
            or not args[0].isdigit()
            or len(args[0]) > 18  # past off_t: Postfix's off_cvt_string fails
            or (len(args) == 2 and args[1].upper() != b"LAST")
        ):
            return b"521 5.5.4 Syntax: BDAT count [LAST]\r\n"
        size, last = int(args[0]), len(args) == 2
        skip = b""
        if size == 0 and not last:
            skip = b"551 5.7.1 Null BDAT request\r\n"
        elif self._bdat == "error":
            skip = b"551 5.0.0 Discarded %d bytes after earlier error\r\n" % size
        elif self._bdat is None and not self._recipients:
            skip = self._no_recipients()
        elif self._chunked_size > MESSAGE_SIZE_LIMIT - size:
            skip = b"552 5.3.4 Chunk exceeds message size limit\r\n"
        elif self._bdat is None:
            self._message.clear()
            self._message_bytes = 0
        if not skip:
            self._bdat = "ok"
        self.detail["bdat"] = True
        self._chunk = _Chunk(size, last, skip)
        return b"" if size else self._chunk_done(self._chunk, found)

    def _read_chunk(self, data: bytes, start: int, found: list[Finding]) -> tuple[int, bytes, bool]:
        """Read what ``data`` holds of the chunk from ``start``: where the commands go on, and
        the chunk's answer once it is whole."""
        chunk = self._chunk
        assert chunk is not None
        piece = data[start : start + chunk.left]
        chunk.left -= len(piece)
        if not chunk.skip:
            self._chunk_content(piece)
        if chunk.left > 0:
            return start + len(piece), b"", False
        return start + len(piece), *self._counted(self._chunk_done(chunk, found))

    def _chunk_content(self, piece: bytes) -> None:
        """Keep ``max_body`` bytes and count the message as Postfix does (``act_size``): each
        line without its line end and trailing CRs, plus 2, a line past ``line_limit`` (2048)
        as one record more per 2048 bytes."""
        self._message_bytes += len(piece)
        room = self._s.max_body - len(self._message)
        if room > 0:
            self._message += piece[:room]
        *ended, partial = piece.split(b"\n")
        for segment in ended:
            self._extend_line(segment)
            self._chunked_size += _record_size(self._chunk_line - self._chunk_crs)
            self._chunk_line = self._chunk_crs = 0
        self._extend_line(partial)

    def _extend_line(self, segment: bytes) -> None:
        crs = len(segment) - len(segment.rstrip(b"\r"))
        self._chunk_crs = self._chunk_crs + crs if crs == len(segment) else crs
        self._chunk_line += len(segment)

    def _chunk_done(self, chunk: _Chunk, found: list[Finding]) -> bytes:
        """The answer to a chunk read whole (at once for an empty one)."""
        self._chunk = None
        if chunk.skip:
            if chunk.last:
                self._mail_reset()
            else:
                self._bdat = "error"
            return chunk.skip
        if not chunk.last:
            return b"250 2.0.0 Ok: %d bytes\r\n" % chunk.size
        if self._chunk_line:  # the message's last line, without a line end: kept whole
            self._chunked_size += _record_size(self._chunk_line)
        size = self._chunked_size
        queue_id = self._queue(found)
        return b"250 2.0.0 Ok: %d bytes queued as %s\r\n" % (size, queue_id.encode())

    def _starttls(self, arg: bytes) -> bytes:
        if self._s.tls is None:
            return b"502 5.5.1 Error: command not implemented\r\n"
        if self._tls is not None:
            return b"554 5.5.1 Error: TLS already active\r\n"
        if arg:
            return b"501 5.5.4 Syntax: STARTTLS\r\n"
        # RFC 3207 4.2: forget what the client said before; it must EHLO again (Postfix's
        # starttls_cmd: mail_reset and rcpt_reset, a BDAT transaction included).
        self._helo = None
        self._reset()
        self._tls = TlsDialogue(self._s.tls, _InsideTls(self), lambda: b"")
        self.detail["starttls"] = True
        return b"220 2.0.0 Ready to start TLS\r\n"

    def _recipient(self, arg: str) -> bytes:
        if self._mail_from is None:
            return b"503 5.5.1 Error: need MAIL command\r\n"
        if self._bdat is not None:
            return b"503 5.5.1 Error: RCPT after BDAT\r\n"
        address = _address(arg)
        domain = address.rpartition("@")[2].lower()
        if domain and domain not in self._local_domains:
            self.detail["relay_probe"] = True
            self._envelopes = findings.listed(self._envelopes, {"relay_to": address})
            self.detail["envelopes"] = self._envelopes
            return f"454 4.7.1 <{address[:128]}>: Relay access denied\r\n".encode()
        if address.partition("@")[0].lower() not in LOCAL_RECIPIENTS:
            return _unknown_user(address)
        if len(self._recipients) >= MAX_RECIPIENTS:
            return b"452 4.5.3 Error: too many recipients\r\n"
        self._recipients.append(address)
        return b"250 2.1.5 Ok\r\n"

    def _data_line(self, line: bytes, found: list[Finding]) -> bytes:
        if line != b".":
            line = line[1:] if line.startswith(b"..") else line
            self._message_bytes += len(line) + 2
            room = self._s.max_body - len(self._message)
            if room > 0:
                self._message += line[: room - 2] + b"\r\n" if room > 2 else b""
            return b""
        self._stage = "command"
        return f"250 2.0.0 Ok: queued as {self._queue(found)}\r\n".encode()

    def _queue(self, found: list[Finding]) -> str:
        """Record the message (DATA's or BDAT's) and end the transaction; its queue id."""
        self._queued += 1
        queue_id = hashlib.sha256(f"{self._now()}:{self._queued}:{id(self)}".encode()).hexdigest()
        queue_id = queue_id[:10].upper()
        envelope: dict[str, JSONValue] = {
            "from": self._mail_from,
            "to": list(self._recipients),
            "queue_id": queue_id,
            "bytes": self._message_bytes,
        }
        self._envelopes = findings.listed(self._envelopes, envelope)
        self.detail["envelopes"] = self._envelopes
        found.append(findings.command("smtp", bytes(self._message), **envelope))
        self._reset()
        return queue_id

    def _auth_start(self, arg: bytes, found: list[Finding]) -> bytes:
        mechanism, _, initial = arg.partition(b" ")
        mechanism = mechanism.upper()
        if mechanism == b"PLAIN":
            if initial:
                return self._plain(initial, found)
            self._stage = "auth_plain"
            return b"334 \r\n"
        if mechanism == b"LOGIN":
            if initial:
                self._auth_user = _b64(initial) or b""
                self._stage = "auth_pass"
                return b"334 UGFzc3dvcmQ6\r\n"
            self._stage = "auth_user"
            return b"334 VXNlcm5hbWU6\r\n"
        return b"535 5.7.8 Error: authentication failed: no mechanism available\r\n"

    def _auth_line(self, line: bytes, found: list[Finding]) -> bytes:
        stage, self._stage = self._stage, "command"
        if line.strip() == b"*":
            return b"501 5.7.0 Authentication aborted\r\n"
        if stage == "auth_plain":
            return self._plain(line.strip(), found)
        decoded = _b64(line.strip())
        if decoded is None:
            return b"535 5.7.8 Error: authentication failed: Invalid base64 data in continued response\r\n"  # noqa: E501
        if stage == "auth_user":
            self._auth_user = decoded
            self._stage = "auth_pass"
            return b"334 UGFzc3dvcmQ6\r\n"
        self._record(self._auth_user, decoded, "login", found)
        return _AUTH_FAILED

    def _plain(self, encoded: bytes, found: list[Finding]) -> bytes:
        decoded = _b64(encoded)
        if decoded is None:
            return b"535 5.7.8 Error: authentication failed: Invalid base64 data in initial response\r\n"  # noqa: E501
        parts = decoded.split(b"\x00")
        user, password = (parts[1], parts[2]) if len(parts) == 3 else (decoded, b"")
        self._record(user, password, "plain", found)
        return _AUTH_FAILED

    def _record(self, user: bytes, password: bytes, method: str, found: list[Finding]) -> None:
        entry = {"username": findings.text(user), "password": findings.text(password)}
        self._credentials = findings.listed(self._credentials, entry)
        self.detail["credentials"] = self._credentials
        found.append(findings.credential("smtp", user, password, method=method))


@dataclass
class _Chunk:
    """A BDAT chunk being read: bytes still to come, whether it is the last, and the error to
    answer once it is read (empty: the chunk is part of the message)."""

    size: int
    last: bool
    skip: bytes
    left: int = -1

    def __post_init__(self) -> None:
        self.left = self.size


def _record_size(length: int) -> int:
    """What a message line of ``length`` bytes adds to Postfix's count: 2 per record, one
    record per ``line_limit`` (2048) bytes."""
    return length + 2 * max(1, -(-length // 2048))


def _is_header(word: bytes) -> bool:
    """Postfix's is_header() of a command's first word: printable ASCII up to a colon."""
    name, colon, _ = word.partition(b":")
    return bool(colon and name) and all(33 <= c < 127 for c in name)


def _unknown_user(address: str) -> bytes:
    return (
        f"550 5.1.1 <{address[:128]}>: Recipient address rejected: "
        "User unknown in local recipient table\r\n"
    ).encode()


def _address(arg: str) -> str:
    """The address in ``FROM:<a@b> SIZE=1`` or ``TO:<a@b>``."""
    _, _, rest = arg.partition(":")
    rest = rest.strip()
    address = rest[1:].partition(">")[0] if rest.startswith("<") else rest.split(" ", 1)[0]
    return address[:256]


def _b64(data: bytes) -> bytes | None:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None


class _InsideTls:
    """The SMTP conversation as the TLS layer sees it after STARTTLS: no second greeting (the
    client speaks first, with EHLO), the same state and the same session record."""

    def __init__(self, smtp: SmtpDialogue) -> None:
        self._smtp = smtp

    def start(self) -> Step:
        return Step()

    def receive(self, data: bytes) -> Step:
        return self._smtp._converse(data)

    def stop(self) -> None:
        pass
