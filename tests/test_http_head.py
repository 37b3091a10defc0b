"""HEAD answers what GET answers, without the body: status, Content-Length, ETag and type."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.settings import Settings

PLAIN = {"accept-encoding": "identity"}


@pytest.fixture(scope="module")
def client(store, built_dist):
    # The build the app is told about gives the validators, so ETag is there to compare.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PBKG_DIST", str(built_dist))
        with TestClient(create_app(Settings(), store=store)) as c:
            yield c


@pytest.mark.parametrize("path", [
    "/", "/api/clusters", "/api/clusters/to-chuc-xay-dung-dang-cum-5", "/api/search?q=ca+mau",
    "/sparql?query=ASK%7B%7D", "/api/queries/cluster-chairs?year=2023", "/dumps", "/graph",
    "/ontology", "/id/cluster/to-chuc-xay-dung-dang-cum-5",
    # errors too: a HEAD of a missing or malformed resource says so
    "/api/clusters/no-such-cluster", "/api/search?limit=-4",
])
def test_head_has_the_get_headers_and_no_body(client, path: str) -> None:
    got, head = client.get(path, headers=PLAIN), client.head(path, headers=PLAIN)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    for name in ("content-length", "content-type", "etag"):
        assert head.headers.get(name) == got.headers.get(name), name
    if got.status_code == 200 and not path.startswith("/static"):
        assert got.headers["etag"].startswith('W/"')


def test_other_methods_are_still_refused(client) -> None:
    assert client.post("/api/clusters").status_code == 405
    assert client.delete("/sparql").status_code == 405
