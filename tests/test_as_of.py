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
