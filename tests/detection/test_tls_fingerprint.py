"""ClientHello parsing, JA4 and JA3: published vectors, real clients, independent tools, fuzzing."""

from __future__ import annotations

import hashlib
import shutil
import socket
import struct
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.tls_fingerprint import (
    MAX_CLIENT_HELLO_BYTES,
    ClientHello,
    ClientHelloError,
    client_hello_length,
    ja3,
    ja3_string,
    ja4,
    ja4_o,
    ja4_r,
    ja4_ro,
    parse_client_hello,
)
from tests.detection.independent import ja4plus_ja4, tshark_ja3, write_pcap
from tests.detection.real_clients import CLIENTS, SNI, Client, capture, record_first_flight

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_HELLOS = {path.stem: path.read_bytes() for path in sorted(FIXTURES.glob("*.bin"))}

# --- building ClientHellos by hand -----------------------------------------------------------


def u16s(values: list[int]) -> bytes:
    return struct.pack(f">{len(values)}H", *values)


def vec(width: int, body: bytes) -> bytes:
    return len(body).to_bytes(width, "big") + body


def ext(ext_type: int, body: bytes = b"") -> bytes:
    return struct.pack(">HH", ext_type, len(body)) + body


def sni(name: bytes = SNI.encode()) -> bytes:
    return ext(0x0000, vec(2, b"\x00" + vec(2, name)))


def alpn(*protocols: bytes) -> bytes:
    return ext(0x0010, vec(2, b"".join(vec(1, p) for p in protocols)))


def supported_versions(*versions: int) -> bytes:
    return ext(0x002B, vec(1, u16s(list(versions))))


def sigalgs(*algorithms: int) -> bytes:
    return ext(0x000D, vec(2, u16s(list(algorithms))))


def groups(*named: int) -> bytes:
    return ext(0x000A, vec(2, u16s(list(named))))


def point_formats(*formats: int) -> bytes:
    return ext(0x000B, vec(1, bytes(formats)))


def hello_message(
    ciphers: list[int], extensions: list[bytes] | None, version: int = 0x0303, tail: bytes = b""
) -> bytes:
    """A ClientHello handshake message (4-byte header included); ``tail`` ends the body."""
    body = struct.pack(">H", version) + bytes(range(32)) + vec(1, bytes(32))
    body += vec(2, u16s(ciphers)) + vec(1, b"\x00")
    if extensions is not None:
        body += vec(2, b"".join(extensions))
    return b"\x01" + vec(3, body + tail)


def records(message: bytes, sizes: list[int] | None = None, version: int = 0x0301) -> bytes:
    """Wrap a handshake message in TLS records, cut at the sizes given (the rest in the last)."""
    out, pos = b"", 0
    for size in [*(sizes or []), len(message)]:
        chunk = message[pos : pos + size]
        if chunk:
            out += struct.pack(">BHH", 0x16, version, len(chunk)) + chunk
        pos += len(chunk)
    return out


def hello(ciphers: list[int], extensions: list[bytes] | None, version: int = 0x0303) -> ClientHello:
    return parse_client_hello(records(hello_message(ciphers, extensions, version)))


def message_of(data: bytes) -> bytes:
    """The handshake message inside a one-record capture."""
    return data[5 : 5 + struct.unpack(">H", data[3:5])[0]]


# --- FoxIO JA4 specification vectors ---------------------------------------------------------
# From FoxIO-LLC/ja4, technical_details/JA4.md ("Cipher hash", "Extension hash", "Example" and
# "Raw Output" sections): the cipher and extension lists below are the specification's example
# ClientHello in its original order.

SPEC_CIPHERS = [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013,
                0xC014, 0x009C, 0x009D, 0x002F, 0x0035]  # fmt: skip
