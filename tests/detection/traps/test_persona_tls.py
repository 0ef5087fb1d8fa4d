"""Persona certificates: shaped like Debian's snakeoil, one per trap, stable, private."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from cryptography import x509

from honeymesh.detection.traps.persona_tls import PersonaTls, common_name, snakeoil
from tests.fidelity.harness import cert_shape
from tests.fidelity.harness import snakeoil as make_ssl_cert


def der(pem: bytes) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding  # noqa: PLC0415

    return x509.load_pem_x509_certificate(pem).public_bytes(Encoding.DER)


def test_a_persona_certificate_has_the_shape_of_one_debians_make_ssl_cert_made(
    tmp_path: Path,
) -> None:
    if shutil.which("make-ssl-cert") is None:
        pytest.skip("Debian's ssl-cert is not installed (scripts/setup.sh test installs it)")
    real = make_ssl_cert(tmp_path).read_bytes()
    ours, _ = snakeoil("intranet.example.net")
    assert cert_shape(der(ours)) == cert_shape(der(real))
    assert common_name(ours) == "intranet.example.net"
    san = x509.load_pem_x509_certificate(ours).extensions.get_extension_for_class(
        x509.SubjectAlternativeName
    )
    assert san.value.get_values_for_type(x509.DNSName) == ["intranet.example.net"]


def test_each_trap_keeps_its_own_certificate_until_its_persona_changes_host(
    tmp_path: Path,
) -> None:
    first = PersonaTls.load_or_create(tmp_path, "https", "intranet.example.net")
    pem = first.cert.read_bytes()
    again = PersonaTls.load_or_create(tmp_path, "https", "intranet.example.net")
    assert again.cert.read_bytes() == pem  # the same across restarts
    other = PersonaTls.load_or_create(tmp_path, "smtp", "mail.example.net")
    assert other.cert.read_bytes() != pem and common_name(other.cert.read_bytes()) == (
        "mail.example.net"
    )
    renamed = PersonaTls.load_or_create(tmp_path, "https", "www.example.org")
    assert common_name(renamed.cert.read_bytes()) == "www.example.org"  # never contradicts it
    assert stat.S_IMODE(renamed.key.stat().st_mode) == 0o600
    assert b"honeymesh" not in renamed.cert.read_bytes().lower()


def test_two_nodes_never_share_a_certificate(tmp_path: Path) -> None:
    a = PersonaTls.load_or_create(tmp_path / "a", "https", "intranet.example.net")
    b = PersonaTls.load_or_create(tmp_path / "b", "https", "intranet.example.net")
    assert a.cert.read_bytes() != b.cert.read_bytes()
