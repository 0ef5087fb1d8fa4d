"""The SSH trap: Twisted Conch's real server transport, driven from memory as a dialogue.

A client gets a genuine key exchange as the persona's server offers it (its version string,
every algorithm list in its order, our persistent host keys of its types: ``PERSONAS``; what
Conch lacks for that is added in ``_TrapTransport``), reaches the password prompt and may try as
many passwords as the persona's server allows. Each attempt is a ``trap.credential`` finding; a
configured weak login opens the fake shell (``shell.py``), where every command line is a
``trap.command`` finding and nothing is executed. Port-forwarding requests are recorded and
refused: the trap never connects anywhere.

``SshDialogue`` feeds the bytes it is given to a Conch ``SSHServerTransport`` whose transport is
an in-memory pipe, and returns what Conch wrote. Conch runs synchronously here: the password
delay and login timeout that would need a clock are switched off (``TrapProtocol``'s idle and
session timeouts bound the session instead), so each ``receive`` returns every byte it causes.
"""

from __future__ import annotations

import hashlib
import secrets
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.ciphers import modes
from twisted.conch.avatar import ConchUser
from twisted.conch.error import ConchError
from twisted.conch.interfaces import IConchUser
from twisted.conch.ssh import common, connection, factory, keys, transport, userauth
from twisted.conch.ssh.channel import SSHChannel
from twisted.conch.ssh.common import MP, NS, getMP
from twisted.cred.checkers import ICredentialsChecker
from twisted.cred.credentials import ISSHPrivateKey, IUsernamePassword
from twisted.cred.error import UnauthorizedLogin
from twisted.cred.portal import IRealm, Portal
from twisted.internet.address import IPv4Address
from twisted.internet.defer import Deferred, fail, succeed
from twisted.internet.error import ConnectionDone
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.python import randbytes
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.hostkey_files import (
    ECDSA_HOST_KEY,
    ED25519_HOST_KEY,
    RSA_HOST_KEY,
)
from honeymesh.detection.traps.shell import FakeShell, ShellPersona, ShellSession
from honeymesh.detection.traps.ssh_chacha import BLOCK_SIZE as CHACHA_BLOCK
from honeymesh.detection.traps.ssh_chacha import NAME as CHACHA
from honeymesh.detection.traps.ssh_chacha import TAG_SIZE, ChaChaPoly, ChaChaPolyError
from honeymesh.events import JSONValue
from honeymesh.filemodes import replace_file

_MAX_NAMES = 40  # algorithm names kept per list in the record
#: Bytes a shell channel keeps of what is typed during a wrong password's pause.
MAX_TYPED_AHEAD = 4096
_RECORDED_LISTS = (
    "kex_algorithms",
    "server_host_key_algorithms",
    "ciphers_client_to_server",
    "macs_client_to_server",
    "compression_client_to_server",
)
#: Global requests worth a record: asking us to listen and forward (a proxy attempt).
_FORWARD_REQUESTS = (b"tcpip-forward", b"cancel-tcpip-forward", b"streamlocal-forward@openssh.com")


class HostKeyError(Exception):
    """The host key directory cannot be read or written."""


@dataclass(frozen=True)
class SshHostKeys:
    """The trap's host keys (Ed25519, ECDSA P-256 and RSA, the three Debian's packages make),
    created once and kept in the data directory, so a returning scanner sees the same ones."""

    private: Mapping[bytes, keys.Key]
    public: Mapping[bytes, keys.Key]

    def shown(self) -> dict[str, str]:
        """The public keys as the fake shell shows them: kind (ed25519, rsa, ecdsa: its
        ``dropbear_{kind}_host_key``) -> OpenSSH public key line."""
        shown: dict[str, str] = {}
        for key in self.public.values():
            kind = key.sshType().decode().removeprefix("ssh-").split("-")[0]
            shown[kind] = key.toString("OPENSSH").decode()
        return shown

    @classmethod
    def load_or_create(cls, directory: Path) -> SshHostKeys:
        makers: dict[str, Callable[[], Any]] = {
            ED25519_HOST_KEY: ed25519.Ed25519PrivateKey.generate,
            ECDSA_HOST_KEY: lambda: ec.generate_private_key(ec.SECP256R1()),
            # dropbearkey's default size (Debian's dropbear makes its RSA key so).
            RSA_HOST_KEY: lambda: rsa.generate_private_key(65537, 2048),
        }
        private: dict[bytes, keys.Key] = {}
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            for name, make in makers.items():
                path = directory / name
                if not path.exists():
                    _write_private(path, make())
                key = keys.Key.fromFile(str(path))
                private[key.sshType()] = key
        except (OSError, keys.BadKeyError, ValueError) as e:
            raise HostKeyError(f"SSH host keys in {directory}: {e}") from e
        return cls(private, {t: k.public() for t, k in private.items()})


def _write_private(path: Path, key: Any) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )
    replace_file(path, pem)


