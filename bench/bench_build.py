"""Benchmark: pbkg's build path against the plain rdflib + pyshacl a user would otherwise write.

    python bench/bench_build.py [--sizes real,10000,100000] [--repeat 3] [--budget 150]

For each size (the real project, or a synthetic project of about that many triples made by
bench/synthetic.py), in one run:

  pbkg      load      pbkg.dataset.assemble(source_files(p))
            validate  pbkg.build.validate_assembly(asm, p, engine="split")
            build     pbkg.build.build(p, out_dir=...), the whole command including dist/
  baseline  load      every input file parsed into one rdflib.Graph (the CSV reference tables
                      are first converted to Turtle with pbkg.reference.reference_graphs,
                      untimed, so that the baseline too only parses files)
            validate  pyshacl.validate(graph, shacl_graph=shapes, advanced=True)

Load and validate are timed, for both, on a copy with planted violations
(synthetic.plant_violations), so one run gives both the time and the number of violations each
found; the build is timed on the clean copy (a build with violations writes nothing). Each figure
is the median of up to --repeat runs; a measure stops repeating once its runs add up to
--measure-budget seconds. The baseline runs in a child process killed after --budget seconds,
and is skipped outright where its time predicted from the previous size exceeds the budget.

Results: a table on stdout and bench/results/build.json (sorted keys, no timestamps).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyoxigraph as ox  # noqa: E402
import pyshacl  # noqa: E402
import rdflib  # noqa: E402
import synthetic  # noqa: E402

from pbkg.build import build, validate_assembly  # noqa: E402
from pbkg.dataset import assemble, parse_file, source_files  # noqa: E402
from pbkg.errors import ValidationFailed  # noqa: E402
from pbkg.paths import ProjectPaths, paths  # noqa: E402
from pbkg.reference import reference_graphs  # noqa: E402

RESULTS = HERE / "results" / "build.json"
SH_RESULT = rdflib.URIRef("http://www.w3.org/ns/shacl#result")
# pyshacl runs each SHACL-SPARQL constraint once per focus node, parsing the query each time: a
# large cost per fact, growing a little faster than the graph. Predict the next size with n^1.2
# (measured here: real 4.6k -> 10k triples took 2.6x).
GROWTH = 1.2


# ---------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------

def base_triples(src: ProjectPaths) -> int:
    """Triples of the ontology and reference data, which every synthetic project also holds."""
    files = [sf for sf in source_files(src)
             if sf.path.is_relative_to(src.ontology) or sf.path.is_relative_to(src.reference)]
    seen = set()
    for sf in files:
        seen.update((q.subject, q.predicate, q.object) for q in parse_file(sf.path, sf.graph))
    return len(seen)


def copy_real(src: ProjectPaths, dst: Path) -> ProjectPaths:
    for name in ("ontology", "shapes", "queries", "data"):
        shutil.copytree(src.root / name, dst / name)
    return ProjectPaths(dst)


def prepare(size: str, work: Path, src: ProjectPaths, base: int, seed: int) -> dict:
    """The clean project, a planted copy, and the baseline's Turtle version of the planted copy."""
    clean = work / size / "project"
    clean.mkdir(parents=True)
    info: dict = {"size": size}
    if size == "real":
        copy_real(src, clean)
    else:
        target = max(int(size) - base, 1000)
        info["synthetic"] = synthetic.generate(clean, target, seed=seed, source=src)
    planted = work / size / "planted"
    shutil.copytree(clean, planted)
    info["planted_expected"] = synthetic.plant_violations(planted)
    info["baseline_files"] = str(baseline_inputs(ProjectPaths(planted), work / size / "baseline"))
    info["clean"], info["planted"] = str(clean), str(planted)
    return info


def baseline_inputs(p: ProjectPaths, out: Path) -> Path:
    """Untimed: the CSV tables as Turtle; returns a file listing every input file of the build."""
    out.mkdir(parents=True)
    graphs = reference_graphs(p.reference)
    listed = []
    for sf in source_files(p):
        if sf.path.suffix == ".csv":
            ttl = out / (sf.path.stem + ".ttl")
            graphs[sf.path].serialize(ttl, format="turtle")
            listed.append(ttl)
        else:
            listed.append(sf.path)
    listing = out / "files.txt"
    listing.write_text("\n".join(str(f) for f in listed) + "\n", encoding="utf-8")
    return listing


