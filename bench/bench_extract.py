"""Extraction speed: articles per second over the corpus and seed articles, and the time for
one-paragraph inputs of 10 KB, 1 MB and 10 MB (the extractor must stay linear: 10 MB under 10 s).

Run as `python bench/bench_extract.py [--repeat N] [--sizes 10000,1000000,10000000]`.
Reading files is not timed. The long inputs are the corpus texts joined into one paragraph
(line breaks as spaces) and repeated to the size in UTF-8 bytes, then the same with every full
stop, "?" and "!" made a comma: one run-on sentence (`--run-on` sizes), where each list, role and
award reads on to the sentence's end, member lists of that size with no sentence break, and a
repeated list, posts, brackets and years ("noisy repeats"); for each size the script prints the
wall and CPU seconds (on a shared machine the wall time includes waiting for a core), the
throughput and the CPU time per byte relative to the smallest size
measured in the same run (about 1.0 when the extractor is linear).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pbkg.extract import extract, extract_text, read_article
from pbkg.paths import paths


def _articles() -> list:
    shared = paths().shared
    files = []
    for part in ("dev", "dev2"):
        files += sorted((shared / "corpus" / part / "articles").glob("*.txt"))
    files += sorted((shared / "seeds").glob("*.txt"))
    return [read_article(Path(f)) for f in files]


def one_paragraph(articles: list, size: int) -> str:
    """`size` UTF-8 bytes of article text on one line."""
    body = " ".join(" ".join(a.text.split()) for a in articles).encode("utf-8")
    data = (body * (size // len(body) + 1))[:size]
    return data.decode("utf-8", "ignore")


def run_on(text: str) -> str:
    """The text as one sentence: its sentence breaks made commas (same length)."""
    return text.translate(str.maketrans(".?!", ",,,"))


def run_on_lists(text: str) -> str:
    """As many bytes of member lists with no sentence break, each cluster's list reading on
    into the next ones (written for the bench; was quadratic: 40 KB took 7 s)."""
    unit = ("Cụm thi đua số {} gồm Đài Phát thanh và Truyền hình Lào Cai, Báo và Phát thanh, "
            "Truyền hình Yên Bái, Huyện ủy Bảo Yên, Thị ủy Sa Pa, ")
    size, parts, i = len(text.encode("utf-8")), [], 0
    while size > 0:
        i += 1
        parts.append(unit.format(i % 50 + 1))
        size -= len(parts[-1].encode("utf-8"))
    return "".join(parts)


def noisy(text: str) -> str:
    """As many bytes of a repeated list, posts, brackets and years with no sentence break (the
    pathological text of tests/test_extract.py, grown to the size)."""
    unit = ("Cụm thi đua số 1 gồm " + ", ".join(["Ban Tổ chức Tỉnh ủy Hà Nam"] * 50) + ". "
            + "Đồng chí Nguyễn Văn A, Trưởng ban, " * 200 + "(((" * 500 + "năm 2020 " * 500)
    size = len(text.encode("utf-8"))
    return (unit * (size // len(unit.encode("utf-8")) + 1))[:len(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over all articles")
    parser.add_argument("--sizes", default="10000,1000000,10000000",
                        help="one-paragraph input sizes in bytes, comma-separated")
    parser.add_argument("--run-on", default="10000,1000000",
                        help="sizes of the same with no sentence break, and of member lists "
                             "with none, comma-separated")
    args = parser.parse_args(argv)
    articles = _articles()
    if not articles:
        print(f"no articles found under {paths().shared}", file=sys.stderr)
        return 1
    for a in articles:  # warm-up (regex compilation, caches)
        extract(a)
    rates, cpu_rates, slowest = [], [], 0.0
    for _ in range(args.repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        for a in articles:
            t0 = time.perf_counter()
            extract(a)
            slowest = max(slowest, time.perf_counter() - t0)
        rates.append(len(articles) / (time.perf_counter() - start))
        cpu_rates.append(len(articles) / max(time.process_time() - cpu_start, 1e-9))
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles ({chars:,} characters), {args.repeat} passes")
    print(f"articles/second: median {statistics.median(rates):,.1f} "
          f"(min {min(rates):,.1f}, max {max(rates):,.1f}); "
          f"per CPU second: median {statistics.median(cpu_rates):,.1f}")
    print(f"slowest single article: {slowest * 1000:.1f} ms")

    for label, sizes, shape in (("one paragraph", args.sizes, lambda t: t),
                                ("one run-on sentence", args.run_on, run_on),
                                ("run-on member lists", args.run_on, run_on_lists),
                                ("noisy repeats", args.run_on, noisy)):
        base: float | None = None
        for size in sorted(int(s) for s in sizes.split(",") if s.strip()):
            text = shape(one_paragraph(articles, size))
            t0, c0 = time.perf_counter(), time.process_time()
            result = extract_text(text)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            per_byte = cpu / size
            base = base if base is not None else per_byte
            facts = sum(len(v) for v in result.values() if isinstance(v, list))
            print(f"{label} of {size:>11,} bytes: {seconds:8.3f} s wall, {cpu:8.3f} s CPU  "
                  f"{size / cpu / 1e6:6.2f} MB/s CPU  CPU time/byte x{per_byte / base:5.2f} "
                  f"of the smallest  ({facts} facts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
