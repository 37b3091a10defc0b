"""Assembling the project's files into one RDF dataset: one named graph per source.

ontology/*.ttl             -> graph/ontology
data/reference/*.ttl, *.csv -> graph/reference
data/curated/entities.ttl  -> graph/entities
data/sources/KEY.ttl and data/curated/KEY.ttl -> graph/article/KEY (metadata and facts)
data/extracted/KEY.ttl     -> graph/extracted/KEY (machine-extracted, reviewable)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError
from .namespaces import GRAPH, PBO, RDF
from .overrides import drop_overridden
from .paths import ProjectPaths
from .terms import rdflib_graph_to_ox

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
_RDF_TYPE = ox.NamedNode(str(RDF.type))
ENTITIES_FILE = "entities.ttl"


@dataclass(frozen=True)
class SourceFile:
    path: Path
    graph: str


@dataclass
class Assembly:
    """The assembled dataset, and for each subject the file that defines it (for reports)."""

    store: ox.Store
    files: list[SourceFile]
    source_of: dict[str, str] = field(default_factory=dict)

    def union_triples(self) -> list[ox.Triple]:
        seen = {ox.Triple(q.subject, q.predicate, q.object) for q in self.store}
        return sorted(seen, key=str)

    def sorted_quads(self) -> list[ox.Quad]:
        return sorted(self.store, key=lambda q: (str(q.graph_name), str(q.subject),
                                                 str(q.predicate), str(q.object)))


def article_graph(key: str) -> str:
    return str(GRAPH[f"article/{key}"])


def _sorted(paths: Iterable[Path]) -> list[Path]:
    # By name (the files of one folder): the order of sorting paths, at a fraction of the cost.
    return sorted(paths, key=lambda f: f.name)


def source_files(p: ProjectPaths) -> list[SourceFile]:
    """Every input file of a build, in a fixed order."""
    files = [SourceFile(f, str(GRAPH.ontology)) for f in _sorted(p.ontology.glob("*.ttl"))]
    for f in _sorted(p.reference.glob("*")):
        if f.suffix in (".ttl", ".csv"):
            files.append(SourceFile(f, str(GRAPH.reference)))
    files += [SourceFile(f, article_graph(f.stem)) for f in _sorted(p.sources.glob("*.ttl"))]
    for f in _sorted(p.curated.glob("*.ttl")):
        graph = str(GRAPH.entities) if f.name == ENTITIES_FILE else article_graph(f.stem)
        files.append(SourceFile(f, graph))
    if p.extracted.is_dir():
        files += [SourceFile(f, str(GRAPH[f"extracted/{f.stem}"]))
                  for f in _sorted(p.extracted.glob("*.ttl"))]
    return files


def parse_file(path: Path, graph: str) -> list[ox.Quad]:
    """Parse one RDF file into quads of `graph`; a syntax error names the file and line."""
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.suffix == ".csv":
        return _csv_quads(path, graph)
    fmt = _FORMATS.get(path.suffix)
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise InputError(path, f"unknown RDF format '{path.suffix}' (use one of {known})")
    target = ox.NamedNode(graph)
    if fmt == ox.RdfFormat.RDF_XML:
        _check_xml(path)
    try:
        parsed = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise InputError(path, _syntax_message(exc), line=exc.lineno) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        return parsed
    return [ox.Quad(t.subject, t.predicate, t.object, target) for t in parsed]


def _check_xml(path: Path) -> None:
    from .xml_entities import check_entities

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    check_entities(path, data)


def _syntax_message(exc: SyntaxError) -> str:
    # pyoxigraph repeats the position in its message; keep only the reason.
    text = str(exc.msg if hasattr(exc, "msg") else exc)
    return text.split(": ", 1)[-1] if text.startswith("Parser error") else text


def _csv_quads(path: Path, graph: str) -> list[ox.Quad]:
    from .reference import reference_graphs  # CSV reference tables are the only CSV input

    target = ox.NamedNode(graph)
    graphs = reference_graphs(path.parent)
    if path not in graphs:
        raise InputError(path, "not a known reference table")
    # Sorted: rdflib's order changes from one process to the next, and the dumps keep the
    # order in which a graph's triples were loaded.
    triples = sorted(rdflib_graph_to_ox(graphs[path]), key=str)
    return [ox.Quad(t.subject, t.predicate, t.object, target) for t in triples]


def assemble(files: Sequence[SourceFile], root: Path | None = None) -> Assembly:
    store = ox.Store()
    source_of: dict[str, str] = {}
    typed: set[str] = set()
    for sf in files:
        quads = parse_file(sf.path, sf.graph)
        if "/graph/extracted/" in sf.graph:  # a curated file of the same article overrides it
            quads = without_curated(quads, sf, files)
        store.extend(quads)
        name = _display_path(sf.path, root)
        for q in quads:
            if not isinstance(q.subject, ox.NamedNode):
                continue
            subject = q.subject.value
            # The file that types a subject is its home; otherwise the first file naming it.
            if q.predicate == _RDF_TYPE and subject not in typed:
                typed.add(subject)
                source_of[subject] = name
            else:
                source_of.setdefault(subject, name)
    return Assembly(store=store, files=list(files), source_of=source_of)


def without_curated(quads: list[ox.Quad], source: SourceFile,
                    files: Sequence[SourceFile]) -> list[ox.Quad]:
    """For dataset assembly: the quads of data/extracted/KEY.ttl minus what the curated files
    of the same article (data/sources/KEY.ttl, data/curated/KEY.ttl: graph/article/KEY)
    already state. Other files' quads are returned as they are."""
    if "/graph/extracted/" not in source.graph:
        return quads
    twins = [sf for sf in files if sf.graph == article_graph(source.path.stem)]
    if not twins:
        return quads
    curated = [q for sf in twins for q in parse_file(sf.path, sf.graph)]
    return drop_overridden(quads, curated)


