"""`pbkg load` killed at random points leaves the server with the old build or the new one,
never a mix (issue 11, finding 5): tested against a real `oxigraph serve`, with a throttling
proxy on 127.0.0.1 between them so that the kills land while the update is on the wire, not only
before or after it. Ten kills, a seeded random, bounded in time."""

from __future__ import annotations

import os
import random
import socket
import socketserver
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from sparql_servers import start_oxigraph

from pbkg.load import count_graphs, load_build, read_build
from pbkg.remote import RemoteStore

KILLS = 10
CHUNK, PAUSE = 16_384, 0.02  # the proxy forwards 16 KB every 20 ms: about 0.8 MB/s


class _Proxy(socketserver.ThreadingTCPServer):
    """Forwards to the server, reading the client's update slowly through a small window, and
    records per update how many of its bytes reached the server."""

    daemon_threads = True

    def __init__(self, upstream: tuple[str, int]) -> None:
        super().__init__(("127.0.0.1", 0), _Pipe)
        self.upstream = upstream
        self.update_started = threading.Event()
        self.update_done = threading.Event()
        self.delivered: tuple[int, int] = (0, 0)  # (bytes forwarded, bytes of the request)
        self.cut_at: float | None = None  # drop the update after this fraction of its bytes

    def server_bind(self) -> None:
        # accepted sockets inherit the small window: the client cannot hand the whole update
        # to the kernel at once, so a kill can cut it short
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, CHUNK)
        super().server_bind()


