"""The app factory: opens the store once and mounts the routers."""

from __future__ import annotations

import hashlib
import inspect
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from pbkg import __version__
from pbkg.catalog import load_catalog
from pbkg.paths import ProjectPaths, paths
from pbkg.settings import Settings, load_settings
from pbkg.store import Store

from . import errors
from .caching import HttpCaching, build_validators
from .fast_lane import FastLane
from .head import HeadAsGet
from .headers import SecurityHeaders, content_security_policy, inline_script_hashes

log = logging.getLogger("pbkg.api")
# Vendored front-end files (YASGUI, sigma.js, Swagger UI, the stylesheet): no CDN, works offline.
STATIC = Path(__file__).resolve().parent / "static"


class RequestLog:
    """One log line per request. A plain ASGI middleware: measured cheaper per request than
    FastAPI's @app.middleware("http"), which wraps every response in a new stream."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)  # nothing to log: no wrapper to pay for
            return
        start = time.perf_counter()
        status = 500

        async def send_status(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status,
                     (time.perf_counter() - start) * 1000)


# FastAPI 0.16x checks for OpenTelemetry providers on every request; pbkg configures none.
_NO_TELEMETRY: dict = {"telemetry": {"tracing": False, "metrics": False, "logs": False}} \
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters else {}


def create_app(settings: Settings | None = None, store: Store | None = None,
               project: ProjectPaths | None = None) -> FastAPI:
    settings = settings or load_settings()
    project = project or paths()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is None:
            from pbkg.store_open import open_store

            app.state.store = open_store(project, quiet=True)
        yield

    app = FastAPI(
        title="pbkg: party-building knowledge graph",
        version=__version__,
        description="SPARQL endpoint, named queries, entity lookups and linked data for the "
                    "knowledge graph of Vietnam's party-building organizations.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        **_NO_TELEMETRY,
    )
    app.state.settings = settings
    app.state.project = project
    app.state.store = store
    app.state.catalog = load_catalog(project.queries)
    errors.install(app)

    # Swagger UI's page is the same for every request: made once, its inline script hashed.
    docs_page = get_swagger_ui_html(
        openapi_url="openapi.json", title=f"{app.title}: API",
        swagger_js_url="static/swagger/swagger-ui-bundle.js",
        swagger_css_url="static/swagger/swagger-ui.css",
        swagger_favicon_url="static/swagger/README.md",
        # No badge from validator.swagger.io: the page fetches nothing from other hosts.
        swagger_ui_parameters={"validatorUrl": None}).body.decode()

    from .routers import mount_all, named_queries

    # The site's own pages (the query editor included) have no inline script: only Swagger UI's.
    csp = content_security_policy(inline_script_hashes(docs_page))
    # Validators from the build, when the data cannot change under the server.
    validators = None
    if settings.sparql_endpoint is None and settings.update_token is None:
        validators = build_validators(project.dist)
        if validators is not None:
            validators = (hashlib.sha256(f"{validators[0]} {__version__}".encode())
                          .hexdigest()[:16], validators[1])
    # Innermost: bounded /sparql lookups skip the routing, with the headers below still added.
    app.add_middleware(FastLane, state=app.state)
    app.add_middleware(HttpCaching, build=validators)
    # Outside the caching, so a HEAD gets the GET's ETag and Content-Length, gzip included.
    app.add_middleware(HeadAsGet)
    app.add_middleware(RequestLog)
    # Outermost, around Starlette's own error middleware, so that a 500 has the headers too.
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: SecurityHeaders(build(), csp=csp)  # type: ignore

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page)


    mount_all(app)
    app.include_router(named_queries.query_routes(app.state.catalog))
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = errors.document(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
