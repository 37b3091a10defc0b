"""Extraction speed: articles per second over the dev articles and the seed articles.

Run as `python bench/bench_extract.py [--repeat N]`; reading files is not timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pbkg.extract import extract, read_article
from pbkg.paths import paths


def _articles() -> list:
    shared = paths().shared
    files = sorted((shared / "corpus" / "dev" / "articles").glob("*.txt"))
    files += sorted((shared / "seeds").glob("*.txt"))
    return [read_article(Path(f)) for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over all articles")
    args = parser.parse_args(argv)
    articles = _articles()
    if not articles:
        print(f"no articles found under {paths().shared}", file=sys.stderr)
        return 1
    for a in articles:  # warm-up (regex compilation, caches)
        extract(a)
    rates, slowest = [], 0.0
    for _ in range(args.repeat):
        start = time.perf_counter()
        for a in articles:
            t0 = time.perf_counter()
            extract(a)
            slowest = max(slowest, time.perf_counter() - t0)
        rates.append(len(articles) / (time.perf_counter() - start))
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles ({chars:,} characters), {args.repeat} passes")
    print(f"articles/second: median {statistics.median(rates):,.1f} "
          f"(min {min(rates):,.1f}, max {max(rates):,.1f})")
    print(f"slowest single article: {slowest * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
