"""The build's dumps, written graph by graph so that the next build reuses what did not change.

Every dump is a header, then one chunk per named graph in IRI order, then a trailer. A chunk is
what Oxigraph writes for that graph alone (its order depends only on the graph's content), so a
dump depends only on the content of the graphs: two builds of the same inputs are byte-identical
whichever path made them. The dataset formats (TriG, N-Quads) hold every graph's quads; the union
formats (Turtle, N-Triples, JSON-LD, RDF/XML) hold each triple once, in the chunk of the first
graph (IRI order) that states it.

Beside the dumps, ``dump-chunks.json`` records where each chunk lies. A build that changed a few
graphs writes their chunks anew and copies every other byte range from the previous version's
files (``os.copy_file_range``: inside the kernel), instead of serializing a million triples
again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .namespaces import SERIALIZATION_PREFIXES

# Dump files by format name; the dataset formats keep the named graphs, the others hold the union.
DUMPS: dict[str, tuple[str, ox.RdfFormat, bool]] = {
    "trig": ("pbkg.trig", ox.RdfFormat.TRIG, True),
    "nquads": ("pbkg.nq", ox.RdfFormat.N_QUADS, True),
    "turtle": ("pbkg.ttl", ox.RdfFormat.TURTLE, False),
    "ntriples": ("pbkg.nt", ox.RdfFormat.N_TRIPLES, False),
    "jsonld": ("pbkg.jsonld", ox.RdfFormat.JSON_LD, False),
    "rdfxml": ("pbkg.rdf", ox.RdfFormat.RDF_XML, False),
}
CHUNKS = "dump-chunks.json"
_INDEX_FORMAT = 1
_P = SERIALIZATION_PREFIXES
_RDF_END = b"</rdf:RDF>"


def _frame(fmt: ox.RdfFormat) -> tuple[bytes, bytes, bytes]:
    """(header, separator between chunks, trailer) of a dump in this format."""
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        return _turtle_header(), b"", b""
    if fmt == ox.RdfFormat.RDF_XML:
        empty = ox.Store().dump(format=fmt, from_graph=ox.DefaultGraph(), prefixes=_P)
        return empty[:-len(_RDF_END)], b"", _RDF_END
    if fmt == ox.RdfFormat.JSON_LD:
        return b"[", b",", b"]"
    return b"", b"", b""


def _turtle_header() -> bytes:
    one = ox.Store()
    one.add(ox.Quad(ox.NamedNode("x:s"), ox.NamedNode("x:p"), ox.NamedNode("x:o")))
    text = one.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=_P)
    return text[:text.index(b"<x:s>")]


_FRAMES = {name: _frame(fmt) for name, (_, fmt, _) in DUMPS.items()}


def graph_chunks(store: ox.Store, graph: str, shadowed: set[ox.Triple] | None = None,
                 formats: Iterable[str] = DUMPS) -> dict[str, bytes]:
    """The chunk of ``graph`` (held in ``store``) in each of ``formats``; the union formats
    leave out the ``shadowed`` triples (those an earlier graph states)."""
    node = ox.NamedNode(graph)
    wanted = set(formats)
    out: dict[str, bytes] = {}
    ttl = nt = None
    if wanted & {"trig", "turtle"}:
        ttl = _strip(store.dump(format=ox.RdfFormat.TURTLE, from_graph=node, prefixes=_P),
                     _FRAMES["turtle"][0])
    if wanted & {"nquads", "ntriples"}:
        nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node)
    if "trig" in wanted:
        out["trig"] = b"<%s> {\n%s}\n" % (graph.encode(), ttl) if ttl else b""
    if "nquads" in wanted:
        # N-Triples lines end in " .\n" and nowhere else (a literal's newline is escaped).
        out["nquads"] = nt.replace(b" .\n", b" <%s> .\n" % graph.encode())  # type: ignore[union-attr]
    kept: list[ox.Triple] | None = None
    if shadowed and wanted & {"turtle", "jsonld", "rdfxml"}:
        # The graph's triples that no earlier graph states, in the store's order, serialized
        # from that list (a store of them, made per graph, cost 4-6 s per format at 10^6).
        kept = [q.triple for q in store.quads_for_pattern(None, None, None, node)
                if q.triple not in shadowed]

    def union(fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
        if kept is None:
            return store.dump(format=fmt, from_graph=node, prefixes=prefixes)
        return ox.serialize(kept, format=fmt, prefixes=prefixes)

    if "turtle" in wanted:
        out["turtle"] = (_strip(union(ox.RdfFormat.TURTLE, _P), _FRAMES["turtle"][0])
                         if kept is not None else ttl)  # type: ignore[assignment]
    if "ntriples" in wanted:
        out["ntriples"] = without(nt, shadowed or set())  # type: ignore[arg-type]
    if "jsonld" in wanted:
        out["jsonld"] = union(ox.RdfFormat.JSON_LD)[1:-1]
    if "rdfxml" in wanted:
        header, _, trailer = _FRAMES["rdfxml"]
        out["rdfxml"] = _strip(union(ox.RdfFormat.RDF_XML, _P), header)[:-len(trailer)]
    return out


def without(ntriples: bytes, triples: set[ox.Triple]) -> bytes:
    """N-Triples text without the lines of ``triples`` (the serializer writes one triple a
    line, its terms as str() writes them; a literal's newline is escaped)."""
    if not triples:
        return ntriples
    lines = {b"%s ." % str(t).encode() for t in triples}
    out = b"\n".join(line for line in ntriples.split(b"\n") if line not in lines)
    if ntriples.count(b"\n") - out.count(b"\n") != len(triples):
        # A line written otherwise than str() writes it: serialize what is left instead.
        kept = [q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
                if q.triple not in triples]
        return ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES)
    return out


