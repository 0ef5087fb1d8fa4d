"""``honeymesh license ...``: make, check and repair licenses without the daemon.

``register(subparsers)`` adds the ``license`` command to the main ``honeymesh`` parser; each
subcommand sets ``handler`` to a function taking the parsed arguments and returning an exit status
(0 done or valid, 1 refused or failed). Problems are one line on stderr, never a traceback.
``main(argv)`` runs the same commands on their own (tests, or ``python -m honeymesh.license.cli``).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from honeymesh.license.clock import (
    CLOCK_FILE,
    ClockFile,
    clock_key_from_seed,
)
from honeymesh.license.issue import (
    IssueError,
    LicenseSigningKey,
    issue_license,
    parse_signing_key,
    write_key_pair,
)
from honeymesh.license.keys import (
    KeyFileError,
    TrustedKeys,
    format_inline_key,
    load_key_entry,
    vendor_keys,
)
from honeymesh.license.verify import (
    MAX_LICENSE_BYTES,
    LicenseRefused,
    Tier,
    check_in_force,
    format_time,
    verify_license,
)

EXIT_OK, EXIT_FAILED = 0, 1


def register(subparsers: Any) -> None:
    """Add ``license`` and its subcommands to the ``honeymesh`` parser's subparsers."""
    top = subparsers.add_parser(
        "license", help="make and check licenses (keygen, issue, verify, reset-clock)"
    )
    sub = top.add_subparsers(dest="license_command", required=True, metavar="COMMAND")

    p = sub.add_parser("keygen", help="create a license signing key pair")
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="writes DIR/license-signing.key (mode 0600) and DIR/license-signing.pub",
    )
    p.add_argument("--key-id", help="the key's id in licenses (default: from its fingerprint)")
    p.set_defaults(handler=cmd_keygen)

    p = sub.add_parser("issue", help="sign a license")
    p.add_argument("--signing-key", required=True, metavar="FILE")
    p.add_argument("--tier", required=True, choices=[t.value for t in Tier])
    p.add_argument("--licensee", required=True, metavar="NAME")
    p.add_argument(
        "--expires",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="last day of validity (the license ends at the end of that day, UTC)",
    )
    p.add_argument(
        "--not-before",
        type=_date,
        metavar="YYYY-MM-DD",
        help="first day of validity (default: now)",
    )
    p.add_argument("--cluster", metavar="ID", help="bind the license to this cluster id")
    p.add_argument("--features", default="", metavar="A,B", help="comma-separated feature names")
    p.add_argument("--license-id", metavar="ID", help="default: a random HM-... id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing FILE")
    p.set_defaults(handler=cmd_issue)

    p = sub.add_parser("verify", help="say what a license grants, or exactly why it is refused")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--trust-key",
        action="append",
        default=[],
        metavar="PUBFILE",
        help="also trust this public key file or inline ed25519:ID:B64 (repeatable)",
    )
    p.add_argument("--cluster", metavar="ID", help="check as a node of this cluster")
    p.add_argument("--at", type=_date, metavar="YYYY-MM-DD", help="check at this date, not now")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser(
        "reset-clock",
        help="start license.clock afresh at the current time (after it was lost or damaged)",
    )
    p.add_argument(
        "--data-dir",
        required=True,
        metavar="DIR",
        help="the node's data directory (holds identity.key and license.clock)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="also when the recorded mark is later than the system clock",
    )
    p.set_defaults(handler=cmd_reset_clock)


def _date(text: str) -> datetime.datetime:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _fail(message: str) -> int:
    print(f"honeymesh license: {message}", file=sys.stderr)
    return EXIT_FAILED


def _read(path: Path, limit: int) -> bytes:
    with path.open("rb") as f:
        return f.read(limit + 1)


# Subcommands -----------------------------------------------------------------------------------


def cmd_keygen(args: argparse.Namespace) -> int:
    try:
        key = LicenseSigningKey.generate(args.key_id)
        key_path, pub_path = write_key_pair(Path(args.out), key)
    except (IssueError, KeyFileError) as e:
        return _fail(str(e))
    except OSError as e:
        return _fail(f"cannot write keys in {args.out}: {e.strerror}")
    print(f"key id:      {key.key_id} ({key.public.fingerprint})")
    print(f"signing key: {key_path} (mode 0600; keep it offline, never on a node)")
    print(f"public key:  {pub_path}")
    print(f'trust it on a node with license.trusted_keys = ["{format_inline_key(key.public)}"]')
    return EXIT_OK