STRICT_KEX_S, STRICT_KEX_C = b"kex-strict-s-v00@openssh.com", b"kex-strict-c-v00@openssh.com"
KEXGUESS2 = b"kexguess2@matt.ucc.asn.au"
GROUP14_SHA256 = b"diffie-hellman-group14-sha256"
DELAYED_ZLIB = b"zlib@openssh.com"


@dataclass(frozen=True)
class SshAlgorithms:
    """What a persona offers, each list in the real server's order, as its KEXINIT says it
    (measured from Debian 12's package, docs/TRAPS.md). Every name here is served: a scanner
    compares the lists with the version's, and a client picks from them."""

    kex: tuple[bytes, ...]
    host_keys: tuple[bytes, ...]  # signature algorithms; only those of keys we have are sent
    ciphers: tuple[bytes, ...]
    macs: tuple[bytes, ...]
    compression: tuple[bytes, ...]
    server_sig_algs: tuple[bytes, ...]  # the EXT_INFO answer to a client that asks for one
    auth_methods: tuple[bytes, ...]  # "Authentications that can continue", in order
    max_auth_tries: int  # failed attempts before the server hangs up
    # Dropbear never sends SSH_MSG_DISCONNECT: on any error (a bad version, packet or MAC, a
    # strict-kex violation, the last failed login) it just closes the connection.
    silent_close: bool
    # Seconds a failed password's answer waits, drawn between the two (Dropbear: 300 ms +-
    # 50 ms, against timing attacks; measured: ten failures take 3.1-3.3 s, the trap's 0.1 s).
    failure_delay: tuple[float, float]


#: Dropbear 2022.83 as Debian 12's dropbear-bin (2022.83-1+deb12u3) offers it.
DROPBEAR_2022_83 = SshAlgorithms(
    kex=(
        b"curve25519-sha256",
        b"curve25519-sha256@libssh.org",
        b"ecdh-sha2-nistp521",
        b"ecdh-sha2-nistp384",
        b"ecdh-sha2-nistp256",
        GROUP14_SHA256,
        b"diffie-hellman-group14-sha1",
        KEXGUESS2,
        STRICT_KEX_S,
    ),
    host_keys=(b"ssh-ed25519", b"ecdsa-sha2-nistp256", b"rsa-sha2-256", b"ssh-rsa"),
    ciphers=(CHACHA, b"aes128-ctr", b"aes256-ctr"),
    macs=(b"hmac-sha1", b"hmac-sha2-256"),
    compression=(DELAYED_ZLIB, b"none"),
    server_sig_algs=(
        b"ssh-ed25519",
        b"sk-ssh-ed25519@openssh.com",
        b"ecdsa-sha2-nistp256",
        b"ecdsa-sha2-nistp384",
        b"ecdsa-sha2-nistp521",
        b"sk-ecdsa-sha2-nistp256@openssh.com",
        b"rsa-sha2-256",
        b"ssh-rsa",
        b"ssh-dss",
    ),
    auth_methods=(b"publickey", b"password"),
    max_auth_tries=10,  # dropbear's MAX_AUTH_TRIES (its -T default)
    silent_close=True,
    failure_delay=(0.25, 0.35),
)

#: The personas a trap can claim: the identification string and the lists behind it.
PERSONAS: Mapping[str, tuple[bytes, SshAlgorithms]] = {
    "dropbear-2022.83": (b"SSH-2.0-dropbear_2022.83", DROPBEAR_2022_83),
}


@dataclass(frozen=True)
class SshSettings:
    version: bytes  # e.g. b"SSH-2.0-dropbear_2022.83"
    persona: ShellPersona
    credentials: frozenset[tuple[str, str]]  # logins that open the fake shell
    host_keys: SshHostKeys
    algorithms: SshAlgorithms = DROPBEAR_2022_83


def parse_kexinit(payload: bytes) -> dict[str, list[str]]:
    """The algorithm lists of an SSH_MSG_KEXINIT payload (after the message byte).

    Raises ValueError on a malformed payload.
    """
    names = (
        "kex_algorithms",
        "server_host_key_algorithms",
        "ciphers_client_to_server",
        "ciphers_server_to_client",
        "macs_client_to_server",
        "macs_server_to_client",
        "compression_client_to_server",
        "compression_server_to_client",
    )
    if len(payload) < 16:
        raise ValueError("KEXINIT shorter than its cookie")
    rest = payload[16:]
    lists: dict[str, list[str]] = {}
    for name in names:
        if len(rest) < 4:
            raise ValueError(f"KEXINIT cut short before {name}")
        (length,) = struct.unpack(">L", rest[:4])
        if length > len(rest) - 4:
            raise ValueError(f"KEXINIT {name} overruns the packet")
        raw, rest = rest[4 : 4 + length], rest[4 + length :]
        lists[name] = [n for n in raw.decode("ascii", "backslashreplace").split(",") if n]
    return lists


