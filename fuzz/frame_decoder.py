"""Fuzz the mesh frame decoder (honeymesh/mesh/wire.py) with atheris, coverage-guided.

    .venv/bin/python fuzz/frame_decoder.py -runs=200000 [-max_len=140000] [CORPUS_DIR ...]

(libFuzzer flags: ``-runs=N`` inputs then stop, ``-max_total_time=S``, ``-jobs``; without
``-runs`` it runs until it finds a failure, and writes the failing input to ``crash-<hash>`` in
the current directory, or under ``-artifact_prefix=DIR/``.) Needs ``pip install atheris`` (3.0
has wheels for Python 3.11). Not part of ``pytest``: the same properties run there, briefly,
under hypothesis (tests/mesh/test_wire.py).

Each input is read two ways, chosen by its first byte:

* hostile: the rest is a byte stream, cut into chunks whose sizes come from the input. Feeding
  it yields frames or raises ``WireError`` (nothing else, ever); the decoder never holds more
  than ``MAX_FRAME + 5`` bytes; after an error it stays failed; a frame's body read as JSON or
  as items gives a value or ``WireError``.
* valid: the rest describes frames (type, body), which are encoded, cut into chunks, and fed:
  they come out exactly as they went in, whatever the chunking.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # (types-atheris lacks FuzzedDataProvider)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    from honeymesh.mesh.wire import (
        ITEM_FRAMES,
        MAX_FRAME,
        Frame,
        FrameDecoder,
        FrameType,
        WireError,
        encode_frame,
    )

BOUND = MAX_FRAME + 5
TYPES = list(FrameType)


def chunks(fdp: atheris.FuzzedDataProvider, data: bytes) -> list[bytes]:
    sizes = [fdp.ConsumeIntInRange(0, 4096) for _ in range(fdp.ConsumeIntInRange(0, 16))]
    out, offset = [], 0
    for size in sizes:
        out.append(data[offset : offset + size])
        offset += size
    out.append(data[offset:])
    return out


def hostile(fdp: atheris.FuzzedDataProvider) -> None:
    plan = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 64))
    stream = fdp.ConsumeBytes(fdp.remaining_bytes())
    decoder = FrameDecoder()
    for chunk in chunks(atheris.FuzzedDataProvider(plan), stream):
        try:
            frames = decoder.feed(chunk)
        except WireError as e:
            assert decoder.buffered <= BOUND, decoder.buffered
            try:
                decoder.feed(b"")
            except WireError as again:
                assert again is e
            else:
                raise AssertionError("a failed decoder accepted more bytes") from None
            return
        assert decoder.buffered <= BOUND, decoder.buffered
        for frame in frames:
            with contextlib.suppress(WireError):
                frame.items() if frame.type in ITEM_FRAMES else frame.json()


def valid(fdp: atheris.FuzzedDataProvider) -> None:
    sent: list[Frame] = []
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        kind = TYPES[fdp.ConsumeIntInRange(0, len(TYPES) - 1)]
        size = fdp.ConsumeIntInRange(0, MAX_FRAME - 1) if fdp.ConsumeBool() else 0
        body = fdp.ConsumeBytes(min(size, 2048))
        body += b"\x00" * (size - len(body))  # a large body costs the fuzzer few input bytes
        sent.append(Frame(kind, body))
    stream = b"".join(encode_frame(f.type, f.body) for f in sent)
    decoder = FrameDecoder()
    got: list[Frame] = []
    for chunk in chunks(fdp, stream):
        got += decoder.feed(chunk)
        assert decoder.buffered <= BOUND, decoder.buffered
    assert got == sent, (len(got), len(sent))
    assert decoder.buffered == 0


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    (valid if fdp.ConsumeBool() else hostile)(fdp)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
