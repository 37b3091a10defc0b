"""The store interface and its embedded implementation (Oxigraph, in memory).

Queries see the union of all named graphs as their default graph, as on a public endpoint; a
query can still address one source with GRAPH <.../graph/article/KEY>.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import NotFound, QueryError
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .terms import ox_to_json


class ResultTooLarge(QueryError):
    """More rows than the configured limit."""


class Store(Protocol):
    def query(self, sparql: str, *, limit: int | None = None) -> QueryResult: ...


class EmbeddedStore:
    """pyoxigraph in memory: measured faster than on disk at our sizes (performance.md)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_dist(cls, dist_dir: Path) -> EmbeddedStore:
        dump = dist_dir / "pbkg.nq"
        if not dump.is_file():
            raise NotFound(f"{dump} does not exist: run 'pbkg build' first")
        store = ox.Store()
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, *, limit: int | None = None) -> QueryResult:
        try:
            result = self.store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from None
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return AskResult(bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = []
            for solution in result:
                if limit is not None and len(rows) >= limit:
                    raise ResultTooLarge(f"the result has more than {limit} rows; "
                                         "add a LIMIT or narrow the query")
                rows.append({v: ox_to_json(solution[v]) for v in variables
                             if solution[v] is not None})
            return SelectResult(variables, rows)
        triples = []
        for triple in result:
            if limit is not None and len(triples) >= limit:
                raise ResultTooLarge(f"the result has more than {limit} triples")
            triples.append((ox_to_json(triple.subject), ox_to_json(triple.predicate),
                            ox_to_json(triple.object)))
        return GraphResult(triples)
