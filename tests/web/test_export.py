"""A large export streams page after page and still reads back as one file; the STIX export
marks what it exports as the configuration's TLP table says."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest_twisted

from honeymesh.config import StixConfig
from honeymesh.control import EXPORT_PAGE
from honeymesh.intel.stix import TLP2_IDS
from honeymesh.tap import Appliance

from .conftest import Http


@pytest_twisted.ensureDeferred
async def test_an_export_larger_than_a_page_is_whole_in_every_format(api: Http) -> None:
    count = EXPORT_PAGE + 500
    addresses = [f"10.{i // 65536}.{(i // 256) % 256}.{i % 256}" for i in range(1, count + 1)]
    listing = ("\n".join(addresses) + "\n").encode()
    resp = await api("POST", "/api/v1/bans/import?duration=1h", raw=listing,
                     content_type="text/plain")  # fmt: skip
    assert resp.status == 200 and resp.json()["banned"] == count

    doc = json.loads((await api("GET", "/api/v1/bans/export?format=json")).body)
    assert doc["count"] == count == len(doc["bans"])
    assert [b["network"] for b in doc["bans"]] == [f"{a}/32" for a in addresses]

    rows = list(
        csv.DictReader(
            io.StringIO((await api("GET", "/api/v1/bans/export?format=csv")).body.decode())
        )
    )
    assert len(rows) == count and rows[-1]["network"] == f"{addresses[-1]}/32"

    text = (await api("GET", "/api/v1/bans/export?format=text")).body.decode().splitlines()
    assert [line for line in text if not line.startswith("#")] == [f"{a}/32" for a in addresses]
    assert text[-1] == f"# {count} bans"


@pytest_twisted.ensureDeferred
async def test_the_stix_markings_follow_the_tlp_table_in_the_configuration(
    api: Http, appliance: Appliance
) -> None:
    control = appliance.control
    default = control.config
    control.config = dataclasses.replace(default, stix=StixConfig(tlp_l2="red", tlp_l1="green"))
    try:
        assert (await api("POST", "/api/v1/bans", {"network": "203.0.113.44"})).status == 201
        resp = await api("GET", "/api/v1/bans/export?format=stix")
    finally:
        control.config = default
        await api("DELETE", "/api/v1/bans/203.0.113.44")
    objects = json.loads(resp.body)["objects"]
    ban = next(o for o in objects if o.get("pattern") == "[ipv4-addr:value = '203.0.113.44']")
    assert ban["object_marking_refs"] == [TLP2_IDS["red"]]  # this node shares at L2: red here
    names = {o["name"] for o in objects if o["type"] == "marking-definition"}
    assert "TLP:RED" in names
