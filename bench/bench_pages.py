"""Server time of the site's pages on the real graph (issue 10: each page under 300 ms).

Run as `python bench/bench_pages.py [--repeat N]` after `pbkg build`. Each page is requested in
process (no network), as a browser asks for it (Accept: text/html), with HTTP caching defeated
(no validators sent), after one warm-up request. The baseline, measured in the same run, is a
static file through the same app and middleware: the ratio says what a page costs beyond the
framework. Prints median and maximum per page and exits 1 when a page's maximum passes 300 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.paths import paths
from pbkg.store import EmbeddedStore

PAGES = ["/", "/leadership", "/search?q=kien%20giang", "/graph", "/sparql",
         "/id/cluster/to-chuc-xay-dung-dang-cum-5", "/id/org/ban-to-chuc-tinh-uy-kien-giang",
         "/.well-known/void", "/ontology", "/dumps/", "/id/doc/does-not-exist"]
BASELINE = "/static/pbkg.css"
LIMIT_MS = 300.0


def timed(client: TestClient, path: str, repeat: int) -> list[float]:
    client.get(path, headers={"Accept": "text/html"})  # warm-up: caches, templates
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path, headers={"Accept": "text/html"})
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    store = EmbeddedStore.from_dist(paths().dist)
    with TestClient(create_app(store=store)) as client:
        base = statistics.median(timed(client, BASELINE, args.repeat))
        print(f"baseline {BASELINE}: median {base:.2f} ms")
        worst = 0.0
        for path in PAGES:
            times = timed(client, path, args.repeat)
            median, top = statistics.median(times), max(times)
            worst = max(worst, top)
            print(f"{path:45s} median {median:7.2f} ms  max {top:7.2f} ms  "
                  f"{median / base:6.1f}x baseline")
    print(f"slowest request {worst:.1f} ms (limit {LIMIT_MS:.0f} ms)")
    return 0 if worst <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
