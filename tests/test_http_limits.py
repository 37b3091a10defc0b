"""Bounds on what a request may cost before any query runs: the policy check never stalls the
event loop (a server started here, real sockets), request size (413) and nesting depth (400)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_serve_process import free_port

from api.app import create_app
from pbkg.settings import Settings
from pbkg.sparql_policy import check, inspect

LOOKUP = "/api/clusters/to-chuc-xay-dung-dang-cum-5"


def big_query(size: int) -> str:
    """A cheap query of about `size` bytes that says "service" in a comment: the old check
    re-parsed such a text with rdflib on the event loop (seconds per 100 KB of VALUES)."""
    head = "# this query uses no service\nSELECT ?x WHERE { VALUES ?x { "
    values = []
    total = len(head)
    i = 0
    while total < size - 40:
        item = f'"value {i}" '
        values.append(item)
        total += len(item)
        i += 1
    return head + "".join(values) + "} } LIMIT 1"


@pytest.fixture(scope="module")
def server(built_dist: Path, tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("limits") / "serve.log"
    env = {**os.environ, "PBKG_DIST": str(built_dist), "PBKG_QUERY_TIMEOUT": "20"}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--host",
                                    "127.0.0.1", "--port", str(port)], stdout=log,
                                   stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}{LOOKUP}", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"pbkg serve did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def _timed_get(url: str) -> float:
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        assert r.status == 200
    return time.monotonic() - start


def test_a_large_query_does_not_stall_other_requests(server):
    text = big_query(1_000_000)
    assert 990_000 < len(text.encode()) < 1_048_576
    outcome: dict[str, object] = {}

    def send() -> None:
        request = urllib.request.Request(f"{server}/sparql", data=text.encode(),
                                         headers={"Content-Type": "application/sparql-query"})
        start = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=120) as r:
                outcome["status"] = r.status
                r.read()
        except urllib.error.HTTPError as exc:
            outcome["status"] = exc.code
        outcome["seconds"] = time.monotonic() - start

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.3)  # the body is uploaded and being checked
    waits = []
    for _ in range(5):
        waits.append(_timed_get(f"{server}/static/pbkg.css"))
        waits.append(_timed_get(f"{server}{LOOKUP}"))
    sender.join(timeout=120)
    # Unloaded, each answer takes milliseconds; the old check held them for tens of seconds.
    assert max(waits) < 3.0, f"requests waited {max(waits):.1f} s behind the large query"
    assert outcome.get("status") == 200, outcome


def test_policy_check_is_linear_and_parser_free():
    """The check finds SERVICE hidden behind a '<' the tokenizer reads as an IRI (the parser
    reads less-than), without a parser, on a megabyte in well under a second."""
    hidden = ("SELECT * WHERE { ?s ?p ?o FILTER(?o<'x>') SERVICE <http://example.org/> "
              "{ ?x ?y ?z FILTER(?z='') } }")
    with pytest.raises(Exception, match="SERVICE"):
        check(inspect(hidden))
    check(inspect(big_query(1_000_000)))


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(max_query_bytes=10_000, max_query_depth=50),
                                 store=store))


def _problem(response, status: int) -> str:
    assert response.status_code == status, response.text
    return response.text


def test_query_over_the_size_limit_is_413(client):
    query = big_query(20_000)
    for response in (
        client.post("/sparql", content=query.encode(),
                    headers={"Content-Type": "application/sparql-query"}),
        client.post("/sparql", data={"query": query}),
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", content=b"INSERT DATA {}" + b" " * 20_000,
                    headers={"Content-Type": "application/sparql-update"}),
    ):
        assert "PBKG_MAX_QUERY_BYTES" in _problem(response, 413)
    assert client.post("/sparql", content=big_query(9_000).encode(),
                       headers={"Content-Type": "application/sparql-query"}).status_code == 200


def test_five_megabytes_are_refused_unread(client):
    body = b"SELECT * WHERE { ?s ?p ?o }" + b" " * 5_000_000
    response = client.post("/sparql", content=body,
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_deep_nesting_is_a_clear_400(client):
    deep = "SELECT * WHERE " + "{" * 4_000 + " ?s ?p ?o " + "}" * 4_000
    text = _problem(client.post("/sparql", content=deep.encode(),
                                headers={"Content-Type": "application/sparql-query"}), 400)
    assert "nests brackets more than 50 levels deep" in text
    chained = "SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(["1"] * 1_200) + ") }"
    text = _problem(client.post("/sparql", content=chained.encode(),
                                headers={"Content-Type": "application/sparql-query"}), 400)
    assert "operators" in text
    shallow = "SELECT * WHERE " + "{" * 40 + " ?s ?p ?o " + "}" * 40 + " LIMIT 1"
    assert client.get("/sparql", params={"query": shallow}).status_code == 200
