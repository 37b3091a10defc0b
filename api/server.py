"""`pbkg serve`: bind the port, build if the data changed, open the store once, serve the app
with uvicorn.

The port is bound before anything else, so a taken port is reported at once (before a build,
and before uvicorn logs "startup complete") and `--port 0` serves on a free port that the log
names. One log line per request (logger "pbkg.api", written by the app's middleware); uvicorn's
own access log is off so that each request is logged once.

`--workers N` runs N server processes on one listening socket (the kernel hands each connection
to one of them), so N cores serve: one Python process tops out at about one core. The store is
opened once, then the processes are forked from the one that opened it, so the store is shared
(copy-on-write in memory, or through the page cache for the build's read-only on-disk store)
rather than opened N times. Each process forks its own query workers and keeps its own fair
queue, so the per-client limit applies per process. The first process supervises: it restarts a
server process that dies and stops them all on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import copy
import errno
import gc
import logging
import logging.config
import os
import signal
import socket
import sys
import time

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from pbkg.errors import PbkgError
from pbkg.paths import ProjectPaths, paths

from .app import create_app

log = logging.getLogger("pbkg.serve")


# The collector's youngest generation is collected after this many allocations (700 by default):
# a cluster page's first request allocates tens of thousands of small dicts, and the scans cost
# 6 % of its instructions (bench/bench_instructions.py with and without them).
GC_THRESHOLD = (50_000, 20, 100)


def tune_gc() -> None:
    """For a server process about to serve: what is alive now (modules, the store, the app) is
    left out of the collector's scans for good, and the scans come less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


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
          log_level: str = "info", workers: int = 1, check: bool = True) -> None:
    from pbkg.settings import load_settings
    from pbkg.store import EmbeddedStore
    from pbkg.store_open import open_store

    sock = bind(host, port)
    try:
        logging.config.dictConfig(log_config(log_level))
        p = project or paths()
        settings = load_settings()
        start = time.perf_counter()
        store = open_store(p, check=check)
    except BaseException:
        sock.close()
        raise
    port = sock.getsockname()[1]
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
    shown = f"[{host}]" if ":" in host else host
    log.info("serving %s (opened in %.1fs) on http://%s:%d/sparql (time limit %gs, "
             "result limit %d)", what, time.perf_counter() - start, shown, port,
             settings.query_timeout, settings.result_limit)
    config = uvicorn.Config(app, host=host, port=port, log_config=log_config(log_level),
                            log_level=log_level, access_log=False)
    try:
        if workers > 1:
            _serve_processes(config, store, sock, workers)
        else:
            tune_gc()
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        close = getattr(store, "close", None)
        if close is not None:
            close()
        sys.stderr.flush()


def _serve_processes(config: uvicorn.Config, store: object, sock: socket.socket,
                     count: int) -> None:
    """Fork `count` server processes on one listening socket and supervise them."""
    from pbkg.store import EmbeddedStore, _die_with_parent

    sock.listen(2048)
    sock.set_inheritable(True)

    def spawn() -> int:
        pid = os.fork()
        if pid:
            return pid
        status = 0
        try:
            _die_with_parent()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if isinstance(store, EmbeddedStore):
                store.start_workers()  # before uvicorn starts any thread
            tune_gc()
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
