"""Query results in one shape for every store, and their text formats (table, CSV, TSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from .terms import JsonTerm, json_to_ox, ox_to_json


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[dict[str, JsonTerm]]

    def values(self, column: str) -> list[str | None]:
        return [row[column]["value"] if column in row else None for row in self.rows]


@dataclass
class AskResult:
    value: bool


class GraphResult:
    """Triples as JSON terms (`triples`) or as pyoxigraph triples (`to_ox()`); each form is made
    from the other only when asked for (an entity page's RDF never needs the JSON form)."""

    def __init__(self, triples: list[tuple[JsonTerm, JsonTerm, JsonTerm]] | None = None, *,
                 ox_triples: list[ox.Triple] | None = None) -> None:
        self._triples = triples
        self._ox = ox_triples

    @property
    def triples(self) -> list[tuple[JsonTerm, JsonTerm, JsonTerm]]:
        if self._triples is None:
            self._triples = [(ox_to_json(t.subject), ox_to_json(t.predicate),
                              ox_to_json(t.object)) for t in self._ox or []]
        return self._triples

    def to_ox(self) -> list[ox.Triple]:
        if self._ox is None:
            self._ox = [ox.Triple(json_to_ox(s), json_to_ox(p), json_to_ox(o))
                        for s, p, o in self.triples]
        return list(self._ox)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GraphResult) and self.triples == other.triples

    def __repr__(self) -> str:
        return f"GraphResult({len(self.triples)} triples)"


QueryResult = SelectResult | AskResult | GraphResult


def to_json(result: SelectResult | AskResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value})
    return json.dumps({"head": {"vars": result.variables},
                       "results": {"bindings": result.rows}}, ensure_ascii=False, indent=1)


def to_csv(result: SelectResult, delimiter: str = ",") -> str:
    """SPARQL 1.1 CSV: plain values, empty for unbound."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([row[v]["value"] if v in row else "" for v in result.variables])
    return buf.getvalue()


def _tsv_term(term: JsonTerm) -> str:
    if term["type"] == "uri":
        return f"<{term['value']}>"
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    return str(json_to_ox(term))


def to_tsv(result: SelectResult) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax."""
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join(_tsv_term(row[v]) if v in row else "" for v in result.variables))
    return "\n".join(lines) + "\n"


def to_xml(result: SelectResult | AskResult) -> str:
    """SPARQL Query Results XML."""
    from xml.sax.saxutils import escape, quoteattr

    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if isinstance(result, AskResult):
        out += ["<head/>", f"<boolean>{'true' if result.value else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables)
               + "</head>")
    out.append("<results>")
    for row in result.rows:
        out.append("<result>")
        for var, term in row.items():
            value = escape(term["value"])
            if term["type"] == "uri":
                inner = f"<uri>{value}</uri>"
            elif term["type"] == "bnode":
                inner = f"<bnode>{value}</bnode>"
            elif "xml:lang" in term:
                inner = f"<literal xml:lang={quoteattr(term['xml:lang'])}>{value}</literal>"
            elif "datatype" in term:
                inner = f"<literal datatype={quoteattr(term['datatype'])}>{value}</literal>"
            else:
                inner = f"<literal>{value}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{inner}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


# Pages shorten the same few hundred IRIs over and over: answers are kept per prefix table
# (the tables are module constants; a table is recognized by identity and size).
_SHORTENED: dict[int, tuple[dict[str, str], int, dict[str, str]]] = {}


def shorten(value: str, prefixes: dict[str, str]) -> str:
    entry = _SHORTENED.get(id(prefixes))
    if entry is None or entry[0] is not prefixes or entry[1] != len(prefixes):
        if len(_SHORTENED) >= 16:
            return _shorten(value, prefixes)
        entry = _SHORTENED[id(prefixes)] = (prefixes, len(prefixes), {})
    memo = entry[2]
    name = memo.get(value)
    if name is None:
        name = _shorten(value, prefixes)
        if len(memo) < 100_000:
            memo[value] = name
    return name


def _shorten(value: str, prefixes: dict[str, str]) -> str:
    best = ""
    for prefix, ns in prefixes.items():
        if value.startswith(ns) and len(ns) > len(best):
            best, name = ns, f"{prefix}:{value[len(ns):]}"
    return name if best else value


def to_table(result: SelectResult, prefixes: dict[str, str] | None = None,
             width: int = 60) -> str:
    """A plain-text table for people, IRIs shortened with prefixes."""
    prefixes = prefixes or {}

    def cell(row: dict[str, JsonTerm], var: str) -> str:
        if var not in row:
            return ""
        term = row[var]
        text = shorten(term["value"], prefixes) if term["type"] == "uri" else term["value"]
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(row, v) for v in result.variables] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(cells)} rows)")
    return "\n".join(out) + "\n"
