"""The SPARQL endpoint and the named queries over HTTP, in-process (TestClient) on the real build:
every protocol variant and format, the refusals and the limits, the editor page."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic
from test_queries import CASES, _value

from api.app import create_app
from pbkg.settings import Settings
from pbkg.store import EmbeddedStore

SRX = "{http://www.w3.org/2005/sparql-results#}"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PREFIXES = """PREFIX pbo: <https://w3id.org/pbkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
CLUSTERS = PREFIXES + """SELECT ?cluster ?label WHERE {
  ?cluster a pbo:EmulationCluster ; rdfs:label ?label . FILTER(LANG(?label) = "vi")
} ORDER BY ?cluster"""
CUM5 = "https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"
DESCRIBE = f"DESCRIBE <{CUM5}>"
CONSTRUCT = PREFIXES + """CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a pbo:EmulationCluster ;
  rdfs:label ?l }"""
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
REFERENCE = "https://w3id.org/pbkg/graph/reference"


@pytest.fixture(scope="module")
def api_store(built_dist: Path):
    store = EmbeddedStore.from_dist(built_dist)
    store.start_workers()
    yield store
    store.close()


def make_client(store, **settings) -> TestClient:
    base = {"query_timeout": 10.0, "result_limit": 10_000}
    return TestClient(create_app(Settings(**{**base, **settings}), store=store))


@pytest.fixture(scope="module")
def client(api_store):
    return make_client(api_store)