class _Pipe(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server: _Proxy = self.server  # type: ignore[assignment]
        upstream = socket.create_connection(server.upstream, timeout=60)

        def back() -> None:
            try:
                while data := upstream.recv(65536):
                    self.request.sendall(data)
            except OSError:
                pass

        answer = threading.Thread(target=back, daemon=True)
        answer.start()
        forwarded, expected = 0, None
        try:
            while data := self.request.recv(CHUNK):
                if expected is None and data.startswith(b"POST /update"):
                    head, _, _ = data.partition(b"\r\n\r\n")
                    length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")]
                    expected = len(head) + 4 + length[0]
                    server.update_started.set()
                if expected is not None and server.cut_at is not None and \
                        forwarded + len(data) > server.cut_at * expected:
                    # the connection dies here: a reset, as when the client's host goes away
                    upstream.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                    break
                upstream.sendall(data)
                forwarded += len(data)
                if expected is not None:
                    time.sleep(PAUSE)
                    if forwarded >= expected:
                        break
        except OSError:
            pass
        finally:
            try:
                upstream.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            answer.join(timeout=60)
            upstream.close()
            if expected is not None:
                server.delivered = (forwarded, expected)
                server.update_done.set()


def _new_build(old: Path, folder: Path) -> Path:
    """Another build: every graph one triple larger, one graph gone and one new."""
    graphs = read_build(old)
    dropped = sorted(graphs)[-1]
    marker = ox.NamedNode("https://w3id.org/pbkg/ontology#loadTest")
    quads = []
    for name, triples in graphs.items():
        if name == dropped:
            continue
        g = ox.NamedNode(name)
        quads += [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]
        quads.append(ox.Quad(g, marker, ox.Literal("new"), g))
    extra = ox.NamedNode("https://w3id.org/pbkg/graph/extracted/zz-load-test")
    quads.append(ox.Quad(extra, marker, ox.Literal("new"), extra))
    folder.mkdir()
    (folder / "pbkg.nq").write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return folder


def test_a_killed_load_leaves_the_old_or_the_new_build(built_dist, tmp_path):
    server = start_oxigraph(tmp_path / "server")
    proxy = _Proxy(("127.0.0.1", int(server.query_url.split(":")[2].split("/")[0])))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        old, new = built_dist, _new_build(built_dist, tmp_path / "new")
        direct = RemoteStore(server.query_url, timeout=30)
        load_build(server.load_url, old)
        states = {"old": count_graphs(direct), "new": None}
        load_build(server.load_url, new)
        states["new"] = count_graphs(direct)
        assert states["old"] != states["new"]
        assert set(states["old"]) - set(states["new"]) and set(states["new"]) - set(states["old"])
        via_proxy = f"http://127.0.0.1:{proxy.server_address[1]}/store"
        size = len((new / "pbkg.nq").read_bytes())
        wire = size / CHUNK * PAUSE  # seconds the update spends on the wire, about
        rng = random.Random(12)
        seen, moments, cut_mid_update = [], [], 0
        for _ in range(KILLS):
            held = "old" if count_graphs(direct) == states["old"] else "new"
            target = new if held == "old" else old
            proxy.update_started.clear()
            proxy.update_done.clear()
            process = subprocess.Popen(
                [sys.executable, "-m", "pbkg.cli", "load", "--to", via_proxy, "--dist",
                 str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**os.environ, "PBKG_DIST": str(old)})
            # Kill before the update, while it is on the wire, once it has arrived, or with the
            # connection cut mid-update. A killed client's kernel still sends what the client
            # had written, so a kill alone rarely truncates the request: the cut does, as a
            # kill before the kernel had the bytes (or a network failure) would.
            moment = rng.choice(["before", "during", "cut", "cut", "after"])
            moments.append(moment)
            proxy.cut_at = rng.uniform(0.05, 0.95) if moment == "cut" else None
            if moment == "before":
                time.sleep(rng.uniform(0, 0.5))
            else:
                assert proxy.update_started.wait(60), "the load never sent its update"
                if moment == "during":
                    time.sleep(rng.uniform(0, wire * 0.9))
                elif moment == "cut":
                    assert proxy.update_done.wait(60)
                else:
                    time.sleep(wire * 1.5 + 0.5)
            process.kill()
            process.wait(timeout=30)
            if proxy.update_started.is_set():  # what the killed client had sent still arrives
                assert proxy.update_done.wait(60)
                forwarded, expected = proxy.delivered
                cut_mid_update += forwarded < expected
                if forwarded < expected:
                    time.sleep(0.3)
                    assert count_graphs(direct) == states[held], "a cut update was applied"
            time.sleep(0.3)  # let the server finish a request that arrived whole
            now = count_graphs(direct)
            assert now in (states["old"], states["new"]), f"a mix after a kill at {moment}"
            seen.append("old" if now == states["old"] else "new")
        print(f"kills at {Counter(moments)}; the server then held {Counter(seen)}; "
              f"{cut_mid_update} updates cut short")
        assert cut_mid_update >= 3, "too few kills landed while the update was on the wire"
        assert "new" in seen or "old" in seen[1:]  # some kill came after the swap
        proxy.cut_at = None
        report = load_build(via_proxy, new)  # a load that is not killed finishes the job
        assert count_graphs(direct) == states["new"] == report.graphs
    finally:
        proxy.shutdown()
        proxy.server_close()
        server.stop()


def test_graphs_that_left_the_build_are_dropped_and_others_kept(built_dist, tmp_path):
    server = start_oxigraph(tmp_path / "server")
    try:
        direct = RemoteStore(server.query_url, timeout=30, update_endpoint=server.query_url[
            :-len("/query")] + "/update")
        foreign = "http://example.org/not-ours"
        direct.update(f"INSERT DATA {{ GRAPH <{foreign}> {{ <{foreign}> <{foreign}> 1 }} }}")
        new = _new_build(built_dist, tmp_path / "new")
        load_build(server.load_url, new)
        report = load_build(server.load_url, built_dist)
        assert report.dropped == ["https://w3id.org/pbkg/graph/extracted/zz-load-test"]
        assert count_graphs(direct) == report.graphs
        assert direct.query(f"ASK {{ GRAPH <{foreign}> {{ ?s ?p ?o }} }}").value is True
    finally:
        server.stop()


@pytest.mark.parametrize("union", [False, True])
def test_an_empty_default_graph_is_explained(built_dist, tmp_path, union):
    from pbkg.remote import DefaultGraphEmpty

    server = start_oxigraph(tmp_path / "server", union=union)
    try:
        load_build(server.load_url, built_dist)
        store = RemoteStore(server.query_url, timeout=30)
        query = "SELECT ?c WHERE { ?c a <https://w3id.org/pbkg/ontology#EmulationCluster> }"
        if union:
            assert len(store.query(query).rows) > 5
            assert store.query("SELECT ?x WHERE { ?x a <urn:none> }").rows == []
            return
        with pytest.raises(DefaultGraphEmpty, match="--union-default-graph") as raised:
            store.query(query)
        assert raised.value.http_status == 502
        # a query that names its graphs is answered as asked
        assert store.query(query, default_graph=["https://w3id.org/pbkg/graph/entities"]).rows
        run = subprocess.run([sys.executable, "-m", "pbkg.cli", "sparql", query],
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PBKG_SPARQL_ENDPOINT": server.query_url})
        assert run.returncode == 2 and "default graph is empty" in run.stderr, run.stderr
    finally:
        server.stop()
