"""The mesh's mutual TLS, in which a node's certificate proves its node id.

A node id is the hex of the node's Ed25519 public key, so the certificate needs no authority: each
node self-signs a certificate with its identity key itself, and the TLS handshake's
CertificateVerify proves the other side holds the private key of the certificate it sent. Who may
connect is therefore not a question of chains but of membership: the verify callback takes the
node id from the certificate's key and asks a `PeerAdmission`, and a refusal fails the handshake,
so a non-member is turned away before a single application byte is read.

Two ALPN protocols tell the two kinds of connection apart on one port: `ALPN_MESH` between
members, `ALPN_JOIN` for a non-member redeeming a join token (the server admits it as
``joining=True`` and the mesh layer allows only a JOIN frame on it).

TLS 1.3 is preferred and TLS 1.2 the minimum. Compression, renegotiation and session resumption
are off: a resumed session would skip the verify callback, and with it the membership check, so
a member removed since its last connection could otherwise come back on an old ticket.
"""

from __future__ import annotations

import datetime
import re
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from OpenSSL import SSL, crypto
from twisted.internet.interfaces import (
    INegotiated,
    IOpenSSLClientConnectionCreator,
    IOpenSSLServerConnectionCreator,
    ITransport,
)
from twisted.logger import Logger
from zope.interface import implementer

from honeymesh.mesh.identity import NodeIdentity

ALPN_MESH = b"honeymesh/2"
ALPN_JOIN = b"honeymesh-join/2"

CERT_VALIDITY = datetime.timedelta(days=3652)  # ten years, leap days included
CERT_BACKDATE = datetime.timedelta(days=1)  # a peer whose clock is a day behind still accepts it
NODE_URI_PREFIX = "urn:honeymesh:node:"

# TLS 1.2 needs ECDSA-class suites to sign with an Ed25519 key; TLS 1.3 suites are OpenSSL's
# defaults (AES-GCM and ChaCha20-Poly1305), all AEAD with forward secrecy.
_TLS12_CIPHERS = (
    b"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256"
)

# What OpenSSL says about a self-signed certificate that no trust store vouches for. They are
# the only errors ignored: the key is the identity, whoever signed the certificate. Anything
# else (dates, a malformed certificate) still refuses it.
_CHAIN_ERRORS = frozenset(
    {
        2,  # X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
        18,  # X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
        19,  # X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
        20,  # X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
        21,  # X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE
        27,  # X509_V_ERR_CERT_UNTRUSTED
    }
)
_DATE_ERRORS = frozenset({9, 10})  # X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED

log = Logger()


class MeshTlsError(Exception):
    """A certificate or transport does not carry a mesh identity."""


class PeerAdmission(Protocol):
    """Who may connect: the membership side of the handshake, asked by the verify callback."""

    def admit(self, node_id: str, *, joining: bool) -> str | None:
        """None to accept the peer; otherwise the reason it is refused (e.g. 'not a member',
        'removed member', 'other cluster'): a short fixed phrase, which `refused` receives as a
        code ('not-a-member')."""

    def refused(self, reason: str, node_id: str | None) -> None:
        """Called once for each refused handshake (for metrics and the event log); reason is a
        short stable code like 'no-certificate', 'not-ed25519', 'not-a-member', 'removed',
        'expected-other-node'; node_id is None when no certificate key was seen."""


