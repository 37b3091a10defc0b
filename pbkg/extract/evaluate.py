"""Scoring extracted facts against gold files: precision, recall and F1 per category,
micro-averaged over articles (true positives, false positives and false negatives are summed
over all articles before the ratios are taken).

Strings are compared by a key that ignores diacritics, tone-mark placement, case, whitespace
and punctuation (`pbkg.text.fold`, then every non-word character dropped). Within one article
each gold item is matched to at most one predicted item, exact keys first, tolerant ones next.
Match keys per category:

- roles: year and role equal, and the units' keys equal or one contained in the other at word
  boundaries, after spelling out abbreviations ("BTC TU" = "Ban Tổ chức Tỉnh ủy"; "Tỉnh ủy" and
  "Thành ủy" compare equal, as "TU" stands for both); the cluster is ignored (articles name one
  cluster in several ways).
- members: the members of all the article's clusters pooled; keys equal, or (tolerant) one
  contained in the other ("Krông Búk" ~ "Huyện ủy Krông Búk").
- officials: the person's name key.
- documents: the id key with spaces and the word "số" dropped ("Chỉ thị số 05-CT/TW" ~ "05-CT/TW"
  only if written so in the id; ids are compared as ids, not as evidence).
- awards: status equal and recipient keys equal or one contained in the other
  ("ba đơn vị (not named)" ~ "ba đơn vị").
- events: kind equal and date equal (both may be null).

When a category has no predictions, precision is 1.0 (nothing wrong was said); with no gold
items, recall is 1.0. Extra gold keys (year_explicit, presented_by, aliases, note, notes) are
ignored.

Every miss and false positive is also reported with its text span when the article text is
known: a prediction's own offsets, a gold item's evidence quote (or name) found in the text.
A corpus is a folder of parts (`dev/`, `dev2/`), each with `gold/` and `articles/`; a split
file (JSON: part name -> article ids) selects the articles of one part of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pbkg.errors import InputError
from pbkg.extract.article import read_article
from pbkg.extract.doc import Doc
from pbkg.extract.patterns import contains_words, norm_key
from pbkg.extract.pipeline import extract

CATEGORIES = ("roles", "members", "officials", "documents", "awards", "events")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Error:
    """One miss (a gold item not predicted) or false positive (a prediction not in the gold)."""

    category: str
    kind: str  # "miss" | "false-positive"
    label: str
    evidence: str | None = None
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict:
        return {"category": self.category, "kind": self.kind, "label": self.label,
                "evidence": self.evidence, "start": self.start, "end": self.end}

    def line(self) -> str:
        where = f" @{self.start}-{self.end}" if self.start is not None else ""
        quote = " ".join((self.evidence or "").split())
        if len(quote) > 140:
            quote = quote[:137] + "..."
        return f"{self.category:<10} {self.kind:<14} {self.label}{where}" + (
            f"  «{quote}»" if quote else "")


@dataclass
class ArticleResult:
    article: str
    scores: dict[str, Score]
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)


@dataclass
class EvalReport:
    scores: dict[str, Score]
    articles: list[ArticleResult]

    def to_table(self) -> str:
        lines = [f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for cat in CATEGORIES:
            s = self.scores[cat]
            lines.append(f"{cat:<10} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                         f"{s.tp:>4} {s.fp:>4} {s.fn:>4}")
        lines.append(f"({len(self.articles)} articles, micro-averaged)")
        return "\n".join(lines)

    def errors_table(self) -> str:
        """Every miss and false positive, article by article, with its span and quote."""
        lines = []
        for a in self.articles:
            if a.errors:
                lines.append(f"-- {a.article}")
                lines.extend("   " + e.line() for e in a.errors)
        return "\n".join(lines) if lines else "(no errors)"

    def to_json(self) -> str:
        return json.dumps(
            {
                "articles": len(self.articles),
                "scores": {cat: self.scores[cat].as_dict() for cat in CATEGORIES},
                "per_article": [
                    {"article": a.article,
                     "scores": {c: a.scores[c].as_dict() for c in CATEGORIES},
                     "missed": a.missed, "spurious": a.spurious,
                     "errors": [e.as_dict() for e in a.errors]}
                    for a in self.articles
                ],
            },
            ensure_ascii=False,
            indent=1,
        )


# -- keys -------------------------------------------------------------------------------

Item = tuple[tuple, str]  # (exact key, tolerant text) pairs


def _unit_key(text: str | None) -> str:
    # "TU" abbreviates both a province's "Tỉnh ủy" and a city's "Thành ủy" ("BTC TU Cần Thơ" is
    # the Ban Tổ chức Thành ủy Cần Thơ), so the two words compare equal.
    return norm_key(text, expand=True).replace("thanh uy", "tinh uy")


def _unit(item: dict) -> str:
    return _unit_key(item.get("unit_full") or item.get("unit"))


def _doc_id(value: str | None) -> str:
    key = f" {norm_key(value)} ".replace(" so ", " ")
    return key.replace(" ", "")


def _items(category: str, result: dict) -> list[tuple[tuple, str, str, dict]]:
    """(exact key, tolerant string, label, source item) for one category of one result."""
    out = []
    if category == "roles":
        for r in result.get("roles") or []:
            out.append(((r.get("year"), r.get("role"), _unit(r)), _unit(r),
                        f"{r.get('year')} {r.get('role')} {r.get('unit')}", r))
    elif category == "members":
        for c in result.get("clusters") or []:
            for m in c.get("members") or []:
                key = _unit_key(m)
                out.append(((key,), key, m, {"name": m}))
    elif category == "officials":
        for o in result.get("officials") or []:
            out.append(((norm_key(o.get("name")),), "", o.get("name") or "", o))
    elif category == "documents":
        for d in result.get("documents") or []:
            out.append(((_doc_id(d.get("id")),), "", d.get("id") or "", d))
    elif category == "awards":
        for a in result.get("awards") or []:
            rec = _unit_key(a.get("recipient"))
            out.append(((a.get("status"), rec), rec,
                        f"{a.get('status')} {a.get('recipient')}", a))
    elif category == "events":
        for e in result.get("events") or []:
            out.append(((e.get("kind"), e.get("date")), "", f"{e.get('kind')} {e.get('date')}",
                        e))
    return out


def _locate(text: str, needle: str | None) -> tuple[int, int] | None:
    """Where `needle` is written in `text` (any run of spaces matching any other)."""
    if not text or not needle or not needle.strip():
        return None
    pos = text.find(needle)
    if pos != -1:
        return pos, pos + len(needle)
    words = [re.escape(w) for w in needle.replace("'", "’").split()]
    m = re.search(r"\s+".join(words), text.replace("'", "’")) if words else None
    return (m.start(), m.end()) if m else None


def _error(category: str, kind: str, label: str, item: dict, text: str | None) -> Error:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and text and 0 <= start < end <= len(text):
        return Error(category, kind, label, text[start:end], start, end)
    span = None
    if text:
        span = _locate(text, item.get("evidence")) or _locate(
            text, item.get("name") or item.get("unit") or item.get("recipient"))
    if span:
        return Error(category, kind, label, text[span[0] : span[1]], *span)
    return Error(category, kind, label, item.get("evidence"))


def _tolerant(category: str) -> Callable[[tuple, str, tuple, str], bool] | None:
    def contained(gk: tuple, gt: str, pk: tuple, pt: str) -> bool:
        if gk[:-1] != pk[:-1] or not gt or not pt:
            return False
        return contains_words(gt, pt) or contains_words(pt, gt)

    return contained if category in {"roles", "members", "awards"} else None


def score_category(category: str, gold: dict, pred: dict,
                   text: str | None = None) -> tuple[Score, list[str], list[str], list[Error]]:
    g_items = _items(category, gold)
    p_items = _items(category, pred)
    used = [False] * len(p_items)
    matched = [False] * len(g_items)
    for gi, (gk, _, _, _) in enumerate(g_items):
        for pi, (pk, _, _, _) in enumerate(p_items):
            if not used[pi] and pk == gk:
                used[pi] = matched[gi] = True
                break
    tolerant = _tolerant(category)
    if tolerant:
        for gi, (gk, gt, _, _) in enumerate(g_items):
            if matched[gi]:
                continue
            for pi, (pk, pt, _, _) in enumerate(p_items):
                if not used[pi] and tolerant(gk, gt, pk, pt):
                    used[pi] = matched[gi] = True
                    break
    tp = sum(matched)
    missed = [g_items[i][2] for i, ok in enumerate(matched) if not ok]
    spurious = [p_items[i][2] for i, ok in enumerate(used) if not ok]
    errors = [_error(category, "miss", g[2], g[3], text)
              for g, ok in zip(g_items, matched, strict=True) if not ok]
    errors += [_error(category, "false-positive", p[2], p[3], text)
               for p, ok in zip(p_items, used, strict=True) if not ok]
    return Score(tp, len(p_items) - tp, len(g_items) - tp), missed, spurious, errors


def evaluate_pairs(pairs: list[tuple[dict, dict]],
                   texts: list[str | None] | None = None) -> EvalReport:
    """Score (gold, predicted) result pairs; with the article `texts` (one per pair), errors
    carry their spans."""
    totals = {cat: Score() for cat in CATEGORIES}
    articles = []
    for i, (gold, pred) in enumerate(pairs):
        text = texts[i] if texts else None
        result = ArticleResult(str(gold.get("article") or pred.get("article") or ""), {})
        for cat in CATEGORIES:
            score, missed, spurious, errors = score_category(cat, gold, pred, text)
            result.scores[cat] = score
            if missed:
                result.missed[cat] = missed
            if spurious:
                result.spurious[cat] = spurious
            result.errors.extend(errors)
            totals[cat].add(score)
        articles.append(result)
    return EvalReport(totals, articles)


def _gold_articles(gold_dir: Path, articles_dir: Path) -> list[tuple[Path, Path]]:
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "no such gold directory")
    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        article_path = articles_dir / f"{gold_path.stem}.txt"
        if not article_path.is_file():
            raise InputError(gold_path, f"no article {article_path.name} in {articles_dir}")
        out.append((gold_path, article_path))
    return out


def _score_files(files: list[tuple[Path, Path]]) -> EvalReport:
    pairs, texts = [], []
    for gold_path, article_path in files:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(gold_path, f"not a JSON gold file: {exc}") from None
        if not isinstance(gold, dict):
            raise InputError(gold_path, "not a JSON gold file: expected an object")
        gold.setdefault("article", gold_path.stem)
        article = read_article(article_path)
        pairs.append((gold, extract(article)))
        texts.append(Doc(article.text).text)
    return evaluate_pairs(pairs, texts)


def evaluate(gold_dir: Path, articles_dir: Path) -> EvalReport:
    """Extract every article `NN.txt` of `articles_dir` that has a gold file `NN.json` in
    `gold_dir`, and score the results."""
    return _score_files(_gold_articles(Path(gold_dir), Path(articles_dir)))


def corpus_files(corpus: Path) -> dict[str, tuple[Path, Path]]:
    """Article id -> (gold, article) over the parts of a corpus folder (`dev/`, `dev2/`, ...,
    or the folder itself when it holds `gold/` and `articles/`)."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise InputError(corpus, "no such corpus directory")
    parts = [corpus] if (corpus / "gold").is_dir() else sorted(
        p for p in corpus.iterdir() if (p / "gold").is_dir())
    if not parts:
        raise InputError(corpus, "no gold/ folder in it or in its subfolders")
    out: dict[str, tuple[Path, Path]] = {}
    for part in parts:
        for gold_path, article_path in _gold_articles(part / "gold", part / "articles"):
            if gold_path.stem in out:
                raise InputError(gold_path, f"article id {gold_path.stem} is in two parts")
            out[gold_path.stem] = (gold_path, article_path)
    return out


