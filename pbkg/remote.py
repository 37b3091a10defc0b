"""A SPARQL 1.1 server as the store (Oxigraph server, Fuseki, Virtuoso, QLever, GraphDB...).

SPARQLWrapper speaks the SPARQL 1.1 Protocol: it builds each request (POST, form-encoded; SPARQL
JSON for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE) and reads each answer; results come
back as the same objects as from the embedded store. The request itself goes through
upstream.py, which gives it one total deadline; failures are 502 and time-outs 504, never with
the server's address in the message.

pbkg's queries read the default graph as the union of the named graphs. A server whose default
graph is empty while its named graphs hold the data would answer every query with nothing: the
first empty answer checks for that and raises DefaultGraphEmpty, which says how to fix it.
"""

from __future__ import annotations

import io
import urllib.response
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper import QueryResult as WrapperResult

from .errors import QueryError
from .formats import Format, serialize
from .namespaces import GRAPH
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .sparql_policy import inspect
from .store import ResultTooLarge, SerializedResult
from .terms import ox_to_json
from .upstream import UpstreamError, UpstreamTimeout, exchange, public_url, upstream_failure

# How to make the default graph the union of the named graphs, per server, told apart by the
# Server header of its answers (README, "On a SPARQL server instead of the embedded store").
UNION_DEFAULT_GRAPH_FIXES = [
    ("oxigraph", "Oxigraph: restart it with 'oxigraph serve --union-default-graph' (same "
                 "--location)"),
    ("virtuoso", "Virtuoso reads every graph when its endpoint has no default graph of its own, "
                 "and this endpoint has one: remove it (as dba in isql: UPDATE "
                 "DB.DBA.SYS_SPARQL_HOST SET SH_GRAPH_URI = NULL WHERE SH_HOST = 'HOST:PORT')"),
    ("fuseki", "Fuseki: set 'tdb2:unionDefaultGraph true' on the TDB2 dataset "
               "('tdb:unionDefaultGraph true' on TDB1) and restart it"),
    ("jena", "Jena: set the context symbol http://jena.apache.org/TDB#unionDefaultGraph to true "
             "(Fuseki: 'tdb2:unionDefaultGraph true' on the TDB2 dataset)"),
]
UNION_DEFAULT_GRAPH_HELP = (
    "Oxigraph: start it with 'oxigraph serve --union-default-graph'; Fuseki: set "
    "'tdb2:unionDefaultGraph true' on the TDB2 dataset (or query through the graph "
    "<urn:x-arq:UnionGraph>); Virtuoso queries the union of all graphs unless its endpoint has "
    "a default graph of its own (DB.DBA.SYS_SPARQL_HOST); QLever queries the union too; "
    "GraphDB: its default graph is the union only for the RDF4J repository default. See "
    "README, 'On a SPARQL server instead of the embedded store'.")


# The empty-default-graph check: the triple that declares pbkg's ontology, which every build
# loads into its ontology graph; two index lookups on any server.
ONTOLOGY_TRIPLE = "<https://w3id.org/pbkg/ontology> a <http://www.w3.org/2002/07/owl#Ontology>"
IN_NAMED_GRAPHS = f"ASK {{ GRAPH ?g {{ {ONTOLOGY_TRIPLE} }} }}"
IN_DEFAULT_GRAPH = f"ASK {{ {ONTOLOGY_TRIPLE} }}"


def union_default_graph_fix(server: str | None) -> str:
    """The setting to change on this server (its Server header), or on each known one."""
    for name, fix in UNION_DEFAULT_GRAPH_FIXES:
        if name in (server or "").lower():
            return fix + "."
    return UNION_DEFAULT_GRAPH_HELP


class DefaultGraphEmpty(UpstreamError):
    """The server keeps the data in named graphs but answers queries from an empty default
    graph: its union-default-graph setting is off."""


