"""The build's table of what each subject states (pbkg.subjects): read through it, every entity
and every fact about it is what the store says, and so are the pages and lookups made from
them; the table itself keeps blank nodes out, reads escapes, and gives up on subjects that many
graphs state."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pbkg.linked_data import LinkedData
from pbkg.lookup import Node
from pbkg.paths import ProjectPaths
from pbkg.settings import Settings
from pbkg.store import EmbeddedStore
from pbkg.subjects import SHARED, SUBJECTS_FILE, Subjects, blocks, write_subjects

G = "https://w3id.org/pbkg/graph/a"


def _node(n: Node) -> tuple:
    return n.iri, {p: sorted(map(str, v)) for p, v in n.props.items() if v}, sorted(n.links)


@pytest.fixture(scope="module")
def both(built_dist: Path, project: ProjectPaths) -> tuple[LinkedData, LinkedData]:
    """The same dist read with the table and without it (the queries alone)."""
    with_table = EmbeddedStore.from_dist(built_dist)
    without = EmbeddedStore.from_dist(built_dist)
    assert with_table.subjects_path == built_dist.resolve() / SUBJECTS_FILE
    without.subjects_path = None
    return (LinkedData(with_table, project.queries, Settings()),
            LinkedData(without, project.queries, Settings()))


def test_every_entity_and_its_facts_read_through_the_table_are_the_stores(both):
    table, store = both
    assert table.subjects is not None and store.subjects is None
    iris = table.index.iris(table.id_base)
    assert len(iris) > 1000
    for iri in iris:
        assert _node(table.entity(iri)) == _node(store.entity(iri)), iri
        assert [_node(f) for f in table.facts_about(iri)] == [
            _node(f) for f in store.facts_about(iri)], iri


def test_pages_and_lookups_are_the_same_with_the_table(both):
    table, store = both
    clusters = [c["id"] for c in store.clusters()][:12]
    assert clusters
    for slug in clusters:
        assert json.dumps(table.cluster(slug), sort_keys=True) == json.dumps(
            store.cluster(slug), sort_keys=True)
        iri = f"{table.id_base}cluster/{slug}"
        assert json.dumps(table.page(iri), sort_keys=True, default=str) == json.dumps(
            store.page(iri), sort_keys=True, default=str)


def test_whole_graph_lists_read_through_the_table_are_the_query_s(both):
    # with the table the list's query names the facts and the table gives their statements;
    # without it one query joins them (lookup/award-facts.rq against lookup/awards.rq)
    table, store = both
    assert table.subjects is not None and store.subjects is None
    sizes = []
    for args in ({}, {"status": "conferred"}, {"status": "proposed"}, {"year": 2023},
                 {"year": 2018}, {"status": "ranking", "year": 2022}):
        got = table.awards(**args)
        assert json.dumps(got, sort_keys=True) == json.dumps(store.awards(**args),
                                                             sort_keys=True), args
        sizes.append(len(got))
    for kind in (None, "year-end-review", "agreement-signing"):
        got = table.conferences(kind=kind)
        assert json.dumps(got, sort_keys=True) == json.dumps(store.conferences(kind=kind),
                                                             sort_keys=True), kind
        sizes.append(len(got))
    assert sizes[0] > max(sizes[1:6]) > 0 and sizes[6] > 0, sizes


def test_an_entity_page_reads_its_roles_from_its_facts(both):
    """The leadership rows of a page, taken from the facts it has read, are those of the
    leadership-of query."""
    table, _ = both
    checked = 0
    for iri in table.index.iris(table.id_base):
        queried = table.leadership_rows(iri)
        if queried:
            checked += 1
            assert table.leadership_rows(iri, facts=table.facts_about(iri)) == queried, iri
    assert checked >= 20


def _chunk(lines: list[str]) -> bytes:
    return "".join(f"{line} <{G}> .\n" for line in lines).encode()


def test_blocks_group_a_subject_s_lines_and_keep_blank_nodes_out():
    chunk = _chunk([
        "<http://x/a> <http://x/p> \"một\"@vi",
        "<http://x/a> <http://x/q> <http://x/b>",
        "<http://x/b> <http://x/p> _:n1",
        "_:n1 <http://x/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        "<http://x/c> <http://x/p> \"c\"",
    ])
    rows = list(blocks(chunk, G))
    assert [(s, g) for s, g, _ in rows] == [("http://x/a", G), ("http://x/c", G)]
    assert rows[0][2] == ("<http://x/p> \"một\"@vi .\n<http://x/q> <http://x/b> .\n").encode()


def _table(tmp_path: Path, graphs: dict[str, list[str]]) -> Subjects:
    nq = tmp_path / "x.nq"
    places, data = {}, b""
    for graph, lines in graphs.items():
        chunk = "".join(f"{line} <{graph}> .\n" for line in lines).encode()
        places[graph] = [len(data), len(chunk)]
        data += chunk
    nq.write_bytes(data)
    write_subjects(nq, places, tmp_path / SUBJECTS_FILE)
    return Subjects(tmp_path / SUBJECTS_FILE)


def test_statements_read_terms_escapes_and_subjects_of_several_graphs(tmp_path: Path):
    table = _table(tmp_path, {
        f"{G}/1": ['<http://x/a> <http://x/p> "dòng 1\\ndòng \\"2\\""@vi',
                   '<http://x/a> <http://x/n> "3"^^<http://www.w3.org/2001/XMLSchema#integer>',
                   '<http://x/a> <http://x/s> "chữ"^^<http://www.w3.org/2001/XMLSchema#string>'],
        f"{G}/2": ['<http://x/a> <http://x/q> <http://x/b>',
                   '<http://x/a> <http://x/n> "3"^^<http://www.w3.org/2001/XMLSchema#integer>'],
    })
    found = table.statements(["http://x/a", "http://x/missing"])
    assert set(found) == {"http://x/a"}
    assert sorted(found["http://x/a"], key=str) == sorted([
        ("http://x/p", {"type": "literal", "value": 'dòng 1\ndòng "2"', "xml:lang": "vi"}),
        ("http://x/n", {"type": "literal", "value": "3",
                        "datatype": "http://www.w3.org/2001/XMLSchema#integer"}),
        ("http://x/s", {"type": "literal", "value": "chữ"}),
        ("http://x/q", {"type": "uri", "value": "http://x/b"}),
    ], key=str)


def test_a_subject_that_many_graphs_state_is_left_to_the_store(tmp_path: Path):
    table = _table(tmp_path, {f"{G}/{i}": ["<http://x/year> <http://x/p> \"2023\""]
                              for i in range(SHARED + 1)})
    assert table.statements(["http://x/year"]) == {}


def test_a_file_that_is_no_table_is_named(tmp_path: Path):
    bad = tmp_path / SUBJECTS_FILE
    sqlite3.connect(bad).execute("CREATE TABLE other (x)").connection.close()
    with pytest.raises(OSError, match=str(bad)):
        Subjects(bad)


def test_descriptions_read_through_the_table_are_the_describe_query_s(both):
    table, store = both
    for iri in table.index.iris(table.id_base):
        assert sorted(map(str, table.describe(iri))) == sorted(map(str, store.describe(iri))), iri


def test_a_damaged_table_is_named_when_the_dist_is_opened(built_dist: Path, tmp_path: Path):
    import shutil

    from pbkg.errors import NotFound

    copy = tmp_path / "dist"
    shutil.copytree(built_dist, copy, symlinks=True)
    table = copy.resolve() / SUBJECTS_FILE
    table.write_bytes(b"not a database" * 100)
    with pytest.raises(NotFound, match=rf"{table}.*run 'pbkg build'"):
        EmbeddedStore.from_dist(copy)


def test_validities_read_through_the_table_are_the_query_s(both):
    """The first and last days that tell apart bodies sharing a name, worked out from the
    table's statements of each entity and its areas, equal validity-of-many's answer."""
    table, store = both
    iris = table.index.iris(table.id_base)
    through_table = table.validities(iris)
    assert through_table == store.validities(iris)
    own = {i for i in iris if any(p.endswith("#validFrom") or p.endswith("#validUntil")
                                  for p in table.entity(i).props)}
    assert own and set(through_table) - own  # some by their own days, some by their area's
    for i in iris[::5]:  # one at a time, as a name a page did not prefetch
        assert table.validity_of(i) == store.validity_of(i) == through_table.get(i, (None, None))


def test_blocks_read_through_the_table_are_the_query_s(both):
    """Whether a cluster is a block (its roles named as a block's), from the table of subjects
    (the cluster's types and their notations) and from cluster-type.rq."""
    table, store = both
    clusters = [c["iri"] for c in store.clusters()]
    through_table = {c: table._cluster_types_in_table(c) for c in clusters}
    assert all(types is not None for types in through_table.values())
    assert [table.is_block(c) for c in clusters] == [store.is_block(c) for c in clusters]
    assert any(store.is_block(c) for c in clusters) and not all(store.is_block(c)
                                                                for c in clusters)
