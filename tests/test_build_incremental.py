"""The incremental build path (pbkg.build._build_changes): what it publishes is what a clean build
of the same inputs publishes (dumps byte for byte, manifest, store quads, search answers), and a
failed one (bad input, violations, a crash half-way) leaves the last good output serving.
On small synthetic projects (bench/synthetic.py, ~3,000 generated triples)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

import pbkg.dumps
import pbkg.search
from pbkg.build import DUMPS, build, validate_assembly
from pbkg.dataset import assemble, source_files
from pbkg.errors import InputError, ValidationFailed
from pbkg.paths import ProjectPaths
from pbkg.search import DiskIndex

ID = "https://w3id.org/pbkg/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ORG = "http://www.w3.org/ns/org#"
PBO = "https://w3id.org/pbkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _output(out: Path) -> dict:
    """Everything a build publishes, in comparable form."""
    store = ox.Store.read_only(str(out / "store"))
    conn = sqlite3.connect(out / "search.sqlite")
    try:
        entries = conn.execute("SELECT * FROM entry ORDER BY iri").fetchall()
        names = conn.execute("SELECT iri, position, text, lang, property, key, rank FROM name "
                             "ORDER BY iri, position").fetchall()
    finally:
        conn.close()
    conn = sqlite3.connect(out / "subjects.sqlite")
    try:  # the rows of the changed graphs are appended: compared as a set
        subjects = sorted(conn.execute("SELECT subject, graph, lines FROM block").fetchall())
    finally:
        conn.close()
    return {
        "dumps": {name: (out / spec[0]).read_bytes() for name, spec in DUMPS.items()},
        "overview": (out / "overview.json").read_bytes(),
        "leadership": (out / "leadership.json").read_bytes(),
        "manifest": json.loads((out / "manifest.json").read_text(encoding="utf-8")),
        "quads": sorted(map(str, store)),
        "entries": entries,
        "names": names,
        "subjects": subjects,
    }


def _searches(out: Path, queries: list[str]) -> list[list[str]]:
    index = DiskIndex(out / "search.sqlite", ID)
    return [[hit.entry.iri for hit in index.search(q, 20)] for q in queries]


def _clean(p: ProjectPaths, tmp_path: Path) -> Path:
    out = tmp_path / "clean" / "dist"
    assert build(p, out_dir=out, incremental=False).mode == "full"
    return out


def _first_article(p: ProjectPaths) -> Path:
    return sorted(f for f in p.curated.glob("*.ttl") if f.name != "entities.ttl")[0]


def _quads_of(path: Path) -> list[ox.Triple]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_incremental_output_is_the_clean_builds(synthetic_proj: ProjectPaths, tmp_path: Path):
    out = synthetic_proj.root / "dist"
    entities = synthetic_proj.curated / "entities.ttl"
    label = next(t for t in _quads_of(entities) if t.predicate.value == RDFS_LABEL
                 and t.object.language == "vi")
    old_label = label.object.value
    # An entity renamed (its search entry changes), an article's quote edited, and a new
    # article (sorting first) that restates a triple of the entities graph: that triple's
    # place in the union dumps moves from the entities graph's part to the new one's.
    text = entities.read_text(encoding="utf-8")
    entities.write_text(text.replace(f'"{old_label}"@vi', '"Cụm Zêta đổi tên"@vi', 1),
                        encoding="utf-8")
    article = _first_article(synthetic_proj)
    text = article.read_text(encoding="utf-8")
    at = text.index('"@vi')
    article.write_text(text[:at] + " (sửa)" + text[at:], encoding="utf-8")
    shared = next(t for t in _quads_of(entities) if t.predicate.value == RDF_TYPE)
    (synthetic_proj.curated / "aa-restated.ttl").write_text(f"{shared} .\n", encoding="utf-8")

    result = build(synthetic_proj, out_dir=out)
    assert result.mode == "incremental"
    clean = _clean(synthetic_proj, tmp_path)
    assert _output(out) == _output(clean)
    assert (out / "dump-chunks.json").read_bytes() == (clean / "dump-chunks.json").read_bytes()
    queries = ["Cụm Zêta đổi tên", "cum zeta", old_label, "tinh uy", "ban to chuc"]
    assert _searches(out, queries) == _searches(clean, queries)
    assert _searches(out, ["zeta doi ten"])[0] == [label.subject.value]
    # The restated triple is written once in the union dumps, as in the clean build.
    nt = (out / "pbkg.nt").read_bytes().decode("utf-8")
    assert nt.count(f"{shared} .\n") == 1

    # And back: the new article removed, the triple returns to the entities graph's part.
    (synthetic_proj.curated / "aa-restated.ttl").unlink()
    assert build(synthetic_proj, out_dir=out).mode == "incremental"
    shutil.rmtree(tmp_path / "clean")
    assert _output(out) == _output(_clean(synthetic_proj, tmp_path))


def _version(out: Path) -> tuple[Path, dict[str, bytes]]:
    return out.resolve(), {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}


@pytest.mark.parametrize("crash", ["dumps", "index"])
def test_a_crash_in_an_incremental_build_leaves_the_last_good_output(
        synthetic_proj: ProjectPaths, tmp_path: Path, monkeypatch, crash: str):
    out = synthetic_proj.root / "dist"
    before = _version(out)
    article = _first_article(synthetic_proj)
    text = article.read_text(encoding="utf-8")
    at = text.index('"@vi')
    article.write_text(text[:at] + " (sửa)" + text[at:], encoding="utf-8")

    calls = []

    def failing(*args, **kwargs):  # noqa: ANN002, ANN003
        calls.append(args)
        if len(calls) == 3:  # half-way: some dumps' ranges copied already
            raise RuntimeError("injected crash")
        return original(*args, **kwargs)

    if crash == "dumps":
        original = pbkg.dumps._Writer.reuse
        monkeypatch.setattr(pbkg.dumps._Writer, "reuse", failing)
    else:
        original = pbkg.search.update_index
        calls += [(), ()]  # the first call fails
        monkeypatch.setattr(pbkg.search, "update_index", failing)
    with pytest.raises(RuntimeError, match="injected crash"):
        build(synthetic_proj, out_dir=out)
    assert _version(out) == before
    assert not list(out.parent.glob(".dist.new-*"))
    monkeypatch.undo()

    assert build(synthetic_proj, out_dir=out).mode == "incremental"
    assert _output(out) == _output(_clean(synthetic_proj, tmp_path))


def test_bad_input_in_an_incremental_build_changes_nothing(synthetic_proj: ProjectPaths):
    out = synthetic_proj.root / "dist"
    before = _version(out)
    article = _first_article(synthetic_proj)
    article.write_text(article.read_text(encoding="utf-8") + "\nnot turtle .\n",
                       encoding="utf-8")
    with pytest.raises(InputError) as err:
        build(synthetic_proj, out_dir=out)
    assert article.name in str(err.value) and err.value.line is not None
    assert _version(out) == before


def _full_report(p: ProjectPaths):
    return validate_assembly(assemble(source_files(p), root=p.root), p, engine="fast")


def _role_and_membership(store: ox.Store) -> tuple[str, str]:
    """A chair-year whose unit holds a membership of the cluster that year: (role, membership)."""
    rows = store.query(f"""
        SELECT ?role ?membership WHERE {{
          ?role a <{PBO}ClusterRoleAssignment> ; <{ORG}member> ?unit ;
                <{ORG}organization> ?cluster ; <{PBO}year> ?year .
          ?membership a <{PBO}ClusterMembership> ; <{ORG}member> ?unit ;
                <{ORG}organization> ?cluster ; <{PBO}year> ?year .
        }} ORDER BY ?role LIMIT 1""", use_default_graph_as_union=True)
    row = next(iter(rows))
    return row["role"].value, row["membership"].value


@pytest.mark.parametrize("edit", ["membership-untyped", "membership-moved", "second-chair"])
def test_an_incremental_build_finds_the_rules_violations_a_full_one_finds(
        synthetic_proj: ProjectPaths, edit: str):
    """The SHACL-SPARQL rules span graphs; the incremental build runs them seeded with what
    changed (run_seeded). It must report exactly what a full validation reports."""
    out = synthetic_proj.root / "dist"
    store = ox.Store.read_only(str(out / "store"))
    role, membership = _role_and_membership(store)
    graph = next(q.graph_name.value for q in store.quads_for_pattern(
        ox.NamedNode(membership), ox.NamedNode(RDF_TYPE), None))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    path = next(synthetic_proj.root / name for name, g in manifest["graph_files"].items()
                if g == graph and "curated" in name)
    del store
    triples = _quads_of(path)
    if edit == "membership-untyped":
        # Only the membership's type goes: the rule "a role holder is a member" matches the
        # membership by its type, a node the violation does not name.
        kept = [t for t in triples if not (t.subject.value == membership
                                           and t.predicate.value == RDF_TYPE)]
    elif edit == "membership-moved":
        # The membership now says another year.
        kept = [ox.Triple(t.subject, t.predicate, ox.Literal(
                    "1999", datatype=t.object.datatype))
                if t.subject.value == membership and t.predicate.value == f"{PBO}year" else t
                for t in triples]
    else:
        # Another article (a new file) names a second chair unit for the same cluster-year.
        kept = triples
        store = ox.Store.read_only(str(out / "store"))
        facts = {q.predicate.value: q.object for q in store.quads_for_pattern(
            ox.NamedNode(role), None, None)}
        other = next(q.object for q in store.quads_for_pattern(
            None, ox.NamedNode(f"{ORG}member"), None)
            if q.object != facts[f"{ORG}member"] and "/id/org/" in q.object.value)
        del store
        bogus = f"<{ID}fact/zz-second-chair/role>"
        (synthetic_proj.curated / "zz-second-chair.ttl").write_text(
            f"{bogus} a <{PBO}ClusterRoleAssignment> ; <{ORG}member> {other} ; "
            f"<{ORG}organization> {facts[f'{ORG}organization']} ; "
            f"<{ORG}role> {facts[f'{ORG}role']} ; <{PBO}year> {facts[f'{PBO}year']} .\n",
            encoding="utf-8")
    assert len(kept) == len(triples) - (edit == "membership-untyped")
    ox.serialize(kept, str(path), ox.RdfFormat.N_TRIPLES)
    expected = _full_report(synthetic_proj)
    assert not expected.conforms
    assert any("SPARQL" in v.component for v in expected.violations)
    with pytest.raises(ValidationFailed) as failure:
        build(synthetic_proj, out_dir=out)
    assert failure.value.report.violations == expected.violations



def test_a_dist_without_the_table_of_subjects_is_built_again_in_full(
        synthetic_proj: ProjectPaths, tmp_path: Path):
    """A dist from before subjects.sqlite is not complete: the next build is a full one and
    writes the table, the clean build's."""
    out = synthetic_proj.root / "dist"
    (out / "subjects.sqlite").unlink()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    del manifest["subjects"]
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    article = _first_article(synthetic_proj)
    text = article.read_text(encoding="utf-8")
    at = text.index('"@vi')
    article.write_text(text[:at] + " (sửa)" + text[at:], encoding="utf-8")
    assert build(synthetic_proj, out_dir=out).mode == "full"
    assert _output(out)["subjects"] == _output(_clean(synthetic_proj, tmp_path))["subjects"]
