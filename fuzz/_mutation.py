"""The one mutation every harness that starts from valid documents uses (not a harness itself:
``make fuzz`` and the CI pass run only ``fuzz/[a-z]*.py``).

``mutate(fdp, seeds)`` takes one of ``seeds``, as the input says, and changes it one of three
ways: up to eight bit flips, a truncation, or up to ``splice`` fuzz bytes spliced in at a point
at or after ``keep`` (``keep`` spares a prefix: the signature of a signed item, say), in place of
at most ``max_cut`` bytes. The fuzzer then spends its time inside the format, not on its first
byte.
"""

from __future__ import annotations

import atheris  # type: ignore[import-untyped]


def mutate(
    fdp: atheris.FuzzedDataProvider,
    seeds: list[bytes],
    *,
    splice: int = 128,
    keep: int = 0,
    max_cut: int | None = None,
) -> bytes:
    doc = bytearray(seeds[fdp.ConsumeIntInRange(0, len(seeds) - 1)])
    how = fdp.ConsumeIntInRange(0, 2)
    if how == 0:
        for _ in range(fdp.ConsumeIntInRange(1, 8)):
            bit = fdp.ConsumeIntInRange(0, len(doc) * 8 - 1)
            doc[bit // 8] ^= 1 << (bit % 8)
    elif how == 1:
        del doc[fdp.ConsumeIntInRange(0, len(doc) - 1) :]
    else:
        at = fdp.ConsumeIntInRange(min(keep, len(doc)), len(doc))
        most = len(doc) - at if max_cut is None else min(len(doc) - at, max_cut)
        cut = fdp.ConsumeIntInRange(0, most)
        doc[at : at + cut] = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, splice))
    return bytes(doc)
