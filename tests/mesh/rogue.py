"""A member's key in a hand-made mesh client: what a compromised or buggy member can send.

The member's daemon is stopped and its identity key drives ``RogueMember``, a blocking
pyOpenSSL client of another member's mesh port. It presents the member's certificate, completes
HELLO with the fields ``MeshService.hello()`` sends, and then sends whatever signed (or unsigned)
items a test builds with ``Publisher``. Nothing here imports the daemon's service code: what goes
on the wire is built from the documented pieces (``envelope.seal``, ``wire.item_frames``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import select
import socket
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

from nacl.signing import SigningKey
from OpenSSL import SSL, crypto

from honeymesh.license.issue import issue_license
from honeymesh.license.jsonbytes import canonical_json
from honeymesh.license.verify import Tier
from honeymesh.mesh.envelope import SCHEMA, new_id, parse_record, seal
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.mesh.membership import claim_record
from honeymesh.mesh.tls import ALPN_MESH, mesh_certificate
from honeymesh.mesh.wire import Frame, FrameDecoder, FrameType, item_frames, json_frame

from .cluster import VENDOR, YEAR, MeshNode

_SEQ = itertools.count(1_000)  # above anything a test daemon published itself


def identity_of(node: MeshNode) -> NodeIdentity:
    return NodeIdentity.load(node.directory / "var" / "identity.key")


def own_claim(node: MeshNode) -> bytes:
    """The capability claim the node signed into its latest claim record (its own database)."""
    node_id = identity_of(node).node_id
    db = node.directory / "var" / "honeymesh.db"
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            "SELECT raw FROM mesh_records WHERE kind = 'claim' AND node = ? "
            "ORDER BY ts DESC, id DESC LIMIT 1",
            (node_id,),
        ).fetchone()
    assert row is not None, f"{node.name} has no claim record"
    return base64.b64decode(parse_record(bytes(row[0])).body["claim"])


def community_claim(node_id: str) -> bytes:
    """A claim in the documented format around a Community license the test vendor signed."""
    now = int(time.time())
    document = issue_license(
        VENDOR,
        licensee="Mesh Test Corp",
        tier=Tier.COMMUNITY,
        issued_at=now - 86400,
        not_before=now - 86400,
        expires_at=now + YEAR,
        license_id="HM-MESH-COMMUNITY",
    )
    return canonical_json(
        {
            "format": "honeymesh-claim/1",
            "node_id": node_id,
            "license": base64.b64encode(document).decode("ascii"),
            "publish": True,
            "consume": True,
        }
    )


def ref(claim: bytes) -> str:
    return hashlib.sha256(claim).hexdigest()


@dataclass
class Publisher:
    """Builds one publisher's signal fields (valid by default) and seals them."""

    key: SigningKey
    claim: bytes
    cluster: str

    @property
    def node_id(self) -> str:
        return bytes(self.key.verify_key).hex()

    def fields(
        self, target: str, *, kind: str = "ban", level: str = "L2", **overrides: Any
    ) -> dict[str, Any]:
        """A fresh signal published now and living an hour, with ``overrides`` applied."""
        now = int(time.time() * 1000)
        body: dict[str, Any] = {"target": target, "reason": "ssh-bruteforce"}
        fields: dict[str, Any] = {
            "v": SCHEMA,
            "id": new_id(),
            "pub": self.node_id,
            "seq": next(_SEQ),
            "ts": now,
            "exp": now + 3600_000,
            "cls": level,
            "kind": kind,
            "claim": ref(self.claim),
            "cluster": self.cluster,
            "body": body,
        }
        fields.update(overrides)
        return fields

    def signal(self, target: str, **kw: Any) -> bytes:
        return seal(self.key, self.fields(target, **kw))

    def claim_record(self, claim: bytes, *, name: str) -> bytes:
        """A claim record signed by this publisher: its claim from now on."""
        return claim_record(
            self.key,
            cluster=self.cluster,
            claim=claim,
            name=name,
            addr=["127.0.0.1:1"],
            now_ms=int(time.time() * 1000),
        )


