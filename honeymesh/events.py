"""The event catalogue, the three kinds of fact-and-opinion, and the bus that carries them.

An ``Observation`` is a fact ("10.0.0.5 sent 212 bytes to the banner trap on port 2323").
A ``Verdict`` is a detector's opinion with a score and reasons. A ``Decision`` is policy's answer.
``Notice`` covers what the appliance says about itself (started, listener up, store migrated).
Each carries an ``EventId`` from the frozen catalogue below; ``docs/EVENTS.md`` documents every
id, and the dashboard feed, the JSON log and the SQLite events table all use the same ids.
"""

from __future__ import annotations

import codecs
import enum
import itertools
import json
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

import orjson
from twisted.logger import Logger

JSONValue = str | int | float | bool | None | list[Any] | dict[str, Any]


class EventId(enum.StrEnum):
    """Every event id HoneyMesh emits. Append only: ids are a public interface."""

    # The appliance itself
    NODE_STARTED = "node.started"
    NODE_STOPPING = "node.stopping"
    LISTENER_UP = "listener.up"
    LISTENER_FAILED = "listener.failed"
    STORE_MIGRATED = "store.migrated"
    STORE_RETENTION = "store.retention"
    STORE_DEGRADED = "store.degraded"
    STORE_RECOVERED = "store.recovered"
    KERNEL_STATE = "kernel.state"
    # Observations from traps
    TRAP_SESSION = "trap.session"
    # Operator actions through the API or CLI
    API_AUTH_FAILED = "api.auth_failed"
    # Peer trust (BTL)
    TRUST_DECISION = "trust.decision"
    TRUST_LEVEL_CHANGED = "trust.level_changed"
    TRUST_PENALTY = "trust.penalty"
    TRUST_DESIGNATED = "trust.designated"
    TRUST_RESTORED = "trust.restored"
    # Licensing
    LICENSE_STATE = "license.state"
    LICENSE_CLOCK = "license.clock"
    # Bans, allows and modes (enforcement)
    BAN_ADDED = "ban.added"
    BAN_REMOVED = "ban.removed"
    BAN_EXPIRED = "ban.expired"
    BAN_MAP_FULL = "ban.map_full"
    BAN_ENFORCE_FAILED = "ban.enforce_failed"
    BANS_RESTORED = "bans.restored"
    ALLOW_ADDED = "allow.added"
    ALLOW_REMOVED = "allow.removed"
    MODE_CHANGED = "mode.changed"
    # Policy
    POLICY_DECISION = "policy.decision"
    # Detection: what traps learn as they go, and detectors' verdicts
    TRAP_CREDENTIAL = "trap.credential"
    TRAP_COMMAND = "trap.command"
    TRAP_REQUEST = "trap.request"
    TLS_CLIENT_HELLO = "tls.client_hello"
    SCAN_VERDICT = "scan.verdict"
    TRAP_VERDICT = "trap.verdict"
    PAYLOAD_VERDICT = "payload.verdict"
    FINGERPRINT_VERDICT = "fingerprint.verdict"
    # The mesh
    MESH_PEER_UP = "mesh.peer_up"
    MESH_PEER_DOWN = "mesh.peer_down"
    MESH_PEER_STATE = "mesh.peer_state"
    MESH_REFUSED = "mesh.refused"
    MESH_MEMBERSHIP = "mesh.membership"
    MESH_JOIN = "mesh.join"
    MESH_TOKEN = "mesh.token"  # noqa: S105 - an event id, not a secret
    MESH_SIGNAL = "mesh.signal"
    MESH_SIGNAL_REFUSED = "mesh.signal_refused"


class Kind(enum.StrEnum):
    OBSERVATION = "observation"
    VERDICT = "verdict"
    DECISION = "decision"
    NOTICE = "notice"


#: The ids published as observations and as verdicts (docs/EVENTS.md's kind column; the
#: tests hold the two together): what a subscriber asks for when it wants one kind only.
OBSERVATIONS = frozenset(
    {
        EventId.TRAP_SESSION,
        EventId.TRAP_CREDENTIAL,
        EventId.TRAP_COMMAND,
        EventId.TRAP_REQUEST,
        EventId.TLS_CLIENT_HELLO,
    }
)
VERDICTS = frozenset(
    {
        EventId.SCAN_VERDICT,
        EventId.TRAP_VERDICT,
        EventId.PAYLOAD_VERDICT,
        EventId.FINGERPRINT_VERDICT,
    }
)