def hassh(lists: Mapping[str, list[str]]) -> tuple[str, str]:
    """The HASSH client fingerprint (MD5 hex) and the string it hashes."""
    text = ";".join(
        ",".join(lists[k])
        for k in (
            "kex_algorithms",
            "ciphers_client_to_server",
            "macs_client_to_server",
            "compression_client_to_server",
        )
    )
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest(), text


class SshDialogue:
    def __init__(self, settings: SshSettings, clock: IReactorTime) -> None:
        self._settings = settings
        self._clock = clock
        self._pipe = _Pipe()
        self._findings: list[Finding] = []
        self.detail: dict[str, JSONValue] = {}
        self._credentials: list[JSONValue] = []
        self._commands = 0
        self._attempts = 0
        self._delay = 0.0  # the pause the next step's reply waits (a failed password)
        self._lost = False
        self._connection: Connection | None = None
        ssh_factory = _TrapSshFactory(self)
        conch = ssh_factory.buildProtocol(None)
        assert isinstance(conch, _TrapTransport)
        self._conch = conch

    # Dialogue --------------------------------------------------------------------------------

    def start(self) -> Step:
        self._conch.makeConnection(self._pipe)
        return self._step()

    def receive(self, data: bytes) -> Step:
        if not self._pipe.closed:
            try:
                self._conch.dataReceived(data)
            except Exception as e:
                # Conch unpacks some malformed packets without checking (struct.error, ...);
                # for us any such failure is a client that does not speak SSH: hang up.
                self.detail["ssh_error"] = f"{type(e).__name__}: {e}"[:200]
                self._pipe.loseConnection()
            version = getattr(self._conch, "otherVersionString", None)  # set once it is read
            if version and "client_version" not in self.detail:
                self.detail["client_version"] = findings.text(version)
        return self._step()

    def stop(self) -> None:
        if not self._lost:
            self._lost = True
            self._conch.connectionLost(Failure(ConnectionDone()))

    def _step(self) -> Step:
        found, self._findings = tuple(self._findings), []
        delay, self._delay = self._delay, 0.0
        return Step(
            reply=self._pipe.take(),
            close=self._pipe.closed,
            reset=self._pipe.reset,
            detail=self.detail,
            findings=found,
            logged_in="logged_in_as" in self.detail,
            delay=delay,
        )

    # What Conch tells us ---------------------------------------------------------------------

    def saw_kexinit(self, payload: bytes) -> None:
        try:
            lists = parse_kexinit(payload)
        except ValueError as e:
            self.detail["kexinit_error"] = str(e)
            return
        self.detail["hassh"] = hassh(lists)[0]
        self.detail["kex_offer"] = {k: lists[k][:_MAX_NAMES] for k in _RECORDED_LISTS}

    def saw_password(self, username: bytes, password: bytes) -> bool:
        user, pw = findings.text(username), findings.text(password)
        accepted = (user, pw) in self._settings.credentials
        self._credentials = findings.listed(
            self._credentials, {"username": user, "password": pw, "accepted": accepted}
        )
        self.detail["credentials"] = self._credentials
        self._attempts += 1
        self.detail["login_attempts"] = self._attempts
        if accepted:
            self.detail["logged_in_as"] = user
        else:
            low, high = self._settings.algorithms.failure_delay
            self._delay = low + (high - low) * secrets.randbelow(1001) / 1000
        self._findings.append(
            findings.credential(
                "ssh", user, pw, accepted=accepted, client_version=self.detail.get("client_version")
            )
        )
        return accepted

    def saw_public_key(self, username: bytes, blob: bytes) -> None:
        try:
            fingerprint = keys.Key.fromString(blob).fingerprint(
                keys.FingerprintFormats.SHA256_BASE64
            )
        except (keys.BadKeyError, ValueError, keys.EncryptedKeyError):
            fingerprint = "unparsable:" + hashlib.sha256(blob).hexdigest()
        self._findings.append(
            findings.credential("ssh", username, None, method="publickey", key=fingerprint)
        )

    def saw_command(self, line: str, how: str, downloads: tuple[str, ...] = ()) -> None:
        """A command line; ``downloads``: the URLs it asked to fetch (never fetched)."""
        self._commands += 1
        self.detail["commands"] = self._commands
        extra: dict[str, JSONValue] = {"download_intent": list(downloads)} if downloads else {}
        self._findings.append(findings.command("ssh", line, how=how, **extra))

    def saw_channel(self, kind: bytes, data: bytes) -> None:
        target: JSONValue = None
        if kind in (b"direct-tcpip", b"forwarded-tcpip", *_FORWARD_REQUESTS):
            try:
                host, rest = common.getNS(data)
                (port,) = struct.unpack(">L", rest[:4])
                target = f"{findings.text(host)}:{port}"
            except (struct.error, ValueError, IndexError):
                target = "unparsable"
        self._findings.append(
            findings.command("ssh", f"channel {findings.text(kind)}", target=target, refused=True)
        )

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    def new_shell(self, user: str) -> FakeShell:
        """The shell shows this connection's ends and the trap's real public host keys, so
        that ``dropbearkey -y -f`` prints the fingerprint the client was just shown."""
        return FakeShell(
            self._settings.persona,
            user,
            self._clock.seconds,
            connection=self._connection,
            host_keys=self._settings.host_keys.shown(),
        )


