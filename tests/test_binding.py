"""Parameters written in place of their variable (NamedQuery.bind) give the same answers as the
VALUES binding (render), and stay injection-proof."""

from __future__ import annotations

from collections import Counter

import pytest

from pbkg.catalog import inline_variable, load_catalog, parse_query_file
from pbkg.errors import InvalidParameter

ID = "https://w3id.org/pbkg/id/"
CM5 = ID + "cluster/to-chuc-xay-dung-dang-cum-5"
SAMPLES = {
    "entity": [CM5, ID + "org/ban-to-chuc-tinh-uy-kien-giang", ID + "province/bac-lieu"],
    "cluster": [CM5],
    "organization": [ID + "org/ban-to-chuc-tinh-uy-kien-giang"],
    "province": [ID + "province/bac-lieu", ID + "province/ca-mau"],
    "year": ["2023"],
    "ontology": ["https://w3id.org/pbkg/ontology"],
    "uriSpace": [ID],
}


def all_queries(project) -> list:
    return [*load_catalog(project.queries).values(),
            *(parse_query_file(f) for f in sorted((project.queries / "lookup").glob("*.rq")))]


def bag(result) -> Counter:
    if hasattr(result, "rows"):
        return Counter(tuple(sorted((k, tuple(sorted(v.items()))) for k, v in row.items()))
                       for row in result.rows)
    if hasattr(result, "triples"):
        return Counter(tuple(map(str, t)) for t in result.triples)
    return Counter([result.value])


def test_bind_answers_like_values(project, store):
    compared = inlined = 0
    for query in all_queries(project):
        for param in query.params:
            values = SAMPLES.get(param.name) or list(param.choices[:2])
            for value in values:
                bound = {param.name: value}
                for other in query.params:  # required companions get their first sample
                    if other.required and other.name not in bound:
                        bound[other.name] = (SAMPLES.get(other.name) or [""])[0]
                by_values, in_place = query.render(bound), query.bind(bound)
                inlined += by_values != in_place
                assert bag(store.query(in_place)) == bag(store.query(by_values)), \
                    (query.name, bound)
                compared += 1
    assert compared > 20 and inlined >= 8, (compared, inlined)


def test_describe_is_bound_in_place(project):
    text = parse_query_file(project.queries / "lookup" / "describe.rq").bind({"entity": CM5})
    assert "VALUES ?entity" not in text and f"<{CM5}> ?p ?o" in text
    assert "?fact ?link ?entity" not in text


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?x ?y WHERE { ?x ?p ?y }", "SELECT (<urn:a> AS ?x) ?y WHERE { <urn:a> ?p ?y }"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }",
     "CONSTRUCT { <urn:a> ?p ?o } WHERE { <urn:a> ?p ?o }"),
    ("SELECT ?y WHERE { ?s ?p ?y . FILTER(?y != ?x) } # ?x in a comment",
     "SELECT ?y WHERE { ?s ?p ?y . FILTER(?y != <urn:a>) } # ?x in a comment"),
    ('SELECT ?y WHERE { ?s ?p "?x" ; <urn:p?x=1> ?x }',
     'SELECT ?y WHERE { ?s ?p "?x" ; <urn:p?x=1> <urn:a> }'),
    ("SELECT (COUNT(?x) AS ?n) WHERE { ?x ?p ?o }",
     "SELECT (COUNT(<urn:a>) AS ?n) WHERE { <urn:a> ?p ?o }"),
])
def test_inline_variable(query, expected):
    assert inline_variable(query, "x", "<urn:a>") == expected


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?x ?p ?o }",
    "SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?x",
    "SELECT ?o WHERE { ?x ?p ?o } ORDER BY ?x",
    "SELECT ?o WHERE { ?s ?p ?o BIND(?o AS ?x) }",
    "SELECT ?o WHERE { ?s ?p ?o FILTER(BOUND(?x)) }",
    "SELECT ?o WHERE { VALUES ?x { 1 } ?s ?p ?o }",
    "SELECT ?o WHERE { ?s ?p ?o { SELECT ?x WHERE { ?x ?q ?o } } }",
])
def test_inline_refuses_where_a_constant_cannot_stand(query):
    assert inline_variable(query, "x", "<urn:a>") is None


def test_bind_still_refuses_injection(project):
    query = load_catalog(project.queries)["province-lineage"]
    for bad in ("bac-lieu> } ?s ?p ?o { <x", "x y", 'a"b', "javascript:alert(1)>"):
        with pytest.raises(InvalidParameter):
            query.bind({"province": bad})
    text = query.bind({"province": "bac-lieu"})
    assert f"<{ID}province/bac-lieu>" in text and "VALUES" not in text
    statuses = load_catalog(project.queries)["awards"]
    with pytest.raises(InvalidParameter):
        statuses.bind({"status": 'proposed" } ?x ?y ?z { "'})


