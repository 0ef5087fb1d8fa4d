"""The C/Python boundary of the XDP program: what ``bpf/honeymesh.h`` defines, seen from Python.

- ``Header`` reads the ``#define`` lines of the header at run time: map names, counter indices,
  mode values, flag bits and default map sizes come from there, never from a second copy.
- The ctypes classes below mirror the header's structs. A test parses the struct definitions in
  the header and fails when a field, type or order differs, and the kernel tests compare the
  sizes with what bcc compiled.
- Pure functions turn networks into map keys and values, and ring-buffer records into
  ``PacketSample`` values. Nothing here needs root or touches the kernel.
"""

from __future__ import annotations

import array
import ctypes
import enum
import ipaddress
import re
import socket
import struct
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from honeymesh.net import Network
from honeymesh.paths import data_dir

DEFAULT_BPF_DIR = data_dir("bpf")  # the checkout's bpf/, or the installed copy
HEADER_NAME = "honeymesh.h"
SOURCE_NAME = "honeymesh.c"


class HeaderError(ValueError):
    """The header does not have the shape this module reads."""


# Reading the header ------------------------------------------------------------------------------

_DEFINE = re.compile(r"^\s*#\s*define\s+(HM_\w+)(?:\s+(.*?))?\s*(?:/\*.*\*/)?\s*$")
_STRUCT = re.compile(r"struct\s+(hm_\w+)\s*\{(.*?)\};", re.S)
_FIELD = re.compile(r"^\s*(__u8|__u16|__u32|__u64)\s+(\w+)\s*(?:\[\s*(\d+)\s*\])?\s*;")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def parse_defines(text: str) -> dict[str, int | str]:
    """``#define HM_NAME VALUE`` lines: integers (decimal or hex) or identifiers."""
    out: dict[str, int | str] = {}
    for line in text.splitlines():
        m = _DEFINE.match(line)
        if not m:
            continue
        name, raw = m.group(1), m.group(2) or ""
        value: int | str
        if re.fullmatch(r"0[xX][0-9a-fA-F]+|\d+", raw):
            value = int(raw, 0)
        elif re.fullmatch(r"[A-Za-z_]\w*", raw):
            value = raw
        else:
            raise HeaderError(f"#define {name}: value {raw!r} is neither an integer nor a name")
        if name in out:
            raise HeaderError(f"#define {name} appears twice")
        out[name] = value
    return out


def parse_structs(text: str) -> dict[str, tuple[tuple[str, str, int], ...]]:
    """Each ``struct hm_*`` as (field name, type, array length or 1) in order."""
    text = _COMMENT.sub("", text)
    out: dict[str, tuple[tuple[str, str, int], ...]] = {}
    for name, body in _STRUCT.findall(text):
        rows: list[tuple[str, str, int]] = []
        for line in body.splitlines():
            if not line.strip():
                continue
            m = _FIELD.match(line)
            if not m:
                raise HeaderError(f"struct {name}: cannot read field {line.strip()!r}")
            ctype, field_name, count = m.groups()
            rows.append((field_name, ctype, int(count) if count else 1))
        out[name] = tuple(rows)
    return out


@dataclass(frozen=True)
class Header:
    """The constants of ``bpf/honeymesh.h``."""

    defines: Mapping[str, int | str]

    @classmethod
    def load(cls, bpf_dir: Path = DEFAULT_BPF_DIR) -> Header:
        path = bpf_dir / HEADER_NAME
        try:
            text = path.read_text("utf-8")
        except OSError as e:
            raise HeaderError(f"cannot read {path}: {e.strerror}") from None
        return cls(types.MappingProxyType(parse_defines(text)))

    def number(self, name: str) -> int:
        value = self.defines.get(name)
        if not isinstance(value, int):
            raise HeaderError(f"{HEADER_NAME}: HM_{name.removeprefix('HM_')} is not an integer")
        return value

    def identifier(self, name: str) -> str:
        value = self.defines.get(name)
        if not isinstance(value, str):
            raise HeaderError(f"{HEADER_NAME}: {name} is not a name")
        return value

    @property
    def prog_name(self) -> str:
        return self.identifier("HM_PROG_NAME")

    def map_name(self, slot: Slot) -> str:
        return self.identifier(f"HM_MAP_{slot.name}")

    @property
    def counters(self) -> tuple[str, ...]:
        """Counter names (``passed``, ``dropped_exact``, ...) in index order."""
        found = {
            name.removeprefix("HM_CNT_").lower(): value
            for name, value in self.defines.items()
            if name.startswith("HM_CNT_") and isinstance(value, int)
        }
        total = self.number("HM_COUNTERS")
        if sorted(found.values()) != list(range(total)):
            got = sorted(found.values())
            raise HeaderError(f"HM_CNT_* indices must be 0..{total - 1}, got {got}")
        return tuple(sorted(found, key=found.__getitem__))

    def mode_value(self, mode: str) -> int:
        return self.number(f"HM_MODE_{mode.upper()}")