def mesh_certificate(identity: NodeIdentity, *, name: str, now: float) -> tuple[bytes, bytes]:
    """(cert_pem, key_pem): an X.509 certificate self-signed with the identity key itself.

    Its public key IS the node id, so nothing else in it needs trusting. CN is the node's name
    (cut to X.509's 64 characters, or the node id's start when empty) and a URI SAN
    ``urn:honeymesh:node:<id>`` shows the node id to humans reading the certificate; validity
    runs from a day before `now` for ten years.
    """
    key = _private_key(identity)
    cert = _build_certificate(key, identity.node_id, name=name, now=now)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def node_id_of(cert: crypto.X509 | x509.Certificate) -> str:
    """Hex of the raw Ed25519 public key of the certificate: the only identity the mesh trusts.

    Names, SANs and OUs are ignored, whatever node id they claim. MeshTlsError if the key is not
    Ed25519 (an RSA or ECDSA certificate cannot be a node).
    """
    if isinstance(cert, crypto.X509):
        cert = cert.to_cryptography()
    try:
        key = cert.public_key()
    except ValueError as e:  # a key type cryptography cannot even parse
        raise MeshTlsError(f"unreadable certificate key: {e}") from None
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise MeshTlsError(f"certificate key is {type(key).__name__}, not Ed25519")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def peer_node_id(transport: ITransport) -> str:
    """After the handshake, the node id of the other side's certificate.

    MeshTlsError if the transport is not TLS or carries no peer certificate (yet, or any more).
    """
    get = getattr(transport, "getPeerCertificate", None)
    if get is None:
        raise MeshTlsError("not a TLS transport")
    try:
        cert = get()
    except (AttributeError, SSL.Error):  # the TLS connection is already torn down
        cert = None
    if cert is None:
        raise MeshTlsError("no peer certificate")
    return node_id_of(cert)


def negotiated_alpn(transport: object) -> bytes | None:
    """The ALPN protocol both sides agreed on (ALPN_MESH or ALPN_JOIN), or None."""
    if not INegotiated.providedBy(transport):
        return None
    proto: bytes | None = transport.negotiatedProtocol
    return proto


def server_tls_factory(
    identity: NodeIdentity, admission: PeerAdmission, *, name: str, now: float
) -> MeshServerTls:
    """The listening side, for `TLSMemoryBIOFactory(factory, False, wrapped)` or an endpoint."""
    return MeshServerTls(_mesh_context(identity, name=name, now=now), admission)


def client_tls_creator(
    identity: NodeIdentity,
    admission: PeerAdmission,
    *,
    expected_node_id: str,
    joining: bool,
    name: str,
    now: float,
) -> MeshClientTls:
    """The dialling side, for `wrapClientTLS` or `TLSMemoryBIOFactory(creator, True, wrapped)`.

    The server's key must be `expected_node_id` (the member dialled, or the issuer fingerprint
    of a join token); when not joining, the admission must also still accept it as a member.
    """
    return MeshClientTls(
        _mesh_context(identity, name=name, now=now),
        admission,
        expected_node_id=expected_node_id.lower(),
        joining=joining,
    )


@implementer(IOpenSSLServerConnectionCreator)
class MeshServerTls:
    """Makes one `_MeshConnection` per accepted connection, all sharing one context.

    The client must send a certificate; the ALPN callback notes whether it came to join, then the
    verify callback decides on its key before the handshake can finish.
    """

    def __init__(self, context: SSL.Context, admission: PeerAdmission) -> None:
        self.context = context
        self.admission = admission
        context.set_verify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT, _verify)
        context.set_alpn_select_callback(_select_alpn)

    def serverConnectionForTLS(self, tlsProtocol: object) -> SSL.Connection:
        return _MeshConnection(self.context, _ServerCheck(self.admission))


@implementer(IOpenSSLClientConnectionCreator)
class MeshClientTls:
    """Makes the dialling connection: offers one ALPN protocol and checks the server's key."""

    def __init__(
        self,
        context: SSL.Context,
        admission: PeerAdmission,
        *,
        expected_node_id: str,
        joining: bool,
    ) -> None:
        self.context = context
        self.admission = admission
        self.expected_node_id = expected_node_id
        self.joining = joining
        context.set_verify(SSL.VERIFY_PEER, _verify)

    def clientConnectionForTLS(self, tlsProtocol: object) -> SSL.Connection:
        check = _ClientCheck(self.admission, self.expected_node_id, self.joining)
        conn = _MeshConnection(self.context, check)
        conn.set_alpn_protos([ALPN_JOIN if self.joining else ALPN_MESH])
        return conn


