"""The read-only TAXII 2.1 service under ``/taxii2/`` of the admin site.

``honeymesh.intel.taxii`` decides every answer; this module is the HTTP around it: the routes
of the specification (discovery at ``/taxii2/``, the API root ``/taxii2/honeymesh/``, its one
collection, objects, manifest, one object and its versions), content negotiation (``Accept``
must admit ``application/taxii+json;version=2.1``, else 406), TAXII error messages, and the
collection's objects from the ``Control`` facade. Authentication happens before a request gets
here (``AdminApi.taxii``): TAXII clients send the admin token as a bearer token, or as the
password of HTTP Basic (what taxii2-client, MISP and OpenCTI send with user and password).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from klein import Klein
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure
from twisted.web.iweb import IRequest
from werkzeug.exceptions import MethodNotAllowed, NotFound

from honeymesh.intel.taxii import (
    API_ROOT,
    COLLECTION_ID,
    MEDIA_TAXII,
    Entry,
    Query,
    TaxiiError,
    api_root,
    collection,
    discovery,
    envelope,
    manifest,
    versions,
)

_ACCEPTED = ("application/taxii+json;version=2.1", "application/taxii+json", "*/*")


def answer(request: IRequest, body: object, status: int = 200, **headers: str) -> bytes:
    request.setResponseCode(status)
    request.setHeader(b"Content-Type", MEDIA_TAXII.encode())
    for name, value in headers.items():
        request.setHeader(name.replace("_", "-").encode(), value.encode())
    return json.dumps(body, separators=(",", ":")).encode()


def _accepts_taxii(request: IRequest) -> bool:
    header = (request.getHeader(b"accept") or b"*/*").decode("latin-1").lower()
    offered = [part.split(";q=")[0].replace(" ", "") for part in header.split(",")]
    return any(
        o in _ACCEPTED or o.startswith("application/taxii+json;version=2.1") for o in offered
    )


def _args(request: IRequest) -> dict[str, list[str]]:
    return {
        k.decode("utf-8", "replace"): [v.decode("utf-8", "replace") for v in vs]
        for k, vs in (request.args or {}).items()
    }


class TaxiiApi:
    """The routes; ``entries`` fires with the collection's objects, dated."""

    app = Klein()

    def __init__(self, title: str, entries: Callable[[], Deferred[list[Entry]]]) -> None:
        self.title = title
        self.entries = entries

    def _check(self, request: IRequest, collection_id: str | None = None) -> None:
        if request.method not in (b"GET", b"HEAD"):
            raise TaxiiError(405, "Method not allowed", "this TAXII server is read-only")
        if not _accepts_taxii(request):
            raise TaxiiError(406, "Not acceptable", f"Accept must admit {MEDIA_TAXII}")
        if collection_id is not None and collection_id != COLLECTION_ID:
            raise TaxiiError(404, "Not found", "no such collection")

    @app.handle_errors(TaxiiError)
    def taxii_error(self, request: IRequest, failure: Failure) -> bytes:
        error: TaxiiError = failure.value  # type: ignore[assignment]
        return answer(request, error.body(), error.status)

    @app.handle_errors(NotFound)
    def not_found(self, request: IRequest, failure: Failure) -> bytes:
        return answer(request, TaxiiError(404, "Not found", "no such TAXII resource").body(), 404)

    @app.handle_errors(MethodNotAllowed)
    def not_allowed(self, request: IRequest, failure: Failure) -> bytes:
        error = TaxiiError(405, "Method not allowed", "this TAXII server is read-only")
        return answer(request, error.body(), 405)

    @app.route("/", methods=["GET", "HEAD"])
    def discovery(self, request: IRequest) -> bytes:
        self._check(request)
        root = f"{_origin(request)}/taxii2/{API_ROOT}/"
        return answer(request, discovery(self.title, root))

    @app.route(f"/{API_ROOT}/", methods=["GET", "HEAD"])
    def api_root(self, request: IRequest) -> bytes:
        self._check(request)
        return answer(request, api_root(self.title))

    @app.route(f"/{API_ROOT}/collections/", methods=["GET", "HEAD"])
    def collections(self, request: IRequest) -> bytes:
        self._check(request)
        return answer(request, {"collections": [collection(self.title)]})

    @app.route(f"/{API_ROOT}/collections/<cid>/", methods=["GET", "HEAD"])
    def collection(self, request: IRequest, cid: str) -> bytes:
        self._check(request, cid)
        return answer(request, collection(self.title))

    @app.route(f"/{API_ROOT}/collections/<cid>/objects/", methods=["GET", "HEAD"])
    def objects(self, request: IRequest, cid: str) -> Deferred[bytes]:
        self._check(request, cid)
        query = Query.parse(_args(request))
        return self.entries().addCallback(lambda e: self._envelope(request, envelope(e, query)))

    @app.route(f"/{API_ROOT}/collections/<cid>/objects/<oid>/", methods=["GET", "HEAD"])
    def one(self, request: IRequest, cid: str, oid: str) -> Deferred[bytes]:
        self._check(request, cid)
        parsed = Query.parse(_args(request))
        query = Query(
            added_after=parsed.added_after, limit=parsed.limit, after=parsed.after,
            ids=frozenset({oid}), versions=parsed.versions, spec_versions=parsed.spec_versions,
        )  # fmt: skip

        def found(entries: list[Entry]) -> bytes:
            body, headers = envelope(entries, query)
            if "objects" not in body and query.after is None and query.added_after is None:
                raise TaxiiError(404, "Not found", f"no object {oid[:100]} in this collection")
            return self._envelope(request, (body, headers))

        return self.entries().addCallback(found)

    @app.route(f"/{API_ROOT}/collections/<cid>/objects/<oid>/versions/", methods=["GET", "HEAD"])
    def versions(self, request: IRequest, cid: str, oid: str) -> Deferred[bytes]:
        self._check(request, cid)
        query = Query.parse(_args(request))
        return self.entries().addCallback(
            lambda e: self._envelope(request, versions(e, oid, query))
        )

    @app.route(f"/{API_ROOT}/collections/<cid>/manifest/", methods=["GET", "HEAD"])
    def manifest(self, request: IRequest, cid: str) -> Deferred[bytes]:
        self._check(request, cid)
        query = Query.parse(_args(request))
        return self.entries().addCallback(lambda e: self._envelope(request, manifest(e, query)))

    @staticmethod
    def _envelope(request: IRequest, result: tuple[dict[str, Any], dict[str, str]]) -> bytes:
        body, headers = result
        out = answer(request, body)
        for name, value in headers.items():
            request.setHeader(name.encode(), value.encode())
        return out


def _origin(request: IRequest) -> str:
    host = (request.getHeader(b"host") or b"").decode("latin-1")
    return f"https://{host}" if host else ""
