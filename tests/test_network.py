"""The network projection (pbkg.network) from the session's build: nodes, edges, filters and
the analytics, checked against what the five seed articles state.

Other sources (machine-extracted articles) may add facts to the build; where a figure depends
on the sources, the assertions look at the seed articles' own facts."""

from __future__ import annotations

import pytest

from pbkg.catalog import parse_query_file
from pbkg.cli import main
from pbkg.errors import InvalidParameter, NotFound
from pbkg.namespaces import ID
from pbkg.network import (
    chair_rotation,
    co_membership,
    filter_graph,
    format_stats,
    full_projection,
    most_cited_documents,
    project,
    province_lineage,
    resolve_clusters,
    stats,
    timeline,
    vocabulary,
)
from pbkg.network.analytics import centrality
from pbkg.network.projection import build_projection, network_dir, network_queries

CUM5 = str(ID["cluster/to-chuc-xay-dung-dang-cum-5"])
CUM4 = str(ID["cluster/to-chuc-xay-dung-dang-cum-4"])
HA_NAM = str(ID["cluster/ha-nam-khoi-ban-xay-dung-dang"])
LANG_SON = str(ID["cluster/lang-son-cum-co-quan-dang-tinh"])


def board(slug: str) -> str:
    prefix = "thanh-uy" if slug in ("can-tho", "ha-noi") else "tinh-uy"
    return str(ID[f"org/ban-to-chuc-{prefix}-{slug}"])


def province(slug: str) -> str:
    return str(ID[f"province/{slug}"])


def article(key: str) -> str:
    return str(ID[f"article/{key}"])


SEEDS = {article(k) for k in ("bao-ha-nam-2020-07-15", "bao-lang-son-2020-12-30",
                              "bao-son-la-2024-06-20", "bao-tay-ninh-2020-12-04",
                              "xay-dung-dang-2022-12")}
CUM5_MEMBERS = {board(s) for s in ("ca-mau", "kien-giang", "soc-trang", "vinh-long", "bac-lieu",
                                   "can-tho", "ben-tre", "an-giang")}
RESOLUTION_202 = str(ID["document/202-2025-qh15-2025"])
DOC_05 = str(ID["document/05-ct-tw-2016"])


@pytest.fixture(scope="module")
def graph(store):
    return full_projection(store)


@pytest.fixture(scope="module")
def cum5(store):
    return project(store, clusters=["to-chuc-xay-dung-dang-cum-5"])


def edges(g, relation=None, source=None, target=None):
    return [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
            if (relation is None or d["relation"] == relation)
            and (source is None or u == source) and (target is None or v == target)]


# --- the queries and the vocabulary ----------------------------------------------------------

def test_every_network_query_has_a_header_and_what_it_produces_is_in_the_vocabulary(project):
    queries = network_queries(project.queries)
    assert {q.name for q in queries} >= {"nodes", "memberships", "roles", "awards", "posts",
                                         "citations", "conferences", "structure", "lineage"}
    vocab = vocabulary(project.queries)
    produced = set()
    for q in queries:
        assert q.title.keys() >= {"en", "vi"} and q.description.keys() >= {"en", "vi"}, q.name
        assert "CONSTRUCT" in q.text, q.name
        produced |= {p.strip() for p in q.extra["produces"].split(",")}
    assert produced - {"nodes"} == set(vocab.relations)
    assert list(vocab.node_types) == ["cluster", "organization", "person", "province",
                                      "conference", "award", "document"]
    for category in [*vocab.node_types.values(), *vocab.relations.values()]:
        assert category.label_vi and category.label_en and category.label_vi != category.notation
    # The network queries are not named queries of the user catalogue.
    assert network_dir(project.queries).parent == project.queries
    assert all(parse_query_file(q.path).name == q.name for q in queries)


# --- nodes and edges -------------------------------------------------------------------------

