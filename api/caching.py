"""HTTP caching and compression, as one plain ASGI middleware (cheaper per request than a chain).

- Validators from the build: what the API answers is a function of the build it serves (the
  store is opened once, read-only), so every GET answer carries `ETag: W/"<build>-<variant>"`
  (the hash of dist/manifest.json and of the request's Accept and Accept-Language) and
  `Last-Modified` (when the manifest was written). A request whose If-None-Match holds that tag,
  or whose If-Modified-Since is not older than the build, gets 304 before any work is done.
  Not when the data can change under the server (an update token, a remote store): then no tag.
- Cache-Control: data answers `public, max-age=300` (revalidated after by the tag); the vendored
  front-end files under /static a day (StaticFiles gives them their own ETag).
- gzip for compressible answers of 1 KB or more when the client accepts it (JSON, HTML, RDF, the
  editor's scripts), at the fastest level (each answer is compressed anew); static files are
  compressed harder and kept (by path and ETag), so the 1 MB editor
  script is compressed once. Not the dumps: they are streamed as they are (and support ranges).
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections import OrderedDict
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

Headers = list[tuple[bytes, bytes]]

_COMPRESSIBLE = (b"text/", b"application/json", b"application/javascript",
                 b"application/ld+json", b"application/sparql-results", b"application/n-",
                 b"application/rdf+xml", b"application/trig", b"application/problem+json",
                 b"image/svg+xml", b"application/xml")
MIN_SIZE = 1024
_BUFFER_LIMIT = 4 * 2**20  # bodies up to this size are compressed whole (and static ones kept)
_KEPT = 64
# Answers are compressed at each request: level 1 (as nginx's default) costs 0.4 ms on a
# 170 KB cluster page against 1.1 ms at level 6, for 12.5 KB instead of 8.7. Static files are
# compressed once and kept, so they take the smaller output.
_LEVEL, _LEVEL_KEPT = 1, 6


def build_validators(dist: Path) -> tuple[str, str] | None:
    """(build tag, Last-Modified) from the manifest of a build, or None if there is none."""
    manifest = dist / "manifest.json"
    try:
        data = manifest.read_bytes()
        mtime = manifest.stat().st_mtime
    except OSError:
        return None
    return hashlib.sha256(data).hexdigest()[:16], formatdate(mtime, usegmt=True)


class HttpCaching:
    def __init__(self, app, build: tuple[str, str] | None = None, *,
                 static_prefix: str = "/static/", no_compress: tuple[str, ...] = ("/dumps/",),
                 data_max_age: int = 300, static_max_age: int = 86400) -> None:
        self.app = app
        self.tag, self.last_modified = build if build else (None, None)
        self._since = parsedate_to_datetime(self.last_modified) if self.last_modified else None
        self.static_prefix = static_prefix
        self.no_compress = no_compress
        self.data_cache = f"public, max-age={data_max_age}".encode()
        self.static_cache = f"public, max-age={static_max_age}".encode()
        self._kept: OrderedDict[tuple[str, bytes], bytes] = OrderedDict()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = dict(scope["headers"])  # lower-case names; a repeated header keeps the last
        static = path.startswith(self.static_prefix)
        etag = None
        if self.tag is not None and not static:
            etag = self._etag(headers)
            if self._fresh(headers, etag):
                await send({"type": "http.response.start", "status": 304,
                            "headers": [(b"etag", etag), (b"cache-control", self.data_cache),
                                        (b"last-modified", self.last_modified.encode()),
                                        (b"vary", b"Accept, Accept-Language, Accept-Encoding")]})
                await send({"type": "http.response.body", "body": b""})
                return
        gzip_ok = scope["method"] == "GET" and b"gzip" in headers.get(b"accept-encoding", b"") \
            and not path.startswith(self.no_compress)
        await self.app(scope, receive, _Responder(self, send, path, etag, static, gzip_ok))

    def _etag(self, headers: dict[bytes, bytes]) -> bytes:
        variant = hashlib.blake2s(headers.get(b"accept", b"") + b"\0"
                                  + headers.get(b"accept-language", b""),
                                  digest_size=4).hexdigest()
        return f'W/"{self.tag}-{variant}"'.encode()

    def _fresh(self, headers: dict[bytes, bytes], etag: bytes) -> bool:
        match = headers.get(b"if-none-match")
        if match is not None:
            return any(t.strip() in (etag, etag[2:], b"*") for t in match.split(b","))
        since = headers.get(b"if-modified-since")
        if since is not None and self._since is not None:
            try:
                return parsedate_to_datetime(since.decode("latin-1")) >= self._since
            except (TypeError, ValueError):
                return False
        return False

    def kept(self, key: tuple[str, bytes]) -> bytes | None:
        body = self._kept.get(key)
        if body is not None:
            self._kept.move_to_end(key)
        return body

    def keep(self, key: tuple[str, bytes], body: bytes) -> None:
        self._kept[key] = body
        while len(self._kept) > _KEPT:
            self._kept.popitem(last=False)


class _Responder:
    """Adds the headers to a response and compresses its body on the way out."""

    def __init__(self, owner: HttpCaching, send, path: str, etag: bytes | None, static: bool,
                 gzip_ok: bool) -> None:
        self.owner, self.send, self.path, self.etag = owner, send, path, etag
        self.static, self.gzip_ok = static, gzip_ok
        self.start: dict | None = None
        # "pass", "buffer" (compress whole), "stream" (compress as it goes), "done" (sent)
        self.mode = "pass"
        self.parts: list[bytes] = []
        self.size = 0
        self.compressor = None
        self.key: tuple[str, bytes] | None = None

    async def __call__(self, message) -> None:
        if message["type"] == "http.response.start":
            await self._start(message)
        elif message["type"] == "http.response.body":
            await self._body(message)
        else:
            await self.send(message)

    async def _start(self, message) -> None:
        status = message["status"]
        headers: Headers = list(message.get("headers", []))
        names = {k.lower() for k, _ in headers}
        if status == 200:
            if self.static:
                headers.append((b"cache-control", self.owner.static_cache))
            elif self.etag is not None and b"etag" not in names:
                headers += [(b"etag", self.etag), (b"cache-control", self.owner.data_cache),
                            (b"last-modified", self.owner.last_modified.encode())]
        ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        length = next((int(v) for k, v in headers if k.lower() == b"content-length"), None)
        if (self.gzip_ok and status == 200 and b"content-encoding" not in names
                and ctype.startswith(_COMPRESSIBLE) and (length is None or length >= MIN_SIZE)):
            headers = _vary(headers)
            if self.static:
                etag = next((v for k, v in headers if k.lower() == b"etag"), None)
                self.key = (self.path, etag) if etag else None
                kept = self.owner.kept(self.key) if self.key else None
                if kept is not None:
                    await self._send_whole(message, headers, kept)
                    self.mode = "done"
                    return
            self.mode = "buffer" if length is not None and length <= _BUFFER_LIMIT else "stream"
            self.start = {**message, "headers": headers}
            if self.mode == "stream":
                self.compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, 31)
                await self.send({**message, "headers": _without_length(headers)
                                 + [(b"content-encoding", b"gzip")]})
            return
        await self.send({**message, "headers": headers})

    async def _body(self, message) -> None:
        more = message.get("more_body", False)
        chunk = message.get("body", b"")
        if self.mode == "pass":
            await self.send(message)
        elif self.mode == "done":
            return
        elif self.mode == "buffer":
            self.parts.append(chunk)
            if not more:
                body = b"".join(self.parts)
                if len(body) < MIN_SIZE:
                    await self.send({**self.start, "headers": self.start["headers"]})
                    await self.send({"type": "http.response.body", "body": body})
                    return
                compressed = gzip.compress(
                    body, _LEVEL_KEPT if self.key is not None else _LEVEL, mtime=0)
                if self.key is not None:
                    self.owner.keep(self.key, compressed)
                await self._send_whole(self.start, self.start["headers"], compressed)
        else:
            data = self.compressor.compress(chunk)
            if not more:
                data += self.compressor.flush()
            if data or not more:
                await self.send({"type": "http.response.body", "body": data, "more_body": more})

    async def _send_whole(self, start: dict, headers: Headers, body: bytes) -> None:
        await self.send({**start, "headers": _without_length(headers) + [
            (b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode())]})
        await self.send({"type": "http.response.body", "body": body})


def _without_length(headers: Headers) -> Headers:
    return [(k, v) for k, v in headers if k.lower() != b"content-length"]


def _vary(headers: Headers) -> Headers:
    for i, (k, v) in enumerate(headers):
        if k.lower() == b"vary":
            if b"accept-encoding" not in v.lower():
                headers[i] = (k, v + b", Accept-Encoding")
            return headers
    return [*headers, (b"vary", b"Accept-Encoding")]