def _bindings(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


# --- the protocol's three ways to send a query --------------------------------------------------


def test_get_post_form_and_direct_post_agree_with_the_store(client, api_store):
    expected = api_store.query(CLUSTERS).rows
    assert len(expected) >= 5
    got_get = _bindings(client.get("/sparql", params={"query": CLUSTERS}))
    got_form = _bindings(client.post("/sparql", data={"query": CLUSTERS}))
    got_direct = _bindings(client.post("/sparql", content=CLUSTERS.encode(),
                                       headers={"Content-Type": "application/sparql-query"}))
    assert got_get == got_form == got_direct == expected
    assert {"type": "uri", "value": CUM5} in [row["cluster"] for row in got_get]


def test_default_response_is_sparql_json(client):
    r = client.get("/sparql", params={"query": CLUSTERS})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert r.json()["head"]["vars"] == ["cluster", "label"]
    assert "Accept" in r.headers["vary"]


# --- formats ----------------------------------------------------------------------------------


def test_select_as_xml_csv_tsv(client, api_store):
    expected = api_store.query(CLUSTERS)
    labels = expected.values("label")

    r = client.get("/sparql", params={"query": CLUSTERS},
                   headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(r.content)
    results = root.findall(f"{SRX}results/{SRX}result")
    assert [res.find(f"{SRX}binding[@name='label']/{SRX}literal").text
            for res in results] == labels
    assert results[0].find(f"{SRX}binding[@name='label']/{SRX}literal").get(
        "{http://www.w3.org/XML/1998/namespace}lang") == "vi"

    r = client.get("/sparql", params={"query": CLUSTERS}, headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["label"] for row in rows] == labels
    assert rows[0]["cluster"].startswith("https://w3id.org/pbkg/id/cluster/")

    r = client.get("/sparql", params={"query": CLUSTERS},
                   headers={"Accept": "text/tab-separated-values"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    lines = r.text.rstrip("\n").split("\n")
    assert lines[0] == "?cluster\t?label"
    assert len(lines) == len(labels) + 1
    assert lines[1].split("\t")[1].endswith("@vi")


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json;q=0.2, text/csv;q=0.9", "text/csv"),
    ("text/csv;q=0.1, application/sparql-results+xml", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("application/json", "application/sparql-results+json"),
    ("image/png, text/tab-separated-values;q=0.5", "text/tab-separated-values"),
    ("text/csv;q=0, */*;q=0.1", "application/sparql-results+json"),
])
def test_accept_with_q_values(client, accept, expected):
    r = client.get("/sparql", params={"query": CLUSTERS}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == expected


def test_format_parameter_overrides_accept(client):
    r = client.get("/sparql", params={"query": CLUSTERS, "format": "csv"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.headers["content-type"].startswith("text/csv")
    r = client.post("/sparql", data={"query": CLUSTERS, "format": "tsv"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")


def test_ask_as_json_and_xml(client):
    ask = PREFIXES + f"ASK {{ <{CUM5}> a pbo:EmulationCluster }}"
    assert client.get("/sparql", params={"query": ask}).json() == {"head": {}, "boolean": True}
    no = PREFIXES + "ASK { <https://w3id.org/pbkg/id/cluster/none> ?p ?o }"
    assert client.get("/sparql", params={"query": no}).json()["boolean"] is False
    r = client.get("/sparql", params={"query": ask},
                   headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(r.content).find(f"{SRX}boolean").text == "true"


def _expected_graph(store, query: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in store.query(query).triples:
        graph.add(tuple(rdflib_term(t) for t in (s, p, o)))
    return graph


def rdflib_term(term):
    from pbkg.terms import json_to_rdflib

    return json_to_rdflib(term)


@pytest.mark.parametrize("accept, media, rdflib_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    (None, "text/turtle", "turtle"),
])
@pytest.mark.parametrize("query", [DESCRIBE, CONSTRUCT], ids=["describe", "construct"])
def test_graph_results_in_every_rdf_format(client, api_store, query, accept, media,
                                           rdflib_format):
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": query}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    got = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    expected = _expected_graph(api_store, query)
    assert len(expected) > 5
    assert isomorphic(got, expected)


def test_graph_format_by_name(client):
    r = client.get("/sparql", params={"query": DESCRIBE, "format": "jsonld"})
    assert r.headers["content-type"].startswith("application/ld+json")
    assert any(node.get("@id") == CUM5 for node in json.loads(r.content))


@pytest.mark.parametrize("query, headers, params", [
    (CLUSTERS, {"Accept": "image/png"}, {}),
    (DESCRIBE, {"Accept": "text/csv"}, {}),
    (DESCRIBE, {}, {"format": "csv"}),
    (CLUSTERS, {}, {"format": "turtle"}),
    (CLUSTERS, {"Accept": "application/sparql-results+json;q=0"}, {}),
])
def test_unacceptable_format_is_406(client, query, headers, params):
    r = client.get("/sparql", params={"query": query, **params}, headers=headers)
    assert r.status_code == 406
    assert r.json()["type"] == "urn:pbkg:problem:not-acceptable"
    assert "offers" in r.json()["detail"] or "use one of" in r.json()["detail"]


# --- dataset ---------------------------------------------------------------------------------


def test_default_graph_uri_and_named_graph_uri(client, api_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    in_graph = api_store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{REFERENCE}> "
                               "{ ?s ?p ?o } }").values("n")[0]
    everything = api_store.query(count).values("n")[0]
    assert 0 < int(in_graph) < int(everything)
    got = _bindings(client.get("/sparql", params={"query": count,
                                                  "default-graph-uri": REFERENCE}))
    assert got[0]["n"]["value"] == in_graph
    got = _bindings(client.post("/sparql", data={"query": count,
                                                 "default-graph-uri": REFERENCE}))
    assert got[0]["n"]["value"] == in_graph
    got = _bindings(client.post(f"/sparql?default-graph-uri={REFERENCE}", content=count,
                                headers={"Content-Type": "application/sparql-query"}))
    assert got[0]["n"]["value"] == in_graph
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    got = _bindings(client.get("/sparql", params={"query": graphs,
                                                  "named-graph-uri": REFERENCE}))
    assert [row["g"]["value"] for row in got] == [REFERENCE]
    assert len(_bindings(client.get("/sparql", params={"query": graphs}))) == \
        len(api_store.named_graphs()) > 2


@pytest.mark.parametrize("clause", [
    "FROM <{g}>", "FROM<{g}>", "from # the reference graph\n <{g}>", "FROM ref:",
])
def test_from_clause_is_honoured(client, api_store, clause):
    """Written any way the grammar allows (the store looks for FROM before it parses)."""
    prefix = f"PREFIX ref: <{REFERENCE}>\n"
    query = f"{prefix}SELECT (COUNT(*) AS ?n) {clause.format(g=REFERENCE)} WHERE {{ ?s ?p ?o }}"
    expected = api_store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{REFERENCE}> "
                               "{ ?s ?p ?o } }").values("n")[0]
    everything = api_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values("n")[0]
    assert int(expected) < int(everything)
    assert _bindings(client.get("/sparql", params={"query": query}))[0]["n"]["value"] == expected


# --- service description and editor -------------------------------------------------------------


def test_service_description(client, api_store):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = g.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert service is not None
    assert g.value(service, sd.endpoint) == rdflib.URIRef("http://testserver/sparql")
    assert (service, sd.feature, sd.UnionDefaultGraph) in g
    assert (service, sd.resultFormat,
            rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON")) in g
    names = {str(n) for n in g.objects(None, sd.name)}
    assert names == set(api_store.named_graphs())
    # curl's */* gets it too; a results-only Accept without a query is a 400 with a hint
    assert client.get("/sparql").headers["content-type"].startswith("text/turtle")
    r = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400 and "no query" in r.json()["detail"]


def test_editor_page_with_vendored_yasgui(client, project):
    r = client.get("/sparql", headers={"Accept": BROWSER})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    # Assets: script sources and <link> targets (plain links to other sites are not assets).
    refs = (re.findall(r"""src\s*=\s*["']([^"']+)["']""", page)
            + re.findall(r"""<link[^>]*href\s*=\s*["']([^"']+)["']""", page))
    assets = [ref for ref in refs if ref != "#" and not ref.startswith("data:")]
    assert any(ref.endswith("yasgui.min.js") for ref in assets)
    assert any(ref.endswith("yasgui.min.css") for ref in assets)
    for ref in assets:
        assert not re.match(r"^(https?:)?//", ref), f"external reference {ref}"
        asset = client.get("/" + ref.lstrip("/"))
        assert asset.status_code == 200, ref
        assert len(asset.content) > (10_000 if "yasgui" in ref else 100), ref
    assert client.get("/static/yasgui/yasgui.min.js").headers["content-type"].startswith(
        "text/javascript")
    assert client.get("/static/yasgui/../../app.py").status_code == 404
    # every named query is offered as an example, its text embedded for the editor
    examples = json.loads(re.search(r'<script id="pbkg-examples" type="application/json">'
                                    r"(.*?)</script>", page, re.S).group(1))
    names = {path.stem for path in project.queries.glob("*.rq")}
    assert {e["name"] for e in examples} == names
    chairs = next(e for e in examples if e["name"] == "cluster-chairs")
    assert chairs["query"] == (project.queries / "cluster-chairs.rq").read_text(encoding="utf-8")


def test_editor_prefills_a_query_for_a_browser(client):
    r = client.get("/sparql", params={"query": CLUSTERS}, headers={"Accept": BROWSER})
    assert r.headers["content-type"].startswith("text/html")
    given = re.search(r'<script id="pbkg-query" type="application/json">(.*?)</script>', r.text,
                      re.S).group(1)
    assert json.loads(given) == CLUSTERS


# --- refusals -----------------------------------------------------------------------------------

UPDATE = "INSERT DATA { <https://example.org/a> <https://example.org/b> 'c' }"


@pytest.mark.parametrize("send", ["form", "body", "as-query"])
def test_update_is_refused(client, api_store, send):
    before = len(api_store)
    if send == "form":
        r = client.post("/sparql", data={"update": UPDATE})
    elif send == "body":
        r = client.post("/sparql", content=UPDATE,
                        headers={"Content-Type": "application/sparql-update"})
    else:
        r = client.get("/sparql", params={"query": UPDATE})
    assert r.status_code == 403
    assert "read-only" in r.json()["detail"]
    assert len(api_store) == before


def test_update_with_the_token(built_dist):
    store = EmbeddedStore.from_dist(built_dist)
    c = make_client(store, update_token="s3cret")
    ask = "ASK { <https://example.org/a> ?p ?o }"
    assert c.post("/sparql", data={"update": UPDATE},
                  headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert c.post("/sparql", data={"update": UPDATE}).status_code == 403
    r = c.post("/sparql", data={"update": UPDATE}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 204, r.text
    assert c.get("/sparql", params={"query": ask}).json()["boolean"] is True
    # LOAD stays refused, token or not
    r = c.post("/sparql", data={"update": "LOAD <http://example.org/data.ttl>"},
               headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 403 and "LOAD" in r.json()["detail"]
    store.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent ?endpoint { ?s ?p ?o } }",
    PREFIXES + "SELECT * WHERE { ?s rdfs:label ?l FILTER(?l<'b') SERVICE<http://example.org/sparql>"
               "{?s ?p ?o} }",
])
def test_service_is_refused(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 403
    assert "SERVICE" in r.json()["detail"]


@pytest.mark.parametrize("query", [
    PREFIXES + "SELECT ?s WHERE { ?s rdfs:label \"SERVICE <http://example.org/sparql> {}\" }",
    PREFIXES + "SELECT ?service WHERE { ?service rdfs:label ?l } # SERVICE <http://x.org/> {}",
    "SELECT ?s WHERE { ?s <https://example.org/SERVICE> ?o }",
])
def test_service_as_text_is_not_refused(client, query):
    assert client.get("/sparql", params={"query": query}).status_code == 200


def test_time_limit(api_store):
    c = make_client(api_store, query_timeout=0.5)
    start = time.perf_counter()
    r = c.get("/sparql", params={"query": HEAVY})
    elapsed = time.perf_counter() - start
    assert r.status_code == 503
    assert r.json()["type"] == "urn:pbkg:problem:query-timeout"
    assert "time limit (0.5 s)" in r.json()["detail"]
    assert elapsed < 3
    # the killed worker is replaced: the next query is answered
    assert _bindings(c.get("/sparql", params={"query": CLUSTERS}))


def test_result_limit(api_store):
    c = make_client(api_store, result_limit=5)
    r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 400
    assert r.json()["type"] == "urn:pbkg:problem:result-too-large"
    assert "more than 5 rows" in r.json()["detail"]
    r = c.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.status_code == 400 and "more than 5 triples" in r.json()["detail"]
    assert len(_bindings(c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } "
                                                            "LIMIT 5"}))) == 5


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o", "SELEC * WHERE {}",
                                   "SELECT * WHERE { ?s <not an iri> ?o }"])
def test_malformed_query_is_400_with_the_parser_message(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    message = r.json()["detail"]
    assert message.startswith("malformed query: error at 1:")


def test_protocol_errors(client):
    r = client.post("/sparql", content=b"query=x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/sparql", data={"query": CLUSTERS, "update": UPDATE})
    assert r.status_code == 400
    assert client.get("/sparql", params={"update": UPDATE}).status_code == 400


# --- named queries ------------------------------------------------------------------------------


def test_catalogue(client, project):
    r = client.get("/api/queries")
    assert r.status_code == 200
    entries = {e["name"]: e for e in r.json()}
    assert set(entries) == {p.stem for p in project.queries.glob("*.rq")}
    chairs = entries["cluster-chairs"]
    assert chairs["title"]["en"] and chairs["title"]["vi"]
    assert {p["name"]: p["type"] for p in chairs["params"]} == {"cluster": "iri",
                                                                 "year": "gYear",
                                                                 "asOf": "date"}
    assert chairs["columns"][:3] == ["cluster", "clusterLabel", "year"]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_named_query_golden_result_over_http(client, case):
    spec = json.loads(case.read_text(encoding="utf-8"))
    r = client.get(f"/api/queries/{case.stem.split('.')[0]}", params=spec["params"])
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    got = {tuple(_value(row, c) for c in spec["columns"]) for row in _bindings(r)}
    assert got == {tuple(row) for row in spec["rows"]}


def test_named_query_as_csv(client, api_store, project):
    from pbkg.catalog import load_catalog

    r = client.get("/api/queries/cluster-chairs", params={"year": "2023"},
                   headers={"Accept": "text/csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    query = load_catalog(project.queries)["cluster-chairs"]
    assert list(rows[0]) == list(query.columns)
    expected = api_store.query(query.render({"year": "2023"}))
    assert len(rows) == len(expected.rows) > 0
    assert {row["year"] for row in rows} == {"2023"}
    assert client.get("/api/queries/cluster-chairs?year=2023&format=csv").text == r.text


@pytest.mark.parametrize("params, message", [
    ({"cluster": "x> } ; DROP ALL ; #"}, "expected an IRI"),
    ({"cluster": "cum-5> } UNION { ?s ?p ?o"}, "expected an IRI"),
    ({"year": "2023\"^^<x:y> } ; INSERT DATA { <a:b> <a:c> <a:d> } #"}, "expected a gYear"),
    ({"year": "twenty"}, "expected a gYear"),
    ({"nope": "1"}, "unknown for query"),
])
def test_named_query_rejects_bad_parameters(client, params, message):
    r = client.get("/api/queries/cluster-chairs", params=params)
    assert r.status_code == 422
    assert r.json()["type"] == "urn:pbkg:problem:invalid-parameter"
    assert message in r.json()["detail"]


def test_named_query_errors(client):
    r = client.get("/api/queries/no-such-query")
    assert r.status_code == 404 and "cluster-chairs" in r.json()["detail"]
    r = client.get("/api/queries/cluster-chairs?year=2023&year=2024")
    assert r.status_code == 422
    r = client.get("/api/queries/cluster-chairs", headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_openapi_documents_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    assert spec["paths"]["/sparql"]["get"]["summary"]
    assert "application/sparql-query" in \
        spec["paths"]["/sparql"]["post"]["requestBody"]["content"]
    run = spec["paths"]["/api/queries/cluster-chairs"]["get"]
    assert run["summary"] == "Who chaired which cluster in which year"
    assert "text/csv" in run["responses"]["200"]["content"]
    assert {p["name"] for p in run["parameters"]} == {"format", "cluster", "year", "asOf"}
    assert spec["paths"]["/api/queries"]["get"]["summary"]
