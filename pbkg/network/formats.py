"""The network in files other tools open: GraphML, GEXF and Cytoscape JSON, and the JSON the web
explorer draws.

- GraphML (Gephi, yEd, Cytoscape desktop): every attribute a string (booleans true/false, lists
  joined with "; "), an unknown one left out (never "None"), plus `label` and `name` (the label
  column of Gephi and Cytoscape) and yEd node graphics (label and fill colour by type), so that
  each tool shows labels at once.
- GEXF 1.2 (Gephi): typed attributes, colours by type, and time: an edge's year (or period) is
  its interval from 1 January to 31 December, a 2025 lineage edge starts on its effective date,
  a provincial unit lives from its valid_from to its valid_until, and any other node lives in
  the years of its dated edges (as spells), so Gephi's timeline plays the yearly memberships and
  roles.
- Cytoscape JSON (Cytoscape desktop and cytoscape.js): the `elements` format, with `name` on
  nodes and `interaction` on edges.

Outputs are deterministic: nodes and edges in key order, no timestamps.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from ..errors import InvalidParameter
from .projection import project, vocabulary

if TYPE_CHECKING:  # imported where used: networkx takes ~0.15 s, not paid by `pbkg serve`
    import networkx as nx

NETWORK_FORMATS: dict[str, tuple[str, str, str]] = {
    # name: (file extension, media type, description)
    "graphml": ("graphml", "application/graphml+xml", "GraphML (Gephi, yEd, Cytoscape)"),
    "gexf": ("gexf", "application/gexf+xml", "GEXF 1.2 with time (Gephi)"),
    "cytoscape-json": ("cyjs", "application/json", "Cytoscape JSON (Cytoscape, cytoscape.js)"),
}
ALIASES = {"cyjs": "cytoscape-json", "cytoscape": "cytoscape-json", "cx-json": "cytoscape-json"}

# Colours by node type and relation: one palette for the web explorer, the pictures and Gephi.
NODE_COLORS = {
    "cluster": "#c0392b", "organization": "#2e6fba", "person": "#2a9d5c",
    "province": "#9a7b4f", "conference": "#8e44ad", "award": "#e67e22", "document": "#5d6d7e",
}
RELATION_COLORS = {
    "member_of": "#9aa5b5", "chaired": "#c0392b", "standing_vice_chaired": "#e67e22",
    "vice_chaired": "#d4ac0d", "awarded": "#e67e22", "given_by": "#f0b27a",
    "holds_post": "#2a9d5c", "cited": "#5d6d7e", "attended": "#bb8fce", "hosted": "#8e44ad",
    "presented_at": "#a569bd", "in_cluster": "#d98880", "held_in": "#c8b79a",
    "part_of": "#85a9d6", "located_in": "#c8b79a", "coordinated_by": "#85a9d6",
    "issued_by": "#aab7b8", "merged_into": "#7d5a2c", "became": "#b59a6d",
}
DEFAULT_COLOR = "#888888"

NODE_KEYS = ("type", "iri", "label", "label_vi", "label_en", "class", "class_vi", "class_en",
             "year", "year_end", "date", "valid_from", "valid_until")
EDGE_KEYS = ("relation", "year", "year_end", "date", "provenance", "fact", "inferred",
             "extracted", "cluster", "status", "detail_vi", "detail_en", "conference")
_LINEAGE = ("merged_into", "became")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YFILES_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def normalize_format(fmt: str) -> str:
    name = ALIASES.get(fmt.lower(), fmt.lower())
    if name not in NETWORK_FORMATS:
        raise InvalidParameter("format", f"{fmt!r} is not a network format (known: "
                               f"{', '.join(NETWORK_FORMATS)})")
    return name


def flat(value: Any) -> str:
    """An attribute value as a string: booleans as true/false, lists joined with '; '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(flat(v) for v in (sorted(value) if isinstance(value, set | frozenset)
                                           else value))
    return str(value)


def _color(hex_color: str) -> dict[str, int]:
    h = hex_color.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16)}


def edge_label(data: dict, lang: str = "vi", relations: dict | None = None) -> str:
    """A short edge label: the relation's label and the year or period."""
    relation = (relations or vocabulary().relations).get(data.get("relation", ""))
    text = relation.label(lang) if relation else data.get("relation", "")
    if "year" in data:
        last = data.get("year_end", data["year"])
        text += f" {data['year']}" + (f"–{last}" if last != data["year"] else "")
    return text


# --- time -------------------------------------------------------------------------------------

def edge_interval(data: dict) -> tuple[str | None, str | None]:
    """(start, end) ISO dates of an edge, or (None, None) for a standing edge."""
    if data.get("relation") in _LINEAGE and _FULL_DATE.match(data.get("date", "")):
        return data["date"], None  # the 2025 units exist from this day on
    if "year" not in data:
        return None, None
    return f"{data['year']:04d}-01-01", f"{data.get('year_end', data['year']):04d}-12-31"


