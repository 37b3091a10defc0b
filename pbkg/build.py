"""`pbkg build`: assemble, validate, write dist/ atomically, reusing what has not changed.

Layout: ``dist`` is a symbolic link to a complete version directory ``.dist.v-<digest>`` next to
it. A build fills a temporary ``.dist.new-<pid>-<random>`` and, once everything is written,
renames it to its version name and replaces the link with ``rename(2)``: a reader sees the old
output or the new one, never a gap or a mix. A killed build leaves its temporary directory behind;
the next build removes it once its process is gone, and keeps only the current and the previous
version (a server may still have the previous store open).

A version holds the dumps, ``store/`` (an Oxigraph store, optimized, for ``pbkg serve`` to open
read-only) and ``search.sqlite`` (the full-text label index). A failed build (bad input or SHACL
violations) raises before the link moves, so the last good output stays in place.

When the inputs, shapes and pbkg version match the manifest, nothing is done ("unchanged").
Otherwise the graph is assembled again in memory (parsing is in Rust and cheap) and, when fewer
than half the graphs changed ("incremental"): the previous on-disk store is copied (hard links)
and only the changed graphs are replaced in it; SHACL Core is checked again only on the nodes
the changed graphs can touch, in any graph (validate_changes: the previous build conformed to
the same shapes), and the SHACL-SPARQL rules, which span graphs (one chair per cluster-year, a
role holder is a member...), run on the whole union. The dumps and the search index are written
again in full. Outputs carry no timestamps and are written in the store's order, which depends
only on the content: two builds of one commit are byte-identical.
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
from .errors import ValidationFailed
from .namespaces import GRAPH, SERIALIZATION_PREFIXES
from .paths import ProjectPaths, paths
from .terms import ox_triples_to_rdflib

MANIFEST = "manifest.json"
STORE_DIR = "store"
SEARCH_INDEX = "search.sqlite"
# Dump files by format name; the dataset formats keep the named graphs, the others hold the union.
DUMPS: dict[str, tuple[str, ox.RdfFormat, bool]] = {
    "trig": ("pbkg.trig", ox.RdfFormat.TRIG, True),
    "nquads": ("pbkg.nq", ox.RdfFormat.N_QUADS, True),
    "turtle": ("pbkg.ttl", ox.RdfFormat.TURTLE, False),
    "ntriples": ("pbkg.nt", ox.RdfFormat.N_TRIPLES, False),
    "jsonld": ("pbkg.jsonld", ox.RdfFormat.JSON_LD, False),
    "rdfxml": ("pbkg.rdf", ox.RdfFormat.RDF_XML, False),
}


@dataclass
class BuildResult:
    out_dir: Path
    quads: int
    triples: int
    graphs: int
    timings: dict[str, float] = field(default_factory=dict)
    # "unchanged" (nothing done), "incremental" (the previous store updated) or "full".
    mode: str = "full"


def input_digest(files: list[SourceFile], root: Path,
                 known: dict | None = None) -> dict[str, str]:
    """sha256 of each input. ``known``: a previous manifest, whose hash of a file is reused when
    the file's size and modification time (in ns) are those it recorded (as make does)."""
    hashes = (known or {}).get("inputs", {})
    stats = (known or {}).get("stats", {})
    out = {}
    for sf in files:
        name = _name(sf.path, root)
        if name in hashes and stats.get(name) == _stat(sf.path):
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
    try:  # the inputs are listed under the root: no need to resolve links (slow for 10^4 files)
        return str(path.relative_to(root))
    except ValueError:
        pass
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


# Most nodes a changed build validates again before it validates everything instead.
MAX_TOUCHED = 50_000


