"""Licensing: Ed25519-signed offline licenses, clock-rollback detection, Community/Pro gating.

``verify`` (the license format and its verification), ``keys`` (who may sign), ``clock``
(``license.clock``), ``entitlement`` (license + clock + now -> tier and reason), ``gating``
(may Trusted Network Sharing run), ``claim`` (the mesh capability claim), ``service`` (the
periodic re-evaluation), ``issue`` and ``cli`` (the vendor tools). docs/LICENSING.md describes it.
"""
