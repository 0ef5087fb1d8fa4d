"""The mesh between real `twistd honeymesh` daemons on loopback, over real mutual TLS, as an
operator sees it: a join with a token (CLI and API) that every member accepts, a removal that
cuts a node off everywhere (even where it was down at the time), a founder that dies, and every
way a stranger, a forger, another cluster, a spent token or a broken client is turned away,
each for its stated reason, with the membership unchanged and the daemon still healthy.

One cluster (``mesh``, four nodes formed through the first) is shared by the tests that only add
members or are refused; the tests that remove or kill a member form their own.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import random
import re
import select
import socket
import sqlite3
import ssl
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

from honeymesh.license.verify import Tier
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.mesh.tls import ALPN_MESH, NODE_URI_PREFIX, mesh_certificate
from honeymesh.mesh.tokens import encode_token, parse_token
from honeymesh.mesh.wire import MAX_FRAME, Frame, FrameDecoder, FrameType

from ..e2e.daemon import free_port, honeymesh
from .cluster import (
    Cluster,
    MeshNode,
    eventually,
    listening_ports,
    make_node_config,
    tcp_connections,
)

pytestmark = pytest.mark.slow


# Fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mesh")


@pytest.fixture(scope="module")
def mesh(root: Path) -> Iterator[Cluster]:
    """Four members, formed through n0; tests may add members, none removes or stops one for
    good."""
    cluster = Cluster(root, 4)
    try:
        cluster.start()
        cluster.form(via=0)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def outsider(root: Path) -> Iterator[MeshNode]:
    """A Pro node with sharing on that belongs to no cluster: the joiner that gets refused."""
    node = MeshNode("outsider", root / "outsider", free_port())
    try:
        node.start()
        yield node
    finally:
        node.stop()


# What an operator runs and reads ---------------------------------------------------------------


def hm(node: MeshNode, *args: str) -> subprocess.CompletedProcess[str]:
    return honeymesh(*args, "--config", str(node.config_path))


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and text.endswith("\n"), repr(text)
    return text.rstrip("\n")


def succeeds(node: MeshNode, *args: str) -> str:
    done = hm(node, *args)
    assert done.returncode == 0, done.stderr
    return one_line(done.stdout)


def fails(node: MeshNode, *args: str) -> str:
    """The daemon's reason for refusing a command, from the one line the CLI prints on stderr
    (``honeymesh: the daemon refused: REASON (code, HTTP status)``, exit status 1)."""
    done = hm(node, *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout == ""
    line = one_line(done.stderr)
    found = re.fullmatch(r"honeymesh: the daemon refused: (.+) \([a-z_]+, HTTP \d{3}\)", line)
    assert found is not None, line
    return found.group(1)


def members(cluster: Cluster) -> list[MeshNode]:
    running = [n for n in cluster.nodes if n.daemon is not None and n.daemon.proc.poll() is None]
    return [n for n in running if n.status()["state"] == "member"]


def view(node: MeshNode) -> tuple[str, int, int]:
    """What a change of membership would change: (digest, members, joins admitted)."""
    s = node.status()
    return s["digest"], s["members"], s["counters"]["joins"]


def refusals(node: MeshNode, reason: str) -> int:
    return int(node.status()["refused"].get(reason, 0))


@contextlib.contextmanager
def nothing_changes(cluster: Cluster) -> Iterator[list[MeshNode]]:
    """Every member's membership is the same after the block, and the mesh is still whole."""
    nodes = members(cluster)
    before = {n.name: view(n) for n in nodes}
    yield nodes
    assert {n.name: view(n) for n in nodes} == before
    cluster.wait_connected(nodes)


def logged(node: MeshNode, text: str) -> bool:
    return text in node.log()


def mesh_connections(node: MeshNode, mesh_ports: set[int]) -> int:
    """The node's established connections on a mesh port, its own or a peer's."""
    return sum(1 for ports in tcp_connections(node) if set(ports) & mesh_ports)


