"""The README's server recipes are the ones the tests run (tests/sparql_servers.py): the same
Virtuoso ini, Fuseki configuration, Jena class path and Oxigraph options, so that what the
README tells is what was tested."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import rdflib
import rdflib.compare
from sparql_servers import (
    FUSEKI_CONFIG,
    JENA_JARS,
    VIRTUOSO_DEFAULT_GRAPH,
    VIRTUOSO_INI,
    oxigraph_command,
)

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def heredoc(tag: str) -> str:
    """The text of the README's `<<'TAG'` here-document."""
    match = re.search(rf"<<'{tag}'\n(.*?)\n{tag}\n", README, re.S)
    assert match, f"no <<'{tag}' block in the README"
    return match.group(1)


def test_virtuoso_ini():
    tested = VIRTUOSO_INI.format(db=".", sql_port=1111, http_port=8890).replace("./", "")
    assert heredoc("INI").split() == tested.split()


def test_virtuoso_default_graph_setting():
    statement = VIRTUOSO_DEFAULT_GRAPH.format(host="127.0.0.1:8890")
    assert f'isql-vt 1111 dba dba exec="{statement}"' in README.splitlines()


def test_fuseki_configuration():
    told = rdflib.Graph().parse(data=heredoc("TTL"), format="turtle",
                                publicID="file:///fuseki.ttl")
    tested = rdflib.Graph().parse(data=FUSEKI_CONFIG.format(location="/tmp/pbkg-tdb2"),
                                  format="turtle", publicID="file:///fuseki.ttl")
    assert rdflib.compare.isomorphic(told, tested) and len(tested) > 10


def test_jena_class_path():
    match = re.search(r'jars="([^"]*)"', README)
    assert match and match.group(1).split() == JENA_JARS


def test_oxigraph_command():
    line = next(x for x in README.splitlines() if x.startswith("oxigraph serve"))
    assert shlex.split(line.rstrip(" &")) == oxigraph_command("oxigraph", Path("/tmp/pbkg-db"),
                                                              7878, union=True)
