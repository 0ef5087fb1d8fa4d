"""Ban files: every format reads back what it wrote; hostile files raise BanFileError only."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.control import BanImport
from honeymesh.events import JSONValue
from honeymesh.web.banfile import FORMATS, BanFileError, Format, format_bans, parse_bans

NOW = 1_700_000_000.0

BANS: list[dict[str, JSONValue]] = [
    {
        "id": 1,
        "network": "203.0.113.7/32",
        "source": "operator",
        "reasons": ["ssh brute force", "seen on 3 traps"],
        "expires": NOW + 3600.5,
        "created": NOW - 10,
        "offence": 1,
    },
    {
        "id": 2,
        "network": "2001:db8::/64",
        "source": "local",
        "reasons": ['comma, "quote" and; semicolon'],
        "expires": None,
        "created": NOW - 5,
        "offence": 3,
    },
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_is_exported_imports_back(fmt: Format) -> None:
    entries = parse_bans(format_bans(BANS, fmt, NOW), fmt)
    assert [e.network for e in entries] == ["203.0.113.7/32", "2001:db8::/64"]
    if fmt == "text":
        return  # plain text carries addresses only; the import's defaults apply
    first, second = entries
    assert first.expires == NOW + 3600.5 and not first.permanent
    assert second.permanent and second.expires is None
    if fmt == "json":
        assert first.reasons == ("ssh brute force", "seen on 3 traps")
    else:
        assert first.reasons == ("ssh brute force; seen on 3 traps",)
    assert second.reasons == ('comma, "quote" and; semicolon',)


def test_text_format_skips_comments_and_blank_lines_and_numbers_lines() -> None:
    data = b"# my list\n\n198.51.100.1\n  198.51.100.0/24   # a range\r\n2001:db8::1\n"
    assert parse_bans(data, "text") == [
        BanImport(line=3, network="198.51.100.1"),
        BanImport(line=4, network="198.51.100.0/24"),
        BanImport(line=5, network="2001:db8::1"),
    ]


def test_text_with_two_words_on_a_line_names_the_line() -> None:
    with pytest.raises(BanFileError, match="line 2: one address or CIDR per line"):
        parse_bans(b"198.51.100.1\n198.51.100.2 198.51.100.3\n", "text")


def test_csv_columns_duration_and_reason() -> None:
    data = b"network,duration,reason\n198.51.100.9,2h,scanner\n198.51.100.10,,\n"
    assert parse_bans(data, "csv") == [
        BanImport(line=2, network="198.51.100.9", duration="2h", reasons=("scanner",)),
        BanImport(line=3, network="198.51.100.10"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"address\n1.2.3.4\n", "must name a 'network' column"),
        (b"", "empty"),
        (b"network\n1.2.3.4,extra\n", "line 2: 2 fields"),
        (b"network,expires\n1.2.3.4,soon\n", "line 2: expires must be Unix seconds"),
        (b'network\n"unterminated\n', "not valid CSV"),
    ],
)
def test_bad_csv_is_refused_with_the_line(data: bytes, message: str) -> None:
    with pytest.raises(BanFileError, match=message):
        parse_bans(data, "csv")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("{", "not valid JSON"),
        ('{"nope": []}', 'under "bans"'),
        ("42", "expected a JSON list"),
        ("[42]", "line 1: each item must be"),
        ('[{"network": 5}]', '"network" as a string'),
        ('[{"network": "1.2.3.4", "expires": "soon"}]', '"expires" must be'),
        ('[{"network": "1.2.3.4", "reasons": "x"}]', '"reasons" must be a list'),
        ('[{"network": "1.2.3.4", "duration": true}]', '"duration" must be'),
        ("[NaN]", "not valid JSON"),
    ],
)
def test_bad_json_is_refused(doc: str, message: str) -> None:
    with pytest.raises(BanFileError, match=message):
        parse_bans(doc.encode(), "json")


# Found while building fuzz/banfile.py: JSON numbers of any size reached float() and escaped
# the importer as OverflowError (a 500 from the API instead of a 400 naming the line).
@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ('[{"network": "192.0.2.1", "expires": 1' + "0" * 400 + "}]", "line 1: .*too large"),
        ('["192.0.2.9", {"network": "192.0.2.1", "expires": 1e400}]', "line 2: .*finite"),
    ],
    ids=["int-400-digits", "float-1e400"],
)
def test_json_expires_out_of_range_is_refused_with_the_line(doc: str, message: str) -> None:
    with pytest.raises(BanFileError, match=message):
        parse_bans(doc.encode(), "json")


def test_json_accepts_plain_strings_and_objects() -> None:
    doc = ["198.51.100.1", {"address": "198.51.100.2", "duration": 60, "reason": "r"}]
    assert parse_bans(json.dumps(doc).encode(), "json") == [
        BanImport(line=1, network="198.51.100.1"),
        BanImport(line=2, network="198.51.100.2", duration=60, reasons=("r",)),
    ]


def test_not_utf8_is_refused() -> None:
    with pytest.raises(BanFileError, match="not UTF-8"):
        parse_bans(b"\xff\xfe1.2.3.4", "text")


@given(data=st.binary(max_size=2000), fmt=st.sampled_from(FORMATS))
def test_any_bytes_give_entries_or_a_ban_file_error(data: bytes, fmt: Format) -> None:
    try:
        entries = parse_bans(data, fmt)
    except BanFileError as e:
        assert e.line >= 0
        return
    assert all(isinstance(e, BanImport) and e.line >= 1 for e in entries)


@given(text=st.text(max_size=500), fmt=st.sampled_from(FORMATS))
def test_any_text_gives_entries_or_a_ban_file_error(text: str, fmt: Format) -> None:
    with contextlib.suppress(BanFileError):
        parse_bans(text.encode(), fmt)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
        max_leaves=30,
    )
)
def test_any_json_document_gives_entries_or_a_ban_file_error(doc: object) -> None:
    with contextlib.suppress(BanFileError):
        parse_bans(json.dumps(doc).encode(), "json")


def test_deeply_nested_json_is_refused_cleanly() -> None:
    with pytest.raises(BanFileError):
        parse_bans(b"[" * 100_000 + b"]" * 100_000, "json")


# STIX 2.1 -----------------------------------------------------------------------------------------


def stix_indicator(pattern: str, **extra: JSONValue) -> dict[str, JSONValue]:
    return {"type": "indicator", "spec_version": "2.1", "pattern_type": "stix",
            "id": "indicator--11111111-2222-4333-8444-555555555555", "pattern": pattern,
            "valid_from": "2026-12-01T00:00:00Z", **extra}  # fmt: skip


def test_a_stix_bundle_of_our_own_export_imports_back() -> None:
    from honeymesh.enforcement.bans import AllowRule, Ban  # noqa: PLC0415
    from honeymesh.intel.stix import StixSettings, bundle  # noqa: PLC0415
    from honeymesh.net import parse_network  # noqa: PLC0415

    same = {"evidence": {}, "provenance": {}, "created": NOW, "offence": 1, "enforced": True}
    bans = [Ban(id=1, network=parse_network("203.0.113.7"), source="operator",
                reasons=("ssh brute force",), expires=NOW + 3600, **same),  # type: ignore[arg-type]
            Ban(id=2, network=parse_network("2001:db8::/64"), source="local",
                reasons=("scan",), expires=None, **same)]  # type: ignore[arg-type]  # fmt: skip
    allows = [AllowRule(network=parse_network("192.0.2.10"), reason="monitoring", id=1,
                        created=NOW, origin="operator")]  # fmt: skip
    text = bundle(bans, allows, StixSettings(node_id="ab" * 32, node_name="n", own_level="L2"))
    entries = {e.network: e for e in parse_bans(text.encode(), "json")}  # read as STIX: a bundle
    assert set(entries) == {"203.0.113.7", "2001:db8::/64"}  # the allow is not a ban
    assert entries["203.0.113.7"].expires == NOW + 3600
    assert entries["2001:db8::/64"].expires is None and not entries["2001:db8::/64"].permanent
    assert "banned 203.0.113.7/32" in entries["203.0.113.7"].reasons[0]


def test_stix_indicators_that_are_not_address_bans_are_left_out() -> None:
    objects = [
        stix_indicator("[ipv4-addr:value = '198.51.100.1'] OR [ipv6-addr:value = '2001:db8::1']"),
        stix_indicator("[ipv4-addr:value = '198.51.100.2']", revoked=True),
        stix_indicator("[ipv4-addr:value = '198.51.100.3']", indicator_types=["benign"]),
        stix_indicator("[domain-name:value = 'evil.example']"),
        stix_indicator("[ipv4-addr:value = '198.51.100.4' AND ipv4-addr:value = '198.51.100.5']"),
        stix_indicator("[ipv4-addr:value = '198.51.100.6']", pattern_type="snort"),
        {"type": "identity", "id": "identity--1", "name": "x"},
    ]
    doc = json.dumps({"type": "bundle", "id": "bundle--1", "objects": objects}).encode()
    assert [e.network for e in parse_bans(doc, "stix")] == ["198.51.100.1", "2001:db8::1"]
    with pytest.raises(BanFileError, match="no indicator of an IPv4 or IPv6 address"):
        parse_bans(json.dumps({"type": "bundle", "objects": objects[1:]}).encode(), "stix")
    with pytest.raises(BanFileError, match="STIX timestamp"):
        parse_bans(json.dumps(stix_indicator("[ipv4-addr:value = '198.51.100.9']",
                                             valid_until="soon")).encode(), "stix")  # fmt: skip


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=80)
        | st.sampled_from(["indicator", "bundle", "stix", "[ipv4-addr:value = '198.51.100.1']",
                           "2026-12-01T00:00:00Z", "type", "objects", "pattern", "valid_until"]),
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
            st.sampled_from(["type", "objects", "pattern", "pattern_type", "revoked",
                             "indicator_types", "valid_until", "name", "id"]) | st.text(max_size=5),
            inner, max_size=6),
        max_leaves=30,
    )
)  # fmt: skip
def test_any_stix_document_gives_entries_or_a_ban_file_error(doc: object) -> None:
    with contextlib.suppress(BanFileError):
        parse_bans(json.dumps(doc).encode(), "stix")
