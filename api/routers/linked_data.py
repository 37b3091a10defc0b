"""Linked data over HTTP: /id/... and /ontology dereference with content negotiation, the
JSON-LD context, the VoID/DCAT description at /.well-known/void, and the dumps at /dumps/.

What to send is decided by pbkg.linked_data; this module only maps requests and renders pages.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response, StreamingResponse

from pbkg import linked_data as ld
from pbkg.asof import parse_as_of
from pbkg.errors import InvalidParameter, NotFound
from pbkg.linked_data import Format, LinkedData, Links
from pbkg.redirects import kept_iri

from .. import errors
from ..pages import html_error, render

router = APIRouter(tags=["linked data"])

DUMP_INDEX_FORMATS = [Format("json", "application/json", "json"), ld.HTML]


def format_param(offered: list[Format]) -> Any:
    """The ?format= parameter of a route: the values that select one of `offered`, documented
    as an enum."""
    names = tuple(ld.format_names(offered))
    # Not Optional: the default None is enough, and the schema stays a plain enum.
    return Annotated[Literal[names], Query(  # type: ignore[valid-type]
        alias="format", examples=[offered[0].name],
        description="Overrides Accept: " + ", ".join(names))]


PageFormat = format_param(ld.PAGE_FORMATS)
RdfFormat = format_param(ld.RDF_FORMATS)
DumpsFormat = format_param(DUMP_INDEX_FORMATS)
# A string, parsed by pbkg.asof, so that a bad date gets 400 with the same message as the CLI's.
AsOfPage = Annotated[str | None, Query(
    examples=["2021-06-30"],
    description="As of a day (YYYY-MM-DD), for the HTML page: the facts of that year, whether "
                "the resource existed that day, its lineage both ways")]
FactsPage = Annotated[Literal["all"] | None, Query(
    description="all: the HTML page shows every fact whole (statements, quotes, source); by "
                f"default each kind shows its latest {ld.FACT_CARDS} whole and lists the others "
                "by name")]
RDF_CONTENT = {f.media_type: {} for f in ld.PAGE_FORMATS}
DEREF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The resource, in the negotiated format", "content": RDF_CONTENT},
    400: {"description": "A bad as_of, or as_of with an RDF format"},
    404: {"description": "Unknown IRI (an HTML page for browsers, problem details otherwise)"},
    406: {"description": "No acceptable format"},
    422: {"description": "Unknown ?format="},
}


def service(request: Request) -> LinkedData:
    state = request.app.state
    return LinkedData(state.store, state.project.queries, state.settings)


def rdf_response(data: bytes, fmt: Format, alternates: str | None = None) -> Response:
    headers = {"Vary": "Accept"}
    if alternates:
        headers["Link"] = alternates
    media = fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") else "")
    return Response(data, media_type=media, headers=headers)


def _alternates(links: Links, base_path: str) -> str:
    return ", ".join(f'<{links.path(base_path)}.{f.extension}>; rel="alternate"; '
                     f'type="{f.media_type}"' for f in ld.PAGE_FORMATS)


def not_found(request: Request, message: str) -> Response:
    if ld.wants_html(request.headers.get("accept")):
        return html_error(request, 404, message)
    return errors.problem(request, 404, message, type_=errors.TYPE_PREFIX + "not-found")


def bad_request(request: Request, exc: InvalidParameter) -> Response:
    """400: the HTML error page for a browser, problem details otherwise."""
    return errors.problem(request, 400, str(exc), type_=errors.problem_type(exc),
                          parameter=exc.name)


def not_acceptable(exc: Exception, request: Request) -> Response:
    return errors.problem(request, 406, str(exc), type_=errors.problem_type(exc))


@router.head("/id/{path:path}", include_in_schema=False)
@router.get("/id/{path:path}", responses=DEREF_RESPONSES,
                  summary="Dereference an instance IRI",
                  description="https://w3id.org/pbkg/id/KIND/SLUG as an HTML page, Turtle, "
                              "JSON-LD, N-Triples or RDF/XML, by Accept, ?format= or a file "
                              "extension (/id/cluster/x.ttl). The RDF is the resource's own "
                              "statements plus those of the fact nodes pointing at it, each with "
                              "its source article and evidence.")
def dereference(request: Request, path: str, format: PageFormat = None,
                as_of: AsOfPage = None, facts: FactsPage = None) -> Response:
    lds = service(request)
    try:
        iri, extension = lds.resolve(path)
        # A retired IRI (folded into another node, issue 8) moves permanently to the kept one.
        kept = kept_iri(request.app.state.store, request.app.state.project.queries, iri)
        if kept:
            target = lds.links.href(kept) + (f".{extension}" if extension else "")
            query = request.url.query
            return RedirectResponse(target + (f"?{query}" if query else ""), status_code=301)
        fmt = ld.choose(request.headers.get("accept"), format, extension, ld.PAGE_FORMATS)
        day = parse_as_of(as_of)
        if fmt is ld.HTML:
            return render(request, "entity.html", keep=True,
                          page=lds.page(iri, as_of=day, all_facts=facts == "all"),
                          all_facts_href=_all_facts_href(request),
                          formats=ld.RDF_FORMATS, base_path=iri[len(lds.base):])
        if day is not None:
            # The RDF is the resource's whole description; the API's lookups take as_of.
            raise InvalidParameter("as_of", "as_of selects what the HTML page shows; the RDF "
                                            "formats describe the resource whole (ask "
                                            "/api/... with as_of for JSON as of a date)")
        data = ld.serialize(lds.describe(iri), fmt, lds.links)
    except InvalidParameter as exc:
        return bad_request(request, exc)
    except NotFound as exc:
        return not_found(request, str(exc))
    except ld.NotAcceptable as exc:
        return not_acceptable(exc, request)
    return rdf_response(data, fmt, _alternates(lds.links, iri[len(lds.base):]))


def _all_facts_href(request: Request) -> str:
    """This page with every fact whole (its other parameters kept)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "facts"]
    return f"{request.url.path}?{urlencode([*params, ('facts', 'all')])}#facts"


