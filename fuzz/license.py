"""Fuzz the license, capability-claim, key-file and clock-file parsers (honeymesh/license/).

    .venv/bin/python fuzz/license.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags as in fuzz/client_hello.py; ``make fuzz`` runs it with the others and the pytest
short pass, tests/test_fuzz_harnesses.py, runs it for a few thousand inputs.)

A license file is handed in by the operator, and a capability claim arrives from any mesh peer:
the claim and the license inside it are hostile input that decides whether a stranger may
publish bans to us. Each input is used one of three ways, chosen by its first byte:

* raw: the rest is a document, read by one kind of parser the input picks: ``verify_license``;
  its parts (``read_envelope``, ``parse_payload``); ``verify_claim``; the key files
  (``parse_public_key_file``, ``parse_key_set``, ``parse_inline_key``, ``parse_signing_key``);
  or ``parse_clock``. (One kind per input, not all: ``parse_json``'s depth check walks every
  character in Python, and reading each input eight ways made the run five times slower.)
* mutated: one of a few valid documents (Pro, Community and cluster-bound licenses, a claim,
  key files, a clock file) is changed by bit flips, truncation or bytes spliced in.
* re-signed: the rest is a license payload, signed either by the trusted vendor key or by a key
  nobody trusts (under its own key id, or claiming the vendor's), wrapped in an envelope and in
  a claim.

Each parser returns a value or raises its one error (``LicenseRefused``, ``KeyFileError``,
``ClockFileError``, ``IssueError``), never another exception. Nothing unsigned verifies: a
license (alone or inside a claim) verifies only if its payload is one the vendor key signed,
and is then exactly what the vendor signed; a key nobody trusts never gets a license through,
whatever its envelope says; a vendor-signed payload is refused only as ``bad_payload``. A clock
file parses only if it is, byte for byte, what ``encode_clock`` writes for its mark.
"""

from __future__ import annotations

import base64
import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _mutation import mutate

with atheris.instrument_imports(include=["honeymesh"]):
    from honeymesh.license.claim import CLAIM_FORMAT, verify_claim
    from honeymesh.license.clock import ClockFileError, encode_clock, parse_clock
    from honeymesh.license.issue import (
        IssueError,
        LicenseSigningKey,
        encode_public_key,
        encode_signing_key,
        issue_license,
        parse_signing_key,
    )
    from honeymesh.license.jsonbytes import canonical_json
    from honeymesh.license.keys import (
        KeyFileError,
        TrustedKeys,
        parse_inline_key,
        parse_key_set,
        parse_public_key_file,
    )
    from honeymesh.license.verify import (
        FORMAT,
        License,
        LicenseRefused,
        Refusal,
        Tier,
        parse_payload,
        read_envelope,
        verify_license,
    )

NOW = 1_800_000_000
DAY = 86400
VENDOR = LicenseSigningKey(key_id="fuzz-vendor-1", seed=b"\x02" * 32)
STRANGER = LicenseSigningKey(key_id="stranger-1", seed=b"\x03" * 32)
IMPOSTOR = LicenseSigningKey(key_id=VENDOR.key_id, seed=b"\x04" * 32)  # claims the vendor's id
KEYS = TrustedKeys([VENDOR.public])
CLOCK_KEY = b"\x05" * 32
NODE_ID = "ab" * 32


def license_for(
    tier: Tier, cluster_id: str | None = None, key: LicenseSigningKey = VENDOR
) -> bytes:
    return issue_license(
        key,
        licensee="Fuzz Ltd",
        tier=tier,
        issued_at=NOW - 2 * DAY,
        not_before=NOW - DAY,
        expires_at=NOW + 30 * DAY,
        cluster_id=cluster_id,
        features=("sharing",),
        license_id=f"HM-FUZZ-{tier}",
    )


def claim(document: bytes) -> bytes:
    return canonical_json(
        {"format": CLAIM_FORMAT, "node_id": NODE_ID, "publish": True, "consume": True,
         "license": base64.b64encode(document).decode("ascii")}
    )  # fmt: skip


def payload_of(document: bytes) -> bytes:
    return base64.b64decode(json.loads(document)["payload"])


