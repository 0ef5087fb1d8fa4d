"""HTTP plumbing of the admin API: JSON errors, bounded request bodies, typed parameters.

Every helper here turns bad input into an ``ApiError`` (status, stable code, message) before any
state is touched; the routes in ``app.py`` only ever see values of the right type.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from twisted.web.iweb import IRequest
from twisted.web.server import Request

MAX_BODY = 1024 * 1024
MAX_JSON_DEPTH = 32
"""Arrays and objects nested deeper than this are refused before parsing (Python's parser
recurses, and a 1,000-deep body would end in RecursionError)."""


class ApiError(Exception):
    """An error the API reports as JSON: HTTP status, stable code, human message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[Any] | None = None,
        headers: Mapping[bytes, bytes] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def json_body(request: IRequest, status: int, body: object) -> bytes:
    request.setResponseCode(status)
    request.setHeader(b"Content-Type", b"application/json; charset=utf-8")
    return json.dumps(body, separators=(",", ":"), default=str).encode()


def error_body(request: IRequest, error: ApiError) -> bytes:
    for name, value in error.headers.items():
        request.setHeader(name, value)
    return json_body(request, error.status, error.body())


class BoundedRequest(Request):
    """A request that stops buffering its body past ``MAX_BODY`` bytes.

    Twisted would otherwise keep an arbitrarily large body (in memory or a temporary file)
    before any route could refuse it. The excess is discarded and ``too_large`` is set; the site
    then answers 413 without running a route.
    """

    max_body = MAX_BODY

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.too_large = False
        self._body_bytes = 0

    def gotLength(self, length: int | None) -> None:
        if length is not None and length > self.max_body:
            self.too_large = True
        super().gotLength(0 if self.too_large else length)

    def handleContentChunk(self, data: bytes) -> None:
        if self.too_large:
            return
        self._body_bytes += len(data)
        if self._body_bytes > self.max_body:
            self.too_large = True
            if self.content is not None:
                self.content.seek(0)
                self.content.truncate()
            return
        super().handleContentChunk(data)


def raw_body(request: IRequest) -> bytes:
    if getattr(request, "too_large", False):
        raise ApiError(413, "body_too_large", f"the body exceeds {MAX_BODY} bytes")
    content = request.content
    if content is None:
        return b""
    content.seek(0)
    raw: bytes = content.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        raise ApiError(413, "body_too_large", f"the body exceeds {MAX_BODY} bytes")
    return raw


def media_type(request: IRequest) -> str:
    header = request.getHeader(b"content-type") or b""
    return header.split(b";")[0].strip().lower().decode("latin-1")


def read_json(request: IRequest) -> Any:
    """The request's JSON body, or an ApiError saying what is wrong with it."""
    if media_type(request) != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    return parse_json(raw_body(request))


def parse_json(raw: bytes) -> Any:
    """A JSON document of at most ``MAX_BODY`` bytes, nested at most ``MAX_JSON_DEPTH`` deep,
    whose every text (keys included) is Unicode scalar values; else an ApiError (400)."""
    if len(raw) > MAX_BODY:
        raise ApiError(413, "body_too_large", f"the body exceeds {MAX_BODY} bytes")
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise ApiError(
            400, "bad_json", f"the body nests arrays or objects deeper than {MAX_JSON_DEPTH}"
        )
    try:
        value = json.loads(raw, parse_constant=_no_constants)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError) as e:
        raise ApiError(400, "bad_json", f"the body is not valid JSON: {e}") from None
    _check_texts(value, "the body")
    return value


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in ``raw`` (brackets inside strings do not count);
    computed without parsing, so it is safe on any input."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub(b"", raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def has_surrogate(text: str) -> bool:
    """True if ``text`` holds a lone surrogate (U+D800..U+DFFF): not a Unicode scalar value,
    not encodable as UTF-8, so it can be neither stored nor shown."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_text_input(text: str, what: str) -> str:
    if has_surrogate(text):
        raise ApiError(
            400, "bad_text", f"{what} holds a lone surrogate (\\uD800-\\uDFFF), which is not text"
        )
    return text


def _check_texts(value: Any, what: str) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            check_text_input(item, what)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def json_object(request: IRequest) -> Mapping[str, Any]:
    body = read_json(request)
    if not isinstance(body, dict):
        raise ApiError(400, "bad_body", "the body must be a JSON object")
    return body


# Fields of a JSON body -------------------------------------------------------------------------


def _type_error(name: str, expected: str, value: object) -> ApiError:
    got = "null" if value is None else type(value).__name__
    return ApiError(400, "bad_field", f"{name!r} must be {expected}, got {got}")


def field_str(
    body: Mapping[str, Any], name: str, *, required: bool = True, limit: int = 500
) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        if value is None:
            raise ApiError(400, "missing_field", f"{name!r} is required")
        raise _type_error(name, "a string", value)
    if len(value) > limit:
        raise ApiError(400, "bad_field", f"{name!r} is longer than {limit} characters")
    return value


def field_number(body: Mapping[str, Any], name: str) -> float:
    value = body.get(name)
    if value is None:
        raise ApiError(400, "missing_field", f"{name!r} is required")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _type_error(name, "a number", value)
    return float(value)


def field_duration(body: Mapping[str, Any], name: str) -> str | float | None:
    """A duration: seconds, text such as "1h" or "permanent", or absent / null (permanent)."""
    value = body.get(name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _type_error(name, 'a number of seconds or text such as "1h"', value)
    return float(value)


def field_reasons(body: Mapping[str, Any], default: str) -> list[str]:
    """``reasons`` (a list of strings) or ``reason`` (one string); the default if neither."""
    if "reasons" in body:
        value = body["reasons"]
        if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
            raise _type_error("reasons", "a list of strings", value)
        return list(value)
    reason = field_str(body, "reason", required=False)
    return [reason] if reason.strip() else [default]


# Query parameters ------------------------------------------------------------------------------


def query_values(request: IRequest, name: str) -> list[str]:
    """Every value of a query parameter; comma-separated values are split."""
    args: dict[bytes, list[bytes]] = request.args or {}
    out: list[str] = []
    for raw in args.get(name.encode(), []):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_parameter", f"{name} is not UTF-8") from None
        out += [part.strip() for part in text.split(",") if part.strip()]
    return out


def query_str(request: IRequest, name: str) -> str | None:
    args: dict[bytes, list[bytes]] = request.args or {}
    values = args.get(name.encode())
    if not values:
        return None
    if len(values) > 1:
        raise ApiError(400, "bad_parameter", f"{name} is given more than once")
    try:
        text = values[0].decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_parameter", f"{name} is not UTF-8") from None
    if len(text) > 1000:
        raise ApiError(400, "bad_parameter", f"{name} is too long")
    return text


def query_float(request: IRequest, name: str) -> float | None:
    text = query_str(request, name)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be a number, got {text!r}") from None
    if not math.isfinite(value):
        raise ApiError(400, "bad_parameter", f"{name} must be a finite number")
    return value


def query_int(request: IRequest, name: str, default: int, low: int, high: int) -> int:
    text = query_str(request, name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be an integer, got {text!r}") from None
    if not low <= value <= high:
        raise ApiError(400, "bad_parameter", f"{name} must be from {low} to {high}")
    return value


def query_bool(request: IRequest, name: str, default: bool) -> bool:
    text = query_str(request, name)
    if text is None:
        return default
    if text.lower() in ("1", "true", "yes"):
        return True
    if text.lower() in ("0", "false", "no"):
        return False
    raise ApiError(400, "bad_parameter", f"{name} must be true or false, got {text!r}")
