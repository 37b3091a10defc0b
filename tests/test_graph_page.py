"""The network explorer: its JSON endpoints (through the app, no browser), and the /graph page
driven in headless Chromium (Playwright on Debian's /usr/bin/chromium; never `playwright
install`). The browser tests skip, saying why, only when Chromium or Playwright is absent (CI
installs both). Screenshots go to test-artifacts/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web import ARTIFACTS, chromium, served  # noqa: E402

from pbkg.namespaces import ID  # noqa: E402
from pbkg.network import project  # noqa: E402
from pbkg.network.formats import NETWORK_FORMATS  # noqa: E402

CUM5 = str(ID["cluster/to-chuc-xay-dung-dang-cum-5"])
CA_MAU_BOARD = str(ID["org/ban-to-chuc-tinh-uy-ca-mau"])
KIEN_GIANG_BOARD = str(ID["org/ban-to-chuc-tinh-uy-kien-giang"])


@pytest.fixture(scope="module")
def app(built_dist):
    from api.app import create_app
    from pbkg.store import EmbeddedStore

    return create_app(store=EmbeddedStore.from_dist(built_dist))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


# --- the JSON behind the page ----------------------------------------------------------------

def test_api_graph_returns_the_filtered_projection(client, store):
    expected = project(store, clusters=["cum-5"])
    body = client.get("/api/graph", params={"cluster": "to-chuc-xay-dung-dang-cum-5"}).json()
    assert body["count"] == {"nodes": expected.number_of_nodes(),
                             "edges": expected.number_of_edges()}
    assert {n["id"] for n in body["nodes"]} == set(expected.nodes)
    node = next(n for n in body["nodes"] if n["id"] == CA_MAU_BOARD)
    assert node["href"] == "/id/org/ban-to-chuc-tinh-uy-ca-mau"
    assert (node["type"], node["label_vi"]) == ("organization", "Ban Tổ chức Tỉnh ủy Cà Mau")
    chaired = [e for e in body["edges"]
               if e["relation"] == "chaired" and e["source"] == CA_MAU_BOARD]
    assert chaired and chaired[0]["year"] == 2022 and chaired[0]["inferred"] is False
    assert body["filters"]["clusters"] == [CUM5]
    assert CUM5 in {c["id"] for c in body["clusters"]}
    legend = {t["id"]: t for t in body["node_types"]}
    assert legend["cluster"]["count"] == 1 and legend["cluster"]["label_en"]
    years = client.get("/api/graph", params={"cluster": "cum-5", "from": 2023, "to": 2023}).json()
    assert years["count"]["nodes"] == project(store, clusters=["cum-5"],
                                              years=(2023, 2023)).number_of_nodes()
    types = client.get("/api/graph", params={"type": "province"}).json()
    assert {n["type"] for n in types["nodes"]} == {"province"}


def test_api_graph_timeline(client):
    body = client.get("/api/graph/timeline", params={"cluster": "Cụm 5"}).json()
    assert body["cluster"] == CUM5 and body["years"][:2] == [2022, 2023]
    rows = {r["node"]: r for r in body["rows"]}
    assert rows[CA_MAU_BOARD]["cells"]["2022"][0]["relation"] == "chaired"
    assert rows[KIEN_GIANG_BOARD]["cells"]["2023"][0]["relation"] == "chaired"
    assert rows[KIEN_GIANG_BOARD]["href"] == "/id/org/ban-to-chuc-tinh-uy-kien-giang"


def test_api_graph_export_and_errors(client):
    for fmt, (extension, media, _) in NETWORK_FORMATS.items():
        response = client.get("/api/graph/export", params={"format": fmt, "cluster": "cum-5"})
        assert response.status_code == 200, fmt
        assert response.headers["content-type"].startswith(media)
        assert f"pbkg-network.{extension}" in response.headers["content-disposition"]
        assert CA_MAU_BOARD.encode() in response.content
    assert client.get("/api/graph", params={"cluster": "nowhere"}).status_code == 422
    assert client.get("/api/graph", params={"type": "planet"}).status_code == 422
    assert client.get("/api/graph", params={"from": 2024, "to": 2020}).status_code == 422
    assert client.get("/api/graph/timeline", params={"cluster": "cum"}).status_code == 422
    assert client.get("/api/graph/export", params={"format": "pajek"}).status_code == 422
    assert client.get("/static/graph/../../app.py").status_code == 404
    assert client.get("/static/graph/vendor/sigma.min.js").status_code == 200


def test_graph_page_html_references_only_local_assets(client):
    html = client.get("/graph").text
    assert 'id="status"' in html and "data-api=\"/api/graph\"" in html
    for asset in ("vendor/graphology.umd.min.js", "vendor/graphology-library.min.js",
                  "vendor/sigma.min.js", "graph.js", "graph.css"):
        assert f"/static/graph/{asset}" in html
        assert client.get(f"/static/graph/{asset}").status_code == 200
    assert "https://cdn" not in html and "unpkg" not in html and "jsdelivr" not in html


# --- the page in a browser -------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(app):
    with served(app, lifespan="on") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    pg = context.new_page()
    pg.errors = []  # console errors and uncaught exceptions
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(f"uncaught: {e}"))
    yield pg
    context.close()


def _ready(page) -> tuple[int, int]:
    page.wait_for_selector('#status[data-state="ready"]', timeout=60_000)
    return (int(page.get_attribute("#status", "data-nodes")),
            int(page.get_attribute("#status", "data-edges")))


def _wait_for_nodes(page, count: int) -> None:
    # A function, not an expression string: Playwright evaluates a string with eval(), which
    # the page's Content-Security-Policy (no 'unsafe-eval') refuses.
    page.wait_for_function("n => document.querySelector('#status').dataset.nodes === n",
                           arg=str(count), timeout=60_000)


def _screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    page.screenshot(path=str(target))
    print(f"screenshot: {target}")
    return target


def test_page_loads_without_errors_and_shows_the_filtered_count(page, server, store):
    expected = project(store, clusters=["cum-5"])
    page.goto(f"{server}/graph?cluster=to-chuc-xay-dung-dang-cum-5")
    assert _ready(page) == (expected.number_of_nodes(), expected.number_of_edges())
    assert page.inner_text("#status").startswith(f"{expected.number_of_nodes()} nút")
    assert page.input_value("#cluster") == "to-chuc-xay-dung-dang-cum-5"
    assert page.locator("#legend li[data-type]").count() == len(
        {d["type"] for _, d in expected.nodes(data=True)})
    assert page.evaluate("window.pbkgExplorer.graph.order") == expected.number_of_nodes()
    assert page.locator("#sigma-container canvas").count() >= 1
    shot = _screenshot(page, "graph-cum-5.png")
    assert shot.stat().st_size > 30_000
    assert page.errors == []


def test_different_relations_between_two_nodes_are_drawn_apart(page, server, store):
    # A unit that is a member of its cluster and chairs it in the same years: one straight edge
    # and one arc per further relation, never two edges on one line.
    expected = project(store, clusters=["cum-5"])
    relations: dict[frozenset, set] = {}
    for s, o, d in expected.edges(data=True):
        relations.setdefault(frozenset((s, o)), set()).add(d["relation"])
    multi = {pair for pair, rels in relations.items() if len(rels) > 1}
    assert multi, "the cum-5 projection has no pair joined by two relations"
    page.goto(f"{server}/graph?cluster=to-chuc-xay-dung-dang-cum-5")
    _ready(page)
    drawn = page.evaluate("""() => {
        const g = window.pbkgExplorer.graph, out = [];
        g.forEachEdge((e, a, s, t) => out.push([s, t, a.type || "", a.curvature || 0]));
        return out; }""")
    shapes: dict[frozenset, list] = {}
    for s, o, kind, bend in drawn:
        shapes.setdefault(frozenset((s, o)), []).append((kind, bend))
    for pair in multi:
        got = shapes[pair]
        assert len(got) == len(relations[pair])
        assert sorted(k for k, _ in got).count("") == 1, got
        assert len(set(got)) == len(got), got  # each edge on its own curve
    assert page.errors == []


def test_filters_in_the_form_reload_the_graph(page, server, store):
    page.goto(f"{server}/graph?cluster=cum-5")
    _ready(page)
    page.fill("#from", "2023")
    page.fill("#to", "2023")
    page.click("#apply")
    expected = project(store, clusters=["cum-5"], years=(2023, 2023))
    _wait_for_nodes(page, expected.number_of_nodes())
    assert _ready(page)[1] == expected.number_of_edges()
    assert "from=2023" in page.url and "to=2023" in page.url
    # Node types: keep organizations and clusters only.
    for box in page.locator('#types input[name="type"]').all():
        if box.get_attribute("value") not in ("organization", "cluster"):
            box.uncheck()
    page.click("#apply")
    typed = project(store, clusters=["cum-5"], years=(2023, 2023),
                    types=["organization", "cluster"])
    _wait_for_nodes(page, typed.number_of_nodes())
    assert page.errors == []


def test_search_finds_a_unit_without_diacritics(page, server):
    page.goto(f"{server}/graph?cluster=cum-5")
    _ready(page)
    page.fill("#search", "bac lieu")
    results = page.locator("#search-results button[data-node]")
    results.first.wait_for(timeout=10_000)
    texts = results.all_inner_texts()
    assert any("Bạc Liêu" in t for t in texts)
    page.press("#search", "Enter")
    page.wait_for_selector("#tooltip:not([hidden])", timeout=10_000)
    assert "Bạc Liêu" in page.inner_text("#tooltip")
    assert page.errors == []


def test_click_on_a_node_selects_it_then_opens_its_page(page, server):
    page.goto(f"{server}/graph?cluster=cum-5")
    _ready(page)
    page.evaluate("node => window.pbkgExplorer.centerOn(node, 0.6)", CA_MAU_BOARD)
    point = page.evaluate("node => window.pbkgExplorer.nodePosition(node)", CA_MAU_BOARD)
    # Nothing (legend, tooltip) covers the node: the canvas is what is under the pointer.
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).tagName",
                         [point["x"], point["y"]]) == "CANVAS"
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#tooltip:not([hidden])", timeout=10_000)
    assert "Ban Tổ chức Tỉnh ủy Cà Mau" in page.inner_text("#tooltip")
    _screenshot(page, "graph-hover.png")
    assert page.errors == []
    # A first click selects (the side panel lists its roles by year), a second opens the page.
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#side-panel:not([hidden])", timeout=10_000)
    panel = page.inner_text("#side-panel")
    assert "Ban Tổ chức Tỉnh ủy Cà Mau" in panel and "2022" in panel and "cụm trưởng" in panel
    page.wait_for_timeout(700)  # two separate clicks, not a double click
    with page.expect_navigation(timeout=30_000):
        page.mouse.click(point["x"], point["y"])
    assert page.url.endswith("/id/org/ban-to-chuc-tinh-uy-ca-mau")
    assert "Ban Tổ chức Tỉnh ủy Cà Mau" in page.inner_text("h1")


def test_timeline_view_marks_chair_and_vice_chair(page, server):
    page.goto(f"{server}/graph?cluster=to-chuc-xay-dung-dang-cum-5&view=timeline")
    _ready(page)
    page.wait_for_selector("table.timeline-table", timeout=30_000)
    row = page.locator(f'table.timeline-table tr[data-node="{CA_MAU_BOARD}"]')
    assert row.locator('td[data-year="2022"] .mark[data-relation="chaired"]').count() == 1
    kien_giang = page.locator(f'table.timeline-table tr[data-node="{KIEN_GIANG_BOARD}"]')
    vice = 'td[data-year="2022"] .mark[data-relation="vice_chaired"]'
    assert kien_giang.locator(vice).count() == 1
    assert kien_giang.locator('td[data-year="2023"] .mark[data-relation="chaired"]').count() == 1
    assert page.is_hidden("#network-view")
    page.screenshot(path=str(ARTIFACTS / "graph-timeline.png"), full_page=True)
    # An inferred chair is marked as such (Hà Nam, 2020).
    page.goto(f"{server}/graph?cluster=ha-nam-khoi-ban-xay-dung-dang&view=timeline")
    page.wait_for_selector("table.timeline-table", timeout=30_000)
    inferred = page.locator('.mark[data-relation="chaired"][data-inferred="true"]')
    assert inferred.count() == 1
    assert page.errors == []


def test_labels_switch_between_vietnamese_and_english(page, server):
    page.goto(f"{server}/graph?cluster=cum-5")
    _ready(page)
    label = "node => window.pbkgExplorer.graph.getNodeAttribute(node, 'label')"
    assert page.evaluate(label, CUM5) == "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng"
    page.click('.lang-switch button[data-lang="en"]')
    assert page.evaluate(label, CUM5) == "Emulation Cluster No. 5 of the Party Organization Sector"
    assert page.inner_text("h1") == "Network of organizations and emulation clusters"
    assert "nodes" in page.inner_text("#status") and "lang=en" in page.url
    _screenshot(page, "graph-cum-5-en.png")
    page.click('.lang-switch button[data-lang="vi"]')
    assert page.evaluate(label, CUM5) == "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng"
    assert page.errors == []