class _Check:
    """One connection's admission decision, asked of the admission once however often OpenSSL
    calls back.

    OpenSSL calls the verify callback several times for the same leaf certificate: first with
    the chain error, then once per further problem (an expiry, say), then with no error. The
    identity and the admission's answer come from the first call; each later call can still
    refuse the certificate for an error of its own, never accept it after a refusal.
    """

    def __init__(self, admission: PeerAdmission) -> None:
        self.admission = admission
        self.decided = False
        self.node_id: str | None = None
        self.refusal: str | None = None
        self.reported = False

    def verify(self, cert: crypto.X509, error: int, depth: int) -> bool:
        if depth > 0:
            # Mesh certificates stand alone; any chain a peer adds can neither prove nor change
            # its identity, which is decided at depth 0.
            return True
        if not self.decided:
            self.decided = True
            self.refusal = self._identify(cert)
        if self.refusal is None:
            if error in _DATE_ERRORS:
                self.refusal = "certificate-dates"
            elif error and error not in _CHAIN_ERRORS:
                self.refusal = "bad-certificate"
        if self.refusal is not None:
            self.report(self.refusal)
        return self.refusal is None

    def _identify(self, cert: crypto.X509) -> str | None:
        try:
            self.node_id = node_id_of(cert)
        except MeshTlsError:
            return "not-ed25519"
        return self.admit(self.node_id)

    def admit(self, node_id: str) -> str | None:
        raise NotImplementedError

    def ask(self, node_id: str, *, joining: bool) -> str | None:
        """The admission's answer as a code; an admission that fails refuses rather than
        letting the exception escape into OpenSSL's callback."""
        try:
            reason = self.admission.admit(node_id, joining=joining)
        except Exception:
            log.failure("mesh admission failed for {node_id}", node_id=node_id)
            return "admission-error"
        return None if reason is None else _code(reason)

    def report(self, reason: str) -> None:
        if self.reported:
            return
        self.reported = True
        try:
            self.admission.refused(reason, self.node_id)
        except Exception:
            log.failure("reporting a refused mesh handshake failed ({reason})", reason=reason)

    def handshake_failed(self, error: SSL.Error) -> None:
        """OpenSSL ended the handshake before or without the verify callback."""

    def handshake_done(self, conn: SSL.Connection) -> str | None:
        """A last look once OpenSSL is satisfied; a reason here still fails the handshake.

        It guards the one assumption everything rests on: that the verify callback ran on the
        certificate the peer ended up with.
        """
        if not self.decided or self.refusal is not None:
            return self.refusal or "not-verified"
        cert = conn.get_peer_certificate(as_cryptography=True)
        if cert is None:
            return "no-certificate"
        try:
            return None if node_id_of(cert) == self.node_id else "not-verified"
        except MeshTlsError:
            return "not-ed25519"


class _ServerCheck(_Check):
    def __init__(self, admission: PeerAdmission) -> None:
        super().__init__(admission)
        self.joining: bool | None = None  # set by the ALPN callback; None: no ALPN offered

    def admit(self, node_id: str) -> str | None:
        if self.joining is None:
            return "no-alpn"
        return self.ask(node_id, joining=self.joining)

    def handshake_failed(self, error: SSL.Error) -> None:
        """Report what the verify callback never saw: a client without a certificate (OpenSSL
        refuses it itself, under VERIFY_FAIL_IF_NO_PEER_CERT), an old protocol version, or any
        other broken handshake. An alert from the client is its refusal of us, not ours of it,
        and is not reported."""
        reasons = _openssl_reasons(error)
        if "peer did not return a certificate" in reasons:
            self.report("no-certificate")
        elif any("alert" in reason for reason in reasons):
            return
        elif reasons & {"unsupported protocol", "wrong version number"}:
            self.report("tls-version")
        else:
            self.report("tls-error")


class _ClientCheck(_Check):
    def __init__(self, admission: PeerAdmission, expected_node_id: str, joining: bool) -> None:
        super().__init__(admission)
        self.expected_node_id = expected_node_id
        self.joining = joining

    def admit(self, node_id: str) -> str | None:
        if node_id != self.expected_node_id:
            return "expected-other-node"
        # A join token names its issuer, which is all a joiner knows of the mesh yet.
        return None if self.joining else self.ask(node_id, joining=False)

    def handshake_done(self, conn: SSL.Connection) -> str | None:
        offered = ALPN_JOIN if self.joining else ALPN_MESH
        if conn.get_alpn_proto_negotiated() != offered:
            self.report("no-alpn")
            return "no-alpn"
        return super().handshake_done(conn)