SPEC_SIGALGS = [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]
SPEC_JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1"
SPEC_JA4_R = (
    "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
    "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
    "0403,0804,0401,0503,0805,0501,0806,0601"
)
SPEC_JA4_O = "t13d1516h2_acb858a92679_18f69afefd3d"
SPEC_JA4_RO = (
    "t13d1516h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
    "001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015_"
    "0403,0804,0401,0503,0805,0501,0806,0601"
)
# The spec's "no signature algorithms" example: the same extension list hashed alone.
SPEC_NO_SIGALGS_HASH = "6d807ffa2a79"


def spec_extensions(signature_algorithms: bytes | None = None, grease: bool = False) -> list[bytes]:
    """The specification's 16 extensions, in its original order."""
    body = {
        0x0000: sni(),
        0x0010: alpn(b"h2", b"http/1.1"),
        0x000D: signature_algorithms or sigalgs(*SPEC_SIGALGS),
        0x002B: supported_versions(*([0x7A7A] if grease else []), 0x0304, 0x0303),
        0x000A: groups(*([0x2A2A] if grease else []), 0x001D, 0x0017, 0x0018),
        0x000B: point_formats(0),
    }
    order = [0x001B, 0x0000, 0x0033, 0x0010, 0x4469, 0x0017, 0x002D, 0x000D, 0x0005, 0x0023,
             0x0012, 0x002B, 0xFF01, 0x000B, 0x000A, 0x0015]  # fmt: skip
    return [body.get(t, ext(t)) for t in order]


def test_spec_example_gives_the_published_ja4_and_raw_forms() -> None:
    h = hello(SPEC_CIPHERS, spec_extensions())
    assert ja4(h) == SPEC_JA4
    assert ja4_r(h) == SPEC_JA4_R
    assert ja4_o(h) == SPEC_JA4_O
    assert ja4_ro(h) == SPEC_JA4_RO


def test_grease_is_ignored_everywhere() -> None:
    plain = hello(SPEC_CIPHERS, spec_extensions())
    exts = spec_extensions(sigalgs(*SPEC_SIGALGS[:3], 0x9A9A, *SPEC_SIGALGS[3:]), grease=True)
    greasy = hello([0x0A0A, *SPEC_CIPHERS, 0xFAFA], [ext(0x1A1A), *exts, ext(0xDADA, b"\x00")])
    assert 0x0A0A in greasy.cipher_suites  # the record keeps what was sent...
    assert (ja4(greasy), ja4_r(greasy), ja4_o(greasy)) == (SPEC_JA4, SPEC_JA4_R, SPEC_JA4_O)
    assert ja3_string(greasy) == ja3_string(plain)  # ...the fingerprints do not


def test_empty_signature_algorithms_end_the_hashed_string_without_underscore() -> None:
    h = hello(SPEC_CIPHERS, spec_extensions(signature_algorithms=ext(0x000D, vec(2, b""))))
    assert ja4(h).endswith("_" + SPEC_NO_SIGALGS_HASH)
    assert ja4_r(h).endswith("0033,4469,ff01")


def test_signature_algorithms_keep_their_order_while_extensions_are_sorted() -> None:
    reordered = [e for e in spec_extensions()]
    reordered.reverse()  # extension order does not matter for JA4...
    h = hello(SPEC_CIPHERS, reordered)
    assert ja4(h) == SPEC_JA4
    flipped = hello(SPEC_CIPHERS, spec_extensions(sigalgs(*reversed(SPEC_SIGALGS))))
    assert ja4(flipped) != SPEC_JA4  # ...signature algorithm order does
    assert ja4_r(flipped).endswith("0601,0806,0501,0805,0503,0401,0804,0403")


