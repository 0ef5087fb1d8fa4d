"""A read-only TAXII 2.1 server's answers, sans-IO: what this node knows, as a collection.

TAXII 2.1 (OASIS, 2021) is how MISP, OpenCTI and other tools pull STIX from a source. HoneyMesh
serves one API root with one collection (``COLLECTION_ID``) holding every ban (an Indicator;
a lifted one as its revoked version), every allow (a benign Indicator), the mesh Sightings and
what they refer to (the node's Identity, the TLP 2.0 marking definitions, the fingerprint
extension), exactly as ``honeymesh export --format stix`` writes them (``intel.stix``).

This module turns a list of ``Entry`` (one object version and when it was added) and a
request's query into the TAXII answer: discovery, API root, collections, objects (the
envelope), the manifest, one object, its versions. Paging follows the specification: results in
``date_added`` order, ``limit`` per page (at most ``MAX_PAGE``), ``more`` and an opaque
``next`` (the last entry's position: stateless, stable while objects are added), and the
``X-TAXII-Date-Added-First/Last`` headers; ``added_after`` and ``match[id|type|version]``
filter. A bad query is a ``TaxiiError`` with the status and the TAXII error message body.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from honeymesh.enforcement.bans import AllowRule, Ban
from honeymesh.intel.stix import StixSettings, allow_indicator_id, ban_indicator_id
from honeymesh.intel.stix import objects as stix_objects

MEDIA_TAXII = "application/taxii+json;version=2.1"
MEDIA_STIX = "application/stix+json;version=2.1"
COLLECTION_ID = "4c1b1a4e-8f0e-5d7e-9a54-2f4a6b7f3c10"  # fixed: consumers keep their cursor
API_ROOT = "honeymesh"
MAX_PAGE = 1000
DEFAULT_PAGE = 100


class TaxiiError(Exception):
    """A request TAXII answers with an error message (section 3.6.1)."""

    def __init__(self, status: int, title: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.title = title
        self.description = description

    def body(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "http_status": str(self.status),
        }


@dataclass(frozen=True)
class Entry:
    """One version of one STIX object in the collection."""

    added: float  # date_added, seconds since the epoch, in whole microseconds (below)
    object: Mapping[str, Any]  # the STIX object, as JSON

    def __post_init__(self) -> None:
        # What TAXII can say of it (six decimals): a client that sends an entry's own
        # date_added back as added_after must then find it equal, not a rounding above it.
        object.__setattr__(self, "added", parse_timestamp(timestamp(self.added)))

    @property
    def id(self) -> str:
        return str(self.object["id"])

    @property
    def type(self) -> str:
        return str(self.object["type"])

    @property
    def version(self) -> str:
        return str(self.object.get("modified") or self.object.get("created") or "")


def timestamp(seconds: float) -> str:
    """A TAXII timestamp: RFC 3339, UTC, microseconds (``2026-12-06T03:20:00.123456Z``)."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_timestamp(text: str) -> float:
    """Seconds since the epoch of a TAXII/STIX timestamp; TaxiiError(400) if it is not one."""
    value = text.strip()
    if not value.endswith("Z") or len(value) > 40:
        raise TaxiiError(400, "Bad timestamp", f"not an RFC 3339 UTC timestamp: {text[:40]!r}")
    head, _, frac = value[:-1].partition(".")
    try:
        when = datetime.strptime(head, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        raise TaxiiError(
            400, "Bad timestamp", f"not an RFC 3339 timestamp: {text[:40]!r}"
        ) from None
    if frac and not (frac.isascii() and frac.isdigit() and len(frac) <= 9):
        raise TaxiiError(400, "Bad timestamp", f"bad fraction of a second: {text[:40]!r}")
    return when.timestamp() + (int(frac[:6].ljust(6, "0")) / 1e6 if frac else 0.0)


def discovery(title: str, root_url: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": "This HoneyMesh node's bans and allows as STIX 2.1 Indicators",
        "default": root_url,
        "api_roots": [root_url],
    }


def api_root(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": "Read-only: one collection of this node's intelligence",
        "versions": [MEDIA_TAXII],
        "max_content_length": 0,  # nothing may be posted
    }


def collection(title: str) -> dict[str, Any]:
    return {
        "id": COLLECTION_ID,
        "title": title,
        "description": "Bans (malicious-activity Indicators, revoked when lifted), allows "
        "(benign Indicators) and mesh corroborations (Sightings)",
        "can_read": True,
        "can_write": False,
        "media_types": [MEDIA_STIX],
    }


@dataclass(frozen=True)
class Query:
    """The filters and paging of an objects, manifest or versions request."""

    added_after: float | None = None
    limit: int = DEFAULT_PAGE
    after: tuple[float, str, str] | None = None  # from ``next``
    ids: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    versions: frozenset[str] = frozenset({"last"})
    spec_versions: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, args: Mapping[str, Sequence[str]]) -> Query:
        """From the request's query arguments (each may repeat, values comma-separated)."""

        def values(name: str) -> frozenset[str]:
            return frozenset(v.strip() for raw in args.get(name, ()) for v in raw.split(",") if v)

        added_after = None
        if args.get("added_after"):
            added_after = parse_timestamp(args["added_after"][0])
        limit = DEFAULT_PAGE
        if args.get("limit"):
            raw = args["limit"][0]
            if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
                raise TaxiiError(400, "Bad limit", "limit must be a positive integer")
            limit = min(int(raw), MAX_PAGE)
        after = _decode_next(args["next"][0]) if args.get("next") else None
        versions = values("match[version]") or frozenset({"last"})
        for v in versions - {"all", "first", "last"}:
            parse_timestamp(v)
        return cls(
            added_after=added_after,
            limit=limit,
            after=after,
            ids=values("match[id]"),
            types=values("match[type]"),
            versions=versions,
            spec_versions=values("match[spec_version]"),
        )


