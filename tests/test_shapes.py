"""The shapes, case by case: tests/cases/shapes/<name>.{valid.ttl, invalid.ttl, expected.json}.

Each case is loaded with ontology/*.ttl (the vocabulary included). The valid file must conform;
the invalid one must give exactly the (focus, path, shape) results of expected.json. Every engine
runs every case and must agree with pyshacl. Guards fail when a shape has no case, when a file is not part of
a complete case, or when fewer tests were collected than there are case files.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection

from pbkg.namespaces import OWL, PBO, PREFIXES, RDF, RDFS, SH
from pbkg.paths import paths
from pbkg.validate import ENGINES, PBS, ValidationReport, load_shapes, validate

CASES_DIR = Path(__file__).parent / "cases" / "shapes"
SUFFIXES = ("valid.ttl", "invalid.ttl", "expected.json")
KINDS = ("valid", "invalid")
CASE_NAMES = sorted({p.name.split(".", 1)[0] for p in CASES_DIR.iterdir() if p.is_file()})
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
CASE_TESTS = (
    "test_valid_case_conforms",
    "test_invalid_case_gives_expected_results",
    "test_engines_agree",
)

Result = tuple[str, str | None, str]


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return load_shapes(paths().shapes)


@lru_cache(maxsize=1)
def ontology() -> Graph:
    graph = Graph()
    for path in sorted(paths().ontology.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def case_graph(name: str, kind: str) -> Graph:
    graph = Graph()
    graph += ontology()
    graph.parse(CASES_DIR / f"{name}.{kind}.ttl", format="turtle")
    return graph


@cache
def report(name: str, kind: str, engine: str) -> ValidationReport:
    return validate(case_graph(name, kind), shapes(), engine=engine)


def local(shape: str) -> str:
    return shape.removeprefix(str(PBS))


def results(rep: ValidationReport) -> set[Result]:
    return {(v.focus, v.path, local(v.shape)) for v in rep.violations}


def expected(name: str) -> set[Result]:
    rows = json.loads((CASES_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))
    return {(row["focus"], row["path"], local(row["shape"])) for row in rows}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", CASE_NAMES)
def test_valid_case_conforms(name: str, engine: str) -> None:
    rep = report(name, "valid", engine)
    assert rep.conforms, rep.to_text()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", CASE_NAMES)
def test_invalid_case_gives_expected_results(name: str, engine: str) -> None:
    rep = report(name, "invalid", engine)
    got, want = results(rep), expected(name)
    assert want, f"{name}.expected.json lists no violation"
    assert not rep.conforms
    assert got == want, (
        f"missing: {sorted(want - got, key=str)}\nunexpected: {sorted(got - want, key=str)}"
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", CASE_NAMES)
def test_engines_agree(name: str, kind: str) -> None:
    def full(rep: ValidationReport) -> set[tuple[str | None, ...]]:
        return {(v.focus, v.path, v.value, v.component, v.shape, v.severity, v.message)
                for v in rep.violations}

    reference = full(report(name, kind, "pyshacl"))
    for engine in ENGINES:
        assert full(report(name, kind, engine)) == reference, engine


# ------------------------------------------------------------------ guards


def test_every_file_belongs_to_a_complete_case() -> None:
    files = {p.name for p in CASES_DIR.iterdir()}
    complete = {f"{name}.{suffix}" for name in CASE_NAMES for suffix in SUFFIXES}
    assert files == complete, (
        f"stray: {sorted(files - complete)}; missing: {sorted(complete - files)}"
    )
    assert len(CASE_NAMES) == len(list(CASES_DIR.glob("*.expected.json")))


def test_collected_case_tests_match_case_files(request: pytest.FixtureRequest) -> None:
    """A filter left in a data-driven test would silently drop cases; count them."""
    option = request.config.option
    if option.keyword or option.markexpr or any("::" in str(a) for a in request.config.args):
        pytest.skip("only a selection of tests is running")
    collected = [
        item
        for item in request.session.items
        if getattr(item, "originalname", None) in CASE_TESTS
        and Path(str(item.path)) == Path(__file__)
    ]
    per_case = len(ENGINES) * 2 + len(KINDS)
    assert len(collected) == per_case * len(list(CASES_DIR.glob("*.expected.json")))


def shapes_with_targets(graph: Graph) -> set[URIRef]:
    found = {s for p in TARGETS for s in graph.subjects(p, None)}
    assert all(isinstance(s, URIRef) for s in found), "every targeted shape needs an IRI"
    return found  # type: ignore[return-value]


def test_every_node_shape_and_sparql_constraint_has_a_case() -> None:
    graph = shapes()
    covered = set().union(*(expected(name) for name in CASE_NAMES))
    covered_shapes = {shape for _, _, shape in covered}
    missing = []
    for shape in shapes_with_targets(graph):
        names = {local(str(shape))} | {local(str(p)) for p in graph.objects(shape, SH.property)}
        if not names & covered_shapes:
            missing.append(local(str(shape)))
    assert not missing, f"node shapes without an invalid case: {sorted(missing)}"
    for shape in set(graph.subjects(SH.sparql, None)):
        # One constraint per shape, so that a report's shape names the rule.
        assert len(list(graph.objects(shape, SH.sparql))) == 1, shape
        assert local(str(shape)) in covered_shapes, f"SPARQL constraint of {shape} has no case"


def test_reported_shapes_have_names_and_messages() -> None:
    """Whatever can appear in a report (a targeted shape or its property shapes) has an IRI, an
    sh:name and, where it can fail, an sh:message for a person to read."""
    graph = shapes()
    for shape in shapes_with_targets(graph):
        assert graph.value(shape, SH.name) is not None, shape
        for prop in graph.objects(shape, SH.property):
            assert isinstance(prop, URIRef), f"{shape} has a blank property shape"
            assert graph.value(prop, SH.name) is not None, prop
            assert graph.value(prop, SH.message) is not None, prop
        for constraint in graph.objects(shape, SH.sparql):
            assert graph.value(constraint, SH.message) is not None, shape
        node_level = {SH["or"], SH["and"], SH["not"], SH.xone, SH.closed}
        if any(graph.value(shape, p) is not None for p in node_level):
            assert graph.value(shape, SH.message) is not None, shape


def test_helper_shapes_are_used() -> None:
    graph = shapes()
    targeted = shapes_with_targets(graph)
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        if isinstance(shape, URIRef) and shape not in targeted:
            assert any(graph.subjects(None, shape)), f"{shape} has no target and no user"


def test_every_ontology_class_is_targeted() -> None:
    graph, onto = shapes(), ontology()
    target_classes = set(graph.objects(None, SH.targetClass))
    classes = [c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(str(PBO))]
    assert len(classes) > 20
    untargeted = [
        c for c in classes if not target_classes & set(onto.transitive_objects(c, RDFS.subClassOf))
    ]
    assert not untargeted, f"classes without a shape: {sorted(untargeted)}"


def test_sparql_prefixes_are_the_project_prefixes() -> None:
    graph = shapes()
    declared = {
        str(graph.value(d, SH.prefix)): str(graph.value(d, SH.namespace))
        for d in graph.objects(URIRef("https://w3id.org/pbkg/shapes"), SH.declare)
    }
    assert declared == PREFIXES


def test_class_lists_name_ontology_classes() -> None:
    """The helper lists (sh:in over rdf:type) name only classes the ontology defines."""
    graph, onto = shapes(), ontology()
    for node in graph.objects(None, SH["in"]):
        for member in Collection(graph, node):
            if isinstance(member, URIRef) and str(member).startswith(str(PBO)):
                assert (member, RDF.type, OWL.Class) in onto, member


def test_parse_cache_keeps_pyshacl_results() -> None:
    """The reference engine hands pyshacl a graph that parses each query once; plain pyshacl,
    which parses every query for every focus node, must find the same results. (On the case
    file alone: with the ontology, plain pyshacl takes seconds to parse its queries.)"""
    name = "one-chair-per-cluster-year"
    graph = Graph().parse(CASES_DIR / f"{name}.invalid.ttl", format="turtle")
    _, results_graph, _ = pyshacl.validate(
        graph, shacl_graph=shapes(), inference="none", advanced=True
    )
    plain: set[Result] = set()
    for rep in results_graph.subjects(RDF.type, SH.ValidationReport):
        for res in results_graph.objects(rep, SH.result):
            path = results_graph.value(res, SH.resultPath)
            plain.add(
                (
                    str(results_graph.value(res, SH.focusNode)),
                    str(path) if path is not None and not isinstance(path, BNode) else None,
                    local(str(results_graph.value(res, SH.sourceShape))),
                )
            )
    cached = results(validate(graph, shapes(), engine="pyshacl"))
    assert plain == cached
    assert expected(name) <= cached
