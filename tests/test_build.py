import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from pbkg.build import DUMPS, build, is_stale
from pbkg.errors import InputError, ValidationFailed
from pbkg.paths import ProjectPaths


def test_dist_holds_every_dump_and_they_agree(built_dist: Path):
    manifest = json.loads((built_dist / "manifest.json").read_text(encoding="utf-8"))
    for filename, fmt, dataset in DUMPS.values():
        path = built_dist / filename
        assert path.stat().st_size > 0, filename
        parsed = list(ox.parse(path=str(path), format=fmt))
        expected = manifest["quads"] if dataset else manifest["triples"]
        assert len(parsed) == expected, filename
    graphs = manifest["graphs"]
    assert "https://w3id.org/pbkg/graph/ontology" in graphs
    assert "https://w3id.org/pbkg/graph/reference" in graphs
    assert sum(g.startswith("https://w3id.org/pbkg/graph/article/") for g in graphs) == 5


def test_turtle_and_trig_dumps_are_isomorphic_to_each_other(built_dist: Path):
    ttl = rdflib.Graph().parse(built_dist / "pbkg.ttl", format="turtle")
    quads = ox.parse(path=str(built_dist / "pbkg.trig"), format=ox.RdfFormat.TRIG)
    lines = {f"{q.subject} {q.predicate} {q.object} ." for q in quads}
    union = rdflib.Graph().parse(data="\n".join(sorted(lines)), format="nt")
    assert len(union) == len(ttl)
    assert isomorphic(ttl, union)


def _copy_project(src: ProjectPaths, dst: Path) -> ProjectPaths:
    for name in ("ontology", "shapes", "queries", "data"):
        shutil.copytree(src.root / name, dst / name)
    return ProjectPaths(dst)


def test_two_builds_are_byte_identical(project, built_dist, tmp_path):
    out = tmp_path / "again"
    build(project, out_dir=out)
    for filename, _, _ in DUMPS.values():
        assert (out / filename).read_bytes() == (built_dist / filename).read_bytes(), filename


def _files(out: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}


