"""One suite, every backend: the golden query cases of tests/cases/queries run on the embedded
store and on a real Oxigraph server loaded through the Graph Store Protocol."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_queries import CASES, _value

from pbkg.catalog import load_catalog
from pbkg.errors import QueryError
from pbkg.remote import RemoteStore, load_to_graph_store
from pbkg.results import GraphResult
from pbkg.store import EmbeddedStore, QueryTimeout, ResultTooLarge

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph, part of the "
                    "'test' extra); CI installs it")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "30"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph serve did not start: {process.returncode}")
            time.sleep(0.1)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def remote(oxigraph_url: str, built_dist: Path) -> RemoteStore:
    report = load_to_graph_store(f"{oxigraph_url}/store", built_dist)
    manifest = json.loads((built_dist / "manifest.json").read_text(encoding="utf-8"))
    assert report.triples == manifest["quads"]
    assert sorted(report.graphs) == manifest["graphs"]
    return RemoteStore(f"{oxigraph_url}/query", timeout=30)


@pytest.fixture(scope="module")
def stores(store: EmbeddedStore, remote: RemoteStore) -> dict:
    return {"embedded": store, "remote": remote}


@pytest.mark.parametrize("backend", ["embedded", "remote"])
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_cases_on_every_backend(case: Path, backend: str, stores, project):
    spec = json.loads(case.read_text(encoding="utf-8"))
    query = load_catalog(project.queries)[case.stem.split(".")[0]]
    result = stores[backend].query(query.render(spec["params"]))
    got = [tuple(_value(r, c) for c in spec["columns"]) for r in result.rows]
    assert sorted(set(got)) == sorted({tuple(r) for r in spec["rows"]})
    assert len(got) == len(set(got)), "duplicate rows"


@pytest.mark.parametrize("name", sorted(p.stem for p in Path(__file__).parent.parent.joinpath(
    "queries").glob("*.rq")))
def test_backends_return_identical_rows(name: str, stores, project):
    query = load_catalog(project.queries)[name].render({})
    embedded, remote = stores["embedded"].query(query), stores["remote"].query(query)
    assert embedded.variables == remote.variables
    # SAMPLE and GROUP_CONCAT depend on storage order, which differs between the two stores.
    loose = set(re.findall(r"(?:SAMPLE|GROUP_CONCAT)\(.*?\)\s+AS\s+\?(\w+)", query, re.I))

    def key(row: dict) -> str:
        return json.dumps({k: v for k, v in row.items() if k not in loose}, sort_keys=True)

    assert sorted(map(key, embedded.rows)) == sorted(map(key, remote.rows))
    assert len(embedded.rows) == len(remote.rows) > 0


def test_ask_and_graph_results_agree(stores):
    cum5 = "https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"
    for store in stores.values():
        assert store.query(f"ASK {{ <{cum5}> ?p ?o }}").value is True
        assert store.query("ASK { <https://w3id.org/pbkg/id/none> ?p ?o }").value is False
    graphs = [stores[b].query(f"DESCRIBE <{cum5}>") for b in ("embedded", "remote")]
    assert all(isinstance(g, GraphResult) for g in graphs)
    as_set = [{json.dumps(t, sort_keys=True) for t in g.triples} for g in graphs]
    assert as_set[0] == as_set[1] and len(as_set[0]) > 5


def test_reload_replaces_graphs_without_duplicates(oxigraph_url, remote, store, built_dist):
    before = remote.query(PER_GRAPH).rows
    expected = store.query(PER_GRAPH).rows
    assert before == expected
    for _ in range(2):
        load_to_graph_store(f"{oxigraph_url}/store", built_dist)
        assert remote.query(PER_GRAPH).rows == before
    total = remote.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(total.values("n")[0]) == len(store)


def test_remote_dataset_and_named_graphs(remote, store):
    reference = "https://w3id.org/pbkg/graph/reference"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert remote.query(count, default_graph=[reference]).values("n") == \
        store.query(count, default_graph=[reference]).values("n")
    assert remote.named_graphs() == store.named_graphs()


def test_remote_limits_and_errors(remote):
    with pytest.raises(ResultTooLarge):
        remote.query("SELECT * WHERE { ?s ?p ?o }", limit=10)
    with pytest.raises(QueryError, match="400|QueryBadFormed"):
        remote.query("SELECT * WHERE { ?s ?p ?o")
    with pytest.raises(QueryTimeout):
        # about 2*10^7 joined rows: seconds of work for the server, bounded by its --timeout-s
        remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=0.2)
    with pytest.raises(QueryError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=2).query("ASK {}")


def test_cli_and_api_use_the_remote_store(remote, built_dist, project, monkeypatch):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from pbkg.cli import open_store

    monkeypatch.setenv("PBKG_SPARQL_ENDPOINT", remote.endpoint)
    opened = open_store(project, quiet=True)
    assert isinstance(opened, RemoteStore) and opened.endpoint == remote.endpoint
    run = subprocess.run([sys.executable, "-m", "pbkg.cli", "query", "cluster-chairs", "-f",
                          "csv", "-p", "year=2023"], capture_output=True, text=True,
                         timeout=120, env={**os.environ,
                                           "PBKG_SPARQL_ENDPOINT": remote.endpoint,
                                           "PBKG_DIST": str(built_dist)})
    assert run.returncode == 0, run.stderr
    assert "Ban Tổ chức Tỉnh ủy Kiên Giang" in run.stdout
    client = TestClient(create_app(store=remote))
    r = client.get("/api/queries/cluster-chairs", params={"year": "2023"},
                   headers={"Accept": "text/csv"})
    assert r.status_code == 200 and "Ban Tổ chức Tỉnh ủy Kiên Giang" in r.text
    r = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/"
                                                "sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403
