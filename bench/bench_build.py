"""Benchmark: `pbkg build` and the serving start against a bare Oxigraph load of the same quads.

    python bench/bench_build.py [--sizes 100000] [--seed 7] [--repeat 3]
                                [--out bench/results/build.json]

For each size (a synthetic project of about that many generated triples, made by
bench/synthetic.py; or "real", the project itself), in one run, each measure in a fresh child
process (its wall time and its peak resident memory, from wait4):

  baseline      a bare Oxigraph load of the build's quads (dist/pbkg.nq) into an in-memory
                pyoxigraph Store, then len(store)
  baseline-disk the same into an on-disk Store(path), then optimize()
  build         pbkg.build.build(p, incremental=False): parse, validate (fast engine), six dumps,
                the on-disk store and the search index, swap
  unchanged     pbkg.build.build(p) again with nothing changed
  one-file      one article file edited (one evidence quote), pbkg.build.build(p)
  serve-start   EmbeddedStore.from_dist(dist) (the on-disk store, read-only) and its search
                index, then one search and one lookup query answered ("ready_s": from after
                the bench's imports; "wall_s" is the whole process); then 12 searches timed
  serve-legacy  the previous start: dist/pbkg.nq parsed into an in-memory store, the search
                index built from it, the same search and lookup

Ratios are against the in-memory baseline measured in the same run (with --repeat N, the build
and the baseline N times in turns, each one's median run). Results: a table on stdout
and bench/results/build.json (sorted keys, no timestamps).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from pbkg.paths import ProjectPaths, paths

HERE = Path(__file__).resolve().parent

RESULTS = HERE / "results" / "build.json"
ID = "https://w3id.org/pbkg/id/"
SEARCH = "tinh uy ca mau"
# Searches after the start (the index's first use excluded): words common and rare, prefixes.
SEARCHES = ["tinh uy", "Cà Mau", "ban to chuc", "cum thi dua", "dang uy", "syn", "hoi nghi",
            "truong chinh tri", "bao", "ha noi", "kiên giang", "to chuc xay dung dang cum 5"]
START = time.perf_counter()


def child(measure: str, root: Path, dist: Path) -> dict:
    """One measure, in this (child) process; returns what it wants reported besides time."""
    if measure in ("baseline", "baseline-disk"):
        if measure == "baseline":
            store = ox.Store()
        else:
            store = ox.Store(str(dist.parent / "baseline-store"))
        store.bulk_load(path=str(dist / "pbkg.nq"), format=ox.RdfFormat.N_QUADS)
        if measure == "baseline-disk":
            store.optimize()
        return {"quads": len(store)}
    if measure in ("build", "unchanged", "one-file"):
        from pbkg.build import build

        result = build(ProjectPaths(root), out_dir=dist, incremental=measure != "build")
        return {"mode": result.mode, "quads": result.quads, "triples": result.triples,
                "timings": {k: round(v, 3) for k, v in result.timings.items()}}
    if measure in ("serve-start", "serve-legacy"):
        from pbkg.search import index_for
        from pbkg.store import EmbeddedStore

        if measure == "serve-start":
            store = EmbeddedStore.from_dist(dist)
        else:
            memory = ox.Store()
            memory.bulk_load(path=str(dist / "pbkg.nq"), format=ox.RdfFormat.N_QUADS)
            store = EmbeddedStore(memory)
        index = index_for(store, paths().queries, ID)
        hits = index.search(SEARCH, 10)
        rows = store.query(f"SELECT ?p ?o WHERE {{ <{hits[0].entry.iri}> ?p ?o }}").rows
        ready = time.perf_counter() - START
        times = []
        for q in SEARCHES:
            t = time.perf_counter()
            index.search(q, 20)
            times.append(time.perf_counter() - t)
        return {"hits": len(hits), "rows": len(rows),  # type: ignore[arg-type]
                "ready_s": round(ready, 3),
                "search_ms_median": round(statistics.median(times) * 1000, 2),
                "search_ms_max": round(max(times) * 1000, 2)}
    raise SystemExit(f"unknown measure {measure}")


def run_child(measure: str, root: Path, dist: Path, timeout: float) -> dict:
    """Wall time (process start to exit, imports included) and peak RSS of one measure."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", measure, str(root), str(dist)],
                            stdout=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return {"error": f"killed after {timeout:.0f} s"}
        time.sleep(0.01)
    wall = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else b""
    if os.waitstatus_to_exitcode(status) != 0:
        return {"error": f"exit {os.waitstatus_to_exitcode(status)}"}
    report = json.loads(out.decode().strip().splitlines()[-1])
    return {"wall_s": round(wall, 3), "peak_mb": round(usage.ru_maxrss / 1024), **report}


