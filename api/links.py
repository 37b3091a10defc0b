"""Which URLs a page may make into links: http(s) URLs and our own root-relative paths. Any
other scheme (javascript:, data:, vbscript:) is shown as text: data from a source is never
trusted to be safe to click, even though the shapes (shapes/links.ttl) refuse it at build time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Browsers drop tabs and newlines inside a scheme ("java\tscript:"): no control or space
# character is accepted anywhere.
_WEB = re.compile(r"(?:https?://|/(?!/))[^\x00-\x20\x7f<>\"`]*", re.IGNORECASE)


def web_url(url: object) -> str | None:
    """`url` when a page may link to it, else None."""
    return url if isinstance(url, str) and _WEB.fullmatch(url) else None


def safe_href(href: Callable[[str], str]) -> Callable[[str], str | None]:
    """A page's `href(iri)` that gives None for an IRI a page must not link to."""
    return lambda iri: web_url(href(iri))
