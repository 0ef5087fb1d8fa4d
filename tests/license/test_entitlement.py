"""License + clock + now -> tier and reason: every refusal falls back to Community, saying why."""

from __future__ import annotations

from pathlib import Path

import pytest

from honeymesh.license.clock import ClockFault, ClockReading
from honeymesh.license.entitlement import Entitlement, evaluate, load_license
from honeymesh.license.issue import LicenseSigningKey
from honeymesh.license.verify import Refusal, Tier

from .helpers import DAY, KEYS, T0, make_license, tampered

HOUR = 3600


def entitle(
    tmp_path: Path,
    document: bytes | None,
    reading: ClockReading | None = None,
    *,
    now: float = T0,
    cluster_id: str | None = None,
) -> Entitlement:
    path = tmp_path / "license.json"
    if document is not None:
        path.write_bytes(document)
    reading = reading or ClockReading(T0 - 60)
    ent, _ = evaluate(
        load_license(path, KEYS), reading, now=now, tolerance=HOUR, cluster_id=cluster_id
    )
    return ent


def assert_community(ent: Entitlement, refusal: Refusal | ClockFault, fragment: str) -> None:
    assert ent.tier is Tier.COMMUNITY
    assert ent.refusal is refusal
    assert ent.features == ()
    assert fragment in ent.reason
    status = ent.status()
    assert status["tier"] == "community"
    assert status["refusal"] == str(refusal)
    assert status["reason"] == ent.reason


def test_pro(tmp_path: Path) -> None:
    ent = entitle(tmp_path, make_license())
    assert ent.tier is Tier.PRO
    assert ent.refusal is None
    assert ent.features == ("sharing", "priority-support")
    assert ent.expires_at == T0 + 30 * DAY
    status = ent.status()
    assert status["tier"] == "pro"
    assert status["expires_at"] == "2027-02-14T08:00:00Z"
    assert status["expires_in_days"] == 30.0
    assert status["features"] == ["sharing", "priority-support"]
    assert status["license"]["licensee"] == "ACME Corp"  # type: ignore[index, call-overload]


def test_license_missing(tmp_path: Path) -> None:
    assert_community(entitle(tmp_path, None), Refusal.NO_LICENSE, "no license file at")


def test_license_unreadable(tmp_path: Path) -> None:
    (tmp_path / "license.json").mkdir()
    assert_community(entitle(tmp_path, None), Refusal.UNREADABLE, "cannot read")


@pytest.mark.parametrize(
    ("document", "refusal", "fragment"),
    [
        (
            tampered(make_license(), tier="pro", expires_at=T0 + 999 * DAY),
            Refusal.TAMPERED,
            "altered",
        ),
        (
            make_license(LicenseSigningKey("test-1", b"\x02" * 32)),
            Refusal.WRONG_KEY,
            "different key",
        ),
        (
            make_license(LicenseSigningKey("nobody", b"\x03" * 32)),
            Refusal.UNKNOWN_KEY_ID,
            "does not trust",
        ),
        (make_license(expires_at=T0 - 1), Refusal.EXPIRED, "expired at"),
        (make_license(not_before=T0 + DAY), Refusal.NOT_YET_VALID, "not valid before"),
        (make_license(cluster_id="blue"), Refusal.CLUSTER_MISMATCH, "bound to cluster"),
        (make_license()[:150], Refusal.TRUNCATED, "cut off"),
        (b"licence: pro\n", Refusal.NOT_JSON, "not JSON"),
    ],
)
def test_each_refusal_falls_back_to_community(
    tmp_path: Path, document: bytes, refusal: Refusal, fragment: str
) -> None:
    assert_community(entitle(tmp_path, document), refusal, fragment)


def test_a_community_license_is_community_without_refusal(tmp_path: Path) -> None:
    ent = entitle(tmp_path, make_license(tier=Tier.COMMUNITY))
    assert ent.tier is Tier.COMMUNITY
    assert ent.refusal is None
    assert "community license" in ent.reason


