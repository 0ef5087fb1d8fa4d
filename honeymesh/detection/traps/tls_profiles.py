"""How each persona's server configures OpenSSL, so that a TLS scan sees the real server.

``sslscan`` (and testssl, nmap's ssl-enum-ciphers, Shodan's and Censys's scanners) list what a
server accepts: protocol versions, every cipher suite, who chooses among them, the key-exchange
groups and their sizes, the signature algorithms, renegotiation. Python's ``ssl`` defaults
differ from Apache's and from Postfix's in most of these (its own cipher string, server
preference, no finite-field Diffie-Hellman at all), so a trap with them is told apart from the
real server by one scan. Both real servers run on the same OpenSSL 3.0 as this daemon (Debian
12's), so configuring it the way they do gives the same answers, suite for suite:

- Apache 2.4 ``default-ssl`` (Debian's ``mods-available/ssl.conf``): ``SSLCipherSuite HIGH:!aNULL``,
  ``SSLProtocol all -SSLv3`` (under Debian's ``@SECLEVEL=2``: TLS 1.2 and 1.3), no
  ``SSLHonorCipherOrder`` (the client chooses), ``SSLSessionTickets off``, no client-initiated
  renegotiation, and Diffie-Hellman parameters sized to the certificate
  (``SSL_CTX_set_dh_auto``).
- Postfix 3.7 ``smtpd`` with Debian's ``main.cf``: opportunistic TLS, ``smtpd_tls_ciphers =
  medium`` (``aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH``: anonymous suites come back with HIGH),
  ``smtpd_tls_protocols = >=TLSv1`` at security level 0 (TLS 1.0 and 1.1 and SHA-1 signatures
  are accepted), ``tls_preempt_cipherlist = no``, ``tls_eecdh_auto_curves`` as the groups (no
  finite-field groups in TLS 1.3), auto-sized DH (1024 bits for 128-bit anonymous suites, 3072
  for 256-bit ones), secure renegotiation, session tickets.

Python's ``ssl`` module cannot ask OpenSSL for automatic DH parameters or a group list, so those
two calls go to the same libssl the ``ssl`` module uses, through ctypes, on the context's
``SSL_CTX``. The pointer is read from CPython's ``PySSLContext`` (its first field after the object
header, the same layout in CPython 3.8 to 3.13) and checked before use: OpenSSL must report the
options Python just set on that context. If the check fails (another interpreter, another
layout) the context keeps working with fixed 2048-bit parameters (RFC 7919's ffdhe2048, what
auto-sizing picks for the persona's RSA 2048 certificate) and OpenSSL's default groups, and
``tuned`` says so, so the fidelity suite notices.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import ssl
import sys
import tempfile
from dataclasses import dataclass

#: RFC 7919's ffdhe2048 group, as ``openssl genpkey -genparam -algorithm DH -pkeyopt
#: group:ffdhe2048`` writes it: the fallback when automatic DH sizing is not reachable.
FFDHE2048_PEM = b"""-----BEGIN DH PARAMETERS-----
MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz
+8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a
87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7
YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi
7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD
ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==
-----END DH PARAMETERS-----
"""

_SSL_CTRL_SET_DH_AUTO = 118
_SSL_CTRL_SET_GROUPS_LIST = 92


@dataclass(frozen=True)
class TlsProfile:
    """What one real server sets in OpenSSL. ``groups`` None: OpenSSL's default list."""

    name: str
    ciphers: str
    minimum: ssl.TLSVersion
    server_preference: bool
    tickets: bool
    renegotiation: bool
    groups: str | None = None


#: Apache 2.4.71's default-ssl site on Debian 12 (the `tls` trap).
APACHE = TlsProfile(
    name="apache2 default-ssl",
    ciphers="HIGH:!aNULL",
    minimum=ssl.TLSVersion.MINIMUM_SUPPORTED,
    server_preference=False,
    tickets=False,
    renegotiation=False,
)

#: Postfix 3.7.11's smtpd on Debian 12 with the snakeoil certificate (the `smtp` trap).
POSTFIX = TlsProfile(
    name="postfix smtpd",
    ciphers="aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:@SECLEVEL=0",
    minimum=ssl.TLSVersion.MINIMUM_SUPPORTED,  # with SSLv3 off: TLS 1.0, allowed by level 0
    server_preference=False,
    tickets=True,
    renegotiation=True,
    groups="X25519:X448:P-256:P-521:P-384",
)


def _libssl() -> ctypes.CDLL | None:
    """The libssl the ``ssl`` module is linked with (same soname, so the same loaded copy)."""
    name = ctypes.util.find_library("ssl")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        lib.OpenSSL_version.argtypes = (ctypes.c_int,)
        lib.OpenSSL_version.restype = ctypes.c_char_p
        version = lib.OpenSSL_version(0)  # OPENSSL_VERSION: "OpenSSL 3.0.19 27 Jan 2026"
    except (OSError, AttributeError):
        return None
    if version is None or version.decode(errors="replace") != ssl.OPENSSL_VERSION:
        return None
    lib.SSL_CTX_ctrl.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_long, ctypes.c_void_p)
    lib.SSL_CTX_ctrl.restype = ctypes.c_long
    lib.SSL_CTX_get_options.argtypes = (ctypes.c_void_p,)
    lib.SSL_CTX_get_options.restype = ctypes.c_uint64
    return lib


def _ssl_ctx(lib: ctypes.CDLL, context: ssl.SSLContext) -> int | None:
    """The context's ``SSL_CTX *``, if this interpreter lays ``PySSLContext`` out as CPython
    does and OpenSSL confirms it (the options read back are the ones just set)."""
    if sys.implementation.name != "cpython":
        return None
    pointer = ctypes.c_void_p.from_address(id(context) + object.__basicsize__).value
    if not pointer:
        return None
    if lib.SSL_CTX_get_options(pointer) != int(context.options):
        return None
    return pointer


def _fixed_dh(context: ssl.SSLContext) -> None:
    with tempfile.NamedTemporaryFile(suffix=".pem") as f:
        f.write(FFDHE2048_PEM)
        f.flush()
        context.load_dh_params(f.name)


def configure(context: ssl.SSLContext, profile: TlsProfile) -> bool:
    """Set ``profile`` on ``context``. True if every setting took, False if DH sizing and the
    group list fell back to fixed ffdhe2048 and OpenSSL's defaults (see the module's note)."""
    context.minimum_version = profile.minimum
    context.set_ciphers(profile.ciphers)
    options = context.options
    options &= ~ssl.OP_CIPHER_SERVER_PREFERENCE
    if profile.server_preference:
        options |= ssl.OP_CIPHER_SERVER_PREFERENCE
    options = options | ssl.OP_NO_TICKET if not profile.tickets else options & ~ssl.OP_NO_TICKET
    if profile.renegotiation:
        options &= ~ssl.OP_NO_RENEGOTIATION
    else:
        options |= ssl.OP_NO_RENEGOTIATION
    context.options = options
    lib = _libssl()
    pointer = _ssl_ctx(lib, context) if lib is not None else None
    if lib is None or pointer is None:
        _fixed_dh(context)
        return False
    if lib.SSL_CTX_ctrl(pointer, _SSL_CTRL_SET_DH_AUTO, 1, None) != 1:
        _fixed_dh(context)
        return False
    if profile.groups is not None:
        groups = ctypes.create_string_buffer(profile.groups.encode())
        if lib.SSL_CTX_ctrl(pointer, _SSL_CTRL_SET_GROUPS_LIST, 0, groups) != 1:
            return False
    return True
