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

import json
import os
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .catalog import NamedQuery, parse_query_file
from .errors import InvalidParameter
from .namespaces import DCTERMS, FOAF, PBO, RDFS, SCHEMA, SKOS
from .sqlite_files import ReadOnlyFile
from .store import Store, decode, execute
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
_IDENTIFIER = str(DCTERMS.identifier)


def key(text: str) -> str:
    """The search key of a text: folded, words only, one space between them."""
    return " ".join(_WORD.findall(fold(text)))


@dataclass(slots=True)
class Name:
    text: str
    lang: str | None
    property: str
    key: str
    words: tuple[str, ...]

    @property
    def rank(self) -> int:
        return LABEL_PROPERTIES.get(self.property, 4)


@dataclass(slots=True)
class Entry:
    """What the index knows of one IRI."""

    iri: str
    types: list[str] = field(default_factory=list)
    is_fact: bool = False
    names: list[Name] = field(default_factory=list)
    notation: str | None = None
    url: str | None = None
    # labels(), worked out on first use: a page asks for the same entry's labels hundreds of
    # times. Entries are complete before anything reads them (built, then served read-only).
    _labels: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def label(self, lang: str) -> str | None:
        """The preferred label in a language (rdfs:label, skos:prefLabel, foaf:name, headline)."""
        best: Name | None = None
        for n in self.names:
            if n.lang == lang and n.rank in (0, 1, 3) and n.property != _IDENTIFIER:
                if best is None or n.rank < best.rank:
                    best = n
        return best.text if best else None

    def labels(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = self._work_out_labels()
        return dict(self._labels)

    def _work_out_labels(self) -> dict[str, str]:
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
        self._by_key: dict[str, list[str]] | None = None  # made on first use (_named)

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

    def prefetch(self, iris: list[str]) -> None:
        """Read the entries of many IRIs at once (nothing to do in memory)."""

    def iris(self, prefix: str = "") -> list[str]:
        """Every indexed IRI that starts with ``prefix``, sorted."""
        return sorted(i for i in self.entries if i.startswith(prefix))

    def entries_under(self, prefix: str) -> list[Entry]:
        """The entries of the IRIs under ``prefix``, sorted by IRI."""
        return [e for e in (self.get(i) for i in self.iris(prefix)) if e is not None]

    def labels(self, iri: str) -> dict[str, str]:
        entry = self.get(iri)
        return entry.labels() if entry else {}

    def shares_label(self, iri: str) -> bool:
        """Whether another IRI under the id base has one of this one's labels (same language,
        same text): the two are then told apart by their periods."""
        return iri in self.sharing([iri])

    def sharing(self, iris: list[str]) -> set[str]:
        """Those of ``iris`` that share_label: their labels' bearers read for all at once."""
        own = {i: self.labels(i) for i in iris if i.startswith(self.id_base)}
        bearers = self._bearers({(lang, text) for labels in own.values()
                                 for lang, text in labels.items()})
        return {i for i, labels in own.items()
                if any(other != i for lang, text in labels.items()
                       for other in bearers.get((lang, text), ()))}

    def _bearers(self, labels: set[tuple[str, str]]) -> dict[tuple[str, str], Iterable[str]]:
        """For each (language, text), IRIs under the id base with that label (here from every
        bearer's entry; DiskIndex reads two at most from its table of labels: sharing asks only
        whether another has it)."""
        texts = {text: key(text) for _, text in labels}
        named = self._named_many(set(texts.values()))
        self.prefetch(sorted({o for found in named.values() for o in found}))
        return {(lang, text): [o for o in named.get(texts[text], ())
                               if self.labels(o).get(lang) == text]
                for lang, text in labels}

    def _named_many(self, keys: set[str]) -> dict[str, Iterable[str]]:
        return {k: self._named(k) for k in keys if k}

    def bearers(self, text: str) -> set[str]:
        """The IRIs under the id base with a name whose key is that of ``text``: those that may
        share that label (the build asks which names a changed label can touch)."""
        return set(self._named(text))

    def _named(self, text: str) -> Iterable[str]:
        """The IRIs under the id base with a name whose key is that of ``text``."""
        if self._by_key is None:
            by_key: dict[str, list[str]] = {}
            for iri in self.iris(self.id_base):
                for n in self.entries[iri].names:
                    by_key.setdefault(n.key, []).append(iri)
            self._by_key = by_key
        return self._by_key.get(key(text), ())

    def notation(self, iri: str) -> str | None:
        entry = self.get(iri)
        if entry and entry.notation:
            return entry.notation
        return None

    def title(self, iri: str) -> str | None:
        """An article's headline."""
        entry = self.get(iri)
        if entry is None:
            return None
        for n in entry.names:
            if n.property == _HEADLINE:
                return n.text
        return entry.label("vi") or entry.label("en")

    def url(self, iri: str) -> str | None:
        entry = self.get(iri)
        return entry.url if entry else None

    # Search -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, kind: str | None = None) -> list[Hit]:
        q, words, prefix = _checked(query, limit, kind, self.id_base)
        return _ranked(self.entries.values(), q, words, prefix, limit)


_UNREAD = object()


class DiskIndex(SearchIndex):
    """The same index kept in an SQLite file written by ``pbkg build`` (write_index): names in an
    FTS5 table of their folded keys, entries read on demand. Opening costs nothing whatever
    the graph's size, and the server holds no copy of it."""

    def __init__(self, path: Path, id_base: str) -> None:
        super().__init__({}, id_base)
        self._file = ReadOnlyFile(path, "SELECT 1 FROM entry LIMIT 1", "a search index")
        self.path = self._file.path
        self._cache: dict[str, Entry | None] = {}
        self._has: dict[str, bool] = {}  # which tables and indexes the file has (older ones not)
        self._shapes: list[tuple[int, int]] | None = None
        self._ordered: int | None | object = _UNREAD

    def _connect(self) -> sqlite3.Connection:
        return self._file.connect()

    def get(self, iri: str) -> Entry | None:
        if iri in self._cache:
            return self._cache[iri]
        entry = self._entries([iri]).get(iri)
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[iri] = entry
        return entry

    def prefetch(self, iris: list[str]) -> None:
        """The entries of many IRIs, 500 to a query instead of one each, kept like get's."""
        missing = [i for i in dict.fromkeys(iris) if i not in self._cache]
        found = self._entries(missing)
        if len(self._cache) + len(missing) > 100_000:
            self._cache.clear()
        for iri in missing:
            self._cache[iri] = found.get(iri)

    def iris(self, prefix: str = "") -> list[str]:
        rows = self._connect().execute(
            "SELECT iri FROM entry WHERE iri >= ? AND iri < ? ORDER BY iri",
            (prefix, prefix + "\U0010ffff"))
        return [row[0] for row in rows]

    def entries_under(self, prefix: str) -> list[Entry]:
        found = self._entries(self.iris(prefix))
        return [found[i] for i in sorted(found)]

    def _named(self, text: str) -> Iterable[str]:
        k = key(text)
        if not k:
            return ()
        conn = self._connect()
        bounds = {"k": k, "lo": self.id_base, "hi": self.id_base + "\U0010ffff"}
        if self._holds(conn, "name_key"):
            rows = conn.execute("SELECT DISTINCT iri FROM name WHERE key = :k AND iri >= :lo "
                                "AND iri < :hi", bounds)
        else:
            # An index written before name_key: the full-text table finds the rows holding
            # the key's words as a phrase, then the key itself is compared (slower where the
            # words are common).
            rows = conn.execute(
                "SELECT DISTINCT name.iri FROM name_fts JOIN name ON name.rowid = name_fts.rowid "
                "WHERE name_fts MATCH :match AND name.key = :k AND name.iri >= :lo "
                "AND name.iri < :hi", {**bounds, "match": f'"{k}"'})
        return [row[0] for row in rows]

    def _named_many(self, keys: set[str]) -> dict[str, Iterable[str]]:
        conn = self._connect()
        if not self._holds(conn, "name_key"):
            return super()._named_many(keys)
        out: dict[str, list[str]] = defaultdict(list)
        wanted = sorted(k for k in keys if k)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = conn.execute(
                f"SELECT DISTINCT key, iri FROM name WHERE key IN ({','.join('?' * len(chunk))})"
                " AND iri >= ? AND iri < ?", [*chunk, self.id_base, self.id_base + "\U0010ffff"])
            for k, iri in rows:
                out[k].append(iri)
        return out

    def _entries(self, iris: list[str]) -> dict[str, Entry]:
        conn = self._connect()
        out: dict[str, Entry] = {}
        for start in range(0, len(iris), 500):
            chunk = iris[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for iri, types, is_fact, notation, url in conn.execute(
                    f"SELECT iri, types, is_fact, notation, url FROM entry WHERE iri IN ({marks})",
                    chunk):
                out[iri] = Entry(iri, _types(types), bool(is_fact), [], notation, url)
            for iri, text, lang, prop, k in conn.execute(
                    f"SELECT iri, text, lang, property, key FROM name WHERE iri IN ({marks}) "
                    "ORDER BY iri, position", chunk):
                out[iri].names.append(Name(text, lang, prop, k, tuple(k.split())))
        return out

    def search(self, query: str, limit: int = 20, kind: str | None = None) -> list[Hit]:
        q, words, prefix = _checked(query, limit, kind, self.id_base)
        *complete, last = words
        match = " ".join([*(f'"{w}"' for w in complete), f'"{last}"*'])
        conn = self._connect()
        bounds = {"q": q, "lo": prefix, "hi": prefix + "\U0010ffff", "limit": limit}
        if self._lengths(conn) is not None:
            # Names whose key is the query or starts with it rank before every other match:
            # when they are `limit` entries or more, they are the answer, read in rank order
            # (a common query, "cum thi dua", matches 37,000 names at 10^7 triples).
            iris = self._leading(conn, bounds)
            if len(iris) == limit:
                return _ranked(self._entries(iris).values(), q, words, prefix, limit)
            words_first = self._in_order(conn, {**bounds, "match": match}, iris)
            if words_first is not None:
                return _ranked(self._entries(words_first).values(), q, words, prefix, limit)
        # The FTS match is _score's "every word, the last maybe a prefix"; SQLite ranks as
        # _ranked does (score, label rank, key length, key, IRI), so only `limit` entries are
        # read.
        iris = [row[0] for row in conn.execute(
            "SELECT name.iri, MIN(printf('%d%d%06d', CASE WHEN name.key = :q THEN 0 "
            "  WHEN substr(name.key, 1, length(:q)) = :q THEN 1 ELSE 2 END, name.rank, "
            "  length(name.key)) || name.key) AS best "
            "FROM name_fts JOIN name ON name.rowid = name_fts.rowid "
            "WHERE name_fts MATCH :match AND name.iri >= :lo AND name.iri < :hi "
            "GROUP BY name.iri ORDER BY best, name.iri LIMIT :limit",
            {**bounds, "match": match})]
        return _ranked(self._entries(iris).values(), q, words, prefix, limit)

    def _in_order(self, conn: sqlite3.Connection, bounds: dict,
                  leading: list[str]) -> list[str] | None:
        """The candidates of a search whose leading names (the query or a key starting with
        it) are fewer than `limit`: those, the first entities matched by words in rowid order
        (the build writes names in _ranked's order, so the walk stops after `limit` new ones
        however common the words), and every match among the rows an update appended after
        the ordered ones. None for an index not written in order."""
        last = self._ordered_up_to(conn)
        if last is None:
            return None
        found = dict.fromkeys(leading)
        wanted = bounds["limit"] - len(leading)
        for (iri,) in conn.execute(
                "SELECT name.iri FROM name_fts JOIN name ON name.rowid = name_fts.rowid "
                "WHERE name_fts MATCH :match AND name_fts.rowid <= :last AND name.iri >= :lo "
                "AND name.iri < :hi ORDER BY name_fts.rowid", {**bounds, "last": last}):
            if iri not in found:
                found[iri] = None
                wanted -= 1
                if wanted == 0:
                    break
        found.update(dict.fromkeys(row[0] for row in conn.execute(
            "SELECT name.iri FROM name_fts JOIN name ON name.rowid = name_fts.rowid "
            "WHERE name_fts MATCH :match AND name_fts.rowid > :last AND name.iri >= :lo "
            "AND name.iri < :hi", {**bounds, "last": last})))
        return list(found)

    def _ordered_up_to(self, conn: sqlite3.Connection) -> int | None:
        """The last rowid of the names the build wrote in search order; None for an index
        written before it did."""
        if self._ordered is _UNREAD:  # the file is immutable: read once
            has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'name_ordered'").fetchone()
            self._ordered = (conn.execute("SELECT last FROM name_ordered").fetchone()[0]
                             if has else None)
        return self._ordered  # type: ignore[return-value]

    def _leading(self, conn: sqlite3.Connection, bounds: dict) -> list[str]:
        """Up to `limit` IRIs of the names whose key is the query or starts with it, in
        _ranked's order: the exact names, then for each label rank and key length that some
        name has, the names of that rank and length in key order (name_order gives each group
        in order, so reading stops at the `limit`-th entity however many names match)."""
        q, limit = bounds["q"], bounds["limit"]
        seen: dict[str, None] = {}
        exact = sorted(conn.execute(
            "SELECT rank, iri FROM name INDEXED BY name_key WHERE key = :q AND iri >= :lo "
            "AND iri < :hi", bounds))
        for _, iri in exact:
            seen.setdefault(iri)
            if len(seen) == limit:
                return list(seen)
        for rank, length in self._lengths(conn) or ():
            if length <= len(q):
                continue  # a key of the query's length that starts with it is the query
            for (iri,) in conn.execute(
                    "SELECT iri FROM name INDEXED BY name_order WHERE rank = :rank "
                    "AND length(key) = :length AND key > :q AND key < :q || char(1114111) "
                    "AND iri >= :lo AND iri < :hi ORDER BY key, iri",
                    {**bounds, "rank": rank, "length": length}):
                seen.setdefault(iri)
                if len(seen) == limit:
                    return list(seen)
        return list(seen)

    def _lengths(self, conn: sqlite3.Connection) -> list[tuple[int, int]] | None:
        """Every (label rank, key length) some name has, in order; None for an index written
        before name_order (it is then searched through the full-text table only)."""
        if self._shapes is None:  # the file is immutable: read once
            has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'name_order'").fetchone()
            self._shapes = (sorted(conn.execute("SELECT rank, length FROM name_length"))
                            if has else [])
        return self._shapes or None

    def _holds(self, conn: sqlite3.Connection, name: str) -> bool:
        """Whether the file has this table or index (one written by an earlier pbkg may not)."""
        if name not in self._has:  # the file is immutable: asked once
            self._has[name] = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
        return self._has[name]

    def _bearers(self, labels: set[tuple[str, str]]) -> dict[tuple[str, str], Iterable[str]]:
        conn = self._connect()
        if not self._holds(conn, "label"):
            return super()._bearers(labels)
        # Each entry's labels are written beside its names: no bearer's entry is read.
        return {(lang, text): [row[0] for row in conn.execute(
            "SELECT iri FROM label WHERE lang = ? AND text = ? AND iri >= ? AND iri < ? LIMIT 2",
            (lang, text, self.id_base, self.id_base + "\U0010ffff"))] for lang, text in labels}


@lru_cache(maxsize=1024)  # a few combinations of classes recur over every entry
def _decoded_types(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _types(text: str) -> list[str]:
    return list(_decoded_types(text))


def _checked(query: str, limit: int, kind: str | None, id_base: str) -> tuple[str, list[str], str]:
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidParameter("q", f"longer than {MAX_QUERY_LENGTH} characters")
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidParameter("limit", f"must be between 1 and {MAX_LIMIT}")
    q = key(query)
    if not q:
        raise InvalidParameter("q", "needs at least one letter or digit")
    return q, q.split(), id_base if kind is None else f"{id_base}{kind}/"


def _ranked(entries: Iterable[Entry], q: str, words: list[str], prefix: str,
            limit: int) -> list[Hit]:
    hits: list[Hit] = []
    for entry in entries:
        if not entry.iri.startswith(prefix):
            continue
        best: Hit | None = None
        for name in entry.names:
            score = _score(q, words, name)
            if score is None:
                continue
            if best is None or (score, name.rank, len(name.key), name.key) < (
                    best.score, best.name.rank, len(best.name.key), best.name.key):
                best = Hit(entry, score, name)
        if best is not None:
            hits.append(best)
    # Exact before prefix before words, then by the label's kind, length, key and IRI: an
    # order the key index can give name by name (see DiskIndex.search).
    hits.sort(key=lambda h: (h.score, h.name.rank, len(h.name.key), h.name.key, h.entry.iri))
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
    """The store's index: the build's on-disk index when the store has one (a store opened from
    dist/), else built from the store on first use; kept on the store object."""
    index = getattr(store, _ATTR, None)
    if index is not None:
        return index
    with _LOCK:
        index = getattr(store, _ATTR, None)
        on_disk = getattr(store, "search_index_path", None)
        if index is None and on_disk is not None:
            index = DiskIndex(on_disk, id_base)
            setattr(store, _ATTR, index)
        if index is None:
            labels = store.query(lookup_query(queries_dir, "labels").render())
            types = store.query(lookup_query(queries_dir, "types").render())
            index = SearchIndex.from_rows(labels.rows, types.rows, id_base)  # type: ignore[union-attr]
            setattr(store, _ATTR, index)
    return index


# Writing the on-disk index (pbkg build) -----------------------------------------------------

_SCHEMA = """
CREATE TABLE entry (iri TEXT PRIMARY KEY, types TEXT NOT NULL, is_fact INTEGER NOT NULL,
                    notation TEXT, url TEXT) WITHOUT ROWID;
CREATE TABLE name (rowid INTEGER PRIMARY KEY, iri TEXT NOT NULL, position INTEGER NOT NULL,
                   text TEXT NOT NULL, lang TEXT, property TEXT NOT NULL, key TEXT NOT NULL,
                   rank INTEGER NOT NULL);
CREATE INDEX name_iri ON name (iri, position);
CREATE TABLE label (lang TEXT NOT NULL, text TEXT NOT NULL, iri TEXT NOT NULL,
                    PRIMARY KEY (lang, text, iri)) WITHOUT ROWID;
CREATE VIRTUAL TABLE name_fts USING fts5 (key, content='name', content_rowid='rowid',
                                          tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
"""


def write_index(store: ox.Store, queries_dir: Path, path: Path) -> None:
    """Write the label index of a pyoxigraph store to an SQLite file (FTS5 over folded keys).

    Reads the same two queries as the in-memory index, so both give the same entries.
    """
    index = _index_of(store, queries_dir, None)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript(_SCHEMA)
        _insert(conn, index, 1)
        # After the rows, as a bulk load: which entities bear a name (Names asks per entity).
        conn.execute(_KEY_INDEX)
        _order(conn)
        # The names were written in search order: rowids up to this one follow it.
        conn.execute("CREATE TABLE name_ordered (last INTEGER NOT NULL)")
        conn.execute("INSERT INTO name_ordered SELECT COALESCE(MAX(rowid), 0) FROM name")
        conn.execute("INSERT INTO name_fts (name_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO name_fts (name_fts) VALUES ('optimize')")
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)


_KEY_INDEX = "CREATE INDEX name_key ON name (key, iri)"


def _order(conn: sqlite3.Connection, since: int = 0) -> None:
    """The names in search order (label rank, key length, key, IRI) and the ranks and lengths
    there are, which DiskIndex.search reads group by group; with the rows from rowid `since`
    (an index written before these gets them for all its rows). A length no name has any
    more stays listed: its group is empty."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'name_length'").fetchone() is None:
        since = 0
        conn.execute("CREATE TABLE name_length (rank INTEGER, length INTEGER, "
                     "PRIMARY KEY (rank, length)) WITHOUT ROWID")
    conn.execute("CREATE INDEX IF NOT EXISTS name_key ON name (key, iri)")  # search's exact
    conn.execute("CREATE INDEX IF NOT EXISTS name_order ON name (rank, length(key), key, iri)")
    conn.execute("INSERT OR IGNORE INTO name_length SELECT DISTINCT rank, length(key) FROM name "
                 "WHERE rowid >= ?", (since,))


def update_index(store: ox.Store, queries_dir: Path, path: Path, iris: set[str]) -> None:
    """Update an index file written by write_index (a copy: the published one is immutable) so
    that the entries of ``iris`` are those ``store`` gives now, in one transaction. An entry
    depends only on its IRI's own triples (and the class hierarchy), so a build passes the
    subjects of the triples it changed; the searches then answer as on a new index."""
    index = _index_of(store, queries_dir, sorted(iris))
    conn = sqlite3.connect(path)
    try:
        with conn:
            # An index written before the label table gets none: it keeps reading bearers'
            # entries, as it did (a table of some entries' labels would answer wrongly).
            has_labels = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'label'").fetchone() is not None
            for start in range(0, len(iris), 500):
                chunk = sorted(iris)[start:start + 500]
                marks = ",".join("?" * len(chunk))
                # External-content FTS: each old row leaves the full-text index with its values.
                conn.execute("INSERT INTO name_fts (name_fts, rowid, key) SELECT 'delete', "
                             f"rowid, key FROM name WHERE iri IN ({marks})", chunk)
                conn.execute(f"DELETE FROM name WHERE iri IN ({marks})", chunk)
                conn.execute(f"DELETE FROM entry WHERE iri IN ({marks})", chunk)
                if has_labels:
                    conn.execute(f"DELETE FROM label WHERE iri IN ({marks})", chunk)
            # New names go after every rowid written in order, even where the last ordered
            # rows were deleted (SQLite would reuse their rowids).
            ordered = (conn.execute("SELECT last FROM name_ordered").fetchone()[0]
                       if conn.execute("SELECT 1 FROM sqlite_master WHERE name = "
                                       "'name_ordered'").fetchone() else 0)
            first = max(ordered, conn.execute(
                "SELECT COALESCE(MAX(rowid), 0) FROM name").fetchone()[0]) + 1
            _insert(conn, index, first, labels=has_labels)
            conn.execute("INSERT INTO name_fts (rowid, key) SELECT rowid, key FROM name "
                         "WHERE rowid >= ?", (first,))
            _order(conn, first)
    finally:
        conn.close()


def _index_of(store: ox.Store, queries_dir: Path, iris: list[str] | None) -> SearchIndex:
    """The index entries of a store (all, or those of ``iris``) from the lookup queries."""
    rows = []
    for name in ("labels", "types"):
        text = lookup_query(queries_dir, name).render()
        if iris is not None:
            if not iris:
                rows.append([])
                continue
            # The same query on the given subjects only: bound where the pattern starts.
            at = text.index("WHERE {") + len("WHERE {")
            values = " ".join(f"<{iri}>" for iri in iris)
            text = f"{text[:at]}\n  VALUES ?entity {{ {values} }}{text[at:]}"
        rows.append(decode(*execute(store, text)).rows)
    return SearchIndex.from_rows(rows[0], rows[1], "")  # type: ignore[arg-type]


def _insert(conn: sqlite3.Connection, index: SearchIndex, first: int,
            labels: bool = True) -> None:
    """The entries of ``index``, their names in search order (label rank, key length, key,
    IRI) from rowid ``first`` on (DiskIndex reads words matches in rowid order) and, with
    ``labels``, each entry's label in each language (which entities share one)."""
    entries = sorted(index.entries.values(), key=lambda e: e.iri)
    written: dict[tuple[str, ...], str] = {}  # a few combinations of types recur: each once

    def types(e: Entry) -> str:
        found = written.get(tuple(e.types))
        if found is None:
            found = written[tuple(e.types)] = json.dumps(e.types)
        return found

    conn.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?)", (
        (e.iri, types(e), int(e.is_fact), e.notation, e.url) for e in entries))
    names = sorted(((n.rank, len(n.key), n.key, e.iri, i, n.text, n.lang, n.property)
                    for e in entries for i, n in enumerate(e.names)))
    conn.executemany(
        "INSERT INTO name (rowid, iri, position, text, lang, property, key, rank) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((rowid, iri, i, text, lang, prop, k, rank)
         for rowid, (rank, _, k, iri, i, text, lang, prop) in enumerate(names, first)))
    if labels:
        conn.executemany("INSERT INTO label VALUES (?, ?, ?)", (
            (lang, text, e.iri) for e in entries for lang, text in e.labels().items()))
