"""Benchmark 1: JA4 + JA3 per ClientHello, ours against ja4plus, side by side in one process.

The corpus is the ClientHellos captured from real client stacks (tests/detection/fixtures/).
Every implementation first proves it gives the same JA4 on the corpus, then the rounds run
interleaved (ours, theirs, ours, ...) so drift in machine load hits both alike. The rate is the
median over rounds. One JSON line per result; the ratios are the figures that matter.

    .venv/bin/python bench/fingerprint.py [--rounds 9] [--seconds 0.4]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ja4plus import JA4Fingerprinter
from ja4plus.fingerprinters.ja4 import generate_ja4
from ja4plus.utils.tls_utils import extract_tls_info, parse_tls_handshake
from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

from bench import _args as argtypes
from honeymesh.detection.tls_fingerprint import ja3, ja4, parse_client_hello

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "detection" / "fixtures"


def ours_ja4_ja3(hellos: list[bytes]) -> None:
    for data in hellos:
        hello = parse_client_hello(data)
        ja4(hello)
        ja3(hello)


def ours_ja4(hellos: list[bytes]) -> None:
    for data in hellos:
        ja4(parse_client_hello(data))


def ja4plus_bytes(hellos: list[bytes]) -> None:
    # ja4plus's own byte-level reader and JA4 function: the fastest path it has.
    for data in hellos:
        generate_ja4(parse_tls_handshake(data))


def ja4plus_function_api(packets: list[Any]) -> Callable[[list[bytes]], None]:
    # The function API its README documents: generate_ja4(extract_tls_info(packet)).
    def run(hellos: list[bytes]) -> None:
        for packet in packets:
            generate_ja4(extract_tls_info(packet))

    return run


def ja4plus_class_api(packets: list[Any]) -> Callable[[list[bytes]], None]:
    # The fingerprinter class its README leads with.
    fingerprinter = JA4Fingerprinter(thread_safe=False)

    def run(hellos: list[bytes]) -> None:
        for packet in packets:
            fingerprinter.process_packet(packet)
        fingerprinter.reset()

    return run


def rate(run: Callable[[list[bytes]], None], hellos: list[bytes], seconds: float) -> float:
    """Hellos per second over repeated passes for about ``seconds``."""
    passes = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds or passes == 0:
        run(hellos)
        passes += 1
    return passes * len(hellos) / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=argtypes.count, default=9)
    parser.add_argument(
        "--seconds", type=argtypes.positive, default=0.4, help="per implementation per round"
    )
    args = parser.parse_args()

    names = sorted(path.stem for path in FIXTURES.glob("*.bin"))
    hellos = [(FIXTURES / f"{name}.bin").read_bytes() for name in names]
    packets = [
        Ether() / IP(src="192.0.2.1", dst="192.0.2.2") / TCP(sport=40000 + i, dport=443, flags="PA")
        / Raw(data)
        for i, data in enumerate(hellos)
    ]  # fmt: skip
    for name, data in zip(names, hellos, strict=True):
        mine = ja4(parse_client_hello(data))
        theirs = generate_ja4(parse_tls_handshake(data))
        if mine != theirs:
            raise SystemExit(f"{name}: JA4 differs: ours {mine}, ja4plus {theirs}")
        print(json.dumps({"bench": "fingerprint", "hello": name, "bytes": len(data), "ja4": mine}))

    internal = "ja4plus parse_tls_handshake+generate_ja4 (bytes in; internal reader)"
    function_api = "ja4plus generate_ja4(extract_tls_info(packet)) (documented)"
    class_api = "ja4plus JA4Fingerprinter.process_packet (documented)"
    contenders: dict[str, Callable[[list[bytes]], None]] = {
        "honeymesh parse+ja4+ja3": ours_ja4_ja3,
        "honeymesh parse+ja4": ours_ja4,
        internal: ja4plus_bytes,
        function_api: ja4plus_function_api(packets),
        class_api: ja4plus_class_api(packets),
    }
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            samples[name].append(rate(run, hellos, args.seconds))
    rates = {name: statistics.median(values) for name, values in samples.items()}
    for name, value in rates.items():
        line = {"implementation": name, "hellos_per_second": round(value), "corpus": len(hellos)}
        print(json.dumps({"bench": "fingerprint", **line, "rounds": args.rounds}))

    def ratio(ours: str, theirs: str, note: str) -> None:
        value = round(rates[ours] / rates[theirs], 2)
        line = {"ratio": value, "ours": ours, "theirs": theirs, "note": note, "target": 5.0}
        print(json.dumps({"bench": "fingerprint", **line}))

    ratio("honeymesh parse+ja4", internal, "like for like: bytes in, JA4 out")
    ratio("honeymesh parse+ja4+ja3", internal, "we also compute JA3; ja4plus computes JA4 only")
    ratio("honeymesh parse+ja4+ja3", function_api, "packets built before timing")
    ratio("honeymesh parse+ja4+ja3", class_api, "packets built before timing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
