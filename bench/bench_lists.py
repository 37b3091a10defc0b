"""Benchmark: the lists over the whole graph (/api/awards and /api/conferences with no cluster),
in process, this checkout against a baseline checkout, on the synthetic build of bench_serve.py.

    git worktree add --detach /tmp/base <commit>
    python bench/bench_lists.py --work /tmp/bw/1000000/project --code /tmp/base [--repeat 2]

Each list is asked in a fresh process per checkout (nothing kept from an earlier answer), the
two checkouts in turns, each with its own `queries/`; the time limit is lifted (`--limit`) so
that a slow list is measured rather than stopped. Prints each checkout's median seconds, their
ratio, and whether the two answers are the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = {
    "awards": ("awards", {}),
    "awards?year=2020": ("awards", {"year": 2020}),
    "awards?status=proposed": ("awards", {"status": "proposed"}),
    "conferences": ("conferences", {}),
}


def child(code: Path, work: Path, name: str, limit: float) -> None:
    """In the measured process: open the build, ask one list, print its time and a digest."""
    sys.path.insert(0, str(code))
    from pbkg.lookup import Lookup
    from pbkg.settings import Settings
    from pbkg.store import EmbeddedStore

    store = EmbeddedStore.from_dist(work / "dist")
    lookup = Lookup(store, code / "queries", Settings(query_timeout=limit))
    method, args = LISTS[name]
    start = time.perf_counter()
    answer = getattr(lookup, method)(**args)
    seconds = time.perf_counter() - start
    digest = hashlib.sha256(json.dumps(answer, sort_keys=True, default=str).encode()).hexdigest()
    print(json.dumps({"seconds": seconds, "items": len(answer), "digest": digest}))


def measure(code: Path, work: Path, name: str, limit: float) -> dict:
    run = subprocess.run([sys.executable, __file__, "--child", str(code), "--work", str(work),
                          "--list", name, "--limit", str(limit)],
                         capture_output=True, text=True, cwd=str(code))
    if run.returncode != 0:
        raise SystemExit(f"{code}: {name} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True,
                    help="a synthetic project built by bench_serve.py (its dist/ is read)")
    ap.add_argument("--code", type=Path, help="the baseline: a checkout of an earlier commit")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=float, default=600.0, help="the query time limit, seconds")
    ap.add_argument("--lists", default=",".join(LISTS), help="comma-separated: " + ", ".join(LISTS))
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--list", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.work, args.list, args.limit)
        return
    codes = [("this checkout", ROOT)] + ([("baseline", args.code.resolve())] if args.code else [])
    print(f"{'list':24} " + " ".join(f"{name:>14}" for name, _ in codes)
          + ("   ratio  same answer" if len(codes) > 1 else "") + "   (seconds, median)")
    for name in args.lists.split(","):
        runs: dict[str, list[dict]] = {label: [] for label, _ in codes}
        for _ in range(args.repeat):
            for label, code in codes:
                runs[label].append(measure(code, args.work, name, args.limit))
        med = [statistics.median(r["seconds"] for r in runs[label]) for label, _ in codes]
        line = f"{name:24} " + " ".join(f"{m:14.2f}" for m in med)
        if len(codes) > 1:
            same = runs["this checkout"][0]["digest"] == runs["baseline"][0]["digest"]
            line += f"   {med[0] / med[1]:5.3f}  {'yes' if same else 'NO'}"
        print(line + f"   ({runs['this checkout'][0]['items']} items)", flush=True)


if __name__ == "__main__":
    main()