# ctypes mirrors of the header's structs ----------------------------------------------------------


class HmConfig(ctypes.Structure):
    _fields_ = (
        ("mode", ctypes.c_uint32),
        ("range_v4_count", ctypes.c_uint32),
        ("range_v6_count", ctypes.c_uint32),
        ("allow_v4_count", ctypes.c_uint32),
        ("allow_v6_count", ctypes.c_uint32),
        ("allow_range_v4_count", ctypes.c_uint32),
        ("allow_range_v6_count", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("v6_ban_mask", ctypes.c_uint32 * 4),
        ("sample_cost_ns", ctypes.c_uint64),
        ("sample_burst_ns", ctypes.c_uint64),
        ("ban_gen", ctypes.c_uint64),
    )


class HmBan(ctypes.Structure):
    _fields_ = (("expires_ns", ctypes.c_uint64),)


class HmIn6(ctypes.Structure):
    _fields_ = (("addr", ctypes.c_uint32 * 4),)


class HmLpmV4(ctypes.Structure):
    _fields_ = (("prefixlen", ctypes.c_uint32), ("addr", ctypes.c_uint32))


class HmLpmV6(ctypes.Structure):
    _fields_ = (("prefixlen", ctypes.c_uint32), ("addr", ctypes.c_uint32 * 4))


class HmBucket(ctypes.Structure):
    _fields_ = (("credit_ns", ctypes.c_uint64), ("last_ns", ctypes.c_uint64))


class HmSample(ctypes.Structure):
    _fields_ = (
        ("time_ns", ctypes.c_uint64),
        ("src", ctypes.c_uint32 * 4),
        ("dst", ctypes.c_uint32 * 4),
        ("sport", ctypes.c_uint16),
        ("dport", ctypes.c_uint16),
        ("family", ctypes.c_uint8),
        ("proto", ctypes.c_uint8),
        ("tcp_flags", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("ifindex", ctypes.c_uint32),
        ("pad1", ctypes.c_uint32),
    )


MIRRORS: Mapping[str, type[ctypes.Structure]] = types.MappingProxyType(
    {
        "hm_config": HmConfig,
        "hm_ban": HmBan,
        "hm_in6": HmIn6,
        "hm_lpm_v4": HmLpmV4,
        "hm_lpm_v6": HmLpmV6,
        "hm_bucket": HmBucket,
        "hm_sample": HmSample,
    }
)

_CTYPE_NAMES: Mapping[object, str] = types.MappingProxyType(
    {
        ctypes.c_uint8: "__u8",
        ctypes.c_uint16: "__u16",
        ctypes.c_uint32: "__u32",
        ctypes.c_uint64: "__u64",
    }
)


def mirror_fields(struct_type: type[ctypes.Structure]) -> tuple[tuple[str, str, int], ...]:
    """A ctypes struct described the way ``parse_structs`` describes the C one."""
    rows: list[tuple[str, str, int]] = []
    for name, tp, *_ in struct_type._fields_:
        length: int = getattr(tp, "_length_", 1)
        base = getattr(tp, "_type_", None) if hasattr(tp, "_length_") else tp
        rows.append((str(name), _CTYPE_NAMES[base], length))
    return tuple(rows)


# Map sizes (-D flags) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSizes:
    """Map capacities; None keeps the header's default. Turned into -D flags, never into C text."""

    ban_v4: int | None = None
    ban_v6: int | None = None
    range_v4: int | None = None
    range_v6: int | None = None
    allow: int | None = None
    allow_range: int | None = None
    sample_pages: int | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise ValueError(f"map size {f.name} must be a positive integer, got {value!r}")
        pages = self.sample_pages
        if pages is not None and pages & (pages - 1):
            raise ValueError(f"sample_pages must be a power of two, got {pages}")

    def cflags(self) -> list[str]:
        names = {
            "ban_v4": "HM_BAN_V4_MAX",
            "ban_v6": "HM_BAN_V6_MAX",
            "range_v4": "HM_RANGE_V4_MAX",
            "range_v6": "HM_RANGE_V6_MAX",
            "allow": "HM_ALLOW_MAX",
            "allow_range": "HM_ALLOW_RANGE_MAX",
            "sample_pages": "HM_SAMPLE_PAGES",
        }
        return [
            f"-D{names[f.name]}={getattr(self, f.name)}"
            for f in fields(self)
            if getattr(self, f.name) is not None
        ]


# Where a network goes, and its key -------------------------------------------------------------


class Slot(enum.Enum):
    """A map that holds networks; the name matches ``HM_MAP_<NAME>`` in the header."""

    BAN_V4 = "ban_v4"
    BAN_V6 = "ban_v6"
    RANGE_V4 = "range_v4"
    RANGE_V6 = "range_v6"
    ALLOW_V4 = "allow_v4"
    ALLOW_V6 = "allow_v6"
    ALLOW_RANGE_V4 = "allow_range_v4"
    ALLOW_RANGE_V6 = "allow_range_v6"

    @property
    def is_lpm(self) -> bool:
        return self in (Slot.RANGE_V4, Slot.RANGE_V6, Slot.ALLOW_RANGE_V4, Slot.ALLOW_RANGE_V6)

    @property
    def is_allow(self) -> bool:
        return self.name.startswith("ALLOW")

    @property
    def key_size(self) -> int:
        return {
            Slot.BAN_V4: 4,
            Slot.ALLOW_V4: 4,
            Slot.BAN_V6: 16,
            Slot.ALLOW_V6: 16,
            Slot.RANGE_V4: 8,
            Slot.ALLOW_RANGE_V4: 8,
            Slot.RANGE_V6: 20,
            Slot.ALLOW_RANGE_V6: 20,
        }[self]

    @property
    def value_size(self) -> int:
        return len(ALLOW_VALUE) if self.is_allow else ctypes.sizeof(HmBan)

    @property
    def count_field(self) -> str | None:
        """The hm_config field that tells the program whether to consult this map."""
        return None if self in (Slot.BAN_V4, Slot.BAN_V6) else f"{self.value}_count"


ALLOW_VALUE = struct.pack("=I", 1)


def v6_mask(prefix: int) -> bytes:
    """The 16-byte network-order mask for an IPv6 prefix length."""
    if not 0 <= prefix <= 128:
        raise ValueError(f"an IPv6 prefix length is 0 to 128, got {prefix}")
    return (((1 << prefix) - 1) << (128 - prefix)).to_bytes(16, "big")


def lpm_key(net: Network) -> bytes:
    return struct.pack("=I", net.prefixlen) + net.network_address.packed


def ban_slot(net: Network, v6_prefix: int) -> tuple[Slot, bytes]:
    """The map and key for a ban. IPv6 networks at least as narrow as ``v6_prefix`` share one
    hash entry per ``/v6_prefix``: the program masks sources the same way before looking up.
    Link-local bans are never widened (the ban list bans a link-local source as itself), so
    they go to the range trie with their own prefix length."""
    if isinstance(net, ipaddress.IPv4Network):
        if net.prefixlen == 32:
            return Slot.BAN_V4, net.network_address.packed
        return Slot.RANGE_V4, lpm_key(net)
    if net.prefixlen >= v6_prefix and not net.network_address.is_link_local:
        masked = int(net.network_address) & int.from_bytes(v6_mask(v6_prefix), "big")
        return Slot.BAN_V6, masked.to_bytes(16, "big")
    return Slot.RANGE_V6, lpm_key(net)


def allow_slot(net: Network) -> tuple[Slot, bytes]:
    if isinstance(net, ipaddress.IPv4Network):
        if net.prefixlen == 32:
            return Slot.ALLOW_V4, net.network_address.packed
        return Slot.ALLOW_RANGE_V4, lpm_key(net)
    if net.prefixlen == 128:
        return Slot.ALLOW_V6, net.network_address.packed
    return Slot.ALLOW_RANGE_V6, lpm_key(net)


def network_of(slot: Slot, key: bytes, v6_prefix: int) -> Network:
    """The network a map key stands for (the inverse of ban_slot / allow_slot)."""
    if slot.is_lpm:
        (plen,) = struct.unpack_from("=I", key)
        addr = key[4:]
        if len(addr) == 4:
            return ipaddress.IPv4Network((addr, plen))
        return ipaddress.IPv6Network((addr, plen))
    if len(key) == 4:
        return ipaddress.IPv4Network((key, 32))
    plen = v6_prefix if slot is Slot.BAN_V6 else 128
    return ipaddress.IPv6Network((key, plen))


def range_hints(net: Network, v6_base: int) -> Iterable[int]:
    """The hm_range_hint indexes a range ban must mark: every IPv4 /16 it touches, or the hash
    of every IPv6 /32 it touches (all of them for ranges wider than a /16)."""
    if isinstance(net, ipaddress.IPv4Network):
        start = int(net.network_address) >> 16
        return range(start, start + (1 << max(0, 16 - net.prefixlen)))
    top = int(net.network_address) >> 96
    if net.prefixlen >= 32:
        return (v6_base + ((top >> 16) ^ (top & 0xFFFF)),)
    if net.prefixlen < 16:
        return range(v6_base, v6_base + 65536)
    hi, lo = top >> 16, top & 0xFFFF
    return sorted({v6_base + (hi ^ x) for x in range(lo, lo + (1 << (32 - net.prefixlen)))})


def ban_value(expires_ns: int) -> bytes:
    return bytes(HmBan(expires_ns))


def v4_keys(addresses: Iterable[int]) -> bytes:
    """IPv4 addresses (as ints) packed as hm_ban_v4 keys: __u32 in network byte order."""
    keys = array.array("I", addresses)
    if sys.byteorder == "little":
        keys.byteswap()
    return keys.tobytes()


def ban_values(expiries: Iterable[int]) -> bytes:
    """Many hm_ban values at once, packed for a batch update (hm_ban is one __u64)."""
    return array.array("Q", expiries).tobytes()


def ban_expiry(value: bytes) -> int:
    return HmBan.from_buffer_copy(value).expires_ns  # type: ignore[no-any-return]


# Ring-buffer samples -----------------------------------------------------------------------------


class SampleError(ValueError):
    """A ring-buffer record that is not an hm_sample."""


@dataclass(frozen=True)
class PacketSample:
    """A TCP SYN or UDP datagram to a port no trap serves, as the kernel sampled it."""

    time: float  # wall clock (time.time())
    src: str
    dst: str
    sport: int
    dport: int
    proto: str  # "tcp" or "udp"
    tcp_flags: int
    ifindex: int


_PROTOS: Mapping[int, str] = types.MappingProxyType(
    {socket.IPPROTO_TCP: "tcp", socket.IPPROTO_UDP: "udp"}
)


def decode_sample(raw: bytes, header: Header, wall_of: Callable[[int], float]) -> PacketSample:
    """One ring-buffer record; ``wall_of`` turns kernel monotonic ns into wall-clock seconds."""
    if len(raw) < ctypes.sizeof(HmSample):
        raise SampleError(f"record of {len(raw)} bytes, an hm_sample has {ctypes.sizeof(HmSample)}")
    s = HmSample.from_buffer_copy(raw[: ctypes.sizeof(HmSample)])
    proto = _PROTOS.get(s.proto)
    if proto is None:
        raise SampleError(f"unexpected protocol {s.proto}")
    src_raw, dst_raw = bytes(s.src), bytes(s.dst)
    if s.family == header.number("HM_FAMILY_V4"):
        src: str = str(ipaddress.IPv4Address(src_raw[:4]))
        dst: str = str(ipaddress.IPv4Address(dst_raw[:4]))
    elif s.family == header.number("HM_FAMILY_V6"):
        src, dst = str(ipaddress.IPv6Address(src_raw)), str(ipaddress.IPv6Address(dst_raw))
    else:
        raise SampleError(f"unexpected address family {s.family}")
    return PacketSample(
        time=wall_of(s.time_ns),
        src=src,
        dst=dst,
        sport=s.sport,
        dport=s.dport,
        proto=proto,
        tcp_flags=s.tcp_flags,
        ifindex=s.ifindex,
    )
