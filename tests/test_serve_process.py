"""`pbkg serve` as a user runs it: a real process on a free loopback port, real HTTP requests,
one log line per request, and a clean stop (no query worker left behind)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def processes_with(marker: str) -> list[int]:
    """Pids whose command line contains `marker` (the server, its zygote and workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline:
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def server(built_dist: Path, tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    log = log_path.open("wb")
    env = {**os.environ, "PBKG_DIST": str(built_dist), "PBKG_QUERY_TIMEOUT": "5"}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    start = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                               env=env)
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/queries", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() - start > 30:
            process.kill()
            log.close()
            pytest.fail(f"pbkg serve did not start:\n{log_path.read_text()}")
        time.sleep(0.1)
    ready = time.monotonic() - start
    yield {"base": base, "process": process, "log": log_path, "ready": ready, "port": port}
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    log.close()


def get(url: str, accept: str | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=30) as r:
        return r.status, r.headers["Content-Type"], r.read().decode("utf-8")


def test_starts_in_a_few_seconds(server):
    assert server["ready"] < 20, f"ready after {server['ready']:.1f}s"


def test_sparql_json(server, built_dist):
    manifest = json.loads((built_dist / "manifest.json").read_text(encoding="utf-8"))
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    status, ctype, body = get(f"{server['base']}/sparql?query={query}")
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == manifest["quads"]


def test_sparql_post_form(server):
    data = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    request = urllib.request.Request(f"{server['base']}/sparql", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        assert json.loads(r.read()) == {"head": {}, "boolean": True}


def test_named_query_csv(server):
    status, ctype, body = get(f"{server['base']}/api/queries/cluster-chairs?year=2023"
                              "&cluster=to-chuc-xay-dung-dang-cum-5", accept="text/csv")
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {(r["role"], r["unitLabel"]) for r in rows} >= {
        ("chair", "Ban Tổ chức Tỉnh ủy Kiên Giang")}


def test_refusal_over_http(server):
    query = urllib.parse.quote("SELECT * WHERE { SERVICE <http://example.org/sparql> "
                               "{ ?s ?p ?o } }")
    with pytest.raises(urllib.error.HTTPError) as info:
        get(f"{server['base']}/sparql?query={query}")
    assert info.value.code == 403


def test_one_log_line_per_request(server):
    get(f"{server['base']}/api/queries/conferences", accept="text/csv")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = server["log"].read_text(encoding="utf-8").splitlines()
        hits = [line for line in lines if "pbkg.api" in line
                and "GET /api/queries/conferences 200" in line]
        if hits:
            break
        time.sleep(0.1)
    assert len(hits) == 1, "\n".join(lines)
    assert not [line for line in lines if '"GET /api/queries/conferences' in line], \
        "uvicorn's access log would log the request twice"


def test_stops_cleanly_without_leftover_workers(server):
    marker = f"--port {server['port']}"
    assert len(processes_with(marker)) >= 2  # the server and its query worker zygote
    process = server["process"]
    process.send_signal(signal.SIGINT)  # Ctrl-C: uvicorn shuts down, then exits with 130
    assert process.wait(timeout=15) in (0, 130)
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_with(marker) == []
    assert "Finished server process" in server["log"].read_text(encoding="utf-8")


def test_a_server_process_tunes_the_collector():
    # In a fresh interpreter, as `pbkg serve` does before it serves: what is alive is frozen out
    # of the collector's scans, and the youngest generation waits for 50,000 allocations.
    code = ("import gc, json; from api.server import tune_gc; before = gc.get_threshold(); "
            "tune_gc(); print(json.dumps([before, gc.get_threshold(), gc.get_freeze_count()]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parents[1], check=True).stdout
    before, after, frozen = json.loads(out)
    assert before == [700, 10, 10] and after == [50_000, 20, 100] and frozen > 1000
