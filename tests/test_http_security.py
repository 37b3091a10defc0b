"""Safe pages and headers: no link from the data runs script (stored XSS of issue 11), security
headers and CORS on every response, no Host header echoed; and in headless Chromium the pages
(YASGUI, Swagger UI, the graph explorer, an entity page) work under the Content-Security-Policy
with no violation."""

from __future__ import annotations

import re

import pytest
import rdflib
from fastapi.testclient import TestClient
from web import chromium, served

from api.app import create_app
from api.links import web_url
from pbkg.settings import Settings
from pbkg.store import EmbeddedStore

CUM5 = "/id/cluster/to-chuc-xay-dung-dang-cum-5"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SCRIPT_URL = "javascript:alert(document.cookie)"


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(), store=store))


# --- links ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url,ok", [
    ("https://baocamau.vn/a.html", True), ("HTTP://x.org/", True), ("/id/org/x", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("java\tscript:x", False),
    (" javascript:x", False), ("data:text/html,<script>", False), ("vbscript:x", False),
    ("//evil.example/x", False), ("https://x.org/a b", False), ("", False), (None, False),
])
def test_only_web_urls_become_links(url, ok):
    assert (web_url(url) is not None) is ok


def test_a_script_url_in_the_data_is_shown_as_text(client, built_dist):
    before = client.get(CUM5, headers={"Accept": BROWSER}).text
    assert re.search(r'class="external" href="https://[^"]+">(original|bài gốc)</a>', before)
    store = EmbeddedStore.from_dist(built_dist, workers=1)
    try:
        c = TestClient(create_app(Settings(), store=store))
        store.update(f"""
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            DELETE {{ GRAPH ?g {{ ?a schema:url ?u }} }}
            INSERT {{ GRAPH ?g {{ ?a schema:url "{SCRIPT_URL}" }} }}
            WHERE {{ GRAPH ?g {{ ?a schema:url ?u }} }} ;
            INSERT DATA {{ GRAPH <https://w3id.org/pbkg/graph/test> {{
              <https://w3id.org/pbkg{CUM5}> rdfs:seeAlso <javascript:alert(2)> }} }}""")
        page = c.get(CUM5, headers={"Accept": BROWSER})
        assert page.status_code == 200
        hrefs = re.findall(r'href="([^"]*)"', page.text)
        assert not [h for h in hrefs if not h.startswith(("/", "http://", "https://"))], hrefs
        assert f"<code>{SCRIPT_URL}</code>" in page.text  # said, not linked
        assert "javascript:alert(2)" in page.text
    finally:
        store.close()


def test_the_shapes_refuse_a_script_url(project):
    from pbkg.validate import load_shapes, validate

    graph = rdflib.Graph().parse(data=f"""
        @prefix schema: <https://schema.org/> .
        <https://w3id.org/pbkg/id/article/x> schema:url <{SCRIPT_URL}> .""", format="turtle")
    report = validate(graph, load_shapes(project.shapes))
    assert not report.conforms
    assert {(v.focus, local) for v in report.violations
            for local in [v.shape.rsplit("#", 1)[-1]]} == {
        ("https://w3id.org/pbkg/id/article/x", "WebLinks-url")}


# --- headers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url,accept", [
    ("/sparql?query=ASK%7B%7D", None), ("/sparql", BROWSER), ("/api/clusters", None),
    (CUM5, BROWSER), (CUM5, "text/turtle"), ("/dumps/", None), ("/.well-known/void", None),
    ("/docs", BROWSER), ("/static/pbkg.css", None), ("/no/such/page", None),
    ("/api/search?q=ca&limit=0", None),
])
def test_security_and_cors_headers_on_every_response(client, url, accept):
    response = client.get(url, headers={"Accept": accept} if accept else {})
    h = response.headers
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "strict-origin-when-cross-origin"
    assert h["access-control-allow-origin"] == "*"


def test_a_server_error_is_problem_details_with_the_headers():
    # No store opened (the lifespan does not run): a lookup fails inside the app.
    c = TestClient(create_app(Settings()), raise_server_exceptions=False)
    response = c.get("/api/clusters")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "an unexpected error; it is logged on the server"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["access-control-allow-origin"] == "*"


