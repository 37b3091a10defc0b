"""One map from core exceptions to HTTP statuses: no route handles errors on its own."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from pbkg.errors import InputError, InvalidParameter, NotFound, PbkgError, QueryError

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


def install(app: FastAPI) -> None:
    @app.exception_handler(PbkgError)
    async def _pbkg_error(request: Request, exc: PbkgError) -> JSONResponse:
        status = getattr(exc, "http_status", None) or status_for(exc)
        return JSONResponse({"error": type(exc).__name__, "message": str(exc)}, status_code=status)
