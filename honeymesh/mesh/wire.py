"""Mesh frames, sans-IO: bytes in, frames out, or one ``WireError``.

Every mesh connection carries a sequence of frames (docs/MESH-PROTOCOL.md, "Frames")::

    frame  := length:u32be  type:u8  body     (1 <= length <= MAX_FRAME; it counts type + body)

A JSON body (``HELLO``, ``HEARTBEAT``, ``SYNC``, ``JOIN``, ``JOINED``, ``CLOSE``) is one JSON
object, UTF-8. An item body (``RECORDS``, ``SIGNALS``) is a run of signed items, each prefixed
with its length::

    items  := ( length:u16be  item )*            item := signature(64)  payload

``FrameDecoder`` holds at most one partial frame (``MAX_FRAME`` + 5 bytes), so a peer can make it
buffer no more than that; a declared length over the maximum is refused at the header, before
the body arrives. Nothing here does I/O or keeps time.
"""

from __future__ import annotations

import enum
import json
import struct
from dataclasses import dataclass
from typing import Any

MAX_FRAME = 65536
MAX_ITEM = 4096
MAX_JSON_DEPTH = 16
SIGNATURE_BYTES = 64
_HEADER = struct.Struct(">IB")
_ITEM_LENGTH = struct.Struct(">H")