# A client of the mesh port that is not a daemon -------------------------------------------------


def client_context(
    where: Path, cert: tuple[bytes, bytes] | None, *, alpn: bytes = ALPN_MESH
) -> ssl.SSLContext:
    """Python's own TLS client: offers the mesh's ALPN and, if given, a certificate and key."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # the daemon's certificate is self-signed by its node key
    ctx.set_alpn_protocols([alpn.decode()])
    if cert is not None:
        where.mkdir(parents=True, exist_ok=True)
        cert_file, key_file = where / "client.crt", where / "client.key"
        cert_file.write_bytes(cert[0])
        key_file.write_bytes(cert[1])
        ctx.load_cert_chain(cert_file, key_file)
    return ctx


def node_cert(identity: NodeIdentity, name: str = "probe") -> tuple[bytes, bytes]:
    return mesh_certificate(identity, name=name, now=time.time())


@dataclasses.dataclass
class Ending:
    """How the daemon ended a connection: the mesh frames it sent first, and the TLS error
    (or '' for a clean close)."""

    frames: list[Frame]
    error: str


def read_to_end(conn: ssl.SSLSocket, decoder: FrameDecoder, frames: list[Frame]) -> str:
    while True:
        try:
            data = conn.recv(65536)
        except (ssl.SSLError, OSError) as e:
            return str(e) or type(e).__name__
        if not data:
            return ""
        frames.extend(decoder.feed(data))


def tls_ending(port: int, ctx: ssl.SSLContext) -> Ending:
    """Connect, finish our side of the handshake and read until the daemon hangs up."""
    frames: list[Frame] = []
    sock = socket.create_connection(("127.0.0.1", port), timeout=15)
    try:
        conn = ctx.wrap_socket(sock)
    except (ssl.SSLError, OSError) as e:
        sock.close()
        return Ending(frames, str(e))
    with conn:
        return Ending(frames, read_to_end(conn, FrameDecoder(), frames))


def assert_refused_in_handshake(ending: Ending) -> None:
    assert ending.frames == []  # not one mesh frame: refused before the first application byte
    assert ending.error  # a TLS alert, not a clean close


def client_hello() -> bytes:
    """The first flight of a real TLS client, to drip."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ctx.wrap_bio(incoming, outgoing)
    with contextlib.suppress(ssl.SSLWantReadError):
        tls.do_handshake()
    return outgoing.read()


def age_token(db: Path, token_id: str) -> None:
    """Make a token expired in its issuer's table, as the running daemon's store sees it."""
    with contextlib.closing(sqlite3.connect(db, timeout=30)) as conn, conn:
        conn.execute(
            "UPDATE mesh_tokens SET expires = ? WHERE token_id = ?", (time.time() - 1, token_id)
        )


# Joining ---------------------------------------------------------------------------------------


def test_a_node_joining_through_one_member_is_accepted_by_all(mesh: Cluster, root: Path) -> None:
    issuer = mesh.nodes[2]  # not the founder: any admin member issues tokens
    cluster_id = issuer.status()["cluster"]
    count = len(members(mesh))

    token = succeeds(issuer, "mesh", "token", "create", "--ttl", "10m", "--note", "fifth node")
    assert token.startswith("hmjoin1.")
    parsed = parse_token(token)
    assert parsed.issuer == issuer.node_id and parsed.cluster == cluster_id
    assert parsed.addresses == (f"127.0.0.1:{issuer.mesh_port}",)
    listed = issuer.api("GET", "/api/v1/mesh/tokens")["tokens"]
    assert [t["state"] for t in listed if t["token_id"] == parsed.token_id] == ["active"]

    newcomer = mesh.add(root)
    assert newcomer.status()["state"] == "unjoined"
    said = succeeds(newcomer, "mesh", "join", token)
    assert said == f"joined cluster {cluster_id} ({count + 1} members)"

    everyone = members(mesh)
    assert newcomer in everyone and len(everyone) == count + 1 >= 5
    mesh.wait_connected(everyone)  # 'active' on every side of every pair
    for node in everyone:
        states = node.peer_states()
        assert states[newcomer.node_id] == ("self" if node is newcomer else "active")
        assert set(states) == {n.node_id for n in everyone}
    assert len({view(n)[0] for n in everyone}) == 1  # one membership, everywhere
    assert issuer.status()["counters"]["joins"] >= 1
    assert logged(issuer, f"admitted {newcomer.name} ({newcomer.node_id[:16]}) with token ")
    listed = issuer.api("GET", "/api/v1/mesh/tokens")["tokens"]
    assert [t["state"] for t in listed if t["token_id"] == parsed.token_id] == ["used"]
    peers = hm(newcomer, "mesh", "peers").stdout
    assert peers.count(" active ") == count and " self " in peers


