"""Routers, one module per concern; mount_all() is the one place that lists them."""

from __future__ import annotations

import importlib

from fastapi import FastAPI

# Modules are looked up by name so that each can be added on its own.
ROUTERS = ["sparql", "named_queries", "lookup", "linked_data", "graph"]


def mount_all(app: FastAPI) -> None:
    for name in ROUTERS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        app.include_router(module.router)
