"""Network exports: GraphML, GEXF and Cytoscape JSON re-read with networkx into the same nodes,
edges and attributes as the projection; GEXF carries time; outputs are reproducible."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from pbkg.errors import InvalidParameter
from pbkg.namespaces import ID
from pbkg.network import full_projection, project, write_graph, write_network
from pbkg.network.formats import (
    NETWORK_FORMATS,
    NODE_COLORS,
    edge_interval,
    flat,
    graph_bytes,
    node_time,
)

CUM5 = str(ID["cluster/to-chuc-xay-dung-dang-cum-5"])
CA_MAU_BOARD = str(ID["org/ban-to-chuc-tinh-uy-ca-mau"])
ROLE_2022 = "fact/xay-dung-dang-2022-12/role-2022-chair#chaired"
MERGER = "change/2025-ca-mau#merged_into-province/bac-lieu"
GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def cum5(store):
    return project(store, clusters=["cum-5"])


@pytest.fixture(scope="module")
def files(cum5, tmp_path_factory):
    folder = tmp_path_factory.mktemp("network")
    out = {}
    for fmt, (extension, _, _) in NETWORK_FORMATS.items():
        out[fmt] = folder / f"cum5.{extension}"
        write_graph(cum5, fmt, out[fmt])
    return out


def _same_structure(original: nx.MultiDiGraph, copy: nx.MultiDiGraph) -> None:
    assert copy.is_directed() and copy.is_multigraph()
    assert set(copy.nodes) == set(original.nodes)
    assert sorted(copy.edges(keys=True)) == sorted(original.edges(keys=True))


def test_graphml_reads_back_with_every_attribute_as_a_string(cum5, files):
    back = nx.read_graphml(files["graphml"], force_multigraph=True)
    _same_structure(cum5, back)
    for node, data in cum5.nodes(data=True):
        got = back.nodes[node]
        for key, value in data.items():
            assert got[key] == flat(value), (node, key)
        assert got["name"] == got["label"] == data["label_vi"]
        assert None not in got.values() and "None" not in got.values()
    for u, v, k, data in cum5.edges(keys=True, data=True):
        got = back.edges[u, v, k]
        for key, value in data.items():
            assert got[key] == flat(value), (k, key)
        assert set(got) - set(data) == {"label"}
    assert back.edges[CA_MAU_BOARD, CUM5, ROLE_2022]["label"] == "cụm trưởng 2022"
    assert back.edges[CA_MAU_BOARD, CUM5, ROLE_2022]["inferred"] == "false"


def test_graphml_declares_string_keys_and_yed_labels(cum5, files):
    root = ET.parse(files["graphml"]).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = root.findall(f"{ns}key")
    assert {k.get("attr.type") for k in keys if k.get("attr.type")} == {"string"}
    assert any(k.get("yfiles.type") == "nodegraphics" for k in keys)
    y = "{http://www.yworks.com/xml/graphml}"
    node = next(n for n in root.iter(f"{ns}node") if n.get("id") == CA_MAU_BOARD)
    assert node.find(f".//{y}NodeLabel").text == "Ban Tổ chức Tỉnh ủy Cà Mau"
    assert node.find(f".//{y}Fill").get("color") == NODE_COLORS["organization"]
    assert "None" not in files["graphml"].read_text(encoding="utf-8")


def test_gexf_reads_back_with_typed_attributes(cum5, files):
    back = nx.read_gexf(files["gexf"])
    _same_structure(cum5, back)
    for node, data in cum5.nodes(data=True):
        got = back.nodes[node]
        for key, value in data.items():
            assert got[key] == value, (node, key)
    for u, v, k, data in cum5.edges(keys=True, data=True):
        got = back.edges[u, v, k]
        for key, value in data.items():
            assert got[key] == value, (k, key)
    role = back.edges[CA_MAU_BOARD, CUM5, ROLE_2022]
    assert role["year"] == 2022 and role["inferred"] is False


def test_gexf_carries_time_for_gephi_timeline(cum5, files):
    root = ET.parse(files["gexf"]).getroot()
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = {e.get("id"): e for e in graph.iter(f"{GEXF}edge")}
    assert (edges[ROLE_2022].get("start"), edges[ROLE_2022].get("end")) == (
        "2022-01-01", "2022-12-31")
    # The 2025 unit exists from the day of the reorganization on.
    assert (edges[MERGER].get("start"), edges[MERGER].get("end")) == ("2025-07-01", None)
    # Standing edges (organization structure) have no interval: always present.
    part_of = next(e for k, e in edges.items() if "#part_of-" in k)
    assert part_of.get("start") is None and part_of.get("end") is None
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    ca_mau = nodes[str(ID["province/ca-mau"])]
    assert ca_mau.get("end") == "2025-06-30"
    assert nodes[str(ID["province/ca-mau-2025"])].get("start") == "2025-07-01"
    spells = [(s.get("start"), s.get("end")) for s in nodes[CA_MAU_BOARD].iter(f"{GEXF}spell")]
    assert ("2022-01-01", "2022-12-31") in spells
    kien_giang = nodes[str(ID["org/ban-to-chuc-tinh-uy-kien-giang"])]
    assert ("2022-01-01", "2023-12-31") in [(s.get("start"), s.get("end"))
                                            for s in kien_giang.iter(f"{GEXF}spell")]
    # The same rules, as functions.
    assert edge_interval(cum5.edges[CA_MAU_BOARD, CUM5, ROLE_2022]) == ("2022-01-01",
                                                                        "2022-12-31")
    assert node_time(cum5, str(ID["province/ca-mau"]))["end"] == "2025-06-30"
    back = nx.read_gexf(files["gexf"])
    assert back.graph["mode"] == "dynamic"
    assert back.edges[CA_MAU_BOARD, CUM5, ROLE_2022]["start"] == "2022-01-01"


def test_cytoscape_json_parses_into_the_same_graph(cum5, files):
    doc = json.loads(files["cytoscape-json"].read_text(encoding="utf-8"))
    elements = doc["elements"]
    assert len(elements["nodes"]) == cum5.number_of_nodes()
    assert len(elements["edges"]) == cum5.number_of_edges()
    node = next(n["data"] for n in elements["nodes"] if n["data"]["id"] == CA_MAU_BOARD)
    assert node["name"] == "Ban Tổ chức Tỉnh ủy Cà Mau" and node["type"] == "organization"
    edge = next(e["data"] for e in elements["edges"] if e["data"]["id"] == ROLE_2022)
    assert (edge["source"], edge["target"], edge["interaction"]) == (CA_MAU_BOARD, CUM5,
                                                                      "chaired")
    back = nx.cytoscape_graph(doc)
    _same_structure(cum5, back)
    assert back.edges[CA_MAU_BOARD, CUM5, ROLE_2022]["year"] == 2022


def test_exports_are_byte_identical_when_repeated(cum5):
    for fmt in NETWORK_FORMATS:
        assert graph_bytes(cum5, fmt) == graph_bytes(cum5, fmt), fmt
    assert b"lastmodifieddate" not in graph_bytes(cum5, "gexf")


def test_write_network_applies_the_filters(store, tmp_path):
    target = tmp_path / "out.gexf"
    graph = write_network(store, "gexf", target, clusters=["cum-5"], years=(2023, 2023))
    expected = project(store, clusters=["cum-5"], years=(2023, 2023))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (
        expected.number_of_nodes(), expected.number_of_edges())
    back = nx.read_gexf(target)
    assert back.number_of_edges() == expected.number_of_edges()
    buffer = io.BytesIO()
    write_network(store, "cyjs", buffer, types=["province"], lang="en")
    doc = json.loads(buffer.getvalue())
    assert {n["data"]["type"] for n in doc["elements"]["nodes"]} == {"province"}
    assert any(n["data"]["name"] == "Cà Mau Province (2025)" for n in doc["elements"]["nodes"])
    with pytest.raises(InvalidParameter, match="not a network format"):
        write_network(store, "pajek", tmp_path / "x.net")


def test_whole_network_round_trips_through_graphml_and_gexf(store, tmp_path):
    graph = full_projection(store)
    for fmt, reader in (("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
                        ("gexf", nx.read_gexf)):
        target = tmp_path / f"all.{fmt}"
        write_graph(graph, fmt, target)
        back = reader(target)
        assert (back.number_of_nodes(), back.number_of_edges()) == (
            graph.number_of_nodes(), graph.number_of_edges()), fmt
