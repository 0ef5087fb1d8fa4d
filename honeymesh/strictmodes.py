"""Every file the configuration names that other users must not read or change, checked at once.

One list, so that a new key or a new trap cannot be forgotten by the check that runs before the
daemon starts (``tap.Options.postOptions``): the rules themselves are in ``filemodes``.

* private (only the owner may read or write): the identity key (the mesh identity, and the seed
  of the local operator token), the admin TLS key, each SSH trap's host keys, each TLS trap's
  own key;
* directories of secrets (no one else may enter, no group write): the data directory and each
  SSH trap's host key directory;
* unwritable by others (readable is fine, but changing it changes who may do what): the
  configuration file (the admin token's digest) and each trusted license key file (whoever can
  write one can sign their own license).

The node's mesh keys are its identity key; the license file itself is a signed document and the
license clock is authenticated, so neither is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from honeymesh.config import Config, SshTrapConfig, TlsTrapConfig
from honeymesh.detection.traps.hostkey_files import HOST_KEY_FILES
from honeymesh.filemodes import check_data_dir, check_private_file, check_unwritable_file
from honeymesh.license.keys import INLINE_PREFIX

Rule = Literal["private", "directory", "unwritable"]

_CHECKS: dict[Rule, Callable[[Path, str], None]] = {
    "private": check_private_file,
    "directory": check_data_dir,
    "unwritable": check_unwritable_file,
}


@dataclass(frozen=True)
class Guarded:
    path: Path
    what: str  # as the refusal names it: "identity key", "SSH host key of trap 'ssh'", ...
    rule: Rule


def guarded_files(config: Config) -> list[Guarded]:
    """Every file and directory ``config`` names that others must not read or change."""
    data = config.data_path
    found = [
        Guarded(config.node.data_dir, "data directory", "directory"),
        Guarded(data(Path("identity.key")), "identity key", "private"),
        Guarded(data(config.api.tls_key), "admin TLS key", "private"),
    ]
    if config.source.is_file():  # not the embedded defaults
        found.append(Guarded(config.source, "configuration", "unwritable"))
    for trap in config.traps:
        if isinstance(trap, SshTrapConfig):
            keys = data(trap.host_key_dir)
            found.append(Guarded(keys, f"host key directory of trap {trap.name!r}", "directory"))
            found += [
                Guarded(keys / name, f"SSH host key of trap {trap.name!r}", "private")
                for name in HOST_KEY_FILES
            ]
        elif isinstance(trap, TlsTrapConfig) and trap.tls_key:
            found.append(
                Guarded(data(Path(trap.tls_key)), f"TLS key of trap {trap.name!r}", "private")
            )
    for entry in config.license.trusted_keys:
        if not entry.startswith(INLINE_PREFIX):
            key = Path(entry)
            key = key if key.is_absolute() else config.node.data_dir / key  # as load_key_entry
            found.append(Guarded(key, "trusted license key", "unwritable"))
    return found


def check_guarded_files(config: Config) -> None:
    """Raise ``filemodes.UnsafeModes`` (naming the file and the chmod) for the first file in
    ``guarded_files(config)`` that others can read or change; missing files are left to their
    loaders."""
    for item in guarded_files(config):
        _CHECKS[item.rule](item.path, item.what)
