"""As of a date (issue 8, item 7): `pbkg query … --as-of` and `?as_of=` on the lookup API."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.asof import bind_as_of, in_force, parse_as_of
from pbkg.catalog import load_catalog
from pbkg.errors import InvalidParameter
from pbkg.settings import Settings


def run_query(project, built_dist, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PBKG_DIST": str(built_dist)}
    return subprocess.run([sys.executable, "-m", "pbkg.cli", "query", *args],
                          cwd=project.root, capture_output=True, text=True, timeout=300, env=env)


def table(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


def test_cli_as_of_gives_the_roles_of_that_year(project, built_dist) -> None:
    done = run_query(project, built_dist, "cluster-chairs", "--as-of", "2025-11-18",
                     "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    assert rows and {r["year"] for r in rows} == {"2025"}
    assert ("https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-thanh-hoa", "chair") in {
        (r["unit"], r["role"]) for r in rows}


def test_cli_as_of_bodies_before_and_after_the_merger(project, built_dist) -> None:
    before = table(run_query(project, built_dist, "party-bodies", "--as-of", "2025-06-30",
                             "--format", "csv").stdout)
    after = table(run_query(project, built_dist, "party-bodies", "--as-of", "2025-07-01",
                            "--format", "csv").stdout)
    slugs_before = {r["body"].rsplit("/", 1)[-1] for r in before}
    slugs_after = {r["body"].rsplit("/", 1)[-1] for r in after}
    # Thanh Hóa's board is the same node on both days; Bắc Ninh's is replaced.
    assert "ban-to-chuc-tinh-uy-thanh-hoa" in slugs_before & slugs_after
    assert "ban-to-chuc-tinh-uy-bac-ninh" in slugs_before - slugs_after
    assert "ban-to-chuc-tinh-uy-bac-ninh-2025" in slugs_after - slugs_before
    assert not any(s.endswith("thanh-hoa-2025") for s in slugs_after)


@pytest.mark.parametrize("bad", ["2021-02-30", "2021", "yesterday"])
def test_cli_as_of_refuses_a_bad_date(project, built_dist, bad: str) -> None:
    done = run_query(project, built_dist, "cluster-chairs", "--as-of", bad)
    assert done.returncode != 0
    assert "--as-of" in done.stderr and "Traceback" not in done.stderr


def test_cli_as_of_refuses_a_query_that_is_not_dated(project, built_dist) -> None:
    done = run_query(project, built_dist, "document-citations", "--as-of", "2022-01-01")
    assert done.returncode != 0
    assert "does not take a date" in done.stderr


def test_binding_and_helpers(project) -> None:
    catalog = load_catalog(project.queries)
    bound = bind_as_of(catalog["cluster-members"], {"year": "2021"}, date(2021, 5, 1))
    assert bound == {"year": "2021", "asOf": "2021-05-01"}
    assert "VALUES ?asOf" in catalog["cluster-members"].render(bound)
    with pytest.raises(InvalidParameter):
        bind_as_of(catalog["awards"], {}, date(2021, 5, 1))
    with pytest.raises(InvalidParameter):
        parse_as_of("2021-13-01")
    assert in_force(None, "2025-06-30", date(2025, 6, 30))
    assert not in_force("2025-07-01", None, date(2025, 6, 30))


@pytest.fixture(scope="module")
def client(store, built_dist, project) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(built_dist))
        yield TestClient(create_app(settings=Settings(), store=store, project=project))


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_api_cluster_as_of_keeps_that_year(client) -> None:
    full = get(client, "/api/clusters/to-chuc-xay-dung-dang-cum-2")
    dated = get(client, "/api/clusters/to-chuc-xay-dung-dang-cum-2?as_of=2021-03-01")
    assert {y["year"] for y in full["members"]} >= {2021, 2025}
    assert [y["year"] for y in dated["members"]] == [2021]
    assert "ban-to-chuc-tinh-uy-thanh-hoa" in {
        m["unit"]["id"] for m in dated["members"][0]["members"]}
    assert dated["leadership"] == []


def test_api_organization_as_of_says_whether_it_existed(client) -> None:
    old = get(client, "/api/organizations/ban-to-chuc-tinh-uy-bac-ninh?as_of=2025-08-01")
    assert old["in_force"] is False and old["valid_until"] == "2025-06-30"
    new = get(client, "/api/organizations/ban-to-chuc-tinh-uy-bac-ninh-2025?as_of=2025-08-01")
    assert new["in_force"] is True and new["valid_from"] == "2025-07-01"
    kept = get(client, "/api/organizations/ban-to-chuc-tinh-uy-thanh-hoa?as_of=2025-11-18")
    assert kept["in_force"] is True
    assert {(m["cluster"]["id"], m["year"]) for m in kept["memberships"]} == {
        ("to-chuc-xay-dung-dang-cum-2", 2025)}
    assert {(r["role"], r["year"]) for r in kept["roles"]} == {("chair", 2025)}


def test_api_province_lineage_as_of_both_directions(client) -> None:
    hue = get(client, "/api/provinces/thua-thien-hue?as_of=2025-03-01")["as_of"]
    assert hue["in_force"] is False
    assert [u["id"] for u in hue["in_force_units"]] == ["hue-2025"]
    ca_mau = get(client, "/api/provinces/ca-mau-2025?as_of=2025-03-01")["as_of"]
    assert ca_mau["in_force"] is False
    assert {u["id"] for u in ca_mau["in_force_units"]} == {"ca-mau", "bac-lieu"}
    bac_lieu = get(client, "/api/provinces/bac-lieu?as_of=2024-01-01")["as_of"]
    assert bac_lieu["in_force"] is True
    assert get(client, "/api/provinces/bac-lieu")["as_of"] is None


def test_api_person_as_of(client) -> None:
    hung = get(client, "/api/people/nguyen-van-hung?as_of=2025-01-01")
    assert hung["posts"] and {p["attested_on"][:4] for p in hung["posts"]} == {"2025"}
    assert get(client, "/api/people/nguyen-van-hung?as_of=2020-01-01")["posts"] == []


@pytest.mark.parametrize("bad", ["2021-02-30", "soon", "2021"])
def test_api_as_of_bad_value_is_a_4xx(client, bad: str) -> None:
    response = client.get(f"/api/clusters/to-chuc-xay-dung-dang-cum-2?as_of={bad}")
    assert 400 <= response.status_code < 500


def test_api_continuing_province_shows_the_bodies_that_continue(client) -> None:
    after = get(client, "/api/provinces/thanh-hoa-2025")
    assert after["party_committee"]["id"] == "tinh-uy-thanh-hoa"
    assert after["organization_board"]["id"] == "ban-to-chuc-tinh-uy-thanh-hoa"


# Entity pages (HTML) as of a date ------------------------------------------------------------

HTML = {"Accept": "text/html"}


def page(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


@pytest.fixture(scope="module")
def lds(store, project):
    from pbkg.linked_data import LinkedData

    return LinkedData(store, project.queries, Settings())


def org(slug: str) -> str:
    return f"https://w3id.org/pbkg/id/org/{slug}"


def test_page_as_of_keeps_the_roles_and_facts_of_that_year(lds) -> None:
    iri = org("ban-to-chuc-tinh-uy-thanh-hoa")
    whole = lds.page(iri)
    dated = lds.page(iri, as_of=date(2025, 11, 18))
    assert {r["year"] for r in whole["leadership"]} >= {2025}
    assert dated["leadership"] and {r["year"] for r in dated["leadership"]} == {2025}
    years = {i["year"] for g in dated["facts"] for i in g["items"] if i["year"]}
    assert years == {2025}
    assert sum(len(g["items"]) for g in dated["facts"]) < sum(len(g["items"])
                                                             for g in whole["facts"])
    # A body that continued across 2025 states no first or last day: no claim either way.
    assert dated["as_of"]["in_force"] is None and whole["as_of"] is None


def test_page_as_of_says_which_bodies_existed_with_their_lineage(lds) -> None:
    old = lds.page(org("ban-to-chuc-tinh-uy-bac-ninh"), as_of=date(2025, 8, 1))["as_of"]
    assert old["in_force"] is False and old["valid_until"] == "2025-06-30"
    became = [x for x in old["lineage"] if x["direction"] == "became"]
    assert [(x["unit"]["iri"], x["in_force"]) for x in became] == [
        (org("ban-to-chuc-tinh-uy-bac-ninh-2025"), True)]
    assert [u["iri"] for u in old["in_force_then"]] == [org("ban-to-chuc-tinh-uy-bac-ninh-2025")]
    new = lds.page(org("ban-to-chuc-tinh-uy-bac-ninh-2025"), as_of=date(2025, 3, 1))["as_of"]
    assert new["in_force"] is False
    came_from = {x["unit"]["iri"] for x in new["lineage"] if x["direction"] == "from"}
    assert org("ban-to-chuc-tinh-uy-bac-ninh") in came_from and len(came_from) >= 2
    assert {u["iri"] for u in new["in_force_then"]} == came_from


def test_page_as_of_province_lineage_both_directions(lds) -> None:
    province = "https://w3id.org/pbkg/id/province/"
    hue = lds.page(province + "thua-thien-hue", as_of=date(2025, 3, 1))["as_of"]
    assert hue["in_force"] is False
    assert [u["iri"] for u in hue["in_force_then"]] == [province + "hue-2025"]
    ca_mau = lds.page(province + "ca-mau-2025", as_of=date(2025, 3, 1))["as_of"]
    assert ca_mau["in_force"] is False
    assert {u["iri"] for u in ca_mau["in_force_then"]} == {province + "ca-mau",
                                                           province + "bac-lieu"}
    assert {x["direction"] for x in ca_mau["lineage"]} == {"from"}
    # Each unit under the name it had: the labels of the units in force then.
    assert {u["labels"]["vi"] for u in ca_mau["in_force_then"]} == {"Cà Mau", "Bạc Liêu"}


def test_html_page_as_of_names_the_day_and_links_back(client) -> None:
    html = page(client, "/id/org/ban-to-chuc-tinh-uy-bac-ninh?as_of=2025-08-01")
    assert '<time datetime="2025-08-01">' in html
    assert 'class="undated" href="/id/org/ban-to-chuc-tinh-uy-bac-ninh"' in html
    assert "not-in-force" in html
    assert 'href="/id/org/ban-to-chuc-tinh-uy-bac-ninh-2025?as_of=2025-08-01"' in html
    undated = page(client, "/id/org/ban-to-chuc-tinh-uy-bac-ninh")
    assert 'class="as-of"' not in undated


def test_html_page_as_of_does_not_leak_into_the_undated_page(client) -> None:
    """The per-store cache holds what does not depend on the date; a dated page first must
    leave the undated one whole."""
    dated = page(client, "/id/org/ban-to-chuc-tinh-uy-thanh-hoa?as_of=2021-06-30")
    whole = page(client, "/id/org/ban-to-chuc-tinh-uy-thanh-hoa")
    dated_again = page(client, "/id/org/ban-to-chuc-tinh-uy-thanh-hoa?as_of=2021-06-30")
    assert dated == dated_again
    assert whole.count('<article class="fact') > dated.count('<article class="fact')


@pytest.mark.parametrize("bad", ["2021-02-30", "soon", "2021", "2021-6-3"])
def test_html_page_bad_as_of_is_400_html_or_problem_json(client, bad: str) -> None:
    path = f"/id/cluster/to-chuc-xay-dung-dang-cum-2?as_of={bad}"
    html = client.get(path, headers=HTML)
    assert html.status_code == 400 and html.headers["content-type"].startswith("text/html")
    assert "YYYY-MM-DD" in html.text and bad in html.text
    problem = client.get(path, headers={"Accept": "application/json"})
    assert problem.status_code == 400
    assert problem.headers["content-type"].startswith("application/problem+json")
    body = problem.json()
    assert body["status"] == 400 and "YYYY-MM-DD" in body["detail"]
    assert body["parameter"] == "as_of"


def test_rdf_as_of_is_refused_with_a_message(client) -> None:
    response = client.get("/id/cluster/to-chuc-xay-dung-dang-cum-2.ttl?as_of=2021-06-30")
    assert response.status_code == 400
    assert "HTML page" in response.json()["detail"]
    assert client.get("/id/cluster/to-chuc-xay-dung-dang-cum-2.ttl").status_code == 200
