"""Benchmark: pbkg serving, one command per figure of issue 12 (and issue 11's load figure).

    python bench/bench_serve.py FIGURE [--triples 1000000] [--seed 7] [--work DIR] ...

FIGURE is one of

  latency   p50 over HTTP of the /id pages (HTML, Turtle), the /api lookups (cluster,
            organization, the awards and conferences of a cluster) and /api/search, each
            against the same answer computed in this process (pbkg.lookup / pbkg.linked_data /
            pbkg.search on the same store): the HTTP cost is the ratio; then the pages about
            the whole graph (below).
  pages     the pages about the whole graph (/, /leadership, /api/clusters): each one's first
            request in a fresh server, then the same again; --against DIR: also the code in
            DIR (with its queries/) in the same run.
  overhead  a one-triple lookup and cluster-chairs of one year (>= 2 ms): pyoxigraph in this
            process (the floor), pbkg's store layer in process with and without the time limit,
            and pbkg over HTTP, interleaved; targets: lookup <= 3x, chairs <= 1.3x the floor.
  start     seconds from `pbkg serve` to the first answer, then a bounded load test (wrk, mixed
            requests) and the server's memory after it (PSS summed over the process tree, so
            copy-on-write sharing counts once; and the largest RSS).
  scaling   throughput (wrk, 32 connections) of `pbkg serve --workers 1` and `--workers 2` on
            the same requests, one after the other; target >= 1.7x.
  peer      pbkg against rdflib-endpoint serving the same N-Quads (the `bench` extra) on each
            request type: one-triple lookup, small SELECT, entity description, cluster-chairs.
  load      issue 11's figure: 64 connections for --seconds (30) of mixed requests on the REAL
            graph; with --code DIR, the same against the pbkg code in DIR (e.g. an export of
            main before this change) in the same run.

The synthetic graph (bench/synthetic.py) is generated and built once into WORK/dist and reused.
HTTP goes to 127.0.0.1; load tests use wrk (Debian `wrk`), bounded in time. Medians; ratios from
one run only. Results: a table on stdout and bench/results/serve-FIGURE-SIZE.json (sorted keys, no
timestamps); the machine's load average is recorded with each result, since the machine may be
shared.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

RESULTS = HERE / "results"
JSON_ACCEPT = "application/sparql-results+json"
PBO = "https://w3id.org/pbkg/ontology#"


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------

def prepare(work: Path, triples: int, seed: int) -> dict:
    """Generate and build the synthetic project once; later runs reuse WORK/dist."""
    from pbkg.build import build, read_manifest
    from pbkg.paths import ProjectPaths

    stamp = work / "synthetic.json"
    dist = work / "dist"
    if not stamp.is_file() and (work.parent / "generated.json").is_file():
        stamp = work.parent / "generated.json"  # a project of bench_build.py (--work W/N/project)
    if stamp.is_file() and read_manifest(dist) is not None:
        info = json.loads(stamp.read_text(encoding="utf-8"))
        if info.get("target_triples") == triples and info.get("seed") == seed:
            print(f"reusing {dist}", file=sys.stderr)
            fresh_queries(work)
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


def fresh_queries(work: Path) -> None:
    """The project's queries/ made this checkout's again: a project copies them when generated
    and the build does not read them, so a reused project would otherwise serve the queries of
    the code that generated it (at 10^6 triples, an old awards.rq ran out of 24 GB)."""
    import shutil

    target = work / "queries"
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "queries", target)


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
        time.sleep(0.05)
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
    """One kept-alive HTTP/1.1 connection on a raw socket; returns the body of a 200 response.

    Deliberately minimal, so that the client's own cost stays small beside the server's: the
    request is prepared once per (path, Accept), the answer read by Content-Length (pbkg and
    the peer send one on every answer measured here; chunked answers are read too), cheaper per
    request than http.client's header parsing and objects. The connection
    is renewed after 2 s idle (servers close idle keep-alive connections after about 5 s)."""

    def __init__(self, port: int, timeout: float, gzip: bool = False) -> None:
        self.port, self.timeout = port, timeout
        # As a browser asks: the body is read as sent (compressed), not decompressed.
        self.encoding = "Accept-Encoding: gzip\r\n" if gzip else ""
        self.sock: socket.socket | None = None
        self.last = 0.0
        self._requests: dict[tuple[str, str], bytes] = {}

    def _connect(self) -> socket.socket:
        if self.sock is not None:
            self.sock.close()
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        return self.sock

    def get(self, path: str, accept: str = JSON_ACCEPT) -> bytes:
        request = self._requests.get((path, accept))
        if request is None:
            request = self._requests[path, accept] = (
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nAccept: {accept}\r\n"
                f"{self.encoding}\r\n").encode("latin-1")
        sock = self.sock
        if sock is None or time.monotonic() - self.last > 2:
            sock = self._connect()
        sock.sendall(request)
        status, headers = self._head()
        if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            body = self._chunked()
        else:
            body = self._exactly(int(headers.get(b"content-length", b"0")))
        self.last = time.monotonic()
        if headers.get(b"connection", b"").lower() == b"close":
            self.sock.close()
            self.sock = None
        if status != 200:
            raise RuntimeError(f"HTTP {status}: {body[:300]!r}")
        return body

    def _recv(self) -> None:
        data = self.sock.recv(1 << 20)
        if not data:
            raise OSError("connection closed by the server")
        self.buffer += data

    def _line(self, end: bytes = b"\r\n") -> bytes:
        while (cut := self.buffer.find(end)) < 0:
            self._recv()
        line, self.buffer = self.buffer[:cut], self.buffer[cut + len(end):]
        return line

    def _exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._recv()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _head(self) -> tuple[int, dict[bytes, bytes]]:
        lines = self._line(b"\r\n\r\n").split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        return status, headers

    def _chunked(self) -> bytes:
        parts = []
        while size := int(self._line().split(b";")[0], 16):
            parts.append(self._exactly(size))
            self._line()
        while self._line():  # trailers, then the empty line
            pass
        return b"".join(parts)


# ---------------------------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------------------------

def rows_of(body: bytes) -> int:
    """Rows of a SPARQL JSON result, else lines (RDF)."""
    try:
        return len(json.loads(body)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return body.count(b"\n")


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


# ---------------------------------------------------------------------------------------------
# Servers and load
# ---------------------------------------------------------------------------------------------

# Extra `pbkg serve` flags for every server of the run (--as-built: no check of the sources).
SERVE_FLAGS: list[str] = []


def start_server(dist: Path, port: int, log: Path, *, workers: int = 1,
                 code: Path | None = None, env_extra: dict | None = None,
                 home: Path | None = None) -> subprocess.Popen:
    """`pbkg serve` on `dist` (from the code in `code`, default this checkout)."""
    # PBKG_HOME: the project the dist was built from (else serve would find it stale and
    # rebuild it from this checkout's data).
    synthetic = (dist.parent / "synthetic.json").is_file() \
        or (dist.parent.parent / "generated.json").is_file()
    home = home or (dist.parent if synthetic else (code or ROOT))
    env = {**os.environ, "PBKG_DIST": str(dist), "PBKG_HOME": str(home), **(env_extra or {})}
    env.pop("PBKG_SPARQL_ENDPOINT", None)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    command = [sys.executable, "-m", "pbkg.cli", "serve", "--port", str(port),
               "--log-level", "warning", *SERVE_FLAGS]
    if workers > 1:
        command += ["--workers", str(workers)]
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env,
                            cwd=str(code or ROOT))


def tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    out = [pid]
    for child in children:
        out += tree(int(child))
    return out


def memory(pid: int) -> dict:
    """PSS summed over the process tree (shared pages counted once) and the largest RSS, MB."""
    pss = rss = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = max(rss, int(line.split()[1]))
        except OSError:
            pass
    return {"pss_mb": round(pss / 1024), "max_rss_mb": round(rss / 1024),
            "processes": len(tree(pid))}


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process tree (the live processes, and the children they
    waited for)."""
    total = 0
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / tick, sum(values) / tick


