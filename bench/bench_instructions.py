"""Benchmark: the CPU instructions of first requests, counted by valgrind's callgrind.

Wall times on a shared machine vary by 30 % from one run to the next; an instruction count is
the same within 0.1 % whatever else runs, so a change of a few percent in what a first request
costs can be measured. Each figure is this checkout against a baseline (`--code DIR`, a worktree
of an earlier commit), in one run, on the synthetic build that `bench_serve.py` makes:

    git worktree add --detach /tmp/base <commit>
    python bench/bench_instructions.py --work /tmp/bw/1000000/project --code /tmp/base

What is counted, for `--pages` clusters near the median (first requests: nothing kept yet):
  page     the data of a cluster's HTML page (LinkedData.page)
  html     the same, rendered to HTML (the template and its cells)
  awards   a cluster's awards (Lookup.awards(cluster=...), /api/awards?cluster=)
Only the requests are counted (callgrind collects inside one functools.reduce call that makes
them), not the start of the process. Needs valgrind (Debian package valgrind).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WHAT = ("page", "html", "awards")


def child(code: Path, work: Path, entities: Path, what: str) -> None:
    """Run in the measured process: open the build, warm up on one cluster, then make the
    requests inside functools.reduce (the function callgrind collects in)."""
    import functools

    sys.path.insert(0, str(code))
    from pbkg.linked_data import LinkedData
    from pbkg.lookup import Lookup
    from pbkg.settings import Settings
    from pbkg.store import EmbeddedStore

    ents = json.loads(entities.read_text(encoding="utf-8"))
    store = EmbeddedStore.from_dist(work / "dist")
    settings = Settings()
    queries = code / "queries"  # each checkout's own queries, not the project's copy
    lds, lookup = LinkedData(store, queries, settings), Lookup(store, queries, settings)
    _ = lds.index, lookup.index
    if what == "awards":
        def one(iri: str) -> object:
            return lookup.awards(cluster=iri.rsplit("/", 1)[1])
    elif what == "page":
        one = lds.page
    else:
        one = _renderer(code, work, store, settings, lds)
    one(ents["warm"])
    functools.reduce(lambda acc, iri: (one(iri), acc)[1], ents["clusters"], 0)


def _renderer(code: Path, work: Path, store, settings, lds):  # noqa: ANN001, ANN202
    """A cluster's page rendered as the /id route renders it, without the HTTP server."""
    from starlette.requests import Request

    from api.app import create_app
    from api.pages import _render
    from pbkg import linked_data as ld
    from pbkg.paths import ProjectPaths

    app = create_app(settings, store=store, project=ProjectPaths(work))
    links = ld.Links.from_settings(settings)

    def one(iri: str) -> str:
        path = "/" + iri[len(lds.base):]
        request = Request({"type": "http", "method": "GET", "path": path, "query_string": b"",
                           "headers": [(b"accept", b"text/html")], "app": app,
                           "server": ("127.0.0.1", 80), "scheme": "http", "root_path": ""})
        return _render(request, "entity.html", links, "vi", {
            "page": lds.page(iri), "all_facts_href": path + "?facts=all",
            "formats": ld.RDF_FORMATS, "base_path": iri[len(lds.base):]})
    return one


def count(code: Path, work: Path, entities: Path, what: str) -> int:
    """Instructions of the requests, run under callgrind with this file as the child."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(code))
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no",
             "--toggle-collect=functools_reduce", f"--callgrind-out-file={tmp}/out",
             sys.executable, __file__, "--child", str(code), "--work", str(work),
             "--entities", str(entities), "--what", what],
            capture_output=True, text=True, env=env, cwd=str(code))
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed ({code}, {what}):\n{run.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True,
                    help="a synthetic project built by bench_serve.py (its dist/ is read)")
    ap.add_argument("--code", type=Path, help="the baseline: a checkout of an earlier commit")
    ap.add_argument("--pages", type=int, default=20, help="first requests per measure")
    ap.add_argument("--what", default=",".join(WHAT), help="comma-separated: " + ", ".join(WHAT))
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--entities", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.work, args.entities, args.what)
        return
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from bench_serve import sample_entities

    from pbkg.store import EmbeddedStore

    ents = sample_entities(EmbeddedStore.from_dist(args.work / "dist"))
    codes = [("this checkout", ROOT)] + ([("baseline", args.code.resolve())] if args.code else [])
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"warm": ents["cluster"], "clusters": ents["clusters_near_median"][:args.pages]},
                  f)
    entities = Path(f.name)
    try:
        print(f"{'request':8} " + " ".join(f"{name:>16}" for name, _ in codes)
              + ("   ratio" if len(codes) > 1 else "") + "   (M instructions per request)")
        for what in args.what.split(","):
            per = [count(code, args.work, entities, what) / args.pages / 1e6 for _, code in codes]
            ratio = f"   {per[0] / per[1]:.3f}" if len(per) > 1 else ""
            print(f"{what:8} " + " ".join(f"{x:16.2f}" for x in per) + ratio, flush=True)
    finally:
        entities.unlink()


if __name__ == "__main__":
    main()
