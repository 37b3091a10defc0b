"""The golden query cases on rdflib's SPARQL engine (what rdflib-endpoint serves), over the
build's N-Quads with the union of the named graphs as the default graph, compared as the
servers' answers are (test_remote_store.py). With Oxigraph, Virtuoso and Jena, the fourth
engine the named queries are written for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from test_queries import CASES
from test_remote_store import _value

from pbkg.catalog import load_catalog
from pbkg.terms import rdflib_to_json

# rdflib's own N-Quads parser and GRAPH ?g call its deprecated Dataset methods
pytestmark = [pytest.mark.filterwarnings(f"ignore:Dataset.{name} is deprecated:DeprecationWarning")
              for name in ("default_context", "contexts")]


@pytest.fixture(scope="module")
def dataset(built_dist: Path) -> rdflib.Dataset:
    loaded = rdflib.Dataset(default_union=True)
    loaded.parse(built_dist / "pbkg.nq", format="nquads")
    return loaded


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_cases_on_rdflib(case: Path, dataset: rdflib.Dataset, project):
    spec = json.loads(case.read_text(encoding="utf-8"))
    query = load_catalog(project.queries)[case.stem.split(".")[0]]
    rows = [{str(k): rdflib_to_json(v) for k, v in row.asdict().items()}
            for row in dataset.query(query.render(spec["params"]))]
    got = [tuple(_value(r, c) for c in spec["columns"]) for r in rows]
    assert sorted(set(got)) == sorted({tuple(r) for r in spec["rows"]})
    assert len(got) == len(set(got)), "duplicate rows"
