"""Retired IRIs: duplicates folded into a kept node (issue 8) answer with a 301 to that node.

The data keeps each retired IRI as `<old> owl:sameAs <kept>` (data/reference/retired-iris.ttl),
so the dumps still join data saved with an old IRI; `kept_iri` tells the linked-data router
where to redirect. The SPARQL is queries/lookup/same-as.rq.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import parse_query_file
from .store import Store


def kept_iri(store: Store, queries_dir: Path, iri: str) -> str | None:
    """The node a retired IRI was folded into, or None when the IRI is not retired."""
    query = parse_query_file(queries_dir / "lookup" / "same-as.rq")
    rows = store.query(query.render({"entity": iri})).rows  # type: ignore[union-attr]
    return rows[0]["kept"]["value"] if rows else None
