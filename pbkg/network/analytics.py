"""What users ask of the network: the chair rotation of each cluster, which units sit together
in clusters (a weighted co-membership graph), the centrality of units and people, the documents
cited most, and the lineage of the provinces through the 2025 merger. Every function takes a
projection (filtered or not) and returns plain data; stats() gathers them, format_stats() prints
them for people."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .projection import ROLE_RELATIONS, vocabulary

# Betweenness is exact up to this many nodes; above, it is estimated from this many sources
# (a fixed seed, so the figures are reproducible).
EXACT_BETWEENNESS_UP_TO = 1000
BETWEENNESS_SAMPLES = 128


def _label(graph: nx.MultiDiGraph, node: str, lang: str = "vi") -> str:
    data = graph.nodes[node]
    return data.get(f"label_{lang}") or data.get("label") or node


def _ref(graph: nx.MultiDiGraph, node: str) -> dict:
    data = graph.nodes[node]
    return {"node": node, "type": data.get("type"), "label_vi": data.get("label_vi", node),
            "label_en": data.get("label_en", node)}


def chair_rotation(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """Cluster -> its labels and, year by year, who chaired, was standing vice-chair or
    vice-chair (units, or people when the source names only a person), inferred ones flagged."""
    out: dict[str, dict] = {}
    for source, cluster, data in graph.edges(data=True):
        relation = data.get("relation")
        if relation not in ROLE_RELATIONS or "year" not in data:
            continue
        entry = out.setdefault(cluster, {**_ref(graph, cluster), "years": {}})
        holders = entry["years"].setdefault(data["year"], {r: [] for r in ROLE_RELATIONS})
        holders[relation].append({**_ref(graph, source), "inferred": bool(data.get("inferred")),
                                  "extracted": bool(data.get("extracted")),
                                  "provenance": data.get("provenance")})
    for entry in out.values():
        for holders in entry["years"].values():
            for items in holders.values():
                items.sort(key=lambda h: (h["inferred"], h["label_vi"]))
        entry["years"] = dict(sorted(entry["years"].items()))
    return dict(sorted(out.items(), key=lambda kv: kv[1]["label_vi"]))


def co_membership(graph: nx.MultiDiGraph) -> nx.Graph:
    """Units linked by the cluster-years they shared (membership or a leadership role in the
    same cluster in the same year): weight = the number of such cluster-years, clusters = the
    clusters concerned."""
    groups: dict[tuple, set[str]] = defaultdict(set)
    for source, cluster, data in graph.edges(data=True):
        if data.get("relation") not in ("member_of", *ROLE_RELATIONS):
            continue
        if graph.nodes[source].get("type") != "organization":
            continue
        groups[(cluster, data.get("year"))].add(source)
    shared: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for group, members in groups.items():
        for a, b in combinations(sorted(members), 2):
            shared[(a, b)].add(group)
    out = nx.Graph(name="co-membership")
    for members in groups.values():
        for m in sorted(members):
            out.add_node(m, **_ref(graph, m))
    for (a, b), cluster_years in sorted(shared.items()):
        out.add_edge(a, b, weight=len(cluster_years),
                     clusters=sorted({c for c, _ in cluster_years}),
                     years=sorted({y for _, y in cluster_years if y is not None}))
    return out


def centrality(graph: nx.MultiDiGraph, types: tuple[str, ...] = ("organization", "person")
               ) -> dict:
    """Degree (distinct neighbours) and betweenness (normalized) of the nodes of the given
    types, on the undirected simple graph underlying the projection."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    exact = simple.number_of_nodes() <= EXACT_BETWEENNESS_UP_TO
    if exact:
        betweenness = nx.betweenness_centrality(simple, normalized=True)
    else:
        betweenness = nx.betweenness_centrality(simple, k=BETWEENNESS_SAMPLES, normalized=True,
                                                seed=0)
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("type") in types:
            rows.append({**_ref(graph, node), "degree": simple.degree(node),
                         "betweenness": round(betweenness.get(node, 0.0), 6)})
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label_vi"]))
    return {"exact": exact, "nodes": rows}


