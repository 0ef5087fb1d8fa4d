"""docs/openapi.yaml describes exactly the routes the admin site serves, and is valid OpenAPI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]
from openapi_spec_validator import validate

from honeymesh.web.app import AdminApi

SPEC = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
METHODS = {"get", "post", "put", "patch", "delete"}


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return loaded


def served() -> set[tuple[str, str]]:
    """(method, OpenAPI path) for every Klein route."""
    out = set()
    for rule in AdminApi.app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods or ():
            if method.lower() in METHODS:
                out.add((method.lower(), path))
    return out


def documented() -> set[tuple[str, str]]:
    return {
        (method, path)
        for path, item in spec()["paths"].items()
        for method in item
        if method in METHODS
    }


def test_every_route_is_documented() -> None:
    missing = served() - documented()
    assert not missing, f"routes missing from docs/openapi.yaml: {sorted(missing)}"


def test_nothing_documented_is_gone() -> None:
    stale = documented() - served()
    assert not stale, f"docs/openapi.yaml describes routes that do not exist: {sorted(stale)}"


def test_the_spec_is_valid_openapi() -> None:
    validate(spec())


def test_public_routes_are_marked_public_and_the_rest_need_the_token() -> None:
    public = {
        path
        for path, item in spec()["paths"].items()
        for method, op in item.items()
        if method in METHODS and op.get("security") == []
    }
    assert public == {"/api/v1/health", "/", "/static/{name}", "/ws"}
    assert spec()["security"] == [{"adminToken": []}]
