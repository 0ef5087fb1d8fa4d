"""This node's bans and allows as STIX 2.1, so that MISP, OpenCTI and any TAXII client can use them.

Built with the OASIS ``stix2`` library, which checks every object as it is made. The mapping:

* **A ban** is an Indicator (``indicator_types: malicious-activity``) whose pattern names the
  address or range (``[ipv4-addr:value = '198.51.100.7']``, CIDR for ranges), valid from the
  ban's creation until its expiry (no ``valid_until``: permanent). A lifted ban is the same
  Indicator, revoked.
* **An allow** is an Indicator with ``indicator_types: benign``.
* **Confidence** (0-100) comes from what decided the ban: an operator's ban is 100, a local
  detection's is its verdict score, a mesh ban's the publisher's trust score when it was
  applied (the trust decision).
* **Corroborations**: a mesh ban's publisher and every peer that corroborated it are Sightings
  of the Indicator, each ``where_sighted_refs`` the peer's Identity.
* **Markings**: TLP 2.0 (the official marking definitions), chosen per classification level
  (L1-L4); ``StixSettings.tlp`` overrides the default table. A ban learned from the mesh
  carries its signal's level; this node's own bans the level it shares at (``[sharing] level``).
* **Fingerprints**: JA4 and JA3 go in a property extension that this module defines
  (``ExtensionDefinition`` "honeymesh-tls-fingerprints", schema in ``docs/STIX.md``).

Ids are derived from the node id and the row id (``_id``), so exporting twice gives the same
objects and a consumer updates instead of duplicating.

``stix2`` is imported by each function that builds objects, on first use: with what it pulls in
(requests, taxii2client, an ANTLR pattern parser) it is about 13 MB of the daemon's memory,
which a node nobody asks for STIX or TAXII never needs (``bench/daemon.py``, idle RSS).
"""

from __future__ import annotations

import ipaddress
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from honeymesh.enforcement.bans import AllowRule, Ban
from honeymesh.net import Network

if TYPE_CHECKING:
    import stix2

LEVELS = ("L1", "L2", "L3", "L4")
TLP_NAMES = ("clear", "green", "amber", "amber+strict", "red")
DEFAULT_TLP = {"L1": "clear", "L2": "green", "L3": "amber", "L4": "amber+strict"}

# The TLP 2.0 marking definitions as OASIS publishes them: consumers recognise them by id.
TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_IDS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
_TLP2_CREATED = datetime(2022, 10, 1, tzinfo=UTC)

# Our own namespace for object ids, and the fingerprint extension's fixed id.
NAMESPACE = uuid.UUID("5b1e7c7e-3f1d-5d43-9a55-6e0c0f6f2a11")
FINGERPRINT_EXTENSION = "extension-definition--0f3c6a52-4f4b-4e8e-9d59-7d3f2b6c1a90"
FINGERPRINT_SCHEMA = "docs/STIX.md#tls-fingerprint-extension (HoneyMesh documentation)"


class StixError(ValueError):
    """The export settings are wrong (an unknown TLP name or level)."""


@dataclass(frozen=True)
class StixSettings:
    """What the export needs besides the rows: whose they are and how to mark them."""

    node_id: str
    node_name: str
    own_level: str = "L1"  # the level this node shares its own bans at
    tlp: Mapping[str, str] | None = None  # level -> TLP name; DEFAULT_TLP when None

    def tlp_for(self, level: str) -> str:
        table = dict(DEFAULT_TLP if self.tlp is None else self.tlp)
        if level not in LEVELS:
            raise StixError(f"classification level must be one of {', '.join(LEVELS)}")
        name = table.get(level, DEFAULT_TLP[level])
        if name not in TLP_NAMES:
            raise StixError(f"TLP for {level} must be one of {', '.join(TLP_NAMES)}, got {name!r}")
        return name