def test_sni_and_alpn_are_in_part_a_only() -> None:
    without = [e for e in spec_extensions() if e[:2] not in (b"\x00\x00", b"\x00\x10")]
    h = hello(SPEC_CIPHERS, without)
    assert ja4(h) == "t13i151400_8daaf6152771_e5627efa2ab1"


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # The specification's examples ("ALPN Extension Value").
        (b"h2", "h2"),
        (b"http/1.1", "h1"),
        (b"\xab", "ab"),
        (b"\xab\xcd", "ad"),
        (b"\x30\xab", "3b"),
        (b"\x30\x31\xab\xcd", "3d"),
        (b"\x30\xab\xcd\x31", "01"),
        # One character is both first and last; upper case stays as sent.
        (b"x", "xx"),
        (b"H3", "H3"),
        # Printable but not alphanumeric: hex, as the spec says (ja4plus writes the character).
        (b"-h2-", "2d"),
        (b"", "00"),
    ],
)
def test_alpn_characters(first: bytes, expected: str) -> None:
    h = hello([0x1301], [alpn(first, b"http/1.1")])
    assert ja4(h)[8:10] == expected


def test_alpn_absent_or_empty_list_is_00() -> None:
    assert ja4(hello([0x1301], [sni()]))[8:10] == "00"
    assert ja4(hello([0x1301], [alpn()]))[8:10] == "00"


@pytest.mark.parametrize(
    ("extensions", "legacy", "expected"),
    [
        ([supported_versions(0x3A3A, 0x0303, 0x0304)], 0x0303, "13"),  # highest, not first
        ([supported_versions(0x0303)], 0x0303, "12"),
        ([supported_versions(0xAAAA)], 0x0302, "11"),  # only GREASE: legacy version
        ([], 0x0303, "12"),  # no supported_versions: legacy version
        ([], 0x0301, "10"),
        ([], 0x0300, "s3"),
        ([supported_versions(0x0305)], 0x0303, "00"),  # unknown
    ],
)
def test_version_comes_from_supported_versions(
    extensions: list[bytes], legacy: int, expected: str
) -> None:
    assert ja4(hello([0x1301], extensions, version=legacy))[1:3] == expected


def test_counts_are_capped_at_99_and_include_sni_and_alpn() -> None:
    ciphers = list(range(1, 121))
    extensions = [sni(), alpn(b"h2")] + [ext(0x1000 + i) for i in range(103)]
    assert ja4(hello(ciphers, extensions)).startswith("t12d9999h2_")
    assert ja4(hello([1, 2, 3], [sni(), alpn(b"h2")])).startswith("t12d0302h2_")


def test_empty_lists_hash_to_zeros() -> None:
    no_ciphers = hello([], [groups(29)])
    assert ja4(no_ciphers).split("_")[1] == "000000000000"
    assert ja4(hello([0x002F], None)) == "t12i010000_" + _sha12("002f") + "_000000000000"
    only_sni_alpn = hello([0x002F], [sni(), alpn(b"h2")])
    assert ja4(only_sni_alpn).endswith("_000000000000")


def test_transport_prefix() -> None:
    h = hello(SPEC_CIPHERS, spec_extensions())
    assert ja4(h, "q") == "q" + SPEC_JA4[1:]
    assert ja4_r(h, "d").startswith("d13d")