@router.head("/ontology", include_in_schema=False)
@router.get("/ontology", responses=DEREF_RESPONSES,
                  summary="The ontology", description="https://w3id.org/pbkg/ontology and its "
                  "#Terms, as an HTML page (one anchor per term) or RDF, by content negotiation.")
def ontology(request: Request, format: PageFormat = None) -> Response:
    return _ontology(request, format, None)


@router.head("/ontology.{extension}", include_in_schema=False)
@router.get("/ontology.{extension}", responses=DEREF_RESPONSES,
                  summary="The ontology in the format of a file extension",
                  description="ttl, jsonld, nt, rdf or html.")
def ontology_file(request: Request, extension: str) -> Response:
    return _ontology(request, None, extension)


def _ontology(request: Request, format: str | None, extension: str | None) -> Response:
    lds = service(request)
    try:
        fmt = ld.choose(request.headers.get("accept"), format, extension, ld.PAGE_FORMATS)
    except NotFound as exc:
        return not_found(request, str(exc))
    except ld.NotAcceptable as exc:
        return not_acceptable(exc, request)
    if fmt is ld.HTML:
        return render(request, "ontology.html", onto=lds.ontology_page(), formats=ld.RDF_FORMATS)
    return rdf_response(ld.serialize(lds.ontology(), fmt, lds.links), fmt,
                        _alternates(lds.links, "ontology"))


@router.get("/context.jsonld", summary="The JSON-LD context",
            description="The prefixes of the vocabularies the data uses, as a JSON-LD context.",
            responses={200: {"content": {"application/ld+json": {}}}})
def context(request: Request) -> Response:
    links = Links.from_settings(request.app.state.settings)
    body = json.dumps(ld.jsonld_context(links), indent=1, ensure_ascii=False)
    return Response(body, media_type="application/ld+json")


@router.head("/.well-known/void", include_in_schema=False)
@router.get("/.well-known/void", summary="VoID and DCAT description of the dataset",
            description="Title, licence, counts computed from the store, SPARQL endpoint, dumps "
                        "with media types, vocabularies, URI space and named graphs as subsets. "
                        "Turtle by default; JSON-LD, N-Triples, RDF/XML by negotiation; an "
                        "HTML page when the client prefers HTML (a browser).",
            responses={200: {"content": {f.media_type: {} for f in [*ld.RDF_FORMATS, ld.HTML]}},
                       406: {"description": "No acceptable format"}})
def void(request: Request, format: RdfFormat = None) -> Response:
    lds = service(request)
    try:
        fmt = ld.choose(request.headers.get("accept"), format, None, [*ld.RDF_FORMATS, ld.HTML])
    except ld.NotAcceptable as exc:
        return not_acceptable(exc, request)
    if fmt is ld.HTML:
        return render(request, "void.html", void=lds.void_page(_dist(request)),
                      formats=ld.RDF_FORMATS)
    return rdf_response(ld.serialize(lds.void(), fmt, lds.links), fmt)


def _dist(request: Request):
    return request.app.state.project.dist


@router.get("/dumps", include_in_schema=False)
@router.get("/dumps/", summary="The whole-dataset dumps",
            description="A listing of the dump files of the last build (HTML for browsers, JSON "
                        "otherwise).",
            responses={200: {"content": {"text/html": {}, "application/json": {}}}})
def dumps_index(request: Request, format: DumpsFormat = None) -> Response:
    links = Links.from_settings(request.app.state.settings)
    index = ld.dumps_index(_dist(request), links)
    offered = DUMP_INDEX_FORMATS
    try:
        fmt = ld.choose(request.headers.get("accept"), format, None, offered)
    except ld.NotAcceptable as exc:
        return not_acceptable(exc, request)
    if fmt is ld.HTML:
        return render(request, "dumps.html", index=index)
    return Response(json.dumps(links.json(index), ensure_ascii=False, indent=1),
                    media_type="application/json", headers={"Vary": "Accept"})


@router.head("/dumps/{filename}", include_in_schema=False)
@router.get("/dumps/{filename}", summary="Download a dump",
            description="pbkg.trig and pbkg.nq keep the named graphs (one per source); pbkg.ttl, "
                        ".nt, .jsonld and .rdf hold their union.",
            responses={200: {"content": {f.media_type: {} for f in
                                         (d[1] for d in ld.DUMPS.values())}},
                       404: {"description": "No such dump, or not built yet"}})
def dump_file(request: Request, filename: str) -> Response:
    try:
        d = ld.dump(_dist(request), filename)
    except NotFound as exc:
        return not_found(request, str(exc))
    links = Links.from_settings(request.app.state.settings)
    headers = {"Content-Disposition": f'attachment; filename="{d.filename}"'}
    if links.public:
        return StreamingResponse(_rewritten(d.path, links), media_type=d.media_type,
                                 headers=headers)
    return FileResponse(d.path, media_type=d.media_type, headers=headers)


def _rewritten(path, links: Links, block: int = 2**20):
    """A dump with its IRIs moved to the public base, streamed: rewritten a block of whole
    lines at a time (an IRI never spans lines), never read whole into memory."""
    with path.open("rb") as f:
        rest = b""
        while chunk := f.read(block):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            rest = chunk[cut:]
            if cut:
                yield links.data(chunk[:cut])
        if rest:
            yield links.data(rest)