def cmd_issue(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        return _fail(f"{out} already exists; use --force to replace it")
    try:
        key = parse_signing_key(_read(Path(args.signing_key), 4096), args.signing_key)
    except OSError as e:
        return _fail(f"cannot read {args.signing_key}: {e.strerror}")
    except IssueError as e:
        return _fail(str(e))
    now = int(time.time())
    expires_at = int((args.expires + datetime.timedelta(days=1)).timestamp())
    not_before = int(args.not_before.timestamp()) if args.not_before else now
    features = [f.strip() for f in args.features.split(",") if f.strip()]
    try:
        document = issue_license(
            key,
            licensee=args.licensee,
            tier=Tier(args.tier),
            issued_at=now,
            not_before=not_before,
            expires_at=expires_at,
            cluster_id=args.cluster,
            features=features,
            license_id=args.license_id,
        )
        lic = verify_license(document, TrustedKeys([key.public]))
    except (IssueError, LicenseRefused) as e:
        return _fail(f"cannot issue: {e}")
    try:
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(document)
        os.replace(tmp, out)
    except OSError as e:
        return _fail(f"cannot write {out}: {e.strerror}")
    print(f"issued {out}: {lic.describe()}")
    if expires_at <= now:
        print("note: this license has already expired")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    keys = vendor_keys()
    for entry in args.trust_key:
        try:
            keys = keys | [load_key_entry(entry, Path.cwd())]
        except KeyFileError as e:
            return _fail(f"--trust-key: {e}")
    path = Path(args.file)
    try:
        data = _read(path, MAX_LICENSE_BYTES)
    except FileNotFoundError:
        return _refused("no_license", f"no license file at {path}")
    except OSError as e:
        return _refused("unreadable", f"cannot read {path}: {e.strerror}")
    now = args.at.timestamp() if args.at else time.time()
    try:
        lic = verify_license(data, keys)
        # Without --cluster the binding is shown, not judged: the node's config decides it.
        check_in_force(lic, now=now, cluster_id=args.cluster or lic.cluster_id)
    except LicenseRefused as e:
        return _refused(str(e.reason), e.detail)
    days = (lic.expires_at - now) / 86400
    print(f"VALID: {lic.tier.capitalize()} license {lic.license_id} for {lic.licensee}")
    print(f"  valid from:  {format_time(lic.not_before)}")
    print(f"  expires:     {format_time(lic.expires_at)} (in {days:.1f} days)")
    print(f"  features:    {', '.join(lic.features) or 'none'}")
    if lic.cluster_id:
        print(
            f"  cluster:     bound to {lic.cluster_id!r}: in force only on nodes with "
            f'[sharing] cluster_id = "{lic.cluster_id}"'
        )
    else:
        print("  cluster:     any")
    print(f"  signed by:   key {lic.key_id} ({keys[lic.key_id].fingerprint})")
    if lic.tier is Tier.PRO:
        print(
            "  grants:      Pro: local protection, and Trusted Network Sharing once the "
            "operator sets [sharing] enabled = true"
        )
    else:
        print("  grants:      Community: local protection only")
    return EXIT_OK


def _refused(code: str, detail: str) -> int:
    print(f"REFUSED ({code}): {detail}")
    print("  grants:      nothing beyond Community (local protection keeps working)")
    return EXIT_FAILED


def cmd_reset_clock(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    identity = data_dir / "identity.key"
    try:
        seed = bytes.fromhex(_read(identity, 200).decode("ascii").strip())
    except OSError as e:
        return _fail(f"cannot read the node identity {identity}: {e.strerror}")
    except (UnicodeDecodeError, ValueError):
        return _fail(f"{identity} is not a HoneyMesh identity key (hex seed)")
    if len(seed) != 32:
        return _fail(f"{identity} is not a HoneyMesh identity key (expected a 32-byte seed)")
    clock = ClockFile(data_dir / CLOCK_FILE, clock_key_from_seed(seed))
    now = int(time.time())
    before = clock.read()
    if before.mark is not None and before.mark > now and not args.force:
        return _fail(
            f"{clock.path} records {format_time(before.mark)}, later than the system clock "
            f"({format_time(now)}); set the system clock right, or if it is right and the mark "
            "came from a clock that ran ahead, rerun with --force"
        )
    try:
        clock.write(now)
    except OSError as e:
        return _fail(f"cannot write {clock.path}: {e.strerror}")
    was = format_time(before.mark) if before.mark is not None else before.detail
    print(f"{clock.path}: clock restarted at {format_time(now)} (was: {was})")
    print("a running daemon picks this up at its next license check")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="honeymesh")
    register(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
