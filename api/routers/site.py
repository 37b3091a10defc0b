"""The site's own pages: the home page, the leadership overview, search results, and names for
IRIs (for the SPARQL results view). The data is pbkg.site's; this module maps requests and
renders. (Any other path a browser asks for gets api.errors' 404, rendered by api.pages.)"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse, Response

from pbkg.errors import InvalidParameter
from pbkg.site import Site

from ..i18n import lang_of
from ..pages import render

router = APIRouter()
MAX_LABELS = 500


def _site(request: Request) -> Site:
    state = request.app.state
    return Site(state.store, state.project.queries, state.settings)


def _examples(request: Request) -> list[dict]:
    lang = lang_of(request)
    return [{"name": q.name, "title": q.title.get(lang) or q.title.get("en") or q.name}
            for q in request.app.state.catalog.values()]


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    # Kept while the store cannot change (as the leadership overview).
    return render(request, "home.html", keep=True, home=_site(request).home(),
                  examples=_examples(request))


@router.get("/leadership", include_in_schema=False)
def leadership(request: Request, page: Annotated[int, Query(ge=1, le=10**6)] = 1) -> Response:
    # Kept while the store cannot change: rendering a page costs more than reading the
    # build's answers. A page past the last is pbkg's NotFound (a 404).
    return render(request, "leadership.html", keep=True,
                  overview=_site(request).leadership(page))


@router.get("/search", include_in_schema=False)
def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    hits: list[dict] = []
    message = None
    if q.strip():
        try:
            hits = _site(request).search_page(q)
        except InvalidParameter as exc:
            message = str(exc)
    return render(request, "search.html", hits=hits, message=message,
                  status=200 if message is None else 422)


@router.post("/api/labels", summary="Names of IRIs (for displaying query results)",
             description="A JSON list of IRIs in; for each one known to the graph, its "
                         "Vietnamese and English names (with the validity period where two "
                         "share a name) and its page. At most 500 IRIs.")
def labels(request: Request, iris: Annotated[list[str], Body(
        max_length=MAX_LABELS, examples=[["https://w3id.org/pbkg/id/cluster/"
                                          "to-chuc-xay-dung-dang-cum-5"]])]) -> JSONResponse:
    site = _site(request)
    from pbkg.linked_data import Links

    links = Links.from_settings(request.app.state.settings)
    out = {}
    for iri in iris:
        if not isinstance(iri, str) or len(iri) > 500:
            continue
        names = site.index.labels(iri)
        if not names:
            continue
        if iri.startswith(site.id_base):
            names = site.name_labels(iri)
        out[links.iri(iri)] = {"labels": names, "href": links.href(iri)}
    return JSONResponse(out)