def _key(entry: Entry) -> tuple[float, str, str]:
    return (entry.added, entry.id, entry.version)


def _encode_next(entry: Entry) -> str:
    raw = f"{entry.added!r}|{entry.id}|{entry.version}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _decode_next(token: str) -> tuple[float, str, str]:
    try:
        added, oid, version = base64.urlsafe_b64decode(token.encode("ascii")).decode().split("|")
        return (float(added), oid, version)
    except (ValueError, binascii.Error, UnicodeError):
        raise TaxiiError(400, "Bad next", "next is not a value this server gave") from None


def select(entries: Sequence[Entry], query: Query) -> list[Entry]:
    """The entries the filters keep, in ``date_added`` order (all pages)."""
    kept = [
        e
        for e in entries
        if (query.added_after is None or e.added > query.added_after)
        and (not query.ids or e.id in query.ids)
        and (not query.types or e.type in query.types)
        and (not query.spec_versions or str(e.object.get("spec_version")) in query.spec_versions)
    ]
    kept.sort(key=_key)
    if query.versions != {"all"}:
        by_id: dict[str, list[Entry]] = {}
        for e in kept:
            by_id.setdefault(e.id, []).append(e)
        chosen: set[tuple[float, str, str]] = set()
        for versions in by_id.values():
            ordered = sorted(versions, key=lambda e: e.version)
            if "all" in query.versions:
                chosen.update(_key(e) for e in ordered)
                continue
            if "first" in query.versions:
                chosen.add(_key(ordered[0]))
            if "last" in query.versions:
                chosen.add(_key(ordered[-1]))
            chosen.update(_key(e) for e in ordered if e.version in query.versions)
        kept = [e for e in kept if _key(e) in chosen]
    return kept


def page(entries: Sequence[Entry], query: Query) -> tuple[list[Entry], bool, dict[str, str]]:
    """One page of ``select``: the entries, whether more follow, and the date headers."""
    kept = select(entries, query)
    if query.after is not None:
        kept = [e for e in kept if _key(e) > query.after]
    shown = kept[: query.limit]
    headers = {}
    if shown:
        headers["X-TAXII-Date-Added-First"] = timestamp(shown[0].added)
        headers["X-TAXII-Date-Added-Last"] = timestamp(shown[-1].added)
    return shown, len(kept) > len(shown), headers


def envelope(entries: Sequence[Entry], query: Query) -> tuple[dict[str, Any], dict[str, str]]:
    """The answer to Get Objects (and Get Object): an envelope and its headers."""
    shown, more, headers = page(entries, query)
    body: dict[str, Any] = {"more": more}
    if more:
        body["next"] = _encode_next(shown[-1])
    if shown:
        body["objects"] = [dict(e.object) for e in shown]
    return body, headers


def manifest(entries: Sequence[Entry], query: Query) -> tuple[dict[str, Any], dict[str, str]]:
    shown, more, headers = page(entries, query)
    body: dict[str, Any] = {"more": more}
    if more:
        body["next"] = _encode_next(shown[-1])
    if shown:
        body["objects"] = [
            {"id": e.id, "date_added": timestamp(e.added), "version": e.version,
             "media_type": MEDIA_STIX}
            for e in shown
        ]  # fmt: skip
    return body, headers


def versions(
    entries: Sequence[Entry], object_id: str, query: Query
) -> tuple[dict[str, Any], dict[str, str]]:
    every = Query(added_after=query.added_after, limit=query.limit, after=query.after,
                  ids=frozenset({object_id}), versions=frozenset({"all"}))  # fmt: skip
    shown, more, headers = page(entries, every)
    if not shown and query.after is None:
        raise TaxiiError(404, "Not found", f"no object {object_id[:100]} in this collection")
    body: dict[str, Any] = {"more": more, "versions": [e.version for e in shown]}
    if more:
        body["next"] = _encode_next(shown[-1])
    return body, headers


def collection_entries(
    bans: Sequence[Ban], allows: Sequence[AllowRule], settings: StixSettings
) -> list[Entry]:
    """The collection's objects, as ``honeymesh export --format stix`` makes them, each dated:
    a ban's Indicator when it was made or, lifted, when it was lifted (its revoked version);
    a Sighting when the peer reported it; what they refer to (the node's Identity, markings,
    the extension) with the earliest of what refers to it."""
    made = stix_objects(bans, allows, settings)
    when: dict[str, float] = {}
    for ban in bans:
        changed = ban.lifted if ban.lifted is not None else ban.created
        when[ban_indicator_id(ban, settings)] = changed
    for rule in allows:
        when[allow_indicator_id(rule, settings)] = rule.created or 0.0
    out: list[Entry] = []
    referenced: dict[str, float] = {}
    for obj in made:
        data = json.loads(obj.serialize())
        added = when.get(data["id"])
        if added is None and data["type"] == "sighting":
            added = parse_timestamp(data["created"])
        if added is None:
            continue  # a referenced object: dated below
        out.append(Entry(added, data))
        for ref in _refs(data):
            referenced[ref] = min(referenced.get(ref, added), added)
    for obj in made:
        data = json.loads(obj.serialize())
        if data["id"] in referenced and data["id"] not in when and data["type"] != "sighting":
            out.append(Entry(referenced[data["id"]], data))
    return out


def _refs(data: Mapping[str, Any]) -> list[str]:
    refs = [data.get("created_by_ref"), data.get("sighting_of_ref")]
    refs += list(data.get("where_sighted_refs") or ())
    refs += list(data.get("object_marking_refs") or ())
    refs += [k for k in (data.get("extensions") or {}) if k.startswith("extension-definition--")]
    return [r for r in refs if isinstance(r, str)]
