"""docs/MESH-PROTOCOL.md's worked example, rebuilt from the code: the document cannot drift.

Each example block in the document follows a marker line ``<!-- protocol-example: NAME -->``
and is one fenced code block. Hex blocks are compared with their whitespace removed (they are
wrapped for reading); JSON blocks byte for byte. Ed25519 signatures are deterministic (RFC 8032),
so the same seed and payload always give the same signature.

To print the blocks (after a deliberate change to the wire format)::

    .venv/bin/python -m tests.mesh.test_protocol_doc
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from nacl.signing import SigningKey

from honeymesh.config import Config, NodeConfig
from honeymesh.license.claim import CLAIM_FORMAT
from honeymesh.license.jsonbytes import canonical_json
from honeymesh.license.keys import TrustedKeys
from honeymesh.mesh.envelope import parse_record, parse_signal, seal, verify
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.mesh.membership import Membership
from honeymesh.mesh.peer import MeshProtocol
from honeymesh.mesh.service import MeshService
from honeymesh.mesh.wire import FrameDecoder, FrameType, item_frames, json_frame
from honeymesh.store.db import Store

DOC = Path(__file__).resolve().parents[2] / "docs" / "MESH-PROTOCOL.md"
MARKER = re.compile(
    r"^<!-- protocol-example: ([a-z0-9-]+) -->\n```[a-z]*\n(.*?)\n```$", re.M | re.S
)
HEX_BLOCKS = frozenset(
    {"seed", "node-id", "claim-ref", "signal-signature", "signal-item", "signals-frame",
     "hello-frame", "members-digest"}
)  # fmt: skip

# The inputs, all fixed.
SEED = bytes(range(32))
CLUSTER = "example"
NAME = "edge-1"
SIGNAL_ID = "000102030405060708090a0b0c0d0e0f"
GENESIS_ID = "0f0e0d0c0b0a09080706050403020100"
TS = 1767225600000  # 2026-01-01T00:00:00Z, unix ms
EXP = TS + 3_600_000  # one hour later
GENESIS_TS = TS - 86_400_000  # the cluster was founded a day earlier
ADDRESS = "198.51.100.10:7946"
# A stand-in for the license file a real claim carries (a vendor-signed document of about a
# kilobyte, docs/LICENSING.md): the mesh layer carries the claim as opaque base64 and names it
# by its SHA-256, so the stand-in shows every byte of the framing without a real license.
LICENSE_STAND_IN = b"(the node's license file)"


def _key() -> SigningKey:
    return SigningKey(SEED)


def node_id() -> str:
    return bytes(_key().verify_key).hex()


def claim() -> bytes:
    """The capability claim, shaped as ``honeymesh.license.claim.capability_claim`` makes it."""
    return canonical_json(
        {
            "format": CLAIM_FORMAT,
            "node_id": node_id(),
            "license": base64.b64encode(LICENSE_STAND_IN).decode("ascii"),
            "publish": True,
            "consume": True,
        }
    )


def signal_fields() -> dict[str, Any]:
    """The fields ``MeshService.publish_signal`` signs, for one L2 ban."""
    return {
        "v": "v2",
        "id": SIGNAL_ID,
        "pub": node_id(),
        "seq": 1,
        "ts": TS,
        "exp": EXP,
        "cls": "L2",
        "kind": "ban",
        "claim": hashlib.sha256(claim()).hexdigest(),
        "cluster": CLUSTER,
        "body": {
            "target": "203.0.113.7/32",
            "reason": "ssh",
            "ja4": "t13d1516h2_8daaf6152771_02713d6af862",
        },
    }


def signal_item() -> bytes:
    return seal(_key(), signal_fields())


def genesis_record() -> bytes:
    """The record that founded the example cluster (``membership.genesis``, with a fixed id)."""
    body = {"node": node_id(), "name": NAME, "addr": [ADDRESS], "admin": True, "token": "genesis"}
    fields = {"v": "v2", "id": GENESIS_ID, "pub": node_id(), "ts": GENESIS_TS, "kind": "admit",
              "cluster": CLUSTER, "body": body}  # fmt: skip
    return seal(_key(), fields)


def hello_body() -> dict[str, Any]:
    """What ``MeshService.hello`` sends, from a service holding the example's state."""
    config = replace(Config(), node=NodeConfig(name=NAME))
    service = MeshService(
        config=config,
        identity=NodeIdentity(_key()),
        store=cast(Store, None),
        reactor=None,
        publish=lambda event: None,
        entitlement=lambda: None,
        keys=TrustedKeys(),
        evaluate=lambda signal: cast(Any, None),
        apply_trust=lambda *a, **kw: cast(Any, None),
        lift_mesh_ban=lambda *a, **kw: cast(Any, None),
    )
    service.cluster = CLUSTER
    service.membership = Membership(CLUSTER)
    service.membership.add(genesis_record())
    service._claim = claim()
    service.seq = service.seq_sent = 1  # it has published (and sent) the signal above
    return service.hello(cast(MeshProtocol, None))


