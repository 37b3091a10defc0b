"""Loading a build into a SPARQL server so that it holds the old build or the new one, never a
mix.

The whole swap is one SPARQL Update request: DROP every pbkg graph the server holds (those that
dropped out of the build too), then INSERT DATA the build's graphs. A server runs nothing before the
request has arrived whole, so a load killed at any point leaves the old build or the new one.
What more holds depends on the server: Oxigraph runs an update request in one transaction (its
Store::update), so readers never see half a build and a failing request changes nothing;
Fuseki documents the same; Virtuoso 7.2 runs the operations one after the other, and an error
in the middle of a request leaves those before it applied (which the count check after the load
then reports). Graphs outside https://w3id.org/pbkg/graph/ are left alone.

Uploading graphs one by one under temporary names and renaming them at the end would not do: on
a server whose default graph is the union of the named graphs, which pbkg's queries need, the
temporary graphs would be read as data while they exist.

`to` is the server's SPARQL Update endpoint or its Graph Store endpoint, from which the update
and query endpoints of Oxigraph (/store), Fuseki (/DATASET/data) and Virtuoso
(/sparql-graph-crud-auth) are derived. Credentials ride in the URL (user:password@host).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, InvalidParameter, NotFound, QueryError
from .namespaces import GRAPH
from .remote import RemoteStore
from .results import SelectResult
from .upstream import UpstreamError, public_url

PBKG_GRAPHS = str(GRAPH)

# Graph Store or update endpoint suffix -> (update, query) suffixes, per server.
_ENDPOINTS = [
    ("/store", "/update", "/query"),  # Oxigraph
    ("/update", "/update", "/query"),  # Oxigraph, Fuseki
    ("/data", "/update", "/query"),  # Fuseki: /DATASET/data
    ("/sparql-graph-crud-auth", "/sparql-auth", "/sparql-auth"),  # Virtuoso, digest login
    ("/sparql-auth", "/sparql-auth", "/sparql-auth"),  # Virtuoso
    ("/sparql", "/sparql", "/sparql"),  # one endpoint for both (Virtuoso with update rights)
]


@dataclass
class LoadReport:
    url: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples
    dropped: list[str] = field(default_factory=list)  # graphs no longer in the build
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def endpoints(to: str, query: str | None = None) -> tuple[str, str]:
    """The (update, query) endpoints for `pbkg load --to URL [--query URL]`."""
    base, sep, params = to.partition("?")
    for suffix, update_suffix, query_suffix in _ENDPOINTS:
        if base.rstrip("/").endswith(suffix):
            root = base.rstrip("/")[: -len(suffix)]
            return root + update_suffix, query or root + query_suffix
    if query:
        return to, query
    raise InvalidParameter("--to", f"cannot tell the query endpoint that goes with "
                           f"{public_url(to)}: give it with --query URL (the SPARQL query "
                           "endpoint of the same server)")


def read_build(dist_dir: Path) -> dict[str, list[ox.Triple]]:
    """The build's named graphs, from dist/pbkg.nq (or pbkg.trig)."""
    dumps = [(dist_dir / name, fmt) for name, fmt in (("pbkg.nq", ox.RdfFormat.N_QUADS),
                                                       ("pbkg.trig", ox.RdfFormat.TRIG))]
    found = [(path, fmt) for path, fmt in dumps if path.is_file()]
    if not found:
        raise NotFound(f"{dist_dir} holds no pbkg.nq or pbkg.trig: run 'pbkg build' first")
    source, fmt = found[0]
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    try:
        for quad in ox.parse(path=str(source), format=fmt):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise InputError(source, "a triple outside the named graphs: a build puts every "
                                 "triple in the graph of its source")
            if not quad.graph_name.value.startswith(PBKG_GRAPHS):
                raise InputError(source, f"graph <{quad.graph_name.value}> is not under "
                                 f"{PBKG_GRAPHS}, the graphs pbkg load replaces")
            graphs[quad.graph_name.value].append(
                ox.Triple(quad.subject, quad.predicate, quad.object))
    except SyntaxError as exc:
        raise InputError(source, str(exc)) from None
    return dict(graphs)


def swap_update(graphs: dict[str, list[ox.Triple]], present: list[str]) -> str:
    """The one update that replaces every pbkg graph on the server by the build's."""
    parts = [f"DROP SILENT GRAPH <{g}>" for g in sorted(set(present) | set(graphs))]
    blocks = []
    for name in sorted(graphs):
        triples = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES) or b""
        blocks.append(f"GRAPH <{name}> {{\n{triples.decode('utf-8')}}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


def load_build(to: str, dist_dir: Path, *, query: str | None = None,
               timeout: float = 600.0) -> LoadReport:
    """Replace the pbkg graphs of the server at `to` by the build in `dist_dir`, atomically,
    then check that the server holds what was sent."""
    started = time.monotonic()
    update_url, query_url = endpoints(to, query)
    graphs = read_build(dist_dir)
    store = RemoteStore(query_url, timeout=timeout, update_endpoint=update_url)
    try:
        present = store.named_graphs()
        store.update(swap_update(graphs, present), timeout=timeout)
    except QueryError as exc:  # the person loading knows the server: name it
        raise type(exc)(f"{public_url(to)}: {exc}") from None
    report = LoadReport(public_url(to), {g: len(set(t)) for g, t in graphs.items()},
                        sorted(set(present) - set(graphs)))
    held = count_graphs(store, timeout)
    if held != report.graphs:
        differ = sorted(g for g in set(held) | set(report.graphs)
                        if held.get(g) != report.graphs.get(g))
        raise UpstreamError(f"the server does not hold what was loaded: {len(differ)} graphs "
                            f"differ, e.g. <{differ[0]}> holds {held.get(differ[0], 0)} "
                            f"triples, the build {report.graphs.get(differ[0], 0)}")
    report.seconds = time.monotonic() - started
    return report


def count_graphs(store: RemoteStore, timeout: float | None = None) -> dict[str, int]:
    """Triples per pbkg graph on the server."""
    result = store.run(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{PBKG_GRAPHS}")) }} GROUP BY ?g', None, timeout,
        None, None)
    assert isinstance(result, SelectResult)
    return {row["g"]["value"]: int(row["n"]["value"]) for row in result.rows}
