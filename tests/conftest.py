"""Shared fixtures: one build of the real data per session (into a temp dir, never the user's
dist/), and a guard that fails any test trying to reach a non-loopback address."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from pbkg.paths import ProjectPaths, paths

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address) -> None:  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else None
    if host is not None:
        try:
            ip = ipaddress.ip_address(socket.gethostbyname(host))
        except (OSError, ValueError):
            ip = None
        if ip is None or not ip.is_loopback:
            raise RuntimeError(f"tests may not reach the network ({address!r})")
    _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_network():
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def project() -> ProjectPaths:
    return paths()


@pytest.fixture(scope="session")
def built_dist(project: ProjectPaths, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pbkg.build import build

    out = tmp_path_factory.mktemp("dist") / "dist"
    build(project, out_dir=out)
    return out


@pytest.fixture(scope="session")
def synthetic_source(project: ProjectPaths, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic project (bench/synthetic.py, about 3,000 triples), generated once."""
    from test_synthetic import _load_synthetic  # tests/ is on sys.path under pytest

    root = tmp_path_factory.mktemp("synthetic") / "project"
    _load_synthetic(project.root).generate(root, 3000, seed=7, source=project)
    return root


@pytest.fixture
def synthetic_proj(synthetic_source: Path, tmp_path: Path) -> ProjectPaths:
    """A copy of the small synthetic project, built in full into its dist/: a test may edit its
    sources and build again."""
    import shutil

    from pbkg.build import build

    root = tmp_path / "project"
    shutil.copytree(synthetic_source, root)
    p = ProjectPaths(root)
    assert build(p, out_dir=root / "dist").mode == "full"
    return p


@pytest.fixture(scope="session")
def store(built_dist: Path):
    from pbkg.store import EmbeddedStore

    return EmbeddedStore.from_dist(built_dist)


@pytest.fixture(scope="session")
def shared_dir(project: ProjectPaths) -> Path:
    if not project.seeds.is_dir():
        pytest.skip(f"the shared folder with the article texts is absent ({project.shared}); "
                    "CI always has it")
    return project.shared


@pytest.fixture
def copy(tmp_path: Path, project: ProjectPaths) -> ProjectPaths:
    """A copy of the project (its own data, no extracted files), and the test article (Cụm 7,
    2023) as tmp_path/cum-7.txt: for tests that ingest or review into a project."""
    import shutil

    from test_extract_rdf import ARTICLE  # tests/ is on sys.path under pytest

    root = tmp_path / "project"
    for name in ("ontology", "shapes", "queries"):
        shutil.copytree(project.root / name, root / name)
    shutil.copytree(project.data, root / "data", ignore=shutil.ignore_patterns("extracted"))
    (tmp_path / "cum-7.txt").write_text(ARTICLE, encoding="utf-8")
    return ProjectPaths(root)
