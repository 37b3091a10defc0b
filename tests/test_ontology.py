"""Every local term has one label and one definition in each of Vietnamese and English."""

import unicodedata

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pbkg.namespaces import PBO


def test_every_term_is_labelled_and_defined_in_vi_and_en(project):
    g = rdflib.Graph()
    for f in project.ontology.glob("*.ttl"):
        g.parse(f)
    terms = {s for s in g.subjects(RDF.type, None)
             if isinstance(s, rdflib.URIRef) and str(s).startswith(str(PBO))}
    assert len(terms) > 60
    for term in terms:
        for pred in (RDFS.label, SKOS.definition):
            langs = sorted(o.language for o in g.objects(term, pred))
            assert langs == ["en", "vi"], (term, pred, langs)
    for _, _, o in g:
        if isinstance(o, rdflib.Literal) and isinstance(o.value, str):
            assert unicodedata.is_normalized("NFC", str(o)), o


def test_local_classes_extend_standard_vocabularies(project):
    g = rdflib.Graph().parse(project.ontology / "pbkg.ttl")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    assert (PBO.EmulationCluster, RDFS.subClassOf, org.OrganizationalCollaboration) in g
    assert (PBO.ClusterMembership, RDFS.subClassOf, org.Membership) in g
    assert (PBO.ProvinceChange, RDFS.subClassOf, org.ChangeEvent) in g
    assert (PBO.Fact, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert (PBO.Fact, RDF.type, OWL.Class) in g
