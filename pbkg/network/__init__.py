"""The knowledge graph as a network: projection (networkx), analytics, exports, pictures.

    project(store, clusters=..., years=..., types=...) -> nx.MultiDiGraph
    stats(graph) -> dict
    write_network(store, "graphml" | "gexf" | "cytoscape-json", path, **filters)

Drawing (pbkg.network.draw) needs matplotlib, from the `viz` extra.
"""

from .analytics import (
    centrality,
    chair_rotation,
    co_membership,
    format_stats,
    most_cited_documents,
    province_lineage,
    stats,
)
from .formats import NETWORK_FORMATS, write_graph, write_network
from .projection import (
    filter_graph,
    full_projection,
    project,
    resolve_cluster,
    resolve_clusters,
    vocabulary,
)
from .timeline import Timeline, timeline

__all__ = [
    "NETWORK_FORMATS", "Timeline", "centrality", "chair_rotation", "co_membership",
    "filter_graph", "format_stats", "full_projection", "most_cited_documents", "project",
    "province_lineage", "resolve_cluster", "resolve_clusters", "stats", "timeline",
    "vocabulary", "write_graph", "write_network",
]
