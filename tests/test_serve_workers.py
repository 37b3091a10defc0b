"""`pbkg serve --workers 2`: two server processes forked after the store is opened, one port,
both answering; a dead one is replaced; Ctrl-C stops everything."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def descendants(pid: int) -> list[int]:
    out = []
    for child in children_of(pid):
        out += [child, *descendants(child)]
    return out


def cpu_ticks(pid: int) -> int:
    """User and system time of a process, in clock ticks: it grows only while the process works.
    (Bytes written would depend on the event loop: asyncio's send() is not counted as a write.)"""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture()
def server(built_dist: Path, tmp_path: Path):
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    env = {**os.environ, "PBKG_DIST": str(built_dist), "PBKG_QUERY_WORKERS": "2"}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    process = subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--port", str(port),
                                "--workers", "2"], stdout=log, stderr=subprocess.STDOUT, env=env)
    start = time.monotonic()
    while True:
        try:
            if get(port, "/api/queries")[0] == 200 and len(children_of(process.pid)) == 2:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() - start > 60:
            process.kill()
            pytest.fail((tmp_path / "serve.log").read_text())
        time.sleep(0.1)
    yield process, port
    if process.poll() is None:
        process.kill()
        process.wait()
    log.close()


def test_two_processes_answer_and_stop_together(server):
    process, port = server
    servers = children_of(process.pid)
    assert len(servers) == 2
    before = {pid: cpu_ticks(pid) for pid in servers}
    for _ in range(120):  # one connection each: the kernel spreads them
        status, body = get(port, "/api/clusters/to-chuc-xay-dung-dang-cum-5")
        assert status == 200 and json.loads(body)["id"] == "to-chuc-xay-dung-dang-cum-5"
    grown = {pid: cpu_ticks(pid) - before[pid] for pid in servers}
    assert all(g >= 5 for g in grown.values()), grown  # both answered (an idle one stays ~0)
    everything = descendants(process.pid)
    assert len(everything) >= 4  # two servers, each with its query-worker zygote
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    time.sleep(0.5)
    assert [pid for pid in everything if Path(f"/proc/{pid}").exists()
            and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]] == []


def test_a_dead_server_process_is_replaced(server):
    process, port = server
    victim = children_of(process.pid)[0]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        now = children_of(process.pid)
        if len(now) == 2 and victim not in now:
            break
        time.sleep(0.1)
    assert len(children_of(process.pid)) == 2 and victim not in children_of(process.pid)
    for _ in range(10):
        assert get(port, "/api/queries")[0] == 200