def tlp_marking(name: str) -> stix2.MarkingDefinition:
    """The official TLP 2.0 marking definition for ``name``."""
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    if name not in TLP2_IDS:
        raise StixError(f"TLP must be one of {', '.join(TLP_NAMES)}, got {name!r}")
    return stix2.MarkingDefinition(
        id=TLP2_IDS[name],
        created=_TLP2_CREATED,
        name=f"TLP:{name.upper()}",
        extensions={TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": name}},
    )


def _id(kind: str, *parts: object) -> str:
    """A stable id: the UUIDv5 of ``parts``, with the version bits of a UUIDv4 as STIX 2.1
    asks of domain objects (consumers treat it as opaque; only stability matters to them)."""
    digest = uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)).bytes
    return f"{kind}--{uuid.UUID(bytes=digest, version=4)}"


def _time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def pattern(network: Network) -> str:
    """The STIX pattern for an address or range (CIDR is allowed in ``*-addr:value``)."""
    kind = "ipv4-addr" if isinstance(network, ipaddress.IPv4Network) else "ipv6-addr"
    single = network.num_addresses == 1
    value = str(network.network_address) if single else str(network)
    return f"[{kind}:value = '{value}']"


def node_identity(node_id: str, name: str) -> stix2.Identity:
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    return stix2.Identity(
        id=_id("identity", "node", node_id),
        created=_time(0),
        modified=_time(0),
        name=name,
        identity_class="system",
        description=f"HoneyMesh node {node_id}",
    )


def fingerprint_extension(created_by: str) -> stix2.ExtensionDefinition:
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    return stix2.ExtensionDefinition(
        id=FINGERPRINT_EXTENSION,
        created_by_ref=created_by,
        created=_time(0),
        modified=_time(0),
        name="honeymesh-tls-fingerprints",
        description="TLS client fingerprints (JA4 first, JA3 legacy) seen from the indicator",
        schema=FINGERPRINT_SCHEMA,
        version="1.0",
        extension_types=["property-extension"],
    )


