"""Every evidence quote occurs in its article, after Unicode NFC normalization only: a quote keeps
the source's characters, white space included (a non-breaking space stays one)."""

import unicodedata

import rdflib

from pbkg.namespaces import PBO, PROV


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_every_quote_is_in_its_article(project, built_dist, shared_dir):
    union = rdflib.Graph().parse(built_dist / "pbkg.nt", format="nt")
    texts: dict[str, str] = {}
    for article, source_file in union.subject_objects(PBO.sourceFile):
        texts[str(article)] = _norm((shared_dir / str(source_file)).read_text(encoding="utf-8"))
    assert len(texts) >= 5
    checked = 0
    missing = []
    for fact, quote in union.subject_objects(PBO.evidence):
        for article in union.objects(fact, PROV.wasDerivedFrom):
            if str(article) not in texts:
                continue
            checked += 1
            if _norm(str(quote)) not in texts[str(article)]:
                missing.append((str(fact), str(quote)))
    assert checked > 100
    assert not missing, missing


def test_every_fact_has_source_and_evidence(store):
    rows = store.query("""
        PREFIX pbo: <https://w3id.org/pbkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?fact WHERE {
          ?fact a ?cls . ?cls rdfs:subClassOf* pbo:Fact .
          FILTER NOT EXISTS { ?fact prov:wasDerivedFrom ?a ; pbo:evidence ?e }
        }""").rows
    assert rows == []
