"""Request-time access to what the app opened once at start-up (store, settings, catalog)."""

from __future__ import annotations

from fastapi import Request

from pbkg.catalog import NamedQuery
from pbkg.scheduler import FairScheduler
from pbkg.settings import Settings
from pbkg.store import Store, default_workers


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_catalog(request: Request) -> dict[str, NamedQuery]:
    return request.app.state.catalog


def get_scheduler(request: Request) -> FairScheduler:
    """The app's fair queue for /sparql and named queries, sized to the store's workers."""
    state = request.app.state
    scheduler = getattr(state, "scheduler", None)
    if scheduler is None:
        settings: Settings = state.settings
        slots = settings.query_workers or getattr(state.store, "workers", None) \
            or default_workers()
        scheduler = state.scheduler = FairScheduler(
            slots, per_client=settings.client_queries, waiting_per_client=settings.client_queue)
    return scheduler


def client_address(request: Request) -> str:
    """Who asks, for the per-client limit (uvicorn resolves X-Forwarded-For from trusted
    proxies into request.client)."""
    return request.client.host if request.client else "unknown"