def test_cluster_match(tmp_path: Path) -> None:
    assert entitle(tmp_path, make_license(cluster_id="blue"), cluster_id="blue").tier is Tier.PRO


# The clock -----------------------------------------------------------------------------------


def test_clock_rolled_back_suspends_pro_and_it_resumes_when_time_is_sane(tmp_path: Path) -> None:
    doc = make_license()
    mark = ClockReading(T0 + 10 * DAY)  # the node has already seen this time
    rolled = entitle(tmp_path, doc, mark, now=T0)
    assert_community(rolled, ClockFault.ROLLBACK, "suspended")
    assert "Pro resumes" in rolled.reason
    assert rolled.license is not None  # still known, just not in force
    sane = entitle(tmp_path, doc, mark, now=T0 + 10 * DAY + 5)
    assert sane.tier is Tier.PRO


def test_rollback_cannot_revive_an_expired_license(tmp_path: Path) -> None:
    doc = make_license(expires_at=T0 + DAY)
    seen = ClockReading(T0 + 2 * DAY)
    # Within tolerance: judged by the mark, so still expired.
    assert_community(
        entitle(tmp_path, doc, seen, now=T0 + 2 * DAY - 60), Refusal.EXPIRED, "expired"
    )
    # Beyond tolerance: the mark proves the license is over; expiry is the reason given.
    assert_community(entitle(tmp_path, doc, seen, now=T0), Refusal.EXPIRED, "expired")


@pytest.mark.parametrize(
    ("reading", "fault", "fragment"),
    [
        (
            ClockReading(None, ClockFault.TAMPERED, "license.clock was edited"),
            ClockFault.TAMPERED,
            "edited",
        ),
        (
            ClockReading(None, ClockFault.MISSING, "license.clock does not exist"),
            ClockFault.MISSING,
            "does not exist",
        ),
        (
            ClockReading(None, ClockFault.UNREADABLE, "permission denied"),
            ClockFault.UNREADABLE,
            "permission",
        ),
    ],
)
def test_clock_file_faults_suspend_pro(
    tmp_path: Path, reading: ClockReading, fault: ClockFault, fragment: str
) -> None:
    ent = entitle(tmp_path, make_license(), reading)
    assert_community(ent, fault, fragment)
    assert "reset-clock" in ent.reason
    assert ent.status()["clock"]["fault"] == str(fault)  # type: ignore[index, call-overload]


@pytest.mark.parametrize(
    ("document", "refusal"),
    [
        (None, Refusal.NO_LICENSE),
        (make_license(expires_at=T0 - 1), Refusal.EXPIRED),
        (make_license(cluster_id="blue"), Refusal.CLUSTER_MISMATCH),
    ],
)
def test_clock_faults_do_not_matter_without_a_pro_license_in_force(
    tmp_path: Path, document: bytes | None, refusal: Refusal
) -> None:
    ent = entitle(tmp_path, document, ClockReading(None, ClockFault.MISSING, "gone"))
    assert ent.refusal is refusal
    assert ent.clock_fault is None  # a new clock is started instead
    assert ent.clock_mark == T0


def test_deleting_the_clock_and_rolling_time_back_into_validity_is_caught(
    tmp_path: Path,
) -> None:
    doc = make_license(not_before=T0 - 5 * DAY, expires_at=T0 - DAY)
    rolled_back = T0 - 2 * DAY  # the expired license looks valid at this time
    ent = entitle(tmp_path, doc, ClockReading(None, ClockFault.MISSING, "gone"), now=rolled_back)
    assert_community(ent, ClockFault.MISSING, "reset-clock")


def test_summary_ignores_the_rising_mark(tmp_path: Path) -> None:
    doc = make_license()
    a = entitle(tmp_path, doc, ClockReading(T0 - 60), now=T0)
    b = entitle(tmp_path, doc, ClockReading(T0), now=T0 + 300)
    assert a.summary() == b.summary()
