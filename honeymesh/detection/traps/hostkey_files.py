"""The SSH trap's host key files, as OpenSSH names them in ``host_key_dir``.

Apart from ``ssh.py`` so that what only names the files (``honeymesh.strictmodes``, which checks
that only their owner can read them, and the trap registry, which looks for them) does not
import the SSH trap and Twisted Conch with it.
"""

from __future__ import annotations

ED25519_HOST_KEY, RSA_HOST_KEY = "ssh_host_ed25519_key", "ssh_host_rsa_key"
ECDSA_HOST_KEY = "ssh_host_ecdsa_key"
HOST_KEY_FILES = (ED25519_HOST_KEY, ECDSA_HOST_KEY, RSA_HOST_KEY)
