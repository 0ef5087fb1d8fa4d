"""The C/Python boundary without a kernel: the header, its ctypes mirror, key encoding, sample
decoding, IPv4-mapped normalisation. These run everywhere (no root needed)."""

from __future__ import annotations

import ctypes
import ipaddress
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement.layout import (
    DEFAULT_BPF_DIR,
    HEADER_NAME,
    MIRRORS,
    Header,
    HeaderError,
    HmSample,
    MapSizes,
    SampleError,
    Slot,
    allow_slot,
    ban_expiry,
    ban_slot,
    ban_value,
    ban_values,
    decode_sample,
    mirror_fields,
    network_of,
    parse_defines,
    parse_structs,
    range_hints,
    v4_keys,
    v6_mask,
)
from honeymesh.enforcement.projection import SharedKeys
from honeymesh.net import normalize_network

HEADER_TEXT = (DEFAULT_BPF_DIR / HEADER_NAME).read_text()
HEADER = Header.load()
SIZES = {"__u8": 1, "__u16": 2, "__u32": 4, "__u64": 8}


def test_every_header_struct_has_an_identical_ctypes_mirror() -> None:
    structs = parse_structs(HEADER_TEXT)
    assert set(structs) == set(MIRRORS), "a struct was added to one side only"
    for name, fields in structs.items():
        assert mirror_fields(MIRRORS[name]) == fields, f"struct {name} drifted from its mirror"


def test_header_structs_have_no_implicit_padding() -> None:
    for name, fields in parse_structs(HEADER_TEXT).items():
        declared = sum(SIZES[t] * n for _, t, n in fields)
        assert ctypes.sizeof(MIRRORS[name]) == declared, f"struct {name} has a hidden hole"


def test_a_drifted_mirror_is_detected() -> None:
    drifted = HEADER_TEXT.replace("__u64 expires_ns;", "__u32 expires_ns;")
    assert parse_structs(drifted)["hm_ban"] != mirror_fields(MIRRORS["hm_ban"])


def test_header_constants_python_relies_on() -> None:
    assert HEADER.prog_name == "honeymesh_xdp"
    assert HEADER.counters == (
        "passed",
        "dropped_exact",
        "dropped_range",
        "dropped_lockdown",
        "allowed",
        "malformed",
        "would_drop",
        "trap_passed",
        "sampled",
        "sample_skipped",
    )
    assert [HEADER.mode_value(m) for m in ("test", "enforce", "lockdown")] == [0, 1, 2]
    for slot in Slot:
        name = HEADER.map_name(slot)
        assert len(name) < 16, f"{name}: the kernel keeps 15 characters of a map name"
    assert HEADER.number("HM_BAN_V4_MAX") >= 1_000_000
    assert HEADER.number("HM_BAN_V6_MAX") >= 262_144
    assert HEADER.number("HM_RANGE_V4_MAX") >= 65_536


def test_map_slots_agree_with_the_header_layouts() -> None:
    assert Slot.BAN_V4.key_size == 4
    assert Slot.BAN_V6.key_size == ctypes.sizeof(MIRRORS["hm_in6"])
    assert Slot.RANGE_V4.key_size == ctypes.sizeof(MIRRORS["hm_lpm_v4"])
    assert Slot.RANGE_V6.key_size == ctypes.sizeof(MIRRORS["hm_lpm_v6"])
    assert Slot.BAN_V4.value_size == ctypes.sizeof(MIRRORS["hm_ban"])


def test_counter_indices_must_be_dense() -> None:
    gappy = Header({"HM_CNT_A": 0, "HM_CNT_B": 2, "HM_COUNTERS": 3})
    with pytest.raises(HeaderError, match=r"indices must be 0\.\.2"):
        _ = gappy.counters


def test_parse_defines_reads_numbers_names_and_refuses_expressions() -> None:
    assert parse_defines("#define HM_A 0x10\n#define HM_B hm_b /* x */\n#define OTHER 1") == {
        "HM_A": 16,
        "HM_B": "hm_b",
    }
    with pytest.raises(HeaderError, match="neither an integer nor a name"):
        parse_defines("#define HM_A (1 << 4)")
    with pytest.raises(HeaderError, match="appears twice"):
        parse_defines("#define HM_A 1\n#define HM_A 2")
    with pytest.raises(HeaderError, match="cannot read field"):
        parse_structs("struct hm_x {\n    int a;\n};")


