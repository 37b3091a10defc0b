"""Periods as pbo:Period nodes: the one pattern for a span of time a source names.

The IRI is fixed so that every file that names the same span writes the same node:
`id/period/YYYY-YYYY` for whole years (`id/period/2020` for one whole year), otherwise
`id/period/YYYY-MM-DD--YYYY-MM-DD`. Awards point to it with pbo:period, conferences with
pbo:reviewedPeriod.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Literal, URIRef

from .namespaces import ID, PBO, RDF, RDFS, XSD

_YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
_DAYS = re.compile(r"^(\d{4}-\d{2}-\d{2})--(\d{4}-\d{2}-\d{2})$")
PREFIX = str(ID) + "period/"


def period_slug(start: date, end: date) -> str:
    """'2016-2020', '2020' (one whole year) or '2024-01-01--2024-06-30'."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}" if start.year == end.year else f"{start.year}-{end.year}"
    return f"{start.isoformat()}--{end.isoformat()}"


def period_iri(start: date, end: date) -> str:
    return PREFIX + period_slug(start, end)


def period_bounds(iri_or_slug: str) -> tuple[date, date] | None:
    """First and last day of a period from its IRI or slug; None for any other IRI."""
    slug = iri_or_slug.removeprefix(PREFIX)
    if m := _YEARS.match(slug):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        return date(first, 1, 1), date(last, 12, 31)
    if m := _DAYS.match(slug):
        try:
            return date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError:
            return None
    return None


def period_triples(start: date, end: date,
                   label: Literal | None = None) -> list[tuple[URIRef, URIRef, Literal | URIRef]]:
    """The node's triples: type, label (the span as the source writes it, else the slug as a
    plain literal), first and last day."""
    node = URIRef(period_iri(start, end))
    return [(node, RDF.type, PBO.Period),
            (node, RDFS.label, label if label is not None else Literal(period_slug(start, end))),
            (node, PBO.validFrom, Literal(start.isoformat(), datatype=XSD.date)),
            (node, PBO.validUntil, Literal(end.isoformat(), datatype=XSD.date))]


def format_period(iri_or_slug: str, lang: str) -> str | None:
    """A period as a reader writes it: 'năm 2020', 'giai đoạn 2016-2020',
    'từ 01/01/2024 đến 30/06/2024'; '2020', '2016-2020', '2024-01-01 to 2024-06-30'."""
    bounds = period_bounds(iri_or_slug)
    if bounds is None:
        return None
    start, end = bounds
    slug = period_slug(start, end)
    if _YEARS.match(slug):
        if lang == "vi":
            return f"năm {slug}" if start.year == end.year else f"giai đoạn {slug}"
        return slug
    if lang == "vi":
        return f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
    return f"{start.isoformat()} to {end.isoformat()}"
