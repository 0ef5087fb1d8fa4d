"""What of a local ban may leave this node, by classification level.

A signal body is built from the ``ban.added`` event's fields, never from raw evidence passed
through: each level adds named, validated fields and nothing else (docs/MESH.md, "What leaves a
node"). L1 carries the target and a reason code; L2 adds the JA4/JA3 fingerprints; L3 adds
ports, counts and the detection window; L4 adds a payload excerpt with every non-printable byte
and anything that looks like a credential removed. Credentials, payload bytes below L4 and any
address other than the target never leave.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Any

from honeymesh.mesh.envelope import JA3, JA4, LEVELS, MAX_EXCERPT, MAX_PORTS, REASON
from honeymesh.net import Network

# A node's own side of the world: bans on these stay local unless [sharing] publish_internal.
# (Documentation ranges are not in it: they are what tests and examples use.)
INTERNAL = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
              "169.254.0.0/16", "fc00::/7", "fe80::/10", "::1/128")
)  # fmt: skip

# A credential-like name and everything after it to the end of its line or parameter, so
# "Authorization: Basic dXNl..." and "Cookie: a=b; c=d" go whole.
_CREDENTIAL = re.compile(
    r"(?i)\b(pass(word)?|passwd|pwd|secret|token|api[_-]?key|auth\w*|cookie|set-cookie|"
    r"session\w*|user(name)?|login|bearer)\b\s*[=:]?[^&\r\n]*"
)
_ADDRESS = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}\b|[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}", re.I)


def reason_code(detail: Mapping[str, Any]) -> str:
    """A short code for why the ban was made: the detector's name, or the ban's origin."""
    provenance = detail.get("provenance")
    evidence = detail.get("evidence")
    for source in (evidence, provenance):
        if isinstance(source, Mapping):
            detector = source.get("detector")
            if isinstance(detector, str):
                code = re.sub(r"[^a-z0-9._-]", "-", detector.lower())[:64].strip("-")
                if code and REASON.fullmatch(code):
                    return code
    origin = str(detail.get("source", "local"))
    return "operator" if origin == "operator" else "detection"


def signal_body(detail: Mapping[str, Any], level: str) -> dict[str, Any]:
    """The body fields (besides ``target``) a ban signal carries at ``level``."""
    rank = LEVELS.index(level) + 1
    body: dict[str, Any] = {"reason": reason_code(detail)}
    evidence = _evidence(detail)
    if rank >= 2:
        ja4, ja3 = evidence.get("ja4"), evidence.get("ja3")
        if isinstance(ja4, str) and JA4.fullmatch(ja4):
            body["ja4"] = ja4
        if isinstance(ja3, str) and JA3.fullmatch(ja3):
            body["ja3"] = ja3
    if rank >= 3:
        ports = evidence.get("ports")
        if isinstance(ports, list):
            clean = sorted({p for p in ports if type(p) is int and 0 <= p <= 65535})
            if clean:
                body["ports"] = clean[:MAX_PORTS]
        for name in ("count", "window"):
            value = evidence.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                body[name] = min(int(value), 2**32 - 1)
    if rank >= 4:
        excerpt = evidence.get("preview") or evidence.get("excerpt")
        if isinstance(excerpt, str) and excerpt:
            body["excerpt"] = sanitize_excerpt(excerpt)
    return body


def sanitize_excerpt(text: str) -> str:
    """Printable text only, credentials and addresses masked, at most ``MAX_EXCERPT`` long."""
    printable = "".join(c if c.isprintable() else "." for c in text)
    masked = _CREDENTIAL.sub(lambda m: m.group(1) + "=<redacted>", printable)
    masked = _ADDRESS.sub("<address>", masked)
    return masked[:MAX_EXCERPT]


def _evidence(detail: Mapping[str, Any]) -> dict[str, Any]:
    """The ban's evidence, flattened one level (the verdict's evidence sits inside it)."""
    out: dict[str, Any] = {}
    evidence = detail.get("evidence")
    if isinstance(evidence, Mapping):
        inner = evidence.get("verdict_evidence")
        if isinstance(inner, Mapping):
            out.update(inner)
        out.update({k: v for k, v in evidence.items() if k != "verdict_evidence"})
    return out


def internal(target: Network) -> bool:
    """Is this an address of the node's own networks (RFC 1918, CGNAT, loopback, link-local,
    ULA)? Such bans are not published unless the operator says so."""
    return any(
        target.version == net.version and target.subnet_of(net)  # type: ignore[arg-type]
        for net in INTERNAL
    )