def test_a_used_token_is_refused_on_both_sides(
    mesh: Cluster, outsider: MeshNode, root: Path
) -> None:
    issuer = mesh.nodes[1]
    token = issuer.token()  # one use, the default
    first = mesh.add(root)
    assert first.join(token)["cluster"] == issuer.status()["cluster"]
    mesh.wait_connected(members(mesh))

    with nothing_changes(mesh):
        said = fails(outsider, "mesh", "join", token)
        assert said == "join refused: this token has already been used"
        eventually(
            lambda: logged(
                issuer,
                f"join refused for {outsider.node_id[:16]}: this token has already been used",
            )
        )
        assert refusals(issuer, "join:used-token") == 1
    assert outsider.status()["state"] == "unjoined"


def test_a_revoked_token_is_refused_by_its_issuer(mesh: Cluster, outsider: MeshNode) -> None:
    issuer = mesh.nodes[0]
    token = succeeds(issuer, "mesh", "token", "create")
    token_id = parse_token(token).token_id
    assert succeeds(issuer, "mesh", "token", "revoke", token_id) == f"token {token_id} revoked"

    with nothing_changes(mesh):
        said = fails(outsider, "mesh", "join", token)
        assert said == "join refused: this token has been revoked"
        eventually(
            lambda: logged(
                issuer, f"join refused for {outsider.node_id[:16]}: this token has been revoked"
            )
        )
    assert outsider.status()["state"] == "unjoined"


def test_an_expired_token_is_refused_by_the_joiner_and_by_its_issuer(
    mesh: Cluster, outsider: MeshNode
) -> None:
    issuer = mesh.nodes[0]
    with nothing_changes(mesh):
        # The joiner reads the expiry in the token and does not even dial.
        real = parse_token(issuer.token())
        stale = encode_token(dataclasses.replace(real, expires=int(time.time()) - 60))
        attempts = refusals(issuer, "join:expired-token")
        assert fails(outsider, "mesh", "join", stale) == "the token has expired"
        # The issuer keeps its own expiry: it refuses a token that expired in its table, whatever
        # the line says (here the row is aged in the running daemon's database).
        token = issuer.token()
        token_id = parse_token(token).token_id
        age_token(issuer.data_dir / "honeymesh.db", token_id)
        said = fails(outsider, "mesh", "join", token)
        assert said == "join refused: this token has expired"
        eventually(
            lambda: logged(
                issuer, f"join refused for {outsider.node_id[:16]}: this token has expired"
            )
        )
        assert refusals(issuer, "join:expired-token") == attempts + 1
        listed = {t["token_id"]: t for t in issuer.api("GET", "/api/v1/mesh/tokens")["tokens"]}
        assert listed[real.token_id]["state"] == "active"  # the forged line never reached it
        assert listed[token_id]["state"] == "expired"
    assert outsider.status()["state"] == "unjoined"


# Removing --------------------------------------------------------------------------------------


