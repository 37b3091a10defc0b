"""A slow, down or failing SPARQL server: every request ends within its total deadline, the API
answers 502 or 504 without the server's address, and the CLI says what went wrong."""

from __future__ import annotations

import os
import socket
import socketserver
import subprocess
import sys
import threading
import time

import pytest

from pbkg.errors import QueryError
from pbkg.remote import RemoteStore
from pbkg.upstream import UpstreamError, UpstreamTimeout

BYTE_EVERY = 3.0  # seconds between two bytes of the slow server


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(5)
        try:
            self.request.recv(65536)
            mode = self.server.mode  # type: ignore[attr-defined]
            if mode == "trickle-body":
                self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-"
                                     b"results+json\r\nContent-Length: 1000\r\n\r\n")
            if mode in ("trickle-body", "trickle-headers"):
                # a byte every BYTE_EVERY s, for 30 bytes at most (a bounded test server)
                payload = b"HTTP/1.1 200 OK\r\nX-Slow: yes" if mode == "trickle-headers" \
                    else b'{"head": {}, "boolean": true' + b" " * 100
                for byte in payload[:30]:
                    self.request.sendall(bytes([byte]))
                    time.sleep(BYTE_EVERY)
            elif mode == "anytime":  # Virtuoso's partial answer at its time limit
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
                self.request.sendall(b"HTTP/1.1 200 OK\r\nX-SQL-State: S1TAT\r\nContent-Type: "
                                     b"application/sparql-results+json\r\nContent-Length: "
                                     + str(len(body)).encode() + b"\r\n\r\n" + body)
            elif mode.startswith("status-"):
                status, body = mode[7:10], mode[11:].encode()
                self.request.sendall(b"HTTP/1.1 " + status.encode() + b" Failed\r\nContent-Type:"
                                     b" text/plain\r\nContent-Length: " + str(len(body)).encode()
                                     + b"\r\nConnection: close\r\n\r\n" + body)
        except OSError:
            pass  # the client hung up: what a deadline does


@pytest.fixture
def fake_server():
    servers = []

    def start(mode: str) -> str:
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.mode = mode  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/sparql"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _down_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/sparql"


@pytest.mark.parametrize("mode", ["trickle-body", "trickle-headers"])
def test_a_trickling_server_cannot_hold_a_request_past_its_deadline(fake_server, mode):
    store = RemoteStore(fake_server(mode), timeout=2.0)
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout, match="within 2 s"):
        store.query("ASK { ?s ?p ?o }")
    elapsed = time.monotonic() - started
    # per-read timeouts would wait for 30 bytes x 3 s; the deadline ends it at 2 s
    assert 1.9 <= elapsed < 2.0 + BYTE_EVERY


def test_failures_are_told_apart(fake_server):
    with pytest.raises(UpstreamError, match="cannot be reached"):
        RemoteStore(_down_url(), timeout=2).query("ASK {}")
    with pytest.raises(UpstreamError, match="HTTP 500: boom"):
        RemoteStore(fake_server("status-500 boom"), timeout=2).query("ASK {}")
    with pytest.raises(UpstreamTimeout, match="own time limit"):
        RemoteStore(fake_server("status-503 Query timeout"), timeout=2).query("ASK {}")
    with pytest.raises(UpstreamTimeout, match="partial result"):
        RemoteStore(fake_server("anytime"), timeout=2).query("SELECT ?s WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="refused the query: bad syntax") as refused:
        RemoteStore(fake_server("status-400 bad syntax"), timeout=2).query("ASK {}")
    assert not isinstance(refused.value, UpstreamError)


def test_the_api_answers_502_and_504_without_the_servers_address(fake_server, monkeypatch):
    from fastapi.testclient import TestClient

    from api.app import create_app

    cases = [(fake_server("trickle-body"), 504), (_down_url(), 502),
             (fake_server("status-500 crashed at http://127.0.0.1/internal"), 502),
             (fake_server("status-404 no such endpoint"), 502)]
    for url, status in cases:
        port = url.split(":")[2].split("/")[0]
        monkeypatch.setenv("PBKG_QUERY_TIMEOUT", "1.5")  # the API's time limit per query
        client = TestClient(create_app(store=RemoteStore(url, timeout=1.5)))
        for path in ("/sparql?query=ASK%20%7B%7D", "/api/queries/province-lineage"):
            started = time.monotonic()
            r = client.get(path, headers={"Accept": "application/json"})
            assert time.monotonic() - started < 1.5 + 1.5
            assert r.status_code == status, (url, path, r.text)
            assert port not in r.text and "127.0.0.1" not in r.text, r.text
            assert "sparql" not in r.text.lower().replace("sparql server", "")


def test_the_cli_reports_a_down_server_clearly(tmp_path):
    env = {**os.environ, "PBKG_SPARQL_ENDPOINT": _down_url(), "PBKG_QUERY_TIMEOUT": "3"}
    run = subprocess.run([sys.executable, "-m", "pbkg.cli", "sparql", "ASK {}"],
                         capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode == 2
    assert run.stderr.startswith("pbkg: the SPARQL server cannot be reached"), run.stderr
    assert "Traceback" not in run.stderr


def test_pbkg_load_names_the_server_it_cannot_reach(built_dist):
    url = _down_url().replace("/sparql", "/store")
    run = subprocess.run([sys.executable, "-m", "pbkg.cli", "load", "--to", url, "--dist",
                          str(built_dist)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith(f"pbkg: {url}: the SPARQL server cannot be reached"), run.stderr
    run = subprocess.run([sys.executable, "-m", "pbkg.cli", "load", "--to",
                          "http://127.0.0.1:9/somewhere", "--dist", str(built_dist)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "give it with --query URL" in run.stderr, run.stderr
