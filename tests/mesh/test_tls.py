"""The mesh's mutual TLS over real connections on 127.0.0.1: who gets in, who is turned away, and
what each side learns about the other.

Every refusal is checked where a user would notice it: the refusal code the admission records,
the node id it was about, and that the server's protocol never saw an application byte.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest
import pytest_twisted
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.x509.oid import NameOID
from OpenSSL import SSL, crypto
from twisted.internet import reactor, task
from twisted.internet.address import IPv4Address
from twisted.internet.defer import Deferred
from twisted.internet.endpoints import SSL4ServerEndpoint, TCP4ClientEndpoint, wrapClientTLS
from twisted.internet.interfaces import (
    IHandshakeListener,
    IListeningPort,
    IOpenSSLClientConnectionCreator,
)
from twisted.internet.protocol import Factory, Protocol, connectionDone
from twisted.internet.testing import StringTransport
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.mesh.identity import NodeIdentity
from honeymesh.mesh.tls import (
    ALPN_JOIN,
    ALPN_MESH,
    MeshClientTls,
    MeshServerTls,
    MeshTlsError,
    client_tls_creator,
    mesh_certificate,
    negotiated_alpn,
    node_id_of,
    peer_node_id,
    server_tls_factory,
)

NOW = 1_750_000_000.0  # June 2025: the certificates below are valid for years around it
SERVER = NodeIdentity.generate()
MEMBER = NodeIdentity.generate()
OUTSIDER = NodeIdentity.generate()


@dataclass
class Admission:
    """Members are admitted; joiners always (their token is the JOIN frame's business)."""

    members: set[str]
    removed: set[str] = field(default_factory=set)
    asked: list[tuple[str, bool]] = field(default_factory=list)
    refusals: list[tuple[str, str | None]] = field(default_factory=list)

    def admit(self, node_id: str, *, joining: bool) -> str | None:
        self.asked.append((node_id, joining))
        if joining:
            return None
        if node_id in self.removed:
            return "removed"
        if node_id not in self.members:
            return "not a member"
        return None

    def refused(self, reason: str, node_id: str | None) -> None:
        self.refusals.append((reason, node_id))


@implementer(IHandshakeListener)
class Peer(Protocol):
    """Says hello once the handshake is done, records what it learnt and what it was sent."""

    def __init__(self, greeting: bytes) -> None:
        self.greeting = greeting
        self.made = False
        self.handshake_done = False
        self.peer: str | None = None
        self.alpn: bytes | None = None
        self.version: str | None = None
        self.received = b""
        self.reason: Failure | None = None
        self.lost: Deferred[None] = Deferred()

    def connectionMade(self) -> None:
        self.made = True

    def handshakeCompleted(self) -> None:
        self.handshake_done = True
        self.peer = peer_node_id(self.transport)  # type: ignore[arg-type]
        self.alpn = negotiated_alpn(self.transport)
        self.version = self.transport.getHandle().get_protocol_version_name()  # type: ignore[union-attr]
        self.transport.write(self.greeting)  # type: ignore[union-attr]

    def dataReceived(self, data: bytes) -> None:
        self.received += data

    def connectionLost(self, reason: Failure = connectionDone) -> None:
        self.reason = reason
        self.lost.callback(None)


@implementer(IOpenSSLClientConnectionCreator)
class RawClient:
    """A client made by hand, to be what the mesh's own creator never is: certificate-less,
    RSA, TLS 1.1, a forger."""

    def __init__(self, context: SSL.Context, alpn: list[bytes] | None = None) -> None:
        self.context = context
        self.alpn = [ALPN_MESH] if alpn is None else alpn
        self.session: SSL.Session | None = None
        self.connections: list[SSL.Connection] = []

    def clientConnectionForTLS(self, tlsProtocol: object) -> SSL.Connection:
        conn = SSL.Connection(self.context, None)
        if self.alpn:
            conn.set_alpn_protos(self.alpn)
        if self.session is not None:
            conn.set_session(self.session)
        self.connections.append(conn)
        return conn


def raw_context(
    cert: x509.Certificate | None = None,
    key: ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey | None = None,
    *,
    max_version: int | None = None,
) -> SSL.Context:
    ctx = SSL.Context(SSL.TLS_METHOD)
    ctx.set_verify(SSL.VERIFY_NONE)
    if max_version is not None:
        ctx.set_min_proto_version(SSL.TLS1_VERSION)
        ctx.set_max_proto_version(max_version)
        ctx.set_cipher_list(b"ALL:@SECLEVEL=0")
    if cert is not None and key is not None:
        ctx.use_certificate(cert)
        ctx.use_privatekey(key)
    return ctx


def identity_material(
    identity: NodeIdentity, *, now: float = NOW
) -> tuple[x509.Certificate, ed25519.Ed25519PrivateKey]:
    cert_pem, key_pem = mesh_certificate(identity, name="raw", now=now)
    key = serialization.load_pem_private_key(key_pem, None)
    assert isinstance(key, ed25519.Ed25519PrivateKey)
    return x509.load_pem_x509_certificate(cert_pem), key


def self_signed(
    key: ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey, *, cn: str, san: str
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    start = datetime.datetime.fromtimestamp(NOW, datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=3650))
        .add_extension(
            x509.SubjectAlternativeName([x509.UniformResourceIdentifier(san)]), critical=False
        )
        .sign(key, None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256())
    )