def test_a_removed_node_is_cut_off_everywhere_even_where_it_was_down(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path, 4)
    try:
        cluster.start()
        cluster.form(via=0)
        n0, n1, gone, late = cluster.nodes
        gone_id = gone.node_id
        ports = {n.mesh_port for n in cluster.nodes}
        late.stop()  # down while `gone` is removed

        said = succeeds(n1, "mesh", "remove", gone_id)  # through a member that is not the founder
        assert said == f"removed {gone_id} from the cluster"
        started = time.monotonic()

        def cut_off() -> bool:
            return (
                all(gone_id not in n.peer_states() for n in (n0, n1))
                and gone.status()["state"] == "removed"
                and sum(gone.status()["peers"].values()) == 0
                and mesh_connections(gone, ports) == 0
            )

        eventually(cut_off, timeout=20)
        assert time.monotonic() - started < 5  # within a few seconds of the command
        assert view(n0)[:2] == view(n1)[:2] and view(n0)[1] == 3
        assert logged(gone, "this node was removed from cluster")
        assert fails(gone, "mesh", "token", "create") == "this node was removed from the cluster"

        # It cannot come back: a few reconnect rounds later it is still out, having dialled no
        # one (a removed node stops its dialers), and a dial with its own key is refused in the
        # handshake by every member, as a removed node.
        counted = gone.status()["refused"]
        time.sleep(3)
        assert cut_off()
        assert gone.status()["refused"] == counted
        key = NodeIdentity.load(gone.data_dir / "identity.key")
        ctx = client_context(tmp_path / "gone", node_cert(key))
        for member in (n0, n1):
            before = refusals(member, "tls:removed")
            assert_refused_in_handshake(tls_ending(member.mesh_port, ctx))
            eventually(lambda m=member, b=before: refusals(m, "tls:removed") == b + 1)  # type: ignore[misc]

        # The node that was down learns the removal from the first peer it reaches, and then
        # refuses the removed node too.
        late.start()
        eventually(lambda: view(late)[:2] == view(n0)[:2], timeout=30)
        cluster.wait_connected([n0, n1, late])
        assert gone_id not in late.peer_states()
        assert not any("mesh.peer_up" in ln and gone_id in ln for ln in late.log().splitlines())
        before = refusals(late, "tls:removed")
        assert_refused_in_handshake(tls_ending(late.mesh_port, ctx))
        eventually(lambda: refusals(late, "tls:removed") == before + 1)
        assert mesh_connections(gone, ports) == 0
    finally:
        cluster.stop()


def test_the_founder_killed_the_others_still_admit(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path, 3)
    try:
        cluster.start()
        cluster.form(via=0)
        founder, n1, n2 = cluster.nodes
        founder_id = founder.node_id
        founder.kill()  # kill -9: no goodbye
        eventually(lambda: all(n.peer_states()[founder_id] == "offline" for n in (n1, n2)))

        newcomer = cluster.add(tmp_path)
        answer = newcomer.join(n2.token())  # a token from a member the founder admitted
        assert answer["members"] == 4
        cluster.wait_connected([n1, n2, newcomer])
        assert newcomer.peer_states()[founder_id] == "offline"
        assert len({view(n)[0] for n in (n1, n2, newcomer)}) == 1
    finally:
        cluster.stop()


# Refused, with nothing changed ----------------------------------------------------------------


def test_no_client_certificate_is_refused(mesh: Cluster, tmp_path: Path) -> None:
    target = mesh.nodes[1]
    with nothing_changes(mesh):
        before = refusals(target, "tls:no-certificate")
        ending = tls_ending(target.mesh_port, client_context(tmp_path, None))
        assert_refused_in_handshake(ending)
        assert "CERTIFICATE_REQUIRED" in ending.error.upper()
        eventually(lambda: refusals(target, "tls:no-certificate") == before + 1)