def edit_one_file(root: Path) -> Path:
    """Change one evidence quote of one article (the first curated article file)."""
    curated = sorted(f for f in (root / "data" / "curated").glob("*.ttl")
                     if f.name != "entities.ttl")
    target = curated[len(curated) // 2]
    text = target.read_text(encoding="utf-8")
    marker = '"@vi'
    at = text.index(marker)
    target.write_text(text[:at] + " (sửa)" + text[at:], encoding="utf-8")
    return target


def measure_size(size: str, work: Path, seed: int, timeout: float, repeat: int = 1) -> dict:
    root = work / size / "project"
    info: dict = {"size": size}
    t = time.perf_counter()
    marker = work / size / "generated.json"
    if size != "real" and marker.is_file() and (root / "data").is_dir() and \
            json.loads(marker.read_text()).get("seed") == seed:
        # A project generated by an earlier run in this --work folder (10^6: 3 minutes saved);
        # the previous one-file edits stay in it, which changes nothing measured.
        info["synthetic"] = json.loads(marker.read_text())
        shutil.rmtree(root / "dist", ignore_errors=True)
        shutil.rmtree(root / "baseline-store", ignore_errors=True)
        for leftover in root.glob(".dist.*"):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink()
    elif size == "real":
        shutil.rmtree(root, ignore_errors=True)
        src = paths()
        for name in ("ontology", "shapes", "queries", "data"):
            shutil.copytree(src.root / name, root / name)
    else:
        # In a child process: Linux keeps a process's peak RSS across fork and exec, so a
        # project generated here would set the floor of every later measure's peak memory.
        made = subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--triples", size,
                               "--seed", str(seed), "--out", str(root)],
                              check=True, stdout=subprocess.PIPE)
        info["synthetic"] = json.loads(made.stdout)
        marker.write_text(json.dumps({**info["synthetic"], "seed": seed}))
    info["generate_s"] = round(time.perf_counter() - t, 1)
    dist = root / "dist"
    results = {}
    # The build and its baseline taken in turns, each run's median kept: one bare load varied
    # from 4.8 to 6.8 s between runs on an idle machine.
    runs: dict[str, list[dict]] = {"build": [], "baseline": []}
    for _ in range(repeat):
        for measure in runs:
            runs[measure].append(run_child(measure, root, dist, timeout))
    for measure, done in runs.items():
        results[measure] = _median(done)
    for measure in ("baseline-disk", "unchanged"):
        results[measure] = run_child(measure, root, dist, timeout)
    info["edited"] = str(edit_one_file(root).relative_to(root))
    results["one-file"] = run_child("one-file", root, dist, timeout)
    for measure in ("serve-start", "serve-legacy"):
        results[measure] = run_child(measure, root, dist, timeout)
    base = results["baseline"].get("wall_s")
    for r in results.values():
        if base and "wall_s" in r:
            r["x_baseline"] = round(r["wall_s"] / base, 2)
    info["results"] = results
    return info


def _median(runs: list[dict]) -> dict:
    """The run of median wall time (the lower middle one of an even count), with every run's
    wall time beside it."""
    timed = sorted((r for r in runs if "wall_s" in r), key=lambda r: r["wall_s"])
    if not timed:
        return runs[0]
    out = dict(timed[(len(timed) - 1) // 2])
    if len(runs) > 1:
        out["walls_s"] = [r.get("wall_s") for r in runs]
    return out


def table(rows: list[dict]) -> str:
    lines = [f"{'size':>8} {'measure':<14} {'wall s':>8} {'x base':>7} {'peak MB':>8}  notes"]
    for info in rows:
        for name, r in info["results"].items():
            if "error" in r:
                lines.append(f"{info['size']:>8} {name:<14} {r['error']}")
                continue
            notes = r.get("mode", "")
            if "timings" in r:
                notes += " " + " ".join(f"{k}={v:.2f}" for k, v in r["timings"].items())
            if "quads" in r:
                notes += f" quads={r['quads']}"
            if "walls_s" in r:
                notes += " runs=" + "/".join(f"{w:.2f}" for w in r["walls_s"] if w)
            lines.append(f"{info['size']:>8} {name:<14} {r['wall_s']:>8.2f} "
                         f"{r.get('x_baseline', 0):>7.2f} {r['peak_mb']:>8}  {notes.strip()}")
    return "\n".join(lines)


def environment() -> dict:
    import shacl

    return {"cpus": os.cpu_count(), "machine": platform.machine(),
            "python": platform.python_version(), "pyoxigraph": ox.__version__,
            "shacl": shacl.__version__}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000",
                        help="comma-separated: 'real' or a number of generated triples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=900.0, help="per measure, seconds")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    parser.add_argument("--work", type=Path, default=None,
                        help="kept work folder (else a temp); a project generated there by an "
                             "earlier run with the same seed is used again")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of the build and of the baseline, in turns (median kept)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        measure, root, dist = args.child
        print(json.dumps(child(measure, Path(root), Path(dist))))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="pbkg-bench-build-"))
    try:
        rows = [measure_size(size, work, args.seed, args.timeout, max(1, args.repeat))
                for size in args.sizes.split(",")]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"environment": environment(), "sizes": rows}, indent=2,
                                   sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
