"""The named queries of queries/*.rq over HTTP: the catalogue and each query with typed,
validated parameters (the same catalogue object as the CLI's, app.state.catalog).

Results: SPARQL 1.1 Query Results JSON by default (the format any SPARQL client reads; rows are
`results.bindings`, each cell a term object {"type", "value", "datatype"|"xml:lang"}); CSV, TSV
or SPARQL XML by `Accept` or `?format=csv|tsv|xml|json` (`format` is reserved: no query declares a
parameter of that name).
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import Response

from pbkg.catalog import NamedQuery, get_query
from pbkg.errors import InvalidParameter
from pbkg.formats import FORMATS, negotiate
from pbkg.sparql_policy import inspect
from pbkg.store import query_serialized

from ..deps import client_address, get_catalog, get_scheduler, get_settings, get_store

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


_RUN_RESPONSES = {
    200: {"content": {
        "application/sparql-results+json": {"example": _JSON_EXAMPLE},
        "text/csv": {"example": "cluster,year,role\r\nhttps://w3id.org/pbkg/id/cluster/"
                                "to-chuc-xay-dung-dang-cum-5,2023,chair\r\n"},
        "text/tab-separated-values": {}, "application/sparql-results+xml": {}}},
    404: {"description": "No query of that name."},
    406: {"description": "No acceptable format."},
    422: {"description": "A missing, unknown or ill-typed parameter."},
    503: {"description": "The query ran longer than the time limit."},
}
_FORMATS = ("json", "csv", "tsv", "xml")  # named queries are SELECT queries
_FORMAT_PARAM = {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": list(_FORMATS)},
                 "description": "Result format, overriding Accept."}
_RUN_DESCRIPTION = (
    "Parameters are validated against their declared type and bound as RDF terms (a VALUES "
    "block), never pasted into the query text: a bad value is a 422. JSON results are SPARQL "
    "1.1 Query Results JSON; `Accept: text/csv` (or `?format=csv`) gives CSV; also TSV and "
    "SPARQL XML. The time and result limits of the SPARQL endpoint apply.")


# The generic route runs any query; the OpenAPI document shows one operation per query
# instead (query_routes), each with its own typed parameters.
@router.get("/{name}", include_in_schema=False, responses=_RUN_RESPONSES)
async def run_named_query(request: Request, name: str) -> Response:
    return await _run(request, get_query(get_catalog(request), name))


def query_routes(catalog: Mapping[str, NamedQuery]) -> APIRouter:
    """One documented operation per named query, its parameters typed from the query's header
    (so /docs and clients see them)."""
    routes = APIRouter(prefix="/api/queries", tags=["Named queries"])
    for query in catalog.values():
        parameters = [_FORMAT_PARAM] + [
            {"name": p.name, "in": "query", "required": p.required, "schema": p.schema(),
             "description": p.description} for p in query.params]

        routes.add_api_route(
            f"/{query.name}", _runner(query.name), methods=["GET"], name=f"query-{query.name}",
            summary=query.title.get("en", query.name),
            description=f"{query.description.get('en', '')}\n\n{_RUN_DESCRIPTION}",
            responses={k: v for k, v in _RUN_RESPONSES.items() if k != 404},
            openapi_extra={"parameters": parameters})
    return routes


def _runner(name: str):  # noqa: ANN202 - an endpoint function
    async def run(request: Request) -> Response:
        return await _run(request, get_query(get_catalog(request), name))

    return run


async def _run(request: Request, query: NamedQuery) -> Response:
    values: dict[str, str] = {}
    format_name = None
    for key, value in request.query_params.multi_items():
        if key == "format":
            if value not in _FORMATS:
                raise InvalidParameter("format", f"expected one of {', '.join(_FORMATS)}, "
                                                 f"got {value!r}")
            format_name = value
            continue
        if key in values:
            raise InvalidParameter(key, "given more than once")
        values[key] = value
    text = query.bind(values)
    graph = inspect(text).returns_graph
    accept = request.headers.get("accept")
    fmt = negotiate(accept, graph=graph, format_name=format_name)
    settings = get_settings(request)
    store = get_store(request)

    def run(remaining: float):
        return query_serialized(store, text, results_format=FORMATS["json"] if graph else fmt,
                                graph_format=fmt if graph else FORMATS["turtle"],
                                limit=settings.result_limit, timeout=remaining)

    result = await get_scheduler(request).run(client_address(request), settings.query_timeout,
                                              run)
    return Response(result.body, media_type=result.format.media_type,
                    headers={"Vary": "Accept"})
