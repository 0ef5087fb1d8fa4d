"""chacha20-poly1305@openssh.com: known-answer ChaCha20 blocks in OpenSSH's layout, and the
AEAD's refusals. The real OpenSSH client negotiating it is in test_ssh_algorithms.py."""

from __future__ import annotations

import struct

import pytest
from cryptography.hazmat.primitives.poly1305 import Poly1305

from honeymesh.detection.traps.ssh_chacha import TAG_SIZE, ChaChaPoly, ChaChaPolyError

# The original ChaCha20 (Bernstein; draft-agl-tls-chacha20poly1305-04 section 7), all-zero
# key: block 0 and block 1 with nonce 0, block 0 with nonce 0x0000000000000001.
ZERO_NONCE_BLOCK0 = bytes.fromhex(
    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
    "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"
)
ZERO_NONCE_BLOCK1 = bytes.fromhex(
    "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
    "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"
)
NONCE1_BLOCK0 = bytes.fromhex(
    "de9cba7bf3d69ef5e786dc63973f653a0b49e015adbff7134fcb7df137821031"
    "e85a050278a7084527214f73efc7fa5b5277062eb7a0433e445f41e3"
)


def packet(payload: bytes) -> bytes:
    padding = 8 - (1 + len(payload)) % 8
    padding += 8 if padding < 4 else 0
    return struct.pack(">LB", 1 + len(payload) + padding, padding) + payload + bytes(padding)


def test_keystreams_are_the_original_chacha20_with_the_sequence_number_as_nonce() -> None:
    aead = ChaChaPoly(bytes(64))
    plain = bytes(4) + bytes(64)  # a zero length, then one zero block of the rest
    sealed = aead.seal(0, plain)
    # The length: K_1's block 0. The rest: K_2 from block 1 on. The tag: keyed by K_2's
    # block 0 (its first 32 bytes), over both ciphertexts.
    assert sealed[:4] == ZERO_NONCE_BLOCK0[:4]
    assert sealed[4:68] == ZERO_NONCE_BLOCK1
    assert sealed[68:] == Poly1305.generate_tag(ZERO_NONCE_BLOCK0[:32], sealed[:68])
    # Sequence number 1 is the 64-bit big-endian nonce 0x0000000000000001.
    assert aead.seal(1, bytes(4))[:4] == NONCE1_BLOCK0[:4]


def test_the_two_halves_of_the_key_have_their_own_jobs() -> None:
    key = bytes(32) + bytes(range(1, 33))  # K_2 zero, K_1 not
    sealed = ChaChaPoly(key).seal(0, bytes(4) + bytes(64))
    assert sealed[:4] != ZERO_NONCE_BLOCK0[:4]  # the length is K_1's
    assert sealed[4:68] == ZERO_NONCE_BLOCK1  # the rest is K_2's


def test_seal_then_open_and_the_length_is_readable_first() -> None:
    aead = ChaChaPoly(bytes(range(64)))
    plain = packet(b"\x05\x00\x00\x00\x0cssh-userauth")
    wire = aead.seal(7, plain)
    assert len(wire) == len(plain) + TAG_SIZE
    assert aead.open_length(7, wire[:4]) == len(plain) - 4
    assert aead.open(7, wire) == plain


@pytest.mark.parametrize("where", [0, 3, 4, 20, -1])
def test_a_flipped_bit_anywhere_is_refused(where: int) -> None:
    aead = ChaChaPoly(bytes(range(64)))
    wire = bytearray(aead.seal(3, packet(b"\x02hello")))
    wire[where] ^= 1
    with pytest.raises(ChaChaPolyError):
        aead.open(3, bytes(wire))


def test_the_wrong_sequence_number_is_refused() -> None:
    aead = ChaChaPoly(bytes(range(64)))
    wire = aead.seal(3, packet(b"\x02hello"))
    with pytest.raises(ChaChaPolyError):
        aead.open(4, wire)


def test_short_input_raises_the_one_error() -> None:
    with pytest.raises(ChaChaPolyError):
        ChaChaPoly(bytes(63))
    aead = ChaChaPoly(bytes(64))
    for bad in (b"", b"\x00" * 19):
        with pytest.raises(ChaChaPolyError):
            aead.open(0, bad)
    with pytest.raises(ChaChaPolyError):
        aead.open_length(0, b"\x00\x00")