def _flat(mapping: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    inner = mapping.get("verdict_evidence")
    if isinstance(inner, Mapping):
        out.update(inner)
    out.update({k: v for k, v in mapping.items() if k != "verdict_evidence"})
    return out


def _score(value: object) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return max(0, min(100, round(value)))
    return None


def confidence(ban: Ban) -> int:
    """0-100: an operator's ban 100, a detection's verdict score, a mesh ban its trust score."""
    if ban.source == "operator":
        return 100
    if ban.source == "mesh":
        return _score(ban.provenance.get("score")) or 0
    return _score(_flat(ban.evidence).get("score")) or 0


def _level(ban: Ban, settings: StixSettings) -> str:
    if ban.source == "mesh":
        level = ban.provenance.get("classification")
        if isinstance(level, str) and level in LEVELS:
            return level
    return settings.own_level


def _fingerprints(ban: Ban) -> dict[str, Any]:
    seen = {**_flat(ban.provenance), **_flat(ban.evidence)}
    found = {k: seen[k] for k in ("ja4", "ja3") if isinstance(seen.get(k), str) and seen[k]}
    if not found:
        return {}
    return {FINGERPRINT_EXTENSION: {"extension_type": "property-extension", **found}}


def ban_objects(ban: Ban, settings: StixSettings, creator: str) -> list[Any]:
    """The Indicator for one ban, and a Sighting per mesh peer that reported it."""
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    marking = TLP2_IDS[settings.tlp_for(_level(ban, settings))]
    created = _time(ban.created)
    modified = _time(ban.lifted) if ban.lifted is not None and ban.lifted > ban.created else created
    extra: dict[str, Any] = {}
    if ban.expires is not None and ban.expires > ban.created:
        extra["valid_until"] = _time(ban.expires)
    extensions = _fingerprints(ban)
    if extensions:
        extra["extensions"] = extensions
    indicator = stix2.Indicator(
        id=ban_indicator_id(ban, settings),
        created_by_ref=creator,
        created=created,
        modified=modified,
        name=f"banned {ban.network}",
        description="; ".join(ban.reasons)[:1000],
        indicator_types=["malicious-activity"],
        pattern=pattern(ban.network),
        pattern_type="stix",
        valid_from=created,
        confidence=confidence(ban),
        labels=[f"honeymesh-{ban.source}"],
        revoked=ban.lifted is not None,
        object_marking_refs=[marking],
        **extra,
    )
    objects: list[Any] = [indicator]
    if ban.source == "mesh":
        objects.extend(_sightings(ban, indicator, settings, creator, marking))
    return objects


def _sightings(
    ban: Ban, indicator: stix2.Indicator, settings: StixSettings, creator: str, marking: str
) -> Iterable[Any]:
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    reporters: dict[str, float] = {}
    publisher = ban.provenance.get("peer")
    if isinstance(publisher, str) and publisher:
        reporters[publisher] = ban.created
    corroborators = ban.provenance.get("corroborators")
    for c in corroborators if isinstance(corroborators, list) else ():
        if isinstance(c, Mapping) and isinstance(c.get("peer"), str):
            received = c.get("received")
            when = float(received) if isinstance(received, int | float) else ban.created
            reporters.setdefault(c["peer"], when)
    for peer, when in sorted(reporters.items()):
        identity = node_identity(peer, f"mesh peer {peer[:16]}")
        yield identity
        yield stix2.Sighting(
            id=_id("sighting", settings.node_id, "ban", ban.id, peer),
            created_by_ref=creator,
            created=_time(when),
            modified=_time(when),
            sighting_of_ref=indicator.id,
            where_sighted_refs=[identity.id],
            first_seen=_time(when),
            count=1,
            object_marking_refs=[marking],
        )


def ban_indicator_id(ban: Ban, settings: StixSettings) -> str:
    return _id("indicator", settings.node_id, "ban", ban.id)


def allow_indicator_id(rule: AllowRule, settings: StixSettings) -> str:
    key = rule.id if rule.id is not None else f"builtin:{rule.network}"
    return _id("indicator", settings.node_id, "allow", key)


def allow_objects(rule: AllowRule, settings: StixSettings, creator: str) -> list[Any]:
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    created = _time(rule.created or 0)
    return [
        stix2.Indicator(
            id=allow_indicator_id(rule, settings),
            created_by_ref=creator,
            created=created,
            modified=created,
            name=f"allowed {rule.network}",
            description=rule.reason[:1000],
            indicator_types=["benign"],
            pattern=pattern(rule.network),
            pattern_type="stix",
            valid_from=created,
            confidence=100,
            labels=[f"honeymesh-allow-{rule.origin}"],
            object_marking_refs=[TLP2_IDS[settings.tlp_for(settings.own_level)]],
        )
    ]


def objects(bans: Sequence[Ban], allows: Sequence[AllowRule], settings: StixSettings) -> list[Any]:
    """Every object of an export, each referenced object (identities, markings, the
    extension) once and before what refers to it."""
    me = node_identity(settings.node_id, settings.node_name)
    body: list[Any] = []
    for ban in bans:
        body.extend(ban_objects(ban, settings, me.id))
    for rule in allows:
        body.extend(allow_objects(rule, settings, me.id))
    used = {m for o in body for m in getattr(o, "object_marking_refs", ()) or ()}
    head: list[Any] = [me]
    head += [tlp_marking(name) for name, mid in TLP2_IDS.items() if mid in used]
    if any("extensions" in o and FINGERPRINT_EXTENSION in o["extensions"] for o in body):
        head.append(fingerprint_extension(me.id))
    seen: set[str] = {o.id for o in head}
    unique = []
    for o in body:
        if o.id not in seen:
            seen.add(o.id)
            unique.append(o)
    return head + unique


def bundle(bans: Sequence[Ban], allows: Sequence[AllowRule], settings: StixSettings) -> str:
    """A STIX 2.1 bundle as JSON text."""
    import stix2  # noqa: PLC0415 - on first use (module docstring)

    result = stix2.Bundle(objects=objects(bans, allows, settings))
    return str(result.serialize(pretty=False))
