"""The fast lane: `GET /sparql` queries whose cost is bounded (one triple pattern, see
pbkg.store.bounded), answered without FastAPI's routing, dependency solving and exception
layers, which cost more than the query itself (issue 12: a one-triple lookup within 3x of its
time in process).

It sits inside the app's own middlewares (request log, HTTP caching, security headers), so the
answer carries the same headers as the route's, and it runs the route's checks (size, structure,
policy, negotiation). Anything else (another method or parameter, a browser asking for the
editor, an error of any kind) goes on to the /sparql route, which answers or explains it.
"""

from __future__ import annotations

import functools
from urllib.parse import parse_qsl

from pbkg.errors import PbkgError
from pbkg.formats import FORMATS, Format, NotAcceptable, negotiate, prefers_html
from pbkg.sparql_policy import check, inspect
from pbkg.store import query_serialized

# A bounded query is one flat triple pattern (no brackets to nest, no operators to chain), so
# the route's structure check has nothing to find; its size is checked on the raw request.


@functools.lru_cache(maxsize=1024)
def _query_text(raw: bytes) -> str | None:
    """The query of a query string holding only `query=...` (clients repeat the same ones)."""
    params = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    if len(params) != 1 or params[0][0] != "query":
        return None
    return params[0][1]


@functools.lru_cache(maxsize=256)
def _result_format(accept: str | None) -> Format | None:
    """The SELECT/ASK format for an Accept header; None for a browser (the editor) or none."""
    if prefers_html(accept):
        return None
    try:
        return negotiate(accept, graph=False, format_name=None)
    except NotAcceptable:
        return None


class FastLane:
    def __init__(self, app, state, path: str = "/sparql") -> None:
        self.app = app
        self.state = state  # the app's state: store and settings as opened at start
        self.path = path

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == self.path:
            answer = self._answer(scope)
            if answer is not None:
                body, media_type = answer
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"vary", b"Accept"), (b"content-length", str(len(body)).encode()),
                    (b"content-type", media_type)]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    def _answer(self, scope) -> tuple[bytes, bytes] | None:
        store, settings = self.state.store, self.state.settings
        in_process = getattr(store, "answers_in_process", None)
        raw = scope["query_string"]
        if in_process is None or len(raw) > settings.max_query_bytes or len(raw) > 16_000:
            return None
        text = _query_text(raw)
        if text is None or not in_process(text):
            return None
        accept = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                return None  # the route checks tokens
            if name == b"accept" and accept is None:
                accept = value.decode("latin-1")
        fmt = _result_format(accept)
        if fmt is None:
            return None
        try:
            op = inspect(text)
            check(op, update_token=settings.update_token, presented_token=None)
            if op.returns_graph:
                return None
            result = query_serialized(store, text, results_format=fmt,
                                      graph_format=FORMATS["turtle"],
                                      limit=settings.result_limit,
                                      timeout=settings.query_timeout)
        except PbkgError:
            return None  # the route answers it, with its problem details
        media = result.format.media_type
        if media.startswith("text/"):
            media += "; charset=utf-8"  # as Starlette's Response says it
        return result.body, media.encode("latin-1")
