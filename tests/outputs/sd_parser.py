"""A strict RFC 5424 parser for tests: the grammar of section 6, nothing lenient."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = re.compile(
    rb"<(?P<pri>[0-9]{1,3})>1 (?P<ts>\S+) (?P<host>[!-~]{1,255}) (?P<app>[!-~]{1,48}) "
    rb"(?P<procid>[!-~]{1,128}) (?P<msgid>[!-~]{1,32}) "
)
SD_NAME = re.compile(rb"[!-~]{1,32}")
BOM = b"\xef\xbb\xbf"


class NotRfc5424(ValueError):
    pass


@dataclass
class Parsed:
    pri: int
    timestamp: str
    hostname: str
    app_name: str
    procid: str
    msgid: str
    sd: dict[str, dict[str, str]]
    msg: str


def parse(data: bytes) -> Parsed:
    m = HEADER.match(data)
    if m is None:
        raise NotRfc5424(f"bad header: {data[:120]!r}")
    i = m.end()
    sd: dict[str, dict[str, str]] = {}
    if data[i : i + 1] == b"-":
        i += 1
    else:
        while data[i : i + 1] == b"[":
            i += 1
            sd_id, i = _name(data, i, b" ]")
            params: dict[str, str] = {}
            while data[i : i + 1] == b" ":
                name, i = _name(data, i + 1, b"=")
                if data[i : i + 2] != b'="':
                    raise NotRfc5424(f'no =" at {i}')
                value, i = _value(data, i + 2)
                params[name] = value
            if data[i : i + 1] != b"]":
                raise NotRfc5424(f"no ] at {i}")
            i += 1
            sd[sd_id] = params
        if not sd:
            raise NotRfc5424("no structured data")
    rest = data[i:]
    if rest and not rest.startswith(b" "):
        raise NotRfc5424(f"junk after structured data: {rest[:40]!r}")
    body = rest[1:]
    if body.startswith(BOM):
        msg = body[3:].decode("utf-8")
    else:
        if not body.isascii():
            raise NotRfc5424("non-ASCII MSG without a BOM")
        msg = body.decode("ascii")
    return Parsed(
        int(m["pri"]), m["ts"].decode(), m["host"].decode(), m["app"].decode(),
        m["procid"].decode(), m["msgid"].decode(), sd, msg,
    )  # fmt: skip


def _name(data: bytes, i: int, stops: bytes) -> tuple[str, int]:
    j = i
    while j < len(data) and data[j] not in stops and 33 <= data[j] <= 126:
        if data[j] in b'="]':
            raise NotRfc5424(f"bad SD-NAME character at {j}")
        j += 1
    if not 1 <= j - i <= 32 and stops != b" ]":
        raise NotRfc5424(f"SD-NAME of length {j - i}")
    return data[i:j].decode("ascii"), j


def _value(data: bytes, i: int) -> tuple[str, int]:
    out = bytearray()
    while i < len(data):
        c = data[i]
        if c == ord("\\") and data[i + 1 : i + 2] in (b'"', b"\\", b"]"):
            out += data[i + 1 : i + 2]
            i += 2
        elif c == ord('"'):
            return out.decode("utf-8"), i + 1
        elif c == ord("]"):
            raise NotRfc5424(f"unescaped ] in PARAM-VALUE at {i}")
        else:
            out.append(c)
            i += 1
    raise NotRfc5424("PARAM-VALUE not closed")