class _MeshConnection(SSL.Connection):
    """An OpenSSL connection that carries its admission check.

    Twisted drives the handshake through `do_handshake`, so this is where a failure OpenSSL
    decides alone (no client certificate) can still be reported, and where the final check runs.
    """

    def __init__(self, context: SSL.Context, check: _Check) -> None:
        super().__init__(context, None)
        self.check = check

    def do_handshake(self) -> None:
        try:
            super().do_handshake()
        except (SSL.WantReadError, SSL.WantWriteError):
            raise
        except SSL.Error as e:
            if not self.check.reported:
                self.check.handshake_failed(e)
            raise
        reason = self.check.handshake_done(self)
        if reason is not None:
            self.check.report(reason)
            raise SSL.Error([("honeymesh", "do_handshake", f"mesh peer refused: {reason}")])


def _verify(conn: SSL.Connection, cert: crypto.X509, error: int, depth: int, ok: int) -> bool:
    if not isinstance(conn, _MeshConnection):  # a connection this module did not make
        return False
    try:
        return conn.check.verify(cert, error, depth)
    except Exception:  # never let an exception escape into OpenSSL: it would skip the refusal
        log.failure("mesh certificate check failed")
        conn.check.decided, conn.check.refusal = True, "bad-certificate"
        conn.check.report("bad-certificate")
        return False


def _select_alpn(conn: SSL.Connection, offered: list[bytes]) -> bytes:
    """Runs on the ClientHello, before the client certificate: remembers whether it joins.

    A client offering ALPN_JOIN is a joiner even if it offers ALPN_MESH too, so it can never
    gain a member's connection by listing both. Offering neither ends the handshake.
    """
    if not isinstance(conn, _MeshConnection) or not isinstance(conn.check, _ServerCheck):
        return b""
    for proto in (ALPN_JOIN, ALPN_MESH):
        if proto in offered:
            conn.check.joining = proto == ALPN_JOIN
            return proto
    conn.check.report("no-alpn")
    return b""


def _mesh_context(identity: NodeIdentity, *, name: str, now: float) -> SSL.Context:
    """What both sides share: the identity certificate and the protocol floor."""
    key = _private_key(identity)
    ctx = SSL.Context(SSL.TLS_METHOD)
    ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
    ctx.set_options(
        SSL.OP_NO_COMPRESSION
        | SSL.OP_NO_RENEGOTIATION
        | SSL.OP_NO_TICKET
        | SSL.OP_CIPHER_SERVER_PREFERENCE
    )
    ctx.set_session_cache_mode(SSL.SESS_CACHE_OFF)
    ctx.set_cipher_list(_TLS12_CIPHERS)
    ctx.use_certificate(_build_certificate(key, identity.node_id, name=name, now=now))
    ctx.use_privatekey(key)
    ctx.check_privatekey()
    return ctx


def _private_key(identity: NodeIdentity) -> ed25519.Ed25519PrivateKey:
    # A PyNaCl SigningKey's bytes are its 32-byte seed, which is exactly an Ed25519 private key.
    return ed25519.Ed25519PrivateKey.from_private_bytes(bytes(identity.signing_key))


def _build_certificate(
    key: ed25519.Ed25519PrivateKey, node_id: str, *, name: str, now: float
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name[:64] or node_id[:16])])
    start = datetime.datetime.fromtimestamp(now, datetime.UTC) - CERT_BACKDATE
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + CERT_BACKDATE + CERT_VALIDITY)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.UniformResourceIdentifier(NODE_URI_PREFIX + node_id)]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .sign(key, None)  # Ed25519 hashes internally
    )


def _code(reason: str) -> str:
    """'not a member' -> 'not-a-member': the admission's phrase as a stable metric label."""
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "refused"


def _openssl_reasons(error: SSL.Error) -> set[str]:
    """The reason strings of an OpenSSL error queue, [(lib, func, reason), ...]."""
    found: set[str] = set()
    for arg in error.args:
        if isinstance(arg, list):
            for entry in arg:
                if isinstance(entry, tuple) and entry:
                    found.add(str(entry[-1]))
    return found
