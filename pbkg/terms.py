"""Conversions between pyoxigraph terms, rdflib terms and SPARQL 1.1 JSON result terms.

Query results travel as SPARQL JSON term dicts ({"type", "value", "datatype", "xml:lang"}): it is
what a remote endpoint returns, so the embedded and remote stores give the same shape.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import rdflib

JsonTerm = dict[str, str]


def ox_to_json(term: Any) -> JsonTerm:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: JsonTerm = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    raise TypeError(f"unsupported term {term!r}")


def json_to_ox(term: JsonTerm) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = term["type"]
    if kind == "uri":
        return ox.NamedNode(term["value"])
    if kind == "bnode":
        return ox.BlankNode(term["value"])
    if "xml:lang" in term:
        return ox.Literal(term["value"], language=term["xml:lang"])
    if "datatype" in term:
        return ox.Literal(term["value"], datatype=ox.NamedNode(term["datatype"]))
    return ox.Literal(term["value"])


def rdflib_to_json(term: rdflib.term.Node) -> JsonTerm:
    if isinstance(term, rdflib.URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, rdflib.BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, rdflib.Literal):
        out: JsonTerm = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != str(rdflib.XSD.string):
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"unsupported term {term!r}")


def json_to_rdflib(term: JsonTerm) -> rdflib.term.Node:
    kind = term["type"]
    if kind == "uri":
        return rdflib.URIRef(term["value"])
    if kind == "bnode":
        return rdflib.BNode(term["value"])
    return rdflib.Literal(term["value"], lang=term.get("xml:lang"),
                          datatype=term.get("datatype") if "xml:lang" not in term else None)


def rdflib_graph_to_ox(graph: rdflib.Graph) -> list[ox.Triple]:
    """Through N-Triples: exact, and fast enough for the sizes we convert."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return [t for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def ox_triples_to_rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph
