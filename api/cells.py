"""The HTML of an entity page's repeated parts: a property's name, a value (a link, or a
literal with its language or datatype tag), the table of a resource's or a fact's statements,
a fact's quotes and source, the cards and names of the facts about a resource, and the table
of roles.

Written in Python rather than as Jinja macros: a median cluster page holds about 500 values,
24 quoted facts and a table of roles, and as macros they were most of its rendering time (a
macro call costs about 10 µs). Pages are the same, byte for byte, as with the macros.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from .links import web_url

try:  # the C escape behind markupsafe.escape, without its Markup object
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - another MarkupSafe
    _escape_inner = None

# Datatypes a value is shown without: its text says what it is.
_PLAIN = frozenset(("xsd:string", "xsd:integer", "xsd:date", "xsd:gYear"))
# A role's mark in the tables of roles.
_MARKS = {"chair": "★", "standing-vice-chair": "◆"}
_INFERRED = ' class="is-inferred"'


class Cells:
    """Property names, values and tables in one page's language, linked by its href()."""

    def __init__(self, href: Callable[[str], str | None], label: Callable[..., str],
                 lang: str, t: Callable[[str], str], show: Callable[[str], str]) -> None:
        self.href = href
        self.label = label
        self.lang = lang
        self.t = t
        self.show = show  # an IRI as written on the page
        self._prop_names: dict[str, Markup] = {}  # a page's cards share a dozen properties

    def prop_name(self, p: dict) -> Markup:
        found = self._prop_names.get(p["iri"])
        if found is None:
            found = self._prop_names[p["iri"]] = self._prop_name(p)
        return found

    def _prop_name(self, p: dict) -> Markup:
        link = _esc(self.href(p["iri"]))
        if p["labels"]:
            return Markup(f'{_esc(self.label(p["labels"]))} <a class="curie" href="{link}">'
                          f'{_esc(p["curie"])}</a>')
        return Markup(f'<a class="curie plain" href="{link}">{_esc(p["curie"])}</a>')

    def value(self, v: dict, this: str | None = None) -> Markup:
        if v["type"] == "uri":
            name = _esc(self.label(v["labels"], v["curie"]))
            if this and v["iri"] == this:
                return Markup(f'<strong class="this">{name}</strong>')
            link = self.href(v["iri"])
            if link:
                external = "" if v["local"] else ' class="external"'
                return Markup(f'<a href="{_esc(link)}"{external}>{name}</a>')
            return Markup(f'<span class="iri">{name}</span>')
        lang, datatype = v.get("lang"), v.get("datatype")
        attribute = f' lang="{_esc(lang)}"' if lang else ""
        out = f'<span class="literal"{attribute}>{_esc(v["value"])}</span>'
        if lang and lang != self.lang:
            out += f' <span class="tag">@{_esc(lang)}</span>'
        elif datatype and datatype not in _PLAIN:
            out += f' <span class="tag">{_esc(datatype)}</span>'
        return Markup(out)

    def property_table(self, groups: list[dict], this: str | None = None) -> Markup:
        if not groups:
            return Markup("")
        rows = ["<table class=\"props\">\n"]
        for g in groups:
            values = "".join(f"<div>{self.value(v, this)}</div>" for v in g["values"])
            rows.append(f'<tr><th scope="row">{self.prop_name(g["property"])}</th>\n'
                        f"<td>{values}</td></tr>\n")
        rows.append("</table>\n")
        return Markup("".join(rows))

    def provenance(self, p: dict) -> Markup:
        """A fact's quotes, what it was inferred from, its source and how it was extracted."""
        href, label, t = self.href, self.label, self.t
        out = ['<div class="provenance">\n']
        out += [f'<blockquote lang="vi">“{_esc(q)}”</blockquote>' for q in p["evidence"]]
        out.append('  <p class="source">\n')
        if p.get("inferred"):
            out.append(f'<span class="badge inferred">{_esc(t("inferred"))}</span>\n')
            out.append(", ".join(
                f'{_esc(t("inferred_from"))} <a href="{_esc(href(f["iri"]))}">'
                f'{_esc(label(f["fact_labels"] or f["labels"], f["curie"]))}</a>'
                for f in p["inferred_from"]))
            out.append(" ·\n")
        source = p.get("source")
        if source:
            out.append(f'{_esc(t("source"))}: <a href="{_esc(href(source["iri"]))}" '
                       f'lang="vi">{_esc(source.get("title") or source["iri"])}</a>')
            url = source.get("url")
            if web_url(url):
                out.append(f' (<a class="external" href="{_esc(url)}">'
                           f'{_esc(t("original"))}</a>)')
            elif url:
                out.append(f' ({_esc(t("original"))}: <code>{_esc(url)}</code>)')
        extraction = p.get("extraction")
        if extraction:
            out.append(f' · <span class="extraction">{_esc(t("extracted"))} '
                       f'{_esc(extraction["method"])}')
            if extraction["confidence"] is not None:
                out.append(f', {_esc(t("confidence"))} {_esc(extraction["confidence"])}')
            out.append("</span>")
        out.append("  </p>\n")
        out += [f'<p class="note" lang="en">{_esc(n)}</p>' for n in p.get("notes") or ()]
        out.append("</div>")
        return Markup("".join(out))

    def facts(self, groups: list[dict], this: str) -> Markup:
        """Each kind of fact: its heading with the count, the facts shown whole (statements,
        quotes, source) as cards, then the others by name."""
        out = []
        inferred = f' <span class="badge inferred">{_esc(self.t("inferred"))}</span>'
        for group in groups:
            kind = group["class"]
            out.append(f'<h3>{_esc(self.label(kind["labels"], kind["name"]).capitalize())} '
                       f'<span class="count">({len(group["items"])})</span></h3>\n')
            named = []
            for f in group["items"]:
                if not f["provenance"]:
                    named.append(f)
                    continue
                out.append(f'<article class="fact{" is-inferred" if f["inferred"] else ""}">\n'
                           f'  <h4>{self._fact_link(f)}</h4>\n'
                           f'  {self.property_table(f["properties"], this)}\n'
                           f'  {self.provenance(f["provenance"])}\n</article>\n')
            if named:
                out.append('<ul class="named-facts">\n')
                out += [f'<li{_INFERRED if f["inferred"] else ""}>'
                        f'{self._fact_link(f)}{inferred if f["inferred"] else ""}</li>\n'
                        for f in named]
                out.append("</ul>\n")
        return Markup("".join(out))

    def _fact_link(self, f: dict) -> str:
        name = self.label(f["labels"], self.show(f["iri"]).rsplit("/", 1)[-1])
        return f'<a href="{_esc(self.href(f["iri"]))}">{_esc(name)}</a>'

    def role_mark(self, role: str) -> Markup:
        return Markup(f'<span class="mark role-{_esc(role)}" aria-hidden="true">'
                      f'{_MARKS.get(role, "▲")}</span>')

    def leadership_table(self, rows: list[dict], this: str) -> Markup:
        """The compact "year · role · cluster · unit · person · source" table of roles."""
        href, label, t = self.href, self.label, self.t
        heads = "".join(f'<th scope="col">{_esc(t(k))}</th>'
                        for k in ("year", "role", "cluster", "unit", "person", "source"))
        out = ['<table class="leadership-table">\n', f"<thead><tr>{heads}</tr></thead>\n",
               "<tbody>\n"]
        inferred = f' <span class="badge inferred">{_esc(t("inferred"))}</span>'

        def cell(thing: dict | None) -> str:
            if not thing:
                return ""
            name = _esc(label(thing["labels"]))
            if thing["iri"] == this:
                return f'<strong class="this">{name}</strong>'
            return f'<a href="{_esc(href(thing["iri"]))}">{name}</a>'

        for r in rows:
            source = r.get("source")
            link = (f'<a href="{_esc(href(source["iri"]))}" lang="vi" '
                    f'title="{_esc(r.get("quote") or "")}">'
                    f'{_esc(_truncate(str(source["title"]), 60))}</a>' if source else "")
            mark = (' class="is-inferred"', inferred) if r.get("inferred") else ("", "")
            out.append(
                f'<tr{mark[0]}>\n<td>{_esc(r["year"])}</td>\n'
                f'<td>{self.role_mark(r["role"])} <a href="{_esc(href(r["fact"]))}">'
                f'{_esc(label(r["role_labels"]))}</a>{mark[1]}</td>\n'
                f'<td>{cell(r["cluster"])}</td>\n<td>{cell(r.get("unit"))}</td>\n'
                f'<td>{cell(r.get("person"))}</td>\n<td>{link}</td>\n</tr>\n')
        out.append("</tbody>\n</table>")
        return Markup("".join(out))


def _truncate(text: str, length: int, leeway: int = 5, end: str = "...") -> str:
    """Jinja's truncate filter with its defaults: whole words, within a leeway."""
    if len(text) <= length + leeway:
        return text
    return text[:length - len(end)].rsplit(" ", 1)[0] + end


def _esc(value: object) -> str:
    """markupsafe.escape's text as a plain string: a cell's parts are formatted into one string,
    so the Markup object each call makes (a page makes a thousand) is not needed."""
    if _escape_inner is not None and type(value) is str:
        return _escape_inner(value)
    return str(escape(value))
