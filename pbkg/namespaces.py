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
