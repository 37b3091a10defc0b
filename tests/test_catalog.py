from pathlib import Path

import pytest

from pbkg.catalog import get_query, load_catalog, parse_query_file
from pbkg.errors import InputError, InvalidParameter, NotFound

REQUIRED = {"cluster-chairs", "cluster-members", "awards", "official-posts",
            "document-citations", "province-lineage", "conferences"}


@pytest.fixture(scope="module")
def catalog(project):
    return load_catalog(project.queries)


def test_catalog_has_the_required_queries_with_headers(catalog):
    assert REQUIRED <= set(catalog)
    for q in catalog.values():
        assert q.title["en"] and q.title["vi"], q.name
        assert q.description.get("en"), q.name
        assert q.columns, q.name


def test_columns_header_matches_the_select_clause(catalog, store):
    for q in catalog.values():
        result = store.query(q.render())
        assert tuple(result.variables) == q.columns, q.name


def test_cluster_chairs_parameters_are_typed(catalog):
    q = catalog["cluster-chairs"]
    assert [(p.name, p.type, p.required) for p in q.params] == [
        ("cluster", "iri", False), ("year", "gYear", False), ("asOf", "date", False)]


def test_slug_expands_under_the_declared_prefix(catalog):
    text = catalog["cluster-chairs"].render({"cluster": "to-chuc-xay-dung-dang-cum-5"})
    assert "VALUES ?cluster { <https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5> }" in text


@pytest.mark.parametrize("name,value", [
    ("year", "2021 } ?s ?p ?o {"),
    ("year", "20x1"),
    ("cluster", "x> } DROP ALL { <y"),
    ("cluster", "http://example.org/a b"),
    ("cluster", 'http://e/"'),
])
def test_injection_attempts_are_rejected(catalog, name, value):
    with pytest.raises(InvalidParameter) as err:
        catalog["cluster-chairs"].render({name: value})
    assert name in str(err.value)


def test_string_parameters_are_escaped_not_formatted(catalog):
    text = catalog["awards"].render({"status": "proposed"})
    assert 'VALUES ?status { "proposed" }' in text
    with pytest.raises(InvalidParameter):
        catalog["awards"].render({"status": 'proposed" } ?x ?y ?z { "'})


def test_unknown_parameter_and_query(catalog):
    with pytest.raises(InvalidParameter) as err:
        catalog["cluster-chairs"].render({"colour": "red"})
    assert "colour" in str(err.value) and "cluster" in str(err.value)
    with pytest.raises(NotFound):
        get_query(catalog, "no-such-query")


def test_bound_year_filters_rows(catalog, store):
    rows = store.query(catalog["cluster-chairs"].render({"year": "2023"})).rows
    assert rows and {r["year"]["value"] for r in rows} == {"2023"}


def test_header_errors_name_file_and_line(tmp_path: Path):
    bad = tmp_path / "bad.rq"
    bad.write_text("#+ title@en: x\n#+ title@vi: y\n#+ param: a | colour | optional | | z\n"
                   "SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse_query_file(bad)
    assert err.value.line == 3 and "bad.rq" in str(err.value)


def test_a_restricted_query_answers_only_for_its_candidates(project, store):
    query = parse_query_file(project.queries / "lookup" / "awards.rq")
    facts = sorted({r["fact"]["value"] for r in store.query(query.bind({})).rows})
    assert len(facts) > 3
    some = facts[1:3]
    restricted = store.query(query.restrict("fact", some).bind({})).rows
    assert sorted({r["fact"]["value"] for r in restricted}) == some
    # The file's own patterns still decide: a candidate that is no award answers nothing.
    other = "https://w3id.org/pbkg/id/province/ha-noi"
    assert store.query(query.restrict("fact", [other]).bind({})).rows == []
    assert store.query(query.restrict("fact", []).bind({})).rows == []


def test_values_blocks_are_filled_with_many_checked_values(project):
    query = parse_query_file(project.queries / "site" / "validity-of-many.rq")
    a, b = "https://w3id.org/pbkg/id/province/a", "https://w3id.org/pbkg/id/province/b"
    text = query.bind_many("entity", [a, b])
    assert text.count(f"VALUES ?entity {{ <{a}> <{b}> }}") == 2 and "{ }" not in text
    with pytest.raises(InvalidParameter):
        query.bind_many("entity", [a, "x> } DROP ALL { <y"])
    with pytest.raises(InvalidParameter):
        query.bind_many("nothing", [a])
    with pytest.raises(InputError, match="no empty 'VALUES"):
        parse_query_file(project.queries / "cluster-chairs.rq").bind_many("cluster", [a])
