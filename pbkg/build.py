"""`pbkg build`: assemble, validate, write dist/ atomically, reusing what has not changed.

Layout: ``dist`` is a symbolic link to a complete version directory ``.dist.v-<digest>`` next to
it. A build fills a temporary ``.dist.new-<pid>-<random>`` and, once everything is written,
renames it to its version name and replaces the link with ``rename(2)``: a reader sees the old
output or the new one, never a gap or a mix. A killed build leaves its temporary directory behind;
the next build removes it once its process is gone, and keeps only the current and the previous
version (a server may still have the previous store open).

A version holds the dumps, ``store/`` (an Oxigraph store, optimized, for ``pbkg serve`` to open
read-only), ``search.sqlite`` (the full-text label index) and ``subjects.sqlite`` (what each
subject states, pbkg.subjects). A failed build (bad input or SHACL
violations) raises before the link moves, so the last good output stays in place.

When the inputs, shapes and pbkg version match the manifest, nothing is done ("unchanged").
When fewer than half the graphs changed ("incremental"), the previous version is updated instead
of rebuilt: only the changed files are parsed; the previous on-disk store is copied (hard links)
and only the changed graphs are replaced in it; SHACL Core is checked again only on the nodes
the changed graphs can touch, in any graph (validate_changes: the previous build conformed to
the same shapes), and the SHACL-SPARQL rules, which span graphs (one chair per cluster-year, a
role holder is a member...), run on the whole union; the search entries of the changed subjects
are written again in a copy of the index, the changed graphs' rows in a copy of the table of
subjects; the dumps copy the unchanged graphs' chunks from the previous files (pbkg.dumps).
Otherwise ("full") everything is made from the inputs. Both paths
give the same output: it carries no timestamps and depends only on the content, so two builds
of one commit are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import __version__
from .dataset import (
    Assembly,
    SourceFile,
    graph_inputs,
    load_files,
    source_files,
    sources_of,
)
from .dumps import (
    CHUNKS,
    DUMPS,
    ChunkIndex,
    graph_chunks,
    shadowed_triples,
    without,
    write_dumps,
)
from .errors import ValidationFailed
from .namespaces import GRAPH
from .overview import LEADERSHIP, OVERVIEW
from .paths import ProjectPaths, paths
from .subjects import SUBJECTS_FILE, update_subjects, write_subjects
from .terms import ox_triples_to_rdflib

MANIFEST = "manifest.json"
STORE_DIR = "store"
SEARCH_INDEX = "search.sqlite"


@dataclass
class BuildResult:
    out_dir: Path
    quads: int
    triples: int
    graphs: int
    timings: dict[str, float] = field(default_factory=dict)
    # "unchanged" (nothing done), "incremental" (the previous store updated) or "full".
    mode: str = "full"


def input_digest(files: list[SourceFile], root: Path, known: dict | None = None,
                 current: dict[str, list[int]] | None = None) -> dict[str, str]:
    """sha256 of each input. ``known``: a previous manifest, whose hash of a file is reused when
    the file's size and modification time (in ns) are those it recorded (as make does);
    ``current``: those of the files now, if taken already."""
    hashes = (known or {}).get("inputs", {})
    stats = (known or {}).get("stats", {})
    out = {}
    for sf in files:
        name = _name(sf.path, root)
        now = current.get(name) if current is not None else None
        if name in hashes and stats.get(name) == (now or _stat(sf.path)):
            out[name] = hashes[name]
        else:
            out[name] = hashlib.sha256(sf.path.read_bytes()).hexdigest()
    return out


def _stats_file(out_dir: Path) -> Path:
    # Beside the output, not in it: the outputs carry no timestamps.
    return out_dir.parent / f".{out_dir.name}.stats.json"


def _with_stats(manifest: dict | None, out_dir: Path) -> dict | None:
    """The manifest's input hashes with the sizes and times recorded when they were computed."""
    if manifest is None:
        return None
    try:
        recorded = json.loads(_stats_file(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return manifest
    if recorded.get("inputs") != manifest.get("inputs"):
        return manifest  # the cache of another build
    return {**manifest, "stats": recorded.get("stats", {})}


def _write_stats(out_dir: Path, inputs: dict[str, str], stats: dict[str, list[int]]) -> None:
    target = _stats_file(out_dir)
    tmp = target.with_name(f"{target.name}.{os.getpid()}")
    tmp.write_text(json.dumps({"inputs": inputs, "stats": stats}), encoding="utf-8")
    os.replace(tmp, target)


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def shapes_digest(shapes_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(shapes_dir).glob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _name(path: Path, root: Path) -> str:
    # The inputs are listed under the root: a string prefix, without resolving links or
    # pathlib's parsing (both slow for 10^4 files).
    text, prefix = str(path), str(root) + os.sep
    if text.startswith(prefix) and ".." not in text:
        return text[len(prefix):]
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def validate_assembly(asm: Assembly, p: ProjectPaths, engine: str = "fast"):
    """Run the shapes over the union of all graphs; returns the validation report."""
    from .validate import load_shapes, validate, validate_store

    if engine == "fast":
        return validate_store(asm.store, load_shapes(p.shapes), source_of=asm.source_of)
    union = asm.union_triples()
    union_store = ox.Store()
    union_store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in union)
    return validate(ox_triples_to_rdflib(union), load_shapes(p.shapes),
                    source_of=asm.source_of, store=union_store, engine=engine)


def validate_store_files(store: ox.Store, files: list[SourceFile], p: ProjectPaths,
                         engine: str = "fast", nquads: Path | None = None,
                         changes: tuple[ox.Store, set[str]] | None = None):
    """Validate a store holding ``files`` (``nquads``: its N-Quads dump, if written already);
    a report names the file of each violating node. ``changes``: the previous build's store
    (which conformed to the same shapes) and the graphs changed since: then only what the
    changes can touch is validated again (validate_changes)."""
    from dataclasses import replace

    from .validate import load_shapes, report_of, validate_store

    report = None
    if engine == "fast" and changes is not None:
        report = validate_changes(store, load_shapes(p.shapes), *changes)
    if report is None and engine == "fast":
        report = validate_store(store, load_shapes(p.shapes), nquads=nquads)
    elif report is None:
        from .dataset import assemble

        report = validate_assembly(assemble(files, root=p.root), p, engine)
    if report.conforms:
        return report
    where = sources_of({v.focus for v in report.violations}, files, p.root)
    return report_of([replace(v, source_file=where.get(v.focus)) for v in report.violations])


_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
# Most nodes a changed build validates again before it validates everything instead.
MAX_TOUCHED = 50_000


def validate_changes(store: ox.Store, shapes, old: ox.Store, stale: set[str]):  # noqa: ANN001
    """Validate what changed graphs can touch; None where everything must be validated.

    The previous build conformed to the same shapes. A node's SHACL Core result depends on the
    triples of the subjects within reach() hops of it (and on the class hierarchy, in the
    ontology). So: the subjects of the triples that changed are touched; so is
    every node from which one of them is within reach() hops, in the new union; those are
    validated again, on the triples within reach() hops of them plus the ontology. The
    SHACL-SPARQL rules span graphs (one chair per cluster-year...): they run on the whole union.
    """
    from .validate import (
        object_target_predicates,
        reach,
        report_of,
        validate_core_of,
    )

    hops = reach(shapes)
    ontology = ox.NamedNode(str(GRAPH.ontology))
    if hops is None or ontology.value in stale or str(GRAPH.reference) in stale:
        return None
    targeting = object_target_predicates(shapes)
    # The triples a changed graph stated before or states now, not both: the others are in
    # the union before and after (a triple another graph states too counts, needlessly).
    changed: set[ox.Triple] = set()
    for graph in stale:
        before, after = ({ox.Triple(q.subject, q.predicate, q.object)
                          for q in source.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
                         for source in (old, store))
        changed |= before ^ after
    touched: set = set()
    subjects: set = set()
    for t in changed:
        # A triple is part of its subject's description (reach() refuses inverse paths); its
        # object is touched too where the triple makes the object a focus node.
        touched.add(t.subject)
        subjects.add(t.subject)
        if t.predicate.value in targeting and not isinstance(t.object, ox.Literal):
            touched.add(t.object)
    frontier = set(touched)
    for _ in range(hops):  # nodes from which a touched subject is within reach
        frontier = {q.subject for node in frontier
                    for q in store.quads_for_pattern(None, None, node)} - touched
        touched |= frontier
        if len(touched) > MAX_TOUCHED:
            return None
    around, frontier = set(touched), set(touched)
    for _ in range(hops):  # and what those depend on
        frontier = {q.object for node in frontier
                    for q in store.quads_for_pattern(node, None, None)
                    if not isinstance(q.object, ox.Literal)} - around
        around |= frontier
    sub = ox.Store()
    sub.extend(q for node in around for q in store.quads_for_pattern(node, None, None))
    sub.extend(store.quads_for_pattern(None, None, None, ontology))
    focus = {t.value if isinstance(t, ox.NamedNode) else f"_:{t.value}" for t in touched}
    violations = validate_core_of(sub.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"),
                                  shapes, focus)
    return report_of(violations + _rule_violations(store, old, shapes, subjects))


# Most terms the SHACL-SPARQL rules are seeded with before they run on everything instead.
MAX_SEEDS = 20_000


def _rule_violations(store: ox.Store, old: ox.Store, shapes, subjects: set) -> list:  # noqa: ANN001
    """The SHACL-SPARQL rules' results in ``store``, given that ``old`` had none and that
    only the triples of ``subjects`` differ. A rule's query may join anything with anything
    (one chair per cluster and year), so its reach is not bounded as Core's is; but a result
    that is new binds one of the rule's variables to a term of what changed: a changed subject,
    a value of its triples (a pattern on a node the result does not bind, as the membership in
    "a role holder is a member", then still binds that value), or a node pointing to it. The
    rules run seeded with those terms (run_seeded), unless there are too many or blank nodes
    among them (a blank node cannot be bound in a query): then on the whole union. This holds
    for rules whose negated or optional parts reach one hop beyond their projected variables,
    as pbkg's do (shapes/rules.ttl; the tests compare with a full validation)."""
    from .validate import split_shapes

    _, constraints = split_shapes(shapes)
    terms: set = set(subjects)
    for source in (old, store):
        for node in subjects:
            terms |= {q.object for q in source.quads_for_pattern(node, None, None)}
            terms |= {q.subject for q in source.quads_for_pattern(None, None, node)}
            if len(terms) > MAX_SEEDS:
                break
    if len(terms) > MAX_SEEDS or any(isinstance(t, ox.BlankNode) for t in terms):
        return [v for c in constraints for v in c.run(store, union=True)]
    # IRIs only: every changed triple has one as subject, and a literal (a year) would seed
    # a rule with a large part of the graph.
    seeds = sorted((t for t in terms if isinstance(t, ox.NamedNode)), key=str)
    return [v for c in constraints for v in c.run_seeded(store, seeds)]


def build(p: ProjectPaths | None = None, out_dir: Path | None = None,
          engine: str = "fast", incremental: bool = True) -> BuildResult:
    p = p or paths()
    out_dir = Path(out_dir or p.dist)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    remove_stale(out_dir)
    files = source_files(p)
    previous = read_manifest(out_dir) if incremental else None
    # Sizes and times before hashing: a file edited meanwhile looks changed next time.
    names = {sf.path: _name(sf.path, p.root) for sf in files}
    stats = {names[sf.path]: _stat(sf.path) for sf in files}
    inputs = input_digest(files, p.root, _with_stats(previous, out_dir), stats)
    key = {"pbkg": __version__, "inputs": inputs, "shapes": shapes_digest(p.shapes)}
    if previous is not None and all(previous.get(k) == v for k, v in key.items()) \
            and _complete(out_dir, previous):
        if _with_stats(previous, out_dir).get("stats") != stats:  # type: ignore[union-attr]
            _write_stats(out_dir, inputs, stats)  # hashed this time: next time, not
        timings["check"] = time.perf_counter() - t0
        return BuildResult(out_dir, previous["quads"], previous["triples"],
                           len(previous["graphs"]), timings, mode="unchanged")

    tmp = out_dir.parent / f".{out_dir.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
    tmp.mkdir()
    try:
        stale = _stale_graphs(files, inputs, names, out_dir, previous)
        # The version directory the link names now: the one this build starts from.
        base = out_dir.resolve() if stale is not None and _complete(out_dir, previous) else None
        chunks = ChunkIndex.read(base) if base is not None else None
        if chunks is not None and engine == "fast":
            mode = "incremental"
            index = _build_changes(p, files, base, tmp, stale, chunks,  # type: ignore[arg-type]
                                   previous.get("shapes") == key["shapes"],  # type: ignore[union-attr]
                                   timings, t0)
        else:
            mode = "full"
            index = _build_full(p, files, tmp, engine, timings, t0)
        (tmp / CHUNKS).write_text(index.to_json(), encoding="utf-8")
        manifest = {
            **key,
            "quads": sum(index.quads.values()),
            "triples": sum(index.triples.values()),
            "graphs": index.graphs,
            "dumps": {name: spec[0] for name, spec in DUMPS.items()},
            "store": STORE_DIR,
            "search_index": SEARCH_INDEX,
            "subjects": SUBJECTS_FILE,
            "overview": OVERVIEW,
            "leadership": LEADERSHIP,
            "graph_files": {names[sf.path]: sf.graph for sf in files},
        }
        t1 = time.perf_counter()
        _publish(tmp, out_dir, manifest)
        _write_stats(out_dir, inputs, stats)
        timings["publish"] = time.perf_counter() - t1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    remove_stale(out_dir)
    timings["total"] = time.perf_counter() - t0
    return BuildResult(out_dir, manifest["quads"], manifest["triples"], len(index.graphs),
                       timings, mode=mode)


def _fail_on(report) -> None:  # noqa: ANN001
    if not report.conforms:
        raise ValidationFailed(
            f"the data violates the shapes ({len(report.violations)} violations); "
            f"dist/ was left as it was.\n\n{report.to_text()}", report)


def _build_full(p: ProjectPaths, files: list[SourceFile], tmp: Path, engine: str,
                timings: dict[str, float], t0: float) -> ChunkIndex:
    """Everything from the inputs: parse into memory, the N-Quads dump first (the validator and
    the on-disk store read it), then two lanes (Oxigraph, the Rust validator and SQLite release
    the GIL): validation and the index here, the on-disk store beside; then each lane takes the
    other dumps from a common list until none is left. Two lanes, not more: the peak memory
    stays bounded. Nothing is published unless the data conforms."""
    from .search import write_index

    store = ox.Store()
    load_files(store, files)
    timings["load"] = time.perf_counter() - t0
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    shadowed: list[dict[str, set[ox.Triple]]] = []
    lock = threading.Lock()

    def union_shadowed() -> dict[str, set[ox.Triple]]:
        with lock:  # computed once, by the first lane to need it
            if not shadowed:
                start = time.perf_counter()
                shadowed.append(shadowed_triples(store))
                timings["shadowed"] = time.perf_counter() - start
        return shadowed[0]

    def dumps(formats: tuple[str, ...]) -> tuple[dict, dict[str, int], dict[str, int]]:
        start = time.perf_counter()
        union = union_shadowed() if any(not DUMPS[f][2] for f in formats) else {}
        chunks_of = lambda g: graph_chunks(store, g, union.get(g), formats)  # noqa: E731
        if formats == ("ntriples",):
            chunks_of = partial(_ntriples_from_nquads, tmp / DUMPS["nquads"][0],
                                written[0][0]["nquads"], chunks_of, union)
        out = write_dumps(tmp, graphs, chunks_of, None, set(), formats)
        timings[f"dumps {' '.join(formats)}"] = time.perf_counter() - start
        return out

    def subjects() -> None:
        timings["subjects"], _ = _timed(write_subjects, tmp / DUMPS["nquads"][0],
                                        written[0][0]["nquads"], tmp / SUBJECTS_FILE)

    written: list = []
    written.append(dumps(("nquads",)))
    # The dumps and the table of subjects (read from the N-Quads dump), the shortest last.
    jobs: list[Callable[[], Any]] = [partial(dumps, f) for f in (
        ("ntriples",), ("trig", "turtle"), ("jsonld",), ("rdfxml",))] + [subjects]
    failed = threading.Event()

    def take_jobs() -> list:
        done = []
        while not failed.is_set():
            with lock:
                if not jobs:
                    break
                job = jobs.pop(0)
            out = job()
            if out is not None:
                done.append(out)
        return done

    with ThreadPoolExecutor(max_workers=1) as pool:
        beside = pool.submit(_store_then, tmp, failed, take_jobs)
        try:
            t1 = time.perf_counter()
            report = validate_store_files(store, files, p, engine, tmp / DUMPS["nquads"][0])
            timings["validate"] = time.perf_counter() - t1
            _fail_on(report)
            timings["index"], _ = _timed(write_index, store, p.queries, tmp / SEARCH_INDEX)
            timings["overview"], _ = _timed(_write_overview, store, p, tmp, None)
            written += take_jobs()
        except BaseException:
            failed.set()  # the other lane stops after its current step
            raise
        lane, more = beside.result()
    timings.update(lane)
    written += more
    places = {name: w[0][name] for w in written for name in w[0]}
    quads = next(w[1] for w in written if "nquads" in w[0])
    triples = next(w[2] for w in written if "ntriples" in w[0])
    return ChunkIndex(graphs, quads, triples, places)


def _ntriples_from_nquads(nquads: Path, places: dict[str, list[int]], serialize: Callable,
                          shadowed: dict, graph: str) -> dict[str, bytes]:
    """A graph's N-Triples chunk: its N-Quads chunk without the graph name (the same bytes
    Oxigraph would write again: the N-Quads chunk is the N-Triples one with the name added),
    and without the lines of the triples an earlier graph states."""
    if graph not in places:
        return serialize(graph)
    offset, length = places[graph]
    with open(nquads, "rb") as f:
        f.seek(offset)
        chunk = f.read(length)
    return {"ntriples": without(chunk.replace(b" <%s> .\n" % graph.encode(), b" .\n"),
                                shadowed.get(graph, set()))}


def _store_then(tmp: Path, failed: threading.Event, take_jobs: Callable) -> tuple[dict, list]:
    timings: dict[str, float] = {}
    timings["store"], _ = _timed(_write_store, tmp / DUMPS["nquads"][0], tmp / STORE_DIR)
    return timings, take_jobs()


def _build_changes(p: ProjectPaths, files: list[SourceFile], base: Path, tmp: Path,
                   stale: set[str], chunks: ChunkIndex, same_shapes: bool,
                   timings: dict[str, float], t0: float) -> ChunkIndex:
    """The previous version updated: only the files of the ``stale`` graphs are parsed; the
    on-disk store is copied (hard links: RocksDB never rewrites a file) and those graphs are
    replaced in it; validation covers what the change can touch (validate_changes; all of it
    when the shapes changed); the search entries of the changed subjects are written again in a
    copy of the index; the dumps copy every unchanged chunk. Nothing is published unless the
    data conforms."""
    from .search import update_index, write_index

    delta = ox.Store()
    load_files(delta, [sf for sf in files if sf.graph in stale], files)
    timings["load"] = time.perf_counter() - t0
    old = ox.Store.read_only(str(base / STORE_DIR))
    changed: set[ox.Triple] = set()  # in the old or the new contents of a stale graph, not both
    for graph in sorted(stale):
        node = ox.NamedNode(graph)
        before = {ox.Triple(q.subject, q.predicate, q.object)
                  for q in old.quads_for_pattern(None, None, None, node)}
        after = {ox.Triple(q.subject, q.predicate, q.object)
                 for q in delta.quads_for_pattern(None, None, None, node)}
        changed |= before ^ after
    graphs = sorted((set(chunks.graphs) - stale) | {
        g.value for g in delta.named_graphs() if isinstance(g, ox.NamedNode)})

    def graphs_with(t: ox.Triple) -> set[str]:
        """The graphs stating ``t`` now: the unchanged ones as before, the changed ones anew."""
        found = {q.graph_name.value for q in delta.quads_for_pattern(t.subject, t.predicate,
                                                                     t.object)}
        return found | {q.graph_name.value for q in old.quads_for_pattern(
            t.subject, t.predicate, t.object) if isinstance(q.graph_name, ox.NamedNode)
            and q.graph_name.value not in stale}

    # A graph's union chunk leaves out what earlier graphs state: a changed triple may move
    # between the chunks of unchanged graphs that state it too.
    affected = (stale | {g for t in changed for g in graphs_with(t)}) & set(graphs)

    def chunks_of(graph: str) -> dict[str, bytes]:
        source = delta
        if graph not in stale:
            # Parsed again, not copied from the store: a chunk keeps the order in which the
            # graph's files state its triples, as in a full build.
            source = ox.Store()
            load_files(source, [sf for sf in files if sf.graph == graph], files)
        shadowed = {ox.Triple(q.subject, q.predicate, q.object)
                    for q in source.quads_for_pattern(None, None, None, ox.NamedNode(graph))
                    if min(graphs_with(ox.Triple(q.subject, q.predicate, q.object))) < graph}
        return graph_chunks(source, graph, shadowed)

    made = {graph: chunks_of(graph) for graph in sorted(affected)}
    # The dumps first, each in its own thread (copying the unchanged ranges is the kernel's
    # work), beside the store's update, the index and the validation.
    writers = ThreadPoolExecutor(max_workers=3)
    t_dumps = time.perf_counter()
    writing = [writers.submit(write_dumps, tmp, graphs, made.__getitem__, (base, chunks),
                              set(graphs) - affected, [name]) for name in DUMPS]
    # The table of subjects beside them: the previous one, the changed graphs' rows again (a
    # previous version without a table is not complete: the build is then a full one).
    subjects = writers.submit(_timed, update_subjects, base / SUBJECTS_FILE, tmp / SUBJECTS_FILE,
                              {g: made[g]["nquads"] for g in stale if g in made},
                              set(stale) | (set(chunks.graphs) - set(graphs)))
    try:
        t = time.perf_counter()
        old.backup(str(tmp / STORE_DIR))
        store = ox.Store(str(tmp / STORE_DIR))
        for graph in sorted(stale):
            if chunks.quads.get(graph):
                store.remove_graph(ox.NamedNode(graph))
        store.extend(list(delta))
        store.flush()
        timings["store"] = time.perf_counter() - t
        with ThreadPoolExecutor(max_workers=1) as pool:
            # Validation beside the index: both engines release the GIL.
            checking = pool.submit(validate_store_files, store, files, p, "fast", None,
                                   (old, stale) if same_shapes else None)
            try:
                t = time.perf_counter()
                index_path = tmp / SEARCH_INDEX
                if str(GRAPH.ontology) in stale or any(  # the class hierarchy changed:
                        t.predicate.value == _SUBCLASS for t in changed):  # any entry may
                    write_index(store, p.queries, index_path)
                else:
                    shutil.copyfile(base / SEARCH_INDEX, index_path)
                    update_index(store, p.queries, index_path,
                                 {t.subject.value for t in changed
                                  if isinstance(t.subject, ox.NamedNode)})
                timings["index"] = time.perf_counter() - t
            finally:
                t = time.perf_counter()
                report = checking.result()
                timings["validate"] = time.perf_counter() - t
        if report.conforms:  # beside the dumps still being written
            timings["overview"], _ = _timed(_write_overview, store, p, tmp,
                                            (base, old, changed))
        t = time.perf_counter()
        written = [w.result() for w in writing]
        timings["dumps"] = time.perf_counter() - t_dumps
        timings["subjects"], _ = subjects.result()
    finally:
        writers.shutdown(wait=True, cancel_futures=True)
    _fail_on(report)
    places = {name: w[0][name] for name, w in zip(DUMPS, written, strict=True)}
    quads = written[list(DUMPS).index("nquads")][1]
    triples = written[list(DUMPS).index("ntriples")][2]
    return ChunkIndex(graphs, quads, triples, places)


def _write_overview(store: ox.Store, p: ProjectPaths, tmp: Path,
                    since: tuple[Path, ox.Store, set[ox.Triple]] | None) -> None:
    """The site's whole-graph answers (pbkg.overview), from the store and the new search index;
    ``since``: the previous version, its store and the triples that differ, whose answers are
    then updated rather than computed again."""
    from .overview import read_overview, write_overview
    from .overview_build import compute_overview, site_over, update_overview
    from .search import DiskIndex

    site = site_over(store, p.queries, tmp / SEARCH_INDEX)
    previous = read_overview(since[0] / OVERVIEW, site.id_base) if since else None
    if since is None or previous is None:
        data = compute_overview(site)
    else:
        data = update_overview(site, previous, since[1], store,
                               DiskIndex(since[0] / SEARCH_INDEX, site.id_base), since[2])
    write_overview(tmp / OVERVIEW, data)


def _timed(fn, *args):  # noqa: ANN001, ANN202 - a thin wrapper
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def _write_store(nquads: Path, path: Path) -> None:
    """The on-disk store pbkg serve opens read-only: bulk loaded from the N-Quads dump, compacted
    (an uncompacted RocksDB is several times slower to query: performance.md)."""
    store = ox.Store(str(path))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()


def _stale_graphs(files: list[SourceFile], inputs: dict[str, str], names: dict[Path, str],
                  out_dir: Path, previous: dict | None) -> set[str] | None:
    """The graphs made from files changed since the previous build (added, edited, removed);
    None when there is no previous build to start from, or most graphs changed."""
    if previous is None or previous.get("pbkg") != __version__ \
            or not (out_dir / STORE_DIR).is_dir():
        return None
    old_inputs: dict[str, str] = previous.get("inputs", {})
    changed = {n for n in set(inputs) | set(old_inputs) if inputs.get(n) != old_inputs.get(n)}
    by_graph = graph_inputs(files)
    stale = {g for g, members in by_graph.items()
             if any(names[m.path] in changed for m in members)}
    # The graph of a removed file: gone, or made of the files that remain.
    stale |= {previous.get("graph_files", {}).get(n) for n in changed} - {None}
    return None if len(stale) * 2 > len(by_graph) else stale


def _publish(tmp: Path, out_dir: Path, manifest: dict) -> None:
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    _fsync_tree(tmp)
    digest = hashlib.sha256((tmp / MANIFEST).read_bytes()).hexdigest()[:16]
    version = out_dir.parent / f".{out_dir.name}.v-{digest}-{secrets.token_hex(3)}"
    os.rename(tmp, version)
    if out_dir.exists() and not out_dir.is_symlink():
        # A dist/ from before versioned builds: moved aside once (the only swap with a gap).
        os.rename(out_dir, out_dir.parent / f".{out_dir.name}.v-legacy-{secrets.token_hex(3)}")
    link = out_dir.parent / f".{out_dir.name}.link-{os.getpid()}-{secrets.token_hex(3)}"
    os.symlink(version.name, link)
    os.replace(link, out_dir)  # atomic: readers see the old version or the new one


def _fsync_tree(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        if path.is_file() or path.is_dir():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


_TEMP = re.compile(r"^\.(?P<name>.+)\.(?:new|link)-(?P<pid>\d+)-[0-9a-f]+$")


def remove_stale(out_dir: Path, keep: int = 2) -> list[Path]:
    """Remove what killed builds left (temporary directories and links of dead processes) and
    versions older than the current and previous ones. Returns what was removed."""
    removed: list[Path] = []
    parent = out_dir.parent
    if not parent.is_dir():
        return removed
    current = os.readlink(out_dir) if out_dir.is_symlink() else None
    versions = []
    for entry in parent.iterdir():
        match = _TEMP.match(entry.name)
        if match and match["name"] == out_dir.name and not _alive(int(match["pid"])):
            removed.append(entry)
        elif entry.name.startswith(f".{out_dir.name}.v-") and entry.name != current:
            versions.append(entry)
    versions.sort(key=lambda e: e.lstat().st_mtime, reverse=True)
    removed += versions[keep - 1:] if current else versions[keep:]
    for entry in removed:
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _complete(out_dir: Path, manifest: dict) -> bool:
    # A build from before overview.json, leadership.json or subjects.sqlite is not complete:
    # the next build, a full one, makes them.
    names = [*manifest.get("dumps", {}).values(), manifest.get("store"),
             manifest.get("search_index"), manifest.get("subjects"), manifest.get("overview"),
             manifest.get("leadership")]
    return all(name and (out_dir / name).exists() for name in names)


def read_manifest(out_dir: Path) -> dict | None:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_stale(p: ProjectPaths | None = None, out_dir: Path | None = None) -> bool:
    """True when dist/ is missing or was built from other inputs, shapes or pbkg version than
    the current ones (what `pbkg build` would rebuild)."""
    p = p or paths()
    out_dir = out_dir or p.dist
    manifest = read_manifest(out_dir)
    if manifest is None:
        return True
    known = _with_stats(manifest, out_dir)
    return manifest.get("inputs") != input_digest(source_files(p), p.root, known) \
        or manifest.get("shapes") != shapes_digest(p.shapes) \
        or manifest.get("pbkg") != __version__