# Conch, adapted ----------------------------------------------------------------------------------


class _Pipe:
    """The in-memory transport Conch writes to. ``abortConnection``: the close is a reset."""

    def __init__(self) -> None:
        self._out = bytearray()
        self.closed = False
        self.reset = False
        self._address = IPv4Address("TCP", "0.0.0.0", 0)  # noqa: S104 - not a bind

    def write(self, data: bytes) -> None:
        if not self.closed:
            self._out += data

    def writeSequence(self, data: list[bytes]) -> None:
        for chunk in data:
            self.write(chunk)

    def loseConnection(self) -> None:
        self.closed = True

    def abortConnection(self) -> None:
        self.closed = self.reset = True

    def getPeer(self) -> IPv4Address:
        return self._address

    def getHost(self) -> IPv4Address:
        return self._address

    def take(self) -> bytes:
        out, self._out = bytes(self._out), bytearray()
        return out


#: How far Dropbear has read the client's bytes (``_TrapTransport._unread``).
_Reading = Literal["version line", "first block", "whole packets"]
#: Key-exchange messages: all a strict-kex client may send before its first NEWKEYS.
_KEX_MESSAGES = frozenset({transport.MSG_KEXINIT, transport.MSG_NEWKEYS, *range(30, 50)})
_MAX_PACKET = 256 * 1024  # what OpenSSH and Dropbear accept from a peer (PACKET_MAX_SIZE)
_MAX_VERSION_LINE = 262  # bytes of the client's version line, newline included (Dropbear)
#: What Dropbear takes in before its first NEWKEYS: disconnect, ignore, unimplemented, debug,
#: and the key exchange itself.
_BEFORE_KEX_OK = frozenset(
    {1, 2, 3, 4, transport.MSG_KEXINIT, transport.MSG_NEWKEYS, *range(30, 50)}
)


class _PersonaCiphers(transport.SSHCiphers):
    """Conch's ciphers plus chacha20-poly1305@openssh.com (``ssh_chacha``). An AEAD direction
    gets Conch's null cipher and no MAC (its tag is the MAC; OpenSSH ignores the negotiated MAC
    there too), and ``_TrapTransport`` seals and opens its packets itself."""

    cipherMap = {**transport.SSHCiphers.cipherMap, CHACHA: (None, 0, modes.CBC)}  # noqa: RUF012 - Conch reads this class attribute

    def __init__(self, outCip: bytes, inCip: bytes, outMac: bytes, inMac: bytes) -> None:
        super().__init__(
            outCip,
            inCip,
            b"none" if outCip == CHACHA else outMac,
            b"none" if inCip == CHACHA else inMac,
        )
        self.out_aead: ChaChaPoly | None = None
        self.in_aead: ChaChaPoly | None = None

    def setKeys(  # noqa: PLR0917 - Conch's signature
        self,
        outIV: bytes,
        outKey: bytes,
        inIV: bytes,
        inKey: bytes,
        outInteg: bytes,
        inInteg: bytes,
    ) -> None:
        super().setKeys(outIV, outKey, inIV, inKey, outInteg, inInteg)
        if self.outCipType == CHACHA:
            self.out_aead = ChaChaPoly(outKey)
        if self.inCipType == CHACHA:
            self.in_aead = ChaChaPoly(inKey)


