"""Benchmark: the network projection and its exports on a synthetic graph.

    python bench/bench_network.py [--triples 100000] [--seed 7] [--repeat 5] [--work DIR]

Generates a synthetic project of about --triples triples (bench/synthetic.py), builds it, loads
the build into the embedded store, then measures, each as the median of --repeat runs:

  projection      pbkg.network.projection.build_projection (the CONSTRUCT queries of
                  queries/network/ and the networkx graph; no cache)
  query:NAME      each CONSTRUCT query alone (run and parsed)
  filter:cluster  filter_graph to the cluster with the most edges
  filter:years    filter_graph to the middle year
  stats           pbkg.network.stats (rotation, co-membership, centrality, citations, lineage)
  export:FORMAT   graphml, gexf, cytoscape-json of the whole network, in memory (and its size)
  web-json        the /api/graph payload of the whole network, serialized
  draw:cluster    the picture of that cluster (SVG, matplotlib), when matplotlib is installed

Results: a table on stdout and bench/results/network.json (sorted keys, no timestamps).
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402
import synthetic  # noqa: E402

from pbkg.build import build  # noqa: E402
from pbkg.network import stats  # noqa: E402
from pbkg.network.formats import NETWORK_FORMATS, graph_bytes, web_payload  # noqa: E402
from pbkg.network.projection import (  # noqa: E402
    _construct,
    build_projection,
    filter_graph,
    network_queries,
)
from pbkg.paths import ProjectPaths, paths  # noqa: E402
from pbkg.store import EmbeddedStore  # noqa: E402

RESULTS = HERE / "results" / "network.json"


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median seconds of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(triples: int, seed: int, repeat: int, work: Path) -> dict:
    root = work / "project"
    print(f"generating a synthetic project of about {triples} triples in {root} ...",
          file=sys.stderr)
    summary = synthetic.generate(root, triples, seed)
    start = time.perf_counter()
    built = build(ProjectPaths(root), out_dir=root / "dist")
    build_seconds = time.perf_counter() - start
    store = EmbeddedStore.from_dist(root / "dist")
    queries_dir = paths().queries  # the projection's queries are code: this checkout's

    seconds: dict[str, float] = {}
    sizes: dict[str, int] = {}
    seconds["projection"], graph = measure(lambda: build_projection(store, queries_dir), repeat)
    for query in network_queries(queries_dir):
        seconds[f"query:{query.name}"], _ = measure(lambda q=query: _construct(store, q.text),
                                                    repeat)

    clusters = [n for n, d in graph.nodes(data=True) if d["type"] == "cluster"]
    busiest = max(clusters, key=lambda c: (graph.degree(c), c))
    seconds["filter:cluster"], sub = measure(lambda: filter_graph(graph, clusters=[busiest]),
                                             repeat)
    years = sorted({d["year"] for *_, d in graph.edges(data=True) if "year" in d})
    middle = years[len(years) // 2]
    seconds["filter:years"], by_year = measure(lambda: filter_graph(graph, years=middle), repeat)
    seconds["stats"], _ = measure(lambda: stats(graph), max(1, repeat // 2))
    for fmt in NETWORK_FORMATS:
        seconds[f"export:{fmt}"], body = measure(lambda f=fmt: graph_bytes(graph, f), repeat)
        sizes[f"export:{fmt}"] = len(body)
    seconds["web-json"], body = measure(
        lambda: json.dumps(web_payload(graph), ensure_ascii=False).encode(), repeat)
    sizes["web-json"] = len(body)
    try:
        from pbkg.network.draw import draw_network

        target = work / "cluster.svg"
        seconds["draw:cluster"], _ = measure(lambda: draw_network(sub, target), 1)
        sizes["draw:cluster"] = target.stat().st_size
    except ImportError:
        pass

    return {
        "config": {"triples_requested": triples, "seed": seed, "repeat": repeat},
        "input": {"generated_triples": summary.get("triples"), "build_triples": built.triples,
                  "build_quads": built.quads, "build_seconds": round(build_seconds, 3)},
        "graph": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                  "clusters": len(clusters),
                  "cluster_filter": {"cluster": busiest, "nodes": sub.number_of_nodes(),
                                     "edges": sub.number_of_edges()},
                  "year_filter": {"year": middle, "nodes": by_year.number_of_nodes(),
                                  "edges": by_year.number_of_edges()}},
        "seconds": {k: round(v, 4) for k, v in seconds.items()},
        "bytes": sizes,
        "environment": {"python": platform.python_version(), "networkx": nx.__version__,
                        "pyoxigraph": ox.__version__, "machine": platform.machine()},
    }


def table(result: dict) -> str:
    g = result["graph"]
    lines = [f"synthetic graph: {result['input']['build_triples']} triples -> "
             f"{g['nodes']} nodes, {g['edges']} edges ({g['clusters']} clusters); "
             f"median of {result['config']['repeat']} runs", "",
             f"{'measure':<24} {'seconds':>9} {'size':>12}"]
    for name, value in result["seconds"].items():
        size = result["bytes"].get(name)
        lines.append(f"{name:<24} {value:>9.3f} {'' if size is None else f'{size:,} B':>12}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="where to generate (default: a temp folder, "
                                                  "removed afterwards)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="pbkg-bench-network-"))
    try:
        result = run(args.triples, args.seed, args.repeat, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(result))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