def test_missing_header_is_a_header_error(tmp_path: Path) -> None:
    with pytest.raises(HeaderError, match="cannot read"):
        Header.load(tmp_path)


def test_map_sizes_become_d_flags_and_reject_nonsense() -> None:
    assert MapSizes().cflags() == []
    assert MapSizes(ban_v4=8, sample_pages=4).cflags() == [
        "-DHM_BAN_V4_MAX=8",
        "-DHM_SAMPLE_PAGES=4",
    ]
    with pytest.raises(ValueError, match="positive integer"):
        MapSizes(ban_v6=0)
    with pytest.raises(ValueError, match="power of two"):
        MapSizes(sample_pages=3)


def test_v6_mask() -> None:
    assert v6_mask(64) == b"\xff" * 8 + b"\0" * 8
    assert v6_mask(0) == b"\0" * 16
    assert v6_mask(128) == b"\xff" * 16
    assert v6_mask(60)[7] == 0xF0
    with pytest.raises(ValueError):
        v6_mask(129)


def test_v4_keys_are_network_byte_order() -> None:
    keys = v4_keys([int(ipaddress.IPv4Address("10.1.2.3")), int(ipaddress.IPv4Address("1.2.3.4"))])
    assert keys == bytes([10, 1, 2, 3, 1, 2, 3, 4])


def test_ban_values_pack_like_the_struct() -> None:
    assert ban_values([5, 0]) == ban_value(5) + ban_value(0)
    assert ban_expiry(ban_value(123456789)) == 123456789


def test_where_bans_go() -> None:
    assert ban_slot(ipaddress.ip_network("10.0.0.1"), 64) == (Slot.BAN_V4, bytes([10, 0, 0, 1]))
    slot, key = ban_slot(ipaddress.ip_network("10.0.0.0/8"), 64)
    assert (slot, key) == (Slot.RANGE_V4, struct.pack("=I", 8) + bytes([10, 0, 0, 0]))
    a = ban_slot(ipaddress.ip_network("2001:db8::1"), 64)
    b = ban_slot(ipaddress.ip_network("2001:db8::ffff:1"), 64)
    assert a == b and a[0] is Slot.BAN_V6, "one /64, one key"
    assert ban_slot(ipaddress.ip_network("2001:db8::/96"), 64)[0] is Slot.BAN_V6
    assert ban_slot(ipaddress.ip_network("2001:db8::/48"), 64)[0] is Slot.RANGE_V6
    assert ban_slot(ipaddress.ip_network("2001:db8::/64"), 128)[0] is Slot.RANGE_V6
    assert allow_slot(ipaddress.ip_network("::1"))[0] is Slot.ALLOW_V6
    assert allow_slot(ipaddress.ip_network("127.0.0.0/8"))[0] is Slot.ALLOW_RANGE_V4


networks = st.one_of(
    st.builds(
        lambda a, p: ipaddress.IPv4Network((a, p), strict=False),
        st.integers(0, 2**32 - 1),
        st.integers(0, 32),
    ),
    st.builds(
        lambda a, p: ipaddress.IPv6Network((a, p), strict=False),
        st.integers(0, 2**128 - 1),
        st.integers(0, 128),
    ),
)


@given(networks)
def test_keys_decode_to_the_network_they_enforce(
    net: ipaddress.IPv4Network | ipaddress.IPv6Network,
) -> None:
    slot, key = ban_slot(net, 64)
    back = network_of(slot, key, 64)
    assert len(key) == slot.key_size
    widened = slot is Slot.BAN_V6 and net.prefixlen > 64
    assert back == (net.supernet(new_prefix=64) if widened else net)
    slot, key = allow_slot(net)
    assert network_of(slot, key, 64) == net


@given(st.binary(max_size=120))
def test_decode_sample_returns_a_sample_or_sample_error(raw: bytes) -> None:
    try:
        sample = decode_sample(raw, HEADER, lambda ns: ns / 1e9)
    except SampleError:
        return
    assert sample.proto in ("tcp", "udp")
    ipaddress.ip_address(sample.src)