def forged(member_id: str) -> tuple[bytes, bytes]:
    """A certificate that names a member everywhere a name can go (CN and the node URI), signed
    by and carrying a fresh key."""
    key = ed25519.Ed25519PrivateKey.generate()
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, member_id)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.UniformResourceIdentifier(NODE_URI_PREFIX + member_id)]
            ),
            critical=False,
        )
        .sign(key, None)
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@pytest.mark.parametrize("how", ["mesh_certificate", "node-uri"])
def test_a_certificate_naming_a_member_with_another_key_is_refused(
    mesh: Cluster, tmp_path: Path, how: str
) -> None:
    target, impersonated = mesh.nodes[0], mesh.nodes[1]
    member_id = impersonated.node_id
    if how == "mesh_certificate":  # HoneyMesh's own certificate, its name set to the member's id
        cert = node_cert(NodeIdentity.generate(), name=member_id)
    else:
        cert = forged(member_id)
    assert member_id in x509.load_pem_x509_certificate(cert[0]).subject.rfc4514_string()
    with nothing_changes(mesh):
        before = refusals(target, "tls:not-a-member")
        assert_refused_in_handshake(tls_ending(target.mesh_port, client_context(tmp_path, cert)))
        eventually(lambda: refusals(target, "tls:not-a-member") == before + 1)
        assert target.peer_states()[member_id] == "active"  # the real one is still connected


def test_another_cluster_is_refused(mesh: Cluster, tmp_path: Path) -> None:
    a = mesh.nodes[0]
    a_cluster = a.status()["cluster"]
    other = MeshNode("b0", tmp_path / "b0", free_port(), extra={"cluster_id": "other"})
    try:
        other.start()
        with nothing_changes(mesh):
            # A token from cluster A on a node configured for cluster "other": refused locally.
            token = a.token()
            said = fails(other, "mesh", "join", token)
            assert said == (
                f"the token is for cluster {a_cluster}, this node is configured for other"
            )
            assert other.status()["state"] == "unjoined"

            # The node founds cluster B ("other"); as a member of B it dials A with its own key.
            other.token()
            assert other.status()["state"] == "member" and other.status()["cluster"] == "other"
            key = NodeIdentity.load(other.data_dir / "identity.key")
            before = refusals(a, "tls:not-a-member")
            ending = tls_ending(a.mesh_port, client_context(tmp_path, node_cert(key, "b0")))
            assert_refused_in_handshake(ending)
            eventually(lambda: refusals(a, "tls:not-a-member") == before + 1)
            eventually(lambda: logged(a, f"'reason': 'not-a-member', 'peer': '{other.node_id}'"))
            # And a member of A cannot take B's token: it already belongs to a cluster.
            said = fails(a, "mesh", "join", other.token())
            assert said == (
                f"this node is already a member of cluster {a_cluster}; remove it there first"
            )
        listed = {t["token_id"]: t for t in a.api("GET", "/api/v1/mesh/tokens")["tokens"]}
        assert listed[parse_token(token).token_id]["uses_left"] == 1  # never presented
    finally:
        other.stop()


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ({"tier": Tier.COMMUNITY}, "license tier is community"),
        ({"sharing": False}, "sharing.enabled is false"),
    ],
    ids=["community", "no-opt-in"],
)
def test_no_mesh_without_pro_and_the_opt_in(
    mesh: Cluster, tmp_path: Path, extra: dict[str, object], why: str
) -> None:
    node = MeshNode("solo", tmp_path / "solo", free_port(), extra=extra)
    try:
        node.start()
        said = succeeds(node, "mesh", "status")
        assert said.startswith("mesh: disabled  (sharing disabled: ") and why in said
        # No mesh listener at all. Read from the daemon's own sockets: a connection attempt
        # to the port also reached whatever another test had bound there meanwhile.
        ports = listening_ports(node)
        assert node.mesh_port not in ports
        assert make_node_config(node).config.api.port in ports  # the reading sees its listeners
        with nothing_changes(mesh):
            said = fails(node, "mesh", "join", mesh.nodes[0].token())
            assert said.startswith("the mesh is not running: sharing disabled: ") and why in said
    finally:
        node.stop()