def most_cited_documents(graph: nx.MultiDiGraph) -> list[dict]:
    """Documents by the number of articles citing them, then of citations."""
    out = []
    for node, data in graph.nodes(data=True):
        if data.get("type") != "document":
            continue
        cited = [d for _, _, d in graph.in_edges(node, data=True) if d.get("relation") == "cited"]
        if not cited:
            continue
        out.append({**_ref(graph, node),
                    "articles": len({d.get("provenance") for d in cited if d.get("provenance")}),
                    "citations": len(cited),
                    "inferred": sum(1 for d in cited if d.get("inferred")),
                    "as_written": sorted({d["detail_vi"] for d in cited if "detail_vi" in d})})
    out.sort(key=lambda r: (-r["articles"], -r["citations"], r["label_vi"]))
    return out


def province_lineage(graph: nx.MultiDiGraph) -> list[dict]:
    """Each 2025 unit with the pre-2025 units it continues or was merged from."""
    out: dict[str, dict] = {}
    for old, new, data in graph.edges(data=True):
        relation = data.get("relation")
        if relation not in ("merged_into", "became"):
            continue
        entry = out.setdefault(new, {**_ref(graph, new), "kind": "continuation",
                                     "date": data.get("date"), "predecessors": []})
        if relation == "merged_into":
            entry["kind"] = "merger"
        entry["predecessors"].append(_ref(graph, old))
    for entry in out.values():
        entry["predecessors"].sort(key=lambda r: r["label_vi"])
    return sorted(out.values(), key=lambda e: e["label_vi"])


def stats(graph: nx.MultiDiGraph, top: int = 10) -> dict:
    """Everything above in one JSON-ready dict (lists cut to `top` where they rank)."""
    vocab = vocabulary()
    node_types: dict[str, int] = defaultdict(int)
    for _, data in graph.nodes(data=True):
        node_types[data.get("type", "")] += 1
    relations: dict[str, int] = defaultdict(int)
    for _, _, data in graph.edges(data=True):
        relations[data.get("relation", "")] += 1
    pairs = co_membership(graph)
    ranked_pairs = sorted(pairs.edges(data=True),
                          key=lambda e: (-e[2]["weight"], pairs.nodes[e[0]]["label_vi"],
                                         pairs.nodes[e[1]]["label_vi"]))
    central = centrality(graph)
    by_type: dict[str, list] = {"organization": [], "person": []}
    for row in central["nodes"]:
        if len(by_type[row["type"]]) < top:
            by_type[row["type"]].append(row)
    lineage = province_lineage(graph)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "filters": graph.graph.get("filters", {}),
        "node_types": {t: node_types[t] for t in vocab.node_types if node_types.get(t)},
        "relations": {r: relations[r] for r in vocab.relations if relations.get(r)},
        "inferred_edges": sum(1 for *_, d in graph.edges(data=True) if d.get("inferred")),
        "chair_rotation": chair_rotation(graph),
        "co_membership": {
            "units": pairs.number_of_nodes(), "pairs": pairs.number_of_edges(),
            "top": [{"a": _ref(graph, a), "b": _ref(graph, b), "weight": d["weight"],
                     "clusters": d["clusters"], "years": d["years"]}
                    for a, b, d in ranked_pairs[:top]]},
        "centrality": {"exact": central["exact"], **by_type},
        "most_cited_documents": most_cited_documents(graph)[:top],
        "province_lineage": {
            "mergers": [e for e in lineage if e["kind"] == "merger"],
            "continuations": sum(1 for e in lineage if e["kind"] == "continuation")},
    }


_TEXT = {
    "vi": {"network": "Mạng", "nodes": "nút", "edges": "cạnh", "filters": "bộ lọc",
           "by_type": "Nút theo loại", "by_relation": "Cạnh theo quan hệ",
           "inferred": "cạnh suy ra", "rotation": "Luân phiên cụm trưởng, cụm phó",
           "inferred_mark": "* = suy ra, không được nguồn nêu trực tiếp; "
                            "† = trích xuất tự động",
           "co": "Đơn vị cùng cụm (số cụm-năm chung)", "units": "đơn vị", "pairs": "cặp",
           "centrality": "Độ trung tâm (bậc · trung gian)",
           "approx": "ước lượng trên mẫu", "organization": "Tổ chức", "person": "Cá nhân",
           "cited": "Văn bản được trích dẫn nhiều nhất", "articles": "bài", "citations": "lần",
           "lineage": "Sắp xếp tỉnh năm 2025 (hợp nhất)", "continued": "đơn vị giữ nguyên",
           "none": "(không có)", "years": "năm", "clusters": "cụm", "types": "loại"},
    "en": {"network": "Network", "nodes": "nodes", "edges": "edges", "filters": "filters",
           "by_type": "Nodes by type", "by_relation": "Edges by relation",
           "inferred": "inferred edges", "rotation": "Chair rotation",
           "inferred_mark": "* = inferred, not stated by the source; † = machine-extracted",
           "co": "Units sharing clusters (cluster-years in common)", "units": "units",
           "pairs": "pairs", "centrality": "Centrality (degree · betweenness)",
           "approx": "estimated from a sample", "organization": "Organizations",
           "person": "People", "cited": "Documents cited most", "articles": "articles",
           "citations": "citations", "lineage": "Provinces through the 2025 merger (mergers)",
           "continued": "units unchanged", "none": "(none)", "years": "years",
           "clusters": "clusters", "types": "types"},
}