class Flattened:
    """An event's flat form and its JSON, each computed once per event.

    The store, the JSON log and the live feed each need the event as JSON; computed by each,
    a trap session was flattened and encoded three times over (one ``json`` encode was the
    largest single cost of publishing it). The first consumer computes them, the others
    reuse them: ``flat`` must not be changed (copy it to add to it), and ``json`` is
    ``event_fields`` encoded compactly (``encode_json``), so the store's row, the JSON log's
    line and the feed's entry carry the same text.
    """

    # Cached in the instance's __dict__ by hand: functools.cached_property takes a lock on
    # every first access (Python 3.11), which showed in the profile; events live in the
    # reactor thread.

    @property
    def flat(self) -> dict[str, JSONValue]:
        cached: dict[str, JSONValue] | None = self.__dict__.get("_flat")
        if cached is None:
            cached = self.__dict__["_flat"] = event_fields(cast(Event, self))
        return cached

    @property
    def json(self) -> str:
        cached: str | None = self.__dict__.get("_json")
        if cached is None:
            cached = self.__dict__["_json"] = encode_json(self.flat)
        return cached


_ENCODER = json.JSONEncoder(separators=(",", ":"), default=str)  # stateless, safe to share
# Types orjson would write its own way, handed to ``default`` (str) as the json module does.
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def encode_json(value: object) -> str:
    """Compact JSON in ASCII, byte for byte what ``json.dumps`` writes with
    ``separators=(",", ":")`` and ``default=str`` (non-ASCII and DEL as ``\\u`` escapes):
    the text of every event's row, log line and feed entry.

    orjson writes it when it can, eight times faster than the json module (a redis session's
    event 0.47 us against 3.77; ``json.encoder.iterencode`` was the largest single cost of
    publishing an event, and an HTTP session fell from 480 to 370 us of the appliance's CPU
    with this, docs/BENCHMARKS.md). orjson writes UTF-8 and DEL as they are, and refuses a lone
    surrogate, an integer past 64 bits or a key that is not a string; such values the json
    module writes. What orjson writes as UTF-8 is escaped afterwards, as the json module
    would have, so a consumer sees attacker text escaped one way whichever wrote it.
    The two differ only where a float has an exponent (``1e16`` for ``1e+16``) and for NaN
    and infinities (orjson's ``null`` is the valid JSON of the two); ``tests/test_events.py``
    holds them to the same text and values.
    """
    try:
        out = orjson.dumps(value, default=str, option=_ORJSON_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError is one
        return _ENCODER.encode(value)
    if out.isascii() and 0x7F not in out:
        return out.decode("ascii")
    # What orjson writes as it is and the json module escapes: DEL and every character past
    # ASCII (only ever inside strings). Escaped here, each run of them by the json module's own
    # function (codecs calls _json_escapes for each run); DEL, being ASCII, afterwards.
    text = out.decode("utf-8").encode("ascii", _JSON_ESCAPES)
    return (text.replace(b"\x7f", b"\\u007f") if 0x7F in text else text).decode("ascii")


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """A run of characters past ASCII as the json module writes it: ``\\uXXXX`` per UTF-16
    unit, lower-case, astral characters as surrogate pairs (its escaping function quotes
    them as well: ``[1:-1]``). A MySQL session's record with a binary preview (one in two:
    the login's random scramble) costs 43,000 instructions encoded by orjson and escaped here,
    70,000 encoded again by the json module, 13,500 with an ASCII preview (callgrind)."""
    assert isinstance(error, UnicodeEncodeError)
    return _ESCAPE_ASCII(error.object[error.start : error.end])[1:-1], error.end


_ESCAPE_ASCII = json.encoder.encode_basestring_ascii
_JSON_ESCAPES = "honeymesh.json"
codecs.register_error(_JSON_ESCAPES, _json_escapes)


@dataclass(frozen=True, init=False)
class Observation(Flattened):
    """A fact about a source address, as a trap or the kernel saw it."""

    event_id: EventId
    time: float
    source: str
    detail: Mapping[str, JSONValue] = field(default_factory=dict)
    kind: Literal[Kind.OBSERVATION] = Kind.OBSERVATION

    def __init__(
        self,
        event_id: EventId,
        time: float,
        source: str,
        detail: Mapping[str, JSONValue] | None = None,
        kind: Literal[Kind.OBSERVATION] = Kind.OBSERVATION,
    ) -> None:
        """As the generated one, the fields written straight to ``__dict__``: a trap session
        makes two or more, and the frozen dataclass's five ``object.__setattr__`` calls were
        7,700 instructions of each (callgrind). ``dataclasses.replace`` still fits it."""
        fields = self.__dict__
        fields["event_id"] = event_id
        fields["time"] = time
        fields["source"] = source
        fields["detail"] = {} if detail is None else detail
        fields["kind"] = kind


@dataclass(frozen=True)
class Verdict(Flattened):
    """A detector's opinion of a source: a score in [0, 100] and the reasons for it."""

    event_id: EventId
    time: float
    source: str
    detector: str
    score: float
    reasons: tuple[str, ...]
    evidence: Mapping[str, JSONValue] = field(default_factory=dict)
    kind: Literal[Kind.VERDICT] = Kind.VERDICT


@dataclass(frozen=True)
class Decision(Flattened):
    """Policy's answer: ban for ``duration`` seconds (None: permanent), allow, or observe."""

    event_id: EventId
    time: float
    source: str
    action: Literal["ban", "allow", "observe"]
    duration: float | None
    reasons: tuple[str, ...]
    mode: str
    evidence: Mapping[str, JSONValue] = field(default_factory=dict)
    kind: Literal[Kind.DECISION] = Kind.DECISION


@dataclass(frozen=True)
class Notice(Flattened):
    """Something the appliance says about itself."""

    event_id: EventId
    time: float
    detail: Mapping[str, JSONValue] = field(default_factory=dict)
    source: str | None = None
    kind: Literal[Kind.NOTICE] = Kind.NOTICE


Event = Observation | Verdict | Decision | Notice


def event_fields(event: Event) -> dict[str, JSONValue]:
    """The event as one flat JSON-ready dict; the shape used by the log, the store and the feed."""
    out: dict[str, JSONValue] = {
        "event_id": str(event.event_id),
        "kind": str(event.kind),
        "time": event.time,
        "source": event.source,
    }
    match event:
        case Observation(detail=detail) | Notice(detail=detail):
            out["detail"] = dict(detail)
        case Verdict():
            out.update(
                detector=event.detector,
                score=event.score,
                reasons=list(event.reasons),
                evidence=dict(event.evidence),
            )
        case Decision():
            out.update(
                action=event.action,
                duration=event.duration,
                reasons=list(event.reasons),
                mode=event.mode,
                evidence=dict(event.evidence),
            )
    return out


Subscriber = Callable[[Event], object]


class EventBus:
    """Fans each event out to every subscriber that wants its id, in order of subscription, one
    event at a time.

    An event published while another is being delivered (a subscriber publishing from inside its
    callback) is queued and delivered once the current one has reached every subscriber: each
    subscriber sees events in the order they were published, causes before effects.
    A subscriber that raises is logged and skipped; the others and the publisher carry on.
    Only catalogued ids pass: publishing anything else is a programming error.
    """

    _log = Logger()

    def __init__(self) -> None:
        self._subscribers: list[tuple[int, Subscriber, frozenset[EventId] | None]] = []
        # Who gets each id, in order of subscription: rebuilt on (un)subscribe, never changed
        # in place, so a delivery goes on over the subscribers it began with.
        self._routes: dict[EventId, tuple[Subscriber, ...]] = {}
        self._tokens = itertools.count()
        self._pending: deque[Event] = deque()
        self._delivering = False
        self.published = 0
        self.subscriber_errors = 0
        self._route()

    def subscribe(
        self, subscriber: Subscriber, ids: Iterable[EventId] | None = None
    ) -> Callable[[], None]:
        """Add a subscriber for every event, or only for those whose id is in ``ids``;
        returns a function that removes it again.

        A subscriber that wants a few ids says which: the bus never calls it for the others.
        Called for every event, the mesh, the outputs, the console log and trust each looked
        and returned at once, four calls for nothing on each of a trap session's events."""
        token = next(self._tokens)
        self._subscribers.append((token, subscriber, None if ids is None else frozenset(ids)))
        self._route()

        def unsubscribe() -> None:
            self._subscribers = [entry for entry in self._subscribers if entry[0] != token]
            self._route()

        return unsubscribe

    def _route(self) -> None:
        self._routes = {
            event_id: tuple(s for _, s, ids in self._subscribers if ids is None or event_id in ids)
            for event_id in EventId
        }

    def publish(self, event: Event) -> None:
        """Deliver ``event`` to every subscriber; from inside a delivery, queue it behind."""
        if not isinstance(event.event_id, EventId):
            raise TypeError(f"event id {event.event_id!r} is not in the catalogue")
        self.published += 1
        self._pending.append(event)
        if self._delivering:
            return
        self._delivering = True
        try:
            while self._pending:
                self._deliver(self._pending.popleft())
        finally:
            self._delivering = False

    def _deliver(self, event: Event) -> None:
        for subscriber in self._routes[event.event_id]:
            try:
                subscriber(event)
            except Exception:
                self.subscriber_errors += 1
                self._log.failure(
                    "event subscriber {subscriber!r} failed on {failed_event_id}",
                    subscriber=subscriber,
                    failed_event_id=str(event.event_id),
                )
