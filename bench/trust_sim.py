"""False-ban rate and time-to-ban against the share of malicious peers, side by side.

    .venv/bin/python bench/trust_sim.py [--seeds N] [--peers 20,50,100] [--out bench/out]

Runs honeymesh/trust/simulation.py (real TrustModel, simulated peers) for malicious fractions
0 to 50 % and three variants in the same run:

* ``defaults``: the shipped [trust] configuration.
* ``open-mesh``: the defences a naive design lacks turned off (newcomers trusted at L1, a
  baseline inside L1 so trust comes back by waiting, no limit on solo L2 bans) for comparison.
* ``collusive-camouflage``: defaults, but the colluding groups also report real attackers to
  earn trust before lying together: the hardest case the defaults face.

Prints one JSON line per (variant, peers, fraction), averaged over the seeds, then one line of
ratios (open-mesh against defaults); writes bench/out/trust_sim.png.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
from pathlib import Path

from bench import _args as argtypes
from honeymesh.config import TrustConfig
from honeymesh.trust.simulation import Scenario, SimResult, run

FRACTIONS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
OPEN_MESH = TrustConfig(start_level=1, baseline=50.0, solo_ban_budget=1000)
VARIANTS: dict[str, tuple[TrustConfig, bool]] = {
    "defaults": (TrustConfig(), False),
    "open-mesh": (OPEN_MESH, False),
    "collusive-camouflage": (TrustConfig(), True),
}


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def row(variant: str, peers: int, fraction: float, results: list[SimResult]) -> dict[str, object]:
    ttb = [t for r in results for t in r.time_to_ban]
    named = sum(r.benign_named for r in results)
    banned = sum(r.benign_banned for r in results)
    return {
        "bench": "trust_sim",
        "variant": variant,
        "peers": peers,
        "malicious_fraction": fraction,
        "seeds": len(results),
        "benign_named": named,
        "benign_banned": banned,
        "false_ban_rate": round(banned / named, 5) if named else 0.0,
        "canaries_banned": sum(r.canaries_banned for r in results),
        "allowlisted_banned": sum(r.allowlisted_banned for r in results),
        "attackers_banned_share": round(
            sum(r.attackers_banned for r in results)
            / max(1, sum(r.attackers_reported for r in results)), 4),
        "time_to_ban_median_s": round(statistics.median(ttb), 1) if ttb else None,
        "time_to_ban_p90_s": round(sorted(ttb)[int(0.9 * (len(ttb) - 1))], 1) if ttb else None,
        "due": sum(r.due for r in results),
        "late": sum(len(r.late) for r in results),
        "honest_to_l1_median_s": _mean(
            [statistics.median(r.honest_to_l1) for r in results if r.honest_to_l1]),
    }  # fmt: skip


def plot(rows: list[dict[str, object]], path: Path) -> None:
    import matplotlib  # noqa: PLC0415 - only the benchmark needs it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    def pct(rows_of: list[dict[str, object]], key: str) -> list[float]:
        return [100 * float(r[key]) for r in rows_of]  # type: ignore[arg-type]

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.2))
    colours = {
        "defaults": "tab:green",
        "open-mesh": "tab:red",
        "collusive-camouflage": "tab:orange",
    }
    lines = {20: ":", 50: "--", 100: "-"}
    markers = {20: "o", 50: "s", 100: "^"}
    for variant, colour in colours.items():
        for peers, style in lines.items():
            mine = [r for r in rows if r["variant"] == variant and r["peers"] == peers]
            if mine:
                left.plot(
                    pct(mine, "malicious_fraction"),
                    pct(mine, "false_ban_rate"),
                    color=colour,
                    linestyle=style,
                    marker=markers[peers],
                    label=f"{variant}, {peers} peers",
                )
    left.axhline(1.0, color="black", linewidth=0.8)
    left.annotate(
        "1 % target", (50, 1.0), xytext=(0, 4), textcoords="offset points", ha="right", fontsize=8
    )
    left.set_yscale("symlog", linthresh=0.1)
    left.set_ylim(0, 100)
    left.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g} %"))
    left.set_xlabel("malicious peers (%)")
    left.set_ylabel("benign addresses named in a ban signal that got banned")
    left.set_title("False bans (lower is better)")
    left.legend(fontsize=7, ncol=1, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    for peers, style in lines.items():
        mine = [r for r in rows if r["variant"] == "defaults" and r["peers"] == peers]
        xs = pct(mine, "malicious_fraction")
        med = [r["time_to_ban_median_s"] or 0 for r in mine]
        p90 = [r["time_to_ban_p90_s"] or 0 for r in mine]
        right.plot(
            xs,
            med,
            color="tab:blue",
            linestyle=style,
            marker=markers[peers],
            label=f"median, {peers} peers",
        )
        right.plot(
            xs,
            p90,
            color="tab:purple",
            linestyle=style,
            marker=markers[peers],
            label=f"90th percentile, {peers} peers",
        )
    right.axhline(600, color="grey", linewidth=0.8)
    right.annotate(
        "corroboration window (600 s)",
        (50, 600),
        xytext=(0, 4),
        textcoords="offset points",
        ha="right",
        fontsize=8,
        color="grey",
    )
    right.set_ylim(0, 700)
    right.set_xlabel("malicious peers (%)")
    right.set_ylabel("seconds from the first honest report to the ban")
    right.set_title("Time to ban a real attacker (defaults)")
    right.legend(fontsize=7, loc="center left")
    fig.suptitle("HoneyMesh peer trust: a simulated mesh over 2 days with 300 real attackers")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=argtypes.count, default=2)
    parser.add_argument("--peers", type=argtypes.counts(2), default=[20, 50, 100])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    sizes = args.peers
    rows = []
    for variant, (trust, colluders_report) in VARIANTS.items():
        for peers in sizes:
            for fraction in FRACTIONS:
                results = [
                    run(dataclasses.replace(
                        Scenario(peers=peers, malicious_fraction=fraction, seed=seed,
                                 colluders_report=colluders_report),
                        trust=trust))
                    for seed in range(1, args.seeds + 1)
                ]  # fmt: skip
                r = row(variant, peers, fraction, results)
                rows.append(r)
                print(json.dumps(r), flush=True)
    for peers in sizes:
        at = {v: next(r for r in rows if r["variant"] == v and r["peers"] == peers
                      and r["malicious_fraction"] == 0.3) for v in VARIANTS}  # fmt: skip
        base = float(at["defaults"]["false_ban_rate"]) or 1e-9  # type: ignore[arg-type]
        print(json.dumps({
            "bench": "trust_sim", "ratio": "false_ban_rate open-mesh / defaults at 30 %",
            "peers": peers,
            "value": round(float(at["open-mesh"]["false_ban_rate"]) / base, 1),  # type: ignore[arg-type]
        }))  # fmt: skip
    png = args.out / "trust_sim.png"
    plot(rows, png)
    print(json.dumps({"bench": "trust_sim", "plot": str(png)}))


if __name__ == "__main__":
    main()
