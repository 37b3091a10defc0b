"""The review page of `pbkg review --serve`: one article's text with each candidate fact
highlighted at its offsets, and accept / reject / correct for each (pbkg.review does the work).
It is a separate small app, served on 127.0.0.1 only: it writes to the project's data/."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pbkg.errors import InputError, InvalidParameter, PbkgError
from pbkg.review import CORRECTABLE, ROLES, STATUSES, Session

TEMPLATES = Path(__file__).resolve().parent / "templates"
LOOPBACK = "127.0.0.1"
MAX_BODY = 16 * 1024


def segments(text: str, spans: list[tuple[str, int, int]]) -> list[dict]:
    """The text cut at every span boundary: pieces with the ids of the candidates covering
    them (overlapping facts share a piece)."""
    cuts = {0, len(text)}
    for _, s, e in spans:
        cuts.update((s, e))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        ids = [cid for cid, s, e in spans if s <= lo and hi <= e]
        out.append({"text": text[lo:hi], "ids": ids, "start": lo})
    return out


def create_review_app(session: Session, reviewer: str | None = None) -> FastAPI:
    app = FastAPI(title="pbkg review", docs_url=None, redoc_url=None, openapi_url=None)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape())
    lock = threading.Lock()  # one decision at a time: each rewrites data/review/KEY.json

    def state() -> dict:
        return {"key": session.key, "url": session.article.url, "title": session.article.title,
                "pending": len(session.pending()),
                "candidates": [c.as_dict() for c in session.candidates]}

    @app.exception_handler(PbkgError)
    async def _bad(request: Request, exc: PbkgError) -> JSONResponse:
        status = 400 if isinstance(exc, InvalidParameter | InputError) else 500
        return JSONResponse({"error": str(exc)}, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        text = session.text
        spans = [(c.id, c.start, c.end) for c in session.candidates
                 if isinstance(c.start, int) and isinstance(c.end, int)]
        return env.get_template("review.html").render(
            key=session.key, title=session.article.title or session.key,
            url=session.article.url, pieces=segments(text, spans),
            candidates=session.candidates, reviewer=reviewer or "", roles=ROLES,
            statuses=STATUSES, correctable=CORRECTABLE)

    @app.get("/api/candidates")
    def candidates() -> dict:
        return state()

    async def _json(request: Request) -> dict:
        body = await request.body()
        if len(body) > MAX_BODY:
            raise InvalidParameter("body", f"over {MAX_BODY} bytes")
        try:
            import json

            data = json.loads(body or b"{}")
        except ValueError:
            raise InvalidParameter("body", "not JSON") from None
        if not isinstance(data, dict):
            raise InvalidParameter("body", "a JSON object")
        return data

    @app.post("/api/decisions/{cid}")
    async def decide(cid: str, request: Request) -> dict:
        data = await _json(request)
        fields = data.get("fields") or {}
        if not isinstance(fields, dict):
            raise InvalidParameter("fields", "a JSON object")
        with lock:
            c = session.decide(cid, str(data.get("decision") or ""),
                               str(data.get("by") or reviewer or ""), fields)
        return {"candidate": c.as_dict(), "pending": len(session.pending())}

    @app.post("/api/write")
    def write() -> dict:
        with lock:
            path = session.write_curated()
        return {"written": str(path)}

    return app


def serve_review(session: Session, reviewer: str | None = None, port: int = 8765) -> None:
    """Serve the page on 127.0.0.1 only (it can change the project's data)."""
    import uvicorn

    print(f"pbkg review: http://{LOOPBACK}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(create_review_app(session, reviewer), host=LOOPBACK, port=port,
                log_level="warning")