def validate_changes(store: ox.Store, shapes, old: ox.Store, stale: set[str]):  # noqa: ANN001
    """Validate what changed graphs can touch; None where everything must be validated.

    The previous build conformed to the same shapes. A node's SHACL Core result depends on the
    triples of the subjects within reach() hops of it (and on the class hierarchy, in the
    ontology). So: the subjects of the changed graphs, old and new contents, are touched; so is
    every node from which one of them is within reach() hops, in the new union; those are
    validated again, on the triples within reach() hops of them plus the ontology. The
    SHACL-SPARQL rules span graphs (one chair per cluster-year...): they run on the whole union.
    """
    from .validate import (
        object_target_predicates,
        reach,
        report_of,
        sparql_rule_violations,
        validate_core_of,
    )

    hops = reach(shapes)
    ontology = ox.NamedNode(str(GRAPH.ontology))
    if hops is None or ontology.value in stale or str(GRAPH.reference) in stale:
        return None
    targeting = object_target_predicates(shapes)
    touched: set = set()
    for source in (old, store):
        for graph in stale:
            # A triple is part of its subject's description (reach() refuses inverse paths);
            # its object is touched too where the triple makes the object a focus node.
            for q in source.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
                touched.add(q.subject)
                if q.predicate.value in targeting and not isinstance(q.object, ox.Literal):
                    touched.add(q.object)
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
    return report_of(violations + sparql_rule_violations(store, shapes))


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
    stats = {_name(sf.path, p.root): _stat(sf.path) for sf in files}
    inputs = input_digest(files, p.root, _with_stats(previous, out_dir))
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
        stale = _stale_graphs(files, inputs, p, out_dir, previous)
        # In memory while building: the dumps and the index read it many times over.
        store = ox.Store()
        load_files(store, files)
        timings["load"] = time.perf_counter() - t0

        # The N-Quads dump first: the validator and the on-disk store read it. Then two lanes
        # (Oxigraph and the Rust validator release the GIL): validation, the index and the
        # dataset dumps here; the on-disk store, the union and its dumps beside. Two, not more:
        # the peak memory stays bounded. Nothing is published unless the data conforms.
        from .search import write_index

        t1 = time.perf_counter()
        nquads = tmp / DUMPS["nquads"][0]
        store.dump(str(nquads), ox.RdfFormat.N_QUADS)
        failed = threading.Event()
        with ThreadPoolExecutor(max_workers=1) as pool:
            beside = pool.submit(_store_and_union, store, tmp, failed, partial(
                _reuse_store, files=files, out_dir=out_dir, stale=stale))
            try:
                changes = None
                if stale is not None and previous is not None \
                        and previous.get("shapes") == key["shapes"]:
                    # The previous build conformed to these shapes (only such builds publish).
                    changes = (ox.Store.read_only(str(out_dir / STORE_DIR)), stale)
                report = validate_store_files(store, files, p, engine, nquads, changes)
                timings["validate"] = time.perf_counter() - t1
                if not report.conforms:
                    raise ValidationFailed(
                        f"the data violates the shapes ({len(report.violations)} violations); "
                        f"dist/ was left as it was.\n\n{report.to_text()}", report)
                timings["index"], _ = _timed(write_index, store, p.queries, tmp / SEARCH_INDEX)
                timings["dataset dumps"], _ = _timed(_write_dumps, store, tmp, True)
            except BaseException:
                failed.set()  # the other lane stops after its current step
                raise
            triples, lane, reused = beside.result()
            timings.update(lane)
        quads = len(store)
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        del store
        manifest = {
            **key,
            "quads": quads,
            "triples": triples,
            "graphs": graphs,
            "dumps": {name: spec[0] for name, spec in DUMPS.items()},
            "store": STORE_DIR,
            "search_index": SEARCH_INDEX,
            "graph_files": {_name(sf.path, p.root): sf.graph for sf in files},
        }
        _publish(tmp, out_dir, manifest)
        _write_stats(out_dir, inputs, stats)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    remove_stale(out_dir)
    timings["total"] = time.perf_counter() - t0
    return BuildResult(out_dir, quads, triples, len(graphs), timings,
                       mode="incremental" if reused else "full")


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


def _stale_graphs(files: list[SourceFile], inputs: dict[str, str], p: ProjectPaths,
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
             if any(_name(m.path, p.root) in changed for m in members)}
    # The graph of a removed file: gone, or made of the files that remain.
    stale |= {previous.get("graph_files", {}).get(n) for n in changed} - {None}
    return None if len(stale) * 2 > len(by_graph) else stale


def _reuse_store(path: Path, files: list[SourceFile], out_dir: Path,
                 stale: set[str] | None) -> bool:
    """The on-disk store of the previous build, copied (hard links) with the ``stale`` graphs
    parsed again; False (nothing written) when there is no previous build to start from."""
    if stale is None:
        return False
    old = out_dir / STORE_DIR
    try:
        ox.Store.read_only(str(old)).backup(str(path))
    except OSError:  # removed meanwhile, or not a store: build it from the dump instead
        shutil.rmtree(path, ignore_errors=True)
        return False
    store = ox.Store(str(path))
    for graph in sorted(stale):
        if store.contains_named_graph(ox.NamedNode(graph)):
            store.remove_graph(ox.NamedNode(graph))
    load_files(store, [sf for sf in files if sf.graph in stale], files)
    store.optimize()
    store.flush()
    return True


def _store_and_union(store: ox.Store, out: Path, failed: threading.Event,
                     reuse: Callable[[Path], bool]) -> tuple[int, dict[str, float], bool]:
    """The second lane of a build: the on-disk store (the previous one updated if ``reuse``
    can, else loaded from the N-Quads dump), then the union and its dumps."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    reused = reuse(out / STORE_DIR)
    if not reused:
        _write_store(out / DUMPS["nquads"][0], out / STORE_DIR)
    timings["store"] = time.perf_counter() - start
    if failed.is_set():
        return 0, timings, reused
    timings["union"], union = _timed(_union, store, out)
    if failed.is_set():
        return 0, timings, reused
    timings["union dumps"], _ = _timed(_write_dumps, union, out, False)
    return len(union), timings, reused


def _union(store: ox.Store, out: Path) -> ox.Store:
    """The union of all graphs in a store's default graph, each triple once (a store is a set:
    the triples stated in two graphs come in twice and are kept once)."""
    scratch = out / ".union.nt"  # through a file: the serialized union never sits in memory
    store.query(_UNION).serialize(str(scratch), ox.RdfFormat.N_TRIPLES)
    union = ox.Store()
    union.load(path=str(scratch), format=ox.RdfFormat.N_TRIPLES)
    scratch.unlink()
    return union


def _write_dumps(source: ox.Store, out: Path, dataset: bool) -> None:
    """The dataset dumps (all graphs) or the union ones (the default graph) not written yet,
    written by Oxigraph in the store's order, which depends only on the content."""
    for filename, fmt, keeps_graphs in DUMPS.values():
        if keeps_graphs != dataset or (out / filename).exists():
            continue
        prefixes = SERIALIZATION_PREFIXES if fmt in _PRETTY else None
        if dataset:
            source.dump(str(out / filename), fmt, prefixes=prefixes)
        else:
            source.dump(str(out / filename), fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)


_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


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
    names = [*manifest.get("dumps", {}).values(), manifest.get("store"),
             manifest.get("search_index")]
    return all(name and (out_dir / name).exists() for name in names)


_PRETTY = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}


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
