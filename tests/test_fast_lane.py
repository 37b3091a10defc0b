"""The fast lane (api/fast_lane.py): bounded /sparql GETs answered before FastAPI's routing give
exactly the answer of the /sparql route, headers included; everything else reaches the route."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.routers.sparql as sparql_router
from api.app import create_app
from api.fast_lane import FastLane
from pbkg.settings import Settings
from pbkg.store import EmbeddedStore

CM5 = "https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"
ONE = f"SELECT ?p ?o WHERE {{ <{CM5}> ?p ?o }}"
ASK = "ASK { ?s a <https://w3id.org/pbkg/ontology#EmulationCluster> }"
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # bounded by the result limit only
JOIN = f"SELECT ?p ?q WHERE {{ <{CM5}> ?p ?o . ?o ?q ?r }}"  # not bounded: the route


@pytest.fixture(scope="module")
def lane_store(built_dist: Path):
    store = EmbeddedStore.from_dist(built_dist)
    store.start_workers()
    # The validators (ETag, Last-Modified) come from the build the app is told about.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PBKG_DIST", str(built_dist))
        yield store
    store.close()


def client(store, *, lane: bool, **settings) -> TestClient:
    base = {"query_timeout": 10.0, "result_limit": 10_000}
    app = create_app(Settings(**{**base, **settings}), store=store)
    if not lane:
        app.user_middleware = [m for m in app.user_middleware if m.cls is not FastLane]
    return TestClient(app)


def get(c: TestClient, query: str | None, extra: str = "", **headers: str):
    params = urllib.parse.urlencode({"query": query}) if query is not None else ""
    return c.get(f"/sparql?{params}{extra}", headers=headers)


@pytest.fixture
def routed(monkeypatch) -> list[str]:
    """The queries that reached the /sparql route's handler."""
    seen: list[str] = []
    answer = sparql_router._answer

    async def counting(request, text, *args):
        seen.append(text)
        return await answer(request, text, *args)

    monkeypatch.setattr(sparql_router, "_answer", counting)
    return seen


@pytest.mark.parametrize("query", [ONE, ASK])
@pytest.mark.parametrize("headers", [
    {"Accept": "application/sparql-results+json"},
    {"Accept": "application/sparql-results+xml"},
    {"Accept": "text/csv"},
    {"Accept": "text/tab-separated-values"},
    {"Accept": "*/*"},
    {},
    {"Accept": "application/json", "Accept-Encoding": "gzip"},
    {"Accept": "text/csv;q=0.5, application/sparql-results+xml"},
])
def test_lane_answers_as_the_route(lane_store, routed, query, headers):
    with client(lane_store, lane=True) as fast, client(lane_store, lane=False) as slow:
        a, b = get(fast, query, **headers), get(slow, query, **headers)
    assert a.status_code == b.status_code == 200
    assert a.headers.items() == b.headers.items()
    assert a.content == b.content
    assert routed == [query]  # only the app without the lane went through the route


def test_lane_keeps_the_validators(lane_store, routed):
    with client(lane_store, lane=True) as fast:
        first = get(fast, ONE)
        again = get(fast, ONE, **{"If-None-Match": first.headers["etag"]})
    assert first.headers["etag"] and again.status_code == 304
    assert routed == []


@pytest.mark.parametrize("query, extra, headers, status", [
    (JOIN, "", {"Accept": "application/sparql-results+json"}, 200),  # not bounded
    (ONE, "", {"Accept": "text/html"}, 200),  # a browser: the editor
    (ONE, "&format=csv", {}, 200),  # another parameter
    (ONE, "", {"Accept": "text/turtle"}, 406),  # no SELECT format
    (ALL, "", {"Accept": "application/sparql-results+json"}, 400),  # over the result limit
    (ONE, "", {"Authorization": "Bearer nope"}, 200),  # tokens are the route's
])
def test_others_reach_the_route(lane_store, routed, query, extra, headers, status):
    with client(lane_store, lane=True, result_limit=50) as fast, \
            client(lane_store, lane=False, result_limit=50) as slow:
        a, b = get(fast, query, extra, **headers), get(slow, query, extra, **headers)
    assert a.status_code == b.status_code == status
    assert a.headers.get("content-type") == b.headers.get("content-type")
    if status == 200 and "html" not in a.headers["content-type"]:
        assert a.content == b.content
    assert routed == [query, query]  # both apps answered through the route