def _sha12(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


# --- JA3 README vectors (salesforce/ja3, README.md "How it works") ----------------------------


def test_ja3_readme_vectors() -> None:
    with_extensions = hello(
        [47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4],
        [sni(), groups(23, 24, 25), point_formats(0)],
        version=769,
    )
    assert ja3_string(with_extensions) == (
        "769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0"
    )
    assert ja3(with_extensions) == "ada70206e40642a3e4461f35503241d5"
    bare = hello([4, 5, 10, 9, 100, 98, 3, 6, 19, 18, 99], None, version=769)
    assert ja3_string(bare) == "769,4-5-10-9-100-98-3-6-19-18-99,,,"
    assert ja3(bare) == "de350869b8c85de67a350c8d186f11e6"


def test_ja3_uses_the_handshake_version_and_wire_order() -> None:
    h = hello([0x1302, 0x1301], [supported_versions(0x0304), groups(0x4A4A, 29, 23)])
    assert ja3_string(h) == "771,4866-4865,43-10,29-23,"


# --- the parser ------------------------------------------------------------------------------


def test_parsed_fields_of_a_real_hello() -> None:
    h = parse_client_hello(FIXTURE_HELLOS["go"])
    assert h.server_name == SNI and h.has_sni
    assert h.alpn_protocols == (b"h2", b"http/1.1")
    assert h.version == 0x0304 and h.legacy_version == 0x0303
    assert h.size == len(FIXTURE_HELLOS["go"])


@pytest.mark.parametrize("name", sorted(FIXTURE_HELLOS))
@pytest.mark.parametrize("sizes", [[1], [4, 1, 1], [3, 50, 7], [100] * 30])
def test_a_hello_split_across_records_parses_the_same(name: str, sizes: list[int]) -> None:
    data = FIXTURE_HELLOS[name]
    whole = parse_client_hello(data)
    split = records(message_of(data), sizes)
    again = parse_client_hello(split)
    assert again.size == len(split)
    assert (ja4_r(again), ja3_string(again)) == (ja4_r(whole), ja3_string(whole))


def test_bytes_after_the_hello_are_not_consumed() -> None:
    data = FIXTURE_HELLOS["curl"]
    after = b"\x17\x03\x03\x00\x05hello"
    assert parse_client_hello(data + after).size == len(data)
    assert client_hello_length(data + after) == len(data)


def test_every_prefix_is_incomplete_for_the_stream_and_an_error_for_the_parser() -> None:
    data = records(message_of(FIXTURE_HELLOS["nodejs"]), [2, 2, 200])
    for cut in range(len(data)):
        assert client_hello_length(data[:cut]) is None
        with pytest.raises(ClientHelloError, match="incomplete"):
            parse_client_hello(data[:cut])
    assert client_hello_length(data) == len(data)


def _second_record_type(data: bytes, content_type: int) -> bytes:
    """Change the content type of the second record (after a first record of 10 bytes)."""
    return data[:15] + bytes([content_type]) + data[16:]


VALID = records(hello_message([0x1301], [sni(), alpn(b"h2")]))


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"GET / HTTP/1.1\r\n\r\n", "content type 0x47"),
        (b"\x16\x02\x00\x00\x05", "version major 0x02"),
        (b"\x16\x03\x01\x00\x00", "payload length 0"),
        (b"\x16\x03\x01\x40\x01", "payload length 16385"),
        (b"\x16\x03\x01\x00\x04\x02\x00\x00\x26", "handshake type 2"),
        (b"\x16\x03\x01\x00\x04\x01\x00\x00\x10", "too short"),
        (b"\x16\x03\x01\x00\x04\x01\x01\x00\x00", "budget"),
        (VALID[:3] + struct.pack(">H", len(VALID) - 4) + VALID[5:] + b"\x00", "past the Client"),
        (_second_record_type(records(hello_message([0x1301], None), [10]), 0x15), "type 0x15"),
        (records(hello_message([0x1301, 0x1302], [sni(), sni()])), "appears twice"),
        (records(hello_message([0x1301], [ext(0x000D, b"\x00\x03abc")])), "odd length"),
        (records(hello_message([0x1301], [ext(0x002B, b"\x04\x03\x04")])), "runs past"),
        (records(hello_message([0x1301], [ext(0x000A, b"\x00\x02\x00\x1d\x00")])), "trailing"),
        (records(hello_message([0x1301], [ext(0x0010, b"\x00\x03\x05h2")])), "ALPN protocol"),
        (records(hello_message([0x1301], None, tail=b"\x00")), "extensions: truncated"),
        (records(hello_message([0x1301], None, tail=b"\x00\x03\x00\x00\x00")), "header trunc"),
    ],
)
def test_malformed_input_names_the_problem(data: bytes, problem: str) -> None:
    with pytest.raises(ClientHelloError, match=problem):
        parse_client_hello(data)