class _TrapTransport(transport.SSHServerTransport):
    """Conch's server transport, speaking a persona: its KEXINIT exactly (no ext-info-s where
    the real server has none), and what Conch lacks for it: chacha20-poly1305@openssh.com,
    diffie-hellman-group14-sha256, strict kex (the Terrapin fix: sequence numbers restart at
    every NEWKEYS, nothing but key exchange before the first), zlib@openssh.com (compression
    from the login on), kexguess2 and the persona's server-sig-algs."""

    dialogue: SshDialogue
    algorithms: SshAlgorithms

    def __init__(self) -> None:
        super().__init__()
        self._strict = False  # the client asked for strict kex and we offer it
        self._kexed = False  # the first NEWKEYS has been received
        # How far Dropbear would have read the client's bytes (for the close it makes): its
        # version line only, then a packet's first block, then the rest of the packet.
        self._reading: _Reading = "version line"

    # Our KEXINIT and the negotiation -----------------------------------------------------

    def sendKexInit(self) -> None:
        if self._keyExchangeState != self._KEY_EXCHANGE_NONE:
            raise RuntimeError("KEXINIT while a key exchange is under way")
        a = self.algorithms
        lists = (
            a.kex,
            tuple(self.supportedPublicKeys),
            a.ciphers,
            a.ciphers,
            a.macs,
            a.macs,
            a.compression,
            a.compression,
            (),
            (),
        )
        self.ourKexInitPayload = (
            bytes((transport.MSG_KEXINIT,))
            + randbytes.secureRandom(16)
            + b"".join(NS(b",".join(names)) for names in lists)
            + b"\x00\x00\x00\x00\x00"
        )
        self.sendPacket(transport.MSG_KEXINIT, self.ourKexInitPayload[1:])
        self._keyExchangeState = self._KEY_EXCHANGE_REQUESTED
        self._blockedByKeyExchange = []

    def ssh_KEXINIT(self, packet: bytes) -> Any:
        self.dialogue.saw_kexinit(packet)
        try:
            *strings, rest = common.getNS(packet[16:], 10)
            kex, host_keys = strings[0].split(b","), strings[1].split(b",")
            guessed = rest[:1] not in (b"", b"\x00")
        except (struct.error, ValueError, IndexError):
            self.sendDisconnect(transport.DISCONNECT_PROTOCOL_ERROR, b"bad KEXINIT")
            return None
        if not self._kexed and STRICT_KEX_S in self.algorithms.kex and STRICT_KEX_C in kex:
            self._strict = True
            if self.incomingPacketSequence != 1:  # already counted: KEXINIT must be packet 0
                self.sendDisconnect(
                    transport.DISCONNECT_PROTOCOL_ERROR,
                    b"strict KEX violation: KEXINIT was not the first packet",
                )
                return None
        super().ssh_KEXINIT(packet)
        current = getattr(self, "nextEncryptions", None)
        if isinstance(current, transport.SSHCiphers) and not isinstance(current, _PersonaCiphers):
            self.nextEncryptions = _PersonaCiphers(
                current.outCipType, current.inCipType, current.outMACType, current.inMACType
            )
        if guessed and KEXGUESS2 in kex and KEXGUESS2 in self.algorithms.kex:
            # Dropbear's rule: the guess was right if the client's first choices won.
            self.ignoreNextPacket = not (kex[0] == self.kexAlg and host_keys[0] == self.keyAlg)
        return None

    def dataReceived(self, data: bytes) -> None:
        """Dropbear's server reads the client's version from the first line (no lines before
        it, unlike a client) and hangs up on one that is not ``SSH-...`` or too long."""
        if not self.gotVersion and self.algorithms.silent_close:
            head = self.buf + data
            end = head.find(b"\n")
            if (end == -1 and len(head) > _MAX_VERSION_LINE - 1) or (
                end != -1 and (end + 1 > _MAX_VERSION_LINE or not head.startswith(b"SSH-"))
            ):
                self.buf = head
                self.sendDisconnect(transport.DISCONNECT_PROTOCOL_ERROR, b"bad version line")
                return
        super().dataReceived(data)

    def sendDisconnect(self, reason: int, desc: bytes) -> None:
        if not self.algorithms.silent_close:
            super().sendDisconnect(reason, desc)
            return
        self._log.debug("SSH hang-up, code {code}", code=reason)
        self.dialogue.detail["ssh_hangup"] = findings.text(desc)
        assert self.transport is not None
        if self._unread() > 0:
            self.transport.abortConnection()  # type: ignore[attr-defined] # a _Pipe: a reset
        else:
            self.transport.loseConnection()

    def _unread(self) -> int:
        """How many of the client's bytes are still in Dropbear's socket when it hangs up now.

        Dropbear reads exactly what it needs: the version line up to its newline, a packet's
        first block (its length), then the rest of that packet, and acts on each before it
        reads on. Whatever the client sent beyond stays unread, so the kernel answers its close
        with a reset (measured: an HTTP request, a line before the version, a bad packet length;
        a bad version line alone, a rejected whole packet or the last failed password: a FIN).
        """
        if self._reading == "version line":
            end = self.buf.find(b"\n")
            return 0 if end == -1 else len(self.buf) - end - 1
        if self._reading == "first block":
            return max(len(self.buf) - self.currentEncryptions.decBlockSize, 0)
        return len(self.buf)

    def dispatchMessage(self, messageNum: int, payload: bytes) -> None:
        if not self._kexed:
            if self._strict and messageNum not in _KEX_MESSAGES:
                self.sendDisconnect(
                    transport.DISCONNECT_PROTOCOL_ERROR,
                    b"strict KEX violation: unexpected packet type %d" % messageNum,
                )
                return
            if self.algorithms.silent_close and messageNum not in _BEFORE_KEX_OK:
                # Dropbear before its first NEWKEYS: other transport-layer numbers get
                # UNIMPLEMENTED, a service request or anything of a higher layer ends it.
                if messageNum < 50 and messageNum not in (5, 6, 7):
                    self.sendUnimplemented()
                else:
                    self.sendDisconnect(
                        transport.DISCONNECT_PROTOCOL_ERROR, b"unexpected packet type"
                    )
                return
        super().dispatchMessage(messageNum, payload)

    def ssh_NEWKEYS(self, packet: bytes) -> None:
        if getattr(self, "nextEncryptions", None) is None:  # no key exchange under way
            self.sendUnimplemented()
            return
        super().ssh_NEWKEYS(packet)
        self._kexed = True
        if self._strict:
            self.incomingPacketSequence = 0

    def sendExtInfo(self, extensions: list[tuple[bytes, bytes]]) -> None:
        names = b",".join(self.algorithms.server_sig_algs)
        super().sendExtInfo([(k, names if k == b"server-sig-algs" else v) for k, v in extensions])

    # diffie-hellman-group14-sha256: Conch's group14 (RFC 3526's 2048-bit MODP group) with
    # SHA-256 for the exchange hash and the keys (RFC 8268).

    def ssh_KEX_DH_GEX_REQUEST_OLD(self, packet: bytes) -> None:
        if self.kexAlg != GROUP14_SHA256:
            super().ssh_KEX_DH_GEX_REQUEST_OLD(packet)
            return
        if self.ignoreNextPacket:
            self.ignoreNextPacket = 0
            return
        client_public, _ = getMP(packet)
        public, private = self._getHostKeys(self.keyAlg)
        self.g, self.p = transport.DH_GENERATOR, transport.DH_PRIME
        self._startEphemeralDH()
        shared = self._finishEphemeralDH(client_public)
        h = hashlib.sha256()
        for part in (self.otherVersionString, self.ourVersionString):
            h.update(NS(part))
        h.update(NS(self.otherKexInitPayload) + NS(self.ourKexInitPayload))
        h.update(NS(public.blob()) + MP(client_public) + self.dhSecretKeyPublicMP + shared)
        exchange_hash = h.digest()
        self.sendPacket(
            transport.MSG_KEXDH_REPLY,
            NS(public.blob())
            + self.dhSecretKeyPublicMP
            + NS(private.sign(exchange_hash, signatureType=self.keyAlg)),
        )
        self._keySetup(shared, exchange_hash)

    def _getKey(self, c: bytes, sharedSecret: bytes, exchangeHash: bytes) -> bytes:
        if self.kexAlg != GROUP14_SHA256:
            return super()._getKey(c, sharedSecret, exchangeHash)
        assert self.sessionID is not None
        k1 = hashlib.sha256(sharedSecret + exchangeHash + c + self.sessionID).digest()
        k2 = hashlib.sha256(sharedSecret + exchangeHash + k1).digest()
        k3 = hashlib.sha256(sharedSecret + exchangeHash + k1 + k2).digest()
        k4 = hashlib.sha256(sharedSecret + exchangeHash + k1 + k2 + k3).digest()
        return k1 + k2 + k3 + k4

    # Packets ------------------------------------------------------------------------------

    def sendPacket(self, messageType: int, payload: bytes) -> None:
        aead = getattr(self.currentEncryptions, "out_aead", None)
        if aead is None:
            super().sendPacket(messageType, payload)
        elif self._keyExchangeState != self._KEY_EXCHANGE_NONE and (
            not self._allowedKeyExchangeMessageType(messageType)
        ):
            self._blockedByKeyExchange.append((messageType, payload))
            return
        else:
            data = bytes((messageType,)) + payload
            if self.outgoingCompression:
                data = self.outgoingCompression.compress(data) + self.outgoingCompression.flush(2)
            padding = CHACHA_BLOCK - (1 + len(data)) % CHACHA_BLOCK
            if padding < 4:
                padding += CHACHA_BLOCK
            packet = (
                struct.pack(">LB", 1 + len(data) + padding, padding)
                + data
                + randbytes.secureRandom(padding)
            )
            assert self.transport is not None
            self.transport.write(aead.seal(self.outgoingPacketSequence, packet))
            self.outgoingPacketSequence += 1
        if messageType == transport.MSG_NEWKEYS and self._strict:
            self.outgoingPacketSequence = 0
        if messageType == userauth.MSG_USERAUTH_SUCCESS:
            # zlib@openssh.com: compression starts once the client is logged in.
            if self.outgoingCompressionType == DELAYED_ZLIB and not self.outgoingCompression:
                self.outgoingCompression = zlib.compressobj(6)
            if self.incomingCompressionType == DELAYED_ZLIB and not self.incomingCompression:
                self.incomingCompression = zlib.decompressobj()

    def getPacket(self) -> bytes | None:
        self._reading = "first block"  # a hang-up from here on leaves the packet's rest unread
        try:
            return self._get_packet()
        finally:
            self._reading = "whole packets"

    def _get_packet(self) -> bytes | None:
        aead = getattr(self.currentEncryptions, "in_aead", None)
        if aead is None:
            packet: bytes | None = super().getPacket()
            return packet
        try:
            payload = self._open(aead)
        except _BadPacket as e:
            self.sendDisconnect(e.code, e.text)
            return None
        if payload is not None:
            self.incomingPacketSequence += 1
        return payload

    def _open(self, aead: ChaChaPoly) -> bytes | None:
        """The next chacha20-poly1305 packet's payload, or None until it is all here."""
        if len(self.buf) < 4:
            return None
        seq = self.incomingPacketSequence
        length = aead.open_length(seq, self.buf[:4])
        if length > _MAX_PACKET or length < CHACHA_BLOCK or length % CHACHA_BLOCK:
            raise _BadPacket(transport.DISCONNECT_PROTOCOL_ERROR, b"bad packet length %d" % length)
        if len(self.buf) < 4 + length + TAG_SIZE:
            return None
        data, self.buf = self.buf[: 4 + length + TAG_SIZE], self.buf[4 + length + TAG_SIZE :]
        try:
            plain = aead.open(seq, data)
        except ChaChaPolyError as e:
            raise _BadPacket(transport.DISCONNECT_MAC_ERROR, b"bad MAC") from e
        padding = plain[4]
        if padding < 4 or padding > length - 1:
            raise _BadPacket(transport.DISCONNECT_PROTOCOL_ERROR, b"bad padding")
        payload = plain[5 : 4 + length - padding]
        if self.incomingCompression:
            try:
                payload = bytes(self.incomingCompression.decompress(payload))
            except zlib.error as e:
                raise _BadPacket(
                    transport.DISCONNECT_COMPRESSION_ERROR, b"compression error"
                ) from e
        return payload

    def receiveError(self, reasonCode: int, description: bytes | str) -> None:
        """The client's SSH_MSG_DISCONNECT: how a client ends a connection (OpenSSH's logout
        sends 11, DISCONNECT_BY_APPLICATION; a scanner giving up sends 14), never a fault of
        ours. Conch logs it at error level ("Got remote error, code 11"), a line per ordinary
        logout; here it is debug, and the reason (the client's text) stays out of the line."""
        self._log.debug("SSH client disconnected, code {code}", code=reasonCode)


