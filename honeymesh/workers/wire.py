"""The frames between the main process and its trap workers, sans-IO.

A frame is a 4-byte big-endian length, then that many bytes: a one-byte kind and its payload.
The main process sends a worker one ``SETUP`` frame on the worker's stdin (what it needs to
serve: the configuration, the persona seed, the sockets; never argv or the environment, which
/proc shows to anyone on the machine); a worker sends ``EVENT`` frames on its stdout, one per
observation it would have published, and ``STATS`` frames with its counters.

What a worker sends is parsed as hostile: a worker runs the trap dialogues, the code that
handles attackers' bytes, so the main process takes from it only well-formed observations
with trap event ids (never a ban, a verdict or a notice), through one error type,
``FrameError``, with a byte budget per frame.
"""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from honeymesh.events import EventId, JSONValue, Observation, encode_json

#: The most bytes one frame may hold. A session's record is a few KiB (its preview is 256
#: bytes); a command or request finding is bounded by the trap's ``max_bytes`` (1 MiB for
#: SSH), which JSON escaping (``\\u001b``) at most makes six times as long. A worker that
#: sends more is broken.
MAX_FRAME = 8 * 1024 * 1024
HEADER = 4

SETUP = b"C"
EVENT = b"E"
STATS = b"S"
KINDS = frozenset({SETUP, EVENT, STATS})

#: The only events a worker may report: what its traps observe.
WORKER_EVENTS = frozenset(
    {
        EventId.TRAP_SESSION,
        EventId.TRAP_CREDENTIAL,
        EventId.TRAP_COMMAND,
        EventId.TRAP_REQUEST,
        EventId.TLS_CLIENT_HELLO,
    }
)
_EVENT_IDS = {str(e): e for e in WORKER_EVENTS}
_EVENT_KEYS = ("event_id", "kind", "time", "source", "detail")
#: Sources already checked as addresses: a brute-forcer's many sessions share one, and parsing
#: it (``ipaddress``) was a third of decoding an event. Bounded: emptied when full.
_ADDRESSES: set[str] = set()
_ADDRESSES_MAX = 4096


class FrameError(Exception):
    """A frame, or what it holds, is not what the other side may send."""


def encode_frame(kind: bytes, payload: bytes) -> bytes:
    if kind not in KINDS:
        raise ValueError(f"unknown frame kind {kind!r}")
    if len(payload) + 1 > MAX_FRAME:
        raise FrameError(f"a frame of {len(payload) + 1} bytes is over the {MAX_FRAME} budget")
    return (len(payload) + 1).to_bytes(HEADER, "big") + kind + payload


class FrameDecoder:
    """Splits a byte stream into (kind, payload) frames. After an error it stays failed: the
    stream cannot be resynchronised, so its sender must be restarted."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self._buffer = bytearray()
        self._failed: FrameError | None = None

    @property
    def pending(self) -> int:
        """Bytes held of a frame not yet complete."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[tuple[bytes, bytes]]:
        if self._failed is not None:
            raise self._failed
        self._buffer += data
        try:
            return self._split()
        except FrameError as e:
            self._failed = e
            self._buffer.clear()
            raise

    def _split(self) -> list[tuple[bytes, bytes]]:
        frames: list[tuple[bytes, bytes]] = []
        buffer = self._buffer
        at = 0
        while len(buffer) - at >= HEADER:
            size = int.from_bytes(buffer[at : at + HEADER], "big")
            if size < 1 or size > self.max_frame:
                raise FrameError(f"a frame length of {size} bytes (1 to {self.max_frame} allowed)")
            if len(buffer) - at - HEADER < size:
                break
            start = at + HEADER
            kind = bytes(buffer[start : start + 1])
            if kind not in KINDS:
                raise FrameError(f"an unknown frame kind {kind!r}")
            frames.append((kind, bytes(buffer[start + 1 : start + size])))
            at = start + size
        del buffer[:at]
        return frames


