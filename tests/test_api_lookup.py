"""The lookup API against the real build, in-process (TestClient). Assertions are about the
facts of the five seed articles; other sources (machine-extracted articles) may add more, so
exact sets are taken over the facts whose source is a seed article."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.settings import Settings

ID = "https://w3id.org/pbkg/id/"
ARTICLE_001 = ID + "article/xay-dung-dang-2022-12"
ARTICLE_TAY_NINH = ID + "article/bao-tay-ninh-2020-12-04"
ARTICLE_HA_NAM = ID + "article/bao-ha-nam-2020-07-15"
SEEDS = {ID + "article/" + key for key in (
    "xay-dung-dang-2022-12", "bao-tay-ninh-2020-12-04", "bao-ha-nam-2020-07-15",
    "bao-lang-son-2020-12-30", "bao-son-la-2024-06-20")}


@pytest.fixture(scope="module")
def client(store, built_dist, project) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(built_dist))
        yield TestClient(create_app(settings=Settings(), store=store, project=project))


def get(client: TestClient, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def facts(obj) -> Iterator[dict]:
    """Every fact object (it has a "fact" IRI) anywhere in an answer."""
    if isinstance(obj, dict):
        if "fact" in obj:
            yield obj
        for v in obj.values():
            yield from facts(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from facts(v)


def ids(refs) -> set[str]:
    return {r["id"] for r in refs}


def seed(items: list[dict]) -> list[dict]:
    """The facts stated by the seed articles."""
    return [i for i in items if i["source"] and i["source"]["iri"] in SEEDS]


# Clusters ------------------------------------------------------------------------------------

def test_clusters_list(client):
    clusters = {c["id"]: c for c in get(client, "/api/clusters")}
    assert set(clusters) >= {"to-chuc-xay-dung-dang-cum-1", "to-chuc-xay-dung-dang-cum-4",
                             "to-chuc-xay-dung-dang-cum-5", "lang-son-cum-co-quan-dang-tinh",
                             "ha-nam-khoi-ban-xay-dung-dang"}
    cm5 = clusters["to-chuc-xay-dung-dang-cum-5"]
    assert cm5["labels"] == {"vi": "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng",
                             "en": "Emulation Cluster No. 5 of the Party Organization Sector"}
    assert (cm5["type"], cm5["level"], cm5["number"]) == ("cluster", "national-sector", 5)
    assert {2022, 2023} <= set(cm5["years"]) and cm5["years"] == sorted(cm5["years"])
    assert cm5["iri"] == ID + "cluster/to-chuc-xay-dung-dang-cum-5"
    hn = clusters["ha-nam-khoi-ban-xay-dung-dang"]
    assert (hn["type"], hn["level"], hn["number"]) == ("block", "provincial", None)


def test_cluster_5_chair_2023_is_kien_giang_with_evidence(client):
    c = get(client, "/api/clusters/to-chuc-xay-dung-dang-cum-5")
    assert c["coordinated_by"]["id"] == "ban-to-chuc-trung-uong"
    assert "Cụm 5" in c["alt_labels"]
    years = {y["year"]: seed(y["roles"]) for y in c["leadership"]}
    assert {2022, 2023} <= set(years)
    chairs = [r for r in years[2023] if r["role"] == "chair"]
    assert len(chairs) == 1
    chair = chairs[0]
    assert chair["unit"]["id"] == "ban-to-chuc-tinh-uy-kien-giang"
    assert chair["unit"]["labels"]["vi"] == "Ban Tổ chức Tỉnh ủy Kiên Giang"
    assert chair["inferred"] is False
    assert chair["source"]["iri"] == ARTICLE_001
    assert chair["source"]["title"].startswith("Cụm Thi đua số 5 (Ban Tổ chức Trung ương)")
    assert chair["evidence"] == ["bầu ra Cụm trưởng Cụm Thi đua số 5 năm 2023 là BTC TU Kiên Giang"]
    assert chair["decided_at"]["id"] == "to-chuc-xay-dung-dang-cum-5-tong-ket-2022"
    vice = {r["unit"]["id"] for r in years[2023] if r["role"] == "vice-chair"}
    assert vice == {"ban-to-chuc-tinh-uy-ben-tre", "ban-to-chuc-tinh-uy-an-giang"}
    # Roles come in rank order within a year.
    assert [r["role"] for r in years[2022]] == ["chair", "vice-chair"]
    assert years[2022][0]["unit"]["id"] == "ban-to-chuc-tinh-uy-ca-mau"


def test_cluster_5_members_counts_and_conferences(client):
    c = get(client, "/api/clusters/to-chuc-xay-dung-dang-cum-5")
    members = {y["year"]: ids(m["unit"] for m in seed(y["members"])) for y in c["members"]}
    assert members[2022] == {f"ban-to-chuc-tinh-uy-{p}" for p in
                             ("ca-mau", "kien-giang", "soc-trang", "vinh-long", "bac-lieu",
                              "ben-tre")} | {"ban-to-chuc-thanh-uy-can-tho"}
    assert members[2023] == {"ban-to-chuc-tinh-uy-kien-giang", "ban-to-chuc-tinh-uy-ben-tre",
                             "ban-to-chuc-tinh-uy-an-giang"}
    (count,) = seed(c["member_counts"])
    assert (count["year"], count["count"], count["qualifier"]) == (2022, 11, "exact")
    assert count["evidence"] == ["có 9/11 tỉnh, thành ủy trong Cụm đã hoàn thành Đại hội"]
    confs = {x["id"]: x for x in seed(c["conferences"])}
    assert set(confs) == {"to-chuc-xay-dung-dang-cum-5-so-ket-2022",
                          "to-chuc-xay-dung-dang-cum-5-tong-ket-2022"}
    review = confs["to-chuc-xay-dung-dang-cum-5-tong-ket-2022"]
    assert (review["kind"], review["date"], review["place"]["id"]) == \
        ("year-end-review", "2022-12", "ca-mau")
    # Hosting is recorded as hosting, never as chairing.
    assert ids(confs["to-chuc-xay-dung-dang-cum-5-so-ket-2022"]["hosts"]) == {
        "ban-to-chuc-tinh-uy-ca-mau", "ban-to-chuc-tinh-uy-kien-giang"}


def test_ha_nam_2020_chair_unit_is_inferred(client):
    c = get(client, "/api/clusters/ha-nam-khoi-ban-xay-dung-dang")
    year = next(y for y in c["leadership"] if y["year"] == 2020)
    by_unit = {(r["unit"] or {}).get("id"): r for r in seed(year["roles"])}
    inferred = by_unit["ban-tuyen-giao-tinh-uy-ha-nam"]
    assert inferred["role"] == "chair" and inferred["inferred"] is True
    assert inferred["person"]["id"] == "tran-duc-thuan"
    assert inferred["source"]["iri"] == ARTICLE_HA_NAM
    # one role, one node: no second row for the person alone
    assert set(by_unit) == {"ban-tuyen-giao-tinh-uy-ha-nam"}
    assert "Trưởng khối thi đua năm 2020" in inferred["evidence"][0]
    members = next(y for y in c["members"] if y["year"] == 2020)
    (member,) = seed(members["members"])
    assert member["unit"]["id"] == "ban-tuyen-giao-tinh-uy-ha-nam" and member["inferred"] is True


# Organizations ---------------------------------------------------------------------------------

def test_organization_kien_giang_board(client):
    o = get(client, "/api/organizations/ban-to-chuc-tinh-uy-kien-giang")
    assert o["labels"]["vi"] == "Ban Tổ chức Tỉnh ủy Kiên Giang"
    assert o["type"]["name"] == "PartyBoard"
    assert o["parent"]["id"] == "tinh-uy-kien-giang"
    assert o["area"]["id"] == "kien-giang" and o["board_kind"] == "organization"
    assert {(m["cluster"]["id"], m["year"]) for m in seed(o["memberships"])} == {
        ("to-chuc-xay-dung-dang-cum-5", 2022), ("to-chuc-xay-dung-dang-cum-5", 2023)}
    assert {(r["year"], r["role"]) for r in seed(o["roles"])} == {(2022, "vice-chair"),
                                                                   (2023, "chair")}
    awards = {(a["kind"], a["status"]): a for a in seed(o["awards"])}
    # the rotating flag handed to the 2023 chair is a hand-over, not an award
    assert ("rotating-flag", "conferred") not in awards
    assert awards[("certificate-of-merit", "proposed")]["year"] == 2022


def test_organization_posts_with_holders(client):
    o = get(client, "/api/organizations/ban-to-chuc-tinh-uy-ca-mau")
    post = next(p for p in o["posts"] if p["post"]["id"] == "truong-ban-to-chuc-tinh-uy-ca-mau")
    assert post["role"] == "head"
    (holder,) = seed(post["holders"])
    assert holder["person"]["labels"]["vi"] == "Huỳnh Thị Thanh Loan"
    assert holder["attested_on"] == "2022-12"
    assert holder["evidence"] == [
        "đồng chí Huỳnh Thị Thanh Loan – Trưởng Ban Tổ chức Tỉnh ủy Cà Mau"]
    assert {a["status"] for a in seed(o["awards"])} == {"proposed"}  # proposed is not conferred


# Provinces -------------------------------------------------------------------------------------

def test_provinces_by_generation(client):
    assert len(get(client, "/api/provinces")) == 97
    pre = get(client, "/api/provinces?generation=pre-2025")
    post = get(client, "/api/provinces?generation=post-2025")
    assert len(pre) == 63 and len(post) == 34
    assert {p["generation"] for p in pre} == {"pre-2025"}
    bac_lieu = next(p for p in pre if p["id"] == "bac-lieu")
    assert bac_lieu["successor"]["id"] == "ca-mau-2025" and bac_lieu["code"] == "95"


def test_bac_lieu_became_ca_mau_on_2025_07_01_by_202(client):
    p = get(client, "/api/provinces/bac-lieu")
    assert p["generation"] == "pre-2025" and p["unit_type"] == "province"
    became = p["became"]
    assert became["unit"]["id"] == "ca-mau-2025"
    assert became["date"] == "2025-07-01"
    assert became["kind"] == "merger"
    assert became["legal_basis"]["identifier"] == "202/2025/QH15"
    assert became["legal_basis"]["id"] == "202-2025-qh15-2025"
    assert p["party_committee"]["id"] == "tinh-uy-bac-lieu"
    assert p["organization_board"]["id"] == "ban-to-chuc-tinh-uy-bac-lieu"
    assert p["generation_period"]["valid_until"] == "2025-06-30"


def test_ca_mau_2025_came_from_two_units(client):
    p = get(client, "/api/provinces/ca-mau-2025")
    assert p["generation"] == "post-2025" and p["became"] is None
    assert ids(c["unit"] for c in p["came_from"]) == {"bac-lieu", "ca-mau"}
    assert {c["date"] for c in p["came_from"]} == {"2025-07-01"}
    # a merged province's committee and board are new bodies from 2025-07-01
    assert p["party_committee"]["id"] == "tinh-uy-ca-mau-2025"
    assert p["organization_board"]["id"] == "ban-to-chuc-tinh-uy-ca-mau-2025"


# People ----------------------------------------------------------------------------------------

def test_nguyen_van_phong_posts(client):
    p = get(client, "/api/people/nguyen-van-phong")
    assert p["labels"]["vi"] == "Nguyễn Văn Phóng"
    posts = {(x["post"]["id"], x["attested_on"]) for x in seed(p["posts"])}
    assert posts == {("vu-truong-vu-dia-phuong-iii", "2022-12"),
                     ("truong-doan-cong-tac-vu-dia-phuong-iii", "2022-12-10")}
    for x in seed(p["posts"]):
        assert x["organization"]["id"] == "vu-dia-phuong-iii"
        assert x["source"]["iri"] == ARTICLE_001
        assert any("Nguyễn Văn Phóng" in q for q in x["evidence"])
    # the delegation's visit to the temple is a visit, not a conference attended
    assert ids(seed(p["conferences_attended"])) == {"to-chuc-xay-dung-dang-cum-5-tong-ket-2022"}


def test_person_cluster_roles(client):
    p = get(client, "/api/people/tran-duc-thuan")
    roles = {((r["unit"] or {}).get("id"), r["inferred"]) for r in seed(p["cluster_roles"])}
    # one role, one node: the board he heads, inferred, with him on it
    assert roles == {("ban-tuyen-giao-tinh-uy-ha-nam", True)}


# Documents -------------------------------------------------------------------------------------

def test_05_ct_tw_cited_by_two_articles(client):
    listed = {d["id"]: d for d in get(client, "/api/documents")}
    assert len(listed) >= 11
    assert listed["05-ct-tw-2016"]["citations"] >= 2
    assert listed["05-ct-tw-2016"]["citing_articles"] >= 2
    d = get(client, "/api/documents/05-ct-tw-2016")
    assert (d["identifier"], d["kind"], d["issued"]) == ("05-CT/TW", "directive", "2016-05-15")
    assert d["issuer"]["id"] == "bo-chinh-tri"
    assert {a["iri"] for a in d["citing_articles"]} & SEEDS == {ARTICLE_001, ARTICLE_TAY_NINH}
    where = {(c["source"]["iri"], c["conference"]["id"], c["identifier_as_written"])
             for c in seed(d["citations"])}
    assert where == {(ARTICLE_001, "to-chuc-xay-dung-dang-cum-5-tong-ket-2022", "05-CT/TW"),
                     (ARTICLE_TAY_NINH, "to-chuc-xay-dung-dang-cum-4-tong-ket-2020", "05-CT/TW")}


def test_mistyped_identifier_is_kept_and_marked_inferred(client):
    d = get(client, "/api/documents/40-kl-tw-2022")
    (c,) = seed(d["citations"])
    assert c["identifier_as_written"] == "40-TB/TW" and c["inferred"] is True
    assert d["identifier"] == "40-KL/TW"


# Awards and conferences --------------------------------------------------------------------

def test_awards_filters(client):
    proposed = seed(get(client, "/api/awards?status=proposed"))
    assert proposed and {a["status"] for a in proposed} == {"proposed"}
    assert "ban-to-chuc-tinh-uy-ca-mau" in {r["id"] for a in proposed for r in a["recipients"]}
    in_2018 = seed(get(client, "/api/awards?year=2018"))
    # the Tây Ninh flag: a ranking, its named unit and its count on two facts
    assert [(a["kind"], a["status"], a["period_start"], a["period_end"]) for a in in_2018] == [
        ("emulation-flag", "ranking", 2016, 2020)] * 2
    # The period node itself (pbo:period): its id, the source's name for it, its days.
    assert {(a["period"]["id"], a["period"]["labels"]["vi"], a["period"]["start"],
             a["period"]["end"]) for a in in_2018} == {
        ("2016-2020", "giai đoạn 2016-2020", "2016-01-01", "2020-12-31")}
    assert sorted((a["collective_count"] or 0, len(a["recipients"])) for a in in_2018) == [
        (0, 1), (2, 0)]
    assert {a["proposed_to"]["id"] for a in in_2018} == {"ban-to-chuc-trung-uong"}
    assert {a["conferred_by"] for a in in_2018} == {None}
    cluster_4 = seed(get(client, "/api/awards?cluster=to-chuc-xay-dung-dang-cum-4"))
    assert {a["cluster"]["id"] for a in cluster_4} == {"to-chuc-xay-dung-dang-cum-4"}
    assert len(cluster_4) == 3
    counted = next(a for a in cluster_4 if a["kind"] == "certificate-of-merit")
    assert (counted["collective_count"], counted["individual_count"]) == (3, 4)
    assert counted["conferred_by"]["id"] == "truong-ban-to-chuc-trung-uong"
    assert counted["giver"]["id"] == "truong-ban-to-chuc-trung-uong"
    assert seed(get(client, "/api/awards?status=conferred&year=2023")) == []


def test_conferences_filters(client):
    mid = get(client, "/api/conferences?kind=mid-year-review")
    assert {c["kind"] for c in mid} == {"mid-year-review"} and len(seed(mid)) == 3
    # Each reviews the first half of its year: a pbo:Period node named by its days.
    for c in seed(mid):
        year = c["reviewed_period"]["start"][:4]
        assert (c["reviewed_period"]["id"], c["reviewed_period"]["end"]) == (
            f"{year}-01-01--{year}-06-30", f"{year}-06-30")
        assert c["reviewed_period"]["labels"]["vi"] == f"6 tháng đầu năm {year}"
    cm5 = get(client, "/api/conferences?cluster=to-chuc-xay-dung-dang-cum-5")
    assert {c["cluster"]["id"] for c in cm5} == {"to-chuc-xay-dung-dang-cum-5"}
    dates = [c["date"] or "" for c in get(client, "/api/conferences")]
    assert dates == sorted(dates)


def test_lists_by_cluster_are_the_whole_lists_filtered(client):
    # The cluster filter starts from the facts linking to the cluster; it must answer as the
    # file's own filter does over every fact, for every cluster and with the other filters.
    awards, conferences = get(client, "/api/awards"), get(client, "/api/conferences")
    clusters = [c["id"] for c in get(client, "/api/clusters")]
    assert len(clusters) > 10
    seen = 0
    for cid in clusters:
        mine = [a for a in awards if (a["cluster"] or {}).get("id") == cid]
        assert get(client, f"/api/awards?cluster={cid}") == mine
        conferred = [a for a in mine if a["status"] == "conferred"]
        assert get(client, f"/api/awards?cluster={cid}&status=conferred") == conferred
        held = [c for c in conferences if (c["cluster"] or {}).get("id") == cid]
        assert get(client, f"/api/conferences?cluster={cid}") == held
        seen += bool(mine) + bool(held)
    assert seen > 5
    # A year matches an award's own year or falls within its period (whose days the query
    # reads from the award's graph): checked here against the years the answers state.
    spans = 0
    for year in range(2015, 2026):
        in_year = [a for a in awards if a["year"] == year or (
            a["period_start"] is not None and a["period_start"] <= year <= a["period_end"])]
        spans += sum(a["year"] != year for a in in_year)
        assert get(client, f"/api/awards?year={year}") == in_year
        for cid in {(a["cluster"] or {}).get("id") for a in in_year} - {None}:
            assert get(client, f"/api/awards?cluster={cid}&year={year}") == [
                a for a in in_year if (a["cluster"] or {}).get("id") == cid]
    assert spans >= 5  # matched by their period alone


def test_whole_graph_lists_run_under_the_time_limit(store, built_dist, project):
    # A list over the whole graph has no bound on its cost: it runs as /sparql queries do, in
    # a worker stopped at the time limit (503); a cluster's list starts from the cluster and
    # runs in process. A limit no query can meet tells the two apart.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(built_dist))
        tight = TestClient(create_app(settings=Settings(query_timeout=1e-9), store=store,
                                      project=project))
        for url in ("/api/awards", "/api/awards?status=conferred", "/api/conferences",
                    "/api/documents"):
            body = get(tight, url, 503)
            assert body["type"] == "urn:pbkg:problem:query-timeout", url
            assert "time limit" in body["detail"]
        assert get(tight, "/api/awards?cluster=to-chuc-xay-dung-dang-cum-4")
        assert get(tight, "/api/conferences?cluster=to-chuc-xay-dung-dang-cum-5")


# Every fact carries its provenance ---------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/clusters/to-chuc-xay-dung-dang-cum-5", "/api/clusters/ha-nam-khoi-ban-xay-dung-dang",
    "/api/clusters/lang-son-cum-co-quan-dang-tinh",
    "/api/organizations/ban-to-chuc-tinh-uy-tay-ninh",
    "/api/people/nguyen-huu-dong", "/api/documents/04-nq-tw-2016", "/api/awards",
    "/api/conferences",
])
def test_every_fact_has_source_title_evidence_and_inferred(client, url):
    found = list(facts(get(client, url)))
    assert found
    for f in found:
        assert f["source"]["iri"].startswith(ID + "article/"), f
        assert f["source"]["title"], f
        assert f["evidence"] and all(q.strip() for q in f["evidence"]), f
        assert isinstance(f["inferred"], bool)


# Errors ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/clusters/no-such-cluster", "/api/organizations/no-such-org",
    "/api/provinces/atlantis", "/api/people/nobody", "/api/documents/99-nq-tw-2099",
    "/api/people/to-chuc-xay-dung-dang-cum-5",      # a slug of another kind
    "/api/clusters/ban-to-chuc-tinh-uy-ca-mau",
    "/api/awards?cluster=no-such-cluster", "/api/conferences?cluster=no-such-cluster",
])
def test_unknown_ids_are_404_with_a_message(client, url):
    body = get(client, url, 404)
    assert body["type"] == "urn:pbkg:problem:not-found" and body["detail"]


@pytest.mark.parametrize("url", [
    "/api/clusters/Not_A_Slug", "/api/people/a--b", "/api/provinces?generation=2008",
    "/api/awards?status=given", "/api/awards?year=20", "/api/awards?year=abcd",
    "/api/conferences?kind=party", "/api/search", "/api/search?q=", "/api/search?q=ca&limit=0",
    "/api/search?q=ca&limit=1000", "/api/search?q=%21%21%21", "/api/search?q=ca&kind=A%20B",
    "/api/search?q=" + "x" * 300,
])
def test_bad_parameters_are_422(client, url):
    body = get(client, url, 422)
    assert body["detail"] and body["status"] == 422


def test_openapi_documents_every_lookup(client):
    spec = get(client, "/openapi.json")
    for path in ("/api/clusters", "/api/clusters/{cluster_id}", "/api/organizations/{org_id}",
                 "/api/provinces", "/api/provinces/{province_id}", "/api/people/{person_id}",
                 "/api/documents", "/api/documents/{document_id}", "/api/awards",
                 "/api/conferences", "/api/search"):
        op = spec["paths"][path]["get"]
        assert op["summary"] and op["description"], path
        assert "200" in op["responses"]
    params = spec["paths"]["/api/clusters/{cluster_id}"]["get"]["parameters"]
    assert params[0]["schema"]["examples"] == ["to-chuc-xay-dung-dang-cum-5"]
    assert "404" in spec["paths"]["/api/clusters/{cluster_id}"]["get"]["responses"]
    assert client.get("/docs").status_code == 200


def test_public_base_rewrites_iris_in_json(store, built_dist, project):
    app = create_app(settings=Settings(public_base="http://localhost:8000/"), store=store,
                     project=project)
    response = TestClient(app).get("/api/clusters/to-chuc-xay-dung-dang-cum-5")
    assert response.status_code == 200
    assert "https://w3id.org/pbkg/" not in response.text
    body = response.json()
    assert body["iri"] == "http://localhost:8000/id/cluster/to-chuc-xay-dung-dang-cum-5"
    assert body["leadership"][1]["roles"][0]["source"]["iri"] == \
        "http://localhost:8000/id/article/xay-dung-dang-2022-12"
    # Links outside the base (the article's own URL) are left alone.
    assert body["leadership"][1]["roles"][0]["source"]["url"].startswith("https://xaydungdang")