def _spans(years: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if out and year == out[-1][1] + 1:
            out[-1] = (out[-1][0], year)
        else:
            out.append((year, year))
    return out


def node_time(graph: nx.MultiDiGraph, node: str) -> dict:
    """GEXF time of a node: start/end from its validity (provincial units), else spells over
    the years of its own date and of its dated edges; {} for a node always present."""
    data = graph.nodes[node]
    if "valid_from" in data or "valid_until" in data:
        out = {}
        if _FULL_DATE.match(data.get("valid_from", "")):
            out["start"] = data["valid_from"]
        if _FULL_DATE.match(data.get("valid_until", "")):
            out["end"] = data["valid_until"]
        return out
    years: set[int] = set()
    if "year" in data:
        years.update(range(data["year"], data.get("year_end", data["year"]) + 1))
    for edges in (graph.out_edges(node, data=True), graph.in_edges(node, data=True)):
        for _, _, d in edges:
            if "year" in d and d.get("relation") not in _LINEAGE:
                years.update(range(d["year"], d.get("year_end", d["year"]) + 1))
    if not years:
        return {}
    return {"spells": [(f"{a:04d}-01-01", f"{b:04d}-12-31") for a, b in _spans(years)]}


# --- writers ----------------------------------------------------------------------------------
# GraphML and GEXF are written directly (one pass, no element tree): an order of magnitude faster
# than building networkx's tree and serializing it, and every byte is under our control.

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value: str) -> str:
    return escape(_XML_INVALID.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_XML_INVALID.sub("", value))


def write_graphml(graph: nx.MultiDiGraph, out: str | Path | IO[bytes], lang: str = "vi") -> None:
    """GraphML: string attributes (lists joined, booleans true/false, unknown ones left out),
    `label` and `name` in the chosen language, and yEd node graphics (label, colour)."""
    relations = vocabulary().relations
    node_keys = [*NODE_KEYS, "name"]
    edge_keys = [*EDGE_KEYS, "label"]
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n',
             f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}" xmlns:y="{YFILES_NS}" '
             f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n']
    for key in node_keys:
        parts.append(f'  <key id="n_{key}" for="node" attr.name="{key}" attr.type="string"/>\n')
    parts.append('  <key id="n_yfiles" for="node" yfiles.type="nodegraphics"/>\n')
    for key in edge_keys:
        parts.append(f'  <key id="e_{key}" for="edge" attr.name="{key}" attr.type="string"/>\n')
    parts.append(f'  <graph id={_attr(graph.graph.get("name", "pbkg network"))} '
                 'edgedefault="directed" parse.nodeids="free" parse.edgeids="free">\n')
    for node, data in graph.nodes(data=True):
        label = flat(data.get(f"label_{lang}") or data.get("label") or node)
        values = {**{k: flat(data[k]) for k in NODE_KEYS if k in data},
                  "label": label, "name": label}
        parts.append(f"    <node id={_attr(node)}>\n")
        parts.extend(f'      <data key="n_{k}">{_text(v)}</data>\n'
                     for k, v in values.items() if v != "")
        color = NODE_COLORS.get(data.get("type"), DEFAULT_COLOR)
        parts.append(f'      <data key="n_yfiles"><y:ShapeNode><y:Fill color="{color}" '
                     f'transparent="false"/><y:NodeLabel>{_text(label)}</y:NodeLabel>'
                     "</y:ShapeNode></data>\n    </node>\n")
    for u, v, k, data in graph.edges(keys=True, data=True):
        values = {key: flat(data[key]) for key in EDGE_KEYS if key in data}
        values["label"] = edge_label(data, lang, relations)
        parts.append(f"    <edge id={_attr(k)} source={_attr(u)} target={_attr(v)}>\n")
        parts.extend(f'      <data key="e_{key}">{_text(value)}</data>\n'
                     for key, value in values.items() if value != "")
        parts.append("    </edge>\n")
    parts.append("  </graph>\n</graphml>\n")
    _write_bytes(out, "".join(parts).encode("utf-8"))


_GEXF_NS = "http://www.gexf.net/1.2draft"
_GEXF_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}


def _gexf_declarations(items: Iterable[dict], keys: Iterable[str]) -> dict[str, str]:
    types: dict[str, str] = {}
    for data in items:
        for key in keys:
            if key in data and data[key] is not None:
                kind = _GEXF_TYPES.get(type(data[key]), "string")
                types[key] = kind if types.get(key, kind) == kind else "string"
    return {key: types[key] for key in keys if key in types}


