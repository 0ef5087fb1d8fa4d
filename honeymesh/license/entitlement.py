"""What this node is entitled to now: the license file and the clock in, a tier and a reason out.

``load_license`` reads and verifies the license file (the only I/O here; the result does not
change with time). ``evaluate`` is pure: it combines that with a reading of ``license.clock`` and
the wall-clock time, and returns an ``Entitlement`` (tier, features, expiry, and the one reason
for the tier) plus the clock judgement, which may ask for a new mark to be recorded.

Anything short of a verified Pro license in force, on a sane clock, is Community: local protection
keeps working, and ``refusal``/``reason`` say exactly why Pro is not on.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from honeymesh.events import JSONValue
from honeymesh.license.clock import ClockFault, ClockJudgement, ClockReading, judge_clock
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import (
    MAX_LICENSE_BYTES,
    License,
    LicenseRefused,
    Refusal,
    Tier,
    check_in_force,
    format_time,
    verify_license,
)


@dataclass(frozen=True)
class LicenseLoad:
    """The license file as read and verified: a license, or why there is none."""

    path: Path
    license: License | None
    refusal: Refusal | None
    detail: str


def load_license(path: Path, keys: TrustedKeys) -> LicenseLoad:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_LICENSE_BYTES + 1)
    except FileNotFoundError:
        return LicenseLoad(path, None, Refusal.NO_LICENSE, f"no license file at {path}")
    except OSError as e:
        return LicenseLoad(path, None, Refusal.UNREADABLE, f"cannot read {path}: {e.strerror}")
    try:
        return LicenseLoad(path, verify_license(data, keys), None, "")
    except LicenseRefused as e:
        return LicenseLoad(path, None, e.reason, f"the license at {path} was refused: {e.detail}")


@dataclass(frozen=True)
class Entitlement:
    tier: Tier
    refusal: Refusal | ClockFault | None  # why not Pro; None when Pro or a community license
    reason: str  # one sentence: why this tier
    license: License | None  # the verified license, even when it is not in force
    license_path: Path
    clock_mark: int | None
    clock_fault: ClockFault | None
    clock_detail: str
    checked_at: float

    @property
    def features(self) -> tuple[str, ...]:
        """The features granted now: the license's when Pro, none otherwise."""
        return self.license.features if self.tier is Tier.PRO and self.license else ()

    @property
    def expires_at(self) -> int | None:
        return self.license.expires_at if self.license else None

    def summary(self) -> tuple[object, ...]:
        """What a change of which is worth an event (not the ever-rising clock mark)."""
        lic = self.license.license_id if self.license else None
        return (self.tier, self.refusal, lic, self.expires_at, self.features, self.clock_fault)

    def status(self) -> dict[str, JSONValue]:
        """The fields ``honeymesh status`` and the API show."""
        lic = self.license
        expires = self.expires_at
        return {
            "tier": str(self.tier),
            "refusal": str(self.refusal) if self.refusal else None,
            "reason": self.reason,
            "features": list(self.features),
            "expires_at": format_time(expires) if expires is not None else None,
            "expires_in_days": (
                round((expires - self.checked_at) / 86400, 2) if expires is not None else None
            ),
            "license_path": str(self.license_path),
            "license": None
            if lic is None
            else {
                "license_id": lic.license_id,
                "licensee": lic.licensee,
                "tier": str(lic.tier),
                "cluster_id": lic.cluster_id,
                "issued_at": format_time(lic.issued_at),
                "not_before": format_time(lic.not_before),
                "expires_at": format_time(lic.expires_at),
                "features": list(lic.features),
                "key_id": lic.key_id,
            },
            "clock": {
                "mark": format_time(self.clock_mark) if self.clock_mark is not None else None,
                "fault": str(self.clock_fault) if self.clock_fault else None,
                "detail": self.clock_detail,
            },
            "checked_at": format_time(self.checked_at),
        }


def evaluate(
    load: LicenseLoad,
    reading: ClockReading,
    *,
    now: float,
    tolerance: float,
    cluster_id: str | None,
) -> tuple[Entitlement, ClockJudgement]:
    """The entitlement at wall-clock ``now``, and the clock judgement (which may want a write)."""
    lic = load.license
    # "In use": a Pro license in force by the system clock. Only then is a missing or damaged
    # clock a fault; otherwise a fresh clock starts (at a time that does not revive anything).
    pro_in_use = lic is not None and lic.tier is Tier.PRO and _in_force(lic, now, cluster_id)
    clock = judge_clock(reading, now=now, tolerance=tolerance, pro_in_use=pro_in_use)
    base = Entitlement(
        tier=Tier.COMMUNITY,
        refusal=None,
        reason="",
        license=lic,
        license_path=load.path,
        clock_mark=clock.mark,
        clock_fault=clock.fault,
        clock_detail=clock.detail,
        checked_at=now,
    )
    if lic is None:
        refusal = load.refusal or Refusal.NO_LICENSE
        return dataclasses.replace(base, refusal=refusal, reason=load.detail), clock
    if lic.tier is Tier.COMMUNITY:
        return dataclasses.replace(base, reason=f"community license: {lic.describe()}"), clock
    try:
        check_in_force(lic, now=clock.trusted_now, cluster_id=cluster_id or None)
    except LicenseRefused as e:
        return dataclasses.replace(base, refusal=e.reason, reason=e.detail), clock
    pro = dataclasses.replace(base, tier=Tier.PRO, reason=lic.describe())
    if clock.fault is not None:
        return suspend(pro, clock.fault, clock.detail), clock
    return pro, clock


def _in_force(lic: License, now: float, cluster_id: str | None) -> bool:
    try:
        check_in_force(lic, now=now, cluster_id=cluster_id or None)
    except LicenseRefused:
        return False
    return True


def suspend(ent: Entitlement, fault: ClockFault, detail: str) -> Entitlement:
    """The entitlement with a clock fault: Pro stops (Community, with a reason) until it clears."""
    ent = dataclasses.replace(ent, clock_fault=fault, clock_detail=detail)
    if ent.tier is not Tier.PRO or ent.license is None:
        return ent
    return dataclasses.replace(
        ent,
        tier=Tier.COMMUNITY,
        refusal=fault,
        reason=f"Pro license {ent.license.license_id} suspended: {detail}",
    )
