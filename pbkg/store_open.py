"""Opening the configured store: a remote SPARQL endpoint, or the embedded one built from dist/.

Shared by the command line and the HTTP layer (both import it; it imports neither).
"""

from __future__ import annotations

import os
import sys

from .errors import InputError
from .paths import ProjectPaths, check_writable
from .progress import step
from .store import Store


def open_store(p: ProjectPaths, quiet: bool = False, check: bool = True) -> Store:
    """The configured store: a remote endpoint, or the embedded one (built first if stale;
    with ``check`` off, dist/ as it is: a deployment of the build alone, whose start then
    does not read every source file's size and time, 1.5 s at 10^7 triples)."""
    from .settings import load_settings
    from .store import EmbeddedStore

    settings = load_settings()
    if settings.sparql_endpoint:
        from .remote import RemoteStore

        return RemoteStore(settings.sparql_endpoint, timeout=settings.query_timeout)
    from .build import build, is_stale, read_manifest

    if not check:
        if read_manifest(p.dist) is None:
            raise InputError(p.dist, "no build here (no manifest): run pbkg build, or serve "
                                     "without --as-built to build first")
    elif is_stale(p):
        check_dist(p)
        if not quiet:
            print("pbkg: dist/ is missing or out of date; building it first", file=sys.stderr)
        with step(f"building {p.dist}"):
            build(p)
    with step(f"loading the store from {p.dist}"):
        return EmbeddedStore.from_dist(p.dist)


def check_dist(p: ProjectPaths) -> None:
    """The build folder (dist/, or PBKG_DIST) can be written, before a build starts."""
    try:
        check_writable(p.dist, "the build", folder=True)
    except InputError as exc:
        if not os.environ.get("PBKG_DIST"):
            raise
        raise InputError(exc.path, f"{exc.detail} (PBKG_DIST names the build folder: point "
                                   "it at a writable folder)") from None