def union_size(p: ProjectPaths) -> int:
    return len(assemble(source_files(p), root=p.root).union_triples())


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def repeated(fn: Callable[[], object], repeat: int, budget: float) -> tuple[list[float], object]:
    """Run fn up to `repeat` times, stopping once the runs add up to `budget` seconds."""
    times, value = [], None
    while len(times) < repeat and (not times or sum(times) < budget):
        seconds, value = timed(fn)
        times.append(seconds)
    return times, value


def median(times: list[float]) -> float:
    return statistics.median(times)


def pbkg_measures(info: dict, repeat: int, measure_budget: float, work: Path) -> dict:
    planted, clean = ProjectPaths(Path(info["planted"])), ProjectPaths(Path(info["clean"]))
    load_times, asm = repeated(lambda: assemble(source_files(planted), root=planted.root),
                               repeat, measure_budget)
    validate_times, report = repeated(lambda: validate_assembly(asm, planted, engine="split"),
                                      repeat, measure_budget)
    out = work / info["size"] / "dist"
    status = {"value": "ok"}

    def full_build() -> None:
        try:
            build(clean, out_dir=out)
        except ValidationFailed as failure:
            status["value"] = f"invalid ({len(failure.report.violations)} violations)"

    build_times, _ = repeated(full_build, repeat, measure_budget)
    return {
        "load_s": median(load_times),
        "validate_s": median(validate_times),
        "build_s": median(build_times),
        "build_status": status["value"],
        "runs": {"load": len(load_times), "validate": len(validate_times),
                 "build": len(build_times)},
        "violations": len(report.violations),
    }


