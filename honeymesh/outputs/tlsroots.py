"""The CA certificate an output verifies its receiver with, read before anything starts."""

from __future__ import annotations

from pathlib import Path

from twisted.internet.ssl import Certificate


class OutputSetupError(Exception):
    """An output that cannot be built: its ``ca`` file cannot be read or is not a certificate."""


def load_ca(path: Path, name: str) -> Certificate:
    try:
        return Certificate.loadPEM(path.read_bytes())
    except OSError as e:
        raise OutputSetupError(f"outputs: {name}: cannot read ca {path}: {e.strerror}") from None
    except Exception as e:  # OpenSSL's errors: not a PEM certificate
        raise OutputSetupError(
            f"outputs: {name}: ca {path} is not a PEM certificate ({e})"
        ) from None
