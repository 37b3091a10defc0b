"""The SPARQL 1.1 Protocol endpoint, /sparql: queries (GET and POST), a service description, and
a query editor (YASGUI, served from api/static/yasgui) for browsers.

Read-only (pbkg.sparql_policy): updates need PBKG_UPDATE_TOKEN; SERVICE and LOAD are refused.
Every query runs under the time limit (PBKG_QUERY_TIMEOUT, 503 when exceeded) and the result
limit (PBKG_RESULT_LIMIT rows or triples, 400 when exceeded).
"""

from __future__ import annotations

import json
import urllib.parse

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from pbkg.errors import InvalidParameter, QueryError
from pbkg.formats import (
    FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    NotAcceptable,
    UnsupportedMediaType,
    negotiate,
    prefers_html,
    serialize_triples,
)
from pbkg.linked_data import PREFIXES
from pbkg.query_limits import check_structure
from pbkg.service_description import PREFIXES as SD_PREFIXES
from pbkg.service_description import service_description
from pbkg.settings import Settings
from pbkg.sparql_policy import Operation, bearer_token, check, check_size, inspect
from pbkg.store import query_serialized

from ..deps import client_address, get_catalog, get_scheduler, get_settings, get_store

router = APIRouter(tags=["SPARQL"])


_RESULT_TYPES = sorted({m for f in RESULT_FORMATS + GRAPH_FORMATS for m in f.accepts})
_RESPONSES = {
    200: {"description": "SELECT/ASK results (JSON, XML, CSV, TSV) or a graph for "
                         "CONSTRUCT/DESCRIBE (Turtle, N-Triples, JSON-LD, RDF/XML), by `Accept` "
                         "or `format`; without a query, the service description (Turtle) or, "
                         "for a browser, the query editor.",
          "content": {m: {} for m in _RESULT_TYPES + ["text/html"]}},
    400: {"description": "Malformed query (the parser's message), brackets nested deeper than "
                         "PBKG_MAX_QUERY_DEPTH, or more results than the result limit."},
    403: {"description": "SPARQL Update without the update token; SERVICE; LOAD."},
    406: {"description": "No acceptable format for this kind of result."},
    413: {"description": "A query or update over the size limit (PBKG_MAX_QUERY_BYTES)."},
    415: {"description": "POST body of an unsupported content type."},
    503: {"description": "The query ran longer than the time limit and was stopped."},
}
_DESCRIPTION = """SPARQL 1.1 Protocol. The default graph is the union of all named graphs (one per
source: `GRAPH <https://w3id.org/pbkg/graph/article/KEY>` addresses one).

* `GET /sparql?query=...` or `POST` with a form (`query=`, `update=`) or an
  `application/sparql-query` / `application/sparql-update` body.
* `default-graph-uri` / `named-graph-uri` set the dataset.
* Results by `Accept` (q-values honoured) or `format` (json, xml, csv, tsv; turtle, ntriples,
  jsonld, rdfxml).
* Read-only: updates need `Authorization: Bearer <PBKG_UPDATE_TOKEN>`; `SERVICE` and `LOAD`
  are refused. Time limit `PBKG_QUERY_TIMEOUT` (503), result limit `PBKG_RESULT_LIMIT` (400).
"""
_EXAMPLE = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 10")