def test_nodes_are_typed_with_labels_in_both_languages_and_their_iri(graph):
    expected = {
        CUM5: ("cluster", "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng",
               "Emulation Cluster No. 5 of the Party Organization Sector"),
        board("ca-mau"): ("organization", "Ban Tổ chức Tỉnh ủy Cà Mau",
                          "Organization Board of the Cà Mau Provincial Party Committee"),
        str(ID["person/tran-duc-thuan"]): ("person", "Trần Đức Thuần", "Trần Đức Thuần"),
        province("bac-lieu"): ("province", "Bạc Liêu", "Bạc Liêu Province"),
        province("ca-mau-2025"): ("province", "Cà Mau (2025)", "Cà Mau Province (2025)"),
        DOC_05: ("document", "Chỉ thị 05-CT/TW", "Directive 05-CT/TW"),
        str(ID["conference/to-chuc-xay-dung-dang-cum-5-tong-ket-2022"]): (
            "conference",
            "Hội nghị tổng kết công tác thi đua – khen thưởng năm 2022, Cụm Thi đua số 5",
            "Year-end review 2022 of Emulation Cluster No. 5"),
        str(ID["fact/xay-dung-dang-2022-12/award-flag-proposed-2022"]): (
            "award", "Cờ thi đua (đề nghị), 2022", "Emulation flag (proposed), 2022"),
    }
    for node, (node_type, vi, en) in expected.items():
        data = graph.nodes[node]
        assert (data["type"], data["label_vi"], data["label_en"]) == (node_type, vi, en)
        assert data["iri"] == node and data["label"] == vi
    assert graph.nodes[board("ca-mau")]["class"] == "pbo:PartyBoard"
    assert graph.nodes[board("ca-mau")]["class_en"] == "party board"
    assert graph.nodes[province("ca-mau")]["valid_until"] == "2025-06-30"
    types = set(vocabulary().node_types)
    for node, data in graph.nodes(data=True):
        assert data["type"] in types and data["label_vi"] and data["label_en"], node
        assert None not in data.values(), node
    # 63 pre-2025 units and 34 of 2025.
    provinces = [n for n, d in graph.nodes(data=True) if d["type"] == "province"]
    assert len(provinces) == 97


def test_edges_carry_relation_year_source_and_inferred_flag(graph):
    relations = set(vocabulary().relations)
    for _, v, k, d in graph.edges(keys=True, data=True):
        assert d["relation"] in relations, k
        assert None not in d.values(), k
        assert isinstance(d["inferred"], bool) and isinstance(d["extracted"], bool)
        if d["relation"] in ("member_of", "chaired", "standing_vice_chaired", "vice_chaired"):
            assert isinstance(d["year"], int) and d["fact"] and d["provenance"], k
            assert graph.nodes[v]["type"] == "cluster" and d["cluster"] == v
    (member,) = edges(graph, "member_of", board("ca-mau"), CUM5)[:1]
    data = member[3]
    assert data["year"] == 2022 and data["provenance"] == article("xay-dung-dang-2022-12")
    assert data["fact"] == str(ID["fact/xay-dung-dang-2022-12/member-2022-ca-mau"])
    assert data["inferred"] is False and data["extracted"] is False
    assert member[2] == "fact/xay-dung-dang-2022-12/member-2022-ca-mau#member_of"
    # A post held, with the post's name as detail and the attestation date.
    (post,) = [e for e in edges(graph, "holds_post", str(ID["person/huynh-thi-thanh-loan"]))]
    assert post[1] == board("ca-mau") and post[3]["date"] == "2022-12"
    assert post[3]["detail_vi"] == "Trưởng Ban Tổ chức Tỉnh ủy Cà Mau"
    # Hosting is its own relation, never chairing.
    review = str(ID["conference/to-chuc-xay-dung-dang-cum-5-so-ket-2022"])
    hosts = edges(graph, "hosted", target=review)
    assert {u for u, *_ in hosts} == {board("ca-mau"), board("kien-giang")}
    # A proposed award is an award edge whose status says so.
    flag = str(ID["fact/xay-dung-dang-2022-12/award-flag-proposed-2022"])
    awarded = edges(graph, "awarded", flag)
    assert [(v, d["status"]) for _, v, _, d in awarded] == [(board("ca-mau"), "proposed")]


def test_chair_rotation_of_cluster_5(graph):
    rotation = chair_rotation(graph)[CUM5]["years"]

    def seed_holders(year: int, relation: str) -> set[str]:
        return {h["node"] for h in rotation[year][relation] if h["provenance"] in SEEDS}

    assert seed_holders(2022, "chaired") == {board("ca-mau")}
    assert seed_holders(2022, "vice_chaired") == {board("kien-giang")}
    assert seed_holders(2023, "chaired") == {board("kien-giang")}
    assert seed_holders(2023, "vice_chaired") == {board("ben-tre"), board("an-giang")}
    chairs = timeline(graph, CUM5).chairs()
    assert board("ca-mau") in chairs[2022] and board("kien-giang") in chairs[2023]
    cum4 = chair_rotation(graph)[CUM4]["years"][2021]
    assert [h["node"] for h in cum4["standing_vice_chaired"]] == [board("tay-ninh")]


def test_a_chair_inferred_from_a_person_is_flagged(graph):
    holders = chair_rotation(graph)[HA_NAM]["years"][2020]["chaired"]
    flags = {h["node"]: h["inferred"] for h in holders}
    assert flags == {str(ID["org/ban-tuyen-giao-tinh-uy-ha-nam"]): True}
    row = next(r for r in timeline(graph, HA_NAM).rows
               if r.node == str(ID["org/ban-tuyen-giao-tinh-uy-ha-nam"]))
    assert row.strongest(2020).relation == "chaired" and row.strongest(2020).inferred


