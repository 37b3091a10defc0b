"""The store interface and its embedded implementation (Oxigraph, in memory).

Queries see the union of all named graphs as their default graph, as on a public endpoint; a
query can still address one source with GRAPH <.../graph/article/KEY>, name its own dataset with
FROM / FROM NAMED, or be given one (default_graph / named_graphs, the protocol's
default-graph-uri / named-graph-uri).

Limits. `limit` bounds the rows (SELECT) or triples (CONSTRUCT, DESCRIBE) of a result: exceeding
it raises ResultTooLarge (HTTP 400: the client should add a LIMIT or narrow the query).
`timeout` bounds the time: pyoxigraph cannot cancel a running query, so a query with a timeout
runs in a worker process forked from the loaded store (sharing its memory copy-on-write); a
worker that overruns is killed and replaced, and the caller gets QueryTimeout (HTTP 503).
`memory_limit` (bytes) bounds what one query may allocate: each worker caps its address space
(RLIMIT_AS) at its size when forked plus that much, so a runaway sort or join fails its
allocation and the worker dies; the caller gets QueryMemoryExceeded (HTTP 503). A query still
running after LONG_QUERY seconds while other queries run has its worker's priority lowered
(nice), so that short queries keep the processors; such a worker is retired after its query.
Workers are forked by a "zygote" process, itself forked once right after loading, so that no
fork ever happens in a process that runs other threads (uvicorn's). Without a timeout the query
runs in-process. Results are serialized by Oxigraph (Rust) and counted on the way out; they
cross the process boundary as bytes.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import signal
import socket
import struct
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import NotFound, QueryError
from .formats import FORMATS, Format, serialize_triples
from .overview import OVERVIEW
from .overview import forget as forget_overview
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .subjects import SUBJECTS_FILE, subjects_for


class ResultTooLarge(QueryError):
    """More rows (or triples) than the configured limit."""

    http_status = 400


class QueryTimeout(QueryError):
    """The query ran longer than the time limit and was stopped."""

    http_status = 503


class QueryMemoryExceeded(QueryError):
    """The query needed more memory than a query may use, and its worker was stopped."""

    http_status = 503


LONG_QUERY = 0.5  # seconds: a query running longer gets a lower processor priority
RETIRE_AFTER = 1000  # queries, after which a worker is replaced by a fresh fork
_NICE = 10


@dataclass(frozen=True)
class SerializedResult:
    kind: str  # "select", "ask" or "graph"
    format: Format
    body: bytes


class Store(Protocol):
    def query(self, sparql: str, *, limit: int | None = None,
              timeout: float | None = None) -> QueryResult: ...


# FROM or FROM NAMED before an IRI or a prefixed name, not a variable (?from) or a word of a
# comment: only a query that may name its dataset is inspected (inspect decides).
_GAP = r"(?:\s|#[^\n]*\n)*"  # white space and comments, as the grammar allows
_FROM = re.compile(rf"(?<![?$\w])FROM{_GAP}(?:NAMED{_GAP})?(?:<|[A-Za-z_][\w.-]*:|:)",
                   re.IGNORECASE)
_TSV = FORMATS["tsv"]
_JSON = FORMATS["json"]
_NT = FORMATS["ntriples"]


class _CountingWriter:
    """A binary sink for Oxigraph's serializers that stops it once a line limit is passed
    (TSV and N-Triples put one row or triple per line, escaping newlines in literals)."""

    def __init__(self, max_lines: int, message: str) -> None:
        self.max_lines = max_lines
        self.message = message
        self.lines = 0
        self.parts: list[bytes] = []

    def write(self, data) -> int:  # noqa: ANN001 - a bytes-like object
        chunk = bytes(data)
        self.lines += chunk.count(b"\n")
        if self.lines > self.max_lines:
            raise ResultTooLarge(self.message)
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _dataset_options(sparql: str, default_graph: Sequence[str] | None,
                     named_graphs: Sequence[str] | None) -> dict:
    if default_graph is not None or named_graphs is not None:
        # SPARQL Protocol: a dataset given with the request replaces the query's own.
        try:
            return {"default_graph": [ox.NamedNode(g) for g in default_graph or []],
                    "named_graphs": [ox.NamedNode(g) for g in named_graphs or []]}
        except ValueError as exc:
            raise QueryError(f"invalid graph IRI: {exc}") from None
    if _FROM.search(sparql):
        from .sparql_policy import inspect

        if inspect(sparql).has_dataset_clause:
            return {}  # the query's FROM / FROM NAMED define its dataset
    return {"use_default_graph_as_union": True}


# A query whose cost is bounded by the size of its answer, which the result limit bounds in
# turn: PREFIX lines, then SELECT (variables, no expressions) or ASK over exactly one triple
# pattern with plain terms (no path, blank node, FILTER, DISTINCT, ORDER BY or FROM), and an
# optional LIMIT / OFFSET. Oxigraph streams it from one index scan, and the counting sink stops
# it at the limit, so it runs in process without the worker hop.
_B_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_B_PNAME = r"[A-Za-z](?:[\w.-]*\w)?:(?:\w(?:[\w.-]*\w)?)?"
_B_VAR = r"[?$]\w+"
_B_LITERAL = (r"\"(?:[^\"\\\n]|\\.)*\"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(?:" + _B_IRI + "|"
              + _B_PNAME + r"))?|[+-]?\d+(?:\.\d+)?|true|false")
_B_NODE = f"(?:{_B_IRI}|{_B_PNAME}|{_B_VAR})"
_BOUNDED = re.compile(
    rf"""\s*(?:PREFIX\s+(?:[A-Za-z][\w.-]*)?:\s*{_B_IRI}\s*)*
    (?:SELECT\s+(?:{_B_VAR}\s*)+|ASK\s*)(?:WHERE\s*)?
    \{{\s*{_B_NODE}\s+(?:{_B_NODE}|a)\s+(?:{_B_NODE}|{_B_LITERAL})\s*\.?\s*\}}
    \s*(?:(?:LIMIT|OFFSET)\s+\d+\s*){{0,2}}""", re.IGNORECASE | re.VERBOSE)


def bounded(sparql: str) -> bool:
    """Is the query one of those whose cost the result limit bounds (see _BOUNDED)?"""
    return len(sparql) < 4000 and _BOUNDED.fullmatch(sparql) is not None


def execute(store: ox.Store, sparql: str, *, results_format: str = "json",
            graph_format: str = "ntriples", limit: int | None = None,
            default_graph: Sequence[str] | None = None,
            named_graphs: Sequence[str] | None = None) -> tuple[str, str, bytes]:
    """Run a query and serialize its result: (kind, format name, bytes).

    SELECT/ASK results come in `results_format`, graphs in `graph_format`. With a limit, the
    result is first written as TSV or N-Triples through a counting sink, which stops the query
    as soon as the limit is passed, then converted (in Rust) if another format was asked for.
    """
    try:
        result = store.query(sparql, **_dataset_options(sparql, default_graph, named_graphs))
        if isinstance(result, ox.QueryBoolean):
            fmt = FORMATS[results_format]
            return "ask", fmt.name, result.serialize(format=fmt.ox_format)
        if isinstance(result, ox.QuerySolutions):
            fmt = FORMATS[results_format]
            if limit is None:
                return "select", fmt.name, result.serialize(format=fmt.ox_format)
            sink = _CountingWriter(limit + 1, f"the result has more than {limit} rows; add a "
                                              "LIMIT or narrow the query")
            result.serialize(sink, format=_TSV.ox_format)
            tsv = sink.getvalue()
            if fmt is _TSV:
                return "select", fmt.name, tsv
            parsed = ox.parse_query_results(tsv, format=_TSV.ox_format)
            return "select", fmt.name, parsed.serialize(format=fmt.ox_format)
        fmt = FORMATS[graph_format]
        if limit is None and fmt is _NT:
            return "graph", fmt.name, result.serialize(format=_NT.ox_format)
        sink = _CountingWriter(limit if limit is not None else 2**62,
                               f"the result has more than {limit} triples; add a LIMIT or "
                               "narrow the query")
        result.serialize(sink, format=_NT.ox_format)
        nt = sink.getvalue()
        if fmt is _NT:
            return "graph", fmt.name, nt
        return "graph", fmt.name, serialize_triples(ox.parse(nt, format=_NT.ox_format), fmt)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def decode(kind: str, fmt_name: str, body: bytes) -> QueryResult:
    """Result objects from JSON (SELECT/ASK) or N-Triples (graphs) bytes."""
    if kind == "graph":
        assert fmt_name == "ntriples"
        return GraphResult(ox_triples=list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
    assert fmt_name == "json"
    data = json.loads(body)
    if kind == "ask":
        return AskResult(bool(data["boolean"]))
    return SelectResult(list(data["head"].get("vars", [])), data["results"]["bindings"])


class EmbeddedStore:
    """pyoxigraph in memory: measured faster than on disk at our sizes (performance.md)."""

    def __init__(self, store: ox.Store, workers: int | None = None,
                 memory_limit: int | None = None) -> None:
        self.store = store
        # More workers than cores: a few runaway queries (reniced, see LONG_QUERY) then leave
        # slots, and processor time, to short ones.
        self._pool_size = workers or default_workers()
        self.memory_limit = memory_limit
        self._pool: _WorkerPool | None = None
        self._pool_lock = threading.Lock()
        # The build's full-text label index next to an on-disk store (pbkg.search.index_for).
        self.search_index_path: Path | None = None
        # The build's whole-graph answers for the site (pbkg.overview), beside the store.
        self.overview_path: Path | None = None
        # The build's table of what each subject states (pbkg.subjects), beside the store.
        self.subjects_path: Path | None = None
        self._read_only_path: Path | None = None
        self._copy_dir: Path | None = None
        self._quads: int | None = None

    @classmethod
    def from_dist(cls, dist_dir: Path, workers: int | None = None,
                  memory_limit: int | None = None) -> EmbeddedStore:
        """The build's on-disk store opened read-only (no parsing, whatever the size), with its
        search index; a dist/ without them (an older build) is loaded from its N-Quads dump."""
        # Resolved once: a later build moves the dist/ link, not this server's version.
        dist_dir = Path(dist_dir).resolve()
        on_disk, index = dist_dir / "store", dist_dir / "search.sqlite"
        if on_disk.is_dir() and index.is_file():
            try:
                embedded = cls(ox.Store.read_only(str(on_disk)), workers, memory_limit)
            except OSError as exc:
                raise NotFound(f"{on_disk} cannot be opened ({exc}): run 'pbkg build'") from None
            embedded.search_index_path = index
            if (dist_dir / OVERVIEW).is_file():
                embedded.overview_path = dist_dir / OVERVIEW
            if (dist_dir / SUBJECTS_FILE).is_file():
                embedded.subjects_path = dist_dir / SUBJECTS_FILE
                try:  # opened now, and kept: a damaged table is named at start, not on a page
                    subjects_for(embedded)
                except OSError as exc:
                    raise NotFound(f"{exc}: run 'pbkg build'") from None
            embedded._read_only_path = on_disk
            try:  # counting an on-disk store scans it (seconds at 10^7): the build counted
                manifest = json.loads((dist_dir / "manifest.json").read_text(encoding="utf-8"))
                embedded._quads = int(manifest["quads"])
            except (OSError, ValueError, KeyError, TypeError):
                pass
            return embedded
        dump = dist_dir / "pbkg.nq"
        if not dump.is_file():
            raise NotFound(f"{dump} does not exist: run 'pbkg build' first")
        store = ox.Store()
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        return cls(store, workers, memory_limit)

    def configure(self, *, workers: int | None = None, memory_limit: int | None = None) -> None:
        """Set the worker count and per-query memory before the workers start."""
        with self._pool_lock:
            if self._pool is not None:
                raise RuntimeError("configure the store before its workers start")
            self._pool_size = workers or self._pool_size
            self.memory_limit = memory_limit

    @property
    def workers(self) -> int:
        """How many queries can run under the time limit at once."""
        return self._pool_size

    def __len__(self) -> int:
        if self._quads is not None and self._read_only_path is not None:
            return self._quads
        return len(self.store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, *, limit: int | None = None, timeout: float | None = None,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        kind, fmt, body = self._run(dict(sparql=sparql, results_format="json",
                                         graph_format="ntriples", limit=limit,
                                         default_graph=default_graph,
                                         named_graphs=named_graphs), timeout)
        return decode(kind, fmt, body)

    def query_serialized(self, sparql: str, *, results_format: Format, graph_format: Format,
                         limit: int | None = None, timeout: float | None = None,
                         default_graph: Sequence[str] | None = None,
                         named_graphs: Sequence[str] | None = None) -> SerializedResult:
        """The result already in the wire format: no per-row Python work."""
        kind, fmt, body = self._run(dict(sparql=sparql, results_format=results_format.name,
                                         graph_format=graph_format.name, limit=limit,
                                         default_graph=default_graph,
                                         named_graphs=named_graphs), timeout)
        return SerializedResult(kind, FORMATS[fmt], body)

    @property
    def immutable(self) -> bool:
        """Whether the data cannot change while served: the build's store, opened read-only
        (answers computed from it can be kept; an update first moves to a private copy)."""
        return self._read_only_path is not None

    def answers_in_process(self, sparql: str) -> bool:
        """Whether this query runs here rather than in a worker (its cost is bounded)."""
        return bounded(sparql)

    def update(self, sparql: str) -> None:
        """Apply a SPARQL Update in this process; the workers are restarted to see it.

        The build's store is opened read-only and stays as built: the first update moves this
        server to a private copy of it (hard links, so cheap), removed on close."""
        try:
            if self._read_only_path is not None:
                self._private_copy()
            self.store.update(sparql)
            # Names, labels and the site's per-store answers: read them again.
            self.__dict__.pop("_pbkg_search_index", None)
            self.__dict__.pop("_pbkg_site_cache", None)
            self.__dict__.pop("_pbkg_answer_cache", None)
            self.__dict__.pop("_pbkg_kept_pages", None)
            forget_overview(self)
        except SyntaxError as exc:
            raise QueryError(f"malformed update: {exc}") from None
        except (OSError, ValueError) as exc:
            raise QueryError(f"update failed: {exc}") from None
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    def start_workers(self) -> None:
        """Fork the worker zygote now (call before starting threads, e.g. a web server)."""
        self._workers().start()

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
        if self._copy_dir is not None:
            shutil.rmtree(self._copy_dir, ignore_errors=True)
            self._copy_dir = None

    def _private_copy(self) -> None:
        self._copy_dir = Path(tempfile.mkdtemp(prefix="pbkg-store-"))
        target = self._copy_dir / "store"
        self.store.backup(str(target))
        self.store = ox.Store(str(target))
        self._read_only_path = None
        self.search_index_path = None  # the build's index no longer describes this store
        self.overview_path = None  # nor its whole-graph answers
        self.subjects_path = None  # nor what its subjects state

    def _workers(self) -> _WorkerPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = _WorkerPool(self.store, self._pool_size, self.memory_limit)
            return self._pool

    def _run(self, request: dict, timeout: float | None) -> tuple[str, str, bytes]:
        if timeout is None or (request["limit"] is not None and bounded(request["sparql"])):
            return execute(self.store, **request)
        return self._workers().run(request, timeout)


# --- worker processes -----------------------------------------------------------------------

_ERRORS: dict[str, type[QueryError]] = {c.__name__: c for c in (
    QueryError, ResultTooLarge, QueryTimeout, QueryMemoryExceeded)}
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: be killed when the process that forked us dies."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def default_workers() -> int:
    return max(4, min(8, 2 * (os.cpu_count() or 2)))


def _cap_memory(extra: int) -> None:
    """Let this process allocate at most `extra` more bytes of address space."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as f:
            size = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return  # not Linux: no cap
    resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def _worker_main(conn: Connection, store: ox.Store, memory_limit: int | None = None) -> None:
    if memory_limit:
        _cap_memory(memory_limit)
    while True:
        try:
            request = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            reply: tuple = ("ok", execute(store, **request))
        except QueryError as exc:
            reply = ("error", type(exc).__name__, str(exc))
        except MemoryError:
            reply = ("error", "QueryMemoryExceeded", _memory_message(memory_limit))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the worker lives on
            reply = ("error", "QueryError", f"query failed: {type(exc).__name__}: {exc}")
        try:
            conn.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return