def format_stats(data: dict, lang: str = "vi") -> str:
    """stats() as text for a terminal."""
    t = _TEXT["en" if lang == "en" else "vi"]
    vocab = vocabulary()

    def name(ref: dict) -> str:
        return ref.get(f"label_{lang}") or ref.get("label_vi") or ref["node"]

    def category(kind: dict, key: str) -> str:
        c = kind.get(key)
        return c.label(lang) if c else key

    lines = [f"{t['network']}: {data['nodes']} {t['nodes']}, {data['edges']} {t['edges']} "
             f"({data['inferred_edges']} {t['inferred']})"]
    filters = data.get("filters") or {}
    shown = [f"{t['clusters']}={', '.join(c.rsplit('/', 1)[-1] for c in filters['clusters'])}"
             if filters.get("clusters") else "",
             f"{t['years']}={'–'.join('' if y is None else str(y) for y in filters['years'])}"
             if filters.get("years") else "",
             f"{t['types']}={', '.join(filters['types'])}" if filters.get("types") else ""]
    if any(shown):
        lines.append(f"{t['filters']}: " + "; ".join(s for s in shown if s))
    lines.append(f"{t['by_type']}: " + " · ".join(
        f"{category(vocab.node_types, k)} {v}" for k, v in data["node_types"].items()))
    lines.append(f"{t['by_relation']}: " + " · ".join(
        f"{k} {v}" for k, v in data["relations"].items()))

    lines += ["", f"{t['rotation']}  ({t['inferred_mark']})"]
    if not data["chair_rotation"]:
        lines.append(f"  {t['none']}")
    for entry in data["chair_rotation"].values():
        lines.append(f"  {name(entry)}")
        for year, holders in entry["years"].items():
            parts = []
            for relation, items in holders.items():
                if items:
                    who = ", ".join(name(h) + ("*" if h["inferred"] else "")
                                    + ("†" if h["extracted"] else "") for h in items)
                    parts.append(f"{category(vocab.relations, relation)}: {who}")
            lines.append(f"    {year}  " + "; ".join(parts))

    co = data["co_membership"]
    lines += ["", f"{t['co']}: {co['units']} {t['units']}, {co['pairs']} {t['pairs']}"]
    for pair in co["top"]:
        lines.append(f"  {pair['weight']:>3}  {name(pair['a'])} — {name(pair['b'])}")

    central = data["centrality"]
    lines += ["", t["centrality"] + ("" if central["exact"] else f" ({t['approx']})")]
    for kind in ("organization", "person"):
        lines.append(f"  {t[kind]}")
        for row in central[kind]:
            lines.append(f"    {row['degree']:>4} · {row['betweenness']:.4f}  {name(row)}")

    lines += ["", t["cited"]]
    for doc in data["most_cited_documents"]:
        written = ""
        if doc["as_written"] and doc["as_written"] != [doc["label_vi"]]:
            written = "  [" + "; ".join(doc["as_written"]) + "]"
        lines.append(f"  {doc['articles']:>3} {t['articles']}, {doc['citations']:>3} "
                     f"{t['citations']}  {name(doc)}{written}")

    lineage = data["province_lineage"]
    lines += ["", f"{t['lineage']}; {lineage['continuations']} {t['continued']}"]
    for entry in lineage["mergers"]:
        lines.append(f"  {name(entry)} ← " + ", ".join(name(p) for p in entry["predecessors"]))
    return "\n".join(lines) + "\n"