def test_failed_build_leaves_previous_dist_untouched(project, tmp_path):
    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    build(p, out_dir=out)
    before = _files(out)
    assert not is_stale(p, out)

    broken = p.curated / "bao-lang-son-2020-12-30.ttl"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text + "\nthis is not turtle .\n", encoding="utf-8")
    assert is_stale(p, out)
    with pytest.raises(InputError) as err:
        build(p, out_dir=out)
    assert "bao-lang-son-2020-12-30.ttl" in str(err.value) and err.value.line is not None
    assert _files(out) == before

    # A SHACL violation fails the build too: a second chair for Cụm 5 in 2023.
    broken.write_text(text + """
<https://w3id.org/pbkg/id/fact/bao-lang-son-2020-12-30/bogus> a <https://w3id.org/pbkg/ontology#ClusterRoleAssignment> ;
  <http://www.w3.org/ns/org#member> <https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-ca-mau> ;
  <http://www.w3.org/ns/org#organization> <https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5> ;
  <http://www.w3.org/ns/org#role> <https://w3id.org/pbkg/id/concept/cluster-role/chair> ;
  <https://w3id.org/pbkg/ontology#year> "2023"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
  <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/pbkg/id/article/bao-lang-son-2020-12-30> ;
  <https://w3id.org/pbkg/ontology#evidence> "Chiều nay (30/12)"@vi .
""", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        build(p, out_dir=out)
    assert "bogus" in str(err.value) or "cum-5" in str(err.value)
    assert _files(out) == before


def test_a_file_naming_a_period_must_state_its_days(project, tmp_path):
    # Queries read a period's days from the graph of the fact naming it (lookup/awards.rq):
    # a file that names one without stating its node fails the build, naming the file, in a
    # full build and in a changed one, and dist/ stays as it was.
    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    build(p, out_dir=out)
    before = _files(out)
    broken = p.curated / "bao-tay-ninh-2020-12-04.ttl"
    text = broken.read_text(encoding="utf-8")
    days = '    pbo:validFrom "2016-01-01"^^xsd:date ;\n    pbo:validUntil "2020-12-31"^^xsd:date .'
    assert days in text
    broken.write_text(text.replace(days, '    pbo:validFrom "2016-01-01"^^xsd:date .'),
                      encoding="utf-8")
    for incremental in (True, False):
        with pytest.raises(InputError) as err:
            build(p, out_dir=out, incremental=incremental)
        assert err.value.path.endswith("bao-tay-ninh-2020-12-04.ttl")
        assert "period/2016-2020" in str(err.value) and "validUntil" in str(err.value)
        assert "validFrom" not in err.value.detail.split("state its")[1].split(":")[0]
        assert _files(out) == before


def test_fast_engine_agrees_with_pyshacl_on_the_real_graph(project):
    """The real graph conforms under both; with labels, members and a year broken in place, both
    report the same results (node, path, value, component, shape, severity, message, file)."""
    from pbkg.build import validate_assembly
    from pbkg.dataset import assemble, source_files

    asm = assemble(source_files(project), root=project.root)
    clean = {e: validate_assembly(asm, project, engine=e) for e in ("fast", "pyshacl")}
    assert clean["fast"].conforms and clean["pyshacl"].conforms

    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    member = ox.NamedNode("http://www.w3.org/ns/org#member")
    year = ox.NamedNode("https://w3id.org/pbkg/ontology#year")
    broken = [*list(asm.store.quads_for_pattern(None, label, None))[:40:8],
              *list(asm.store.quads_for_pattern(None, member, None))[:3]]
    for quad in broken:
        asm.store.remove(quad)
    some_year = next(iter(asm.store.quads_for_pattern(None, year, None)))
    asm.store.add(ox.Quad(some_year.subject, year, ox.Literal("20x3"), some_year.graph_name))
    fast, reference = (validate_assembly(asm, project, engine=e) for e in ("fast", "pyshacl"))
    assert not reference.conforms and len(reference.violations) >= 4
    assert fast.violations == reference.violations


def _dumps(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name, _, _ in DUMPS.values()}


def test_unchanged_rebuild_does_nothing_and_a_changed_one_equals_a_full_build(
        project, tmp_path):
    from pbkg.build import build

    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    assert build(p, out_dir=out).mode == "full"
    version = out.resolve()
    again = build(p, out_dir=out)
    assert again.mode == "unchanged" and out.resolve() == version

    # A shapes file changes: nothing to parse again, but everything is validated again.
    rules = p.shapes / "rules.ttl"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert is_stale(p, out)
    reshaped = build(p, out_dir=out)
    assert reshaped.mode == "incremental" and "validate" in reshaped.timings
    assert not is_stale(p, out)

    # One article changes, one is added, one is removed: the incremental output is the one a
    # full build gives, byte for byte.
    changed = p.curated / "bao-lang-son-2020-12-30.ttl"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "Chiều nay", "Chiều hôm nay"), encoding="utf-8")
    sources = sorted(p.sources.glob("*.ttl"))
    shutil.copy(sources[0], p.sources / "zz-copy-of-an-article.ttl")
    removed = p.curated / f"{sources[1].stem}.ttl"
    if removed.exists():
        removed.unlink()
    result = build(p, out_dir=out)
    assert result.mode == "incremental"
    full = build(p, out_dir=tmp_path / "full", incremental=False)
    assert full.mode == "full"
    assert (result.quads, result.triples) == (full.quads, full.triples)
    assert _dumps(out) == _dumps(tmp_path / "full")
    assert json.loads((out / "manifest.json").read_text()) == \
        json.loads((tmp_path / "full" / "manifest.json").read_text())
    # The on-disk store, updated graph by graph from the previous one, holds what a full build's
    # holds (the real data has no blank nodes, so the quads compare as they are).
    updated, whole = (ox.Store.read_only(str(d / "store")) for d in (out, tmp_path / "full"))
    assert set(map(str, updated)) == set(map(str, whole))
    assert len(set(map(str, whole))) == full.quads


def test_a_killed_build_leaves_dist_intact_and_the_next_build_cleans_up(project, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    build(p, out_dir=out)
    before = _files(out)
    target = out.resolve()
    changed = p.curated / "bao-lang-son-2020-12-30.ttl"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from pbkg.build import build; "
            "from pbkg.paths import ProjectPaths; "
            "build(ProjectPaths(Path(sys.argv[1])), out_dir=Path(sys.argv[2]), incremental=False)")
    child = subprocess.Popen([sys.executable, "-c", code, str(p.root), str(out)])
    try:
        # Killed once it has written its first dump, while it validates and writes the rest.
        deadline = time.monotonic() + 120
        while not list(out.parent.glob(".dist.new-*/pbkg.nq")) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert list(out.parent.glob(".dist.new-*/pbkg.nq")), "the build never started writing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert out.resolve() == target and _files(out) == before
    assert list(out.parent.glob(".dist.new-*"))  # what the killed build left...

    result = build(p, out_dir=out)
    assert result.mode != "unchanged"
    assert not list(out.parent.glob(".dist.new-*"))  # ...is gone after the next build
    assert not list(out.parent.glob(".dist.link-*"))
    versions = sorted(out.parent.glob(".dist.v-*"))
    assert out.resolve() in versions and len(versions) <= 2


