"""HTML pages: one Jinja environment, one render() that gives every template the links, the
language and its texts, and the HTML error page for browsers (api.errors calls html_error()).

Templates hold no inline script or style attribute that a strict Content-Security-Policy would
block: behaviour is in api/static/*.js.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from pbkg.linked_data import Links, wants_html

from .cells import Cells
from .i18n import COOKIE, LANGS, lang_of, translator
from .links import safe_href, web_url


@lru_cache(maxsize=1)
def templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("api", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["web_url"] = web_url
    return env


# Pages kept while the store cannot change (render(..., keep=True)), most recent last.
KEPT_PAGES = 128
_KEPT_LOCK = threading.Lock()


def render(request: Request, template: str, status: int = 200,
           headers: dict[str, str] | None = None, keep: bool = False,
           **context: Any) -> HTMLResponse:
    """A page; with keep, the HTML is kept by template, URL, language and settings while the
    store is immutable (the build's, as served), so the same request is not rendered again."""
    links = Links.from_settings(request.app.state.settings)
    lang = lang_of(request)
    kept = _kept_pages(request) if keep else None
    key = (template, str(request.url), lang, request.app.state.settings)
    html = kept.get(key) if kept is not None else None
    if html is None:
        html = _render(request, template, links, lang, context)
        if kept is not None:
            with _KEPT_LOCK:
                kept[key] = html
                while len(kept) > KEPT_PAGES:
                    kept.popitem(last=False)
    response = HTMLResponse(html, status_code=status,
                            headers={"Vary": "Accept, Accept-Language, Cookie", **(headers or {})})
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _kept_pages(request: Request) -> OrderedDict | None:
    store = request.app.state.store
    if not getattr(store, "immutable", False):
        return None
    with _KEPT_LOCK:
        kept = getattr(store, "_pbkg_kept_pages", None)
        if kept is None:
            kept = OrderedDict()
            store._pbkg_kept_pages = kept
    return kept


def _render(request: Request, template: str, links: Links, lang: str,
            context: dict[str, Any]) -> str:

    def label(labels: dict | None, fallback: str = "") -> str:
        labels = labels or {}
        return labels.get(lang) or labels.get("vi") or labels.get("en") or fallback

    def switch(to: str) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        return request.url.path + "?" + urlencode([*params, ("lang", to)])

    href, t = safe_href(links.href), translator(lang)
    return templates().get_template(template).render(
        href=href, cells=Cells(href, label, lang, t, links.iri), show=links.iri,
        path=links.path, label=label, lang=lang, langs=LANGS, t=t, switch=switch,
        current=request.url.path,
        q=request.query_params.get("q", "")[:200], **context)


def html_error(request: Request, status: int, message: str,
               title: str | None = None) -> HTMLResponse:
    """The error page for a browser: the message, "did you mean" for a path that names
    nothing (/id/doc/x -> /id/document/x) and a search box."""
    suggestions: list[dict] = []
    if status == 404:
        try:
            from pbkg.site import Site

            state = request.app.state
            if state.store is not None:
                site = Site(state.store, state.project.queries, state.settings)
                suggestions = site.suggest(request.url.path)
        except Exception:  # noqa: BLE001 - an error page must not fail in turn
            suggestions = []
    return render(request, "error.html", status=status, status_code=status, message=message,
                  title=title, suggestions=suggestions)


def prefers_html(request: Request) -> bool:
    return wants_html(request.headers.get("accept"))