class _BadPacket(Exception):
    """A packet to hang up on: the SSH disconnect code and text to send."""

    def __init__(self, code: int, text: bytes) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


class _TrapUserAuth(userauth.SSHUserAuthServer):
    def serviceStarted(self) -> None:
        trap_transport = self.transport
        assert isinstance(trap_transport, _TrapTransport)
        self.clock = trap_transport.dialogue._clock
        self.attemptsBeforeDisconnect = trap_transport.algorithms.max_auth_tries - 1
        super().serviceStarted()
        # The persona's order (Conch's follows its checkers: password first).
        offered = set(self.supportedAuthentications)
        self.supportedAuthentications = [
            m for m in trap_transport.algorithms.auth_methods if m in offered
        ]
        # The session's own timeouts bound the login; no second timer.
        if self._cancelLoginTimeout:
            self._cancelLoginTimeout.cancel()
            self._cancelLoginTimeout = None  # type: ignore[assignment] # as Conch itself does

    def _ebPassword(self, f: Failure) -> Failure:
        return f  # answer at once: no timer, so every reply leaves in the same step


@implementer(ICredentialsChecker)
class _RecordingChecker:
    credentialInterfaces = (IUsernamePassword, ISSHPrivateKey)

    def __init__(self, dialogue: SshDialogue) -> None:
        self._dialogue = dialogue

    def requestAvatarId(self, credentials: Any) -> Deferred[bytes | tuple[()]]:
        offered: Any = credentials  # a UsernamePassword or an SSHPrivateKey
        if IUsernamePassword.providedBy(offered):
            if self._dialogue.saw_password(offered.username, offered.password):
                return succeed(offered.username)
        elif ISSHPrivateKey.providedBy(offered):
            key: Any = offered  # the interface declares no attributes; SSHPrivateKey has them
            if key.signature is None:
                self._dialogue.saw_public_key(key.username, key.blob)
        return fail(UnauthorizedLogin())