def _memory_message(limit: int | None) -> str:
    cap = f" ({limit / 2**20:.0f} MB)" if limit else ""
    return (f"the query needed more memory than a query may use{cap} and was stopped; "
            "narrow it or add a LIMIT")


def _zygote_main(ctl: socket.socket, store: ox.Store, memory_limit: int | None) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(ctl, 16, 1)
        except OSError:
            return
        if not msg:
            return  # the server closed its end: stop
        pid = os.fork()
        if pid == 0:
            try:
                ctl.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _die_with_parent()
                _worker_main(Connection(fds[0]), store, memory_limit)
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        ctl.sendall(struct.pack("!q", pid))


@dataclass
class _Worker:
    pid: int
    conn: Connection
    reniced: bool = False
    queries: int = 0

    def lower_priority(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, self.pid, _NICE)
            self.reniced = True
        except (OSError, AttributeError):
            pass

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.conn.close()


class _Zygote:
    def __init__(self, store: ox.Store, memory_limit: int | None = None) -> None:
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            try:
                parent_end.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server
                _zygote_main(child_end, store, memory_limit)
            finally:
                os._exit(0)
        child_end.close()
        self.pid = pid
        self.ctl = parent_end

    def spawn(self) -> _Worker:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(self.ctl, [b"w"], [theirs.fileno()])
            raw = b""
            while len(raw) < 8:
                chunk = self.ctl.recv(8 - len(raw))
                if not chunk:
                    raise OSError("the worker zygote has stopped")
                raw += chunk
        finally:
            theirs.close()
        return _Worker(struct.unpack("!q", raw)[0], Connection(ours.detach()))

    def close(self) -> None:
        self.ctl.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


