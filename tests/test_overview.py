"""The site's whole-graph answers computed by the build (dist/overview.json, pbkg.overview):
the same as the queries give on the real graph, pages served without the file (an older build,
a remote store), and an incremental build writes the file a full build writes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import pbkg.overview_build
from pbkg.build import build, read_manifest
from pbkg.lookup import Lookup
from pbkg.overview import LEADERSHIP, OVERVIEW
from pbkg.overview_build import cluster_order
from pbkg.paths import ProjectPaths
from pbkg.site import Site
from pbkg.store import EmbeddedStore


def _pair(dist: Path, queries: Path) -> tuple[Site, Site]:
    """The site over the build as served (with the file) and over the same store without it."""
    built, asked = EmbeddedStore.from_dist(dist), EmbeddedStore.from_dist(dist)
    asked.overview_path = None
    return Site(built, queries), Site(asked, queries)


def test_the_build_s_answers_are_those_of_the_queries(built_dist: Path, project: ProjectPaths):
    manifest = read_manifest(built_dist)
    assert manifest["overview"] == OVERVIEW and (built_dist / OVERVIEW).is_file()
    built, asked = _pair(built_dist, project.queries)
    assert built.overview is not None and asked.overview is None
    data = built.overview
    # The rows as stored are the queries' rows.
    assert data["counts"] == asked.class_counts()
    assert data["facts"] == asked.fact_count()
    assert data["sources"] == asked.latest_sources()
    assert data["clusters"] == Lookup(asked.store, project.queries).clusters()
    assert data["clusters"] == sorted(data["clusters"], key=cluster_order)
    raw = [asked.role_row(r) for r in asked.site_rows("leadership")]
    def canonical(r: dict) -> str:
        return json.dumps(r, sort_keys=True)
    assert sorted(built.built_leadership["leadership"], key=canonical) == sorted(
        raw, key=canonical)
    # And what the pages show from them is what they showed computing them.
    assert built.home() == asked.home()
    assert built.leadership_rows() == asked.leadership_rows()
    assert built.leadership() == asked.leadership()
    home = built.home()
    assert home["facts"] > 100 and home["counts"]["EmulationCluster"] > 5
    assert len(home["sources"]) == 12 and home["levels"]
    assert built.leadership()["count"] == len(raw) > 20


def test_pages_are_served_from_a_dist_without_the_file(built_dist: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    """An older build (no overview.json in its manifest or folder) still serves the home page,
    the leadership overview and the cluster list, computed by the queries, the same pages."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from api.app import create_app

    old = tmp_path / "old"
    shutil.copytree(built_dist.resolve(), old)
    (old / OVERVIEW).unlink()
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    del manifest["overview"]
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    pages = {}
    for name, dist in (("built", built_dist), ("old", old)):
        monkeypatch.setenv("PBKG_DIST", str(dist))
        store = EmbeddedStore.from_dist(dist)
        assert (store.overview_path is None) == (name == "old")
        with TestClient(create_app(store=store)) as client:
            pages[name] = {}
            for path, accept in (("/", "text/html"), ("/leadership", "text/html"),
                                 ("/api/clusters", "application/json"),
                                 ("/api/clusters/to-chuc-xay-dung-dang-cum-5", "application/json"),
                                 ("/id/cluster/to-chuc-xay-dung-dang-cum-5", "text/html")):
                response = client.get(path, headers={"Accept": accept})
                assert response.status_code == 200, (name, path)
                pages[name][path] = response.text
    assert pages["old"] == pages["built"]
    assert "to-chuc-xay-dung-dang-cum-5" in pages["old"]["/leadership"]
    assert len(json.loads(pages["old"]["/api/clusters"])) > 5


def test_a_file_of_another_layout_or_base_is_not_read(built_dist: Path, tmp_path: Path,
                                                      project: ProjectPaths):
    from pbkg.overview import read_overview

    home = json.loads((built_dist / OVERVIEW).read_bytes())
    lead = json.loads((built_dist / LEADERSHIP).read_bytes())
    merged = read_overview(built_dist / OVERVIEW, home["id_base"])
    assert merged is not None and merged["leadership"] == lead["leadership"]
    assert {k: merged[k] for k in ("counts", "facts", "sources", "clusters")} == {
        k: home[k] for k in ("counts", "facts", "sources", "clusters")}
    assert merged["names"] == {**home["names"], **lead["names"]}
    assert read_overview(built_dist / OVERVIEW, "https://example.org/id/") is None
    other = tmp_path / "other"
    other.mkdir()
    (other / OVERVIEW).write_text(json.dumps({**home, "format": 0}), encoding="utf-8")
    shutil.copy(built_dist / LEADERSHIP, other / LEADERSHIP)
    assert read_overview(other / OVERVIEW, home["id_base"]) is None
    (other / OVERVIEW).write_bytes((built_dist / OVERVIEW).read_bytes())
    (other / LEADERSHIP).unlink()  # one file alone is not the answers
    assert read_overview(other / OVERVIEW, home["id_base"]) is None
    assert read_overview(tmp_path / "absent.json", home["id_base"]) is None


def test_each_file_holds_the_names_its_rows_need(built_dist: Path):
    home = json.loads((built_dist / OVERVIEW).read_bytes())
    lead = json.loads((built_dist / LEADERSHIP).read_bytes())
    assert "leadership" not in home
    needed = {r[k] for r in lead["leadership"] for k in ("cluster", "unit", "person") if r[k]}
    assert set(lead["names"]) == needed
    assert set(home["names"]) == {c["iri"] for c in home["clusters"]} | {
        s["publisher"] for s in home["sources"] if s["publisher"]}
    assert set(lead["articles"]) == {r["source"] for r in lead["leadership"] if r["source"]}