def test_cors_preflight_for_post_sparql(client):
    response = client.options("/sparql", headers={
        "Origin": "https://other.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert response.status_code == 204
    h = response.headers
    assert h["access-control-allow-origin"] == "*"
    assert "POST" in h["access-control-allow-methods"]
    assert "content-type" in h["access-control-allow-headers"].lower()
    assert "authorization" not in h["access-control-allow-headers"].lower()
    posted = client.post("/sparql", data={"query": "ASK {}"},
                         headers={"Origin": "https://other.example"})
    assert posted.status_code == 200 and posted.headers["access-control-allow-origin"] == "*"


def test_service_description_does_not_echo_the_host_header(store):
    def endpoint(settings: Settings, host: str) -> str:
        c = TestClient(create_app(settings, store=store))
        body = c.get("/sparql", headers={"Accept": "text/turtle", "Host": host}).text
        assert "evil.example" not in body
        g = rdflib.Graph().parse(data=body, format="turtle")
        sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
        return str(next(g.objects(None, sd.endpoint)))

    assert endpoint(Settings(public_base="https://kg.example.org/"),
                    "evil.example") == "https://kg.example.org/sparql"
    # Without a public base: the address the server listens on, not what the client says.
    assert endpoint(Settings(), "evil.example:666") == "http://testserver/sparql"


# --- pages in a browser, under the policy ---------------------------------------------------

@pytest.fixture(scope="module")
def server(store):
    app = create_app(Settings(), store=store)
    with served(app, lifespan="on", timeout_graceful_shutdown=2) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.mark.parametrize("path,ready", [
    ("/sparql", ".yasqe .CodeMirror"),
    ("/docs", ".swagger-ui .opblock"),
    ("/graph?cluster=to-chuc-xay-dung-dang-cum-5", '#status[data-state="ready"]'),
    (CUM5, "main h1"),
])
def test_pages_work_under_the_content_security_policy(browser, server, path, ready):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    # (A page without an icon makes the browser ask for /favicon.ico: not a page's error.)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and not
            m.location.get("url", "").endswith("/favicon.ico") else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    try:
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP violation: ' + e.violatedDirective + ' ' + "
                             "e.blockedURI))")
        response = page.goto(f"{server}{path}")
        assert "content-security-policy" in response.headers
        page.wait_for_selector(ready, timeout=30_000)
        page.wait_for_timeout(300)
    finally:
        context.close()
    assert problems == []


def test_an_injected_inline_script_does_not_run(browser, server):
    """The policy is not decoration: an inline script that is not ours is blocked."""
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "CSP" in m.text else None)
    try:
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP ' + e.violatedDirective))")
        page.goto(f"{server}{CUM5}")
        page.evaluate("""() => { const s = document.createElement('script');
            s.textContent = 'window.injected = true'; document.body.appendChild(s); }""")
        page.wait_for_timeout(200)
        assert page.evaluate("window.injected === undefined")
    finally:
        context.close()
    assert violations and "script-src" in violations[0]


def test_inline_script_hashes_follow_the_pages():
    from api.headers import inline_script_hashes

    hashes = inline_script_hashes('<script>a()</script><script src="x.js"></script>'
                                  '<script type="application/json">{}</script>')
    assert len(hashes) == 1 and hashes[0].startswith("'sha256-")


def test_the_query_editor_runs_a_query_under_the_policy(server, browser):
    """YASGUI posts to /sparql (connect-src 'self') and shows the result table."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and not
            m.location.get("url", "").endswith("/favicon.ico") else None)
    try:
        query = "SELECT ?x WHERE { VALUES ?x { 'pbkg-under-csp' } }"
        page.goto(f"{server}/sparql?query={query}")
        page.wait_for_selector(".yasqe .CodeMirror", timeout=30_000)
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr td:has-text('pbkg-under-csp')", timeout=30_000)
    finally:
        context.close()
    assert problems == []
