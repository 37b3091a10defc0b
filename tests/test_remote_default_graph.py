"""A server whose default graph is not the union of the named graphs: pbkg names the setting to
change on that server instead of answering zero rows, and that setting fixes it.

Per server: Oxigraph here (served without --union-default-graph, then restarted with it);
Virtuoso with an endpoint default graph in test_remote_store.py (its fixture's server); Jena's
engine without its union setting in test_remote_jena.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sparql_servers import start_oxigraph

from pbkg.load import load_build
from pbkg.remote import DefaultGraphEmpty, RemoteStore

CLUSTERS = "SELECT ?c WHERE { ?c a <https://w3id.org/pbkg/ontology#EmulationCluster> }"


def test_oxigraph_without_union_default_graph(built_dist: Path, tmp_path: Path):
    server = start_oxigraph(tmp_path, union=False)
    try:
        load_build(server.load_url, built_dist)
        with pytest.raises(DefaultGraphEmpty) as raised:
            RemoteStore(server.query_url, timeout=30).query(CLUSTERS)
        message = str(raised.value)
        assert "oxigraph serve --union-default-graph" in message
        assert "Virtuoso" not in message and "Fuseki" not in message  # this server's fix only
        assert "127.0.0.1" not in message
        run = subprocess.run([sys.executable, "-m", "pbkg.cli", "query", "cluster-chairs"],
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PBKG_SPARQL_ENDPOINT": server.query_url})
        assert run.returncode == 2 and "--union-default-graph" in run.stderr, run.stderr
        assert "0 rows" not in run.stdout
    finally:
        server.stop()
    # the fix it gives: the same database served with the union default graph
    server = start_oxigraph(tmp_path, union=True)
    try:
        assert len(RemoteStore(server.query_url, timeout=30).query(CLUSTERS).rows) > 5
    finally:
        server.stop()


def test_an_empty_server_is_not_misread(tmp_path: Path):
    """No pbkg graph on the server at all: an empty answer is just that."""
    server = start_oxigraph(tmp_path, union=False)
    try:
        assert RemoteStore(server.query_url, timeout=30).query(CLUSTERS).rows == []
    finally:
        server.stop()