def test_decode_sample_reads_a_kernel_record() -> None:
    s = HmSample()
    s.time_ns = 2_000_000_000
    s.src[0] = int.from_bytes(bytes([192, 0, 2, 7]), "little")
    s.dst[0] = int.from_bytes(bytes([192, 0, 2, 1]), "little")
    s.sport, s.dport, s.family, s.proto, s.tcp_flags, s.ifindex = 5555, 23, 4, 6, 0x02, 3
    sample = decode_sample(bytes(s), HEADER, lambda ns: 1000.0 + ns / 1e9)
    assert (sample.src, sample.dst, sample.sport, sample.dport) == (
        "192.0.2.7",
        "192.0.2.1",
        5555,
        23,
    )
    assert (sample.proto, sample.tcp_flags, sample.ifindex, sample.time) == ("tcp", 2, 3, 1002.0)


def test_normalize_network_maps_ipv4_mapped_ipv6_to_ipv4() -> None:
    assert normalize_network("::ffff:192.0.2.1") == ipaddress.ip_network("192.0.2.1/32")
    assert normalize_network("::ffff:192.0.2.0/120") == ipaddress.ip_network("192.0.2.0/24")
    assert normalize_network("::ffff:0:0/80") == ipaddress.ip_network("::/80")  # too wide to map
    assert normalize_network("10.1.2.3/8") == ipaddress.ip_network("10.0.0.0/8")
    with pytest.raises(ValueError):
        normalize_network("10.0.0.300")


def test_shared_keys_keep_the_longest_expiry_until_the_last_holder_leaves() -> None:
    keys: SharedKeys[str] = SharedKeys()
    a, b = ipaddress.ip_network("2001:db8::1"), ipaddress.ip_network("2001:db8::2")
    assert keys.add("k", a, 100.0) == 100.0
    assert keys.add("k", b, 50.0) == 100.0
    assert keys.add("k", b, None) is None
    assert keys.remove("k", b) == (True, 100.0)
    assert keys.remove("k", a) == (False, None)
    assert keys.remove("k", a) == (False, None)
    assert len(keys) == 0


def test_a_sole_holder_answers_as_the_same_network_added() -> None:
    """add_sole(key) is add(key, network_of(key)) without the object, through later changes."""
    sole: SharedKeys[str] = SharedKeys(ipaddress.ip_network)
    plain: SharedKeys[str] = SharedKeys()
    key, inner = "2001:db8::/64", ipaddress.ip_network("2001:db8::1")
    wide = ipaddress.ip_network(key)
    assert sole.add_sole(key, 100.0) == plain.add(key, wide, 100.0) == 100.0
    assert sole.networks() == plain.networks() == {wide: 100.0}
    assert len(sole) == len(plain) == 1
    assert sole.add(key, inner, 200.0) == plain.add(key, inner, 200.0) == 200.0
    assert sole.remove(key, inner) == plain.remove(key, inner) == (True, 100.0)
    assert sole.remove(key, wide) == plain.remove(key, wide) == (False, None)
    assert sole.add_sole(key, None) is None
    assert sole.remove(key, inner) == (True, None)  # not a holder: the key stays held
    assert sole.remove(key, wide) == (False, None)
    assert len(sole) == 0
    with pytest.raises(TypeError):
        plain.add_sole(key, 1.0)


def test_range_hints_mark_every_prefix_a_range_touches() -> None:
    base = HEADER.number("HM_RANGE_HINT_V6")
    assert list(range_hints(ipaddress.ip_network("10.1.2.0/24"), base)) == [0x0A01]
    assert list(range_hints(ipaddress.ip_network("10.0.0.0/8"), base)) == list(
        range(0x0A00, 0x0B00)
    )
    assert len(list(range_hints(ipaddress.ip_network("0.0.0.0/0"), base))) == 65536
    top = 0x20010DB8
    assert list(range_hints(ipaddress.ip_network("2001:db8:1::/48"), base)) == [
        base + ((top >> 16) ^ (top & 0xFFFF))
    ]
    assert len(list(range_hints(ipaddress.ip_network("2001:1000::/20"), base))) == 4096
    assert list(range_hints(ipaddress.ip_network("2000::/3"), base)) == list(
        range(base, base + 65536)
    )


@given(networks, st.integers(0, 2**128 - 1))
def test_a_source_inside_a_range_hits_a_marked_hint(
    net: ipaddress.IPv4Network | ipaddress.IPv6Network, offset: int
) -> None:
    base = HEADER.number("HM_RANGE_HINT_V6")
    addr = int(net.network_address) + offset % net.num_addresses
    if net.version == 4:
        index = addr >> 16
    else:
        top = addr >> 96
        index = base + ((top >> 16) ^ (top & 0xFFFF))
    assert index in set(range_hints(net, base))
