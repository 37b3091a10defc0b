"""Benchmark: pbkg's HTTP API against the in-process floor and against rdflib-endpoint.

    python bench/bench_serve.py [--triples 1000000] [--seed 7] [--work DIR] [--repeat 15]
                                [--lookups 300] [--peer-budget 600] [--no-peer]

On the synthetic graph (bench/synthetic.py, built by pbkg.build into WORK/dist, reused when
present), two requests:

  chairs   the cluster-chairs named query, no parameters (every chair of every cluster-year)
  lookup   one entity's properties: SELECT ?p ?o WHERE { <cluster IRI> ?p ?o }

each answered as SPARQL JSON by

  floor    pyoxigraph in this process: Store.query(...).serialize(JSON), no HTTP
  store    pbkg.store.EmbeddedStore.query_serialized in this process, with and without the time
           limit (the cost of running in a killable worker process)
  pbkg     a real `pbkg serve` process: GET /api/queries/cluster-chairs and GET /sparql?query=
  peer     rdflib-endpoint (the `bench` extra) serving the same N-Quads as an rdflib Dataset
           with the union default graph, under uvicorn in its own process

HTTP requests go to 127.0.0.1 over one kept-alive connection per server. floor, store and pbkg
requests are interleaved (one of each per round) so that load from other processes hits them
alike; the peer, much slower, runs after, bounded by --peer-budget seconds per measure (a
request that exceeds it is abandoned and the server killed). Medians; ratios from this run only.
Results: a table on stdout and bench/results/serve.json (sorted keys, no timestamps).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RESULTS = HERE / "results" / "serve.json"
JSON_ACCEPT = "application/sparql-results+json"


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------

def prepare(work: Path, triples: int, seed: int) -> dict:
    """Generate and build the synthetic project once; later runs reuse WORK/dist."""
    from pbkg.build import build, read_manifest
    from pbkg.paths import ProjectPaths

    stamp = work / "synthetic.json"
    dist = work / "dist"
    if stamp.is_file() and read_manifest(dist) is not None:
        info = json.loads(stamp.read_text(encoding="utf-8"))
        if info.get("target_triples") == triples and info.get("seed") == seed:
            print(f"reusing {dist}", file=sys.stderr)
            return info
    import shutil

    import synthetic

    if work.exists():
        shutil.rmtree(work)
    print(f"generating ~{triples} triples into {work} ...", file=sys.stderr)
    t0 = time.perf_counter()
    info = synthetic.generate(work, triples, seed=seed)
    info["generate_s"] = round(time.perf_counter() - t0, 1)
    print("building (pbkg.build, with validation) ...", file=sys.stderr)
    t0 = time.perf_counter()
    result = build(ProjectPaths(work), out_dir=dist)
    info["build_s"] = round(time.perf_counter() - t0, 1)
    info["quads"] = result.quads
    stamp.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return info


# ---------------------------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, path: str, process: subprocess.Popen, limit: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path, headers={"Accept": "text/turtle"})
            if conn.getresponse().status < 500:
                conn.close()
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} not ready after {limit:.0f}s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_pbkg(work: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PBKG_HOME": str(work), "PBKG_DIST": str(work / "dist"),
           "PBKG_RESULT_LIMIT": "10000000", "PBKG_QUERY_TIMEOUT": "600"}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    return subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--port", str(port)],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)


def start_peer(nquads: Path, port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--peer-server", str(port), str(nquads)],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)


def peer_server(port: int, nquads: Path) -> None:
    """The peer: rdflib-endpoint over an rdflib Dataset whose default graph is the union."""
    import rdflib
    import uvicorn
    from rdflib_endpoint import SparqlEndpoint

    t0 = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(nquads), format="nquads")
    print(f"rdflib loaded {len(dataset)} quads in {time.perf_counter() - t0:.1f}s", flush=True)
    app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


class Client:
    """One kept-alive HTTP connection; returns the body of a 200 response. The connection is
    renewed after 2 s idle (servers close idle keep-alive connections after about 5 s)."""

    def __init__(self, port: int, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        self.last = time.monotonic()

    def get(self, path: str) -> bytes:
        if time.monotonic() - self.last > 2:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        self.conn.request("GET", path, headers={"Accept": JSON_ACCEPT})
        response = self.conn.getresponse()
        body = response.read()
        self.last = time.monotonic()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {body[:300]!r}")
        return body


# ---------------------------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------------------------

def rows_of(body: bytes) -> int:
    return len(json.loads(body)["results"]["bindings"])


def timed(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    body = fn()
    return time.perf_counter() - t0, body


def interleaved(measures: dict[str, Callable[[], bytes]], rounds: int) -> dict[str, dict]:
    """Run each measure once per round, in turn; two warm-up rounds are not counted."""
    times: dict[str, list[float]] = {name: [] for name in measures}
    rows: dict[str, int] = {}
    for i in range(rounds + 2):
        for name, fn in measures.items():
            elapsed, body = timed(fn)
            if i >= 2:
                times[name].append(elapsed)
            rows[name] = rows_of(body)
    return {name: {"median_ms": round(statistics.median(t) * 1000, 3), "runs": len(t),
                   "rows": rows[name]} for name, t in times.items()}


def bounded(fn: Callable[[], bytes], rounds: int, budget: float) -> dict:
    """Up to `rounds` runs (after one warm-up) while their total stays within `budget`."""
    spent, times, rows = 0.0, [], None
    for i in range(rounds + 1):
        elapsed, body = timed(fn)
        spent += elapsed
        rows = rows_of(body)
        if i >= 1:
            times.append(elapsed)
        if spent + elapsed > budget:
            break
    if not times:  # only the warm-up fitted: report it
        times = [elapsed]
    return {"median_ms": round(statistics.median(times) * 1000, 3), "runs": len(times),
            "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None,
                        help="project folder to generate/reuse (default: a fixed temp path)")
    parser.add_argument("--repeat", type=int, default=15, help="rounds for chairs")
    parser.add_argument("--lookups", type=int, default=300, help="rounds for the lookup")
    parser.add_argument("--peer-budget", type=float, default=600.0,
                        help="seconds per peer measure (a request over it is abandoned)")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--peer-server", nargs=2, metavar=("PORT", "NQUADS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peer_server:
        peer_server(int(args.peer_server[0]), Path(args.peer_server[1]))
        return 0

    import pyoxigraph as ox
    import rdflib

    from pbkg.catalog import load_catalog
    from pbkg.formats import FORMATS
    from pbkg.paths import ProjectPaths
    from pbkg.store import EmbeddedStore

    work = args.work or Path(os.environ.get("TMPDIR", "/tmp")) / \
        f"pbkg-bench-serve-{args.triples}-{args.seed}"
    info = prepare(work, args.triples, args.seed)
    dist = work / "dist"
    chairs_query = load_catalog(ProjectPaths(work).queries)["cluster-chairs"].render({})

    # (a) the floor, and pbkg's store layer, in this process
    t0 = time.perf_counter()
    store = EmbeddedStore.from_dist(dist)
    load_s = time.perf_counter() - t0
    store.start_workers()
    floor_store = store.store
    entity = next(iter(floor_store.query(
        "SELECT ?c WHERE { ?c a <https://w3id.org/pbkg/ontology#EmulationCluster> } "
        "ORDER BY ?c LIMIT 1", use_default_graph_as_union=True)))["c"].value
    lookup_query = f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}"
    queries = {"chairs": chairs_query, "lookup": lookup_query}

    def floor(q: str) -> Callable[[], bytes]:
        return lambda: floor_store.query(q, use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.JSON)

    def layer(q: str, timeout: float | None) -> Callable[[], bytes]:
        return lambda: store.query_serialized(
            q, results_format=FORMATS["json"], graph_format=FORMATS["turtle"],
            limit=10_000_000, timeout=timeout).body

    # (b) pbkg serve
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    port = free_port()
    server = start_pbkg(work, port, logs / "pbkg-serve.log")
    try:
        ready_s = wait_ready(port, "/sparql", server, 300)
        client = Client(port, 600)
        paths = {"chairs": "/api/queries/cluster-chairs",
                 "lookup": "/sparql?" + urllib.parse.urlencode({"query": lookup_query})}
        results: dict[str, dict] = {}
        for name, rounds in (("chairs", args.repeat), ("lookup", args.lookups)):
            q = queries[name]
            print(f"measuring {name} ({rounds} rounds) ...", file=sys.stderr)
            results[name] = interleaved({
                "floor": floor(q),
                "store_in_process": layer(q, None),
                "store_time_limited": layer(q, 600.0),
                "pbkg_http": lambda p=paths[name]: client.get(p),
            }, rounds)
    finally:
        stop(server)
    store.close()

    # (c) the peer
    peer_info: dict = {}
    if not args.no_peer:
        port = free_port()
        print("starting rdflib-endpoint (loading the N-Quads into rdflib) ...", file=sys.stderr)
        peer = start_peer(dist / "pbkg.nq", port, logs / "peer.log")
        try:
            peer_info["ready_s"] = round(wait_ready(port, "/sparql", peer, 1800), 1)
            client = Client(port, args.peer_budget)
            for name, rounds in (("chairs", min(args.repeat, 5)), ("lookup", args.lookups)):
                path = "/sparql?" + urllib.parse.urlencode({"query": queries[name]})
                print(f"measuring {name} on the peer ...", file=sys.stderr)
                try:
                    results[name]["peer_http"] = bounded(
                        lambda p=path, c=client: c.get(p), rounds, args.peer_budget)
                except TimeoutError:
                    results[name]["peer_http"] = {"median_ms": None, "runs": 0, "rows": None,
                                                  "over_budget_s": args.peer_budget}
                    stop(peer)
                    peer = start_peer(dist / "pbkg.nq", port, logs / "peer.log")
                    wait_ready(port, "/sparql", peer, 1800)
                    client = Client(port, args.peer_budget)
        finally:
            stop(peer)

    # ratios and report
    for r in results.values():
        floor_ms = r["floor"]["median_ms"]
        r["ratio_pbkg_to_floor"] = round(r["pbkg_http"]["median_ms"] / floor_ms, 2)
        r["ratio_time_limit_overhead"] = round(r["store_time_limited"]["median_ms"]
                                               / r["store_in_process"]["median_ms"], 2)
        peer_ms = r.get("peer_http", {}).get("median_ms")
        if peer_ms:
            r["ratio_peer_to_pbkg"] = round(peer_ms / r["pbkg_http"]["median_ms"], 1)
        rows = {k: v["rows"] for k, v in r.items() if isinstance(v, dict) and v.get("rows")}
        r["same_rows"] = len(set(rows.values())) == 1

    print()
    print(f"{info.get('quads', '?')} quads; pbkg serve ready in {ready_s:.1f}s; "
          f"in-process load {load_s:.1f}s")
    header = f"{'request':8} {'measure':20} {'median':>12} {'runs':>5} {'rows':>7}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        for measure in ("floor", "store_in_process", "store_time_limited", "pbkg_http",
                        "peer_http"):
            if measure not in r:
                continue
            m = r[measure]
            median = f"{m['median_ms']:.3f} ms" if m["median_ms"] is not None else \
                f"> {m['over_budget_s']:.0f} s"
            print(f"{name:8} {measure:20} {median:>12} {m['runs']:>5} {m['rows'] or '-':>7}")
        line = (f"{name:8} pbkg/floor {r['ratio_pbkg_to_floor']}x, time-limit overhead "
                f"{r['ratio_time_limit_overhead']}x")
        if "ratio_peer_to_pbkg" in r:
            line += f", peer/pbkg {r['ratio_peer_to_pbkg']}x"
        print(line + ("" if r["same_rows"] else "  ROW COUNTS DIFFER"))
        print()

    body = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "system": platform.system(), "pyoxigraph": ox.__version__,
                    "rdflib": rdflib.__version__},
        "data": {k: info.get(k) for k in ("target_triples", "generated_triples", "quads",
                                           "seed", "articles", "clusters")},
        "lookup_entity": entity,
        "pbkg_serve_ready_s": round(ready_s, 1),
        "peer": peer_info,
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