def examples() -> dict[str, str]:
    item = signal_item()
    (frame,) = item_frames(FrameType.SIGNALS, [item])
    hello = json_frame(FrameType.HELLO, hello_body())
    return {
        "seed": SEED.hex(),
        "node-id": node_id(),
        "claim": claim().decode(),
        "claim-ref": hashlib.sha256(claim()).hexdigest(),
        "signal-payload": item[64:].decode(),
        "signal-signature": item[:64].hex(),
        "signal-item": item.hex(),
        "signals-frame": frame.hex(),
        "genesis-payload": genesis_record()[64:].decode(),
        "members-digest": hashlib.sha256(GENESIS_ID.encode()).hexdigest(),
        "hello-body": hello[5:].decode(),
        "hello-frame": hello.hex(),
    }


def documented() -> dict[str, str]:
    found: dict[str, str] = {}
    for name, block in MARKER.findall(DOC.read_text("utf-8")):
        assert name not in found, f"example {name} appears twice in {DOC.name}"
        found[name] = re.sub(r"\s+", "", block) if name in HEX_BLOCKS else block
    return found


def _wrapped(name: str, value: str) -> str:
    if name not in HEX_BLOCKS:
        return value
    return "\n".join(value[i : i + 64] for i in range(0, len(value), 64))


# The tests -------------------------------------------------------------------------------------


def test_every_example_in_the_document_is_what_the_code_makes() -> None:
    expected, found = examples(), documented()
    assert sorted(found) == sorted(expected)
    for name, value in expected.items():
        assert found[name] == value, f"docs/MESH-PROTOCOL.md example {name!r} is out of date"


def test_the_example_signal_is_valid_and_signed_by_its_node_id() -> None:
    signal = parse_signal(signal_item())
    verify(signal)
    assert signal.publisher == node_id()
    assert (signal.kind, signal.level, str(signal.target)) == ("ban", "L2", "203.0.113.7/32")
    record = parse_record(genesis_record())
    verify(record)
    assert Membership(CLUSTER).add(genesis_record()).outcome == "accepted"


def test_the_example_frames_decode_back() -> None:
    frame_hex = examples()["signals-frame"]
    raw = bytes.fromhex(frame_hex)
    length, kind, item_length = struct.unpack_from(">IBH", raw)
    assert (length, kind, item_length) == (len(raw) - 4, 0x04, len(signal_item()))
    decoder = FrameDecoder()
    hello = bytes.fromhex(examples()["hello-frame"])
    frames = decoder.feed(raw + hello)
    assert [f.type for f in frames] == [FrameType.SIGNALS, FrameType.HELLO]
    assert frames[0].items() == [signal_item()]
    assert frames[1].json() == hello_body()
    assert hello_body()["members"] == examples()["members-digest"]


def main() -> None:
    for name, value in examples().items():
        print(f"<!-- protocol-example: {name} -->\n```\n{_wrapped(name, value)}\n```\n")


if __name__ == "__main__":
    main()