def _gexf_value(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else flat(value)


def _gexf_viz(hex_color: str) -> str:
    c = _color(hex_color)
    return f'<viz:color r="{c["r"]}" g="{c["g"]}" b="{c["b"]}" a="1.0"/>'


def write_gexf(graph: nx.MultiDiGraph, out: str | Path | IO[bytes], lang: str = "vi") -> None:
    """GEXF 1.2 with typed attributes, colours and time (see the module's docstring)."""
    relations = vocabulary().relations
    node_types = _gexf_declarations((d for _, d in graph.nodes(data=True)), NODE_KEYS)
    edge_types = _gexf_declarations((d for *_, d in graph.edges(data=True)), EDGE_KEYS)
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n',
             f'<gexf xmlns="{_GEXF_NS}" xmlns:viz="{_GEXF_NS}/viz" xmlns:xsi="{XSI_NS}" '
             f'xsi:schemaLocation="{_GEXF_NS} {_GEXF_NS}/gexf.xsd" version="1.2">\n',
             "  <meta>\n    <creator>pbkg</creator>\n    <description>Vietnam's party-building "
             "organizations and emulation clusters, projected from the pbkg knowledge graph"
             "</description>\n  </meta>\n",
             f'  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" '
             f'name={_attr(graph.graph.get("name", "pbkg network"))}>\n']
    for cls, declared in (("node", node_types), ("edge", edge_types)):
        parts.append(f'    <attributes class="{cls}" mode="static">\n')
        parts.extend(f'      <attribute id="{key}" title="{key}" type="{kind}"/>\n'
                     for key, kind in declared.items())
        parts.append("    </attributes>\n")
    parts.append("    <nodes>\n")
    for node, data in graph.nodes(data=True):
        label = flat(data.get(f"label_{lang}") or data.get("label") or node)
        time = node_time(graph, node)
        bounds = "".join(f" {k}={_attr(time[k])}" for k in ("start", "end") if k in time)
        parts.append(f"      <node id={_attr(node)} label={_attr(label)}{bounds}>\n")
        parts.append("        <attvalues>\n")
        parts.extend(f"          <attvalue for=\"{key}\" value={_attr(_gexf_value(data[key]))}/>\n"
                     for key in node_types if key in data)
        parts.append("        </attvalues>\n")
        if time.get("spells"):
            parts.append("        <spells>\n")
            parts.extend(f'          <spell start="{a}" end="{b}"/>\n' for a, b in time["spells"])
            parts.append("        </spells>\n")
        parts.append(f"        {_gexf_viz(NODE_COLORS.get(data.get('type'), DEFAULT_COLOR))}\n"
                     "      </node>\n")
    parts.append("    </nodes>\n    <edges>\n")
    for u, v, k, data in graph.edges(keys=True, data=True):
        start, end = edge_interval(data)
        bounds = (f' start="{start}"' if start else "") + (f' end="{end}"' if end else "")
        parts.append(f"      <edge id={_attr(k)} source={_attr(u)} target={_attr(v)} "
                     f"label={_attr(edge_label(data, lang, relations))}{bounds}>\n")
        parts.append("        <attvalues>\n")
        parts.extend(f"          <attvalue for=\"{key}\" value={_attr(_gexf_value(data[key]))}/>\n"
                     for key in edge_types if key in data)
        parts.append("        </attvalues>\n")
        color = RELATION_COLORS.get(data.get("relation"), DEFAULT_COLOR)
        parts.append(f"        {_gexf_viz(color)}\n      </edge>\n")
    parts.append("    </edges>\n  </graph>\n</gexf>\n")
    _write_bytes(out, "".join(parts).encode("utf-8"))


def _node_label(graph: nx.MultiDiGraph, node: str, lang: str) -> str:
    data = graph.nodes[node]
    return data.get(f"label_{lang}") or data.get("label") or node


def cytoscape_elements(graph: nx.MultiDiGraph, lang: str = "vi") -> dict:
    relations = vocabulary().relations
    nodes = []
    for node, data in graph.nodes(data=True):
        attrs = {k: data[k] for k in NODE_KEYS if k in data}
        label = data.get(f"label_{lang}") or data.get("label") or node
        nodes.append({"data": {"id": node, "value": node, "name": label, **attrs,
                               "color": NODE_COLORS.get(data.get("type"), DEFAULT_COLOR)}})
    edges = []
    for u, v, k, data in graph.edges(keys=True, data=True):
        attrs = {key: data[key] for key in EDGE_KEYS if key in data}
        attrs["inferred"] = bool(data.get("inferred"))
        edges.append({"data": {"id": k, "key": k, "source": u, "target": v,
                               "interaction": data.get("relation", ""),
                               "name": f"{_node_label(graph, u, lang)} ({data.get('relation')}) "
                                       f"{_node_label(graph, v, lang)}",
                               "label": edge_label(data, lang, relations), **attrs}})
    return {"nodes": nodes, "edges": edges}


