"""The read-only TAXII 2.1 service of a running daemon, pulled by the OASIS ``taxii2-client``
(the library MISP-side and OpenCTI-style tooling use), its objects checked by
``stix2-validator``: discovery, the API root, the one collection, paging with ``next`` and
``added_after``, the manifest, one object and its versions, a lifted ban as its revoked version,
and what is refused (no token, a wrong one, a foreign Accept, writes)."""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
import requests
from stix2validator import ValidationOptions, validate_string
from taxii2client.exceptions import TAXIIServiceException
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages

from .daemon import Daemon, running_daemon
from .test_operator_cli import ok


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    with running_daemon(tmp_path_factory.mktemp("taxii")) as d:
        yield d


def base(daemon: Daemon) -> str:
    return f"https://127.0.0.1:{daemon.node.config.api.port}/taxii2/"


def cafile(daemon: Daemon) -> str:
    return str(daemon.node.config.data_path(daemon.node.config.api.tls_cert))


@pytest.fixture(autouse=True)
def _requests_uses_what_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE (set on many machines) override the
    ``verify`` a client was given; the client here verifies with the node's own certificate."""
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)


def bundle_of(objects: list[dict[str, object]]) -> str:
    return json.dumps({"type": "bundle", "id": "bundle--8e3b5c6a-3a8f-4d55-9d4e-5c7a0f0e1d2b",
                       "objects": objects})  # fmt: skip


def test_a_taxii_client_pulls_every_ban_and_allow_page_by_page(daemon: Daemon) -> None:
    for i in range(7):
        ok(daemon, "ban", f"203.0.113.{100 + i}", "--duration", "1h", "--reason", f"taxii {i}")
    ok(daemon, "unban", "203.0.113.106")  # lifted: served as its revoked version
    token = daemon.node.admin_token
    server = Server(base(daemon), user="taxii", password=token, verify=cafile(daemon))
    assert server.title.startswith("HoneyMesh")
    (root,) = server.api_roots
    assert isinstance(root, ApiRoot) and root.versions == ["application/taxii+json;version=2.1"]
    (collection,) = root.collections
    assert isinstance(collection, Collection)
    assert collection.can_read and not collection.can_write

    pages = list(as_pages(collection.get_objects, per_request=3))
    assert len(pages) >= 3 and all(len(p.get("objects", [])) <= 3 for p in pages)
    objects = [o for p in pages for o in p.get("objects", [])]
    assert len({o["id"] for o in objects}) == len(objects)  # every object once across pages
    validity = validate_string(bundle_of(objects), ValidationOptions(version="2.1", strict=True))
    assert validity.is_valid, [str(e) for e in validity.errors]
    indicators = {o["pattern"]: o for o in objects if o["type"] == "indicator"}
    for i in range(6):
        ban = indicators[f"[ipv4-addr:value = '203.0.113.{100 + i}']"]
        assert ban["indicator_types"] == ["malicious-activity"] and not ban.get("revoked", False)
    assert indicators["[ipv4-addr:value = '203.0.113.106']"]["revoked"] is True
    assert indicators["[ipv4-addr:value = '127.0.0.0/8']"]["indicator_types"] == ["benign"]
    refs = {o["created_by_ref"] for o in objects if "created_by_ref" in o}
    assert refs <= {o["id"] for o in objects}  # what they refer to is in the collection

    manifest = collection.get_manifest()
    assert {m["id"] for m in manifest["objects"]} == {o["id"] for o in objects}
    last = max(m["date_added"] for m in manifest["objects"])
    assert "objects" not in collection.get_objects(added_after=last)  # nothing newer yet
    ok(daemon, "ban", "203.0.113.120", "--duration", "1h", "--reason", "taxii later")
    newer = collection.get_objects(added_after=last)["objects"]
    assert [o["pattern"] for o in newer if o["type"] == "indicator"] == [
        "[ipv4-addr:value = '203.0.113.120']"
    ]
    one = newer[0]
    assert collection.get_object(one["id"])["objects"] == [one]
    assert collection.object_versions(one["id"])["versions"] == [one["modified"]]
    only_identity = collection.get_objects(type="identity")["objects"]
    assert {o["type"] for o in only_identity} == {"identity"}
    for i in (*range(6), 20):
        ok(daemon, "unban", f"203.0.113.{100 + i}")


def test_taxii_refuses_without_the_token_a_foreign_accept_and_writes(daemon: Daemon) -> None:
    with pytest.raises(requests.exceptions.HTTPError) as no_token:
        Server(base(daemon), verify=cafile(daemon)).refresh()
    assert no_token.value.response is not None
    assert no_token.value.response.status_code == 401
    with pytest.raises(requests.exceptions.HTTPError) as wrong:
        Server(base(daemon), user="x", password="hm_wrong", verify=cafile(daemon)).refresh()
    assert wrong.value.response is not None
    assert wrong.value.response.status_code == 401

    context = ssl.create_default_context(cafile=cafile(daemon))
    context.check_hostname = False
    token = daemon.node.admin_token

    def get(path: str, accept: str, method: str = "GET") -> tuple[int, dict[str, object]]:
        request = urllib.request.Request(
            base(daemon) + path, method=method, data=b"{}" if method == "POST" else None,
            headers={"Authorization": f"Bearer {token}", "Accept": accept},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, context=context, timeout=20) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    status, body = get("", "application/json")
    assert status == 406 and body["http_status"] == "406"
    status, _ = get("", "application/taxii+json;version=2.1")
    assert status == 200  # a bearer token works too
    coll = "honeymesh/collections/4c1b1a4e-8f0e-5d7e-9a54-2f4a6b7f3c10/objects/"
    status, body = get(coll, "application/taxii+json;version=2.1", method="POST")
    assert status == 405  # read-only: nothing may be posted
    status, body = get("honeymesh/collections/nope/objects/", "application/taxii+json")
    assert status == 404
    status, body = get(coll + "?added_after=yesterday", "application/taxii+json")
    assert status == 400 and body["title"] == "Bad timestamp"
    status, body = get(coll + "?next=%%%", "application/taxii+json")
    assert status == 400
    with pytest.raises(TAXIIServiceException):
        Collection(base(daemon) + coll.removesuffix("objects/"), user="x", password=token,
                   verify=cafile(daemon)).add_objects(bundle_of([]))  # fmt: skip
