"""Headers on every response: a Content-Security-Policy, nosniff, no framing, a referrer
policy, and CORS (`Access-Control-Allow-Origin: *`: the whole service is read-only data, as
linked-data servers serve it), with preflight answered for POST /sparql.

Scripts: only from this origin (the vendored YASGUI, sigma.js, Swagger UI) plus the few inline
scripts of our own pages, allowed by their SHA-256 hash (`inline_script_hashes`), never
'unsafe-inline': a script injected into a page does not run. Styles allow inline attributes
(YASGUI, CodeMirror and Swagger UI set them); images allow data: URIs (icons).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# An executable inline script: <script> without src and without a data type.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.DOTALL)

CORS_METHODS = "GET, HEAD, POST, OPTIONS"
# Headers a cross-origin client may send (no Authorization: updates are not for other sites).
CORS_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since"
CORS_EXPOSE = "Link, Content-Disposition, Content-Length, ETag, Last-Modified, Vary"


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-...') for each executable inline script of `html`."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()}'"
            for m in _INLINE_SCRIPT.finditer(html)]


def content_security_policy(script_hashes: Iterable[str]) -> str:
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class SecurityHeaders:
    """A plain ASGI middleware (cheaper per request than @app.middleware("http"))."""

    def __init__(self, app, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"access-control-allow-origin", b"*"),
            (b"access-control-expose-headers", CORS_EXPOSE.encode()),
        ]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await self._options(scope, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in self.headers if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _options(self, scope, send) -> None:
        """A CORS preflight (or a plain OPTIONS): which methods and headers are allowed."""
        headers = [*self.headers,
                   (b"access-control-allow-methods", CORS_METHODS.encode()),
                   (b"access-control-allow-headers", CORS_HEADERS.encode()),
                   (b"access-control-max-age", b"86400"),
                   (b"content-length", b"0")]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
