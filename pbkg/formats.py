"""Result formats: their media types, content negotiation, and serialization.

SELECT and ASK results: SPARQL JSON, XML, CSV, TSV. CONSTRUCT and DESCRIBE: Turtle, N-Triples,
JSON-LD, RDF/XML. A client chooses by `Accept` (with q-values) or by a `format` name, which wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from . import results
from .errors import PbkgError
from .results import AskResult, GraphResult, QueryResult


class NotAcceptable(PbkgError):
    """No format the client accepts can carry this result."""

    http_status = 406


class UnsupportedMediaType(PbkgError):
    """A request body of a type the endpoint does not read."""

    http_status = 415


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str  # what the response says it is
    accepts: tuple[str, ...]  # the media types it answers to, best first
    aliases: tuple[str, ...]  # names for the `format` parameter
    graph: bool  # True: an RDF serialization (CONSTRUCT, DESCRIBE)
    ox_format: ox.QueryResultsFormat | ox.RdfFormat


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json",
           ("application/sparql-results+json", "application/json"), ("json", "srj"), False,
           ox.QueryResultsFormat.JSON),
    Format("xml", "application/sparql-results+xml",
           ("application/sparql-results+xml", "application/xml", "text/xml"), ("xml", "srx"),
           False, ox.QueryResultsFormat.XML),
    Format("csv", "text/csv", ("text/csv",), ("csv",), False, ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", ("text/tab-separated-values",), ("tsv",), False,
           ox.QueryResultsFormat.TSV),
)
GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", ("text/turtle", "application/x-turtle"), ("turtle", "ttl"),
           True, ox.RdfFormat.TURTLE),
    Format("ntriples", "application/n-triples", ("application/n-triples", "text/plain"),
           ("ntriples", "nt", "n-triples"), True, ox.RdfFormat.N_TRIPLES),
    Format("jsonld", "application/ld+json", ("application/ld+json", "application/json"),
           ("jsonld", "json-ld", "json"), True, ox.RdfFormat.JSON_LD),
    Format("rdfxml", "application/rdf+xml", ("application/rdf+xml", "application/xml",
                                             "text/xml"), ("rdfxml", "rdf", "xml"), True,
           ox.RdfFormat.RDF_XML),
)
FORMATS: dict[str, Format] = {f.name: f for f in RESULT_FORMATS + GRAPH_FORMATS}
HTML = "text/html"


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values; a missing or empty header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    out = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media.lower(), q))
    return out


def quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    """The q-value the most specific matching range gives `media_type` (0 if none)."""
    kind = media_type.split("/")[0]
    best, best_rank = 0.0, -1
    for media, q in ranges:
        if media == media_type:
            rank = 2
        elif media == f"{kind}/*":
            rank = 1
        elif media == "*/*":
            rank = 0
        else:
            continue
        if rank > best_rank:
            best, best_rank = q, rank
    return best


def _best(ranges: list[tuple[str, float]], candidates: Iterable[Format]) -> tuple[Format | None,
                                                                                  float]:
    chosen, chosen_q = None, 0.0
    for fmt in candidates:  # server preference order breaks ties
        # A match on the format's own media type beats one on an alias (text/* picks text/csv
        # rather than SPARQL XML by its alias text/xml).
        q = quality(ranges, fmt.media_type) or max(quality(ranges, m) for m in fmt.accepts) * 0.999
        if q > chosen_q:
            chosen, chosen_q = fmt, q
    return chosen, chosen_q


def candidates(graph: bool) -> tuple[Format, ...]:
    return GRAPH_FORMATS if graph else RESULT_FORMATS


def negotiate(accept: str | None, *, graph: bool, format_name: str | None = None) -> Format:
    """The format for a result: by `format` name if given, else by `Accept`; or NotAcceptable."""
    options = candidates(graph)
    what = "CONSTRUCT/DESCRIBE" if graph else "SELECT/ASK"
    names = ", ".join(f.name for f in options)
    if format_name:
        wanted = format_name.strip().lower()
        for fmt in options:
            if wanted in fmt.aliases or wanted in fmt.accepts or wanted == fmt.name:
                return fmt
        raise NotAcceptable(f"format '{format_name}' is not available for a {what} result; "
                            f"use one of: {names}")
    fmt, _ = _best(parse_accept(accept), options)
    if fmt is None:
        types = ", ".join(m for f in options for m in f.accepts)
        raise NotAcceptable(f"none of the accepted media types ({accept}) can carry a {what} "
                            f"result; this endpoint offers: {types}")
    return fmt


def prefers_html(accept: str | None, *, graph: bool | None = None) -> bool:
    """True when the client ranks HTML above every data format (a browser)."""
    ranges = parse_accept(accept)
    html = quality(ranges, HTML)
    if html == 0 or not accept:
        return False
    options = RESULT_FORMATS + GRAPH_FORMATS if graph is None else candidates(graph)
    _, data = _best(ranges, options)
    return html > data


def serialize(result: QueryResult, fmt: Format) -> bytes:
    """A result object in `fmt` (used for results from a remote store)."""
    if isinstance(result, GraphResult):
        if not fmt.graph:
            raise NotAcceptable(f"format '{fmt.name}' cannot carry a graph result")
        return serialize_triples(result.to_ox(), fmt)
    if fmt.graph:
        raise NotAcceptable(f"format '{fmt.name}' cannot carry a SELECT/ASK result")
    if isinstance(result, AskResult):
        text = {"json": results.to_json, "xml": results.to_xml}.get(
            fmt.name, lambda r: "true" if r.value else "false")(result)
    else:
        text = {"json": results.to_json, "xml": results.to_xml, "csv": results.to_csv,
                "tsv": results.to_tsv}[fmt.name](result)
    return text.encode("utf-8")


def serialize_triples(triples: Iterable[ox.Triple], fmt: Format,
                      prefixes: dict[str, str] | None = None) -> bytes:
    """Triples in an RDF format; Turtle and RDF/XML with `prefixes` (default: the project's)."""
    if prefixes is None:
        from .namespaces import SERIALIZATION_PREFIXES

        prefixes = SERIALIZATION_PREFIXES
    pretty = fmt.ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML)
    return ox.serialize(triples, format=fmt.ox_format,
                        prefixes=prefixes if pretty else None) or b""
