"""Static pictures (SVG or PNG, by the file's extension) with matplotlib (the `viz` extra).

draw_network: nodes coloured by type and sized by degree, edges coloured by relation (inferred
ones dashed), labels on a light box, a legend. draw_timeline: a cluster's leadership by year
(years across, units down; chair, standing vice-chair, vice-chair and membership marked
distinctly; inferred marks hollow with a dashed outline).

Text is set in DejaVu Sans, which matplotlib ships and which has every Vietnamese letter; SVG
text stays text (svg.fonttype "none"), and outputs carry no date, so they are reproducible.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import networkx as nx

from ..errors import InvalidParameter, PbkgError
from .formats import DEFAULT_COLOR, NODE_COLORS, RELATION_COLORS
from .projection import vocabulary
from .timeline import Timeline

IMAGE_FORMATS = ("svg", "png")
MAX_NODES = 400  # above this, the picture keeps the best-connected nodes
FONT = "DejaVu Sans"

_TEXT = {
    "vi": {"nodes": "nút", "edges": "cạnh", "shown": "hiển thị {k}/{n} nút có bậc cao nhất",
           "types": "Loại nút", "relations": "Quan hệ", "inferred": "suy ra (nét đứt)",
           "timeline": "Luân phiên lãnh đạo theo năm", "year": "Năm", "member": "thành viên",
           "hollow": "rỗng, viền đứt = suy ra", "empty": "(không có dữ kiện)",
           "inferred_short": "suy ra"},
    "en": {"nodes": "nodes", "edges": "edges", "shown": "showing the {k} of {n} nodes with the "
           "highest degree", "types": "Node types", "relations": "Relations",
           "inferred": "inferred (dashed)", "timeline": "Leadership by year", "year": "Year",
           "member": "member", "hollow": "hollow, dashed = inferred",
           "empty": "(no facts)", "inferred_short": "inferred"},
}
_MARK_STYLE = {  # relation: (marker, colour, size)
    "chaired": ("*", RELATION_COLORS["chaired"], 420),
    "standing_vice_chaired": ("D", RELATION_COLORS["standing_vice_chaired"], 150),
    "vice_chaired": ("^", RELATION_COLORS["vice_chaired"], 170),
    "member_of": ("o", "#7f8c8d", 45),
}


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PbkgError("drawing needs matplotlib: pip install 'pbkg[viz]'") from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "svg.fonttype": "none",  # text stays text (searchable, selectable)
        "svg.hashsalt": "pbkg",  # stable element ids
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "axes.unicode_minus": False,
    })
    return plt


def image_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise InvalidParameter("output", f"{path.name}: the picture's file name must end in "
                                         ".svg or .png")
    return fmt


def _save(fig, path: Path) -> None:
    fmt = image_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(path, format=fmt, dpi=150, bbox_inches="tight", metadata=metadata,
                facecolor="white")


def _wrap(text: str, width: int = 26) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _label(data: dict, lang: str) -> str:
    return data.get(f"label_{lang}") or data.get("label") or ""


def packed_layout(graph: nx.Graph, seed: int = 7) -> dict:
    """A spring layout per connected component, the components packed in rows, largest first
    (one layout for all would fling the small components to the edges and crush the rest)."""
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    placed: list[tuple[dict, float, float]] = []
    for component in components:
        sub = graph.subgraph(component)
        size = len(component)
        if size == 1:
            local = {next(iter(component)): (0.0, 0.0)}
        else:
            local = nx.spring_layout(sub, k=1.6 / math.sqrt(size), iterations=200, seed=seed)
        scale = math.sqrt(size)
        xs = [p[0] * scale for p in local.values()]
        ys = [p[1] * scale for p in local.values()]
        x0, y0 = min(xs), min(ys)
        shifted = {node: (p[0] * scale - x0, p[1] * scale - y0) for node, p in local.items()}
        placed.append((shifted, max(xs) - x0 + 0.9, max(ys) - y0 + 0.9))
    row_width = max(max(w for _, w, _ in placed),
                    1.3 * math.sqrt(sum(w * h for _, w, h in placed)))
    pos: dict = {}
    x = y = row_height = 0.0
    for local, width, height in placed:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in local.items():
            pos[node] = (x + px, y - py)
        x += width
        row_height = max(row_height, height)
    return pos


def draw_network(graph: nx.MultiDiGraph, path: str | Path, *, lang: str = "vi",
                 title: str | None = None, max_nodes: int = MAX_NODES,
                 max_labels: int = 60, seed: int = 7) -> Path:
    """Draw the (filtered) projection to path (.svg or .png)."""
    path = Path(path)
    image_format(path)
    plt = _pyplot()
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    t = _TEXT["en" if lang == "en" else "vi"]
    vocab = vocabulary()
    total = graph.number_of_nodes()
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    keep = sorted(simple.nodes, key=lambda n: (graph.nodes[n].get("type") != "cluster",
                                               -simple.degree(n), n))[:max_nodes]
    shown = simple.subgraph(keep).copy()
    n = shown.number_of_nodes()

    size = max(7.0, min(22.0, 3.2 * math.sqrt(max(n, 1)) / 1.6))
    fig, ax = plt.subplots(figsize=(size * 1.35, size))
    ax.set_axis_off()
    if n == 0:
        ax.text(0.5, 0.5, t["empty"], ha="center", va="center", fontsize=14)
        pos = {}
    else:
        pos = packed_layout(shown, seed=seed)

    degrees = dict(shown.degree())
    top = max(degrees.values(), default=1) or 1

    # Edges: one line per distinct (pair, relation, inferred), coloured by relation.
    styled: dict[tuple[str, bool], list] = {}
    seen = set()
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        if u not in pos or v not in pos or u == v:
            continue
        key = (min(u, v), max(u, v), data.get("relation"), bool(data.get("inferred")))
        if key in seen:
            continue
        seen.add(key)
        styled.setdefault((data.get("relation", ""), bool(data.get("inferred"))), []).append(
            (pos[u], pos[v]))
    for (relation, inferred), segments in sorted(styled.items()):
        ax.add_collection(LineCollection(
            segments, colors=RELATION_COLORS.get(relation, DEFAULT_COLOR),
            linewidths=1.6 if relation in ("chaired", "standing_vice_chaired", "vice_chaired")
            else 0.8, linestyles="dashed" if inferred else "solid", alpha=0.75, zorder=1))

    # Nodes by type.
    types_present = []
    for node_type in vocab.node_types:
        nodes = [x for x in shown.nodes if graph.nodes[x].get("type") == node_type]
        if not nodes:
            continue
        types_present.append(node_type)
        ax.scatter([pos[x][0] for x in nodes], [pos[x][1] for x in nodes],
                   s=[40 + 520 * math.sqrt(degrees[x] / top) for x in nodes],
                   c=NODE_COLORS.get(node_type, DEFAULT_COLOR), edgecolors="white",
                   linewidths=0.8, zorder=2)

    # Labels: all when few, else the clusters and the best-connected nodes.
    if n <= max_labels:
        labelled = list(shown.nodes)
    else:
        labelled = sorted(shown.nodes, key=lambda x: (graph.nodes[x].get("type") != "cluster",
                                                      -degrees[x], x))[:max_labels]
    # A light box behind each label keeps it legible over edges (a stroke path effect would
    # turn SVG text into paths).
    box = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
           "alpha": 0.72}
    for node in sorted(labelled):
        data = graph.nodes[node]
        ax.annotate(_wrap(_label(data, lang)), pos[node], xytext=(0, 7),
                    textcoords="offset points", ha="center", va="bottom",
                    fontsize=9 if data.get("type") == "cluster" else 7.5,
                    fontweight="bold" if data.get("type") == "cluster" else "normal",
                    bbox=box, zorder=3)
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        pad_x, pad_y = 0.08 * (max(xs) - min(xs) or 1), 0.08 * (max(ys) - min(ys) or 1)
        ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y * 1.5)

    # Legend: node types, then the relations drawn, then the inferred style.
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9,
                      markerfacecolor=NODE_COLORS.get(x, DEFAULT_COLOR),
                      markeredgecolor="white", label=vocab.node_types[x].label(lang))
               for x in types_present]
    relations_present = [r for r in vocab.relations if any(k[0] == r for k in styled)]
    handles += [Line2D([], [], color=RELATION_COLORS.get(r, DEFAULT_COLOR), linewidth=2,
                       label=vocab.relations[r].label(lang)) for r in relations_present]
    if any(inferred for _, inferred in styled):
        handles.append(Line2D([], [], color="#555555", linestyle="dashed", linewidth=1.5,
                              label=t["inferred"]))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=8.5, title=f"{t['types']} · {t['relations']}", title_fontsize=9)

    subtitle = f"{n} {t['nodes']}, {graph.subgraph(keep).number_of_edges()} {t['edges']}"
    if n < total:
        subtitle += " · " + t["shown"].format(k=n, n=total)
    ax.set_title((title + "\n" if title else "") + subtitle, fontsize=12, loc="left")
    _save(fig, path)
    plt.close(fig)
    return path


def draw_timeline(tl: Timeline, path: str | Path, *, lang: str = "vi") -> Path:
    """Draw a cluster's leadership timeline to path (.svg or .png)."""
    path = Path(path)
    image_format(path)
    plt = _pyplot()
    from matplotlib.lines import Line2D

    t = _TEXT["en" if lang == "en" else "vi"]
    vocab = vocabulary()
    rows = tl.rows
    years = tl.years
    width = max(7.0, 3.6 + 1.15 * max(len(years), 1))
    height = max(3.2, 1.9 + 0.48 * max(len(rows), 1))
    fig, ax = plt.subplots(figsize=(width, height))
    if not rows:
        ax.text(0.5, 0.5, t["empty"], ha="center", va="center", fontsize=13)
        ax.set_axis_off()
    for y, row in enumerate(rows):
        for year, marks in sorted(row.cells.items()):
            mark = marks[0]  # the strongest role of that year
            symbol, colour, size = _MARK_STYLE.get(mark.relation, _MARK_STYLE["member_of"])
            if mark.inferred:
                ax.scatter([year], [y], marker=symbol, s=size, facecolors="white",
                           edgecolors=colour, linewidths=1.6, linestyle="--", zorder=3)
                ax.annotate(t["inferred_short"], (year, y), xytext=(11, -3),
                            textcoords="offset points", fontsize=7.5, color="#8a5a00")
            else:
                ax.scatter([year], [y], marker=symbol, s=size, c=colour, edgecolors="white",
                           linewidths=0.6, zorder=3)
            roles = [m for m in marks if m.relation != "member_of"]
            if len(roles) > 1:  # a unit stated and inferred, or with two roles
                ax.annotate(f"×{len(roles)}", (year, y), xytext=(8, 6),
                            textcoords="offset points", fontsize=7, color="#555555")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([_wrap(row.label(lang), 40) for row in rows], fontsize=9)
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row.type == "person":
            tick.set_fontstyle("italic")
    ax.invert_yaxis()
    if years:
        ax.set_xticks(years)
        ax.set_xticklabels([str(y) for y in years], fontsize=10)
        ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(True, color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(t["year"])
    ax.set_title(f"{tl.label(lang)}\n{t['timeline']}", fontsize=12, loc="left")

    present = {m.relation for r in rows for marks in r.cells.values() for m in marks}
    handles = []
    for relation, (symbol, colour, _) in _MARK_STYLE.items():
        if relation in present:
            name = t["member"] if relation == "member_of" else vocab.relations[relation].label(lang)
            handles.append(Line2D([], [], marker=symbol, linestyle="", color=colour,
                                  markersize=12 if symbol == "*" else 8, label=name))
    if any(m.inferred for r in rows for marks in r.cells.values() for m in marks):
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
                              markeredgecolor="#555555", markersize=8, label=t["hollow"]))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  fontsize=9)
    _save(fig, path)
    plt.close(fig)
    return path