def test_dist_never_disappears_while_builds_swap(project, tmp_path):
    import threading

    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    build(p, out_dir=out)
    missing: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                missing.append(repr(exc))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        changed = p.curated / "bao-lang-son-2020-12-30.ttl"
        for n in range(3):
            changed.write_text(changed.read_text(encoding="utf-8") + f"\n# {n}\n",
                               encoding="utf-8")
            assert build(p, out_dir=out).mode == "incremental"
    finally:
        stop.set()
        watcher.join()
    assert missing == []
    assert len(list(out.parent.glob(".dist.v-*"))) == 2  # the current and the previous one


def _full_report(p: ProjectPaths):
    from pbkg.build import validate_assembly
    from pbkg.dataset import assemble, source_files

    return validate_assembly(assemble(source_files(p), root=p.root), p, engine="pyshacl")


@pytest.mark.parametrize("edit", ["org-typed-as-person", "label-removed", "second-chair",
                                  "person-as-member"])
def test_a_changed_build_validates_what_the_change_touches_in_other_graphs(project, tmp_path,
                                                                          edit, monkeypatch):
    """An incremental build validates again only the nodes a change can touch, but those may
    live in other files: it must fail with exactly the results of a full validation."""
    p = _copy_project(project, tmp_path / "proj")
    out = tmp_path / "proj" / "dist"
    build(p, out_dir=out)
    store = ox.Store.read_only(str(out / "store"))
    member = ox.NamedNode("http://www.w3.org/ns/org#member")
    org = next(q.object for q in store.quads_for_pattern(None, member, None)
               if "/id/org/" in q.object.value)
    new_file = p.curated / "zz-edit.ttl"
    if edit == "org-typed-as-person":
        # A new article states the organization is a person: memberships elsewhere break.
        new_file.write_text(f"<{org.value}> a <https://w3id.org/pbkg/ontology#Person> .\n",
                            encoding="utf-8")
    elif edit == "person-as-member":
        # A new article makes a person an org:member (an object target: sh:targetObjectsOf).
        person = next(q.object for q in store.quads_for_pattern(
            None, ox.NamedNode("https://w3id.org/pbkg/ontology#person"), None))
        new_file.write_text(f"<https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5> "
                            f"<http://www.w3.org/ns/org#member> <{person.value}> .\n",
                            encoding="utf-8")
    elif edit == "label-removed":
        # An article's facts lose their evidence quotes (its own graph only).
        article = next(f for f in sorted(p.curated.glob("*.ttl")) if f.name != "entities.ttl")
        triples = list(ox.parse(path=str(article), format=ox.RdfFormat.TURTLE))
        kept = [t for t in triples if not t.predicate.value.endswith("#evidence")]
        assert len(kept) < len(triples)
        ox.serialize(kept, str(article), ox.RdfFormat.N_TRIPLES)
    else:
        new_file.write_text("""
<https://w3id.org/pbkg/id/fact/zz-edit/bogus> a <https://w3id.org/pbkg/ontology#ClusterRoleAssignment> ;
  <http://www.w3.org/ns/org#member> <https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-ca-mau> ;
  <http://www.w3.org/ns/org#organization> <https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5> ;
  <http://www.w3.org/ns/org#role> <https://w3id.org/pbkg/id/concept/cluster-role/chair> ;
  <https://w3id.org/pbkg/ontology#year> "2023"^^<http://www.w3.org/2001/XMLSchema#gYear> .
""", encoding="utf-8")
    del store
    expected = _full_report(p)
    assert not expected.conforms
    import pbkg.build

    partial_reports = []

    def recording(*args):
        partial_reports.append(validate_changes(*args))
        return partial_reports[-1]

    validate_changes = pbkg.build.validate_changes
    monkeypatch.setattr(pbkg.build, "validate_changes", recording)
    with pytest.raises(ValidationFailed) as failure:
        build(p, out_dir=out)
    from pbkg.validate import load_shapes, reach

    assert len(partial_reports) == 1
    # The project's shapes are bounded: the build validated only what the change touches.
    assert reach(load_shapes(p.shapes)) is not None
    assert partial_reports[0] is not None
    assert failure.value.report.violations == expected.violations
