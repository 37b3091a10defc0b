"""Opening the configured store: a remote SPARQL endpoint, or the embedded one built from dist/.

Shared by the command line and the HTTP layer (both import it; it imports neither).
"""

from __future__ import annotations

import sys

from .paths import ProjectPaths
from .store import Store


def open_store(p: ProjectPaths, quiet: bool = False) -> Store:
    """The configured store: a remote endpoint, or the embedded one (built first if stale)."""
    from .settings import load_settings
    from .store import EmbeddedStore

    settings = load_settings()
    if settings.sparql_endpoint:
        from .remote import RemoteStore

        return RemoteStore(settings.sparql_endpoint, timeout=settings.query_timeout)
    from .build import build, is_stale

    if is_stale(p):
        if not quiet:
            print("pbkg: dist/ is missing or out of date; building it first", file=sys.stderr)
        build(p)
    return EmbeddedStore.from_dist(p.dist)