def test_the_byte_budget_holds_even_for_one_byte_records() -> None:
    # A declared 20 KiB hello fits the budget, but not at 6 input bytes per handshake byte.
    message = b"\x01" + (20 * 1024).to_bytes(3, "big") + bytes(20 * 1024)
    data = records(message, [1] * len(message))
    assert client_hello_length(data[: MAX_CLIENT_HELLO_BYTES - 1]) is None
    with pytest.raises(ClientHelloError, match="budget"):
        client_hello_length(data)
    with pytest.raises(ClientHelloError, match="budget"):
        parse_client_hello(data)


def test_a_declared_length_over_the_budget_is_refused_from_the_header() -> None:
    header = b"\x16\x03\x01\x40\x00\x01" + (MAX_CLIENT_HELLO_BYTES).to_bytes(3, "big")
    with pytest.raises(ClientHelloError, match="budget"):
        client_hello_length(header)


def test_a_hello_at_the_budget_is_accepted() -> None:
    # Two full-size records (the most a 32 KiB budget holds), padded to the last byte.
    pad = MAX_CLIENT_HELLO_BYTES - 5 * 2 - len(hello_message([0x1301], [])) - 4
    message = hello_message([0x1301], [ext(0x0015, bytes(pad))])
    data = records(message, [16384])
    assert len(data) == MAX_CLIENT_HELLO_BYTES
    assert parse_client_hello(data).size == MAX_CLIENT_HELLO_BYTES


# --- hypothesis: hostile bytes ---------------------------------------------------------------


def _parse_or_error(data: bytes) -> None:
    try:
        h = parse_client_hello(data)
    except ClientHelloError:
        pass
    else:
        # Whatever parses can be fingerprinted.
        for fingerprint in (ja4, ja4_r, ja4_o, ja4_ro, ja3, ja3_string):
            assert isinstance(fingerprint(h), str)
        assert h.size <= min(len(data), MAX_CLIENT_HELLO_BYTES)
    try:
        length = client_hello_length(data)
    except ClientHelloError:
        pass
    else:
        assert length is None or 0 < length <= len(data)
        if length is not None:
            # A prefix of a complete hello is "not yet", never an error.
            for cut in range(0, length, max(1, length // 64)):
                assert client_hello_length(data[:cut]) is None


@given(st.binary(max_size=4096))
def test_arbitrary_bytes_give_a_hello_or_the_one_error(data: bytes) -> None:
    _parse_or_error(data)


@given(st.binary(min_size=0, max_size=2048), st.integers(0, 0xFFFF), st.integers(0, 0xFFFFFF))
def test_arbitrary_bodies_behind_plausible_headers(body: bytes, rlen: int, hlen: int) -> None:
    _parse_or_error(
        b"\x16\x03\x01" + struct.pack(">H", rlen) + b"\x01" + hlen.to_bytes(3, "big") + body
    )
    _parse_or_error(records(b"\x01" + vec(3, b"\x03\x03" + bytes(32) + body)))


@given(
    st.integers(0, 300),
    st.lists(st.binary(max_size=80), min_size=1, max_size=8),
    st.sampled_from([0x16, 0x16, 0x16, 0x15, 0x17]),
    st.integers(0, 700),
)
def test_random_record_streams(declared: int, chunks: list[bytes], kind: int, cut: int) -> None:
    # A plausible handshake header, then records of random payloads, cut anywhere.
    chunks[0] = b"\x01" + declared.to_bytes(3, "big") + b"\x03\x03" + chunks[0]
    types = [0x16] * (len(chunks) - 1) + [kind]
    data = b"".join(
        struct.pack(">BHH", t, 0x0303, len(c)) + c for t, c in zip(types, chunks, strict=True)
    )
    _parse_or_error(data[:cut])
    _parse_or_error(data)


@st.composite
def mutated_hellos(draw: st.DrawFn) -> bytes:
    data = bytearray(FIXTURE_HELLOS[draw(st.sampled_from(sorted(FIXTURE_HELLOS)))])
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "set", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "set" and data:
            data[at] = draw(st.sampled_from([0x00, 0x01, 0x7F, 0x80, 0xFF]))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 8))]
    return bytes(data)