def load_files(store: ox.Store, files: Sequence[SourceFile],
               all_files: Sequence[SourceFile] | None = None) -> None:
    """Parse ``files`` into ``store`` (each into its graph) without Python work per triple.

    ``all_files`` is the whole input, which an extracted file needs to drop what the curated
    files of its article state. A syntax error names the file and the line.
    """
    for sf in files:
        fmt = _FORMATS.get(sf.path.suffix)
        if sf.path.suffix == ".csv" or "/graph/extracted/" in sf.graph or fmt is None:
            quads = parse_file(sf.path, sf.graph)
            if "/graph/extracted/" in sf.graph:
                quads = without_curated(quads, sf, list(all_files or files))
            store.extend(quads)
            continue
        if fmt == ox.RdfFormat.RDF_XML:
            _check_xml(sf.path)  # Oxigraph expands XML entities: refuse a billion laughs first
        to_graph = None if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS) else \
            ox.NamedNode(sf.graph)
        try:
            store.load(path=str(sf.path), format=fmt, to_graph=to_graph)
        except SyntaxError as exc:
            raise InputError(sf.path, _syntax_message(exc), line=exc.lineno) from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(sf.path, f"cannot be read: {exc}") from None
    check_period_nodes(store, files)


_PERIOD_LINKS = [ox.NamedNode(str(PBO[p])) for p in ("period", "reviewedPeriod")]
_PERIOD_BOUNDS = [ox.NamedNode(str(PBO[p])) for p in ("validFrom", "validUntil")]


def check_period_nodes(store: ox.Store, files: Sequence[SourceFile]) -> None:
    """Every graph that links to a period states the period's first and last day, as
    pbkg/periods.py has every file naming a span write its node. Queries read the bounds from
    the fact's own graph (lookup/awards.rq): in the union, a node restated by k files would
    join k x k times. Raises InputError naming the file (or the graph, for a TriG or N-Quads
    file that names its own graphs)."""
    files_of = {sf.graph: sf.path for sf in files}
    for link in _PERIOD_LINKS:
        for q in store.quads_for_pattern(None, link, None, None):
            if isinstance(q.object, ox.Literal) or isinstance(q.graph_name, ox.DefaultGraph):
                continue  # not a node: the shapes say so
            missing = [b.value for b in _PERIOD_BOUNDS
                       if next(store.quads_for_pattern(q.object, b, None, q.graph_name), None)
                       is None]
            if missing:
                raise InputError(
                    files_of.get(q.graph_name.value, q.graph_name.value),
                    f"<{q.subject.value}> names the period <{q.object.value}> but this file "
                    f"does not state its {' and '.join(missing)}: a file that names a period "
                    f"writes its node (type, label, first and last day), as every other file "
                    f"naming it does")


def graph_inputs(files: Sequence[SourceFile]) -> dict[str, list[SourceFile]]:
    """The files each graph is made from, with those an extracted graph depends on (the curated
    files of its article, whose statements it drops)."""
    out: dict[str, list[SourceFile]] = {}
    for sf in files:
        out.setdefault(sf.graph, []).append(sf)
    for graph, members in out.items():
        if "/graph/extracted/" in graph:
            members += [twin for m in list(members)
                        for twin in out.get(article_graph(m.path.stem), [])]
    return out


def sources_of(subjects: Iterable[str], files: Sequence[SourceFile],
               root: Path | None = None) -> dict[str, str]:
    """For a few subjects (those a report names), the file that defines each, as assemble()
    computes it for all: the file typing it, else the first naming it. Reads the input files."""
    wanted = set(subjects)
    found: dict[str, str] = {}
    first: dict[str, str] = {}
    for sf in files:
        if not wanted - found.keys():
            break
        name = _display_path(sf.path, root)
        for q in parse_file(sf.path, sf.graph):
            subject = q.subject.value if isinstance(q.subject, ox.NamedNode) else None
            if subject not in wanted or subject in found:
                continue
            if q.predicate == _RDF_TYPE:
                found[subject] = name
            else:
                first.setdefault(subject, name)
    return {**first, **found}


def _display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def digest(files: Iterable[SourceFile]) -> dict[str, str]:
    """sha256 of each input, to tell whether a build is stale."""
    return {str(sf.path): hashlib.sha256(sf.path.read_bytes()).hexdigest() for sf in files}
