"""Request-time access to what the app opened once at start-up (store, settings, catalog)."""

from __future__ import annotations

from fastapi import Request

from pbkg.catalog import NamedQuery
from pbkg.settings import Settings
from pbkg.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_catalog(request: Request) -> dict[str, NamedQuery]:
    return request.app.state.catalog