def baseline_once(listing: Path, shapes_dir: Path, timeout: float) -> dict | None:
    """One baseline run in a child process; None when it ran out of time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--baseline-worker", str(listing),
           str(shapes_dir)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"the baseline worker failed:\n{error.stderr}") from None
    return json.loads(done.stdout.strip().splitlines()[-1])


def baseline_worker(listing: Path, shapes_dir: Path) -> None:
    """What a user would write: parse everything into one graph, run pyshacl."""
    import logging
    import warnings

    logging.disable(logging.WARNING)     # rdflib logs every ill-typed literal it meets
    warnings.simplefilter("ignore")
    files = [Path(line) for line in listing.read_text(encoding="utf-8").splitlines() if line]
    shapes = rdflib.Graph()
    for f in sorted(shapes_dir.glob("*.ttl")):
        shapes.parse(f, format="turtle")

    def load() -> rdflib.Graph:
        graph = rdflib.Graph()
        for f in files:
            graph.parse(f, format="turtle")
        return graph

    load_s, graph = timed(load)
    validate_s, (conforms, results, _) = timed(
        lambda: pyshacl.validate(graph, shacl_graph=shapes, advanced=True))
    violations = len(set(results.objects(None, SH_RESULT)))
    print(json.dumps({"load_s": load_s, "validate_s": validate_s, "violations": violations,
                      "conforms": bool(conforms), "triples": len(graph)}))


def baseline_measures(info: dict, repeat: int, measure_budget: float, budget: float,
                      predicted: float | None) -> dict:
    if predicted is not None and predicted > budget:
        return {"skipped": f"predicted {predicted:.0f} s > budget {budget:.0f} s"}
    listing, shapes_dir = Path(info["baseline_files"]), ProjectPaths(Path(info["planted"])).shapes
    runs: list[dict] = []
    while len(runs) < repeat and (not runs or sum(r["load_s"] + r["validate_s"] for r in runs)
                                  < measure_budget):
        run = baseline_once(listing, shapes_dir, budget)
        if run is None:
            if not runs:
                return {"skipped": f"ran over the budget of {budget:.0f} s"}
            break
        runs.append(run)
    return {
        "load_s": median([r["load_s"] for r in runs]),
        "validate_s": median([r["validate_s"] for r in runs]),
        "runs": len(runs),
        "violations": runs[0]["violations"],
        "triples": runs[0]["triples"],
    }


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def table(rows: list[dict]) -> str:
    head = ["size (triples)", "pbkg load", "pbkg validate", "pbkg build (dist/)",
            "baseline load", "baseline validate", "baseline total",
            "baseline / pbkg (load + validate)", "violations found: pbkg / baseline / planted"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        pb, bl = row["pbkg"], row["baseline"]
        pbkg_total = pb["load_s"] + pb["validate_s"]
        if "skipped" in bl:
            base = ["skipped", "skipped", "skipped", "-"]
            found = f"{pb['violations']} / - / {row['planted_expected']}"
        else:
            total = bl["load_s"] + bl["validate_s"]
            same = "same" if pb["violations"] == bl["violations"] else "DIFFERENT"
            ratio = f"{total / pbkg_total:.0f}x"
            base = [fmt(bl["load_s"]), fmt(bl["validate_s"]), fmt(total), ratio]
            found = (f"{pb['violations']} / {bl['violations']} / {row['planted_expected']} "
                     f"({same})")
        build = fmt(pb["build_s"]) + ("" if pb["build_status"] == "ok" else " *")
        label = f"{row['triples']:,}" + (" (real data)" if row["size"] == "real" else "")
        lines.append("| " + " | ".join([label, fmt(pb["load_s"]), fmt(pb["validate_s"]), build,
                                        *base, found]) + " |")
    return "\n".join(lines)


def environment() -> dict:
    import os

    return {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "pyshacl": pyshacl.__version__,
        "rdflib": rdflib.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,10000,100000",
                        help="comma-separated: 'real' and/or triple counts (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--measure-budget", type=float, default=30.0,
                        help="stop repeating a measure once its runs reach this many seconds")
    parser.add_argument("--budget", type=float, default=150.0,
                        help="seconds one baseline run may take before it is skipped")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the generated projects here (default: a temporary folder)")
    parser.add_argument("--baseline-worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_worker:
        baseline_worker(*args.baseline_worker)
        return 0

    import logging
    import warnings

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    src = paths()
    base = base_triples(src)
    work = args.work or Path(tempfile.mkdtemp(prefix="pbkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    last: tuple[int, float] | None = None
    started = time.perf_counter()
    try:
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if (work / size).exists():
                shutil.rmtree(work / size)
            print(f"[{time.perf_counter() - started:5.0f} s] {size}: preparing", file=sys.stderr)
            info = prepare(size, work, src, base, args.seed)
            triples = union_size(ProjectPaths(Path(info["clean"])))
            print(f"[{time.perf_counter() - started:5.0f} s] {size}: {triples:,} triples, pbkg",
                  file=sys.stderr)
            pb = pbkg_measures(info, args.repeat, args.measure_budget, work)
            predicted = None
            if last is not None:
                predicted = last[1] * (triples / last[0]) ** GROWTH
            print(f"[{time.perf_counter() - started:5.0f} s] {size}: baseline"
                  + (f" (predicted {predicted:.0f} s)" if predicted else ""), file=sys.stderr)
            bl = baseline_measures(info, args.repeat, args.measure_budget, args.budget, predicted)
            if "skipped" in bl:
                print(f"  baseline skipped at {triples:,} triples: {bl['skipped']}",
                      file=sys.stderr)
            else:
                last = (triples, bl["load_s"] + bl["validate_s"])
            row = {"size": size, "triples": triples, "planted_expected": info["planted_expected"],
                   "pbkg": pb, "baseline": bl}
            if "synthetic" in info:
                row["synthetic"] = info["synthetic"]
            rows.append(row)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    print(table(rows))
    notes = [row for row in rows if row["pbkg"]["build_status"] != "ok"]
    for row in notes:
        print(f"* {row['size']}: the clean build failed validation, "
              f"{row['pbkg']['build_status']}; its time is load + validate up to the failure.")
    for row in rows:
        if "skipped" in row["baseline"]:
            print(f"baseline skipped at {row['triples']:,} triples: {row['baseline']['skipped']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    body = {"environment": environment(), "repeat": args.repeat,
            "measure_budget_s": args.measure_budget, "baseline_budget_s": args.budget,
            "seed": args.seed, "results": rows}
    args.out.write_text(json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"results written to {args.out}", file=sys.stderr)
    print(f"total {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