def _strip(text: bytes, header: bytes) -> bytes:
    if not text:
        return text
    if not text.startswith(header):  # Oxigraph changed how it writes headers: fail loudly
        raise RuntimeError(f"unexpected serializer header: {text[:200]!r}")
    return text[len(header):]


def shadowed_triples(store: ox.Store) -> dict[str, set[ox.Triple]]:
    """For every graph, the triples an earlier graph (IRI order) also states (none, mostly: the
    union dumps then write each graph as it is). Two linear steps, not a self-join: a triple
    that k graphs state (a common period's) would join k x k times."""
    found: dict[str, set[ox.Triple]] = {}
    for row in store.query(_REPEATED):
        s, p, o = row["s"], row["p"], row["o"]
        graphs = sorted(q.graph_name.value for q in store.quads_for_pattern(s, p, o, None)
                        if isinstance(q.graph_name, ox.NamedNode))
        for graph in graphs[1:]:
            found.setdefault(graph, set()).add(ox.Triple(s, p, o))
    return found


# The triples more than one named graph states.
_REPEATED = ("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } "
             "GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)")


@dataclass
class ChunkIndex:
    """Where each graph's chunk lies in each dump, and its counts (quads; union triples)."""

    graphs: list[str]
    quads: dict[str, int]
    triples: dict[str, int]
    places: dict[str, dict[str, list[int]]]  # format -> graph -> [offset, length]

    def to_json(self) -> str:
        # Lists in the order of ``graphs``, not maps: 10^4 graphs' IRIs are written once.
        g = self.graphs
        return json.dumps({
            "format": _INDEX_FORMAT, "graphs": g, "quads": [self.quads[x] for x in g],
            "triples": [self.triples[x] for x in g],
            "places": {name: [self.places[name].get(x) for x in g]
                       for name in DUMPS if name in self.places},
        }, separators=(",", ":"))

    @classmethod
    def read(cls, out_dir: Path) -> ChunkIndex | None:
        try:
            data = json.loads((out_dir / CHUNKS).read_text(encoding="utf-8"))
            if data.get("format") != _INDEX_FORMAT:
                return None  # another layout: the next build is a full one
            g = data["graphs"]
            return cls(g, dict(zip(g, data["quads"], strict=True)),
                       dict(zip(g, data["triples"], strict=True)),
                       {name: {x: at for x, at in zip(g, places, strict=True) if at}
                        for name, places in data["places"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return None


class _Writer:
    """One dump being written: new chunks from bytes, reused ones as byte ranges of the previous
    file, adjacent ranges copied at once."""

    def __init__(self, path: Path, name: str, previous: Path | None) -> None:
        self.header, self.sep, self.trailer = _FRAMES[name]
        self.out = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.prev = open(previous, "rb") if previous is not None else None  # noqa: SIM115
        self.pos = 0
        self.pending: list[int] | None = None  # [start, end) in the previous file
        self.places: dict[str, list[int]] = {}
        self.count = 0
        self._write(self.header)

    def _write(self, data: bytes) -> None:
        self._flush()
        self.out.write(data)
        self.pos += len(data)

    def _flush(self) -> None:
        if self.pending is None:
            return
        start, end = self.pending
        self.pending = None
        self.out.flush()
        offset, left = start, end - start
        while left:
            done = os.copy_file_range(self.prev.fileno(), self.out.fileno(), left,  # type: ignore[union-attr]
                                      offset, self.pos)
            if done == 0:
                raise OSError(f"{self.prev.name}: shorter than its chunk index says")  # type: ignore[union-attr]
            offset, left, self.pos = offset + done, left - done, self.pos + done
        self.out.seek(self.pos)

    def _separator(self) -> None:
        if self.count and self.sep:
            self._write(self.sep)

    def add(self, graph: str, chunk: bytes) -> None:
        if not chunk:
            return
        self._separator()
        self._flush()  # the pending range goes first: self.pos is then where the chunk starts
        self.places[graph] = [self.pos, len(chunk)]
        self._write(chunk)
        self.count += 1

    def reuse(self, graph: str, place: list[int] | None) -> None:
        if not place or not place[1]:
            return
        start, length = place
        sep = self.sep if self.count else b""
        if self.pending is not None and self.pending[1] + len(sep) == start:
            # Goes on from the pending range (the previous file's separator in between).
            pos = self._pending_pos(start)
            self.pending[1] = start + length
        else:
            self._write(sep)  # flushes the pending range first
            self.pending = [start, start + length]
            pos = self.pos
        self.places[graph] = [pos, length]
        self.count += 1

    def _pending_pos(self, start: int) -> int:
        assert self.pending is not None
        return self.pos + (start - self.pending[0])

    def close(self) -> None:
        try:
            self._write(self.trailer)
            self._flush()
            self.out.flush()
            os.fsync(self.out.fileno())  # here, in parallel with the other dumps' writers
        finally:
            self.out.close()
            if self.prev is not None:
                self.prev.close()


def write_dumps(out: Path, graphs: list[str], chunks_of: Callable[[str], dict[str, bytes]],
                previous: tuple[Path, ChunkIndex] | None, reuse: set[str],
                formats: Iterable[str] = DUMPS) -> tuple[dict, dict[str, int], dict[str, int]]:
    """Write the dumps of ``formats`` in ``out``: for each graph (IRI order), its chunk from the
    previous version if the graph is in ``reuse``, else ``chunks_of(graph)`` (format -> bytes).
    Returns each format's chunk places, and each graph's quads and union triples (as counted
    in the N-Quads and N-Triples chunks, when those are among ``formats``)."""
    formats = list(formats)
    writers: dict[str, _Writer] = {}
    quads: dict[str, int] = {}
    triples: dict[str, int] = {}
    try:
        for name in formats:
            prev = previous[0] / DUMPS[name][0] if previous is not None else None
            writers[name] = _Writer(out / DUMPS[name][0], name, prev)
        for graph in graphs:
            if graph in reuse:
                assert previous is not None
                for name, writer in writers.items():
                    writer.reuse(graph, previous[1].places[name].get(graph))
                quads[graph] = previous[1].quads[graph]
                triples[graph] = previous[1].triples[graph]
                continue
            made = chunks_of(graph)
            for name, writer in writers.items():
                writer.add(graph, made[name])
            if "nquads" in made:
                quads[graph] = made["nquads"].count(b"\n")
            if "ntriples" in made:
                triples[graph] = made["ntriples"].count(b"\n")
    finally:
        for writer in writers.values():
            writer.close()
    return {name: writer.places for name, writer in writers.items()}, quads, triples