class WireError(Exception):
    """The bytes are not a valid mesh frame; ``reason`` is a short stable code for metrics."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


class FrameType(enum.IntEnum):
    HELLO = 0x01
    HEARTBEAT = 0x02
    RECORDS = 0x03
    SIGNALS = 0x04
    SYNC = 0x05
    JOIN = 0x06
    JOINED = 0x07
    CLOSE = 0x08


JSON_FRAMES = frozenset(
    {
        FrameType.HELLO,
        FrameType.HEARTBEAT,
        FrameType.SYNC,
        FrameType.JOIN,
        FrameType.JOINED,
        FrameType.CLOSE,
    }
)
ITEM_FRAMES = frozenset({FrameType.RECORDS, FrameType.SIGNALS})


@dataclass(frozen=True)
class Frame:
    type: FrameType
    body: bytes

    def json(self) -> dict[str, Any]:
        """The body of a JSON frame as an object (``WireError`` otherwise)."""
        if self.type not in JSON_FRAMES:
            raise WireError("bad-type", f"{self.type.name} frames carry items, not JSON")
        return decode_json(self.body, what=f"{self.type.name} body")

    def items(self) -> list[bytes]:
        """The signed items of a RECORDS or SIGNALS frame (``WireError`` otherwise)."""
        if self.type not in ITEM_FRAMES:
            raise WireError("bad-type", f"{self.type.name} frames carry JSON, not items")
        return split_items(self.body)


def encode_frame(kind: FrameType, body: bytes) -> bytes:
    if len(body) + 1 > MAX_FRAME:
        raise WireError("too-large", f"a {kind.name} body of {len(body)} bytes exceeds the maximum")
    return _HEADER.pack(len(body) + 1, kind) + body


def json_frame(kind: FrameType, value: dict[str, Any]) -> bytes:
    return encode_frame(kind, encode_json(value))


def item_frames(kind: FrameType, items: list[bytes]) -> list[bytes]:
    """As few RECORDS/SIGNALS frames as hold ``items``, each within ``MAX_FRAME``."""
    frames: list[bytes] = []
    chunk: list[bytes] = []
    size = 1
    for item in items:
        if not SIGNATURE_BYTES < len(item) <= MAX_ITEM:
            raise WireError("bad-item", f"an item of {len(item)} bytes cannot be sent")
        if chunk and size + 2 + len(item) > MAX_FRAME:
            frames.append(encode_frame(kind, b"".join(chunk)))
            chunk, size = [], 1
        chunk.append(_ITEM_LENGTH.pack(len(item)) + item)
        size += 2 + len(item)
    if chunk:
        frames.append(encode_frame(kind, b"".join(chunk)))
    return frames


def split_items(body: bytes) -> list[bytes]:
    items: list[bytes] = []
    view = memoryview(body)
    offset = 0
    while offset < len(view):
        if offset + 2 > len(view):
            raise WireError("bad-item", "an item length is cut short")
        (length,) = _ITEM_LENGTH.unpack_from(view, offset)
        offset += 2
        if not SIGNATURE_BYTES < length <= MAX_ITEM:
            raise WireError("bad-item", f"an item declares {length} bytes (65 to {MAX_ITEM})")
        if offset + length > len(view):
            raise WireError("bad-item", "an item is cut short")
        items.append(bytes(view[offset : offset + length]))
        offset += length
    return items


def encode_json(value: dict[str, Any]) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTF-8; the form every signed payload takes."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def decode_json(data: bytes, *, what: str, budget: int = MAX_FRAME) -> dict[str, Any]:
    """One JSON object of at most ``budget`` bytes and ``MAX_JSON_DEPTH`` levels, or WireError.

    The depth bound is checked by counting brackets (a cheap upper bound: a bracket inside a
    string counts too), so the recursive decoder never sees deep nesting; with no more brackets
    than levels allowed (a signal has two or three), the depth needs no walk at all.
    """
    if len(data) > budget:
        raise WireError("too-large", f"{what} is {len(data)} bytes; the limit is {budget}")
    brackets = data.count(b"{") + data.count(b"[")
    if brackets > MAX_JSON_DEPTH * 8:
        raise WireError("bad-json", f"{what} has more brackets than any valid message")
    try:
        # UTF-8 only: json.loads would also take UTF-16 and UTF-32 bytes.
        value = _DECODER.decode(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise WireError("bad-json", f"{what} is not JSON ({str(e)[:80]})") from None
    if not isinstance(value, dict):
        raise WireError("bad-json", f"{what} is not a JSON object")
    if brackets > MAX_JSON_DEPTH and _depth(value) > MAX_JSON_DEPTH:
        raise WireError("bad-json", f"{what} nests deeper than {MAX_JSON_DEPTH} levels")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("a key appears twice")
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


# One decoder for every body (json.loads would build a new one, and its scanner, per call).
_DECODER = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_no_constant)


def _depth(value: Any, level: int = 1) -> int:
    if level > MAX_JSON_DEPTH:
        return level
    children = value.values() if isinstance(value, dict) else value
    deepest = level
    for child in children:
        if isinstance(child, dict | list):
            deepest = max(deepest, _depth(child, level + 1))
    return deepest


class FrameDecoder:
    """Cuts a byte stream into frames; holds at most one partial frame.

    ``feed`` returns the complete frames so far. After a ``WireError`` the stream is unusable
    (there is no resynchronising a length-prefixed stream): the connection must close.
    """

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._max = max_frame
        self._buffer = bytearray()
        self.failed: WireError | None = None

    @property
    def buffered(self) -> int:
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Frame]:
        if self.failed is not None:
            raise self.failed
        self._buffer += data
        frames: list[Frame] = []
        buf = self._buffer
        offset = 0
        while len(buf) - offset >= 5:
            length, kind = _HEADER.unpack_from(buf, offset)
            if not 1 <= length <= self._max:
                raise self._fail(
                    "too-large" if length > self._max else "bad-length",
                    f"a frame declares {length} bytes (1 to {self._max})",
                )
            try:
                frame_type = FrameType(kind)
            except ValueError:
                raise self._fail("bad-type", f"unknown frame type 0x{kind:02x}") from None
            end = offset + 4 + length
            if len(buf) < end:
                break
            frames.append(Frame(frame_type, bytes(buf[offset + 5 : end])))
            offset = end
        if offset:
            del buf[:offset]
        return frames

    def _fail(self, reason: str, detail: str) -> WireError:
        """The stream is over: keep the error, let go of the bytes (a bad read may be large)."""
        self.failed = WireError(reason, detail)
        self._buffer = bytearray()
        return self.failed
