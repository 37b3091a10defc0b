"""pbkg.validate: reports (text, JSON, Turtle), shapes loading errors, engine options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from pbkg.errors import InputError, InvalidParameter
from pbkg.namespaces import PBO, RDF, RDFS, SH
from pbkg.paths import paths
from pbkg.validate import (
    ValidationReport,
    Violation,
    graph_to_store,
    load_shapes,
    split_shapes,
    validate,
)

CASES = Path(__file__).parent / "cases" / "shapes"
MEMBERSHIP = "https://w3id.org/pbkg/id/fact/s001/membership-a"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(paths().shapes)


def load(*files: Path) -> Graph:
    graph = Graph()
    for path in [*sorted(paths().ontology.glob("*.ttl")), *files]:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def invalid_case() -> tuple[Graph, Path]:
    path = CASES / "cluster-membership.invalid.ttl"
    return load(path), path


@pytest.fixture(scope="module")
def report(shapes: Graph, invalid_case: tuple[Graph, Path]) -> ValidationReport:
    graph, path = invalid_case
    subjects = {
        str(s) for s in Graph().parse(path, format="turtle").subjects() if isinstance(s, URIRef)
    }
    return validate(graph, shapes, source_of={s: "data/curated/s001.ttl" for s in subjects})


def test_text_report_names_node_property_rule_message_and_file(report: ValidationReport) -> None:
    text = report.to_text()
    # 6: the person made a member also breaks the rule that a person is never an org:member
    assert text.startswith("Does not conform: 6 violations.")
    block = next(b for b in text.split("\n\n") if MEMBERSHIP in b and "pbo:year" in b)
    assert f"node:     {MEMBERSHIP}" in block
    assert "property: pbo:year" in block
    assert "rule:     pbs:ClusterMembership-year (Datatype)" in block
    assert "message:  A cluster membership holds for exactly one year (xsd:gYear)." in block
    assert "file:     data/curated/s001.ttl" in block
    assert 'value:    "2020"^^<http://www.w3.org/2001/XMLSchema#integer>' in block


def test_text_report_of_conforming_data(shapes: Graph) -> None:
    rep = validate(load(CASES / "cluster-membership.valid.ttl"), shapes)
    assert rep.conforms and rep.violations == []
    assert rep.to_text() == "Conforms: the data satisfies every shape.\n"
    assert json.loads(rep.to_json()) == {"conforms": True, "violations": []}


def test_json_report_parses(report: ValidationReport) -> None:
    body = json.loads(report.to_json())
    assert body["conforms"] is False
    assert [Violation(**v) for v in body["violations"]] == report.violations


def test_turtle_report_parses_as_a_shacl_report(report: ValidationReport) -> None:
    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    (rep,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(rep, SH.conforms) == Literal(False)
    results = list(graph.objects(rep, SH.result))
    assert len(results) == len(report.violations)
    rows = {
        (
            str(graph.value(r, SH.focusNode)),
            str(graph.value(r, SH.resultPath)),
            str(graph.value(r, SH.sourceShape)),
        )
        for r in results
    }
    assert rows == {(v.focus, str(v.path), v.shape) for v in report.violations}
    values = {graph.value(r, SH.value) for r in results}
    assert Literal(2020) in values  # literals come back typed, not as text


def test_source_file_is_empty_without_a_map(
    shapes: Graph, invalid_case: tuple[Graph, Path]
) -> None:
    rep = validate(invalid_case[0], shapes)
    assert {v.source_file for v in rep.violations} == {None}
    assert "file:     (unknown)" in rep.to_text()


def test_sparql_message_fills_in_bound_variables(shapes: Graph) -> None:
    rep = validate(load(CASES / "one-chair-per-cluster-year.invalid.ttl"), shapes)
    messages = {v.message for v in rep.violations}
    base = "https://w3id.org/pbkg/id/"
    assert (
        f"Cluster {base}cluster/cum-thi-dua-so-5 has more than one chair unit in 2021: "
        f"{base}org/btc-tinh-uy-ca-mau here, {base}org/btc-thanh-uy-can-tho "
        f"in {base}fact/s001/chair-can-tho-2021."
    ) in messages
    assert not any("{" in m for m in messages)


def test_malformed_shapes_file_raises_input_error_with_path_and_line(tmp_path: Path) -> None:
    (tmp_path / "good.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n", encoding="utf-8"
    )
    bad = tmp_path / "rules.ttl"
    bad.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:a> a sh:NodeShape .\n"
        '<urn:b> sh:message "unterminated .\n'
        "<urn:c> a sh:NodeShape .\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_shapes(tmp_path)
    assert caught.value.path == str(bad)
    assert caught.value.line == 3
    assert f"{bad}, line 3:" in str(caught.value)


def test_empty_shapes_folder_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no shapes files"):
        load_shapes(tmp_path)


def test_unknown_engine_is_refused(shapes: Graph) -> None:
    with pytest.raises(InvalidParameter, match="engine"):
        validate(Graph(), shapes, engine="quick")


def test_split_engine_takes_the_sparql_constraints_out_of_pyshacl(shapes: Graph) -> None:
    core, constraints = split_shapes(shapes)
    assert not any(core.triples((None, SH.sparql, None)))
    assert not any(core.triples((None, SH.select, None))) or all(
        # what is left is a SPARQL target, which pyshacl runs once per shape
        (s, RDF.type, SH.SPARQLTarget) in core
        for s in core.subjects(SH.select, None)
    )
    assert len(constraints) == len(set(shapes.objects(None, SH.sparql)))
    for constraint in constraints:
        assert "$this" not in constraint.query and "?this" in constraint.query


def test_given_store_gives_the_same_results(
    shapes: Graph, invalid_case: tuple[Graph, Path]
) -> None:
    graph = invalid_case[0]
    assert (
        validate(graph, shapes, store=graph_to_store(graph)).violations
        == validate(graph, shapes).violations
    )


@pytest.mark.parametrize("engine", ["split", "fast"])
def test_blank_node_focus_is_named_alike_by_the_engines(shapes: Graph, engine: str) -> None:
    """The store keeps blank node labels, so every engine names the same node as pyshacl."""
    graph = load()
    person = BNode()
    graph.add((person, RDF.type, PBO.Person))
    graph.add((person, RDFS.label, Literal("Nguyễn Văn A", lang="vi")))
    graph.add((person, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("Nguyễn Văn A")))
    split, reference = (validate(graph, shapes, engine=e) for e in (engine, "pyshacl"))
    assert [(v.focus, v.shape) for v in split.violations] == [
        (f"_:{person}", "https://w3id.org/pbkg/shapes#InstanceIRIShape")
    ]
    assert split.violations == reference.violations


@pytest.mark.parametrize("engine", ["split", "fast"])
def test_malformed_iri_is_reported_not_fatal(shapes: Graph, engine: str) -> None:
    """rdflib's parser lets "a b" into an IRI but will not write it back; the split engine's
    store still takes it, and the IRI rule reports it as pyshacl does."""
    graph = load()
    org = URIRef("https://w3id.org/pbkg/id/org/bao ca mau")
    graph.add((org, RDF.type, PBO.PressOrgan))
    graph.add((org, RDFS.label, Literal("Báo Cà Mau", lang="vi")))
    graph.add((org, RDFS.label, Literal("Ca Mau Newspaper", lang="en")))
    split, reference = (validate(graph, shapes, engine=e) for e in (engine, "pyshacl"))
    assert [(v.focus, v.shape) for v in split.violations] == [
        (str(org), "https://w3id.org/pbkg/shapes#InstanceIRIShape")
    ]
    assert split.violations == reference.violations


def test_reach_bounds_the_hops_a_result_depends_on(shapes: Graph) -> None:
    from pbkg.validate import reach

    # A membership's member must be a unit: its value (1 hop) and that value's types (2 hops).
    assert reach(shapes) == 2
    prefix = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"
    inverse = Graph().parse(data=prefix + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                            "sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] .",
                            format="turtle")
    assert reach(inverse) is None  # depends on subjects pointing at the node: not bounded here
    nested = Graph().parse(data=prefix + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                           "sh:property [ sh:path ( ex:p ex:q ) ; sh:node ex:T ] . "
                           "ex:T a sh:NodeShape ; sh:property [ sh:path ex:r ; sh:class ex:D ] .",
                           format="turtle")
    assert reach(nested) == 3  # the values 2 hops away, theirs (ex:r) 3 hops, and their types
    recursive = Graph().parse(data=prefix + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                              "sh:property [ sh:path ex:p ; sh:node ex:S ] .", format="turtle")
    assert reach(recursive) is None
