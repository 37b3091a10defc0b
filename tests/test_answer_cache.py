"""Whole answers are kept on the build's read-only store (it cannot change while served), and
dropped when an update moves the store to a private copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pbkg.linked_data import LinkedData
from pbkg.lookup import Lookup
from pbkg.paths import ProjectPaths
from pbkg.store import EmbeddedStore

CUM5 = "to-chuc-xay-dung-dang-cum-5"
CUM5_IRI = f"https://w3id.org/pbkg/id/cluster/{CUM5}"


def test_answers_are_kept_until_an_update(built_dist: Path, project: ProjectPaths) -> None:
    store = EmbeddedStore.from_dist(built_dist)
    try:
        assert store.immutable
        first = Lookup(store, project.queries).cluster(CUM5)
        # Kept on the store: another Lookup (one per request) gets the same answer object.
        assert Lookup(store, project.queries).cluster(CUM5) is first
        dated = Lookup(store, project.queries).cluster(CUM5, as_of=date(2023, 6, 1))
        assert dated is not first and len(dated["leadership"]) < len(first["leadership"])
        page = LinkedData(store, project.queries).page(CUM5_IRI)
        assert LinkedData(store, project.queries).page(CUM5_IRI) is page

        store.update(f'INSERT DATA {{ GRAPH <urn:test> {{ <{CUM5_IRI}> '
                     '<https://w3id.org/pbkg/ontology#sector> "AAA thử nghiệm" } }')
        assert not store.immutable
        after = Lookup(store, project.queries).cluster(CUM5)
        assert after["sector"] == "AAA thử nghiệm" and first["sector"] != after["sector"]
        assert after["members"] == first["members"]
    finally:
        store.close()


def test_entity_pages_are_kept_by_url_and_language(built_dist: Path,
                                                   project: ProjectPaths) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from pbkg.settings import Settings

    store = EmbeddedStore.from_dist(built_dist)
    try:
        with TestClient(create_app(settings=Settings(), store=store, project=project)) as client:
            html = {"Accept": "text/html"}
            vi = client.get(f"/id/cluster/{CUM5}", headers=html)
            en = client.get(f"/id/cluster/{CUM5}?lang=en", headers=html)
            assert vi.status_code == en.status_code == 200 and vi.text != en.text
            assert 'lang="en"' in en.text and "lang=en" in en.headers.get("set-cookie", "")
            client.cookies.clear()
            assert client.get(f"/id/cluster/{CUM5}", headers=html).text == vi.text
            assert len(store._pbkg_kept_pages) == 2
            # The kept page of the English URL still sets the language cookie.
            again = client.get(f"/id/cluster/{CUM5}?lang=en", headers=html)
            assert again.text == en.text and "lang=en" in again.headers.get("set-cookie", "")
    finally:
        store.close()
