"""The network explorer: the /graph page, its JSON (/api/graph, /api/graph/timeline), network
downloads (/api/graph/export) and the page (its vendored scripts are under /static/graph/).

HTTP only: the projection, its filters, the timeline and the payloads are pbkg.network's. The
page draws with sigma.js on graphology (WebGL), vendored from npm into api/static/graph/vendor
(see api/static/graph/README.md): no CDN, it works offline.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import StringConstraints

from pbkg import network
from pbkg.linked_data import Links
from pbkg.network.formats import NETWORK_FORMATS, graph_bytes, normalize_format, web_payload

from ..pages import render

router = APIRouter(tags=["network"])


# A repeated value is never empty: "cluster=" names no cluster (and reads like a string).
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ClusterParam = Annotated[list[Name] | None, Query(
    alias="cluster", max_length=200, examples=["to-chuc-xay-dung-dang-cum-5"],
    description="A cluster: IRI, slug, the end of a slug (cum-5) or words of its label "
                "(Cụm 5); repeatable")]
FromParam = Annotated[int | None, Query(alias="from", ge=1900, le=2100, examples=[2020],
                                        description="First year of the dated facts kept")]
ToParam = Annotated[int | None, Query(alias="to", ge=1900, le=2100, examples=[2023],
                                      description="Last year of the dated facts kept")]
TypeParam = Annotated[list[Name] | None, Query(
    alias="type", max_length=200, examples=["organization,cluster"],
    description="Node types to keep (cluster, organization, person, province, conference, "
                "award, document), repeated or comma-separated")]
LangParam = Annotated[str, Query(pattern="^(vi|en)$", description="Label language: vi or en")]


def _links(request: Request) -> Links:
    return Links.from_settings(request.app.state.settings)


def _filtered(request: Request, cluster: list[str] | None, year_from: int | None,
              year_to: int | None, types: list[str] | None):
    full = network.full_projection(request.app.state.store, request.app.state.project.queries)
    graph = network.filter_graph(
        full, clusters=network.resolve_clusters(full, cluster),
        years=network.projection.year_range((year_from, year_to)),
        types=network.projection.check_types(types, request.app.state.project.queries))
    return full, graph


@router.get("/graph", response_class=HTMLResponse, summary="The network explorer (HTML)",
            description="An interactive view of the network: search, filters by cluster, year "
                        "and node type, a click on a node opens its page, a leadership timeline "
                        "per cluster, labels in Vietnamese or English.")
def graph_page(request: Request) -> HTMLResponse:
    return render(request, "graph.html")


@router.get("/api/graph", summary="The network as nodes and edges (JSON)",
            description="The projection of the knowledge graph (pbkg.network), filtered. Nodes "
                        "carry type, labels and the link to their page; edges their relation, "
                        "year, inferred flag and source; plus the legend, the clusters and the "
                        "year span for the filters.")
def graph_json(request: Request, cluster: ClusterParam = None, year_from: FromParam = None,
               year_to: ToParam = None, types: TypeParam = None) -> JSONResponse:
    full, graph = _filtered(request, cluster, year_from, year_to, types)
    links = _links(request)
    return JSONResponse(links.json(web_payload(graph, full=full, href=links.href)))


@router.get("/api/graph/timeline", summary="A cluster's leadership by year (JSON)",
            description="Years across, member units (and people) down; each cell the roles held "
                        "that year (chaired, standing_vice_chaired, vice_chaired) or membership "
                        "(member_of), with the inferred flag and the source.")
def graph_timeline(request: Request, cluster: Annotated[str, Query(
        max_length=200, examples=["to-chuc-xay-dung-dang-cum-5"],
        description="The cluster: IRI, slug, end of a slug or label words")]) -> JSONResponse:
    full = network.full_projection(request.app.state.store, request.app.state.project.queries)
    iri = network.resolve_cluster(full, cluster)
    links = _links(request)
    return JSONResponse(links.json(network.timeline(full, iri).as_dict(href=links.href)))


@router.get("/api/graph/fact", summary="One fact of an edge: its label, quote and source",
            description="For the explorer's edge details: the generated label of a fact "
                        "(vi or en), one evidence quote, and its source article.")
def graph_fact(request: Request, fact: Annotated[str, Query(
        max_length=300, pattern="^fact/[a-z0-9/-]+$",
        examples=["fact/xay-dung-dang-2022-12/role-2023-chair"],
        description="The fact's path under /id/")], lang: LangParam = "vi") -> JSONResponse:
    from pbkg.errors import NotFound
    from pbkg.site import Site

    state = request.app.state
    site = Site(state.store, state.project.queries, state.settings)
    node = site.entity(site.id_base + fact)
    if not node.props:
        raise NotFound(f"no fact {fact}")
    prov = site.provenance(node)
    links = _links(request)
    source = prov["source"]
    labels = site.index.labels(node.iri) or site.fact_labels(node)
    return JSONResponse({
        "label": labels.get(lang) or labels.get("vi", ""), "href": links.href(node.iri),
        "quote": (prov["evidence"] or [None])[0], "inferred": prov["inferred"],
        "source": {"href": links.href(source["iri"]), "title": source["title"],
                   "url": source["url"]} if source else None,
    })


@router.get("/api/graph/export", summary="Download the network (GraphML, GEXF, Cytoscape JSON)",
            response_class=Response,
            responses={200: {"content": {m: {} for _, m, _ in NETWORK_FORMATS.values()}}})
def graph_export(request: Request, format: Annotated[str, Query(
        pattern="^(graphml|gexf|cytoscape-json|cyjs)$",
        description="graphml, gexf (with time, for Gephi) or cytoscape-json")],
                 cluster: ClusterParam = None, year_from: FromParam = None,
                 year_to: ToParam = None, types: TypeParam = None,
                 lang: LangParam = "vi") -> Response:
    fmt = normalize_format(format)
    _, graph = _filtered(request, cluster, year_from, year_to, types)
    extension, media, _ = NETWORK_FORMATS[fmt]
    return Response(graph_bytes(graph, fmt, lang), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="pbkg-network.{extension}"'})