def test_the_home_page_and_cluster_list_do_not_read_the_leadership_table(
        built_dist: Path, project: ProjectPaths):
    store = EmbeddedStore.from_dist(built_dist)
    site = Site(store, project.queries)
    site.home()
    Lookup(store, project.queries).clusters()
    assert "_pbkg_overview_home" in store.__dict__
    assert "_pbkg_overview_leadership" not in store.__dict__
    site.leadership()
    assert store.__dict__["_pbkg_overview_leadership"] is not None


# --- incremental builds ------------------------------------------------------------------------


def _files(dist: Path) -> tuple[bytes, bytes]:
    return (dist / OVERVIEW).read_bytes(), (dist / LEADERSHIP).read_bytes()


def _answers(dist: Path) -> dict:
    """Both files' answers as the build computed them."""
    from pbkg.overview import read_overview

    data = read_overview(dist / OVERVIEW, json.loads((dist / OVERVIEW).read_bytes())["id_base"])
    assert data is not None
    return data


def _articles(p: ProjectPaths) -> list[Path]:
    return sorted(f for f in p.curated.glob("*.ttl") if f.name != "entities.ttl")


def _rename_to_a_dated_board(p: ProjectPaths, data: dict) -> str:
    """A synthetic unit given the Vietnamese name of a board that has a last day and holds a
    role: the board's name then needs its period, though none of its triples changed."""
    site = Site(EmbeddedStore.from_dist(p.root / "dist"), p.queries)
    board = next(r["unit"] for r in data["leadership"] if r["unit"]
                 and "/org/ban-to-chuc-tinh-uy-" in r["unit"] and site.validity_of(r["unit"])[1])
    label = site.index.labels(board)["vi"]
    entities = p.curated / "entities.ttl"
    text = entities.read_text(encoding="utf-8")
    at = text.index("\no:syn-bao-")
    text = text[:at] + re.sub(r'rdfs:label "[^"]*"@vi', f'rdfs:label "{label}"@vi', text[at:],
                              count=1)
    entities.write_text(text, encoding="utf-8")
    return board


def _edit(p: ProjectPaths, change: str, data: dict) -> str | None:
    if change == "quotes":  # every evidence quote of one article: its leadership rows
        article = _articles(p)[len(_articles(p)) // 2]
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace('pbo:evidence "', 'pbo:evidence "Sửa: '),
                           encoding="utf-8")
    elif change == "article-removed":  # the latest: counts, facts, sources, years, rows
        latest = data["sources"][0]["iri"].rsplit("/", 1)[-1]
        for folder in (p.curated, p.sources):
            (folder / f"{latest}.ttl").unlink()
    elif change == "cluster-renamed":  # the home page's cluster list, the rows' order
        entities = p.curated / "entities.ttl"
        text = entities.read_text(encoding="utf-8")
        entities.write_text(text.replace('"Cụm thi đua số 1 ngành', '"Ă Cụm thi đua số 1 ngành',
                                         1), encoding="utf-8")
    elif change == "shared-name":
        return _rename_to_a_dated_board(p, data)
    return None


@pytest.mark.parametrize("change", ["quotes", "article-removed", "cluster-renamed",
                                    "shared-name"])
def test_an_incremental_build_writes_the_full_build_s_file(synthetic_proj: ProjectPaths, tmp_path: Path,
                                                           change: str,
                                                           monkeypatch: pytest.MonkeyPatch):
    out = synthetic_proj.root / "dist"
    before = _files(out)
    board = _edit(synthetic_proj, change, _answers(out))
    old = _answers(out)

    def not_again(site: Site) -> dict:
        raise AssertionError("the previous answers are updated, not computed again")
    monkeypatch.setattr(pbkg.overview_build, "compute_overview", not_again)
    assert build(synthetic_proj, out_dir=out).mode == "incremental"
    monkeypatch.undo()
    clean = tmp_path / "clean" / "dist"
    assert build(synthetic_proj, out_dir=clean, incremental=False).mode == "full"
    after = _files(out)
    assert after == _files(clean)
    assert after != before
    new = _answers(out)
    if change == "quotes":
        assert any(r["quote"].startswith("Sửa: ") for r in new["leadership"] if r["quote"])
    elif change == "article-removed":
        assert new["facts"] < old["facts"] and new["sources"] != old["sources"]
        assert new["counts"]["NewsArticle"] == old["counts"]["NewsArticle"] - 1
    elif change == "cluster-renamed":
        assert new["leadership"] != old["leadership"]  # the renamed cluster's rows come first
    elif change == "shared-name":
        assert new["names"][board] != old["names"][board]
        assert new["names"][board]["vi"].endswith("2025)")


def test_the_periods_of_many_entities_are_each_one_s(store: EmbeddedStore, project: ProjectPaths):
    """The build names thousands of entities with one query for all their periods
    (validities); each is the period its own query gives (validity_of), on every entity of the
    real graph: own days, an area's, and neither."""
    site = Site(store, project.queries)
    iris = site.index.iris(site.id_base)
    one = {iri: site.validity_of(iri) for iri in iris}
    dated = {iri: days for iri, days in one.items() if days != (None, None)}
    assert len(dated) > 100 and any(days[1] for days in dated.values())
    assert site.validities(iris) == dated
    # And the names made from them in bulk are those made one at a time.
    shared = [iri for iri in iris if site.index.shares_label(iri)]
    assert len(shared) > 50
    bulk = Site(EmbeddedStore.from_dist(Path(store.overview_path).parent), project.queries)
    bulk.prefetch_names(shared)
    assert {i: bulk.name_labels(i) for i in shared} == {i: site.name_labels(i) for i in shared}
    assert any(re.search(r"\(\d{4}–", bulk.name_labels(i)["vi"]) for i in shared)