def member_client(
    identity: NodeIdentity = MEMBER,
    *,
    expected: str = SERVER.node_id,
    joining: bool = False,
    admission: Admission | None = None,
) -> tuple[MeshClientTls, Admission]:
    admission = admission or Admission({SERVER.node_id})
    creator = client_tls_creator(
        identity, admission, expected_node_id=expected, joining=joining, name="client", now=NOW
    )
    return creator, admission


@dataclass
class Run:
    server: Peer
    client: Peer


class Mesh:
    """A listening server node; `dial` connects a client and waits until both sides are gone."""

    def __init__(self, admission: Admission) -> None:
        self.admission = admission
        self.tls: MeshServerTls = server_tls_factory(SERVER, admission, name="server", now=NOW)
        self.servers: list[Peer] = []
        self.port: IListeningPort | None = None

    async def listen(self) -> None:
        def build() -> Peer:
            peer = Peer(b"server says hello")
            self.servers.append(peer)
            return peer

        endpoint = SSL4ServerEndpoint(reactor, 0, self.tls, interface="127.0.0.1")
        self.port = await endpoint.listen(Factory.forProtocol(build))

    async def dial(
        self, creator: IOpenSSLClientConnectionCreator, *, until: Callable[[Run], bool]
    ) -> Run:
        assert self.port is not None
        address = self.port.getHost()
        assert isinstance(address, IPv4Address)
        endpoint = wrapClientTLS(creator, TCP4ClientEndpoint(reactor, "127.0.0.1", address.port))
        accepted = len(self.servers)
        client = await endpoint.connect(Factory.forProtocol(lambda: Peer(b"client says hello")))
        assert isinstance(client, Peer)
        await eventually(lambda: len(self.servers) > accepted)
        run = Run(self.servers[accepted], client)
        await eventually(lambda: until(run) or run.client.lost.called)
        client.transport.loseConnection()  # type: ignore[union-attr]
        await client.lost.addTimeout(5, reactor)
        await eventually(lambda: run.server.lost.called)
        return run

    async def close(self) -> None:
        stopped = self.port.stopListening() if self.port is not None else None
        if stopped is not None:
            await stopped


