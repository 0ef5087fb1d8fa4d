"""The CLI's way into the daemon: HTTPS to the admin API, the certificate pinned from the config.

Every failure becomes an ``AdminClientError`` with one line a person can act on.
"""

from __future__ import annotations

import ipaddress
import json
import os
import ssl
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from honeymesh.config import Config
from honeymesh.mesh.identity import IdentityError, NodeIdentity
from honeymesh.web.auth import local_operator_token


class AdminClientError(Exception):
    """The daemon could not be reached, refused us, or answered with an error."""


def api_base_url(config: Config) -> str:
    address = ipaddress.ip_address(config.api.address)
    if address.is_unspecified:
        address = ipaddress.ip_address("::1" if address.version == 6 else "127.0.0.1")
    host = f"[{address}]" if address.version == 6 else str(address)
    return f"https://{host}:{config.api.port}"


def client_token(config: Config, explicit: str | None = None) -> str:
    """--token, else $HONEYMESH_TOKEN, else the local operator token from the identity key."""
    token = explicit or os.environ.get("HONEYMESH_TOKEN")
    if token:
        return token
    try:
        identity = NodeIdentity.load(config.data_path(Path("identity.key")))
    except IdentityError as e:
        raise AdminClientError(f"no token: pass --token or set HONEYMESH_TOKEN ({e})") from None
    except PermissionError:
        raise AdminClientError(
            "no token: pass --token or set HONEYMESH_TOKEN (the identity "
            "key is readable by root only)"
        ) from None
    return local_operator_token(identity)


class AdminClient:
    def __init__(self, config: Config, token: str | None = None, timeout: float = 15.0) -> None:
        self.base_url = api_base_url(config)
        self._token = client_token(config, token)
        self._timeout = timeout
        cert = config.data_path(config.api.tls_cert)
        try:
            self._tls = ssl.create_default_context(cafile=str(cert))
        except (OSError, ssl.SSLError) as e:
            raise AdminClientError(f"cannot read the API certificate {cert}: {e}") from None
        # The certificate is pinned (it is the only one trusted), so the name in the URL need
        # not match it: the API may listen on an address the certificate does not name.
        self._tls.check_hostname = False

    def request(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        raw = self.raw(method, path, data, "application/json")
        try:
            return json.loads(raw or b"null")
        except json.JSONDecodeError:
            raise AdminClientError(
                f"the daemon at {self.base_url} sent something other than JSON"
            ) from None

    def raw(
        self, method: str, path: str, data: bytes | None = None, content_type: str | None = None
    ) -> bytes:
        """Send a body as it is (a ban file, say) and return the response body as it came."""
        # The URL is always https://<configured address>:<port>/api/...: no other scheme.
        req = urllib.request.Request(self.base_url + path, data=data, method=method)  # noqa: S310
        req.add_header("Authorization", f"Bearer {self._token}")
        req.add_header("Accept", "application/json")
        if data is not None and content_type is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(  # noqa: S310 - https only, see above
                req, timeout=self._timeout, context=self._tls
            ) as resp:
                body: bytes = resp.read()
                return body
        except urllib.error.HTTPError as e:
            raise AdminClientError(self._explain_http(e)) from None
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, ConnectionRefusedError | FileNotFoundError):
                raise AdminClientError(
                    f"the HoneyMesh daemon is not running: nothing answers at {self.base_url} "
                    "(start it: `systemctl start honeymesh` where it is installed, `make run` "
                    "from a checkout)"
                ) from None
            raise AdminClientError(
                f"cannot reach the daemon at {self.base_url}: {reason}"
            ) from None
        except (TimeoutError, ConnectionError) as e:
            raise AdminClientError(f"cannot reach the daemon at {self.base_url}: {e}") from None

    @staticmethod
    def _explain_http(e: urllib.error.HTTPError) -> str:
        if e.code == 401:
            return "the admin token was refused (check --token or HONEYMESH_TOKEN)"
        try:
            error = json.loads(e.read())["error"]
            return f"the daemon refused: {error['message']} ({error['code']}, HTTP {e.code})"
        except (ValueError, KeyError, TypeError):
            return f"the daemon answered HTTP {e.code}"
