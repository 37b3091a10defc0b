"""The synthetic generator of bench/: its graphs build cleanly, planted violations are all found
by every validation engine, and generation is deterministic. Small (~3,000 generated triples)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from pbkg.build import build, validate_assembly
from pbkg.dataset import assemble, source_files
from pbkg.errors import ValidationFailed
from pbkg.paths import ProjectPaths

TRIPLES = 3000


def _load_synthetic(root: Path):
    path = root / "bench" / "synthetic.py"
    if not path.is_file():
        pytest.skip("bench/ is not part of this installation")
    spec = importlib.util.spec_from_file_location("pbkg_bench_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic(project: ProjectPaths):
    return _load_synthetic(project.root)


@pytest.fixture(scope="module")
def generated(synthetic, project, tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("synthetic") / "project"
    summary = synthetic.generate(root, TRIPLES, seed=7, source=project)
    return root, summary


def test_generated_graph_builds_with_zero_violations(generated, tmp_path):
    root, summary = generated
    assert TRIPLES <= summary["generated_triples"] < TRIPLES + 1000
    result = build(ProjectPaths(root), out_dir=tmp_path / "dist")
    # Ontology and reference data come on top of the generated triples.
    assert result.triples > summary["generated_triples"]
    assert summary["clusters"] >= 4 and summary["articles"] >= 5


@pytest.fixture(scope="module")
def planted(synthetic, generated, tmp_path_factory) -> tuple[ProjectPaths, int]:
    root = tmp_path_factory.mktemp("planted") / "project"
    shutil.copytree(generated[0], root)
    expected = synthetic.plant_violations(root)
    return ProjectPaths(root), expected


def test_planted_violations_fail_the_build(planted, tmp_path):
    p, expected = planted
    with pytest.raises(ValidationFailed) as failure:
        build(p, out_dir=tmp_path / "dist")
    assert len(failure.value.report.violations) == expected
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("engine", ["fast", "split", "pyshacl"])
def test_each_engine_finds_exactly_the_planted_violations(synthetic, planted, engine):
    p, expected = planted
    assert expected == sum(n for _, n in synthetic.PLANTED_DEFECTS) >= 10
    asm = assemble(source_files(p), root=p.root)
    report = validate_assembly(asm, p, engine=engine)
    assert not report.conforms
    assert len(report.violations) == expected, report.to_text()
    # Every result is reported against the planted file, except that the second chair is also
    # reported on the article's own chair fact.
    elsewhere = [v for v in report.violations
                 if v.source_file != f"data/curated/{synthetic.PLANTED}.ttl"]
    assert len(elsewhere) == 1, report.to_text()
    assert elsewhere[0].shape.endswith("OneChairPerClusterYearShape")


def test_fast_engine_gives_pyshacl_results_on_the_planted_graph(planted):
    """Every field but the message's wording source: node, path, value, component, shape,
    severity, message and file, on a graph with Core and SHACL-SPARQL violations."""
    p, _ = planted
    asm = assemble(source_files(p), root=p.root)
    fast, reference = (validate_assembly(asm, p, engine=e) for e in ("fast", "pyshacl"))
    assert fast.violations == reference.violations
    assert {v.component.rsplit("#", 1)[-1] for v in fast.violations} >= {
        "SPARQLConstraintComponent", "MinCountConstraintComponent"}


def test_same_seed_gives_byte_identical_projects(synthetic, project, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert synthetic.generate(one, TRIPLES, seed=11, source=project) == \
        synthetic.generate(two, TRIPLES, seed=11, source=project)
    files_one = sorted(f.relative_to(one) for f in one.rglob("*") if f.is_file())
    files_two = sorted(f.relative_to(two) for f in two.rglob("*") if f.is_file())
    assert files_one == files_two
    for rel in files_one:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    assert synthetic.plant_violations(one) == synthetic.plant_violations(two)
    planted = Path("data/curated") / f"{synthetic.PLANTED}.ttl"
    assert (one / planted).read_bytes() == (two / planted).read_bytes()


def test_another_seed_gives_another_graph(synthetic, project, generated, tmp_path):
    other = tmp_path / "other"
    synthetic.generate(other, TRIPLES, seed=8, source=project)
    entities = Path("data/curated/entities.ttl")
    assert (other / entities).read_bytes() != (generated[0] / entities).read_bytes()


def test_an_incremental_build_finds_the_planted_violations(synthetic, generated, planted,
                                                           tmp_path, monkeypatch):
    """The planted file added to a built project: the build validates again only what it
    touches, and reports exactly what a full validation reports."""
    import pbkg.build

    root = tmp_path / "project"
    shutil.copytree(generated[0], root)
    p = ProjectPaths(root)
    build(p, out_dir=root / "dist")
    planted_file = Path("data/curated") / f"{synthetic.PLANTED}.ttl"
    shutil.copy(planted[0].root / planted_file, root / planted_file)
    expected = validate_assembly(assemble(source_files(p), root=p.root), p, engine="pyshacl")
    calls = []
    original = pbkg.build.validate_changes
    monkeypatch.setattr(pbkg.build, "validate_changes",
                        lambda *a: calls.append(original(*a)) or calls[-1])
    with pytest.raises(ValidationFailed) as failure:
        build(p, out_dir=root / "dist")
    from pbkg.validate import load_shapes, reach

    assert calls and (calls[0] is not None) == (reach(load_shapes(p.shapes)) is not None)
    got, want = set(failure.value.report.violations), set(expected.violations)
    assert got == want, (sorted(got - want, key=str), sorted(want - got, key=str))
    assert failure.value.report.violations == expected.violations
    assert len(expected.violations) == planted[1]
