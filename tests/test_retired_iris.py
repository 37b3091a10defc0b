"""Retired IRIs (issue 8): an IRI folded into a kept node answers 301 to that node, in every
format and under a public base, and the dumps keep `<old> owl:sameAs <kept>` so that data saved
with an old IRI still joins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.namespace import DCTERMS, OWL, RDF

from api.app import create_app
from pbkg.settings import Settings

BASE = "https://w3id.org/pbkg/"
PUBLIC = "http://localhost:8000/"
RETIRED = BASE + "id/org/ban-to-chuc-tinh-uy-thanh-hoa-2025"
KEPT = BASE + "id/org/ban-to-chuc-tinh-uy-thanh-hoa"
BROWSER = "text/html,application/xhtml+xml"


def _client(store, project, dist: Path, **settings) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(dist))
        yield TestClient(create_app(settings=Settings(**settings), store=store, project=project),
                         follow_redirects=False)


@pytest.fixture(scope="module")
def client(store, built_dist, project):
    yield from _client(store, project, built_dist)


@pytest.fixture(scope="module")
def public_client(store, built_dist, project):
    yield from _client(store, project, built_dist, public_base=PUBLIC)


@pytest.fixture(scope="module")
def retired(project) -> dict[str, str]:
    """Every retired IRI of the reference data -> its kept node."""
    graph = rdflib.Graph()
    graph.parse(project.root / "data" / "reference" / "retired-iris.ttl", format="turtle")
    pairs = {str(s): str(o) for s, o in graph.subject_objects(OWL.sameAs)}
    assert len(pairs) >= 20
    return pairs


def path_of(iri: str) -> str:
    return "/" + iri[len(BASE):]


def test_a_retired_iri_is_301_to_the_kept_node(client) -> None:
    for accept in (BROWSER, "text/turtle", "application/ld+json"):
        response = client.get(path_of(RETIRED), headers={"Accept": accept})
        assert response.status_code == 301, accept
        assert response.headers["location"] == path_of(KEPT)
    followed = client.get(path_of(KEPT), headers={"Accept": "text/turtle"})
    assert followed.status_code == 200
    graph = rdflib.Graph().parse(data=followed.text, format="turtle")
    assert (rdflib.URIRef(KEPT), RDF.type, None) in graph


def test_the_redirect_keeps_the_extension_and_the_query(client) -> None:
    response = client.get(path_of(RETIRED) + ".ttl")
    assert response.status_code == 301
    assert response.headers["location"] == path_of(KEPT) + ".ttl"
    response = client.get(path_of(RETIRED), params={"format": "jsonld"})
    assert response.headers["location"] == path_of(KEPT) + "?format=jsonld"
    assert client.head(path_of(RETIRED)).status_code == 301


def test_the_redirect_uses_the_public_base(public_client) -> None:
    response = public_client.get(path_of(RETIRED), headers={"Accept": "text/turtle"})
    assert response.status_code == 301
    assert response.headers["location"] == PUBLIC + KEPT[len(BASE):]


def test_every_retired_iri_redirects_to_a_live_node(client, retired) -> None:
    for old, kept in retired.items():
        response = client.get(path_of(old), headers={"Accept": "text/turtle"})
        assert response.status_code == 301, old
        assert response.headers["location"] == path_of(kept), old
        live = client.get(path_of(kept), headers={"Accept": "text/turtle"})
        assert live.status_code == 200, kept


def test_a_post_replaced_by_its_committee_redirects_to_the_committee(client, project) -> None:
    graph = rdflib.Graph()
    graph.parse(project.root / "data" / "reference" / "retired-iris.ttl", format="turtle")
    replaced = list(graph.subject_objects(DCTERMS.isReplacedBy))
    assert replaced
    for old, kept in replaced:
        response = client.get(path_of(str(old)), headers={"Accept": "text/turtle"})
        assert response.status_code == 301, old
        assert response.headers["location"] == path_of(str(kept)), old


def test_a_live_iri_and_an_unknown_one_are_not_redirected(client) -> None:
    assert client.get(path_of(KEPT), headers={"Accept": "text/turtle"}).status_code == 200
    unknown = client.get("/id/org/no-such-body-2025", headers={"Accept": "text/turtle"})
    assert unknown.status_code == 404


@pytest.mark.parametrize("dump", ["pbkg.nt", "pbkg.ttl"])
def test_the_dumps_keep_owl_same_as_for_every_retired_iri(built_dist, retired, dump) -> None:
    graph = rdflib.Graph()
    graph.parse(built_dist / dump, format="nt" if dump.endswith(".nt") else "turtle")
    for old, kept in retired.items():
        assert (rdflib.URIRef(old), OWL.sameAs, rdflib.URIRef(kept)) in graph, old
        # The old IRI keeps no statement of its own besides the link.
        assert set(graph.predicates(rdflib.URIRef(old))) == {OWL.sameAs}, old