class _WorkerPool:
    """Up to `size` worker processes; a query checks one out, a timed-out one is killed."""

    def __init__(self, store: ox.Store, size: int, memory_limit: int | None = None) -> None:
        self._store = store
        self._size = size
        self._memory_limit = memory_limit
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._live = 0
        self._zygote: _Zygote | None = None
        self._closed = False
        self._finalizer = weakref.finalize(self, _WorkerPool._shutdown, self._idle, [None])

    @staticmethod
    def _shutdown(idle: list[_Worker], zygote_box: list[_Zygote | None]) -> None:
        for worker in idle:
            worker.kill()
        if zygote_box[0] is not None:
            zygote_box[0].close()

    def start(self) -> None:
        """Fork the zygote and one warm worker."""
        with self._cond:
            if self._idle or self._live:
                return
            self._idle.append(self._spawn_locked())
            self._live += 1

    def _spawn_locked(self) -> _Worker:
        if self._zygote is None:
            self._zygote = _Zygote(self._store, self._memory_limit)
            self._finalizer.detach()
            self._finalizer = weakref.finalize(self, _WorkerPool._shutdown, self._idle,
                                               [self._zygote])
        try:
            return self._zygote.spawn()
        except OSError:
            # The zygote died (killed from outside?): fork a new one and retry once.
            self._zygote.close()
            self._zygote = _Zygote(self._store, self._memory_limit)
            return self._zygote.spawn()

    def _checkout(self, deadline: float) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise QueryError("the store is closed")
                if self._idle:
                    return self._idle.pop()
                if self._live < self._size:
                    self._live += 1
                    try:
                        return self._spawn_locked()
                    except BaseException:
                        self._live -= 1
                        raise
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryTimeout("the server is busy: no query slot became free within "
                                       "the time limit; try again")
                self._cond.wait(remaining)

    def _busy(self) -> int:
        """Queries running now (workers checked out)."""
        return self._live - len(self._idle)

    def _checkin(self, worker: _Worker | None) -> None:
        with self._cond:
            # Retired: a reniced worker, and one that ran many queries (its private copies of
            # the store's pages, written by the allocator, grow with use).
            if worker is None or self._closed or worker.reniced or worker.queries >= RETIRE_AFTER:
                self._live -= 1
                if worker is not None:
                    worker.kill()
            else:
                self._idle.append(worker)
            self._cond.notify()

    def run(self, request: dict, timeout: float) -> tuple[str, str, bytes]:
        deadline = time.monotonic() + timeout
        worker: _Worker | None = self._checkout(deadline)
        assert worker is not None
        try:
            worker.queries += 1
            worker.conn.send_bytes(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
            started = time.monotonic()
            ready = False
            while not ready and (left := deadline - time.monotonic()) > 0:
                ready = worker.conn.poll(min(left, LONG_QUERY / 2))
                # A long query yields the processors, but only to other queries: alone, it
                # keeps its priority.
                if (not ready and not worker.reniced and self._busy() > 1
                        and time.monotonic() - started >= LONG_QUERY):
                    worker.lower_priority()
            if not ready:
                worker.kill()
                worker = None
                raise QueryTimeout(f"the query ran longer than the time limit ({timeout:g} s) "
                                   "and was stopped; narrow it or add a LIMIT")
            reply = pickle.loads(worker.conn.recv_bytes())
        except (EOFError, OSError):
            if worker is not None:
                worker.kill()
                worker = None
            if self._memory_limit:
                # A failed allocation aborts the worker (Rust): the cap is the likely cause.
                raise QueryMemoryExceeded(_memory_message(self._memory_limit)) from None
            raise QueryError("the query worker stopped unexpectedly; the query may need too "
                             "much memory") from None
        finally:
            self._checkin(worker)
        if reply[0] == "ok":
            return reply[1]
        raise _ERRORS.get(reply[1], QueryError)(reply[2])

    def close(self) -> None:
        with self._cond:
            self._closed = True
            for worker in self._idle:
                worker.kill()
            self._idle.clear()
            if self._zygote is not None:
                self._zygote.close()
                self._zygote = None
            self._finalizer.detach()
            self._cond.notify_all()


def query_serialized(store: Store, sparql: str, *, results_format: Format, graph_format: Format,
                     limit: int | None = None, timeout: float | None = None,
                     default_graph: Sequence[str] | None = None,
                     named_graphs: Sequence[str] | None = None) -> SerializedResult:
    """Any store's result in a wire format: the store's own fast path if it has one."""
    options = dict(results_format=results_format, graph_format=graph_format, limit=limit,
                   timeout=timeout, default_graph=default_graph, named_graphs=named_graphs)
    fast = getattr(store, "query_serialized", None)
    if fast is not None:
        return fast(sparql, **options)
    from .formats import serialize

    if default_graph is not None or named_graphs is not None:
        raise QueryError("this store does not take default-graph-uri / named-graph-uri")
    result = store.query(sparql, limit=limit, timeout=timeout)
    fmt = graph_format if isinstance(result, GraphResult) else results_format
    kind = ("graph" if isinstance(result, GraphResult)
            else "ask" if isinstance(result, AskResult) else "select")
    return SerializedResult(kind, fmt, serialize(result, fmt))
