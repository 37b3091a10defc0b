"""`pbkg serve`: bind the port, build if the data changed, open the store once, serve the app
with uvicorn.

The port is bound before anything else, so a taken port is reported at once (before a build,
and before uvicorn logs "startup complete") and `--port 0` serves on a free port that the log
names. One log line per request (logger "pbkg.api", written by the app's middleware); uvicorn's
own access log is off so that each request is logged once.
"""

from __future__ import annotations

import copy
import errno
import logging
import logging.config
import socket
import sys
import time

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from pbkg.errors import PbkgError
from pbkg.paths import ProjectPaths, paths

from .app import create_app

log = logging.getLogger("pbkg.serve")


class PortUnavailable(PbkgError):
    """The address to serve on cannot be bound (taken, not allowed, or not an address here)."""


def log_config(level: str = "INFO") -> dict:
    """uvicorn's logging configuration, plus the "pbkg" loggers on stderr."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["pbkg"] = {
        "()": "uvicorn.logging.DefaultFormatter",
        "fmt": "%(levelprefix)s %(name)s: %(message)s",
        "use_colors": None,
    }
    config["handlers"]["pbkg"] = {"formatter": "pbkg", "class": "logging.StreamHandler",
                                  "stream": "ext://sys.stderr"}
    config["loggers"]["pbkg"] = {"handlers": ["pbkg"], "level": level.upper(),
                                 "propagate": False}
    return config


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket on (host, port), or PortUnavailable saying why."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise PortUnavailable(f"cannot serve on host '{host}': {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            why = "is already in use (another server is running there?); stop it or choose " \
                  "another --port"
        elif exc.errno == errno.EACCES:
            why = "is not allowed for this user (ports below 1024 need privileges); choose " \
                  "another --port"
        else:
            why = f"cannot be bound: {exc.strerror}"
        raise PortUnavailable(f"port {port} on {host} {why}") from None
    return sock


def serve(host: str = "127.0.0.1", port: int = 8000, *, project: ProjectPaths | None = None,
          log_level: str = "info") -> None:
    from pbkg.settings import load_settings
    from pbkg.store import EmbeddedStore
    from pbkg.store_open import open_store

    sock = bind(host, port)
    try:
        logging.config.dictConfig(log_config(log_level))
        p = project or paths()
        settings = load_settings()
        start = time.perf_counter()
        store = open_store(p)
    except BaseException:
        sock.close()
        raise
    port = sock.getsockname()[1]
    if isinstance(store, EmbeddedStore):
        # Fork the query workers now, before uvicorn starts any thread.
        store.start_workers()
        what = f"{len(store)} quads from {p.dist}"
    else:
        what = f"the SPARQL endpoint {settings.sparql_endpoint}"
    app = create_app(settings, store=store, project=p)
    shown = f"[{host}]" if ":" in host else host
    log.info("serving %s (opened in %.1fs) on http://%s:%d/sparql (time limit %gs, "
             "result limit %d)", what, time.perf_counter() - start, shown, port,
             settings.query_timeout, settings.result_limit)
    config = uvicorn.Config(app, host=host, port=port, log_config=log_config(log_level),
                            log_level=log_level, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        close = getattr(store, "close", None)
        if close is not None:
            close()
        sys.stderr.flush()
