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
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pbkg.errors import InputError
from pbkg.extract.article import read_article
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
class ArticleResult:
    article: str
    scores: dict[str, Score]
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)


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

    def to_json(self) -> str:
        return json.dumps(
            {
                "articles": len(self.articles),
                "scores": {cat: self.scores[cat].as_dict() for cat in CATEGORIES},
                "per_article": [
                    {"article": a.article,
                     "scores": {c: a.scores[c].as_dict() for c in CATEGORIES},
                     "missed": a.missed, "spurious": a.spurious}
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


def _items(category: str, result: dict) -> list[tuple[tuple, str, str]]:
    """(exact key, tolerant string, label) triples for one category of one result."""
    out = []
    if category == "roles":
        for r in result.get("roles") or []:
            out.append(((r.get("year"), r.get("role"), _unit(r)), _unit(r),
                        f"{r.get('year')} {r.get('role')} {r.get('unit')}"))
    elif category == "members":
        for c in result.get("clusters") or []:
            for m in c.get("members") or []:
                key = _unit_key(m)
                out.append(((key,), key, m))
    elif category == "officials":
        for o in result.get("officials") or []:
            out.append(((norm_key(o.get("name")),), "", o.get("name") or ""))
    elif category == "documents":
        for d in result.get("documents") or []:
            out.append(((_doc_id(d.get("id")),), "", d.get("id") or ""))
    elif category == "awards":
        for a in result.get("awards") or []:
            rec = _unit_key(a.get("recipient"))
            out.append(((a.get("status"), rec), rec,
                        f"{a.get('status')} {a.get('recipient')}"))
    elif category == "events":
        for e in result.get("events") or []:
            out.append(((e.get("kind"), e.get("date")), "", f"{e.get('kind')} {e.get('date')}"))
    return out


def _tolerant(category: str) -> Callable[[tuple, str, tuple, str], bool] | None:
    def contained(gk: tuple, gt: str, pk: tuple, pt: str) -> bool:
        if gk[:-1] != pk[:-1] or not gt or not pt:
            return False
        return contains_words(gt, pt) or contains_words(pt, gt)

    return contained if category in {"roles", "members", "awards"} else None


def score_category(category: str, gold: dict, pred: dict) -> tuple[Score, list[str], list[str]]:
    g_items = _items(category, gold)
    p_items = _items(category, pred)
    used = [False] * len(p_items)
    matched = [False] * len(g_items)
    for gi, (gk, _, _) in enumerate(g_items):
        for pi, (pk, _, _) in enumerate(p_items):
            if not used[pi] and pk == gk:
                used[pi] = matched[gi] = True
                break
    tolerant = _tolerant(category)
    if tolerant:
        for gi, (gk, gt, _) in enumerate(g_items):
            if matched[gi]:
                continue
            for pi, (pk, pt, _) in enumerate(p_items):
                if not used[pi] and tolerant(gk, gt, pk, pt):
                    used[pi] = matched[gi] = True
                    break
    tp = sum(matched)
    missed = [g_items[i][2] for i, ok in enumerate(matched) if not ok]
    spurious = [p_items[i][2] for i, ok in enumerate(used) if not ok]
    return Score(tp, len(p_items) - tp, len(g_items) - tp), missed, spurious


def evaluate_pairs(pairs: list[tuple[dict, dict]]) -> EvalReport:
    """Score (gold, predicted) result pairs."""
    totals = {cat: Score() for cat in CATEGORIES}
    articles = []
    for gold, pred in pairs:
        result = ArticleResult(str(gold.get("article") or pred.get("article") or ""), {})
        for cat in CATEGORIES:
            score, missed, spurious = score_category(cat, gold, pred)
            result.scores[cat] = score
            if missed:
                result.missed[cat] = missed
            if spurious:
                result.spurious[cat] = spurious
            totals[cat].add(score)
        articles.append(result)
    return EvalReport(totals, articles)


def evaluate(gold_dir: Path, articles_dir: Path) -> EvalReport:
    """Extract every article `NN.txt` of `articles_dir` that has a gold file `NN.json` in
    `gold_dir`, and score the results."""
    gold_dir, articles_dir = Path(gold_dir), Path(articles_dir)
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "no such gold directory")
    pairs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        article_path = articles_dir / f"{gold_path.stem}.txt"
        if not article_path.is_file():
            raise InputError(gold_path, f"no article {article_path.name} in {articles_dir}")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(gold_path, f"not a JSON gold file: {exc}") from None
        gold.setdefault("article", gold_path.stem)
        pairs.append((gold, extract(read_article(article_path))))
    return evaluate_pairs(pairs)
