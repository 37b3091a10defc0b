"""Issue 11, finding 2: runaway queries must not starve anyone. A real `pbkg serve` with three
query workers, one running query per client address, a 6 s time limit and a 200 MB memory cap
per query; clients are told apart by their source address (127.0.0.x, all loopback)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

TIMEOUT = 6.0
CM5 = "to-chuc-xay-dung-dang-cum-5"
# Runs far longer than the limit in constant memory (COUNT over a three-way cartesian product).
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Small, and through the queue (DISTINCT: not a one-pattern lookup answered in process).
SMALL = (f"SELECT DISTINCT ?p ?o WHERE {{ <https://w3id.org/pbkg/id/cluster/{CM5}> ?p ?o }} "
         "LIMIT 5")
# A one-triple-pattern lookup: bounded by the result limit, answered without the queue.
LOOKUP = f"SELECT ?p ?o WHERE {{ <https://w3id.org/pbkg/id/cluster/{CM5}> ?p ?o }} LIMIT 5"
# Sorting the cartesian square of the graph: grows by hundreds of MB a second.
HOG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_dist: Path, tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("starvation") / "serve.log"
    log = log_path.open("wb")
    env = {**os.environ, "PBKG_DIST": str(built_dist), "PBKG_QUERY_TIMEOUT": str(TIMEOUT),
           "PBKG_QUERY_WORKERS": "3", "PBKG_CLIENT_QUERIES": "1", "PBKG_CLIENT_QUEUE": "4",
           "PBKG_QUERY_MEMORY": "200"}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    process = subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    start = time.monotonic()
    while True:
        try:
            status, _, _ = request(port, "/api/queries")
            if status == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() - start > 60:
            process.kill()
            pytest.fail(f"pbkg serve did not start:\n{log_path.read_text()}")
        time.sleep(0.1)
    yield port
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def request(port: int, path: str, source: str = "127.0.0.1", timeout: float = 60,
            accept: str = "application/sparql-results+json") -> tuple[int, float, bytes]:
    """GET from a given loopback source address: (status, seconds, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0))
    start = time.monotonic()
    try:
        conn.request("GET", path, headers={"Accept": accept})
        response = conn.getresponse()
        body = response.read()
        return response.status, time.monotonic() - start, body
    finally:
        conn.close()


def message_of(body: bytes) -> str:
    """The error's text (problem+json `detail`, or the older `message`)."""
    data = json.loads(body)
    return data.get("detail") or data.get("message") or ""


def sparql(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def in_background(port: int, path: str, source: str, out: list) -> threading.Thread:
    thread = threading.Thread(target=lambda: out.append(request(port, path, source)),
                              daemon=True)
    thread.start()
    return thread


def test_runaways_do_not_block_other_clients(server):
    runaways: list = []
    threads = [in_background(server, sparql(RUNAWAY), "127.0.0.2", runaways),
               in_background(server, sparql(RUNAWAY), "127.0.0.3", runaways)]
    time.sleep(1.0)  # both runaways hold a worker now
    # A third runaway from the first address waits behind its own client's query.
    threads.append(in_background(server, sparql(RUNAWAY), "127.0.0.2", runaways))
    time.sleep(0.3)
    small = [request(server, sparql(SMALL), "127.0.0.4") for _ in range(10)]
    named = request(server, f"/api/queries/cluster-chairs?cluster={CM5}&year=2023", "127.0.0.4")
    for t in threads:
        t.join(timeout=3 * TIMEOUT)
    assert all(status == 200 for status, _, _ in small), small
    assert named[0] == 200, named
    assert len(json.loads(small[0][2])["results"]["bindings"]) == 5
    # Bounded: far below the time limit the runaways hold their workers for.
    assert max(seconds for _, seconds, _ in small + [named]) < 2.0, \
        [round(s, 2) for _, s, _ in small + [named]]
    statuses = sorted(status for status, _, _ in runaways)
    assert statuses == [503, 503, 503], runaways
    # Waiting counts in the time limit: the queued one got only what its budget had left.
    messages = sorted(message_of(body) for _, _, body in runaways)
    assert all(f"time limit ({TIMEOUT:g} s" in m for m in messages), messages
    waited = [float(m.split("of which ")[1].split(" s")[0]) for m in messages if "of which" in m]
    assert waited and max(waited) > TIMEOUT - 2, messages
    assert max(seconds for _, seconds, _ in runaways) < TIMEOUT + 3


def test_per_client_limit_is_429(server):
    out: list = []
    threads = [in_background(server, sparql(RUNAWAY), "127.0.0.5", out) for _ in range(5)]
    time.sleep(1.0)
    status, seconds, body = request(server, sparql(SMALL), "127.0.0.5")
    assert status == 429 and seconds < 1.0, (status, seconds, body)
    assert "too many queries from your address" in message_of(body)
    # A one-pattern lookup from the same client is not queued at all.
    status, seconds, body = request(server, sparql(LOOKUP), "127.0.0.5")
    assert status == 200 and seconds < 1.0 and len(json.loads(body)["results"]["bindings"]) == 5
    for t in threads:
        t.join(timeout=6 * TIMEOUT)


def test_runaways_do_not_stall_lookups_and_pages(server):
    # More runaways than the server's thread pool (40), each from its own address.
    out: list = []
    threads = [in_background(server, sparql(RUNAWAY), f"127.0.1.{i}", out) for i in range(48)]
    time.sleep(1.5)
    slowest = 0.0
    for path in (f"/api/clusters/{CM5}", f"/id/cluster/{CM5}",
                 "/api/search?q=Kien%20Giang", "/static/pbkg.css") * 3:
        status, seconds, _ = request(server, path, "127.0.0.9", accept="text/html,*/*;q=0.8")
        assert status == 200, path
        slowest = max(slowest, seconds)
    assert slowest < 2.0, slowest
    for t in threads:
        t.join(timeout=20 * TIMEOUT)
    assert len(out) == 48 and {s for s, _, _ in out} <= {503}, {s for s, _, _ in out}


def test_memory_cap_stops_a_cartesian_sort(server):
    status, seconds, body = request(server, sparql(HOG), "127.0.0.6")
    assert status == 503, (status, body[:300])
    message = message_of(body)
    assert "more memory than a query may use (200 MB)" in message, message
    assert seconds < TIMEOUT, "stopped by the memory cap, not by the time limit"
    # The worker was replaced: the next query is answered.
    status, _, body = request(server, sparql(SMALL), "127.0.0.6")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
