"""HEAD on every GET resource (RFC 9110 9.3.2): FastAPI registers GET routes without HEAD, so
a client checking a link, or a crawler, got 405 from /api, /sparql and the pages. A route that
answers HEAD itself (linked-data IRIs, dumps, static files: no body read) keeps doing so; where
the app answers 405, the request runs as a GET whose status and headers are sent without the
body, so Content-Length, ETag and Content-Type are those a GET would get."""

from __future__ import annotations


class HeadAsGet:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        refused = False

        async def unless_refused(message) -> None:
            nonlocal refused
            if message["type"] == "http.response.start" and message["status"] == 405:
                refused = True
            if not refused:
                await send(message)

        await self.app(scope, receive, unless_refused)
        if not refused:
            return
        finished = False

        async def headers_only(message) -> None:
            nonlocal finished
            if message["type"] != "http.response.body":
                await send(message)
            elif not finished and not message.get("more_body", False):
                finished = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)
