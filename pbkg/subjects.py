"""What each subject states, read by its IRI: a table the build writes beside the on-disk store
(``subjects.sqlite``), holding every subject's triples as N-Triples lines, per graph.

An entity page or lookup reads the statements of the entity and of each fact about it. On the
on-disk store each subject costs a seek of about 140 µs at 10^6 triples (7-8 ms for a median
cluster's 52 facts); here all of them come with one SQLite query. The table is derived from the
N-Quads dump, so it says exactly what the store says; subjects whose lines hold a blank node are
left out (the dump's blank node labels are not the store's), and a reader falls back to the
store for any subject the table does not hold.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .sqlite_files import ReadOnlyFile
from .terms import JsonTerm, ox_to_json

SUBJECTS_FILE = "subjects.sqlite"

_SCHEMA = """
CREATE TABLE block (subject TEXT NOT NULL, graph TEXT NOT NULL, lines BLOB NOT NULL);
"""
# After the rows, as a bulk load: by subject for readers, by graph for a build's update.
_INDEXES = ("CREATE INDEX block_subject ON block (subject)",
            "CREATE INDEX block_graph ON block (graph)")
SHARED = 16  # rows of one subject beyond which a reader asks the store
_BATCH = 2000  # rows per executemany: the rows of a whole graph are never all held at once


def blocks(chunk: bytes, graph: str) -> Iterator[tuple[str, str, bytes]]:
    """(subject IRI, graph, lines) for each run of lines with the same subject in a graph's
    N-Quads chunk, each line an N-Triples line without its subject (the row's key: about half
    the bytes; compressing instead cost 4 s at 10^6 triples); runs that hold a blank node are
    left out."""
    lines = chunk.replace(b" <%s> .\n" % graph.encode(), b" .\n").splitlines(keepends=True)
    start = 0
    while start < len(lines):
        head = lines[start][: lines[start].index(b" ") + 1]
        end = start + 1
        while end < len(lines) and lines[end].startswith(head):
            end += 1
        cut = len(head)
        run = b"".join(line[cut:] for line in lines[start:end])
        if head.startswith(b"<") and b"_:" not in run:
            yield head[1:-2].decode(), graph, run
        start = end


def _chunks(nquads: Path, places: dict[str, list[int]],
            graphs: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """Each graph's N-Quads chunk, read from the dump at its place (offset, length)."""
    with open(nquads, "rb") as f:
        for graph in graphs:
            if graph not in places:
                continue
            offset, length = places[graph]
            f.seek(offset)
            yield graph, f.read(length)


def _insert(conn: sqlite3.Connection, chunks: Iterable[tuple[str, bytes]]) -> None:
    batch: list[tuple[str, str, bytes]] = []
    for graph, chunk in chunks:
        for row in blocks(chunk, graph):
            batch.append(row)
            if len(batch) >= _BATCH:
                conn.executemany("INSERT INTO block VALUES (?, ?, ?)", batch)
                batch.clear()
    conn.executemany("INSERT INTO block VALUES (?, ?, ?)", batch)


def write_subjects(nquads: Path, places: dict[str, list[int]], path: Path) -> None:
    """Write the table of every graph of an N-Quads dump whose chunks are at ``places``."""
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(_SCHEMA)
        _insert(conn, _chunks(nquads, places, sorted(places)))
        for statement in _INDEXES:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)


def update_subjects(base: Path, path: Path, chunks: dict[str, bytes], graphs: set[str]) -> None:
    """A copy of the previous table (``base``: the published one is immutable) without the rows
    of ``graphs`` (changed, added or removed), with those of their new N-Quads ``chunks`` (a
    removed graph has none)."""
    shutil.copyfile(base, path)
    conn = sqlite3.connect(path)
    try:
        with conn:
            names = sorted(graphs)
            for start in range(0, len(names), 500):
                chunk = names[start:start + 500]
                conn.execute(f"DELETE FROM block WHERE graph IN ({','.join('?' * len(chunk))})",
                             chunk)
            _insert(conn, ((g, chunks[g]) for g in names if g in chunks))
    finally:
        conn.close()


class Subjects:
    """The table of a built dist/, read-only."""

    def __init__(self, path: Path) -> None:
        self._file = ReadOnlyFile(path, "SELECT 1 FROM block LIMIT 1", "a table of subjects")
        self.path = self._file.path

    def statements(self, iris: list[str]) -> dict[str, list[tuple[str, JsonTerm]]]:
        """Each IRI's (predicate, object) pairs, each pair once, in the dump's order; an IRI
        the table does not hold, or that more than SHARED graphs state (a year's period,
        written in every article that names it: the store reads it faster), is absent."""
        conn = self._file.connect()
        out: dict[str, list[tuple[str, JsonTerm]]] = {}
        seen: dict[str, set[tuple[str, str]]] = {}
        unique = list(dict.fromkeys(iris))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            counts = conn.execute(f"SELECT subject, COUNT(*) FROM block WHERE subject IN "
                                  f"({marks}) GROUP BY subject", chunk).fetchall()
            chunk = [subject for subject, n in counts if n <= SHARED]
            if not chunk:
                continue
            rows = conn.execute(f"SELECT subject, lines FROM block WHERE subject IN "
                                f"({','.join('?' * len(chunk))})", chunk)
            for subject, body in rows:
                found = _pairs(subject, body)
                if subject not in out:
                    out[subject] = found
                    continue
                # stated in several graphs: each pair once
                known = seen.setdefault(subject, {(p, str(sorted(o.items())))
                                                  for p, o in out[subject]})
                for p, o in found:
                    key = (p, str(sorted(o.items())))
                    if key not in known:
                        known.add(key)
                        out[subject].append((p, o))
        return out


# A line of the table: "<p> <o> ." or "<p> "text"@lang ." or "<p> "text"^^<datatype> .", as
# Oxigraph writes N-Triples. Read with one regular expression (3-4x faster than parsing and
# converting each term); a row holding an escape ("\"") is parsed by Oxigraph instead.
_LINE = re.compile(r'<([^>]*)> (?:<([^>]*)>|"([^"]*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?) \.\n')
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _pairs(subject: str, body: bytes) -> list[tuple[str, JsonTerm]]:
    text = body.decode()
    if "\\" not in text:
        out: list[tuple[str, JsonTerm]] = []
        for p, iri, literal, lang, datatype in _LINE.findall(text):
            if iri:
                out.append((p, {"type": "uri", "value": iri}))
            elif lang:
                out.append((p, {"type": "literal", "value": literal, "xml:lang": lang}))
            elif datatype and datatype != _STRING:
                out.append((p, {"type": "literal", "value": literal, "datatype": datatype}))
            else:
                out.append((p, {"type": "literal", "value": literal}))
        if len(out) == text.count("\n"):  # every line read: else Oxigraph reads them
            return out
    head = b"<%s> " % subject.encode()
    nt = b"".join(head + line for line in body.splitlines(keepends=True))
    return [(t.predicate.value, ox_to_json(t.object))
            for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]


_ATTR = "_pbkg_subjects"
_LOCK = threading.Lock()


def subjects_for(store: object) -> Subjects | None:
    """The build's table beside a store opened from dist/ (its ``subjects_path``), kept on the
    store object; None for any other store (a remote one, one loaded from a dump)."""
    table = getattr(store, _ATTR, None)
    path = getattr(store, "subjects_path", None)
    if table is not None and table.path == path:
        return table
    if path is None:
        return None
    with _LOCK:
        table = Subjects(path)
        setattr(store, _ATTR, table)
    return table