_GET_PARAMETERS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "The SPARQL query.", "example": _EXAMPLE},
    {"name": "default-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "A graph of the default graph (repeatable)."},
    {"name": "named-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "A named graph of the dataset (repeatable)."},
    {"name": "format", "in": "query", "required": False,
     "schema": {"type": "string", "enum": [n for f in RESULT_FORMATS + GRAPH_FORMATS
                                           for n in f.aliases]},
     "description": "Result format by name, overriding Accept."},
]


# Parameters are read from the request rather than declared: FastAPI's validation of them cost
# about 0.2 ms a request (measured), a fifth of a small query's time; openapi_extra documents them.
@router.get("/sparql", name="sparql", summary="SPARQL query (GET), service description, editor",
            description=_DESCRIPTION, responses=_RESPONSES,
            openapi_extra={"parameters": _GET_PARAMETERS})
async def sparql_get(request: Request) -> Response:
    check_size(len(request.scope.get("query_string", b"")), get_settings(request).max_query_bytes)
    params = request.query_params
    if "update" in params:
        raise QueryError("an update is sent with POST (update=... or application/sparql-update)")
    query = params.get("query")
    if query is None:
        return await _without_query(request, _format_name(params.get("format")))
    return await _answer(request, query, params.getlist("default-graph-uri"),
                         params.getlist("named-graph-uri"), _format_name(params.get("format")))


@router.post("/sparql", summary="SPARQL query or update (POST)", description=_DESCRIPTION,
             responses={**_RESPONSES, 204: {"description": "Update applied."}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/x-www-form-urlencoded": {"schema": {
                     "type": "object",
                     "properties": {"query": {"type": "string"}, "update": {"type": "string"},
                                    "default-graph-uri": {"type": "array",
                                                          "items": {"type": "string"}},
                                    "named-graph-uri": {"type": "array",
                                                        "items": {"type": "string"}},
                                    "format": {"type": "string", "enum": [
                                        n for f in RESULT_FORMATS + GRAPH_FORMATS
                                        for n in f.aliases]}}},
                     "example": {"query": _EXAMPLE}},
                 "application/sparql-query": {"schema": {"type": "string"},
                                              "example": _EXAMPLE},
                 "application/sparql-update": {"schema": {"type": "string"}},
             }}})
async def sparql_post(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    settings = get_settings(request)
    check_size(len(request.scope.get("query_string", b"")), settings.max_query_bytes)
    url = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
    raw = await _body(request, settings.max_query_bytes)
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the request body is not UTF-8") from None
    if content_type == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body, keep_blank_values=True)
        params = {**url, **form}
        queries, updates = form.get("query", []), form.get("update", [])
        if len(queries) + len(updates) != 1:
            raise QueryError("give exactly one 'query' or one 'update'")
        if updates:
            return await _update(request, updates[0])
        text = queries[0]
    elif content_type == "application/sparql-query":
        params, text = url, body
    elif content_type == "application/sparql-update":
        return await _update(request, body)
    else:
        raise UnsupportedMediaType(
            f"content type '{content_type or '(none)'}' is not read here; send "
            "application/x-www-form-urlencoded, application/sparql-query or "
            "application/sparql-update")
    fmt = _format_name((params.get("format") or [None])[0])
    return await _answer(request, text, params.get("default-graph-uri", []),
                         params.get("named-graph-uri", []), fmt)


_FORMAT_NAMES = [n for f in RESULT_FORMATS + GRAPH_FORMATS for n in f.aliases]


def _format_name(value: str | None) -> str | None:
    """The `format` parameter, checked against the documented names (422 otherwise)."""
    if value is None or value in _FORMAT_NAMES:
        return value
    raise InvalidParameter("format", f"expected one of {', '.join(_FORMAT_NAMES)}, got {value!r}")


