"""`pbkg serve`: build if the data changed, open the store once, serve the API with uvicorn.

One log line per request (logger "pbkg.api", written by the app's middleware); uvicorn's own
access log is off so that each request is logged once.

`--workers N` runs N server processes on one listening socket (the kernel hands each connection
to one of them), so N cores serve: one Python process tops out at about one core. The store is
opened once, then the processes are forked from the one that opened it, so the in-memory store
is shared copy-on-write rather than loaded N times (a store opened read-only from disk would be
shared through the page cache instead). Each process forks its own query workers and keeps its
own fair queue, so the per-client limit applies per process. The first process supervises: it
restarts a server process that dies and stops them all on Ctrl-C or SIGTERM.
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
          log_level: str = "info", workers: int = 1) -> None:
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
        if workers <= 1:
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
        if workers > 1:
            _serve_processes(config, store, workers)
        else:
            uvicorn.Server(config).run()
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
        sys.stderr.flush()


def _serve_processes(config, store, count: int) -> None:
    """Fork `count` server processes on one listening socket and supervise them."""
    import os
    import signal
    import socket

    import uvicorn

    from .errors import PbkgError

    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
    except OSError as exc:
        sock.close()
        raise PbkgError(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from None
    sock.listen(2048)
    sock.set_inheritable(True)

    def spawn() -> int:
        pid = os.fork()
        if pid:
            return pid
        status = 0
        try:
            from .store import EmbeddedStore, _die_with_parent

            _die_with_parent()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if isinstance(store, EmbeddedStore):
                store.start_workers()  # before uvicorn starts any thread
            uvicorn.Server(config).run(sockets=[sock])
        except BaseException:  # noqa: BLE001 - logged, and the supervisor restarts us
            log.exception("server process %d failed", os.getpid())
            status = 1
        finally:
            os._exit(status)
        return 0  # not reached

    class Stop(Exception):
        pass

    def stop(signum, frame) -> None:  # noqa: ANN001 - a signal handler
        raise Stop

    children: set[int] = set()
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        children.update(spawn() for _ in range(count))
        log.info("%d server processes: %s", count, ", ".join(map(str, sorted(children))))
        while children:
            try:
                pid, status = os.waitpid(-1, 0)
            except ChildProcessError:
                break
            if pid in children:
                children.discard(pid)
                log.warning("server process %d stopped (status %d); starting another", pid,
                            status)
                time.sleep(0.5)  # no busy loop if it fails at once
                children.add(spawn())
    except Stop:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 15
        for pid in children:
            while time.monotonic() < deadline:
                try:
                    done, _ = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    break
                if done:
                    break
                time.sleep(0.05)
            else:
                try:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                except (ProcessLookupError, ChildProcessError):
                    pass
        sock.close()
