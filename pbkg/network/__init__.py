"""The knowledge graph as a network: projection (networkx), analytics, exports, pictures.

    project(store, clusters=..., years=..., types=...) -> nx.MultiDiGraph
    stats(graph) -> dict
    write_network(store, "graphml" | "gexf" | "cytoscape-json", path, **filters)

Drawing (pbkg.network.draw) needs matplotlib, from the `viz` extra.
"""

# A function named as its module: bound here, before importing the module could shadow it.
from .timeline import Timeline, timeline

# The rest imported on first use: networkx takes ~0.15 s to import, which `pbkg serve` need not
# pay at start (only the graph routes use it).
_HOMES = {
    'NETWORK_FORMATS': 'formats',
    'centrality': 'analytics',
    'chair_rotation': 'analytics',
    'co_membership': 'analytics',
    'filter_graph': 'projection',
    'format_stats': 'analytics',
    'full_projection': 'projection',
    'most_cited_documents': 'analytics',
    'project': 'projection',
    'province_lineage': 'analytics',
    'resolve_cluster': 'projection',
    'resolve_clusters': 'projection',
    'stats': 'analytics',
    'vocabulary': 'projection',
    'write_graph': 'formats',
    'write_network': 'formats',
}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NETWORK_FORMATS", "Timeline", "centrality", "chair_rotation", "co_membership",
    "filter_graph", "format_stats", "full_projection", "most_cited_documents", "project",
    "province_lineage", "resolve_cluster", "resolve_clusters", "stats", "timeline",
    "vocabulary", "write_graph", "write_network",
]
