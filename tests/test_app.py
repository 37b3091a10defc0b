"""The app as a whole: every page works offline (no asset from another host)."""

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

PAGES = ["/docs", "/sparql", "/graph", "/id/cluster/to-chuc-xay-dung-dang-cum-5", "/ontology"]
ASSET = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|(?:swagger_js_url|url)\s*:\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store=store)) as c:
        yield c


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_only_local_assets(client, page):
    response = client.get(page, headers={"Accept": "text/html"})
    assert response.status_code == 200, page
    assets = [a or b for a, b in ASSET.findall(response.text)]
    scripts_and_styles = [a for a in assets if a.endswith((".js", ".css"))]
    assert scripts_and_styles, f"{page} references no script or stylesheet"
    for asset in scripts_and_styles:
        assert not asset.startswith(("http:", "https:", "//")), (page, asset)
        url = asset if asset.startswith("/") else "/" + asset.lstrip("./")
        assert client.get(url).status_code == 200, (page, asset)


def test_docs_serve_the_openapi_spec(client):
    spec = client.get("/openapi.json").json()
    assert "/api/clusters/{cluster_id}" in spec["paths"] or any(
        p.startswith("/api/clusters/") for p in spec["paths"])
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
