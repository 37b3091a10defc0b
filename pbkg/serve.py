"""`pbkg serve`: build if the data changed, open the store once, serve the API with uvicorn.

One log line per request (logger "pbkg.api", written by the app's middleware); uvicorn's own
access log is off so that each request is logged once.
"""

from __future__ import annotations

import copy
import logging
import logging.config
import sys
import time

from .paths import ProjectPaths, paths

log = logging.getLogger("pbkg.serve")


def log_config(level: str = "INFO") -> dict:
    """uvicorn's logging configuration, plus the "pbkg" loggers on stderr."""
    from uvicorn.config import LOGGING_CONFIG

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


def serve(host: str = "127.0.0.1", port: int = 8000, *, project: ProjectPaths | None = None,
          log_level: str = "info") -> None:
    import uvicorn

    from api.app import create_app

    from .cli import open_store
    from .settings import load_settings
    from .store import EmbeddedStore

    logging.config.dictConfig(log_config(log_level))
    p = project or paths()
    settings = load_settings()
    start = time.perf_counter()
    store = open_store(p)
    if isinstance(store, EmbeddedStore):
        store.configure(workers=settings.query_workers,
                        memory_limit=settings.query_memory_mb * 2**20)
        # Fork the query workers now, before uvicorn starts any thread.
        store.start_workers()
        what = f"{len(store)} quads from {p.dist}"
    else:
        what = f"the SPARQL endpoint {settings.sparql_endpoint}"
    app = create_app(settings, store=store, project=p)
    log.info("serving %s (opened in %.1fs) on http://%s:%d/sparql (time limit %gs, "
             "result limit %d)", what, time.perf_counter() - start, host, port,
             settings.query_timeout, settings.result_limit)
    config = uvicorn.Config(app, host=host, port=port, log_config=log_config(log_level),
                            log_level=log_level, access_log=False)
    try:
        uvicorn.Server(config).run()
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
        sys.stderr.flush()
