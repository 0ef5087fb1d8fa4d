"""Fuzz the signed-item decoders (honeymesh/mesh/envelope.py) and the gate with atheris.

    .venv/bin/python fuzz/envelope.py -runs=200000 [-max_len=5000] [CORPUS_DIR ...]

(libFuzzer flags: ``-runs=N`` inputs then stop, ``-max_total_time=S``; without ``-runs`` it
runs until it finds a failure, and writes the failing input to ``crash-<hash>`` in the current
directory, or under ``-artifact_prefix=DIR/``.) Needs ``pip install atheris`` (3.0 has wheels
for Python 3.11). Not part of ``pytest``: the same properties run there, briefly, under
hypothesis (tests/mesh/test_envelope.py, tests/mesh/test_gate.py).

Each input is used one of three ways, chosen by its first byte:

* raw: the rest is an item. ``parse_signal`` and ``parse_record`` return a value or raise
  ``EnvelopeError`` (nothing else); whatever parses never passes ``verify``, as nobody here
  signed it.
* mutated: one of a few valid items (signals L1 to L4, an unban, records) is changed by bit
  flips, truncation, or bytes spliced into its payload, as the input says; the same holds, and
  the changed item never passes ``verify`` (nor the gate).
* re-signed: the rest is a payload, signed by a member's key. Parsing raises only
  ``EnvelopeError``; what parses and names that key as its publisher verifies. Either way
  ``Gate.check`` answers ``Passed`` or ``Refused`` and never raises.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import sys
from pathlib import Path
from typing import Any, Literal

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _mutation import mutate

with atheris.instrument_imports():
    from nacl.signing import SigningKey

    from honeymesh.license.issue import LicenseSigningKey, issue_license
    from honeymesh.license.jsonbytes import canonical_json
    from honeymesh.license.keys import TrustedKeys
    from honeymesh.license.verify import Tier
    from honeymesh.mesh.envelope import (
        EnvelopeError,
        Record,
        Signal,
        parse_record,
        parse_signal,
        seal,
        verify,
    )
    from honeymesh.mesh.gate import Gate, GateConfig, Passed, Refused

NOW = 1_800_000_000
CLUSTER = "fuzz"
KEY = SigningKey(b"\x41" * 32)
PUB = bytes(KEY.verify_key).hex()
VENDOR = LicenseSigningKey(key_id="fuzz-1", seed=b"\x02" * 32)
LICENSE = issue_license(
    VENDOR,
    licensee="Fuzz",
    tier=Tier.PRO,
    issued_at=NOW - 86400,
    not_before=NOW - 86400,
    expires_at=NOW + 86400 * 30,
    cluster_id=None,
    features=("sharing",),
    license_id="HM-FUZZ-1",
)
CLAIM = canonical_json(
    {"format": "honeymesh-claim/1", "node_id": PUB, "publish": True, "consume": True,
     "license": base64.b64encode(LICENSE).decode()}
)  # fmt: skip
REF = hashlib.sha256(CLAIM).hexdigest()


class Directory:
    def status(self, node_id: str) -> Literal["member", "removed", "unknown"]:
        return "member" if node_id == PUB else "unknown"

    def claim_by_ref(self, ref: str) -> tuple[str, bytes] | None:
        return (PUB, CLAIM) if ref == REF else None


def signal(n: int, **overrides: Any) -> bytes:
    fields: dict[str, Any] = {
        "v": "v2", "id": f"{n:032x}", "pub": PUB, "seq": n, "ts": NOW * 1000,
        "exp": (NOW + 600) * 1000, "cls": "L1", "kind": "ban", "claim": REF,
        "cluster": CLUSTER, "body": {"target": "203.0.113.7/32", "reason": "scan"},
    }  # fmt: skip
    fields.update(overrides)
    return seal(KEY, fields)


def record(n: int, kind: str, body: dict[str, Any]) -> bytes:
    fields = {"v": "v2", "id": f"{n:032x}", "pub": PUB, "ts": NOW * 1000, "kind": kind,
              "cluster": CLUSTER, "body": body}  # fmt: skip
    return seal(KEY, fields)


JA4 = "t13d1516h2_8daaf6152771_02713d6af862"
SEEDS = [
    signal(1),
    signal(2, cls="L2", body={"target": "2001:db8::/64", "ja4": JA4, "ja3": "ab" * 16}),
    signal(3, cls="L3", body={"target": "198.51.100.0/24", "ports": [22, 23], "count": 9,
                              "window": 60}),
    signal(4, cls="L4", body={"target": "203.0.113.9/32", "excerpt": "USER root"}),
    signal(5, kind="unban", body={"target": "203.0.113.7/32", "ref": "1" * 32}),
    record(6, "remove", {"node": "cd" * 32, "reason": "gone"}),
    record(7, "admit", {"node": "cd" * 32, "name": "n", "addr": ["h:1"], "admin": False,
                        "token": "0" * 16}),
]  # fmt: skip


def parsed(raw: bytes) -> list[Signal | Record]:
    """Both readings of ``raw``: each gives a value or EnvelopeError, never another exception."""
    out: list[Signal | Record] = []
    for parse in (parse_signal, parse_record):
        with contextlib.suppress(EnvelopeError):
            out.append(parse(raw))
    return out


def never_verifies(raw: bytes) -> None:
    for item in parsed(raw):
        try:
            verify(item)
        except EnvelopeError:
            continue
        raise AssertionError(f"an item nobody signed verified: {raw!r}")
    result = gate().check(raw, float(NOW))
    assert isinstance(result, Refused), result


def gate() -> Gate:
    return Gate(CLUSTER, Directory(), TrustedKeys([VENDOR.public]), GateConfig())


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    if mode == 0:
        never_verifies(fdp.ConsumeBytes(fdp.remaining_bytes()))
    elif mode == 1:
        raw = mutate(fdp, SEEDS, splice=64, keep=64)
        if raw not in SEEDS:
            never_verifies(raw)
    else:
        payload = fdp.ConsumeBytes(fdp.remaining_bytes())
        raw = KEY.sign(payload).signature + payload
        for item in parsed(raw):
            if item.publisher == PUB:
                verify(item)  # its publisher signed it: it must verify
        result = gate().check(raw, float(NOW))
        assert isinstance(result, Passed | Refused)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
