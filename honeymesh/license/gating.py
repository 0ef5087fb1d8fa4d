"""Whether Trusted Network Sharing (the mesh) may run, and what it may do; pure.

Sharing needs both a Pro license in force (``Entitlement.tier``) and the operator's explicit opt-in
(``[sharing] enabled = true``, off by default). Publishing local intelligence and consuming the
peers' are switched separately. Every answer carries the reason, for the log and the status.
"""

from __future__ import annotations

from dataclasses import dataclass

from honeymesh.config import SharingConfig
from honeymesh.license.entitlement import Entitlement
from honeymesh.license.verify import Tier


@dataclass(frozen=True)
class SharingDecision:
    run: bool  # the mesh may start
    publish: bool  # local bans and intelligence may be sent to peers
    consume: bool  # peers' signals may be accepted
    reason: str

    def status(self) -> dict[str, object]:
        return {
            "run": self.run,
            "publish": self.publish,
            "consume": self.consume,
            "reason": self.reason,
        }


def sharing_decision(ent: Entitlement, sharing: SharingConfig) -> SharingDecision:
    problems = []
    if ent.tier is not Tier.PRO:
        problems.append(f"license tier is community ({ent.reason})")
    if not sharing.enabled:
        problems.append(
            "sharing.enabled is false (sharing is off by default; set enabled = true under "
            "[sharing] to opt in)"
        )
    elif not (sharing.publish or sharing.consume):
        problems.append("sharing.publish and sharing.consume are both false")
    if problems:
        return SharingDecision(False, False, False, "sharing disabled: " + "; ".join(problems))
    what = " and ".join(
        name for name, on in (("publish", sharing.publish), ("consume", sharing.consume)) if on
    )
    return SharingDecision(
        True, sharing.publish, sharing.consume, f"sharing enabled ({what}): {ent.reason}"
    )
