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

_U16 = struct.Struct(">H")


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
        offered = [v for v in self.supported_versions if v not in GREASE]
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


def _u16_list(data: bytes, start: int, stop: int, what: str) -> tuple[int, ...]:
    if (stop - start) % 2:
        raise ClientHelloError(f"{what}: odd length {stop - start}")
    return struct.unpack_from(f">{(stop - start) // 2}H", data, start)


def _vector(data: bytes, pos: int, limit: int, width: int, what: str) -> tuple[int, int]:
    """Read a ``width``-byte length prefix at ``pos``; return (start, stop) of its contents."""
    if pos + width > limit:
        raise ClientHelloError(f"{what}: truncated length at byte {pos}")
    length = data[pos] if width == 1 else _U16.unpack_from(data, pos)[0]
    start = pos + width
    stop = start + length
    if stop > limit:
        raise ClientHelloError(f"{what}: length {length} runs past its container")
    return start, stop


def _whole_vector(data: bytes, start: int, stop: int, width: int, what: str) -> tuple[int, int]:
    """An extension body that is exactly one length-prefixed vector."""
    inner_start, inner_stop = _vector(data, start, stop, width, what)
    if inner_stop != stop:
        raise ClientHelloError(f"{what}: {stop - inner_stop} trailing bytes")
    return inner_start, inner_stop


def _server_name(data: bytes, start: int, stop: int) -> str | None:
    pos, stop = _whole_vector(data, start, stop, 2, "server_name list")
    name: str | None = None
    while pos < stop:  # each entry is at least 3 bytes
        if pos + 3 > stop:
            raise ClientHelloError("server_name entry truncated")
        name_type = data[pos]
        name_start, name_stop = _vector(data, pos + 1, stop, 2, "server_name entry")
        if name_type == 0 and name is None:
            name = data[name_start:name_stop].decode("ascii", "backslashreplace")
        pos = name_stop
    return name


def _alpn(data: bytes, start: int, stop: int) -> tuple[bytes, ...]:
    pos, stop = _whole_vector(data, start, stop, 2, "ALPN list")
    protocols = []
    while pos < stop:  # each entry is at least its 1-byte length
        name_start, name_stop = _vector(data, pos, stop, 1, "ALPN protocol")
        protocols.append(data[name_start:name_stop])
        pos = name_stop
    return tuple(protocols)


def parse_client_hello(data: bytes) -> ClientHello:
    """Parse the ClientHello at the start of ``data`` (a TLS record header comes first).

    Bytes after the record that ends the ClientHello are ignored. Raises ``ClientHelloError``
    for anything malformed, incomplete or over ``MAX_CLIENT_HELLO_BYTES``.
    """
    found = _handshake_message(data)
    if found is None:
        raise ClientHelloError(f"incomplete ClientHello: {len(data)} bytes are not enough")
    body, size = found
    limit = len(body)

    legacy_version = _U16.unpack_from(body, 0)[0]
    pos = 2 + 32
    _, pos = _vector(body, pos, limit, 1, "session_id")
    start, pos = _vector(body, pos, limit, 2, "cipher_suites")
    cipher_suites = _u16_list(body, start, pos, "cipher_suites")
    start, pos = _vector(body, pos, limit, 1, "compression_methods")
    compression_methods = body[start:pos]

    extensions: list[int] = []
    server_name: str | None = None
    alpn_protocols: tuple[bytes, ...] = ()
    supported_versions: tuple[int, ...] = ()
    signature_algorithms: tuple[int, ...] = ()
    supported_groups: tuple[int, ...] = ()
    ec_point_formats: tuple[int, ...] = ()
    if pos < limit:  # the extensions block is optional (pre-TLS 1.2 clients)
        pos, ext_stop = _whole_vector(body, pos, limit, 2, "extensions")
        seen: set[int] = set()
        while pos < ext_stop:  # each extension is at least 4 bytes
            if pos + 4 > ext_stop:
                raise ClientHelloError(f"extension header truncated at byte {pos}")
            ext_type = _U16.unpack_from(body, pos)[0]
            start, pos = _vector(body, pos + 2, ext_stop, 2, f"extension {ext_type:#06x}")
            if ext_type in seen:
                raise ClientHelloError(f"extension {ext_type:#06x} appears twice")
            seen.add(ext_type)
            extensions.append(ext_type)
            if ext_type == _EXT_SERVER_NAME:
                server_name = _server_name(body, start, pos)
            elif ext_type == _EXT_ALPN:
                alpn_protocols = _alpn(body, start, pos)
            elif ext_type == _EXT_SUPPORTED_VERSIONS:
                a, b = _whole_vector(body, start, pos, 1, "supported_versions")
                supported_versions = _u16_list(body, a, b, "supported_versions")
            elif ext_type == _EXT_SIGNATURE_ALGORITHMS:
                a, b = _whole_vector(body, start, pos, 2, "signature_algorithms")
                signature_algorithms = _u16_list(body, a, b, "signature_algorithms")
            elif ext_type == _EXT_SUPPORTED_GROUPS:
                a, b = _whole_vector(body, start, pos, 2, "supported_groups")
                supported_groups = _u16_list(body, a, b, "supported_groups")
            elif ext_type == _EXT_EC_POINT_FORMATS:
                a, b = _whole_vector(body, start, pos, 1, "ec_point_formats")
                ec_point_formats = tuple(body[a:b])

    return ClientHello(
        legacy_version=legacy_version,
        cipher_suites=cipher_suites,
        compression_methods=compression_methods,
        extensions=tuple(extensions),
        server_name=server_name,
        alpn_protocols=alpn_protocols,
        supported_versions=supported_versions,
        signature_algorithms=signature_algorithms,
        supported_groups=supported_groups,
        ec_point_formats=ec_point_formats,
        size=size,
    )


