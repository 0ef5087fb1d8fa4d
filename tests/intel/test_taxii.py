"""TAXII 2.1 answers, sans-IO: paging, filters, versions, and hostile query strings."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.intel.taxii import (
    Entry,
    Query,
    TaxiiError,
    envelope,
    manifest,
    parse_timestamp,
    timestamp,
    versions,
)


def indicator(n: int, modified: str = "2026-12-01T00:00:00.000Z") -> dict[str, Any]:
    return {"type": "indicator", "spec_version": "2.1",
            "id": f"indicator--00000000-0000-4000-8000-{n:012d}", "modified": modified}  # fmt: skip


ENTRIES = [Entry(1_800_000_000.0 + n, indicator(n)) for n in range(10)] + [
    Entry(1_700_000_000.0, {"type": "identity", "spec_version": "2.1",
                            "id": "identity--00000000-0000-4000-8000-000000000001",
                            "created": "2023-11-14T22:13:20.000Z"}),
]  # fmt: skip


def test_pages_follow_next_until_the_end_each_object_once_in_date_added_order() -> None:
    seen: list[str] = []
    args: dict[str, list[str]] = {"limit": ["4"]}
    for _ in range(10):
        body, headers = envelope(ENTRIES, Query.parse(args))
        seen += [o["id"] for o in body.get("objects", [])]
        assert headers["X-TAXII-Date-Added-First"] <= headers["X-TAXII-Date-Added-Last"]
        if not body["more"]:
            break
        args = {"limit": ["4"], "next": [body["next"]]}
    assert seen[0].startswith("identity--") and len(seen) == len(set(seen)) == 11


def test_added_after_type_and_id_filters() -> None:
    after = timestamp(1_800_000_005.0)
    body, _ = envelope(ENTRIES, Query.parse({"added_after": [after]}))
    assert [o["id"][-2:] for o in body["objects"]] == ["06", "07", "08", "09"]
    body, _ = envelope(ENTRIES, Query.parse({"match[type]": ["identity"]}))
    assert [o["type"] for o in body["objects"]] == ["identity"]
    wanted = ENTRIES[3].id
    body, _ = envelope(ENTRIES, Query.parse({"match[id]": [wanted]}))
    assert [o["id"] for o in body["objects"]] == [wanted]
    body, _ = manifest(ENTRIES, Query.parse({"limit": ["2"]}))
    assert body["more"] and len(body["objects"]) == 2
    assert set(body["objects"][0]) == {"id", "date_added", "version", "media_type"}


def test_only_the_last_version_unless_asked() -> None:
    old = Entry(1_800_000_100.0, indicator(1, "2026-12-01T00:00:00.000Z"))
    new = Entry(1_800_000_200.0, indicator(1, "2026-12-02T00:00:00.000Z") | {"revoked": True})
    both = [old, new]
    body, _ = envelope(both, Query.parse({}))
    assert [o.get("revoked") for o in body["objects"]] == [True]
    body, _ = envelope(both, Query.parse({"match[version]": ["all"]}))
    assert len(body["objects"]) == 2
    body, _ = envelope(both, Query.parse({"match[version]": ["first"]}))
    assert body["objects"][0]["modified"] == "2026-12-01T00:00:00.000Z"
    answer, _ = versions(both, old.id, Query.parse({}))
    assert answer["versions"] == ["2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z"]
    with pytest.raises(TaxiiError) as missing:
        versions(both, "indicator--nope", Query.parse({}))
    assert missing.value.status == 404


def test_a_limit_or_fraction_in_other_digits_is_a_400_not_a_crash() -> None:
    for args in ({"limit": ["²"]}, {"added_after": ["2026-12-06T03:20:00.²Z"]}):
        with pytest.raises(TaxiiError):
            Query.parse(args)


def test_timestamps_round_trip_and_bad_ones_are_400() -> None:
    assert parse_timestamp(timestamp(1_800_000_000.25)) == 1_800_000_000.25
    assert parse_timestamp("2026-12-06T03:20:00Z") == parse_timestamp("2026-12-06T03:20:00.000Z")
    for bad in (
        "yesterday",
        "2026-12-06T03:20:00",
        "2026-13-06T03:20:00Z",
        "2026-12-06T03:20:00.x1Z",
    ):
        with pytest.raises(TaxiiError) as e:
            parse_timestamp(bad)
        assert e.value.status == 400


NAMES = st.sampled_from(["added_after", "limit", "next", "match[id]", "match[type]",
                         "match[version]", "match[spec_version]", "other"])  # fmt: skip


@given(st.dictionaries(NAMES, st.lists(st.text(max_size=60), max_size=3), max_size=6))
def test_any_query_string_is_a_query_or_a_taxii_error(args: dict[str, list[str]]) -> None:
    try:
        query = Query.parse(args)
    except TaxiiError as e:
        assert e.status == 400 and set(e.body()) == {"title", "description", "http_status"}
        return
    body, _ = envelope(ENTRIES, query)
    assert len(body.get("objects", [])) <= query.limit


def test_added_after_an_entrys_own_date_added_leaves_it_out_whatever_the_float() -> None:
    for added in (1_796_528_403.6471925, 1_800_000_000.1000004, 0.3, 1_765_000_000.9999996):
        entries = [Entry(added, indicator(1))]
        body, _ = envelope(entries, Query.parse({"added_after": [timestamp(added)]}))
        assert "objects" not in body, added
