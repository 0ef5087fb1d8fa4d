"""Fuzz the TLS ClientHello parser and the JA4/JA3 fingerprints (tls_fingerprint.py) with atheris.

    .venv/bin/python fuzz/client_hello.py -runs=1000000 [-max_total_time=S] [CORPUS_DIR ...]

(libFuzzer flags: ``-runs=N`` inputs then stop, ``-max_total_time=S``; without either it runs
until it finds a failure, and writes the failing input to ``crash-<hash>`` in the current
directory, or under ``-artifact_prefix=DIR/``.) ``make fuzz`` runs it with the others; the
pytest short pass (tests/test_fuzz_harnesses.py) runs it for a few thousand inputs.

The TLS trap hands the first bytes of every connection to this parser, so whatever a scanner
sends must come back as a value or the parser's one error. Each input is used one of two ways,
chosen by its first byte:

* raw: the rest is the first flight of a client.
* mutated: one of the real ClientHellos recorded from eight clients (tests/detection/fixtures)
  is changed by bit flips, truncation, or bytes spliced in, as the input says, so the fuzzer
  starts deep inside the extensions instead of at the record header.

Either way: ``parse_client_hello`` returns a ``ClientHello`` or raises ``ClientHelloError``,
nothing else; ``client_hello_length`` likewise returns a length, ``None`` or that error. What
parses agrees with the streaming side (``client_hello_length`` says the same size, every shorter
prefix is "need more", never an error, as the trap relies on), stays inside the byte budget, and
has all six fingerprints computable and well-formed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)
from _mutation import mutate  # fuzz/ is the script's own directory, first on sys.path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from honeymesh.detection.tls_fingerprint import (
        MAX_CLIENT_HELLO_BYTES,
        ClientHelloError,
        client_hello_length,
        ja3,
        ja3_string,
        ja4,
        ja4_o,
        ja4_r,
        ja4_ro,
        parse_client_hello,
    )

SEEDS = [p.read_bytes() for p in sorted((ROOT / "tests/detection/fixtures").glob("*.bin"))]
JA4 = re.compile(
    r"[tqd](13|12|11|10|s3|s2|d1|d2|d3|00)[di]\d{4}[0-9A-Za-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}"
)
JA3 = re.compile(r"[0-9a-f]{32}")
JA3_STRING = re.compile(r"\d+,[\d-]*,[\d-]*,[\d-]*,[\d-]*")


def check(data: bytes, prefix: int) -> None:
    try:
        length = client_hello_length(data)
    except ClientHelloError:
        length = -1
    assert length is None or length == -1 or 0 < length <= min(len(data), MAX_CLIENT_HELLO_BYTES)
    try:
        hello = parse_client_hello(data)
    except ClientHelloError:
        return
    assert length == hello.size, (length, hello.size)
    assert 0 < hello.size <= MAX_CLIENT_HELLO_BYTES
    # The trap waits on a prefix of a good hello; it must never be refused as malformed.
    assert client_hello_length(data[: prefix % hello.size]) is None
    for transport in ("t", "q", "d"):
        assert JA4.fullmatch(ja4(hello, transport)), ja4(hello, transport)
        assert JA4.fullmatch(ja4_o(hello, transport)), ja4_o(hello, transport)
        assert ja4_r(hello, transport).startswith(ja4(hello, transport)[:10])
        assert ja4_ro(hello, transport).startswith(ja4(hello, transport)[:10])
    assert JA3.fullmatch(ja3(hello))
    assert JA3_STRING.fullmatch(ja3_string(hello)), ja3_string(hello)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mutated = fdp.ConsumeBool()
    prefix = fdp.ConsumeIntInRange(0, 1 << 16)
    check(
        mutate(fdp, SEEDS, splice=256) if mutated else fdp.ConsumeBytes(fdp.remaining_bytes()),
        prefix,
    )


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
