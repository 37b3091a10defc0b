"""Routers, one module per concern; mount_all() is the one place that lists them."""

from __future__ import annotations

from fastapi import FastAPI

from . import graph, linked_data, lookup, named_queries, site, sparql

ROUTERS = (sparql, named_queries, lookup, linked_data, graph, site)


def mount_all(app: FastAPI) -> None:
    for module in ROUTERS:
        app.include_router(module.router)
