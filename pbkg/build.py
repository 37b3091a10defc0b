"""`pbkg build`: assemble, validate, write dist/ atomically.

A failed build (bad input or SHACL violations) raises before anything is moved, so the last good
dist/ stays in place. Outputs are sorted and carry no timestamps: two builds of one commit are
byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .dataset import Assembly, SourceFile, assemble, source_files
from .errors import ValidationFailed
from .namespaces import PREFIXES
from .paths import ProjectPaths, paths
from .terms import ox_triples_to_rdflib

MANIFEST = "manifest.json"
# Dump files by format name; the dataset formats keep the named graphs, the others hold the union.
DUMPS: dict[str, tuple[str, ox.RdfFormat, bool]] = {
    "trig": ("pbkg.trig", ox.RdfFormat.TRIG, True),
    "nquads": ("pbkg.nq", ox.RdfFormat.N_QUADS, True),
    "turtle": ("pbkg.ttl", ox.RdfFormat.TURTLE, False),
    "ntriples": ("pbkg.nt", ox.RdfFormat.N_TRIPLES, False),
    "jsonld": ("pbkg.jsonld", ox.RdfFormat.JSON_LD, False),
    "rdfxml": ("pbkg.rdf", ox.RdfFormat.RDF_XML, False),
}
SERIALIZATION_PREFIXES = {
    **PREFIXES,
    "cl": "https://w3id.org/pbkg/id/cluster/",
    "o": "https://w3id.org/pbkg/id/org/",
    "pr": "https://w3id.org/pbkg/id/province/",
    "pe": "https://w3id.org/pbkg/id/person/",
    "po": "https://w3id.org/pbkg/id/post/",
    "doc": "https://w3id.org/pbkg/id/document/",
    "art": "https://w3id.org/pbkg/id/article/",
    "conf": "https://w3id.org/pbkg/id/conference/",
    "g": "https://w3id.org/pbkg/graph/",
}


@dataclass
class BuildResult:
    out_dir: Path
    quads: int
    triples: int
    graphs: int
    timings: dict[str, float] = field(default_factory=dict)


def input_digest(files: list[SourceFile], root: Path) -> dict[str, str]:
    out = {}
    for sf in files:
        try:
            name = str(sf.path.resolve().relative_to(root.resolve()))
        except ValueError:
            name = str(sf.path)
        out[name] = hashlib.sha256(sf.path.read_bytes()).hexdigest()
    return out


def validate_assembly(asm: Assembly, p: ProjectPaths, engine: str = "split"):
    """Run the shapes over the union of all graphs; returns the validation report."""
    from .validate import load_shapes, validate

    union = asm.union_triples()
    union_store = ox.Store()
    union_store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in union)
    return validate(ox_triples_to_rdflib(union), load_shapes(p.shapes),
                    source_of=asm.source_of, store=union_store, engine=engine)


def build(p: ProjectPaths | None = None, out_dir: Path | None = None,
          engine: str = "split") -> BuildResult:
    p = p or paths()
    out_dir = out_dir or p.dist
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    files = source_files(p)
    asm = assemble(files, root=p.root)
    timings["load"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    report = validate_assembly(asm, p, engine)
    timings["validate"] = time.perf_counter() - t1
    if not report.conforms:
        raise ValidationFailed(
            f"the data violates the shapes ({len(report.violations)} violations); "
            f"dist/ was left as it was.\n\n{report.to_text()}", report)

    t2 = time.perf_counter()
    quads = asm.sorted_quads()
    triples = asm.union_triples()
    graphs = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})
    manifest = {
        "pbkg": __version__,
        "inputs": input_digest(files, p.root),
        "quads": len(quads),
        "triples": len(triples),
        "graphs": graphs,
        "dumps": {name: spec[0] for name, spec in DUMPS.items()},
    }
    _write_atomically(out_dir, quads, triples, manifest)
    timings["write"] = time.perf_counter() - t2
    return BuildResult(out_dir, len(quads), len(triples), len(graphs), timings)


def _write_atomically(out_dir: Path, quads: list[ox.Quad], triples: list[ox.Triple],
                      manifest: dict) -> None:
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for filename, fmt, dataset in DUMPS.values():
            ox.serialize(quads if dataset else triples, str(tmp / filename), fmt,
                         prefixes=SERIALIZATION_PREFIXES if fmt in _PRETTY else None)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        # Swap: the old output is moved aside only once the new one is complete.
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_PRETTY = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}


def read_manifest(out_dir: Path) -> dict | None:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_stale(p: ProjectPaths | None = None, out_dir: Path | None = None) -> bool:
    """True when dist/ is missing or was built from other inputs than the current files."""
    p = p or paths()
    manifest = read_manifest(out_dir or p.dist)
    if manifest is None:
        return True
    return manifest.get("inputs") != input_digest(source_files(p), p.root)