def encode_event(event: Observation, extra: Mapping[str, JSONValue]) -> bytes:
    """One EVENT frame: the observation's flat form, with ``extra`` added to its detail (which
    worker served it)."""
    flat = dict(event.flat)
    detail = flat.get("detail")
    flat["detail"] = {**(detail if isinstance(detail, dict) else {}), **extra}
    return encode_frame(EVENT, encode_json(flat).encode("utf-8"))


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique: with a key twice, a reader that keeps the first
    and one that keeps the last would see different events in the stored text."""
    out = dict(pairs)
    if len(out) != len(pairs):
        raise FrameError("an object with a key given twice")
    return out


def _no_constant(name: str) -> Any:
    raise FrameError(f"a non-finite number ({name})")


def _json(payload: bytes) -> tuple[Any, str]:
    try:
        text = payload.decode("utf-8")
        return (
            json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant),
            text,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise FrameError(f"not a JSON document ({type(e).__name__})") from None


def decode_event(payload: bytes) -> Observation:
    """The observation an EVENT frame carries; FrameError unless it is one a trap makes.

    The event keeps the worker's text as its JSON and the parsed document as its flat form,
    so the main process does not encode it again (``Event.json``, the store's row)."""
    doc, text = _json(payload)
    if not isinstance(doc, dict) or tuple(doc) != _EVENT_KEYS:
        raise FrameError(f"an event must be an object with the keys {', '.join(_EVENT_KEYS)}")
    event_id = _EVENT_IDS.get(doc["event_id"]) if isinstance(doc["event_id"], str) else None
    if event_id is None:
        raise FrameError(f"event id {str(doc['event_id'])[:64]!r} is not a trap observation")
    if doc["kind"] != "observation":
        raise FrameError("an event that is not an observation")
    when, source, detail = doc["time"], doc["source"], doc["detail"]
    if not isinstance(when, float) or not math.isfinite(when):
        raise FrameError("an event time that is not a finite number")
    if not isinstance(source, str) or len(source) > 64:
        raise FrameError("an event source that is not an address")
    if source not in _ADDRESSES:
        try:
            ipaddress.ip_address(source)
        except ValueError:
            raise FrameError(f"an event source that is not an address ({source!r})") from None
        if len(_ADDRESSES) >= _ADDRESSES_MAX:
            _ADDRESSES.clear()
        _ADDRESSES.add(source)
    if not isinstance(detail, dict):
        raise FrameError("an event detail that is not an object")
    event = Observation(event_id, when, source, detail)
    event.__dict__["_flat"] = doc
    event.__dict__["_json"] = text
    return event


@dataclass(frozen=True)
class HeldSocket:
    """One listening socket a worker adopts: the trap it serves and its descriptor there."""

    trap: str
    fd: int
    family: int


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to serve, sent once at its start (``SETUP``)."""

    index: int  # 1..workers
    workers: int
    config: Mapping[str, Any]  # the effective configuration (``configdump.effective``)
    source: str  # the configuration's path, as errors name it
    seed: bytes  # the traps' persona seed (derived from the identity, never the key itself)
    first_start: float
    caps: Mapping[str, int]  # each trap's connection cap in this worker
    sockets: tuple[HeldSocket, ...]

    def encode(self) -> bytes:
        doc = {
            "index": self.index,
            "workers": self.workers,
            "config": self.config,
            "source": self.source,
            "seed": self.seed.hex(),
            "first_start": self.first_start,
            "caps": dict(self.caps),
            "sockets": [[s.trap, s.fd, s.family] for s in self.sockets],
        }
        return encode_frame(SETUP, json.dumps(doc, separators=(",", ":")).encode("utf-8"))

    @classmethod
    def decode(cls, payload: bytes) -> WorkerSetup:
        try:  # from the main process: a configured ``inf`` is a number here
            doc = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            raise FrameError(f"a setup that is not JSON ({type(e).__name__})") from None
        try:
            sockets = tuple(HeldSocket(str(t), int(fd), int(fam)) for t, fd, fam in doc["sockets"])
            setup = cls(
                index=int(doc["index"]),
                workers=int(doc["workers"]),
                config=dict(doc["config"]),
                source=str(doc["source"]),
                seed=bytes.fromhex(doc["seed"]),
                first_start=float(doc["first_start"]),
                caps={str(k): int(v) for k, v in dict(doc["caps"]).items()},
                sockets=sockets,
            )
        except (KeyError, TypeError, ValueError) as e:
            raise FrameError(f"a setup without what a worker needs ({e})") from None
        if not 1 <= setup.index <= setup.workers:
            raise FrameError(f"worker {setup.index} of {setup.workers}")
        return setup


def encode_stats(refused: Mapping[str, int]) -> bytes:
    """A STATS frame: each trap's connections refused in this worker so far."""
    return encode_frame(STATS, encode_json({"refused": dict(refused)}).encode("utf-8"))


def decode_stats(payload: bytes) -> dict[str, int]:
    doc, _ = _json(payload)
    refused = doc.get("refused") if isinstance(doc, dict) else None
    if not isinstance(refused, dict) or len(refused) > 4096:
        raise FrameError("stats without a refused table")
    out: dict[str, int] = {}
    for name, count in refused.items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise FrameError(f"a refused count that is not a count ({name[:64]!r})")
        out[name] = count
    return out
