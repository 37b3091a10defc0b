"""RDF namespaces used across pbkg. Terms themselves live in ontology/*.ttl."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/pbkg/"
PBO = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
CONCEPT = Namespace(BASE + "id/concept/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
PBS = Namespace(BASE + "shapes#")

PREFIXES: dict[str, str] = {
    "pbo": str(PBO),
    "id": str(ID),
    "c": str(CONCEPT),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

__all__ = [
    "BASE", "PBO", "ID", "GRAPH", "CONCEPT", "ORG", "SCHEMA", "SH", "PBS", "PREFIXES",
    "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
]

# Prefixes for the dumps and readable outputs: the vocabularies plus short ones for instance kinds.
SERIALIZATION_PREFIXES = {
    **PREFIXES,
    "cl": "https://w3id.org/pbkg/id/cluster/",
    "o": "https://w3id.org/pbkg/id/org/",
    "pr": "https://w3id.org/pbkg/id/province/",
    "pe": "https://w3id.org/pbkg/id/person/",
    "po": "https://w3id.org/pbkg/id/post/",
    "doc": "https://w3id.org/pbkg/id/document/",
    "art": "https://w3id.org/pbkg/id/article/",
    "conf": "https://w3id.org/pbkg/id/conference/",
    "g": "https://w3id.org/pbkg/graph/",
}