@given(mutated_hellos())
def test_mutated_real_hellos_give_a_hello_or_the_one_error(data: bytes) -> None:
    _parse_or_error(data)


@given(
    st.sampled_from(sorted(FIXTURE_HELLOS)),
    st.lists(st.integers(1, 700), max_size=12),
    st.lists(st.integers(1, 300), min_size=1, max_size=40),
)
def test_fragmented_records_and_writes_reassemble(
    name: str, record_sizes: list[int], write_sizes: list[int]
) -> None:
    original = parse_client_hello(FIXTURE_HELLOS[name])
    data = records(message_of(FIXTURE_HELLOS[name]), record_sizes)
    buffer, pos, turn = b"", 0, 0
    while (length := client_hello_length(buffer)) is None:
        assert pos < len(data), "the stream must finish once every byte is in"
        step = write_sizes[turn % len(write_sizes)]
        buffer, pos, turn = buffer + data[pos : pos + step], pos + step, turn + 1
    assert length == len(data)
    again = parse_client_hello(buffer[:length])
    assert (ja4(again), ja3(again)) == (ja4(original), ja3(original))


# --- real clients and independent implementations -------------------------------------------


def test_fixtures_cover_at_least_five_stacks() -> None:
    stacks = {"python-ssl", "openssl-s_client", "curl", "gnutls-cli", "chromium", "java",
              "nodejs", "go"}  # fmt: skip
    assert len(stacks & FIXTURE_HELLOS.keys()) >= 5


def test_fixtures_match_ja4plus_and_tshark(tmp_path: Path) -> None:
    names = sorted(FIXTURE_HELLOS)
    pcap = tmp_path / "fixtures.pcap"
    write_pcap(pcap, [FIXTURE_HELLOS[n] for n in names])
    theirs_ja4 = ja4plus_ja4(pcap)
    theirs_ja3 = tshark_ja3(pcap)
    assert len(theirs_ja4) == len(theirs_ja3) == len(names)
    for name, (their_ja4, their_ja4_r), (their_ja3, their_ja3_string) in zip(
        names, theirs_ja4, theirs_ja3, strict=True
    ):
        ours = parse_client_hello(FIXTURE_HELLOS[name])
        assert (name, ja4(ours), ja4_r(ours)) == (name, their_ja4, their_ja4_r)
        assert (name, ja3(ours), ja3_string(ours)) == (name, their_ja3, their_ja3_string)


@pytest.mark.slow
@pytest.mark.parametrize("client", CLIENTS, ids=[c.name for c in CLIENTS])
def test_real_client_hello_matches_ja4plus_and_tshark(client: Client, tmp_path: Path) -> None:
    if shutil.which(client.program) is None:
        pytest.skip(f"{client.program} is not installed; scripts/setup.sh test installs it")
    data = capture(client, tmp_path / "work")
    ours = parse_client_hello(data)
    assert ours.has_sni == client.sends_sni
    assert ours.server_name == (SNI if client.sends_sni else None)
    assert ja4(ours).startswith("t13" + ("d" if client.sends_sni else "i"))

    pcap = tmp_path / "hello.pcap"
    write_pcap(pcap, [data])
    assert [(ja4(ours), ja4_r(ours))] == ja4plus_ja4(pcap)
    assert [(ja3(ours), ja3_string(ours))] == tshark_ja3(pcap)


def test_fragmented_writes_over_a_real_socket() -> None:
    data = records(message_of(FIXTURE_HELLOS["chromium"]), [5, 300, 1, 900])
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        got: list[bytes] = []
        server = threading.Thread(target=lambda: got.append(record_first_flight(listener, 10)))
        server.start()
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for pos in range(0, len(data), 97):
                client.sendall(data[pos : pos + 97])
            server.join(10)
    assert got == [data]
    assert ja4(parse_client_hello(got[0])) == ja4(parse_client_hello(FIXTURE_HELLOS["chromium"]))
