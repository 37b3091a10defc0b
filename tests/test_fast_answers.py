"""Queries whose cost the result limit bounds run in process, with the same answers and limits
as in a worker; the others still go to a killable worker."""

from __future__ import annotations

import pytest

from pbkg.formats import FORMATS
from pbkg.store import ResultTooLarge, bounded

CM5 = "https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"


@pytest.mark.parametrize("query", [
    f"SELECT ?p ?o WHERE {{ <{CM5}> ?p ?o }}",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    'SELECT ?s WHERE { ?s rdfs:label "Cà Mau"@vi . } LIMIT 10',
    "ASK { ?s a <https://w3id.org/pbkg/ontology#EmulationCluster> }",
    "select ?s ?p ?o where {?s ?p ?o} limit 5 offset 3",
])
def test_bounded(query):
    assert bounded(query)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT DISTINCT ?p WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s ?p ?o . ?o ?q ?r }",
    "SELECT ?s WHERE { ?s <urn:p>* ?o }",
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s",
    "SELECT ?s FROM <urn:g> WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s ?p ?o FILTER(?o > 1) }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s <urn:p> [] }",
    "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?s WHERE { ?s ?p ?o } # } ORDER BY ?s",
    "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s",
])
def test_not_bounded(query):
    assert not bounded(query)


def serialized(store, query, **options):
    return store.query_serialized(query, results_format=FORMATS["json"],
                                  graph_format=FORMATS["turtle"], **options).body


def test_in_process_answers_like_a_worker(store):
    query = f"SELECT ?p ?o WHERE {{ <{CM5}> ?p ?o }}"
    assert store.answers_in_process(query)
    in_process = serialized(store, query, limit=10_000, timeout=5.0)
    in_worker = store._workers().run(dict(  # the worker path, for comparison
        sparql=query, results_format="json", graph_format="turtle", limit=10_000,
        default_graph=None, named_graphs=None), 5.0)[2]
    assert in_process == in_worker and b"bindings" in in_process


def test_in_process_keeps_the_result_limit(store):
    with pytest.raises(ResultTooLarge):
        serialized(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=5, timeout=5.0)


def test_workers_are_retired_after_many_queries(built_dist, monkeypatch):
    import pbkg.store as store_module
    from pbkg.store import EmbeddedStore

    monkeypatch.setattr(store_module, "RETIRE_AFTER", 2)
    fresh = EmbeddedStore.from_dist(built_dist, workers=1)
    try:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        pids = []
        for _ in range(4):
            assert fresh.query(query, timeout=10).rows[0]["n"]["value"] != "0"
            pool = fresh._workers()
            pids.append(pool._idle[0].pid if pool._idle else None)
        assert pids[0] is not None and pids[2] is not None and pids[0] != pids[2]
        assert pids[1] is None and pids[3] is None  # retired after its second query
        assert len(set(pids) - {None}) == 2
    finally:
        fresh.close()