@implementer(IRealm)
class _Realm:
    def __init__(self, dialogue: SshDialogue) -> None:
        self._dialogue = dialogue

    def requestAvatar(
        self, avatar_id: bytes | tuple[()], mind: object, *interfaces: Any
    ) -> tuple[Any, ConchUser, Callable[[], None]]:
        if IConchUser not in interfaces or not isinstance(avatar_id, bytes):
            raise NotImplementedError("only SSH users here")
        return IConchUser, _Avatar(self._dialogue, findings.text(avatar_id)), lambda: None


class _Avatar(ConchUser):
    def __init__(self, dialogue: SshDialogue, user: str) -> None:
        super().__init__()
        self.dialogue = dialogue
        self.user = user
        self.channelLookup[b"session"] = _ShellChannel

    def lookupChannel(
        self, channelType: bytes, windowSize: int, maxPacket: int, data: bytes
    ) -> Any:
        if channelType != b"session":
            self.dialogue.saw_channel(channelType, data)
            raise ConchError(connection.OPEN_ADMINISTRATIVELY_PROHIBITED, "open failed")
        return super().lookupChannel(channelType, windowSize, maxPacket, data)

    def gotGlobalRequest(self, requestType: bytes, data: bytes) -> int:
        if requestType in _FORWARD_REQUESTS:
            self.dialogue.saw_channel(requestType, data)
        return 0


