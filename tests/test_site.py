"""The site: home page, leadership overview, readable facts, search, HTML errors, vi/en, VoID
as HTML, the explorer's new parts; in headless Chromium (Debian's /usr/bin/chromium) at a desktop
and a 390 px phone viewport, with screenshots in test-artifacts/ and an accessibility check by
the vendored axe-core (no serious or critical violation)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web import ARTIFACTS, chromium, served  # noqa: E402

from pbkg.collation import key_by_character, sort_key, sorted_vi  # noqa: E402
from pbkg.fact_labels import period  # noqa: E402
from pbkg.namespaces import ID  # noqa: E402

CUM5 = str(ID["cluster/to-chuc-xay-dung-dang-cum-5"])
KIEN_GIANG_BOARD = str(ID["org/ban-to-chuc-tinh-uy-kien-giang"])
CA_MAU_BOARD = str(ID["org/ban-to-chuc-tinh-uy-ca-mau"])
HTML = {"Accept": "text/html"}


# --- core: collation and labels, no browser ------------------------------------------------------

def test_vietnamese_collation_orders_letters_then_tones():
    words = ["Đồng Nai", "Dak Lak", "Ăn", "An Giang", "Âu", "Bà Rịa", "Ba Vì", "Bạc Liêu", "Zeta",
             "Cụm 10", "Cụm 5", "ơ", "o", "ô"]
    assert sorted_vi(words) == ["An Giang", "Ăn", "Âu", "Bà Rịa", "Ba Vì", "Bạc Liêu", "Cụm 5",
                                "Cụm 10", "Dak Lak", "Đồng Nai", "o", "ô", "ơ", "Zeta"]
    # Tones are secondary: a base-letter difference later in the word wins over an earlier tone.
    assert sort_key("bà a") < sort_key("ba b")
    assert sort_key("ba") < sort_key("bà") < sort_key("bá") < sort_key("bả") < sort_key("bã") < \
        sort_key("bạ") < sort_key("bă")
    assert sort_key("Tỉnh ủy") == sort_key("Tỉnh ủy")


def test_collation_by_words_equals_by_characters():
    """sort_key works a word at a time; it must give key_by_character's key on any text: runs
    of spaces and punctuation across words, digits, marks, non-breaking spaces, tabs."""
    alphabet = list("aăâbdđeêiouưyzAĐƠ0129 ,.-_()²١'\t\n\u00a0") + ["\u0301", "\u0323", "ǅ", "İ",
                                                                ": ", ":", " : "]
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
             for _ in range(20_000)]
    texts += ["Cụm thi đua số 5  (2023):  Ban Tổ chức", " - a", "a - ", "1 2", "a\u00a0 b",
              "a: b", "a): (b", "1: 2", "a:  : b", ": a", "a: ", "a\u0301: \u0301b", "(: )"]
    for text in texts:
        assert sort_key.__wrapped__(text) == key_by_character(text), text
    many = "a: " * 5000 + "b"  # split once, not once per ": " (no recursion to run out of)
    assert sort_key(many) == key_by_character(many)


def test_collation_reads_signs_that_are_no_decimal_digit():
    """"km²", "①" or "Ⅳ" in a name sort as signs: int() cannot read them (a page sorting its
    facts by such a name raised ValueError)."""
    assert sorted_vi(["Diện tích 5 km²", "Diện tích 5 km", "① a", "Ⅳ"]) == [
        "Diện tích 5 km", "Diện tích 5 km²", "Ⅳ", "① a"]  # other signs by code point


def test_validity_period_marks():
    assert period("2025-07-01", None) == "(2025–)"
    assert period(None, "2025-06-30") == "(–2025)"
    assert period("2008-08-01", "2025-06-30") == "(2008–2025)"
    assert period(None, None) is None


@pytest.fixture(scope="module")
def app(built_dist):
    from api.app import create_app
    from pbkg.store import EmbeddedStore

    # The pages list the dumps of the build they serve: this one, not the checkout's dist/.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(built_dist))
        yield create_app(store=EmbeddedStore.from_dist(built_dist))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


def test_fact_labels_are_generated_and_omit_the_page_subject(app):
    from pbkg.linked_data import LinkedData

    state = app.state
    lds = LinkedData(state.store, state.project.queries, state.settings)
    fact = str(ID["fact/xay-dung-dang-2022-12/role-2023-chair"])
    labels = lds.fact_labels(lds.entity(fact))
    assert labels["vi"] == ("Cụm trưởng Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng năm 2023: "
                            "Ban Tổ chức Tỉnh ủy Kiên Giang")
    assert labels["en"].startswith("Chair unit, Emulation Cluster No. 5") and "2023" in labels["en"]
    page = lds.page(CUM5)
    cards = [f for g in page["facts"] for f in g["items"]]
    chair = next(f for f in cards if f["iri"] == fact)
    assert chair["labels"]["vi"] == "Cụm trưởng năm 2023: Ban Tổ chức Tỉnh ủy Kiên Giang"
    # No card is titled with a slug; roles and memberships come before awards.
    assert all(" " in f["labels"].get("vi", "") for f in cards)
    classes = [g["class"]["name"] for g in page["facts"]]
    assert classes.index("ClusterRoleAssignment") < classes.index("AwardDecision")
    assert classes.index("ClusterMembership") < classes.index("AwardDecision")
    # The page's own subject is not repeated in the cards' rows.
    for f in cards:
        for g in f["properties"] or []:  # None: a fact listed by name only
            assert all(v.get("iri") != CUM5 for v in g["values"])


def test_a_block_chair_is_truong_khoi_and_a_cluster_chair_cum_truong(app):
    """A "khối" (block) names its chair Trưởng khối, a "cụm" (cluster) Cụm trưởng: in the fact
    labels and in the leadership table."""
    from pbkg.fact_labels import role_labels
    from pbkg.linked_data import LinkedData

    state = app.state
    lds = LinkedData(state.store, state.project.queries, state.settings)
    block = str(ID["cluster/ha-nam-khoi-ban-xay-dung-dang"])
    fact = str(ID["fact/bao-ha-nam-2020-07-15/role-2020-chair"])
    labels = lds.fact_labels(lds.entity(fact))
    assert labels["vi"].startswith("Trưởng khối ") and "Cụm trưởng" not in labels["vi"]
    rows = {r["fact"]: r for r in lds.leadership_rows(block)}
    assert rows[fact]["role_labels"]["vi"] == "Trưởng khối"
    cum5 = {r["fact"]: r for r in lds.leadership_rows(CUM5)}
    assert cum5[str(ID["fact/xay-dung-dang-2022-12/role-2023-chair"])]["role_labels"]["vi"] == (
        "Cụm trưởng")
    chair = str(ID["concept/cluster-role/chair"])
    vice = str(ID["concept/cluster-role/vice-chair"])
    assert role_labels(chair, {"vi": "cụm trưởng, trưởng khối"}, True) == {"vi": "Trưởng khối"}
    assert role_labels(chair, {"vi": "cụm trưởng, trưởng khối"}, False) == {"vi": "Cụm trưởng"}
    assert role_labels(vice, {"vi": "cụm phó", "en": "vice-chair unit"}, True) == {
        "vi": "Khối phó", "en": "Vice-chair unit"}


def test_bodies_sharing_a_name_get_their_period(app):
    from pbkg.site import Site

    state = app.state
    site = Site(state.store, state.project.queries, state.settings)
    old = site.names(str(ID["province/vinh-long"]), "vi")
    new = site.names(str(ID["province/vinh-long-2025"]), "vi")
    assert old != new and old.endswith("(–2025)") and new.endswith("(2025–)")


# --- pages without a browser ----------------------------------------------------------------------

def test_home_page_has_counts_search_and_entry_points(client):
    response = client.get("/", headers=HTML)
    assert response.status_code == 200
    html = response.text
    for target in ('href="/leadership"', 'href="/graph"', 'href="/sparql"', 'href="/dumps/"',
                   'href="/ontology"', 'action="/search"', 'href="/id/cluster/'):
        assert target in html
    assert "/id/article/" in html  # latest sources
    assert "<script>" not in html  # no inline script (a strict CSP)


def test_every_page_has_the_header_with_search(client):
    for path in ("/", "/leadership", "/graph", "/sparql", "/ontology", "/dumps/",
                 "/.well-known/void", "/search?q=cum+5", "/id/cluster/to-chuc-xay-dung-dang-cum-5"):
        response = client.get(path, headers=HTML)
        assert response.status_code == 200, path
        assert 'role="search"' in response.text and 'class="site"' in response.text, path
        assert "<script>\n" not in response.text and "<style>" not in response.text, path


def test_html_errors_for_browsers_suggest_the_right_path(client):
    response = client.get("/id/doc/04-nq-tw-2016", headers=HTML)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert 'href="/id/document/04-nq-tw-2016"' in response.text
    assert 'role="search"' in response.text
    unknown = client.get("/no/such/page", headers=HTML)
    assert unknown.status_code == 404 and "<h1>" in unknown.text
    # Programs still get a non-HTML 404.
    assert client.get("/no/such/page").status_code == 404
    assert not client.get("/no/such/page").headers["content-type"].startswith("text/html")


def test_search_page_ignores_diacritics(client):
    html = client.get("/search", params={"q": "btc tu kien giang"}, headers=HTML).text
    assert 'href="/id/org/ban-to-chuc-tinh-uy-kien-giang"' in html


def test_void_is_readable_in_a_browser_and_turtle_otherwise(client):
    page = client.get("/.well-known/void", headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    assert "/dumps/pbkg.trig" in page.text and "/sparql" in page.text
    assert client.get("/.well-known/void").headers["content-type"].startswith("text/turtle")


def test_language_is_chosen_and_remembered(client):
    client.cookies.clear()
    assert "Trang chủ" in client.get("/", headers=HTML).text
    english = client.get("/leadership", params={"lang": "en"}, headers=HTML)
    assert "Cluster leadership by year" in english.text
    assert "lang=en" in english.headers.get("set-cookie", "")
    # Remembered: the next page without ?lang= is in English too.
    assert "Cluster leadership" in client.get("/", headers=HTML).text
    client.cookies.clear()


def test_leadership_overview_lists_every_role_fact(client, app):
    from pbkg.site import Site

    state = app.state
    rows = Site(state.store, state.project.queries, state.settings).leadership_rows()
    html = client.get("/leadership", headers=HTML).text
    assert html.count('<details class="role') == len(rows) > 0
    assert f'data-cluster="{CUM5}"' in html


def test_leadership_overview_is_paged_by_clusters(client, app):
    from pbkg.errors import NotFound
    from pbkg.site import Site

    state = app.state
    site = Site(state.store, state.project.queries, state.settings)
    whole = site.leadership()
    assert whole["pages"] == 1 and whole["page"] == 1
    # Three clusters a page: every cluster on exactly one page, in the whole table's order,
    # each page's years those of its own rows.
    pages = [site.leadership(n, per_page=3)
             for n in range(1, -(-whole["clusters_count"] // 3) + 1)]
    assert len(pages) == pages[0]["pages"] > 1
    assert [c for p in pages for c in p["clusters"]] == whole["clusters"]
    assert sum(len(r) for p in pages for c in p["clusters"] for r in c["cells"].values()) \
        == whole["count"]
    for p in pages:
        assert p["years"] == sorted({y for c in p["clusters"] for y in c["cells"]})
    with pytest.raises(NotFound, match="pages 1 to"):
        site.leadership(len(pages) + 1, per_page=3)
    # Over HTTP: one page here, so no pager; a page past it is a 404, a bad number a 422.
    assert 'rel="next"' not in client.get("/leadership", headers=HTML).text
    assert client.get("/leadership", params={"page": 2}, headers=HTML).status_code == 404
    assert client.get("/leadership", params={"page": 0}, headers=HTML).status_code == 422
    assert client.get("/leadership", params={"page": "x"}, headers=HTML).status_code == 422


def test_fact_api_for_edges(client):
    body = client.get("/api/graph/fact",
                      params={"fact": "fact/xay-dung-dang-2022-12/role-2023-chair"}).json()
    assert body["label"].startswith("Cụm trưởng Cụm thi đua số 5")
    assert body["quote"] and body["source"]["href"] == "/id/article/xay-dung-dang-2022-12"
    assert client.get("/api/graph/fact", params={"fact": "../etc"}).status_code == 422
    assert client.get("/api/graph/fact", params={"fact": "fact/none/x"}).status_code == 404


def test_labels_api(client):
    body = client.post("/api/labels", json=[CUM5, "https://example.org/x"]).json()
    assert list(body) == [CUM5] and body[CUM5]["href"] == "/id/cluster/to-chuc-xay-dung-dang-cum-5"


# --- in a browser ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(app):
    import urllib.request

    with served(app) as url:
        # One SPARQL query first, so the store's query workers are forked before any browser
        # starts: a fork after Playwright's driver started would inherit its pipes and keep it
        # from exiting.
        with urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=30):
            pass
        yield url


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as instance:
        yield instance


def _page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                  has_touch=width < 500, is_mobile=width < 500)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(f"uncaught: {e}"))
    return context, pg


@pytest.fixture
def desktop(browser):
    context, pg = _page(browser, 1400, 1000)
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    context, pg = _page(browser, 390, 844)
    yield pg
    context.close()


def _axe(page) -> list[dict]:
    """Serious and critical accessibility violations (axe-core, vendored)."""
    # Loaded from the site itself: the Content-Security-Policy refuses injected inline scripts.
    origin = page.evaluate("location.origin")
    page.add_script_tag(url=origin + "/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => ({id: v.id, impact: v.impact,
                             nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return result


def _shot(page, name: str, full: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    page.screenshot(path=str(target), full_page=full)
    return target


PAGES = [("home", "/"), ("leadership", "/leadership"),
         ("cluster", "/id/cluster/to-chuc-xay-dung-dang-cum-5")]


@pytest.mark.parametrize("name,path", PAGES)
def test_pages_render_and_pass_axe_on_desktop_and_phone(desktop, phone, server, name, path):
    for pg, size in ((desktop, "desktop"), (phone, "390")):
        pg.goto(server + path)
        assert pg.locator("header.site form[role=search] input").count() == 1
        shot = _shot(pg, f"site-{name}-{size}.png")
        assert shot.stat().st_size > 10_000
        assert _axe(pg) == [], (name, size)
        # Nothing wider than the phone: no sideways scrolling of the page itself.
        if size == "390":
            width = pg.evaluate("document.documentElement.scrollWidth")
            assert width <= 392, (name, width)
        assert pg.errors == [], (name, size)


def test_leadership_cell_opens_the_fact_with_quote_and_source(desktop, server):
    desktop.goto(server + "/leadership")
    row = desktop.locator(f'tr[data-cluster="{CUM5}"]')
    cell = row.locator('td[data-year="2023"] details[data-role="chair"]')
    assert "Kiên Giang" in cell.locator("summary").inner_text()
    cell.locator("summary").click()
    body = cell.locator(".role-fact")
    body.wait_for(state="visible")
    text = body.inner_text()
    assert "“" in text and "Cụm Thi đua số 5" in text
    with desktop.expect_navigation():
        body.locator("a").first.click()
    assert "/id/fact/" in desktop.url
    assert desktop.title().startswith("Cụm trưởng Cụm thi đua số 5")


def test_cluster_page_starts_with_its_leadership_table(desktop, server):
    desktop.goto(server + "/id/cluster/to-chuc-xay-dung-dang-cum-5")
    first_table = desktop.locator("main table").first
    assert "leadership-table" in first_table.get_attribute("class")
    text = first_table.inner_text()
    assert "2023" in text and "Kiên Giang" in text and "Cà Mau" in text
    titles = desktop.locator("article.fact h4").all_inner_texts()
    assert "Cụm trưởng năm 2023: Ban Tổ chức Tỉnh ủy Kiên Giang" in titles
    assert not any(t.startswith("role-") for t in titles)
    assert desktop.locator('a[href^="/graph?focus="]').count() == 1
    assert desktop.locator('a[href*="view=timeline"]').count() == 1


def test_entity_page_as_of_a_date_from_its_form(desktop, phone, server):
    """The date form on an entity page shows it as of that day: the day named, the lineage
    with what existed then, a link back to the undated page; it passes axe on both sizes."""
    path = "/id/org/ban-to-chuc-tinh-uy-bac-ninh"
    desktop.goto(server + path)
    assert desktop.locator("section.as-of").count() == 0
    desktop.fill("#as-of-date", "2025-08-01")
    with desktop.expect_navigation():
        desktop.click("form.as-of-pick button")
    assert desktop.url.endswith(path + "?as_of=2025-08-01")
    section = desktop.locator("section.as-of")
    assert section.locator("time").get_attribute("datetime") == "2025-08-01"
    assert section.locator(".as-of-status.not-in-force").count() == 1
    became = section.locator('ul.lineage li[data-direction="became"] a')
    assert "Bắc Ninh" in became.first.inner_text()
    assert desktop.input_value("#as-of-date") == "2025-08-01"
    for pg, size in ((desktop, "desktop"), (phone, "390")):
        if pg is phone:
            pg.goto(server + path + "?as_of=2025-08-01")
        _shot(pg, f"site-as-of-{size}.png")
        assert _axe(pg) == [], size
        assert pg.errors == [], size
    with desktop.expect_navigation():
        section.locator("a.undated").click()
    assert desktop.url == server + path
    assert desktop.locator("section.as-of").count() == 0


def test_language_switch_in_the_header_is_remembered(desktop, server):
    desktop.goto(server + "/")
    desktop.click('header .lang-links a[data-lang="en"]')
    assert desktop.locator("html").get_attribute("lang") == "en"
    desktop.goto(server + "/leadership")
    assert desktop.inner_text("h1") == "Cluster leadership by year"
    desktop.goto(server + "/graph")
    desktop.wait_for_selector('#status[data-state="ready"]', timeout=60_000)
    assert desktop.inner_text("#graph-app h1") == "Network of organizations and emulation clusters"


def test_sparql_page_has_the_site_header_and_names_beside_iris(browser, server):
    context, desktop = _page(browser, 1400, 1000)
    try:
        _check_sparql_page(desktop, server)
    finally:
        context.close()


def _check_sparql_page(desktop, server) -> None:
    desktop.goto(server + "/sparql?example=cluster-chairs")
    assert desktop.locator("header.site form[role=search]").count() == 1
    desktop.wait_for_selector(".yasqe .CodeMirror", timeout=30_000)
    desktop.locator(".yasqe_queryButton").first.click()
    desktop.wait_for_selector(".pbkg-name", timeout=30_000)
    link = desktop.locator('.yasr a[href="/id/cluster/to-chuc-xay-dung-dang-cum-5"]').first
    assert link.count() == 1
    font = desktop.evaluate("getComputedStyle(document.querySelector('.CodeMirror')).fontFamily")
    assert "Noto Sans Mono" in font
    assert desktop.errors == []


def _ready(page) -> tuple[int, int]:
    page.wait_for_selector('#status[data-state="ready"]', timeout=60_000)
    return (int(page.get_attribute("#status", "data-nodes")),
            int(page.get_attribute("#status", "data-edges")))


def test_graph_default_view_legend_time_and_edges(desktop, server):
    start = time.perf_counter()
    desktop.goto(server + "/graph")
    _ready(desktop)
    drawn = time.perf_counter() - start
    print(f"/graph drawn in {drawn:.2f} s")
    assert drawn < 15  # generous: the figure is reported, not a benchmark
    data = desktop.evaluate("window.pbkgExplorer.data.node_types.filter(x => x.count).map(x => x.id)")
    assert set(data) <= {"cluster", "organization", "person"}
    _shot(desktop, "site-graph-desktop.png", full=False)
    # Legend: a click hides a type and shows it again.
    button = desktop.locator('#legend li[data-type="organization"] button')
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    # Parallel edges merged: one edge per (source, target, relation) with its years.
    keys = desktop.evaluate("window.pbkgExplorer.graph.edges()")
    assert len(keys) == len(set(keys))
    years = desktop.evaluate(
        "k => window.pbkgExplorer.graph.getEdgeAttribute(k, 'years')",
        f"{KIEN_GIANG_BOARD}|{CUM5}|member_of")
    assert years == [2022, 2023]
    # Time slider: 2022 hides the 2023-only chair edge of Kiên Giang.
    desktop.evaluate("window.pbkgExplorer.setYear(2022)")
    assert desktop.inner_text("#year-value") == "2022"
    # Edge details: year, role and the source's quote.
    edge = f"{KIEN_GIANG_BOARD}|{CUM5}|chaired"
    desktop.evaluate("window.pbkgExplorer.setYear(null)")
    desktop.evaluate("e => window.pbkgExplorer.centerOn(e.split('|')[0], 0.5)", edge)
    desktop.evaluate("e => window.pbkgExplorer.showEdge(e)", edge)
    desktop.wait_for_selector("#tooltip .edge-fact blockquote", timeout=15_000)
    tip = desktop.inner_text("#tooltip")
    assert "2023" in tip and "cụm trưởng" in tip and "“" in tip
    assert _axe(desktop) == []
    assert desktop.errors == []


def test_graph_on_a_phone_taps_select_and_panels_fold(phone, server):
    phone.goto(server + "/graph?cluster=cum-5")
    _ready(phone)
    assert phone.evaluate("document.getElementById('filters-box').open") is False
    assert phone.evaluate("document.getElementById('legend-box').open") is False
    phone.evaluate("n => window.pbkgExplorer.centerOn(n, 0.6)", CA_MAU_BOARD)
    point = phone.evaluate("n => window.pbkgExplorer.nodePosition(n)", CA_MAU_BOARD)
    phone.touchscreen.tap(point["x"], point["y"])
    phone.wait_for_selector("#side-panel:not([hidden])", timeout=10_000)
    assert "Cà Mau" in phone.inner_text("#side-panel")
    _shot(phone, "site-graph-390.png", full=False)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392
    assert _axe(phone) == []
    assert phone.errors == []


@pytest.mark.parametrize("index_kind", ["on disk", "in memory"])
def test_names_mark_exactly_the_entities_that_share_a_label(built_dist, project, index_kind):
    """The lazy per-entity check (the search index, on disk or in memory, then the entity's
    own validity query) marks the same entities as the definition: every IRI under the id base
    whose label in a language another such IRI also bears, and that has a period."""
    from collections import defaultdict

    from pbkg.fact_labels import period
    from pbkg.search import DiskIndex
    from pbkg.site import Site
    from pbkg.store import EmbeddedStore

    store = EmbeddedStore.from_dist(built_dist)
    if index_kind == "in memory":
        store.search_index_path = None  # the index is then made from the store
    site = Site(store, project.queries)
    index = site.index
    assert isinstance(index, DiskIndex) == (index_kind == "on disk")
    bearers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri in index.iris(site.id_base):
        for lang, text in index.labels(iri).items():
            bearers[(lang, text)].add(iri)
    shared = {iri for iris in bearers.values() if len(iris) > 1 for iri in iris}
    assert shared, "the real graph has bodies that share a name (a province before and after 2025)"
    marked = {iri for iri in index.iris(site.id_base)
              if any(site.names(iri, lang) != text for lang, text in index.labels(iri).items())}
    assert marked == {iri for iri in shared if period(*site.validity_of(iri))}
    assert marked, "some of them have a period to tell them apart"
    for iri in marked:
        assert site.names(iri, "vi").endswith(period(*site.validity_of(iri)))


def test_an_entity_s_leadership_rows_are_those_of_the_whole_table_that_name_it(store, project):
    """The per-entity query (what an entity page asks) gives the rows of the overview's table
    whose cluster, unit or person is the entity, in the same order."""
    from pbkg.site import Site

    site = Site(store, project.queries)
    table = site.leadership_rows()
    assert table
    entities = {x["iri"] for r in table for x in (r["cluster"], r["unit"], r["person"]) if x}
    assert len(entities) > 20
    for iri in sorted(entities):
        expected = [r for r in table
                    if iri in {x["iri"] for x in (r["cluster"], r["unit"], r["person"]) if x}]
        assert site.leadership_rows(iri) == expected, iri
    assert site.leadership_rows("https://w3id.org/pbkg/id/org/no-such-body") == []


def test_is_block_agrees_with_the_cluster_list(store, project):
    """The per-cluster type query tells blocks (khối) as the list of every cluster does."""
    from pbkg.site import Site

    site = Site(store, project.queries)
    listed = {r["cluster"]["value"]: (r.get("type") or {}).get("value") for r in site.rows("clusters")}
    assert "block" in listed.values() and "cluster" in listed.values()
    for cluster, kind in listed.items():
        assert site.is_block(cluster) == (kind == "block"), cluster
    assert not site.is_block("https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-ca-mau")


def test_latest_sources_are_the_first_twelve_of_every_article_by_date(store, project):
    """The home page's 12 latest articles (chosen before their facts are counted) are the first
    12 of every article ordered by date, newest first, with each one's count of facts."""
    from pbkg.site import Site

    every = store.query("""
        PREFIX schema: <https://schema.org/>
        PREFIX pbo: <https://w3id.org/pbkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?article (SAMPLE(?d) AS ?date) (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
          ?article a schema:NewsArticle .
          OPTIONAL { ?article pbo:eventDate ?event }
          OPTIONAL { ?article schema:datePublished ?published }
          BIND(STR(COALESCE(?published, ?event)) AS ?d)
          OPTIONAL { ?fact prov:wasDerivedFrom ?article }
        } GROUP BY ?article ORDER BY DESC(?date) ?article""").rows
    assert len(every) > 12
    latest = Site(store, project.queries).site_rows("latest-sources")
    def plain(rows):
        return [(r["article"]["value"], r["date"]["value"], int(r["facts"]["value"])) for r in rows]
    assert plain(latest) == plain(every[:12])
    assert all(facts > 0 for _, _, facts in plain(latest))
