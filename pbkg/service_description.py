"""The SPARQL 1.1 Service Description of the endpoint (sd:Service), as RDF triples."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .formats import GRAPH_FORMATS, RESULT_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
# W3C format IRIs (https://www.w3.org/ns/formats/) by pbkg format name.
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples",
    "jsonld": "JSON-LD", "rdfxml": "RDF_XML",
}


PREFIXES = {"sd": SD, "formats": FORMATS_NS, "dct": "http://purl.org/dc/terms/"}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def service_description(endpoint: str, named_graphs: Iterable[str], *,
                        updates: bool = False) -> list[ox.Triple]:
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("defaultGraph")
    t = ox.Triple
    out = [
        t(service, RDF_TYPE, _sd("Service")),
        t(service, DCT_TITLE, ox.Literal("pbkg: party-building knowledge graph", language="en")),
        t(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        t(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        t(service, _sd("feature"), _sd("UnionDefaultGraph")),
        t(service, _sd("defaultDataset"), dataset),
        t(dataset, RDF_TYPE, _sd("Dataset")),
        t(dataset, _sd("defaultGraph"), default),
        t(default, RDF_TYPE, _sd("Graph")),
    ]
    if updates:
        out.append(t(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    for fmt in RESULT_FORMATS + GRAPH_FORMATS:
        out.append(t(service, _sd("resultFormat"),
                     ox.NamedNode(FORMATS_NS + FORMAT_IRIS[fmt.name])))
    for i, graph in enumerate(sorted(named_graphs)):
        node = ox.BlankNode(f"graph{i}")
        out += [t(dataset, _sd("namedGraph"), node), t(node, RDF_TYPE, _sd("NamedGraph")),
                t(node, _sd("name"), ox.NamedNode(graph))]
    return out
