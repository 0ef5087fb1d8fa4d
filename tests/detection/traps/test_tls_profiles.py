"""The persona TLS profiles take effect, and a context still works when they cannot all."""

from __future__ import annotations

import contextlib
import ssl
import warnings
from pathlib import Path

import pytest

from honeymesh.detection.traps import tls_profiles
from honeymesh.detection.traps.persona_tls import snakeoil
from honeymesh.detection.traps.tls_profiles import APACHE, POSTFIX, TlsProfile, configure


@pytest.fixture
def pem(tmp_path: Path) -> Path:
    cert, key = snakeoil("www.example.net")
    path = tmp_path / "pair.pem"
    path.write_bytes(key + cert)
    return path


def handshake(server: ssl.SSLContext, client: ssl.SSLContext) -> ssl.SSLObject:
    """A handshake over memory BIOs; the client's side, for what was agreed. SSLError if
    the two cannot agree."""
    to_server, to_client = ssl.MemoryBIO(), ssl.MemoryBIO()
    s = server.wrap_bio(to_server, to_client, server_side=True)
    c = client.wrap_bio(to_client, to_server, server_side=False)
    done = {c: False, s: False}
    for _ in range(10):
        for side in (c, s):
            if not done[side]:
                with contextlib.suppress(ssl.SSLWantReadError):
                    side.do_handshake()
                    done[side] = True
        if all(done.values()):
            return c
    raise AssertionError("no handshake")


def cipher(agreed: ssl.SSLObject) -> str:
    suite = agreed.cipher()
    assert suite is not None
    return suite[0]


def client(ciphers: str, version: ssl.TLSVersion = ssl.TLSVersion.TLSv1_2) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():  # TLS 1.0 is deprecated: what an old client still sends
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = context.maximum_version = version
    context.set_ciphers(ciphers + ":@SECLEVEL=0")
    return context


def server(profile: TlsProfile, pem: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    assert configure(context, profile)
    context.load_cert_chain(pem)
    return context


def test_apache_takes_dhe_and_refuses_anonymous_suites_and_tls_1_0(pem: Path) -> None:
    apache = server(APACHE, pem)
    assert cipher(handshake(apache, client("DHE-RSA-AES128-GCM-SHA256"))) == (
        "DHE-RSA-AES128-GCM-SHA256"
    )  # Python's own defaults have no finite-field DH at all
    with pytest.raises(ssl.SSLError):
        handshake(apache, client("ADH-AES128-GCM-SHA256"))
    with pytest.raises(ssl.SSLError):
        handshake(apache, client("AES128-SHA", ssl.TLSVersion.TLSv1))
    assert apache.options & ssl.OP_NO_TICKET
    assert not apache.options & ssl.OP_CIPHER_SERVER_PREFERENCE


def test_postfix_takes_anonymous_suites_and_tls_1_0_as_opportunistic_smtp_does(pem: Path) -> None:
    postfix = server(POSTFIX, pem)
    assert cipher(handshake(postfix, client("ADH-AES128-GCM-SHA256"))) == ("ADH-AES128-GCM-SHA256")
    assert handshake(postfix, client("AES128-SHA", ssl.TLSVersion.TLSv1)).version() == "TLSv1"


def test_without_the_ssl_ctx_pointer_fixed_ffdhe2048_still_serves_dhe(
    pem: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another interpreter or layout: no automatic sizing, but DHE suites still work with RFC
    7919's 2048-bit group (what automatic sizing picks for the persona's RSA 2048 key), and
    ``configure`` says it fell back."""
    monkeypatch.setattr(tls_profiles, "_ssl_ctx", lambda lib, context: None)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    assert configure(context, APACHE) is False
    context.load_cert_chain(pem)
    agreed = handshake(context, client("DHE-RSA-AES256-GCM-SHA384"))
    assert cipher(agreed) == "DHE-RSA-AES256-GCM-SHA384"
