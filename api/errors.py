"""One error shape for every route: RFC 9457 problem details (`application/problem+json`:
type, title, status, detail), from one map of core exceptions to HTTP statuses. FastAPI's
validation errors (422) and Starlette's 404/405 for unknown paths and methods get the same
shape. A browser (Accept ranking HTML above data) gets an HTML page instead: `html_error` is
the one place that renders it (template api/templates/error.html).
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from pbkg.errors import InputError, InvalidParameter, NotFound, PbkgError, QueryError
from pbkg.formats import prefers_html

log = logging.getLogger("pbkg.api")

PROBLEM_JSON = "application/problem+json"
# Problem types: a URN per core exception class (stable, not meant to be fetched); plain HTTP
# errors (unknown path, wrong method) use "about:blank" as RFC 9457 says.
TYPE_PREFIX = "urn:pbkg:problem:"

STATUS: list[tuple[type[Exception], int]] = [
    (NotFound, 404),
    (InvalidParameter, 422),
    (QueryError, 400),
    (InputError, 400),
    (PbkgError, 400),
]


def status_for(exc: Exception) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def problem_type(exc: Exception) -> str:
    """urn:pbkg:problem:query-refused for QueryRefused."""
    return TYPE_PREFIX + re.sub(r"(?<!^)(?=[A-Z])", "-", type(exc).__name__).lower()


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


def problem(request: Request, status: int, detail: str, *, type_: str = "about:blank",
            title: str | None = None, headers: dict[str, str] | None = None,
            **extra: Any) -> Response:
    """The error response: problem+json, or the HTML error page for a browser."""
    title = title or _phrase(status)
    headers = {"Vary": "Accept", **(headers or {})}
    if prefers_html(request.headers.get("accept")):
        return html_error(request, status, title, detail, headers)
    body = {"type": type_, "title": title, "status": status, "detail": detail, **extra}
    return ProblemResponse(body, status_code=status, headers=headers)


def html_error(request: Request, status: int, title: str, detail: str,
               headers: dict[str, str]) -> Response:
    """The error page for browsers: the site's page (api.pages), with a search box and, for a
    404, the resources the path may have meant."""
    from .pages import html_error as page

    response = page(request, status, detail, title=title)
    response.headers.update(headers)
    return response


def _location(loc: tuple | list) -> str:
    """('query', 'limit') -> "parameter 'limit' (query)"; ('body',) -> "the body"."""
    parts = [str(p) for p in loc]
    if not parts or parts == ["body"]:
        return "the body"
    where, name = parts[0], ".".join(parts[1:])
    return f"parameter '{name}' ({where})" if name else where


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request, given: str = "") -> list[str]:
    """Every method some route takes at this path (Starlette names only the first route's),
    those `given` by the route that refused, and OPTIONS, which the CORS layer answers."""
    named = {m.strip().upper() for m in given.split(",")} | {"OPTIONS"}
    routes = request.app.router.routes
    return [m for m in _METHODS if m in named or any(
        route.matches({**request.scope, "method": m})[0] == Match.FULL for route in routes)]


def install(app: FastAPI) -> None:
    @app.exception_handler(PbkgError)
    async def _pbkg_error(request: Request, exc: PbkgError) -> Response:
        status = getattr(exc, "http_status", None) or status_for(exc)
        extra = {"parameter": exc.name} if isinstance(exc, InvalidParameter) else {}
        return problem(request, status, str(exc), type_=problem_type(exc), **extra)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"location": _location(e.get("loc", ())), "message": e.get("msg", "")}
                  for e in exc.errors()]
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
        return problem(request, 422, detail or "invalid request",
                       type_=TYPE_PREFIX + "invalid-parameter", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else _phrase(exc.status_code)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request, headers.pop("Allow", "")))
            detail = (f"{request.method} is not allowed on {request.url.path}; allowed: "
                      f"{headers['Allow']}")
        return problem(request, exc.status_code, detail, headers=headers)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(request, 500, "an unexpected error; it is logged on the server")


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "urn:pbkg:problem:NAME or about:blank"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "What was wrong, in a sentence"},
        "parameter": {"type": "string", "description": "The parameter at fault, if one is"},
        "errors": {"type": "array", "items": {"type": "object"},
                   "description": "Each invalid parameter (422 only)"},
    },
}


def document(spec: dict[str, Any]) -> dict[str, Any]:
    """Every error response of every operation in the OpenAPI document as problem details (or
    an HTML page for browsers); a `default` response for the statuses an operation does not
    list (405, 413, 500...)."""
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = PROBLEM_SCHEMA
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}},
               "text/html": {"schema": {"type": "string"}}}
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for code, response in responses.items():
                if code != "default" and int(code) >= 400:
                    response["content"] = content
                    if response.get("description") == "Validation Error":
                        response["description"] = "A missing, unknown or ill-typed parameter"
            responses["default"] = {"description": "Any other error (problem details)",
                                    "content": content}
    return spec
