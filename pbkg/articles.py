"""Naming an article's files: its key (an ASCII slug) and how pbo:sourceFile names its text.

Shared by pbkg.ingest and pbkg.review (apart from both, so neither imports the other back).
"""

from __future__ import annotations

from pathlib import Path

from pbkg.errors import InputError
from pbkg.paths import ProjectPaths
from pbkg.text import slugify


def source_file_name(path: Path, p: ProjectPaths) -> str:
    """How pbo:sourceFile names the text: relative to the shared folder when it is there."""
    try:
        return str(path.resolve().relative_to(p.shared.resolve()))
    except ValueError:
        return path.name


def check_key(key: str) -> str:
    slug = slugify(key)
    if not slug or slug != key:
        raise InputError(Path(key), f"an article key is an ASCII slug (a-z, 0-9, hyphens), "
                                    f"such as '{slug or 'bao-thanh-hoa-2025-11-18'}'")
    return key
