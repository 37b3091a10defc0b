"""The reviewed extracted files (data/extracted/*.ttl): each names its article's text in the shared
corpus, each fact's quote sits at its offsets in that text, a fact says how it was found, and the
leadership roles they state all have a unit."""

import unicodedata
from pathlib import Path

import pytest
import rdflib

from pbkg.catalog import load_catalog
from pbkg.extract.article import read_article
from pbkg.extract.doc import Doc
from pbkg.namespaces import PBO

SCHEMA = rdflib.Namespace("https://schema.org/")
RULES = "pbkg-rules/"
MANUAL = "manual-review"


def _files(project) -> list[Path]:
    files = sorted(project.extracted.glob("*.ttl"))
    if not files:
        pytest.skip("no extracted files in this checkout")
    return files


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _source(graph: rdflib.Graph, path: Path) -> str:
    articles = set(graph.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))
    assert len(articles) == 1, f"{path.name}: {len(articles)} articles"
    sources = list(graph.objects(articles.pop(), PBO.sourceFile))
    assert len(sources) == 1, f"{path.name}: the article names {len(sources)} source files"
    return str(sources[0])


def test_every_extracted_file_names_its_text_in_the_shared_corpus(project, shared_dir):
    for path in _files(project):
        source = _source(rdflib.Graph().parse(path, format="turtle"), path)
        assert source.startswith("corpus/") and (shared_dir / source).is_file(), (path.name, source)


def test_every_extracted_fact_quotes_its_article_at_its_offsets(project, shared_dir):
    """The offsets index the article body as the extractor reads it (the text after the header,
    NFC, invisible characters removed); the quote at them is one of the fact's pbo:evidence."""
    checked = 0
    wrong = []
    for path in _files(project):
        graph = rdflib.Graph().parse(path, format="turtle")
        text = Doc(read_article(shared_dir / _source(graph, path)).text).text
        for fact in set(graph.subjects(PBO.evidenceStart)):
            start = int(graph.value(fact, PBO.evidenceStart))
            end = int(graph.value(fact, PBO.evidenceEnd))
            quotes = {_nfc(str(q)) for q in graph.objects(fact, PBO.evidence)}
            checked += 1
            if not 0 <= start < end <= len(text) or text[start:end] not in quotes:
                wrong.append((path.name, str(fact), text[start:end][:60]))
    assert checked > 100
    assert not wrong, wrong


def test_every_extracted_fact_says_how_it_was_found(project):
    """A fact carries one method: the extractor's (with at most one confidence; a reviewer who
    corrects it may drop the confidence) or manual-review for one a reviewer added, which has no
    confidence."""
    bad = []
    for path in _files(project):
        graph = rdflib.Graph().parse(path, format="turtle")
        for fact in set(graph.subjects(PBO.evidence)):
            methods = [str(m) for m in graph.objects(fact, PBO.extractionMethod)]
            confidence = list(graph.objects(fact, PBO.extractionConfidence))
            if len(methods) != 1:
                bad.append((path.name, str(fact), methods))
            elif methods[0] == MANUAL and confidence:
                bad.append((path.name, str(fact), "manual-review with a confidence"))
            elif methods[0].startswith(RULES) and len(confidence) > 1:
                bad.append((path.name, str(fact), "several confidences"))
            elif methods[0] != MANUAL and not methods[0].startswith(RULES):
                bad.append((path.name, str(fact), methods[0]))
    assert not bad, bad


def test_every_leadership_role_has_a_unit(project, store):
    query = load_catalog(project.queries)["cluster-chairs"]
    rows = store.query(query.render({})).rows
    sources = {r["source"]["value"].rsplit("/", 1)[-1] for r in rows}
    assert {p.stem for p in project.extracted.glob("dev-*.ttl")} & sources
    assert [r for r in rows if not r.get("unit", {}).get("value")] == []