class _ShellChannel(SSHChannel):
    name = b"session"
    _dialogue: SshDialogue
    _shell: FakeShell
    _session: ShellSession | None
    _pty: bool
    _paused: IDelayedCall | None
    _typed: bytes
    _eof: bool

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        avatar = self.avatar
        assert isinstance(avatar, _Avatar)
        self._dialogue = avatar.dialogue
        self._shell = avatar.dialogue.new_shell(avatar.user)
        self._session: ShellSession | None = None
        self._pty = False
        self._paused = None  # a wrong password's pause (sudo, su)
        self._typed = b""  # what came during it
        self._eof = False  # the client's end of input, which may come during it

    def request_pty_req(self, data: bytes) -> int:
        self._pty = True
        return 1

    def request_env(self, data: bytes) -> int:
        return 1

    def request_window_change(self, data: bytes) -> int:
        return 1

    def request_shell(self, data: bytes) -> int:
        newline = b"\r\n" if self._pty else b"\n"
        self._session = ShellSession(self._shell, echo=self._pty, newline=newline)
        self.write(self._session.start())
        return 1

    def request_exec(self, data: bytes) -> int:
        try:
            line = findings.text(common.getNS(data)[0], 4096)
        except (struct.error, ValueError, IndexError):
            return 0
        result = self._shell.run(line)
        self._dialogue.saw_command(line, "exec", result.downloads)
        newline = "\r\n" if self._pty else "\n"
        if result.raw:
            self.write(result.raw.replace("\n", newline).encode("utf-8", "replace"))
        self._exit(result.status)
        return 1

    def request_subsystem(self, data: bytes) -> int:
        self._dialogue.saw_channel(b"subsystem " + common.getNS(data)[0][:64], b"")
        return 0

    def dataReceived(self, data: bytes) -> None:
        if self._session is None:
            return
        if self._paused is not None:  # nothing is read during a wrong password's pause
            self._typed += data[: MAX_TYPED_AHEAD - len(self._typed)]
            return
        out = self._session.feed(data)
        for line, urls in zip(out.commands, out.downloads, strict=True):
            self._dialogue.saw_command(line, "shell", urls)
        if out.pause:  # sudo's or su's: the line end now, the answer after libpam's pause
            self.write(out.reply[: out.pause_at])
            later = out.reply[out.pause_at :]
            self._paused = self._dialogue._clock.callLater(out.pause, self._resume, later, out.exit)
            return
        if out.reply:
            self.write(out.reply)
        if out.exit:
            self._exit(0)

    def _resume(self, later: bytes, exit_: bool) -> None:
        """The pause is over: say what it held, then read what was typed meanwhile."""
        self._paused = None
        if self.closing:
            return
        self.write(later)
        if exit_:
            self._exit(0)
            return
        typed, self._typed = self._typed, b""
        if typed:
            self.dataReceived(typed)
        if self._eof and self._paused is None:
            self._exit(0)

    def closed(self) -> None:
        if self._paused is not None and self._paused.active():
            self._paused.cancel()
        self._paused = None
        super().closed()

    def eofReceived(self) -> None:
        self._eof = True
        if self._paused is None:  # else the shell sees the end once the pause is over
            self._exit(0)

    def _exit(self, status: int) -> None:
        if self.conn is not None and not self.closing:
            self.conn.sendRequest(self, b"exit-status", struct.pack(">L", status))
            self.loseConnection()


class _TrapSshFactory(factory.SSHFactory):
    protocol = _TrapTransport
    services = {  # noqa: RUF012 - Conch reads this class attribute
        b"ssh-userauth": _TrapUserAuth,
        b"ssh-connection": connection.SSHConnection,
    }

    def __init__(self, dialogue: SshDialogue) -> None:
        host_keys = dialogue._settings.host_keys
        self.privateKeys = dict(host_keys.private)
        self.publicKeys = dict(host_keys.public)
        self.primes = None  # fixed groups and curves only: no moduli file to read
        self.portal = Portal(_Realm(dialogue), [_RecordingChecker(dialogue)])
        self._dialogue = dialogue

    def buildProtocol(self, addr: Any) -> transport.SSHServerTransport:
        conch = super().buildProtocol(addr)
        assert isinstance(conch, _TrapTransport)
        settings = self._dialogue._settings
        conch.dialogue = self._dialogue
        conch.ourVersionString = settings.version
        a = conch.algorithms = settings.algorithms
        # What we negotiate with: the persona's lists (strict kex and kexguess2 are markers
        # a client never picks), the host key algorithms only of keys we have.
        have = set(self.privateKeys)
        conch.supportedKeyExchanges = list(a.kex)
        conch.supportedPublicKeys = [
            name
            for name in a.host_keys
            if (b"ssh-rsa" if name.startswith(b"rsa-") else name) in have
        ]
        conch.supportedCiphers = list(a.ciphers)
        conch.supportedMACs = list(a.macs)
        conch.supportedCompressions = list(a.compression)
        return conch


__all__ = ["HostKeyError", "SshDialogue", "SshHostKeys", "SshSettings", "hassh", "parse_kexinit"]
