"""Linked data: dereferencing instance and ontology IRIs with content negotiation, the HTML
pages, the JSON-LD context, the dumps, the VoID description, public-base rewriting, and
`pbkg export`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from api.app import create_app
from pbkg.build import DUMPS, read_manifest
from pbkg.settings import Settings

BASE = "https://w3id.org/pbkg/"
ID = BASE + "id/"
PBO = rdflib.Namespace(BASE + "ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
PUBLIC = "http://localhost:8000/"

CM5 = "/id/cluster/to-chuc-xay-dung-dang-cum-5"
CHAIR_2023 = ID + "fact/xay-dung-dang-2022-12/role-2023-chair"
ARTICLE_001 = ID + "article/xay-dung-dang-2022-12"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDFLIB_FORMAT = {"text/turtle": "turtle", "application/ld+json": "json-ld",
                 "application/n-triples": "nt", "application/rdf+xml": "xml",
                 "application/trig": "trig", "application/n-quads": "nquads"}
ACCEPTS = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


def _client(store, project, dist: Path, **settings) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(dist))
        yield TestClient(create_app(settings=Settings(**settings), store=store, project=project))


@pytest.fixture(scope="module")
def client(store, built_dist, project):
    yield from _client(store, project, built_dist)


@pytest.fixture(scope="module")
def public_client(store, built_dist, project):
    yield from _client(store, project, built_dist, public_base=PUBLIC)


def parse(response) -> rdflib.Graph:
    media = response.headers["content-type"].split(";")[0]
    graph = rdflib.Graph()
    graph.parse(data=response.content, format=RDFLIB_FORMAT[media])
    return graph


def fetch(client, url: str, accept: str | None = None, status: int = 200):
    response = client.get(url, headers={"accept": accept} if accept else {})
    assert response.status_code == status, (url, accept, response.text[:300])
    return response


# Content negotiation -----------------------------------------------------------------------

@pytest.mark.parametrize("path", [CM5, "/id/person/nguyen-van-phong", "/id/province/bac-lieu",
                                  "/id/fact/xay-dung-dang-2022-12/role-2023-chair",
                                  "/id/concept/cluster-role/chair"])
def test_every_rdf_format_parses_and_all_are_isomorphic(client, path):
    graphs = []
    for accept in ACCEPTS:
        response = fetch(client, path, accept)
        assert response.headers["content-type"].startswith(accept)
        assert "Accept" in response.headers["vary"]
        graphs.append(parse(response))
    assert len(graphs[0]) > 0
    for g in graphs[1:]:
        assert isomorphic(graphs[0], g)
    # The same through ?format= and through file extensions.
    for name, ext in (("ttl", "ttl"), ("jsonld", "jsonld"), ("nt", "nt"), ("rdfxml", "rdf")):
        assert isomorphic(graphs[0], parse(fetch(client, f"{path}?format={name}")))
        assert isomorphic(graphs[0], parse(fetch(client, f"{path}.{ext}")))


def test_entity_rdf_carries_the_facts_pointing_at_it_with_provenance(client):
    g = parse(fetch(client, CM5, "text/turtle"))
    cluster = rdflib.URIRef(BASE + CM5[1:])
    assert (cluster, RDF.type, PBO.EmulationCluster) in g
    chair = rdflib.URIRef(CHAIR_2023)
    assert (chair, rdflib.URIRef("http://www.w3.org/ns/org#organization"), cluster) in g
    assert (chair, PROV.wasDerivedFrom, rdflib.URIRef(ARTICLE_001)) in g
    quotes = {str(o) for o in g.objects(chair, PBO.evidence)}
    assert quotes == {"bầu ra Cụm trưởng Cụm Thi đua số 5 năm 2023 là BTC TU Kiên Giang"}
    # The Turtle uses the project's prefixes; the JSON-LD its published context.
    text = fetch(client, CM5, "text/turtle").text
    assert "@prefix pbo: <https://w3id.org/pbkg/ontology#>" in text
    ld = fetch(client, CM5, "application/ld+json").json()
    assert ld["@context"]["pbo"] == BASE + "ontology#"
    assert ld["@context"] == fetch(client, "/context.jsonld").json()["@context"]


@pytest.mark.parametrize("accept,expected", [
    (BROWSER, "text/html"),
    ("*/*", "text/turtle"),
    (None, "text/turtle"),
    ("text/*", "text/turtle"),
    ("application/rdf+xml;q=0.5, text/turtle;q=0.4", "application/rdf+xml"),
    ("text/turtle;q=0.2, application/n-triples", "application/n-triples"),
    ("application/json", "application/ld+json"),
    ("text/html;q=0, */*;q=0.1", "text/turtle"),
])
def test_accept_with_q_values(client, accept, expected):
    response = fetch(client, CM5, accept)
    assert response.headers["content-type"].split(";")[0] == expected
    assert "Accept" in [v.strip() for v in response.headers["vary"].split(",")]


def test_format_parameter_overrides_accept(client):
    response = fetch(client, CM5 + "?format=nt", BROWSER)
    assert response.headers["content-type"].startswith("application/n-triples")


def test_nothing_acceptable_is_406(client):
    response = fetch(client, CM5, "image/png", status=406)
    assert "text/turtle" in response.text


# HTML pages --------------------------------------------------------------------------------

def test_html_page_shows_labels_facts_quotes_and_sources(client):
    html = fetch(client, CM5, BROWSER).text
    assert "<title>Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng · pbkg</title>" in html
    assert "Emulation Cluster No. 5 of the Party Organization Sector" in html
    # Property labels from the ontology, in the page's language (Vietnamese unless asked).
    assert "cấp của cụm" in html
    assert "cluster level" in fetch(client, CM5 + "?lang=en", BROWSER).text
    client.cookies.clear()  # ?lang= is remembered in a cookie: back to the default
    # Fact nodes pointing at the cluster, each with its source article and quote.
    assert "bầu ra Cụm trưởng Cụm Thi đua số 5 năm 2023 là BTC TU Kiên Giang" in html
    assert 'href="/id/article/xay-dung-dang-2022-12"' in html
    assert "Cụm Thi đua số 5 (Ban Tổ chức Trung ương) tổ chức Hội nghị tổng kết" in html
    assert 'href="/id/org/ban-to-chuc-tinh-uy-kien-giang"' in html
    assert 'href="/id/fact/xay-dung-dang-2022-12/role-2023-chair"' in html
    assert 'rel="alternate" type="text/turtle" href="/id/cluster/to-chuc-xay-dung-dang-cum-5.ttl"' \
        in html
    assert 'href="/static/pbkg.css"' in html
    assert fetch(client, "/static/pbkg.css").headers["content-type"].startswith("text/css")


def _fact_groups(html: str) -> list[tuple[int, int, int]]:
    """(count in the heading, facts shown whole, facts named) of each kind of fact."""
    section = html.split('<section aria-labelledby="facts">', 1)[1].split("</section>", 1)[0]
    out = []
    for part in section.split("<h3>")[1:]:
        count = int(re.search(r'<span class="count">\((\d+)\)', part).group(1))
        named = part.split('<ul class="named-facts">', 1)
        names = named[1].split("</ul>", 1)[0].count("<li") if len(named) > 1 else 0
        out.append((count, part.count('<article class="fact'), names))
    return out


def test_entity_page_shows_each_kinds_first_facts_whole_and_names_the_rest(client):
    """A page is bounded whatever the number of facts: the first FACT_CARDS of each kind whole,
    the others listed by name (each a link); ?facts=all shows them all whole."""
    from pbkg.linked_data import FACT_CARDS

    html = fetch(client, CM5, BROWSER).text
    groups = _fact_groups(html)
    assert any(count > FACT_CARDS for count, _, _ in groups)  # the case is exercised
    for count, whole, named in groups:
        assert whole == min(count, FACT_CARDS) and whole + named == count
    hidden = sum(named for _, _, named in groups)
    link = re.search(r'<p class="all-facts"><a href="([^"]+)">[^<]*\((\d+)\)</a>', html)
    assert link and int(link.group(2)) == hidden
    assert link.group(1) == CM5 + "?facts=all#facts"
    everything = fetch(client, link.group(1).split("#")[0], BROWSER).text
    assert [(c, w, n) for c, w, n in _fact_groups(everything)] == [
        (c, c, 0) for c, _, _ in groups]
    assert 'class="all-facts"' not in everything
    # Other parameters are kept in the link; a bad value is refused with a message.
    english = fetch(client, CM5 + "?lang=en", BROWSER).text
    client.cookies.clear()
    assert CM5 + "?lang=en&amp;facts=all#facts" in english
    refused = client.get(CM5 + "?facts=some", headers={"Accept": "application/json"})
    assert refused.status_code == 422 and "facts" in refused.text


def test_html_marks_inferred_facts(client):
    html = fetch(client, "/id/cluster/ha-nam-khoi-ban-xay-dung-dang", BROWSER).text
    assert '<span class="badge inferred">suy ra</span>' in html
    assert "Unit inferred: the source gives the chair role to Trần Đức Thuần" in html


def test_fact_node_page_shows_its_own_properties_and_provenance(client):
    html = fetch(client, "/id/fact/xay-dung-dang-2022-12/role-2023-chair", BROWSER).text
    assert "Nguồn và trích dẫn" in html
    assert "<h1>Cụm trưởng Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng năm 2023: " \
        "Ban Tổ chức Tỉnh ủy Kiên Giang</h1>" in html
    assert "bầu ra Cụm trưởng Cụm Thi đua số 5 năm 2023 là BTC TU Kiên Giang" in html
    assert 'href="/id/org/ban-to-chuc-tinh-uy-kien-giang"' in html
    assert 'href="/id/concept/cluster-role/chair"' in html
    assert 'href="/id/article/xay-dung-dang-2022-12"' in html


def test_referenced_by_lists_incoming_links(client):
    html = fetch(client, "/id/province/bac-lieu", BROWSER).text
    assert "Được nhắc đến bởi" in html
    assert 'href="/id/org/tinh-uy-bac-lieu"' in html
    assert 'href="/id/change/2025-ca-mau"' in html


# Unknown IRIs ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/id/cluster/no-such-cluster", "/id/org/Bad_Slug",
                                  "/id/nothing", "/id/cluster/to-chuc-xay-dung-dang-cum-5.docx",
                                  "/ontology.docx", "/dumps/pbkg.zip", "/dumps/manifest.json"])
def test_unknown_is_404_html_for_browsers_problem_details_otherwise(client, path):
    page = fetch(client, path, BROWSER, status=404)
    assert page.headers["content-type"].startswith("text/html")
    assert "Không tìm thấy" in page.text and 'role="search"' in page.text
    text = fetch(client, path, "text/turtle", status=404)
    assert text.headers["content-type"] == "application/problem+json"
    body = text.json()
    assert body["status"] == 404 and body["title"] == "Not Found" and body["detail"]


def test_unknown_format_parameter_is_422(client):
    fetch(client, CM5 + "?format=docx", status=422)


# Ontology --------------------------------------------------------------------------------------

def test_ontology_and_its_terms_dereference(client):
    ttl = parse(fetch(client, "/ontology", "text/turtle"))
    assert (PBO.EmulationCluster, RDFS.label, rdflib.Literal("emulation cluster or block",
                                                             lang="en")) in ttl
    assert (rdflib.URIRef(BASE + "ontology"), RDF.type,
            rdflib.URIRef("http://www.w3.org/2002/07/owl#Ontology")) in ttl
    for ext in ("jsonld", "nt", "rdf"):
        assert isomorphic(ttl, parse(fetch(client, f"/ontology.{ext}")))
    html = fetch(client, "/ontology", BROWSER).text
    # https://w3id.org/pbkg/ontology#EmulationCluster lands on its anchor.
    assert 'id="EmulationCluster"' in html and 'id="evidence"' in html
    assert "A statement taken from a source article" in html
    assert fetch(client, "/ontology.html").headers["content-type"].startswith("text/html")


# Dumps -----------------------------------------------------------------------------------------

def test_dumps_index_lists_every_dump(client, built_dist):
    listing = fetch(client, "/dumps/", "application/json").json()
    assert {f["filename"] for f in listing["files"]} == {spec[0] for spec in DUMPS.values()}
    assert listing["triples"] == read_manifest(built_dist)["triples"]
    html = fetch(client, "/dumps/", BROWSER).text
    for filename, _, _ in DUMPS.values():
        assert f'href="/dumps/{filename}"' in html
    assert fetch(client, "/dumps", BROWSER).status_code == 200


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_dumps_download_with_media_type_and_parse(client, built_dist, name):
    filename, fmt, dataset = DUMPS[name]
    response = fetch(client, f"/dumps/{filename}")
    assert response.headers["content-type"].split(";")[0] == fmt.media_type
    assert response.content == (built_dist / filename).read_bytes()
    manifest = read_manifest(built_dist)
    if dataset:
        ds = rdflib.Dataset()
        ds.parse(data=response.content, format=RDFLIB_FORMAT[fmt.media_type])
        # Quads, not len(ds): that counts distinct triples, and a node several sources state
        # identically (a pbo:Period, id/period/2020) has the same triple in several graphs.
        assert sum(1 for _ in ds.quads((None, None, None, None))) == manifest["quads"]
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert graphs == set(manifest["graphs"])
    else:
        assert len(parse(response)) == manifest["triples"]


# VoID --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def union(built_dist) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(built_dist / "pbkg.nt", format="nt")
    return graph


def test_void_counts_equal_the_store(client, union, built_dist):
    g = parse(fetch(client, "/.well-known/void"))
    (ds,) = set(g.subjects(RDF.type, VOID.Dataset)) & set(g.subjects(RDF.type, DCAT.Dataset))

    def count(prop) -> int:
        return int(g.value(ds, VOID[prop]))

    assert count("triples") == len(union) == read_manifest(built_dist)["triples"]
    assert count("classes") == len(set(union.objects(None, RDF.type)))
    assert count("properties") == len(set(union.predicates()))
    assert count("distinctSubjects") == len(set(union.subjects()))
    assert count("distinctObjects") == len(set(union.objects()))
    assert count("entities") == len({s for s in union.subjects() if str(s).startswith(ID)})
    assert g.value(ds, DCT.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert {str(t) for t in g.objects(ds, DCT.title)} >= {"Party-building knowledge graph"}
    assert g.value(ds, VOID.sparqlEndpoint) == rdflib.URIRef(BASE + "sparql")
    assert str(g.value(ds, VOID.uriSpace)) == ID
    dumps = {str(d) for d in g.objects(ds, VOID.dataDump)}
    assert dumps == {BASE + "dumps/" + spec[0] for spec in DUMPS.values()}
    media = {str(g.value(dist, DCT["format"])) for dist in g.objects(ds, DCAT.distribution)}
    assert media == {spec[1].media_type for spec in DUMPS.values()}
    vocabularies = {str(v) for v in g.objects(ds, VOID.vocabulary)}
    assert {"http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", BASE + "ontology#",
            "http://www.w3.org/2004/02/skos/core#", "https://schema.org/",
            "http://purl.org/dc/terms/"} <= vocabularies
    subsets = {str(s): int(g.value(s, VOID.triples)) for s in g.objects(ds, VOID.subset)}
    assert set(subsets) == set(read_manifest(built_dist)["graphs"])
    assert sum(subsets.values()) == read_manifest(built_dist)["quads"]


def test_void_by_negotiation(client):
    turtle = parse(fetch(client, "/.well-known/void"))
    assert fetch(client, "/.well-known/void").headers["content-type"].startswith("text/turtle")
    for accept in ("application/ld+json", "application/n-triples", "application/rdf+xml"):
        assert isomorphic(turtle, parse(fetch(client, "/.well-known/void", accept)))


# Public base -------------------------------------------------------------------------------------

def test_without_public_base_links_are_root_relative_and_rdf_canonical(client):
    html = fetch(client, CM5, BROWSER).text
    assert re.search(r'href="https://w3id\.org/pbkg/', html) is None
    assert 'href="/id/org/ban-to-chuc-trung-uong"' in html
    assert f"<{BASE}id/cluster/to-chuc-xay-dung-dang-cum-5>" in fetch(client, CM5 + ".nt").text


def test_public_base_rewrites_every_representation(public_client):
    html = fetch(public_client, CM5, BROWSER).text
    assert "https://w3id.org/pbkg/" not in html
    assert f'href="{PUBLIC}id/org/ban-to-chuc-trung-uong"' in html
    assert f'href="{PUBLIC}static/pbkg.css"' in html
    nt = fetch(public_client, CM5 + ".nt").text
    assert "https://w3id.org/pbkg/" not in nt
    assert f"<{PUBLIC}id/cluster/to-chuc-xay-dung-dang-cum-5>" in nt
    ttl = fetch(public_client, CM5, "text/turtle").text
    assert f"@prefix pbo: <{PUBLIC}ontology#>" in ttl
    ld = fetch(public_client, CM5, "application/ld+json").json()
    assert ld["@context"]["id"] == PUBLIC + "id/"
    assert fetch(public_client, "/context.jsonld").json()["@context"]["pbo"] == PUBLIC + "ontology#"
    void = parse(fetch(public_client, "/.well-known/void"))
    assert (None, VOID.sparqlEndpoint, rdflib.URIRef(PUBLIC + "sparql")) in void
    assert "https://w3id.org/pbkg/" not in fetch(public_client, "/.well-known/void").text
    dump = fetch(public_client, "/dumps/pbkg.nt").text
    assert "https://w3id.org/pbkg/" not in dump and f"<{PUBLIC}id/" in dump
    listing = fetch(public_client, "/dumps/", "application/json").json()
    assert listing["files"][0]["url"].startswith(PUBLIC + "dumps/")
    onto = fetch(public_client, "/ontology", "text/turtle").text
    assert f"<{PUBLIC}ontology>" in onto or f"@prefix pbo: <{PUBLIC}ontology#>" in onto


def test_public_base_isomorphic_to_canonical_after_renaming(client, public_client):
    canonical = fetch(client, CM5 + ".nt").text
    public = fetch(public_client, CM5 + ".nt").text
    a = rdflib.Graph().parse(data=canonical.replace(BASE, PUBLIC), format="nt")
    b = rdflib.Graph().parse(data=public, format="nt")
    assert isomorphic(a, b)


# pbkg export ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DUMPS))
def test_export_writes_the_same_dumps(built_dist, tmp_path, monkeypatch, name):
    from pbkg.cli import main

    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    out = tmp_path / f"out.{name}"
    assert main(["export", "--format", name, "-o", str(out)]) == 0
    assert out.read_bytes() == (built_dist / DUMPS[name][0]).read_bytes()


def test_export_format_table_is_extensible(built_dist, tmp_path, monkeypatch):
    from pbkg import export

    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    fmt = export.ExportFormat("count-json", "json", "application/json", "a test format",
                              lambda ctx, out: out.write(json.dumps(
                                  {"quads": len(ctx.store())}).encode()))
    monkeypatch.setitem(export.FORMATS, fmt.name, fmt)
    out = tmp_path / "count.json"
    export.export("count-json", out)
    assert json.loads(out.read_text())["quads"] == read_manifest(built_dist)["quads"]
    with pytest.raises(export.InvalidParameter):
        export.export("graphml-not-yet", out)


def test_head_requests(client):
    for path in (CM5, "/ontology", "/ontology.ttl"):
        response = client.head(path, headers={"accept": "text/turtle"})
        assert response.status_code == 200 and response.content == b""
        assert response.headers["content-type"].startswith("text/turtle")
        assert response.headers["vary"] == "Accept"
    assert client.head("/id/cluster/no-such-cluster").status_code == 404
    dump = client.head("/dumps/pbkg.nq")
    assert dump.status_code == 200 and dump.headers["content-type"] == "application/n-quads"
