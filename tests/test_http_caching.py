"""ETag / Last-Modified from the build (repeats answer 304 without work), Cache-Control, gzip."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import STATIC, create_app
from pbkg.settings import Settings
from pbkg.store import EmbeddedStore

CM5 = "/api/clusters/to-chuc-xay-dung-dang-cum-5"


class CountingStore:
    """The store, counting the queries it is asked. It reports itself mutable so that no answer
    kept from an earlier test on the shared store hides the first request's work."""

    immutable = False

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store
        self.calls = 0

    def query(self, *args, **kwargs):
        self.calls += 1
        return self._store.query(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._store, name)


@pytest.fixture()
def counting(store):
    return CountingStore(store)


def make_client(monkeypatch, built_dist: Path, store, **settings) -> TestClient:
    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    return TestClient(create_app(Settings(**settings), store=store))


def test_repeat_is_304_without_work(monkeypatch, built_dist, counting):
    client = make_client(monkeypatch, built_dist, counting)
    first = client.get(CM5)
    assert first.status_code == 200
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "public, max-age=300"
    calls = counting.calls
    assert calls > 0
    again = client.get(CM5, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    since = client.get(CM5, headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    assert counting.calls == calls, "a 304 must not run any query"
    # Another representation has another tag; a stale tag gets the full answer.
    turtle = client.get("/id/cluster/to-chuc-xay-dung-dang-cum-5",
                        headers={"Accept": "text/turtle"})
    html = client.get("/id/cluster/to-chuc-xay-dung-dang-cum-5", headers={"Accept": "text/html"})
    assert turtle.headers["etag"] != html.headers["etag"]
    stale = client.get(CM5, headers={"If-None-Match": 'W/"0000-0000"'})
    assert stale.status_code == 200 and stale.json() == first.json()


def test_tag_follows_the_build(monkeypatch, built_dist, tmp_path, store):
    tag = make_client(monkeypatch, built_dist, store).get(CM5).headers["etag"]
    other = tmp_path / "dist"
    other.mkdir()
    (other / "manifest.json").write_text('{"other": "build"}\n', encoding="utf-8")
    assert make_client(monkeypatch, other, store).get(CM5).headers["etag"] != tag


def test_no_tag_when_the_data_can_change(monkeypatch, built_dist, store):
    client = make_client(monkeypatch, built_dist, store, update_token="secret")
    response = client.get(CM5)
    assert response.status_code == 200 and "etag" not in response.headers


def test_errors_and_posts_carry_no_tag(monkeypatch, built_dist, store):
    client = make_client(monkeypatch, built_dist, store)
    assert "etag" not in client.get("/api/clusters/no-such-cluster").headers
    posted = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert posted.status_code == 200 and "etag" not in posted.headers


def test_gzip(monkeypatch, built_dist, store):
    client = make_client(monkeypatch, built_dist, store)
    script = STATIC / "yasgui" / "yasgui.min.js"
    for _ in range(2):  # the second answer comes from the kept compressed copy
        response = client.get("/static/yasgui/yasgui.min.js",
                              headers={"Accept-Encoding": "gzip"})
        assert response.headers["content-encoding"] == "gzip"
        assert response.content == script.read_bytes()
        assert int(response.headers["content-length"]) < script.stat().st_size / 2
        assert "max-age=86400" in response.headers["cache-control"]
        assert "Accept-Encoding" in response.headers["vary"]
    api = client.get(CM5, headers={"Accept-Encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["id"]
    plain = client.get(CM5, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == api.json()
    small = client.get("/api/queries/nope", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_dumps_are_streamed_uncompressed(monkeypatch, built_dist, store):
    client = make_client(monkeypatch, built_dist, store)
    response = client.get("/dumps/pbkg.nt", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "content-encoding" not in response.headers
    assert response.content == (built_dist / "pbkg.nt").read_bytes()


def test_public_base_dump_is_rewritten_in_blocks(built_dist):
    from api.routers.linked_data import _rewritten
    from pbkg.linked_data import Links

    links = Links("https://w3id.org/pbkg/", "https://example.org/kg/")
    dump = built_dist / "pbkg.nt"
    parts = list(_rewritten(dump, links, block=4093))  # blocks that cut lines and IRIs
    assert len(parts) > 10
    assert b"".join(parts) == dump.read_bytes().replace(b"https://w3id.org/pbkg/",
                                                        b"https://example.org/kg/")