# --- JA4 -----------------------------------------------------------------------------------------


def _hex_list(values: list[int]) -> str:
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


def _ja4_a(hello: ClientHello, transport: Transport, ciphers: int, extensions: int) -> str:
    version = _JA4_VERSIONS.get(hello.version, "00")
    sni = "d" if hello.has_sni else "i"
    return (
        f"{transport}{version}{sni}{min(ciphers, 99):02d}{min(extensions, 99):02d}"
        f"{_alpn_chars(hello)}"
    )


def _ja4_lists(
    hello: ClientHello, transport: Transport, *, original: bool
) -> tuple[str, str, str, str, bool]:
    """(a, ciphers, extensions, signature algorithms, any extension left after SNI/ALPN)."""
    ciphers = [c for c in hello.cipher_suites if c not in GREASE]
    extensions = [e for e in hello.extensions if e not in GREASE]
    a = _ja4_a(hello, transport, len(ciphers), len(extensions))
    hashed_extensions = [e for e in extensions if e not in (_EXT_SERVER_NAME, _EXT_ALPN)]
    any_left = bool(hashed_extensions)
    if original:
        hashed_extensions = extensions
    else:
        ciphers.sort()
        hashed_extensions.sort()
    signatures = [s for s in hello.signature_algorithms if s not in GREASE]
    return (
        a,
        _hex_list(ciphers),
        _hex_list(hashed_extensions),
        _hex_list(signatures),
        any_left,
    )


def _sha12(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:12]


def _ja4_hashed(hello: ClientHello, transport: Transport, *, original: bool) -> str:
    a, ciphers, extensions, signatures, any_left = _ja4_lists(hello, transport, original=original)
    b = _sha12(ciphers) if ciphers else _EMPTY_HASH
    if not any_left:
        c = _EMPTY_HASH
    elif signatures:
        c = _sha12(f"{extensions}_{signatures}")
    else:
        c = _sha12(extensions)
    return f"{a}_{b}_{c}"


def _ja4_raw(hello: ClientHello, transport: Transport, *, original: bool) -> str:
    a, ciphers, extensions, signatures, _ = _ja4_lists(hello, transport, original=original)
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


def _decimal_list(values: tuple[int, ...]) -> str:
    return "-".join([str(v) for v in values if v not in GREASE])


def ja3_string(hello: ClientHello) -> str:
    """``SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats`` in decimal,
    GREASE removed, wire order; an absent field is empty.
    """
    return (
        f"{hello.legacy_version},{_decimal_list(hello.cipher_suites)},"
        f"{_decimal_list(hello.extensions)},{_decimal_list(hello.supported_groups)},"
        f"{'-'.join([str(f) for f in hello.ec_point_formats])}"
    )


def ja3(hello: ClientHello) -> str:
    """The JA3 fingerprint: MD5 (lower-case hex) of ``ja3_string``."""
    return hashlib.md5(ja3_string(hello).encode("ascii"), usedforsecurity=False).hexdigest()
