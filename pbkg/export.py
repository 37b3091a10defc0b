"""`pbkg export`: the whole dataset in one format, to a file or stdout.

The RDF formats are the dumps of the build (pbkg.build.DUMPS), copied from dist/ after building
it if it is missing or stale, so `pbkg export` and /dumps/ give the same bytes. Each format is one
entry of FORMATS; a new kind of export (graphml, gexf, cytoscape-json, ...) registers an
ExportFormat whose `write` gets an ExportContext (project paths, a fresh dist/, and the store
opened from it on demand).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .build import DUMPS, build, is_stale
from .errors import InputError, InvalidParameter, NotFound
from .paths import ProjectPaths, paths


@dataclass
class ExportContext:
    project: ProjectPaths
    dist: Path
    # Filters for the network formats: clusters, years (from, to), types.
    filters: dict = field(default_factory=dict)
    _store: object | None = field(default=None, repr=False)

    def store(self):
        """The dataset as an embedded store (for exports that query it)."""
        if self._store is None:
            from .store import EmbeddedStore

            self._store = EmbeddedStore.from_dist(self.dist)
        return self._store


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    media_type: str
    description: str
    write: Callable[[ExportContext, BinaryIO], None]
    aliases: tuple[str, ...] = ()


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    FORMATS[fmt.name] = fmt
    return fmt


def _copy_dump(filename: str) -> Callable[[ExportContext, BinaryIO], None]:
    def write(ctx: ExportContext, out: BinaryIO) -> None:
        source = ctx.dist / filename
        if not source.is_file():
            raise NotFound(f"{source} does not exist: run 'pbkg build'")
        with source.open("rb") as f:
            shutil.copyfileobj(f, out)

    return write


for _name, (_filename, _fmt, _dataset) in DUMPS.items():
    _ext = _filename.rsplit(".", 1)[-1]
    register(ExportFormat(
        name=_name, extension=_ext, media_type=_fmt.media_type,
        description=f"{_fmt.name}, " + ("one named graph per source" if _dataset
                                        else "the union of all graphs"),
        write=_copy_dump(_filename),
        aliases=(_ext,) if _ext != _name else ()))


def _network_writer(name: str) -> Callable[[ExportContext, BinaryIO], None]:
    def write(ctx: ExportContext, out: BinaryIO) -> None:
        from .network import write_network

        write_network(ctx.store(), name, out, **ctx.filters)

    return write


def _register_network_formats() -> None:
    from .network.formats import ALIASES, NETWORK_FORMATS

    for name, (ext, media_type, description) in NETWORK_FORMATS.items():
        register(ExportFormat(
            name=name, extension=ext, media_type=media_type, description=description,
            write=_network_writer(name),
            aliases=tuple(alias for alias, target in ALIASES.items() if target == name)))


_register_network_formats()


def get_format(name: str) -> ExportFormat:
    for fmt in FORMATS.values():
        if name == fmt.name or name in fmt.aliases:
            return fmt
    raise InvalidParameter("format", f"expected one of {', '.join(FORMATS)}, got {name!r}")


def ensure_dist(p: ProjectPaths, quiet: bool = False) -> Path:
    """dist/, built first when missing or built from other inputs."""
    if is_stale(p, p.dist):
        if not quiet:
            print("pbkg: dist/ is missing or out of date; building it first", file=sys.stderr)
        build(p, out_dir=p.dist)
    return p.dist


def export(format_name: str, output: Path | None = None, p: ProjectPaths | None = None,
           quiet: bool = False, filters: dict | None = None) -> ExportFormat:
    """Write the dataset in one format to `output` (atomically), or to stdout when None.

    `filters` (clusters, years, types) narrow the network formats; the RDF dumps are whole."""
    fmt = get_format(format_name)
    p = p or paths()
    ctx = ExportContext(p, ensure_dist(p, quiet=quiet), filters=dict(filters or {}))
    if output is None:
        try:
            fmt.write(ctx, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # The reader went away (`pbkg export -f nt | head`): not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return fmt
    output = Path(output)
    tmp = output.with_name(f".{output.name}.tmp")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            fmt.write(ctx, f)
        tmp.replace(output)
    except OSError as exc:
        raise InputError(output, f"cannot be written: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return fmt