def read_split(path: Path) -> dict[str, list[str]]:
    """The parts of a split file: a JSON object whose list values are article ids."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, f"cannot read the split file: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a JSON split file: {exc}") from None
    parts = {k: [str(i) for i in v] for k, v in data.items()
             if isinstance(data, dict) and isinstance(v, list)} if isinstance(data, dict) else {}
    if not parts:
        raise InputError(path, "no parts in the split file (expected name: [article ids])")
    return parts


def evaluate_corpus(corpus: Path, split: Path | None = None,
                    part: str | None = None) -> dict[str, EvalReport]:
    """Scores of a corpus: {"all": report} without a split, else one report per part of the
    split (only `part` when given)."""
    files = corpus_files(corpus)
    if split is None:
        return {"all": _score_files([files[k] for k in sorted(files)])}
    parts = read_split(split)
    if part is not None and part not in parts:
        raise InputError(split, f"no part {part!r} (parts: {', '.join(sorted(parts))})")
    out = {}
    for name, ids in parts.items():
        if part is not None and name != part:
            continue
        missing = [i for i in ids if i not in files]
        if missing:
            raise InputError(split, f"part {name!r} names articles not in {corpus}: "
                                    f"{', '.join(missing)}")
        out[name] = _score_files([files[i] for i in ids])
    return out
