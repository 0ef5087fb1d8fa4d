"""Independent fingerprinters to check ours against: tshark (JA3) and ja4plus (JA4).

Both read a classic pcap that we write around the captured ClientHello bytes: one synthetic
TCP connection per hello (three-way handshake, then the hello as one segment to port 443), so
each tool sees exactly what it would see on the wire.
"""

from __future__ import annotations

import struct
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ja4plus import JA4Fingerprinter
from scapy.utils import rdpcap

_PCAP_HEADER = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)  # LINKTYPE_ETHERNET
_CLIENT_MAC = bytes.fromhex("020000000001")
_SERVER_MAC = bytes.fromhex("020000000002")
_CLIENT_IP = bytes([192, 0, 2, 1])  # TEST-NET-1: only a label inside the file, never contacted
_SERVER_IP = bytes([192, 0, 2, 2])
_SYN, _ACK, _PSH = 0x02, 0x10, 0x08


def _checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total: int = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def _frame(
    src: bytes, dst: bytes, sport: int, dport: int, seq: int, ack: int, flags: int, payload: bytes
) -> bytes:
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp) + len(payload))
    tcp = tcp[:16] + struct.pack("!H", _checksum(pseudo + tcp + payload)) + tcp[18:]
    ip = struct.pack(
        "!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 0, 0x4000, 64, 6, 0, src, dst
    )
    ip = ip[:10] + struct.pack("!H", _checksum(ip)) + ip[12:]
    macs = (_SERVER_MAC + _CLIENT_MAC) if src == _CLIENT_IP else (_CLIENT_MAC + _SERVER_MAC)
    return macs + b"\x08\x00" + ip + tcp + payload


def write_pcap(path: Path, hellos: Sequence[bytes]) -> None:
    """One TCP connection per ClientHello, client ports 40000, 40001, ... to server port 443."""
    records = []
    t = 1_700_000_000
    for index, hello in enumerate(hellos):
        sport, cseq, sseq = 40000 + index, 1000, 5000
        frames = [
            _frame(_CLIENT_IP, _SERVER_IP, sport, 443, cseq, 0, _SYN, b""),
            _frame(_SERVER_IP, _CLIENT_IP, 443, sport, sseq, cseq + 1, _SYN | _ACK, b""),
            _frame(_CLIENT_IP, _SERVER_IP, sport, 443, cseq + 1, sseq + 1, _ACK, b""),
            _frame(_CLIENT_IP, _SERVER_IP, sport, 443, cseq + 1, sseq + 1, _PSH | _ACK, hello),
        ]
        for usec, frame in enumerate(frames):
            records.append(struct.pack("<IIII", t + index, usec, len(frame), len(frame)) + frame)
    path.write_bytes(_PCAP_HEADER + b"".join(records))


def tshark_ja3(pcap: Path) -> list[tuple[str, str]]:
    """(ja3 hash, ja3 full string) for each ClientHello in ``pcap``, in stream order."""
    out = subprocess.run(
        [
            "tshark", "-n", "-r", str(pcap), "-Y", "tls.handshake.type == 1",
            "-T", "fields", "-e", "tls.handshake.ja3", "-e", "tls.handshake.ja3_full",
        ],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    rows = [line.split("\t") for line in out.splitlines() if line]
    return [(row[0], row[1]) for row in rows]


def ja4plus_ja4(pcap: Path) -> list[tuple[str, str]]:
    """(JA4, JA4_r) for each ClientHello in ``pcap``, through ja4plus's packet API."""
    fingerprinter = JA4Fingerprinter()
    results = []
    for packet in rdpcap(str(pcap)):
        fingerprint = fingerprinter.process_packet(packet)
        if fingerprint:
            assert fingerprinter.last_raw is not None
            results.append((fingerprint, fingerprinter.last_raw))
    return results
