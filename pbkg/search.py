"""Search over labels, and the label index every lookup and page uses to name things.

The index is read from the store once (queries/lookup/labels.rq and types.rq) and kept on the
store object, so that building it is paid once per store, not per request. Matching folds case,
diacritics, tone-mark placement and Unicode form with pbkg.text.fold, and ignores punctuation:
"ca mau", "Cà Mau" (NFC or NFD), "Tỉnh uỷ Cà Mau" and "Tỉnh ủy Cà Mau" are the same key, and an
abbreviation such as "BTC TU Sóc Trăng" is a label like any other.

Ranking: an exact match of the folded query with a folded label, then a label that starts with
the query, then a label that contains every query word (the last may be a prefix, for
type-ahead); ties go to preferred labels over alternative ones, then to shorter labels.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import NamedQuery, parse_query_file
from .errors import InvalidParameter
from .namespaces import DCTERMS, FOAF, PBO, RDFS, SCHEMA, SKOS
from .store import Store
from .text import fold

_WORD = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
MAX_LIMIT = 100

# Label properties, best first: the rank a label gets when two matches are otherwise equal.
LABEL_PROPERTIES: dict[str, int] = {
    str(RDFS.label): 0,
    str(SKOS.prefLabel): 0,
    str(FOAF.name): 1,
    str(DCTERMS.identifier): 1,
    str(SKOS.altLabel): 2,
    str(PBO.abbreviation): 2,
    str(SCHEMA.headline): 3,
}
_NOTATION = str(SKOS.notation)
_URL = str(SCHEMA.url)
_HEADLINE = str(SCHEMA.headline)


def key(text: str) -> str:
    """The search key of a text: folded, words only, one space between them."""
    return " ".join(_WORD.findall(fold(text)))


@dataclass
class Name:
    text: str
    lang: str | None
    property: str
    key: str
    words: tuple[str, ...]

    @property
    def rank(self) -> int:
        return LABEL_PROPERTIES.get(self.property, 4)


@dataclass
class Entry:
    """What the index knows of one IRI."""

    iri: str
    types: list[str] = field(default_factory=list)
    is_fact: bool = False
    names: list[Name] = field(default_factory=list)
    notation: str | None = None
    url: str | None = None

    def label(self, lang: str) -> str | None:
        """The preferred label in a language (rdfs:label, skos:prefLabel, foaf:name, headline)."""
        best: Name | None = None
        for n in self.names:
            if n.lang == lang and n.rank in (0, 1, 3) and n.property != str(DCTERMS.identifier):
                if best is None or n.rank < best.rank:
                    best = n
        return best.text if best else None

    def labels(self) -> dict[str, str]:
        out = {}
        for lang in ("vi", "en"):
            text = self.label(lang)
            if text is not None:
                out[lang] = text
        if not out:
            # A name without a language tag (foaf:name, a headline, an identifier) still names it.
            for n in sorted(self.names, key=lambda n: n.rank):
                if n.property != _URL:
                    out["vi"] = n.text
                    break
        return out

    def alt_labels(self) -> list[str]:
        return sorted({n.text for n in self.names if n.rank == 2})


@dataclass
class Hit:
    entry: Entry
    score: int
    name: Name


class SearchIndex:
    """Labels, types and notations of every IRI in the store, and search over them."""

    def __init__(self, entries: dict[str, Entry], id_base: str) -> None:
        self.entries = entries
        self.id_base = id_base

    @classmethod
    def from_rows(cls, label_rows: Iterable[dict], type_rows: Iterable[dict],
                  id_base: str) -> SearchIndex:
        entries: dict[str, Entry] = {}
        for row in label_rows:
            iri = row["entity"]["value"]
            entry = entries.setdefault(iri, Entry(iri))
            prop = row["property"]["value"]
            value = row["value"]
            if prop == _NOTATION:
                entry.notation = value["value"]
            elif prop == _URL:
                entry.url = value["value"]
            else:
                text = value["value"]
                k = key(text)
                entry.names.append(Name(text, value.get("xml:lang"), prop, k, tuple(k.split())))
        for row in type_rows:
            iri = row["entity"]["value"]
            entry = entries.setdefault(iri, Entry(iri))
            entry.types.append(row["type"]["value"])
            if row.get("isFact", {}).get("value") == "true":
                entry.is_fact = True
        for entry in entries.values():
            entry.types.sort()
            entry.names.sort(key=lambda n: (n.rank, n.lang or "", n.text))
        return cls(entries, id_base)

    # Names --------------------------------------------------------------------------------

    def get(self, iri: str) -> Entry | None:
        return self.entries.get(iri)

    def labels(self, iri: str) -> dict[str, str]:
        entry = self.entries.get(iri)
        return entry.labels() if entry else {}

    def notation(self, iri: str) -> str | None:
        entry = self.entries.get(iri)
        if entry and entry.notation:
            return entry.notation
        return None

    def title(self, iri: str) -> str | None:
        """An article's headline."""
        entry = self.entries.get(iri)
        if entry is None:
            return None
        for n in entry.names:
            if n.property == _HEADLINE:
                return n.text
        return entry.label("vi") or entry.label("en")

    def url(self, iri: str) -> str | None:
        entry = self.entries.get(iri)
        return entry.url if entry else None

    # Search -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, kind: str | None = None) -> list[Hit]:
        if len(query) > MAX_QUERY_LENGTH:
            raise InvalidParameter("q", f"longer than {MAX_QUERY_LENGTH} characters")
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_LIMIT}")
        q = key(query)
        if not q:
            raise InvalidParameter("q", "needs at least one letter or digit")
        words = q.split()
        prefix = self.id_base if kind is None else f"{self.id_base}{kind}/"
        hits: list[Hit] = []
        for entry in self.entries.values():
            if not entry.iri.startswith(prefix):
                continue
            best: Hit | None = None
            for name in entry.names:
                score = _score(q, words, name)
                if score is None:
                    continue
                if best is None or (score, name.rank, len(name.key)) < (
                        best.score, best.name.rank, len(best.name.key)):
                    best = Hit(entry, score, name)
            if best is not None:
                hits.append(best)
        hits.sort(key=lambda h: (h.score, h.name.rank, len(h.name.key), h.entry.iri))
        return hits[:limit]


def _score(q: str, words: list[str], name: Name) -> int | None:
    if name.key == q:
        return 0
    if name.key.startswith(q):
        return 1
    label_words = set(name.words)
    *complete, last = words
    if all(w in label_words for w in complete) and (
            last in label_words or any(w.startswith(last) for w in name.words)):
        return 2
    return None


# One index per store ------------------------------------------------------------------------

_ATTR = "_pbkg_search_index"
_LOCK = threading.Lock()


def lookup_query(queries_dir: Path, name: str) -> NamedQuery:
    """A query of queries/lookup (not part of the user-facing catalogue)."""
    return parse_query_file(queries_dir / "lookup" / f"{name}.rq")


def index_for(store: Store, queries_dir: Path, id_base: str) -> SearchIndex:
    """The store's index, built on first use and kept on the store object."""
    index = getattr(store, _ATTR, None)
    if index is not None:
        return index
    with _LOCK:
        index = getattr(store, _ATTR, None)
        if index is None:
            labels = store.query(lookup_query(queries_dir, "labels").render())
            types = store.query(lookup_query(queries_dir, "types").render())
            index = SearchIndex.from_rows(labels.rows, types.rows, id_base)  # type: ignore[union-attr]
            setattr(store, _ATTR, index)
    return index
