"""A SPARQL 1.1 server as the store (Oxigraph server, Fuseki, Virtuoso, QLever, GraphDB...), and
loading a build into one through the SPARQL 1.1 Graph Store Protocol.

Queries go through SPARQLWrapper: SPARQL JSON for SELECT and ASK, Turtle for CONSTRUCT and
DESCRIBE; results come back as the same objects as from the embedded store. The server should use
the union of the named graphs as its default graph (Oxigraph: `serve --union-default-graph`;
Fuseki: `tdb:unionDefaultGraph true`; Virtuoso and QLever do so by default), as pbkg's queries
assume.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, NotFound, QueryError
from .formats import Format, serialize
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .sparql_policy import inspect
from .store import QueryTimeout, ResultTooLarge, SerializedResult
from .terms import ox_to_json


def _is_timeout(exc: BaseException) -> bool:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return True
    reason = getattr(exc, "reason", None)
    return isinstance(reason, (TimeoutError, socket.timeout))


class RemoteStore:
    def __init__(self, endpoint: str, *, timeout: float | None = None,
                 update_endpoint: str | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.update_endpoint = update_endpoint

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    def _wrapper(self, sparql: str, timeout: float | None, default_graph: Sequence[str] | None,
                 named_graphs: Sequence[str] | None, graph: bool):
        from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setQuery(sparql)
        wrapper.setReturnFormat(TURTLE if graph else JSON)
        for g in default_graph or ():
            wrapper.addDefaultGraph(g)
        for g in named_graphs or ():
            wrapper.addNamedGraph(g)
        limit = timeout if timeout is not None else self.timeout
        if limit is not None:
            # setTimeout() truncates to whole seconds (0.5 would mean none); urllib takes floats.
            wrapper.timeout = limit
        return wrapper

    def _fetch(self, sparql: str, timeout: float | None, default_graph, named_graphs,
               graph: bool) -> bytes:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        wrapper = self._wrapper(sparql, timeout, default_graph, named_graphs, graph)
        try:
            response = wrapper.query().response
            return response.read()
        except SPARQLWrapperException as exc:
            detail = exc.args[0] if exc.args else str(exc)
            if isinstance(detail, bytes):
                detail = detail.decode("utf-8", "replace")
            raise QueryError(f"{self.endpoint}: {type(exc).__name__}: {detail}".strip()) \
                from None
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")[:500]
            if exc.code in (503, 504) and "timeout" in body.lower():
                raise QueryTimeout(f"{self.endpoint}: the query ran longer than the server's "
                                   f"time limit: {body}") from None
            raise QueryError(f"{self.endpoint}: HTTP {exc.code}: {body}") from None
        except (urllib.error.URLError, OSError) as exc:
            if _is_timeout(exc):
                raise QueryTimeout(f"{self.endpoint}: no answer within the time limit "
                                   f"({timeout or self.timeout:g} s)") from None
            raise QueryError(f"cannot reach the SPARQL endpoint {self.endpoint}: {exc}") \
                from None

    def query(self, sparql: str, *, limit: int | None = None, timeout: float | None = None,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        graph = inspect(sparql).returns_graph
        body = self._fetch(sparql, timeout, default_graph, named_graphs, graph)
        if graph:
            try:
                parsed = ox.parse(body, format=ox.RdfFormat.TURTLE)
                triples = []
                for t in parsed:
                    if limit is not None and len(triples) >= limit:
                        raise ResultTooLarge(f"the result has more than {limit} triples; add "
                                             "a LIMIT or narrow the query")
                    triples.append((ox_to_json(t.subject), ox_to_json(t.predicate),
                                    ox_to_json(t.object)))
            except SyntaxError as exc:
                raise QueryError(f"{self.endpoint} sent Turtle that cannot be read: {exc}") \
                    from None
            return GraphResult(triples)
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise QueryError(f"{self.endpoint} sent JSON that cannot be read: {exc}") from None
        if "boolean" in data:
            return AskResult(bool(data["boolean"]))
        rows = data.get("results", {}).get("bindings", [])
        if limit is not None and len(rows) > limit:
            raise ResultTooLarge(f"the result has more than {limit} rows; add a LIMIT or "
                                 "narrow the query")
        for row in rows:  # SPARQL 1.0 servers may still say "typed-literal"
            for term in row.values():
                if term.get("type") == "typed-literal":
                    term["type"] = "literal"
        return SelectResult(list(data.get("head", {}).get("vars", [])), rows)

    def query_serialized(self, sparql: str, *, results_format: Format, graph_format: Format,
                         limit: int | None = None, timeout: float | None = None,
                         default_graph: Sequence[str] | None = None,
                         named_graphs: Sequence[str] | None = None) -> SerializedResult:
        result = self.query(sparql, limit=limit, timeout=timeout, default_graph=default_graph,
                            named_graphs=named_graphs)
        fmt = graph_format if isinstance(result, GraphResult) else results_format
        kind = ("graph" if isinstance(result, GraphResult)
                else "ask" if isinstance(result, AskResult) else "select")
        return SerializedResult(kind, fmt, serialize(result, fmt))

    def named_graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", timeout=self.timeout)
        assert isinstance(result, SelectResult)
        return sorted(v for v in result.values("g") if v)

    def update(self, sparql: str) -> None:
        if not self.update_endpoint:
            raise QueryError(f"{self.endpoint} is used read-only: no update endpoint is set")
        from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        wrapper = SPARQLWrapper(self.endpoint, updateEndpoint=self.update_endpoint)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setQuery(sparql)
        try:
            wrapper.query()
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as exc:
            raise QueryError(f"{self.update_endpoint}: update failed: {exc}") from None

    def close(self) -> None:
        pass


# --- loading through the Graph Store Protocol ---------------------------------------------------


@dataclass
class LoadReport:
    url: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI ("" = default) -> triples

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def _graph_url(url: str, graph: str | None) -> str:
    sep = "&" if "?" in url else "?"
    if graph is None:
        return f"{url}{sep}default"
    return f"{url}{sep}{urllib.parse.urlencode({'graph': graph})}"


def load_to_graph_store(url: str, dist_dir: Path, *, timeout: float = 300.0) -> LoadReport:
    """Put each named graph of the build into a Graph Store Protocol endpoint (e.g. Oxigraph's
    http://HOST:7878/store), one HTTP PUT per graph: the server replaces that graph's content in
    one request, so a reload never duplicates triples. A graph that is no longer in the build
    stays on the server until deleted (DELETE URL?graph=IRI).
    """
    dumps = [(dist_dir / name, fmt) for name, fmt in (("pbkg.nq", ox.RdfFormat.N_QUADS),
                                                       ("pbkg.trig", ox.RdfFormat.TRIG))]
    found = [(path, fmt) for path, fmt in dumps if path.is_file()]
    if not found:
        raise NotFound(f"{dist_dir} holds no pbkg.nq or pbkg.trig: run 'pbkg build' first")
    source, fmt = found[0]
    graphs: dict[str | None, list[ox.Triple]] = defaultdict(list)
    try:
        for quad in ox.parse(path=str(source), format=fmt):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else None
            graphs[name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    except SyntaxError as exc:
        raise InputError(source, str(exc)) from None
    report = LoadReport(url)
    for graph in sorted(graphs, key=lambda g: g or ""):
        triples = graphs[graph]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        request = urllib.request.Request(
            _graph_url(url, graph), data=body, method="PUT",
            headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise QueryError(f"{url}: PUT of graph <{graph or 'default'}> failed: HTTP "
                             f"{exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise QueryError(f"cannot reach the graph store {url}: {exc}") from None
        report.graphs[graph or ""] = len(triples)
    return report
