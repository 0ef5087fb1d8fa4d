"""The SSH trap: Twisted Conch's real server transport, driven from memory as a dialogue.

An OpenSSH client gets a genuine key exchange (our persistent host keys, the persona's version
string), reaches the password prompt and may try as many passwords as OpenSSH's default
``MaxAuthTries`` allows. Each attempt is a ``trap.credential`` finding; a configured weak login
opens the fake shell (``shell.py``), where every command line is a ``trap.command`` finding and
nothing is executed. Port-forwarding requests are recorded and refused: the trap never connects
anywhere.

``SshDialogue`` feeds the bytes it is given to a Conch ``SSHServerTransport`` whose transport is
an in-memory pipe, and returns what Conch wrote. Conch runs synchronously here: the password
delay and login timeout that would need a clock are switched off (``TrapProtocol``'s idle and
session timeouts bound the session instead), so each ``receive`` returns every byte it causes.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from twisted.conch.avatar import ConchUser
from twisted.conch.error import ConchError
from twisted.conch.interfaces import IConchUser
from twisted.conch.ssh import common, connection, factory, keys, transport, userauth
from twisted.conch.ssh.channel import SSHChannel
from twisted.cred.checkers import ICredentialsChecker
from twisted.cred.credentials import ISSHPrivateKey, IUsernamePassword
from twisted.cred.error import UnauthorizedLogin
from twisted.cred.portal import IRealm, Portal
from twisted.internet.address import IPv4Address
from twisted.internet.defer import Deferred, fail, succeed
from twisted.internet.error import ConnectionDone
from twisted.internet.interfaces import IReactorTime
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.shell import FakeShell, ShellPersona, ShellSession
from honeymesh.events import JSONValue
from honeymesh.filemodes import replace_file

#: OpenSSH's default MaxAuthTries: the connection drops after this many failed attempts.
MAX_AUTH_TRIES = 6
_MAX_NAMES = 40  # algorithm names kept per list in the record
_RECORDED_LISTS = (
    "kex_algorithms",
    "server_host_key_algorithms",
    "ciphers_client_to_server",
    "macs_client_to_server",
    "compression_client_to_server",
)
#: Global requests worth a record: asking us to listen and forward (a proxy attempt).
_FORWARD_REQUESTS = (b"tcpip-forward", b"cancel-tcpip-forward", b"streamlocal-forward@openssh.com")


#: The host key files in ``host_key_dir``, as OpenSSH names them (honeymesh.strictmodes checks
#: that only their owner can read them).
ED25519_HOST_KEY, RSA_HOST_KEY = "ssh_host_ed25519_key", "ssh_host_rsa_key"
HOST_KEY_FILES = (ED25519_HOST_KEY, RSA_HOST_KEY)


class HostKeyError(Exception):
    """The host key directory cannot be read or written."""


@dataclass(frozen=True)
class SshHostKeys:
    """The trap's host keys (Ed25519 and RSA), created once and kept in the data directory."""

    private: Mapping[bytes, keys.Key]
    public: Mapping[bytes, keys.Key]

    @classmethod
    def load_or_create(cls, directory: Path) -> SshHostKeys:
        makers: dict[str, Callable[[], Any]] = {
            ED25519_HOST_KEY: ed25519.Ed25519PrivateKey.generate,
            RSA_HOST_KEY: lambda: rsa.generate_private_key(65537, 3072),
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


@dataclass(frozen=True)
class SshSettings:
    version: bytes  # e.g. b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"
    persona: ShellPersona
    credentials: frozenset[tuple[str, str]]  # logins that open the fake shell
    host_keys: SshHostKeys


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
        return Step(
            reply=self._pipe.take(),
            close=self._pipe.closed,
            detail=self.detail,
            findings=found,
            logged_in="logged_in_as" in self.detail,
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
        """The shell shows this connection's ends and the trap's real host keys, so that
        ``ssh-keygen -lf`` prints the fingerprint the client was just shown."""
        shown: dict[str, str] = {}
        for key in self._settings.host_keys.public.values():
            # ssh_host_{ed25519,rsa,ecdsa}_key.pub, as OpenSSH names the files
            kind = key.sshType().decode().removeprefix("ssh-").split("-")[0]
            shown[kind] = key.toString("OPENSSH").decode()
        return FakeShell(
            self._settings.persona,
            user,
            self._clock.seconds,
            connection=self._connection,
            host_keys=shown,
        )


# Conch, adapted ----------------------------------------------------------------------------------


class _Pipe:
    """The in-memory transport Conch writes to."""

    def __init__(self) -> None:
        self._out = bytearray()
        self.closed = False
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
        self.closed = True

    def getPeer(self) -> IPv4Address:
        return self._address

    def getHost(self) -> IPv4Address:
        return self._address

    def take(self) -> bytes:
        out, self._out = bytes(self._out), bytearray()
        return out


class _TrapTransport(transport.SSHServerTransport):
    dialogue: SshDialogue

    def ssh_KEXINIT(self, packet: bytes) -> Any:
        self.dialogue.saw_kexinit(packet)
        return super().ssh_KEXINIT(packet)

    def receiveError(self, reasonCode: int, description: bytes | str) -> None:
        """The client's SSH_MSG_DISCONNECT: how a client ends a connection (OpenSSH's logout
        sends 11, DISCONNECT_BY_APPLICATION; a scanner giving up sends 14), never a fault of
        ours. Conch logs it at error level ("Got remote error, code 11"), a line per ordinary
        logout; here it is debug, and the reason (the client's text) stays out of the line."""
        self._log.debug("SSH client disconnected, code {code}", code=reasonCode)


class _TrapUserAuth(userauth.SSHUserAuthServer):
    attemptsBeforeDisconnect = MAX_AUTH_TRIES - 1

    def serviceStarted(self) -> None:
        trap_transport = self.transport
        assert isinstance(trap_transport, _TrapTransport)
        self.clock = trap_transport.dialogue._clock
        super().serviceStarted()
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

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        avatar = self.avatar
        assert isinstance(avatar, _Avatar)
        self._dialogue = avatar.dialogue
        self._shell = avatar.dialogue.new_shell(avatar.user)
        self._session: ShellSession | None = None
        self._pty = False

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
        out = self._session.feed(data)
        for line, urls in zip(out.commands, out.downloads, strict=True):
            self._dialogue.saw_command(line, "shell", urls)
        if out.reply:
            self.write(out.reply)
        if out.exit:
            self._exit(0)

    def eofReceived(self) -> None:
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
        conch.dialogue = self._dialogue
        conch.ourVersionString = self._dialogue._settings.version
        return conch


__all__ = ["HostKeyError", "SshDialogue", "SshHostKeys", "SshSettings", "hassh", "parse_kexinit"]
