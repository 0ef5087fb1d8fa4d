"""TLS ClientHello parsing and the JA4 / JA3 client fingerprints (sans-IO).

``parse_client_hello`` reads the first flight of a TLS client, starting at the first TLS record
header, and returns a ``ClientHello``; the handshake message may be spread over several records.
Anything malformed or incomplete raises ``ClientHelloError`` and nothing else. The parser reads at
most ``MAX_CLIENT_HELLO_BYTES`` bytes and every loop advances by at least one byte of that budget.

``client_hello_length`` is the streaming side for a TLS trap: given the bytes received so far it
says how many of them make up the complete ClientHello, ``None`` while more are needed, and raises
only once the bytes can no longer be the start of a ClientHello.

The fingerprints follow FoxIO's JA4 specification (``technical_details/JA4.md`` in FoxIO-LLC/ja4)
and the JA3 README (salesforce/ja3). GREASE values (RFC 8701) are ignored everywhere.
docs/FINGERPRINTS.md records the conformance notes.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "MAX_CLIENT_HELLO_BYTES",
    "ClientHello",
    "ClientHelloError",
    "Transport",
    "client_hello_length",
    "ja3",
    "ja3_string",
    "ja4",
    "ja4_o",
    "ja4_r",
    "ja4_ro",
    "parse_client_hello",
]

#: The most input bytes (record headers included) one ClientHello may occupy. Real hellos are
#: 0.2-2 KiB (a post-quantum key share adds ~1.2 KiB); anything past this is refused.
MAX_CLIENT_HELLO_BYTES = 32 * 1024

#: RFC 8446 section 5.1: a record's plaintext is at most 2^14 bytes.
MAX_RECORD_PAYLOAD = 1 << 14

_RECORD_HEADER = 5
_HANDSHAKE_HEADER = 4
_CONTENT_HANDSHAKE = 0x16
_MSG_CLIENT_HELLO = 0x01
# legacy_version(2) random(32) session_id<1> cipher_suites<2> compression_methods<1>
_MIN_BODY = 2 + 32 + 1 + 2 + 1

_EXT_SERVER_NAME = 0x0000
_EXT_SUPPORTED_GROUPS = 0x000A
_EXT_EC_POINT_FORMATS = 0x000B
_EXT_SIGNATURE_ALGORITHMS = 0x000D
_EXT_ALPN = 0x0010
_EXT_SUPPORTED_VERSIONS = 0x002B

#: RFC 8701: 0x0A0A, 0x1A1A, ... 0xFAFA, used for cipher suites, extensions, groups, versions and
#: signature algorithms alike.
GREASE = frozenset(0x0A0A + 0x1010 * i for i in range(16))
_GREASE_SET_DISJOINT = GREASE.isdisjoint

_EMPTY_HASH = "000000000000"

Transport = Literal["t", "q", "d"]

_JA4_VERSIONS = {
    0x0304: "13",
    0x0303: "12",
    0x0302: "11",
    0x0301: "10",
    0x0300: "s3",
    0x0002: "s2",
    0xFEFF: "d1",
    0xFEFD: "d2",
    0xFEFC: "d3",
}

_U16_PAIR = struct.Struct(">HH").unpack_from
_READ_EXTENSIONS = frozenset(
    (
        _EXT_SERVER_NAME,
        _EXT_SUPPORTED_GROUPS,
        _EXT_EC_POINT_FORMATS,
        _EXT_SIGNATURE_ALGORITHMS,
        _EXT_ALPN,
        _EXT_SUPPORTED_VERSIONS,
    )
)


class ClientHelloError(ValueError):
    """The bytes are not (or not yet) a well-formed TLS ClientHello; the message says where."""


@dataclass(frozen=True, slots=True)
class ClientHello:
    """What a client offered, in wire order, GREASE values included.

    The fingerprint functions drop GREASE themselves, so this stays a faithful record of the
    bytes. ``size`` is how many input bytes the hello occupied, record headers included.
    """

    legacy_version: int
    cipher_suites: tuple[int, ...]
    compression_methods: bytes
    extensions: tuple[int, ...]
    server_name: str | None
    alpn_protocols: tuple[bytes, ...]
    supported_versions: tuple[int, ...]
    signature_algorithms: tuple[int, ...]
    supported_groups: tuple[int, ...]
    ec_point_formats: tuple[int, ...]
    size: int

    @property
    def has_sni(self) -> bool:
        """Whether the server_name extension is present (JA4's ``d``, else ``i``)."""
        return _EXT_SERVER_NAME in self.extensions

    @property
    def version(self) -> int:
        """The highest non-GREASE supported_versions entry, else the legacy version."""
        offered = _without_grease(self.supported_versions)
        return max(offered) if offered else self.legacy_version


# --- records -------------------------------------------------------------------------------------


def _record_payload_length(data: bytes, pos: int) -> int | None:
    """Check the record header at ``pos``; its payload length, or ``None`` if cut short."""
    content_type = data[pos]
    if content_type != _CONTENT_HANDSHAKE:
        raise ClientHelloError(
            f"record at byte {pos}: content type {content_type:#04x}, expected handshake (0x16)"
        )
    if pos + 1 < len(data) and data[pos + 1] != 0x03:
        raise ClientHelloError(
            f"record at byte {pos}: version major {data[pos + 1]:#04x}, expected 0x03"
        )
    if pos + _RECORD_HEADER > len(data):
        return None
    length = (data[pos + 3] << 8) | data[pos + 4]
    if length == 0 or length > MAX_RECORD_PAYLOAD:
        raise ClientHelloError(f"record at byte {pos}: payload length {length} out of range")
    if pos + _RECORD_HEADER + length > MAX_CLIENT_HELLO_BYTES:
        raise ClientHelloError(f"ClientHello exceeds the {MAX_CLIENT_HELLO_BYTES}-byte budget")
    return length


def _message_length(head: bytes) -> int | None:
    """Total handshake bytes (header included) from the first bytes gathered, once known."""
    if head[0] != _MSG_CLIENT_HELLO:
        raise ClientHelloError(f"handshake type {head[0]}, expected ClientHello (1)")
    if len(head) < _HANDSHAKE_HEADER:
        return None
    body_length = int.from_bytes(head[1:4], "big")
    if body_length < _MIN_BODY:
        raise ClientHelloError(f"ClientHello length {body_length} is too short")
    if _RECORD_HEADER + _HANDSHAKE_HEADER + body_length > MAX_CLIENT_HELLO_BYTES:
        raise ClientHelloError(
            f"ClientHello length {body_length} exceeds the {MAX_CLIENT_HELLO_BYTES}-byte budget"
        )
    return _HANDSHAKE_HEADER + body_length


def _handshake_message(data: bytes) -> tuple[bytes, int] | None:
    """Reassemble the ClientHello handshake message from the records at the start of ``data``.

    Returns (message body, input bytes consumed), or ``None`` when ``data`` is a valid but
    incomplete prefix. Raises ``ClientHelloError`` as soon as the bytes seen cannot be a
    ClientHello. Each pass of the loop consumes a record of at least one payload byte, and the
    records together are capped at ``MAX_CLIENT_HELLO_BYTES``.
    """
    fragments: list[bytes] = []
    have = 0  # handshake bytes gathered so far (header included)
    need: int | None = None  # total handshake bytes, known once the 4-byte header is in
    pos = 0
    while pos < len(data):
        length = _record_payload_length(data, pos)
        if length is None:
            return None
        record_end = pos + _RECORD_HEADER + length
        payload = data[pos + _RECORD_HEADER : record_end]
        fragments.append(payload)
        if need is None and payload:  # a record cut right after its header carries nothing yet
            need = _message_length(fragments[0] if len(fragments) == 1 else b"".join(fragments))
        if need is not None:
            # The hello must end exactly at a record boundary (RFC 8446 section 5.1).
            if have + length > need:
                raise ClientHelloError(f"record at byte {pos} carries data past the ClientHello")
            if have + length == need and record_end <= len(data):
                message = fragments[0] if len(fragments) == 1 else b"".join(fragments)
                return message[_HANDSHAKE_HEADER:], record_end
        have += length
        pos = record_end
    return None


def client_hello_length(buffer: bytes) -> int | None:
    """How many leading bytes of ``buffer`` hold the complete ClientHello, or ``None`` if more
    bytes are needed.

    Never raises on a valid partial prefix; raises ``ClientHelloError`` once the bytes cannot be
    the start of a ClientHello (not TLS, wrong handshake type, over the byte budget). The body is
    not parsed: hand ``buffer[:n]`` to ``parse_client_hello`` for that.
    """
    found = _handshake_message(buffer)
    return None if found is None else found[1]


# --- the ClientHello body ------------------------------------------------------------------------
# Each helper reads one length-prefixed vector and checks it against its container; a loop over
# entries advances by at least the size of an entry header, so none can spin.


def _vector(data: bytes, pos: int, limit: int, width: int, what: str) -> tuple[int, int]:
    """Read a ``width``-byte length prefix at ``pos``; return (start, stop) of its contents."""
    if pos + width > limit:
        raise ClientHelloError(f"{what}: truncated length at byte {pos}")
    length = data[pos] if width == 1 else (data[pos] << 8) | data[pos + 1]
    stop = pos + width + length
    if stop > limit:
        raise ClientHelloError(f"{what}: length {length} runs past its container")
    return pos + width, stop


def _whole_vector(data: bytes, start: int, stop: int, width: int, what: str) -> tuple[int, int]:
    """An extension body that is exactly one length-prefixed vector."""
    inner_start, inner_stop = _vector(data, start, stop, width, what)
    if inner_stop != stop:
        raise ClientHelloError(f"{what}: {stop - inner_stop} trailing bytes")
    return inner_start, inner_stop


def _u16_list(data: bytes, start: int, stop: int, what: str) -> tuple[int, ...]:
    if (stop - start) & 1:
        raise ClientHelloError(f"{what}: odd length {stop - start}")
    return struct.unpack_from(f">{(stop - start) >> 1}H", data, start)


def _u16_extension(
    data: bytes, span: tuple[int, int] | None, width: int, what: str
) -> tuple[int, ...]:
    """An extension body holding exactly one vector of 16-bit values; ``()`` when absent."""
    if span is None:
        return ()
    start, stop = span
    inner = start + width
    if inner <= stop:
        length = data[start] if width == 1 else (data[start] << 8) | data[start + 1]
        if inner + length == stop and not length & 1:  # the well-formed case, in one test
            return struct.unpack_from(f">{length >> 1}H", data, inner)
    start, stop = _whole_vector(data, start, stop, width, what)  # raises, naming the fault
    return _u16_list(data, start, stop, what)


def _server_name(data: bytes, span: tuple[int, int]) -> str | None:
    """The first host_name entry (RFC 6066 section 3), if any."""
    pos, stop = _whole_vector(data, span[0], span[1], 2, "server_name list")
    name: str | None = None
    while pos < stop:  # each entry is at least 3 bytes
        name_start, name_stop = _vector(data, pos + 1, stop, 2, "server_name entry")
        if data[pos] == 0 and name is None:
            name = data[name_start:name_stop].decode("ascii", "backslashreplace")
        pos = name_stop
    return name


def _alpn(data: bytes, span: tuple[int, int]) -> tuple[bytes, ...]:
    """The protocol names of the ALPN extension (RFC 7301), empty names kept."""
    pos, stop = _whole_vector(data, span[0], span[1], 2, "ALPN list")
    protocols = []
    while pos < stop:  # each entry is at least its 1-byte length
        name_start, pos = _vector(data, pos, stop, 1, "ALPN protocol")
        protocols.append(data[name_start:pos])
    return tuple(protocols)


def _extensions(
    data: bytes, pos: int, end: int
) -> tuple[tuple[int, ...], dict[int, tuple[int, int]]]:
    """Walk the extensions block at ``pos``: the types in wire order, and where the bodies of the
    extensions we read are. Each pass advances at least 4 bytes.
    """
    start, stop = _whole_vector(data, pos, end, 2, "extensions")
    types: list[int] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = start
    while pos < stop:
        if pos + 4 > stop:
            raise ClientHelloError(f"extension header truncated at byte {pos}")
        ext_type, length = _U16_PAIR(data, pos)
        pos += 4 + length
        if pos > stop:
            raise ClientHelloError(f"extension {ext_type:#06x}: length {length} runs past the end")
        types.append(ext_type)
        if ext_type in _READ_EXTENSIONS:
            spans[ext_type] = (pos - length, pos)
    if len(set(types)) != len(types):
        twice = next(t for t in types if types.count(t) > 1)
        raise ClientHelloError(f"extension {twice:#06x} appears twice")
    return tuple(types), spans


def parse_client_hello(data: bytes) -> ClientHello:
    """Parse the ClientHello at the start of ``data`` (a TLS record header comes first).

    Bytes after the record that ends the ClientHello are ignored. Raises ``ClientHelloError``
    for anything malformed, incomplete or over ``MAX_CLIENT_HELLO_BYTES``.
    """
    found = _handshake_message(data)
    if found is None:
        raise ClientHelloError(f"incomplete ClientHello: {len(data)} bytes are not enough")
    body, size = found
    end = len(body)  # at least _MIN_BODY: the fixed fields below are in range

    _, pos = _vector(body, 2 + 32, end, 1, "session_id")
    start, pos = _vector(body, pos, end, 2, "cipher_suites")
    cipher_suites = _u16_list(body, start, pos, "cipher_suites")
    start, pos = _vector(body, pos, end, 1, "compression_methods")
    compression_methods = body[start:pos]
    # The extensions block is optional (clients before TLS 1.2 may leave it out).
    extensions, spans = _extensions(body, pos, end) if pos < end else ((), {})

    server_name = alpn_protocols = None
    if (span := spans.get(_EXT_SERVER_NAME)) is not None:
        server_name = _server_name(body, span)
    if (span := spans.get(_EXT_ALPN)) is not None:
        alpn_protocols = _alpn(body, span)
    ec_point_formats: tuple[int, ...] = ()
    if (span := spans.get(_EXT_EC_POINT_FORMATS)) is not None:
        start, stop = _whole_vector(body, span[0], span[1], 1, "ec_point_formats")
        ec_point_formats = tuple(body[start:stop])
    get = spans.get
    return ClientHello(
        legacy_version=(body[0] << 8) | body[1],
        cipher_suites=cipher_suites,
        compression_methods=compression_methods,
        extensions=extensions,
        server_name=server_name,
        alpn_protocols=alpn_protocols or (),
        supported_versions=_u16_extension(body, get(0x002B), 1, "supported_versions"),
        signature_algorithms=_u16_extension(body, get(0x000D), 2, "signature_algorithms"),
        supported_groups=_u16_extension(body, get(0x000A), 2, "supported_groups"),
        ec_point_formats=ec_point_formats,
        size=size,
    )


# --- JA4 -----------------------------------------------------------------------------------------


def _without_grease(values: tuple[int, ...]) -> tuple[int, ...]:
    if _GREASE_SET_DISJOINT(values):  # the common case: a C-level check, no copy
        return values
    return tuple([v for v in values if v not in GREASE])


def _hex_list(values: tuple[int, ...] | list[int]) -> str:
    """``[0x1301, 0xc02b]`` -> ``"1301,c02b"`` (4 lower-case hex digits each, comma-separated)."""
    return struct.pack(f">{len(values)}H", *values).hex(",", 2)


def _is_alnum(byte: int) -> bool:
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A


def _alpn_chars(hello: ClientHello) -> str:
    """First and last character of the first ALPN value; their hex digits if either end byte is
    not alphanumeric; ``00`` when there is no ALPN extension, no value, or an empty first value.
    """
    if not hello.alpn_protocols or not hello.alpn_protocols[0]:
        return "00"
    first = hello.alpn_protocols[0]
    if _is_alnum(first[0]) and _is_alnum(first[-1]):
        return chr(first[0]) + chr(first[-1])
    digits = first.hex()
    return digits[0] + digits[-1]


def _ja4_fields(
    hello: ClientHello, transport: Transport, *, original: bool
) -> tuple[str, str, str, str, bool]:
    """(part a, cipher list, extension list, signature algorithm list, whether any extension is
    left once SNI and ALPN are set aside): the pieces every JA4 variant is made of.
    """
    ciphers = _without_grease(hello.cipher_suites)
    extensions = _without_grease(hello.extensions)
    a = (
        f"{transport}{_JA4_VERSIONS.get(hello.version, '00')}{'d' if hello.has_sni else 'i'}"
        f"{min(len(ciphers), 99):02d}{min(len(extensions), 99):02d}{_alpn_chars(hello)}"
    )
    set_aside = (_EXT_SERVER_NAME in extensions) + (_EXT_ALPN in extensions)
    any_left = len(extensions) > set_aside
    if original:
        ciphers_text, extensions_text = _hex_list(ciphers), _hex_list(extensions)
    else:
        ordered = sorted(extensions)
        if _EXT_ALPN in extensions:
            ordered.remove(_EXT_ALPN)
        if ordered and ordered[0] == _EXT_SERVER_NAME:  # sorted: SNI (0) can only be first
            del ordered[0]
        ciphers_text, extensions_text = _hex_list(sorted(ciphers)), _hex_list(ordered)
    signatures = _hex_list(_without_grease(hello.signature_algorithms))
    return a, ciphers_text, extensions_text, signatures, any_left


def _sha12(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:12]


def _ja4_hashed(hello: ClientHello, transport: Transport, *, original: bool) -> str:
    a, ciphers, extensions, signatures, any_left = _ja4_fields(hello, transport, original=original)
    b = _sha12(ciphers) if ciphers else _EMPTY_HASH
    if not any_left:
        c = _EMPTY_HASH
    elif signatures:
        c = _sha12(f"{extensions}_{signatures}")
    else:
        c = _sha12(extensions)
    return f"{a}_{b}_{c}"


def _ja4_raw(hello: ClientHello, transport: Transport, *, original: bool) -> str:
    a, ciphers, extensions, signatures, _ = _ja4_fields(hello, transport, original=original)
    if signatures:
        return f"{a}_{ciphers}_{extensions}_{signatures}"
    return f"{a}_{ciphers}_{extensions}"


def ja4(hello: ClientHello, transport: Transport = "t") -> str:
    """The JA4 fingerprint, e.g. ``t13d1516h2_8daaf6152771_e5627efa2ab1``.

    ``transport`` is the first character: ``t`` TLS over TCP, ``q`` QUIC, ``d`` DTLS.
    """
    return _ja4_hashed(hello, transport, original=False)


def ja4_r(hello: ClientHello, transport: Transport = "t") -> str:
    """JA4's raw form: the sorted lists that ``ja4`` hashes, unhashed."""
    return _ja4_raw(hello, transport, original=False)


def ja4_o(hello: ClientHello, transport: Transport = "t") -> str:
    """JA4 over the original (wire) order, SNI and ALPN kept in the extension list."""
    return _ja4_hashed(hello, transport, original=True)


def ja4_ro(hello: ClientHello, transport: Transport = "t") -> str:
    """The raw, original-order form that ``ja4_o`` hashes."""
    return _ja4_raw(hello, transport, original=True)


# --- JA3 -----------------------------------------------------------------------------------------


def ja3_string(hello: ClientHello) -> str:
    """``SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats`` in decimal,
    GREASE removed, wire order; an absent field is empty.
    """
    return (
        f"{hello.legacy_version},"
        f"{'-'.join(map(str, _without_grease(hello.cipher_suites)))},"
        f"{'-'.join(map(str, _without_grease(hello.extensions)))},"
        f"{'-'.join(map(str, _without_grease(hello.supported_groups)))},"
        f"{'-'.join(map(str, hello.ec_point_formats))}"
    )


def ja3(hello: ClientHello) -> str:
    """The JA3 fingerprint: MD5 (lower-case hex) of ``ja3_string``."""
    return hashlib.md5(ja3_string(hello).encode("ascii"), usedforsecurity=False).hexdigest()
