"""The named queries of queries/*.rq over HTTP: the catalogue and each query with typed,
validated parameters (the same catalogue object as the CLI's, app.state.catalog).

Results: SPARQL 1.1 Query Results JSON by default (the format any SPARQL client reads; rows are
`results.bindings`, each cell a term object {"type", "value", "datatype"|"xml:lang"}); CSV, TSV
or SPARQL XML by `Accept` or `?format=csv|tsv|xml|json` (`format` is reserved: no query declares a
parameter of that name).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from pbkg.catalog import get_query
from pbkg.errors import InvalidParameter
from pbkg.formats import FORMATS, negotiate
from pbkg.sparql_policy import inspect
from pbkg.store import query_serialized

from ..deps import get_catalog, get_settings, get_store

router = APIRouter(prefix="/api/queries", tags=["Named queries"])

_CATALOG_EXAMPLE = [{
    "name": "cluster-chairs",
    "title": {"en": "Who chaired which cluster in which year",
              "vi": "Đơn vị nào làm cụm trưởng, cụm phó của cụm thi đua nào, năm nào"},
    "description": {"en": "Every chair, standing vice-chair and vice-chair unit ..."},
    "params": [{"name": "cluster", "type": "iri", "required": False,
                "description": "The cluster, as an IRI or a slug (to-chuc-xay-dung-dang-cum-5)",
                "prefix": "https://w3id.org/pbkg/id/cluster/", "choices": []},
               {"name": "year", "type": "gYear", "required": False,
                "description": "The year the role applies to (2023)", "prefix": None,
                "choices": []}],
    "columns": ["cluster", "clusterLabel", "year", "role", "unit", "unitLabel", "person",
                "personLabel", "inferred", "source", "evidence"],
}]
_JSON_EXAMPLE = {"head": {"vars": ["cluster", "year", "role"]},
                 "results": {"bindings": [{
                     "cluster": {"type": "uri", "value": "https://w3id.org/pbkg/id/cluster/"
                                                          "to-chuc-xay-dung-dang-cum-5"},
                     "year": {"type": "literal", "value": "2023",
                              "datatype": "http://www.w3.org/2001/XMLSchema#gYear"},
                     "role": {"type": "literal", "value": "chair"}}]}}


@router.get("", summary="List the named queries",
            description="Every query of `queries/*.rq` with its titles (vi, en), description, "
                        "typed parameters and result columns, from the query file's header.",
            responses={200: {"content": {"application/json": {"example": _CATALOG_EXAMPLE}}}})
async def list_queries(request: Request) -> list[dict]:
    return [q.as_dict() for q in get_catalog(request).values()]


@router.get(
    "/{name}",
    summary="Run a named query",
    description="Runs `queries/NAME.rq` with its parameters given as query-string parameters "
                "(see `GET /api/queries` for each query's parameters and their types, e.g. "
                "`/api/queries/cluster-chairs?cluster=to-chuc-xay-dung-dang-cum-5&year=2023`). "
                "Parameters are validated against their declared type and bound as RDF terms "
                "(a VALUES block), never pasted into the query text: a bad value is a 422. "
                "JSON results are SPARQL 1.1 Query Results JSON; `Accept: text/csv` (or "
                "`?format=csv`) gives CSV; also TSV and SPARQL XML. The time and result limits "
                "of the SPARQL endpoint apply.",
    responses={
        200: {"content": {
            "application/sparql-results+json": {"example": _JSON_EXAMPLE},
            "text/csv": {"example": "cluster,year,role\r\nhttps://w3id.org/pbkg/id/cluster/"
                                    "to-chuc-xay-dung-dang-cum-5,2023,chair\r\n"},
            "text/tab-separated-values": {}, "application/sparql-results+xml": {}}},
        404: {"description": "No query of that name."},
        406: {"description": "No acceptable format."},
        422: {"description": "A missing, unknown or ill-typed parameter."},
        503: {"description": "The query ran longer than the time limit."},
    },
    openapi_extra={"parameters": [
        {"name": "format", "in": "query", "required": False,
         "schema": {"type": "string", "enum": ["json", "csv", "tsv", "xml"]},
         "description": "Result format, overriding Accept."},
        {"name": "year", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "Example of a query parameter (cluster-chairs, awards...): each query "
                        "takes the parameters its catalogue entry lists.", "example": "2023"},
    ]},
)
async def run_named_query(
    request: Request,
    name: Annotated[str, Path(description="The query's name (its file name without .rq).",
                              examples=["cluster-chairs"])],
) -> Response:
    query = get_query(get_catalog(request), name)
    values: dict[str, str] = {}
    format_name = None
    for key, value in request.query_params.multi_items():
        if key == "format":
            format_name = value
            continue
        if key in values:
            raise InvalidParameter(key, "given more than once")
        values[key] = value
    text = query.render(values)
    graph = inspect(text).returns_graph
    accept = request.headers.get("accept")
    fmt = negotiate(accept, graph=graph, format_name=format_name)
    settings = get_settings(request)
    result = await run_in_threadpool(
        query_serialized, get_store(request), text,
        results_format=FORMATS["json"] if graph else fmt,
        graph_format=fmt if graph else FORMATS["turtle"],
        limit=settings.result_limit, timeout=settings.query_timeout)
    return Response(result.body, media_type=result.format.media_type,
                    headers={"Vary": "Accept"})