# Broken and hostile clients ------------------------------------------------------------------


def test_random_bytes_are_closed(mesh: Cluster) -> None:
    target = mesh.nodes[2]
    noise = bytearray(random.Random(7).randbytes(4096))
    noise[0] = 0x47  # 'G', not a TLS record: the parser's verdict comes at the first byte
    with nothing_changes(mesh):
        before = sum(v for k, v in target.status()["refused"].items() if k.startswith("tls:"))
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", target.mesh_port), timeout=15) as sock:
            with contextlib.suppress(ConnectionResetError, BrokenPipeError):
                sock.sendall(noise)
            with contextlib.suppress(ConnectionResetError):
                while sock.recv(65536):
                    pass
        assert time.monotonic() - started < 3  # closed at once, not by the handshake timeout
        eventually(
            lambda: (
                sum(v for k, v in target.status()["refused"].items() if k.startswith("tls:"))
                == before + 1
            )
        )
        assert target.status()["state"] == "member"


def test_a_slow_drip_is_closed_by_the_handshake_timeout(mesh: Cluster) -> None:
    target = mesh.nodes[0]
    hello = client_hello()
    timeout = 5.0  # mesh.handshake_timeout's default, which the cluster keeps
    with nothing_changes(mesh):
        started = time.monotonic()
        closed_after = None
        with socket.create_connection(("127.0.0.1", target.mesh_port), timeout=15) as sock:
            for byte in hello[:30]:
                try:
                    sock.sendall(bytes([byte]))
                except (BrokenPipeError, ConnectionResetError):
                    closed_after = time.monotonic() - started
                    break
                ready, _, _ = select.select([sock], [], [], 1.0)
                if ready:
                    with contextlib.suppress(ConnectionResetError):
                        sock.recv(65536)
                    closed_after = time.monotonic() - started
                    break
        assert closed_after is not None, "the drip was never cut off"
        assert timeout - 0.5 <= closed_after <= timeout + 3


def test_an_oversized_frame_from_a_member_is_refused(mesh: Cluster, tmp_path: Path) -> None:
    target, member = mesh.nodes[0], mesh.nodes[3]
    member.stop()  # its key drives a raw client instead, while the daemon is down
    try:
        key = NodeIdentity.load(member.data_dir / "identity.key")
        ctx = client_context(tmp_path, node_cert(key, member.name))
        before = refusals(target, "frame:too-large")
        frames: list[Frame] = []
        decoder = FrameDecoder()
        membership = view(target)[:2]
        sock = socket.create_connection(("127.0.0.1", target.mesh_port), timeout=15)
        with sock, ctx.wrap_socket(sock) as conn:
            assert conn.selected_alpn_protocol() == ALPN_MESH.decode()
            while not frames:
                frames.extend(decoder.feed(conn.recv(65536)))
            assert frames[0].type is FrameType.HELLO  # admitted: it is a member's key
            conn.sendall(struct.pack(">IB", MAX_FRAME + 1, FrameType.SIGNALS))
            error = read_to_end(conn, decoder, frames)
            closed = time.monotonic()
            assert [f.type for f in frames] == [FrameType.HELLO, FrameType.CLOSE], error
            assert frames[1].json()["reason"] == "bad-frame"
            # This client never answers the TLS close: the daemon drops the socket anyway.
            ours = conn.getsockname()[1]
            eventually(lambda: all(r != ours for _, r in tcp_connections(target)), timeout=15)
            assert time.monotonic() - closed < 5.0 + 3  # mesh.handshake_timeout, then aborted
        eventually(lambda: refusals(target, "frame:too-large") == before + 1)
        assert target.status()["state"] == "member"
        assert view(target)[:2] == membership
    finally:
        member.start()
    mesh.wait_connected(members(mesh))