def test_timeline_rows_and_years(graph):
    tl = timeline(graph, LANG_SON)
    assert tl.years[:2] == [2020, 2021]
    first = {r.node: r for r in tl.rows}
    kiem_tra = first[str(ID["org/uy-ban-kiem-tra-tinh-uy-lang-son"])]
    assert kiem_tra.strongest(2020).relation == "vice_chaired"
    assert kiem_tra.strongest(2021).relation == "chaired"
    assert tl.rows[0].node == str(ID["org/truong-chinh-tri-hoang-van-thu"])  # first chair first
    data = tl.as_dict(href=lambda iri: iri.replace(str(ID), "/id/"))
    assert data["rows"][0]["href"] == "/id/org/truong-chinh-tri-hoang-van-thu"
    assert data["rows"][0]["cells"]["2020"][0]["relation"] == "chaired"
    with pytest.raises(NotFound):
        timeline(graph, board("ca-mau"))


def test_bac_lieu_merged_into_ca_mau_in_2025(graph):
    (edge,) = edges(graph, "merged_into", province("bac-lieu"))
    _, target, key, data = edge
    assert target == province("ca-mau-2025")
    assert (data["year"], data["date"], data["provenance"]) == (2025, "2025-07-01", RESOLUTION_202)
    assert data["fact"] == str(ID["change/2025-ca-mau"])
    assert [v for _, v, *_ in edges(graph, "became", province("cao-bang"))] == [
        province("cao-bang-2025")]
    lineage = {e["node"]: e for e in province_lineage(graph)}
    assert lineage[province("ca-mau-2025")]["kind"] == "merger"
    assert {p["node"] for p in lineage[province("ca-mau-2025")]["predecessors"]} == {
        province("bac-lieu"), province("ca-mau")}
    assert len(lineage) == 34
    assert sum(len(e["predecessors"]) for e in lineage.values()) == 63
    assert sum(1 for e in lineage.values() if e["kind"] == "merger") == 23


def test_05_ct_tw_is_cited_by_two_seed_articles(graph):
    cited = edges(graph, "cited", target=DOC_05)
    citing = {d["provenance"] for *_, d in cited}
    assert citing & SEEDS == {article("bao-tay-ninh-2020-12-04"),
                              article("xay-dung-dang-2022-12")}
    ranked = {r["node"]: r for r in most_cited_documents(graph)}
    assert ranked[DOC_05]["articles"] == len(citing) >= 2
    assert ranked[DOC_05]["citations"] == len(cited)
    # The mistyped identifier stays as written; the resolved citation is inferred.
    kl40 = ranked[str(ID["document/40-kl-tw-2022"])]
    assert "40-TB/TW" in kl40["as_written"] and kl40["inferred"] >= 1


def test_cluster_filter_keeps_the_cluster_and_what_reaches_out_from_it(graph, cum5):
    assert {n for n in cum5 if cum5.nodes[n]["type"] == "cluster"} == {CUM5}
    members = {u for u, *_ in edges(cum5, "member_of")}
    assert CUM5_MEMBERS <= members
    assert board("tay-ninh") not in cum5
    for *_, d in cum5.edges(keys=True, data=True):
        assert d.get("cluster", CUM5) == CUM5
    # Standing edges are followed outwards: board -> committee -> province -> 2025 unit.
    assert edges(cum5, "part_of", board("bac-lieu"), str(ID["org/tinh-uy-bac-lieu"]))
    assert edges(cum5, "merged_into", province("bac-lieu"), province("ca-mau-2025"))
    assert DOC_05 in cum5 and edges(cum5, "issued_by", DOC_05)
    assert cum5.graph["filters"] == {"clusters": [CUM5], "years": [], "types": []}
    # The same cluster, named five ways (the last under a public base).
    for name in (CUM5, "cum-5", "Cụm 5", "cum thi dua so 5",
                 "https://example.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"):
        assert resolve_clusters(graph, [name]) == [CUM5]


def test_year_filter(store, cum5):
    g2023 = project(store, clusters=["cum-5"], years=(2023, 2023))
    members = {u for u, *_ in edges(g2023, "member_of")}
    assert {board("kien-giang"), board("ben-tre"), board("an-giang")} <= members
    assert board("ca-mau") not in members
    for *_, d in g2023.edges(keys=True, data=True):
        if "year" in d:
            assert d["year"] <= 2023 <= d["year_end"]
    assert g2023.number_of_nodes() < cum5.number_of_nodes()
    # The 2025 lineage is dated: outside the range it is left out, inside it stays.
    assert not edges(g2023, "merged_into")
    assert edges(project(store, clusters=["cum-5"], years=(2022, None)), "merged_into")
    only_2022 = project(store, years=2022)
    assert edges(only_2022, "chaired", board("ca-mau"), CUM5)
    assert all(d["year"] <= 2022 <= d["year_end"]
               for *_, d in only_2022.edges(keys=True, data=True) if "year" in d)


