"""The leadership timeline of a cluster: years across, member units (and people) down, each
cell the roles held that year (chair, standing vice-chair, vice-chair) or plain membership, with
the inferred ones marked. Built from the projection's edges; drawn by pbkg.network.draw and
served as JSON for the web explorer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import NotFound
from .projection import ROLE_RELATIONS

if TYPE_CHECKING:
    import networkx as nx

# Display order of the marks in a cell, strongest first.
MARKS = (*ROLE_RELATIONS, "member_of")
_RANK = {m: i for i, m in enumerate(MARKS)}


@dataclass(frozen=True)
class Mark:
    relation: str  # chaired, standing_vice_chaired, vice_chaired or member_of
    inferred: bool
    provenance: str | None
    fact: str | None

    def as_dict(self) -> dict:
        return {"relation": self.relation, "inferred": self.inferred,
                "provenance": self.provenance, "fact": self.fact}


@dataclass
class Row:
    node: str
    type: str
    label_vi: str
    label_en: str
    cells: dict[int, list[Mark]] = field(default_factory=dict)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    def strongest(self, year: int) -> Mark | None:
        marks = self.cells.get(year)
        return marks[0] if marks else None


@dataclass
class Timeline:
    cluster: str
    label_vi: str
    label_en: str
    years: list[int]
    rows: list[Row]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    def chairs(self) -> dict[int, list[str]]:
        """Year -> the nodes that chaired the cluster that year."""
        out: dict[int, list[str]] = {}
        for row in self.rows:
            for year, marks in row.cells.items():
                if any(m.relation == "chaired" for m in marks):
                    out.setdefault(year, []).append(row.node)
        return dict(sorted(out.items()))

    def as_dict(self, href: Callable[[str], str] | None = None) -> dict:
        link = href or (lambda iri: iri)
        return {
            "cluster": self.cluster, "href": link(self.cluster),
            "label_vi": self.label_vi, "label_en": self.label_en, "years": self.years,
            "rows": [{"node": r.node, "href": link(r.node), "type": r.type,
                      "label_vi": r.label_vi, "label_en": r.label_en,
                      "cells": {str(y): [m.as_dict() for m in marks]
                                for y, marks in sorted(r.cells.items())}}
                     for r in self.rows],
        }


def timeline(graph: nx.MultiDiGraph, cluster: str) -> Timeline:
    """The timeline of one cluster (an IRI present in the graph)."""
    if cluster not in graph or graph.nodes[cluster].get("type") != "cluster":
        raise NotFound(f"no cluster {cluster} in the network")
    rows: dict[str, Row] = {}
    for source, _, data in graph.in_edges(cluster, data=True):
        relation = data.get("relation")
        if relation not in _RANK or "year" not in data:
            continue
        node = graph.nodes[source]
        row = rows.get(source)
        if row is None:
            row = rows[source] = Row(source, node.get("type", ""), node.get("label_vi", source),
                                     node.get("label_en", source))
        mark = Mark(relation, bool(data.get("inferred")), data.get("provenance"),
                    data.get("fact"))
        for year in range(data["year"], data.get("year_end", data["year"]) + 1):
            marks = row.cells.setdefault(year, [])
            if mark not in marks:
                marks.append(mark)
    for row in rows.values():
        for marks in row.cells.values():
            marks.sort(key=lambda m: (_RANK[m.relation], m.inferred, m.fact or ""))
    all_years = sorted({y for r in rows.values() for y in r.cells})
    years = list(range(all_years[0], all_years[-1] + 1)) if all_years else []

    def order(row: Row) -> tuple:
        firsts = []
        for relation in MARKS:
            held = [y for y, marks in row.cells.items() if any(m.relation == relation
                                                               for m in marks)]
            firsts.append(min(held) if held else 9999)
        return (*firsts, row.label_vi)

    data = graph.nodes[cluster]
    return Timeline(cluster, data.get("label_vi", cluster), data.get("label_en", cluster),
                    years, sorted(rows.values(), key=order))