async def _body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused (413) as soon as it passes `max_bytes`: never read whole."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit():
        check_size(int(declared), max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        check_size(size, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


# Texts above this are inspected in a worker thread: the event loop never scans a large text.
_INLINE_INSPECT = 20_000


def _inspect_within_limits(text: str, max_depth: int) -> Operation:
    # Nesting and operator chains first: past them the engine's parser overflows its stack.
    check_structure(text, max_depth=max_depth)
    return inspect(text)


async def _inspected(text: str, settings: Settings) -> Operation:
    """The request's operation, its structure checked (linear time, off the event loop for
    large texts; the text's size was checked on the raw request)."""
    if len(text) <= _INLINE_INSPECT:
        return _inspect_within_limits(text, settings.max_query_depth)
    return await run_in_threadpool(_inspect_within_limits, text, settings.max_query_depth)


async def _answer(request: Request, text: str, default_graph: list[str],
                  named_graphs: list[str], format_name: str | None) -> Response:
    settings = get_settings(request)
    op = await _inspected(text, settings)
    check(op, update_token=settings.update_token,
          presented_token=bearer_token(request.headers.get("authorization")))
    accept = request.headers.get("accept")
    if request.method == "GET" and not format_name and prefers_html(accept):
        return _editor(request, text)
    # Negotiate before running: a format nobody can use is refused without work.
    graph = op.returns_graph
    results_format = FORMATS["json"] if graph else negotiate(accept, graph=False,
                                                             format_name=format_name)
    graph_format = negotiate(accept, graph=True, format_name=format_name) if graph \
        else FORMATS["turtle"]
    dataset = bool(default_graph or named_graphs)
    store = get_store(request)

    def run(remaining: float):
        return query_serialized(
            store, text, results_format=results_format, graph_format=graph_format,
            limit=settings.result_limit, timeout=remaining,
            default_graph=list(default_graph) if dataset else None,
            named_graphs=list(named_graphs) if dataset else None)

    in_process = getattr(store, "answers_in_process", None)
    if in_process is not None and in_process(text):
        # One triple pattern: its cost is bounded by the result limit, and it is cheaper to
        # answer here than to hand over to a thread (no queue either: it never waits behind
        # long queries).
        result = run(settings.query_timeout)
    else:
        result = await get_scheduler(request).run(client_address(request),
                                                  settings.query_timeout, run)
    return Response(result.body, media_type=result.format.media_type,
                    headers={"Vary": "Accept"})


async def _update(request: Request, text: str) -> Response:
    settings = get_settings(request)
    check(await _inspected(text, settings), as_update=True, update_token=settings.update_token,
          presented_token=bearer_token(request.headers.get("authorization")))
    store = get_store(request)
    if not hasattr(store, "update"):
        raise QueryError("this store takes no updates")
    await run_in_threadpool(store.update, text)
    return Response(status_code=204)


async def _without_query(request: Request, format_name: str | None) -> Response:
    accept = request.headers.get("accept")
    if not format_name and prefers_html(accept):
        return _editor(request, None)
    try:
        fmt = negotiate(accept, graph=True, format_name=format_name)
    except NotAcceptable:
        raise QueryError("no query given: send one as ?query=... or POST it; without a query "
                         "this endpoint describes itself in an RDF format "
                         "(Accept: text/turtle)") from None
    store = get_store(request)
    graphs = await run_in_threadpool(getattr(store, "named_graphs", list))
    triples = service_description(_endpoint(request), graphs,
                                  updates=bool(get_settings(request).update_token))
    return Response(serialize_triples(triples, fmt, SD_PREFIXES), media_type=fmt.media_type,
                    headers={"Vary": "Accept"})


def _endpoint(request: Request) -> str:
    """This endpoint's URL: under the configured public base, else the address the server
    listens on; never the client's Host header (a client could make us state another host)."""
    public = get_settings(request).public_base
    if public:
        return public.rstrip("/") + "/sparql"
    scheme = request.scope.get("scheme", "http")
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    host = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}.get(scheme)
    address = host if port in (None, default) else f"{host}:{port}"
    return f"{scheme}://{address}{request.scope.get('root_path', '')}/sparql"


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def _editor(request: Request, query: str | None) -> HTMLResponse:
    """The query editor page, in the site's frame (api/templates/sparql.html, script in
    api/static/sparql.js)."""
    from ..i18n import lang_of
    from ..pages import render

    lang = lang_of(request)
    examples = [{"name": q.name, "title": q.title.get(lang) or q.title.get("en") or q.name,
                 "query": q.text} for q in get_catalog(request).values()]
    return render(request, "sparql.html", examples=examples, examples_json=_script_json(
        examples), query_json=_script_json(query), prefixes_json=_script_json(PREFIXES))