def test_type_filter(store, cum5):
    g = project(store, clusters=["cum-5"], types=["organization", "cluster"])
    assert {d["type"] for _, d in g.nodes(data=True)} == {"organization", "cluster"}
    assert all(g.nodes[u]["type"] in ("organization", "cluster")
               and g.nodes[v]["type"] in ("organization", "cluster") for u, v in g.edges())
    assert CUM5_MEMBERS <= set(g)
    provinces = project(store, types="province,")
    assert {d["type"] for _, d in provinces.nodes(data=True)} == {"province"}
    assert provinces.number_of_edges() == 63  # the lineage only


def test_filters_refuse_what_they_cannot_resolve(store, graph):
    with pytest.raises(InvalidParameter, match="no cluster matches"):
        project(store, clusters=["nowhere"])
    with pytest.raises(InvalidParameter, match="several clusters"):
        resolve_clusters(graph, ["cum"])
    with pytest.raises(InvalidParameter, match="not a node type"):
        project(store, types=["planet"])
    with pytest.raises(InvalidParameter, match="after the last"):
        project(store, years=(2024, 2020))


def test_unfiltered_projection_is_a_copy_and_deterministic(store, graph):
    copy = filter_graph(graph)
    assert copy is not graph and copy.number_of_edges() == graph.number_of_edges()
    again = build_projection(store)
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_co_membership_weights(cum5):
    pairs = co_membership(cum5)
    assert set(pairs) == CUM5_MEMBERS
    a, b = sorted((board("kien-giang"), board("ben-tre")))
    assert pairs.edges[a, b]["weight"] == 2  # 2022 and 2023
    assert pairs.edges[a, b]["years"] == [2022, 2023]
    assert pairs.edges[board("ca-mau"), board("bac-lieu")]["weight"] == 1
    assert not pairs.has_edge(board("ca-mau"), board("an-giang"))  # never in the same year


def test_centrality_of_units_and_people(cum5):
    result = centrality(cum5)
    assert result["exact"]
    rows = {r["node"]: r for r in result["nodes"]}
    assert {r["type"] for r in rows.values()} == {"organization", "person"}
    neighbours = set(cum5.successors(board("ca-mau"))) | set(cum5.predecessors(board("ca-mau")))
    assert rows[board("ca-mau")]["degree"] == len(neighbours)
    assert all(0.0 <= r["betweenness"] <= 1.0 for r in rows.values())
    # Kiên Giang's board sits between the cluster, its conferences, its committee and province.
    assert rows[board("kien-giang")]["betweenness"] > rows[str(ID["person/van-ngoc-ha"])][
        "betweenness"]


def test_stats_and_their_text(cum5):
    data = stats(cum5, top=5)
    assert data["nodes"] == cum5.number_of_nodes() and data["edges"] == cum5.number_of_edges()
    assert data["node_types"]["cluster"] == 1
    assert sum(data["relations"].values()) == cum5.number_of_edges()
    assert len(data["centrality"]["organization"]) == 5
    assert {m["node"] for m in data["province_lineage"]["mergers"]} >= {
        province("ca-mau-2025"), province("an-giang-2025")}
    text = format_stats(data, "vi")
    assert "Luân phiên cụm trưởng" in text
    assert "2022  cụm trưởng: Ban Tổ chức Tỉnh ủy Cà Mau" in text
    assert "Cà Mau (2025) ← Bạc Liêu, Cà Mau" in text
    english = format_stats(data, "en")
    assert "Chair rotation" in english
    assert "Organization Board of the Kiên Giang Provincial Party Committee" in english


def test_cli_network_stats_and_export(built_dist, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    monkeypatch.delenv("PBKG_SPARQL_ENDPOINT", raising=False)
    assert main(["network", "stats", "--cluster", "Cụm 5", "--from", "2022", "--to", "2023"]) == 0
    out = capsys.readouterr().out
    assert "2023  cụm trưởng: Ban Tổ chức Tỉnh ủy Kiên Giang" in out
    assert main(["network", "stats", "--cluster", "cum-5", "--json", "--lang", "en"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["chair_rotation"][CUM5]["years"]["2022"]["chaired"][0]["node"] == board("ca-mau")
    target = tmp_path / "cum5.graphml"
    assert main(["network", "export", "-f", "graphml", "--cluster", "cum-5", "-o",
                 str(target)]) == 0
    assert target.read_text(encoding="utf-8").count("<node ") == data["nodes"]
    assert main(["network", "stats", "--type", "galaxy"]) == 2
    assert "not a node type" in capsys.readouterr().err
