"""chacha20-poly1305@openssh.com, the SSH packet cipher Conch lacks (OpenSSH's
PROTOCOL.chacha20poly1305).

Dropbear and OpenSSH both list it first, and OpenSSH clients choose it first, so a persona of
either must serve it, not only name it. It is an AEAD over a whole packet: the 4-byte packet
length is encrypted on its own with the second half of the 64 bytes of key material (K_1), so a
reader can learn how much to wait for; the rest (padding length, payload, padding) is encrypted
with the first half (K_2) from block 1 on, and a Poly1305 tag over both ciphertexts is keyed
with block 0 of K_2's stream. The nonce is the packet's sequence number, so both ends must keep
the same count (strict kex resets it, ``ssh.py``).

Sans-IO: this knows packets, not sockets. ``open_length`` and ``open`` raise
``ChaChaPolyError`` for anything a client could get wrong (short key, short packet, bad tag).
"""

from __future__ import annotations

import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.poly1305 import Poly1305

NAME = b"chacha20-poly1305@openssh.com"
KEY_SIZE = 64  # K_2 (payload, Poly1305 key) then K_1 (length)
TAG_SIZE = 16
BLOCK_SIZE = 8  # what the padding rounds to; the length field is not counted (OpenSSH)


class ChaChaPolyError(Exception):
    """A packet that does not decrypt: short, or its tag does not verify."""


def _stream(key: bytes, seqnr: int, counter: int, data: bytes) -> bytes:
    # The original ChaCha20 (64-bit block counter, 64-bit nonce), as OpenSSH uses it:
    # cryptography's 16-byte "nonce" is the counter (little-endian) followed by the nonce.
    nonce = struct.pack("<Q", counter) + struct.pack(">Q", seqnr & 0xFFFFFFFFFFFFFFFF)
    encryptor = Cipher(algorithms.ChaCha20(key, nonce), mode=None).encryptor()
    return encryptor.update(data) + encryptor.finalize()


class ChaChaPoly:
    """One direction's state: the two keys. The sequence number is given per packet."""

    def __init__(self, key: bytes) -> None:
        if len(key) < KEY_SIZE:
            raise ChaChaPolyError(f"chacha20-poly1305 needs {KEY_SIZE} bytes of key")
        self._main = key[:32]
        self._header = key[32:KEY_SIZE]

    def _tag(self, seqnr: int, data: bytes) -> bytes:
        poly_key = _stream(self._main, seqnr, 0, bytes(32))
        return Poly1305.generate_tag(poly_key, data)

    def seal(self, seqnr: int, packet: bytes) -> bytes:
        """``packet`` is the plain packet (length, padding length, payload, padding);
        returns what goes on the wire: encrypted length, encrypted rest, tag."""
        if len(packet) < 4:
            raise ChaChaPolyError("packet shorter than its length field")
        sealed = _stream(self._header, seqnr, 0, packet[:4]) + _stream(
            self._main, seqnr, 1, packet[4:]
        )
        return sealed + self._tag(seqnr, sealed)

    def open_length(self, seqnr: int, first: bytes) -> int:
        """The packet length from the first 4 bytes on the wire (not yet authenticated:
        the caller bounds it before waiting for that much)."""
        if len(first) < 4:
            raise ChaChaPolyError("fewer than 4 bytes of packet length")
        (length,) = struct.unpack(">L", _stream(self._header, seqnr, 0, first[:4]))
        return int(length)

    def open(self, seqnr: int, data: bytes) -> bytes:
        """``data``: the encrypted length and rest of one packet followed by its tag.
        Returns the plain packet (length field included), or raises if the tag is wrong."""
        if len(data) < 4 + TAG_SIZE:
            raise ChaChaPolyError("packet shorter than its length and tag")
        sealed, tag = data[:-TAG_SIZE], data[-TAG_SIZE:]
        if not hmac.compare_digest(self._tag(seqnr, sealed), tag):
            raise ChaChaPolyError("bad tag")
        return _stream(self._header, seqnr, 0, sealed[:4]) + _stream(
            self._main, seqnr, 1, sealed[4:]
        )


__all__ = ["BLOCK_SIZE", "KEY_SIZE", "NAME", "TAG_SIZE", "ChaChaPoly", "ChaChaPolyError"]
