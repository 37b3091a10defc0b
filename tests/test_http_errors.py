"""One error shape: every error of every route is RFC 9457 problem details
(application/problem+json: type, title, status, detail), FastAPI's own 422/404/405 included;
a browser gets an HTML page instead. The OpenAPI document says so for every operation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.settings import Settings

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(max_query_bytes=5_000), store=store))


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status and body["detail"] and body["title"]
    return body


@pytest.mark.parametrize("method,url,kwargs,status,type_", [
    ("get", "/no/such/path", {}, 404, "about:blank"),
    ("get", "/api/search", {}, 422, "urn:pbkg:problem:invalid-parameter"),
    ("get", "/api/search?q=ca&limit=0", {}, 422, "urn:pbkg:problem:invalid-parameter"),
    ("get", "/api/clusters/no-such-cluster", {}, 404, "urn:pbkg:problem:not-found"),
    ("get", "/api/queries/nope", {}, 404, "urn:pbkg:problem:not-found"),
    ("get", "/api/queries/cluster-chairs?year=twenty", {}, 422,
     "urn:pbkg:problem:invalid-parameter"),
    ("get", "/sparql?query=SELEC", {}, 400, "urn:pbkg:problem:query-error"),
    ("get", "/sparql?query=SELECT%20*%20WHERE%20%7BSERVICE%20%3Cx%3E%20%7B%7D%7D", {}, 403,
     "urn:pbkg:problem:query-refused"),
    ("get", "/sparql?query=ASK%7B%7D&format=turtle", {}, 406, "urn:pbkg:problem:not-acceptable"),
    ("post", "/sparql", {"content": b"x", "headers": {"Content-Type": "text/plain"}}, 415,
     "urn:pbkg:problem:unsupported-media-type"),
    ("post", "/sparql", {"content": b"ASK {}" + b" " * 6_000,
                         "headers": {"Content-Type": "application/sparql-query"}}, 413,
     "urn:pbkg:problem:query-too-large"),
    ("get", "/id/cluster/no-such-cluster", {"headers": {"Accept": "text/turtle"}}, 404,
     "urn:pbkg:problem:not-found"),
    ("get", "/id/cluster/to-chuc-xay-dung-dang-cum-5", {"headers": {"Accept": "image/png"}},
     406, "urn:pbkg:problem:not-acceptable"),
    ("delete", "/api/clusters", {}, 405, "about:blank"),
])
def test_every_error_is_problem_details(client, method, url, kwargs, status, type_):
    body = problem(getattr(client, method)(url, **kwargs), status)
    assert body["type"] == type_


def test_validation_errors_name_the_parameter(client):
    body = problem(client.get("/api/search?q=ca&limit=0"), 422)
    assert "parameter 'limit' (query)" in body["detail"]
    assert body["errors"][0]["location"] == "parameter 'limit' (query)"
    body = problem(client.get("/api/queries/cluster-chairs?year=twenty"), 422)
    assert body["parameter"] == "year"


def test_allow_header_lists_every_method_of_the_path(client):
    response = client.delete("/sparql")
    problem(response, 405)
    assert {m.strip() for m in response.headers["allow"].split(",")} >= {"GET", "POST",
                                                                       "OPTIONS"}
    assert "DELETE" not in response.headers["allow"]


@pytest.mark.parametrize("url", ["/no/such/path", "/api/search?q=ca&limit=0"])
def test_browsers_get_an_html_error_page(client, url):
    response = client.get(url, headers={"Accept": BROWSER})
    assert response.status_code in (404, 422)
    assert response.headers["content-type"].startswith("text/html")
    assert f"{response.status_code}" in response.text and "<html" in response.text


def test_openapi_documents_problem_details_for_every_error(client):
    spec = client.get("/openapi.json").json()
    assert "Problem" in spec["components"]["schemas"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert "default" in responses, f"{method} {path}"
            for code, response in responses.items():
                if code == "default" or int(code) >= 400:
                    assert "application/problem+json" in response["content"], \
                        f"{method} {path} {code}"
