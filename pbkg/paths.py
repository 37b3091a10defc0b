"""Where the project's folders are: the one place that knows file locations.

In a checkout (or an editable install) the folders sit beside the package; a wheel carries
read-only copies under pbkg/_project. PBKG_HOME overrides both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def project_root() -> Path:
    env = os.environ.get("PBKG_HOME")
    if env:
        return Path(env).resolve()
    checkout = _PACKAGE.parent
    if (checkout / "ontology").is_dir() and (checkout / "queries").is_dir():
        return checkout
    return _PACKAGE / "_project"


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def queries(self) -> Path:
        return self.root / "queries"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def reference(self) -> Path:
        return self.data / "reference"

    @property
    def sources(self) -> Path:
        return self.data / "sources"

    @property
    def curated(self) -> Path:
        return self.data / "curated"

    @property
    def extracted(self) -> Path:
        return self.data / "extracted"

    @property
    def dist(self) -> Path:
        env = os.environ.get("PBKG_DIST")
        # Absolute but not resolved: a build publishes dist/ as a link to its versioned
        # folder, and the link (not the folder it names today) is the build's output.
        return Path(os.path.abspath(env)) if env else self.root / "dist"

    @property
    def shared(self) -> Path:
        """The shared folder with the article texts (not part of the project)."""
        env = os.environ.get("PBKG_SHARED")
        return Path(env).resolve() if env else self.root.parent / "shared"

    @property
    def seeds(self) -> Path:
        return self.shared / "seeds"


def paths() -> ProjectPaths:
    return ProjectPaths(project_root())


def check_writable(path: Path, what: str, *, folder: bool = False) -> None:
    """Raise InputError (naming `path`) unless `what` can be written at `path`: the nearest
    existing ancestor must be a folder this process may write in, and a file must not be a
    folder (or a folder a file). Checked before the work, so a long build or drawing is not
    lost to a typo in an output path."""
    from .errors import InputError

    target = Path(path).absolute()
    if target.exists() and target.is_dir() != folder:
        kind = "a file" if folder else "a folder"
        raise InputError(path, f"cannot write {what} here: it is {kind}")
    ancestor = target.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise InputError(path, f"cannot write {what} here: {ancestor} is a file, not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError(path, f"cannot write {what} here: {ancestor} is not writable")