class RemoteStore:
    def __init__(self, endpoint: str, *, timeout: float | None = None,
                 update_endpoint: str | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.update_endpoint = update_endpoint
        self._default_graph_checked = False
        self.server: str | None = None  # the Server header of its last answer

    def __repr__(self) -> str:
        return f"RemoteStore({public_url(self.endpoint)!r})"

    def _send(self, sparql: str, *, update: bool, graph: bool = False,
              params: Sequence[tuple[str, str]] = (), timeout: float | None) -> Any:
        """One request built by SPARQLWrapper, sent within the deadline, its answer converted by
        SPARQLWrapper: a dict for SPARQL JSON, bytes for RDF."""
        url = self.update_endpoint if update else self.endpoint
        assert url is not None
        wrapper = SPARQLWrapper(public_url(self.endpoint),
                                updateEndpoint=public_url(url) if update else None)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)  # no format=/output= parameters, which Oxigraph refuses
        wrapper.setReturnFormat(TURTLE if graph else JSON)
        wrapper.setQuery(sparql)
        if update and not wrapper.isSparqlUpdateRequest():
            raise QueryError("the update must start with one of SPARQL Update's operations "
                             "(INSERT, DELETE, DROP, CLEAR, CREATE, LOAD, COPY, MOVE, ADD)")
        for name, value in params:
            wrapper.addParameter(name, value)
        limit = timeout if timeout is not None else self.timeout
        response = exchange(wrapper._createRequest(), url, timeout=limit)
        self.server = response.headers.get("Server") or self.server
        if response.status >= 400:
            raise upstream_failure(response, url)
        # Virtuoso's "anytime" queries answer 200 with what they found when the time ran out.
        if (response.headers.get("X-SQL-State") or "").upper() == "S1TAT":
            raise UpstreamTimeout("the SPARQL server stopped the query at its own time limit "
                                  "and sent a partial result")
        if update:
            return None
        answer = urllib.response.addinfourl(io.BytesIO(response.body), response.headers,
                                            public_url(url), response.status)
        try:
            converted = WrapperResult((answer, wrapper.returnFormat)).convert()
        except (ValueError, TypeError) as exc:
            raise UpstreamError(f"the SPARQL server sent JSON that cannot be read: {exc}") \
                from None
        expected = bytes if graph else dict
        if not isinstance(converted, expected):
            raise UpstreamError("the SPARQL server answered with "
                                f"{response.content_type or 'no content type'}, not "
                                f"{'Turtle' if graph else 'SPARQL JSON'}")
        return converted

    def query(self, sparql: str, *, limit: int | None = None, timeout: float | None = None,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        result = self.run(sparql, limit, timeout, default_graph, named_graphs)
        if not default_graph and not named_graphs and _is_empty(result):
            self._check_default_graph(timeout)
        return result

    def run(self, sparql: str, limit: int | None, timeout: float | None,
               default_graph: Sequence[str] | None,
               named_graphs: Sequence[str] | None) -> QueryResult:
        """The query as sent, without the empty-default-graph check of query()."""
        operation = inspect(sparql)
        graph = operation.returns_graph
        params = [("default-graph-uri", g) for g in default_graph or ()]
        params += [("named-graph-uri", g) for g in named_graphs or ()]
        data = self._send(sparql, update=False, graph=graph, params=params, timeout=timeout)
        if graph:
            try:
                triples = []
                for t in ox.parse(data, format=ox.RdfFormat.TURTLE):  # N-Triples is Turtle
                    if limit is not None and len(triples) >= limit:
                        raise ResultTooLarge(f"the result has more than {limit} triples; add "
                                             "a LIMIT or narrow the query")
                    triples.append((ox_to_json(t.subject), ox_to_json(t.predicate),
                                    ox_to_json(t.object)))
            except SyntaxError as exc:
                raise UpstreamError(f"the SPARQL server sent RDF that cannot be read: {exc}") \
                    from None
            return GraphResult(triples)
        if "boolean" in data:
            return AskResult(bool(data["boolean"]))
        if operation.form == "ASK":
            # Virtuoso answers ASK as a table: one row holding 1 for true, no row for false.
            bindings = data.get("results", {}).get("bindings", [])
            return AskResult(any(term.get("value") in ("1", "true")
                                 for row in bindings for term in row.values()))
        rows = data.get("results", {}).get("bindings", [])
        if limit is not None and len(rows) > limit:
            raise ResultTooLarge(f"the result has more than {limit} rows; add a LIMIT or "
                                 "narrow the query")
        for row in rows:  # SPARQL 1.0 servers (Virtuoso) still say "typed-literal"
            for term in row.values():
                if term.get("type") == "typed-literal":
                    term["type"] = "literal"
        return SelectResult(list(data.get("head", {}).get("vars", [])), rows)

    def _check_default_graph(self, timeout: float | None) -> None:
        """Once per store, after an empty answer: is pbkg's data out of the default graph's reach?

        The triple that declares pbkg's ontology is looked for in the named graphs and in the
        default graph: a server whose default graph is not the union (empty, or one graph of its
        own such as a Virtuoso endpoint's) does not show it there. ("Is the default graph
        empty?" would be the wrong question: Virtuoso's holds its system graphs.)"""
        if self._default_graph_checked:
            return
        if self.run(IN_DEFAULT_GRAPH, None, timeout, None, None).value:  # type: ignore[union-attr]
            self._default_graph_checked = True
            return
        if not self.run(IN_NAMED_GRAPHS, None, timeout, None, None).value:  # type: ignore[union-attr]
            return  # no build on the server: nothing to find anywhere
        raise DefaultGraphEmpty(
            "the SPARQL server's default graph is empty of pbkg's data while its named graphs "
            "hold it, so every query would answer nothing; pbkg reads the default graph as the "
            "union of the named graphs. Turn that on: " + union_default_graph_fix(self.server))

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
        """pbkg's graphs on the server (not the server's own, e.g. Virtuoso's system graphs)."""
        result = self.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                          f'FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}', None, self.timeout,
                          None, None)
        assert isinstance(result, SelectResult)
        return sorted(v for v in result.values("g") if v)

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        if not self.update_endpoint:
            raise QueryError("this store is used read-only: no update endpoint is set")
        self._send(sparql, update=True, timeout=timeout)

    def close(self) -> None:
        pass


def _is_empty(result: QueryResult) -> bool:
    if isinstance(result, SelectResult):
        return not result.rows
    if isinstance(result, AskResult):
        return not result.value
    return not result.triples
