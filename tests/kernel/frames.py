"""Hand-built Ethernet frames for AF_PACKET sends and BPF_PROG_TEST_RUN: VLAN tags, IPv4/IPv6,
UDP, TCP SYN, ICMPv6 and ARP, with correct checksums so the stack accepts what XDP passes."""

from __future__ import annotations

import ipaddress
import struct
from collections.abc import Sequence

ETH_P_IP, ETH_P_IPV6, ETH_P_ARP = 0x0800, 0x86DD, 0x0806
ETH_P_8021Q, ETH_P_8021AD = 0x8100, 0x88A8
BROADCAST = b"\xff" * 6


def checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = int(sum(struct.unpack(f"!{len(data) // 2}H", data)))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ethernet(
    dst: bytes,
    src: bytes,
    ethertype: int,
    payload: bytes,
    vlans: Sequence[tuple[int, int]] = (),
) -> bytes:
    """``vlans``: (TPID, VLAN id) pairs, outermost first."""
    out = dst + src
    for tpid, vid in vlans:
        out += struct.pack("!HH", tpid, vid)
    return out + struct.pack("!H", ethertype) + payload


def ipv4(src: str, dst: str, proto: int, payload: bytes, ttl: int = 64) -> bytes:
    s, d = ipaddress.IPv4Address(src).packed, ipaddress.IPv4Address(dst).packed
    header = struct.pack(
        "!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0x4000, ttl, proto, 0, s, d
    )
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ipv6(src: str, dst: str, nexthdr: int, payload: bytes, hop_limit: int = 64) -> bytes:
    s, d = ipaddress.IPv6Address(src).packed, ipaddress.IPv6Address(dst).packed
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nexthdr, hop_limit, s, d) + payload


def _pseudo(src: str, dst: str, proto: int, length: int) -> bytes:
    s, d = ipaddress.ip_address(src).packed, ipaddress.ip_address(dst).packed
    if len(s) == 4:
        return s + d + struct.pack("!BBH", 0, proto, length)
    return s + d + struct.pack("!IxxxB", length, proto)


def udp(src: str, dst: str, sport: int, dport: int, data: bytes) -> bytes:
    length = 8 + len(data)
    seg = struct.pack("!HHHH", sport, dport, length, 0) + data
    csum = checksum(_pseudo(src, dst, 17, length) + seg) or 0xFFFF
    return seg[:6] + struct.pack("!H", csum) + seg[8:]


def tcp(src: str, dst: str, sport: int, dport: int, flags: int) -> bytes:
    seg = struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags, 65535, 0, 0)
    csum = checksum(_pseudo(src, dst, 6, len(seg)) + seg)
    return seg[:16] + struct.pack("!H", csum) + seg[18:]


def tcp_syn(src: str, dst: str, sport: int, dport: int) -> bytes:
    return tcp(src, dst, sport, dport, 0x02)


def udp_frame(
    src_mac: bytes,
    dst_mac: bytes,
    src: str,
    dst: str,
    dport: int,
    data: bytes = b"honeymesh",
    vlans: Sequence[tuple[int, int]] = (),
    sport: int = 40000,
) -> bytes:
    seg = udp(src, dst, sport, dport, data)
    if ":" in dst:
        return ethernet(dst_mac, src_mac, ETH_P_IPV6, ipv6(src, dst, 17, seg), vlans)
    return ethernet(dst_mac, src_mac, ETH_P_IP, ipv4(src, dst, 17, seg), vlans)


def tcp_frame(
    src_mac: bytes, dst_mac: bytes, src: str, dst: str, dport: int, flags: int = 0x02
) -> bytes:
    """A TCP segment with the given flags (0x02 SYN, 0x10 ACK)."""
    seg = tcp(src, dst, 40001, dport, flags)
    if ":" in dst:
        return ethernet(dst_mac, src_mac, ETH_P_IPV6, ipv6(src, dst, 6, seg))
    return ethernet(dst_mac, src_mac, ETH_P_IP, ipv4(src, dst, 6, seg))


def icmp6_frame(src_mac: bytes, dst_mac: bytes, src: str, dst: str, icmp_type: int) -> bytes:
    body = struct.pack("!BBHI", icmp_type, 0, 0, 0) + ipaddress.IPv6Address(dst).packed
    csum = checksum(_pseudo(src, dst, 58, len(body)) + body)
    body = body[:2] + struct.pack("!H", csum) + body[4:]
    return ethernet(dst_mac, src_mac, ETH_P_IPV6, ipv6(src, dst, 58, body, hop_limit=255))


def mld2_report_frame(src_mac: bytes, dst_mac: bytes, src: str) -> bytes:
    """An MLDv2 report (ICMPv6 143) with no records, behind a Hop-by-Hop header carrying Router
    Alert, as the stack sends it (RFC 3810), to ff02::16."""
    dst = "ff02::16"
    body = struct.pack("!BBHHH", 143, 0, 0, 0, 0)
    csum = checksum(_pseudo(src, dst, 58, len(body)) + body)
    body = body[:2] + struct.pack("!H", csum) + body[4:]
    hbh = struct.pack("!BB", 58, 0) + b"\x05\x02\x00\x00" + b"\x01\x00"  # Router Alert, PadN
    return ethernet(dst_mac, src_mac, ETH_P_IPV6, ipv6(src, dst, 0, hbh + body, hop_limit=1))


def arp_request(src_mac: bytes, src: str, target: str) -> bytes:
    body = struct.pack(
        "!HHBBH6s4s6s4s",
        1,
        ETH_P_IP,
        6,
        4,
        1,
        src_mac,
        ipaddress.IPv4Address(src).packed,
        b"\0" * 6,
        ipaddress.IPv4Address(target).packed,
    )
    return ethernet(BROADCAST, src_mac, ETH_P_ARP, body)