@dataclass
class RogueMember:
    """A raw mesh connection under a member's identity to another member's mesh port."""

    identity: NodeIdentity
    claim: bytes
    cluster: str
    port: int
    host: str = "127.0.0.1"
    name: str = "rogue"
    peer_hello: dict[str, Any] = field(default_factory=dict)
    received: list[Frame] = field(default_factory=list)
    _conn: SSL.Connection | None = None
    _sock: socket.socket | None = None
    _decoder: FrameDecoder = field(default_factory=FrameDecoder)

    @classmethod
    def of(cls, member: MeshNode, receiver: MeshNode, cluster: str) -> RogueMember:
        """A client with ``member``'s key (its daemon stopped) for ``receiver``'s mesh port."""
        return cls(identity_of(member), own_claim(member), cluster, receiver.mesh_port)

    def __enter__(self) -> RogueMember:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> None:
        cert_pem, key_pem = mesh_certificate(self.identity, name=self.name, now=time.time())
        ctx = SSL.Context(SSL.TLS_METHOD)
        ctx.use_certificate(crypto.load_certificate(crypto.FILETYPE_PEM, cert_pem))
        ctx.use_privatekey(crypto.load_privatekey(crypto.FILETYPE_PEM, key_pem))
        ctx.set_verify(SSL.VERIFY_NONE)  # the server's key is a member's: not what is tested
        sock = socket.create_connection((self.host, self.port), timeout=10)
        sock.settimeout(None)
        conn = SSL.Connection(ctx, sock)
        conn.set_alpn_protos([ALPN_MESH])
        conn.set_connect_state()
        conn.do_handshake()
        assert conn.get_alpn_proto_negotiated() == ALPN_MESH
        self._sock, self._conn = sock, conn
        hello = self.wait_for(FrameType.HELLO)
        self.peer_hello = hello.json()
        self._send(
            json_frame(
                FrameType.HELLO,
                {
                    "v": SCHEMA,
                    "schemas": [SCHEMA],
                    "node": self.identity.node_id,
                    "name": self.name,
                    "cluster": self.cluster,
                    "claim": base64.b64encode(self.claim).decode(),
                    "features": ["records", "signals", "sync"],
                    "heartbeat": 1.0,
                    "members": self.peer_hello.get("members", ""),
                    "hwm": {},
                },
            )
        )

    def send_signals(self, items: list[bytes]) -> None:
        """A heartbeat (so the peer's timer never runs out mid-test), then the items."""
        self._beat()
        for frame in item_frames(FrameType.SIGNALS, items):
            self._send(frame)

    def send_records(self, items: list[bytes]) -> None:
        self._beat()
        for frame in item_frames(FrameType.RECORDS, items):
            self._send(frame)

    def wait_for(self, kind: FrameType, timeout: float = 10.0) -> Frame:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, frame in enumerate(self.received):
                if frame.type is kind:
                    return self.received.pop(i)
            self.read(0.1)
        raise AssertionError(f"no {kind.name} frame from the peer in {timeout} s")

    def read(self, timeout: float) -> None:
        """Take what the peer sent within ``timeout`` seconds (it ends at the first pause)."""
        assert self._conn is not None and self._sock is not None
        while self._conn.pending() or select.select([self._sock], [], [], timeout)[0]:
            try:
                data = self._conn.recv(65536)
            except SSL.WantReadError:
                continue
            except (SSL.ZeroReturnError, SSL.SysCallError):
                raise AssertionError(f"the peer closed the connection: {self.received}") from None
            self.received.extend(self._decoder.feed(data))
            timeout = 0.0

    def close(self) -> None:
        if self._conn is None:
            return
        with contextlib.suppress(SSL.Error, OSError):
            self._send(json_frame(FrameType.CLOSE, {"reason": "shutdown", "detail": "test"}))
            self._conn.shutdown()
        assert self._sock is not None
        self._sock.close()
        self._conn = self._sock = None

    def _beat(self) -> None:
        self.read(0.0)
        self._send(
            json_frame(
                FrameType.HEARTBEAT,
                {
                    "t": int(time.time() * 1000),
                    "claim": base64.b64encode(self.claim).decode(),
                    "members": self.peer_hello.get("members", ""),
                    "hwm": {},
                },
            )
        )

    def _send(self, data: bytes) -> None:
        assert self._conn is not None
        self._conn.sendall(data)
