"""Opening the embedded store: a stale check before, or dist/ as built (`pbkg serve --as-built`);
PBKG_DIST naming the link a build publishes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pbkg.build
from pbkg.errors import InputError
from pbkg.paths import ProjectPaths
from pbkg.store import EmbeddedStore
from pbkg.store_open import open_store


def test_as_built_opens_the_build_without_reading_the_sources(monkeypatch, project, built_dist):
    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    monkeypatch.delenv("PBKG_SPARQL_ENDPOINT", raising=False)

    def never(*args, **kwargs):
        raise AssertionError("the sources were checked")

    monkeypatch.setattr(pbkg.build, "is_stale", never)
    store = open_store(project, quiet=True, check=False)
    assert isinstance(store, EmbeddedStore) and len(store) > 1000


def test_as_built_without_a_build_names_the_folder(monkeypatch, project, tmp_path):
    monkeypatch.setenv("PBKG_DIST", str(tmp_path / "nothing"))
    monkeypatch.delenv("PBKG_SPARQL_ENDPOINT", raising=False)
    with pytest.raises(InputError) as error:
        open_store(project, quiet=True, check=False)
    assert str(tmp_path / "nothing") in str(error.value) and "pbkg build" in str(error.value)


def test_pbkg_dist_keeps_the_link_it_names(monkeypatch, tmp_path):
    """A build publishes dist/ as a link to a versioned folder: PBKG_DIST naming the link is the
    link (its stat cache beside it, the next build replacing it), not today's folder."""
    target = tmp_path / ".dist.v-1"
    target.mkdir()
    link = tmp_path / "dist"
    link.symlink_to(target.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PBKG_DIST", "dist")
    dist = ProjectPaths(Path(tmp_path)).dist
    assert dist == link and dist.is_absolute() and os.path.islink(dist)