PRO = license_for(Tier.PRO)
LICENSES = [PRO, license_for(Tier.COMMUNITY), license_for(Tier.PRO, "blue")]
#: Every payload the vendor key signed here: the only ones that may ever verify.
SIGNED = {payload_of(d) for d in LICENSES}
SEEDS = [
    *LICENSES,
    claim(PRO),
    claim(LICENSES[2]),
    encode_public_key(VENDOR.public),
    json.dumps(
        {
            "format": "honeymesh-license-keys/1",
            "keys": [
                {
                    "key_id": VENDOR.key_id,
                    "public_key": base64.b64encode(VENDOR.public.key).decode(),
                    "note": "fuzz",
                }
            ],
        }
    ).encode(),
    b"ed25519:fuzz-vendor-1:" + base64.b64encode(VENDOR.public.key),
    encode_signing_key(VENDOR),
    encode_clock(NOW, CLOCK_KEY),
]


def signed_only(lic: License) -> None:
    assert lic.key_id == VENDOR.key_id, lic.key_id
    assert payload_of(lic.document) in SIGNED, lic.document


def read_license(data: bytes) -> None:
    with contextlib.suppress(LicenseRefused):
        signed_only(verify_license(data, KEYS))


def read_parts(data: bytes) -> None:
    with contextlib.suppress(LicenseRefused):
        read_envelope(data)
    with contextlib.suppress(LicenseRefused):
        parse_payload(data)


def read_claim(data: bytes) -> None:
    for cluster in (None, "blue"):
        with contextlib.suppress(LicenseRefused):
            verified = verify_claim(data, KEYS, now=NOW, cluster_id=cluster)
            signed_only(verified.license)
            assert verified.license.tier is Tier.PRO


def read_key_files(data: bytes) -> None:
    parsers: list[Callable[[], Any]] = [
        lambda: parse_public_key_file(data, "fuzz.pub"),
        lambda: parse_key_set(data, "fuzz-keys.json"),
        lambda: parse_inline_key(data.decode("utf-8", "surrogateescape"), "inline key"),
    ]
    for parse in parsers:
        with contextlib.suppress(KeyFileError):
            parse()
    with contextlib.suppress(IssueError):
        parse_signing_key(data, "fuzz.key")


def read_clock(data: bytes) -> None:
    with contextlib.suppress(ClockFileError):
        mark = parse_clock(data, CLOCK_KEY)
        written = encode_clock(mark, CLOCK_KEY)
        assert data in (written, written[:-1]), data


#: One reader per input (the input picks it): each parses its document with every parser of
#: one kind; each parser gives a value or its own error.
READERS = [read_license, read_parts, read_claim, read_key_files, read_clock]


def resigned(fdp: atheris.FuzzedDataProvider) -> None:
    key = (VENDOR, STRANGER, IMPOSTOR)[fdp.ConsumeIntInRange(0, 2)]
    payload = fdp.ConsumeBytes(fdp.remaining_bytes())
    document = json.dumps(
        {"format": FORMAT, "key_id": key.key_id,
         "public_key": base64.b64encode(key.public.key).decode("ascii"),
         "payload": base64.b64encode(payload).decode("ascii"),
         "signature": base64.b64encode(key.sign(payload)).decode("ascii")}
    ).encode()  # fmt: skip
    try:
        lic = verify_license(document, KEYS)
    except LicenseRefused as e:
        want = {VENDOR: Refusal.BAD_PAYLOAD, STRANGER: Refusal.UNKNOWN_KEY_ID,
                IMPOSTOR: Refusal.WRONG_KEY}[key]  # fmt: skip
        assert e.reason is want, (e.reason, want)
    else:
        assert key is VENDOR, key
        assert lic.document == document
        terms = parse_payload(payload)
        assert all(getattr(lic, f.name) == getattr(terms, f.name) for f in fields(terms))
    with contextlib.suppress(LicenseRefused):
        verified = verify_claim(claim(document), KEYS, now=NOW, cluster_id=None)
        assert key is VENDOR and verified.license.document == document


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    if mode < 2:
        read = READERS[fdp.ConsumeIntInRange(0, len(READERS) - 1)]
        read(mutate(fdp, SEEDS) if mode else fdp.ConsumeBytes(fdp.remaining_bytes()))
    else:
        resigned(fdp)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