async def eventually(condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            return
        await task.deferLater(reactor, 0.01, lambda: None)
    raise AssertionError("condition never held")


def greeted(run: Run) -> bool:
    return run.client.received != b"" and run.server.received != b""


@pytest_twisted.async_yield_fixture
async def mesh() -> AsyncIterator[Mesh]:
    m = Mesh(Admission({MEMBER.node_id}))
    await m.listen()
    yield m
    await m.close()


def assert_refused_before_any_byte(run: Run) -> None:
    """The server's protocol was connected (Twisted does that before the handshake) but never
    completed a handshake and never received a byte, even one the client sent after its own
    side of the handshake had finished."""
    assert run.server.made
    assert not run.server.handshake_done
    assert run.server.received == b""
    assert run.client.received == b""


# The certificate


def test_the_certificate_key_is_the_identity_and_names_are_for_humans() -> None:
    cert_pem, key_pem = mesh_certificate(MEMBER, name="edge-1", now=NOW)
    cert = x509.load_pem_x509_certificate(cert_pem)
    assert node_id_of(cert) == MEMBER.node_id
    key = serialization.load_pem_private_key(key_pem, None)
    assert isinstance(key, ed25519.Ed25519PrivateKey)
    assert key.public_key() == cert.public_key()
    cert.verify_directly_issued_by(cert)  # self-signed with the identity key itself
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "edge-1"
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == [
        f"urn:honeymesh:node:{MEMBER.node_id}"
    ]
    start = datetime.datetime.fromtimestamp(NOW, datetime.UTC)
    assert cert.not_valid_before_utc == start - datetime.timedelta(days=1)
    assert cert.not_valid_after_utc - start >= datetime.timedelta(days=3650)


def test_a_long_or_empty_name_still_makes_a_certificate() -> None:
    long = x509.load_pem_x509_certificate(mesh_certificate(MEMBER, name="n" * 200, now=NOW)[0])
    empty = x509.load_pem_x509_certificate(mesh_certificate(MEMBER, name="", now=NOW)[0])
    assert long.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "n" * 64
    assert (
        empty.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (MEMBER.node_id[:16])
    )


def test_node_id_of_accepts_both_certificate_types_and_refuses_rsa() -> None:
    cert, _ = identity_material(MEMBER)
    assert node_id_of(crypto.X509.from_cryptography(cert)) == MEMBER.node_id
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(MeshTlsError, match="not Ed25519"):
        node_id_of(self_signed(rsa_key, cn="x", san="urn:x"))


def test_peer_node_id_needs_a_tls_peer() -> None:
    with pytest.raises(MeshTlsError):
        peer_node_id(StringTransport())
    assert negotiated_alpn(StringTransport()) is None


def test_the_context_refuses_compression_renegotiation_and_tickets() -> None:
    tls = server_tls_factory(SERVER, Admission(set()), name="s", now=NOW)
    options = tls.context.set_options(0)  # returns the options already set
    for option in (SSL.OP_NO_COMPRESSION, SSL.OP_NO_RENEGOTIATION, SSL.OP_NO_TICKET):
        assert options & option


# Members


@pytest_twisted.ensureDeferred
async def test_two_members_learn_each_others_node_id_over_tls_1_3(mesh: Mesh) -> None:
    creator, client_admission = member_client()
    run = await mesh.dial(creator, until=greeted)
    assert run.server.peer == MEMBER.node_id
    assert run.client.peer == SERVER.node_id
    assert run.server.version == run.client.version == "TLSv1.3"
    assert run.server.alpn == run.client.alpn == ALPN_MESH
    assert run.server.received == b"client says hello"
    assert run.client.received == b"server says hello"
    assert mesh.admission.asked == [(MEMBER.node_id, False)]
    assert client_admission.asked == [(SERVER.node_id, False)]
    assert mesh.admission.refusals == client_admission.refusals == []


@pytest_twisted.ensureDeferred
async def test_tls_1_2_is_still_accepted(mesh: Mesh) -> None:
    creator, _ = member_client()
    creator.context.set_max_proto_version(SSL.TLS1_2_VERSION)
    run = await mesh.dial(creator, until=greeted)
    assert run.server.version == "TLSv1.2"
    assert (run.server.peer, run.client.peer) == (MEMBER.node_id, SERVER.node_id)


@pytest_twisted.ensureDeferred
async def test_a_tls_1_1_client_is_refused(mesh: Mesh) -> None:
    cert, key = identity_material(MEMBER)  # a member, so only the version is wrong
    run = await mesh.dial(
        RawClient(raw_context(cert, key, max_version=SSL.TLS1_1_VERSION)), until=greeted
    )
    assert_refused_before_any_byte(run)
    assert mesh.admission.refusals == [("tls-version", None)]
    assert mesh.admission.asked == []


def test_the_server_refuses_to_renegotiate() -> None:
    """Over memory BIOs, where the client's renegotiation request can be driven step by step.
    The mesh's own client refuses to renegotiate too, so a hand-made TLS 1.2 one asks."""
    server = server_tls_factory(SERVER, Admission({MEMBER.node_id}), name="s", now=NOW)
    s = server.serverConnectionForTLS(None)
    s.set_accept_state()
    cert, key = identity_material(MEMBER)
    ctx = raw_context(cert, key, max_version=SSL.TLS1_2_VERSION)
    ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
    c = SSL.Connection(ctx, None)
    c.set_connect_state()
    c.set_alpn_protos([ALPN_MESH])

    def pump() -> None:
        for _ in range(6):
            for side in (c, s):
                with contextlib.suppress(SSL.WantReadError):
                    side.do_handshake()
            move()

    def move() -> None:
        for src, dst in ((c, s), (s, c)):
            with contextlib.suppress(SSL.WantReadError):
                dst.bio_write(src.bio_read(65536))

    pump()
    assert s.get_protocol_version_name() == "TLSv1.2"
    peer = s.get_peer_certificate(as_cryptography=True)
    assert peer is not None
    assert node_id_of(peer) == MEMBER.node_id
    assert c.renegotiate()
    with pytest.raises(SSL.WantReadError):
        c.do_handshake()  # sends the new ClientHello
    move()
    with pytest.raises(SSL.WantReadError):
        s.recv(100)  # answers it with a no_renegotiation alert
    move()
    with pytest.raises(SSL.Error, match="no renegotiation"):
        c.recv(100)


# Refusals on the server


@pytest_twisted.ensureDeferred
async def test_a_non_member_is_refused_before_any_application_byte(mesh: Mesh) -> None:
    creator, _ = member_client(OUTSIDER)
    run = await mesh.dial(creator, until=greeted)
    assert_refused_before_any_byte(run)
    # TLS 1.3 lets the client finish its side first, so it did try to send its greeting.
    assert run.client.handshake_done
    assert mesh.admission.refusals == [("not-a-member", OUTSIDER.node_id)]
    assert mesh.admission.asked == [(OUTSIDER.node_id, False)]


@pytest_twisted.ensureDeferred
async def test_a_removed_member_is_refused_even_with_a_saved_session(mesh: Mesh) -> None:
    cert, key = identity_material(MEMBER)
    client = RawClient(raw_context(cert, key, max_version=SSL.TLS1_2_VERSION))
    client.context.set_min_proto_version(SSL.TLS1_2_VERSION)
    first = await mesh.dial(client, until=greeted)
    assert first.server.peer == MEMBER.node_id
    client.session = client.connections[0].get_session()
    mesh.admission.removed.add(MEMBER.node_id)
    second = await mesh.dial(client, until=greeted)
    assert_refused_before_any_byte(second)
    assert mesh.admission.refusals == [("removed", MEMBER.node_id)]


@pytest_twisted.ensureDeferred
async def test_a_client_without_a_certificate_is_refused(mesh: Mesh) -> None:
    run = await mesh.dial(RawClient(raw_context()), until=greeted)
    assert_refused_before_any_byte(run)
    assert mesh.admission.refusals == [("no-certificate", None)]
    assert mesh.admission.asked == []


@pytest_twisted.ensureDeferred
async def test_a_certificate_naming_a_member_with_another_key_is_refused(mesh: Mesh) -> None:
    forger = ed25519.Ed25519PrivateKey.generate()
    forger_id = forger.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    forged = self_signed(forger, cn=MEMBER.node_id[:64], san=f"urn:honeymesh:node:{MEMBER.node_id}")
    run = await mesh.dial(RawClient(raw_context(forged, forger)), until=greeted)
    assert_refused_before_any_byte(run)
    # Its node id is its own key's, whatever it claims to be.
    assert mesh.admission.asked == [(forger_id.hex(), False)]
    assert mesh.admission.refusals == [("not-a-member", forger_id.hex())]


@pytest_twisted.ensureDeferred
async def test_an_rsa_certificate_is_refused(mesh: Mesh) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = self_signed(key, cn=MEMBER.node_id, san=f"urn:honeymesh:node:{MEMBER.node_id}")
    run = await mesh.dial(RawClient(raw_context(cert, key)), until=greeted)
    assert_refused_before_any_byte(run)
    assert mesh.admission.refusals == [("not-ed25519", None)]
    assert mesh.admission.asked == []


@pytest_twisted.ensureDeferred
async def test_an_expired_member_certificate_is_refused(mesh: Mesh) -> None:
    cert, key = identity_material(MEMBER, now=NOW - 11 * 365 * 86400)
    run = await mesh.dial(RawClient(raw_context(cert, key)), until=greeted)
    assert_refused_before_any_byte(run)
    assert mesh.admission.refusals == [("certificate-dates", MEMBER.node_id)]


@pytest_twisted.ensureDeferred
async def test_a_client_offering_no_mesh_protocol_is_refused(mesh: Mesh) -> None:
    cert, key = identity_material(MEMBER)
    silent = await mesh.dial(RawClient(raw_context(cert, key), alpn=[]), until=greeted)
    assert_refused_before_any_byte(silent)
    other = await mesh.dial(RawClient(raw_context(cert, key), alpn=[b"h2"]), until=greeted)
    assert_refused_before_any_byte(other)
    assert mesh.admission.refusals == [("no-alpn", MEMBER.node_id), ("no-alpn", None)]


# Joining


@pytest_twisted.ensureDeferred
async def test_joining_is_passed_to_admit_only_when_alpn_join_was_offered(mesh: Mesh) -> None:
    joiner, joiner_admission = member_client(OUTSIDER, joining=True, admission=Admission(set()))
    joined = await mesh.dial(joiner, until=greeted)
    assert joined.server.peer == OUTSIDER.node_id
    assert joined.server.alpn == joined.client.alpn == ALPN_JOIN
    # A joiner knows the issuer only by the token's fingerprint, not as a member.
    assert joiner_admission.asked == []

    member, _ = member_client(MEMBER)
    await mesh.dial(member, until=greeted)

    cert, key = identity_material(OUTSIDER)
    both = await mesh.dial(
        RawClient(raw_context(cert, key), alpn=[ALPN_MESH, ALPN_JOIN]), until=greeted
    )
    assert both.server.alpn == ALPN_JOIN  # listing both never earns a member's connection
    assert mesh.admission.asked == [
        (OUTSIDER.node_id, True),
        (MEMBER.node_id, False),
        (OUTSIDER.node_id, True),
    ]
    assert mesh.admission.refusals == []


# Refusals on the client


@pytest_twisted.ensureDeferred
async def test_the_client_refuses_a_server_that_is_not_the_node_it_dialled(mesh: Mesh) -> None:
    creator, client_admission = member_client(expected=OUTSIDER.node_id)
    run = await mesh.dial(creator, until=greeted)
    assert not run.client.handshake_done
    assert not run.server.handshake_done
    assert run.server.received == run.client.received == b""
    assert client_admission.refusals == [("expected-other-node", SERVER.node_id)]
    assert client_admission.asked == []
    assert mesh.admission.refusals == []  # the server refused nothing: the client left


@pytest_twisted.ensureDeferred
async def test_a_joiner_refuses_a_server_other_than_the_token_issuer(mesh: Mesh) -> None:
    creator, client_admission = member_client(
        OUTSIDER, expected=MEMBER.node_id, joining=True, admission=Admission(set())
    )
    run = await mesh.dial(creator, until=greeted)
    assert not run.client.handshake_done
    assert client_admission.refusals == [("expected-other-node", SERVER.node_id)]


@pytest_twisted.ensureDeferred
async def test_the_client_refuses_a_server_no_longer_a_member(mesh: Mesh) -> None:
    creator, client_admission = member_client(
        admission=Admission({SERVER.node_id}, removed={SERVER.node_id})
    )
    run = await mesh.dial(creator, until=greeted)
    assert not run.client.handshake_done
    assert run.server.received == run.client.received == b""
    assert client_admission.refusals == [("removed", SERVER.node_id)]
