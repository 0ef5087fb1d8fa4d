"""TLS certificates for the traps' personas, made as Debian makes its "snakeoil" certificate.

A TLS-speaking trap must never show the admin API's certificate (it names the product and the
node) and must look like what its persona would serve. A Debian 12 web or mail server that was
never given a real certificate serves the one ``ssl-cert`` made at install time with
``make-ssl-cert generate-default-snakeoil``: ``openssl req -x509 -days 3650 -sha256`` over
``/usr/share/ssl-cert/ssleay.cnf``, i.e. RSA 2048, subject and issuer ``CN=<host name>``, a
``subjectAltName`` of ``DNS:<host name>``, ``basicConstraints CA:FALSE`` (not critical) and the
subject key identifier OpenSSL 3 adds, valid ten years from the moment it was made. Apache's
``default-ssl`` site and Postfix's ``main.cf.tls`` both point at it. ``snakeoil`` makes the same,
for the persona's host name (the fidelity suite compares it with one ``make-ssl-cert`` made).

Each trap keeps its own pair in the data directory (``PersonaTls.load_or_create``), made once,
so a node shows one certificate across restarts and two nodes never share one; it is made again
only when the persona's host name changes, so that certificate and persona always agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from honeymesh.filemodes import replace_file

VALID_DAYS = 3650  # make-ssl-cert's -days


class PersonaTlsError(Exception):
    """The persona's certificate cannot be read or written."""


def snakeoil(hostname: str, *, now: datetime.datetime | None = None) -> tuple[bytes, bytes]:
    """A self-signed certificate and its key (both PEM) as Debian's make-ssl-cert makes them."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    start = (now or datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def common_name(cert_pem: bytes) -> str | None:
    """The certificate's CN, or None if it has none (or is not a certificate)."""
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError:
        return None
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else None


@dataclass(frozen=True)
class PersonaTls:
    """Where one trap's persona certificate and key are."""

    cert: Path
    key: Path

    @classmethod
    def load_or_create(cls, directory: Path, trap: str, hostname: str) -> PersonaTls:
        """``<trap>.crt`` / ``<trap>.key`` in ``directory``, made if missing or made for
        another host name. Raises PersonaTlsError."""
        pair = cls(directory / f"{trap}.crt", directory / f"{trap}.key")
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            current = pair.cert.read_bytes() if pair.cert.exists() else b""
            if not pair.key.exists() or common_name(current) != hostname:
                cert_pem, key_pem = snakeoil(hostname)
                replace_file(pair.key, key_pem)  # 0600, written before the certificate
                replace_file(pair.cert, cert_pem, mode=0o644)
        except OSError as e:
            raise PersonaTlsError(f"persona certificate for {trap} in {directory}: {e}") from e
        return pair
