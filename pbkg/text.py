"""Text rules: NFC everywhere, search keys that ignore diacritics and tone-mark placement,
and ASCII slugs for instance IRIs."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip every combining mark (tones, hats, horns) and map đ to d.

    "Tỉnh uỷ", "Tỉnh ủy" and "tinh uy" fold to the same key, whatever the Unicode form.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "d")
    return _SPACES.sub(" ", stripped).strip()


def slugify(text: str) -> str:
    """ASCII slug for an IRI: "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")