def wrk(port: int, paths: list[tuple[str, str]], connections: int, seconds: float,
        threads: int = 2, server: int | None = None) -> dict:
    """wrk over `paths` (path, Accept) in turn: requests/s, latency percentiles, errors; and the
    CPU seconds spent by wrk itself (its rusage), by the server's process tree (`server`, a pid)
    and by the whole machine during the run, so the load generator's share is accounted for."""
    if shutil.which("wrk") is None:
        raise SystemExit("the load tests need wrk: apt-get install wrk")
    lua = "requests = {}\n"
    for i, (path, accept) in enumerate(paths):
        lua += (f"requests[{i}] = wrk.format('GET', {json.dumps(path)}, "
                f"{{['Accept'] = {json.dumps(accept)}}})\n")
    lua += ("local i = 0\nrequest = function()\n  local r = requests[i % "
            f"{len(paths)}]\n  i = i + 1\n  return r\nend\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    server_before = cpu_seconds(server) if server else None
    busy_before, all_before = machine_busy()
    try:
        with tempfile.TemporaryFile("w+") as out_file:
            process = subprocess.Popen(
                ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency",
                 "--timeout", "30s", "-s", f.name, f"http://127.0.0.1:{port}"],
                stdout=out_file, stderr=subprocess.STDOUT)
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = 0
            out_file.seek(0)
            out = out_file.read()
    finally:
        os.unlink(f.name)
    busy_after, all_after = machine_busy()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    lat = {q: _ms(m) for q, m in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.MULTILINE)}
    wrk_cpu = usage.ru_utime + usage.ru_stime
    result = {"requests_per_s": rate, "requests": total, "p50_ms": lat.get("50"),
              "p90_ms": lat.get("90"), "p99_ms": lat.get("99"),
              "non_2xx": int(errors.group(1)) if errors else 0,
              "socket_errors": socket_errors.group(1) if socket_errors else None,
              "connections": connections, "seconds": seconds,
              "wrk_cpu_s": round(wrk_cpu, 2),
              "wrk_cpu_us_per_request": round(wrk_cpu / max(total, 1) * 1e6, 1),
              "machine_cores_busy": round((busy_after - busy_before) / seconds, 2),
              "machine_cores": round((all_after - all_before) / seconds, 2)}
    if server:
        server_cpu = cpu_seconds(server) - server_before
        result.update(server_cpu_s=round(server_cpu, 2),
                      server_cores_used=round(server_cpu / seconds, 2),
                      server_cpu_us_per_request=round(server_cpu / max(total, 1) * 1e6, 1))
    return result


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 3)


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def served(dist: Path, work: Path, name: str, *, workers: int = 1, code: Path | None = None,
           env_extra: dict | None = None, home: Path | None = None):
    """A context: a started server (port, process, seconds to ready)."""
    from contextlib import contextmanager

    @contextmanager
    def run():
        logs = work / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        port = free_port()
        process = start_server(dist, port, logs / f"{name}.log", workers=workers, code=code,
                               env_extra=env_extra, home=home)
        try:
            ready = wait_ready(port, "/api/queries", process, 600)
            yield port, process, ready
        finally:
            stop(process)
    return run()


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