def write_cytoscape_json(graph: nx.MultiDiGraph, out: str | Path | IO[bytes],
                         lang: str = "vi") -> None:
    doc = {"format_version": "1.0", "generated_by": "pbkg",
           "target_cytoscapejs_version": "~3",
           "data": {"name": graph.graph.get("name", "pbkg network")},
           "directed": True, "multigraph": True,  # read by networkx.cytoscape_graph
           "elements": cytoscape_elements(graph, lang)}
    _write_bytes(out, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                 + b"\n")


WRITERS: dict[str, Callable[..., None]] = {
    "graphml": write_graphml, "gexf": write_gexf, "cytoscape-json": write_cytoscape_json,
}


def _write_bytes(out: str | Path | IO[bytes], body: bytes) -> None:
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    else:
        out.write(body)


def write_graph(graph: nx.MultiDiGraph, fmt: str, out: str | Path | IO[bytes],
                lang: str = "vi") -> None:
    """Write a projection (already filtered) in one of NETWORK_FORMATS."""
    WRITERS[normalize_format(fmt)](graph, out, lang=lang)


def graph_bytes(graph: nx.MultiDiGraph, fmt: str, lang: str = "vi") -> bytes:
    buffer = io.BytesIO()
    write_graph(graph, fmt, buffer, lang)
    return buffer.getvalue()


def write_network(store, fmt: str, path: str | Path | IO[bytes], *,
                  clusters: Iterable[str] | None = None, years: int | tuple | range | None = None,
                  types: Iterable[str] | None = None, lang: str = "vi",
                  queries_dir: Path | None = None) -> nx.MultiDiGraph:
    """Project the store with the filters and write it to `path` (a file name or a binary
    stream) as graphml, gexf or cytoscape-json; returns the graph written."""
    fmt = normalize_format(fmt)
    graph = project(store, clusters=clusters, years=years, types=types,
                    queries_dir=queries_dir)
    write_graph(graph, fmt, path, lang)
    return graph


# --- the web explorer's JSON ------------------------------------------------------------------

def web_payload(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None,
                href: Callable[[str], str] | None = None) -> dict:
    """Nodes and edges for the explorer, with the legend (types and relations with labels,
    colours and counts), the clusters and the year span of the whole network for the filters."""
    link = href or (lambda iri: iri)
    full = full if full is not None else graph
    vocab = vocabulary()
    degree = dict(graph.degree())
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {"id": node, "href": link(node), "degree": degree.get(node, 0)}
        item.update({k: data[k] for k in ("type", "label_vi", "label_en", "class_vi",
                                          "class_en", "year", "date") if k in data})
        nodes.append(item)
    edges = []
    for u, v, k, data in graph.edges(keys=True, data=True):
        item = {"id": k, "source": u, "target": v}
        item.update({key: data[key] for key in ("relation", "year", "year_end", "inferred",
                                                "extracted", "status", "detail_vi", "detail_en",
                                                "provenance") if key in data})
        edges.append(item)
    type_counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        type_counts[data.get("type", "")] = type_counts.get(data.get("type", ""), 0) + 1
    relation_counts: dict[str, int] = {}
    for *_, data in graph.edges(data=True):
        relation_counts[data["relation"]] = relation_counts.get(data["relation"], 0) + 1
    years = sorted({d["year"] for *_, d in full.edges(data=True) if "year" in d}
                   | {d["year_end"] for *_, d in full.edges(data=True) if "year_end" in d})
    clusters = sorted(({"id": n, "label_vi": d.get("label_vi", n),
                        "label_en": d.get("label_en", n), "href": link(n)}
                       for n, d in full.nodes(data=True) if d.get("type") == "cluster"),
                      key=lambda c: c["label_vi"])
    return {
        "nodes": nodes, "edges": edges,
        "count": {"nodes": len(nodes), "edges": len(edges)},
        "filters": graph.graph.get("filters", {"clusters": [], "years": [], "types": []}),
        "node_types": [{"id": t, "label_vi": c.label_vi, "label_en": c.label_en,
                        "color": NODE_COLORS.get(t, DEFAULT_COLOR),
                        "count": type_counts.get(t, 0)} for t, c in vocab.node_types.items()],
        "relations": [{"id": r, "label_vi": c.label_vi, "label_en": c.label_en,
                       "color": RELATION_COLORS.get(r, DEFAULT_COLOR),
                       "count": relation_counts.get(r, 0)} for r, c in vocab.relations.items()],
        "clusters": clusters,
        "years": [years[0], years[-1]] if years else [],
    }
