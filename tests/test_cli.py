"""The command line as a user runs it: real subprocesses, checked output, no tracebacks."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(args, env_extra=None, cwd=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pbkg.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def dist_env(built_dist: Path):
    return {"PBKG_DIST": str(built_dist)}


def test_query_list_names_every_query(dist_env):
    out = run(["query", "--list"], dist_env)
    assert out.returncode == 0, out.stderr
    for name in ("cluster-chairs", "province-lineage", "conferences"):
        assert name in out.stdout


def test_cluster_chairs_csv(dist_env):
    out = run(["query", "cluster-chairs", "--format", "csv", "--param", "year=2021"], dist_env)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    got = {(r["clusterLabel"], r["role"], r["unitLabel"]) for r in rows}
    assert ("Cụm thi đua số 4 ngành Tổ chức xây dựng Đảng", "chair",
            "Ban Tổ chức Tỉnh ủy Bà Rịa - Vũng Tàu") in got
    assert all(r["year"] == "2021" for r in rows)


def test_sparql_ad_hoc_ask_and_construct(dist_env, tmp_path, store):
    out = run(["sparql", "ASK { ?s a <https://w3id.org/pbkg/ontology#EmulationCluster> }"],
              dist_env)
    assert out.returncode == 0 and out.stdout.strip() == "true", out.stderr
    q = tmp_path / "c.rq"
    q.write_text("CONSTRUCT { ?c a <https://w3id.org/pbkg/ontology#EmulationCluster> } "
                 "WHERE { ?c a <https://w3id.org/pbkg/ontology#EmulationCluster> }",
                 encoding="utf-8")
    out = run(["sparql", str(q), "--format", "ntriples"], dist_env)
    assert out.returncode == 0, out.stderr
    clusters = store.query("SELECT DISTINCT ?c WHERE { ?c a "
                           "<https://w3id.org/pbkg/ontology#EmulationCluster> }").rows
    assert len(clusters) >= 5
    assert len(out.stdout.strip().splitlines()) == len(clusters)


@pytest.mark.parametrize("args,needle", [
    (["query", "no-such-query"], "no named query 'no-such-query'"),
    (["query", "cluster-chairs", "--param", "year=twenty"], "parameter 'year'"),
    (["query", "cluster-chairs", "--param", "colour=red"], "parameter 'colour'"),
    (["query", "cluster-chairs", "--param", "novalue"], "KEY=VALUE"),
    (["sparql", "SELECT * WHERE { ?s ?p "], "malformed query"),
    (["sparql", "missing-file.rq"], "missing-file.rq"),
    (["validate", "does/not/exist.ttl"], "does/not/exist.ttl: no such file"),
])
def test_bad_input_gives_one_paragraph_and_no_traceback(dist_env, args, needle):
    out = run(args, dist_env)
    assert out.returncode != 0
    assert needle in out.stderr
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout


def test_validate_reports_bad_turtle_with_line(dist_env, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"x .\n",
                   encoding="utf-8")
    out = run(["validate", str(bad)], dist_env)
    assert out.returncode == 2
    assert "bad.ttl, line 3" in out.stderr
    assert "Traceback" not in out.stderr


def test_validate_project_data_passes(dist_env):
    out = run(["validate"], dist_env)
    assert out.returncode == 0, out.stdout + out.stderr


def test_export_network_formats_with_filters(dist_env, tmp_path):
    import networkx as nx

    out = tmp_path / "cum-5.graphml"
    r = run(["export", "--format", "graphml", "--cluster", "to-chuc-xay-dung-dang-cum-5",
             "-o", str(out)], dist_env)
    assert r.returncode == 0, r.stderr
    graph = nx.read_graphml(out)
    clusters = [n for n, d in graph.nodes(data=True) if d.get("type") == "cluster"]
    assert clusters == ["https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"]
    unfiltered = tmp_path / "all.graphml"
    assert run(["export", "-f", "graphml", "-o", str(unfiltered)], dist_env).returncode == 0
    assert nx.read_graphml(unfiltered).number_of_nodes() > graph.number_of_nodes()