def sample_entities(store) -> dict[str, str]:
    """Clusters and organizations by how many facts point at them: the median one (a typical
    page) and the largest (the heaviest page)."""
    def ranked(query: str) -> list[str]:
        return [row["x"]["value"] for row in store.query(query).rows]
    clusters = ranked(f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a <{PBO}EmulationCluster> . "
                      "?f <http://www.w3.org/ns/org#organization> ?x } GROUP BY ?x "
                      "ORDER BY ?n ?x")
    orgs = ranked("SELECT ?x (COUNT(*) AS ?n) WHERE { ?f <http://www.w3.org/ns/org#member> ?x . "
                  "FILTER(STRSTARTS(STR(?x), 'https://w3id.org/pbkg/id/org/')) } GROUP BY ?x "
                  "ORDER BY ?n ?x")
    return {"cluster": clusters[len(clusters) // 2], "cluster_largest": clusters[-1],
            "org": orgs[len(orgs) // 2], "org_largest": orgs[-1],
            # Distinct entities nearest the median, for first requests (nothing kept yet).
            "clusters_near_median": _near(clusters, 60), "orgs_near_median": _near(orgs, 60)}


def _near(ranked: list[str], n: int) -> list[str]:
    mid = len(ranked) // 2  # the median itself is measured warm
    return ranked[max(0, mid - n // 2):mid] + ranked[mid + 1:mid + n // 2 + 1]


# The pages computed over the whole graph (the build writes their answers: overview.json).
WHOLE_GRAPH = [("home", "/", "text/html"), ("leadership", "/leadership", "text/html"),
               ("api_clusters", "/api/clusters", "application/json")]


def baseline_home(work: Path, code: Path) -> Path:
    """The synthetic project with the queries of the code in `code` (a project copies queries/
    when generated): the baseline's server asks its own queries."""
    home = work / "baseline-home"
    if home.exists():
        shutil.rmtree(home)
    home.mkdir()
    for entry in work.iterdir():
        if entry.name in ("ontology", "shapes", "data", "synthetic.json"):
            (home / entry.name).symlink_to(entry)
    (home / "queries").symlink_to((code / "queries").resolve())
    return home


def whole_graph_pages(args, work: Path, dist: Path) -> dict:
    """Each whole-graph page's first request in a fresh server process (nothing kept, nothing
    read before), then the same request again (median of --repeat); with --against DIR, the
    same for the code in DIR (with its own queries/) in the same run, one server after the
    other."""
    runs = [("", None, None, dist)]
    if args.against:
        runs.append(("_baseline", args.against, baseline_home(work, args.against),
                     args.against_dist or dist))
    out: dict[str, dict] = {}
    for suffix, code, home, served_dist in runs:
        for name, path, accept in WHOLE_GRAPH:
            print(f"measuring {name}{suffix} (first request of a fresh server) ...",
                  file=sys.stderr)
            with served(served_dist, work, f"pages-{name}{suffix}", code=code,
                        home=home) as (port, _, _):
                first, body = timed(lambda: Client(port, 1800).get(path, accept=accept))  # noqa: B023
                # A new connection each time: a server may close one after a long answer.
                again = [timed(lambda: Client(port, 1800).get(path, accept=accept))[0]  # noqa: B023
                         for _ in range(args.repeat)]
            out[f"{name}{suffix}"] = {"path": path, "first_ms": round(first * 1000, 1),
                                      "again_p50_ms": round(statistics.median(again) * 1000, 2),
                                      "bytes": len(body), "runs": len(again)}
    print(f"\n{'whole-graph page':26} {'first':>11} {'again p50':>10} {'bytes':>11}")
    for name, r in out.items():
        print(f"{name:26} {r['first_ms']:>9.1f}ms {r['again_p50_ms']:>8.2f}ms {r['bytes']:>11,}")
    return out


def fig_latency(args, work: Path, dist: Path) -> dict:
    from pbkg.linked_data import TURTLE, LinkedData, Links, serialize
    from pbkg.lookup import Lookup
    from pbkg.paths import ProjectPaths
    from pbkg.settings import Settings
    from pbkg.store import EmbeddedStore

    store = EmbeddedStore.from_dist(dist)
    queries = ProjectPaths(work).queries
    lookup, lds = Lookup(store, queries), LinkedData(store, queries, Settings())
    links = Links.from_settings(Settings())
    ents = sample_entities(store)
    cslug, oslug, bigc, bigo = (ents[k].rsplit("/", 1)[1] for k in
                                ("cluster", "org", "cluster_largest", "org_largest"))
    search_q = "ban to chuc tinh uy"
    _ = lookup.index  # build the label index before timing, as the server does on first use
    cases = {
        "id_page_html": (f"/id/cluster/{cslug}", "text/html", lambda: lds.page(ents["cluster"])),
        "id_turtle": (f"/id/cluster/{cslug}", "text/turtle",
                      lambda: serialize(lds.describe(ents["cluster"]), TURTLE, links)),
        "id_org_html": (f"/id/org/{oslug}", "text/html", lambda: lds.page(ents["org"])),
        "api_cluster": (f"/api/clusters/{cslug}", "application/json",
                        lambda: lookup.cluster(cslug)),
        "api_organization": (f"/api/organizations/{oslug}", "application/json",
                             lambda: lookup.organization(oslug)),
        "id_page_html_largest": (f"/id/cluster/{bigc}", "text/html",
                                 lambda: lds.page(ents["cluster_largest"])),
        "api_cluster_largest": (f"/api/clusters/{bigc}", "application/json",
                                lambda: lookup.cluster(bigc)),
        "api_organization_largest": (f"/api/organizations/{bigo}", "application/json",
                                     lambda: lookup.organization(bigo)),
        # Lists filtered by a cluster (they start from the facts linking to it).
        "api_awards_cluster": (f"/api/awards?cluster={cslug}", "application/json",
                               lambda: lookup.awards(cluster=cslug)),
        "api_conferences_cluster": (f"/api/conferences?cluster={cslug}", "application/json",
                                    lambda: lookup.conferences(cluster=cslug)),
        "api_search": ("/api/search?" + urllib.parse.urlencode({"q": search_q}),
                       "application/json", lambda: lookup.search(search_q)),
        # A query thousands of names start with (37,000 at 10^7 triples).
        "api_search_common": ("/api/search?" + urllib.parse.urlencode({"q": "cum thi dua"}),
                              "application/json", lambda: lookup.search("cum thi dua")),
        # A query matched by words only, not by the start of a name (13,000 names at 10^7).
        "api_search_words": ("/api/search?" + urllib.parse.urlencode({"q": "2023"}),
                             "application/json", lambda: lookup.search("2023")),
    }
    slug = lambda iri: iri.rsplit("/", 1)[1]  # noqa: E731
    # First requests: each round a different entity near the median, so that no answer kept
    # by the server (or this process) from an earlier request serves it.
    first = {
        "id_page_html_first": (lambda e: f"/id/cluster/{slug(e)}", "text/html", lds.page,
                               ents["clusters_near_median"]),
        "id_turtle_first": (lambda e: f"/id/cluster/{slug(e)}", "text/turtle",
                            lambda e: serialize(lds.describe(e), TURTLE, links),
                            ents["clusters_near_median"][1::2]),
        "id_org_html_first": (lambda e: f"/id/org/{slug(e)}", "text/html", lds.page,
                              ents["orgs_near_median"]),
        "api_cluster_first": (lambda e: f"/api/clusters/{slug(e)}", "application/json",
                              lambda e: lookup.cluster(slug(e)), ents["clusters_near_median"]),
        "api_organization_first": (lambda e: f"/api/organizations/{slug(e)}",
                                   "application/json", lambda e: lookup.organization(slug(e)),
                                   ents["orgs_near_median"]),
        "api_awards_cluster_first": (lambda e: f"/api/awards?cluster={slug(e)}",
                                     "application/json",
                                     lambda e: lookup.awards(cluster=slug(e)),
                                     ents["clusters_near_median"]),
    }
    results: dict[str, dict] = {}
    with served(dist, work, "latency", code=args.code) as (port, _, _):
        client = Client(port, 120, gzip=args.gzip)
        for name, (path, accept, local) in cases.items():
            print(f"measuring {name} ...", file=sys.stderr)
            http_t, local_t = [], []
            for i in range(args.repeat + 2):
                t0 = time.perf_counter()
                client.get(path, accept=accept)
                t1 = time.perf_counter()
                local()
                t2 = time.perf_counter()
                if i >= 2:
                    http_t.append(t1 - t0)
                    local_t.append(t2 - t1)
            h, loc = statistics.median(http_t) * 1000, statistics.median(local_t) * 1000
            results[name] = {"path": path, "http_p50_ms": round(h, 2),
                             "in_process_p50_ms": round(loc, 2),
                             "ratio_http_to_in_process": round(h / loc, 2), "runs": len(http_t)}
        for name, (path_of, accept, local, entities) in first.items():
            print(f"measuring {name} ...", file=sys.stderr)
            http_t, local_t = [], []
            for e in entities[:args.repeat]:
                t0 = time.perf_counter()
                client.get(path_of(e), accept=accept)
                t1 = time.perf_counter()
                local(e)
                t2 = time.perf_counter()
                http_t.append(t1 - t0)
                local_t.append(t2 - t1)
            h, loc = statistics.median(http_t) * 1000, statistics.median(local_t) * 1000
            results[name] = {"path": path_of(entities[0]), "http_p50_ms": round(h, 2),
                             "in_process_p50_ms": round(loc, 2),
                             "ratio_http_to_in_process": round(h / loc, 2), "runs": len(http_t)}
    store.close()
    pages = whole_graph_pages(args, work, dist)
    print(f"\n{'request':26} {'HTTP p50':>10} {'in process':>11} {'ratio':>6}")
    for name, r in results.items():
        print(f"{name:26} {r['http_p50_ms']:>8.2f}ms {r['in_process_p50_ms']:>9.2f}ms "
              f"{r['ratio_http_to_in_process']:>5}x")
    return {"entities": {k: v for k, v in ents.items() if isinstance(v, str)}, "results": results,
            "whole_graph_pages": pages}


def fig_overhead(args, work: Path, dist: Path) -> dict:
    import pyoxigraph as ox

    from pbkg.catalog import load_catalog
    from pbkg.formats import FORMATS
    from pbkg.paths import ProjectPaths
    from pbkg.store import EmbeddedStore

    # One year's chairs: well over 2 ms at 10^6, and few enough rows to repeat on a busy machine.
    chairs_query = load_catalog(ProjectPaths(work).queries)["cluster-chairs"].bind(
        {"year": str(args.year)})
    store = EmbeddedStore.from_dist(dist)
    store.start_workers()
    floor_store = store.store
    entity = sample_entities(store)["cluster"]
    lookup_query = f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}"
    queries = {"chairs": chairs_query, "lookup": lookup_query}

    def floor(q: str) -> Callable[[], bytes]:
        return lambda: floor_store.query(q, use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.JSON)

    def layer(q: str, timeout: float | None) -> Callable[[], bytes]:
        return lambda: store.query_serialized(
            q, results_format=FORMATS["json"], graph_format=FORMATS["turtle"],
            limit=10_000_000, timeout=timeout).body

    results: dict[str, dict] = {}
    env = {"PBKG_RESULT_LIMIT": "10000000", "PBKG_QUERY_TIMEOUT": "600"}
    with served(dist, work, "overhead", env_extra=env) as (port, _, _):
        client = Client(port, 600)
        paths = {"chairs": f"/api/queries/cluster-chairs?year={args.year}",
                 "lookup": "/sparql?" + urllib.parse.urlencode({"query": lookup_query})}
        for name, rounds in (("chairs", args.repeat), ("lookup", args.lookups)):
            q = queries[name]
            print(f"measuring {name} ({rounds} rounds) ...", file=sys.stderr)
            results[name] = interleaved({
                "floor": floor(q),
                "store_in_process": layer(q, None),
                "store_time_limited": layer(q, 600.0),
                "pbkg_http": lambda p=paths[name]: client.get(p),
            }, rounds)
    store.close()
    for name, r in results.items():
        r["ratio_pbkg_to_floor"] = round(r["pbkg_http"]["median_ms"]
                                         / r["floor"]["median_ms"], 2)
        r["same_rows"] = len({v["rows"] for v in r.values() if isinstance(v, dict)}) == 1
        print(f"{name:8} " + ", ".join(f"{m} {r[m]['median_ms']:.3f} ms" for m in
                                       ("floor", "store_in_process", "store_time_limited",
                                        "pbkg_http"))
              + f"; pbkg/floor {r['ratio_pbkg_to_floor']}x"
              + ("" if r["same_rows"] else "  ROW COUNTS DIFFER"))
    return {"lookup_entity": entity, "results": results}


def mixed_paths(ents: dict[str, str]) -> list[tuple[str, str]]:
    cslug, oslug = (ents[k].rsplit("/", 1)[1] for k in ("cluster", "org"))
    one = f"SELECT ?p ?o WHERE {{ <{ents['cluster']}> ?p ?o }}"
    return [(f"/api/clusters/{cslug}", "application/json"),
            (f"/id/cluster/{cslug}", "text/html"),
            (f"/id/org/{oslug}", "text/turtle"),
            ("/api/search?q=ban%20to%20chuc", "application/json"),
            ("/sparql?" + urllib.parse.urlencode({"query": one}), JSON_ACCEPT),
            # One cluster's chairs: a year's (every cluster) passes the 10,000-row cap at 10^7.
            (f"/api/queries/cluster-chairs?cluster={cslug}", JSON_ACCEPT)]


def _entities_over_http(port: int) -> dict[str, str]:
    client = Client(port, 120)
    def first(query: str) -> str:
        body = client.get("/sparql?" + urllib.parse.urlencode({"query": query}))
        return json.loads(body)["results"]["bindings"][0]["x"]["value"]
    return {"cluster": first(f"SELECT ?x WHERE {{ ?x a <{PBO}EmulationCluster> }} "
                             "ORDER BY ?x LIMIT 1"),
            # The first member in the store's index order: no DISTINCT and ORDER BY over every
            # membership, which passes the endpoint's 10 s limit at 10^7.
            "org": first("SELECT ?x WHERE { ?f <http://www.w3.org/ns/org#member> ?x . "
                         "FILTER(STRSTARTS(STR(?x), 'https://w3id.org/pbkg/id/org/')) } "
                         "LIMIT 1")}


def fig_start(args, work: Path, dist: Path) -> dict:
    with served(dist, work, "start", code=args.code) as (port, process, ready):
        ents = _entities_over_http(port)
        idle = memory(process.pid)
        print(f"ready after {ready:.2f}s; idle {idle}", file=sys.stderr)
        load = wrk(port, mixed_paths(ents), 16, args.seconds)
        after = memory(process.pid)
    print(f"\nready after {ready:.2f} s; memory idle {idle['pss_mb']} MB PSS, after "
          f"{args.seconds:g} s of load ({load['requests']} requests, "
          f"{load['requests_per_s']:.0f}/s) {after['pss_mb']} MB PSS, largest RSS "
          f"{after['max_rss_mb']} MB")
    return {"ready_s": round(ready, 2), "memory_idle": idle, "memory_after_load": after,
            "load": load}


def fig_scaling(args, work: Path, dist: Path) -> dict:
    out: dict = {}
    for workers in (1, 2):
        with served(dist, work, f"scaling-{workers}", workers=workers) as (port, process, _):
            ents = _entities_over_http(port)
            one = f"SELECT ?p ?o WHERE {{ <{ents['cluster']}> ?p ?o }}"
            cslug = ents["cluster"].rsplit("/", 1)[1]
            for name, paths in {
                "one_triple": [("/sparql?" + urllib.parse.urlencode({"query": one}),
                                JSON_ACCEPT)],
                "api_cluster": [(f"/api/clusters/{cslug}", "application/json")],
                "mixed": mixed_paths(ents),
            }.items():
                wrk(port, paths, 8, 2)  # warm-up
                out.setdefault(name, {})[f"workers_{workers}"] = wrk(
                    port, paths, 32, args.seconds, threads=1, server=process.pid)
    print()
    for name, r in out.items():
        a, b = r["workers_1"]["requests_per_s"], r["workers_2"]["requests_per_s"]
        r["ratio_2_to_1"] = round(b / a, 2)
        print(f"{name:12} 1 process {a:8.0f} req/s, 2 processes {b:8.0f} req/s: "
              f"{r['ratio_2_to_1']}x")
        for w in ("workers_1", "workers_2"):
            x = r[w]
            print(f"{'':12} {w}: server {x['server_cores_used']} cores, "
                  f"{x['server_cpu_us_per_request']} us CPU/request; wrk "
                  f"{x['wrk_cpu_s'] / x['seconds']:.2f} cores "
                  f"({x['wrk_cpu_us_per_request']} us/request); machine busy "
                  f"{x['machine_cores_busy']} of {x['machine_cores']} cores")
    return out


def fig_peer(args, work: Path, dist: Path) -> dict:
    from pbkg.catalog import load_catalog, parse_query_file
    from pbkg.paths import ProjectPaths

    queries = ProjectPaths(work).queries
    chairs = load_catalog(queries)["cluster-chairs"].render({})
    results: dict[str, dict] = {}
    env = {"PBKG_RESULT_LIMIT": "10000000", "PBKG_QUERY_TIMEOUT": "600"}
    with served(dist, work, "peer-pbkg", env_extra=env) as (port, _, _):
        ents = _entities_over_http(port)
        cslug = ents["cluster"].rsplit("/", 1)[1]
        describe = parse_query_file(queries / "lookup" / "describe.rq").bind(
            {"entity": ents["cluster"]})
        small = (f"SELECT ?c ?label WHERE {{ ?c a <{PBO}EmulationCluster> ; "
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 20")
        one = f"SELECT ?p ?o WHERE {{ <{ents['cluster']}> ?p ?o }}"
        cases = {
            "one_triple": (("/sparql?" + urllib.parse.urlencode({"query": one}), JSON_ACCEPT),
                           one, JSON_ACCEPT),
            "small_select": (("/sparql?" + urllib.parse.urlencode({"query": small}),
                              JSON_ACCEPT), small, JSON_ACCEPT),
            "entity_description": ((f"/id/cluster/{cslug}", "text/turtle"), describe,
                                   "text/turtle"),
            "cluster_chairs": (("/api/queries/cluster-chairs", JSON_ACCEPT), chairs,
                               JSON_ACCEPT),
        }
        client = Client(port, 600)
        for name, ((path, accept), _, _) in cases.items():
            results[name] = {"pbkg_http": bounded(lambda p=path, a=accept: client.get(p, a),
                                                  args.repeat, 60)}
    port = free_port()
    print("starting rdflib-endpoint (loading the N-Quads into rdflib) ...", file=sys.stderr)
    logs = work / "logs"
    peer = start_peer(dist / "pbkg.nq", port, logs / "peer.log")
    try:
        ready = wait_ready(port, "/sparql", peer, 3600)
        client = Client(port, args.peer_budget)
        for name, (_, query, accept) in cases.items():
            print(f"measuring {name} on the peer ...", file=sys.stderr)
            path = "/sparql?" + urllib.parse.urlencode({"query": query})
            try:
                results[name]["peer_http"] = bounded(
                    lambda p=path, a=accept, c=client: c.get(p, a), min(args.repeat, 5),
                    args.peer_budget)
            except (TimeoutError, OSError):
                results[name]["peer_http"] = {"median_ms": None, "runs": 0,
                                              "over_budget_s": args.peer_budget}
                stop(peer)
                peer = start_peer(dist / "pbkg.nq", port, logs / "peer.log")
                wait_ready(port, "/sparql", peer, 3600)
                client = Client(port, args.peer_budget)
    finally:
        stop(peer)
    print()
    for name, r in results.items():
        peer_ms = r["peer_http"]["median_ms"]
        r["ratio_peer_to_pbkg"] = round(peer_ms / r["pbkg_http"]["median_ms"], 1) \
            if peer_ms else None
        print(f"{name:20} pbkg {r['pbkg_http']['median_ms']:9.2f} ms, rdflib-endpoint "
              f"{peer_ms if peer_ms is not None else '>budget'} ms: "
              f"{r['ratio_peer_to_pbkg']}x")
    return {"peer_ready_s": round(ready, 1), "results": results}


def fig_load(args, work: Path, dist: Path) -> dict:
    """Issue 11's load figure on the real graph: this code, and --code DIR for comparison."""
    from pbkg.build import build
    from pbkg.paths import paths

    real = work / "real-dist"
    if not (real / "manifest.json").is_file():
        print("building the real graph ...", file=sys.stderr)
        build(paths(), out_dir=real)
    codes = {"this": None}
    if args.code:
        codes = {"other": args.code.resolve(), "this": None}
    out: dict = {}
    for label, code in codes.items():
        # Other code serves its own checkout's data, built by itself on start.
        dist = real if code is None else work / f"real-dist-{label}"
        with served(dist, work, f"load-{label}", code=code) as (port, process, _):
            ents = _entities_over_http(port)
            wrk(port, mixed_paths(ents), 8, 2)
            out[label] = wrk(port, mixed_paths(ents), 64, args.seconds)
            out[label]["memory_after"] = memory(process.pid)
    print()
    for label, r in out.items():
        print(f"{label:6} {r['requests_per_s']:8.0f} req/s, p50 {r['p50_ms']} ms, p99 "
              f"{r['p99_ms']} ms, {r['requests']} requests, non-2xx {r['non_2xx']}, "
              f"PSS after {r['memory_after']['pss_mb']} MB")
    return out


def fig_pages(args, work: Path, dist: Path) -> dict:
    """The whole-graph pages alone (latency measures them too, after the entities)."""
    return {"whole_graph_pages": whole_graph_pages(args, work, dist)}


FIGURES = {"latency": fig_latency, "overhead": fig_overhead, "start": fig_start,
           "scaling": fig_scaling, "peer": fig_peer, "load": fig_load, "pages": fig_pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("figure", nargs="?", choices=sorted(FIGURES))
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--as-built", action="store_true",
                        help="pbkg serve --as-built (the dist as built, sources not checked)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None,
                        help="project folder to generate/reuse (default: a fixed temp path)")
    parser.add_argument("--repeat", type=int, default=30, help="rounds per request")
    parser.add_argument("--lookups", type=int, default=300, help="rounds for the lookup")
    parser.add_argument("--year", type=int, default=2023, help="overhead: the cluster-chairs year")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of a load test")
    parser.add_argument("--peer-budget", type=float, default=600.0,
                        help="seconds per peer measure (a request over it is abandoned)")
    parser.add_argument("--code", type=Path, default=None,
                        help="load: also run the pbkg code in this folder (a baseline); latency, "
                             "start: serve that code instead of this checkout's")
    parser.add_argument("--against", type=Path, default=None,
                        help="latency, pages: also the whole-graph pages of the pbkg code in this "
                             "folder (a baseline), with its queries/, in the same run")
    parser.add_argument("--against-dist", type=Path, default=None,
                        help="with --against: the baseline serves this dist (one its code "
                             "reads: a copy of the build's outputs in the layout that code "
                             "wrote) instead of the build's")
    parser.add_argument("--gzip", action="store_true",
                        help="latency: ask for gzip as browsers do (compressed answers)")
    parser.add_argument("--peer-server", nargs=2, metavar=("PORT", "NQUADS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.as_built:
        SERVE_FLAGS.append("--as-built")
    if args.peer_server:
        peer_server(int(args.peer_server[0]), Path(args.peer_server[1]))
        return 0
    if args.figure is None:
        parser.error("name a figure: " + ", ".join(sorted(FIGURES)))

    import pyoxigraph as ox

    work = args.work or Path(os.environ.get("TMPDIR", "/tmp")) / \
        f"pbkg-bench-serve-{args.triples}-{args.seed}"
    info = prepare(work, args.triples, args.seed)
    load_before = load_average()
    body = FIGURES[args.figure](args, work, work / "dist")
    size = "real" if args.figure == "load" else f"{args.triples:.0e}".replace("+0", "")
    out = RESULTS / f"serve-{args.figure}-{size}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "figure": args.figure,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "system": platform.system(), "pyoxigraph": ox.__version__,
                    "load_average_before": load_before, "load_average_after": load_average()},
        "data": {k: info.get(k) for k in ("target_triples", "generated_triples", "quads",
                                           "seed")},
        **body,
    }
    out.write_text(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"\nload average before/after: {load_before} / {load_average()}; results written to "
          f"{out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
